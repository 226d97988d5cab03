#include "config.h"

#include "session/tour.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textfile.h"
#include "core/units.h"

#define TOUR_MAX_BYTES (256 * 1024)

static bool tour_fail(char *err, size_t errlen, const char *source, unsigned line,
                      const char *what)
{
	if (line)
		snprintf(err, errlen, "%s:%u: %s", source, line, what);
	else
		snprintf(err, errlen, "%s: %s", source, what);
	return false;
}

/* A step's commands may only change the setting: a tour file comes from a
 * teacher, a download or LANG's choice, and must not write files or start
 * programs. Returns the first command word that is not set, show or hide. */
static const char *forbidden_command(const char *line, char *word, size_t n)
{
	static const char *const allowed[] = { "set", "show", "hide" };
	const char *p = line;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		size_t len = strcspn(p, " \t;\"'");
		if (!*p)
			break;
		bool ok = false;
		for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
			ok |= strlen(allowed[i]) == len && strncmp(p, allowed[i], len) == 0;
		if (!ok) {
			snprintf(word, n, "%.*s", (int)(len ? len : 1), p);
			return word;
		}
		/* skip to the next ';' outside quotes */
		char quote = 0;
		for (; *p && (quote || *p != ';'); p++)
			if (quote ? *p == quote : (*p == '"' || *p == '\''))
				quote = quote ? 0 : *p;
	}
	return NULL;
}

bool tour_parse(const char *text, size_t len, const char *source, struct tour *t, char *err,
                size_t errlen)
{
	memset(t, 0, sizeof *t);
	if (len > TOUR_MAX_BYTES)
		return tour_fail(err, errlen, source, 0, "larger than 256 KiB; not a tour");
	unsigned lineno = 0;
	struct tour_step *s = NULL;
	for (size_t pos = 0; pos < len;) {
		size_t end = pos;
		while (end < len && text[end] != '\n')
			end++;
		lineno++;
		char line[512], what[160];
		size_t n = end - pos;
		if (n >= sizeof line)
			return tour_fail(err, errlen, source, lineno, "a line longer than 511 characters");
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos = end + 1;
		if (memchr(line, '\0', n))
			return tour_fail(err, errlen, source, lineno, "binary data (a NUL byte)");
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (line[0] == '#' && !s)
			continue;
		if (strncmp(line, "== ", 3) == 0) {
			if (t->nsteps == TOUR_MAX_STEPS) {
				snprintf(what, sizeof what, "more than %d steps", TOUR_MAX_STEPS);
				return tour_fail(err, errlen, source, lineno, what);
			}
			s = &t->step[t->nsteps++];
			snprintf(s->title, sizeof s->title, "%.95s", line + 3);
			continue;
		}
		if (s && line[0] == '!') {
			if (strcmp(line, "!timing") != 0) {
				snprintf(what, sizeof what, "'%.40s' is not a step option (!timing is)", line);
				return tour_fail(err, errlen, source, lineno, what);
			}
			s->timing = true;
			continue;
		}
		if (!s) {
			if (line[0])
				return tour_fail(err, errlen, source, lineno, "text before the first '== ' step");
			continue;
		}
		if (!line[0])
			continue;   /* the text is one paragraph: a blank line adds nothing */
		char word[48];
		if (line[0] == ':' && forbidden_command(line + 1, word, sizeof word)) {
			snprintf(what, sizeof what, "'%.30s' is not allowed in a tour: a step's commands "
			         "may only be set, show and hide", word);
			return tour_fail(err, errlen, source, lineno, what);
		}
		char *dst = line[0] == ':' ? s->commands : s->text;
		size_t cap = line[0] == ':' ? sizeof s->commands : sizeof s->text;
		const char *src = line[0] == ':' ? line + 1 : line;
		size_t used = strlen(dst);
		if (used + strlen(src) + 2 >= cap)
			return tour_fail(err, errlen, source, lineno, "the step is too long");
		/* text lines join with a space: the renderer wraps */
		snprintf(dst + used, cap - used, "%s%s", used ? (line[0] == ':' ? "\n" : " ") : "", src);
	}
	if (t->nsteps == 0)
		return tour_fail(err, errlen, source, 0, "no steps (a step starts with '== ')");
	return true;
}

