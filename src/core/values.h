/* What the attributes hold, and what one such value object costs. */
#ifndef SLOTEXPLORE_VALUES_H
#define SLOTEXPLORE_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/profile.h"

enum value_type {
	VALUE_NONE,      /* None everywhere: shared, interpreter-owned */
	VALUE_SMALLINT,  /* attribute i holds the int i+1, shared by every instance */
	VALUE_INT,       /* ints of `bits` bits */
	VALUE_FLOAT,
	VALUE_STR        /* str of `len` characters of `str_kind` */
};

enum str_kind { STR_ASCII, STR_LATIN1, STR_UCS2, STR_UCS4 };

struct value_spec {
	enum value_type type;
	unsigned bits;            /* VALUE_INT */
	unsigned len;             /* VALUE_STR */
	enum str_kind str_kind;   /* VALUE_STR */
	bool shared;              /* one object per attribute, shared by all instances */
};

#define VALUE_INT_MIN_BITS 10
#define VALUE_INT_MAX_BITS 100000
#define VALUE_STR_MAX_LEN 100000000u

/* Syntax: none | smallint | int:BITS | float | str:LEN[:ascii|latin1|ucs2|ucs4],
 * each optionally followed by ",shared". */
bool value_spec_parse(const char *text, struct value_spec *out, char *err, size_t errlen);
/* Canonical text form, parseable by value_spec_parse. */
void value_spec_format(const struct value_spec *v, char *buf, size_t n);
/* A sentence for notes: "unique 64-bit ints, owned by each instance". */
void value_spec_describe(const struct value_spec *v, char *buf, size_t n);

/* A value per attribute: --values int:30,str:12,str:40:ucs2,float,none.
 * Entry i is attribute i's value; a bare "shared" entry makes the one
 * before it shared (int:30,shared,str:12); a trailing "..." repeats the
 * last entry for the attributes past the list. A list of one entry is a
 * single spec as before: every attribute takes it. */
#define VALUE_LIST_MAX 256u
#define VALUE_LIST_TEXT 4096   /* the longest list text accepted, with its NUL */

struct value_list {
	unsigned n;                /* entries: 1 to VALUE_LIST_MAX */
	bool repeat_last;          /* "..." (a one-entry list always repeats) */
	struct value_spec item[VALUE_LIST_MAX];
};

/* False with a one-line message: an empty entry, a bad one (named by its
 * position), "shared" or "..." out of place, over VALUE_LIST_MAX entries. */
bool value_list_parse(const char *text, struct value_list *out, char *err, size_t errlen);
/* Canonical text, parseable by value_list_parse; a one-entry list is its
 * spec's text (value_spec_format). Needs VALUE_LIST_TEXT bytes at most. */
void value_list_format(const struct value_list *l, char *buf, size_t n);
/* The same text cut at a comma to fit n bytes (n >= 4), an ellipsis marking
 * the cut, for headers ("int:30,str:12,\u2026"). */
void value_list_format_short(const struct value_list *l, char *buf, size_t n);
/* A one-entry list of v. */
void value_list_single(struct value_list *l, const struct value_spec *v);
/* The spec of attribute i (the last one past the list). */
const struct value_spec *value_list_at(const struct value_list *l, unsigned i);
/* True when the list gives a value to each of `attrs` attributes. */
bool value_list_covers(const struct value_list *l, unsigned attrs);
/* True when the first `attrs` attributes all take the same spec. */
bool value_list_uniform(const struct value_list *l, unsigned attrs);
bool value_spec_equal(const struct value_spec *a, const struct value_spec *b);
bool value_list_equal(const struct value_list *a, const struct value_list *b);
/* For notes: value_spec_describe of a one-entry or uniform list, else
 * "a value per attribute: int:30, str:12, ...". */
void value_list_describe(const struct value_list *l, unsigned attrs, char *buf, size_t n);
/* The one-line error for a list that does not cover `attrs` ("--values
 * lists 3 values but --attrs is 5; end the list with ... to repeat the
 * last"); `what` names the attribute count ("--attrs is 5"). */
void value_list_short_message(const struct value_list *l, const char *what, char *err,
                              size_t errlen);

/* One value object. `cached` objects exist anyway (None, small ints,
 * one-character strings) and cost nothing when an instance refers to them. */
struct value_object {
	uint64_t getsizeof;
	uint64_t requested;
	bool cached;
};

/* The object stored in attribute `index` (0-based). */
struct value_object value_object_cost(const struct value_spec *v, const struct profile *pr,
                                      enum abi abi, unsigned index);
/* True when each instance has objects of its own for its attributes. */
bool value_spec_owned(const struct value_spec *v);
/* Bytes of an ASCII str object of length len (getsizeof == requested). */
uint64_t str_ascii_size(const struct profile *pr, enum abi abi, uint64_t len);

#endif
