#include "config.h"

#include "core/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

static const char *const kind_names[SCAN_KIND_COUNT] = {
	"regular", "dataclass", "typing-namedtuple", "namedtuple", "namedtuple-subclass", "enum",
	"exception", "typeddict", "protocol",
};

static const char *const verdict_names[VERDICT_COUNT] = {
	"candidate", "blocked", "unknown", "slotted", "not-applicable",
};

static const struct {
	const char *name;
	unsigned bit;
} use_names[] = {
	{ "vars", USE_VARS }, { "dict", USE_DICT }, { "dict-write", USE_DICT_WRITE },
	{ "setattr", USE_SETATTR }, { "weakref", USE_WEAKREF }, { "alias", USE_ALIAS },
	{ "getattr-hook", USE_GETATTR_HOOK }, { "fields-unknown", USE_FIELDS_UNKNOWN },
}, module_use_names[] = {
	{ "vars", MUSE_VARS }, { "dict", MUSE_DICT }, { "setattr", MUSE_SETATTR },
	{ "weakref", MUSE_WEAKREF },
};

const char *scan_kind_name(enum scan_kind k)
{
	return k < SCAN_KIND_COUNT ? kind_names[k] : "?";
}

const char *scan_verdict_name(enum scan_verdict v)
{
	return v < VERDICT_COUNT ? verdict_names[v] : "?";
}

static int hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
	     : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *scan_decode(const char *in, size_t len)
{
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		int h, l;
		if (in[i] == '%' && i + 2 < len && (h = hex(in[i + 1])) >= 0 &&
		    (l = hex(in[i + 2])) >= 0) {
			out[o++] = (char)(h * 16 + l);
			i += 2;
		} else {
			out[o++] = in[i];
		}
	}
	out[o] = '\0';
	for (size_t i = 0; i < o; i++)
		if (out[i] == '\0')
			out[i] = '?';
	out[o] = '\0';
	text_make_utf8(out);
	text_strip_controls(out);
	return out;
}

void scan_list_free(struct scan_list *l)
{
	for (unsigned i = 0; i < l->n; i++)
		free(l->item[i]);
	free(l->item);
	l->item = NULL;
	l->n = 0;
}

bool scan_list_parse(const char *text, struct scan_list *l)
{
	scan_list_free(l);
	if (!*text)
		return true;
	unsigned n = 1;
	for (const char *p = text; *p; p++)
		n += *p == ',';
	l->item = calloc(n, sizeof *l->item);
	if (!l->item)
		return false;
	const char *p = text;
	for (unsigned i = 0; i < n; i++) {
		size_t len = strcspn(p, ",");
		if (!(l->item[i] = scan_decode(p, len)))
			return false;
		l->n = i + 1;
		p += len + (p[len] == ',');
	}
	return true;
}

static unsigned bits_parse(const char *text, bool module, bool *ok)
{
	unsigned bits = 0;
	*ok = true;
	while (*text) {
		size_t len = strcspn(text, ",");
		bool found = false;
		size_t count = module ? sizeof module_use_names / sizeof module_use_names[0]
		                      : sizeof use_names / sizeof use_names[0];
		for (size_t i = 0; i < count; i++) {
			const char *name = module ? module_use_names[i].name : use_names[i].name;
			if (strlen(name) == len && strncmp(text, name, len) == 0) {
				bits |= module ? module_use_names[i].bit : use_names[i].bit;
				found = true;
			}
		}
		if (!found)
			*ok = false;
		text += len + (text[len] == ',');
	}
	return bits;
}

void scan_class_free(struct scan_class *c)
{
	free(c->file);
	free(c->name);
	struct scan_list *lists[] = { &c->options, &c->slots, &c->attrs, &c->fields, &c->extra,
	                              &c->inherited, &c->defaults, &c->bases, &c->unknown_bases, &c->unslotted_bases,
	                              &c->subclasses };
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		scan_list_free(lists[i]);
}

void scan_result_free(struct scan_result *r)
{
	for (size_t i = 0; i < r->nclasses; i++)
		scan_class_free(&r->classes[i]);
	for (size_t i = 0; i < r->nerrors; i++) {
		free(r->errors[i].file);
		free(r->errors[i].message);
	}
	free(r->classes);
	free(r->errors);
	memset(r, 0, sizeof *r);
}

