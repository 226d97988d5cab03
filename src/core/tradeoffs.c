#include "config.h"

#include "core/tradeoffs.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/probe_client.h"
#include "core/text.h"
#include "core/textfile.h"

#define TRANSCRIPT_MAX (256 * 1024)

static const struct {
	const char *name, *description;
} ops[TOP_COUNT] = {
	[TOP_NEW_ATTRIBUTE] = { "new-attribute", "set a new attribute (obj.new_attribute = 1)" },
	[TOP_VARS] = { "vars", "vars(obj)" },
	[TOP_DICT] = { "dict", "obj.__dict__" },
	[TOP_WEAKREF] = { "weakref", "weakref.ref(obj)" },
	[TOP_PICKLE0] = { "pickle-0", "pickle round trip, protocol 0" },
	[TOP_PICKLE5] = { "pickle-5", "pickle round trip, protocol 5" },
	[TOP_COPY] = { "copy", "copy.copy(obj)" },
	[TOP_CLASS_DEFAULT] = { "class-default", "a class attribute default named like an attribute" },
	[TOP_MULTIPLE_BASES] = { "multiple-bases", "a class with two bases of this kind" },
	[TOP_SUBCLASS] = { "subclass", "a subclass without __slots__" },
	[TOP_SUPER] = { "super-zero-arg", "super() with no arguments in a method" },
	[TOP_SET_NAME] = { "set-name", "__set_name__ of a descriptor in the class body" },
	[TOP_INIT_SUBCLASS] = { "init-subclass", "a base's __init_subclass__ runs once" },
};

const char *tradeoff_op_name(enum tradeoff_op op)
{
	return op < TOP_COUNT ? ops[op].name : "?";
}

const char *tradeoff_op_description(enum tradeoff_op op)
{
	return op < TOP_COUNT ? ops[op].description : "?";
}

enum tradeoff_op tradeoff_op_from_name(const char *name)
{
	for (int i = 0; i < TOP_COUNT; i++)
		if (strcmp(ops[i].name, name) == 0)
			return (enum tradeoff_op)i;
	return TOP_COUNT;
}

static bool fail_at(char *err, size_t errlen, const char *source, unsigned line, const char *what)
{
	snprintf(err, errlen, "%s:%u: %s", source, line, what);
	return false;
}

/* %20 and %25 back to ' ' and '%', as probe.py encodes them. */
static void decode(const char *in, size_t len, char *out, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 1 < n; i++) {
		if (in[i] == '%' && i + 2 < len && in[i + 1] == '2' && (in[i + 2] == '0' || in[i + 2] == '5')) {
			out[o++] = in[i + 2] == '0' ? ' ' : '%';
			i += 2;
		} else {
			out[o++] = in[i];
		}
	}
	out[o] = '\0';
	text_strip_controls(out);
}

/* The value of key=... in a line of space-separated fields, decoded; false
 * when the field is absent. */
static bool field(const char *line, const char *key, char *out, size_t n)
{
	size_t klen = strlen(key);
	for (const char *p = line; (p = strstr(p, key)) != NULL; p += klen) {
		if ((p != line && p[-1] != ' ') || p[klen] != '=')
			continue;
		const char *v = p + klen + 1;
		decode(v, strcspn(v, " "), out, n);
		return true;
	}
	return false;
}

static bool parse_outcome(const char *line, struct tradeoff_table *t, const char **why)
{
	char kind[48], op[48], result[16];
	if (!field(line, "kind", kind, sizeof kind) || !field(line, "op", op, sizeof op) ||
	    !field(line, "result", result, sizeof result)) {
		*why = "a tradeoff line needs kind=, op= and result=";
		return false;
	}
	enum kind k = kind_from_name(kind);
	enum tradeoff_op o = tradeoff_op_from_name(op);
	if (k == KIND_COUNT || o == TOP_COUNT) {
		*why = k == KIND_COUNT ? "an unknown kind" : "an unknown operation";
		return false;
	}
	struct tradeoff_outcome *out = &t->outcome[k][o];
	memset(out, 0, sizeof *out);
	out->result = strcmp(result, "ok") == 0 ? TRADEOFF_OK : strcmp(result, "fail") == 0
	              ? TRADEOFF_FAIL : strcmp(result, "na") == 0 ? TRADEOFF_NA : TRADEOFF_UNKNOWN;
	if (out->result == TRADEOFF_UNKNOWN) {
		*why = "result= is ok, fail or na";
		return false;
	}
	if (!field(line, "error", out->error, sizeof out->error) && out->result == TRADEOFF_FAIL) {
		*why = "a failure names its exception (error=)";
		return false;
	}
	field(line, "detail", out->detail, sizeof out->detail);
	/* the message is the last field and may be empty */
	const char *m = strstr(line, " message=");
	if (m)
		decode(m + 9, strlen(m + 9), out->message, sizeof out->message);
	t->have[k] = true;
	return true;
}

