#include "config.h"

#include "modes/modes.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/xdg.h"
#include "cmd/hooks.h"
#include "core/atomic_file.h"
#include "core/line_reader.h"
#include "core/text.h"
#include "core/textfile.h"
#include "render/svg.h"
#include "session/tour.h"

static const char *session_dir;

/* export FILE.svg: the renderer's slide of the session's chart */
static bool export_svg(struct cmd_context *c, FILE *out, char *err, size_t errlen)
{
	return svg_write(out, c->app, err, errlen);
}

/* The config file: --config, $SLOTEXPLORE_CONFIG, else the XDG default (which
 * may be missing). */
static bool config_path(const struct options *opt, char *buf, size_t n, bool *required)
{
	const char *env = getenv("SLOTEXPLORE_CONFIG");
	*required = true;
	if (opt->config) {
		snprintf(buf, n, "%s", opt->config);
		return true;
	}
	if (env && *env) {
		snprintf(buf, n, "%s", env);
		return true;
	}
	*required = false;
	return xdg_path(XDG_CONFIG, "config", buf, n);
}

/* The explorer remembers its last setting in $XDG_CONFIG_HOME/slotexplore/last
 * as commands; the config file runs first, options given here win. */
static void remember_load(struct cmd_context *ctx)
{
	char path[PATH_MAX], line[CMD_MAX_LINE], err[600], why[120];
	if (!xdg_path(XDG_CONFIG, "last", path, sizeof path))
		return;
	FILE *f = textfile_open_regular(path, why, sizeof why);
	if (!f) {
		if (errno != ENOENT && errno != ENOTDIR)
			app_set_status(ctx->app, true, "ignored %s: %s", path, why);
		return;
	}
	struct line_reader r;
	line_reader_init(&r, f);
	enum line_read got;
	while ((got = line_reader_next(&r, line, sizeof line)) != LINE_EOF)
		if (got != LINE_OK || !cmd_run_line(ctx, line, err, sizeof err)) {
			app_set_status(ctx->app, true, "ignored the rest of %s: line %u: %s", path, r.lineno,
			               got == LINE_OK ? err : "not a command line");
			break;
		}
	fclose(f);
}

void session_remember(const struct app *a)
{
	char path[PATH_MAX], values[VALUE_LIST_TEXT];
	if (!xdg_path(XDG_CONFIG, "last", path, sizeof path))
		return;
	if (!xdg_make_parents(path))
		return;   /* an unwritable config directory: nothing to remember into */
	struct atomic_file af;
	char why[PATH_MAX + 200];
	if (!atomic_open(&af, path, why, sizeof why))   /* never through a planted last.tmp link */
		return;
	FILE *f = af.f;
	value_list_format(&a->values, values, sizeof values);
	/* a list too long for one command line is not remembered (none instead) */
	if (strlen(values) + sizeof "set values " >= CMD_MAX_LINE)
		snprintf(values, sizeof values, "none");
	fprintf(f, "# slotexplore's last setting, written when the explorer quits\n"
	        "set version %s\nset abi %s\nset attrs %u\nset instances %llu\nset values %s\n"
	        "set accounting %s\nset chart %s\nset kind %s\nset compare %s\nset theme %s\n",
	        app_profile(a)->version, abi_name(a->abi), a->attrs,
	        (unsigned long long)a->instances, values, accounting_name(a->acc),
	        a->chart == CHART_ATTRS ? "attrs" : "instances",
	        kind_info((enum kind)a->selected)->name, a->compare_instance ? "instance" : "total",
	        a->light ? "light" : "dark");
	for (int k = 0; k < KIND_COUNT; k++)
		if (a->hidden[k])
			fprintf(f, "hide %s\n", kind_info((enum kind)k)->name);
	atomic_commit(&af, why, sizeof why);
}

/* Builds the session's app: defaults, the interpreter, the config file,
 * then the options given on the command line (which win). */
static int session_setup(const struct options *opt, const struct profile_set *profiles,
                         const struct profile *pr, enum abi abi, struct chosen *ch,
                         struct app *app, struct cmd_context *ctx)
{
	app_init(app, profiles, pr, abi);
	cmd_complete_versions_from(profiles);
	app->utf8 = locale_is_utf8();
	app_follow_interpreter(app, ch);
	memset(ctx, 0, sizeof *ctx);
	ctx->app = app;
	ctx->out = stdout;
	hooks_connect(ctx, ch, session_dir, opt->measure_time, opt->timeout_ms);
	ctx->hooks.svg = export_svg;
	app->timing_settings = opt->min_effect;

