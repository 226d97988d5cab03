#include "config.h"

#include "modes/modes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/numparse.h"
#include "core/text.h"
#include "core/verify_run.h"
#include "output/verify_report.h"

#define VERIFY_GRID_MAX 4096

int mode_verify(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	ch->abi = ch->interp.abi;
	static uint64_t grid[VERIFY_GRID_MAX];
	char err[600];
	int n = parse_count_grid(opt->attrs_text ? opt->attrs_text : "0..40", 0, MODEL_MAX_ATTRS,
	                         grid, VERIFY_GRID_MAX, err, sizeof err);
	if (n < 0) {
		fprintf(stderr, "slotexplore: --attrs: %s\n", err);
		return EXIT_USAGE;
	}
	struct verify_plan plan = {
		.profile = ch->profile, .abi = ch->abi, .attrs = grid, .nattrs = n,
		.values = opt->values, .count = 1000, .timeout_ms = opt->timeout_ms * 12,
		.base_given = opt->base_given, .base_attrs = opt->base_attrs,
	};
	memcpy(plan.kinds, opt->kinds, sizeof plan.kinds);
	struct verify_writer w = {
		.out = stdout, .format = opt->format, .utf8 = locale_is_utf8(), .interp = &ch->interp,
		.profile = ch->profile, .abi = ch->abi,
	};
	if (ch->note[0])
		fprintf(stderr, "slotexplore: %s\n", ch->note);
	verify_write_begin(&w);
	struct verify_summary sum;
	if (!verify_run(&ch->pc, &plan, verify_write_row, &w, &sum, err, sizeof err)) {
		fflush(stdout);
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_FAILURE;
	}
	if (opt->instances_given) {
		struct bulk_result b;
		enum kind k = KIND_REGULAR;
		for (int i = 0; i < KIND_COUNT; i++)
			if (opt->kinds[i]) {
				k = (enum kind)i;
				break;
			}
		unsigned attrs = (unsigned)grid[n - 1];
		if (!verify_bulk(&ch->pc, &plan, k, attrs, opt->instances, &b, err, sizeof err)) {
			fflush(stdout);
			fprintf(stderr, "slotexplore: %s\n", err);
			return EXIT_FAILURE;
		}
		verify_write_end(&w, &sum);
		verify_write_bulk(&w, k, attrs, &b);
	} else {
		verify_write_end(&w, &sum);
	}
	int status = mode_finish_output();
	return status == EXIT_SUCCESS && sum.mismatches == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
