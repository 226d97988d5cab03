/* Statistics of timings with the process as the unit, computed with GSL.
 *
 * Values from one process are correlated (its hash seed, its memory layout),
 * so each process counts once per series: the median of its values. A
 * series' location is the median of those per-process values, with a
 * distribution-free confidence interval from order statistics (the
 * binomial). Two series are compared with one statistic from headline to
 * verdict: the Hodges-Lehmann shift (the median of the differences between
 * every process of one and every process of the other), its confidence
 * interval by inverting the Mann-Whitney test, and that test's p-value
 * (exact without ties, the normal approximation with a tie correction
 * otherwise). Costs grow as n log n in processes: no bootstrap.
 * Every GSL status is checked; GSL never aborts. */
#ifndef SLOTEXPLORE_TIMING_STATS_H
#define SLOTEXPLORE_TIMING_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATS_ALPHA 0.05
#define STATS_MAX_BINS 30

/* The median of n values and its 95% interval. */
struct location {
	size_t n;
	double median;
	bool have_ci;               /* n >= 6: an interval with at least 95% coverage exists */
	double lo, hi;              /* order statistics x(k), x(n-k+1) */
	double level;               /* the interval's exact coverage (>= 0.95) */
	double mad;                 /* median absolute deviation, unscaled (pyperf's) */
	double mean, sd;            /* sd NAN for n < 2 */
	double min, max;
};

/* The shift of b against a. */
struct shift {
	size_t na, nb;
	double hl;                  /* Hodges-Lehmann: median of b_j - a_i */
	bool have_ci;               /* enough processes for a 95% interval */
	double lo, hi;              /* its interval, inverting the Mann-Whitney test */
	double u;                   /* #{b_j > a_i} + #{b_j = a_i} / 2 */
	double p;                   /* two-sided Mann-Whitney p */
	bool exact;                 /* p and the interval from the exact distribution */
	double prob_b_greater;      /* u / (na nb): P(a process of b is slower) */
};

/* Histogram bins shared by two series: Freedman-Diaconis on the central
 * 98% of both (all of them below 100 values), values outside counted at
 * the edges. */
struct bins {
	int n;                      /* 1 .. STATS_MAX_BINS */
	double lo, hi, width;
	unsigned count[2][STATS_MAX_BINS];
	size_t under[2], over[2];
	unsigned max_count;
};

/* Per-process values: the median of each process's values, sorted, into
 * out (room for n). Returns how many processes; 0 for n == 0 or out of
 * memory. */
size_t stats_per_process(const double *x, const int *proc, size_t n, double *out);
/* The location of n values (need not be sorted; not modified). False with a
 * reason for no values or a NaN/inf. */
bool stats_location(const double *x, size_t n, struct location *out, char *err, size_t errlen);
/* b against a, at level 1 - alpha. False with a reason (a side empty, a
 * NaN/inf, out of memory). */
bool stats_shift(const double *a, size_t na, const double *b, size_t nb, double alpha,
                 struct shift *out, char *err, size_t errlen);
/* Holm's step-down adjustment of m p-values (adj may alias p). */
void stats_holm(const double *p, size_t m, double *adj);
/* The k-th smallest (1-based) of the na * nb differences b_j - a_i, both
 * sorted ascending; O((na + nb) log) time, no extra memory. */
double stats_kth_difference(const double *a, size_t na, const double *b, size_t nb, uint64_t k);
/* Quantile f of sorted data (linear interpolation, as pyperf and numpy). */
double stats_quantile(const double *sorted, size_t n, double f);
void stats_bins(const double *x0, size_t n0, const double *x1, size_t n1, struct bins *out);

#endif
