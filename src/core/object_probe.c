#include "config.h"

#include "core/object_probe.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/probe_parse.h"
#include "core/text.h"

static const char *const alt_names[ALT_COUNT] = {
	"regular", "slots", "slots-weakref", "dataclass-slots", "namedtuple", "tuple"
};
static const enum kind alt_kinds[ALT_COUNT] = {
	KIND_REGULAR, KIND_SLOTS, KIND_SLOTS_WEAKREF, KIND_DATACLASS_SLOTS, KIND_NAMEDTUPLE, KIND_TUPLE
};

const char *object_alt_name(enum object_alt a)
{
	return a < ALT_COUNT ? alt_names[a] : "?";
}

enum kind object_alt_kind(enum object_alt a)
{
	return a < ALT_COUNT ? alt_kinds[a] : KIND_COUNT;
}

bool object_spec_split(const char *spec, char *module, size_t mlen, const char **expr,
                       char *err, size_t errlen)
{
	const char *colon = strchr(spec, ':');
	size_t len = colon ? (size_t)(colon - spec) : 0;
	if (!colon || len == 0 || !colon[1] || strspn(colon + 1, " \t") == strlen(colon + 1)) {
		snprintf(err, errlen, "'%.200s' is not MODULE:EXPR (for example "
		         "'myapp.models:User(1, \"ann\")')", spec);
		return false;
	}
	/* a dotted name: letters, digits, _ and dots, no empty part */
	bool ok = len < mlen && spec[0] != '.' && colon[-1] != '.';
	for (size_t i = 0; ok && i < len; i++) {
		unsigned char c = (unsigned char)spec[i];
		ok = isalnum(c) || c == '_' || c >= 0x80 || (c == '.' && spec[i + 1] != '.');
	}
	if (!ok || isdigit((unsigned char)spec[0])) {
		snprintf(err, errlen, "'%.*s' is not a module name (a dotted name such as myapp.models)",
		         (int)(len > 200 ? 200 : len), spec);
		return false;
	}
	memcpy(module, spec, len);
	module[len] = '\0';
	*expr = colon + 1;
	return true;
}

static int fail(char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "%s", what);
	return -1;
}

static bool flag(const struct probe_record *rec, const char *key)
{
	const char *v = probe_field(rec, key);
	return v && strcmp(v, "1") == 0;
}

/* "-": none; else a list */
static bool optional_list(const struct probe_record *rec, const char *key, bool *has,
                          struct scan_list *l)
{
	const char *v = probe_field(rec, key);
	*has = v && strcmp(v, "-") != 0;
	return !*has || scan_list_parse(v, l);
}

static bool text_field(const struct probe_record *rec, const char *key, char **out)
{
	const char *v = probe_field(rec, key);
	free(*out);
	*out = scan_decode(v ? v : "?", strlen(v ? v : "?"));
	return *out != NULL;
}

/* "146.184" or "144" */
static bool figure_field(const struct probe_record *rec, const char *key,
                         struct object_figure *f)
{
	const char *v = probe_field(rec, key);
	f->known = false;
	if (!v || !*v || strcmp(v, "-") == 0)
		return v != NULL;
	char *end;
	double d = strtod(v, &end);
	if (*end || d < 0 || d > 1e15)
		return false;
	f->known = true;
	f->value = d;
	f->exact = !strchr(v, '.');
	return true;
}

/* An integer or "-" (not applicable). */
static bool maybe_u64(const struct probe_record *rec, const char *key, bool *has, uint64_t *out)
{
	const char *v = probe_field(rec, key);
	*has = false;
	if (!v)
		return false;
	if (strcmp(v, "-") == 0)
		return true;
	*has = probe_field_u64(rec, key, out);
	return *has;
}

static int parse_class(struct object_probe_result *r, const struct probe_record *rec,
                       char *err, size_t errlen)
{
	uint64_t samples;
	if (!probe_field(rec, "name") || !probe_field_u64(rec, "samples", &samples))
		return fail(err, errlen, "an objclass reply needs name= and samples=");
	r->samples = samples > 1000 ? 1000 : (unsigned)samples;
	r->dict_materialized = -1;
	r->same_attrs = flag(rec, "same_attrs");
	r->dict = flag(rec, "dict");
	r->weakref = flag(rec, "weakref");
	r->dataclass = flag(rec, "dataclass");
	r->namedtuple = flag(rec, "namedtuple");
	r->typed = flag(rec, "typed");
	bool has_sub, has_attrs;
	if (!text_field(rec, "name", &r->name) || !text_field(rec, "module", &r->module) ||
	    !optional_list(rec, "slots", &r->has_slots, &r->slots) ||
	    !optional_list(rec, "static", &r->has_static, &r->static_attrs) ||
	    !optional_list(rec, "subclasses", &has_sub, &r->subclasses) ||
	    !optional_list(rec, "class_attrs", &has_attrs, &r->class_attrs))
		return fail(err, errlen, "out of memory");
	return 1;
}

