/* slotexplore: entry point. Parses the options, loads the profiles, chooses
 * the interpreter and hands over to one mode (src/modes/); all figures come
 * from src/core. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/options.h"
#include "tui/repl.h"
#include "core/datadir.h"
#include "modes/modes.h"
#include "tui/curses_front.h"

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

/* No terminal for the explorer: a script from stdin, the table, or the
 * plain prompt. -1 to go on, or the exit status. */
static int fall_back_without_terminal(struct options *opt)
{
	if (opt->mode == MODE_TUI && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
		if (opt->tui_forced) {
			const char *what = opt->tour ? "--tour" : opt->present ? "--present" : "--tui";
			fprintf(stderr, "slotexplore: %s needs a terminal on stdin and stdout; %s\n", what,
			        opt->tour ? "--tour --batch writes the tour as a Markdown handout"
			                  : "use --batch for output into a pipe or file");
			return EXIT_USAGE;
		}
		/* commands come from a pipe or file on stdin; else the table */
		opt->mode = isatty(STDIN_FILENO) ? MODE_BATCH : MODE_SCRIPT;
	}
	if (opt->mode == MODE_TUI) {
		char why[200];
		if (!tui_terminal_usable(why, sizeof why)) {
			if (opt->tui_forced) {
				fprintf(stderr, "slotexplore: --tui: %s; use --repl or --batch\n", why);
				return EXIT_FAILURE;
			}
			fprintf(stderr, "slotexplore: %s, so here is the plain prompt (--repl); "
			        "--batch prints the table\n", why);
			opt->mode = MODE_REPL;
		}
	}
	return -1;
}

/* The explorer, scripts, the REPL and the handout: one session. */
static int run_session(struct run_context *rc)
{
	static struct app app;
	static struct cmd_context ctx;
	int status = session_open(rc, &app, &ctx);
	if (status != EXIT_SUCCESS)
		return status;
	if (rc->opt->mode == MODE_BATCH)
		return mode_handout(rc, &ctx);
	if (rc->opt->mode == MODE_TUI)
		return mode_explorer(rc, &app, &ctx);
	if (rc->opt->mode == MODE_REPL)
		return repl_run(&ctx);
	return mode_script(rc, &ctx);
}

static int dispatch(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	int status;
	if (opt->mode == MODE_LIST_PROFILES)
		return mode_list_profiles(rc);
	if (opt->mode == MODE_LIST_PYTHONS)
		return mode_list_pythons(rc);
	if (opt->mode == MODE_LOAD)
		return mode_load(rc);
	if ((status = mode_choose(rc)) >= 0)
		return status;
	if (opt->mode == MODE_VERIFY)
		return mode_verify(rc);
	if (opt->mode == MODE_MEASURE)
		return mode_measure(rc);
	if (opt->mode == MODE_SEED_REPORT)
		return mode_seed_report(rc);
	if (opt->mode == MODE_TRADEOFFS)
		return mode_tradeoffs(rc);
	if (opt->mode == MODE_SCAN)
		return mode_scan(rc);
	if (opt->mode == MODE_OBJECT || opt->mode == MODE_CENSUS)   /* the user's code */
		return opt->mode == MODE_OBJECT ? mode_object(rc) : mode_census(rc);
	if ((status = mode_check_setting(rc)) >= 0)
		return status;
	if (opt->by_version)
		return mode_batch(rc);
	bool handout = opt->mode == MODE_BATCH && opt->tour;
	if (opt->mode == MODE_TUI || opt->mode == MODE_SCRIPT || opt->mode == MODE_REPL || handout)
		return run_session(rc);
	return mode_batch(rc);
}

int main(int argc, char **argv)
{
	open_standard_descriptors();
	setlocale(LC_ALL, "");
	static struct options opt;
	char err[1024];
	if (!options_parse(argc, argv, &opt, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	if (opt.mode == MODE_HELP) {
		options_print_help(stdout);
		return mode_finish_output();
	}
	if (opt.mode == MODE_VERSION) {
		printf("slotexplore %s\n", PACKAGE_VERSION);
		return mode_finish_output();
	}
	int status = fall_back_without_terminal(&opt);
	if (status >= 0)
		return status;

	char dir[PATH_MAX];
	const char *origin = datadir_locate(dir, sizeof dir);
	static struct profile_set profiles;
	if (!profile_set_load(dir, &profiles, err, sizeof err)) {
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_FAILURE;
	}
	interpreter_cleanup_on_exit();
	static struct chosen ch;
	struct run_context rc = {
		.opt = &opt, .dir = dir, .origin = origin, .profiles = &profiles, .ch = &ch,
	};
	status = dispatch(&rc);
	release_interpreter(&ch);
	profile_set_free(&profiles);
	if (rc.died_of) {   /* the explorer restored the terminal: now die of the signal */
		probe_client_kill_all();
		fflush(NULL);
		signal(rc.died_of, SIG_DFL);
		raise(rc.died_of);
	}
	return status;
}
