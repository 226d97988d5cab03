#include "config.h"

#include "render/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/units.h"
#include "render/big_text.h"
#include "render/chart.h"
#include "render/status_line.h"
#include "render/timing_pane.h"
#include "render/versions_view.h"
#include "render/census_pane.h"
#include "session/notes.h"
#include "session/object_view.h"
#include "session/tour.h"

static void signed_bytes(int64_t d, char *buf, size_t n)
{
	char h[32];
	format_bytes_human((uint64_t)(d < 0 ? -d : d), h, sizeof h);
	snprintf(buf, n, "%s%s", d < 0 ? "-" : d > 0 ? "+" : "", h);
}

/* The values as the header shows them: a long list cut short ("int:30,str:12,..."). */
#define SCREEN_VALUES_TEXT 40

/* The header's columns in a layout: wide (labels) or narrow, the count
 * grouped or as a power of ten. */
static int header_width(const struct app *a, bool wide, bool exp_count, int w)
{
	char count[32], values[64];
	format_grouped(a->instances, count, sizeof count);
	if (exp_count)
		format_count_short(a->instances, count, sizeof count);
	value_list_format_short(&a->values, values, SCREEN_VALUES_TEXT);
	char attrs[32];
	format_grouped(a->attrs, attrs, sizeof attrs);
	int sep = w < 80 ? 1 : 3;
	return (wide ? 13 : 0) + 8 + (int)strlen(app_profile(a)->version) + 1 +
	       (int)strlen(abi_name(a->abi)) + sep + (wide ? 6 : 6) + (int)strlen(attrs) + sep +
	       (wide ? 10 : 5) + utf8_columns(count) + sep + 7 + (int)strlen(values) + sep +
	       (wide ? 6 : 0) + (int)strlen(accounting_name(a->acc)) +
	       (wide && strcmp(app_profile(a)->abi[a->abi].evidence, "from-source") == 0 ? 14 : 0);
}

/* Header: one line, each field a mouse zone; short labels when narrow, the
 * count as a power of ten and the values shortened (marked) when even that
 * does not fit. */
static void render_header(const struct app *a, struct grid *g)
{
	bool wide = g->w >= 100 && header_width(a, true, false, g->w) <= g->w;
	bool exp_count = !wide && header_width(a, false, false, g->w) > g->w;
	grid_fill(g, 0, 0, g->w, ' ', ST_HEADER);
	int x = grid_put(g, 0, 0, g->w, ST_HEADER, wide ? " slotexplore " : "");
	char count[32], values[64];
	format_grouped(a->instances, count, sizeof count);
	if (exp_count)   /* keep the narrow header on one line */
		format_count_short(a->instances, count, sizeof count);
	value_list_format_short(&a->values, values, SCREEN_VALUES_TEXT);
	int over = header_width(a, wide, exp_count, g->w) - g->w;
	if (over > 0 && (int)strlen(values) > over + 2)   /* the values, shortened on purpose */
		snprintf(values + strlen(values) - (size_t)over - 1, 4, "%s", "\u2026");
	const struct profile *pr = app_profile(a);
	struct field { enum zone_kind z; const char *before, *value, *after; } f[] = {
		{ ZONE_VERSION, "CPython ", pr->version, "" },
		{ ZONE_ABI, " ", abi_name(a->abi), "" },
		{ ZONE_ATTRS, wide ? "attrs " : "", "", wide ? "" : " attrs" },
		{ ZONE_INSTANCES, wide ? "instances " : "", count, wide ? "" : " inst" },
		{ ZONE_VALUES, "values ", values, "" },
		{ ZONE_ACCOUNTING, wide ? "bytes " : "", accounting_name(a->acc), "" },
	};
	char attrs[32];
	format_grouped(a->attrs, attrs, sizeof attrs);
	f[2].value = attrs;
	/* narrower than 80 columns: tighter separators keep every field whole */
	const char *sep = g->w < 80 ? (a->utf8 ? "\u2502" : "|") : a->utf8 ? " \u2502 " : " | ";
	for (size_t i = 0; i < sizeof f / sizeof f[0] && x < g->w; i++) {
		if (i >= 2 || (i == 0 && wide))
			x += grid_put(g, x, 0, g->w - x, ST_HEADER, i == 0 || i == 1 ? "" : sep);
		if (i == 0 && wide)
			x += grid_put(g, x, 0, g->w - x, ST_HEADER, sep + (a->utf8 ? 1 : 1));
		int start = x;
		x += grid_put(g, x, 0, g->w - x, ST_HEADER, f[i].before);
		x += grid_put(g, x, 0, g->w - x, ST_HEADER_KEY, f[i].value);
		x += grid_put(g, x, 0, g->w - x, ST_HEADER, f[i].after);
		/* a 32-bit variant read from the C source says so, where there is room */
		if (i == 1 && wide && strcmp(pr->abi[a->abi].evidence, "from-source") == 0)
			x += grid_put(g, x, 0, g->w - x, ST_HEADER, " (from source)");
		/* an interpreter newer than every profile: say so while its stand-in shows */
		if (i == 0 && a->newer_than_profile[0] && a->interp_version[0] &&
		    strcmp(a->interp_version, pr->version) == 0) {
			char warn[48];
			snprintf(warn, sizeof warn, wide ? " (stand-in for %s!)" : " for %s!",
			         a->newer_than_profile);
			x += grid_put(g, x, 0, g->w - x, ST_WARN, warn);
		}
		grid_add_zone(g, f[i].z, start, 0, x - start, 1, 0);
	}
	/* the interpreter, right-aligned when there is room */
	char who[200];
	snprintf(who, sizeof who, " %s ", a->interp_label[0] ? a->interp_label : "model alone");
	int ww = utf8_columns(who);
	if (x + ww + 1 <= g->w)
		grid_put(g, g->w - ww, 0, ww, ST_HEADER, who);
}

struct columns {
	int name, per, total, vs, cls, check;   /* x of each; width follows */
	bool wide;
};

static void table_columns(const struct app *a, int w, struct columns *c)
{
	c->name = 2;
	c->per = 27;
	c->total = 39;
	c->vs = 51;
	c->cls = 68;
	c->check = -1;
	c->wide = false;
	if (w >= 104) {
		int extra = (w - 104) / 6;
		if (extra > 6)
			extra = 6;
		c->per += extra;
		c->total += 2 * extra;
		c->vs += 3 * extra;
		c->cls += 4 * extra;
	}
	bool narrow = c->cls + 11 > w;   /* no room for "per class" whole */
	if (narrow)
		c->cls = -1;
	if (a->check.active) {
		/* the measured figure goes after the table, or over "per class" */
		if (narrow) {   /* the measurement is worth more here than the comparison */
			c->check = c->vs;
			c->vs = -1;
		}
		else if (c->cls + 12 + 10 <= w)
			c->check = c->cls + 12;
		else {   /* over "per class", a space after the comparison */
			c->check = c->cls + 1;
			c->cls = -1;
		}
	}
}

