/* slotexplore: entry point. Picks the mode, the interpreter and the profile,
 * and hands the core's results to the writers; all figures come from
 * src/core. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/options.h"
#include "cli/repl.h"
#include "cli/xdg.h"
#include "cmd/commands.h"
#include "session/app.h"
#include "tui/curses_front.h"
#include "cmd/tour_run.h"
#include "core/atomic_file.h"
#include "core/by_version.h"
#include "core/datadir.h"
#include "core/line_reader.h"
#include "core/interp.h"
#include "core/model.h"
#include "core/numparse.h"
#include "core/profile.h"
#include "core/seed.h"
#include "core/timing_run.h"
#include "core/verify_run.h"
#include "output/by_version_report.h"
#include "output/report.h"
#include "output/timing_report.h"
#include "output/verify_report.h"

#define DEFAULT_MAJOR 3
#define DEFAULT_MINOR 13
#define MAX_PYTHONS 64
#define VERIFY_GRID_MAX 4096

static int finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "slotexplore: cannot write output: %s\n", strerror(errno));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

/* A signal while a child runs: kill and reap it, then die of the signal. */
static void on_fatal_signal(int sig)
{
	probe_client_kill_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_child_cleanup(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], on_fatal_signal);
	atexit(probe_client_kill_all);
}

static int list_profiles(const struct profile_set *set, const char *dir, const char *origin)
{
	printf("data directory: %s (%s)\n", dir, origin);
	printf("%-8s %-14s %-12s %-12s %-12s %s\n", "version", "layout", "lp64", "ilp32", "i386", "file");
	for (size_t i = 0; i < set->count; i++) {
		const struct profile *p = &set->items[i];
		static const char *const layout[] = { "split-dict", "values-array", "inline-values" };
		printf("%-8s %-14s %-12s %-12s %-12s %s\n", p->version, layout[p->layout],
		       p->abi[ABI_LP64].evidence, p->abi[ABI_ILP32].evidence, p->abi[ABI_I386].evidence,
		       p->source);
	}
	return finish_output();
}

static void probe_path(const char *dir, char *out, size_t n)
{
	snprintf(out, n, "%s/probe.py", dir);
}

/* --list-pythons: every interpreter found, once each. Names that reach the
 * same interpreter (a pyenv shim, python3 and python3.11 beside each other)
 * are grouped under the executable it reports. */
struct listed_interp {
	char key[PATH_MAX];          /* realpath of sys.executable, else of the path */
	struct interp in;
	char support[420];
	char names[1024];            /* the other paths that reach it */
};

static int list_pythons(const struct options *opt, const struct profile_set *set, const char *dir,
                        int timeout_ms)
{
	static char paths[MAX_PYTHONS][PATH_MAX];
	static struct listed_interp rows[MAX_PYTHONS];
	size_t n = 0, nrows = 0;
	for (int i = 0; i < opt->npythons && n < MAX_PYTHONS; i++)
		snprintf(paths[n++], PATH_MAX, "%s", opt->pythons[i]);
	n += interp_discover(paths + n, MAX_PYTHONS - n);
	char script[PATH_MAX + 16];
	probe_path(dir, script, sizeof script);
	for (size_t i = 0; i < n; i++) {
		bool dup = false;
		for (size_t j = 0; j < i; j++)
			dup |= strcmp(paths[i], paths[j]) == 0;
		if (dup)
			continue;
		struct listed_interp *row = &rows[nrows];
		memset(row, 0, sizeof *row);
		static struct probe_client pc;
		char how[80];
		if (interp_open(paths[i], script, &row->in, &pc, timeout_ms))
			probe_client_stop(&pc, 1000, how, sizeof how);
		const char *exe = row->in.answered && row->in.executable[0] ? row->in.executable
		                                                            : paths[i];
		/* the executable it reports, if that exists; else the path as given */
		if (!realpath(exe, row->key) && !realpath(paths[i], row->key))
			memcpy(row->key, paths[i], strlen(paths[i]) + 1);
		struct listed_interp *same = NULL;
		for (size_t j = 0; j < nrows && row->in.answered; j++)
			if (rows[j].in.answered && strcmp(rows[j].key, row->key) == 0)
				same = &rows[j];
		if (same) {   /* one more name for an interpreter already listed */
			size_t len = strlen(same->names);
			if (len + strlen(paths[i]) + 3 < sizeof same->names)
				snprintf(same->names + len, sizeof same->names - len, "%s%.*s", len ? ", " : "",
				         (int)(sizeof same->names - len - 3), paths[i]);
			continue;
		}
		if (row->in.answered && strcmp(row->key, paths[i]) != 0)
			snprintf(row->names, sizeof row->names, "%.1000s", paths[i]);
		if (row->in.answered)
			memcpy(row->in.path, row->key, strlen(row->key) + 1);
		const struct profile *pr;
		char note[400];
		enum interp_support s = interp_support(&row->in, set, &pr, note, sizeof note);
		if (s == SUPPORT_EXACT)
			snprintf(row->support, sizeof row->support, "%s profile", pr->version);
		else if (s == SUPPORT_NEAREST)
			snprintf(row->support, sizeof row->support, "%s profile (nearest; newer than the "
			         "data)", pr->version);
		else if (row->in.answered)
			snprintf(row->support, sizeof row->support, "%.410s", note);
		nrows++;
	}
	interp_write_list_header(stdout);
	for (size_t i = 0; i < nrows; i++)
		interp_write_list_row(stdout, &rows[i].in, rows[i].support, rows[i].names);
	if (nrows == 0)
		printf("no Python interpreters found on PATH or under pyenv root\n");
	return finish_output();
}

