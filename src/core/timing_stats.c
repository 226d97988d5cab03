#include "config.h"

#include "core/timing_stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

static bool fail(char *err, size_t errlen, const char *msg)
{
	snprintf(err, errlen, "%s", msg);
	return false;
}

static bool check_input(const double *x, size_t n, char *err, size_t errlen)
{
	if (n == 0)
		return fail(err, errlen, "no samples to summarise");
	for (size_t i = 0; i < n; i++)
		if (!isfinite(x[i])) {
			snprintf(err, errlen, "sample %zu is %s: not a timing", i + 1,
			         isnan(x[i]) ? "NaN" : "infinite");
			return false;
		}
	return true;
}

static gsl_rng *new_rng(uint64_t seed)
{
	gsl_set_error_handler_off();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	if (r)
		gsl_rng_set(r, (unsigned long)seed);
	return r;
}

static void add_warning(struct dist_stats *s, const char *w)
{
	size_t len = strlen(s->warnings);
	snprintf(s->warnings + len, sizeof s->warnings - len, "%s%s", len ? "; " : "", w);
}

bool stats_compute(const double *x, size_t n, const double *baseline, uint64_t seed,
                   struct dist_stats *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->baseline_median = NAN;
	if (!check_input(x, n, err, errlen))
		return false;
	gsl_set_error_handler_off();
	double *sorted = malloc(n * sizeof *sorted), *work = malloc(n * sizeof *work);
	if (!sorted || !work) {
		free(sorted);
		free(work);
		return fail(err, errlen, "out of memory for the statistics");
	}
	memcpy(sorted, x, n * sizeof *sorted);
	gsl_sort(sorted, 1, n);
	out->n = n;
	out->mean = gsl_stats_mean(x, 1, n);
	out->sd = n > 1 ? gsl_stats_sd_m(x, 1, n, out->mean) : NAN;
	out->median = gsl_stats_median_from_sorted_data(sorted, 1, n);
	out->mad = gsl_stats_mad0(x, 1, n, work);
	out->min = sorted[0];
	out->max = sorted[n - 1];
	static const double f[6] = { 0.01, 0.05, 0.25, 0.75, 0.95, 0.99 };
	double *q[6] = { &out->p1, &out->p5, &out->p25, &out->p75, &out->p95, &out->p99 };
	for (int i = 0; i < 6; i++)
		*q[i] = gsl_stats_quantile_from_sorted_data(sorted, 1, n, f[i]);
	if (n >= 2) {
		double t = gsl_cdf_tdist_Pinv(0.975, (double)(n - 1));
		double half = t * out->sd / sqrt((double)n);
		out->mean_lo = out->mean - half;
		out->mean_hi = out->mean + half;
		gsl_rng *r = new_rng(seed);
		double *boot = malloc(STATS_BOOTSTRAP * sizeof *boot);
		if (!r || !boot) {
			gsl_rng_free(r);
			free(boot);
			free(sorted);
			free(work);
			return fail(err, errlen, "out of memory for the bootstrap");
		}
		for (int b = 0; b < STATS_BOOTSTRAP; b++) {
			gsl_ran_sample(r, work, n, (void *)x, n, sizeof(double));
			gsl_sort(work, 1, n);
			boot[b] = gsl_stats_median_from_sorted_data(work, 1, n);
		}
		gsl_sort(boot, 1, STATS_BOOTSTRAP);
		out->median_lo = gsl_stats_quantile_from_sorted_data(boot, 1, STATS_BOOTSTRAP, 0.025);
		out->median_hi = gsl_stats_quantile_from_sorted_data(boot, 1, STATS_BOOTSTRAP, 0.975);
		out->have_ci = true;
		gsl_rng_free(r);
		free(boot);
	}
	if (baseline) {
		memcpy(work, baseline, n * sizeof *work);
		if (check_input(work, n, err, errlen)) {
			gsl_sort(work, 1, n);
			out->baseline_median = gsl_stats_median_from_sorted_data(work, 1, n);
		}
		err[0] = '\0';
	}
	/* stability, in the manner of pyperf */
	char w[120];
	if (n < 10) {
		snprintf(w, sizeof w, "only %zu samples: give it more time", n);
		add_warning(out, w);
	}
	if (n > 1 && fabs(out->mean) > 0 && out->sd / fabs(out->mean) >= 0.10) {
		snprintf(w, sizeof w, "unstable: sd is %.0f%% of the mean", 100 * out->sd / fabs(out->mean));
		add_warning(out, w);
	}
	if (isfinite(out->baseline_median) && out->baseline_median > 0 && out->median > 0 &&
	    out->baseline_median > out->median) {
		snprintf(w, sizeof w, "the loop baseline (%.2f ns) is larger than the access itself",
		         out->baseline_median);
		add_warning(out, w);
	}
	if (n >= 4 && out->min > 0 && out->max >= 4 * out->min)
		add_warning(out, "the slowest sample is over 4x the fastest");
	free(sorted);
	free(work);
	return true;
}

