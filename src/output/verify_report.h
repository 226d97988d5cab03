/* Writers for --verify and --list-pythons: rows stream out as they arrive. */
#ifndef SLOTEXPLORE_VERIFY_REPORT_H
#define SLOTEXPLORE_VERIFY_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/interp.h"
#include "core/verify_run.h"
#include "output/report.h"

struct verify_writer {
	FILE *out;
	enum report_format format;
	bool utf8;          /* check marks, or ok/XX */
	unsigned rows;
	const struct interp *interp;
	const struct profile *profile;
	enum abi abi;
};

void verify_write_begin(struct verify_writer *w);
void verify_write_row(void *writer, const struct verify_result *r);  /* a verify_row_fn */
/* The summary, then the instances built in bulk (--instances), if any. */
void verify_write_end(struct verify_writer *w, const struct verify_summary *sum,
                      const struct bulk_result *bulk, size_t nbulk);

/* One interpreter per line for --list-pythons. */
void interp_write_list_header(FILE *out);
/* One interpreter: its facts and model, then the other names that reach it. */
void interp_write_list_row(FILE *out, const struct interp *in, const char *support,
                           const char *also);

#endif
