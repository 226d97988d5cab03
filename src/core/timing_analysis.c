#include "config.h"

#include "core/timing_analysis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static unsigned analyses;

unsigned timing_analysis_count(void)
{
	return analyses;
}

void timing_settings_default(struct timing_settings *s)
{
	s->min_effect_ns = 0.1;
	s->min_effect_pct = 2;
}

/* One term: "0.1", "0.1ns" or "2%". */
static bool parse_term(const char *t, size_t len, struct timing_settings *out, bool *ns_set,
                       bool *pct_set)
{
	char buf[32];
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, t, len);
	buf[len] = '\0';
	bool pct = false;
	size_t l = strlen(buf);
	if (l > 1 && buf[l - 1] == '%') {
		pct = true;
		buf[--l] = '\0';
	} else if (l > 2 && strcmp(buf + l - 2, "ns") == 0) {
		buf[l -= 2] = '\0';
	}
	char *end;
	double v = strtod(buf, &end);
	if (end == buf || *end || !isfinite(v) || v < 0 || (pct && v > 100) || (!pct && v > 1e6))
		return false;
	if (pct) {
		if (*pct_set)
			return false;
		*pct_set = true;
		out->min_effect_pct = v;
	} else {
		if (*ns_set)
			return false;
		*ns_set = true;
		out->min_effect_ns = v;
	}
	return true;
}

bool timing_settings_parse(const char *text, struct timing_settings *out, char *err,
                           size_t errlen)
{
	struct timing_settings s = { 0, 0 };
	bool ns_set = false, pct_set = false;
	const char *p = text;
	for (int terms = 0;; terms++) {
		size_t len = strcspn(p, ",");
		if (terms == 2 || !parse_term(p, len, &s, &ns_set, &pct_set)) {
			snprintf(err, errlen, "'%s' is not a minimum effect (NS, PCT%% or NS,PCT%%, "
			         "for example 0.1,2%%)", text);
			return false;
		}
		if (!p[len])
			break;
		p += len + 1;
	}
	*out = s;
	return true;
}

bool timing_compare_pair(const struct timing_result *r, enum kind *a, enum kind *b)
{
	bool have[KIND_COUNT] = { false };
	for (int i = 0; i < r->nseries; i++)
		if (!r->series[i].name[0])
			have[r->series[i].kind] = true;
	if (r->aa) {
		for (int k = 0; k < KIND_COUNT; k++)
			if (have[k]) {
				*a = *b = (enum kind)k;
				return true;
			}
		return false;
	}
	if (have[KIND_REGULAR] && have[KIND_SLOTS]) {
		*a = KIND_REGULAR;
		*b = KIND_SLOTS;
		return true;
	}
	int n = 0;
	for (int k = 0; k < KIND_COUNT && n < 2; k++)
		if (have[k])
			*(n++ == 0 ? a : b) = (enum kind)k;
	return n == 2;
}

int timing_find_series(const struct timing_result *r, enum kind k, enum time_op op, int replica)
{
	for (int i = 0; r && i < r->nseries; i++)
		if (!r->series[i].name[0] && r->series[i].kind == k && r->series[i].op == op &&
		    r->series[i].replica == replica)
			return i;
	return -1;
}

