/* Running the guided tour: a step's commands on the session, and the whole
 * tour as a Markdown handout. No curses. */
#ifndef SLOTEXPLORE_TOUR_RUN_H
#define SLOTEXPLORE_TOUR_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "cmd/commands.h"
#include "session/tour.h"

/* Writes the whole tour as a Markdown handout: each step's text and the
 * model's figures at its setting, the timing results at the "!timing" step.
 * Runs the steps on the app and puts it back as it was; false with a
 * message when a step's command fails or the stream reports an error. */
bool tour_write_handout(FILE *out, const struct tour *t, struct cmd_context *c, char *err,
                        size_t errlen);
/* Opens a requested step (a->tour_requested): runs its commands. */
void tour_service(struct app *a, const struct tour *t, struct cmd_context *c);

#endif
