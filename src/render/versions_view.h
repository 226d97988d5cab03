/* The explorer's "every version side by side" view (e): kinds by CPython
 * versions at the current setting, each cell against the version before. */
#ifndef SLOTEXPLORE_VERSIONS_VIEW_H
#define SLOTEXPLORE_VERSIONS_VIEW_H

#include "render/grid.h"
#include "session/app.h"

/* Draws into rows y0 .. y0 + rows - 1 of g. */
void render_versions_view(const struct app *a, struct grid *g, int y0, int rows);

#endif
