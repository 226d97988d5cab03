#include "config.h"

#include "render/chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/units.h"

#define PLOT_MAX_W 400
#define PLOT_MAX_H 120

/* A canvas of braille dots (2 x 4 per cell) or, in ASCII, one mark per
 * cell; each cell keeps the style of the last series drawn into it. */
struct canvas {
	int w, h;                    /* cells */
	bool braille;
	uint8_t bits[PLOT_MAX_H][PLOT_MAX_W];
	uint32_t mark[PLOT_MAX_H][PLOT_MAX_W];
	uint8_t style[PLOT_MAX_H][PLOT_MAX_W];
};

static void canvas_dot(struct canvas *c, int dx, int dy, enum style st, uint32_t ascii)
{
	int sub_w = c->braille ? 2 : 1, sub_h = c->braille ? 4 : 1;
	if (dx < 0 || dy < 0 || dx >= c->w * sub_w || dy >= c->h * sub_h)
		return;
	int cx = dx / sub_w, cy = dy / sub_h;
	if (c->braille) {
		static const uint8_t bit[4][2] = { { 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 },
		                                   { 0x40, 0x80 } };
		c->bits[cy][cx] |= bit[dy % 4][dx % 2];
	} else {
		c->mark[cy][cx] = ascii;
	}
	c->style[cy][cx] = (uint8_t)st;
}

/* Series y values at each dot column, joined by vertical runs so steps and
 * slopes stay connected. y is in dots from the top, <0 when absent. */
static void canvas_series(struct canvas *c, const int *ys, int n, enum style st, uint32_t ascii)
{
	int prev = -1;
	for (int x = 0; x < n; x++) {
		int y = ys[x];
		if (y < 0) {
			prev = -1;
			continue;
		}
		if (prev >= 0) {
			int lo = prev < y ? prev : y, hi = prev < y ? y : prev;
			for (int v = lo; v <= hi; v++)
				canvas_dot(c, x, v, st, ascii);
		} else {
			canvas_dot(c, x, y, st, ascii);
		}
		prev = y;
	}
}

static void canvas_vline(struct canvas *c, int dx, enum style st)
{
	int sub_h = c->braille ? 4 : 1;
	for (int y = 0; y < c->h * sub_h; y += c->braille ? 2 : 1)
		canvas_dot(c, dx, y, st, '|');
}

static void canvas_blit(const struct canvas *c, struct grid *g, int x0, int y0)
{
	for (int y = 0; y < c->h; y++)
		for (int x = 0; x < c->w; x++) {
			if (c->braille && c->bits[y][x])
				grid_put_cell(g, x0 + x, y0 + y, 0x2800u + c->bits[y][x], c->style[y][x]);
			else if (!c->braille && c->mark[y][x])
				grid_put_cell(g, x0 + x, y0 + y, c->mark[y][x], c->style[y][x]);
		}
}

static const uint32_t series_ascii[CHART_MAX_SERIES] = { '*', 'o', '+' };

/* One colour per kind on every screen: regular is always ST_SERIES1 (as in
 * presentation mode and the timing pane), the kind set against it
 * ST_SERIES0, a third one ST_SERIES2. */
static enum style series_style(const struct app *a, int s)
{
	if (a->series_kind[s] == KIND_REGULAR)
		return ST_SERIES1;
	int others = 0;
	for (int i = 0; i < s; i++)
		others += a->series_kind[i] != KIND_REGULAR;
	return others ? ST_SERIES2 : ST_SERIES0;
}

static void short_count(uint64_t v, char *buf, size_t n)
{
	static const char *const suffix[] = { "", "k", "M", "G", "T", "P" };
	int i = 0;
	while (v >= 1000 && v % 1000 == 0 && i < 5) {
		v /= 1000;
		i++;
	}
	snprintf(buf, n, "%llu%s", (unsigned long long)v, suffix[i]);
}

static void render_legend(const struct app *a, struct grid *g, int x, int y, int w,
                          const char *title)
{
	/* the series first (they say what the lines are), then as much of the
	 * title as is left: it ends at a word, marked, when it must */
	char item[CHART_MAX_SERIES][64];
	int items_w = 0;
	for (int s = 0; s < a->nseries; s++) {
		snprintf(item[s], sizeof item[s], "  %s %s",
		         a->utf8 ? "\u25cf" : (s == 0 ? "*" : s == 1 ? "o" : "+"),
		         kind_info(a->series_kind[s])->name);
		items_w += utf8_columns(item[s]);
	}
	char head[160];
	snprintf(head, sizeof head, "%s", title);
	while (utf8_columns(head) + items_w > w && strchr(head, ' ')) {
		char *sp = strrchr(head, ' ');
		snprintf(sp, sizeof head - (size_t)(sp - head), "%s", "\u2026");
		if (utf8_columns(head) + items_w <= w)
			break;
		*sp = '\0';
	}
	int used = grid_put(g, x, y, w, ST_HEADING, head);
	for (int s = 0; s < a->nseries && used + utf8_columns(item[s]) <= w; s++)
		used += grid_put(g, x + used, y, w - used, series_style(a, s), item[s]);
}

