/* libFuzzer target: a command stream (a script, a config file, standard
 * input, lines typed at ':'), read through the line reader as the explorer
 * and scripts read it, against any profile and ABI (the first two bytes
 * choose them), each line run on the state the lines before it left. Every
 * line gives a result or a one-line message, never a fault; completion of
 * each line too. Files are never written. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/commands.h"
#include "core/line_reader.h"
#include "fuzz_setup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	if (size < 2)
		return 0;
	static struct app app;
	app_init(&app, &fuzz_profiles, &fuzz_profiles.items[data[0] % fuzz_profiles.count],
	         (enum abi)(data[1] % ABI_COUNT));
	struct cmd_context c = { .app = &app, .out = fuzz_sink, .no_files = true };
	FILE *in = fmemopen((void *)(data + 2), size - 2 ? size - 2 : 1, "r");
	if (!in)
		return 0;
	struct line_reader r;
	line_reader_init(&r, in);
	char line[1024], err[700];
	for (int lines = 0; lines < 200 && !c.quit; lines++) {
		enum line_read got = size > 2 ? line_reader_next(&r, line, sizeof line) : LINE_EOF;
		if (got == LINE_TOO_LONG)
			continue;
		if (got != LINE_OK)
			break;
		if (!cmd_run_line(&c, line, err, sizeof err) && (!err[0] || strchr(err, '\n')))
			abort();   /* a failure names its problem, on one line */
		app_update(&app);
		const char *m[64];
		(void)cmd_complete(line, "", m, 64);
		free(app.pager);
		app.pager = NULL;
	}
	fclose(in);
	return 0;
}
