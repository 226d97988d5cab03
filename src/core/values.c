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