static void render_table(const struct app *a, struct grid *g, int y0, int rows)
{
	struct columns c;
	table_columns(a, g->w, &c);
	char total_head[48], m[32];
	format_grouped(a->instances, m, sizeof m);
	if (utf8_columns(m) > 11)   /* 1,000,000,000,000 -> 1e12 */
		format_count_short(a->instances, m, sizeof m);
	snprintf(total_head, sizeof total_head, "%11s", a->instances == 1 ? "1 instance" : m);
	grid_printf(g, c.name, y0, g->w, ST_HEADING, "%-24s", "kind");
	grid_printf(g, c.per - 1, y0, 12, ST_HEADING, "%11s", "per inst");
	grid_printf(g, c.total - 1, y0, 12, ST_HEADING, "%s", total_head);
	if (c.vs >= 0) {   /* say what the per cent compares, shorter where narrow */
		const char *head = a->compare_instance ? "vs reg (inst)" : "vs reg (total)";
		if (c.vs + 1 + utf8_columns(head) > g->w)
			head = a->compare_instance ? "vs reg/inst" : "vs reg/tot";
		grid_put(g, c.vs + 1, y0, 16, ST_HEADING, head);
	}
	if (c.cls >= 0)
		grid_printf(g, c.cls, y0, 11, ST_HEADING, "%10s", "per class");
	if (c.check >= 0 && c.check < g->w)
		grid_put(g, c.check, y0, g->w - c.check, ST_HEADING,
		         a->acc == ACC_GETSIZEOF ? "measured" : a->acc == ACC_DEEP ? "measured"
		                                                                : "tracemalloc");

	const struct kind_result *reg = &a->eval.kinds[KIND_REGULAR];
	int n = app_visible_count(a);
	/* fewer rows than kinds: scroll so that the selected one is on screen */
	int at = 0, top = 0;
	for (int i = 0; i < n; i++)
		if ((int)app_visible_kind(a, i) == a->selected)
			at = i;
	if (rows < n && at >= rows)
		top = at - rows + 1;
	/* which rows are shown, and what the star means: as much as the room
	 * before "per inst" takes */
	const char *star = a->utf8 ? "\u2605" : "*", *basis = a->compare_instance ? "inst" : "total";
	char heads[4][64];
	int nheads = 0;
	bool scrolled = rows < n && rows > 0;
	if (scrolled && a->best >= 0) {
		snprintf(heads[nheads++], sizeof heads[0], "(%d-%d of %d, %s least %s)", top + 1,
		         top + rows, n, star, a->compare_instance ? "per inst" : "in total");
		snprintf(heads[nheads++], sizeof heads[0], "(%d-%d/%d %s least/%s)", top + 1,
		         top + rows, n, star, basis);
		/* the basis is in the "vs reg" heading too */
		snprintf(heads[nheads++], sizeof heads[0], "(%d-%d/%d %s least)", top + 1, top + rows,
		         n, star);
	}
	if (scrolled)
		snprintf(heads[nheads++], sizeof heads[0], "(%d-%d of %d)", top + 1, top + rows, n);
	else if (a->best >= 0)
		snprintf(heads[nheads++], sizeof heads[0], "(%s least %s)", star,
		         a->compare_instance ? "per inst" : "in total");
	int room = c.per - 1 + 11 - (int)strlen("per inst") - 1 - (c.name + 5);
	for (int i = 0; i < nheads; i++)
		if (utf8_columns(heads[i]) <= room || i == nheads - 1) {
			grid_put(g, c.name + 5, y0, room, ST_DIM, heads[i]);
			break;
		}
	for (int i = top; i < n && i < top + rows; i++) {
		enum kind k = app_visible_kind(a, i);
		const struct kind_result *r = &a->eval.kinds[k];
		int y = y0 + 1 + i - top;
		bool sel = (int)k == a->selected;
		enum style base = sel ? ST_SELECTED : ST_NORMAL;
		if (sel)
			grid_fill(g, 0, y, g->w, ' ', ST_SELECTED);
		grid_add_zone(g, ZONE_ROW, 0, y, g->w, 1, i);
		if ((int)k == a->best)
			grid_put(g, 0, y, 2, sel ? ST_SELECTED : ST_BEST, a->utf8 ? "\u2605" : "*");
		else if (sel)
			grid_put(g, 0, y, 2, ST_SELECTED, ">");
		grid_put(g, c.name, y, 24, base, kind_info(k)->name);
		if (!r->available) {
			const char *why = r->unavailable, *needs = strstr(why, "needs ");
			if (utf8_columns(why) > g->w - c.per && needs)
				why = needs;   /* narrow: "needs Python 3.10+" says it */
			grid_put(g, c.per, y, g->w - c.per, sel ? ST_SELECTED : ST_DIM, why);
			continue;
		}
		char buf[48], buf2[48];
		if (r->shared_singleton)
			snprintf(buf, sizeof buf, "0 ()");
		else
			format_grouped(r->fig[a->acc], buf, sizeof buf);
		grid_printf(g, c.per - 1, y, 12, base, "%10s%s", buf, r->estimate && a->acc == ACC_ALLOCATED ? "*" : " ");
		format_bytes_human(r->total[a->acc], buf2, sizeof buf2);
		snprintf(buf, sizeof buf, "%s%.40s", r->saturated ? ">" : "", buf2);   /* > = saturated */
		grid_printf(g, c.total - 1, y, 12, (int)k == a->best && !sel ? ST_BEST : base, "%11s", buf);
		if (c.vs < 0) {
			/* the measured column took its place */
		} else if (r->saturated || reg->saturated) {
			grid_put(g, c.vs + 1, y, 15, sel ? ST_SELECTED : ST_DIM, "> 2^64 bytes");
		} else if (k == KIND_REGULAR || !reg->available) {
			grid_put(g, c.vs + 1, y, 15, sel ? ST_SELECTED : ST_DIM, k == KIND_REGULAR ? "(baseline)" : "");
		} else {
			uint64_t mine = a->compare_instance ? r->fig[a->acc] : r->total[a->acc];
			uint64_t base_v = a->compare_instance ? reg->fig[a->acc] : reg->total[a->acc];
			int64_t d = (int64_t)mine - (int64_t)base_v;
			format_change_percent(base_v, mine, buf, sizeof buf);
			signed_bytes(d, buf2, sizeof buf2);
			enum style st = sel ? ST_SELECTED : d < 0 ? ST_GOOD : d > 0 ? ST_BAD : ST_NORMAL;
			if (c.vs + 17 > g->w)   /* narrow: the per cent alone, whole */
				grid_printf(g, c.vs, y, 6, st, "%5s", buf);
			else
				grid_printf(g, c.vs, y, 17, st, "%5s %10s", buf, buf2);
		}
		if (c.cls < 0) {
			/* the measured column took its place */
		} else if (kind_info(k)->has_class) {
			format_grouped(r->per_class_getsizeof, buf, sizeof buf);
			grid_printf(g, c.cls, y, 11, base, "%10s", buf);
		} else {
			grid_printf(g, c.cls, y, 11, sel ? ST_SELECTED : ST_DIM, "%10s", "-");
		}
		if (c.check >= 0 && c.check < g->w) {
			const struct app_check *ck = &a->check;
			/* tracemalloc counts requests: the measurable twin of allocated */
			enum accounting shown = a->acc == ACC_ALLOCATED ? ACC_REQUESTED : a->acc;
			if (ck->done[k] && !ck->has[k][shown]) {
				/* a reply without this figure checked nothing here: no mark (F1) */
				grid_put(g, c.check, y, g->w - c.check, ST_ERROR,
				         a->utf8 ? "\u2717 nothing measured" : "XX nothing measured");
			} else if (ck->done[k]) {
				char got[40], cell[64];
				format_grouped(ck->measured[k][shown], got, sizeof got);
				/* say which figure was measured when it is not the one on screen */
				snprintf(cell, sizeof cell, "%s %s%s", ck->match[k] ? (a->utf8 ? "\u2713" : "ok")
				         : (a->utf8 ? "\u2717" : "XX"), got,
				         shown != a->acc ? " req" : "");
				if (utf8_columns(cell) > g->w - c.check)
					snprintf(cell, sizeof cell, "%s %s", ck->match[k] ? (a->utf8 ? "\u2713" : "ok")
					         : (a->utf8 ? "\u2717" : "XX"), got);
				grid_put(g, c.check, y, g->w - c.check,
				         ck->match[k] ? (sel ? ST_SELECTED : ST_GOOD) : ST_ERROR, cell);
			} else if (ck->running) {
				grid_put(g, c.check, y, g->w - c.check, ST_DIM, "...");
			}
		}
	}
}

