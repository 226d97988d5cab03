#include "config.h"

#include "core/timing_run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/probe_parse.h"
#include "core/text.h"

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

/* splitmix64: one well-mixed 64-bit number per call */
static uint64_t mix(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static bool grow(void **p, size_t elem, size_t cap)
{
	void *q = realloc(*p, cap * elem);
	if (!q)
		return false;
	*p = q;
	return true;
}

bool timing_series_push(struct timing_series *s, double ns, double base, double dur_ms,
                        uint64_t loops, int proc)
{
	if (s->n == s->cap) {
		if (s->cap >= TIMING_MAX_VALUES)
			return false;
		size_t cap = s->cap ? s->cap * 2 : 32;
		if (cap > TIMING_MAX_VALUES)
			cap = TIMING_MAX_VALUES;
		if (!grow((void **)&s->ns, sizeof *s->ns, cap) ||
		    !grow((void **)&s->baseline, sizeof *s->baseline, cap) ||
		    !grow((void **)&s->dur_ms, sizeof *s->dur_ms, cap) ||
		    !grow((void **)&s->loops, sizeof *s->loops, cap) ||
		    !grow((void **)&s->proc, sizeof *s->proc, cap))
			return false;
		s->cap = cap;
	}
	s->ns[s->n] = ns;
	s->baseline[s->n] = base;
	s->dur_ms[s->n] = dur_ms;
	s->loops[s->n] = loops;
	s->proc[s->n] = proc;
	s->n++;
	return true;
}

bool timing_series_push_seed(struct timing_series *s, double call_ns, double empty_ns)
{
	if (s->nseed == s->seed_cap) {
		if (s->seed_cap >= TIMING_MAX_PROCESSES * 4)
			return false;
		size_t cap = s->seed_cap ? s->seed_cap * 2 : 16;
		if (!grow((void **)&s->seed_call, sizeof *s->seed_call, cap) ||
		    !grow((void **)&s->seed_empty, sizeof *s->seed_empty, cap))
			return false;
		s->seed_cap = cap;
	}
	s->seed_call[s->nseed] = call_ns;
	s->seed_empty[s->nseed] = empty_ns;
	s->nseed++;
	return true;
}

const char *timing_series_label(const struct timing_series *s, bool aa, char *buf, size_t n)
{
	if (s->name[0])
		snprintf(buf, n, "%s", s->name);
	else if (aa)
		snprintf(buf, n, "%s (%c)", kind_info(s->kind)->name, s->replica ? 'B' : 'A');
	else
		snprintf(buf, n, "%s", kind_info(s->kind)->name);
	return buf;
}

double timing_value_raw(const struct timing_series *s, size_t k)
{
	return isfinite(s->baseline[k]) ? s->ns[k] + s->baseline[k] : s->ns[k];
}

bool timing_result_add_process(struct timing_result *r, uint64_t seed, double load_1min,
                               double seconds)
{
	if (r->nprocs == r->procs_cap) {
		size_t cap = r->procs_cap ? r->procs_cap * 2 : 16;
		if (!grow((void **)&r->procs, sizeof *r->procs, cap))
			return false;
		r->procs_cap = cap;
	}
	r->procs[r->nprocs++] = (struct timing_process){ seed, load_1min, seconds };
	return true;
}

static void read_loadavg(double out[3])
{
	out[0] = out[1] = out[2] = NAN;
	FILE *f = fopen("/proc/loadavg", "r");
	if (!f)
		return;
	if (fscanf(f, "%lf %lf %lf", &out[0], &out[1], &out[2]) != 3)
		out[0] = out[1] = out[2] = NAN;
	fclose(f);
}

/* The first line of a small file, without its newline. */
static void read_first_line(const char *path, char *out, size_t n)
{
	out[0] = '\0';
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	if (fgets(out, (int)n, f))
		out[strcspn(out, "\n")] = '\0';
	else
		out[0] = '\0';
	fclose(f);
	text_strip_controls(out);
}

void timing_read_machine(struct timing_conditions *c, bool at_end)
{
	if (at_end) {
		read_loadavg(c->load_end);
		return;
	}
	read_loadavg(c->load_start);
	c->load_end[0] = c->load_end[1] = c->load_end[2] = NAN;
	c->cpus = (int)sysconf(_SC_NPROCESSORS_ONLN);
	read_first_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", c->governor,
	                sizeof c->governor);
	c->cpu_model[0] = '\0';
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[256];
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, "model name", 10) == 0 && strchr(line, ':')) {
			const char *v = strchr(line, ':') + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			snprintf(c->cpu_model, sizeof c->cpu_model, "%s", v);
			c->cpu_model[strcspn(c->cpu_model, "\n")] = '\0';
			break;
		}
	if (f)
		fclose(f);
	text_strip_controls(c->cpu_model);
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
	p->min_processes = 0;
	p->max_processes = TIMING_MAX_PROCESSES;
	p->timeout_ms = timeout_ms > 0 ? timeout_ms : 120000;
	p->hello_timeout_ms = p->timeout_ms < PROBE_HELLO_TIMEOUT_MS ? p->timeout_ms
	                                                             : PROBE_HELLO_TIMEOUT_MS;
}

