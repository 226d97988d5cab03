#include "config.h"

#include "output/timing_report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <zlib.h>

#include "core/atomic_file.h"
#include "output/wrap.h"

/* Right-aligns s in `width` columns (an ellipsis is one column, 3 bytes). */
static void pad(FILE *o, const char *s, int width)
{
	int cols = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		cols += (*p & 0xC0) != 0x80;
	fprintf(o, "%*s%s", width > cols ? width - cols : 0, "", s);
}

static void fmt_num(char *buf, size_t n, double v)
{
	if (isfinite(v))
		snprintf(buf, n, "%.2f", v);
	else
		snprintf(buf, n, "-");
}

static void fmt_ci(char *buf, size_t n, const struct location *l, const char *dots)
{
	if (l->have_ci)
		snprintf(buf, n, "%.2f %s %.2f", l->lo, dots, l->hi);
	else
		snprintf(buf, n, "-");
}

static void header(FILE *o, const struct timing_result *r, unsigned attrs, bool utf8)
{
	if (r->pyperf) {
		fprintf(o, "Timing results of pyperf: Python %s (%s)\n", r->interp.version, r->interp.path);
		write_wrapped(o, "Method: pyperf's, not slotexplore's. Each value is what pyperf stored: "
		              "the time per loop iteration, with its own loops and inner loops; no "
		              "baseline is subtracted and slotexplore unrolled nothing. A run with "
		              "values is one process (calibration runs are not counted), and each "
		              "process counts once: the median of its values.", 0, 78);
		return;
	}
	fprintf(o, "Attribute access: CPython %s (%s), %u attributes\n", r->interp.version,
	        r->interp.path, attrs);
	char budget[80] = "";
	if (r->budget_s > 0)
		snprintf(budget, sizeof budget, " of a %.0f s budget (%.0f%%)", r->budget_s,
		         100 * r->seconds / r->budget_s);
	fprintf(o, "%d process%s, %d values each, %.1f s%s%s\n", r->processes,
	        r->processes == 1 ? "" : "es",
	        r->values_per_process ? r->values_per_process : 3, r->seconds, budget,
	        r->cancelled ? "; cancelled: the samples so far"
	                     : r->budget_stop ? "; stopped at the time limit: the samples so far" : "");
	char text[1200], seed[48] = " (seed not recorded)";
	if (r->seed)
		snprintf(seed, sizeof seed, " (seed %llu)", (unsigned long long)r->seed);
	snprintf(text, sizeof text, "Method: each value is one loop, calibrated in its own process "
	         "to last at least %d ms, of 100 unrolled statements; the net time is the statement "
	         "minus its baseline (the same loads and reference counting without the access), in "
	         "ns per access. Each process counts once, as the median of its values: intervals "
	         "and tests are over processes. The order of the series, and of each statement "
	         "against its baseline, is random in every process%s. GC off while timing.",
	         r->min_ms ? r->min_ms : 10, seed);
	write_wrapped(o, text, 0, 78);
	const struct timing_conditions *c = &r->cond;
	if (c->cpus <= 0 && !c->flags[0] && !isfinite(c->load_start[0])) {
		fprintf(o, "Conditions: not recorded (a file of an older slotexplore).\n");
		return;
	}
	char load[80] = "load average unknown";
	if (isfinite(c->load_start[0]))
		snprintf(load, sizeof load, "load average %.2f at the start, %.2f at the end",
		         c->load_start[0], c->load_end[0]);
	char flags[240] = "unknown";
	if (c->flags[0]) {   /* "a=1,b=1" as "a=1, b=1", so that it wraps */
		size_t j = 0;
		for (size_t i = 0; c->flags[i] && j + 3 < sizeof flags; i++) {
			flags[j++] = c->flags[i];
			if (c->flags[i] == ',')
				flags[j++] = ' ';
		}
		flags[j] = '\0';
	}
	snprintf(text, sizeof text, "Conditions: %s; %d CPUs%s%s; governor %s; interpreter flags "
	         "%s; %s.", load, c->cpus, c->cpu_model[0] ? ", " : "", c->cpu_model,
	         c->governor[0] ? c->governor : "not readable", flags,
	         c->build[0] ? c->build : "build unknown");
	write_wrapped(o, text, 0, 78);
	/* more runnable tasks than CPUs (this run's one worker included): the
	 * intervals cover this moment's conditions, not another run's */
	double busiest = fmax(isfinite(c->load_start[0]) ? c->load_start[0] : 0,
	                      isfinite(c->load_end[0]) ? c->load_end[0] : 0);
	if (c->cpus > 0 && busiest > c->cpus) {
		snprintf(text, sizeof text, "%s A busy machine: load %.1f on %d CPUs. The intervals "
		         "below hold this run's conditions; a run at a quieter or busier moment may "
		         "land outside them.", utf8 ? "\u26a0" : "!", busiest, c->cpus);
		write_wrapped(o, text, 0, 78);
	}
	if (r->aa)
		write_wrapped(o, "A/A test: one kind timed as two independent, interleaved series of "
		              "the same statement (A and B). Any \"real difference\" below is a false "
		              "alarm: it shows this machine's noise floor.", 0, 78);
}

