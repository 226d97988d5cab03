#include "config.h"

#include "core/verify_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <time.h>

/* One request, one reply line: the reply parsed into rec. */
static bool exchange(struct probe_client *pc, const char *request, int timeout_ms,
                     struct probe_record *rec, char *err, size_t errlen)
{
	if (!probe_client_send(pc, request, err, errlen))
		return false;
	static char line[PROBE_LINE_MAX];
	char how[120];
	switch (probe_client_read_line(pc, line, sizeof line, timeout_ms)) {
	case PROBE_READ_LINE:
		break;
	case PROBE_READ_TIMEOUT:
		probe_client_stop(pc, 0, how, sizeof how);
		snprintf(err, errlen, "%s gave no answer to '%s' within %d s; stopped it", pc->python,
		         request, timeout_ms / 1000);
		return false;
	case PROBE_READ_TOO_LONG:
		probe_client_stop(pc, 0, how, sizeof how);
		snprintf(err, errlen, "%s answered '%s' with a line over %d bytes; stopped it",
		         pc->python, request, PROBE_LINE_MAX);
		return false;
	case PROBE_READ_EOF:
		probe_client_stop(pc, 1000, how, sizeof how);
		snprintf(err, errlen, "%s %s while answering '%s'%s%s", pc->python, how, request,
		         pc->err_tail[0] ? ": " : "", pc->err_tail);
		return false;
	}
	char why[200];
	if (!probe_parse_line(line, rec, why, sizeof why)) {
		probe_client_stop(pc, 0, how, sizeof how);
		snprintf(err, errlen, "%s answered '%s' with something that is not a probe reply: %s",
		         pc->python, request, why);
		return false;
	}
	if (rec->verb == PROBE_ERROR) {
		snprintf(err, errlen, "the probe under %s reported: %.200s", pc->python, rec->error_text);
		return false;
	}
	return true;
}

/* A printable excerpt of what a child sent, for a message. */
static void printable(const char *text, char *out, size_t n)
{
	size_t j = 0;
	if (!text)
		text = "(none)";
	for (size_t i = 0; text[i] && j + 4 < n && i < 48; i++)
		out[j++] = (unsigned char)text[i] >= 0x20 && (unsigned char)text[i] < 0x7f ? text[i] : '?';
	if (strlen(text) > 48 && j + 4 < n)
		out[j++] = '.', out[j++] = '.', out[j++] = '.';
	out[j] = '\0';
}

int verify_base_for(enum kind kind, unsigned attrs, bool base_given, unsigned base_attrs)
{
	if (!kind_info(kind)->inheritance)
		return -1;
	struct model_setting s = { .attrs = attrs, .base_given = base_given,
	                           .base_attrs = base_attrs };
	return (int)model_base_attrs(&s);
}

void verify_request_text(enum kind kind, unsigned attrs, int base, const char *values,
                         unsigned count, char *out, size_t n)
{
	char split[24] = "";
	if (base >= 0)
		snprintf(split, sizeof split, " base=%d", base);
	snprintf(out, n, "measure kind=%s attrs=%u%s values=%s count=%u", kind_info(kind)->name,
	         attrs, split, values, count);
}

