/* Writers for timing results: text table, JSON (every raw value with its
 * process, the conditions and the statistics), CSV (one row per value),
 * Markdown (the text and histograms), and pyperf's JSON format. */
#ifndef SLOTEXPLORE_TIMING_REPORT_H
#define SLOTEXPLORE_TIMING_REPORT_H

#include <stdio.h>

#include "core/timing_analysis.h"
#include "core/timing_run.h"
#include "output/report.h"

/* 0, or -1 on a write error. `set` may be NULL (the defaults). */
int timing_report_write(FILE *out, const struct timing_result *r, unsigned attrs,
                        enum report_format f, bool utf8, const struct timing_settings *set);

/* The timing summary and text histograms as a Markdown section under a
 * heading of the given level (2 for "##"). */
int timing_report_markdown(FILE *out, const struct timing_result *r, unsigned attrs, int level,
                           const struct timing_settings *set);

/* pyperf's JSON format (version 1.0): one benchmark per series, named like
 * "slots read", one run per process, values per statement in seconds (the
 * figure pyperf and timeit report; our baseline is not subtracted). */
int timing_write_pyperf(FILE *out, const struct timing_result *r, unsigned attrs);
/* The same into FILE, replaced atomically; gzip-compressed when FILE ends
 * in .gz, as pyperf does. False with a reason. */
bool timing_export_pyperf(const char *path, const struct timing_result *r, unsigned attrs,
                          char *err, size_t errlen);

#endif
