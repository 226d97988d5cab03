#include "config.h"

#include "render/versions_view.h"

#include <stdio.h>
#include <string.h>

#include "core/units.h"
#include "output/by_version_report.h"

#define NAME_W 25   /* "> " and the longest kind, dataclass-slots-weakref */

/* Column widths for the per-instance figures plus one marker column. */
static int column_width(const struct by_version *bv, int c, const struct app *a)
{
	int w = (int)strlen(bv->col[c]->version);
	for (int i = 0; i < app_visible_count(a); i++) {
		enum kind k = app_visible_kind(a, i);
		char num[32];
		format_grouped(bv->cell[c][k].per_instance, num, sizeof num);
		if (bv->cell[c][k].available && (int)strlen(num) > w)
			w = (int)strlen(num);
	}
	return (w < 4 ? 4 : w) + 2;   /* a space and the change marker */
}

/* Wraps text over rows from y (g NULL: only counts); returns the rows used. */
static int put_wrapped(struct grid *g, int width, int y, int rows, enum style st,
                       const char *text)
{
	int used = 0;
	const char *p = text;
	while (*p && used < rows) {
		int cols = 0;
		const char *q = p, *cut = NULL;
		while (*q && cols < width) {
			if (*q == ' ')
				cut = q;
			if (((unsigned char)*q & 0xC0) != 0x80)
				cols++;
			q++;
		}
		while (*q && ((unsigned char)*q & 0xC0) == 0x80)
			q++;
		const char *end = !*q ? q : cut && cut > p ? cut : q;
		char line[512];
		size_t len = (size_t)(end - p) < sizeof line - 1 ? (size_t)(end - p) : sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		if (g)
			grid_put(g, 0, y + used, width, st, line);
		used++;
		p = end;
		while (*p == ' ')
			p++;
	}
	return used;
}

/* What changed where for the selected kind, and its totals for M. */
static void selected_summary(const struct app *a, char *text, size_t n)
{
	const struct by_version *bv = &a->versions;
	enum kind k = (enum kind)a->selected;
	char count[32];
	size_t len = 0;
	format_grouped(a->instances, count, sizeof count);
	len += (size_t)snprintf(text + len, n - len, "%s:", kind_info(k)->name);
	bool any = false;
	for (int c = 0; c < bv->ncols && len < n; c++) {
		const struct by_version_cell *cell = &bv->cell[c][k];
		char change[32];
		if (!cell->available || !(cell->has_change ? cell->change != 0 : c > 0))
			continue;
		by_version_change_text(bv, c, k, change, sizeof change);
		int d = bv->compared_with[c];
		len += (size_t)snprintf(text + len, n - len, "%s %s %s B against %s", any ? "," : "",
		                        bv->col[c]->version, change, d >= 0 ? bv->col[d]->version : "-");
		any = true;
	}
	if (!any && len < n)
		len += (size_t)snprintf(text + len, n - len, " the same bytes in every version");
	/* totals for M: the oldest and newest default builds that have the kind */
	int oldest = -1, newest = -1;
	for (int c = 0; c < bv->ncols; c++)
		if (!bv->col[c]->free_threaded && bv->cell[c][k].available) {
			if (oldest < 0)
				oldest = c;
			newest = c;
		}
	if (oldest >= 0 && len < n) {
		char from[32], to[32];
		format_bytes_human(bv->cell[oldest][k].total, from, sizeof from);
		format_bytes_human(bv->cell[newest][k].total, to, sizeof to);
		snprintf(text + len, n - len, ". %s instance%s: %s on %s, %s on %s.", count,
		         a->instances == 1 ? "" : "s", from, bv->col[oldest]->version, to,
		         bv->col[newest]->version);
	}
}