bool verify_reply_matches(const struct probe_record *rec, const char *python, enum kind kind,
                          unsigned attrs, int base, const char *values, unsigned count,
                          char *err, size_t errlen)
{
	const char *k = probe_field(rec, "kind"), *v = probe_field(rec, "values");
	const char *c = probe_field(rec, "count"), *b = probe_field(rec, "base");
	uint64_t a = 0, n = 0, got_base = 0;
	bool ok = (rec->verb == PROBE_MEASURE || rec->verb == PROBE_UNSUPPORTED) && k &&
	          strcmp(k, kind_info(kind)->name) == 0 && probe_field_u64(rec, "attrs", &a) &&
	          a == attrs && v && strcmp(v, values) == 0;
	/* an inheritance kind's split is echoed too, and only there */
	if (ok)
		ok = base < 0 ? !b : probe_field_u64(rec, "base", &got_base) &&
		                     got_base == (uint64_t)base;
	/* a measure says how many instances it measured; unsupported may not */
	if (ok && (rec->verb == PROBE_MEASURE || c))
		ok = probe_field_u64(rec, "count", &n) && n == count;
	if (ok)
		return true;
	char request[VERIFY_REQUEST_TEXT], gk[64], ga[64], gb[64], gv[64], gc[64], split[80] = "";
	verify_request_text(kind, attrs, base, values, count, request, sizeof request);
	printable(k, gk, sizeof gk);
	printable(probe_field(rec, "attrs"), ga, sizeof ga);
	printable(v, gv, sizeof gv);
	printable(c, gc, sizeof gc);
	if (b || base >= 0) {
		printable(b, gb, sizeof gb);
		snprintf(split, sizeof split, " base=%s", gb);
	}
	snprintf(err, errlen, "%s answered '%s' with a reply for another setting: %s kind=%s "
	         "attrs=%s%s values=%s count=%s", python, request, probe_verb_name(rec->verb), gk, ga,
	         split, gv, gc);
	return false;
}

bool verify_nothing(const struct verify_summary *sum, const char *python, char *err,
                    size_t errlen)
{
	if (sum->figures > 0)
		return false;
	if (sum->settings == 0)
		snprintf(err, errlen, "nothing verified: no setting was measured");
	else
		snprintf(err, errlen, "nothing verified: %s answered %u setting%s with no figure to "
		         "compare (a measure reply carries getsizeof, requested, deep, ...)", python,
		         sum->settings, sum->settings == 1 ? "" : "s");
	return true;
}

struct setting {
	enum kind kind;
	unsigned attrs;
	int base;                 /* an inheritance kind's split, -1 for the others */
};

/* One probe's share: the batch it is answering. */
struct lane {
	struct probe_client *pc;
	bool busy;
	size_t first, n, got;     /* settings [first, first + n), got answered */
	long since_ms;            /* the batch was sent, or the last reply came */
};

static long clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Stops every probe that still owes replies (a failed run's leftovers
 * would answer the next request). */
static void stop_busy(struct lane *lanes, int n)
{
	char how[120];
	for (int i = 0; i < n; i++)
		if (lanes[i].busy && lanes[i].pc->pid > 0)
			probe_client_kill(lanes[i].pc, how, sizeof how);
}

static bool send_batch(struct lane *ln, const struct setting *set, size_t first, size_t n,
                       const char *values, unsigned count, char *err, size_t errlen)
{
	char request[PROBE_LINE_MAX];
	int used = snprintf(request, sizeof request, "batch values=%s count=%u settings=", values,
	                    count);
	for (size_t i = 0; i < n && used > 0 && (size_t)used < sizeof request; i++) {
		const struct setting *one = &set[first + i];
		used += snprintf(request + used, sizeof request - (size_t)used, "%s%s:%u", i ? "," : "",
		                 kind_info(one->kind)->name, one->attrs);
		if (one->base >= 0 && used > 0 && (size_t)used < sizeof request)
			used += snprintf(request + used, sizeof request - (size_t)used, ":%d", one->base);
	}
	if (used < 0 || (size_t)used >= sizeof request) {
		snprintf(err, errlen, "a batch of %zu settings does not fit in one request", n);
		return false;
	}
	if (!probe_client_send(ln->pc, request, err, errlen))
		return false;
	ln->busy = true;
	ln->first = first;
	ln->n = n;
	ln->got = 0;
	ln->since_ms = clock_ms();
	return true;
}

