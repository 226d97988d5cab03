/* "Is it worth it?": what a kind saves against regular at the current
 * setting, per instance and in total, in cache lines and pages, the
 * paper's "more than 100 instances" as figures, the class's fixed cost and
 * the key-sharing limit. Text for the pager and the worth command. No
 * curses. */
#ifndef SLOTEXPLORE_WORTH_H
#define SLOTEXPLORE_WORTH_H

#include <stddef.h>

#include "session/app.h"

void worth_compose(struct app *a, enum kind k, char *out, size_t n);

#endif
