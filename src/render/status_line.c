#include "config.h"

#include "render/status_line.h"

#include <stdio.h>
#include <string.h>

/* Rows the status message needs at width w (at most 3). */
int status_message_rows(const struct app *a, int w)
{
	if (!a->status[0])
		return 0;
	int r = grid_wrap(NULL, 0, 0, w, 3, ST_NORMAL, a->status);
	return r < 1 ? 1 : r;
}

/* The status message on the msg rows above row y. */
void render_status_message(const struct app *a, struct grid *g, int y, int msg)
{
	enum style st = a->status_error ? ST_ERROR : ST_STATUS;
	for (int r = 0; r < msg; r++)
		grid_fill(g, 0, y - msg + r, g->w, ' ', st);
	if (msg) {
		/* longer than three rows: the rest is marked, not dropped silently */
		char text[sizeof a->status + 8];
		snprintf(text, sizeof text, "%s", a->status);
		if (grid_wrap(NULL, 0, 0, g->w, 99, st, text) > msg) {
			size_t keep = strlen(text);
			while (keep > 0 && grid_wrap(NULL, 0, 0, g->w, 99, st, text) > msg) {
				do
					keep--;
				while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80);
				snprintf(text + keep, sizeof text - keep, "%s", "\u2026");
			}
		}
		grid_wrap(g, 0, y - msg, g->w, msg, st, text);
	}
}
