#include "config.h"

#include "core/census.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/text.h"

#define CENSUS_TEXT_MAX 4096        /* MODULE, EXPR and each path, in bytes */
#define CENSUS_SLICE_MS 100

static int fail(char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "%s", what);
	return -1;
}

static void class_free(struct census_class *c)
{
	free(c->name);
	free(c->module);
	scan_list_free(&c->attrs);
	scan_list_free(&c->slots);
	scan_class_free(&c->scan);
}

void census_result_free(struct census_result *r)
{
	for (size_t i = 0; i < r->nclasses; i++)
		class_free(&r->classes[i]);
	free(r->classes);
	memset(r, 0, sizeof *r);
}

static bool want_u64(const struct probe_record *rec, const char *key, uint64_t *out)
{
	return probe_field_u64(rec, key, out);
}

static bool flag(const struct probe_record *rec, const char *key)
{
	const char *v = probe_field(rec, key);
	return v && strcmp(v, "1") == 0;
}

static bool list_copy(const struct scan_list *from, struct scan_list *to)
{
	scan_list_free(to);
	if (!from->n)
		return true;
	to->item = calloc(from->n, sizeof *to->item);
	if (!to->item)
		return false;
	for (unsigned i = 0; i < from->n; i++) {
		if (!(to->item[i] = strdup(from->item[i])))
			return false;
		to->n = i + 1;
	}
	return true;
}

/* A class without a source the scan can read (made by a function, or the
 * file is gone): its record from what the census saw. */
static bool record_from_census(struct census_class *c)
{
	struct scan_class *s = &c->scan;
	memset(s, 0, sizeof *s);
	s->kind = c->kind;
	s->file = strdup(c->module);
	s->name = strdup(c->name);
	if (!s->file || !s->name)
		return false;
	s->slots_state = c->has_slots ? 1 : 0;
	if (!list_copy(&c->slots, &s->slots))
		return false;
	if (c->namedtuple)
		return list_copy(&c->attrs, &s->fields);
	if (c->kind == SCAN_DATACLASS && !c->dict) {
		/* a dataclass without a __dict__: slots=True */
		s->options.item = calloc(1, sizeof *s->options.item);
		if (!s->options.item || !(s->options.item[0] = strdup("slots")))
			return false;
		s->options.n = 1;
	}
	return list_copy(&c->attrs, &s->attrs);
}

static int parse_class(struct census_result *r, const struct probe_record *rec, char *err,
                       size_t errlen)
{
	if (r->nclasses >= CENSUS_MAX_CLASSES)
		return fail(err, errlen, "more classes than a census shows");
	struct census_class c;
	memset(&c, 0, sizeof c);
	const char *name = probe_field(rec, "name"), *module = probe_field(rec, "module");
	const char *kind = probe_field(rec, "kind"), *attrs = probe_field(rec, "attrs");
	const char *slots = probe_field(rec, "slots");
	uint64_t rank, nattrs;
	if (!name || !*name || !module || !kind || !attrs || !slots || !want_u64(rec, "rank", &rank) ||
	    !want_u64(rec, "count", &c.count) || !want_u64(rec, "nattrs", &nattrs) ||
	    !want_u64(rec, "getsizeof_total", &c.getsizeof_total) ||
	    !want_u64(rec, "dict_total", &c.dict_total) || !want_u64(rec, "same_attrs", &c.same_attrs) ||
	    !want_u64(rec, "attrs_checked", &c.attrs_checked) ||
	    !want_u64(rec, "weakly_referenced", &c.weakly_referenced) ||
	    !want_u64(rec, "untracked", &c.untracked))
		return fail(err, errlen, "a censusclass reply needs rank=, name=, module=, kind=, count=, "
		            "nattrs=, attrs=, slots=, getsizeof_total=, dict_total=, same_attrs=, "
		            "attrs_checked=, weakly_referenced= and untracked=");
	if (rank != r->nclasses + 1 || nattrs > MODEL_MAX_ATTRS || c.count == 0 ||
	    c.count > CENSUS_MAX_COUNT || c.getsizeof_total > CENSUS_MAX_BYTES ||
	    c.dict_total > CENSUS_MAX_BYTES ||
	    c.same_attrs > c.attrs_checked || c.attrs_checked > c.count ||
	    c.weakly_referenced > c.count || c.untracked > c.count)
		return fail(err, errlen, "a censusclass reply whose figures do not hold together");
	c.rank = (unsigned)rank;
	c.nattrs = (unsigned)nattrs;
	c.kind = SCAN_KIND_COUNT;
	for (int k = 0; k < SCAN_KIND_COUNT; k++)
		if (strcmp(kind, scan_kind_name((enum scan_kind)k)) == 0)
			c.kind = (enum scan_kind)k;
	if (c.kind == SCAN_KIND_COUNT)
		return fail(err, errlen, "a censusclass reply with an unknown kind=");
	c.dict = flag(rec, "dict");
	c.weakref = flag(rec, "weakref");
	c.dataclass = flag(rec, "dataclass");
	c.namedtuple = flag(rec, "namedtuple");
	c.truncated = flag(rec, "truncated");
	c.has_slots = strcmp(slots, "-") != 0;
	bool ok = (c.name = scan_decode(name, strlen(name))) &&
	          (c.module = scan_decode(module, strlen(module))) && scan_list_parse(attrs, &c.attrs) &&
	          (!c.has_slots || scan_list_parse(slots, &c.slots));
	if (ok && !c.truncated && c.attrs.n != c.nattrs) {
		class_free(&c);
		return fail(err, errlen, "a censusclass reply whose nattrs= is not its attrs=");
	}
	if (ok && r->nclasses == r->classes_cap) {
		size_t cap = r->classes_cap ? r->classes_cap * 2 : 32;
		struct census_class *more = realloc(r->classes, cap * sizeof *more);
		if (more) {
			r->classes = more;
			r->classes_cap = cap;
		}
		ok = more != NULL;
	}
	r->want_scan = flag(rec, "scan");
	/* the scan's record follows when there is one; until then, the census's */
	if (!ok || (!r->want_scan && !record_from_census(&c))) {
		class_free(&c);
		return fail(err, errlen, "out of memory");
	}
	r->classes[r->nclasses++] = c;
	return 1;
}

