/* Timing statistics against certified and hand-checked values, and by
 * simulation with a seeded generator (no numpy or scipy here).
 * NumAcc1-4 are NIST StRD univariate data sets (public domain,
 * https://www.itl.nist.gov/div898/strd/univ/), generated here from their
 * published definitions: certified mean and standard deviation. The
 * Mann-Whitney figures were computed by hand (tests/unit_stats.c's comments
 * give the formula); the exact null distribution by the recurrence on the
 * largest value, checked against 1/C(m+n, m). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "core/timing_analysis.h"
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

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* ---- a seeded model of timings: processes with heavy-tailed effects ----- */

struct model {
	double base;          /* ns */
	double between, within;   /* sd of the process effect, of a value in it */
	double outliers;      /* probability that a value is a slow outlier */
	int processes, values;
	bool gaussian;        /* normal process effects instead of Student's t (3) */
};

/* One series: per-process medians into out (processes of them), and every
 * value into all (processes * values) when not NULL. */
static void simulate(gsl_rng *r, const struct model *m, double *out, double *all)
{
	for (int p = 0; p < m->processes; p++) {
		/* Student's t with 3 degrees of freedom, scaled to sd `between` */
		double effect = m->gaussian ? gsl_ran_gaussian(r, m->between)
		                            : m->between * gsl_ran_tdist(r, 3) / sqrt(3.0);
		double v[64];
		for (int k = 0; k < m->values; k++) {
			double x = m->base + effect + gsl_ran_gaussian(r, m->within);
			if (gsl_rng_uniform(r) < m->outliers)
				x += 5 * (1 + gsl_rng_uniform(r));   /* a noisy moment */
			v[k] = x;
			if (all)
				all[p * m->values + k] = x;
		}
		qsort(v, (size_t)m->values, sizeof *v, cmp_double);
		out[p] = m->values % 2 ? v[m->values / 2] : (v[m->values / 2 - 1] + v[m->values / 2]) / 2;
	}
}

static bool called_real(const struct shift *s, double min_effect)
{
	return s->have_ci && (s->lo > 0 || s->hi < 0) && s->p < STATS_ALPHA &&
	       fabs(s->hl) >= min_effect;
}