void timing_result_free(struct timing_result *r)
{
	for (int i = 0; i < r->nseries; i++) {
		struct timing_series *s = &r->series[i];
		free(s->ns);
		free(s->baseline);
		free(s->dur_ms);
		free(s->loops);
		free(s->proc);
		free(s->seed_call);
		free(s->seed_empty);
	}
	free(r->procs);
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

/* A field's value with the probe's %20 and %25 decoded, controls stripped. */
static void decoded(const char *v, char *out, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; v && v[i] && j + 1 < n; i++) {
		if (v[i] == '%' && v[i + 1] == '2' && (v[i + 2] == '0' || v[i + 2] == '5')) {
			out[j++] = v[i + 2] == '0' ? ' ' : '%';
			i += 2;
		} else {
			out[j++] = v[i];
		}
	}
	out[j] = '\0';
	text_strip_controls(out);
}

static bool fail_job(struct timing_job *j);

/* Fails the job with what the probe did wrong: always -1, for handle_line. */
static int bad_reply(struct timing_job *j, const char *what, const char *line)
{
	snprintf(j->err, sizeof j->err, "%s %s: '%.80s'", j->plan.python, what, line);
	text_strip_controls(j->err);
	fail_job(j);
	return -1;
}

/* The fields every reply about series s must carry. */
static bool about(const struct probe_record *rec, const struct timing_series *s, unsigned attrs)
{
	const char *k = probe_field(rec, "kind"), *o = probe_field(rec, "op");
	uint64_t a;
	return k && o && strcmp(k, kind_info(s->kind)->name) == 0 &&
	       strcmp(o, time_op_name(s->op)) == 0 && probe_field_u64(rec, "attrs", &a) && a == attrs;
}

/* One reply line for the request in flight: 0 keep waiting, 1 the request
 * is finished, -1 an error (j->err says what, the job has failed). */