/* Your own class (:object): a heading and up to rows - 1 of its layouts,
 * in the table's columns; the saving is against the class as it is, and
 * the measured column (when the version shown is the one measured) takes
 * "per class". Returns the rows drawn. */
static int render_object_rows(const struct app *a, struct grid *g, int y0, int rows)
{
	const struct app_object *o = a->object;
	if (!o || rows < 2)
		return 0;
	const struct object_judgement *j = &o->j;
	struct columns c;
	table_columns(a, g->w, &c);
	c.check = c.cls;   /* no per-class figure here: the measurement takes its place */
	if (c.check < 0 && c.vs >= 0 && j->measured_here) {
		c.check = c.vs;
		c.vs = -1;
	}
	char head[160];
	const char *name = o->res.name ? o->res.name : "?";
	if (j->measured_here)
		snprintf(head, sizeof head, "%s, measured on %s", name, o->version);
	else
		snprintf(head, sizeof head, "%s: model alone for %s (measured %s)", name,
		         app_profile(a)->version, o->version);
	int room = c.per - 1 + 11 - (int)strlen("per inst") - 1 - c.name;
	/* a long heading takes the columns' headings' place: the table's repeat them */
	int wide = (c.vs >= 0 ? c.vs : c.total) - 1 - c.name;
	bool columns = utf8_columns(head) <= room;
	if (!columns && utf8_columns(head) > wide)
		snprintf(head, sizeof head, "%s: %s", name, j->measured_here ? "measured" : "model alone");
	columns = utf8_columns(head) <= room;
	if (!columns && utf8_columns(head) > wide)
		snprintf(head, sizeof head, "%s", j->measured_here ? "your class" : "model alone");
	columns = utf8_columns(head) <= room;
	grid_fill(g, 0, y0, g->w, ' ', ST_NORMAL);
	grid_put(g, c.name, y0, columns ? room : wide, ST_HEADING, head);
	if (columns) {
		grid_printf(g, c.per - 1, y0, 12, ST_HEADING, "%11s", "per inst");
		char m[32];
		format_grouped(a->instances, m, sizeof m);
		if (utf8_columns(m) > 11)
			format_count_short(a->instances, m, sizeof m);
		grid_printf(g, c.total - 1, y0, 12, ST_HEADING, "%11s", a->instances == 1 ? "1 instance" : m);
	}
	if (c.vs >= 0)
		grid_put(g, c.vs + 1, y0, 16, ST_HEADING, "vs as it is");
	if (!j->measured_here)
		c.check = -1;
	if (c.check >= 0 && c.check + 8 <= g->w)
		grid_put(g, c.check, y0, g->w - c.check, ST_HEADING,
		         a->acc == ACC_GETSIZEOF ? "measured" : "tracemalloc");
	const struct object_row *list[ALT_COUNT + 2];
	int n = app_object_rows(a, list, ALT_COUNT + 2);
	/* short of room: the class as it is and the recommended layout first */
	const struct object_row *best = j->partial ? &j->partial_row : &j->alt[j->best];
	const struct object_row *shown[ALT_COUNT + 2];
	int ns = 0;
	shown[ns++] = list[0];
	if (rows - 1 < n)
		shown[ns++] = best;
	for (int i = 1; i < n && ns < rows - 1; i++)
		if (list[i] != best || rows - 1 >= n)
			shown[ns++] = list[i];
	enum accounting acc = a->acc;
	for (int i = 0; i < ns; i++) {
		const struct object_row *r = shown[i];
		int y = y0 + 1 + i;
		grid_put(g, c.name, y, 24, r == best ? ST_BEST : ST_NORMAL, r->label);
		if (!r->modelled) {
			grid_put(g, c.per, y, g->w - c.per, ST_DIM, r->why_not);
			continue;
		}
		char buf[48], buf2[48];
		bool deep_alone = acc == ACC_DEEP;   /* the model has no deep for a real class */
		if (deep_alone && !(r == &j->real && r->has_deep)) {
			grid_printf(g, c.per - 1, y, 12, ST_DIM, "%10s ", "-");
		} else {
			format_grouped(r->fig[acc], buf, sizeof buf);
			grid_printf(g, c.per - 1, y, 12, ST_NORMAL, "%10s ", buf);
			if (a->instances > 0 && r->fig[acc] <= UINT64_MAX / a->instances) {
				format_bytes_human(r->fig[acc] * a->instances, buf2, sizeof buf2);
				grid_printf(g, c.total - 1, y, 12, ST_NORMAL, "%11s", buf2);
			}
		}
		if (c.vs >= 0 && !deep_alone) {
			if (r == &j->real) {
				grid_put(g, c.vs + 1, y, 15, ST_DIM, "(as it is)");
			} else {
				int64_t d = -r->saving[acc];
				uint64_t mine = r->fig[acc], base = j->real.fig[acc];
				format_change_percent(base, mine, buf, sizeof buf);
				signed_bytes(d, buf2, sizeof buf2);
				enum style st = d < 0 ? ST_GOOD : d > 0 ? ST_BAD : ST_NORMAL;
				if (c.vs + 17 > g->w)
					grid_printf(g, c.vs, y, 6, st, "%5s", buf);
				else
					grid_printf(g, c.vs, y, 17, st, "%5s %10s", buf, buf2);
			}
		}
		if (c.check >= 0 && c.check + 8 <= g->w && r->measured &&
		    (acc == ACC_GETSIZEOF || r->has_requested)) {
			/* what tracemalloc or getsizeof said; allocated is checked through requested */
			bool gs = acc == ACC_GETSIZEOF;
			char got[40], cell[64];
			bool compared = gs || r->measured_exact;
			bool match = gs ? r->match_getsizeof : r->match_requested;
			if (r == &j->real && !j->real_exact)
				compared = false;
			if (gs)
				format_grouped(r->measured_getsizeof, got, sizeof got);
			else if (r->measured_exact)
				format_grouped((uint64_t)(r->measured_requested + 0.5), got, sizeof got);
			else
				snprintf(got, sizeof got, "~%.0f", r->measured_requested);
			snprintf(cell, sizeof cell, "%s %s%s", !compared ? " " : match ? (a->utf8 ? "\u2713" : "ok")
			         : (a->utf8 ? "\u2717" : "XX"), got, gs || acc == ACC_REQUESTED ? "" : " req");
			if (utf8_columns(cell) > g->w - c.check)
				snprintf(cell, sizeof cell, "%s", got);
			grid_put(g, c.check, y, g->w - c.check, !compared ? ST_DIM : match ? ST_GOOD : ST_ERROR,
			         cell);
		} else if (c.check >= 0 && c.check + 8 <= g->w && r->unsupported[0]) {
			grid_put(g, c.check, y, g->w - c.check, ST_DIM, "not built");
		}
	}
	return 1 + ns;
}