static int parse_scan(struct census_result *r, const char *line, char *err, size_t errlen)
{
	if (!r->want_scan || r->nclasses == 0)
		return fail(err, errlen, "a scanclass reply that no censusclass announced");
	r->want_scan = false;
	static struct scan_result one;
	memset(&one, 0, sizeof one);
	int st = scan_parse_reply(&one, line, err, errlen);
	if (st < 0 || one.nclasses != 1) {
		scan_result_free(&one);
		return st < 0 ? -1 : fail(err, errlen, "a scanclass reply without a class");
	}
	struct census_class *c = &r->classes[r->nclasses - 1];
	c->scan = one.classes[0];
	c->scanned = true;
	free(one.classes);
	return 1;
}

static bool stage_seconds(const struct probe_record *rec, double *out)
{
	const char *v = probe_field(rec, "seconds");
	char *end;
	if (!v)
		return false;
	double d = strtod(v, &end);
	if (*end || !(d >= 0 && d < 1e9))
		return false;
	*out = d;
	return true;
}

static int parse_done(struct census_result *r, const struct probe_record *rec, char *err,
                      size_t errlen)
{
	uint64_t shown;
	if (!want_u64(rec, "objects", &r->objects) || !want_u64(rec, "cap", &r->cap) ||
	    !want_u64(rec, "classes", &r->classes_total) || !want_u64(rec, "shown", &shown) ||
	    !want_u64(rec, "instances", &r->instances) || !want_u64(rec, "bytes", &r->bytes) ||
	    !probe_field(rec, "cap_hit"))
		return fail(err, errlen, "a censusdone reply needs objects=, cap=, cap_hit=, classes=, "
		            "shown=, instances= and bytes=");
	if (shown != r->nclasses || r->classes_total < shown || r->want_scan)
		return fail(err, errlen, "the census's counts do not match the replies it sent");
	r->cap_hit = flag(rec, "cap_hit");
	r->done = true;
	return 0;
}

/* The text of an "error" reply, one line, its %XX decoded. */
static void error_text(const char *text, char *err, size_t errlen)
{
	text += strspn(text, " \t");
	if (strncmp(text, "census:", 7) == 0)
		text += 7 + strspn(text + 7, " ");
	char *plain = scan_decode(text, strlen(text));
	snprintf(err, errlen, "%.600s", plain && *plain ? plain
	         : "the probe reported an error without saying what");
	free(plain);
	text_make_utf8(err);
	text_strip_controls(err);
}

