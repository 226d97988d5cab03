/* The trade-offs table (core/tradeoffs.h) as text, CSV, JSON or Markdown:
 * for each kind shown, each operation with its outcome and Python's own
 * message, and where it was measured. No curses. */
#ifndef SLOTEXPLORE_TRADEOFFS_REPORT_H
#define SLOTEXPLORE_TRADEOFFS_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/model.h"
#include "core/tradeoffs.h"
#include "output/report.h"

struct tradeoffs_report {
	const struct tradeoff_table *table;
	bool shown[KIND_COUNT];
	bool utf8;                   /* text: check marks, else ok / NO / -- */
	int heading;                 /* Markdown: the title's level (0: 1, a document of its own) */
	/* The setting of the table's version, for the bytes a subclass without
	 * __slots__ adds per instance (the model's slots-subclass-dict with
	 * every attribute in the base); NULL leaves them out. */
	const struct model_setting *setting;
};

/* 0, or -1 on a write error. */
int tradeoffs_report_write(FILE *out, const struct tradeoffs_report *r, enum report_format f);

#endif