/* The selected kind's parts as a labelled stacked bar and a legend. */
static void render_breakdown(const struct app *a, struct grid *g, int y)
{
	enum kind k = (enum kind)a->selected;
	const struct kind_result *r = &a->eval.kinds[k];
	char buf[64];
	if (!r->available) {
		grid_printf(g, 0, y, g->w, ST_DIM, "%s: %s", kind_info(k)->name, r->unavailable);
		return;
	}
	uint64_t total = r->fig[a->acc];
	format_grouped(total, buf, sizeof buf);
	int lx = grid_printf(g, 0, y, g->w, ST_HEADING, "%s, one instance, %s: %s B ",
	                     kind_info(k)->name, accounting_name(a->acc), buf);
	int bar_x = lx < 44 ? 44 : lx + 1;
	if (bar_x > g->w - 16)
		bar_x = g->w - 16;
	int bar_w = g->w - bar_x - 1;
	static const uint32_t fill_utf8[4] = { 0x2588, 0x2593, 0x2592, 0x2591 };
	static const uint32_t fill_ascii[4] = { '#', '=', ':', '.' };
	/* short part names when the full legend would not fit */
	static const char *const short_label[PART_COUNT] = {
		"GC", "pre", "obj", "ptrs", "values", "dict", "keys", "names", "objects", "rounding",
	};
	int full = 0;
	for (int p = 0; p < PART_COUNT; p++)
		if (model_part_listed(r, a->acc, (enum part)p))
			full += 4 + utf8_columns(part_label_for(k, (enum part)p)) + 6;
	bool brief = full > g->w;
	int legend_x = 0, shown = 0;
	uint64_t sum = 0;
	for (int p = 0; p < PART_COUNT; p++) {
		uint64_t v = r->part[a->acc][p];
		if (!model_part_listed(r, a->acc, (enum part)p))
			continue;
		int from = (int)((sum * (uint64_t)bar_w) / total);
		sum += v;
		int to = (int)((sum * (uint64_t)bar_w) / total);
		if (to == from && to < bar_w && v)
			to = from + 1;   /* every part with bytes gets at least one cell */
		enum style st = (enum style)(ST_PART0 + p);
		uint32_t fill = a->utf8 ? fill_utf8[shown % 4] : fill_ascii[shown % 4];
		for (int i = from; i < to; i++)
			grid_put_cell(g, bar_x + i, y, fill, st);
		char item[64];
		snprintf(item, sizeof item, "%s %llu", brief ? short_label[p] : part_label_for(k, (enum part)p),
		         (unsigned long long)v);
		int iw = utf8_columns(item);
		/* the label inside its segment when it fits, else only in the legend */
		if (a->utf8 && to - from >= iw + 2)
			grid_put(g, bar_x + from + 1, y, iw, ST_SELECTED, item);
		int need = (shown ? 2 : 0) + 2 + iw;
		if (legend_x + need <= g->w) {
			legend_x += shown ? 2 : 0;
			grid_put_cell(g, legend_x, y + 1, fill, st);
			grid_put(g, legend_x + 2, y + 1, iw, ST_NORMAL, item);
			legend_x += 2 + iw;
		}
		shown++;
	}
	if (!total)
		grid_put(g, bar_x, y, bar_w, ST_DIM,
		         r->shared_singleton ? "() is a shared singleton: 0 bytes each" : "0 bytes");
}



/* The sentences of text that fit in rows lines of w columns, and a mark
 * that there is more (more, e.g. " (i: the whole note)") when some do not: the notes
 * are shortened on purpose, at a sentence, never cut inside one. */
static void fit_sentences(const char *text, int w, int rows, char *out, size_t n,
                          const char *more)
{
	snprintf(out, n, "%s", text);
	if (grid_wrap(NULL, 0, 0, w, 99, ST_NORMAL, out) <= rows)
		return;
	size_t best = 0;
	for (const char *p = text; *p; p++) {
		bool end = (p[0] == '.' || p[0] == ']') && (p[1] == ' ' || !p[1]);
		if (!end)
			continue;
		size_t len = (size_t)(p - text) + 1;
		snprintf(out, n, "%.*s%s", (int)len, text, more);
		if (grid_wrap(NULL, 0, 0, w, 99, ST_NORMAL, out) > rows)
			break;
		best = len;
	}
	if (best) {
		snprintf(out, n, "%.*s%s", (int)best, text, more);
		return;
	}
	/* not even one sentence fits: as many words as do, marked */
	size_t len = strlen(text);
	do {
		while (len > 0 && text[len - 1] != ' ')
			len--;
		while (len > 0 && text[len - 1] == ' ')
			len--;
		snprintf(out, n, "%.*s\u2026%s", (int)len, text, more);
	} while (len > 0 && grid_wrap(NULL, 0, 0, w, 99, ST_NORMAL, out) > rows);
}

/* A tour step's words: its text (after N, the teacher's notes in its
 * place), then its question and, after A, the answer. Draws at most rows
 * rows and returns the rows drawn; with g NULL, the rows the step needs:
 * room for the longer of text and notes and for the answer, so that nothing
 * moves when N or A is pressed. */
