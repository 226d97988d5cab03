/* What lets the commands python, verify and measure reach the session's
 * interpreter (cmd_context.hooks). No curses. */
#ifndef SLOTEXPLORE_HOOKS_H
#define SLOTEXPLORE_HOOKS_H

#include "cmd/commands.h"
#include "session/interpreter.h"

/* Connects ctx's hooks to the interpreter in ch (kept: the hooks may replace
 * it); dir is the data directory, measure_time measure's budget. */
void hooks_connect(struct cmd_context *ctx, struct chosen *ch, const char *dir,
                   double measure_time, int hello_timeout_ms);

#endif
