#include "config.h"

#include "modes/modes.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"
#include "core/timing_run.h"
#include "output/timing_report.h"

int mode_load(const struct run_context *rc)
{
	const struct options *opt = rc->opt;
	static struct timing_result res;
	unsigned attrs;
	char err[600];
	if (!timing_load(opt->load, &res, &attrs, err, sizeof err)) {
		fprintf(stderr, "slotexplore: --load %s\n", err);
		return EXIT_FAILURE;
	}
	int wrote = timing_report_write(stdout, &res, attrs, opt->format, locale_is_utf8(),
	                                &opt->min_effect);
	if (opt->pyperf && !timing_export_pyperf(opt->pyperf, &res, attrs, err, sizeof err)) {
		fprintf(stderr, "slotexplore: --pyperf %s\n", err);
		wrote = -1;
	}
	timing_result_free(&res);
	return wrote == 0 ? mode_finish_output() : EXIT_FAILURE;
}
