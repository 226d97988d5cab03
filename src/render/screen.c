#include "config.h"

#include "render/screen.h"

#include <stdio.h>
#include <string.h>

#include "core/units.h"
#include "render/chart.h"
#include "render/timing_pane.h"
#include "render/versions_view.h"
#include "session/tour.h"

static void signed_bytes(int64_t d, char *buf, size_t n)
{
	char h[32];
	format_bytes_human((uint64_t)(d < 0 ? -d : d), h, sizeof h);
	snprintf(buf, n, "%s%s", d < 0 ? "-" : d > 0 ? "+" : "", h);
}

/* Header: one line, each field a mouse zone; short labels when narrow. */
static void render_header(const struct app *a, struct grid *g)
{
	bool wide = g->w >= 100;
	grid_fill(g, 0, 0, g->w, ' ', ST_HEADER);
	int x = grid_put(g, 0, 0, g->w, ST_HEADER, wide ? " slotexplore " : "");
	char count[32], values[64];
	format_grouped(a->instances, count, sizeof count);
	if (!wide && utf8_columns(count) > 9)   /* keep the narrow header on one line */
		snprintf(count, sizeof count, "%.0e", (double)a->instances);
	value_spec_format(&a->values, values, sizeof values);
	const struct profile *pr = app_profile(a);
	struct field { enum zone_kind z; const char *before, *value, *after; } f[] = {
		{ ZONE_VERSION, "CPython ", pr->version, "" },
		{ ZONE_ABI, " ", abi_name(a->abi), "" },
		{ ZONE_ATTRS, wide ? "attrs " : "", "", wide ? "" : " attrs" },
		{ ZONE_INSTANCES, wide ? "instances " : "", count, wide ? "" : " inst" },
		{ ZONE_VALUES, "values ", values, "" },
		{ ZONE_ACCOUNTING, wide ? "bytes " : "", accounting_name(a->acc), "" },
	};
	char attrs[16];
	snprintf(attrs, sizeof attrs, "%u", a->attrs);
	f[2].value = attrs;
	const char *sep = a->utf8 ? " \u2502 " : " | ";
	for (size_t i = 0; i < sizeof f / sizeof f[0] && x < g->w; i++) {
		if (i >= 2 || (i == 0 && wide))
			x += grid_put(g, x, 0, g->w - x, ST_HEADER, i == 0 || i == 1 ? "" : sep);
		if (i == 0 && wide)
			x += grid_put(g, x, 0, g->w - x, ST_HEADER, sep + (a->utf8 ? 1 : 1));
		int start = x;
		x += grid_put(g, x, 0, g->w - x, ST_HEADER, f[i].before);
		x += grid_put(g, x, 0, g->w - x, ST_HEADER_KEY, f[i].value);
		x += grid_put(g, x, 0, g->w - x, ST_HEADER, f[i].after);
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
	if (a->check.active) {
		/* the measured figure goes after the table, or over "per class" */
		if (c->cls + 12 + 10 <= w)
			c->check = c->cls + 12;
		else {
			c->check = c->cls;
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
		snprintf(m, sizeof m, "%.0e", (double)a->instances);
	snprintf(total_head, sizeof total_head, "%11s", a->instances == 1 ? "1 instance" : m);
	grid_printf(g, c.name, y0, g->w, ST_HEADING, "%-24s", "kind");
	grid_printf(g, c.per - 1, y0, 12, ST_HEADING, "%11s", "per inst");
	grid_printf(g, c.total - 1, y0, 12, ST_HEADING, "%s", total_head);
	grid_put(g, c.vs + 1, y0, 15, ST_HEADING, "vs regular");
	if (c.cls >= 0)
		grid_printf(g, c.cls, y0, 11, ST_HEADING, "%10s", "per class");
	if (c.check >= 0 && c.check < g->w)
		grid_put(g, c.check, y0, g->w - c.check, ST_HEADING,
		         a->acc == ACC_GETSIZEOF ? "measured" : a->acc == ACC_DEEP ? "measured deep"
		                                                                : "tracemalloc");

	const struct kind_result *reg = &a->eval.kinds[KIND_REGULAR];
	int n = app_visible_count(a);
	for (int i = 0; i < n && i < rows; i++) {
		enum kind k = app_visible_kind(a, i);
		const struct kind_result *r = &a->eval.kinds[k];
		int y = y0 + 1 + i;
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
			grid_put(g, c.per, y, g->w - c.per, sel ? ST_SELECTED : ST_DIM, r->unavailable);
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
		if (r->saturated || reg->saturated) {
			grid_put(g, c.vs + 1, y, 15, sel ? ST_SELECTED : ST_DIM, "> 2^64 bytes");
		} else if (k == KIND_REGULAR || !reg->available) {
			grid_put(g, c.vs + 1, y, 15, sel ? ST_SELECTED : ST_DIM, k == KIND_REGULAR ? "(baseline)" : "");
		} else {
			int64_t d = (int64_t)r->total[a->acc] - (int64_t)reg->total[a->acc];
			format_change_percent(reg->total[a->acc], r->total[a->acc], buf, sizeof buf);
			signed_bytes(d, buf2, sizeof buf2);
			enum style st = sel ? ST_SELECTED : d < 0 ? ST_GOOD : d > 0 ? ST_BAD : ST_NORMAL;
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
			if (ck->done[k]) {
				/* tracemalloc counts requests: the measurable twin of allocated */
				enum accounting shown = a->acc == ACC_ALLOCATED ? ACC_REQUESTED : a->acc;
				if (ck->match[k])
					grid_printf(g, c.check, y, g->w - c.check, sel ? ST_SELECTED : ST_GOOD,
					            "%s %llu", a->utf8 ? "\u2713" : "ok",
					            (unsigned long long)ck->measured[k][shown]);
				else
					grid_printf(g, c.check, y, g->w - c.check, ST_ERROR, "%s %llu",
					            a->utf8 ? "\u2717" : "XX",
					            (unsigned long long)ck->measured[k][shown]);
			} else if (ck->running) {
				grid_put(g, c.check, y, g->w - c.check, ST_DIM, "...");
			}
		}
	}
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
			full += 4 + utf8_columns(part_label((enum part)p)) + 6;
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
		snprintf(item, sizeof item, "%s %llu", brief ? short_label[p] : part_label((enum part)p),
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

/* Words that explain the selected number, wrapped into the notes rows. */
static void compose_notes(const struct app *a, char *out, size_t n)
{
	enum kind k = (enum kind)a->selected;
	const struct kind_info *ki = kind_info(k);
	const struct kind_result *r = &a->eval.kinds[k];
	size_t len = 0;
#define SAY(...) do { if (len < n) len += (size_t)snprintf(out + len, n - len, __VA_ARGS__); } while (0)
	out[0] = '\0';
	if (!r->available) {
		SAY("%s: %s. ", ki->name, r->unavailable);
		return;
	}
	uint64_t gs = r->fig[ACC_GETSIZEOF], rq = r->fig[ACC_REQUESTED], al = r->fig[ACC_ALLOCATED];
	/* first, as it changes how every figure below reads */
	if (app_profile(a)->free_threaded)
		SAY("Free-threaded: a 32-byte header and no GC header, so %llu bytes requested as "
		    "with the GIL; mimalloc's bins, coarser than pymalloc's above 128 B, give %llu "
		    "allocated; each owned int, float or str is 16 B bigger. ",
		    (unsigned long long)rq, (unsigned long long)al);
	if (ki->family == FAMILY_REGULAR) {
		if (r->overflow)
			SAY("Past the key-sharing limit each instance gets its own dict: %llu bytes "
			    "requested, not %llu for the object alone. ", (unsigned long long)rq,
			    (unsigned long long)gs);
		else if (gs < rq)
			SAY("getsizeof(obj) is %llu because the attribute values (%u slots) are not "
			    "counted; the real cost is %llu bytes requested, %llu allocated. ",
			    (unsigned long long)gs, r->capacity, (unsigned long long)rq,
			    (unsigned long long)al);
		if (r->dict_getsizeof)
			SAY("obj.__dict__ reports %llu bytes. ", (unsigned long long)r->dict_getsizeof);
		if (r->first_requested > rq && a->setting.profile->layout == LAYOUT_SPLIT_DICT)
			SAY("The first instance costs %llu: it also grows the class's shared keys. ",
			    (unsigned long long)r->first_requested);
		else if (r->first_requested > rq)
			SAY("The first instance costs %llu: a fresh class hands out spare slots first. ",
			    (unsigned long long)r->first_requested);
	} else if (ki->family == FAMILY_SLOTS) {
		if (ki->weakref_slot)
			SAY("__slots__ stores %u pointers in the object: no __dict__; '__weakref__' is "
			    "listed, so weak references work. Trade-offs: no new attributes at run time, "
			    "no vars(obj), and a subclass without its own __slots__ gets a __dict__ "
			    "back. ", a->attrs);
		else
			SAY("__slots__ stores %u pointers in the object: no __dict__. Trade-offs: no new "
			    "attributes at run time, no vars(obj), no weak references unless "
			    "'__weakref__' is listed, and a subclass without its own __slots__ gets a "
			    "__dict__ back. ", a->attrs);
	} else if (ki->family == FAMILY_TUPLE) {
		if (r->shared_singleton)
			SAY("() is a shared singleton: an empty tuple costs nothing per instance. ");
		else
			SAY("A tuple keeps its items inline; a namedtuple adds names on the class, not "
			    "on the instance, and is immutable. ");
	} else {
		SAY("A dict per object also pays for its own keys table: %llu bytes for %u keys. ",
		    (unsigned long long)rq, a->attrs);
	}
	if (r->estimate && a->acc == ACC_ALLOCATED)
		SAY("%s", app_profile(a)->allocator == ALLOC_MIMALLOC
		    ? "* a block over 128 KiB gets its own mimalloc page: its size is an estimate. "
		    : "* a block over 512 bytes goes to malloc: its size is an estimate. ");
	SAY("[%s: %s]", accounting_name(a->acc), accounting_description(a->acc, app_profile(a)));
#undef SAY
}

/* Draws text word-wrapped to w columns in at most rows rows; returns the
 * rows used. With g NULL it only counts. */
/* Word-wraps text into w columns from row y, after skipping its first
 * `skip` lines; draws at most `rows` lines (g NULL: only counts). */
static int render_wrapped_from(struct grid *g, int x, int y, int w, int rows, enum style st,
                               const char *text, int skip)
{
	const char *p = text;
	int r = 0;
	for (; r < rows + skip && *p; r++) {
		while (*p == ' ')
			p++;
		/* take as many whole words as fit in w columns */
		const char *q = p, *cut = NULL;
		int cols = 0;
		while (*q && cols < w) {
			if (*q == ' ')
				cut = q;
			if (((unsigned char)*q & 0xC0) != 0x80)
				cols++;
			q++;
		}
		while (*q && ((unsigned char)*q & 0xC0) == 0x80)
			q++;
		const char *end = !*q ? q : (cut && cut > p ? cut : q);
		char line[1024];
		size_t len = (size_t)(end - p) < sizeof line - 1 ? (size_t)(end - p) : sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		if (g && r >= skip)
			grid_put(g, x, y + r - skip, w, st, line);
		p = end;
		while (*p == ' ')
			p++;
	}
	return r - skip;
}

static int render_wrapped(struct grid *g, int x, int y, int w, int rows, enum style st,
                          const char *text)
{
	return render_wrapped_from(g, x, y, w, rows, st, text, 0);
}

static void render_status(const struct app *a, struct grid *g)
{
	int y = g->h - 1;
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
		if (a->status[0] && g->h > 1) {
			grid_fill(g, 0, y - 1, g->w, ' ', a->status_error ? ST_ERROR : ST_STATUS);
			grid_put(g, 0, y - 1, g->w, a->status_error ? ST_ERROR : ST_STATUS, a->status);
		}
		return;
	}
	if (a->status[0]) {
		grid_put(g, 0, y, g->w, a->status_error ? ST_ERROR : ST_STATUS, a->status);
		return;
	}
	grid_put(g, 0, y, g->w, ST_STATUS,
	         a->utf8 ? "\u2190\u2192 attrs  +- inst  \u2191\u2193 kind  v ver  b ABI  a bytes  "
	                   "w values  c chart  m measure  t time  ? help  q quit"
	                 : "<- -> attrs  +- inst  up/dn kind  v ver  b ABI  a bytes  w values  "
	                   "c chart  ? help  q quit");
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
		total += render_wrapped(NULL, 0, 0, tw, 99, ST_NORMAL, key_table[r].help);
	total += 1 + render_wrapped(NULL, 0, 0, g->w - 4, 99, ST_DIM, mouse);
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
	grid_put(g, 1, 0, g->w - 1, ST_HEADER, title);
	/* line L of the help goes to row 1 + L - help_top when that is on screen */
	int line = 0, bottom = 1 + rows;
	for (int r = 0; r < key_table_rows; r++) {
		int n = render_wrapped(NULL, 0, 0, tw, 99, ST_NORMAL, key_table[r].help);
		for (int i = 0; i < n; i++, line++) {
			int y = 1 + line - a->help_top;
			if (y < 1 || y >= bottom)
				continue;
			if (i == 0)
				grid_put(g, 2, y, kw, ST_HEADER_KEY,
				         a->utf8 ? key_table[r].label : key_table[r].ascii);
			render_wrapped_from(g, tx, y, tw, 1, ST_NORMAL, key_table[r].help, i);
		}
	}
	line++;   /* a blank line before the notes */
	int n = render_wrapped(NULL, 0, 0, g->w - 4, 99, ST_DIM, mouse);
	for (int i = 0; i < n; i++, line++) {
		int y = 1 + line - a->help_top;
		if (y >= 1 && y < bottom)
			render_wrapped_from(g, 2, y, g->w - 4, 1, ST_DIM, mouse, i);
	}
	render_status(a, g);
}

static void render_pager(const struct app *a, struct grid *g)
{
	grid_fill(g, 0, 0, g->w, ' ', ST_HEADER);
	grid_put(g, 1, 0, g->w - 1, ST_HEADER, "command output (\u2191\u2193 PgUp PgDn scroll, "
	         "any other key closes)");
	const char *p = a->pager;
	for (int skip = a->pager_top; skip > 0 && *p; p++)
		if (*p == '\n')
			skip--;
	for (int y = 1; y < g->h - 1 && *p; y++) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char line[1024];
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		grid_put(g, 0, y, g->w, ST_NORMAL, line);
		p = e ? e + 1 : p + len;
	}
	render_status(a, g);
}

/* Big characters, 3 columns by 5 rows, for the projector. */
static const char *big_glyph(char c)
{
	switch (c) {
	case '0': return "###" "# #" "# #" "# #" "###";
	case '1': return " # " "## " " # " " # " "###";
	case '2': return "###" "  #" "###" "#  " "###";
	case '3': return "###" "  #" " ##" "  #" "###";
	case '4': return "# #" "# #" "###" "  #" "  #";
	case '5': return "###" "#  " "###" "  #" "###";
	case '6': return "###" "#  " "###" "# #" "###";
	case '7': return "###" "  #" "  #" "  #" "  #";
	case '8': return "###" "# #" "###" "# #" "###";
	case '9': return "###" "# #" "###" "  #" "###";
	case '%': return "# #" "  #" " # " "#  " "# #";
	case '-': return "   " "   " "###" "   " "   ";
	case '+': return "   " " # " "###" " # " "   ";
	case ',': return "   " "   " "   " " # " "#  ";
	case '.': return "   " "   " "   " "   " " # ";
	default: return "   " "   " "   " "   " "   ";
	}
}

static int render_big(const struct app *a, struct grid *g, int x, int y, enum style st,
                      const char *text)
{
	int cx = x;
	for (const char *p = text; *p; p++) {
		const char *glyph = big_glyph(*p);
		for (int r = 0; r < 5; r++)
			for (int c = 0; c < 3; c++)
				if (glyph[r * 3 + c] == '#')
					grid_put_cell(g, cx + c, y + r, a->utf8 ? 0x2588 : '#', st);
		cx += 4;
	}
	return cx - x;
}

/* Presentation mode: two kinds' bytes per instance in big figures, the
 * difference, the totals, the notes, and the keys just pressed. */
static void render_present(struct app *a, struct grid *g)
{
	render_header(a, g);
	enum kind ka = KIND_REGULAR;
	enum kind kb = app_compared_kind(a);
	const struct kind_result *ra = &a->eval.kinds[ka], *rb = &a->eval.kinds[kb];
	char num[48], total[48];
	int half = g->w / 2, y = 2;
	const struct kind_result *rs[2] = { ra, rb };
	enum kind ks[2] = { ka, kb };
	for (int i = 0; i < 2; i++) {
		int x = i * half + 2;
		grid_put(g, x, y, half - 2, ST_HEADING, kind_info(ks[i])->name);
		if (!rs[i]->available) {
			grid_put(g, x, y + 2, half - 2, ST_DIM, rs[i]->unavailable);
			continue;
		}
		format_grouped(rs[i]->fig[a->acc], num, sizeof num);
		render_big(a, g, x, y + 2, i ? ST_SERIES0 : ST_SERIES1, num);
		grid_printf(g, x, y + 8, half - 2, ST_NORMAL, "bytes per instance (%s)",
		            accounting_name(a->acc));
		format_bytes_human(rs[i]->total[a->acc], total, sizeof total);
		char count[32];
		format_grouped(a->instances, count, sizeof count);
		grid_printf(g, x, y + 9, half - 2, ST_DIM, "%s%s for %s", rs[i]->saturated ? "> " : "",
		            total, count);
	}
	y += 11;
	char notes_text[2048];
	bool tour = a->tour_active && a->tour;
	if (tour)
		tour_expand(a, a->tour->step[a->tour_step].text, notes_text, sizeof notes_text);
	else
		compose_notes(a, notes_text, sizeof notes_text);
	/* the tour's text must be read whole: the big difference gives way to
	 * one line when both do not fit */
	int text_rows = tour ? 1 + render_wrapped(NULL, 0, 0, g->w, g->h, ST_NORMAL, notes_text) : 0;
	if (ra->available && rb->available && ra->fig[a->acc] && y + 6 < g->h - 3) {
		char pct[32];
		format_change_percent(ra->fig[a->acc], rb->fig[a->acc], pct, sizeof pct);
		for (char *p = pct; *p; p++)
			if (*p == '%')
				p[1] = '\0';
		enum style st = rb->fig[a->acc] <= ra->fig[a->acc] ? ST_GOOD : ST_BAD;
		if (y + 7 + text_rows <= g->h - 1) {
			grid_printf(g, 2, y, g->w - 4, ST_HEADING, "%s against %s, per instance:",
			            kind_info(kb)->name, kind_info(ka)->name);
			render_big(a, g, 2, y + 1, st, pct);
			y += 7;
		} else {
			int n = grid_printf(g, 2, y, g->w - 4, ST_HEADING, "%s against %s, per instance: ",
			                    kind_info(kb)->name, kind_info(ka)->name);
			grid_put(g, 2 + n, y, g->w - 4 - n, st, pct);
			y += 2;
		}
	}
	if (tour && y < g->h - 2) {
		grid_fill(g, 0, y, g->w, ' ', ST_HEADING);
		grid_printf(g, 0, y, g->w, ST_HEADING, "Tour %d/%d: %s   (n next, p previous)",
		            a->tour_step + 1, a->tour->nsteps, a->tour->step[a->tour_step].title);
		y++;
	}
	if (y < g->h - 2)
		render_wrapped(g, 0, y, g->w, g->h - 1 - y, ST_NORMAL, notes_text);
	/* the keys, for the audience */
	int sy = g->h - 1;
	grid_fill(g, 0, sy, g->w, ' ', ST_STATUS);
	if (a->status[0])
		grid_put(g, 0, sy, g->w, a->status_error ? ST_ERROR : ST_STATUS, a->status);
	else
		grid_put(g, 0, sy, g->w, ST_STATUS, "P: full view   ? keys   q quit");
	if (a->last_keys[0]) {
		char keys[96];
		snprintf(keys, sizeof keys, " keys: %s ", a->last_keys);
		int kw = utf8_columns(keys);
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
	render_wrapped(g, 0, y < 0 ? 0 : y, g->w, g->h - (y < 0 ? 0 : y), ST_WARN, line);
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
	if (a->versions_view) {
		render_versions_view(a, g, 1, g->h - 2);
		render_status(a, g);
		return;
	}
	int kinds = app_visible_count(a);
	/* rows: header 1, table 1 + kinds, breakdown 2, chart >= 4, notes 2..4, status 1 */
	int notes = g->h >= 40 ? 4 : g->h >= 30 ? 3 : 2;
	char notes_text[2048];
	if (a->tour_active && a->tour) {
		/* the step's text is read whole: it takes the rows it needs, the
		 * chart and then the table give way */
		tour_expand(a, a->tour->step[a->tour_step].text, notes_text, sizeof notes_text);
		int need = 1 + render_wrapped(NULL, 0, 0, g->w, g->h, ST_NORMAL, notes_text);
		notes = g->h >= 40 ? 7 : g->h >= 30 ? 6 : 5;
		if (need > notes)
			notes = need < g->h - 8 ? need : g->h - 8;
	} else {
		compose_notes(a, notes_text, sizeof notes_text);
	}
	int table_rows = kinds;
	int fixed = 1 + 2 + notes + 1;
	int chart = g->h - fixed - (1 + table_rows);
	int min_chart = a->tour_active && g->h < 32 ? 0 : 4;   /* the tour's text comes first */
	if (chart < min_chart) {
		table_rows -= min_chart - chart;
		chart = min_chart;
	}
	if (chart < 4)
		chart = 0;
	render_table(a, g, 1, table_rows);
	int y = 2 + table_rows;
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
		grid_printf(g, 0, y, g->w, ST_HEADING, "%s   %s", title,
		            tw + 40 <= g->w ? "(n next, p previous, T leave)" : "(n, p, T)");
		render_wrapped(g, 0, y + 1, g->w, notes - 1, ST_NORMAL, notes_text);
	} else {
		render_wrapped(g, 0, y, g->w, notes, ST_NORMAL, notes_text);
	}
	render_status(a, g);
}
