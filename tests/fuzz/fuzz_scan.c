/* libFuzzer target: the --scan replies (core/scan.c) must survive any bytes
 * an interpreter can print. The input is a stream of reply lines; each is
 * parsed on the state the others left, then every class is judged on each
 * profile and ABI and written in every format. A reply parsed must give a
 * class whose verdict, attribute count and strings are in range. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/scan.h"
#include "output/scan_report.h"
#include "fuzz_setup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	char *text = fuzz_text(data, size);
	if (!text)
		return 0;
	static struct scan_result r;
	memset(&r, 0, sizeof r);
	char err[400];
	for (char *cursor = text, *line; (line = fuzz_next_line(&cursor));) {
		int st = scan_parse_reply(&r, line, err, sizeof err);
		if (st < 0 && (!err[0] || strchr(err, '\n')))
			abort();   /* a failure names its problem on one line */
		if (st == 0 && !r.done)
			abort();
	}
	for (size_t i = 0; i < r.nclasses; i++) {
		struct scan_class *c = &r.classes[i];
		if (!c->file || !c->name || c->kind >= SCAN_KIND_COUNT)
			abort();
		for (size_t p = 0; p < fuzz_profiles.count; p += 3)
			for (int abi = 0; abi < ABI_COUNT; abi++) {
				scan_judge(c, &fuzz_profiles.items[p], (enum abi)abi, ACC_ALLOCATED);
				if (c->verdict >= VERDICT_COUNT ||
				    c->nattrs > c->attrs.n + c->fields.n + c->extra.n + c->inherited.n)
					abort();
				if (c->modelled && c->saving != (int64_t)c->from_bytes - (int64_t)c->to_bytes)
					abort();
			}
		scan_judge(c, &fuzz_profiles.items[fuzz_profiles.count - 1], ABI_LP64,
		           (enum accounting)(i % ACC_COUNT));
	}
	struct interp parser;
	memset(&parser, 0, sizeof parser);
	snprintf(parser.version, sizeof parser.version, "3.13.0");
	const char *paths[] = { "fuzz" };
	struct scan_report rep = {
		.result = &r, .paths = paths, .npaths = 1, .profile = &fuzz_profiles.items[0],
		.abi = ABI_LP64, .accounting = ACC_ALLOCATED, .parser = &parser,
	};
	for (int f = 0; f < FORMAT_COUNT; f++)
		if (scan_report_write(fuzz_sink, &rep, (enum report_format)f) != 0)
			abort();
	scan_result_free(&r);
	free(text);
	return 0;
}
