/* The notes under the explorer's chart: words that explain the selected
 * kind's figure, its trade-offs and how it was counted. No curses. */
#ifndef SLOTEXPLORE_NOTES_H
#define SLOTEXPLORE_NOTES_H

#include <stddef.h>

#include "session/app.h"

/* The whole note, sentence by sentence; the renderer shows the sentences
 * that fit, and i shows it all in the pager. */
void app_compose_notes(const struct app *a, char *out, size_t n);

#endif