static void series_row(FILE *o, const struct timing_result *r, const struct timing_analysis *an,
                       int i, const char *dots, bool utf8)
{
	const struct timing_series *s = &r->series[i];
	const struct series_summary *x = &an->s[i];
	char label[64];
	timing_series_label(s, r->aa, label, sizeof label);
	if (!x->ok) {
		fprintf(o, "  %-22.22s %s\n", label, x->err);
		return;
	}
	char med[24], ci[48], raw[24], base[24], mad[24];
	fmt_num(med, sizeof med, x->net.median);
	fmt_ci(ci, sizeof ci, &x->net, dots);
	fmt_num(raw, sizeof raw, x->raw.median);
	fmt_num(base, sizeof base, x->baseline_median);
	fmt_num(mad, sizeof mad, x->net.mad);
	fprintf(o, "  %-22.22s %5zu %6zu ", label, x->processes, x->values);
	pad(o, med, 7);
	fputc(' ', o);
	pad(o, ci, 16);
	fputc(' ', o);
	if (r->pyperf) {
		pad(o, mad, 7);
		fprintf(o, "  %-7s %llu x %u\n", s->unit, (unsigned long long)(s->n ? s->loops[0] : 0),
		        s->unroll);
	} else {
		pad(o, raw, 8);
		fputc(' ', o);
		pad(o, base, 8);
		fputc(' ', o);
		pad(o, mad, 6);
		fputc('\n', o);
	}
	if (x->warnings[0]) {
		char text[600];
		snprintf(text, sizeof text, "%s %s", utf8 ? "\u26a0" : "!", x->warnings);
		write_wrapped(o, text, 4, 78);
	}
}

/* A finished run too short for any verdict: how long a budget would have
 * held 10 processes a side, at this run's own pace. */
static void budget_hint(FILE *o, const struct timing_result *r, const struct timing_analysis *an)
{
	bool too_few = false;
	for (int op = 0; op < OP_COUNT; op++)
		too_few |= an->op[op].verdict == VERDICT_TOO_FEW;
	if (!too_few || r->pyperf || r->cancelled || r->processes < 1 || !(r->seconds > 0))
		return;
	double each = r->seconds / r->processes;
	int want = TIMING_MIN_PROCESSES + 1;   /* one spare: a process may be cut at the end */
	char text[400];
	snprintf(text, sizeof text, "A verdict needs %d processes a side; this run fitted %d in "
	         "%.1f s (%.1f s each). --measure-time %.0f should hold %d, or time fewer "
	         "operations (--op).", TIMING_MIN_PROCESSES, r->processes, r->seconds, each,
	         ceil(each * want), want);
	fputc('\n', o);
	write_wrapped(o, text, 0, 78);
}

