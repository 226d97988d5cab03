/* The timing pane: two kinds' distributions of one operation as histograms
 * on shared bins, with median and percentile markers, the summary table and
 * the comparison sentence; it fills in as samples arrive. */
#ifndef SLOTEXPLORE_TIMING_PANE_H
#define SLOTEXPLORE_TIMING_PANE_H

#include "render/grid.h"
#include "session/app.h"

void render_timing_pane(const struct app *a, struct grid *g);

#endif