int census_parse_reply(struct census_result *r, const char *line, char *err, size_t errlen)
{
	static struct probe_record rec;
	char why[200];
	if (r->done)
		return fail(err, errlen, "a reply after censusdone");
	if (strncmp(line, "scanclass ", 10) == 0)
		return parse_scan(r, line, err, errlen);
	static const char *const verbs[] = { "censusstage ", "censusbeat ", "censusclass ",
	                                     "censusdone " };
	int which = scan_reply_verb(line, verbs, 4);
	if (which < 0) {
		if (probe_parse_line(line, &rec, why, sizeof why) && rec.verb == PROBE_ERROR) {
			error_text(rec.error_text, err, errlen);
			return -1;
		}
		if (strncmp(line, "unsupported ", 12) == 0) {
			/* "unsupported census reason=R": the protocol's parser wants a setting */
			const char *reason = strstr(line, " reason=");
			snprintf(err, errlen, "the interpreter cannot run a census: %.200s",
			         reason ? reason + 8 : "unsupported");
			text_make_utf8(err);
			text_strip_controls(err);
			return -1;
		}
		return fail(err, errlen, "not a census reply");
	}
	if (r->want_scan)
		return fail(err, errlen, "a censusclass announced a scanclass reply that did not come");
	if (!scan_parse_fields(line, strlen(verbs[which]), &rec, "census", err, errlen))
		return -1;
	switch (which) {
	case 0: {
		const char *stage = probe_field(&rec, "stage");
		double s;
		if (!stage || !stage_seconds(&rec, &s))
			return fail(err, errlen, "a censusstage reply needs stage= and seconds=");
		if (strcmp(stage, "imported") == 0 && !r->imported) {
			r->imported = true;
			r->import_seconds = s;
		} else if (strcmp(stage, "evaluated") == 0 && r->imported && !r->evaluated) {
			const char *type = probe_field(&rec, "result");
			char *t = type ? scan_decode(type, strlen(type)) : NULL;
			snprintf(r->result_type, sizeof r->result_type, "%s", t ? t : "?");
			free(t);
			r->evaluated = true;
			r->eval_seconds = s;
		} else {
			return fail(err, errlen, "a censusstage reply out of order");
		}
		return 1;
	}
	case 1:
		return 1;
	case 2:
		if (!r->evaluated)
			return fail(err, errlen, "a censusclass reply before EXPR was evaluated");
		return parse_class(r, &rec, err, errlen);
	default:
		if (!r->evaluated)
			return fail(err, errlen, "a censusdone reply before EXPR was evaluated");
		return parse_done(r, &rec, err, errlen);
	}
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static bool build_request(const struct census_request *rq, char *out, size_t n, char *err,
                          size_t errlen)
{
	const char *texts[] = { rq->module, rq->expr };
	for (int i = 0; i < 2; i++)
		if (strlen(texts[i]) > CENSUS_TEXT_MAX) {
			snprintf(err, errlen, "%s longer than %d bytes", i ? "an expression" : "a module name",
			         CENSUS_TEXT_MAX);
			return false;
		}
	static char enc[3 * CENSUS_TEXT_MAX + 8];
	size_t used = 0;
	scan_encode(rq->module, enc, sizeof enc);
	used += (size_t)snprintf(out + used, n - used, "census module=%s", enc);
	scan_encode(rq->expr, enc, sizeof enc);
	used += (size_t)snprintf(out + used, n - used, " expr=%s path=", enc);
	for (int i = 0; i < rq->npaths; i++) {
		if (strlen(rq->paths[i]) > CENSUS_TEXT_MAX) {
			snprintf(err, errlen, "a path longer than %d bytes", CENSUS_TEXT_MAX);
			return false;
		}
		scan_encode(rq->paths[i], enc, sizeof enc);
		used += (size_t)snprintf(out + used, n - used, "%s%s", i ? "," : "", enc);
		if (used >= n) {
			snprintf(err, errlen, "the paths are too long for one request");
			return false;
		}
	}
	used += (size_t)snprintf(out + used, n - used, " cap=%llu top=%u",
	                         (unsigned long long)rq->cap, rq->top);
	if (used >= n) {
		snprintf(err, errlen, "the request is too long");
		return false;
	}
	return true;
}

/* What the census was doing, for a message. */
static const char *doing(const struct census_result *r)
{
	return !r->imported ? "importing the module" : !r->evaluated ? "evaluating the expression"
	     : "counting the instances";
}

enum census_status census_run(struct probe_client *pc, const struct census_request *rq,
                              struct census_result *r, char *err, size_t errlen)
{
	static char request[16 * 3 * CENSUS_TEXT_MAX + 256];
	char how[120];
	if (!build_request(rq, request, sizeof request, err, errlen))
		return CENSUS_FAILED;
	if (!probe_client_send(pc, request, err, errlen))
		return CENSUS_FAILED;
	static char line[PROBE_LINE_MAX];
	long last = now_ms();
	for (;;) {
		if (rq->cancel && rq->cancel(rq->cancel_ctx)) {
			probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, "stopped while %s; the interpreter was stopped", doing(r));
			return CENSUS_CANCELLED;
		}
		long left = rq->timeout_ms - (now_ms() - last);
		enum probe_read got = left <= 0 ? PROBE_READ_TIMEOUT
		                    : probe_client_read_line(pc, line, sizeof line,
		                                             left < CENSUS_SLICE_MS ? (int)left : CENSUS_SLICE_MS);
		switch (got) {
		case PROBE_READ_LINE:
			break;
		case PROBE_READ_TIMEOUT:
			if (left > 0)
				continue;   /* a slice: look at cancel, then wait on */
			probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, "no answer for %d s while %s (--timeout); stopped it",
			         rq->timeout_ms / 1000, doing(r));
			return CENSUS_FAILED;
		case PROBE_READ_TOO_LONG:
			probe_client_kill(pc, how, sizeof how);
			snprintf(err, errlen, "%s answered with a line over %d bytes; stopped it", pc->python,
			         PROBE_LINE_MAX);
			return CENSUS_FAILED;
		case PROBE_READ_EOF:
			probe_client_stop(pc, 1000, how, sizeof how);
			snprintf(err, errlen, "the interpreter %s while %s%s%.160s", how, doing(r),
			         pc->err_tail[0] ? ": " : "", pc->err_tail);
			return CENSUS_FAILED;
		}
		last = now_ms();
		char why[800];
		int st = census_parse_reply(r, line, why, sizeof why);
		if (st == 0)
			return CENSUS_DONE;
		if (st < 0) {
			scan_refused_reply(pc, line, why, "census", err, errlen);
			return CENSUS_FAILED;
		}
	}
}