static int handle_line(struct timing_job *j, const char *line)
{
	static struct probe_record rec;
	char why[200];
	struct timing_result *r = j->r;
	struct timing_series *s = &r->series[j->i];
	if (!probe_parse_line(line, &rec, why, sizeof why)) {
		snprintf(j->err, sizeof j->err, "%s answered '%.60s': %s", j->plan.python, line, why);
		fail_job(j);
		return -1;
	}
	if (j->req == REQ_CONDITIONS) {
		/* optional: an older or foreign probe may not know the request */
		if (rec.verb == PROBE_CONDITIONS) {
			decoded(probe_field(&rec, "flags"), r->cond.flags, sizeof r->cond.flags);
			char compiler[64];
			decoded(probe_field(&rec, "compiler"), compiler, sizeof compiler);
			const char *jit = probe_field(&rec, "jit"), *pgo = probe_field(&rec, "pgo"),
			           *lto = probe_field(&rec, "lto");
			snprintf(r->cond.build, sizeof r->cond.build, "jit=%.3s pgo=%.3s lto=%.3s compiler=%.60s",
			         jit ? jit : "?", pgo ? pgo : "?", lto ? lto : "?",
			         compiler[0] ? compiler : "?");
			text_strip_controls(r->cond.build);
			return 1;
		}
		if (rec.verb == PROBE_ERROR || rec.verb == PROBE_UNSUPPORTED)
			return 1;
		return bad_reply(j, "answered the conditions request with", line);
	}
	switch (rec.verb) {
	case PROBE_SAMPLE: {
		double ns, base, raw_ns = NAN;
		uint64_t loops = 0, unroll = 0, raw = 0;
		if (j->req != REQ_TIME || !about(&rec, s, j->plan.attrs))
			return bad_reply(j, "sent a value that is not for the request in flight", line);
		if (!parse_double(probe_field(&rec, "ns"), &ns) ||
		    !parse_double(probe_field(&rec, "baseline_ns"), &base) ||
		    !probe_field_u64(&rec, "loops", &loops) || !probe_field_u64(&rec, "unroll", &unroll) ||
		    loops < 1 || unroll < 1 || unroll > 100000 || fabs(ns) > 3.6e12 ||
		    fabs(base) > 3.6e12) {
			snprintf(j->err, sizeof j->err, "a malformed sample: '%.80s'", line);
			fail_job(j);
			return -1;
		}
		/* a probe sends what it was asked for: more is a flood, never kept */
		if (j->req_values >= j->plan.samples_per_process) {
			snprintf(j->err, sizeof j->err, "%s sent more than the %d values asked for "
			         "(a flood); stopped it", j->plan.python, j->plan.samples_per_process);
			fail_job(j);
			return -1;
		}
		if (probe_field_u64(&rec, "raw_ns", &raw))
			raw_ns = (double)raw / 1e6;
		if (!timing_series_push(s, ns, base, raw_ns, loops, j->p)) {
			snprintf(j->err, sizeof j->err, "out of memory for the samples");
			fail_job(j);
			return -1;
		}
		s->unroll = (unsigned)unroll;
		j->req_values++;
		j->samples++;
		return 0;
	}
	case PROBE_TIMED:
		if (j->req != REQ_TIME || !about(&rec, s, j->plan.attrs))
			return bad_reply(j, "finished a request that was not in flight", line);
		decoded(probe_field(&rec, "statement"), s->statement, sizeof s->statement);
		decoded(probe_field(&rec, "baseline"), s->base_statement, sizeof s->base_statement);
		return 1;
	case PROBE_SEEDTIME: {
		double call, empty = NAN;
		if (j->req != REQ_SEED || !about(&rec, s, j->plan.attrs) ||
		    !parse_double(probe_field(&rec, "median_ns"), &call) || fabs(call) > 3.6e12) {
			snprintf(j->err, sizeof j->err, "a malformed seedtime reply: '%.80s'", line);
			fail_job(j);
			return -1;
		}
		if (!parse_double(probe_field(&rec, "empty_median_ns"), &empty) || fabs(empty) > 3.6e12)
			empty = NAN;
		if (!timing_series_push_seed(s, call, empty)) {
			snprintf(j->err, sizeof j->err, "out of memory for the seed harness");
			fail_job(j);
			return -1;
		}
		return 1;
	}
	case PROBE_UNSUPPORTED: {
		if (j->req == REQ_SEED)
			return 1;   /* the seed harness does not apply: nothing to show */
		const char *reason = probe_field(&rec, "reason");
		snprintf(s->unsupported, sizeof s->unsupported, "%s", reason ? reason : "unsupported");
		for (char *p = s->unsupported; *p; p++)
			if (*p == '-')
				*p = ' ';
		text_strip_controls(s->unsupported);
		return 1;
	}
	case PROBE_ERROR:
		snprintf(j->err, sizeof j->err, "the probe said: %.150s", rec.error_text);
		text_strip_controls(j->err);
		fail_job(j);
		return -1;
	default:
		snprintf(j->err, sizeof j->err, "an unexpected reply while timing: '%.60s'", line);
		fail_job(j);
		return -1;
	}
}

static void kill_worker(struct timing_job *j)
{
	if (!j->worker)
		return;
	char how[120];
	probe_client_kill(&j->pc, how, sizeof how);
	j->worker = false;
}

static bool fail_job(struct timing_job *j)
{
	kill_worker(j);
	j->state = JOB_ERROR;
	j->r->seconds = now_s() - j->started;
	timing_read_machine(&j->r->cond, true);
	return false;
}

static void finish(struct timing_job *j)
{
	j->state = JOB_DONE;
	j->r->seconds = now_s() - j->started;
	j->r->generation++;
	timing_read_machine(&j->r->cond, true);
}