static void add_warning(struct series_summary *s, const char *w)
{
	size_t len = strlen(s->warnings);
	snprintf(s->warnings + len, sizeof s->warnings - len, "%s%s", len ? "; " : "", w);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median_of_finite(const double *x, size_t n, size_t *count)
{
	double *t = malloc((n ? n : 1) * sizeof *t);
	size_t m = 0;
	for (size_t i = 0; t && i < n; i++)
		if (isfinite(x[i]))
			t[m++] = x[i];
	*count = m;
	double med = NAN;
	if (m) {
		qsort(t, m, sizeof *t, cmp_double);
		med = m % 2 ? t[m / 2] : (t[m / 2 - 1] + t[m / 2]) / 2;
	}
	free(t);
	return med;
}

static void summarise(const struct timing_result *r, const struct timing_series *s,
                      struct series_summary *o)
{
	memset(o, 0, sizeof *o);
	o->baseline_median = o->seed_call = o->seed_empty = NAN;
	if (s->unsupported[0]) {
		snprintf(o->err, sizeof o->err, "n/a: %s", s->unsupported);
		return;
	}
	size_t n = s->n;
	if (n == 0) {
		snprintf(o->err, sizeof o->err, "no samples");
		return;
	}
	double *pp = malloc(n * sizeof *pp), *tmp = malloc(n * sizeof *tmp);
	if (!pp || !tmp) {
		free(pp);
		free(tmp);
		snprintf(o->err, sizeof o->err, "out of memory for the statistics");
		return;
	}
	o->values = n;
	size_t np = stats_per_process(s->ns, s->proc, n, pp);
	o->processes = np;
	bool ok = np && stats_location(pp, np, &o->net, o->err, sizeof o->err);
	for (size_t k = 0; ok && k < n; k++)
		tmp[k] = timing_value_raw(s, k);
	if (ok)
		ok = stats_per_process(tmp, s->proc, n, pp) == np &&
		     stats_location(pp, np, &o->raw, o->err, sizeof o->err);
	bool all_base = true;
	for (size_t k = 0; k < n; k++)
		all_base &= isfinite(s->baseline[k]);
	if (ok && all_base && stats_per_process(s->baseline, s->proc, n, pp) == np)
		o->baseline_median = stats_quantile(pp, np, 0.5);
	if (ok) {
		memcpy(tmp, s->ns, n * sizeof *tmp);
		qsort(tmp, n, sizeof *tmp, cmp_double);
		o->p5 = stats_quantile(tmp, n, 0.05);
		o->p95 = stats_quantile(tmp, n, 0.95);
		for (size_t k = 0; r->min_ms > 0 && k < n; k++)
			if (isfinite(s->dur_ms[k]) && s->dur_ms[k] < r->min_ms)
				o->short_values++;
	}
	free(pp);
	free(tmp);
	if (!ok) {
		if (!o->err[0])
			snprintf(o->err, sizeof o->err, "out of memory for the statistics");
		return;
	}
	o->ok = true;
	size_t c1 = 0, c2 = 0;
	o->seed_call = median_of_finite(s->seed_call, s->nseed, &c1);
	o->seed_empty = median_of_finite(s->seed_empty, s->nseed, &c2);
	o->seed_n = c1;
	/* warnings that say something: none fires on a sound run */
	char w[200];
	if (np < TIMING_MIN_PROCESSES) {
		snprintf(w, sizeof w, "only %zu process%s: a verdict needs %d", np, np == 1 ? "" : "es",
		         TIMING_MIN_PROCESSES);
		add_warning(o, w);
	}
	if (o->net.median < 0 && isfinite(o->baseline_median)) {
		snprintf(w, sizeof w, "a negative median (%.2f ns): the statement took less time than "
		         "its baseline, so the access costs less than this method can resolve here; "
		         "read it as about 0", o->net.median);
		add_warning(o, w);
	}
	if (np > 1 && o->raw.mean > 0 && o->raw.sd / o->raw.mean >= 0.10) {
		snprintf(w, sizeof w, "unstable: the processes' per-statement times vary by %.0f%% "
		         "(sd/mean)", 100 * o->raw.sd / o->raw.mean);
		add_warning(o, w);
	}
	if (o->short_values) {
		snprintf(w, sizeof w, "%zu value%s lasted under %d ms", o->short_values,
		         o->short_values == 1 ? "" : "s", r->min_ms);
		add_warning(o, w);
	}
	double lo = INFINITY, hi = -INFINITY;
	for (size_t k = 0; k < n; k++) {
		double v = timing_value_raw(s, k);
		lo = fmin(lo, v);
		hi = fmax(hi, v);
	}
	if (n >= 4 && lo > 0 && hi >= 4 * lo)
		add_warning(o, "the slowest value is over 4x the fastest");
}

void timing_analyse(const struct timing_result *r, const struct timing_settings *set,
                    bool running, struct timing_analysis *out)
{
	analyses++;
	memset(out, 0, sizeof *out);
	out->r = r;
	out->generation = r ? r->generation : 0;
	out->running = running;
	if (set)
		out->set = *set;
	else
		timing_settings_default(&out->set);
	for (int o = 0; o < OP_COUNT; o++)
		out->op[o].ia = out->op[o].ib = -1;
	if (!r)
		return;
	for (int i = 0; i < r->nseries; i++)
		summarise(r, &r->series[i], &out->s[i]);
	out->aa = r->aa;
	out->pair = timing_compare_pair(r, &out->ka, &out->kb);
	if (!out->pair)
		return;
	double p[OP_COUNT];
	int which[OP_COUNT], m = 0;
	for (int o = 0; o < OP_COUNT; o++) {
		struct op_compare *c = &out->op[o];
		c->ia = timing_find_series(r, out->ka, (enum time_op)o, 0);
		c->ib = timing_find_series(r, out->kb, (enum time_op)o, r->aa ? 1 : 0);
		if (c->ia < 0 || c->ib < 0)
			continue;
		const struct timing_series *sa = &r->series[c->ia], *sb = &r->series[c->ib];
		const struct series_summary *xa = &out->s[c->ia], *xb = &out->s[c->ib];
		stats_bins(sa->ns, sa->n, sb->ns, sb->n, &c->bins);
		if (!xa->ok || !xb->ok) {
			c->verdict = VERDICT_NONE;
			continue;
		}
		c->min_effect = fmax(out->set.min_effect_ns,
		                     out->set.min_effect_pct / 100 * fabs(xa->raw.median));
		double *va = malloc(sa->n * sizeof *va), *vb = malloc(sb->n * sizeof *vb);
		size_t na = va ? stats_per_process(sa->ns, sa->proc, sa->n, va) : 0;
		size_t nb = vb ? stats_per_process(sb->ns, sb->proc, sb->n, vb) : 0;
		if (na && nb && stats_shift(va, na, vb, nb, STATS_ALPHA, &c->sh, c->err, sizeof c->err)) {
			c->computed = true;
			if (na >= TIMING_MIN_PROCESSES && nb >= TIMING_MIN_PROCESSES) {
				p[m] = c->sh.p;
				which[m++] = o;
			}
		} else if (!c->err[0]) {
			snprintf(c->err, sizeof c->err, "out of memory for the comparison");
		}
		free(va);
		free(vb);
	}
	out->ncompared = m;
	double adj[OP_COUNT];
	stats_holm(p, (size_t)m, adj);
	for (int o = 0; o < OP_COUNT; o++)
		out->op[o].p_holm = NAN;
	for (int t = 0; t < m; t++)
		out->op[which[t]].p_holm = adj[t];
	for (int o = 0; o < OP_COUNT; o++) {
		struct op_compare *c = &out->op[o];
		if (c->ia < 0 || c->ib < 0)
			continue;
		if (!c->computed) {
			c->verdict = c->err[0] ? VERDICT_ERROR : VERDICT_NONE;
			continue;
		}
		const struct shift *sh = &c->sh;
		if (running)
			c->verdict = VERDICT_COLLECTING;
		else if (sh->na < TIMING_MIN_PROCESSES || sh->nb < TIMING_MIN_PROCESSES)
			c->verdict = VERDICT_TOO_FEW;
		else if (!sh->have_ci || !(sh->lo > 0 || sh->hi < 0))
			c->verdict = VERDICT_NOT_SHOWN;
		else if (!(c->p_holm < STATS_ALPHA))
			c->verdict = m > 1 && sh->p < STATS_ALPHA ? VERDICT_HOLM : VERDICT_NOT_SHOWN;
		else if (fabs(sh->hl) < c->min_effect)
			c->verdict = VERDICT_SMALL;
		else
			c->verdict = VERDICT_REAL;
	}
}

const char *timing_verdict_name(enum verdict v)
{
	switch (v) {
	case VERDICT_COLLECTING: return "collecting";
	case VERDICT_TOO_FEW: return "too few processes";
	case VERDICT_REAL: return "real";
	case VERDICT_SMALL: return "below the minimum effect";
	case VERDICT_HOLM: return "not significant after Holm";
	case VERDICT_NOT_SHOWN: return "not significant";
	case VERDICT_ERROR: return "error";
	default: return "none";
	}
}

static const char *label(const struct timing_analysis *an, int i, char *buf, size_t n)
{
	return timing_series_label(&an->r->series[i], an->aa, buf, n);
}

const char *timing_sentence(const struct timing_analysis *an, enum time_op op, bool utf8,
                            char *buf, size_t n)
{
	buf[0] = '\0';
	if (!an->r || op >= OP_COUNT)
		return buf;
	const struct op_compare *c = &an->op[op];
	if (c->ia < 0 || c->ib < 0)
		return buf;
	char la[64], lb[64];
	label(an, c->ia, la, sizeof la);
	label(an, c->ib, lb, sizeof lb);
	const char *opn = time_op_name(op);
	const struct shift *sh = &c->sh;
	switch (c->verdict) {
	case VERDICT_NONE:
		return buf;
	case VERDICT_ERROR:
		snprintf(buf, n, "%s against %s: %s", lb, la, c->err);
		return buf;
	case VERDICT_COLLECTING:
		snprintf(buf, n, "%s %s against %s: still collecting (%zu against %zu processes so far)",
		         lb, opn, la, sh->nb, sh->na);
		return buf;
	case VERDICT_TOO_FEW:
		snprintf(buf, n, "%s %s against %s: not enough data yet (%zu against %zu processes; a "
		         "verdict needs %d each)", lb, opn, la, sh->nb, sh->na, TIMING_MIN_PROCESSES);
		return buf;
	default:
		break;
	}
	double d = sh->hl;
	bool faster = d < 0;
	double lo = faster ? -sh->hi : sh->lo, hi = faster ? -sh->lo : sh->hi;
	char holm[64] = "";
	if (an->ncompared > 1 && isfinite(c->p_holm))
		snprintf(holm, sizeof holm, ", Holm %.2g over %d operations", c->p_holm, an->ncompared);
	char verdict[120];
	switch (c->verdict) {
	case VERDICT_REAL:
		snprintf(verdict, sizeof verdict, "a real difference");
		break;
	case VERDICT_SMALL:
		snprintf(verdict, sizeof verdict, "a difference, but under the %.2f ns that counts",
		         c->min_effect);
		break;
	case VERDICT_HOLM:
		snprintf(verdict, sizeof verdict, "no significant difference once %d operations are "
		         "counted", an->ncompared);
		break;
	default:
		snprintf(verdict, sizeof verdict, "no significant difference");
	}
	snprintf(buf, n, "%s %s is %.2f ns %s than %s (95%% CI %.2f %s %.2f ns; %zu against %zu "
	         "processes; Mann-Whitney p = %.2g%s): %s", lb, opn, fabs(d), faster ? "faster" :
	         "slower", la, lo, utf8 ? "\u2026" : "..", hi, sh->nb, sh->na, sh->p, holm, verdict);
	return buf;
}

const char *timing_effect_line(const struct timing_analysis *an, enum time_op op, char *buf,
                               size_t n)
{
	buf[0] = '\0';
	if (!an->r || op >= OP_COUNT)
		return buf;
	const struct op_compare *c = &an->op[op];
	if (c->ia < 0 || c->ib < 0 || !c->computed || c->verdict == VERDICT_COLLECTING ||
	    c->verdict == VERDICT_TOO_FEW)
		return buf;
	char la[64], lb[64];
	label(an, c->ia, la, sizeof la);
	label(an, c->ib, lb, sizeof lb);
	double pf = 1 - c->sh.prob_b_greater;   /* b faster in a pair of processes */
	bool faster = c->sh.hl < 0 || (c->sh.hl == 0 && pf >= 0.5);
	snprintf(buf, n, "in %.0f%% of pairs of processes %s was %s than %s (Hodges-Lehmann "
	         "shift; the minimum meaningful effect here is %.2f ns)",
	         100 * (faster ? pf : 1 - pf), lb, faster ? "faster" : "slower", la, c->min_effect);
	return buf;
}
