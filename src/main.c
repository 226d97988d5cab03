/* slotexplore: entry point. Picks the mode and hands the core's results to
 * the writers; all figures come from src/core. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "core/datadir.h"
#include "core/model.h"
#include "core/profile.h"
#include "core/seed.h"
#include "output/report.h"

#define DEFAULT_MAJOR 3
#define DEFAULT_MINOR 13

static int finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "slotexplore: cannot write output: %s\n", strerror(errno));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int list_profiles(const struct profile_set *set, const char *dir, const char *origin)
{
	printf("data directory: %s (%s)\n", dir, origin);
	printf("%-8s %-14s %-12s %-12s %-12s %s\n", "version", "layout", "lp64", "ilp32", "i386", "file");
	for (size_t i = 0; i < set->count; i++) {
		const struct profile *p = &set->items[i];
		static const char *const layout[] = { "split-dict", "values-array", "inline-values" };
		printf("%-8s %-14s %-12s %-12s %-12s %s\n", p->version, layout[p->layout],
		       p->abi[ABI_LP64].evidence, p->abi[ABI_ILP32].evidence, p->abi[ABI_I386].evidence,
		       p->source);
	}
	return finish_output();
}

int main(int argc, char **argv)
{
	struct options opt;
	char err[1024];
	if (!options_parse(argc, argv, &opt, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	if (opt.mode == MODE_HELP) {
		options_print_help(stdout);
		return finish_output();
	}
	if (opt.mode == MODE_VERSION) {
		printf("slotexplore %s\n", PACKAGE_VERSION);
		return finish_output();
	}

	char dir[PATH_MAX];
	const char *origin = datadir_locate(dir, sizeof dir);
	struct profile_set profiles;
	if (!profile_set_load(dir, &profiles, err, sizeof err)) {
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_FAILURE;
	}
	int status;
	if (opt.mode == MODE_LIST_PROFILES) {
		status = list_profiles(&profiles, dir, origin);
		profile_set_free(&profiles);
		return status;
	}

	int major = opt.version_given ? opt.py_major : DEFAULT_MAJOR;
	int minor = opt.version_given ? opt.py_minor : (opt.mode == MODE_SEED_REPORT ? 14 : DEFAULT_MINOR);
	const struct profile *pr = profile_set_find(&profiles, major, minor);
	if (!pr) {
		fprintf(stderr, "slotexplore: --python-version: no profile for CPython %d.%d (%s to %s "
		        "are in %s)\n", major, minor, profiles.items[0].version,
		        profiles.items[profiles.count - 1].version, dir);
		profile_set_free(&profiles);
		return EXIT_USAGE;
	}

	if (opt.mode == MODE_SEED_REPORT) {
		struct seed_report seed;
		seed_compute(pr, opt.abi, &seed);
		status = seed_report_write(stdout, &seed, opt.abi, opt.format) == 0 ? finish_output()
		                                                                     : EXIT_FAILURE;
		profile_set_free(&profiles);
		return status;
	}

	struct model_setting setting = {
		.profile = pr, .abi = opt.abi, .attrs = opt.attrs, .instances = opt.instances,
		.values = opt.values, .name_len = 0,
	};
	if (!model_setting_check(&setting, err, sizeof err)) {
		fprintf(stderr, "slotexplore: %s\n", err);
		profile_set_free(&profiles);
		return EXIT_USAGE;
	}
	struct model_eval eval;
	model_evaluate_all(&setting, &eval);
	struct report rep = {
		.setting = &setting, .eval = &eval, .accounting = opt.accounting,
		.breakdown = opt.breakdown, .profile_note = NULL,
	};
	memcpy(rep.shown, opt.kinds, sizeof rep.shown);
	status = report_write(stdout, &rep, opt.format) == 0 ? finish_output() : EXIT_FAILURE;
	if (status != EXIT_SUCCESS && errno)
		fprintf(stderr, "slotexplore: cannot write output: %s\n", strerror(errno));
	profile_set_free(&profiles);
	return status;
}