static int render_tour_words(struct app *a, struct grid *g, int x, int y, int w, int rows)
{
	const struct tour_step *st = &a->tour->step[a->tour_step];
	/* each label, then the expanded words after it */
	static const char notes_label[] = "Teacher's notes: ", question_label[] = "Question: ",
	                  answer_label[] = "Answer: ", reveal[] = "  (A: the answer)";
	char text[2048], notes[1600], question[700], answer[1300];
	tour_expand(a, st->text, text, sizeof text);
	notes[0] = question[0] = answer[0] = '\0';
	if (st->notes[0]) {
		memcpy(notes, notes_label, sizeof notes_label);
		tour_expand(a, st->notes, notes + strlen(notes_label), sizeof notes - strlen(notes_label));
	}
	if (st->question[0]) {
		size_t room = sizeof question - strlen(question_label) - strlen(reveal);
		memcpy(question, question_label, sizeof question_label);
		tour_expand(a, st->question, question + strlen(question_label), room);
		if (!a->tour_answer_shown)
			strcat(question, reveal);
		memcpy(answer, answer_label, sizeof answer_label);
		tour_expand(a, st->answer, answer + strlen(answer_label), sizeof answer - strlen(answer_label));
	}
	if (!g) {
		int t = grid_wrap(NULL, 0, 0, w, 999, ST_NORMAL, text);
		int n = notes[0] ? grid_wrap(NULL, 0, 0, w, 999, ST_NORMAL, notes) : 0;
		int q = question[0] ? grid_wrap(NULL, 0, 0, w, 999, ST_NORMAL, question) : 0;
		int an = answer[0] ? grid_wrap(NULL, 0, 0, w, 999, ST_NORMAL, answer) : 0;
		return (t > n ? t : n) + q + an;
	}
	/* too small a window: the text gives way at a sentence, and i shows the
	 * whole step in the pager; then the question and the answer go too */
	bool notes_shown = a->tour_notes_shown && notes[0];
	const char *main = notes_shown ? notes : text;
	int q = question[0] ? grid_wrap(NULL, 0, 0, w, 999, ST_NORMAL, question) : 0;
	int an = question[0] && a->tour_answer_shown
	         ? grid_wrap(NULL, 0, 0, w, 999, ST_NORMAL, answer) : 0;
	if (rows - q - an < 2)
		q = an = 0;
	char shown[2100];
	fit_sentences(main, w, rows - q - an, shown, sizeof shown, " (i: the whole step)");
	int used = grid_wrap(g, x, y, w, rows - q - an, notes_shown ? ST_WARN : ST_NORMAL, shown);
	if (q)
		used += grid_wrap(g, x, y + used, w, q, ST_HEADING, question);
	if (an)
		used += grid_wrap(g, x, y + used, w, an, ST_GOOD, answer);
	return used;
}

/* The keys of a tour step, after its title (at column `at` of w): in
 * words where there is room, else the letters alone. */
static void tour_title_keys(const struct tour_step *st, int at, int w, char *out, size_t n)
{
	snprintf(out, n, "(n next, p previous, T leave%s%s)", st->notes[0] ? ", N notes" : "",
	         st->question[0] ? ", A answer" : "");
	if (at + utf8_columns(out) > w)
		snprintf(out, n, "(n p T%s%s)", st->notes[0] ? " N" : "", st->question[0] ? " A" : "");
	if (at + utf8_columns(out) > w)
		out[0] = '\0';   /* a long title: the key bar and ? have them */
}


/* The key bar's items for the view on screen, most useful first; "? help"
 * and the way out always come last and always show, as htop keeps its Help
 * and Quit keys in view. */
static void key_bar_text(const struct app *a, int w, char *out, size_t n)
{
	static const char *const main_utf8[] = {
		"\u2190\u2192 attrs", "+- inst", "\u2191\u2193 kind", "v ver", "a bytes", "w values", "b ABI",
		"c chart", "e versions", "m measure", "t time", "i note", "T tour", ": command", NULL };
	static const char *const main_ascii[] = {
		"<- -> attrs", "+- inst", "up/dn kind", "v ver", "a bytes", "w values", "b ABI",
		"c chart", "e versions", "m measure", "t time", "i note", "T tour", ": command", NULL };
	static const char *const versions_utf8[] = {
		"\u2190\u2192 attrs", "+- inst", "\u2191\u2193 kind", "a bytes", "w values", "b ABI", NULL };
	static const char *const versions_ascii[] = {
		"<- -> attrs", "+- inst", "up/dn kind", "a bytes", "w values", "b ABI", NULL };
	static const char *const census_utf8[] = {
		"\u2191\u2193 class", "Enter open", "v ver", "a bytes", "b ABI", NULL };
	static const char *const census_ascii[] = {
		"up/dn class", "Enter open", "v ver", "a bytes", "b ABI", NULL };
	bool census = a->census_view && a->census;
	const char *const *items = census ? (a->utf8 ? census_utf8 : census_ascii)
	                         : a->versions_view ? (a->utf8 ? versions_utf8 : versions_ascii)
	                                            : (a->utf8 ? main_utf8 : main_ascii);
	const char *tail = census ? "? help  Esc q close" : a->versions_view ? "? help  e q close"
	                   : a->tour_active ? "n p tour  ? help  q quit" : "? help  q quit";
	int room = w - utf8_columns(tail), used = 0;
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; items[i]; i++) {
		int iw = utf8_columns(items[i]) + 2;
		if (used + iw > room)
			break;
		len += (size_t)snprintf(out + len, n - len, "%s  ", items[i]);
		used += iw;
	}
	snprintf(out + len, n - len, "%s", tail);
}

static int render_status(const struct app *a, struct grid *g)
{
	int y = g->h - 1;
	int msg = status_message_rows(a, g->w);
	if (msg > g->h - 2)
		msg = g->h - 2 > 0 ? g->h - 2 : 0;
	render_status_message(a, g, y, msg);
	grid_fill(g, 0, y, g->w, ' ', ST_STATUS);
	if (a->cmd_active) {
		grid_fill(g, 0, y, g->w, ' ', ST_NORMAL);
		grid_put(g, 0, y, 1, ST_HEADER_KEY, ":");
		/* scroll the text left when the cursor would leave the screen */
		const char *t = a->cmd_text;
		int skip = a->cmd_cursor > g->w - 3 ? a->cmd_cursor - (g->w - 3) : 0;
		while (skip > 0 && *t) {
			t++;
			while (((unsigned char)*t & 0xC0) == 0x80)
				t++;
			skip--;
		}
		grid_put(g, 1, y, g->w - 1, ST_NORMAL, t);
		return 1 + msg;
	}
	char bar[400];
	key_bar_text(a, g->w, bar, sizeof bar);
	grid_put(g, 0, y, g->w, ST_STATUS, bar);
	return 1 + msg;
}

/* The help: every key row, wrapped under its description, then the mouse
 * and counting notes; it scrolls when it does not fit. */
