/* Draws the whole explorer screen for an app state into a grid. */
#ifndef SLOTEXPLORE_SCREEN_H
#define SLOTEXPLORE_SCREEN_H

#include "render/grid.h"
#include "session/app.h"

#define SCREEN_MIN_W 64
#define SCREEN_MIN_H 18

void render_screen(struct app *a, struct grid *g);

#endif