void timing_job_start(struct timing_job *j, const struct timing_plan *plan,
                      struct timing_result *r)
{
	memset(j, 0, sizeof *j);
	memset(r, 0, sizeof *r);
	j->plan = *plan;
	if (j->plan.max_processes <= 0 || j->plan.max_processes > TIMING_MAX_PROCESSES)
		j->plan.max_processes = TIMING_MAX_PROCESSES;
	if (j->plan.samples_per_process < 1)
		j->plan.samples_per_process = 1;
	j->r = r;
	r->aa = plan->aa;
	for (int k = 0; k < KIND_COUNT; k++)
		for (int o = 0; o < OP_COUNT; o++)
			for (int rep = 0; rep < (plan->aa ? 2 : 1); rep++)
				if (plan->kinds[k] && plan->ops[o] && r->nseries < TIMING_MAX_SERIES) {
					struct timing_series *s = &r->series[r->nseries++];
					s->kind = (enum kind)k;
					s->op = (enum time_op)o;
					s->replica = rep;
					snprintf(s->unit, sizeof s->unit, "ns");
				}
	j->started = now_s();
	r->seed = plan->seed;
	if (!r->seed) {
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		uint64_t st = (uint64_t)t.tv_nsec ^ ((uint64_t)t.tv_sec << 20) ^ (uint64_t)getpid();
		r->seed = mix(&st) >> 12 | 1;   /* 52 bits: exact in JSON */
	}
	r->budget_s = plan->budget_s;
	r->values_per_process = j->plan.samples_per_process;
	r->min_ms = plan->min_ms;
	r->processes_planned = plan->min_processes > 0 ? plan->min_processes : 0;
	timing_read_machine(&r->cond, false);
	j->state = r->nseries ? JOB_START_PROCESS : JOB_ERROR;
	if (!r->nseries)
		snprintf(j->err, sizeof j->err, "nothing to time: no kind or operation chosen");
}

/* The time the run aims at: the budget, or longer for its minimum of
 * processes; d is the mean duration of one process (0 while unknown). */
static double target_s(const struct timing_job *j, double d)
{
	double t = j->plan.budget_s;
	if (d > 0 && j->plan.min_processes * d > t)
		t = j->plan.min_processes * d;
	return t;
}

/* Past this, the run stops where it is, keeping what it has. */
static double hard_limit_s(const struct timing_job *j)
{
	int k = j->r->processes;
	if (k == 0)   /* the first process may overrun on a busy machine, within bounds */
		return j->plan.budget_s * 3 + 2;
	return target_s(j, k ? j->spent / k : 0) * 1.1 + 0.5;
}

static bool send(struct timing_job *j, const char *req)
{
	char why[300];
	if (!probe_client_send(&j->pc, req, why, sizeof why)) {
		snprintf(j->err, sizeof j->err, "%s", why);
		return fail_job(j);
	}
	j->sent_at = now_s();
	j->req_values = 0;
	j->state = JOB_WAITING;
	return true;
}

/* Sends the next request of this process, or ends the process. */
static bool send_next(struct timing_job *j)
{
	struct timing_result *r = j->r;
	char req[256];
	if (j->req == REQ_TIME && j->pos < r->nseries) {
		struct timing_series *s = &r->series[j->i];
		if (j->plan.seed_harness && !s->unsupported[0] && (s->op == OP_READ || s->op == OP_WRITE)) {
			snprintf(req, sizeof req, "seedtime kind=%s attrs=%u op=%s seed=%llu",
			         kind_info(s->kind)->name, j->plan.attrs, time_op_name(s->op),
			         (unsigned long long)(mix(&j->proc_seed) >> 16));
			j->req = REQ_SEED;
			return send(j, req);
		}
	}
	if (j->req == REQ_TIME || j->req == REQ_SEED)
		j->pos++;
	while (j->pos < r->nseries && r->series[j->order[j->pos]].unsupported[0])
		j->pos++;
	if (j->pos >= r->nseries) {
		/* the process has given everything: let it end on its own */
		probe_client_close_input(&j->pc);
		j->reap_at = now_s();
		j->state = JOB_REAPING;
		return true;
	}
	j->i = j->order[j->pos];
	struct timing_series *s = &r->series[j->i];
	snprintf(req, sizeof req, "time kind=%s attrs=%u op=%s samples=%d loops=0 warmups=0 "
	         "min_ms=%d seed=%llu", kind_info(s->kind)->name, j->plan.attrs, time_op_name(s->op),
	         j->plan.samples_per_process, j->plan.min_ms,
	         (unsigned long long)(mix(&j->proc_seed) >> 16));
	j->req = REQ_TIME;
	return send(j, req);
}

