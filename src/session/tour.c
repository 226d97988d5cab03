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

/* Appends src to dst (cap bytes), after sep when dst is not empty; false
 * when it does not fit. */
static bool append_line(char *dst, size_t cap, const char *src, char sep)
{
	size_t used = strlen(dst), len = strlen(src);
	if (used + len + 2 >= cap)
		return false;
	if (used)
		dst[used++] = sep;
	memcpy(dst + used, src, len + 1);
	return true;
}

static const char *const figure_accountings[] = { "getsizeof", "requested", "allocated", "deep",
	"total", "perclass", "saving", "savingtotal", "bytes" };
static const char *const figure_words[] = { "version", "overflow", "accounting" };

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncmp(list[i], s, len) == 0)
			return true;
	return false;
}

/* {WORD} or {ACCOUNTING:KIND} that tour_expand replaces with a figure. */
static bool placeholder_known(const char *inner, size_t len)
{
	const char *colon = memchr(inner, ':', len);
	if (!colon)
		return in_list(figure_words, sizeof figure_words / sizeof *figure_words, inner, len);
	char kind[40];
	size_t klen = len - (size_t)(colon - inner) - 1;
	if (klen >= sizeof kind)
		return false;
	memcpy(kind, colon + 1, klen);
	kind[klen] = '\0';
	return in_list(figure_accountings, sizeof figure_accountings / sizeof *figure_accountings,
	               inner, (size_t)(colon - inner)) && kind_from_name(kind) != KIND_COUNT;
}

/* A {...} that looks like a figure (lower-case letters, '-' and one ':')
 * but names none: a typo that would show on screen as written. */
static const char *unknown_placeholder(const char *text, char *buf, size_t n)
{
	for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
		size_t len = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz-:");
		if (p[1 + len] != '}' || !len || len > 48 || placeholder_known(p + 1, len))
			continue;
		snprintf(buf, n, "{%.*s}", (int)len, p + 1);
		return buf;
	}
	return NULL;
}

/* A step's question needs an answer, and an answer quotes the model: its
 * figures are live, never typed in. */
static bool step_complete(const struct tour_step *s, unsigned question_line, const char *source,
                          char *err, size_t errlen)
{
	if (!s)
		return true;
	const char *fields[] = { s->text, s->notes, s->question, s->answer };
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		char name[64], what[200];
		if (unknown_placeholder(fields[i], name, sizeof name)) {
			snprintf(what, sizeof what, "step '%.40s': %s is not a figure (see the comment at the "
			         "top of data/tour.txt for the names)", s->title, name);
			return tour_fail(err, errlen, source, 0, what);
		}
	}
	if (!s->question[0])
		return true;
	if (!s->answer[0])
		return tour_fail(err, errlen, source, question_line,
		                 "a !question with no !answer in its step");
	for (const char *p = strchr(s->answer, '{'); p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		if (end && placeholder_known(p + 1, (size_t)(end - p - 1)))
			return true;
	}
	return tour_fail(err, errlen, source, question_line,
	                 "the question's !answer has no figure from the model ({allocated:slots}, "
	                 "{saving:slots}, ...): answers are computed, not typed in");
}

bool tour_parse(const char *text, size_t len, const char *source, struct tour *t, char *err,
                size_t errlen)
{
	memset(t, 0, sizeof *t);
	if (len > TOUR_MAX_BYTES)
		return tour_fail(err, errlen, source, 0, "larger than 256 KiB; not a tour");
	unsigned lineno = 0, question_line = 0;
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
			if (!step_complete(s, question_line, source, err, errlen))
				return false;
			if (t->nsteps == TOUR_MAX_STEPS) {
				snprintf(what, sizeof what, "more than %d steps", TOUR_MAX_STEPS);
				return tour_fail(err, errlen, source, lineno, what);
			}
			s = &t->step[t->nsteps++];
			snprintf(s->title, sizeof s->title, "%.95s", line + 3);
			continue;
		}
		if (s && line[0] == '!') {
			if (strcmp(line, "!timing") == 0) {
				s->timing = true;
				continue;
			}
			if (strcmp(line, "!tradeoffs") == 0) {
				s->tradeoffs = true;
				continue;
			}
			char *dst = NULL;
			size_t cap = 0;
			const char *src = NULL;
			if (strncmp(line, "!note", 5) == 0 && (line[5] == ' ' || !line[5]))
				dst = s->notes, cap = sizeof s->notes, src = line + 5;
			else if (strncmp(line, "!question ", 10) == 0)
				dst = s->question, cap = sizeof s->question, src = line + 10;
			else if (strncmp(line, "!answer ", 8) == 0)
				dst = s->answer, cap = sizeof s->answer, src = line + 8;
			if (!dst) {
				snprintf(what, sizeof what, "'%.40s' is not a step option (!timing, !tradeoffs, "
				         "!note TEXT, !question TEXT and !answer TEXT are)", line);
				return tour_fail(err, errlen, source, lineno, what);
			}
			while (*src == ' ')
				src++;
			if (dst == s->answer && !s->question[0])
				return tour_fail(err, errlen, source, lineno,
				                 "an !answer before the step's !question");
			if (!append_line(dst, cap, src, ' '))
				return tour_fail(err, errlen, source, lineno, dst == s->notes
				                 ? "the step's notes are too long (at most 799 bytes)"
				                 : "the step's question or answer is too long");
			if (dst == s->question)
				question_line = lineno;
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
		bool command = line[0] == ':';
		/* commands one per line; text lines join with a space: the renderer wraps */
		if (!append_line(command ? s->commands : s->text,
		                 command ? sizeof s->commands : sizeof s->text, command ? line + 1 : line,
		                 command ? '\n' : ' '))
			return tour_fail(err, errlen, source, lineno, "the step is too long");
	}
	if (t->nsteps == 0)
		return tour_fail(err, errlen, source, 0, "no steps (a step starts with '== ')");
	return step_complete(s, question_line, source, err, errlen);
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
	else if (strcmp(acc, "bytes") == 0)
		*out = r->fig[a->acc];
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
	else if (strcmp(word, "accounting") == 0)
		snprintf(num, n, "%s", accounting_name(a->acc));
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
			bool saving = strcmp(acc, "saving") == 0, in_total = strcmp(acc, "savingtotal") == 0;
			const char *per = in_total ? "total" : "bytes";
			if ((saving || in_total) && figure(a, per, kind, &v) && figure(a, per, "regular", &base)) {
				/* what the kind saves against regular, per instance or in total
				 * (may be < 0) */
				char mag[32];
				if (in_total)
					format_bytes_human(base >= v ? base - v : v - base, mag, sizeof mag);
				else
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