static void write_text(FILE *o, const struct timing_result *r, unsigned attrs, bool utf8,
                       const struct timing_analysis *an)
{
	header(o, r, attrs, utf8);
	const char *dots = utf8 ? "\u2026" : "..";
	if (r->pyperf) {
		fprintf(o, "\n  %-22s %5s %6s %7s %16s %7s  %-7s %s\n", "benchmark", "procs", "values",
		        "median", "95% CI median", "MAD", "unit", "loops x inner");
		for (int i = 0; i < r->nseries; i++)
			series_row(o, r, an, i, dots, utf8);
		return;
	}
	for (int op = 0; op < OP_COUNT; op++) {
		int first = -1;
		for (int i = 0; i < r->nseries && first < 0; i++)
			if (r->series[i].op == (enum time_op)op && !r->series[i].name[0])
				first = i;
		if (first < 0)
			continue;
		const struct timing_series *f = &r->series[first];
		fprintf(o, "\n%s", time_op_name((enum time_op)op));
		for (int i = 0; i < r->nseries; i++)
			if (r->series[i].op == (enum time_op)op && r->series[i].statement[0]) {
				fprintf(o, ": \"%s\" against \"%s\"", r->series[i].statement,
				        r->series[i].base_statement);
				break;
			}
		(void)f;
		fprintf(o, "\n  %-22s %5s %6s %7s %16s %8s %8s %6s\n", "kind", "procs", "values",
		        "median", "95% CI median", "per stmt", "baseline", "MAD");
		for (int i = 0; i < r->nseries; i++)
			if (r->series[i].op == (enum time_op)op && !r->series[i].name[0])
				series_row(o, r, an, i, dots, utf8);
		char line[600];
		if (timing_sentence(an, (enum time_op)op, utf8, line, sizeof line)[0]) {
			char text[700];
			snprintf(text, sizeof text, "%s %s", utf8 ? "\u2192" : "->", line);
			write_wrapped(o, text, 2, 78);
			if (timing_effect_line(an, (enum time_op)op, line, sizeof line)[0])
				write_wrapped(o, line, 5, 78);
		}
	}
	budget_hint(o, r, an);
	fprintf(o, "\nmedian: of the processes' medians, net ns per access; per stmt: the same "
	        "without\nthe baseline subtracted (what timeit and pyperf report); MAD of the "
	        "processes.\n");
	bool seed = false;
	for (int i = 0; i < r->nseries; i++)
		seed |= an->s[i].seed_n > 0;
	if (!seed)
		return;
	fprintf(o, "\n");
	write_wrapped(o, "The seed paper's harness (a zero-argument closure, 100 warm-up calls, "
	              "5 x 10,000 calls, median), run in every process beside its own baseline: the "
	              "same closure without the access (\"return o\"), which is the call itself.",
	              0, 78);
	for (int i = 0; i < r->nseries; i++) {
		const struct series_summary *x = &an->s[i];
		if (!x->seed_n)
			continue;
		char label[64], text[600];
		timing_series_label(&r->series[i], r->aa, label, sizeof label);
		if (isfinite(x->seed_empty))
			snprintf(text, sizeof text, "%s %s: of %.1f ns per call, %.1f ns is the call itself; "
			         "the access is the other %.1f ns, against %.2f ns net by the method above "
			         "(%zu process%s)", label, time_op_name(r->series[i].op), x->seed_call,
			         x->seed_empty, x->seed_call - x->seed_empty, x->net.median, x->seed_n,
			         x->seed_n == 1 ? "" : "es");
		else
			snprintf(text, sizeof text, "%s %s: seed harness %.2f ns per call (no baseline in "
			         "this file), against %.2f ns net by the method above", label,
			         time_op_name(r->series[i].op), x->seed_call, x->net.median);
		write_wrapped(o, text, 2, 78);
	}
}

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *pair(const struct location *l)
{
	return l->have_ci ? json_pack("[o,o]", num(l->lo), num(l->hi)) : json_null();
}

