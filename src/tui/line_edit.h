/* GNU readline set-up shared by the TUI's ':' line and the REPL: the
 * command completer and the history file. */
#ifndef SLOTEXPLORE_LINE_EDIT_H
#define SLOTEXPLORE_LINE_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#define HISTORY_MAX 1000

/* Names readline "slotexplore" (for $if in inputrc) and installs the completer. */
void line_edit_init(void);
/* $XDG_STATE_HOME/slotexplore/history (default ~/.local/state/...). */
bool line_edit_history_path(char *buf, size_t n);
void line_edit_history_load(void);
/* Adds a line unless blank or the same as the last one. */
void line_edit_history_add(const char *line);
/* Writes the history (at most HISTORY_MAX lines); false with a reason. */
bool line_edit_history_save(char *err, size_t errlen);

#endif
