/* Shared between the report writers; not part of the public interface. */
#ifndef SLOTEXPLORE_REPORT_INTERNAL_H
#define SLOTEXPLORE_REPORT_INTERNAL_H

#include "output/report.h"

int report_text(FILE *out, const struct report *r);
int report_csv(FILE *out, const struct report *r);
int report_markdown(FILE *out, const struct report *r);
int report_json(FILE *out, const struct report *r);
int seed_report_text(FILE *out, const struct seed_report *s, enum abi abi);
int seed_report_json(FILE *out, const struct seed_report *s, enum abi abi);
int seed_report_csv(FILE *out, const struct seed_report *s, enum abi abi);

#endif
