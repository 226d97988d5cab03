#include "config.h"

#include "modes/modes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/scan.h"
#include "output/scan_report.h"

/* --scan PATH...: the classes of the Python files in each path, read by
 * the interpreter's ast in the probe (nothing imported or run), each judged
 * with the model of the chosen profile. Exit 0, or 1 with
 * --fail-on-candidates when a class could take __slots__ as it is. */
int mode_scan(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	for (int i = 0; i < opt->nscan; i++) {
		struct stat st;
		if (stat(opt->scan[i], &st) != 0) {
			fprintf(stderr, "slotexplore: --scan: %s: %s\n", opt->scan[i], strerror(errno));
			return EXIT_USAGE;
		}
		if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
			fprintf(stderr, "slotexplore: --scan: %s is neither a file nor a directory\n",
			        opt->scan[i]);
			return EXIT_USAGE;
		}
	}
	if (!ch->have) {
		/* the note says what happened to python3 on PATH, for the model alone */
		char why[sizeof ch->note];
		snprintf(why, sizeof why, "%s", ch->note[0] ? ch->note : "no interpreter");
		char *alone = strstr(why, "the model alone");
		while (alone && alone > why && (alone[-1] == ' ' || alone[-1] == ':' || alone[-1] == ';'))
			*--alone = '\0';
		fprintf(stderr, "slotexplore: --scan reads the files with the ast module of a CPython "
		        "3.8+ interpreter, and there is none (%s); give --python PATH\n", why);
		return EXIT_FAILURE;
	}
	if (ch->note[0])
		fprintf(stderr, "slotexplore: %s\n", ch->note);
	static struct scan_result res;
	char err[1024];
	for (int i = 0; i < opt->nscan; i++) {
		/* each path's replies are checked against its own scandone */
		static struct scan_result one;
		memset(&one, 0, sizeof one);
		if (!scan_run(&ch->pc, opt->scan[i], opt->timeout_ms, &one, err, sizeof err)) {
			fprintf(stderr, "slotexplore: --scan %s: %s\n", opt->scan[i], err);
			scan_result_free(&one);
			scan_result_free(&res);
			return EXIT_FAILURE;
		}
		if (i == 0) {
			res = one;
			continue;
		}
		/* append: the classes and errors move over, their strings with them */
		struct scan_class *cl = realloc(res.classes, (res.nclasses + one.nclasses + 1) * sizeof *cl);
		struct scan_error *er = cl ? realloc(res.errors, (res.nerrors + one.nerrors + 1) * sizeof *er)
		                           : NULL;
		if (cl)
			res.classes = cl;
		if (er)
			res.errors = er;
		if (!cl || !er) {
			fprintf(stderr, "slotexplore: --scan: out of memory\n");
			scan_result_free(&one);
			scan_result_free(&res);
			return EXIT_FAILURE;
		}
		/* (an empty list may be NULL: memcpy's source must not be) */
		if (one.nclasses)
			memcpy(res.classes + res.nclasses, one.classes, one.nclasses * sizeof *cl);
		if (one.nerrors)
			memcpy(res.errors + res.nerrors, one.errors, one.nerrors * sizeof *er);
		res.nclasses += one.nclasses;
		res.nerrors += one.nerrors;
		res.classes_cap = res.nclasses;
		res.errors_cap = res.nerrors;
		res.files += one.files;
		free(one.classes);
		free(one.errors);
	}
	struct interp parser = ch->interp;
	release_interpreter(ch);
	for (size_t i = 0; i < res.nclasses; i++)
		scan_judge(&res.classes[i], rc->profile, rc->abi, opt->accounting);
	struct scan_report r = {
		.result = &res, .paths = opt->scan, .npaths = opt->nscan, .profile = rc->profile,
		.abi = rc->abi, .accounting = opt->accounting, .parser = &parser,
	};
	int status = scan_report_write(stdout, &r, opt->format) == 0 ? mode_finish_output()
	                                                               : EXIT_FAILURE;
	unsigned counts[VERDICT_COUNT];
	scan_report_counts(&res, counts);
	scan_result_free(&res);
	if (status == EXIT_SUCCESS && opt->fail_on_candidates && counts[VERDICT_CANDIDATE])
		return EXIT_FAILURE;
	return status;
}