static json_t *stats_json(const struct series_summary *x)
{
	json_t *j = json_object();
	json_object_set_new(j, "processes", json_integer((json_int_t)x->processes));
	json_object_set_new(j, "values", json_integer((json_int_t)x->values));
	json_object_set_new(j, "median", num(x->net.median));
	json_object_set_new(j, "median_ci95", pair(&x->net));
	json_object_set_new(j, "ci_level", num(x->net.have_ci ? x->net.level : NAN));
	json_object_set_new(j, "mad", num(x->net.mad));
	json_object_set_new(j, "mean", num(x->net.mean));
	json_object_set_new(j, "sd", num(x->net.sd));
	json_object_set_new(j, "min", num(x->net.min));
	json_object_set_new(j, "max", num(x->net.max));
	json_object_set_new(j, "per_statement_median", num(x->raw.median));
	json_object_set_new(j, "per_statement_ci95", pair(&x->raw));
	json_object_set_new(j, "baseline_median", num(x->baseline_median));
	json_object_set_new(j, "p5_values", num(x->p5));
	json_object_set_new(j, "p95_values", num(x->p95));
	json_object_set_new(j, "short_values", json_integer((json_int_t)x->short_values));
	json_object_set_new(j, "warnings", json_string(x->warnings));
	return j;
}

static json_t *array_of(const double *x, size_t n)
{
	json_t *a = json_array();
	for (size_t k = 0; k < n; k++)
		json_array_append_new(a, num(x[k]));
	return a;
}

