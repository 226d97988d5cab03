/* The guided tour: steps read from data/tour.txt, each a few commands that
 * set the explorer up and a short text with live figures. The file and its
 * text; running a step's commands is cmd/tour_run.h's. No curses. */
#ifndef SLOTEXPLORE_TOUR_H
#define SLOTEXPLORE_TOUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "session/app.h"

#define TOUR_MAX_STEPS 32

struct tour_step {
	char title[96];
	char commands[1024];    /* one per line */
	char text[1600];
	char notes[800];        /* "!note" lines: for the teacher, shown on N and in the handout */
	char question[300];     /* "!question": asked under the text */
	char answer[600];       /* "!answer": revealed on A, with the model's live figures */
	bool timing;            /* "!timing": the handout puts the timing results here */
	bool tradeoffs;         /* "!tradeoffs": and the trade-offs table here */
};

struct tour {
	struct tour_step step[TOUR_MAX_STEPS];
	int nsteps;
};

static inline int tour_steps(const struct tour *t)
{
	return t ? t->nsteps : 0;
}
/* Parses a tour's text (source names it in messages); false with
 * "SOURCE:LINE: problem". */
bool tour_parse(const char *text, size_t len, const char *source, struct tour *t, char *err,
                size_t errlen);
/* Loads a tour file (at most 256 KiB); false with "FILE:LINE: problem". */
bool tour_load(const char *path, struct tour *t, char *err, size_t errlen);
/* Replaces {ACCOUNTING:KIND} with the app's live figures. */
void tour_expand(struct app *a, const char *text, char *out, size_t n);
#endif
