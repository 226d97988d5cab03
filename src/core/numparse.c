#include "config.h"

#include "core/numparse.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/checked.h"
#include "core/units.h"

static bool set_err(char *err, size_t errlen, const char *text, const char *why,
                    uint64_t min, uint64_t max)
{
	char lo[32], hi[32], eg[64] = "";
	format_grouped(min, lo, sizeof lo);
	format_grouped(max, hi, sizeof hi);
	/* examples of the accepted forms that are in range */
	static const struct { const char *text; uint64_t value; } forms[] = {
		{ "5", 5 }, { "40", 40 }, { "1000", 1000 }, { "1,000", 1000 }, { "1e6", 1000000 },
		{ "1k", 1000 }, { "2M", 2000000 },
	};
	int shown = 0;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0] && shown < 4; i++)
		if (forms[i].value >= min && forms[i].value <= max && (i >= 2 || max < 1000)) {
			snprintf(eg + strlen(eg), sizeof eg - strlen(eg), "%s%s", shown ? ", " : ", e.g. ",
			         forms[i].text);
			shown++;
		}
	snprintf(err, errlen, "'%s' %s (expected a whole number from %s to %s%s)", text, why, lo, hi,
	         eg);
	return false;
}

bool parse_count(const char *text, uint64_t min, uint64_t max, uint64_t *out, char *err,
                 size_t errlen)
{
	const char *p = text;
	uint64_t mant = 0;
	int digits = 0, frac_digits = 0;
	int group = 0;      /* digits since the last separator; -1 before any */
	char separator = 0; /* ',' or '_' once one is seen: 1,000,000 or 1_000_000 */
	bool seen_point = false, sat = false;

	while (*p == ' ')
		p++;
	if (*p == '+')
		p++;
	if (*p == '-')
		return set_err(err, errlen, text, "is negative", min, max);
	for (;; p++) {
		if (isdigit((unsigned char)*p)) {
			mant = sat_add(sat_mul(mant, 10, &sat), (uint64_t)(*p - '0'), &sat);
			digits++;
			group++;
			if (seen_point)
				frac_digits++;
		} else if (*p == '.' && !seen_point) {
			if (separator && group != 3)
				return set_err(err, errlen, text, "groups its digits wrongly (1,000 or 1_000: "
				               "groups of three)", min, max);
			seen_point = true;
		} else if ((*p == '_' || *p == ',') && digits > 0 && !seen_point) {
			/* thousands separators only between groups of three: 1,5 is not 15 */
			if ((separator && (*p != separator || group != 3)) || (!separator && group > 3))
				return set_err(err, errlen, text, "groups its digits wrongly (1,000 or 1_000: "
				               "groups of three)", min, max);
			separator = *p;
			group = 0;
		} else {
			break;
		}
	}
	if (digits == 0)
		return set_err(err, errlen, text, "is not a number", min, max);
	if (separator && group != 3 && !seen_point)
		return set_err(err, errlen, text, "groups its digits wrongly (1,000 or 1_000: groups "
		               "of three)", min, max);

	int exponent = 0;
	if (*p == 'e' || *p == 'E' || (*p == '^' && mant == 10 && frac_digits == 0)) {
		bool caret = *p == '^';
		p++;
		bool neg = false;
		if (*p == '+' || *p == '-')
			neg = *p++ == '-';
		if (!isdigit((unsigned char)*p))
			return set_err(err, errlen, text, "has a malformed exponent", min, max);
		int e = 0;
		while (isdigit((unsigned char)*p)) {
			if (e < 1000)
				e = e * 10 + (*p - '0');
			p++;
		}
		exponent = neg ? -e : e;
		if (caret) { /* 10^6 */
			mant = 1;
		}
	}
	switch (*p) {
	case 'k': case 'K': exponent += 3; p++; break;
	case 'M': exponent += 6; p++; break;
	case 'G': case 'B': exponent += 9; p++; break;
	case 'T': exponent += 12; p++; break;
	default: break;
	}
	while (*p == ' ')
		p++;
	if (*p != '\0')
		return set_err(err, errlen, text, "has trailing characters", min, max);

	exponent -= frac_digits;
	for (; exponent > 0; exponent--)
		mant = sat_mul(mant, 10, &sat);
	for (; exponent < 0; exponent++) {
		if (mant % 10 != 0)
			return set_err(err, errlen, text, "is not a whole number", min, max);
		mant /= 10;
	}
	if (sat || mant > max)
		return set_err(err, errlen, text, "is too large", min, max);
	if (mant < min)
		return set_err(err, errlen, text, "is too small", min, max);
	*out = mant;
	return true;
}

int parse_count_grid(const char *text, uint64_t min, uint64_t max, uint64_t *out, int max_items,
                     char *err, size_t errlen)
{
	char buf[512];
	if (strlen(text) >= sizeof buf || !*text) {
		snprintf(err, errlen, "'%.40s' is not a list like 5, 0..40 or 0..10,20", text);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", text);
	int n = 0;
	char *save = NULL;
	for (char *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *dots = strstr(item, "..");
		uint64_t lo, hi;
		if (dots) {
			*dots = '\0';
			if (!parse_count(item, min, max, &lo, err, errlen) ||
			    !parse_count(dots + 2, min, max, &hi, err, errlen))
				return -1;
			if (hi < lo) {
				snprintf(err, errlen, "'%s..%s' runs backwards", item, dots + 2);
				return -1;
			}
		} else {
			if (!parse_count(item, min, max, &lo, err, errlen))
				return -1;
			hi = lo;
		}
		for (uint64_t v = lo; v <= hi; v++) {
			if (n == max_items) {
				snprintf(err, errlen, "'%.40s' has more than %d values", text, max_items);
				return -1;
			}
			out[n++] = v;
		}
	}
	return n;
}