static int write_json(FILE *o, const struct timing_result *r, unsigned attrs,
                      const struct timing_analysis *an)
{
	json_t *root = json_object();
	json_object_set_new(root, "slotexplore_timing", json_integer(2));
	json_t *in = json_object();
	json_object_set_new(in, "path", json_string(r->interp.path));
	json_object_set_new(in, "version", json_string(r->interp.version));
	json_object_set_new(in, "abi", json_string(r->interp.abi < ABI_COUNT ? abi_name(r->interp.abi) : "?"));
	json_object_set_new(in, "free_threaded", json_boolean(r->interp.free_threaded));
	json_object_set_new(root, "interpreter", in);
	json_object_set_new(root, "attrs", json_integer(attrs));
	json_object_set_new(root, "processes", json_integer(r->processes));
	json_object_set_new(root, "processes_planned", json_integer(r->processes_planned));
	json_object_set_new(root, "seconds", num(r->seconds));
	json_object_set_new(root, "budget_s", num(r->budget_s));
	json_object_set_new(root, "cancelled", json_boolean(r->cancelled));
	json_object_set_new(root, "budget_stop", json_boolean(r->budget_stop));
	json_object_set_new(root, "aa", json_boolean(r->aa));
	json_object_set_new(root, "pyperf", json_boolean(r->pyperf));
	json_object_set_new(root, "seed", json_integer((json_int_t)(r->seed & ((1ull << 53) - 1))));
	json_object_set_new(root, "values_per_process", json_integer(r->values_per_process));
	json_object_set_new(root, "min_ms", json_integer(r->min_ms));
	json_object_set_new(root, "unit", json_string(r->pyperf ? "as pyperf stored it (ns for time)"
	                    : "ns per access, baseline subtracted"));
	json_object_set_new(root, "method", json_string(r->pyperf
	        ? "pyperf's: values as stored, no baseline, no unrolling by slotexplore; one process "
	          "per run with values, each the median of its values"
	        : "per process: calibrated loops of 100 unrolled statements, each value at least "
	          "min_ms; net = statement - matched baseline; each process counts once (the median "
	          "of its values); series and statement/baseline order random per process"));
	json_object_set_new(root, "statistic", json_string(
	        "median of per-process medians with an order-statistic 95% interval; comparisons: "
	        "Hodges-Lehmann shift of per-process medians, its interval inverting the "
	        "Mann-Whitney test, that test's p, Holm over the operations compared"));
	const struct timing_conditions *c = &r->cond;
	json_t *cj = json_object();
	json_object_set_new(cj, "load_avg_start", json_pack("[o,o,o]", num(c->load_start[0]),
	                    num(c->load_start[1]), num(c->load_start[2])));
	json_object_set_new(cj, "load_avg_end", json_pack("[o,o,o]", num(c->load_end[0]),
	                    num(c->load_end[1]), num(c->load_end[2])));
	json_object_set_new(cj, "cpus", json_integer(c->cpus));
	json_object_set_new(cj, "cpu_model", json_string(c->cpu_model));
	json_object_set_new(cj, "governor", c->governor[0] ? json_string(c->governor) : json_null());
	json_object_set_new(cj, "interpreter_flags", json_string(c->flags));
	json_object_set_new(cj, "build", json_string(c->build));
	json_object_set_new(cj, "run_with", json_string("-E -s, GC disabled while timing, "
	                    "tracemalloc stopped"));
	json_object_set_new(root, "conditions", cj);
	json_t *pd = json_array();
	for (size_t p = 0; p < r->nprocs; p++)
		json_array_append_new(pd, json_pack("{s:I,s:o,s:o}", "seed",
		        (json_int_t)(r->procs[p].seed & ((1ull << 53) - 1)), "load_avg_1min",
		        num(r->procs[p].load_1min), "seconds", num(r->procs[p].seconds)));
	json_object_set_new(root, "process_detail", pd);
	json_t *series = json_array();
	for (int i = 0; i < r->nseries; i++) {
		const struct timing_series *s = &r->series[i];
		json_t *j = json_object();
		if (s->name[0]) {
			json_object_set_new(j, "name", json_string(s->name));
		} else {
			json_object_set_new(j, "kind", json_string(kind_info(s->kind)->name));
			json_object_set_new(j, "op", json_string(time_op_name(s->op)));
			if (r->aa)
				json_object_set_new(j, "replica", json_integer(s->replica));
		}
		if (s->unsupported[0]) {
			json_object_set_new(j, "unsupported", json_string(s->unsupported));
			json_array_append_new(series, j);
			continue;
		}
		json_object_set_new(j, "unit", json_string(s->unit[0] ? s->unit : "ns"));
		json_object_set_new(j, "unroll", json_integer(s->unroll));
		if (s->statement[0]) {
			json_object_set_new(j, "statement", json_string(s->statement));
			json_object_set_new(j, "baseline_statement", json_string(s->base_statement));
		}
		json_object_set_new(j, "samples", array_of(s->ns, s->n));
		json_object_set_new(j, "baselines", array_of(s->baseline, s->n));
		json_t *pj = json_array(), *lj = json_array();
		for (size_t k = 0; k < s->n; k++) {
			json_array_append_new(pj, json_integer(s->proc[k]));
			json_array_append_new(lj, json_integer((json_int_t)s->loops[k]));
		}
		json_object_set_new(j, "process", pj);
		json_object_set_new(j, "loops", lj);
		json_object_set_new(j, "duration_ms", array_of(s->dur_ms, s->n));
		if (an->s[i].ok)
			json_object_set_new(j, "stats", stats_json(&an->s[i]));
		else
			json_object_set_new(j, "stats_error", json_string(an->s[i].err));
		if (s->nseed)
			json_object_set_new(j, "seed_harness", json_pack("{s:o,s:o,s:o,s:o}", "call_ns",
			        array_of(s->seed_call, s->nseed), "empty_ns", array_of(s->seed_empty, s->nseed),
			        "median_call_ns", num(an->s[i].seed_call), "median_empty_ns",
			        num(an->s[i].seed_empty)));
		json_array_append_new(series, j);
	}
	json_object_set_new(root, "series", series);
	json_t *cmp = json_array();
	for (int op = 0; op < OP_COUNT && an->pair; op++) {
		const struct op_compare *c2 = &an->op[op];
		if (c2->ia < 0 || c2->ib < 0 || !c2->computed)
			continue;
		char la[64], lb[64], sentence[600];
		timing_series_label(&r->series[c2->ia], r->aa, la, sizeof la);
		timing_series_label(&r->series[c2->ib], r->aa, lb, sizeof lb);
		const struct shift *sh = &c2->sh;
		json_t *j = json_object();
		json_object_set_new(j, "op", json_string(time_op_name((enum time_op)op)));
		json_object_set_new(j, "a", json_string(la));
		json_object_set_new(j, "b", json_string(lb));
		json_object_set_new(j, "processes_a", json_integer((json_int_t)sh->na));
		json_object_set_new(j, "processes_b", json_integer((json_int_t)sh->nb));
		json_object_set_new(j, "shift_ns", num(sh->hl));
		json_object_set_new(j, "shift_ci95", sh->have_ci ? json_pack("[o,o]", num(sh->lo),
		                    num(sh->hi)) : json_null());
		json_object_set_new(j, "mann_whitney_u", num(sh->u));
		json_object_set_new(j, "p", num(sh->p));
		json_object_set_new(j, "p_exact", json_boolean(sh->exact));
		json_object_set_new(j, "p_holm", num(c2->p_holm));
		json_object_set_new(j, "operations_compared", json_integer(an->ncompared));
		json_object_set_new(j, "prob_b_slower", num(sh->prob_b_greater));
		json_object_set_new(j, "min_effect_ns", num(c2->min_effect));
		json_object_set_new(j, "verdict", json_string(timing_verdict_name(c2->verdict)));
		json_object_set_new(j, "significant", json_boolean(c2->verdict == VERDICT_REAL));
		json_object_set_new(j, "sentence", json_string(timing_sentence(an, (enum time_op)op,
		                    false, sentence, sizeof sentence)));
		json_array_append_new(cmp, j);
	}
	json_object_set_new(root, "comparisons", cmp);
	int rc = json_dumpf(root, o, JSON_INDENT(1) | JSON_REAL_PRECISION(8));
	fputc('\n', o);
	json_decref(root);
	return rc;
}

