/* What a timing result says, computed once per batch of values: each
 * series summarised with the process as the unit, and for every operation
 * the compared pair (regular against slots, the first two kinds, or the two
 * series of an A/A test) with its verdict. The verdict needs 10 processes a
 * side, a 95% interval of the shift that excludes 0, a Holm-adjusted
 * p-value under 0.05 over the operations compared, and a shift of at least
 * the minimum meaningful effect. */
#ifndef SLOTEXPLORE_TIMING_ANALYSIS_H
#define SLOTEXPLORE_TIMING_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/timing_run.h"
#include "core/timing_stats.h"

/* The minimum meaningful effect: the larger of an absolute figure and a
 * fraction of the reference's per-statement time. */
struct timing_settings {
	double min_effect_ns;        /* default 0.1 */
	double min_effect_pct;       /* default 2 */
};
void timing_settings_default(struct timing_settings *s);
/* "0.1", "0.1ns", "2%", "0.1,2%": false with a reason otherwise. An
 * absolute figure alone sets the percentage to 0, and the other way round. */
bool timing_settings_parse(const char *text, struct timing_settings *out, char *err,
                           size_t errlen);

struct series_summary {
	bool ok;
	char err[120];
	size_t values, processes;
	struct location net;         /* of per-process medians of the net time */
	struct location raw;         /* per statement, baseline not subtracted: timeit's figure */
	double baseline_median;      /* of per-process medians, NAN without a baseline */
	double p5, p95;              /* of the values (net), for the table */
	size_t short_values;         /* values whose loop lasted under min_ms */
	size_t seed_n;               /* the seed harness, per process */
	double seed_call, seed_empty;   /* medians over processes, ns per call */
	char warnings[480];
};

enum verdict {
	VERDICT_NONE,                /* nothing to compare */
	VERDICT_COLLECTING,          /* a run is going: no verdict until it ends */
	VERDICT_TOO_FEW,             /* under 10 processes a side */
	VERDICT_REAL,                /* the interval excludes 0, Holm p < 0.05, shift >= minimum */
	VERDICT_SMALL,               /* significant, but under the minimum meaningful effect */
	VERDICT_HOLM,                /* the interval excludes 0, but not after Holm */
	VERDICT_NOT_SHOWN,           /* no difference shown */
	VERDICT_ERROR
};

struct op_compare {
	int ia, ib;                  /* series indices, -1 when absent */
	bool computed;
	struct shift sh;
	double p_holm;
	double min_effect;           /* ns, for this operation */
	enum verdict verdict;
	char err[120];
	struct bins bins;            /* of the two series' values (net), shared scale */
};

struct timing_analysis {
	const struct timing_result *r;
	unsigned generation;
	bool pair, aa;
	enum kind ka, kb;            /* a (reference) and b */
	int ncompared;               /* operations in Holm's correction */
	struct timing_settings set;
	bool running;
	struct series_summary s[TIMING_MAX_SERIES];
	struct op_compare op[OP_COUNT];
};

/* Which two kinds are compared: regular and slots when both were timed,
 * else the first two. False when fewer than two kinds (and not A/A). */
bool timing_compare_pair(const struct timing_result *r, enum kind *a, enum kind *b);
/* The series of kind k, op, replica; -1 if none. */
int timing_find_series(const struct timing_result *r, enum kind k, enum time_op op, int replica);
/* Summarises every series and compares the pair. `running`: a run is still
 * going (no verdict yet). */
void timing_analyse(const struct timing_result *r, const struct timing_settings *set,
                    bool running, struct timing_analysis *out);
/* How many analyses have run in this process (tests: never once per frame). */
unsigned timing_analysis_count(void);
/* The comparison of op in one sentence; "" when there is nothing to compare. */
const char *timing_sentence(const struct timing_analysis *an, enum time_op op, bool utf8,
                            char *buf, size_t n);
/* A second line: the effect as a probability, and the minimum effect. */
const char *timing_effect_line(const struct timing_analysis *an, enum time_op op, char *buf,
                               size_t n);
const char *timing_verdict_name(enum verdict v);

#endif
