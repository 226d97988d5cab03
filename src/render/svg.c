#include "config.h"

#include "render/svg.h"

#include <math.h>
#include <string.h>

#include "core/units.h"
#include "output/report.h"
#include "render/palette.h"

#define SVG_W 960
#define SVG_H 600
#define PLOT_X 110
#define PLOT_Y 80
#define PLOT_W 800
#define PLOT_H 330
#define POINTS 120

/* An xterm-256 colour as #rrggbb. */
static void hex(short c, char out[8])
{
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	int r, g, b;
	if (c >= 16 && c < 232) {
		int v = c - 16;
		r = level[v / 36], g = level[(v / 6) % 6], b = level[v % 6];
	} else if (c >= 232) {
		r = g = b = 8 + 10 * (c - 232);
	} else {
		r = g = b = c == 15 || c == 7 ? 229 : 0;
	}
	snprintf(out, 8, "#%02x%02x%02x", r, g, b);
}

static void style_hex(enum style s, char out[8])
{
	hex(palette_colour(true, s).fg256, out);
}

/* The series' colours, as on screen: regular ST_SERIES1, the compared kind
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

/* XML text: & < > escaped. */
static void text(FILE *out, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*s, out);
		}
}

/* A round step (1, 2 or 5 times a power of ten) giving at most max_ticks
 * intervals over range. */
static double nice_step(double range, int max_ticks)
{
	if (!(range > 0))
		return 1;
	double raw = range / max_ticks, p = pow(10.0, floor(log10(raw)));
	static const double mult[] = { 1, 2, 5, 10 };
	for (int i = 0; i < 4; i++)
		if (mult[i] * p >= raw)
			return fmax(1, mult[i] * p);
	return fmax(1, 10 * p);
}

/* A byte tick: exact powers of 1024 without a decimal (4 KiB, not 4.0 KiB). */
static void tick_bytes(uint64_t v, char *buf, size_t n)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	int u = 0;
	uint64_t whole = v;
	while (whole >= 1024 && whole % 1024 == 0 && u < 6) {
		whole /= 1024;
		u++;
	}
	if (whole < 1024) {
		char g[16];
		snprintf(g, sizeof g, "%llu", (unsigned long long)whole);
		snprintf(buf, n, "%s %s", g, unit[u]);
	} else {
		format_bytes_human(v, buf, n);
	}
}

static void x_tick(FILE *out, double v, bool count, double x, const char *colour)
{
	char label[32];
	if (count && v >= 1e6)
		format_count_short((uint64_t)llround(v), label, sizeof label);
	else
		format_grouped((uint64_t)llround(v), label, sizeof label);
	fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n"
	        "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\" fill=\"%s\">"
	        "%s</text>\n", x, PLOT_Y + PLOT_H, x, PLOT_Y + PLOT_H + 5, colour, x,
	        PLOT_Y + PLOT_H + 20, colour, label);
}

