/* The explorer's ':' line: GNU readline's callback interface fed one byte
 * at a time, drawing through the app state instead of the terminal (see
 * shared/reference/tui-patterns.md section 2). No curses here. */
#ifndef SLOTEXPLORE_CMDLINE_H
#define SLOTEXPLORE_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "session/app.h"

/* Starts editing a new line (a->cmd_active is set). */
void cmdline_begin(struct app *a);
/* Feeds input bytes. Returns true when a line was entered: it is copied
 * into line (an empty line or Ctrl-D gives ""), and editing has ended. */
bool cmdline_feed(struct app *a, const char *bytes, size_t n, char *line, size_t linelen);
/* Abandons the line (Esc, Ctrl-C). */
void cmdline_cancel(struct app *a);

#endif
