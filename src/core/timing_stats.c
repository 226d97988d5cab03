#include "config.h"

#include "core/timing_stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
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

double stats_quantile(const double *sorted, size_t n, double f)
{
	return n ? gsl_stats_quantile_from_sorted_data(sorted, 1, n, f) : NAN;
}

struct keyed {
	int proc;
	double x;
};

static int by_proc_then_x(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	if (a->proc != b->proc)
		return a->proc < b->proc ? -1 : 1;
	return a->x < b->x ? -1 : a->x > b->x ? 1 : 0;
}

size_t stats_per_process(const double *x, const int *proc, size_t n, double *out)
{
	if (n == 0)
		return 0;
	struct keyed *k = malloc(n * sizeof *k);
	if (!k)
		return 0;
	for (size_t i = 0; i < n; i++)
		k[i] = (struct keyed){ proc ? proc[i] : (int)i, x[i] };
	qsort(k, n, sizeof *k, by_proc_then_x);
	size_t m = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && k[j].proc == k[i].proc)
			j++;
		size_t len = j - i, mid = i + len / 2;
		out[m++] = len % 2 ? k[mid].x : (k[mid - 1].x + k[mid].x) / 2;
		i = j;
	}
	free(k);
	gsl_sort(out, 1, m);
	return m;
}

bool stats_location(const double *x, size_t n, struct location *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->sd = out->lo = out->hi = NAN;
	if (!check_input(x, n, err, errlen))
		return false;
	gsl_set_error_handler_off();
	double *s = malloc(n * sizeof *s), *work = malloc(n * sizeof *work);
	if (!s || !work) {
		free(s);
		free(work);
		return fail(err, errlen, "out of memory for the statistics");
	}
	memcpy(s, x, n * sizeof *s);
	gsl_sort(s, 1, n);
	out->n = n;
	out->median = gsl_stats_median_from_sorted_data(s, 1, n);
	out->mean = gsl_stats_mean(s, 1, n);
	out->sd = n > 1 ? gsl_stats_sd_m(s, 1, n, out->mean) : NAN;
	out->mad = gsl_stats_mad0(s, 1, n, work);
	out->min = s[0];
	out->max = s[n - 1];
	/* the largest k with P(B <= k-1) <= alpha/2, B ~ Binomial(n, 1/2):
	 * then [x(k), x(n-k+1)] covers the median with probability >= 95% */
	size_t k = 0;
	if (n <= 1000) {
		while (k + 1 <= n / 2 && gsl_cdf_binomial_P((unsigned)k, 0.5, (unsigned)n) <= STATS_ALPHA / 2)
			k++;
		if (k >= 1)
			out->level = 1 - 2 * (k >= 1 ? gsl_cdf_binomial_P((unsigned)(k - 1), 0.5, (unsigned)n) : 0);
	} else {
		double z = gsl_cdf_ugaussian_Pinv(1 - STATS_ALPHA / 2);
		k = (size_t)floor(n / 2.0 - z * sqrt((double)n) / 2);
		out->level = 1 - STATS_ALPHA;
	}
	if (k >= 1) {
		out->have_ci = true;
		out->lo = s[k - 1];
		out->hi = s[n - k];
	}
	free(s);
	free(work);
	return true;
}

/* #{(i, j): b_j - a_i <= d}, both sorted ascending */
static uint64_t count_le(const double *a, size_t na, const double *b, size_t nb, double d)
{
	uint64_t c = 0;
	size_t p = 0;   /* a[0..p) < b_j - d: those differences exceed d */
	for (size_t j = 0; j < nb; j++) {
		double t = b[j] - d;
		while (p < na && a[p] < t)
			p++;
		c += na - p;
	}
	return c;
}

/* The smallest difference b_j - a_i above lo, +inf if none. */
static double smallest_above(const double *a, size_t na, const double *b, size_t nb, double lo)
{
	double best = INFINITY;
	size_t q = 0;   /* a[0..q) < b_j - lo */
	for (size_t j = 0; j < nb; j++) {
		double t = b[j] - lo;
		while (q < na && a[q] < t)
			q++;
		if (q > 0) {
			double d = b[j] - a[q - 1];
			if (d > lo && d < best)
				best = d;
		}
	}
	return best;
}

