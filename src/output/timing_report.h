/* Writers for timing results: text table, JSON (every raw sample and the
 * statistics), CSV (one row per sample). */
#ifndef SLOTEXPLORE_TIMING_REPORT_H
#define SLOTEXPLORE_TIMING_REPORT_H

#include <stdio.h>

#include "core/timing_run.h"
#include "output/report.h"

/* Which two kinds are compared: regular and slots when both were timed,
 * else the first two. False when fewer than two kinds. */
bool timing_compare_pair(const struct timing_result *r, enum kind *a, enum kind *b);
/* 0, or -1 on a write error; err gets a statistics problem (never fatal). */
int timing_report_write(FILE *out, const struct timing_result *r, unsigned attrs,
                        enum report_format f, bool utf8);

/* The timing summary and text histograms as a Markdown section under a
 * heading of the given level (2 for "##"). */
int timing_report_markdown(FILE *out, const struct timing_result *r, unsigned attrs, int level);

#endif
