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

/* A breakdown's value objects attribute by attribute (model_value_rows),
 * NULL-free: *n rows, 0 when the setting's values are all of one kind (the
 * breakdown then shows the one part as before). The rows live until the
 * next call. */
const struct value_row *report_value_rows(const struct report *r, enum kind k, enum accounting a,
                                          unsigned *n);
/* "a0 int:30", "a2..a4 float", "__weakref__ none". */
void report_value_row_label(const struct value_row *v, char *buf, size_t n);
/* A CSV field, quoted when it holds a comma or a quote. */
void report_csv_field(FILE *out, const char *text);

#endif
