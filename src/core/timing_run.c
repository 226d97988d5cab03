#include "config.h"

#include "core/timing_run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/probe_parse.h"

static const char *const op_names[OP_COUNT] = {
	"read", "write", "read_all", "getattr", "setattr", "hasattr_present", "hasattr_missing",
};

const char *time_op_name(enum time_op op)
{
	return op < OP_COUNT ? op_names[op] : "?";
}

enum time_op time_op_from_name(const char *name)
{
	for (int i = 0; i < OP_COUNT; i++)
		if (strcmp(op_names[i], name) == 0)
			return (enum time_op)i;
	return OP_COUNT;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

bool timing_series_push(struct timing_series *s, double ns, double base)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 32;
		double *a = realloc(s->ns, cap * sizeof *a);
		if (!a)
			return false;
		s->ns = a;
		double *b = realloc(s->baseline, cap * sizeof *b);
		if (!b)
			return false;
		s->baseline = b;
		s->cap = cap;
	}
	s->ns[s->n] = ns;
	s->baseline[s->n] = base;
	s->n++;
	return true;
}

void timing_plan_init(struct timing_plan *p, const char *python, const char *script,
                      unsigned attrs, double budget_s, int timeout_ms)
{
	memset(p, 0, sizeof *p);
	p->python = python;
	p->script = script;
	p->attrs = attrs;
	p->budget_s = budget_s > 0 ? budget_s : 10;
	p->samples_per_process = 3;
	p->min_ms = 10;
	p->timeout_ms = timeout_ms > 0 ? timeout_ms : 120000;
}

void timing_result_free(struct timing_result *r)
{
	for (int i = 0; i < r->nseries; i++) {
		free(r->series[i].ns);
		free(r->series[i].baseline);
	}
	memset(r, 0, sizeof *r);
}

static bool parse_double(const char *s, double *out)
{
	if (!s)
		return false;
	char *end;
	*out = strtod(s, &end);
	return end != s && *end == '\0' && isfinite(*out);
}

/* One reply line for the request in flight: 0 keep waiting, 1 the request
 * is finished, -1 an error (j->err says what). */
static int handle_line(struct timing_job *j, const char *line)
{
	static struct probe_record rec;
	char why[200];
	struct timing_series *s = &j->r->series[j->i];
	if (!probe_parse_line(line, &rec, why, sizeof why)) {
		snprintf(j->err, sizeof j->err, "%s answered '%.60s': %s", j->plan.python, line, why);
		return -1;
	}
	switch (rec.verb) {
	case PROBE_SAMPLE: {
		double ns, base;
		uint64_t loops = 0, unroll = 0;
		if (!parse_double(probe_field(&rec, "ns"), &ns) ||
		    !parse_double(probe_field(&rec, "baseline_ns"), &base) ||
		    !probe_field_u64(&rec, "loops", &loops) || !probe_field_u64(&rec, "unroll", &unroll)) {
			snprintf(j->err, sizeof j->err, "a malformed sample: '%.80s'", line);
			return -1;
		}
		if (!timing_series_push(s, ns, base)) {
			snprintf(j->err, sizeof j->err, "out of memory for the samples");
			return -1;
		}
		s->loops = (unsigned long)loops;
		s->unroll = (unsigned)unroll;
		j->samples++;
		return 0;
	}
	case PROBE_TIMED:
		return 1;
	case PROBE_SEEDTIME: {
		const char *reps = probe_field(&rec, "reps");
		if (!parse_double(probe_field(&rec, "median_ns"), &s->seed_median) || !reps) {
			snprintf(j->err, sizeof j->err, "a malformed seedtime reply: '%.80s'", line);
			return -1;
		}
		s->has_seed = sscanf(reps, "%lf,%lf,%lf,%lf,%lf", &s->seed_reps[0], &s->seed_reps[1],
		                     &s->seed_reps[2], &s->seed_reps[3], &s->seed_reps[4]) == 5;
		return 1;
	}
	case PROBE_UNSUPPORTED: {
		const char *reason = probe_field(&rec, "reason");
		snprintf(s->unsupported, sizeof s->unsupported, "%s", reason ? reason : "unsupported");
		for (char *p = s->unsupported; *p; p++)
			if (*p == '-')
				*p = ' ';
		return 1;
	}
	case PROBE_ERROR:
		snprintf(j->err, sizeof j->err, "the probe said: %.150s", rec.error_text);
		return -1;
	default:
		snprintf(j->err, sizeof j->err, "an unexpected reply while timing: '%.60s'", line);
		return -1;
	}
}

