/* libFuzzer target: any line typed at ':', in a script or a config file
 * must give a result or a message, never a crash. Files are never written. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/commands.h"
#include "core/datadir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct profile_set profiles;
static int loaded = -1;
static FILE *sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (loaded < 0) {
		char dir[4096], err[300];
		datadir_locate(dir, sizeof dir);
		loaded = profile_set_load(dir, &profiles, err, sizeof err) ? 1 : 0;
		sink = fopen("/dev/null", "w");
		if (!loaded) {
			fprintf(stderr, "fuzz: no profiles: %s\n", err);
			abort();
		}
	}
	char *line = malloc(size + 1);
	if (!line)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	static struct app app;
	app_init(&app, &profiles, &profiles.items[profiles.count - 1], ABI_LP64);
	struct cmd_context c = { .app = &app, .out = sink, .no_files = true };
	char err[700];
	(void)cmd_run_line(&c, line, err, sizeof err);
	app_update(&app);
	const char *m[64];
	(void)cmd_complete(line, "", m, 64);
	free(app.pager);
	free(line);
	return 0;
}