static int parse_mro(struct object_probe_result *r, const struct probe_record *rec,
                     char *err, size_t errlen)
{
	if (r->nmro >= OBJECT_MAX_MRO)
		return fail(err, errlen, "a class with more than 64 classes in its MRO");
	if (!probe_field(rec, "name"))
		return fail(err, errlen, "an objmro reply needs name=");
	struct object_mro *m = realloc(r->mro, (r->nmro + 1) * sizeof *m);
	if (!m)
		return fail(err, errlen, "out of memory");
	r->mro = m;
	m = &r->mro[r->nmro];
	memset(m, 0, sizeof *m);
	r->nmro++;
	m->heap = flag(rec, "heap");
	m->dict = flag(rec, "dict");
	m->weakref = flag(rec, "weakref");
	m->dataclass = flag(rec, "dataclass");
	if (!text_field(rec, "name", &m->name) || !text_field(rec, "module", &m->module) ||
	    !optional_list(rec, "slots", &m->has_slots, &m->slots))
		return fail(err, errlen, "out of memory");
	return 1;
}

static int parse_attr(struct object_probe_result *r, const struct probe_record *rec,
                      char *err, size_t errlen)
{
	uint64_t i;
	struct object_attr a;
	memset(&a, 0, sizeof a);
	const char *where = probe_field(rec, "where");
	if (!probe_field_u64(rec, "i", &i) || i != r->nattrs || !where ||
	    !probe_field_u64(rec, "getsizeof", &a.getsizeof) || !probe_field_u64(rec, "deep", &a.deep) ||
	    !probe_field_u64(rec, "owned_bytes", &a.owned_bytes) || !probe_field(rec, "name"))
		return fail(err, errlen, "an objattr reply needs i= (in order), name=, where=, "
		            "getsizeof=, deep= and owned_bytes=");
	if (r->nattrs >= OBJECT_MAX_ATTRS)
		return fail(err, errlen, "an instance with more than 4096 attributes");
	a.where = strcmp(where, "slot") == 0 ? WHERE_SLOT : strcmp(where, "item") == 0 ? WHERE_ITEM
	        : WHERE_DICT;
	a.owned = flag(rec, "owned");
	struct object_attr *more = realloc(r->attrs, (r->nattrs + 1) * sizeof *more);
	if (!more)
		return fail(err, errlen, "out of memory");
	r->attrs = more;
	if (!text_field(rec, "name", &a.name) || !text_field(rec, "type", &a.type)) {
		free(a.name);
		free(a.type);
		return fail(err, errlen, "out of memory");
	}
	r->attrs[r->nattrs++] = a;
	return 1;
}

static int parse_measured(struct object_measured *m, const struct probe_record *rec,
                          bool alternative, char *err, size_t errlen)
{
	memset(m, 0, sizeof *m);
	const char *why = probe_field(rec, "unsupported");
	if (!why)
		why = probe_field(rec, "error");   /* the probe could not build it */
	if (alternative && why) {
		snprintf(m->unsupported, sizeof m->unsupported, "%s", why);
		for (char *p = m->unsupported; *p; p++)
			if (*p == '-')
				*p = ' ';
		text_strip_controls(m->unsupported);
		return 1;
	}
	/* requested is "-" for a class picked out of a workload (its bytes are
	 * the workload's): the instances were not built one by one */
	bool ok = probe_field_u64(rec, "getsizeof", &m->getsizeof) &&
	          figure_field(rec, "requested", &m->requested) &&
	          (m->requested.known || !alternative);
	/* "-" where it does not apply (a tuple has no class of its own) */
	maybe_u64(rec, "per_class", &m->has_per_class, &m->per_class);
	maybe_u64(rec, "dict_getsizeof", &m->has_dict, &m->dict_getsizeof);
	if (!alternative) {
		ok = ok && probe_field_u64(rec, "count", &m->count);
		m->iterable = flag(rec, "iterable");
		maybe_u64(rec, "deep", &m->has_deep, &m->deep);
	}
	if (!ok)
		return fail(err, errlen, alternative ? "an objalt reply needs getsizeof= and requested="
		            : "an objmeasure reply needs count=, getsizeof= and requested=");
	m->known = true;
	return 1;
}