static void stop_worker(struct timing_job *j, bool polite)
{
	if (!j->worker)
		return;
	char how[120];
	if (polite)
		probe_client_send(&j->pc, "quit", how, sizeof how);
	probe_client_stop(&j->pc, polite ? 2000 : 300, how, sizeof how);
	j->worker = false;
}

static bool fail_job(struct timing_job *j)
{
	stop_worker(j, false);
	j->state = JOB_ERROR;
	j->r->seconds = now_s() - j->started;
	return false;
}

void timing_job_start(struct timing_job *j, const struct timing_plan *plan,
                      struct timing_result *r)
{
	memset(j, 0, sizeof *j);
	memset(r, 0, sizeof *r);
	j->plan = *plan;
	j->r = r;
	for (int k = 0; k < KIND_COUNT; k++)
		for (int o = 0; o < OP_COUNT; o++)
			if (plan->kinds[k] && plan->ops[o]) {
				struct timing_series *s = &r->series[r->nseries++];
				s->kind = (enum kind)k;
				s->op = (enum time_op)o;
			}
	j->planned = 2;   /* revised after the first process, from its duration */
	r->processes_planned = j->planned;
	j->started = now_s();
	j->state = r->nseries ? JOB_START_PROCESS : JOB_ERROR;
	if (!r->nseries)
		snprintf(j->err, sizeof j->err, "nothing to time: no kind or operation chosen");
}

/* Sends the next request of this process, or ends the process. */
static bool send_next(struct timing_job *j)
{
	struct timing_result *r = j->r;
	char req[256], why[300];
	for (;;) {
		if (j->seed_next) {
			/* series i was just timed: the seed harness next, once */
			j->seed_next = false;
			struct timing_series *s = &r->series[j->i];
			if (j->p == 0 && j->plan.seed_harness && !s->unsupported[0] &&
			    (s->op == OP_READ || s->op == OP_WRITE)) {
				snprintf(req, sizeof req, "seedtime kind=%s attrs=%u op=%s",
				         kind_info(s->kind)->name, j->plan.attrs, time_op_name(s->op));
				j->seed_sent = true;
				break;
			}
			j->i++;
		} else if (j->seed_sent) {
			j->seed_sent = false;
			j->i++;
		}
		if (j->i >= r->nseries) {
			stop_worker(j, true);
			r->processes++;
			if (j->p == 0) {
				/* as many processes as the budget allows: 2 to 40 */
				double one = now_s() - j->process_started;
				int want = one > 0 ? (int)(j->plan.budget_s / one) : 2;
				j->planned = want < 2 ? 2 : want > 40 ? 40 : want;
				r->processes_planned = j->planned;
			}
			j->p++;
			j->i = 0;
			j->state = j->p < j->planned ? JOB_START_PROCESS : JOB_DONE;
			if (j->state == JOB_DONE)
				r->seconds = now_s() - j->started;
			return true;
		}
		struct timing_series *s = &r->series[j->i];
		if (s->unsupported[0]) {
			j->i++;
			continue;
		}
		snprintf(req, sizeof req, "time kind=%s attrs=%u op=%s samples=%d loops=%lu min_ms=%d",
		         kind_info(s->kind)->name, j->plan.attrs, time_op_name(s->op),
		         j->plan.samples_per_process, s->loops, j->plan.min_ms);
		j->seed_next = true;
		break;
	}
	if (!probe_client_send(&j->pc, req, why, sizeof why)) {
		snprintf(j->err, sizeof j->err, "%s", why);
		return fail_job(j);
	}
	j->sent_at = now_s();
	j->state = JOB_WAITING;
	return true;
}

