/* The --object report (core/object_model.h): a real class, its layout,
 * its attributes, the model beside the probe's measurements, and the
 * alternatives with their savings; text, CSV, JSON and Markdown. No curses. */
#ifndef SLOTEXPLORE_OBJECT_REPORT_H
#define SLOTEXPLORE_OBJECT_REPORT_H

#include <stdio.h>

#include "core/interp.h"
#include "core/object_model.h"
#include "output/report.h"

struct object_report {
	const struct object_judgement *judgement;
	const char *spec;                 /* MODULE:EXPR as given */
	const struct interp *interp;      /* the interpreter that ran it */
	enum accounting accounting;       /* the saving column's */
};

/* 0, or -1 on a write error. */
int object_report_write(FILE *out, const struct object_report *r, enum report_format f);

/* One line for a status bar or a heading: "User: regular, 144 B per
 * instance; with __slots__ 112 B (-32 B, measured)". */
void object_report_summary(const struct object_judgement *j, enum accounting acc, char *out,
                           size_t n);

#endif