bool stats_compare(const double *a, size_t na, const double *b, size_t nb, const char *name_a,
                   const char *name_b, const char *op, uint64_t seed, struct dist_compare *out,
                   char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (!check_input(a, na, err, errlen) || !check_input(b, nb, err, errlen))
		return false;
	if (na < 2 || nb < 2)
		return fail(err, errlen, "a comparison needs at least 2 samples on each side");
	gsl_set_error_handler_off();
	double ma = gsl_stats_mean(a, 1, na), mb = gsl_stats_mean(b, 1, nb);
	double va = gsl_stats_variance_m(a, 1, na, ma), vb = gsl_stats_variance_m(b, 1, nb, mb);
	double sa = va / (double)na, sb = vb / (double)nb;
	if (sa + sb > 0) {
		out->welch_t = (mb - ma) / sqrt(sa + sb);
		out->welch_df = (sa + sb) * (sa + sb) /
		                (sa * sa / (double)(na - 1) + sb * sb / (double)(nb - 1));
		out->welch_p = 2.0 * gsl_cdf_tdist_Q(fabs(out->welch_t), out->welch_df);
	} else {
		out->welch_t = 0;
		out->welch_df = (double)(na + nb - 2);
		out->welch_p = ma == mb ? 1.0 : 0.0;
	}
	double pooled = sqrt(((double)(na - 1) * va + (double)(nb - 1) * vb) / (double)(na + nb - 2));
	out->effect_d = pooled > 0 ? (mb - ma) / pooled : NAN;

	double *ra = malloc(na * sizeof *ra), *rb = malloc(nb * sizeof *rb);
	double *diff = malloc(STATS_BOOTSTRAP * sizeof *diff);
	gsl_rng *r = new_rng(seed);
	if (!ra || !rb || !diff || !r) {
		free(ra);
		free(rb);
		free(diff);
		gsl_rng_free(r);
		return fail(err, errlen, "out of memory for the bootstrap");
	}
	memcpy(ra, a, na * sizeof *ra);
	memcpy(rb, b, nb * sizeof *rb);
	gsl_sort(ra, 1, na);
	gsl_sort(rb, 1, nb);
	out->diff_median = gsl_stats_median_from_sorted_data(rb, 1, nb) -
	                   gsl_stats_median_from_sorted_data(ra, 1, na);
	for (int i = 0; i < STATS_BOOTSTRAP; i++) {
		gsl_ran_sample(r, ra, na, (void *)a, na, sizeof(double));
		gsl_ran_sample(r, rb, nb, (void *)b, nb, sizeof(double));
		gsl_sort(ra, 1, na);
		gsl_sort(rb, 1, nb);
		diff[i] = gsl_stats_median_from_sorted_data(rb, 1, nb) -
		          gsl_stats_median_from_sorted_data(ra, 1, na);
	}
	gsl_sort(diff, 1, STATS_BOOTSTRAP);
	out->diff_lo = gsl_stats_quantile_from_sorted_data(diff, 1, STATS_BOOTSTRAP, 0.025);
	out->diff_hi = gsl_stats_quantile_from_sorted_data(diff, 1, STATS_BOOTSTRAP, 0.975);
	free(ra);
	free(rb);
	free(diff);
	gsl_rng_free(r);

	out->significant = (out->diff_lo > 0 || out->diff_hi < 0) && out->welch_p < 0.05;
	/* the CI in the sentence's direction: "faster by" when b is faster */
	double d = out->diff_median;
	double lo = d < 0 ? -out->diff_hi : out->diff_lo, hi = d < 0 ? -out->diff_lo : out->diff_hi;
	snprintf(out->sentence, sizeof out->sentence,
	         "%s %s is %.2f ns %s than %s (95%% CI %.2f \u2026 %.2f ns, Welch p = %.2g): %s",
	         name_b, op, fabs(d), d < 0 ? "faster" : "slower", name_a, lo, hi, out->welch_p,
	         out->significant ? "a real difference" : "no significant difference");
	return true;
}
