/* The --scan report (core/scan.h): one line per class in the FILE:LINE:
 * form of compilers and linters (text), or CSV, JSON and Markdown. No curses. */
#ifndef SLOTEXPLORE_SCAN_REPORT_H
#define SLOTEXPLORE_SCAN_REPORT_H

#include <stdio.h>

#include "core/interp.h"
#include "core/model.h"
#include "core/scan.h"
#include "output/report.h"

struct scan_report {
	const struct scan_result *result;   /* judged (scan_judge) */
	const char *const *paths;           /* what was scanned */
	int npaths;
	const struct profile *profile;
	enum abi abi;
	enum accounting accounting;
	const struct interp *parser;        /* the interpreter whose ast read the files */
};

/* A JSON array of the list's strings (a new reference). */
struct json_t;
struct json_t *scan_report_json_list(const struct scan_list *l);
/* The JSON "model" object: profile, abi, accounting, values (shared). */
struct json_t *scan_report_json_model(const struct profile *pr, enum abi abi, enum accounting acc);
/* How many classes have each verdict. */
void scan_report_counts(const struct scan_result *r, unsigned counts[VERDICT_COUNT]);
/* 0, or -1 on a write error. */
int scan_report_write(FILE *out, const struct scan_report *r, enum report_format f);

#endif
