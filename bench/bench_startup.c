/* Start-up figures (issue #7), each the median of several runs:
 *   - `slotexplore --batch` wall time from exec to exit, and its peak RSS;
 *   - the explorer's time from exec to its first full frame, on a pty;
 *   - the same batch table's cost when a real interpreter builds 10^6
 *     instances under tracemalloc (python3 on PATH), for the ratio.
 * Prints figures; asserts nothing. */
#include "config.h"

#include <pty.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUNS 11

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Runs argv with output to /dev/null (or on a pty); wall seconds, peak RSS KiB. */
static bool run(char *const argv[], bool pty, double *wall, long *rss_kib)
{
	fflush(stdout);   /* or the child's copy of the buffer prints again */
	double t0 = now();
	pid_t pid;
	int master = -1;
	if (pty) {
		struct winsize ws = { .ws_row = 24, .ws_col = 80 };
		pid = forkpty(&master, NULL, NULL, &ws);
	} else {
		pid = fork();
	}
	if (pid < 0)
		return false;
	if (pid == 0) {
		if (!pty) {
			FILE *n = freopen("/dev/null", "w", stdout);
			(void)n;
		}
		setenv("TERM", "xterm-256color", 1);
		execv(argv[0], argv);
		_exit(127);
	}
	if (pty) {   /* drain the pty so the child never blocks on output */
		char buf[65536];
		while (read(master, buf, sizeof buf) > 0)
			;
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		return false;
	*wall = now() - t0;
	*rss_kib = ru.ru_maxrss;
	if (master >= 0)
		close(master);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void row(const char *what, const char *value, const char *goal, bool met)
{
	printf("  %-46s %14s   %-12s %s\n", what, value, goal, met ? "met" : "MISSED");
}

int main(void)
{
	static char a0[] = "./slotexplore", a1[] = "--batch", a2[] = "--no-python", a3[] = "--tui",
	            a4[] = "--no-config";
	char *batch[] = { a0, a1, a2, NULL };
	char *tui[] = { a0, a3, a2, a4, NULL };
	double wall[RUNS], rss[RUNS];
	long kib;
	char buf[64];
	printf("start-up (median of %d runs)\n", RUNS);
	for (int i = 0; i < RUNS; i++) {
		if (!run(batch, false, &wall[i], &kib)) {
			printf("  slotexplore --batch failed\n");
			return 0;
		}
		rss[i] = (double)kib;
	}
	double batch_ms = median(wall, RUNS) * 1000;
	snprintf(buf, sizeof buf, "%.2f ms", batch_ms);
	row("slotexplore --batch --no-python, exec to exit", buf, "< 5 ms", batch_ms < 5);
	double rss_mib = median(rss, RUNS) / 1024;
	snprintf(buf, sizeof buf, "%.1f MiB", rss_mib);
	row("  its peak RSS", buf, "< 8 MB", rss_mib * 1.048576 < 8);
	setenv("SLOTEXPLORE_BENCH_FIRST_FRAME", "1", 1);
	for (int i = 0; i < RUNS; i++)
		if (!run(tui, true, &wall[i], &kib)) {
			printf("  the explorer did not start on a pty\n");
			return 0;
		}
	double frame_ms = median(wall, RUNS) * 1000;
	snprintf(buf, sizeof buf, "%.2f ms", frame_ms);
	row("explorer, exec to first full frame (80x24 pty)", buf, "< 20 ms", frame_ms < 20);
	unsetenv("SLOTEXPLORE_BENCH_FIRST_FRAME");

	/* the same numbers from a real interpreter */
	const char *py = "python3";
	char cmd[512];
	snprintf(cmd, sizeof cmd, "%s -c 'import tracemalloc, time\n"
	         "class C:\n    def __init__(self):\n        self.a=1; self.b=2; self.c=3; self.d=4; self.e=5\n"
	         "t0=time.perf_counter(); tracemalloc.start(); x=[C() for _ in range(1000000)]\n"
	         "print(tracemalloc.get_traced_memory()[0], time.perf_counter()-t0)' 2>/dev/null", py);
	FILE *p = popen(cmd, "r");
	long long traced = 0;
	double secs = 0;
	if (p && fscanf(p, "%lld %lf", &traced, &secs) == 2) {
		snprintf(buf, sizeof buf, "%.2f s", secs);
		row("python3 + tracemalloc: 10^6 regular instances", buf, "(reference)", true);
		snprintf(buf, sizeof buf, "%.0fx", secs * 1000 / batch_ms);
		row("  ratio to the model's whole batch table", buf, "(reference)", true);
	} else {
		printf("  python3 not found: the interpreter comparison is skipped\n");
	}
	if (p)
		pclose(p);
	return 0;
}
