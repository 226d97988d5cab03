/* The explorer's census (:census): the classes a workload keeps alive,
 * judged at the app's version, in a view whose selected class opens as
 * your own class (:object). No curses. */
#ifndef SLOTEXPLORE_CENSUS_VIEW_H
#define SLOTEXPLORE_CENSUS_VIEW_H

#include <stdbool.h>

#include "core/census.h"

struct app;

#define CENSUS_VIEW_PATHS 16

struct app_census {
	char spec[600];                        /* MODULE:EXPR of the workload */
	char paths[CENSUS_VIEW_PATHS][512];    /* where MODULE came from */
	int npaths;
	char version[24];                      /* the interpreter's */
	struct census_result res;
	int selected;                          /* a class's index */
	const struct profile *judged_on;       /* the judgement's profile and ABI */
	enum abi judged_abi;
	enum accounting judged_acc;
};

/* Takes over res (zeroed here) and opens the view. */
bool app_census_set(struct app *a, const char *spec, const char *const *paths, int npaths,
                    const char *version, struct census_result *res);
void app_census_clear(struct app *a);
/* Judges the classes again when the version, ABI or accounting changed. */
void app_census_update(struct app *a);
/* A key while the view is open: true when it was the view's. Enter asks
 * the front end to open the selected class ("object census"). */
bool app_census_key(struct app *a, int key);

#endif
