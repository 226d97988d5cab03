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
