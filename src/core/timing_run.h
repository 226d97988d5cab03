/* Runs attribute-access timings in worker processes of the user's
 * interpreter (data/probe.py `time` requests). Every process calibrates its
 * own loop count and times every series once, in an order drawn afresh for
 * each process from the run's seed; the statement and its baseline are
 * ordered at random for each value too. Values stream in; statistics treat
 * the process as the unit (core/timing_stats.h).
 *
 * The job is a state machine an event loop steps without ever blocking
 * longer than it asks: starting a worker, waiting for its hello, its
 * replies and its exit are all bounded by the step's wait and by the
 * timeouts, so Esc, q, Ctrl-C and signals are seen at every moment. */
#ifndef SLOTEXPLORE_TIMING_RUN_H
#define SLOTEXPLORE_TIMING_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/interp.h"
#include "core/kinds.h"

enum time_op { OP_READ, OP_WRITE, OP_READ_ALL, OP_GETATTR, OP_SETATTR, OP_HASATTR_PRESENT,
               OP_HASATTR_MISSING, OP_COUNT };
const char *time_op_name(enum time_op op);
enum time_op time_op_from_name(const char *name);   /* OP_COUNT if unknown */

#define TIMING_MAX_SERIES (KIND_COUNT * OP_COUNT)
#define TIMING_MAX_VALUES (1u << 20)     /* per series, also for --load */
#define TIMING_MAX_PROCESSES 1000        /* per live run */
#define TIMING_MIN_PROCESSES 10          /* per side, for a verdict */

struct timing_series {
	char name[64];               /* a loaded benchmark's name (pyperf), "" for ours */
	enum kind kind;
	enum time_op op;
	int replica;                 /* 0; 1 for the second series of an A/A test */
	/* one entry per value (pyperf's "value", a run within a process) */
	double *ns;                  /* net per access: statement minus baseline */
	double *baseline;            /* the baseline per access, NAN when none (pyperf) */
	double *dur_ms;              /* how long the statement's loop lasted, NAN unknown */
	uint64_t *loops;             /* each process calibrates its own */
	int *proc;                   /* the process (0, 1, ...) that gave the value */
	size_t n, cap;
	unsigned unroll;             /* statements per loop iteration (pyperf: inner_loops) */
	char unit[12];               /* "ns", or a pyperf unit ("byte", "integer") */
	char statement[96], base_statement[64];   /* as the probe timed them */
	char unsupported[96];        /* why this pair cannot be timed, or "" */
	/* the seed paper's harness, one entry per process: ns per call of the
	 * closure, and of the same closure without the access */
	double *seed_call, *seed_empty;
	size_t nseed, seed_cap;
};

/* What the machine and the interpreter were doing. */
struct timing_conditions {
	double load_start[3], load_end[3];   /* /proc/loadavg, NAN when unreadable */
	char cpu_model[96];
	char governor[24];                   /* "" when not readable */
	int cpus;
	char flags[160];                     /* the interpreter's sys.flags that are set */
	char build[128];                     /* "jit=0 pgo=1 lto=1 compiler=GCC 12.2.0" */
};

struct timing_process {
	uint64_t seed;                       /* the order of its series and values */
	double load_1min;                    /* when it started */
	double seconds;                      /* how long it ran */
};

struct timing_result {
	struct timing_series series[TIMING_MAX_SERIES];
	int nseries;
	int processes, processes_planned;
	bool cancelled;              /* stopped by the user: the samples so far */
	bool budget_stop;            /* stopped at the time limit: the samples so far */
	bool aa;                     /* an A/A test: one kind as two series */
	bool pyperf;                 /* loaded from pyperf: its method, not ours */
	double seconds, budget_s;
	uint64_t seed;               /* the run's seed (orders, per process) */
	int values_per_process, min_ms;
	unsigned generation;         /* bumped once per batch of values (never per value) */
	struct timing_conditions cond;
	struct timing_process *procs;
	size_t nprocs, procs_cap;
	struct interp interp;
};

