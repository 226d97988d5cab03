#ifndef SLOTEXPLORE_RENDER_STATUS_LINE_H
#define SLOTEXPLORE_RENDER_STATUS_LINE_H
/* The status message: wrapped on up to three rows above the key bar, never
 * cut (a longer one ends in an ellipsis). Every view draws it the same way. */
#include "render/grid.h"
#include "session/app.h"

/* Rows the message needs at width w (0 when there is none, at most 3). */
int status_message_rows(const struct app *a, int w);
/* Draws the message on the msg rows above row y. */
void render_status_message(const struct app *a, struct grid *g, int y, int msg);

#endif
