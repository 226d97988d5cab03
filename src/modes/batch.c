#include "config.h"

#include "modes/modes.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/by_version.h"
#include "core/model.h"
#include "output/by_version_report.h"
#include "output/report.h"

/* The model's table for the setting (or, with --by-version, the setting
 * under every profile); the interpreter only chose the profile. */
int mode_batch(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	const struct profile *pr = rc->profile;
	struct model_setting setting = {   /* checked by mode_check_setting */
		.profile = pr, .abi = rc->abi, .attrs = opt->attrs, .instances = opt->instances,
		.values = opt->values, .name_len = 0,
		.base_given = opt->base_given, .base_attrs = opt->base_attrs,
	};
	if (opt->values_given && !opt->values.repeat_last && opt->values.n > 1 &&
	    opt->values.n > opt->attrs)
		fprintf(stderr, "slotexplore: --values lists %u values; --attrs %u uses the first %u\n",
		        opt->values.n, opt->attrs, opt->attrs);
	if (opt->by_version) {
		static struct by_version bv;
		by_version_compute(rc->profiles, &setting, opt->accounting, &bv);
		return by_version_write(stdout, &bv, opt->kinds, opt->format) == 0 ? mode_finish_output()
		                                                                    : EXIT_FAILURE;
	}
	struct model_eval eval;
	model_evaluate_all(&setting, &eval);
	char note[PATH_MAX + 1024] = "";
	if (ch->have)
		snprintf(note, sizeof note, "profile of %s (CPython %s)%s%s", ch->interp.path,
		         ch->interp.version, ch->note[0] ? "; " : "", ch->note);
	else if (ch->note[0])
		snprintf(note, sizeof note, "%s; CPython %s %s profile", ch->note, pr->version,
		         abi_name(rc->abi));
	release_interpreter(ch);
	struct report rep = {
		.setting = &setting, .eval = &eval, .accounting = opt->accounting,
		.breakdown = opt->breakdown, .profile_note = note[0] ? note : NULL,
		.compare_instance = opt->compare == 2,
	};
	memcpy(rep.shown, opt->kinds, sizeof rep.shown);
	return report_write(stdout, &rep, opt->format) == 0 ? mode_finish_output() : EXIT_FAILURE;
}
