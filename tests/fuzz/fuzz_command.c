/* libFuzzer target: any line typed at ':', in a script or a config file
 * must give a result or a message, never a crash. Files are never written. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/commands.h"
#include "fuzz_setup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	char *line = malloc(size + 1);
	if (!line)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	static struct app app;
	app_init(&app, &fuzz_profiles, &fuzz_profiles.items[fuzz_profiles.count - 1], ABI_LP64);
	struct cmd_context c = { .app = &app, .out = fuzz_sink, .no_files = true };
	char err[700];
	(void)cmd_run_line(&c, line, err, sizeof err);
	app_update(&app);
	const char *m[64];
	(void)cmd_complete(line, "", m, 64);
	free(app.pager);
	free(line);
	return 0;
}