void census_judge(struct census_class *c, const struct profile *pr, enum abi abi,
                  enum accounting acc)
{
	struct scan_class *s = &c->scan;
	if (c->weakly_referenced)
		s->uses |= USE_WEAKREF;
	scan_judge(s, pr, abi, acc);
	c->total_saving = 0;
	/* what the instances are: no __dict__ is compact whatever the source says */
	if (!c->dict && (s->verdict == VERDICT_CANDIDATE || s->verdict == VERDICT_BLOCKED ||
	                 s->verdict == VERDICT_UNKNOWN)) {
		s->verdict = VERDICT_SLOTTED;
		s->modelled = false;
		return;
	}
	if (s->verdict != VERDICT_CANDIDATE && s->verdict != VERDICT_BLOCKED &&
	    s->verdict != VERDICT_UNKNOWN)
		return;
	/* the attributes the instances hold, which the source may not say */
	if (scan_model_saving(s, c->nattrs, pr, abi, acc) &&
	    __builtin_mul_overflow(s->saving, (int64_t)c->count, &c->total_saving))
		c->total_saving = s->saving < 0 ? INT64_MIN : INT64_MAX;
}

bool census_split_target(const char *target, char *buf, size_t n, const char **module,
                         const char **expr, char *err, size_t errlen)
{
	const char *colon = strchr(target, ':');
	if (!colon || colon == target || !colon[1]) {
		snprintf(err, errlen, "'%.200s' is not MODULE:EXPR (such as "
		         "myapp.load:load_fixtures())", target);
		return false;
	}
	if (strlen(target) >= n) {
		snprintf(err, errlen, "MODULE:EXPR longer than %zu bytes", n - 1);
		return false;
	}
	snprintf(buf, n, "%s", target);
	buf[colon - target] = '\0';
	*module = buf;
	*expr = buf + (colon - target) + 1;
	return true;
}
