/* The explorer's own class (:object): the probe's result for it, judged
 * again whenever the version, ABI or instance count changes, as rows at
 * the top of the table. No curses. */
#ifndef SLOTEXPLORE_OBJECT_VIEW_H
#define SLOTEXPLORE_OBJECT_VIEW_H

#include <limits.h>
#include <stdbool.h>

#include "core/object_model.h"
#include "core/object_probe.h"

struct app;

struct app_object {
	char spec[600];                   /* MODULE:EXPR as given */
	char python[PATH_MAX];            /* the interpreter that ran it */
	char version[24];                 /* its version, "3.12.1" */
	const struct profile *profile;    /* its profile and ABI: measured there */
	enum abi abi;
	struct object_probe_result res;
	struct object_judgement j;        /* on the app's profile, ABI and count */
};

/* Takes over res (zeroed here) as the app's class; replaces the one before. */
bool app_object_set(struct app *a, const char *spec, const char *python, const char *version,
                    const struct profile *pr, enum abi abi, struct object_probe_result *res);
/* Drops the class; false when there was none. */
bool app_object_clear(struct app *a);
/* Judges the class again at the app's setting (app_update calls it). */
void app_object_update(struct app *a);
/* The rows shown, in order: the class as it is, the alternatives, and
 * "__slots__ here only" when a base keeps the dict; returns how many. */
int app_object_rows(const struct app *a, const struct object_row **rows, int max);

#endif
