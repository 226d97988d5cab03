/* The chart pane: memory against instance count (log-log) or against
 * attribute count, drawn with braille dots, or ASCII without UTF-8. */
#ifndef SLOTEXPLORE_CHART_H
#define SLOTEXPLORE_CHART_H

#include "render/grid.h"
#include "session/app.h"

void render_chart(const struct app *a, struct grid *g, int x, int y, int w, int h);

#endif
