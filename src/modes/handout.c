#include "config.h"

#include "modes/modes.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd/tour_run.h"
#include "core/timing_run.h"

/* --tour --batch: the whole tour as a Markdown handout on standard output,
 * with the timing results of --load FILE at the timing step. */
int mode_handout(struct run_context *rc, struct cmd_context *ctx)
{
	const struct options *opt = rc->opt;
	static struct timing_result res;
	char err[700];
	if (opt->load) {
		if (!timing_load(opt->load, &res, &ctx->app->timing_attrs, err, sizeof err)) {
			fprintf(stderr, "slotexplore: --load %s\n", err);
			return EXIT_FAILURE;
		}
		ctx->app->timing = &res;
	}
	bool ok = tour_write_handout(stdout, ctx->app->tour, ctx, err, sizeof err);
	ctx->app->timing = NULL;
	timing_result_free(&res);
	if (!ok && err[0]) {
		fflush(stdout);
		fprintf(stderr, "slotexplore: --tour: %s\n", err);
		return EXIT_FAILURE;
	}
	return mode_finish_output();   /* names a write error, exit 1 */
}
