/* Big characters for the projector: 3 columns by 5 rows, drawn at a scale
 * that grows with the screen (presentation mode's figures and verdicts). */
#ifndef SLOTEXPLORE_RENDER_BIG_TEXT_H
#define SLOTEXPLORE_RENDER_BIG_TEXT_H

#include <stdbool.h>

#include "render/grid.h"

/* Rows a big text takes at scale s. */
#define BIG_ROWS(s) (5 * (s))

/* Columns `text` takes in big characters at scale s. */
int big_width(const char *text, int s);
/* Draws `text` (digits, + - % , . space, capitals, and i for KiB) at x, y;
 * returns the columns used. A character without a glyph is a space. */
int big_render(struct grid *g, int x, int y, int s, enum style st, bool utf8, const char *text);

#endif