static bool line_number(const struct probe_record *rec, unsigned *out)
{
	uint64_t v;
	if (!probe_field_u64(rec, "line", &v) || v > 100000000)
		return false;
	*out = (unsigned)v;
	return true;
}

static int fail(char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "%s", what);
	return -1;
}

static int parse_class(struct scan_result *r, const struct probe_record *rec, char *err,
                       size_t errlen)
{
	if (r->nclasses >= SCAN_MAX_CLASSES) {
		snprintf(err, errlen, "more than %d classes: scan a smaller tree", SCAN_MAX_CLASSES);
		return -1;
	}
	const char *file = probe_field(rec, "file"), *name = probe_field(rec, "name");
	const char *kind = probe_field(rec, "kind");
	struct scan_class c;
	memset(&c, 0, sizeof c);
	if (!file || !*file || !name || !*name || !kind || !line_number(rec, &c.line))
		return fail(err, errlen, "a scanclass reply needs file=, line=, name= and kind=");
	c.kind = SCAN_KIND_COUNT;
	for (int k = 0; k < SCAN_KIND_COUNT; k++)
		if (strcmp(kind, kind_names[k]) == 0)
			c.kind = (enum scan_kind)k;
	if (c.kind == SCAN_KIND_COUNT)
		return fail(err, errlen, "a scanclass reply with an unknown kind=");
	static const char *const keys[] = { "options", "slots", "attrs", "fields", "extra",
	                                    "inherited", "defaults", "bases", "unknown_bases",
	                                    "unslotted_bases", "subclasses" };
	struct scan_list *lists[] = { &c.options, &c.slots, &c.attrs, &c.fields, &c.extra,
	                              &c.inherited, &c.defaults, &c.bases, &c.unknown_bases,
	                              &c.unslotted_bases, &c.subclasses };
	bool ok = (c.file = scan_decode(file, strlen(file))) && (c.name = scan_decode(name, strlen(name)));
	for (size_t i = 0; ok && i < sizeof keys / sizeof keys[0]; i++) {
		const char *v = probe_field(rec, keys[i]);
		if (i == 1 && v) {
			c.slots_state = strcmp(v, "?") == 0 ? 2 : 1;
			if (c.slots_state == 2)
				continue;
		}
		if (v)
			ok = scan_list_parse(v, lists[i]);
	}
	if (!ok) {
		scan_class_free(&c);
		return fail(err, errlen, "out of memory");
	}
	bool known = true, mknown = true;
	const char *u = probe_field(rec, "uses"), *mu = probe_field(rec, "module_uses");
	c.uses = u ? bits_parse(u, false, &known) : 0;
	c.module_uses = mu ? bits_parse(mu, true, &mknown) : 0;
	const char *t = probe_field(rec, "truncated");
	c.truncated = t && strcmp(t, "1") == 0;
	if (!known || !mknown) {
		scan_class_free(&c);
		return fail(err, errlen, "a scanclass reply with an unknown uses= or module_uses=");
	}
	if (r->nclasses == r->classes_cap) {
		size_t cap = r->classes_cap ? r->classes_cap * 2 : 64;
		struct scan_class *more = realloc(r->classes, cap * sizeof *more);
		if (!more) {
			scan_class_free(&c);
			return fail(err, errlen, "out of memory");
		}
		r->classes = more;
		r->classes_cap = cap;
	}
	r->classes[r->nclasses++] = c;
	return 1;
}

static int parse_error(struct scan_result *r, const struct probe_record *rec, char *err,
                       size_t errlen)
{
	const char *file = probe_field(rec, "file"), *message = probe_field(rec, "message");
	unsigned line;
	if (!file || !*file || !message || !line_number(rec, &line))
		return fail(err, errlen, "a scanerror reply needs file=, line= and message=");
	if (r->nerrors >= SCAN_MAX_ERRORS)
		return fail(err, errlen, "too many files that do not parse");
	if (r->nerrors == r->errors_cap) {
		size_t cap = r->errors_cap ? r->errors_cap * 2 : 16;
		struct scan_error *more = realloc(r->errors, cap * sizeof *more);
		if (!more)
			return fail(err, errlen, "out of memory");
		r->errors = more;
		r->errors_cap = cap;
	}
	struct scan_error e = { .line = line };
	e.file = scan_decode(file, strlen(file));
	e.message = scan_decode(message, strlen(message));
	if (!e.file || !e.message) {
		free(e.file);
		free(e.message);
		return fail(err, errlen, "out of memory");
	}
	r->errors[r->nerrors++] = e;
	return 1;
}

