/* A text grid: the screen as cells of one code point and one style each.
 * The renderer draws into it; curses, the headless tests and the benchmark
 * read it out. No curses here. */
#ifndef SLOTEXPLORE_GRID_H
#define SLOTEXPLORE_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "session/zones.h"   /* the zones it records, filled in by the renderer */

enum style {
	ST_NORMAL,
	ST_DIM,
	ST_HEADER,       /* the header line */
	ST_HEADER_KEY,   /* a value in the header that a key changes */
	ST_HEADING,      /* column headings, section titles */
	ST_SELECTED,     /* the selected kind's row */
	ST_BEST,         /* the best row's marker and figure */
	ST_GOOD,         /* savings */
	ST_BAD,          /* costs more */
	ST_WARN,
	ST_ERROR,
	ST_STATUS,       /* the status line */
	ST_SERIES0, ST_SERIES1, ST_SERIES2,   /* chart series */
	ST_MARKER,       /* chart thresholds */
	ST_PART0,        /* breakdown bar parts: ST_PART0 + part index */
	ST_PART_LAST = ST_PART0 + 9,
	ST_COUNT
};

struct cell {
	uint32_t ch;     /* a Unicode code point of width 1 */
	uint8_t style;
};


#define GRID_MAX_ZONES 48

struct grid {
	int w, h;
	struct cell *cells;
	size_t capacity;
	struct zone zones[GRID_MAX_ZONES];
	int nzones;
	int clipped;        /* texts that did not fit and lost characters (tests hold it at 0) */
};

bool grid_resize(struct grid *g, int w, int h);
void grid_free(struct grid *g);
void grid_clear(struct grid *g);
void grid_put_cell(struct grid *g, int x, int y, uint32_t ch, enum style st);
/* Writes UTF-8 text from (x, y), clipped at x + maxw and at the edge;
 * returns the columns used. */
int grid_put(struct grid *g, int x, int y, int maxw, enum style st, const char *utf8);
int grid_printf(struct grid *g, int x, int y, int maxw, enum style st, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void grid_fill(struct grid *g, int x, int y, int w, uint32_t ch, enum style st);
void grid_style_span(struct grid *g, int x, int y, int w, enum style st);
void grid_add_zone(struct grid *g, enum zone_kind k, int x, int y, int w, int h, int index);
const struct zone *grid_zone_at(const struct grid *g, int x, int y);
/* Columns that a UTF-8 string takes (one per code point). */
int utf8_columns(const char *s);
/* Word-wraps UTF-8 text into w columns from row y, at most rows lines after
 * skipping its first skip lines; returns the lines drawn (g NULL: counts).
 * Lines left over are counted in g->clipped unless part is set. */
int grid_wrap_from(struct grid *g, int x, int y, int w, int rows, enum style st, const char *text,
                   int skip, bool part);
int grid_wrap(struct grid *g, int x, int y, int w, int rows, enum style st, const char *text);
/* One row as UTF-8, trailing blanks removed. Returns bytes written. */
size_t grid_row_text(const struct grid *g, int y, char *buf, size_t n);

#endif