/* The interpreter the model follows: --python, else python3 on PATH. */
struct chosen {
	bool have;                  /* an interpreter answered and is modelled */
	bool explicit_python;       /* the user named it */
	struct interp interp;
	struct probe_client pc;     /* still running when have */
	const struct profile *profile;
	enum abi abi;
	char note[512];             /* what the user should know */
	bool nearest;               /* newer than every profile: the newest stands in */
};

static bool choose_interpreter(const struct options *opt, const struct profile_set *set,
                               const char *dir, struct chosen *ch, char *err, size_t errlen)
{
	memset(ch, 0, sizeof *ch);
	const char *path = NULL;
	if (opt->npythons) {
		path = opt->pythons[0];
		ch->explicit_python = true;
	} else {
		/* python3 on PATH; pyenv is not asked (a hanging pyenv must not slow
		 * every run) */
		static char found[PATH_MAX];
		if (interp_first_on_path("python3", found, sizeof found))
			path = found;
		if (!path) {
			snprintf(ch->note, sizeof ch->note, "no python3 on PATH: the model alone");
			return true;
		}
	}
	char script[PATH_MAX + 16];
	probe_path(dir, script, sizeof script);
	if (!interp_open(path, script, &ch->interp, &ch->pc, opt->timeout_ms)) {
		if (ch->explicit_python) {
			snprintf(err, errlen, "--python: %s", ch->interp.problem);
			return false;
		}
		snprintf(ch->note, sizeof ch->note, "python3 on PATH is not usable (%s): the model alone",
		         ch->interp.problem);
		return true;
	}
	char note[400];
	enum interp_support s = interp_support(&ch->interp, set, &ch->profile, note, sizeof note);
	if (s == SUPPORT_NONE) {
		char how[80];
		probe_client_stop(&ch->pc, 1000, how, sizeof how);
		if (ch->explicit_python) {
			snprintf(err, errlen, "--python: %s", note);
			return false;
		}
		snprintf(ch->note, sizeof ch->note, "python3 on PATH: %s; the model alone", note);
		ch->profile = NULL;
		return true;
	}
	ch->have = true;
	ch->abi = ch->interp.abi;
	if (s == SUPPORT_NEAREST) {
		snprintf(ch->note, sizeof ch->note, "warning: %s", note);
		ch->nearest = true;
	}
	return true;
}

static void release_interpreter(struct chosen *ch)
{
	if (ch->have) {
		char how[80];
		probe_client_send(&ch->pc, "quit", how, sizeof how);
		probe_client_stop(&ch->pc, 2000, how, sizeof how);
		ch->have = false;
	}
}

static bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int run_verify(const struct options *opt, struct chosen *ch)
{
	static uint64_t grid[VERIFY_GRID_MAX];
	char err[600];
	int n = parse_count_grid(opt->attrs_text ? opt->attrs_text : "0..40", 0, MODEL_MAX_ATTRS,
	                         grid, VERIFY_GRID_MAX, err, sizeof err);
	if (n < 0) {
		fprintf(stderr, "slotexplore: --attrs: %s\n", err);
		return EXIT_USAGE;
	}
	struct verify_plan plan = {
		.profile = ch->profile, .abi = ch->abi, .attrs = grid, .nattrs = n,
		.values = opt->values, .count = 1000, .timeout_ms = opt->timeout_ms * 12,
	};
	memcpy(plan.kinds, opt->kinds, sizeof plan.kinds);
	struct verify_writer w = {
		.out = stdout, .format = opt->format, .utf8 = utf8_locale(), .interp = &ch->interp,
		.profile = ch->profile, .abi = ch->abi,
	};
	if (ch->note[0])
		fprintf(stderr, "slotexplore: %s\n", ch->note);
	verify_write_begin(&w);
	struct verify_summary sum;
	if (!verify_run(&ch->pc, &plan, verify_write_row, &w, &sum, err, sizeof err)) {
		fflush(stdout);
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_FAILURE;
	}
	if (opt->instances_given) {
		struct bulk_result b;
		enum kind k = KIND_REGULAR;
		for (int i = 0; i < KIND_COUNT; i++)
			if (opt->kinds[i]) {
				k = (enum kind)i;
				break;
			}
		unsigned attrs = (unsigned)grid[n - 1];
		if (!verify_bulk(&ch->pc, &plan, k, attrs, opt->instances, &b, err, sizeof err)) {
			fflush(stdout);
			fprintf(stderr, "slotexplore: %s\n", err);
			return EXIT_FAILURE;
		}
		verify_write_end(&w, &sum);
		verify_write_bulk(&w, k, attrs, &b);
	} else {
		verify_write_end(&w, &sum);
	}
	int status = finish_output();
	return status == EXIT_SUCCESS && sum.mismatches == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* ---- sessions: the explorer, scripts, the REPL ---------------------------- */

static struct chosen *session_chosen;   /* the interpreter the hooks act on */
static const char *session_dir;
static char session_script[PATH_MAX + 16];
static bool hook_measure(struct cmd_context *c, int format, char *err, size_t errlen);

static void app_follow_interpreter(struct app *a, const struct chosen *ch)
{
	a->interp_label[0] = a->interp_version[0] = a->newer_than_profile[0] = '\0';
	a->can_verify = ch->have;
	if (!ch->have)
		return;
	const char *base = strrchr(ch->interp.path, '/');
	snprintf(a->interp_label, sizeof a->interp_label, "CPython %.20s (%.100s)",
	         ch->interp.version, base ? base + 1 : ch->interp.path);
	snprintf(a->interp_version, sizeof a->interp_version, "%s", ch->profile->version);
	if (ch->nearest)
		snprintf(a->newer_than_profile, sizeof a->newer_than_profile, "%.20s", ch->interp.version);
}

static bool hook_python(struct cmd_context *c, const char *path, char *err, size_t errlen)
{
	struct chosen *ch = session_chosen;
	struct options one;
	memset(&one, 0, sizeof one);
	one.pythons[0] = path;
	one.npythons = 1;
	one.timeout_ms = 10000;
	static struct chosen next;
	char why[600];
	if (!choose_interpreter(&one, c->app->profiles, session_dir, &next, why, sizeof why)) {
		snprintf(err, errlen, "python: %s", why + (strncmp(why, "--python: ", 10) ? 0 : 10));
		return false;
	}
	release_interpreter(ch);
	*ch = next;
	app_follow_interpreter(c->app, ch);
	c->app->profile_index = (size_t)(ch->profile - c->app->profiles->items);
	c->app->abi = ch->abi;
	c->app->dirty = true;
	app_check_reset(c->app);
	if (c->tui)
		app_set_status(c->app, false, "now using %s", c->app->interp_label);
	else if (c->out && isatty(fileno(c->out)))
		fprintf(c->out, "now using %s\n", c->app->interp_label);
	return true;
}

static bool hook_verify(struct cmd_context *c, char *err, size_t errlen)
{
	struct app *a = c->app;
	struct chosen *ch = session_chosen;
	if (!ch->have) {
		snprintf(err, errlen, "verify: no interpreter (python PATH first)");
		return false;
	}
	if (c->tui)
		return app_apply(a, ACT_VERIFY) ? true
		       : (snprintf(err, errlen, "%s", a->status), false);
	if (app_profile(a) != ch->profile) {
		snprintf(err, errlen, "verify: the interpreter is CPython %s; set version %s first",
		         ch->interp.version, ch->profile->version);
		return false;
	}
	static uint64_t grid[1];
	grid[0] = a->attrs;
	struct verify_plan plan = {
		.profile = ch->profile, .abi = ch->abi, .attrs = grid, .nattrs = 1,
		.values = a->values, .count = 1000, .timeout_ms = 120000,
	};
	for (int k = 0; k < KIND_COUNT; k++)
		plan.kinds[k] = !a->hidden[k];
	struct verify_writer w = {
		.out = c->out, .format = FORMAT_TEXT, .utf8 = utf8_locale(), .interp = &ch->interp,
		.profile = ch->profile, .abi = ch->abi,
	};
	verify_write_begin(&w);
	struct verify_summary sum;
	char why[600];
	if (!verify_run(&ch->pc, &plan, verify_write_row, &w, &sum, why, sizeof why)) {
		snprintf(err, errlen, "verify: %s", why);
		release_interpreter(ch);
		app_follow_interpreter(a, ch);
		return false;
	}
	verify_write_end(&w, &sum);
	c->printed = true;
	if (sum.mismatches) {
		snprintf(err, errlen, "verify: %u figures differ from the model", sum.mismatches);
		return false;
	}
	return true;
}

static double session_measure_time = 10;

static bool hook_measure(struct cmd_context *c, int format, char *err, size_t errlen)
{
	struct app *a = c->app;
	struct chosen *ch = session_chosen;
	if (!ch->interp.path[0] || !ch->have) {
		snprintf(err, errlen, "measure: no interpreter (python PATH first)");
		return false;
	}
	if (a->attrs < 1) {
		snprintf(err, errlen, "measure: there is no attribute to read at 0 attributes");
		return false;
	}
	struct timing_plan plan;
	timing_plan_init(&plan, ch->interp.path, session_script, a->attrs, session_measure_time, 0);
	plan.kinds[KIND_REGULAR] = true;
	plan.kinds[app_compared_kind(a)] = true;
	for (int i = 0; i < OP_COUNT; i++)
		plan.ops[i] = true;
	/* kept for a later export (FILE.md, tour) until the next measure */
	static struct timing_result res;
	a->timing = NULL;
	timing_result_free(&res);
	char why[600];
	if (!timing_run(&plan, &res, NULL, NULL, why, sizeof why)) {
		snprintf(err, errlen, "measure: %s", why);
		timing_result_free(&res);
		return false;
	}
	a->timing = &res;
	a->timing_attrs = a->attrs;
	c->printed = true;
	if (timing_report_write(c->out, &res, a->attrs, (enum report_format)format,
	                        utf8_locale()) != 0) {
		snprintf(err, errlen, "measure: cannot write the results");
		return false;
	}
	return true;
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

/* Runs commands from a stream; an error names the line. Returns the exit
 * status. A line too long or holding a NUL byte is refused whole: nothing
 * of it runs. */
static int run_command_stream(FILE *in, const char *name, struct cmd_context *c)
{
	char line[CMD_MAX_LINE], err[700];
	struct line_reader r;
	line_reader_init(&r, in);
	while (!c->quit) {
		enum line_read got = line_reader_next(&r, line, sizeof line);
		if (got == LINE_EOF)
			break;
		if (got == LINE_ERROR) {
			fprintf(stderr, "slotexplore: %s: read error: %s\n", name, strerror(errno));
			return EXIT_FAILURE;
		}
		if (got != LINE_OK) {
			fflush(stdout);
			fprintf(stderr, "slotexplore: %s:%u: %s; nothing of it was run\n", name, r.lineno,
			        got == LINE_NUL ? "the line holds a NUL byte (binary data, not commands)"
			        : got == LINE_RUNAWAY ? "no line end in 64 KiB (not a command file)"
			                              : "the line is too long (at most 1023 characters)");
			return EXIT_USAGE;
		}
		if (!cmd_run_line(c, line, err, sizeof err)) {
			fflush(stdout);
			fprintf(stderr, "slotexplore: %s:%u: %s\n", name, r.lineno, err);
			return EXIT_USAGE;
		}
	}
	return EXIT_SUCCESS;
}

/* Opens a config file without blocking on a FIFO, and only if it is a
 * regular file (a FIFO would hang, /dev/zero would spin). */
static FILE *open_regular(const char *path, char *why, size_t n)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		snprintf(why, n, "%s", strerror(e));
		errno = e;
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, n, "not a regular file (%s)", S_ISFIFO(st.st_mode) ? "a FIFO"
		         : S_ISCHR(st.st_mode) ? "a device" : S_ISDIR(st.st_mode) ? "a directory"
		         : "not a file");
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "r");
	if (!f) {
		snprintf(why, n, "%s", strerror(errno));
		close(fd);
	}
	return f;
}