int scan_reply_verb(const char *line, const char *const *verbs, int n)
{
	for (int i = 0; i < n; i++)
		if (strncmp(line, verbs[i], strlen(verbs[i])) == 0)
			return i;
	return -1;
}

bool scan_parse_fields(const char *line, size_t verb_len, struct probe_record *rec,
                       const char *what, char *err, size_t errlen)
{
	/* the fields, read by the protocol's parser under a verb it knows */
	char buf[PROBE_LINE_MAX], why[200];
	if (strlen(line) - verb_len + 6 >= sizeof buf) {
		snprintf(err, errlen, "a %s reply longer than a probe line", what);
		return false;
	}
	snprintf(buf, sizeof buf, "hello %s", line + verb_len);
	if (!probe_parse_line(buf, rec, why, sizeof why)) {
		snprintf(err, errlen, "a malformed %s reply: %s", what, why);
		text_make_utf8(err);
		text_strip_controls(err);
		return false;
	}
	return true;
}

int scan_parse_reply(struct scan_result *r, const char *line, char *err, size_t errlen)
{
	static struct probe_record rec;
	char why[200];
	if (r->done)
		return fail(err, errlen, "a reply after scandone");
	/* the scan's own verbs: probe_parse_line knows the protocol's others */
	static const char *const verbs[] = { "scanfile ", "scanclass ", "scanerror ", "scandone " };
	int which = scan_reply_verb(line, verbs, 4);
	if (which < 0) {
		if (probe_parse_line(line, &rec, why, sizeof why) && rec.verb == PROBE_ERROR) {
			const char *text = rec.error_text + strspn(rec.error_text, " \t");
			snprintf(err, errlen, "%.300s", text[0] ? text
			         : "the probe reported an error without saying what");
			text_make_utf8(err);
			text_strip_controls(err);
			return -1;
		}
		if (probe_parse_line(line, &rec, why, sizeof why) && rec.verb == PROBE_UNSUPPORTED) {
			const char *reason = probe_field(&rec, "reason");
			snprintf(err, errlen, "the interpreter cannot scan: %.200s", reason ? reason : "unsupported");
			text_make_utf8(err);
			text_strip_controls(err);
			return -1;
		}
		return fail(err, errlen, "not a scan reply");
	}
	if (!scan_parse_fields(line, strlen(verbs[which]), &rec, "scan", err, errlen))
		return -1;
	switch (which) {
	case 0:
		if (!probe_field(&rec, "file"))
			return fail(err, errlen, "a scanfile reply needs file=");
		r->files++;
		return 1;
	case 1:
		return parse_class(r, &rec, err, errlen);
	case 2:
		return parse_error(r, &rec, err, errlen);
	default: {
		uint64_t files, classes, errors;
		if (!probe_field_u64(&rec, "files", &files) || !probe_field_u64(&rec, "classes", &classes) ||
		    !probe_field_u64(&rec, "errors", &errors))
			return fail(err, errlen, "a scandone reply needs files=, classes= and errors=");
		if (files != r->files || classes != r->nclasses || errors != r->nerrors)
			return fail(err, errlen, "the scan's counts do not match the replies it sent");
		r->done = true;
		return 0;
	}
	}
}

void scan_encode(const char *path, char *out, size_t n)
{
	static const char safe[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:/@+<>-";
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)path; *p && o + 4 < n; p++) {
		if (strchr(safe, *p))
			out[o++] = (char)*p;
		else
			o += (size_t)snprintf(out + o, n - o, "%%%02X", *p);
	}
	out[o] = '\0';
}

void scan_refused_reply(struct probe_client *pc, const char *line, const char *why,
                        const char *what, char *err, size_t errlen)
{
	char how[120];
	bool reported = strncmp(line, "error ", 6) == 0 || strncmp(line, "unsupported ", 12) == 0;
	if (!reported)
		probe_client_kill(pc, how, sizeof how);
	if (reported)
		snprintf(err, errlen, "%s", why);
	else
		snprintf(err, errlen, "the %s's reply is wrong: %s", what, why);
}

