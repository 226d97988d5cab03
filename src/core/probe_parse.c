#include "config.h"

#include "core/probe_parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const verbs[] = { "hello", "measure", "warmup", "unsupported", "error",
                                     "bulk", "sample", "timed", "seedtime", "conditions" };

const char *probe_verb_name(enum probe_verb v)
{
	return (size_t)v < sizeof verbs / sizeof verbs[0] ? verbs[v] : "?";
}

static bool parse_u64(const char *s, uint64_t *out)
{
	if (*s < '0' || *s > '9')
		return false;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (*end || errno)
		return false;
	*out = v;
	return true;
}

bool probe_parse_line(const char *line, struct probe_record *rec, char *err, size_t errlen)
{
	size_t n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		n--;
	if (n >= sizeof rec->buf) {
		snprintf(err, errlen, "reply line longer than %d bytes", PROBE_LINE_MAX - 1);
		return false;
	}
	memcpy(rec->buf, line, n);
	rec->buf[n] = '\0';
	rec->nfields = 0;
	rec->error_text = NULL;

	char *p = rec->buf;
	char *space = strchr(p, ' ');
	if (space)
		*space = '\0';
	int verb = -1;
	for (int v = 0; v < (int)(sizeof verbs / sizeof verbs[0]); v++)
		if (strcmp(p, verbs[v]) == 0)
			verb = v;
	if (verb < 0) {
		snprintf(err, errlen, "not a probe reply (starts with '%.20s')", p);
		return false;
	}
	rec->verb = (enum probe_verb)verb;
	if (rec->verb == PROBE_ERROR) {
		rec->error_text = space ? space + 1 : "";
		return true;
	}
	p = space ? space + 1 : p + strlen(p);
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *tok = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
		char *eq = strchr(tok, '=');
		if (!eq || eq == tok) {
			snprintf(err, errlen, "malformed field '%.40s' (expected key=value)", tok);
			return false;
		}
		if (rec->nfields == PROBE_MAX_FIELDS) {
			snprintf(err, errlen, "more than %d fields in one reply", PROBE_MAX_FIELDS);
			return false;
		}
		*eq = '\0';
		rec->key[rec->nfields] = tok;
		rec->value[rec->nfields] = eq + 1;
		rec->nfields++;
	}
	return true;
}

const char *probe_field(const struct probe_record *rec, const char *key)
{
	for (unsigned i = 0; i < rec->nfields; i++)
		if (strcmp(rec->key[i], key) == 0)
			return rec->value[i];
	return NULL;
}

bool probe_field_u64(const struct probe_record *rec, const char *key, uint64_t *out)
{
	const char *v = probe_field(rec, key);
	return v && parse_u64(v, out);
}

int probe_parse_u64_list(const char *text, uint64_t *out, int max)
{
	int n = 0;
	const char *p = text;
	while (*p) {
		char num[32];
		size_t len = strcspn(p, ",");
		if (len == 0 || len >= sizeof num)
			return -1;
		memcpy(num, p, len);
		num[len] = '\0';
		uint64_t v;
		if (!parse_u64(num, &v))
			return -1;
		if (n < max)
			out[n] = v;
		n++;
		p += len;
		if (*p == ',')
			p++;
	}
	return n < max ? n : max;
}
