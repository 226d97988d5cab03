#include "config.h"

#include "render/timing_pane.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/timing_stats.h"

#define PANE_SEED 20261124u
#define MAX_BINS 200

static const struct timing_series *find(const struct timing_result *r, enum kind k, enum time_op op)
{
	for (int i = 0; r && i < r->nseries; i++)
		if (r->series[i].kind == k && r->series[i].op == op)
			return &r->series[i];
	return NULL;
}

/* Counts of x in nbins equal bins over [lo, hi]; the top edge included. */
static void bin(const double *x, size_t n, double lo, double hi, int nbins, unsigned *count)
{
	memset(count, 0, (size_t)nbins * sizeof *count);
	double w = (hi - lo) / nbins;
	for (size_t i = 0; i < n; i++) {
		int b = w > 0 ? (int)((x[i] - lo) / w) : 0;
		if (b < 0)
			b = 0;
		if (b >= nbins)
			b = nbins - 1;
		count[b]++;
	}
}

static int column_of(double v, double lo, double hi, int width)
{
	if (!(hi > lo))
		return 0;
	int c = (int)((v - lo) / (hi - lo) * width);
	return c < 0 ? 0 : c >= width ? width - 1 : c;
}

/* One histogram: `rows` rows of vertical bars (eighth blocks), markers for
 * the median (│) and the 5th/95th percentiles (┊) on the row below. */
static void histogram(const struct app *a, struct grid *g, int x, int y, int width, int rows,
                      const struct timing_series *s, const struct dist_stats *st, double lo,
                      double hi, unsigned max_count, enum style style)
{
	static unsigned count[MAX_BINS];
	int nbins = width > MAX_BINS ? MAX_BINS : width;
	bin(s->ns, s->n, lo, hi, nbins, count);
	static const uint32_t eighths[9] = { ' ', 0x2581, 0x2582, 0x2583, 0x2584, 0x2585, 0x2586,
	                                     0x2587, 0x2588 };
	static const char ascii[9] = { ' ', '.', '.', ':', ':', '|', '|', '#', '#' };
	for (int b = 0; b < nbins; b++) {
		double h = max_count ? (double)count[b] / max_count * rows * 8 : 0;
		int eighth = (int)lround(h);
		if (count[b] && eighth == 0)
			eighth = 1;   /* a bin with samples always shows */
		for (int r = 0; r < rows; r++) {
			int level = eighth - (rows - 1 - r) * 8;
			if (level <= 0)
				continue;
			if (level > 8)
				level = 8;
			grid_put_cell(g, x + b, y + r, a->utf8 ? eighths[level] : (uint32_t)ascii[level], style);
		}
	}
	/* the marker row */
	int my = y + rows;
	grid_fill(g, x, my, nbins, a->utf8 ? 0x2500 : '-', ST_DIM);
	grid_put_cell(g, x + column_of(st->p5, lo, hi, nbins), my, a->utf8 ? 0x250A : ':', ST_DIM);
	grid_put_cell(g, x + column_of(st->p95, lo, hi, nbins), my, a->utf8 ? 0x250A : ':', ST_DIM);
	grid_put_cell(g, x + column_of(st->median, lo, hi, nbins), my, a->utf8 ? 0x2502 : '|',
	              ST_MARKER);
}