bool scan_run(struct probe_client *pc, const char *path, int timeout_ms, struct scan_result *r,
              char *err, size_t errlen)
{
	char request[3 * 4096 + 32], how[120];
	if (strlen(path) > 4096) {
		snprintf(err, errlen, "a path longer than 4096 bytes");
		return false;
	}
	snprintf(request, sizeof request, "scan path=");
	scan_encode(path, request + strlen(request), sizeof request - strlen(request));
	if (!probe_client_send(pc, request, err, errlen))
		return false;
	static char line[PROBE_LINE_MAX];
	for (;;) {
		enum probe_read got = probe_client_read_line(pc, line, sizeof line, timeout_ms);
		switch (got) {
		case PROBE_READ_LINE:
			break;
		case PROBE_READ_TIMEOUT:
			probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, "%s stopped answering the scan of %s for %d s; stopped it",
			         pc->python, path, timeout_ms / 1000);
			return false;
		case PROBE_READ_TOO_LONG:
			probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, "%s answered the scan of %s with a line over %d bytes; "
			         "stopped it", pc->python, path, PROBE_LINE_MAX);
			return false;
		case PROBE_READ_EOF:
			probe_client_stop(pc, 1000, how, sizeof how);
			snprintf(err, errlen, "%s %s while scanning %s%s%s", pc->python, how, path,
			         pc->err_tail[0] ? ": " : "", pc->err_tail);
			return false;
		}
		char why[400];
		int st = scan_parse_reply(r, line, why, sizeof why);
		if (st == 0)
			return true;
		if (st < 0) {
			scan_refused_reply(pc, line, why, "scan", err, errlen);
			return false;
		}
	}
}

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* attrs, fields and extra, each name once */
static unsigned distinct_names(const struct scan_class *c)
{
	unsigned n = c->attrs.n + c->fields.n + c->extra.n + c->inherited.n;
	if (n == 0)
		return 0;
	char **all = malloc(n * sizeof *all);
	if (!all)
		return n;
	unsigned k = 0;
	const struct scan_list *lists[] = { &c->attrs, &c->fields, &c->extra, &c->inherited };
	for (int i = 0; i < 4; i++)
		for (unsigned j = 0; j < lists[i]->n; j++)
			all[k++] = lists[i]->item[j];
	qsort(all, n, sizeof *all, compare_str);
	unsigned distinct = 1;
	for (unsigned i = 1; i < n; i++)
		distinct += strcmp(all[i], all[i - 1]) != 0;
	free(all);
	return distinct;
}

static bool list_has(const struct scan_list *l, const char *name)
{
	for (unsigned i = 0; i < l->n; i++)
		if (strcmp(l->item[i], name) == 0)
			return true;
	return false;
}

static bool model_figure(const struct profile *pr, enum abi abi, unsigned attrs, enum kind k,
                         enum accounting acc, uint64_t *out)
{
	struct model_setting s = {
		.profile = pr, .abi = abi, .attrs = attrs, .instances = 1,
	};
	value_list_single(&s.values, &(struct value_spec){ .type = VALUE_NONE, .shared = true });
	char why[200];
	if (!model_setting_check(&s, why, sizeof why))
		return false;
	struct container cont;
	model_container(&s, &cont);
	struct kind_result kr;
	model_evaluate(&s, k, &cont, &kr);
	if (!kr.available)
		return false;
	*out = kr.fig[acc];
	return true;
}

void scan_judge(struct scan_class *c, const struct profile *pr, enum abi abi, enum accounting acc)
{
	c->nattrs = distinct_names(c);
	c->modelled = false;
	c->by_hand = false;
	c->saving = 0;
	c->from_bytes = c->to_bytes = 0;
	bool dc_slots = list_has(&c->options, "slots");
	if (c->kind == SCAN_NAMEDTUPLE || c->kind == SCAN_TYPING_NAMEDTUPLE || c->slots_state ||
	    (c->kind == SCAN_DATACLASS && dc_slots))
		c->verdict = VERDICT_SLOTTED;
	else if (c->kind == SCAN_ENUM || c->kind == SCAN_EXCEPTION || c->kind == SCAN_TYPEDDICT ||
	         c->kind == SCAN_PROTOCOL)
		c->verdict = VERDICT_NOT_APPLICABLE;
	else if (c->kind == SCAN_NAMEDTUPLE_SUBCLASS)
		c->verdict = VERDICT_CANDIDATE;   /* __slots__ = (): the model has no such kind */
	else if ((c->uses & (USE_SETATTR | USE_DICT_WRITE)) || c->nattrs == 0)
		c->verdict = VERDICT_UNKNOWN;
	else if ((c->uses & (USE_VARS | USE_DICT)) || c->unknown_bases.n || c->unslotted_bases.n ||
	         c->subclasses.n || c->defaults.n)
		c->verdict = VERDICT_BLOCKED;
	else
		c->verdict = VERDICT_CANDIDATE;
	if (c->verdict == VERDICT_CANDIDATE || c->verdict == VERDICT_BLOCKED)
		scan_model_saving(c, c->nattrs, pr, abi, acc);
}

