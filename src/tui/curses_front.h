/* The thin curses front end: terminal set-up and restore, key and mouse
 * input, colours, and drawing the renderer's grid. */
#ifndef SLOTEXPLORE_CURSES_FRONT_H
#define SLOTEXPLORE_CURSES_FRONT_H

#include <stdbool.h>

#include "cmd/commands.h"
#include "core/probe_client.h"
#include "session/app.h"

struct tui_options {
	bool no_color;      /* --no-color or NO_COLOR */
	bool no_mouse;      /* --no-mouse */
	struct probe_client *probe;   /* running interpreter for m, or NULL */
	int timeout_ms;     /* per measurement */
	int hello_timeout_ms;         /* for a timing worker to say hello (--timeout) */
	struct cmd_context *commands;  /* what ':' lines run against */
	const char *python;          /* interpreter path for t (kept current by main) */
	const char *script;          /* probe.py */
	double measure_time;         /* t's time budget in seconds */
};

/* Whether $TERM can draw the explorer (known, with cursor addressing);
 * false with a one-line reason. */
bool tui_terminal_usable(char *why, size_t n);
/* Runs the explorer until q or a signal; the terminal is restored on every
 * way out. Returns the exit status. */
int tui_run(struct app *a, const struct tui_options *o);

/* The signal that ended tui_run (the terminal already restored), or 0; the
 * caller re-raises it after its own clean-up so that the process dies of it. */
int tui_fatal_signal(void);

#endif