static void simulations(void)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 20260314);
	struct model m = { 5.0, 0.4, 0.1, 0.03, 20, 3, false };
	double a[64], b[64], all_a[256], all_b[256];
	char err[200];
	int fp = 0, fp_pooled = 0, excl = 0;
	enum { PAIRS = 400 };
	for (int i = 0; i < PAIRS; i++) {
		simulate(r, &m, a, all_a);
		simulate(r, &m, b, all_b);
		struct shift s;
		stats_shift(a, 20, b, 20, STATS_ALPHA, &s, err, sizeof err);
		fp += called_real(&s, 0);
		excl += s.have_ci && (s.lo > 0 || s.hi < 0);
		/* the old mistake: 60 correlated values as if independent */
		stats_shift(all_a, 60, all_b, 60, STATS_ALPHA, &s, err, sizeof err);
		fp_pooled += called_real(&s, 0);
	}
	ok(fp <= PAIRS * 7 / 100, "A/A by simulation: %d of %d pairs of 20 clustered, heavy-tailed "
	   "processes called real (%.1f%%, at most 7%%), no minimum effect", fp, PAIRS,
	   100.0 * fp / PAIRS);
	ok(excl <= PAIRS * 7 / 100, "A/A: the interval excludes 0 in %d of %d (%.1f%%)", excl, PAIRS,
	   100.0 * excl / PAIRS);
	ok(fp_pooled > 2 * fp, "treating the 60 values as independent calls %d of %d real "
	   "(%.1f%%): the clustering matters", fp_pooled, PAIRS, 100.0 * fp_pooled / PAIRS);
	/* with the default minimum effect (0.1 ns, 2% of 5 ns) */
	int fp_min = 0;
	for (int i = 0; i < PAIRS; i++) {
		simulate(r, &m, a, NULL);
		simulate(r, &m, b, NULL);
		struct shift s;
		stats_shift(a, 20, b, 20, STATS_ALPHA, &s, err, sizeof err);
		fp_min += called_real(&s, 0.1);
	}
	ok(fp_min <= PAIRS * 7 / 100, "A/A with the default minimum effect: %d of %d called real",
	   fp_min, PAIRS);
	/* a real 1 ns difference is found */
	int found = 0, sign_ok = 0;
	struct model m2 = m;
	m2.base = 6.0;
	for (int i = 0; i < 100; i++) {
		simulate(r, &m, a, NULL);
		simulate(r, &m2, b, NULL);
		struct shift s;
		stats_shift(a, 20, b, 20, STATS_ALPHA, &s, err, sizeof err);
		found += called_real(&s, 0.1);
		sign_ok += s.hl > 0 && s.prob_b_greater >= 0.5;
	}
	ok(found >= 95, "a real 1 ns difference is called real in %d of 100 runs", found);
	ok(sign_ok == 100, "its shift and its probability agree in sign in %d of 100", sign_ok);
	/* the cluster interval widens with the intra-process correlation, at the
	 * same total variance; the pooled interval does not */
	double width[2] = { 0, 0 }, pooled[2] = { 0, 0 };
	const double icc[2] = { 0.1, 0.9 };
	for (int t = 0; t < 2; t++) {
		struct model mc = { 5.0, sqrt(icc[t]), sqrt(1 - icc[t]), 0, 20, 3, true };
		for (int i = 0; i < 200; i++) {
			simulate(r, &mc, a, all_a);
			struct location l;
			stats_location(a, 20, &l, err, sizeof err);
			width[t] += (l.hi - l.lo) / 200;
			stats_location(all_a, 60, &l, err, sizeof err);
			pooled[t] += (l.hi - l.lo) / 200;
		}
	}
	ok(width[1] > 1.2 * width[0], "the interval over processes widens with the intra-process "
	   "correlation: %.3f ns at 0.1, %.3f ns at 0.9", width[0], width[1]);
	ok(pooled[1] < 1.1 * pooled[0] + 0.05, "(the pooled one does not follow it: %.3f, %.3f)",
	   pooled[0], pooled[1]);
	/* coverage: the median interval over processes covers the true median */
	int cover = 0;
	struct model mg = { 5.0, 0.4, 0.1, 0, 20, 3, false };
	for (int i = 0; i < 400; i++) {
		simulate(r, &mg, a, NULL);
		struct location l;
		stats_location(a, 20, &l, err, sizeof err);
		cover += l.lo <= 5.0 && 5.0 <= l.hi;
	}
	ok(cover >= 400 * 93 / 100, "the 95%% interval of the median covers the true median in %d of "
	   "400 runs", cover);
	gsl_rng_free(r);
}

/* Builds a result of two kinds, `procs` processes, one op, values drawn from
 * the model: for the analysis' verdicts. */
static void fill(struct timing_result *res, int procs, double shift, double noise)
{
	timing_result_free(res);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 7);
	res->nseries = 2;
	res->min_ms = 10;
	res->values_per_process = 3;
	for (int i = 0; i < 2; i++) {
		struct timing_series *s = &res->series[i];
		s->kind = i ? KIND_SLOTS : KIND_REGULAR;
		s->op = OP_READ;
		snprintf(s->unit, sizeof s->unit, "ns");
		for (int p = 0; p < procs; p++)
			for (int k = 0; k < 3; k++)
				timing_series_push(s, 1.0 + (i ? shift : 0) + gsl_ran_gaussian(r, noise), 4.0,
				                   12.0, 1000, p);
	}
	res->processes = procs;
	gsl_rng_free(r);
}

