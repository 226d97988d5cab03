/* The explorer's current chart and breakdown bar as an SVG slide: vector,
 * the kinds' colours of the light theme, labelled axes. No curses. */
#ifndef SLOTEXPLORE_SVG_H
#define SLOTEXPLORE_SVG_H

#include <stdbool.h>
#include <stdio.h>

#include "session/app.h"

/* Writes the slide for the app's setting; false (with a reason) on a write
 * error. */
bool svg_write(FILE *out, struct app *a, char *err, size_t errlen);

#endif
