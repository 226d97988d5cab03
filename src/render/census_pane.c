#include "config.h"

#include "render/census_pane.h"

#include <stdio.h>
#include <string.h>

#include "core/units.h"
#include "output/census_report.h"
#include "session/census_view.h"

static const char *verdict_short(enum scan_verdict v)
{
	switch (v) {
	case VERDICT_CANDIDATE: return "candidate";
	case VERDICT_BLOCKED: return "blocked";
	case VERDICT_UNKNOWN: return "unknown";
	case VERDICT_SLOTTED: return "compact";
	default: return "n/a";
	}
}

/* The selected class in a sentence or two: its attributes, what stands in
 * the way, and that Enter opens it. */
static void selected_text(const struct census_class *c, char *out, size_t n)
{
	char names[300] = "", count[32], why[1200] = "";
	for (unsigned i = 0; i < c->attrs.n && strlen(names) + 40 < sizeof names; i++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "",
		         c->attrs.item[i]);
	char phrases[8][SCAN_PHRASE];
	unsigned k = scan_reasons(&c->scan, phrases, 8);
	for (unsigned i = 0; i < k && strlen(why) + 20 < sizeof why; i++)
		snprintf(why + strlen(why), sizeof why - strlen(why), "%s%.300s", i ? "; " : "", phrases[i]);
	format_grouped(c->count, count, sizeof count);
	snprintf(out, n, "%s (%s), %s: %s instances, %u attribute%s (%s).%s%s%s Enter opens it: "
	         "its layouts built and measured.", c->name, c->module, census_layout(c), count,
	         c->nattrs, c->nattrs == 1 ? "" : "s", names[0] ? names : "none", why[0] ? " " : "",
	         why, why[0] ? "." : "");
}

void render_census_view(const struct app *a, struct grid *g, int y0, int rows)
{
	const struct app_census *c = a->census;
	if (!c || rows < 4)
		return;
	const struct census_result *r = &c->res;
	char title[1000], n1[32], n2[32];
	format_grouped(r->instances, n1, sizeof n1);
	format_grouped(r->objects, n2, sizeof n2);
	snprintf(title, sizeof title, "Census of %s: %s live instances of %llu classes, %s objects "
	         "examined%s; saving in %s bytes, CPython %s", c->spec, n1,
	         (unsigned long long)r->classes_total, n2, r->cap_hit ? " (the cap was hit)" : "",
	         accounting_name(a->acc == ACC_DEEP ? ACC_REQUESTED : a->acc), app_profile(a)->version);
	if (grid_wrap(NULL, 0, 0, g->w, 9, ST_HEADING, title) > 2)   /* narrow: the essentials */
		snprintf(title, sizeof title, "Census of %s: %s instances, %llu classes; saving in %s "
		         "bytes, CPython %s%s", c->spec, n1, (unsigned long long)r->classes_total,
		         accounting_name(a->acc == ACC_DEEP ? ACC_REQUESTED : a->acc),
		         app_profile(a)->version, r->cap_hit ? " (cap hit)" : "");
	int used = grid_wrap(g, 0, y0, g->w, 3, ST_HEADING, title);
	int y = y0 + used;
	/* the columns: # class count attrs saving in-all verdict (78 columns at 80) */
	bool wide = g->w >= 100;
	int name_w = g->w - (3 + 11 + 6 + 9 + 12 + 11) - 1;
	if (name_w > 40)
		name_w = 40;
	if (name_w < 10)
		name_w = 10;
	grid_printf(g, 0, y++, g->w, ST_HEADING, "%2s %-*s %10s %5s %8s %11s %-10s", "#", name_w,
	            "class", "count", "attrs", "saving", "in all", wide ? "__slots__?" : "slots?");
	char detail[2000] = "";
	if (r->nclasses)
		selected_text(&r->classes[c->selected], detail, sizeof detail);
	int detail_rows = grid_wrap(NULL, 0, 0, g->w, 4, ST_NORMAL, detail);
	int list_rows = y0 + rows - y - detail_rows - 1;
	if (list_rows < 1)
		list_rows = 1;
	int top = c->selected >= list_rows ? c->selected - list_rows + 1 : 0;
	if ((int)r->nclasses > list_rows) {   /* scrolled: which rows these are, over "class" */
		char where[48];
		int last = top + list_rows < (int)r->nclasses ? top + list_rows : (int)r->nclasses;
		snprintf(where, sizeof where, "class %d-%d/%d", top + 1, last, (int)r->nclasses);
		if (utf8_columns(where) <= name_w)
			grid_printf(g, 3, y - 1, name_w, ST_HEADING, "%-*s", name_w, where);
	}
	for (int i = top; i < (int)r->nclasses && i < top + list_rows; i++) {
		const struct census_class *k = &r->classes[i];
		bool sel = i == c->selected;
		enum style st = sel ? ST_SELECTED : ST_NORMAL;
		if (sel)
			grid_fill(g, 0, y, g->w, ' ', ST_SELECTED);
		char name[128], count[32], save[32] = "-", all[32] = "-";
		snprintf(name, sizeof name, "%s", k->name);
		if (utf8_columns(name) > name_w)   /* the qualified name's end says most */
			snprintf(name, sizeof name, "~%s", k->name + strlen(k->name) - (size_t)(name_w - 1));
		format_grouped(k->count, count, sizeof count);
		if (k->scan.modelled && k->scan.verdict != VERDICT_SLOTTED) {
			snprintf(save, sizeof save, "%lld", (long long)k->scan.saving);
			format_bytes_human(k->total_saving < 0 ? 0 : (uint64_t)k->total_saving, all, sizeof all);
		}
		grid_printf(g, 0, y, g->w, st, "%2u %-*s %10s %5u %8s %11s %-10s", k->rank, name_w, name,
		            count, k->nattrs, save, all, verdict_short(k->scan.verdict));
		y++;
	}
	if (!r->nclasses)
		grid_put(g, 0, y++, g->w, ST_DIM, "no live instance of a class outside the standard library");
	grid_wrap(g, 0, y0 + rows - detail_rows, g->w, detail_rows, ST_NORMAL, detail);
}
