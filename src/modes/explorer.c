#include "config.h"

#include "modes/modes.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "tui/curses_front.h"

int mode_explorer(struct run_context *rc, struct app *app, struct cmd_context *ctx)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	char session_script[PATH_MAX + 16];
	probe_path(rc->dir, session_script, sizeof session_script);
	if (opt->tour)
		app->tour_requested = 0;
	app->present = opt->present;
	const struct profile *pr = app_profile(app);
	if (ch->note[0])
		app_set_status(app, false, "%s", ch->note);
	else if (ch->have && pr != ch->profile)
		app_set_status(app, false, "showing CPython %s; m measures only at the interpreter's "
		               "%s", pr->version, ch->profile->version);
	const char *no_color = getenv("NO_COLOR");
	struct tui_options to = {
		.no_color = opt->no_color || (no_color && no_color[0]),
		.no_mouse = opt->no_mouse,
		.probe = &ch->pc,
		.timeout_ms = opt->timeout_ms * 12,
		.hello_timeout_ms = opt->timeout_ms,
		.commands = ctx,
		.python = ch->interp.path,
		.script = session_script,
		.measure_time = opt->measure_time,
	};
	int status = tui_run(app, &to);
	if (!opt->no_config)
		session_remember(app);
	rc->died_of = tui_fatal_signal();   /* the terminal is restored: die of it at the end */
	return status;
}