double stats_kth_difference(const double *a, size_t na, const double *b, size_t nb, uint64_t k)
{
	if (!na || !nb)
		return NAN;
	uint64_t total = (uint64_t)na * nb;
	if (k < 1)
		k = 1;
	if (k > total)
		k = total;
	double lo = b[0] - a[na - 1], hi = b[nb - 1] - a[0];
	if (count_le(a, na, b, nb, lo) >= k)
		return lo;   /* the smallest difference */
	/* count(lo) < k <= count(hi): the answer is in (lo, hi] */
	for (;;) {
		double c = smallest_above(a, na, b, nb, lo);
		if (!(c <= hi) || count_le(a, na, b, nb, c) >= k)
			return c <= hi ? c : hi;
		lo = c;   /* still count(lo) < k */
		double mid = lo + (hi - lo) / 2;
		if (mid > lo && mid < hi) {
			if (count_le(a, na, b, nb, mid) >= k)
				hi = mid;
			else
				lo = mid;
		}
	}
}

/* The exact null distribution is used up to this many pairs (50 x 50). */
#define EXACT_MAX_PAIRS 2500

/* P(U <= u) for u = 0 .. m n under the null without ties, by the
 * recurrence on the largest value: it belongs to a (probability m/(m+n),
 * U unchanged) or to b (n/(m+n), U grows by m). Only sums of positive
 * terms. NULL when out of memory. */
static double *mw_cdf(size_t m, size_t n)
{
	size_t len = m * n + 1;
	double *prev = calloc((n + 1) * len, sizeof *prev);
	double *cur = calloc((n + 1) * len, sizeof *cur);
	double *cdf = malloc(len * sizeof *cdf);
	if (!prev || !cur || !cdf) {
		free(prev);
		free(cur);
		free(cdf);
		return NULL;
	}
	for (size_t nn = 0; nn <= n; nn++)
		prev[nn * len] = 1;   /* m = 0: U = 0 */
	for (size_t mm = 1; mm <= m; mm++) {
		memset(cur, 0, (n + 1) * len * sizeof *cur);
		cur[0] = 1;           /* n = 0: U = 0 */
		for (size_t nn = 1; nn <= n; nn++) {
			double pa = (double)mm / (double)(mm + nn), pb = 1 - pa;
			double *out = cur + nn * len;
			const double *from_a = prev + nn * len, *from_b = cur + (nn - 1) * len;
			for (size_t u = 0; u <= mm * nn; u++) {
				double v = 0;
				if (u <= (mm - 1) * nn)
					v += pa * from_a[u];
				if (u >= mm && u - mm <= mm * (nn - 1))
					v += pb * from_b[u - mm];
				out[u] = v;
			}
		}
		double *t = prev;
		prev = cur;
		cur = t;
	}
	const double *pm = prev + n * len;
	double acc = 0;
	for (size_t u = 0; u < len; u++) {
		acc += pm[u];
		cdf[u] = acc;
	}
	free(prev);
	free(cur);
	return cdf;
}

bool stats_shift(const double *a0, size_t na, const double *b0, size_t nb, double alpha,
                 struct shift *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->hl = out->lo = out->hi = out->p = NAN;
	if (!check_input(a0, na, err, errlen) || !check_input(b0, nb, err, errlen))
		return false;
	gsl_set_error_handler_off();
	double *a = malloc(na * sizeof *a), *b = malloc(nb * sizeof *b);
	if (!a || !b) {
		free(a);
		free(b);
		return fail(err, errlen, "out of memory for the comparison");
	}
	memcpy(a, a0, na * sizeof *a);
	memcpy(b, b0, nb * sizeof *b);
	gsl_sort(a, 1, na);
	gsl_sort(b, 1, nb);
	out->na = na;
	out->nb = nb;
	uint64_t N = (uint64_t)na * nb;
	/* U from the merged order, ties handled by counting equal values */
	uint64_t less = 0, equal = 0;   /* pairs with b_j > a_i, b_j == a_i */
	size_t lo_i = 0, hi_i = 0;
	for (size_t j = 0; j < nb; j++) {
		while (lo_i < na && a[lo_i] < b[j])
			lo_i++;
		if (hi_i < lo_i)
			hi_i = lo_i;
		while (hi_i < na && a[hi_i] <= b[j])
			hi_i++;
		less += lo_i;
		equal += hi_i - lo_i;
	}
	out->u = (double)less + (double)equal / 2;
	out->prob_b_greater = out->u / (double)N;
	/* ties anywhere in the pooled values, for the variance */
	double tie_sum = 0;
	bool ties = false;
	{
		size_t i = 0, j = 0;
		while (i < na || j < nb) {
			double v = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
			size_t t = 0;
			while (i < na && a[i] == v)
				i++, t++;
			while (j < nb && b[j] == v)
				j++, t++;
			if (t > 1) {
				ties = true;
				tie_sum += (double)t * t * t - (double)t;
			}
		}
	}
	/* the HL estimate: the median of the differences */
	out->hl = N % 2 ? stats_kth_difference(a, na, b, nb, (N + 1) / 2)
	                : (stats_kth_difference(a, na, b, nb, N / 2) +
	                   stats_kth_difference(a, na, b, nb, N / 2 + 1)) / 2;
	/* the critical count k: reject when U <= k - 1 or U >= N - k + 1, and
	 * the interval is [D(k), D(N-k+1)] */
	uint64_t k = 0;
	double *cdf = NULL;
	if (!ties && N <= EXACT_MAX_PAIRS && (cdf = mw_cdf(na, nb)) != NULL) {
		out->exact = true;
		while (k <= N / 2 && cdf[k] <= alpha / 2)
			k++;
		double u_low = fmin(out->u, (double)N - out->u);   /* an integer without ties */
		out->p = fmin(1.0, 2 * cdf[(size_t)u_low]);
		free(cdf);
	} else {
		double total = (double)(na + nb);
		double mu = (double)N / 2;
		double var = (double)N / 12 * ((total + 1) - tie_sum / (total * (total - 1)));
		double sigma = var > 0 ? sqrt(var) : 0;
		double dev = fabs(out->u - mu) - 0.5;
		out->p = sigma > 0 && dev > 0 ? fmin(1.0, 2 * gsl_cdf_ugaussian_Q(dev / sigma)) : 1.0;
		double z = gsl_cdf_ugaussian_Pinv(1 - alpha / 2);
		double c = floor(mu + 0.5 - z * sigma);
		k = c >= 1 ? (uint64_t)c : 0;
	}
	if (k >= 1 && k <= N - k + 1) {
		out->have_ci = true;
		out->lo = stats_kth_difference(a, na, b, nb, k);
		out->hi = stats_kth_difference(a, na, b, nb, N - k + 1);
	}
	free(a);
	free(b);
	return true;
}

