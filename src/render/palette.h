/* The explorer's colours, curses-free: each style's foreground and
 * background in the 256-colour and the 8-colour palettes, for the dark
 * theme (the terminal's own background) and the light one (for projectors:
 * dark text on an explicit white), and their contrast (WCAG). */
#ifndef SLOTEXPLORE_PALETTE_H
#define SLOTEXPLORE_PALETTE_H

#include <stdbool.h>

#include "render/grid.h"

#define PALETTE_DEFAULT (-1)   /* the terminal's own colour */

struct style_colour {
	short fg8, bg8;       /* COLOR_* numbers 0..7, or PALETTE_DEFAULT */
	short fg256, bg256;   /* xterm-256 indexes, or PALETTE_DEFAULT */
	bool bold;
};

/* The colours of style s in a theme. */
struct style_colour palette_colour(bool light, enum style s);
/* WCAG 2 contrast ratio of two xterm-256 colours (1 to 21). */
double palette_contrast(short fg256, short bg256);

#endif