bool timing_job_step(struct timing_job *j, int timeout_ms)
{
	struct timing_result *r = j->r;
	for (;;) {
		switch (j->state) {
		case JOB_DONE:
		case JOB_ERROR:
			return false;
		case JOB_START_PROCESS:
			j->process_started = now_s();
			struct interp first = r->interp;   /* the first worker's hello, if any */
			if (!interp_open(j->plan.python, j->plan.script, &r->interp, &j->pc,
			                 j->plan.timeout_ms)) {
				snprintf(j->err, sizeof j->err, "%s", r->interp.problem);
				return fail_job(j);
			}
			/* every worker must be the same interpreter: samples from two are not one series */
			if (first.answered && !interp_same(&first, &r->interp)) {
				snprintf(j->err, sizeof j->err, "%s answered as %s %s %s%s in one worker and as %s "
				         "%s %s%s in another; its samples cannot be pooled", j->plan.python,
				         first.impl, first.version, abi_name(first.abi),
				         first.free_threaded ? " free-threaded" : "", r->interp.impl,
				         r->interp.version, abi_name(r->interp.abi),
				         r->interp.free_threaded ? " free-threaded" : "");
				return fail_job(j);
			}
			j->worker = true;
			j->i = 0;
			j->seed_next = j->seed_sent = false;
			if (!send_next(j))
				return false;
			continue;
		case JOB_WAITING: {
			char line[PROBE_LINE_MAX];
			enum probe_read rd = probe_client_read_line(&j->pc, line, sizeof line, timeout_ms);
			if (rd == PROBE_READ_TIMEOUT) {
				if ((now_s() - j->sent_at) * 1000 > j->plan.timeout_ms) {
					snprintf(j->err, sizeof j->err, "%s gave no timing within %d s; stopped it",
					         j->plan.python, j->plan.timeout_ms / 1000);
					return fail_job(j);
				}
				return true;
			}
			if (rd != PROBE_READ_LINE) {
				char how[120] = "flooded its output";
				if (rd == PROBE_READ_EOF) {
					probe_client_stop(&j->pc, 500, how, sizeof how);
					j->worker = false;
				}
				snprintf(j->err, sizeof j->err, "%s %s while timing", j->plan.python, how);
				return fail_job(j);
			}
			int h = handle_line(j, line);
			if (h < 0)
				return fail_job(j);
			if (h == 1 && !send_next(j))
				return false;
			timeout_ms = 0;   /* take what else is there, then return */
			continue;
		}
		}
	}
}

void timing_job_cancel(struct timing_job *j)
{
	if (j->state == JOB_DONE || j->state == JOB_ERROR)
		return;
	stop_worker(j, false);
	j->r->cancelled = true;
	j->r->seconds = now_s() - j->started;
	j->state = JOB_DONE;
}

double timing_job_fraction(const struct timing_job *j, double *eta_s)
{
	const struct timing_result *r = j->r;
	double per = r->nseries ? 1.0 / j->planned / r->nseries : 0;
	double f = j->state == JOB_DONE ? 1.0 : (double)j->p / j->planned + j->i * per;
	if (f > 1)
		f = 1;
	double el = now_s() - j->started;
	*eta_s = j->p >= 1 && f > 0.02 && f < 1 ? el / f - el : -1;
	return f;
}

bool timing_run(const struct timing_plan *plan, struct timing_result *r,
                timing_progress_fn progress, void *user, char *err, size_t errlen)
{
	static struct timing_job j;
	timing_job_start(&j, plan, r);
	size_t seen = 0;
	while (timing_job_step(&j, 200)) {
		if (progress && j.samples != seen) {
			seen = j.samples;
			double eta, f = timing_job_fraction(&j, &eta);
			if (!progress(user, r, f, eta))
				timing_job_cancel(&j);
		}
	}
	if (j.state == JOB_ERROR) {
		snprintf(err, errlen, "%s", j.err);
		return false;
	}
	if (progress && !r->cancelled)
		progress(user, r, 1.0, 0);
	return true;
}