static void render_help(struct app *a, struct grid *g)
{
	int kw = 0;
	for (int r = 0; r < key_table_rows; r++) {
		int w = utf8_columns(a->utf8 ? key_table[r].label : key_table[r].ascii);
		if (w > kw)
			kw = w;
	}
	int tx = 4 + kw, tw = g->w - tx - 1;
	static const char *const mouse =
		"Mouse: click a kind to select it; the wheel over a header field changes it, over "
		"the chart it changes the chart's axis. Counts: the per-instance figure is steady "
		"state; totals add the list, the class and the first instances' spare slots. See "
		"man slotexplore.";
	/* count the lines, then draw the window [help_top, help_top + rows) */
	int total = 0;
	for (int r = 0; r < key_table_rows; r++)
		total += grid_wrap(NULL, 0, 0, tw, 99, ST_NORMAL, key_table[r].help);
	total += 1 + grid_wrap(NULL, 0, 0, g->w - 4, 99, ST_DIM, mouse);
	int rows = g->h - 2;
	if (a->help_top > total - rows)
		a->help_top = total - rows;
	if (a->help_top < 0)
		a->help_top = 0;
	grid_fill(g, 0, 0, g->w, ' ', ST_HEADER);
	char title[160];
	if (total > rows)
		snprintf(title, sizeof title, "slotexplore keys, lines %d-%d of %d (%s scroll, any "
		         "other key closes)", a->help_top + 1, a->help_top + rows, total,
		         a->utf8 ? "\u2191\u2193 PgUp PgDn" : "Up Down PgUp PgDn");
	else
		snprintf(title, sizeof title, "slotexplore keys (any key closes this help)");
	if (utf8_columns(title) > g->w - 1 && total > rows)
		snprintf(title, sizeof title, "keys, lines %d-%d of %d (arrows scroll, other keys close)",
		         a->help_top + 1, a->help_top + rows, total);
	grid_put(g, 1, 0, g->w - 1, ST_HEADER, title);
	/* line L of the help goes to row 1 + L - help_top when that is on screen */
	int line = 0, bottom = 1 + rows;
	for (int r = 0; r < key_table_rows; r++) {
		int n = grid_wrap(NULL, 0, 0, tw, 99, ST_NORMAL, key_table[r].help);
		for (int i = 0; i < n; i++, line++) {
			int y = 1 + line - a->help_top;
			if (y < 1 || y >= bottom)
				continue;
			if (i == 0)
				grid_put(g, 2, y, kw, ST_HEADER_KEY,
				         a->utf8 ? key_table[r].label : key_table[r].ascii);
			grid_wrap_from(g, tx, y, tw, 1, ST_NORMAL, key_table[r].help, i, true);
		}
	}
	line++;   /* a blank line before the notes */
	int n = grid_wrap(NULL, 0, 0, g->w - 4, 99, ST_DIM, mouse);
	for (int i = 0; i < n; i++, line++) {
		int y = 1 + line - a->help_top;
		if (y >= 1 && y < bottom)
			grid_wrap_from(g, 2, y, g->w - 4, 1, ST_DIM, mouse, i, true);
	}
	render_status(a, g);
}

/* One line of the pager's text, by number: its start and length. */
static bool text_line(const char *text, int n, const char **start, size_t *len)
{
	const char *p = text;
	for (; n > 0 && *p; p++)
		if (*p == '\n')
			n--;
	if (n > 0 || !*p)
		return false;
	const char *e = strchr(p, '\n');
	*start = p;
	*len = e ? (size_t)(e - p) : strlen(p);
	return true;
}

static bool contains_nocase(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; m && i + m <= n; i++) {
		size_t j = 0;
		while (j < m && (hay[i + j] | 0x20) == (needle[j] | 0x20))
			j++;
		if (j == m)
			return true;
	}
	return false;
}

/* A pager line, wrapped into w columns and never cut: it keeps its leading
 * blanks, and the lines it continues on start under its text (under the
 * second column of a "name   text" line, within the first two thirds). Draws row `only` of them at y
 * (only < 0: draws none); returns how many rows the line takes. */
static int pager_line(struct grid *g, const char *line, size_t len, int w, int y, int only,
                      enum style st)
{
	size_t lead = 0;
	while (lead < len && line[lead] == ' ')
		lead++;
	size_t hang = lead;
	for (size_t i = lead; i + 2 < len && (int)i < w * 2 / 3; i++)
		if (line[i] == ' ' && line[i + 1] == ' ') {
			size_t j = i;
			while (j < len && line[j] == ' ')
				j++;
			if ((int)j < w * 2 / 3)
				hang = j;
			break;
		}
	int rows = 0;
	size_t pos = 0;
	while (pos < len || rows == 0) {
		size_t x = rows ? hang : 0, room = (size_t)w > x ? (size_t)w - x : 1;
		size_t take = 0, cols = 0, cut = 0;
		while (pos + take < len && cols < room) {
			if (line[pos + take] == ' ')
				cut = take;
			if (((unsigned char)line[pos + take] & 0xC0) != 0x80)
				cols++;
			take++;
		}
		while (pos + take < len && ((unsigned char)line[pos + take] & 0xC0) == 0x80)
			take++;
		if (pos + take < len && cut > (rows ? 0 : lead))
			take = cut;
		if (g && rows == only) {
			char buf[2048];
			snprintf(buf, sizeof buf, "%.*s", (int)(take < sizeof buf ? take : sizeof buf - 1),
			         line + pos);
			grid_put(g, (int)x, y, w - (int)x, st, buf);
		}
		rows++;
		pos += take;
		while (pos < len && line[pos] == ' ')
			pos++;
		if (!take)
			break;
	}
	return rows;
}

/* Command output, wrapped to the width (never cut), scrolled, searched. */
static void render_pager(struct app *a, struct grid *g)
{
	int rows = g->h - 2, w = g->w;
	int total = 0, nlines = 0;
	const char *start;
	size_t len;
	while (text_line(a->pager, nlines, &start, &len)) {
		total += pager_line(NULL, start, len, w, 0, -1, ST_NORMAL);
		nlines++;
	}
	/* a search: 2 a new one, from the top line shown; 1 (n) after it; -1 (N) before it */
	if (a->pager_find) {
		int row = 0, found = -1;
		for (int i = 0; text_line(a->pager, i, &start, &len); i++) {
			bool after = a->pager_find == 2 ? row >= a->pager_top : row > a->pager_top;
			if (contains_nocase(start, len, a->pager_search)) {
				if (a->pager_find > 0 && after && found < 0)
					found = row;
				if (a->pager_find < 0 && row < a->pager_top)
					found = row;
			}
			row += pager_line(NULL, start, len, w, 0, -1, ST_NORMAL);
		}
		a->pager_not_found = found < 0;
		if (found >= 0)
			a->pager_top = found;
		a->pager_find = 0;
	}
	if (a->pager_top > total - rows)
		a->pager_top = total - rows;
	if (a->pager_top < 0)
		a->pager_top = 0;
	grid_fill(g, 0, 0, g->w, ' ', ST_HEADER);
	char title[200];
	int last = a->pager_top + rows < total ? a->pager_top + rows : total;
	snprintf(title, sizeof title, "command output, lines %d-%d of %d (%s, / search, q closes)",
	         total ? a->pager_top + 1 : 0, last, total,
	         a->utf8 ? "\u2191\u2193 PgUp PgDn" : "Up Down PgUp PgDn");
	if (utf8_columns(title) > g->w - 1)
		snprintf(title, sizeof title, "lines %d-%d of %d (/ search, q closes)",
		         total ? a->pager_top + 1 : 0, last, total);
	grid_put(g, 1, 0, g->w - 1, ST_HEADER, title);
	int row = 0, y = 1;
	for (int i = 0; y < 1 + rows && text_line(a->pager, i, &start, &len); i++) {
		int n = pager_line(NULL, start, len, w, 0, -1, ST_NORMAL);
		bool hit = a->pager_search[0] && contains_nocase(start, len, a->pager_search);
		for (int k = 0; k < n; k++, row++)
			if (row >= a->pager_top && y < 1 + rows)
				pager_line(g, start, len, w, y++, k, hit ? ST_SELECTED : ST_NORMAL);
	}
	int sy = g->h - 1;
	if (a->pager_typing) {
		grid_fill(g, 0, sy, g->w, ' ', ST_NORMAL);
		grid_printf(g, 0, sy, g->w, ST_HEADER_KEY, "/%s", a->pager_search);
	} else if (a->pager_not_found) {
		grid_fill(g, 0, sy, g->w, ' ', ST_ERROR);
		grid_printf(g, 0, sy, g->w, ST_ERROR, "'%s' is not found; g then n searches from the top",
		            a->pager_search);
	} else {
		grid_fill(g, 0, sy, g->w, ' ', ST_STATUS);
		grid_put(g, 0, sy, g->w, ST_STATUS, a->pager_search[0]
		         ? "n next match  N previous  / search  q close"
		         : a->utf8 ? "\u2191\u2193 scroll  PgUp PgDn page  g G top/end  / search  q close"
		                   : "Up Down scroll  PgUp PgDn page  g G top/end  / search  q close");
	}
}