/* One reply line for the lane's next setting: checked, compared, stored. */
static bool take_reply(struct lane *ln, const char *line, const struct setting *set,
                       const struct verify_plan *plan, const char *values,
                       struct verify_result *results, bool *is_unsupported, char *err,
                       size_t errlen)
{
	static struct probe_record rec;
	const struct setting *s = &set[ln->first + ln->got];
	char request[VERIFY_REQUEST_TEXT], why[200], how[120];
	struct probe_client *pc = ln->pc;
	verify_request_text(s->kind, s->attrs, s->base, values, plan->count, request, sizeof request);
	if (!probe_parse_line(line, &rec, why, sizeof why)) {
		probe_client_stop(pc, 0, how, sizeof how);
		snprintf(err, errlen, "%s answered '%s' with something that is not a probe reply: %s",
		         pc->python, request, why);
		return false;
	}
	if (rec.verb == PROBE_ERROR) {
		char text[200];
		printable(rec.error_text, text, sizeof text);
		snprintf(err, errlen, "the probe under %s reported, for '%s': %s", pc->python, request,
		         text);
		return false;
	}
	if (!verify_reply_matches(&rec, pc->python, s->kind, s->attrs, s->base, values, plan->count, err,
	                          errlen))
		return false;
	struct verify_result *vr = &results[ln->first + ln->got];
	if (!verify_record(&rec, plan->profile, plan->abi, vr, why, sizeof why)) {
		snprintf(err, errlen, "cannot compare the reply to '%s': %s", request, why);
		return false;
	}
	*is_unsupported = rec.verb == PROBE_UNSUPPORTED;
	ln->got++;
	ln->since_ms = clock_ms();
	return true;
}

/* What went wrong when no line came: the message names the setting. */
static void lost(struct lane *ln, enum probe_read r, const struct setting *set,
                 const struct verify_plan *plan, const char *values, char *err, size_t errlen)
{
	const struct setting *s = &set[ln->first + ln->got];
	char request[VERIFY_REQUEST_TEXT], how[120];
	struct probe_client *pc = ln->pc;
	verify_request_text(s->kind, s->attrs, s->base, values, plan->count, request, sizeof request);
	switch (r) {
	case PROBE_READ_TIMEOUT:
		probe_client_kill(pc, how, sizeof how);
		snprintf(err, errlen, "%s gave no answer to '%s' within %d s; stopped it", pc->python,
		         request, plan->timeout_ms / 1000);
		break;
	case PROBE_READ_TOO_LONG:
		probe_client_stop(pc, 0, how, sizeof how);
		snprintf(err, errlen, "%s answered '%s' with a line over %d bytes; stopped it",
		         pc->python, request, PROBE_LINE_MAX);
		break;
	default:
		probe_client_stop(pc, 1000, how, sizeof how);
		snprintf(err, errlen, "%s %s while answering '%s'%s%s", pc->python,
		         how[0] ? how : "closed its output", request, pc->err_tail[0] ? ": " : "",
		         pc->err_tail);
		break;
	}
}