/* The explorer remembers its last setting in $XDG_CONFIG_HOME/slotexplore/last
 * as commands; the config file runs first, options given here win. */
static void remember_load(struct cmd_context *ctx)
{
	char path[PATH_MAX], line[CMD_MAX_LINE], err[600], why[120];
	if (!xdg_path(XDG_CONFIG, "last", path, sizeof path))
		return;
	FILE *f = open_regular(path, why, sizeof why);
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

static void remember_save(const struct app *a)
{
	char path[PATH_MAX], values[64];
	if (!xdg_path(XDG_CONFIG, "last", path, sizeof path))
		return;
	if (!xdg_make_parents(path))
		return;   /* an unwritable config directory: nothing to remember into */
	struct atomic_file af;
	char why[PATH_MAX + 200];
	if (!atomic_open(&af, path, why, sizeof why))   /* never through a planted last.tmp link */
		return;
	FILE *f = af.f;
	value_spec_format(&a->values, values, sizeof values);
	fprintf(f, "# slotexplore's last setting, written when the explorer quits\n"
	        "set version %s\nset abi %s\nset attrs %u\nset instances %llu\nset values %s\n"
	        "set accounting %s\nset chart %s\nset kind %s\n", app_profile(a)->version,
	        abi_name(a->abi), a->attrs, (unsigned long long)a->instances, values,
	        accounting_name(a->acc), a->chart == CHART_ATTRS ? "attrs" : "instances",
	        kind_info((enum kind)a->selected)->name);
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
	app->utf8 = utf8_locale();
	app_follow_interpreter(app, ch);
	session_chosen = ch;
	memset(ctx, 0, sizeof *ctx);
	ctx->app = app;
	ctx->out = stdout;
	ctx->hooks.python = hook_python;
	ctx->hooks.verify = hook_verify;
	ctx->hooks.measure = hook_measure;
	session_measure_time = opt->measure_time;

	char path[PATH_MAX];
	bool required;
	if (!opt->no_config && config_path(opt, path, sizeof path, &required)) {
		char why[120];
		FILE *f = open_regular(path, why, sizeof why);
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
	if (opt->version_given)
		app->profile_index = (size_t)(pr - profiles->items);
	if (opt->abi_given)
		app->abi = opt->abi;
	if (opt->values_given) {
		char given[64];
		app->values = opt->values;
		value_spec_format(&opt->values, given, sizeof given);
		for (int i = 0; i < APP_VALUES_CHOICES; i++)
			if (strcmp(app_values_choice(i), given) == 0)
				app->values_index = i;
	}
	if (opt->accounting_given)
		app->acc = opt->accounting;
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

/* --tour --batch: the whole tour as a Markdown handout on standard output,
 * with the timing results of --load FILE at the timing step. */
static int run_tour_handout(const struct options *opt, struct cmd_context *ctx)
{
	static struct timing_result res;
	char err[700];
	if (opt->load) {
		if (!timing_load(opt->load, &res, &ctx->app->timing_attrs, err, sizeof err)) {
			fprintf(stderr, "slotexplore: --load %s\n", err);
			return EXIT_FAILURE;
		}
		ctx->app->timing = &res;
	}
	bool ok = tour_write_handout(stdout, ctx->app->tour, ctx, err, sizeof err);
	ctx->app->timing = NULL;
	timing_result_free(&res);
	if (!ok && err[0]) {
		fflush(stdout);
		fprintf(stderr, "slotexplore: --tour: %s\n", err);
		return EXIT_FAILURE;
	}
	return finish_output();   /* names a write error, exit 1 */
}

/* A signal that ended the explorer: main re-raises it once all is cleaned up. */
static int died_of;

static int run_tui(const struct options *opt, struct app *app, struct cmd_context *ctx,
                   struct chosen *ch)
{
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
		.commands = ctx,
		.python = ch->interp.path,
		.script = session_script,
		.measure_time = opt->measure_time,
	};
	int status = tui_run(app, &to);
	if (!opt->no_config)
		remember_save(app);
	died_of = tui_fatal_signal();   /* the terminal is restored: die of it at the end */
	return status;
}

static int run_script(const struct options *opt, struct cmd_context *ctx)
{
	char err[700];
	for (int i = 0; i < opt->ncommands && !ctx->quit; i++)
		if (!cmd_run_line(ctx, opt->commands[i], err, sizeof err)) {
			fflush(stdout);
			if (opt->ncommands > 1)
				fprintf(stderr, "slotexplore: -c #%d: %s\n", i + 1, err);
			else
				fprintf(stderr, "slotexplore: -c: %s\n", err);
			return EXIT_USAGE;
		}
	int status = EXIT_SUCCESS;
	if (!ctx->quit && opt->script) {
		if (strcmp(opt->script, "-") == 0) {
			status = run_command_stream(stdin, "(stdin)", ctx);
		} else {
			FILE *f = fopen(opt->script, "r");
			if (!f) {
				fprintf(stderr, "slotexplore: --script %s: %s\n", opt->script, strerror(errno));
				return EXIT_USAGE;
			}
			status = run_command_stream(f, opt->script, ctx);
			fclose(f);
		}
	} else if (!ctx->quit && !opt->ncommands) {
		/* commands on standard input; with none at all, the table */
		status = run_command_stream(stdin, "(stdin)", ctx);
		if (status == EXIT_SUCCESS && !ctx->printed && !ctx->quit) {
			struct cmd_context quiet = *ctx;
			char e2[80];
			cmd_run_line(&quiet, "show", e2, sizeof e2);
		}
	}
	if (status != EXIT_SUCCESS)
		return status;
	return finish_output();
}

/* ---- --measure and --load ------------------------------------------------ */

static volatile sig_atomic_t measure_cancel;

static void on_measure_signal(int sig)
{
	(void)sig;
	measure_cancel = 1;
}

/* A progress bar on stderr when it is a terminal. */
static bool measure_progress(void *user, const struct timing_result *r, double frac, double eta)
{
	(void)r;
	bool *tty = user;
	if (*tty) {
		int width = 30, fill = (int)(frac * width + 0.5);
		char bar[64];
		for (int i = 0; i < width; i++)
			bar[i] = i < fill ? '#' : '.';
		bar[width] = '\0';
		if (eta >= 0)
			fprintf(stderr, "\r  timing [%s] %3.0f%%  about %.0f s left  (Ctrl-C stops and "
			        "keeps the samples) ", bar, 100 * frac, eta);
		else
			fprintf(stderr, "\r  timing [%s] %3.0f%%  calibrating...", bar, 100 * frac);
		if (frac >= 1)
			fprintf(stderr, "\r%*s\r", 100, "");
		fflush(stderr);
	}
	return !measure_cancel;
}

static int run_measure(const struct options *opt, struct chosen *ch, const char *dir)
{
	if (!ch->have) {
		fprintf(stderr, "slotexplore: --measure needs a CPython 3.8+ interpreter: %s\n", ch->note);
		return EXIT_FAILURE;
	}
	if (opt->attrs < 1) {
		fprintf(stderr, "slotexplore: --measure: --attrs must be at least 1 (there is nothing "
		        "to read at 0)\n");
		return EXIT_USAGE;
	}
	char script[PATH_MAX + 16];
	probe_path(dir, script, sizeof script);
	release_interpreter(ch);   /* the timing workers are fresh processes */
	struct timing_plan plan;
	timing_plan_init(&plan, ch->interp.path, script, opt->attrs, opt->measure_time,
	                 opt->timeout_ms * 12);
	plan.seed_harness = opt->seed_harness;
	memcpy(plan.kinds, opt->kinds, sizeof plan.kinds);
	memcpy(plan.ops, opt->ops, sizeof plan.ops);
	struct sigaction sa = { 0 }, old_int, old_term;
	sa.sa_handler = on_measure_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	bool tty = isatty(STDERR_FILENO);
	static struct timing_result res;
	char err[600];
	bool ok = timing_run(&plan, &res, measure_progress, &tty, err, sizeof err);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (tty)
		fprintf(stderr, "\r%*s\r", 100, "");
	if (!ok) {
		fprintf(stderr, "slotexplore: --measure: %s\n", err);
		timing_result_free(&res);
		return EXIT_FAILURE;
	}
	int rc = timing_report_write(stdout, &res, opt->attrs, opt->format, utf8_locale());
	timing_result_free(&res);
	if (rc != 0)
		return EXIT_FAILURE;
	return finish_output();
}

static int run_load(const struct options *opt)
{
	static struct timing_result res;
	unsigned attrs;
	char err[600];
	if (!timing_load(opt->load, &res, &attrs, err, sizeof err)) {
		fprintf(stderr, "slotexplore: --load %s\n", err);
		return EXIT_FAILURE;
	}
	int rc = timing_report_write(stdout, &res, attrs, opt->format, utf8_locale());
	timing_result_free(&res);
	return rc == 0 ? finish_output() : EXIT_FAILURE;
}

/* Started with stdin, stdout or stderr closed, the first pipe to a child
 * would land on that descriptor (and keep O_CLOEXEC through dup2): give
 * each closed one /dev/null first. */
static void open_standard_descriptors(void)
{
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
			int got = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
			if (got >= 0 && got != fd)
				close(got);   /* a lower one was free after all */
		}
}

int main(int argc, char **argv)
{
	open_standard_descriptors();
	setlocale(LC_ALL, "");
	struct options opt;
	char err[1024];
	if (!options_parse(argc, argv, &opt, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	if (opt.mode == MODE_HELP) {
		options_print_help(stdout);
		return finish_output();
	}
	if (opt.mode == MODE_VERSION) {
		printf("slotexplore %s\n", PACKAGE_VERSION);
		return finish_output();
	}

	if (opt.mode == MODE_TUI && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
		if (opt.tui_forced) {
			const char *what = opt.tour ? "--tour" : opt.present ? "--present" : "--tui";
			fprintf(stderr, "slotexplore: %s needs a terminal on stdin and stdout; %s\n", what,
			        opt.tour ? "--tour --batch writes the tour as a Markdown handout"
			                 : "use --batch for output into a pipe or file");
			return EXIT_USAGE;
		}
		/* commands come from a pipe or file on stdin; else the table */
		opt.mode = isatty(STDIN_FILENO) ? MODE_BATCH : MODE_SCRIPT;
	}
	if (opt.mode == MODE_TUI) {
		char why[200];
		if (!tui_terminal_usable(why, sizeof why)) {
			if (opt.tui_forced) {
				fprintf(stderr, "slotexplore: --tui: %s; use --repl or --batch\n", why);
				return EXIT_FAILURE;
			}
			fprintf(stderr, "slotexplore: %s, so here is the plain prompt (--repl); "
			        "--batch prints the table\n", why);
			opt.mode = MODE_REPL;
		}
	}

	char dir[PATH_MAX];
	const char *origin = datadir_locate(dir, sizeof dir);
	struct profile_set profiles;
	if (!profile_set_load(dir, &profiles, err, sizeof err)) {
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_FAILURE;
	}
	install_child_cleanup();
	int status = EXIT_SUCCESS;
	static struct chosen ch;
	memset(&ch, 0, sizeof ch);

	if (opt.mode == MODE_LIST_PROFILES) {
		status = list_profiles(&profiles, dir, origin);
		goto done;
	}
	if (opt.mode == MODE_LIST_PYTHONS) {
		status = list_pythons(&opt, &profiles, dir, opt.timeout_ms);
		goto done;
	}
	if (opt.mode == MODE_LOAD) {
		status = run_load(&opt);
		goto done;
	}

	/* Which profile: --python-version, else the interpreter's, else 3.13. */
	const struct profile *pr = NULL;
	enum abi abi = opt.abi;
	bool want_interpreter = !opt.by_version && (opt.mode == MODE_VERIFY || opt.mode == MODE_MEASURE ||
	                        (!opt.no_python && (opt.mode == MODE_TUI || opt.mode == MODE_SCRIPT ||
	                                            opt.mode == MODE_REPL)) ||
	                        (!opt.no_python && !opt.version_given && opt.mode == MODE_BATCH));
	if (want_interpreter) {
		if (!choose_interpreter(&opt, &profiles, dir, &ch, err, sizeof err)) {
			fprintf(stderr, "slotexplore: %s\n", err);
			status = EXIT_FAILURE;
			goto done;
		}
		if (opt.mode == MODE_VERIFY && !ch.have) {
			fprintf(stderr, "slotexplore: --verify needs a CPython 3.8+ interpreter: %s\n",
			        ch.note);
			status = EXIT_FAILURE;
			goto done;
		}
	}
	if (opt.version_given) {
		pr = profile_set_find(&profiles, opt.py_major, opt.py_minor, opt.py_free_threaded);
		if (!pr) {
			char names[256];
			profile_set_names(&profiles, names, sizeof names);
			fprintf(stderr, "slotexplore: --python-version: no profile for CPython %d.%d%s (%s "
			        "are in %s)\n", opt.py_major, opt.py_minor, opt.py_free_threaded ? "t" : "",
			        names, dir);
			status = EXIT_USAGE;
			goto done;
		}
		if (opt.mode == MODE_VERIFY && pr != ch.profile) {
			fprintf(stderr, "slotexplore: --python-version %s differs from the interpreter's "
			        "version %s; --verify compares the interpreter with its own profile\n",
			        pr->version, ch.interp.version);
			status = EXIT_USAGE;
			goto done;
		}
	} else if (opt.mode == MODE_SEED_REPORT) {
		pr = profile_set_find(&profiles, 3, 14, false);
	} else if (ch.have) {
		pr = ch.profile;
		if (opt.abi == ABI_LP64)
			abi = ch.abi;
	} else {
		pr = profile_set_find(&profiles, DEFAULT_MAJOR, DEFAULT_MINOR, false);
		if (!ch.note[0] && !opt.no_python && !opt.version_given)
			snprintf(ch.note, sizeof ch.note, "no interpreter: the model alone");
	}
	if (!pr)
		pr = &profiles.items[profiles.count - 1];

	if (opt.mode == MODE_VERIFY) {
		ch.abi = ch.interp.abi;
		status = run_verify(&opt, &ch);
		goto done;
	}
	if (opt.mode == MODE_MEASURE) {
		status = run_measure(&opt, &ch, dir);
		goto done;
	}
	if (opt.mode == MODE_SEED_REPORT) {
		struct seed_report seed;
		seed_compute(pr, abi, &seed);
		status = seed_report_write(stdout, &seed, abi, opt.format) == 0 ? finish_output()
		                                                                : EXIT_FAILURE;
		goto done;
	}

	struct model_setting setting = {
		.profile = pr, .abi = abi, .attrs = opt.attrs, .instances = opt.instances,
		.values = opt.values, .name_len = 0,
	};
	if (!model_setting_check(&setting, err, sizeof err)) {
		fprintf(stderr, "slotexplore: %s\n", err);
		status = EXIT_USAGE;
		goto done;
	}
	if (opt.by_version) {
		static struct by_version bv;
		by_version_compute(&profiles, &setting, opt.accounting, &bv);
		status = by_version_write(stdout, &bv, opt.kinds, opt.format) == 0 ? finish_output()
		                                                                    : EXIT_FAILURE;
		goto done;
	}
	bool handout = opt.mode == MODE_BATCH && opt.tour;
	if (opt.mode == MODE_TUI || opt.mode == MODE_SCRIPT || opt.mode == MODE_REPL || handout) {
		static struct app app;
		static struct cmd_context ctx;
		session_dir = dir;
		probe_path(dir, session_script, sizeof session_script);
		status = session_setup(&opt, &profiles, pr, abi, &ch, &app, &ctx);
		if (status == EXIT_SUCCESS && !session_load_tour(&opt, &app))
			status = EXIT_FAILURE;
		if (status == EXIT_SUCCESS) {
			if (handout)
				status = run_tour_handout(&opt, &ctx);
			else if (opt.mode == MODE_TUI)
				status = run_tui(&opt, &app, &ctx, &ch);
			else if (opt.mode == MODE_REPL)
				status = repl_run(&ctx);
			else
				status = run_script(&opt, &ctx);
		}
		goto done;
	}
	struct model_eval eval;
	model_evaluate_all(&setting, &eval);
	char note[PATH_MAX + 1024] = "";
	if (ch.have)
		snprintf(note, sizeof note, "profile of %s (CPython %s)%s%s", ch.interp.path,
		         ch.interp.version, ch.note[0] ? "; " : "", ch.note);
	else if (ch.note[0])
		snprintf(note, sizeof note, "%s; CPython %s %s profile", ch.note, pr->version,
		         abi_name(abi));
	release_interpreter(&ch);
	struct report rep = {
		.setting = &setting, .eval = &eval, .accounting = opt.accounting,
		.breakdown = opt.breakdown, .profile_note = note[0] ? note : NULL,
	};
	memcpy(rep.shown, opt.kinds, sizeof rep.shown);
	status = report_write(stdout, &rep, opt.format) == 0 ? finish_output() : EXIT_FAILURE;
done:
	release_interpreter(&ch);
	profile_set_free(&profiles);
	if (died_of) {
		probe_client_kill_all();
		fflush(NULL);
		signal(died_of, SIG_DFL);
		raise(died_of);
	}
	return status;
}