/* A process has ended: count it and decide whether another one fits. */
static void process_done(struct timing_job *j)
{
	struct timing_result *r = j->r;
	double took = now_s() - j->process_started;
	r->processes++;
	j->spent += took;
	if (r->nprocs)
		r->procs[r->nprocs - 1].seconds = took;
	r->generation++;
	double d = j->spent / r->processes, el = now_s() - j->started;
	double target = target_s(j, d);
	int more = (int)floor((target - el) / d + 0.5);
	if (more < 0)
		more = 0;
	if (r->processes < j->plan.min_processes && more < j->plan.min_processes - r->processes)
		more = j->plan.min_processes - r->processes;
	if (r->processes + more > j->plan.max_processes)
		more = j->plan.max_processes - r->processes;
	/* every series n/a (a namedtuple's write): another process would time nothing */
	bool left = false;
	for (int i = 0; i < r->nseries; i++)
		left |= !r->series[i].unsupported[0];
	if (!left)
		more = 0;
	r->processes_planned = r->processes + more;
	j->p++;
	if (more > 0)
		j->state = JOB_START_PROCESS;
	else
		finish(j);
}

/* Stops at the time limit: the worker is killed, its values so far kept. */
static bool budget_stop(struct timing_job *j)
{
	kill_worker(j);
	j->r->budget_stop = true;
	if (j->r->processes == 0) {   /* values of a process cut short are not a measurement */
		snprintf(j->err, sizeof j->err, "%s finished no timing process within %.0f s (the "
		         "%.0f s time budget and a grace for the first); stopped it (raise "
		         "--measure-time?)", j->plan.python, hard_limit_s(j), j->plan.budget_s);
		return fail_job(j);
	}
	finish(j);
	return false;
}

static bool start_process(struct timing_job *j)
{
	struct timing_result *r = j->r;
	uint64_t st = r->seed + (uint64_t)j->p * 0x632be59bd9b4e019ull;
	j->proc_seed = mix(&st) >> 12;
	uint64_t order_state = j->proc_seed;
	for (int k = 0; k < r->nseries; k++)
		j->order[k] = k;
	for (int k = r->nseries - 1; k > 0; k--) {   /* Fisher-Yates */
		int m = (int)(mix(&order_state) % (uint64_t)(k + 1));
		int t = j->order[k];
		j->order[k] = j->order[m];
		j->order[m] = t;
	}
	j->pos = 0;
	j->process_started = j->hello_at = now_s();
	if (!interp_begin(j->plan.python, j->plan.script, &j->hello, &j->pc)) {
		snprintf(j->err, sizeof j->err, "%s", j->hello.problem);
		return fail_job(j);
	}
	j->worker = true;
	j->state = JOB_HELLO;
	return true;
}

static bool took_hello(struct timing_job *j)
{
	struct timing_result *r = j->r;
	/* every worker must be the same interpreter: samples from two are not one series */
	if (r->interp.answered && !interp_same(&r->interp, &j->hello)) {
		const struct interp *a = &r->interp, *b = &j->hello;
		snprintf(j->err, sizeof j->err, "%s answered as %s %s %s%s in one worker and as %s "
		         "%s %s%s in another; its samples cannot be pooled", j->plan.python, a->impl,
		         a->version, abi_name(a->abi), a->free_threaded ? " free-threaded" : "", b->impl,
		         b->version, abi_name(b->abi), b->free_threaded ? " free-threaded" : "");
		return fail_job(j);
	}
	bool first = !r->interp.answered;
	if (first)
		r->interp = j->hello;
	double load[3];
	read_loadavg(load);
	if (!timing_result_add_process(r, j->proc_seed, load[0], NAN)) {
		snprintf(j->err, sizeof j->err, "out of memory");
		return fail_job(j);
	}
	if (first) {
		j->req = REQ_CONDITIONS;
		return send(j, "conditions");
	}
	j->req = REQ_NONE;
	return send_next(j);
}

/* At most this many reply lines per step, so a flood cannot hold the loop. */
#define LINES_PER_STEP 64