void render_chart(const struct app *a, struct grid *g, int x, int y, int w, int h)
{
	static struct canvas cv;
	if (h < 4 || w < 30)
		return;
	const int label_w = 10;
	int pw = w - label_w, ph = h - 2;   /* a legend row above, an axis row below */
	if (pw > PLOT_MAX_W)
		pw = PLOT_MAX_W;
	if (ph > PLOT_MAX_H)
		ph = PLOT_MAX_H;
	memset(&cv, 0, sizeof cv);
	cv.w = pw;
	cv.h = ph;
	cv.braille = a->utf8;
	int dots_w = pw * (cv.braille ? 2 : 1), dots_h = ph * (cv.braille ? 4 : 1);
	grid_add_zone(g, ZONE_CHART, x, y, w, h, 0);

	static double vals[CHART_MAX_SERIES][PLOT_MAX_W * 2];
	double lo = INFINITY, hi = 0;
	const bool by_instances = a->chart == CHART_INSTANCES;
	uint64_t mmax = a->instances < 10 ? 10 : a->instances;
	double lmax = log10((double)mmax);
	for (int s = 0; s < a->nseries; s++)
		for (int i = 0; i < dots_w; i++) {
			double v;
			if (by_instances) {
				double m = pow(10.0, lmax * i / (dots_w - 1));
				v = (double)app_total_at(a, a->series_kind[s], (uint64_t)llround(m));
			} else {
				int n = (int)lround((double)CHART_ATTRS_MAX * i / (dots_w - 1));
				v = a->series[s][n];
			}
			vals[s][i] = v;
			if (v > 0 && v < lo)
				lo = v;
			if (v > hi)
				hi = v;
		}
	char title[160];
	snprintf(title, sizeof title, by_instances ? "Total %s bytes vs instances (log-log)"
	                                           : "%s bytes per instance vs attributes",
	         accounting_name(a->acc));
	render_legend(a, g, x, y, w, title);
	if (!(hi > 0)) {
		grid_put(g, x + label_w, y + 1, pw, ST_DIM, "(nothing to plot)");
		return;
	}
	if (!by_instances)
		lo = 0;
	if (by_instances && lo == hi)
		lo = hi / 10;
	double ylo = by_instances ? log10(lo) : 0, yhi = by_instances ? log10(hi) : hi;
	if (yhi <= ylo)
		yhi = ylo + 1;
	static int ys[PLOT_MAX_W * 2];
	for (int s = a->nseries - 1; s >= 0; s--) {
		for (int i = 0; i < dots_w; i++) {
			double v = vals[s][i];
			if (by_instances && v <= 0) {
				ys[i] = -1;
				continue;
			}
			double t = ((by_instances ? log10(v) : v) - ylo) / (yhi - ylo);
			ys[i] = (int)lround((1.0 - t) * (dots_h - 1));
		}
		canvas_series(&cv, ys, dots_w, series_style(a, s), series_ascii[s]);
	}
	/* markers: where we are, and the threshold that matters for this axis */
	int here;
	if (by_instances)
		here = (int)lround(log10((double)(a->instances ? a->instances : 1)) / lmax * (dots_w - 1));
	else
		here = a->attrs <= CHART_ATTRS_MAX ? (int)lround((double)a->attrs * (dots_w - 1) /
		                                                 CHART_ATTRS_MAX) : -1;
	int mark = -1;
	char mark_label[96] = "";
	if (by_instances && a->mib_saved_at && a->mib_saved_at <= mmax) {
		mark = (int)lround(log10((double)a->mib_saved_at) / lmax * (dots_w - 1));
		char m[32];
		format_grouped(a->mib_saved_at, m, sizeof m);
		snprintf(mark_label, sizeof mark_label, "slots saves 1 MiB from %s", m);
	} else if (!by_instances && a->overflow_at >= 0) {
		mark = (int)lround((double)a->overflow_at * (dots_w - 1) / CHART_ATTRS_MAX);
		snprintf(mark_label, sizeof mark_label, "%d: key-sharing limit", a->overflow_at);
	}
	if (mark >= 0)
		canvas_vline(&cv, mark, ST_MARKER);
	if (here >= 0 && here != mark)
		canvas_vline(&cv, here, ST_DIM);
	canvas_blit(&cv, g, x + label_w, y + 1);

	/* y labels: top, middle, bottom */
	char buf[32];
	for (int r = 0; r < 3; r++) {
		int row = r == 0 ? 0 : r == 1 ? ph / 2 : ph - 1;
		double t = 1.0 - (double)row / (ph > 1 ? ph - 1 : 1);
		double v = by_instances ? pow(10.0, ylo + t * (yhi - ylo)) : t * yhi;
		format_bytes_human((uint64_t)llround(v), buf, sizeof buf);
		grid_printf(g, x, y + 1 + row, label_w - 1, ST_DIM, "%*s", label_w - 1, buf);
	}
	/* x axis: ticks at the ends and the marker */
	int ax = y + 1 + ph;
	grid_fill(g, x + label_w, ax, pw, a->utf8 ? 0x2500 : '-', ST_DIM);
	if (by_instances) {
		grid_put(g, x + label_w, ax, 4, ST_DIM, "1");
		short_count(mmax, buf, sizeof buf);
	} else {
		grid_put(g, x + label_w, ax, 4, ST_DIM, "0");
		snprintf(buf, sizeof buf, "%d attrs", CHART_ATTRS_MAX);
	}
	int bl = utf8_columns(buf);
	grid_put(g, x + label_w + pw - bl, ax, bl, ST_DIM, buf);
	if (mark >= 0) {
		int cx = x + label_w + mark / (cv.braille ? 2 : 1);
		int lw = utf8_columns(mark_label);
		int lx = cx + 1 + lw <= x + label_w + pw - bl - 1 ? cx + 1 : cx - lw - 1;
		if (lx < x + label_w + 2)
			lx = x + label_w + 2;
		grid_put_cell(g, cx, ax, a->utf8 ? 0x2534 : '+', ST_MARKER);
		grid_put(g, lx, ax, lw, ST_MARKER, mark_label);
	}
}
