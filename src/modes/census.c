#include "config.h"

#include "modes/modes.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/census.h"
#include "output/census_report.h"

static volatile sig_atomic_t census_signal;

static void on_census_signal(int sig)
{
	census_signal = sig;
}

struct cancel_state {
	bool keys;              /* stdin is our terminal, read key by key: Esc stops */
	bool esc;
};

static bool census_cancel(void *ctx)
{
	struct cancel_state *cs = ctx;
	if (census_signal)
		return true;
	if (!cs->keys)
		return false;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	unsigned char buf[64];
	while (poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
		ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
		if (n <= 0)
			break;
		if (memchr(buf, 0x1b, (size_t)n))
			cs->esc = true;
	}
	return cs->esc;
}

/* --census MODULE:EXPR: the probe imports MODULE from the --path
 * directories and evaluates EXPR (the user's code runs there, bounded by
 * --timeout between two replies, and killed with whatever it started on a
 * timeout, Ctrl-C or Esc), then counts the live instances of the classes
 * outside the standard library; each of the top ones is judged with the
 * model. Exit 0; 2 when the workload fails, hangs, gives nothing to count
 * or has more objects than --census-cap; 130 when stopped. */
int mode_census(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	char target[8192], err[1200];
	const char *module, *expr;
	if (!census_split_target(opt->census, target, sizeof target, &module, &expr, err, sizeof err)) {
		fprintf(stderr, "slotexplore: --census: %s\n", err);
		return EXIT_USAGE;
	}
	if (!ch->have) {
		fprintf(stderr, "slotexplore: --census runs the workload in a CPython 3.8+ interpreter, "
		        "and there is none (%s); give --python PATH\n",
		        ch->note[0] ? ch->note : "no interpreter");
		return EXIT_FAILURE;
	}
	if (ch->note[0])
		fprintf(stderr, "slotexplore: %s\n", ch->note);
	static const char *const here[] = { "." };
	struct cancel_state cs = { false, false };
	struct census_request rq = {
		.module = module, .expr = expr, .paths = opt->npaths ? opt->paths : here,
		.npaths = opt->npaths ? opt->npaths : 1, .cap = opt->census_cap, .top = opt->top,
		.timeout_ms = opt->timeout_ms, .cancel = census_cancel, .cancel_ctx = &cs,
	};
	/* Esc from the terminal, when it is ours: keys one by one, not echoed */
	struct termios saved;
	if (isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) == getpgrp() &&
	    tcgetattr(STDIN_FILENO, &saved) == 0) {
		struct termios raw = saved;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		raw.c_cc[VMIN] = 0;
		raw.c_cc[VTIME] = 0;
		cs.keys = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
	}
	struct sigaction sa = { 0 }, old_int, old_term, old_hup;
	sa.sa_handler = on_census_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	static struct census_result res;
	enum census_status st = census_run(&ch->pc, &rq, &res, err, sizeof err);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	if (cs.keys)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	struct interp python = ch->interp;
	release_interpreter(ch);   /* the user's program is not kept running */
	if (st == CENSUS_CANCELLED) {
		int sig = census_signal;
		fprintf(stderr, "slotexplore: --census: %s by %s\n", err,
		        sig == SIGINT ? "Ctrl-C" : sig ? strsignal(sig) : "Esc");
		census_result_free(&res);
		return 128 + (sig ? sig : SIGINT);
	}
	if (st != CENSUS_DONE) {
		fprintf(stderr, "slotexplore: --census %s: %s\n", opt->census, err);
		census_result_free(&res);
		return EXIT_USAGE;
	}
	if (res.classes_total == 0 && !res.cap_hit) {
		fprintf(stderr, "slotexplore: --census %s: no instance of a class outside the standard "
		        "library is alive after %s (it gives a %s)\n", opt->census, expr, res.result_type);
		census_result_free(&res);
		return EXIT_USAGE;
	}
	for (size_t i = 0; i < res.nclasses; i++)
		census_judge(&res.classes[i], rc->profile, rc->abi, opt->accounting);
	struct census_report r = {
		.result = &res, .module = module, .expr = expr, .profile = rc->profile, .abi = rc->abi,
		.accounting = opt->accounting, .python = &python,
	};
	int status = census_report_write(stdout, &r, opt->format) == 0 ? mode_finish_output()
	                                                                 : EXIT_FAILURE;
	if (status == EXIT_SUCCESS && res.cap_hit) {
		fprintf(stderr, "slotexplore: --census %s: the program has more than %llu objects "
		        "(--census-cap): the counts stop there\n", opt->census,
		        (unsigned long long)res.cap);
		status = EXIT_USAGE;
	}
	census_result_free(&res);
	return status;
}