/* A figure for the big digits: grouped, or in binary units when the digits
 * would not fit (37.3 TiB), or NULL when neither fits at scale 1. */
static const char *big_figure(uint64_t v, int room, char *buf, size_t n)
{
	format_grouped(v, buf, n);
	if (big_width(buf, 1) <= room)
		return buf;
	format_bytes_human(v, buf, n);
	return big_width(buf, 1) <= room ? buf : NULL;
}

/* Presentation mode, back from the timing pane: the run's verdict for the
 * pair on screen, to stay under the text. Its rows at width w, 0 if none. */
static int present_timing_line(const struct app *a, enum kind kb, int w, char *line, size_t n)
{
	const struct timing_analysis *an = a->timing_an;
	if (!an || !a->timing || an->r != a->timing || a->timing_running || an->aa ||
	    an->ka != KIND_REGULAR || an->kb != kb)
		return 0;
	char sentence[600];
	if (!timing_sentence(an, a->timing_op, a->utf8, sentence, sizeof sentence)[0])
		return 0;
	snprintf(line, n, "Timing at %u attributes, %s: %s", a->timing_attrs,
	         time_op_name(a->timing_op), sentence);
	return grid_wrap(NULL, 0, 0, w, 999, ST_NORMAL, line);
}

/* Presentation mode: two kinds' bytes per instance in big figures (as big
 * as the screen allows), the difference, the totals, the notes, and the
 * keys just pressed, where the room can read them. */
static void render_present(struct app *a, struct grid *g)
{
	render_header(a, g);
	enum kind ka = KIND_REGULAR;
	enum kind kb = app_compared_kind(a);
	const struct kind_result *ra = &a->eval.kinds[ka], *rb = &a->eval.kinds[kb];
	const struct kind_result *rs[2] = { ra, rb };
	enum kind ks[2] = { ka, kb };
	/* one colour per kind everywhere: regular as in the chart and the timing pane */
	static const enum style colour[2] = { ST_SERIES1, ST_SERIES0 };
	int half = g->w / 2, room = half - 4;

	char notes_text[2048];
	bool tour = a->tour_active && a->tour;
	if (!tour)
		app_compose_notes(a, notes_text, sizeof notes_text);
	/* the tour's text is read whole; the notes take what is left */
	int text_rows = tour ? 1 + render_tour_words(a, NULL, 0, 0, g->w, 0) : 2;
	int keys_rows = a->last_keys[0] && g->h >= 30 ? 2 : 0;
	int msg_rows = status_message_rows(a, g->w);   /* the message wraps above the key line */
	keys_rows += msg_rows;
	bool diff_ok = ra->available && rb->available && ra->fig[a->acc];

	/* the figures' scale: as large as width and height allow (1 to 6) */
	char num[2][48];
	const char *fig[2] = { NULL, NULL };
	for (int i = 0; i < 2; i++)
		if (rs[i]->available)
			fig[i] = big_figure(rs[i]->fig[a->acc], room, num[i], sizeof num[i]);
	char pct[32] = "";
	if (diff_ok) {
		format_change_percent(ra->fig[a->acc], rb->fig[a->acc], pct, sizeof pct);
		for (char *p = pct; *p; p++)
			if (*p == '%')
				p[1] = '\0';
	}
	int scale = 1;
	for (int s = 6; s > 1; s--) {
		bool fits = true;
		for (int i = 0; i < 2; i++)
			fits &= !fig[i] || big_width(fig[i], s) <= room;
		/* rows: header, blank, name, blank, figure, 2 labels, blank, the
		 * difference's title and figure (at scale s - 1), text, keys, key bar */
		int diff_rows = diff_ok ? 2 + 5 * (s > 1 ? s - 1 : 1) : 0;
		int need = 4 + 5 * s + 3 + diff_rows + text_rows + keys_rows + 1;
		if (fits && need <= g->h) {
			scale = s;
			break;
		}
	}
	int y = 2;
	for (int i = 0; i < 2; i++) {
		int x = i * half + 2;
		grid_put(g, x, y, half - 2, ST_HEADING, kind_info(ks[i])->name);
		if (!rs[i]->available) {
			grid_put(g, x, y + 2, half - 2, ST_DIM, rs[i]->unavailable);
			continue;
		}
		if (fig[i])
			big_render(g, x, y + 2, scale, colour[i], a->utf8, fig[i]);
		else   /* too wide even in units at the smallest scale: plain, whole */
			grid_put(g, x, y + 2, half - 2, colour[i], num[i]);
		grid_printf(g, x, y + 3 + 5 * scale, half - 2, ST_NORMAL, "bytes per instance (%s)",
		            accounting_name(a->acc));
		char total[48], count[32], line[96];
		format_bytes_human(rs[i]->total[a->acc], total, sizeof total);
		format_grouped(a->instances, count, sizeof count);
		snprintf(line, sizeof line, "%s%s for %s", rs[i]->saturated ? "> " : "", total, count);
		if (utf8_columns(line) > half - 2) {
			format_count_short(a->instances, count, sizeof count);
			snprintf(line, sizeof line, "%s%s for %s", rs[i]->saturated ? "> " : "", total, count);
		}
		grid_put(g, x, y + 4 + 5 * scale, half - 2, ST_DIM, line);
	}
	y += 6 + 5 * scale;
	if (diff_ok) {
		enum style st = rb->fig[a->acc] <= ra->fig[a->acc] ? ST_GOOD : ST_BAD;
		int ds = scale > 1 ? scale - 1 : 1;
		char title[120];
		snprintf(title, sizeof title, "%s against %s, per instance:", kind_info(kb)->name,
		         kind_info(ka)->name);
		if (y + 2 + 5 * ds + text_rows + keys_rows <= g->h - 1 && big_width(pct, ds) <= g->w - 4) {
			grid_put(g, 2, y, g->w - 4, ST_HEADING, title);
			big_render(g, 2, y + 1, ds, st, a->utf8, pct);
			y += 2 + 5 * ds;
		} else if (!tour || y + 2 + 3 <= g->h - 1 - keys_rows) {
			/* the text needs the room: the difference on one line (in the tour,
			 * only while the step keeps its title and two lines) */
			int n = grid_printf(g, 2, y, g->w - 4, ST_HEADING, "%s ", title);
			grid_put(g, 2 + n, y, g->w - 4 - n, st, pct);
			y += 2;
		}
	}
	int text_end = g->h - 1 - keys_rows;
	if (tour && y < text_end) {
		grid_fill(g, 0, y, g->w, ' ', ST_HEADING);
		const struct tour_step *st = &a->tour->step[a->tour_step];
		char title[200], keys[96];
		int tw = snprintf(title, sizeof title, "Tour %d/%d: %s", a->tour_step + 1,
		                  a->tour->nsteps, st->title);
		tour_title_keys(st, tw + 3, g->w, keys, sizeof keys);
		if (tw + 3 + utf8_columns(keys) <= g->w)
			grid_printf(g, 0, y, g->w, ST_HEADING, "%s   %s", title, keys);
		else
			grid_put(g, 0, y, g->w, ST_HEADING, title);
		y++;
	}
	/* the timing verdict, whole or not at all: after the tour's text, which
	 * is read whole; before the notes, which give way at a sentence */
	char timing_line[700];
	int timing_rows = present_timing_line(a, kb, g->w, timing_line, sizeof timing_line);
	int notes_end = text_end;
	if (!tour && timing_rows && text_end - y >= timing_rows)
		notes_end = text_end - timing_rows - 1;   /* the notes may give way whole */
	if (y < text_end && tour) {
		y += render_tour_words(a, g, 0, y, g->w, text_end - y);
	} else if (y < notes_end) {
		char shown[sizeof notes_text + 32];
		fit_sentences(notes_text, g->w, notes_end - y, shown, sizeof shown, " (i: the whole note)");
		y += grid_wrap(g, 0, y, g->w, notes_end - y, ST_NORMAL, shown);
	}
	int ty = y + 1 + timing_rows <= text_end ? y + 1 : y;   /* after a blank row if room */
	if (timing_rows && ty + timing_rows <= text_end)
		grid_wrap(g, 0, ty, g->w, timing_rows, ST_HEADING, timing_line);
	/* the keys just pressed, on a line of their own where the room can read
	 * them; the status message under it, the key line last */
	int sy = g->h - 1;
	render_status_message(a, g, sy, msg_rows);
	if (keys_rows > msg_rows) {
		char keys[96];
		snprintf(keys, sizeof keys, " keys pressed: %s ", a->last_keys);
		int kw = utf8_columns(keys);
		grid_put(g, g->w - kw - 1 > 0 ? g->w - kw - 1 : 0, sy - 1 - msg_rows, g->w,
		         ST_HEADER_KEY, keys);
	}
	grid_fill(g, 0, sy, g->w, ' ', ST_STATUS);
	grid_put(g, 0, sy, g->w, ST_STATUS, "P: full view   ? keys   q quit");
	if (a->last_keys[0] && keys_rows == msg_rows) {
		char keys[96];
		snprintf(keys, sizeof keys, " keys: %s ", a->last_keys);
		int kw = utf8_columns(keys);
		if (kw < g->w - 32)
			grid_put(g, g->w - kw, sy, kw, ST_HEADER_KEY, keys);
	}
}

