#include "config.h"

#include "core/values.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const str_kind_names[] = { "ascii", "latin1", "ucs2", "ucs4" };

static bool bad(char *err, size_t errlen, const char *text, const char *why)
{
	snprintf(err, errlen, "'%s' %s (expected none, smallint, int:BITS, float or "
	         "str:LEN[:ascii|latin1|ucs2|ucs4], optionally followed by ,shared)", text, why);
	return false;
}

static bool parse_unsigned(const char *s, unsigned long max, unsigned *out)
{
	if (*s < '0' || *s > '9')
		return false;
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (*end || errno || v > max)
		return false;
	*out = (unsigned)v;
	return true;
}

bool value_spec_parse(const char *text, struct value_spec *out, char *err, size_t errlen)
{
	char buf[64];
	if (strlen(text) >= sizeof buf)
		return bad(err, errlen, text, "is too long");
	snprintf(buf, sizeof buf, "%s", text);

	struct value_spec v = { .type = VALUE_NONE, .str_kind = STR_ASCII };
	char *comma = strchr(buf, ',');
	if (comma) {
		*comma = '\0';
		if (strcmp(comma + 1, "shared") != 0)
			return bad(err, errlen, text, "has an unknown modifier after ','");
		v.shared = true;
	}
	char *arg = strchr(buf, ':');
	if (arg)
		*arg++ = '\0';

	if (strcmp(buf, "none") == 0 || strcmp(buf, "smallint") == 0) {
		if (arg)
			return bad(err, errlen, text, "takes no ':' argument");
		v.type = buf[0] == 'n' ? VALUE_NONE : VALUE_SMALLINT;
		v.shared = true; /* these are shared by nature */
	} else if (strcmp(buf, "float") == 0) {
		if (arg)
			return bad(err, errlen, text, "takes no ':' argument");
		v.type = VALUE_FLOAT;
	} else if (strcmp(buf, "int") == 0) {
		v.type = VALUE_INT;
		v.bits = 64;
		if (arg && (!parse_unsigned(arg, VALUE_INT_MAX_BITS, &v.bits) ||
		            v.bits < VALUE_INT_MIN_BITS)) {
			snprintf(err, errlen, "'%s': int:BITS takes BITS from %d to %d (smaller ints are "
			         "cached by CPython: use smallint)", text, VALUE_INT_MIN_BITS, VALUE_INT_MAX_BITS);
			return false;
		}
	} else if (strcmp(buf, "str") == 0) {
		v.type = VALUE_STR;
		v.len = 10;
		if (arg) {
			char *kind = strchr(arg, ':');
			if (kind) {
				*kind++ = '\0';
				bool found = false;
				for (int k = 0; k < 4; k++)
					if (strcmp(kind, str_kind_names[k]) == 0) {
						v.str_kind = (enum str_kind)k;
						found = true;
					}
				if (!found)
					return bad(err, errlen, text, "has a str kind other than ascii, latin1, ucs2, ucs4");
			}
			if (!parse_unsigned(arg, VALUE_STR_MAX_LEN, &v.len)) {
				snprintf(err, errlen, "'%s': str:LEN takes LEN from 0 to %u", text, VALUE_STR_MAX_LEN);
				return false;
			}
		}
	} else {
		return bad(err, errlen, text, "is not a value type");
	}
	*out = v;
	return true;
}

void value_spec_format(const struct value_spec *v, char *buf, size_t n)
{
	const char *shared = v->shared && (v->type == VALUE_INT || v->type == VALUE_FLOAT ||
	                                   v->type == VALUE_STR) ? ",shared" : "";
	switch (v->type) {
	case VALUE_NONE: snprintf(buf, n, "none"); break;
	case VALUE_SMALLINT: snprintf(buf, n, "smallint"); break;
	case VALUE_FLOAT: snprintf(buf, n, "float%s", shared); break;
	case VALUE_INT: snprintf(buf, n, "int:%u%s", v->bits, shared); break;
	case VALUE_STR:
		if (v->str_kind == STR_ASCII)
			snprintf(buf, n, "str:%u%s", v->len, shared);
		else
			snprintf(buf, n, "str:%u:%s%s", v->len, str_kind_names[v->str_kind], shared);
		break;
	}
}