static void analysis(void)
{
	static struct timing_result res;
	static struct timing_analysis an;
	char line[600];
	fill(&res, 3, 0.5, 0.05);
	timing_analyse(&res, NULL, false, &an);
	ok(an.op[OP_READ].verdict == VERDICT_TOO_FEW, "3 against 3 processes: no verdict");
	timing_sentence(&an, OP_READ, false, line, sizeof line);
	ok(strstr(line, "not enough data yet (3 against 3 processes") != NULL, "it says so: %s", line);
	ok(strstr(an.s[0].warnings, "only 3 processes") != NULL, "and the series warns: %s",
	   an.s[0].warnings);
	fill(&res, 12, -0.5, 0.001);
	timing_analyse(&res, NULL, true, &an);
	ok(an.op[OP_READ].verdict == VERDICT_COLLECTING, "while running: still collecting");
	timing_sentence(&an, OP_READ, false, line, sizeof line);
	ok(strstr(line, "still collecting (12 against 12 processes so far)") != NULL, "%s", line);
	timing_analyse(&res, NULL, false, &an);
	timing_sentence(&an, OP_READ, true, line, sizeof line);
	ok(an.op[OP_READ].verdict == VERDICT_REAL && strstr(line, "slots read is 0.50 ns faster "
	   "than regular (95% CI") && strstr(line, "12 against 12 processes") &&
	   strstr(line, "a real difference"), "a clear difference: %s", line);
	timing_effect_line(&an, OP_READ, line, sizeof line);
	ok(strstr(line, "in 100% of pairs of processes slots was faster than regular") != NULL,
	   "the effect agrees in sign: %s", line);
	ok(an.s[0].processes == 12 && an.s[0].values == 36, "n as processes (12) and values (36)");
	close_to(an.s[0].raw.median, 5.0, 0.05, "per statement: net + baseline");
	fill(&res, 12, 0.05, 0.005);
	timing_analyse(&res, NULL, false, &an);
	ok(an.op[OP_READ].verdict == VERDICT_SMALL, "0.05 ns, clearly measured: under the minimum "
	   "effect (%s)", timing_verdict_name(an.op[OP_READ].verdict));
	struct timing_settings set = { 0.01, 0 };
	timing_analyse(&res, &set, false, &an);
	ok(an.op[OP_READ].verdict == VERDICT_REAL, "with --min-effect 0.01 it counts");
	fill(&res, 12, 0, 0.05);
	timing_analyse(&res, NULL, false, &an);
	ok(an.op[OP_READ].verdict == VERDICT_NOT_SHOWN, "no shift: no significant difference");
	/* A/A: one kind as two series */
	res.aa = true;
	res.series[1].kind = KIND_REGULAR;
	res.series[1].replica = 1;
	timing_analyse(&res, NULL, false, &an);
	timing_sentence(&an, OP_READ, false, line, sizeof line);
	ok(an.aa && strstr(line, "regular (B) read is") && strstr(line, "than regular (A)"),
	   "A/A labels: %s", line);
	unsigned before = timing_analysis_count();
	timing_analyse(&res, NULL, false, &an);
	ok(timing_analysis_count() == before + 1, "the analysis counts its runs");
	timing_result_free(&res);
	/* Holm over several operations */
	double p[4] = { 0.01, 0.04, 0.03, 0.005 }, adj[4];
	stats_holm(p, 4, adj);
	ok(fabs(adj[0] - 0.03) < 1e-12 && fabs(adj[1] - 0.06) < 1e-12 && fabs(adj[2] - 0.06) < 1e-12 &&
	   fabs(adj[3] - 0.02) < 1e-12, "Holm: 0.03 0.06 0.06 0.02 (%g %g %g %g)", adj[0], adj[1],
	   adj[2], adj[3]);
	struct timing_settings s;
	char err[200];
	ok(timing_settings_parse("0.2,5%", &s, err, sizeof err) && s.min_effect_ns == 0.2 &&
	   s.min_effect_pct == 5, "--min-effect 0.2,5%%");
	ok(timing_settings_parse("3%", &s, err, sizeof err) && s.min_effect_ns == 0 &&
	   s.min_effect_pct == 3, "--min-effect 3%%: no absolute part");
	ok(timing_settings_parse("0.5ns", &s, err, sizeof err) && s.min_effect_ns == 0.5,
	   "--min-effect 0.5ns");
	ok(!timing_settings_parse("fast", &s, err, sizeof err) && strstr(err, "not a minimum effect"),
	   "--min-effect fast: %s", err);
	ok(!timing_settings_parse("1,2,3", &s, err, sizeof err), "three terms are refused");
}