bool verify_run(struct probe_client *const *probes, int nprobes, const struct verify_plan *plan,
                verify_row_fn row, void *ctx, struct verify_summary *sum, char *err,
                size_t errlen)
{
	memset(sum, 0, sizeof *sum);
	if (nprobes < 1 || nprobes > VERIFY_MAX_PROBES) {
		snprintf(err, errlen, "%d probes: between 1 and %d", nprobes, VERIFY_MAX_PROBES);
		return false;
	}
	static char values[VALUE_LIST_TEXT];
	value_list_format(&plan->values, values, sizeof values);
	size_t total = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		if (plan->kinds[k])
			total += (size_t)plan->nattrs;
	if (total == 0)
		return true;
	struct setting *set = calloc(total, sizeof *set);
	struct verify_result *results = calloc(total, sizeof *results);
	bool *done = calloc(total, sizeof *done), *unsupported = calloc(total, sizeof *unsupported);
	if (!set || !results || !done || !unsupported) {
		free(set), free(results), free(done), free(unsupported);
		snprintf(err, errlen, "out of memory for %zu settings", total);
		return false;
	}
	size_t n = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		if (plan->kinds[k])
			for (int i = 0; i < plan->nattrs; i++)
				set[n++] = (struct setting){ (enum kind)k, (unsigned)plan->attrs[i],
				                             verify_base_for((enum kind)k,
				                                             (unsigned)plan->attrs[i],
				                                             plan->base_given,
				                                             plan->base_attrs) };
	size_t batch = plan->batch ? plan->batch : VERIFY_BATCH;
	struct lane lanes[VERIFY_MAX_PROBES];
	memset(lanes, 0, sizeof lanes);
	for (int i = 0; i < nprobes; i++)
		lanes[i].pc = probes[i];

	static char line[PROBE_LINE_MAX];
	size_t next = 0, emitted = 0;
	bool ok = true;
	while (ok && emitted < total) {
		/* an idle probe takes the next batch */
		for (int i = 0; ok && i < nprobes && next < total; i++)
			if (!lanes[i].busy) {
				size_t take = total - next < batch ? total - next : batch;
				ok = send_batch(&lanes[i], set, next, take, values, plan->count, err, errlen);
				next += take;
			}
		bool progress = false;
		for (int i = 0; ok && i < nprobes; i++) {
			struct lane *ln = &lanes[i];
			while (ok && ln->busy) {
				enum probe_read r = probe_client_read_line(ln->pc, line, sizeof line, 0);
				if (r == PROBE_READ_TIMEOUT && clock_ms() - ln->since_ms <= plan->timeout_ms)
					break;
				if (r != PROBE_READ_LINE) {
					lost(ln, r, set, plan, values, err, errlen);
					ok = false;
					break;
				}
				size_t at = ln->first + ln->got;
				if (!take_reply(ln, line, set, plan, values, results, &unsupported[at], err,
				                errlen)) {
					ok = false;
					break;
				}
				done[at] = true;
				progress = true;
				if (ln->got < ln->n)
					continue;
				ln->busy = false;
				/* a probe answers a batch and then waits: a line already
				 * there answers nothing that was asked */
				r = probe_client_read_line(ln->pc, line, sizeof line, 0);
				if (r == PROBE_READ_LINE) {
					char text[80], how[120], request[VERIFY_REQUEST_TEXT];
					printable(line, text, sizeof text);
					verify_request_text(set[at].kind, set[at].attrs, set[at].base, values, plan->count,
					                    request, sizeof request);
					probe_client_stop(ln->pc, 0, how, sizeof how);
					snprintf(err, errlen, "%s sent a line that answers no request, after its "
					         "reply to '%s': '%s'", ln->pc->python, request, text);
					ok = false;
				}
			}
		}
		/* rows in the plan's order, as soon as they are complete */
		while (ok && emitted < total && done[emitted]) {
			struct verify_result *vr = &results[emitted];
			sum->settings++;
			sum->figures += vr->ncells;
			sum->mismatches += vr->mismatches;
			if (vr->ncells == 0)
				sum->empty++;
			if (unsupported[emitted])
				sum->unsupported++;
			row(ctx, vr);
			emitted++;
		}
		if (ok && !progress && emitted < total) {
			/* wait for any probe's output (or its end) a little while */
			struct pollfd fds[2 * VERIFY_MAX_PROBES];
			nfds_t nf = 0;
			for (int i = 0; i < nprobes; i++)
				if (lanes[i].busy) {
					fds[nf++] = (struct pollfd){ lanes[i].pc->out_fd, POLLIN, 0 };
					if (lanes[i].pc->err_fd >= 0)
						fds[nf++] = (struct pollfd){ lanes[i].pc->err_fd, POLLIN, 0 };
				}
			if (poll(fds, nf, 20) < 0 && errno != EINTR) {
				snprintf(err, errlen, "cannot wait for the probes: %s", strerror(errno));
				ok = false;
			}
		}
	}
	/* a probe not used again is told so (end of input); whatever it
	 * still sends before it exits answers nothing that was asked */
	for (int i = plan->keep_first ? 1 : 0; ok && i < nprobes; i++) {
		struct probe_client *pc = lanes[i].pc;
		char how[120];
		probe_client_close_input(pc);
		/* a probe exits at the end of its input at once; one that does not
		 * is stopped after 2 s (that is no error: it answered everything) */
		enum probe_read r = probe_client_read_line(pc, line, sizeof line, 2000);
		if (r == PROBE_READ_LINE || r == PROBE_READ_TOO_LONG) {
			char text[80], request[VERIFY_REQUEST_TEXT];
			const struct setting *s = &set[total - 1];
			printable(r == PROBE_READ_LINE ? line : "(a line too long)", text, sizeof text);
			verify_request_text(s->kind, s->attrs, s->base, values, plan->count, request,
			                    sizeof request);
			snprintf(err, errlen, "%s sent a line that answers no request, after its reply "
			         "to '%s' (the last): '%s'", pc->python, request, text);
			ok = false;
		}
		probe_client_stop(pc, 1000, how, sizeof how);
	}
	if (!ok)
		stop_busy(lanes, nprobes);
	free(set), free(results), free(done), free(unsupported);
	return ok;
}

