#include "config.h"

#include "render/timing_pane.h"
#include "render/big_text.h"
#include "render/status_line.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/timing_analysis.h"

static int column_of(double v, const struct bins *b, int cols)
{
	if (!(b->hi > b->lo) || !isfinite(v))
		return 0;
	int c = (int)((v - b->lo) / (b->hi - b->lo) * cols);
	return c < 0 ? 0 : c >= cols ? cols - 1 : c;
}

/* One histogram on the shared bins: `rows` rows of bars (eighth blocks),
 * each bin `cpb` columns, a count scale on the right, and the marker row
 * below with the median (│), the 5th and 95th percentiles (┊) and the
 * values outside the bins counted at the edges. */
static void histogram(const struct app *a, struct grid *g, int x, int y, int rows,
                      const struct bins *b, int side, int cpb, const struct series_summary *st,
                      enum style style)
{
	static const uint32_t eighths[9] = { ' ', 0x2581, 0x2582, 0x2583, 0x2584, 0x2585, 0x2586,
	                                     0x2587, 0x2588 };
	static const char ascii[9] = { ' ', '.', '.', ':', ':', '|', '|', '#', '#' };
	int cols = b->n * cpb;
	unsigned most = b->max_count ? b->max_count : 1;
	for (int k = 0; k < b->n; k++) {
		unsigned n = b->count[side][k];
		int eighth = (int)lround((double)n / most * rows * 8);
		if (n && eighth == 0)
			eighth = 1;   /* a bin with values always shows */
		int bar = cpb >= 3 ? cpb - 1 : cpb;   /* a gap between wide bins */
		for (int r = 0; r < rows; r++) {
			int level = eighth - (rows - 1 - r) * 8;
			if (level <= 0)
				continue;
			if (level > 8)
				level = 8;
			for (int c = 0; c < bar; c++)
				grid_put_cell(g, x + k * cpb + c, y + r, a->utf8 ? eighths[level]
				              : (uint32_t)ascii[level], style);
		}
	}
	/* the count scale */
	grid_printf(g, x + cols, y, 7, ST_DIM, "%s%u", a->utf8 ? "\u2524" : "|", most);
	grid_printf(g, x + cols, y + rows - 1, 7, ST_DIM, "%s0", a->utf8 ? "\u2524" : "|");
	/* the marker row */
	int my = y + rows;
	grid_fill(g, x, my, cols, a->utf8 ? 0x2500 : '-', ST_DIM);
	grid_put_cell(g, x + column_of(st->p5, b, cols), my, a->utf8 ? 0x250A : ':', ST_DIM);
	grid_put_cell(g, x + column_of(st->p95, b, cols), my, a->utf8 ? 0x250A : ':', ST_DIM);
	grid_put_cell(g, x + column_of(st->net.median, b, cols), my, a->utf8 ? 0x2502 : '|',
	              ST_MARKER);
	if (b->under[side])
		grid_printf(g, x, my, 8, ST_WARN, "%s%zu", a->utf8 ? "\u2039" : "<", b->under[side]);
	if (b->over[side]) {
		char t[24];
		snprintf(t, sizeof t, "%zu%s", b->over[side], a->utf8 ? "\u203a" : ">");
		grid_put(g, x + cols - utf8_columns(t), my, 8, ST_WARN, t);
	}
}

static void header(const struct app *a, struct grid *g, const struct timing_result *r,
                   enum time_op op)
{
	grid_fill(g, 0, 0, g->w, ' ', ST_HEADER);
	const char *bar = a->utf8 ? "\u2502" : "|";
	char kinds[96];
	if (a->timing_aa)
		snprintf(kinds, sizeof kinds, "%s A/A test", kind_info(a->timing_kinds[0])->name);
	else
		snprintf(kinds, sizeof kinds, "%s vs %s", kind_info(a->timing_kinds[1])->name,
		         kind_info(a->timing_kinds[0])->name);
	char line[256];
	for (int form = 0; form < 2; form++) {   /* the title shortens before anything is cut */
		snprintf(line, sizeof line, " %s %s %s %s %u attrs %s %s",
		         form == 0 && a->utf8 ? "attribute access timing" : "timing", bar,
		         time_op_name(op), bar, a->timing_attrs, bar, kinds);
		if (utf8_columns(line) <= g->w)
			break;
	}
	grid_put(g, 0, 0, g->w, ST_HEADER, line);
	(void)r;
}