bool tradeoffs_parse(const char *text, size_t len, const char *source, struct tradeoff_table *t,
                     char *err, size_t errlen)
{
	memset(t->have, 0, sizeof t->have);
	memset(t->outcome, 0, sizeof t->outcome);
	memset(&t->interp, 0, sizeof t->interp);
	bool hello = false, done = false;
	unsigned lineno = 0;
	for (size_t pos = 0; pos < len && !done;) {
		size_t end = pos;
		while (end < len && text[end] != '\n')
			end++;
		lineno++;
		char line[1024];
		if (end - pos >= sizeof line)
			return fail_at(err, errlen, source, lineno, "a line longer than 1023 characters");
		memcpy(line, text + pos, end - pos);
		line[end - pos] = '\0';
		pos = end + 1;
		if (memchr(line, '\0', strlen(line) + 1) != line + strlen(line))
			return fail_at(err, errlen, source, lineno, "binary data");
		if (!line[0] || line[0] == '#')
			continue;
		const char *why = NULL;
		if (!hello) {
			if (!interp_parse_hello(line, &t->interp))
				return fail_at(err, errlen, source, lineno, "the first line is not a hello");
			if (!field(line, "machine", t->machine, sizeof t->machine))
				snprintf(t->machine, sizeof t->machine, "unknown");
			hello = true;
		} else if (strcmp(line, "done") == 0) {
			done = true;
		} else if (strncmp(line, "tradeoff ", 9) == 0) {
			if (!parse_outcome(line, t, &why))
				return fail_at(err, errlen, source, lineno, why);
		} else {
			char what[200];
			snprintf(what, sizeof what, "not a tradeoff line: '%.60s'", line);
			text_strip_controls(what);
			return fail_at(err, errlen, source, lineno, what);
		}
	}
	if (!done)
		return fail_at(err, errlen, source, lineno, "no 'done' line: the run did not finish");
	for (int k = 0; k < KIND_COUNT; k++)
		for (int o = 0; t->have[k] && o < TOP_COUNT; o++)
			if (t->outcome[k][o].result == TRADEOFF_UNKNOWN) {
				char what[160];
				snprintf(what, sizeof what, "%s has no outcome for %s", kind_info((enum kind)k)->name,
				         tradeoff_op_name((enum tradeoff_op)o));
				return fail_at(err, errlen, source, lineno, what);
			}
	return true;
}

bool tradeoffs_load(const char *path, struct tradeoff_table *t, char *err, size_t errlen)
{
	char *buf, why[200];
	size_t n;
	if (!textfile_read(path, TRANSCRIPT_MAX, "the trade-offs table", &buf, &n, why, sizeof why)) {
		snprintf(err, errlen, "%s: %s", path, why);
		return false;
	}
	bool ok = tradeoffs_parse(buf, n, path, t, err, errlen);
	free(buf);
	if (ok) {
		t->live = false;
		const char *base = strrchr(path, '/');
		snprintf(t->source, sizeof t->source, "measured on CPython %s %s%s (committed table %s)",
		         t->interp.version, t->interp.free_threaded ? "free-threaded " : "",
		         t->machine, base ? base + 1 : path);
	}
	return ok;
}

/* cpython-3.13.0-x86_64.txt, cpython-3.14.7t-x86_64.txt */
static bool committed_name_matches(const char *name, int major, int minor, bool ft,
                                   int *patch, bool *x86_64)
{
	int ma, mi, pa, used = 0;
	if (sscanf(name, "cpython-%d.%d.%d%n", &ma, &mi, &pa, &used) != 3 || ma != major || mi != minor)
		return false;
	bool t = name[used] == 't';
	if (t != ft)
		return false;
	const char *ext = strrchr(name, '.');
	if (!ext || strcmp(ext, ".txt") != 0)
		return false;
	*x86_64 = strstr(name, "-x86_64") != NULL;
	*patch = pa;
	return true;
}