static void write_csv(FILE *o, const struct timing_result *r, unsigned attrs)
{
	fprintf(o, "python_version,attrs,series,op,process,value,ns,baseline_ns,per_statement_ns,"
	        "loops,unroll,duration_ms\n");
	for (int i = 0; i < r->nseries; i++) {
		const struct timing_series *s = &r->series[i];
		char label[64];
		timing_series_label(s, r->aa, label, sizeof label);
		for (char *p = label; *p; p++)
			if (*p == ',' || *p == '"')
				*p = ' ';
		for (size_t k = 0; k < s->n; k++) {
			fprintf(o, "%s,%u,%s,%s,%d,%zu,%.4f,", r->interp.version, attrs, label,
			        s->name[0] ? "" : time_op_name(s->op), s->proc[k], k, s->ns[k]);
			if (isfinite(s->baseline[k]))
				fprintf(o, "%.4f", s->baseline[k]);
			fprintf(o, ",%.4f,%llu,%u,", timing_value_raw(s, k), (unsigned long long)s->loops[k],
			        s->unroll);
			if (isfinite(s->dur_ms[k]))
				fprintf(o, "%.3f", s->dur_ms[k]);
			fputc('\n', o);
		}
	}
}

int timing_report_write(FILE *out, const struct timing_result *r, unsigned attrs,
                        enum report_format f, bool utf8, const struct timing_settings *set)
{
	static struct timing_analysis an;
	int rc = 0;
	if (f == FORMAT_CSV) {
		write_csv(out, r, attrs);
		return ferror(out) ? -1 : 0;
	}
	if (f == FORMAT_MARKDOWN)
		return timing_report_markdown(out, r, attrs, 1, set);
	timing_analyse(r, set, false, &an);
	if (f == FORMAT_JSON)
		rc = write_json(out, r, attrs, &an);
	else
		write_text(out, r, attrs, utf8, &an);
	return rc == 0 && !ferror(out) ? 0 : -1;
}

/* Text histograms of the compared pair, one per operation, on the bins the
 * explorer's pane draws (core/timing_stats.h: stats_bins), with counts. */