bool verify_bulk(struct probe_client *pc, const struct verify_plan *plan, enum kind kind,
                 unsigned attrs, uint64_t instances, struct bulk_result *out, char *err,
                 size_t errlen)
{
	memset(out, 0, sizeof *out);
	char values[VALUE_LIST_TEXT], request[VALUE_LIST_TEXT + 256];
	value_list_format(&plan->values, values, sizeof values);
	struct model_setting s = {
		.profile = plan->profile, .abi = plan->abi, .attrs = attrs, .instances = instances,
		.values = plan->values, .base_given = plan->base_given, .base_attrs = plan->base_attrs,
	};
	snprintf(request, sizeof request, "bulk kind=%s attrs=%u values=%s count=%llu",
	         kind_info(kind)->name, attrs, values, (unsigned long long)instances);
	if (kind_info(kind)->inheritance) {
		size_t len = strlen(request);
		snprintf(request + len, sizeof request - len, " base=%u", model_base_attrs(&s));
	}
	static struct probe_record rec;
	/* a million instances take seconds: allow a minute per 10^6 */
	int timeout = plan->timeout_ms + (int)(instances / 1000000 + 1) * 60000;
	if (!exchange(pc, request, timeout, &rec, err, errlen))
		return false;
	if (rec.verb == PROBE_UNSUPPORTED) {
		const char *why = probe_field(&rec, "reason");
		snprintf(err, errlen, "%s cannot build %s instances: %s", pc->python,
		         kind_info(kind)->name, why ? why : "unsupported");
		return false;
	}
	const char *secs = probe_field(&rec, "seconds");
	if (!probe_field_u64(&rec, "traced", &out->traced) ||
	    !probe_field_u64(&rec, "rss_growth", &out->rss_growth) || !secs) {
		snprintf(err, errlen, "the probe's bulk reply lacks traced, rss_growth or seconds");
		return false;
	}
	out->seconds = strtod(secs, NULL);
	out->kind = kind;
	out->attrs = attrs;
	out->instances = instances;
	struct container c;
	model_container(&s, &c);
	struct kind_result kr;
	model_evaluate(&s, kind, &c, &kr);
	/* the probe's class exists before tracing starts: leave the class out */
	out->model_requested = kr.total[ACC_REQUESTED] - kr.per_class_getsizeof -
	                       kr.base_class_getsizeof;
	out->model_allocated = kr.total[ACC_ALLOCATED] - kr.per_class_allocated -
	                       kr.base_class_allocated;
	return true;
}