void render_versions_view(const struct app *a, struct grid *g, int y0, int rows)
{
	const struct by_version *bv = &a->versions;
	int y = y0, end = y0 + rows;
	char title[160];
	int tw = snprintf(title, sizeof title, "Every CPython side by side: %s bytes per instance, "
	                  "%u attribute%s", accounting_name(a->acc), a->attrs, a->attrs == 1 ? "" : "s");
	if (tw > g->w)
		snprintf(title, sizeof title, "Every CPython: %s bytes per instance", accounting_name(a->acc));
	grid_put(g, 0, y++, g->w, ST_HEADING, title);
	/* the newest columns that fit; the older ones are named as left out */
	int width[BY_VERSION_MAX], first = 0, total = NAME_W;
	for (int c = 0; c < bv->ncols; c++) {
		width[c] = column_width(bv, c, a);
		total += width[c];
	}
	while (total > g->w && first < bv->ncols - 1)
		total -= width[first++];
	const char *down = a->utf8 ? "\u25bc" : "v", *up = a->utf8 ? "\u25b2" : "^";
	char summary[1024], legend[400];
	selected_summary(a, summary, sizeof summary);
	snprintf(legend, sizeof legend, "%s fewer bytes than the version before, %s more; - not in "
	         "that version; t = free-threaded, against the same version with the GIL.%s%s%s%s",
	         down, up, first ? " Left out for width: " : "", first ? bv->col[0]->version : "",
	         first > 1 ? " to " : "", first > 1 ? bv->col[first - 1]->version : "");
	if (first)
		snprintf(legend + strlen(legend), sizeof legend - strlen(legend), "%s",
		         " (widen the window, or --by-version).");
	int summary_rows = put_wrapped(NULL, g->w, 0, 99, ST_NORMAL, summary);
	int legend_rows = put_wrapped(NULL, g->w, 0, 99, ST_DIM, legend);
	/* the table takes what the texts leave, scrolled to keep the selection seen */
	int n = app_visible_count(a), avail = end - y - 1 - 1 - summary_rows - legend_rows;
	if (avail < 3) {   /* a short screen: the legend goes first */
		avail += legend_rows;
		legend_rows = 0;
	}
	int sel = 0;
	for (int i = 0; i < n; i++)
		if ((int)app_visible_kind(a, i) == a->selected)
			sel = i;
	int top = n <= avail ? 0 : sel < avail ? 0 : sel - avail + 1;

	const struct profile *current = app_profile(a);
	grid_put(g, 0, y, NAME_W, ST_HEADING, "kind");
	if (top + avail < n || top > 0)
		grid_printf(g, 5, y, NAME_W - 5, ST_DIM, "(%d-%d of %d)", top + 1,
		            top + avail < n ? top + avail : n, n);
	for (int c = first, x = NAME_W; c < bv->ncols; x += width[c], c++)
		grid_printf(g, x, y, width[c], bv->col[c] == current ? ST_SELECTED : ST_HEADING,
		            "%*s ", width[c] - 1, bv->col[c]->version);
	y++;
	for (int i = top; i < n && i < top + avail; i++, y++) {
		enum kind k = app_visible_kind(a, i);
		bool is_sel = (int)k == a->selected;
		grid_printf(g, 0, y, NAME_W, is_sel ? ST_SELECTED : ST_NORMAL, "%s%s",
		            is_sel ? "> " : "  ", kind_info(k)->name);
		grid_add_zone(g, ZONE_ROW, 0, y, g->w, 1, i);
		for (int c = first, x = NAME_W; c < bv->ncols; x += width[c], c++) {
			const struct by_version_cell *cell = &bv->cell[c][k];
			char num[32];
			if (!cell->available) {
				grid_printf(g, x, y, width[c], ST_DIM, "%*s  ", width[c] - 2, "-");
				continue;
			}
			format_grouped(cell->per_instance, num, sizeof num);
			enum style st = bv->col[c] == current ? ST_SELECTED : ST_NORMAL;
			grid_printf(g, x, y, width[c], st, "%*s", width[c] - 2, num);
			if (cell->has_change && cell->change)
				grid_put(g, x + width[c] - 2, y, 1, cell->change < 0 ? ST_GOOD : ST_BAD,
				         cell->change < 0 ? down : up);
		}
	}
	y++;
	y += put_wrapped(g, g->w, y, summary_rows, ST_NORMAL, summary);
	put_wrapped(g, g->w, y, legend_rows, ST_DIM, legend);
}
