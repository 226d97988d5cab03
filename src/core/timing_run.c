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

/* Reads replies to one request until its final line. */
static bool read_replies(struct probe_client *pc, struct timing_series *s,
                         const struct timing_plan *plan, struct timing_result *r,
                         timing_progress_fn progress, void *user, double done, double step,
                         double started, char *err, size_t errlen)
{
	static struct probe_record rec;
	char line[PROBE_LINE_MAX], why[200];
	for (;;) {
		enum probe_read rd = probe_client_read_line(pc, line, sizeof line, plan->timeout_ms);
		if (rd == PROBE_READ_TIMEOUT) {
			snprintf(err, errlen, "%s gave no timing within %d s; stopped it", plan->python,
			         plan->timeout_ms / 1000);
			return false;
		}
		if (rd != PROBE_READ_LINE) {
			char how[120];
			probe_client_stop(pc, 500, how, sizeof how);
			snprintf(err, errlen, "%s %s while timing", plan->python,
			         rd == PROBE_READ_EOF ? how : "flooded its output");
			return false;
		}
		if (!probe_parse_line(line, &rec, why, sizeof why)) {
			snprintf(err, errlen, "%s answered '%.60s': %s", plan->python, line, why);
			return false;
		}
		switch (rec.verb) {
		case PROBE_SAMPLE: {
			double ns, base;
			uint64_t loops = 0, unroll = 0;
			if (!parse_double(probe_field(&rec, "ns"), &ns) ||
			    !parse_double(probe_field(&rec, "baseline_ns"), &base) ||
			    !probe_field_u64(&rec, "loops", &loops) || !probe_field_u64(&rec, "unroll", &unroll)) {
				snprintf(err, errlen, "a malformed sample: '%.80s'", line);
				return false;
			}
			if (!timing_series_push(s, ns, base)) {
				snprintf(err, errlen, "out of memory for the samples");
				return false;
			}
			s->loops = (unsigned long)loops;
			s->unroll = (unsigned)unroll;
			if (progress) {
				double frac = done + step * 0.5;
				double el = now_s() - started;
				double eta = frac > 0.02 ? el / frac - el : -1;
				if (!progress(user, r, frac > 1 ? 1 : frac, eta)) {
					r->cancelled = true;
					return true;
				}
			}
			break;
		}
		case PROBE_TIMED:
			return true;
		case PROBE_SEEDTIME: {
			const char *reps = probe_field(&rec, "reps");
			if (!parse_double(probe_field(&rec, "median_ns"), &s->seed_median) || !reps) {
				snprintf(err, errlen, "a malformed seedtime reply: '%.80s'", line);
				return false;
			}
			s->has_seed = sscanf(reps, "%lf,%lf,%lf,%lf,%lf", &s->seed_reps[0], &s->seed_reps[1],
			                     &s->seed_reps[2], &s->seed_reps[3], &s->seed_reps[4]) == 5;
			return true;
		}
		case PROBE_UNSUPPORTED: {
			const char *reason = probe_field(&rec, "reason");
			snprintf(s->unsupported, sizeof s->unsupported, "%s", reason ? reason : "unsupported");
			for (char *p = s->unsupported; *p; p++)
				if (*p == '-')
					*p = ' ';
			return true;
		}
		case PROBE_ERROR:
			snprintf(err, errlen, "the probe said: %.150s", rec.error_text);
			return false;
		default:
			snprintf(err, errlen, "an unexpected reply while timing: '%.60s'", line);
			return false;
		}
	}
}

bool timing_run(const struct timing_plan *plan, struct timing_result *r,
                timing_progress_fn progress, void *user, char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	err[0] = '\0';
	for (int k = 0; k < KIND_COUNT; k++)
		for (int o = 0; o < OP_COUNT; o++)
			if (plan->kinds[k] && plan->ops[o]) {
				struct timing_series *s = &r->series[r->nseries++];
				s->kind = (enum kind)k;
				s->op = (enum time_op)o;
			}
	if (r->nseries == 0) {
		snprintf(err, errlen, "nothing to time: no kind or operation chosen");
		return false;
	}
	double started = now_s();
	int planned = 2;   /* revised after the first process, from its duration */
	r->processes_planned = planned;
	for (int p = 0; p < planned && !r->cancelled; p++) {
		double t0 = now_s();
		struct probe_client pc;
		if (!interp_open(plan->python, plan->script, &r->interp, &pc, plan->timeout_ms)) {
			snprintf(err, errlen, "%s", r->interp.problem);
			return false;
		}
		double step = 1.0 / planned / r->nseries;
		for (int i = 0; i < r->nseries && !r->cancelled; i++) {
			struct timing_series *s = &r->series[i];
			if (s->unsupported[0])
				continue;
			char req[256], why[300];
			snprintf(req, sizeof req, "time kind=%s attrs=%u op=%s samples=%d loops=%lu "
			         "min_ms=%d", kind_info(s->kind)->name, plan->attrs, time_op_name(s->op),
			         plan->samples_per_process, s->loops, plan->min_ms);
			double done = (double)p / planned + (double)i / planned / r->nseries;
			if (!probe_client_send(&pc, req, why, sizeof why) ||
			    !read_replies(&pc, s, plan, r, progress, user, done, step, started, err, errlen)) {
				if (!err[0])
					snprintf(err, errlen, "%s", why);
				char how[80];
				probe_client_stop(&pc, 500, how, sizeof how);
				return false;
			}
			if (p == 0 && plan->seed_harness && !s->unsupported[0] &&
			    (s->op == OP_READ || s->op == OP_WRITE)) {
				snprintf(req, sizeof req, "seedtime kind=%s attrs=%u op=%s",
				         kind_info(s->kind)->name, plan->attrs, time_op_name(s->op));
				if (!probe_client_send(&pc, req, why, sizeof why) ||
				    !read_replies(&pc, s, plan, r, NULL, NULL, done, step, started, err, errlen)) {
					char how[80];
					probe_client_stop(&pc, 500, how, sizeof how);
					return false;
				}
			}
		}
		char how[80];
		probe_client_send(&pc, "quit", how, sizeof how);
		probe_client_stop(&pc, 2000, how, sizeof how);
		r->processes++;
		if (p == 0) {
			/* as many processes as the budget allows: 2 to 40 */
			double one = now_s() - t0;
			int want = one > 0 ? (int)(plan->budget_s / one) : 2;
			planned = want < 2 ? 2 : want > 40 ? 40 : want;
			r->processes_planned = planned;
		}
	}
	r->seconds = now_s() - started;
	if (progress && !r->cancelled)
		progress(user, r, 1.0, 0);
	return true;
}