bool scan_model_saving(struct scan_class *c, unsigned nattrs, const struct profile *pr, enum abi abi,
                       enum accounting acc)
{
	c->modelled = false;
	c->by_hand = false;
	c->saving = 0;
	c->from_bytes = c->to_bytes = 0;
	if (c->kind != SCAN_REGULAR && c->kind != SCAN_DATACLASS)
		return false;
	if (!pr || abi >= ABI_COUNT || acc >= ACC_COUNT || nattrs > MODEL_MAX_ATTRS)
		return false;
	bool weak = (c->uses & USE_WEAKREF) != 0;
	if (c->kind == SCAN_DATACLASS) {
		c->from = KIND_DATACLASS;
		c->to = weak ? KIND_DATACLASS_SLOTS_WEAKREF : KIND_DATACLASS_SLOTS;
	} else {
		c->from = KIND_REGULAR;
		c->to = weak ? KIND_SLOTS_WEAKREF : KIND_SLOTS;
	}
	if (!model_figure(pr, abi, nattrs, c->from, acc, &c->from_bytes))
		return false;
	if (!model_figure(pr, abi, nattrs, c->to, acc, &c->to_bytes)) {
		/* no slots=True (3.8, 3.9) or weakref_slot=True (3.10): by hand */
		c->to = weak ? KIND_SLOTS_WEAKREF : KIND_SLOTS;
		c->by_hand = true;
		if (!model_figure(pr, abi, nattrs, c->to, acc, &c->to_bytes))
			return false;
	}
	c->modelled = true;
	c->saving = (int64_t)c->from_bytes - (int64_t)c->to_bytes;
	return true;
}

void scan_list_join(const struct scan_list *l, char *out, size_t n)
{
	out[0] = '\0';
	for (unsigned i = 0; i < l->n; i++) {
		size_t used = strlen(out);
		if (used + strlen(l->item[i]) + 8 >= n) {
			snprintf(out + used, n - used, "%s...", i ? ", " : "");
			return;
		}
		snprintf(out + used, n - used, "%s%s", i ? ", " : "", l->item[i]);
	}
}

unsigned scan_reasons(const struct scan_class *c, char (*out)[SCAN_PHRASE], unsigned max)
{
	unsigned n = 0;
	char names[160];
#define ADD(...) do { if (n < max) snprintf(out[n++], SCAN_PHRASE, __VA_ARGS__); } while (0)
	switch (c->kind) {
	case SCAN_ENUM: ADD("an Enum's members are made once: nothing to save per instance"); break;
	case SCAN_EXCEPTION:
		ADD("an exception keeps a __dict__ (BaseException has one): __slots__ cannot remove it");
		break;
	case SCAN_TYPEDDICT: ADD("a TypedDict's instances are plain dicts"); break;
	case SCAN_PROTOCOL: ADD("a Protocol describes other classes; it has no instances of its own"); break;
	default: break;
	}
	if (c->verdict == VERDICT_NOT_APPLICABLE || c->verdict == VERDICT_SLOTTED)
		return n;
	if (c->uses & USE_SETATTR)
		ADD("setattr(self, NAME, value) with a computed name");
	if (c->uses & USE_DICT_WRITE)
		ADD("self.__dict__ is updated: the attributes come from data");
	if (c->nattrs == 0 && c->kind != SCAN_NAMEDTUPLE_SUBCLASS &&
	    !(c->uses & (USE_SETATTR | USE_DICT_WRITE)))
		ADD("no attribute is assigned through self in its methods");
	if (c->uses & USE_VARS)
		ADD("vars(self) needs a __dict__");
	if (c->uses & USE_DICT)
		ADD("self.__dict__ needs a __dict__");
	if (c->unslotted_bases.n) {
		scan_list_join(&c->unslotted_bases, names, sizeof names);
		ADD("its base %s has no __slots__, so instances keep its __dict__: give it __slots__ first",
		    names);
	}
	if (c->unknown_bases.n) {
		scan_list_join(&c->unknown_bases, names, sizeof names);
		ADD("its base %s is not in the scanned files: without __slots__ there, instances keep a "
		    "__dict__", names);
	}
	if (c->subclasses.n) {
		scan_list_join(&c->subclasses, names, sizeof names);
		ADD("subclassed by %s: they need __slots__ too, or their instances keep a __dict__", names);
	}
	if (c->defaults.n) {
		scan_list_join(&c->defaults, names, sizeof names);
		ADD("its body gives %s a class default, which a slot of that name cannot have: set it "
		    "in __init__", names);
	}
#undef ADD
	return n;
}

