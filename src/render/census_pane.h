/* The explorer's census view (:census): the classes a workload keeps
 * alive, by bytes, with the model's saving and whether __slots__ can go
 * in; the selected class's reasons below. */
#ifndef SLOTEXPLORE_CENSUS_PANE_H
#define SLOTEXPLORE_CENSUS_PANE_H

#include "render/grid.h"
#include "session/app.h"

/* Draws into rows y0 .. y0 + rows - 1 of g. */
void render_census_view(const struct app *a, struct grid *g, int y0, int rows);

#endif