bool tour_load(const char *path, struct tour *t, char *err, size_t errlen)
{
	char *buf, why[150];
	size_t n;
	if (!textfile_read(path, TOUR_MAX_BYTES, "the tour", &buf, &n, why, sizeof why))
		return tour_fail(err, errlen, path, 0, why);
	bool ok = tour_parse(buf, n, path, t, err, errlen);
	free(buf);
	return ok;
}

static bool figure(struct app *a, const char *acc, const char *kind, uint64_t *out)
{
	enum kind k = kind_from_name(kind);
	if (k == KIND_COUNT)
		return false;
	app_update(a);
	const struct kind_result *r = &a->eval.kinds[k];
	if (!r->available)
		return false;
	if (strcmp(acc, "total") == 0)
		*out = r->total[a->acc];
	else if (strcmp(acc, "perclass") == 0)
		*out = r->per_class_getsizeof;
	else {
		enum accounting ac = accounting_from_name(acc);
		if (ac == ACC_COUNT)
			return false;
		*out = r->fig[ac];
	}
	return true;
}

/* {version}: the profile's version. {overflow}: a phrase saying where a
 * regular instance leaves the class's shared keys for its own dict. */
static bool word_figure(struct app *a, const char *word, char *num, size_t n)
{
	app_update(a);
	if (strcmp(word, "version") == 0)
		snprintf(num, n, "%s", app_profile(a)->version);
	else if (strcmp(word, "overflow") == 0 && a->overflow_at >= 0)
		snprintf(num, n, "from %d attributes on, each instance gets its own dict",
		         a->overflow_at);
	else if (strcmp(word, "overflow") == 0)
		snprintf(num, n, "no jump up to %d attributes", CHART_ATTRS_MAX);
	else
		return false;
	return true;
}

/* Appends s when it fits whole; false (nothing appended) when it does not. */
static bool append(char *out, size_t n, size_t *o, const char *s)
{
	size_t len = strlen(s);
	if (*o + len + 1 > n)
		return false;
	memcpy(out + *o, s, len + 1);
	*o += len;
	return true;
}

/* What does not fit is cut at a character boundary and marked, never
 * silently or inside a UTF-8 sequence. */
static void mark_cut(char *out, size_t n, size_t o)
{
	static const char ellipsis[] = "\u2026";   /* 3 bytes */
	while (o > 0 && o + sizeof ellipsis > n)
		o--;
	while (o > 0 && ((unsigned char)out[o] & 0xC0) == 0x80)
		o--;   /* back to the start of a character */
	memcpy(out + o, ellipsis, sizeof ellipsis);
}

void tour_expand(struct app *a, const char *text, char *out, size_t n)
{
	size_t o = 0;
	out[0] = '\0';
	for (const char *p = text; *p;) {
		char piece[128];
		const char *next = p + 1;
		snprintf(piece, sizeof piece, "%c", *p);
		const char *end = *p == '{' ? strchr(p, '}') : NULL;
		const char *colon = end ? memchr(p, ':', (size_t)(end - p)) : NULL;
		if (end && end - p < 16 && !colon) {
			char word[16];
			snprintf(word, sizeof word, "%.*s", (int)(end - p - 1), p + 1);
			if (word_figure(a, word, piece, sizeof piece))
				next = end + 1;
			else
				snprintf(piece, sizeof piece, "%c", *p);
		} else if (end && colon && end - p < 64) {
			char acc[32], kind[40];
			snprintf(acc, sizeof acc, "%.*s", (int)(colon - p - 1), p + 1);
			snprintf(kind, sizeof kind, "%.*s", (int)(end - colon - 1), colon + 1);
			uint64_t v, base;
			if (strcmp(acc, "saving") == 0 && figure(a, accounting_name(a->acc), kind, &v) &&
			    figure(a, accounting_name(a->acc), "regular", &base)) {
				/* bytes per instance the kind saves against regular (may be < 0) */
				char mag[32];
				format_grouped(base >= v ? base - v : v - base, mag, sizeof mag);
				snprintf(piece, sizeof piece, "%s%s", base >= v ? "" : "-", mag);
				next = end + 1;
			} else if (figure(a, acc, kind, &v)) {
				if (strcmp(acc, "total") == 0)
					format_bytes_human(v, piece, sizeof piece);
				else
					format_grouped(v, piece, sizeof piece);
				next = end + 1;
			}
		}
		if (!append(out, n, &o, piece)) {
			mark_cut(out, n, o);
			return;
		}
		p = next;
	}
}

/* Runs a step's commands, one per line; false with "tour step N: ..." at
 * the first that fails. */