bool tradeoffs_find_committed(const char *datadir, int major, int minor, bool free_threaded,
                              char *path, size_t n)
{
	char dir[4200];
	snprintf(dir, sizeof dir, "%s/tradeoffs", datadir);
	DIR *d = opendir(dir);
	if (!d)
		return false;
	char best[256] = "";
	bool best_x86 = false;
	int best_patch = -1;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		bool x86 = false;
		int patch;
		if (!committed_name_matches(e->d_name, major, minor, free_threaded, &patch, &x86))
			continue;
		/* the newest release (fixes land in patch releases: 3.13.0 and
		 * 3.13.18 differ), then an x86-64 one, then by name */
		bool better = patch > best_patch ||
		              (patch == best_patch && ((x86 && !best_x86) ||
		                                       (x86 == best_x86 && strcmp(e->d_name, best) > 0)));
		if (better) {
			snprintf(best, sizeof best, "%s", e->d_name);
			best_x86 = x86;
			best_patch = patch;
		}
	}
	closedir(d);
	if (!best[0])
		return false;
	snprintf(path, n, "%s/%s", dir, best);
	return true;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

bool tradeoffs_run(const char *python, const char *script, int timeout_ms,
                   bool (*stop)(void *ctx), void *ctx, struct tradeoff_table *t, char *err,
                   size_t errlen)
{
	static struct probe_client pc;
	memset(&pc, 0, sizeof pc);
	if (!probe_client_start(&pc, python, script, err, errlen))
		return false;
	/* the transcript, gathered whole, then parsed as a committed one is */
	size_t cap = 64 * 1024, len = 0;
	char *text = malloc(cap), line[PROBE_LINE_MAX], how[120];
	bool done = false, ok = text != NULL;
	const char *why = text ? NULL : "out of memory";
	long deadline = now_ms() + timeout_ms;
	while (ok && !done) {
		if (stop && stop(ctx)) {
			why = "stopped";
			ok = false;
			break;
		}
		if (now_ms() > deadline) {
			why = "gave no complete answer in time";
			ok = false;
			break;
		}
		enum probe_read r = probe_client_read_line(&pc, line, sizeof line, 50);
		if (r == PROBE_READ_TIMEOUT)
			continue;
		if (r != PROBE_READ_LINE) {
			why = r == PROBE_READ_EOF ? "stopped before answering" : "sent a line too long";
			ok = false;
			break;
		}
		size_t l = strlen(line);
		if (len + l + 2 > cap || len + l + 2 > TRANSCRIPT_MAX) {
			why = "sent more than a trade-offs table";
			ok = false;
			break;
		}
		memcpy(text + len, line, l);
		len += l;
		text[len++] = '\n';
		done = strcmp(line, "done") == 0;
	}
	probe_client_stop(&pc, 500, how, sizeof how);
	if (!ok) {
		snprintf(err, errlen, "%s %s (%s)%s%s", python, why, how, pc.err_tail[0] ? ": " : "",
		         pc.err_tail);
		free(text);
		return false;
	}
	char source[64];
	snprintf(source, sizeof source, "%s", "the trade-offs run");
	ok = tradeoffs_parse(text, len, source, t, err, errlen);
	free(text);
	if (ok) {
		t->live = true;
		snprintf(t->interp.path, sizeof t->interp.path, "%s", python);
		snprintf(t->source, sizeof t->source, "measured now in CPython %s %s%s (%s)",
		         t->interp.version, t->interp.free_threaded ? "free-threaded " : "",
		         t->machine, python);
	}
	return ok;
}

bool tradeoffs_for(const char *datadir, const char *python, const struct profile *pr,
                   int timeout_ms, bool (*stop)(void *ctx), void *ctx, struct tradeoff_table *t,
                   char *err, size_t errlen)
{
	if (python) {
		char script[4200];
		snprintf(script, sizeof script, "%s/tradeoffs.py", datadir);
		return tradeoffs_run(python, script, timeout_ms, stop, ctx, t, err, errlen);
	}
	char path[4400];
	if (!tradeoffs_find_committed(datadir, pr->major, pr->minor, pr->free_threaded, path,
	                              sizeof path)) {
		snprintf(err, errlen, "no committed trade-offs table for CPython %s in %s/tradeoffs; "
		         "give --python PATH to try it in an interpreter", pr->version, datadir);
		return false;
	}
	return tradeoffs_load(path, t, err, errlen);
}
