#include "config.h"

#include "modes/modes.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/text.h"
#include "core/timing_run.h"
#include "output/timing_report.h"

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

int mode_measure(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	const char *dir = rc->dir;
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
	int wrote = timing_report_write(stdout, &res, opt->attrs, opt->format, locale_is_utf8());
	timing_result_free(&res);
	if (wrote != 0)
		return EXIT_FAILURE;
	return mode_finish_output();
}