int main(void)
{
	struct location st;
	char err[200];

	double acc1[3] = { 10000001, 10000003, 10000002 };
	ok(stats_location(acc1, 3, &st, err, sizeof err), "NumAcc1 computes");
	close_to(st.mean, 10000002, 1e-15, "NumAcc1 certified mean");
	close_to(st.sd, 1, 1e-12, "NumAcc1 certified sd");
	static const double centre[3] = { 1.2, 1000000.2, 10000000.2 };
	static const char *const name[3] = { "NumAcc2", "NumAcc3", "NumAcc4" };
	for (int i = 0; i < 3; i++) {
		size_t n;
		double *x = numacc(centre[i], &n);
		char what[64];
		ok(stats_location(x, n, &st, err, sizeof err), "%s computes", name[i]);
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
	ok(stats_location(h, 5, &st, err, sizeof err), "small sample computes");
	close_to(st.mean, 22, 1e-15, "mean of 1 2 3 4 100");
	close_to(st.median, 3, 1e-15, "median");
	close_to(st.sd, sqrt(1902.5), 1e-14, "sd (n-1)");
	close_to(st.mad, 1, 1e-15, "MAD (unscaled, pyperf's)");
	ok(!st.have_ci, "5 values: no 95%% interval of the median exists (1/16 > 2.5%%)");
	double sorted[5] = { 1, 2, 3, 4, 100 };
	close_to(stats_quantile(sorted, 5, 0.25), 2, 1e-15, "p25 (linear interpolation, type 7)");
	close_to(stats_quantile(sorted, 5, 0.05), 1.2, 1e-14, "p5");
	close_to(stats_quantile(sorted, 5, 0.95), 80.8, 1e-14, "p95");

	/* the order-statistic interval: n = 10 gives [x(2), x(9)], 97.85% */
	double ten[10] = { 10, 1, 9, 2, 8, 3, 7, 4, 6, 5 };
	ok(stats_location(ten, 10, &st, err, sizeof err) && st.have_ci && st.lo == 2 && st.hi == 9,
	   "10 values: the interval is x(2) .. x(9) (%g .. %g)", st.lo, st.hi);
	close_to(st.level, 1 - 2 * 11.0 / 1024, 1e-12, "its coverage 1 - 2 P(B <= 1)");
	double six[6] = { 6, 5, 4, 3, 2, 1 };
	ok(stats_location(six, 6, &st, err, sizeof err) && st.have_ci && st.lo == 1 && st.hi == 6,
	   "6 values: min .. max (96.9%%)");

	/* Mann-Whitney, exact: 1..5 against 6..10 */
	double a[5] = { 1, 2, 3, 4, 5 }, b[5] = { 6, 7, 8, 9, 10 };
	struct shift sh;
	ok(stats_shift(a, 5, b, 5, 0.05, &sh, err, sizeof err), "shift computes");
	ok(sh.exact && sh.u == 25, "U = 25, exact (no ties)");
	close_to(sh.p, 2.0 / 252, 1e-12, "exact p = 2 / C(10, 5)");
	close_to(sh.hl, 5, 1e-15, "Hodges-Lehmann shift 5");
	close_to(sh.prob_b_greater, 1, 1e-15, "P(b > a) = 1");
	/* 10 against 10: the critical count is 24 (P(U <= 23) = 0.0216) */
	double x10[10], y10[10];
	for (int i = 0; i < 10; i++) {
		x10[i] = i;
		y10[i] = i + 0.5;
	}
	ok(stats_shift(x10, 10, y10, 10, 0.05, &sh, err, sizeof err) && sh.have_ci, "10 vs 10");
	{
		double d[100];
		int n = 0;
		for (int i = 0; i < 10; i++)
			for (int j = 0; j < 10; j++)
				d[n++] = y10[j] - x10[i];
		qsort(d, 100, sizeof *d, cmp_double);
		ok(sh.lo == d[23] && sh.hi == d[76], "its interval is D(24) .. D(77): %g .. %g", sh.lo,
		   sh.hi);
		close_to(sh.hl, (d[49] + d[50]) / 2, 1e-15, "HL = the median of the 100 differences");
	}
	/* with ties: the normal approximation with tie and continuity corrections */
	double ta[10] = { 1, 2, 2, 3, 4, 5, 6, 7, 8, 9 }, tb[11] = { 2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11 };
	ok(stats_shift(ta, 10, tb, 11, 0.05, &sh, err, sizeof err) && !sh.exact, "ties: approximate");
	ok(sh.u == 72, "U = 72 (ties count one half)");
	close_to(sh.p, 0.2431245120771942, 1e-9, "p (by hand: sigma^2 = 199.83, |U - 55| - 0.5)");
	close_to(sh.hl, 2, 1e-15, "HL 2");
	ok(sh.lo == -1 && sh.hi == 4, "interval D(27) .. D(84): -1 .. 4 (%g .. %g)", sh.lo, sh.hi);
	/* the k-th difference without forming them: against brute force */
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 99);
	int mism = 0;
	for (int t = 0; t < 20; t++) {
		size_t na = 1 + gsl_rng_uniform_int(r, 30), nb = 1 + gsl_rng_uniform_int(r, 30);
		double xa[30], xb[30], d[900];
		for (size_t i = 0; i < na; i++)
			xa[i] = floor(gsl_ran_gaussian(r, 3) * 4) / 4;   /* ties on purpose */
		for (size_t i = 0; i < nb; i++)
			xb[i] = floor(gsl_ran_gaussian(r, 3) * 4) / 4;
		qsort(xa, na, sizeof *xa, cmp_double);
		qsort(xb, nb, sizeof *xb, cmp_double);
		size_t nd = 0;
		for (size_t i = 0; i < na; i++)
			for (size_t j = 0; j < nb; j++)
				d[nd++] = xb[j] - xa[i];
		qsort(d, nd, sizeof *d, cmp_double);
		for (size_t k = 1; k <= nd; k++)
			mism += stats_kth_difference(xa, na, xb, nb, k) != d[k - 1];
	}
	ok(mism == 0, "k-th difference = brute force over 20 random pairs of samples (%d wrong)", mism);
	gsl_rng_free(r);
	/* large: 100,000 against 100,000 processes, 10^10 differences, not formed */
	size_t big = 100000;
	double *ba = malloc(big * sizeof *ba), *bb = malloc(big * sizeof *bb);
	for (size_t i = 0; i < big; i++) {
		ba[i] = (double)i;
		bb[i] = (double)i + 0.25;
	}
	ok(stats_shift(ba, big, bb, big, 0.05, &sh, err, sizeof err) && sh.hl == 0.25 && !sh.exact,
	   "100,000 against 100,000: HL %g", sh.hl);
	free(ba);
	free(bb);

	/* per-process medians */
	double v[7] = { 5, 1, 3, 10, 20, 7, 9 };
	int pr[7] = { 0, 0, 0, 2, 2, 1, 1 };
	double out[7];
	size_t np = stats_per_process(v, pr, 7, out);
	ok(np == 3 && out[0] == 3 && out[1] == 8 && out[2] == 15, "per-process medians 3, 8, 15 "
	   "(sorted): %zu: %g %g %g", np, out[0], out[1], out[2]);

	/* bins: Freedman-Diaconis, the maximum included, a shared scale */
	double x1[8] = { 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 2.0 }, x2[4] = { 1.05, 1.25, 1.45, 2.0 };
	struct bins bn;
	stats_bins(x1, 8, x2, 4, &bn);
	unsigned total = 0;
	for (int k = 0; k < bn.n; k++)
		total += bn.count[0][k] + bn.count[1][k];
	ok(bn.n >= 1 && bn.n <= STATS_MAX_BINS && total == 12 && bn.lo == 1 && bn.hi == 2,
	   "bins: %d bins over 1 .. 2, every value counted (%u)", bn.n, total);
	double x3[200];
	for (int i = 0; i < 200; i++)
		x3[i] = i == 0 ? -100 : i == 199 ? 100 : (double)i / 200;
	stats_bins(x3, 200, NULL, 0, &bn);
	ok(bn.under[0] >= 1 && bn.over[0] >= 1 && bn.lo > -1 && bn.hi < 2,
	   "an outlier at each end is counted outside the central 98%% (%zu below, %zu above) and "
	   "does not stretch the %d bins (%.2f .. %.2f)", bn.under[0], bn.over[0], bn.n, bn.lo, bn.hi);

	/* edge cases: a message each, never a crash */
	ok(!stats_location(a, 0, &st, err, sizeof err) && strstr(err, "no samples"),
	   "empty input: %s", err);
	double one[1] = { 4.2 };
	ok(stats_location(one, 1, &st, err, sizeof err) && st.n == 1 && st.median == 4.2 &&
	   !st.have_ci && isnan(st.sd), "one value: median, no sd, no interval");
	double withnan[3] = { 1, NAN, 3 };
	ok(!stats_location(withnan, 3, &st, err, sizeof err) && strstr(err, "sample 2 is NaN"),
	   "NaN: %s", err);
	double same[6] = { 3, 3, 3, 3, 3, 3 };
	ok(stats_shift(same, 6, same, 6, 0.05, &sh, err, sizeof err) && sh.p == 1.0 && sh.hl == 0,
	   "all equal on both sides: p = 1, no shift");

	simulations();
	analysis();
	return done_testing();
}