	char path[PATH_MAX];
	bool required;
	if (!opt->no_config && config_path(opt, path, sizeof path, &required)) {
		char why[120];
		FILE *f = textfile_open_regular(path, why, sizeof why);
		if (!f && (required || (errno != ENOENT && errno != ENOTDIR))) {
			fprintf(stderr, "slotexplore: config %s: %s\n", path, why);
			return EXIT_USAGE;
		}
		if (f) {
			int st = run_command_stream(f, path, ctx);
			fclose(f);
			if (st != EXIT_SUCCESS)
				return st;
			if (ctx->quit) {
				fprintf(stderr, "slotexplore: config %s: quit is not allowed in a config "
				        "file\n", path);
				return EXIT_USAGE;
			}
		}
	}
	if (opt->mode == MODE_TUI && !opt->no_config) {
		remember_load(ctx);
		if (opt->npythons && ch->have)   /* an interpreter named here sets the version */
			app->profile_index = (size_t)(ch->profile - profiles->items);
	}
	if (opt->attrs_given)
		app->attrs = opt->attrs;
	if (opt->instances_given)
		app->instances = opt->instances;
	if (opt->base_given) {
		app->base_given = true;
		app->base_attrs = opt->base_attrs;
	}
	if (opt->version_given)
		app->profile_index = (size_t)(pr - profiles->items);
	if (opt->abi_given)
		app->abi = opt->abi;
	if (opt->values_given) {
		char given[VALUE_LIST_TEXT];
		app->values = opt->values;
		value_list_format(&opt->values, given, sizeof given);
		for (int i = 0; i < APP_VALUES_CHOICES; i++)
			if (strcmp(app_values_choice(i), given) == 0)
				app->values_index = i;
		/* remembered attributes past the list: as many as it has values */
		if (!value_list_covers(&app->values, app->attrs)) {
			app_set_status(app, false, "attributes: %u, one per value of --values (end the "
			               "list with ... to repeat the last)", app->values.n);
			app->attrs = app->values.n;
		}
	}
	if (opt->accounting_given)
		app->acc = opt->accounting;
	if (opt->theme)
		app->light = opt->theme == 2;
	if (opt->compare)
		app->compare_instance = opt->compare == 2;
	if (opt->kinds_given) {
		app->selected = -1;
		for (int k = 0; k < KIND_COUNT; k++) {
			app->hidden[k] = !opt->kinds[k];
			if (opt->kinds[k] && app->selected < 0)
				app->selected = k;
		}
	}
	app->dirty = true;
	return EXIT_SUCCESS;
}

/* $SLOTEXPLORE_TOUR; else tour.LL.txt for the language of the locale
 * (LC_ALL, LC_MESSAGES, LANG: "de_DE.UTF-8" -> tour.de.txt) when there is
 * one; else tour.txt, all in the data directory. */
static void tour_file_path(char *out, size_t n)
{
	const char *env = getenv("SLOTEXPLORE_TOUR");
	if (env && *env) {
		snprintf(out, n, "%s", env);
		return;
	}
	const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" }, *loc = NULL;
	for (int i = 0; i < 3 && !(loc && *loc); i++)
		loc = getenv(names[i]);
	if (loc && loc[0] >= 'a' && loc[0] <= 'z' && loc[1] >= 'a' && loc[1] <= 'z' &&
	    strchr("_.@", loc[2] ? loc[2] : '_')) {
		snprintf(out, n, "%s/tour.%c%c.txt", session_dir, loc[0], loc[1]);
		if (access(out, R_OK) == 0)
			return;
	}
	snprintf(out, n, "%s/tour.txt", session_dir);
}

/* The tour, for T, `export FILE tour` and --tour: missing is an error only
 * when --tour asks for it. */
static bool session_load_tour(const struct options *opt, struct app *app)
{
	static struct tour tour;
	static char why[PATH_MAX + 200];
	char tour_file[PATH_MAX + 16];
	tour_file_path(tour_file, sizeof tour_file);
	if (tour_load(tour_file, &tour, why, sizeof why)) {
		app->tour = &tour;
	} else if (opt->tour) {
		fprintf(stderr, "slotexplore: --tour: %s\n", why);
		return false;
	} else {
		app->tour_problem = why;
	}
	return true;
}

int session_open(struct run_context *rc, struct app *app, struct cmd_context *ctx)
{
	session_dir = rc->dir;
	int status = session_setup(rc->opt, rc->profiles, rc->profile, rc->abi, rc->ch, app, ctx);
	if (status == EXIT_SUCCESS && !session_load_tour(rc->opt, app))
		status = EXIT_FAILURE;
	return status;
}