void render_timing_pane(const struct app *a, struct grid *g)
{
	const struct timing_result *r = a->timing;
	enum time_op op = a->timing_op;
	grid_fill(g, 0, 0, g->w, ' ', ST_HEADER);
	char buf[400];
	snprintf(buf, sizeof buf, " attribute access timing \u2502 %s \u2502 %u attrs \u2502 %s vs %s",
	         time_op_name(op), a->timing_attrs, kind_info(a->timing_kinds[1])->name,
	         kind_info(a->timing_kinds[0])->name);
	grid_put(g, 0, 0, g->w, ST_HEADER, a->utf8 ? buf : "attribute access timing");
	if (!a->utf8)
		grid_printf(g, 0, 0, g->w, ST_HEADER, " timing | %s | %u attrs | %s vs %s",
		            time_op_name(op), a->timing_attrs, kind_info(a->timing_kinds[1])->name,
		            kind_info(a->timing_kinds[0])->name);
	/* progress */
	int y = 1;
	if (a->timing_running) {
		int bw = g->w / 3;
		int fill = (int)(a->timing_fraction * bw + 0.5);
		grid_put(g, 0, y, 9, ST_NORMAL, "running ");
		for (int i = 0; i < bw; i++)
			grid_put_cell(g, 8 + i, y, i < fill ? (a->utf8 ? 0x2588 : '#') : (a->utf8 ? 0x2591 : '.'),
			              i < fill ? ST_GOOD : ST_DIM);
		if (a->timing_eta >= 0)
			grid_printf(g, 9 + bw, y, g->w - 9 - bw, ST_NORMAL, " %3.0f%%  about %.0f s left  "
			            "(Esc stops and keeps the samples)", 100 * a->timing_fraction, a->timing_eta);
		else
			grid_printf(g, 9 + bw, y, g->w - 9 - bw, ST_NORMAL, " %3.0f%%  calibrating...",
			            100 * a->timing_fraction);
	} else if (r) {
		grid_printf(g, 0, y, g->w, ST_DIM, "%s%d processes, %.1f s, CPython %s. Each sample: "
		            "the mean over loops x 100 accesses in one process, loop baseline subtracted.",
		            r->cancelled ? "stopped early: " : "", r->processes, r->seconds, r->interp.version);
	}
	const struct timing_series *sa = find(r, a->timing_kinds[0], op);
	const struct timing_series *sb = find(r, a->timing_kinds[1], op);
	struct dist_stats st[2];
	const struct timing_series *ser[2] = { sa, sb };
	bool have[2] = { false, false };
	char err[200];
	double lo = INFINITY, hi = -INFINITY;
	for (int i = 0; i < 2; i++) {
		if (ser[i] && !ser[i]->unsupported[0] && ser[i]->n &&
		    stats_compute(ser[i]->ns, ser[i]->n, ser[i]->baseline, PANE_SEED, &st[i], err, sizeof err)) {
			have[i] = true;
			double l = ser[i]->n >= 20 ? st[i].p1 : st[i].min;
			double h = ser[i]->n >= 20 ? st[i].p99 : st[i].max;
			if (l < lo)
				lo = l;
			if (h > hi)
				hi = h;
		}
	}
	int rows_left = g->h - 1 - 3 - 1;   /* header, progress, table 3, status */
	int hist_rows = (rows_left - 2 - 4) / 2;   /* two histograms + markers, sentence, axis */
	if (hist_rows < 2)
		hist_rows = 2;
	int x0 = 24, width = g->w - x0 - 1;
	y = 3;
	if (hi > lo) {
		double pad = (hi - lo) * 0.02;
		lo -= pad;
		hi += pad;
	} else if (isfinite(lo)) {
		lo -= 0.5;
		hi += 0.5;
	}
	unsigned max_count = 1;
	static unsigned count[MAX_BINS];
	int nbins = width > MAX_BINS ? MAX_BINS : width;
	for (int i = 0; i < 2; i++)
		if (have[i]) {
			bin(ser[i]->ns, ser[i]->n, lo, hi, nbins, count);
			for (int b = 0; b < nbins; b++)
				if (count[b] > max_count)
					max_count = count[b];
		}
	for (int i = 0; i < 2; i++) {
		enum kind k = a->timing_kinds[i];
		grid_put(g, 0, y, x0 - 1, i ? ST_SERIES0 : ST_SERIES1, kind_info(k)->name);
		if (ser[i] && ser[i]->unsupported[0])
			grid_printf(g, 0, y + 1, x0 - 1, ST_DIM, "n/a: %s", ser[i]->unsupported);
		else if (have[i]) {
			grid_printf(g, 0, y + 1, x0 - 1, ST_NORMAL, "median %.2f ns", st[i].median);
			grid_printf(g, 0, y + 2, x0 - 1, ST_DIM, "n = %zu", st[i].n);
			histogram(a, g, x0, y, width, hist_rows, ser[i], &st[i], lo, hi, max_count,
			          i ? ST_SERIES0 : ST_SERIES1);
		} else
			grid_put(g, 0, y + 1, x0 - 1, ST_DIM, a->timing_running ? "waiting..." : "no samples");
		y += hist_rows + 1;
	}
	if (hi > lo) {
		grid_printf(g, x0, y, 12, ST_DIM, "%.2f ns", lo);
		char right[32];
		snprintf(right, sizeof right, "%.2f ns", hi);
		grid_put(g, x0 + width - utf8_columns(right), y, 12, ST_DIM, right);
		grid_put(g, x0 + width / 2 - 10, y, 30, ST_DIM,
		         a->utf8 ? "\u2502 median  \u250a p5, p95" : "| median  : p5, p95");
	}
	y += 1;
	/* the summary table */
	grid_printf(g, 0, y++, g->w, ST_HEADING, "%-22s %5s %7s %16s %15s %6s %7s %7s",
	            "kind", "n", "median", "95% CI median", "mean \u00b1 sd", "MAD", "p5", "p95");
	for (int i = 0; i < 2; i++) {
		if (!have[i])
			continue;
		char ci[48] = "-", msd[48];
		if (st[i].have_ci)
			snprintf(ci, sizeof ci, "%.2f %s %.2f", st[i].median_lo, a->utf8 ? "\u2026" : "..",
			         st[i].median_hi);
		snprintf(msd, sizeof msd, "%.2f \u00b1 %.2f", st[i].mean, st[i].n > 1 ? st[i].sd : 0.0);
		grid_printf(g, 0, y++, g->w, ST_NORMAL, "%-22s %5zu %7.2f %16s %15s %6.2f %7.2f %7.2f",
		            kind_info(a->timing_kinds[i])->name, st[i].n, st[i].median, ci, msd, st[i].mad,
		            st[i].p5, st[i].p95);
		if (st[i].warnings[0] && y < g->h - 2)
			grid_printf(g, 2, y++, g->w - 2, ST_WARN, "%s %s", a->utf8 ? "\u26a0" : "!",
			            st[i].warnings);
	}
	if (have[0] && have[1] && y < g->h - 1) {
		struct dist_compare c;
		if (stats_compare(sa->ns, sa->n, sb->ns, sb->n, kind_info(a->timing_kinds[0])->name,
		                  kind_info(a->timing_kinds[1])->name, time_op_name(op), PANE_SEED, &c,
		                  err, sizeof err))
			grid_put(g, 0, y, g->w, c.significant ? ST_BEST : ST_HEADING, c.sentence);
		else
			grid_put(g, 0, y, g->w, ST_DIM, err);
	}
	/* status */
	int sy = g->h - 1;
	grid_fill(g, 0, sy, g->w, ' ', ST_STATUS);
	grid_put(g, 0, sy, g->w, a->status_error ? ST_ERROR : ST_STATUS,
	         a->status[0] ? a->status
	                      : "o/O next/prev operation  r run again  Esc stop (keeps samples) / back  "
	                        "t back  q quit");
}
