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

static volatile sig_atomic_t measure_signal;

static void on_measure_signal(int sig)
{
	measure_signal = sig;
}

struct progress_state {
	bool tty;
	int width;     /* of the last line drawn, to clear it */
};

/* A progress bar on stderr when it is a terminal; called at every step of
 * the run (at least every 100 ms), so Ctrl-C is seen while the worker is
 * starting, calibrating or silent, not only when a value arrives. */
static bool measure_progress(void *user, const struct timing_result *r, double frac, double eta)
{
	(void)r;
	struct progress_state *ps = user;
	if (ps->tty && !measure_signal) {
		int width = 30, fill = (int)(frac * width + 0.5);
		char bar[64];
		for (int i = 0; i < width; i++)
			bar[i] = i < fill ? '#' : '.';
		bar[width] = '\0';
		char line[200];
		if (eta >= 0)
			snprintf(line, sizeof line, "  timing [%s] %3.0f%%  about %.0f s left  (Ctrl-C stops "
			         "and keeps the samples) ", bar, 100 * frac, eta);
		else
			snprintf(line, sizeof line, "  timing [%s] %3.0f%%  first process...  (Ctrl-C stops "
			         "and keeps the samples) ", bar, 100 * frac);
		fprintf(stderr, "\r%s", line);
		ps->width = (int)strlen(line);
		fflush(stderr);
	}
	return !measure_signal;
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
	plan.hello_timeout_ms = opt->timeout_ms;
	plan.seed_harness = opt->seed_harness;
	plan.aa = opt->aa;
	memcpy(plan.kinds, opt->kinds, sizeof plan.kinds);
	memcpy(plan.ops, opt->ops, sizeof plan.ops);
	struct sigaction sa = { 0 }, old_int, old_term, old_hup;
	sa.sa_handler = on_measure_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	struct progress_state ps = { isatty(STDERR_FILENO), 0 };
	static struct timing_result res;
	char err[600];
	bool ok = timing_run(&plan, &res, measure_progress, &ps, err, sizeof err);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	if (ps.tty && ps.width)
		fprintf(stderr, "\r%*s\r", ps.width, "");
	int sig = measure_signal;
	if (!ok) {
		fprintf(stderr, "slotexplore: --measure: %s\n", err);
		timing_result_free(&res);
		return sig ? 128 + sig : EXIT_FAILURE;
	}
	if (sig) {
		size_t values = 0;
		for (int i = 0; i < res.nseries; i++)
			values += res.series[i].n;
		fprintf(stderr, "slotexplore: --measure: stopped by %s after %.1f s; the results hold "
		        "the %zu values so far\n", sig == SIGINT ? "Ctrl-C" : strsignal(sig), res.seconds,
		        values);
	}
	int wrote = timing_report_write(stdout, &res, opt->attrs, opt->format, locale_is_utf8(),
	                                &opt->min_effect);
	if (opt->pyperf && !timing_export_pyperf(opt->pyperf, &res, opt->attrs, err, sizeof err)) {
		fprintf(stderr, "slotexplore: --pyperf %s\n", err);
		wrote = -1;
	}
	timing_result_free(&res);
	if (wrote != 0)
		return EXIT_FAILURE;
	int st = mode_finish_output();
	return sig ? 128 + sig : st;
}
