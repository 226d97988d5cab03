#include "config.h"

#include "modes/modes.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/model.h"

#define DEFAULT_MAJOR 3
#define DEFAULT_MINOR 13

int mode_choose(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	char err[1024];
	/* Which profile: --python-version, else the interpreter's, else 3.13. */
	const struct profile *pr = NULL;
	enum abi abi = opt->abi;
	bool want_interpreter = !opt->by_version && (opt->mode == MODE_VERIFY || opt->mode == MODE_MEASURE ||
	                        opt->mode == MODE_SCAN || opt->mode == MODE_OBJECT || opt->mode == MODE_CENSUS ||
	                        (!opt->no_python && (opt->mode == MODE_TUI || opt->mode == MODE_SCRIPT ||
	                                            opt->mode == MODE_REPL)) ||
	                        (!opt->no_python && !opt->version_given && opt->mode == MODE_BATCH) ||
	                        (opt->mode == MODE_TRADEOFFS && !opt->no_python &&
	                         (opt->npythons || !opt->version_given)));
	if (want_interpreter) {
		if (!choose_interpreter(opt->npythons ? opt->pythons[0] : NULL, opt->timeout_ms,
		                        rc->profiles, rc->dir, NULL, NULL, ch, err, sizeof err)) {
			fprintf(stderr, "slotexplore: %s\n", err);
			return EXIT_FAILURE;
		}
		if (opt->mode == MODE_VERIFY && !ch->have) {
			fprintf(stderr, "slotexplore: --verify needs a CPython 3.8+ interpreter: %s\n",
			        ch->note);
			return EXIT_FAILURE;
		}
	}
	if (opt->version_given) {
		pr = profile_set_find(rc->profiles, opt->py_major, opt->py_minor, opt->py_free_threaded);
		if (!pr) {
			char names[256];
			profile_set_names(rc->profiles, names, sizeof names);
			fprintf(stderr, "slotexplore: --python-version: no profile for CPython %d.%d%s (%s "
			        "are in %s)\n", opt->py_major, opt->py_minor, opt->py_free_threaded ? "t" : "",
			        names, rc->dir);
			return EXIT_USAGE;
		}
		if (opt->mode == MODE_VERIFY && pr != ch->profile) {
			fprintf(stderr, "slotexplore: --python-version %s differs from the interpreter's "
			        "version %s; --verify compares the interpreter with its own profile\n",
			        pr->version, ch->interp.version);
			return EXIT_USAGE;
		}
	} else if (opt->mode == MODE_SEED_REPORT) {
		pr = profile_set_find(rc->profiles, 3, 14, false);
	} else if (ch->have) {
		pr = ch->profile;
		if (opt->abi == ABI_LP64)
			abi = ch->abi;
	} else {
		pr = profile_set_find(rc->profiles, DEFAULT_MAJOR, DEFAULT_MINOR, false);
		if (!ch->note[0] && !opt->no_python && !opt->version_given)
			snprintf(ch->note, sizeof ch->note, "no interpreter: the model alone");
	}
	if (!pr)
		pr = &rc->profiles->items[rc->profiles->count - 1];
	rc->profile = pr;
	rc->abi = abi;
	return -1;
}

int mode_check_setting(const struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct model_setting setting = {
		.profile = rc->profile, .abi = rc->abi, .attrs = opt->attrs, .instances = opt->instances,
		.values = opt->values, .name_len = 0,
		.base_given = opt->base_given, .base_attrs = opt->base_attrs,
	};
	char err[1024];
	if (!model_setting_check(&setting, err, sizeof err)) {
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_USAGE;
	}
	return -1;
}
