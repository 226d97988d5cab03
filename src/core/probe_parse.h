/* Parser for the probe protocol's reply lines (data/probe.py, protocol 1):
 *   hello protocol=1 impl=cpython version=3.11.7 abi=lp64 ...
 *   measure kind=regular attrs=5 values=none getsizeof=48 requested=112 ...
 *   warmup kind=regular attrs=5 values=none requested=296,288,...
 *   unsupported kind=... reason=...
 *   error free text
 * Robust against any input: bounded, never trusts a field to exist. */
#ifndef SLOTEXPLORE_PROBE_PARSE_H
#define SLOTEXPLORE_PROBE_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROBE_LINE_MAX 8192
#define PROBE_MAX_FIELDS 32

enum probe_verb { PROBE_HELLO, PROBE_MEASURE, PROBE_WARMUP, PROBE_UNSUPPORTED, PROBE_ERROR,
                  PROBE_BULK, PROBE_SAMPLE, PROBE_TIMED, PROBE_SEEDTIME, PROBE_CONDITIONS };

struct probe_record {
	enum probe_verb verb;
	char buf[PROBE_LINE_MAX];
	const char *key[PROBE_MAX_FIELDS];
	const char *value[PROBE_MAX_FIELDS];
	unsigned nfields;
	const char *error_text;   /* PROBE_ERROR: the rest of the line */
};

/* "hello", "measure", ...: the verb as the protocol spells it. */
const char *probe_verb_name(enum probe_verb v);
/* False (with a reason) for a line that is not a protocol reply. */
bool probe_parse_line(const char *line, struct probe_record *rec, char *err, size_t errlen);
/* The value of `key`, or NULL. */
const char *probe_field(const struct probe_record *rec, const char *key);
/* An unsigned integer field; false if absent or not an integer. */
bool probe_field_u64(const struct probe_record *rec, const char *key, uint64_t *out);
/* Parses a comma-separated list of unsigned integers; returns how many
 * were stored (at most max), or -1 if malformed. */
int probe_parse_u64_list(const char *text, uint64_t *out, int max);

#endif
