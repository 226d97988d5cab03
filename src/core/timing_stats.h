/* Statistics of attribute-access timings, computed with GSL: summaries,
 * confidence intervals, stability warnings, and the comparison of two
 * distributions. Every GSL status is checked; GSL never aborts. */
#ifndef SLOTEXPLORE_TIMING_STATS_H
#define SLOTEXPLORE_TIMING_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATS_BOOTSTRAP 2000

struct dist_stats {
	size_t n;
	double mean, sd, median, mad, min, max;
	double p1, p5, p25, p75, p95, p99;
	bool have_ci;                /* n >= 2 */
	double median_lo, median_hi; /* 95% bootstrap CI of the median */
	double mean_lo, mean_hi;     /* 95% t CI of the mean */
	double baseline_median;      /* of the baseline per access, NAN if unknown */
	char warnings[400];          /* "; "-separated, "" when stable */
};

struct dist_compare {
	double diff_median;          /* b - a */
	double diff_lo, diff_hi;     /* 95% bootstrap CI of the difference of medians */
	double welch_t, welch_df, welch_p;
	double effect_d;             /* Cohen's d (pooled sd), NAN if undefined */
	bool significant;            /* the CI excludes 0 and p < 0.05 */
	char sentence[300];
};

/* Summarises n samples. False with a one-line reason for empty input or a
 * NaN/inf sample. `baseline` (may be NULL) holds each sample's baseline. */
bool stats_compute(const double *x, size_t n, const double *baseline, uint64_t seed,
                   struct dist_stats *out, char *err, size_t errlen);
/* Compares b against a (names for the sentence, op like "read"). */
bool stats_compare(const double *a, size_t na, const double *b, size_t nb, const char *name_a,
                   const char *name_b, const char *op, uint64_t seed, struct dist_compare *out,
                   char *err, size_t errlen);

#endif