static void progress(const struct app *a, struct grid *g, const struct timing_result *r,
                     enum time_op op, int y)
{
	if (a->timing_running) {
		int bw = g->w / 4;
		int fill = (int)(a->timing_fraction * bw + 0.5);
		grid_put(g, 0, y, 9, ST_NORMAL, "running ");
		for (int i = 0; i < bw; i++)
			grid_put_cell(g, 8 + i, y, i < fill ? (a->utf8 ? 0x2588 : '#') : (a->utf8 ? 0x2591 : '.'),
			              i < fill ? ST_GOOD : ST_DIM);
		char eta[40] = "";
		if (a->timing_eta >= 0)
			snprintf(eta, sizeof eta, "about %.0f s left", a->timing_eta);
		/* what does not fit is left out whole: the hint, then the activity */
		char line[256];
		for (int form = 0; form < 3; form++) {
			snprintf(line, sizeof line, " %3.0f%%  %s%s%s%s", 100 * a->timing_fraction, eta,
			         form < 2 && eta[0] ? "  " : "", form < 2 ? a->timing_activity : "",
			         form == 0 ? "  (Esc stops and keeps the samples)" : "");
			if (utf8_columns(line) <= g->w - 9 - bw)
				break;
		}
		grid_put(g, 9 + bw, y, g->w - 9 - bw, ST_NORMAL, line);
		return;
	}
	if (!r)
		return;
	const char *stmt = "", *base = "";
	for (int i = 0; i < r->nseries; i++)
		if (r->series[i].op == op && r->series[i].statement[0]) {
			stmt = r->series[i].statement;
			base = r->series[i].base_statement;
			break;
		}
	/* the statements, then the values per process, are left out when the
	 * line would not fit: never cut */
	char line[400];
	for (int form = 0; form < 3; form++) {
		char what[200] = "", values[32] = "";
		if (stmt[0] && form < 2)
			snprintf(what, sizeof what, "\"%s\" against \"%s\"; ", stmt, base);
		if (form < 1 || !stmt[0] || form == 2)
			snprintf(values, sizeof values, " x %d values",
			         r->values_per_process ? r->values_per_process : 3);
		snprintf(line, sizeof line, "%s%s%d processes%s, %.1f s, %s %s",
		         r->cancelled ? "stopped early: " : r->budget_stop ? "stopped at the time limit: "
		         : "", what, r->processes, values, r->seconds, r->pyperf ? "Python" : "CPython",
		         r->interp.version);
		if (utf8_columns(line) <= g->w)
			break;
	}
	grid_put(g, 0, y, g->w, ST_DIM, line);
}

/* The verdict in capitals for presentation mode, its style, and the
 * largest scale (1 to 4) at which it fits beside histograms of 2 rows or
 * more (on a projector the verdict matters more than their detail); 0
 * when it does not fit or there is no verdict to show. */
