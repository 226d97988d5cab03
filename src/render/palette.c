#include "config.h"

#include "render/palette.h"

#include <math.h>

/* COLOR_* of curses, without curses */
enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE };
#define D PALETTE_DEFAULT

/* The dark theme: the terminal's background, bright colours. */
static struct style_colour dark(enum style s)
{
	switch (s) {
	case ST_HEADER: return (struct style_colour){ BLACK, CYAN, 16, 38, false };
	case ST_HEADER_KEY: return (struct style_colour){ BLACK, CYAN, 16, 38, true };
	case ST_HEADING: return (struct style_colour){ CYAN, D, 38, D, true };
	case ST_SELECTED: return (struct style_colour){ BLACK, WHITE, 16, 252, false };
	case ST_BEST: return (struct style_colour){ GREEN, D, 40, D, true };
	case ST_GOOD: return (struct style_colour){ GREEN, D, 71, D, false };
	case ST_BAD: return (struct style_colour){ RED, D, 167, D, false };
	case ST_WARN: return (struct style_colour){ YELLOW, D, 214, D, true };
	case ST_ERROR: return (struct style_colour){ WHITE, RED, 231, 124, true };
	case ST_STATUS: return (struct style_colour){ BLACK, WHITE, 16, 250, false };
	case ST_SERIES0: return (struct style_colour){ YELLOW, D, 220, D, true };
	case ST_SERIES1: return (struct style_colour){ CYAN, D, 45, D, false };
	case ST_SERIES2: return (struct style_colour){ MAGENTA, D, 170, D, false };
	case ST_MARKER: return (struct style_colour){ RED, D, 203, D, false };
	case ST_DIM: return (struct style_colour){ WHITE, D, 244, D, false };
	default: break;
	}
	if (s >= ST_PART0 && s <= ST_PART_LAST) {
		static const short p8[] = { BLUE, CYAN, GREEN, YELLOW, MAGENTA, RED, WHITE, CYAN,
		                            GREEN, WHITE };
		static const short p256[] = { 33, 37, 71, 178, 170, 167, 110, 145, 107, 244 };
		return (struct style_colour){ p8[s - ST_PART0], D, p256[s - ST_PART0], D, false };
	}
	return (struct style_colour){ D, D, D, D, false };
}

/* The light theme: everything on white (231), colours dark enough to read
 * from the back of a room; each holds a contrast of 4.5:1 (tests/unit_stats). */
static struct style_colour light(enum style s)
{
	switch (s) {
	case ST_HEADER: return (struct style_colour){ WHITE, BLUE, 231, 18, false };
	case ST_HEADER_KEY: return (struct style_colour){ WHITE, BLUE, 231, 18, true };
	case ST_HEADING: return (struct style_colour){ BLUE, WHITE, 18, 231, true };
	case ST_SELECTED: return (struct style_colour){ BLACK, CYAN, 16, 153, false };
	case ST_BEST: return (struct style_colour){ GREEN, WHITE, 22, 231, true };
	case ST_GOOD: return (struct style_colour){ GREEN, WHITE, 22, 231, false };
	case ST_BAD: return (struct style_colour){ RED, WHITE, 124, 231, false };
	case ST_WARN: return (struct style_colour){ RED, WHITE, 130, 231, true };
	case ST_ERROR: return (struct style_colour){ WHITE, RED, 231, 124, true };
	case ST_STATUS: return (struct style_colour){ BLACK, WHITE, 16, 252, false };
	case ST_SERIES0: return (struct style_colour){ RED, WHITE, 130, 231, true };
	case ST_SERIES1: return (struct style_colour){ BLUE, WHITE, 25, 231, false };
	case ST_SERIES2: return (struct style_colour){ MAGENTA, WHITE, 90, 231, false };
	case ST_MARKER: return (struct style_colour){ RED, WHITE, 124, 231, false };
	case ST_DIM: return (struct style_colour){ BLACK, WHITE, 240, 231, false };
	default: break;
	}
	if (s >= ST_PART0 && s <= ST_PART_LAST) {
		static const short p8[] = { BLUE, CYAN, GREEN, RED, MAGENTA, RED, BLACK, BLUE, GREEN,
		                            BLACK };
		static const short p256[] = { 19, 23, 22, 130, 90, 124, 59, 60, 58, 240 };
		return (struct style_colour){ p8[s - ST_PART0], WHITE, p256[s - ST_PART0], 231, false };
	}
	return (struct style_colour){ BLACK, WHITE, 16, 231, false };   /* ST_NORMAL */
}

struct style_colour palette_colour(bool is_light, enum style s)
{
	return is_light ? light(s) : dark(s);
}

/* xterm-256: 16 system colours, a 6x6x6 cube, 24 greys. */
static void rgb(short c, double out[3])
{
	static const unsigned char sys[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 }, { 0, 0, 238 },
		{ 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 }, { 127, 127, 127 }, { 255, 0, 0 },
		{ 0, 255, 0 }, { 255, 255, 0 }, { 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 },
		{ 255, 255, 255 },
	};
	if (c < 16) {
		for (int i = 0; i < 3; i++)
			out[i] = sys[c][i];
	} else if (c < 232) {
		static const int level[6] = { 0, 95, 135, 175, 215, 255 };
		int v = c - 16;
		out[0] = level[v / 36];
		out[1] = level[(v / 6) % 6];
		out[2] = level[v % 6];
	} else {
		for (int i = 0; i < 3; i++)
			out[i] = 8 + 10 * (c - 232);
	}
}

static double luminance(short c)
{
	double v[3];
	rgb(c, v);
	double l[3];
	for (int i = 0; i < 3; i++) {
		double x = v[i] / 255.0;
		l[i] = x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

double palette_contrast(short fg256, short bg256)
{
	double a = luminance(fg256), b = luminance(bg256);
	return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}