static void render_too_small(const struct app *a, struct grid *g)
{
	(void)a;
	char line[160];
	snprintf(line, sizeof line, "Terminal too small: %dx%d. slotexplore needs %dx%d. Enlarge it, "
	         "or q to quit.", g->w, g->h, SCREEN_MIN_W, SCREEN_MIN_H);
	int y = g->h / 2 - 1;
	grid_wrap(g, 0, y < 0 ? 0 : y, g->w, g->h - (y < 0 ? 0 : y), ST_WARN, line);
}

void render_screen(struct app *a, struct grid *g)
{
	grid_clear(g);
	app_update(a);
	if (g->w < SCREEN_MIN_W || g->h < SCREEN_MIN_H) {
		render_too_small(a, g);
		return;
	}
	if (a->help) {
		render_help(a, g);
		return;
	}
	if (a->pager) {
		render_pager(a, g);
		return;
	}
	if (a->timing_view) {
		app_timing_refresh(a);   /* only when new values came in */
		render_timing_pane(a, g);
		return;
	}
	if (a->present) {
		render_present(a, g);
		return;
	}
	render_header(a, g);
	int bottom = render_status(a, g);   /* the key bar and the status message */
	if (a->versions_view) {
		render_versions_view(a, g, 1, g->h - 1 - bottom);
		return;
	}
	if (a->census_view && a->census) {
		render_census_view(a, g, 1, g->h - 1 - bottom);
		return;
	}
	int kinds = app_visible_count(a);
	/* rows: header 1, table 1 + kinds, breakdown 2, chart >= 4, notes 2..4, status 1 */
	int notes = g->h >= 40 ? 4 : g->h >= 30 ? 3 : 2;
	char notes_text[2048];
	if (a->tour_active && a->tour) {
		/* the step's text is read whole: it takes the rows it needs, the
		 * chart and then the table give way */
		int need = 1 + render_tour_words(a, NULL, 0, 0, g->w, 0);
		notes = g->h >= 40 ? 7 : g->h >= 30 ? 6 : 5;
		if (need > notes)
			notes = need < g->h - 8 ? need : g->h - 8;
	} else {
		app_compose_notes(a, notes_text, sizeof notes_text);
	}
	int table_rows = kinds;
	int fixed = 1 + 2 + notes + bottom;
	/* your own class: a heading and its layouts above the kinds, which
	 * keep at least three rows (they scroll to the selected one) */
	int object_rows = 0;
	bool object_over_chart = false;
	if (a->object) {
		const struct object_row *list[ALT_COUNT + 2];
		int want = 1 + app_object_rows(a, list, ALT_COUNT + 2);
		int room = g->h - fixed - 1 - 3 - (a->tour_active ? 0 : 4);
		if (room < 3) {   /* a small screen: the class before the chart */
			room = g->h - fixed - 1 - 3;
			object_over_chart = true;
		}
		object_rows = want < room ? want : room < 3 ? 0 : room;
	}
	int chart = g->h - fixed - object_rows - (1 + table_rows);
	/* the tour's text comes first, and so does your class on a small screen */
	int min_chart = (a->tour_active && g->h < 32) || object_over_chart ? 0 : 4;
	if (chart < min_chart) {
		table_rows -= min_chart - chart;
		chart = min_chart;
	}
	if (chart < 4)
		chart = 0;
	if (object_rows)
		object_rows = render_object_rows(a, g, 1, object_rows);
	render_table(a, g, 1 + object_rows, table_rows);
	int y = 2 + object_rows + table_rows;
	render_breakdown(a, g, y);
	y += 2;
	render_chart(a, g, 0, y, g->w, chart);
	y += chart;
	if (a->tour_active && a->tour) {
		const struct tour_step *st = &a->tour->step[a->tour_step];
		grid_fill(g, 0, y, g->w, ' ', ST_HEADING);
		char title[160];
		int tw = snprintf(title, sizeof title, "Tour %d/%d: %s", a->tour_step + 1,
		                  a->tour->nsteps, st->title);
		char keys[96];
		tour_title_keys(st, tw + 3, g->w, keys, sizeof keys);
		grid_printf(g, 0, y, g->w, ST_HEADING, "%s%s%s", title, keys[0] ? "   " : "", keys);
		render_tour_words(a, g, 0, y + 1, g->w, notes - 1);
	} else {
		/* whole sentences only; what does not fit is one key away (i) */
		char shown[sizeof notes_text + 32];
		fit_sentences(notes_text, g->w, notes, shown, sizeof shown, " (i: the whole note)");
		grid_wrap(g, 0, y, g->w, notes, ST_NORMAL, shown);
	}
}
