/* --by-version: kinds by CPython versions, as text, CSV, JSON or Markdown. */
#ifndef SLOTEXPLORE_BY_VERSION_REPORT_H
#define SLOTEXPLORE_BY_VERSION_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/by_version.h"
#include "output/report.h"

/* Returns 0, or -1 when the stream reports a write error. */
int by_version_write(FILE *out, const struct by_version *bv, const bool shown[KIND_COUNT],
                     enum report_format f);
/* "-128", "+8", "0"; "new" when the kind is new in this column, "" for the first. */
void by_version_change_text(const struct by_version *bv, int col, enum kind k, char *buf,
                            size_t n);

#endif