void value_spec_describe(const struct value_spec *v, char *buf, size_t n)
{
	const char *owner = v->shared ? "shared by all instances" : "owned by each instance";
	switch (v->type) {
	case VALUE_NONE: snprintf(buf, n, "None (one shared object)"); break;
	case VALUE_SMALLINT: snprintf(buf, n, "small ints 1..N (cached, shared)"); break;
	case VALUE_FLOAT: snprintf(buf, n, "floats, %s", owner); break;
	case VALUE_INT: snprintf(buf, n, "%u-bit ints, %s", v->bits, owner); break;
	case VALUE_STR:
		snprintf(buf, n, "%s str of %u chars, %s", str_kind_names[v->str_kind], v->len, owner);
		break;
	}
}

bool value_spec_owned(const struct value_spec *v)
{
	return !v->shared;
}

uint64_t str_ascii_size(const struct profile *pr, enum abi abi, uint64_t len)
{
	return pr->abi[abi].str_ascii_header + len + 1;
}

/* An int of `bits` significant bits. */
static struct value_object int_cost(const struct abi_consts *c, const struct profile *pr,
                                    uint64_t bits)
{
	uint64_t digits = (bits + c->int_digit_bits - 1) / c->int_digit_bits;
	uint64_t counted = digits == 0 && pr->int_min_one_digit ? 1 : digits;
	struct value_object o;
	o.getsizeof = c->int_header + counted * c->int_digit_bytes;
	/* Ints made by arithmetic (x + y): a multi-digit sum is allocated with
	 * room for a carry digit that normalisation leaves unused; a one-digit
	 * result takes the small path (3.11+: sizeof(PyLongObject)). */
	if (digits >= 2)
		o.requested = c->int_header + (digits + 1) * c->int_digit_bytes;
	else if (c->int_medium_alloc)
		o.requested = c->int_medium_alloc;
	else
		o.requested = o.getsizeof;
	o.cached = false;
	return o;
}

static unsigned bit_length(uint64_t x)
{
	unsigned b = 0;
	while (x) {
		b++;
		x >>= 1;
	}
	return b;
}

struct value_object value_object_cost(const struct value_spec *v, const struct profile *pr,
                                      enum abi abi, unsigned index)
{
	const struct abi_consts *c = &pr->abi[abi];
	struct value_object o = { 0, 0, true };
	switch (v->type) {
	case VALUE_NONE:
		o.getsizeof = c->none_size;
		break;
	case VALUE_SMALLINT:
		o = int_cost(c, pr, bit_length((uint64_t)index + 1));
		o.cached = true;
		break;
	case VALUE_INT:
		o = int_cost(c, pr, v->bits);
		break;
	case VALUE_FLOAT:
		o.getsizeof = o.requested = c->float_size;
		o.cached = false;
		break;
	case VALUE_STR: {
		static const unsigned width[] = { 1, 1, 2, 4 };
		uint64_t header = v->str_kind == STR_ASCII ? c->str_ascii_header : c->str_compact_header;
		o.getsizeof = o.requested = header + ((uint64_t)v->len + 1) * width[v->str_kind];
		/* '' and one-character Latin-1 strings are singletons. */
		o.cached = v->len == 0 || (v->len == 1 && v->str_kind <= STR_LATIN1);
		break;
	}
	}
	return o;
}

/* ---- a value per attribute ------------------------------------------------ */

void value_list_single(struct value_list *l, const struct value_spec *v)
{
	l->n = 1;
	l->repeat_last = true;
	l->item[0] = *v;
}

static bool list_bad(char *err, size_t errlen, unsigned entry, const char *why)
{
	snprintf(err, errlen, "entry %u of the list %s", entry, why);
	return false;
}

