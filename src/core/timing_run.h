/* Runs attribute-access timings in worker processes of the user's
 * interpreter (data/probe.py `time` requests), variants interleaved
 * round-robin, loops calibrated once; samples stream to a callback. */
#ifndef SLOTEXPLORE_TIMING_RUN_H
#define SLOTEXPLORE_TIMING_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/interp.h"
#include "core/kinds.h"

enum time_op { OP_READ, OP_WRITE, OP_READ_ALL, OP_GETATTR, OP_SETATTR, OP_HASATTR_PRESENT,
               OP_HASATTR_MISSING, OP_COUNT };
const char *time_op_name(enum time_op op);
enum time_op time_op_from_name(const char *name);   /* OP_COUNT if unknown */

#define TIMING_MAX_SERIES (KIND_COUNT * OP_COUNT)

struct timing_series {
	char name[64];               /* set for loaded series not from slotexplore */
	enum kind kind;
	enum time_op op;
	double *ns, *baseline;       /* per access, one per sample */
	size_t n, cap;
	unsigned long loops;         /* calibrated in the first process */
	unsigned unroll;
	char unsupported[96];        /* why this pair cannot be timed, or "" */
	bool has_seed;               /* the seed paper's harness, read and write */
	double seed_reps[5], seed_median;
};

struct timing_plan {
	const char *python, *script;
	bool kinds[KIND_COUNT];
	bool ops[OP_COUNT];
	unsigned attrs;
	double budget_s;             /* total wall time to aim for */
	int samples_per_process;     /* values per variant in each process */
	int min_ms;                  /* a value lasts at least this long */
	bool seed_harness;
	int timeout_ms;              /* per request */
};

struct timing_result {
	struct timing_series series[TIMING_MAX_SERIES];
	int nseries;
	int processes, processes_planned;
	bool cancelled;
	double seconds;
	struct interp interp;
};

/* The method's defaults (3 values per worker, >= 10 ms each) for one
 * interpreter; the caller then picks kinds and operations. */
void timing_plan_init(struct timing_plan *p, const char *python, const char *script,
                      unsigned attrs, double budget_s, int timeout_ms);

/* Called after every sample; return false to cancel (the samples so far
 * are kept). fraction in [0, 1], eta_s < 0 when unknown. */
typedef bool (*timing_progress_fn)(void *user, const struct timing_result *r, double fraction,
                                   double eta_s);

bool timing_run(const struct timing_plan *plan, struct timing_result *out,
                timing_progress_fn progress, void *user, char *err, size_t errlen);

/* The same, step by step, for an event loop that must stay live. */
enum job_state { JOB_START_PROCESS, JOB_WAITING, JOB_DONE, JOB_ERROR };
struct timing_job {
	struct timing_plan plan;
	struct timing_result *r;
	enum job_state state;
	struct probe_client pc;
	bool worker;                 /* pc is running */
	int p, planned, i;           /* process, processes planned, series index */
	bool seed_next;              /* series i was timed: maybe the seed harness */
	bool seed_sent;              /* the seed harness for series i is in flight */
	size_t samples;              /* received so far */
	double started, process_started, sent_at;
	char err[600];
};
void timing_job_start(struct timing_job *j, const struct timing_plan *plan,
                      struct timing_result *r);
/* Handles what the worker sent within timeout_ms (0: only what is there).
 * False once finished: done, cancelled, or JOB_ERROR with j->err. */
bool timing_job_step(struct timing_job *j, int timeout_ms);
/* Stops the worker; the samples so far stay in the result. */
void timing_job_cancel(struct timing_job *j);
double timing_job_fraction(const struct timing_job *j, double *eta_s);
/* Reads samples back from slotexplore's --measure JSON or a pyperf JSON
 * result file (values in seconds, shown in ns). */
bool timing_load(const char *path, struct timing_result *out, unsigned *attrs, char *err,
                 size_t errlen);
/* Appends one sample; false when out of memory. */
bool timing_series_push(struct timing_series *s, double ns, double baseline);
void timing_result_free(struct timing_result *r);

#endif