bool svg_write(FILE *out, struct app *a, char *err, size_t errlen)
{
	app_update(a);
	const bool by_instances = a->chart == CHART_INSTANCES;
	uint64_t mmax = a->instances < 10 ? 10 : a->instances;
	double lmax = log10((double)mmax);
	static double xs[CHART_MAX_SERIES][POINTS], ys[CHART_MAX_SERIES][POINTS];
	double lo = INFINITY, hi = 0;
	for (int s = 0; s < a->nseries; s++)
		for (int i = 0; i < POINTS; i++) {
			double x, v;
			if (by_instances) {
				x = pow(10.0, lmax * i / (POINTS - 1));
				v = (double)app_total_at(a, a->series_kind[s], (uint64_t)llround(x));
			} else {
				int n = (int)lround((double)CHART_ATTRS_MAX * i / (POINTS - 1));
				x = n;
				v = a->series[s][n];
			}
			xs[s][i] = x;
			ys[s][i] = v;
			if (v > 0 && v < lo)
				lo = v;
			if (v > hi)
				hi = v;
		}
	if (!(hi > 0))
		lo = hi = 1;
	/* the y axis: on a log scale whole powers of two (1 KiB, 4 KiB, ...), on a
	 * linear one 1-2-5 steps from zero; either way ending on a tick */
	double ylo, yhi, ystep;
	if (by_instances) {
		ylo = floor(log2(lo));
		yhi = ceil(log2(hi));
		if (yhi <= ylo)
			yhi = ylo + 1;
		ystep = ceil((yhi - ylo) / 5.0);
		yhi = ylo + ystep * ceil((yhi - ylo) / ystep);
	} else {
		ylo = 0;
		ystep = nice_step(hi, 5);
		yhi = ystep * ceil(hi / ystep);
		if (yhi <= 0)
			yhi = ystep;
	}
	char fg[8], dim[8], heading[8];
	style_hex(ST_NORMAL, fg);
	style_hex(ST_DIM, dim);
	style_hex(ST_HEADING, heading);
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	        "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
	        "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n", SVG_W, SVG_H, SVG_W,
	        SVG_H);
	/* the title: what, on which CPython, at which setting */
	char count[32];
	format_grouped(a->instances, count, sizeof count);
	fprintf(out, "<text x=\"%d\" y=\"36\" font-size=\"22\" font-weight=\"bold\" fill=\"%s\">",
	        PLOT_X - 60, heading);
	char title[200];
	snprintf(title, sizeof title, by_instances ? "Total %s bytes against instances"
	                                           : "%s bytes per instance against attributes",
	         accounting_name(a->acc));
	if (!by_instances && title[0] >= 'a' && title[0] <= 'z')
		title[0] = (char)(title[0] - 'a' + 'A');
	text(out, title);
	fprintf(out, "</text>\n<text x=\"%d\" y=\"60\" font-size=\"14\" fill=\"%s\">CPython %s %s, "
	        "%u attributes, %s instances, values ", PLOT_X - 60, dim, app_profile(a)->version,
	        abi_name(a->abi), a->attrs, count);
	char values[VALUE_LIST_TEXT];
	value_list_format(&a->values, values, sizeof values);
	text(out, values);
	fprintf(out, "</text>\n");
	/* axes, with their labels and ticks */
	fprintf(out, "<g stroke=\"%s\" stroke-width=\"1\">\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
	        "y2=\"%d\"/>\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n</g>\n", dim, PLOT_X,
	        PLOT_Y + PLOT_H, PLOT_X + PLOT_W, PLOT_Y + PLOT_H, PLOT_X, PLOT_Y, PLOT_X,
	        PLOT_Y + PLOT_H);
	for (double t = ylo; t <= yhi + 1e-9; t += ystep) {
		char label[32];
		if (by_instances)
			tick_bytes((uint64_t)llround(exp2(t)), label, sizeof label);
		else
			format_grouped((uint64_t)llround(t), label, sizeof label);
		int y = PLOT_Y + PLOT_H - (int)lround((t - ylo) / (yhi - ylo) * PLOT_H);
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"end\" fill=\"%s\">"
		        "%s</text>\n", PLOT_X - 8, y + 4, dim, label);
	}
	/* the x axis: decades of instances (and the last count when it is not
	 * one), or attribute counts in 1-2-5 steps */
	double xstep = by_instances ? 1 : nice_step(CHART_ATTRS_MAX, 8);
	double xend = by_instances ? lmax : CHART_ATTRS_MAX;
	for (double t = 0; t <= xend + 1e-9; t += xstep) {
		double f = t / xend;
		if (by_instances && t > 0 && xend - t < 0.15 && fabs(xend - t) > 1e-9)
			continue; /* too close to the last count's own label */
		x_tick(out, by_instances ? pow(10.0, t) : t, by_instances, PLOT_X + f * PLOT_W, dim);
	}
	if (by_instances && fabs(lmax - floor(lmax + 1e-9)) > 1e-9)
		x_tick(out, (double)mmax, true, PLOT_X + PLOT_W, dim);
	fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\" fill=\"%s\">"
	        "%s</text>\n", PLOT_X + PLOT_W / 2, PLOT_Y + PLOT_H + 42, fg,
	        by_instances ? "instances (log scale)" : "attributes");
	fprintf(out, "<text x=\"24\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\" fill=\"%s\" "
	        "transform=\"rotate(-90 24 %d)\">%s bytes%s</text>\n", PLOT_Y + PLOT_H / 2, fg,
	        PLOT_Y + PLOT_H / 2, accounting_name(a->acc), by_instances ? " (log scale)" : "");
	/* the series, regular drawn last so the other kinds stay visible under it */
	for (int s = a->nseries - 1; s >= 0; s--) {
		char colour[8];
		style_hex(series_style(a, s), colour);
		fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"3\" points=\"",
		        colour);
		for (int i = 0; i < POINTS; i++) {
			double v = ys[s][i];
			if (by_instances && v <= 0)
				continue;
			double fx = by_instances ? log10(xs[s][i]) / lmax : xs[s][i] / CHART_ATTRS_MAX;
			double fy = ((by_instances ? log2(v) : v) - ylo) / (yhi - ylo);
			fprintf(out, "%.1f,%.1f ", PLOT_X + fx * PLOT_W, PLOT_Y + PLOT_H - fy * PLOT_H);
		}
		fprintf(out, "\"/>\n");
		const struct kind_result *r = &a->eval.kinds[a->series_kind[s]];
		char per[32];
		format_grouped(r->fig[a->acc], per, sizeof per);
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>\n"
		        "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"%s\">%s: %s B per instance</text>\n",
		        PLOT_X + 20, PLOT_Y + 6 + 22 * s, colour, PLOT_X + 40, PLOT_Y + 18 + 22 * s, fg,
		        kind_info(a->series_kind[s])->name, per);
	}
	/* the breakdown bar of the selected kind: its parts, proportional, labelled */
	enum kind k = (enum kind)a->selected;
	const struct kind_result *r = &a->eval.kinds[k];
	int by = PLOT_Y + PLOT_H + 70;
	char total[32];
	format_grouped(r->fig[a->acc], total, sizeof total);
	fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"15\" font-weight=\"bold\" fill=\"%s\">"
	        "%s, one instance: %s %s bytes</text>\n", PLOT_X - 60, by, heading,
	        kind_info(k)->name, total, accounting_name(a->acc));
	double x = PLOT_X - 60, bw = PLOT_W + 60;
	uint64_t sum = r->fig[a->acc] ? r->fig[a->acc] : 1;
	int label = 0;
	for (int p = 0; p < PART_COUNT && r->available; p++) {
		uint64_t v = r->part[a->acc][p];
		if (!v)
			continue;
		double w = bw * (double)v / (double)sum;
		char colour[8];
		style_hex((enum style)(ST_PART0 + p), colour);
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"28\" fill=\"%s\" "
		        "stroke=\"#ffffff\"/>\n", x, by + 10, w, colour);
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s %llu</text>\n",
		        x, by + 56 + 16 * (label % 2), fg, part_label_for(k, (enum part)p),
		        (unsigned long long)v);
		x += w;
		label++;
	}
	char cmd[1024];
	bool shown[KIND_COUNT];
	for (int i = 0; i < KIND_COUNT; i++)
		shown[i] = !a->hidden[i];
	report_batch_command(&a->setting, a->acc, a->compare_instance, shown, cmd, sizeof cmd);
	fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">slotexplore %s, the "
	        "model's figures; this command prints them:</text>\n<text x=\"%d\" y=\"%d\" "
	        "font-size=\"11\" font-family=\"DejaVu Sans Mono, monospace\" fill=\"%s\">",
	        PLOT_X - 60, SVG_H - 26, dim, PACKAGE_VERSION, PLOT_X - 60, SVG_H - 10, dim);
	text(out, cmd);
	fprintf(out, "</text>\n");
	fprintf(out, "</svg>\n");
	if (ferror(out)) {
		snprintf(err, errlen, "writing the SVG failed");
		return false;
	}
	return true;
}
