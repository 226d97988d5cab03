/* --repl: a plain prompt with the command language, for dumb terminals,
 * screen readers and copy-paste into teaching notes. */
#ifndef SLOTEXPLORE_REPL_H
#define SLOTEXPLORE_REPL_H

#include "cmd/commands.h"

int repl_run(struct cmd_context *c);

#endif