static int parse_alt(struct object_probe_result *r, const struct probe_record *rec,
                     char *err, size_t errlen)
{
	const char *kind = probe_field(rec, "kind");
	for (int a = 0; kind && a < ALT_COUNT; a++)
		if (strcmp(kind, alt_names[a]) == 0)
			return parse_measured(&r->alt[a], rec, true, err, errlen);
	return fail(err, errlen, "an objalt reply with an unknown kind=");
}

int object_parse_reply(struct object_probe_result *r, const char *line, char *err,
                       size_t errlen)
{
	static struct probe_record rec;
	char why[200];
	if (r->done)
		return fail(err, errlen, "a reply after objdone");
	if (strncmp(line, "scanclass ", 10) == 0) {
		if (r->scan.nclasses)
			return fail(err, errlen, "two scanclass replies for one object");
		return scan_parse_reply(&r->scan, line, err, errlen) < 0 ? -1 : 1;
	}
	static const char *const verbs[] = { "objclass ", "objmro ", "objattr ", "objalt ",
	                                     "objmeasure ", "objdone ", "objfresh " };
	int which = -1;
	for (int i = 0; i < 7; i++)
		if (strncmp(line, verbs[i], strlen(verbs[i])) == 0)
			which = i;
	if (which < 0) {
		if (probe_parse_line(line, &rec, why, sizeof why) &&
		    (rec.verb == PROBE_ERROR || rec.verb == PROBE_UNSUPPORTED)) {
			const char *text = rec.verb == PROBE_ERROR ? rec.error_text : probe_field(&rec, "reason");
			text = text ? text + strspn(text, " \t") : "";
			if (strncmp(text, "object: ", 8) == 0)
				text += 8;
			snprintf(err, errlen, "%s%.400s", rec.verb == PROBE_UNSUPPORTED
			         ? "the interpreter cannot run it: " : "",
			         text[0] ? text : "the probe reported an error without saying what");
			text_make_utf8(err);
			text_strip_controls(err);
			return -1;
		}
		return fail(err, errlen, "not a reply to an object request");
	}
	/* the fields, read by the protocol's parser under a verb it knows */
	char buf[PROBE_LINE_MAX];
	if (strlen(line) - strlen(verbs[which]) + 6 >= sizeof buf)
		return fail(err, errlen, "an object reply longer than a probe line");
	snprintf(buf, sizeof buf, "hello %s", line + strlen(verbs[which]));
	if (!probe_parse_line(buf, &rec, why, sizeof why)) {
		snprintf(err, errlen, "a malformed object reply: %s", why);
		text_strip_controls(err);
		return -1;
	}
	if (which != 0 && !r->name)
		return fail(err, errlen, "an object reply before objclass");
	switch (which) {
	case 0:
		if (r->name)
			return fail(err, errlen, "two objclass replies");
		return parse_class(r, &rec, err, errlen);
	case 1:
		return parse_mro(r, &rec, err, errlen);
	case 2:
		return parse_attr(r, &rec, err, errlen);
	case 3:
		return parse_alt(r, &rec, err, errlen);
	case 4:
		return parse_measured(&r->measure, &rec, false, err, errlen);
	case 6: {
		const char *v = probe_field(&rec, "dict_materialized");
		r->dict_materialized = v && strcmp(v, "1") == 0 ? 1 : v && strcmp(v, "0") == 0 ? 0 : -1;
		return 1;
	}
	default: {
		uint64_t attrs;
		if (!probe_field_u64(&rec, "attrs", &attrs) || attrs != r->nattrs)
			return fail(err, errlen, "objdone's attrs= does not match the objattr replies");
		if (!r->measure.known)
			return fail(err, errlen, "objdone before objmeasure");
		r->done = true;
		return 0;
	}
	}
}

