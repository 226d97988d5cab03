/* libFuzzer target: any bytes as a tour file must load or give a one-line
 * "SOURCE:LINE: problem"; a tour that loads must open each of its steps
 * (running their commands), show its notes, question and answer, and write
 * its whole handout without faults. The hooks to the interpreter and to
 * files are connected as in the explorer, and reaching any of them is a
 * finding: a step's commands may only change the setting. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "cmd/commands.h"
#include "cmd/tour_run.h"
#include "fuzz_setup.h"
#include "session/keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool hook_python(struct cmd_context *c, const char *path, char *err, size_t errlen)
{
	(void)c, (void)path, (void)err, (void)errlen;
	abort();
}

static bool hook_verify(struct cmd_context *c, char *err, size_t errlen)
{
	(void)c, (void)err, (void)errlen;
	abort();
}

static bool hook_measure(struct cmd_context *c, int f, bool aa, bool all_ops, char *err,
                         size_t errlen)
{
	(void)c, (void)f, (void)aa, (void)all_ops, (void)err, (void)errlen;
	abort();
}

static bool hook_svg(struct cmd_context *c, FILE *out, char *err, size_t errlen)
{
	(void)c, (void)out, (void)err, (void)errlen;
	abort();
}

static bool hook_tradeoffs(struct cmd_context *c, struct tradeoff_table *t, char *err,
                           size_t errlen)
{
	(void)c, (void)t, (void)err, (void)errlen;
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	static bool in_empty_dir;
	if (!in_empty_dir) {   /* where an export that got through would land */
		char dir[] = "/tmp/slotexplore-fuzz-tour-XXXXXX";
		if (!mkdtemp(dir) || chdir(dir) != 0)
			abort();
		in_empty_dir = true;
	}
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
	/* files allowed: a tour step that reached export would write one here,
	 * and the hooks abort */
	struct cmd_context c = {
		.app = &app, .out = fuzz_sink, .no_files = false, .tui = true,
		.hooks = { .python = hook_python, .verify = hook_verify, .measure = hook_measure,
		           .svg = hook_svg, .tradeoffs = hook_tradeoffs },
	};
	for (int i = 0; i < tour.nsteps; i++) {
		app.tour_requested = i;
		tour_service(&app, &tour, &c);
		char text[2048];
		tour_expand(&app, tour.step[i].text, text, sizeof text);
		tour_expand(&app, tour.step[i].notes, text, sizeof text);
		tour_expand(&app, tour.step[i].question, text, sizeof text);
		tour_expand(&app, tour.step[i].answer, text, sizeof text);
		app_key(&app, 'N');
		app_key(&app, 'A');
		app_key(&app, 'i');
		free(app.pager);
		app.pager = NULL;
	}
	(void)tour_write_handout(fuzz_sink, &tour, &c, err, sizeof err);
	DIR *d = opendir(".");
	for (struct dirent *e; d && (e = readdir(d));)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			abort();   /* a tour wrote a file */
	if (d)
		closedir(d);
	free(app.pager);
	app.pager = NULL;
	return 0;
}
