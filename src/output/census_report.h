/* The --census report (core/census.h): a table of the classes with the most
 * bytes, and a paragraph each (text), or CSV and JSON. No curses. */
#ifndef SLOTEXPLORE_CENSUS_REPORT_H
#define SLOTEXPLORE_CENSUS_REPORT_H

#include <stdio.h>

#include "core/census.h"
#include "core/interp.h"
#include "core/model.h"
#include "output/report.h"

struct census_report {
	const struct census_result *result;   /* judged (census_judge) */
	const char *module, *expr;            /* the workload */
	const struct profile *profile;
	enum abi abi;
	enum accounting accounting;
	const struct interp *python;          /* the interpreter that ran it */
};

/* How a class's instances are laid out now: "regular", "dataclass",
 * "slots", "slots+dict", "dataclass-slots", "namedtuple"... */
const char *census_layout(const struct census_class *c);
/* 0, or -1 on a write error. Text, CSV and JSON (Markdown is refused by
 * the options). */
int census_report_write(FILE *out, const struct census_report *r, enum report_format f);

#endif