void object_probe_result_free(struct object_probe_result *r)
{
	free(r->name);
	free(r->module);
	scan_list_free(&r->slots);
	scan_list_free(&r->static_attrs);
	scan_list_free(&r->subclasses);
	scan_list_free(&r->class_attrs);
	for (unsigned i = 0; i < r->nmro; i++) {
		free(r->mro[i].name);
		free(r->mro[i].module);
		scan_list_free(&r->mro[i].slots);
	}
	free(r->mro);
	for (unsigned i = 0; i < r->nattrs; i++) {
		free(r->attrs[i].name);
		free(r->attrs[i].type);
	}
	free(r->attrs);
	scan_result_free(&r->scan);
	memset(r, 0, sizeof *r);
}

bool object_run(struct probe_client *pc, const char *module, const char *expr,
                const char *class_name, const char *const *paths, int npaths, uint64_t count,
                int timeout_ms,
                bool (*stop)(void *), void *stop_ctx, struct object_probe_result *r,
                char *err, size_t errlen)
{
	static char request[3 * 4096 * (OBJECT_MAX_PATHS + 2) + 128];
	char how[120];
	if (strlen(module) > 1000 || strlen(expr) > 4096) {
		snprintf(err, errlen, "%s longer than %s bytes", strlen(module) > 1000 ? "a module name"
		         : "an expression", strlen(module) > 1000 ? "1000" : "4096");
		return false;
	}
	size_t o = (size_t)snprintf(request, sizeof request, "object module=");
	scan_encode(module, request + o, sizeof request - o);
	o = strlen(request);
	o += (size_t)snprintf(request + o, sizeof request - o, " expr=");
	scan_encode(expr, request + o, sizeof request - o);
	o = strlen(request);
	o += (size_t)snprintf(request + o, sizeof request - o, " path=");
	for (int i = 0; i < npaths && i < OBJECT_MAX_PATHS; i++) {
		if (strlen(paths[i]) > 4096) {
			snprintf(err, errlen, "a path longer than 4096 bytes");
			return false;
		}
		if (i)
			request[o++] = ',';
		scan_encode(paths[i], request + o, sizeof request - o);
		o = strlen(request);
	}
	o += (size_t)snprintf(request + o, sizeof request - o, " count=%llu", (unsigned long long)count);
	if (class_name && *class_name) {
		if (strlen(class_name) > 1000) {
			snprintf(err, errlen, "a class name longer than 1000 bytes");
			return false;
		}
		o += (size_t)snprintf(request + o, sizeof request - o, " class=");
		scan_encode(class_name, request + o, sizeof request - o);
		r->picked = true;
	}
	if (!probe_client_send(pc, request, err, errlen))
		return false;
	static char line[PROBE_LINE_MAX];
	int waited = 0;
	for (;;) {
		int slice = stop ? 100 : timeout_ms;
		enum probe_read got = probe_client_read_line(pc, line, sizeof line, slice);
		if (got == PROBE_READ_TIMEOUT && stop && stop(stop_ctx)) {
			probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, "stopped (the interpreter running %s was stopped)", module);
			return false;
		}
		if (got == PROBE_READ_TIMEOUT && (waited += slice) < timeout_ms)
			continue;
		if (got == PROBE_READ_LINE)
			waited = 0;
		switch (got) {
		case PROBE_READ_LINE:
			break;
		case PROBE_READ_TIMEOUT:
			probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, "%s gave no answer for %d s while importing %s and running "
			         "the expression; stopped it (a longer --timeout gives it more time)",
			         pc->python, timeout_ms / 1000, module);
			return false;
		case PROBE_READ_TOO_LONG:
			probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, "%s answered with a line over %d bytes; stopped it",
			         pc->python, PROBE_LINE_MAX);
			return false;
		case PROBE_READ_EOF:
			probe_client_stop(pc, 1000, how, sizeof how);
			snprintf(err, errlen, "%s %s while running %s:%s%s%s", pc->python, how, module, expr,
			         pc->err_tail[0] ? ": " : "", pc->err_tail);
			return false;
		}
		char why[600];
		int st = object_parse_reply(r, line, why, sizeof why);
		if (st == 0)
			return true;
		if (st < 0) {
			bool reported = strncmp(line, "error ", 6) == 0 || strncmp(line, "unsupported ", 12) == 0;
			if (!reported)
				probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, reported ? "%s" : "the probe's reply is wrong: %s", why);
			return false;
		}
	}
}
