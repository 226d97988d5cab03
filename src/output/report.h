/* Batch writers: the model's figures as text, CSV or JSON. No curses. */
#ifndef SLOTEXPLORE_REPORT_H
#define SLOTEXPLORE_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/model.h"
#include "core/seed.h"

enum report_format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON, FORMAT_MARKDOWN, FORMAT_COUNT };
const char *report_format_name(enum report_format f);
enum report_format report_format_from_name(const char *name); /* FORMAT_COUNT if unknown */

struct report {
	const struct model_setting *setting;
	const struct model_eval *eval;
	enum accounting accounting;
	bool shown[KIND_COUNT];
	bool breakdown;              /* text: one breakdown line per kind */
	const char *profile_note;    /* e.g. a fallback warning; may be NULL */
	bool section;                /* markdown: a section of a longer handout (the tour's):
	                                lower headings, the legend left to the caller */
	bool compare_instance;       /* markdown: "vs regular" per instance, not in total */
};

/* Each returns 0, or -1 when the stream reports a write error. */
int report_write(FILE *out, const struct report *r, enum report_format f);
/* The --batch command that prints a setting's figures, for a handout or a chart
 * to cite; shown (NULL: the default kinds) picks its --kind options. */
void report_batch_command(const struct model_setting *s, enum accounting acc,
                          bool compare_instance, const bool *shown, char *buf, size_t len);
/* Writes s as the text of a Markdown table cell: | would end the cell,
 * _ * ` < [ would format. */
void report_markdown_cell(FILE *out, const char *s);
/* Writes s as one quoted CSV field ("" for a quote). */
void report_csv_quoted(FILE *out, const char *s);
/* Markdown: what the four accountings mean, one paragraph. */
void report_markdown_legend(FILE *out, const struct profile *pr);
int seed_report_write(FILE *out, const struct seed_report *s, enum abi abi,
                      enum report_format f);

#endif
