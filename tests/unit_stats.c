/* Timing statistics against certified and hand-checked values.
 * NumAcc1-4 are NIST StRD univariate data sets (public domain,
 * https://www.itl.nist.gov/div898/strd/univ/), generated here from their
 * published definitions: certified mean and standard deviation. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/timing_stats.h"
#include "tap.h"

static int close_to(double got, double want, double rel, const char *what)
{
	double tol = rel * (fabs(want) > 1 ? fabs(want) : 1);
	int pass = fabs(got - want) <= tol;
	ok(pass, "%s: %.15g (want %.15g)", what, got, want);
	return pass;
}

/* NumAcc2-4: a centre value, then 500 pairs around it at +-0.1 */
static double *numacc(double centre, size_t *n)
{
	*n = 1001;
	double *x = malloc(*n * sizeof *x);
	x[0] = centre;
	for (size_t i = 0; i < 500; i++) {
		x[1 + 2 * i] = centre - 0.1;
		x[2 + 2 * i] = centre + 0.1;
	}
	return x;
}

int main(void)
{
	struct dist_stats st;
	char err[200];

	double acc1[3] = { 10000001, 10000003, 10000002 };
	ok(stats_compute(acc1, 3, NULL, 1, &st, err, sizeof err), "NumAcc1 computes");
	close_to(st.mean, 10000002, 1e-15, "NumAcc1 certified mean");
	close_to(st.sd, 1, 1e-12, "NumAcc1 certified sd");
	static const double centre[3] = { 1.2, 1000000.2, 10000000.2 };
	static const char *const name[3] = { "NumAcc2", "NumAcc3", "NumAcc4" };
	for (int i = 0; i < 3; i++) {
		size_t n;
		double *x = numacc(centre[i], &n);
		char what[64];
		ok(stats_compute(x, n, NULL, 1, &st, err, sizeof err), "%s computes", name[i]);
		snprintf(what, sizeof what, "%s certified mean", name[i]);
		close_to(st.mean, centre[i], 1e-14, what);
		snprintf(what, sizeof what, "%s certified sd", name[i]);
		close_to(st.sd, 0.1, i == 2 ? 1e-6 : 1e-8, what);
		snprintf(what, sizeof what, "%s median", name[i]);
		close_to(st.median, centre[i], 1e-14, what);
		free(x);
	}

	/* hand-checked: 1 2 3 4 100 */
	double h[5] = { 4, 100, 1, 3, 2 };
	ok(stats_compute(h, 5, NULL, 7, &st, err, sizeof err), "small sample computes");
	close_to(st.mean, 22, 1e-15, "mean of 1 2 3 4 100");
	close_to(st.median, 3, 1e-15, "median");
	close_to(st.sd, sqrt(1902.5), 1e-14, "sd (n-1)");
	close_to(st.mad, 1, 1e-15, "MAD (unscaled, pyperf's)");
	close_to(st.p25, 2, 1e-15, "p25 (linear interpolation, type 7)");
	close_to(st.p75, 4, 1e-15, "p75");
	close_to(st.p5, 1.2, 1e-14, "p5");
	close_to(st.p95, 80.8, 1e-14, "p95");
	close_to(st.min, 1, 0, "min");
	close_to(st.max, 100, 0, "max");
	ok(strstr(st.warnings, "only 5 samples") != NULL, "warns about few samples: %s", st.warnings);
	ok(strstr(st.warnings, "unstable") != NULL, "warns about the spread");
	ok(strstr(st.warnings, "over 4x the fastest") != NULL, "warns about worst vs best");
	ok(st.median_lo <= st.median && st.median <= st.median_hi, "bootstrap CI holds the median");

	double a[5] = { 1, 2, 3, 4, 5 };
	ok(stats_compute(a, 5, NULL, 7, &st, err, sizeof err), "1..5 computes");
	close_to(st.mean_lo, 3 - 2.7764451051977987 * sqrt(2.5) / sqrt(5.0), 1e-9, "t CI of the mean, low");
	close_to(st.mean_hi, 3 + 2.7764451051977987 * sqrt(2.5) / sqrt(5.0), 1e-9, "t CI of the mean, high");
	double again_lo = st.median_lo, again_hi = st.median_hi;
	stats_compute(a, 5, NULL, 7, &st, err, sizeof err);
	ok(st.median_lo == again_lo && st.median_hi == again_hi, "the same seed gives the same CI");

	double b[5] = { 2, 4, 6, 8, 10 };
	struct dist_compare c;
	ok(stats_compare(a, 5, b, 5, "a", "b", "read", 3, &c, err, sizeof err), "compare computes");
	close_to(c.welch_t, 1.8973665961010275, 1e-12, "Welch t");
	close_to(c.welch_df, 5.882352941176471, 1e-12, "Welch-Satterthwaite df");
	close_to(c.welch_p, 0.10753119493047893, 1e-6, "Welch p (two-sided, numerical integration)");
	close_to(c.effect_d, 1.2, 1e-12, "Cohen's d");
	close_to(c.diff_median, 3, 1e-15, "difference of medians");
	ok(!c.significant, "a=1..5 vs b=2..10: not significant");
	ok(strstr(c.sentence, "b read is 3.00 ns slower than a") && strstr(c.sentence, "no significant"),
	   "the sentence: %s", c.sentence);
	double fast[12], slow[12];
	for (int i = 0; i < 12; i++) {
		fast[i] = 1.0 + 0.01 * (i % 4);
		slow[i] = 2.0 + 0.01 * (i % 3);
	}
	ok(stats_compare(slow, 12, fast, 12, "regular", "slots", "read", 3, &c, err, sizeof err) &&
	   c.significant && strstr(c.sentence, "slots read is 0.99 ns faster than regular") &&
	   strstr(c.sentence, "a real difference"), "a clear difference: %s", c.sentence);
	ok(c.diff_lo > 0 || c.diff_hi < 0, "its CI excludes 0");

	/* edge cases: a message each, never a crash */
	ok(!stats_compute(a, 0, NULL, 1, &st, err, sizeof err) && strstr(err, "no samples"),
	   "empty input: %s", err);
	double one[1] = { 4.2 };
	ok(stats_compute(one, 1, NULL, 1, &st, err, sizeof err) && st.n == 1 && st.median == 4.2 &&
	   !st.have_ci && isnan(st.sd), "one sample: median, no sd, no CI");
	double same[6] = { 3, 3, 3, 3, 3, 3 };
	ok(stats_compute(same, 6, NULL, 1, &st, err, sizeof err) && st.sd == 0 && st.mad == 0 &&
	   st.median_lo == 3 && st.median_hi == 3, "all equal: sd 0, CI a point");
	ok(stats_compare(same, 6, same, 6, "a", "b", "read", 1, &c, err, sizeof err) &&
	   !c.significant && c.welch_p == 1.0 && isnan(c.effect_d), "all equal on both sides: p = 1");
	double withnan[3] = { 1, NAN, 3 };
	ok(!stats_compute(withnan, 3, NULL, 1, &st, err, sizeof err) && strstr(err, "sample 2 is NaN"),
	   "NaN: %s", err);
	double withinf[3] = { 1, 2, INFINITY };
	ok(!stats_compute(withinf, 3, NULL, 1, &st, err, sizeof err) &&
	   strstr(err, "sample 3 is infinite"), "inf: %s", err);
	ok(!stats_compare(one, 1, a, 5, "a", "b", "read", 1, &c, err, sizeof err) &&
	   strstr(err, "at least 2 samples"), "compare with one sample: %s", err);
	double base[5] = { 9, 9, 9, 9, 9 };
	ok(stats_compute(a, 5, base, 1, &st, err, sizeof err) && st.baseline_median == 9 &&
	   strstr(st.warnings, "baseline"), "a baseline larger than the access is flagged");
	return done_testing();
}
