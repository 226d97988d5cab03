/* libFuzzer target: the --census replies (core/census.c) must survive any
 * bytes an interpreter, or the user's code in it, can print. The input is
 * a stream of reply lines; each is parsed on the state the others left,
 * then every class is judged on each profile and ABI and written in every
 * format. A class parsed must have its strings and a count in range, and a
 * saving that is its count times the model's per instance. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/census.h"
#include "output/census_report.h"
#include "fuzz_setup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	char *text = fuzz_text(data, size);
	if (!text)
		return 0;
	static struct census_result r;
	memset(&r, 0, sizeof r);
	char err[800];
	for (char *cursor = text, *line; (line = fuzz_next_line(&cursor));) {
		int st = census_parse_reply(&r, line, err, sizeof err);
		if (st < 0 && (!err[0] || strchr(err, '\n')))
			abort();   /* a failure names its problem on one line */
		if (st == 0 && !r.done)
			abort();
	}
	for (size_t i = 0; i < r.nclasses; i++) {
		struct census_class *c = &r.classes[i];
		if (!c->name || !c->module || c->count == 0 || c->kind >= SCAN_KIND_COUNT)
			abort();
		if (!c->scan.name || !c->scan.file)   /* a scanclass never came: not judged */
			continue;
		for (size_t p = 0; p < fuzz_profiles.count; p += 3)
			for (int abi = 0; abi < ABI_COUNT; abi++) {
				census_judge(c, &fuzz_profiles.items[p], (enum abi)abi, ACC_ALLOCATED);
				if (c->scan.verdict >= VERDICT_COUNT)
					abort();
				int64_t total;
				if (c->scan.modelled &&
				    !__builtin_mul_overflow(c->scan.saving, (int64_t)c->count, &total) &&
				    c->total_saving != total)
					abort();
			}
	}
	if (r.done) {
		struct interp python;
		memset(&python, 0, sizeof python);
		snprintf(python.version, sizeof python.version, "3.13.0");
		struct census_report rep = {
			.result = &r, .module = "m", .expr = "f()", .profile = &fuzz_profiles.items[0],
			.abi = ABI_LP64, .accounting = ACC_ALLOCATED, .python = &python,
		};
		for (int f = 0; f < FORMAT_COUNT; f++)
			if (census_report_write(fuzz_sink, &rep, (enum report_format)f) != 0)
				abort();
	}
	census_result_free(&r);
	free(text);
	return 0;
}
