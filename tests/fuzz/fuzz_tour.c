/* libFuzzer target: any bytes as a tour file must load or give a one-line
 * "SOURCE:LINE: problem"; a tour that loads must open each of its steps
 * (running their commands) and write its whole handout without faults.
 * Files are never written and no interpreter is run. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/commands.h"
#include "fuzz_setup.h"
#include "cmd/tour_run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	static struct tour tour;
	char err[700];
	if (!tour_parse((const char *)data, size, "fuzz-tour.txt", &tour, err, sizeof err)) {
		if (strchr(err, '\n'))
			abort();   /* messages are one line */
		return 0;
	}
	static struct app app;
	app_init(&app, &fuzz_profiles, &fuzz_profiles.items[fuzz_profiles.count - 1], ABI_LP64);
	app.tour = &tour;
	struct cmd_context c = { .app = &app, .out = fuzz_sink, .no_files = true };
	for (int i = 0; i < tour.nsteps; i++) {
		app.tour_requested = i;
		tour_service(&app, &tour, &c);
		char text[2048];
		tour_expand(&app, tour.step[i].text, text, sizeof text);
	}
	(void)tour_write_handout(fuzz_sink, &tour, &c, err, sizeof err);
	free(app.pager);
	app.pager = NULL;
	return 0;
}