static void text_histograms(FILE *o, const struct timing_result *r, const struct timing_analysis *an)
{
	for (int op = 0; op < OP_COUNT && an->pair; op++) {
		const struct op_compare *c = &an->op[op];
		if (c->ia < 0 || c->ib < 0 || !r->series[c->ia].n || !r->series[c->ib].n)
			continue;
		const struct bins *b = &c->bins;
		char la[64], lb[64];
		timing_series_label(&r->series[c->ia], r->aa, la, sizeof la);
		timing_series_label(&r->series[c->ib], r->aa, lb, sizeof lb);
		fprintf(o, "\n%s, ns per access (net), every value: %s (#, %zu values) and %s (=, %zu "
		        "values)\n", time_op_name((enum time_op)op), la, r->series[c->ia].n, lb,
		        r->series[c->ib].n);
		fprintf(o, "  %-17s   %4s %-22s   %4s %s\n", "bin", "n", la, "n", lb);
		if (b->under[0] || b->under[1])
			fprintf(o, "  %-17s | %4zu %-22s | %4zu\n", "below", b->under[0], "", b->under[1]);
		unsigned most = b->max_count ? b->max_count : 1;
		for (int k = 0; k < b->n; k++) {
			double from = b->lo + b->width * k, to = b->lo + b->width * (k + 1);
			char range[40];
			snprintf(range, sizeof range, "%7.2f - %-7.2f", from, to);
			fprintf(o, "  %-17s |", range);
			for (int side = 0; side < 2; side++) {
				unsigned n = b->count[side][k];
				int len = (int)(22.0 * n / most + 0.5);
				if (n && !len)
					len = 1;
				fprintf(o, " %4u ", n);
				for (int x = 0; x < (side ? len : 22); x++)
					fputc(x < len ? (side ? '=' : '#') : ' ', o);
				fputs(side ? "\n" : " |", o);
			}
		}
		if (b->over[0] || b->over[1])
			fprintf(o, "  %-17s | %4zu %-22s | %4zu\n", "above", b->over[0], "", b->over[1]);
		fprintf(o, "  (Freedman-Diaconis bins of width %.3f ns over the central 98%%; a bar of 22 "
		        "is %u values)\n", b->width, most);
	}
}

int timing_report_markdown(FILE *out, const struct timing_result *r, unsigned attrs, int level,
                           const struct timing_settings *set)
{
	static struct timing_analysis an;
	timing_analyse(r, set, false, &an);
	fprintf(out, "%s%.*s Attribute access timing\n\n```\n", level > 1 ? "\n" : "",
	        level < 1 ? 1 : level > 6 ? 6 : level, "######");
	write_text(out, r, attrs, false, &an);
	text_histograms(out, r, &an);
	fprintf(out, "```\n");
	return ferror(out) ? -1 : 0;
}

/* ---- pyperf's format ----------------------------------------------------- */

int timing_write_pyperf(FILE *out, const struct timing_result *r, unsigned attrs)
{
	json_t *root = json_object();
	json_object_set_new(root, "version", json_string("1.0"));
	json_t *meta = json_object();
	json_object_set_new(meta, "unit", json_string("second"));
	if (r->interp.version[0] && !r->pyperf)
		json_object_set_new(meta, "python_version", json_string(r->interp.version));
	if (r->interp.path[0] && !r->pyperf)
		json_object_set_new(meta, "python_executable", json_string(r->interp.path));
	if (!r->pyperf) {
		json_object_set_new(meta, "python_implementation", json_string(r->interp.impl[0]
		                    ? r->interp.impl : "cpython"));
		json_object_set_new(meta, "timer", json_string("time.perf_counter_ns"));
		json_object_set_new(meta, "slotexplore_attrs", json_integer(attrs));
		json_object_set_new(meta, "slotexplore_seed",
		                    json_integer((json_int_t)(r->seed & ((1ull << 53) - 1))));
		json_object_set_new(meta, "slotexplore_method", json_string(
		        "values are per statement, baseline not subtracted (timeit's and pyperf's "
		        "figure); loops calibrated in each process, statements unrolled (inner_loops)"));
		if (r->cond.cpu_model[0])
			json_object_set_new(meta, "cpu_model_name", json_string(r->cond.cpu_model));
		if (r->cond.cpus > 0)
			json_object_set_new(meta, "cpu_count", json_integer(r->cond.cpus));
	}
	json_object_set_new(root, "metadata", meta);
	json_t *benches = json_array();
	for (int i = 0; i < r->nseries; i++) {
		const struct timing_series *s = &r->series[i];
		if (s->unsupported[0] || s->n == 0)
			continue;
		bool seconds = strcmp(s->unit, "ns") == 0 || !s->unit[0];
		char name[96], label[64];
		timing_series_label(s, r->aa, label, sizeof label);
		if (s->name[0])
			snprintf(name, sizeof name, "%s", label);
		else
			snprintf(name, sizeof name, "%s %s", label, time_op_name(s->op));
		json_t *bm = json_object();
		json_object_set_new(bm, "name", json_string(name));
		json_object_set_new(bm, "inner_loops", json_integer(s->unroll ? s->unroll : 1));
		if (!seconds)
			json_object_set_new(bm, "unit", json_string(s->unit));
		if (s->statement[0]) {
			json_object_set_new(bm, "timeit_stmt", json_string(s->statement));
			json_object_set_new(bm, "slotexplore_baseline", json_string(s->base_statement));
		}
		/* one run per process, in the order the processes ran */
		int maxp = -1;
		for (size_t k = 0; k < s->n; k++)
			if (s->proc[k] > maxp)
				maxp = s->proc[k];
		json_t *runs = json_array();
		for (int p = 0; p <= maxp; p++) {
			json_t *values = json_array();
			uint64_t loops = 1;
			for (size_t k = 0; k < s->n; k++) {
				if (s->proc[k] != p)
					continue;
				double v = timing_value_raw(s, k) * (seconds ? 1e-9 : 1);
				if (!(v > 0))
					continue;   /* pyperf takes only positive values */
				json_array_append_new(values, json_real(v));
				if (s->loops[k] > loops)
					loops = s->loops[k];
			}
			if (json_array_size(values) == 0) {
				json_decref(values);
				continue;
			}
			json_t *rm = json_object();
			json_object_set_new(rm, "loops", json_integer((json_int_t)loops));
			if ((size_t)p < r->nprocs && isfinite(r->procs[p].load_1min) &&
			    r->procs[p].load_1min >= 0)
				json_object_set_new(rm, "load_avg_1min", json_real(r->procs[p].load_1min));
			/* no "duration": a process times every series, and pyperf would
			 * count its time once per benchmark */
			json_array_append_new(runs, json_pack("{s:o,s:o}", "metadata", rm, "values", values));
		}
		if (json_array_size(runs) == 0) {
			json_decref(runs);
			json_decref(bm);
			continue;
		}
		json_array_append_new(benches, json_pack("{s:o,s:o}", "metadata", bm, "runs", runs));
	}
	json_object_set_new(root, "benchmarks", benches);
	int rc = json_dumpf(root, out, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(17));
	fputc('\n', out);
	json_decref(root);
	return rc == 0 && !ferror(out) ? 0 : -1;
}

