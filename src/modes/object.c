#include "config.h"

#include "modes/modes.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/object_model.h"
#include "core/object_probe.h"
#include "output/object_report.h"

/* instances the probe builds with EXPR to measure them */
#define OBJECT_MEASURE_COUNT 1000

/* --object MODULE:EXPR: the class of the instances EXPR gives, run in the
 * interpreter's probe (the user's code never runs here), modelled on the
 * chosen profile beside what the probe measured. */
int mode_object(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	char module[1024], err[1200];
	const char *expr;
	if (!object_spec_split(opt->object, module, sizeof module, &expr, err, sizeof err)) {
		fprintf(stderr, "slotexplore: --object: %s\n", err);
		return EXIT_USAGE;
	}
	const char *here[] = { "." };
	const char *const *paths = opt->npaths ? opt->paths : here;
	int npaths = opt->npaths ? opt->npaths : 1;
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		bool found = stat(paths[i], &st) == 0;
		if (!found || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, "slotexplore: --path: %s: %s\n", paths[i],
			        found ? "not a directory" : strerror(errno));
			return EXIT_USAGE;
		}
	}
	if (!ch->have) {
		fprintf(stderr, "slotexplore: --object imports %s in a CPython 3.8+ interpreter, and "
		        "there is none (%s); give --python PATH\n", module,
		        ch->note[0] ? ch->note : "no interpreter");
		return EXIT_FAILURE;
	}
	if (ch->note[0])
		fprintf(stderr, "slotexplore: %s\n", ch->note);
	static struct object_probe_result res;
	memset(&res, 0, sizeof res);
	if (!object_run(&ch->pc, module, expr, opt->object_class, paths, npaths, OBJECT_MEASURE_COUNT, opt->timeout_ms,
	                NULL, NULL, &res, err, sizeof err)) {
		fprintf(stderr, "slotexplore: --object %s: %s\n", opt->object, err);
		object_probe_result_free(&res);
		release_interpreter(ch);
		/* the user's code failing is bad input; the probe dying is not */
		return EXIT_USAGE;
	}
	struct interp ran = ch->interp;
	bool here_measured = rc->profile == ch->profile && rc->abi == ch->abi && !ch->nearest;
	release_interpreter(ch);
	static struct object_judgement j;
	object_judge(&res, rc->profile, rc->abi, here_measured, opt->instances, &j);
	struct object_report r = {
		.judgement = &j, .spec = opt->object, .interp = &ran, .accounting = opt->accounting,
	};
	int status = object_report_write(stdout, &r, opt->format) == 0 ? mode_finish_output()
	                                                               : EXIT_FAILURE;
	object_probe_result_free(&res);
	return status;
}