bool timing_job_step(struct timing_job *j, int timeout_ms)
{
	struct timing_result *r = j->r;
	int lines = 0;
	for (;;) {
		if ((j->state == JOB_HELLO || j->state == JOB_WAITING || j->state == JOB_REAPING) &&
		    now_s() - j->started > hard_limit_s(j)) {
			/* the reaping worker has given all it had: count it first */
			if (j->state == JOB_REAPING) {
				kill_worker(j);
				process_done(j);
				if (j->state == JOB_DONE)
					return false;
			}
			return budget_stop(j);
		}
		switch (j->state) {
		case JOB_DONE:
		case JOB_ERROR:
			return false;
		case JOB_START_PROCESS:
			if (!start_process(j))
				return false;
			continue;
		case JOB_HELLO: {
			bool expired = (now_s() - j->hello_at) * 1000 > j->plan.hello_timeout_ms;
			int rc = interp_hello_poll(j->plan.python, &j->hello, &j->pc, timeout_ms, expired,
			                           j->plan.hello_timeout_ms);
			if (rc == 0)
				return true;
			if (rc < 0) {
				j->worker = false;   /* interp_hello_poll stopped it */
				snprintf(j->err, sizeof j->err, "%s", j->hello.problem);
				return fail_job(j);
			}
			if (!took_hello(j))
				return false;
			timeout_ms = 0;
			continue;
		}
		case JOB_WAITING: {
			if (lines++ >= LINES_PER_STEP)
				return true;
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
				return false;
			if (h == 1) {
				r->generation++;   /* a batch: the statistics may be recomputed */
				if (!send_next(j))
					return false;
			}
			timeout_ms = 0;   /* take what else is there, then return */
			continue;
		}
		case JOB_REAPING: {
			char how[120];
			double until = now_s() + timeout_ms / 1000.0;
			bool gone;
			while (!(gone = probe_client_try_reap(&j->pc, how, sizeof how)) && now_s() < until) {
				struct timespec pause = { 0, 2 * 1000000L };
				nanosleep(&pause, NULL);
			}
			if (!gone && now_s() - j->reap_at < 1.0)
				return true;
			if (!gone)
				probe_client_kill(&j->pc, how, sizeof how);   /* ignores its end of input */
			j->worker = false;
			process_done(j);
			if (j->state == JOB_DONE)
				return false;
			continue;
		}
		}
	}
}

void timing_job_cancel(struct timing_job *j)
{
	if (j->state == JOB_DONE || j->state == JOB_ERROR)
		return;
	kill_worker(j);
	j->r->cancelled = true;
	finish(j);
}

double timing_job_fraction(const struct timing_job *j, double *eta_s)
{
	const struct timing_result *r = j->r;
	double el = now_s() - j->started;
	if (j->state == JOB_DONE || j->state == JOB_ERROR) {
		*eta_s = 0;
		return 1.0;
	}
	double d = r->processes ? j->spent / r->processes : 0;
	double target = target_s(j, d);
	double f = target > 0 ? el / target : 0;
	if (f > 0.99)
		f = 0.99;
	*eta_s = r->processes ? (target - el > 0 ? target - el : 0) : -1;
	return f;
}

const char *timing_job_activity(const struct timing_job *j, char *buf, size_t n)
{
	const struct timing_result *r = j->r;
	int p = j->p + 1;
	switch (j->state) {
	case JOB_START_PROCESS:
	case JOB_HELLO:
		snprintf(buf, n, "process %d: starting", p);
		break;
	case JOB_WAITING:
		if (j->req == REQ_CONDITIONS)
			snprintf(buf, n, "process %d: asking its flags", p);
		else
			snprintf(buf, n, "process %d: %s %s%s", p, kind_info(r->series[j->i].kind)->name,
			         time_op_name(r->series[j->i].op), j->req == REQ_SEED ? " (seed harness)" : "");
		break;
	case JOB_REAPING:
		snprintf(buf, n, "process %d: ending", p);
		break;
	default:
		snprintf(buf, n, "done");
	}
	return buf;
}

bool timing_run(const struct timing_plan *plan, struct timing_result *r,
                timing_progress_fn progress, void *user, char *err, size_t errlen)
{
	static struct timing_job j;
	timing_job_start(&j, plan, r);
	/* short steps: a cancel (Ctrl-C, a signal) is seen within 100 ms */
	while (timing_job_step(&j, 100)) {
		if (progress) {
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