struct timing_plan {
	const char *python, *script;
	bool kinds[KIND_COUNT];
	bool ops[OP_COUNT];
	bool aa;                     /* the one kind in kinds[], as two series */
	unsigned attrs;
	double budget_s;             /* total wall time to aim for, calibration included */
	int min_processes;           /* run at least these, even past the budget */
	int max_processes;
	int samples_per_process;     /* values per series in each process */
	int min_ms;                  /* a value lasts at least this long */
	bool seed_harness;
	uint64_t seed;               /* 0: drawn from the clock */
	int hello_timeout_ms;        /* for a worker to say hello */
	int timeout_ms;              /* per request */
};

/* The method's defaults (3 values per worker, >= 10 ms each) for one
 * interpreter; the caller then picks kinds and operations. */
void timing_plan_init(struct timing_plan *p, const char *python, const char *script,
                      unsigned attrs, double budget_s, int timeout_ms);

/* Called after every step (at least every 100 ms); return false to cancel
 * (the samples so far are kept). fraction in [0, 1], eta_s < 0 when
 * unknown. */
typedef bool (*timing_progress_fn)(void *user, const struct timing_result *r, double fraction,
                                   double eta_s);

bool timing_run(const struct timing_plan *plan, struct timing_result *out,
                timing_progress_fn progress, void *user, char *err, size_t errlen);

/* The same, step by step, for an event loop that must stay live. */
enum job_state { JOB_START_PROCESS, JOB_HELLO, JOB_WAITING, JOB_REAPING, JOB_DONE, JOB_ERROR };
struct timing_job {
	struct timing_plan plan;
	struct timing_result *r;
	enum job_state state;
	struct probe_client pc;
	struct interp hello;         /* what the worker running said */
	bool worker;                 /* pc is running */
	int p;                       /* the process running (or next) */
	int order[TIMING_MAX_SERIES];/* this process's order of the series */
	int pos;                     /* position in order[] */
	int i;                       /* the series of the request in flight */
	enum { REQ_NONE, REQ_CONDITIONS, REQ_TIME, REQ_SEED } req;   /* the last one sent */
	int req_values;              /* values received for the request in flight */
	size_t samples;              /* received so far */
	uint64_t proc_seed;
	double started, process_started, sent_at, hello_at, reap_at;
	double spent;                /* seconds of completed processes */
	char err[600];
};
void timing_job_start(struct timing_job *j, const struct timing_plan *plan,
                      struct timing_result *r);
/* Handles what the worker sent within timeout_ms (0: only what is there),
 * at most a bounded batch of lines. False once finished: done, cancelled,
 * or JOB_ERROR with j->err. */
bool timing_job_step(struct timing_job *j, int timeout_ms);
/* Stops the worker at once; the samples so far stay in the result. */
void timing_job_cancel(struct timing_job *j);
double timing_job_fraction(const struct timing_job *j, double *eta_s);
/* What the job is doing, for a progress line ("starting process 3 of 20"). */
const char *timing_job_activity(const struct timing_job *j, char *buf, size_t n);

/* Reads samples back from slotexplore's --measure JSON or a pyperf JSON
 * result file (.json or .json.gz; values in seconds are shown in ns). */
bool timing_load(const char *path, struct timing_result *out, unsigned *attrs, char *err,
                 size_t errlen);
/* Appends one value; false when out of memory or past TIMING_MAX_VALUES. */
bool timing_series_push(struct timing_series *s, double ns, double baseline, double dur_ms,
                        uint64_t loops, int proc);
bool timing_series_push_seed(struct timing_series *s, double call_ns, double empty_ns);
/* A series' label: the benchmark name, or "slots", or "regular (B)" in an A/A test. */
const char *timing_series_label(const struct timing_series *s, bool aa, char *buf, size_t n);
/* The per-statement time of value k (what timeit and pyperf report). */
double timing_value_raw(const struct timing_series *s, size_t k);
/* Adds a process record. */
bool timing_result_add_process(struct timing_result *r, uint64_t seed, double load_1min,
                               double seconds);
/* The machine's conditions now: load average, CPU model, governor. */
void timing_read_machine(struct timing_conditions *c, bool at_end);
void timing_result_free(struct timing_result *r);

#endif
