#include "config.h"

#include "modes/modes.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"
#include "core/tradeoffs.h"
#include "output/tradeoffs_report.h"

/* --tradeoffs: what each kind (of --kind) can and cannot do, tried now in
 * the interpreter, or read from the committed table of the version. */
int mode_tradeoffs(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	static struct tradeoff_table table;
	char err[1024];
	if (!tradeoffs_for(rc->dir, rc->ch->have ? rc->ch->interp.path : NULL, rc->profile,
	                   opt->timeout_ms, NULL, NULL, &table, err, sizeof err)) {
		fprintf(stderr, "slotexplore: --tradeoffs: %s\n", err);
		return EXIT_FAILURE;
	}
	release_interpreter(rc->ch);
	struct model_setting setting = {
		.profile = rc->profile, .abi = rc->abi, .attrs = opt->attrs, .instances = opt->instances,
		.values = opt->values, .base_given = opt->base_given, .base_attrs = opt->base_attrs,
	};
	struct tradeoffs_report r = { .table = &table, .utf8 = locale_is_utf8() };
	char why[300];
	if (model_setting_check(&setting, why, sizeof why))
		r.setting = &setting;
	for (int k = 0; k < KIND_COUNT; k++)
		r.shown[k] = opt->kinds[k];
	return tradeoffs_report_write(stdout, &r, opt->format) == 0 ? mode_finish_output()
	                                                               : EXIT_FAILURE;
}