unsigned scan_notes(const struct scan_class *c, char (*out)[SCAN_PHRASE], unsigned max)
{
	unsigned n = 0;
	char names[160];
#define ADD(...) do { if (n < max) snprintf(out[n++], SCAN_PHRASE, __VA_ARGS__); } while (0)
	if (c->slots_state == 1 && list_has(&c->slots, "__dict__"))
		ADD("'__dict__' is in its __slots__: instances keep a dict");
	if (c->slots_state && c->unslotted_bases.n) {
		scan_list_join(&c->unslotted_bases, names, sizeof names);
		ADD("its base %s has no __slots__: its instances keep a __dict__ all the same", names);
	}
	if (c->slots_state == 1 && c->attrs.n) {
		char missing[160] = "";
		for (unsigned i = 0; i < c->attrs.n; i++)
			if (!list_has(&c->slots, c->attrs.item[i]) && !list_has(&c->slots, "__dict__") &&
			    strlen(missing) + strlen(c->attrs.item[i]) + 8 < sizeof missing)
				snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s",
				         missing[0] ? ", " : "", c->attrs.item[i]);
		bool own = c->bases.n == 0 || (c->bases.n == 1 && strcmp(c->bases.item[0], "object") == 0);
		if (missing[0] && own)   /* a base's slots may hold them */
			ADD("assigns %s, not in its __slots__ (AttributeError, unless a base has them)", missing);
	}
	if (c->uses & USE_WEAKREF)
		ADD("weakly referenced: keep '__weakref__' in __slots__");
	else if ((c->module_uses & MUSE_WEAKREF) && c->verdict <= VERDICT_BLOCKED)
		ADD("the module uses weakref: add '__weakref__' to __slots__ if instances are weakly "
		    "referenced");
	if (c->uses & USE_ALIAS) {
		scan_list_join(&c->extra, names, sizeof names);
		ADD("a method's first parameter is not named self: what it sets (%s) is not in "
		    "__static_attributes__", names);
	}
	if (c->uses & USE_GETATTR_HOOK)
		ADD("defines __getattr__ or __setattr__: check what it stores");
	if (c->module_uses & (MUSE_VARS | MUSE_DICT | MUSE_SETATTR) && c->verdict <= VERDICT_BLOCKED)
		ADD("the module uses %s%s%s outside classes: check that it does not touch these instances",
		    c->module_uses & MUSE_VARS ? "vars()" : "",
		    (c->module_uses & MUSE_VARS) && (c->module_uses & (MUSE_DICT | MUSE_SETATTR)) ? ", " : "",
		    (c->module_uses & MUSE_DICT) && (c->module_uses & MUSE_SETATTR) ? "__dict__, setattr()"
		    : c->module_uses & MUSE_DICT ? "__dict__" : c->module_uses & MUSE_SETATTR ? "setattr()" : "");
	if (c->by_hand)
		ADD("%s needs a newer Python: write __slots__ by hand (a field with a default cannot "
		    "also be a slot)", c->uses & USE_WEAKREF ? "dataclass(weakref_slot=True)" : "dataclass(slots=True)");
	if (c->truncated)
		ADD("the probe cut its lists to fit a reply line: the figures may be short");
#undef ADD
	return n;
}