void stats_holm(const double *p, size_t m, double *adj)
{
	size_t *idx = malloc(m * sizeof *idx);
	double *tmp = malloc(m * sizeof *tmp);
	if (!idx || !tmp) {   /* Bonferroni, which Holm never exceeds */
		for (size_t i = 0; i < m; i++)
			adj[i] = fmin(1.0, p[i] * (double)m);
		free(idx);
		free(tmp);
		return;
	}
	gsl_sort_index(idx, p, 1, m);
	double run = 0;
	for (size_t r = 0; r < m; r++) {
		double v = fmin(1.0, (double)(m - r) * p[idx[r]]);
		if (v > run)
			run = v;
		tmp[idx[r]] = run;
	}
	memcpy(adj, tmp, m * sizeof *adj);
	free(idx);
	free(tmp);
}

void stats_bins(const double *x0, size_t n0, const double *x1, size_t n1, struct bins *out)
{
	memset(out, 0, sizeof *out);
	size_t n = n0 + n1;
	out->n = 1;
	if (n == 0) {
		out->lo = 0;
		out->hi = out->width = 1;
		return;
	}
	double *s = malloc(n * sizeof *s);
	if (!s) {
		out->lo = 0;
		out->hi = out->width = 1;
		return;
	}
	if (n0) /* x0 may be NULL when empty: memcpy's source must not be */
		memcpy(s, x0, n0 * sizeof *s);
	if (n1)
		memcpy(s + n0, x1, n1 * sizeof *s);
	gsl_sort(s, 1, n);
	/* the central 98%: below 100 values the 1% tails are under one value */
	double lo = n >= 100 ? stats_quantile(s, n, 0.01) : s[0];
	double hi = n >= 100 ? stats_quantile(s, n, 0.99) : s[n - 1];
	double iqr = stats_quantile(s, n, 0.75) - stats_quantile(s, n, 0.25);
	free(s);
	int nb = 1;
	if (hi > lo) {
		double h = 2 * iqr / cbrt((double)n);
		nb = h > 0 ? (int)ceil((hi - lo) / h) : STATS_MAX_BINS;
		if (nb < 1)
			nb = 1;
		if (nb > STATS_MAX_BINS)
			nb = STATS_MAX_BINS;
	} else {   /* every value the same: one bin around it */
		lo -= 0.5;
		hi += 0.5;
	}
	out->n = nb;
	out->lo = lo;
	out->hi = hi;
	out->width = (hi - lo) / nb;
	const double *xs[2] = { x0, x1 };
	size_t ns[2] = { n0, n1 };
	for (int side = 0; side < 2; side++)
		for (size_t i = 0; i < ns[side]; i++) {
			double v = xs[side][i];
			if (v < lo) {
				out->under[side]++;
				continue;
			}
			if (v > hi) {
				out->over[side]++;
				continue;
			}
			int b = (int)((v - lo) / out->width);
			if (b >= nb)
				b = nb - 1;   /* the top edge belongs to the last bin */
			if (b < 0)
				b = 0;
			if (++out->count[side][b] > out->max_count)
				out->max_count = out->count[side][b];
		}
}
