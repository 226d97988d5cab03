#include "config.h"

#include "output/timing_report.h"

#include <math.h>
#include <string.h>

#include <jansson.h>

#include "core/timing_stats.h"

#define SEED 20261124u   /* fixed: the same samples give the same intervals */

bool timing_compare_pair(const struct timing_result *r, enum kind *a, enum kind *b)
{
	bool have[KIND_COUNT] = { false };
	for (int i = 0; i < r->nseries; i++)
		have[r->series[i].kind] = true;
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

static const struct timing_series *find(const struct timing_result *r, enum kind k, enum time_op op)
{
	for (int i = 0; i < r->nseries; i++)
		if (r->series[i].kind == k && r->series[i].op == op)
			return &r->series[i];
	return NULL;
}

static void write_text(FILE *o, const struct timing_result *r, unsigned attrs, bool utf8)
{
	fprintf(o, "Attribute access: CPython %s (%s), %u attributes, %d processes, %.1f s%s\n",
	        r->interp.version, r->interp.path, attrs, r->processes, r->seconds,
	        r->cancelled ? " (cancelled: the samples so far)" : "");
	fprintf(o, "Each sample is the mean over loops x 100 unrolled accesses in one process,\n"
	        "in ns per access with the loop baseline subtracted; GC off; several\n"
	        "processes, so hash seeds and memory layout vary.\n");
	enum kind ka = KIND_COUNT, kb = KIND_COUNT;
	bool pair = !r->series[0].name[0] && timing_compare_pair(r, &ka, &kb);
	const char *dots = utf8 ? "\u2026" : "..";
	for (int op = 0; op < OP_COUNT; op++) {
		bool any = false;
		for (int i = 0; i < r->nseries; i++)
			any |= r->series[i].op == (enum time_op)op;
		if (!any)
			continue;
		fprintf(o, "\n%-24s %4s %7s %15s %14s %6s %6s %6s %8s\n", time_op_name((enum time_op)op),
		        "n", "median", "95% CI median", "mean \u00b1 sd", "MAD", "p5", "p95", "baseline");
		for (int i = 0; i < r->nseries; i++) {
			const struct timing_series *s = &r->series[i];
			if (s->op != (enum time_op)op)
				continue;
			const char *label = s->name[0] ? s->name : kind_info(s->kind)->name;
			if (s->unsupported[0]) {
				fprintf(o, "  %-22s n/a: %s\n", label, s->unsupported);
				continue;
			}
			struct dist_stats st;
			char err[200];
			if (!stats_compute(s->ns, s->n, s->baseline, SEED, &st, err, sizeof err)) {
				fprintf(o, "  %-22s %s\n", label, err);
				continue;
			}
			char ci[40] = "-", msd[40];
			if (st.have_ci)
				snprintf(ci, sizeof ci, "%.2f %s %.2f", st.median_lo, dots, st.median_hi);
			if (st.n > 1)
				snprintf(msd, sizeof msd, "%.2f \u00b1 %.2f", st.mean, st.sd);
			else
				snprintf(msd, sizeof msd, "%.2f", st.mean);
			fprintf(o, "  %-22.22s %4zu %7.2f %15s %14s %6.2f %6.2f %6.2f %8.2f\n",
			        label, st.n, st.median, ci, msd, st.mad, st.p5, st.p95,
			        st.baseline_median);
			if (st.warnings[0])
				fprintf(o, "    %s %s\n", utf8 ? "\u26a0" : "!", st.warnings);
		}
		if (pair) {
			const struct timing_series *a = find(r, ka, (enum time_op)op);
			const struct timing_series *b = find(r, kb, (enum time_op)op);
			if (a && b && !a->unsupported[0] && !b->unsupported[0]) {
				struct dist_compare c;
				char err[200];
				if (stats_compare(a->ns, a->n, b->ns, b->n, kind_info(ka)->name,
				                  kind_info(kb)->name, time_op_name((enum time_op)op), SEED, &c,
				                  err, sizeof err))
					fprintf(o, "  %s %s (effect size d = %.2f)\n", utf8 ? "\u2192" : "->",
					        c.sentence, c.effect_d);
				else
					fprintf(o, "  comparison: %s\n", err);
			}
		}
	}
	bool seed = false;
	for (int i = 0; i < r->nseries; i++)
		seed |= r->series[i].has_seed;
	if (seed) {
		fprintf(o, "\nThe seed paper's harness (a zero-argument closure, 100 warm-up calls,\n"
		        "5 x 10,000 calls, median): it times the call more than the access.\n");
		for (int i = 0; i < r->nseries; i++) {
			const struct timing_series *s = &r->series[i];
			if (!s->has_seed)
				continue;
			struct dist_stats st;
			char err[200];
			bool ok = stats_compute(s->ns, s->n, NULL, SEED, &st, err, sizeof err);
			fprintf(o, "  %-22s %-6s seed harness %6.2f ns per call   ours %6.2f ns per access\n",
			        kind_info(s->kind)->name, time_op_name(s->op), s->seed_median,
			        ok ? st.median : NAN);
		}
	}
}

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *stats_json(const struct dist_stats *st)
{
	json_t *j = json_object();
	json_object_set_new(j, "n", json_integer((json_int_t)st->n));
	json_object_set_new(j, "mean", num(st->mean));
	json_object_set_new(j, "sd", num(st->sd));
	json_object_set_new(j, "median", num(st->median));
	json_object_set_new(j, "mad", num(st->mad));
	json_object_set_new(j, "min", num(st->min));
	json_object_set_new(j, "max", num(st->max));
	json_t *pc = json_object();
	json_object_set_new(pc, "1", num(st->p1));
	json_object_set_new(pc, "5", num(st->p5));
	json_object_set_new(pc, "25", num(st->p25));
	json_object_set_new(pc, "75", num(st->p75));
	json_object_set_new(pc, "95", num(st->p95));
	json_object_set_new(pc, "99", num(st->p99));
	json_object_set_new(j, "percentiles", pc);
	json_object_set_new(j, "median_ci95", st->have_ci ? json_pack("[o,o]", num(st->median_lo),
	                                                              num(st->median_hi)) : json_null());
	json_object_set_new(j, "mean_ci95", st->have_ci ? json_pack("[o,o]", num(st->mean_lo),
	                                                            num(st->mean_hi)) : json_null());
	json_object_set_new(j, "baseline_median", num(st->baseline_median));
	json_object_set_new(j, "warnings", json_string(st->warnings));
	return j;
}

static int write_json(FILE *o, const struct timing_result *r, unsigned attrs)
{
	json_t *root = json_object();
	json_object_set_new(root, "slotexplore_timing", json_integer(1));
	json_t *in = json_object();
	json_object_set_new(in, "path", json_string(r->interp.path));
	json_object_set_new(in, "version", json_string(r->interp.version));
	json_object_set_new(in, "abi", json_string(r->interp.abi < ABI_COUNT ? abi_name(r->interp.abi) : "?"));
	json_object_set_new(root, "interpreter", in);
	json_object_set_new(root, "attrs", json_integer(attrs));
	json_object_set_new(root, "processes", json_integer(r->processes));
	json_object_set_new(root, "seconds", num(r->seconds));
	json_object_set_new(root, "cancelled", json_boolean(r->cancelled));
	json_object_set_new(root, "unit", json_string("ns per access, loop baseline subtracted"));
	json_t *series = json_array();
	for (int i = 0; i < r->nseries; i++) {
		const struct timing_series *s = &r->series[i];
		json_t *j = json_object();
		json_object_set_new(j, "kind", json_string(kind_info(s->kind)->name));
		json_object_set_new(j, "op", json_string(time_op_name(s->op)));
		if (s->unsupported[0]) {
			json_object_set_new(j, "unsupported", json_string(s->unsupported));
			json_array_append_new(series, j);
			continue;
		}
		json_object_set_new(j, "loops", json_integer((json_int_t)s->loops));
		json_object_set_new(j, "unroll", json_integer(s->unroll));
		json_t *x = json_array(), *b = json_array();
		for (size_t k = 0; k < s->n; k++) {
			json_array_append_new(x, num(s->ns[k]));
			json_array_append_new(b, num(s->baseline[k]));
		}
		json_object_set_new(j, "samples", x);
		json_object_set_new(j, "baselines", b);
		struct dist_stats st;
		char err[200];
		if (stats_compute(s->ns, s->n, s->baseline, SEED, &st, err, sizeof err))
			json_object_set_new(j, "stats", stats_json(&st));
		else
			json_object_set_new(j, "stats_error", json_string(err));
		if (s->has_seed)
			json_object_set_new(j, "seed_harness", json_pack("{s:o,s:[o,o,o,o,o]}", "median_ns",
			        num(s->seed_median), "reps_ns", num(s->seed_reps[0]), num(s->seed_reps[1]),
			        num(s->seed_reps[2]), num(s->seed_reps[3]), num(s->seed_reps[4])));
		json_array_append_new(series, j);
	}
	json_object_set_new(root, "series", series);
	json_t *cmp = json_array();
	enum kind ka, kb;
	if (timing_compare_pair(r, &ka, &kb))
		for (int op = 0; op < OP_COUNT; op++) {
			const struct timing_series *a = find(r, ka, (enum time_op)op);
			const struct timing_series *b = find(r, kb, (enum time_op)op);
			struct dist_compare c;
			char err[200];
			if (!a || !b || a->unsupported[0] || b->unsupported[0] ||
			    !stats_compare(a->ns, a->n, b->ns, b->n, kind_info(ka)->name,
			                   kind_info(kb)->name, time_op_name((enum time_op)op), SEED, &c,
			                   err, sizeof err))
				continue;
			json_array_append_new(cmp, json_pack("{s:s,s:s,s:s,s:o,s:[o,o],s:o,s:o,s:o,s:o,s:b,s:s}",
			        "op", time_op_name((enum time_op)op), "a", kind_info(ka)->name, "b",
			        kind_info(kb)->name, "diff_median_ns", num(c.diff_median), "diff_ci95",
			        num(c.diff_lo), num(c.diff_hi), "welch_t", num(c.welch_t), "welch_df",
			        num(c.welch_df), "welch_p", num(c.welch_p), "effect_d", num(c.effect_d),
			        "significant", c.significant, "sentence", c.sentence));
		}
	json_object_set_new(root, "comparisons", cmp);
	int rc = json_dumpf(root, o, JSON_INDENT(1) | JSON_REAL_PRECISION(8));
	fputc('\n', o);
	json_decref(root);
	return rc;
}

static void write_csv(FILE *o, const struct timing_result *r, unsigned attrs)
{
	fprintf(o, "python_version,attrs,kind,op,sample,ns,baseline_ns,loops,unroll\n");
	for (int i = 0; i < r->nseries; i++) {
		const struct timing_series *s = &r->series[i];
		for (size_t k = 0; k < s->n; k++)
			fprintf(o, "%s,%u,%s,%s,%zu,%.4f,%.4f,%lu,%u\n", r->interp.version, attrs,
			        kind_info(s->kind)->name, time_op_name(s->op), k, s->ns[k], s->baseline[k],
			        s->loops, s->unroll);
	}
}

int timing_report_write(FILE *out, const struct timing_result *r, unsigned attrs,
                        enum report_format f, bool utf8)
{
	int rc = 0;
	if (f == FORMAT_JSON)
		rc = write_json(out, r, attrs);
	else if (f == FORMAT_CSV)
		write_csv(out, r, attrs);
	else if (f == FORMAT_MARKDOWN)
		rc = timing_report_markdown(out, r, attrs, 1);
	else
		write_text(out, r, attrs, utf8);
	return rc == 0 && !ferror(out) ? 0 : -1;
}

/* Text histograms of the compared pair, one per operation, 12 shared bins. */
static void text_histograms(FILE *o, const struct timing_result *r)
{
	enum kind ka, kb;
	if (!timing_compare_pair(r, &ka, &kb))
		return;
	for (int op = 0; op < OP_COUNT; op++) {
		const struct timing_series *sa = find(r, ka, (enum time_op)op);
		const struct timing_series *sb = find(r, kb, (enum time_op)op);
		if (!sa || !sb || !sa->n || !sb->n)
			continue;
		double lo = INFINITY, hi = -INFINITY;
		const struct timing_series *both[2] = { sa, sb };
		for (int i = 0; i < 2; i++)
			for (size_t k = 0; k < both[i]->n; k++) {
				lo = fmin(lo, both[i]->ns[k]);
				hi = fmax(hi, both[i]->ns[k]);
			}
		if (!(hi > lo))
			hi = lo + 1;
		enum { BINS = 12 };
		unsigned count[2][BINS] = { { 0 } }, most = 1;
		for (int i = 0; i < 2; i++)
			for (size_t k = 0; k < both[i]->n; k++) {
				int b = (int)((both[i]->ns[k] - lo) / (hi - lo) * BINS);
				b = b < 0 ? 0 : b >= BINS ? BINS - 1 : b;
				if (++count[i][b] > most)
					most = count[i][b];
			}
		fprintf(o, "\n%s, ns per access: %s (#) and %s (=)\n", time_op_name((enum time_op)op),
		        kind_info(ka)->name, kind_info(kb)->name);
		for (int b = 0; b < BINS; b++) {
			double from = lo + (hi - lo) * b / BINS, to = lo + (hi - lo) * (b + 1) / BINS;
			fprintf(o, "  %7.2f-%-7.2f |", from, to);
			for (int i = 0; i < 2; i++) {
				int len = (int)(24.0 * count[i][b] / most + 0.5);
				for (int c = 0; c < 24; c++)
					fputc(c < len ? (i ? '=' : '#') : ' ', o);
				fputc(i ? '\n' : '|', o);
			}
		}
	}
}

int timing_report_markdown(FILE *out, const struct timing_result *r, unsigned attrs, int level)
{
	fprintf(out, "%s%.*s Attribute access timing\n\n```\n", level > 1 ? "\n" : "",
	        level < 1 ? 1 : level > 6 ? 6 : level, "######");
	write_text(out, r, attrs, false);
	text_histograms(out, r);
	fprintf(out, "```\n");
	return ferror(out) ? -1 : 0;
}