bool value_list_parse(const char *text, struct value_list *out, char *err, size_t errlen)
{
	size_t len = strlen(text);
	if (len >= VALUE_LIST_TEXT) {
		snprintf(err, errlen, "the list is %zu characters long (at most %d)", len,
		         VALUE_LIST_TEXT - 1);
		return false;
	}
	/* a single spec, with its ",shared", is parsed (and worded) as before */
	const char *comma = strchr(text, ',');
	if (!comma || (strcmp(comma, ",shared") == 0)) {
		struct value_spec v;
		if (!value_spec_parse(text, &v, err, errlen))
			return false;
		value_list_single(out, &v);
		return true;
	}
	char buf[VALUE_LIST_TEXT];
	memcpy(buf, text, len + 1);
	struct value_list l = { .n = 0, .repeat_last = false };
	unsigned entry = 0;
	bool last_shared = false;   /* the entry before took a "shared" already */
	char *p = buf;
	for (;;) {
		char *end = strchr(p, ',');
		if (end)
			*end = '\0';
		entry++;
		if (l.repeat_last)
			return list_bad(err, errlen, entry - 1, "is '...', which only ends a list");
		if (!*p)
			return list_bad(err, errlen, entry, "is empty (two commas, or one at an end)");
		if (strcmp(p, "shared") == 0) {
			if (l.n == 0)
				return list_bad(err, errlen, entry, "is 'shared', which follows the value it "
				                "makes shared (int:30,shared)");
			if (last_shared)
				return list_bad(err, errlen, entry, "repeats 'shared'");
			l.item[l.n - 1].shared = true;
			last_shared = true;
		} else if (strcmp(p, "...") == 0) {
			if (l.n == 0)
				return list_bad(err, errlen, entry, "is '...', which repeats the value before it");
			l.repeat_last = true;
		} else {
			if (l.n == VALUE_LIST_MAX) {
				snprintf(err, errlen, "the list has more than %u values (end it with ... to "
				         "repeat the last)", VALUE_LIST_MAX);
				return false;
			}
			char why[300];
			if (!value_spec_parse(p, &l.item[l.n], why, sizeof why)) {
				snprintf(err, errlen, "entry %u of the list: %s", entry, why);
				return false;
			}
			l.n++;
			last_shared = false;
		}
		if (!end)
			break;
		p = end + 1;
	}
	if (l.n == 1)
		l.repeat_last = true;
	out->n = l.n;
	out->repeat_last = l.repeat_last;
	memcpy(out->item, l.item, l.n * sizeof l.item[0]);
	return true;
}

void value_list_format(const struct value_list *l, char *buf, size_t n)
{
	if (n == 0)
		return;
	buf[0] = '\0';
	size_t used = 0;
	for (unsigned i = 0; i < l->n && used < n; i++) {
		char one[64];
		value_spec_format(&l->item[i], one, sizeof one);
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? "," : "", one);
	}
	if (l->n > 1 && l->repeat_last && used < n)
		snprintf(buf + used, n - used, ",...");
}

void value_list_format_short(const struct value_list *l, char *buf, size_t n)
{
	char full[VALUE_LIST_TEXT];
	value_list_format(l, full, sizeof full);
	size_t len = strlen(full);
	if (n == 0)
		return;
	if (len < n) {
		memcpy(buf, full, len + 1);
		return;
	}
	/* cut at a comma that leaves room for ",…" (an ellipsis, not the "..."
	 * that repeats the last entry) */
	size_t keep = n > 5 ? n - 5 : 0;
	while (keep > 0 && full[keep] != ',')
		keep--;
	snprintf(buf, n, "%.*s%s", (int)keep, full, keep ? ",\u2026" : "\u2026");
}

const struct value_spec *value_list_at(const struct value_list *l, unsigned i)
{
	return &l->item[i < l->n ? i : l->n ? l->n - 1 : 0];
}

bool value_list_covers(const struct value_list *l, unsigned attrs)
{
	return l->repeat_last || l->n == 1 || attrs <= l->n;
}

bool value_spec_equal(const struct value_spec *a, const struct value_spec *b)
{
	return a->type == b->type && a->shared == b->shared &&
	       (a->type != VALUE_INT || a->bits == b->bits) &&
	       (a->type != VALUE_STR || (a->len == b->len && a->str_kind == b->str_kind));
}

bool value_list_uniform(const struct value_list *l, unsigned attrs)
{
	unsigned end = attrs < l->n ? attrs : l->n;
	for (unsigned i = 1; i < end; i++)
		if (!value_spec_equal(&l->item[i], &l->item[0]))
			return false;
	return true;
}

bool value_list_equal(const struct value_list *a, const struct value_list *b)
{
	bool rep_a = a->repeat_last || a->n == 1, rep_b = b->repeat_last || b->n == 1;
	if (a->n != b->n || rep_a != rep_b)
		return false;
	for (unsigned i = 0; i < a->n; i++)
		if (!value_spec_equal(&a->item[i], &b->item[i]))
			return false;
	return true;
}

void value_list_describe(const struct value_list *l, unsigned attrs, char *buf, size_t n)
{
	if (value_list_uniform(l, attrs)) {
		value_spec_describe(&l->item[0], buf, n);
		return;
	}
	char text[VALUE_LIST_TEXT];
	value_list_format(l, text, sizeof text);
	snprintf(buf, n, "a value per attribute: %s", text);
}

void value_list_short_message(const struct value_list *l, const char *what, char *err,
                              size_t errlen)
{
	snprintf(err, errlen, "--values lists %u values but %s; end the list with ... to repeat "
	         "the last", l->n, what);
}