static int big_verdict(const struct app *a, const struct grid *g, const struct op_compare *c,
                       int rows_left, char *buf, size_t n, enum style *st)
{
	*st = ST_NORMAL;
	switch (c->verdict) {
	case VERDICT_COLLECTING: snprintf(buf, n, "RUNNING"); *st = ST_DIM; break;
	case VERDICT_TOO_FEW: snprintf(buf, n, "TOO FEW"); *st = ST_WARN; break;
	case VERDICT_SMALL: snprintf(buf, n, "TOO SMALL"); break;
	case VERDICT_HOLM:
	case VERDICT_NOT_SHOWN: snprintf(buf, n, "NO DIFFERENCE"); break;
	case VERDICT_REAL: {
		bool faster = c->sh.hl < 0;   /* b - a: the compared kind takes less time */
		*st = faster ? ST_GOOD : ST_BAD;
		/* an A/A test compares one kind's second series (B) with its first */
		snprintf(buf, n, "%s %s", a->timing_aa ? "B" : kind_info(a->timing_kinds[1])->name,
		         faster ? "FASTER" : "SLOWER");
		for (char *p = buf; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		if (big_width(buf, 1) > g->w - 4)
			snprintf(buf, n, "%s", faster ? "FASTER" : "SLOWER");
		break;
	}
	default: buf[0] = '\0'; return 0;
	}
	for (int s = 4; s >= 1; s--)
		if (big_width(buf, s) <= g->w - 4 && (rows_left - 2 - BIG_ROWS(s) - 2) / 2 >= 2)
			return s;
	return 0;
}

void render_timing_pane(const struct app *a, struct grid *g)
{
	const struct timing_result *r = a->timing;
	const struct timing_analysis *an = a->timing_an;
	enum time_op op = a->timing_op;
	header(a, g, r, op);
	progress(a, g, r, op, 1);
	const struct op_compare *c = an && r && an->r == r ? &an->op[op] : NULL;
	int ser[2] = { c ? c->ia : -1, c ? c->ib : -1 };
	const struct series_summary *st[2] = { NULL, NULL };
	for (int i = 0; i < 2; i++)
		if (ser[i] >= 0 && an->s[ser[i]].ok)
			st[i] = &an->s[ser[i]];
	/* the sentence gets the rows it needs (up to 5): it is the verdict */
	char sentence[600] = "";
	if (c && an)
		timing_sentence(an, op, a->utf8, sentence, sizeof sentence);
	int sentence_rows = sentence[0] ? grid_wrap(NULL, 0, 0, g->w, 5, ST_NORMAL, sentence) : 0;
	if (sentence_rows < 2)
		sentence_rows = 2;
	int table_rows = 3, warn_rows = g->h >= 30 ? 2 : 0;
	int msg_rows = status_message_rows(a, g->w);   /* wrapped above the key bar */
	bool bar_row_taken = false;
	/* header, progress and a blank row, axis, the table, its warnings, the
	 * sentence, the message, the key bar */
	int rows_left = g->h - 3 - 1 - table_rows - warn_rows - sentence_rows - msg_rows - 1;
	/* presentation mode: the verdict in big letters, for the back row */
	char big[64] = "";
	enum style big_style = ST_NORMAL;
	int big_scale = 0;
	bool table_shown = true;
	if (a->present && c && an) {
		big_scale = big_verdict(a, g, c, rows_left, big, sizeof big, &big_style);
		if (!big_scale) {   /* the sentence keeps the medians' interval: the table goes */
			big_scale = big_verdict(a, g, c, rows_left + table_rows + warn_rows, big,
			                        sizeof big, &big_style);
			if (big_scale) {
				table_shown = false;
				rows_left += table_rows + warn_rows;
			}
		}
	}
	int y = 3;
	if (big_scale) {
		char title[96];
		snprintf(title, sizeof title, "%s %s against %s:", kind_info(a->timing_kinds[1])->name,
		         time_op_name(op), kind_info(a->timing_kinds[0])->name);
		grid_put(g, 2, y, g->w - 4, ST_HEADING, title);
		big_render(g, 2, y + 1, big_scale, big_style, a->utf8, big);
		y += 2 + BIG_ROWS(big_scale);
		rows_left -= 2 + BIG_ROWS(big_scale);
	}
	if (rows_left < 6) {   /* a short screen gives up the blank row first */
		y = 2;
		rows_left++;
	}
	int hist_rows = (rows_left - 2) / 2;   /* two histograms and their marker rows */
	if (hist_rows < 2 && msg_rows > 0) {   /* too short: the message takes the key bar's row */
		msg_rows--;
		bar_row_taken = true;
		hist_rows = (rows_left + 1 - 2) / 2;
	}
	if (hist_rows < 2)   /* the label, median and counts beside each */
		hist_rows = 2;
	int x0 = 24, width = g->w - x0 - 6;   /* room for the count scale */
	bool timed = r && (ser[0] >= 0 || ser[1] >= 0);
	if (r && !timed && !a->timing_running) {
		grid_printf(g, 2, y + 1, g->w - 4, ST_WARN, "%s was not timed in this run: a times all "
		            "seven operations, o shows the next one", time_op_name(op));
	}
	const struct bins *b = c ? &c->bins : NULL;
	int cpb = b && b->n ? width / b->n : 1;
	if (cpb < 1)
		cpb = 1;
	for (int i = 0; i < 2; i++) {
		enum style style = i ? ST_SERIES0 : ST_SERIES1;
		if (ser[i] < 0) {
			if (timed || a->timing_running) {
				grid_put(g, 0, y, x0 - 1, style, kind_info(a->timing_kinds[i])->name);
				grid_put(g, 0, y + 1, x0 - 1, ST_DIM, a->timing_running ? "waiting..." : "no samples");
			}
			y += hist_rows + 1;
			continue;
		}
		const struct timing_series *s = &r->series[ser[i]];
		char label[64];
		timing_series_label(s, a->timing_aa, label, sizeof label);
		grid_put(g, 0, y, x0 - 1, style, label);
		if (s->unsupported[0])
			grid_printf(g, 0, y + 1, x0 - 1, ST_DIM, "n/a: %s", s->unsupported);
		else if (st[i]) {
			grid_printf(g, 0, y + 1, x0 - 1, ST_NORMAL, "median %.2f ns", st[i]->net.median);
			grid_printf(g, 0, y + 2, x0 - 1, ST_DIM, "%zu procs, %zu values", st[i]->processes,
			            st[i]->values);
			if (b && b->n)
				histogram(a, g, x0, y, hist_rows, b, i, cpb, st[i], style);
		} else
			grid_put(g, 0, y + 1, x0 - 1, ST_DIM, a->timing_running ? "waiting..." : "no samples");
		y += hist_rows + 1;
	}
	if (b && b->n && (st[0] || st[1])) {
		int cols = b->n * cpb;
		grid_printf(g, x0, y, 12, ST_DIM, "%.2f ns", b->lo);
		char right[32];
		snprintf(right, sizeof right, "%.2f ns", b->hi);
		grid_put(g, x0 + cols - utf8_columns(right), y, 12, ST_DIM, right);
		/* the legend between the two ends, shortened until it fits whole */
		int room = cols - 12 - utf8_columns(right) - 2;
		char legend[96];
		for (int form = 0; form < 3; form++) {
			snprintf(legend, sizeof legend, form == 0 ? "%s median  %s p5, p95  bins of %.3f ns"
			         : form == 1 ? "%s median  %s p5, p95" : "%s median", a->utf8 ? "\u2502" : "|",
			         a->utf8 ? "\u250a" : ":", b->width);
			if (utf8_columns(legend) <= room)
				break;
			legend[0] = '\0';
		}
		int lx = x0 + cols / 2 - utf8_columns(legend) / 2;
		if (lx < x0 + 12)
			lx = x0 + 12;
		grid_put(g, lx, y, room, ST_DIM, legend);
	}
	y += 1;
	/* the summary table */
	bool wide = g->w >= 82;   /* room for the per-statement time and the baseline */
	int lw = wide ? 22 : 16;
	if (table_shown)
		grid_printf(g, 0, y++, g->w, ST_HEADING, "%-*s %5s %6s %7s %16s %8s %8s", lw, "kind",
		            "procs", "values", "median", "95% CI median", wide ? "per stmt" : "",
		            wide ? "baseline" : "");
	int warn_room = warn_rows;
	for (int i = 0; i < 2 && table_shown; i++) {
		if (!st[i])
			continue;
		char label[64], ci[48] = "-", base[16] = "-";
		timing_series_label(&r->series[ser[i]], a->timing_aa, label, sizeof label);
		if (st[i]->net.have_ci)
			snprintf(ci, sizeof ci, "%.2f %s %.2f", st[i]->net.lo, a->utf8 ? "\u2026" : "..",
			         st[i]->net.hi);
		if (isfinite(st[i]->baseline_median))
			snprintf(base, sizeof base, "%.2f", st[i]->baseline_median);
		char raw[16] = "";
		if (wide)
			snprintf(raw, sizeof raw, "%8.2f", st[i]->raw.median);
		grid_printf(g, 0, y++, g->w, ST_NORMAL, "%-*.*s %5zu %6zu %7.2f %*s %8s %8s", lw, lw,
		            label, st[i]->processes, st[i]->values, st[i]->net.median,
		            16 + (int)strlen(ci) - utf8_columns(ci), ci, raw, wide ? base : "");
		if (st[i]->warnings[0] && warn_room-- > 0)
			grid_printf(g, 2, y++, g->w - 2, ST_WARN, "%s %s", a->utf8 ? "\u26a0" : "!",
			            st[i]->warnings);
	}
	if (c && an) {
		enum style sst = c->verdict == VERDICT_REAL ? ST_BEST : c->verdict == VERDICT_ERROR
		                 ? ST_DIM : ST_HEADING;
		int room = g->h - 1 - msg_rows - y;
		if (room > sentence_rows)
			room = sentence_rows;
		if (sentence[0] && room > 0)
			grid_wrap(g, 0, y, g->w, room, sst, sentence);
	}
	/* the message above the key bar, which stays */
	int sy = g->h - 1;
	if (bar_row_taken) {
		render_status_message(a, g, sy + 1, msg_rows + 1);
		return;
	}
	render_status_message(a, g, sy, msg_rows);
	grid_fill(g, 0, sy, g->w, ' ', ST_STATUS);
	const char *bar = "o/O operation  r again  a all ops  F A/A test  Esc stop / back  t q close";
	if (utf8_columns(bar) > g->w)
		bar = "o/O op  r again  a all  F A/A  Esc stop/back  t q close";
	grid_put(g, 0, sy, g->w, ST_STATUS, bar);
}