bool timing_export_pyperf(const char *path, const struct timing_result *r, unsigned attrs,
                          char *err, size_t errlen)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem) {
		snprintf(err, errlen, "%s: out of memory", path);
		return false;
	}
	int rc = timing_write_pyperf(mem, r, attrs);
	fclose(mem);
	if (rc != 0) {
		free(text);
		snprintf(err, errlen, "%s: cannot write the results", path);
		return false;
	}
	size_t plen = strlen(path);
	bool gz = plen > 3 && strcmp(path + plen - 3, ".gz") == 0;
	unsigned char *data = (unsigned char *)text;
	size_t dlen = len;
	unsigned char *packed = NULL;
	if (gz) {
		z_stream zs;
		memset(&zs, 0, sizeof zs);
		uLong bound = compressBound((uLong)len) + 32;
		packed = malloc(bound);
		if (!packed || deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
		                            Z_DEFAULT_STRATEGY) != Z_OK) {
			free(packed);
			free(text);
			snprintf(err, errlen, "%s: cannot compress (out of memory)", path);
			return false;
		}
		zs.next_in = (Bytef *)text;
		zs.avail_in = (uInt)len;
		zs.next_out = packed;
		zs.avail_out = (uInt)bound;
		int z = deflate(&zs, Z_FINISH);
		dlen = zs.total_out;
		deflateEnd(&zs);
		if (z != Z_STREAM_END) {
			free(packed);
			free(text);
			snprintf(err, errlen, "%s: cannot compress", path);
			return false;
		}
		data = packed;
	}
	struct atomic_file af;
	bool ok = atomic_open(&af, path, err, errlen);
	if (ok) {
		if (fwrite(data, 1, dlen, af.f) != dlen) {
			atomic_abort(&af);
			snprintf(err, errlen, "%s: write error", path);
			ok = false;
		} else {
			ok = atomic_commit(&af, err, errlen);
		}
	}
	free(packed);
	free(text);
	return ok;
}
