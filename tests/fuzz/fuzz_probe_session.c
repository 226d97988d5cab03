/* libFuzzer target: a probe session over a real pipe. The input is what a
 * fake interpreter prints, whatever it is asked: a shell script cats it
 * and then drains its stdin. verify_run and verify_bulk, then a short
 * timing run, talk to it as to a real probe; whatever it says, they must
 * end with a result or a one-line error, bounded, and leave no child
 * (the findings F1, F2 and F4 of hostile-input #13 live here). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/interp.h"
#include "core/verify_run.h"
#include "core/timing_run.h"
#include "fuzz_setup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], replies[96], fake[96], script[96];

static void remove_fake(void)
{
	unlink(replies);
	unlink(script);
	unlink(fake);
	rmdir(dir);
}

static void make_fake(void)
{
	if (dir[0])
		return;
	snprintf(dir, sizeof dir, "/tmp/fuzz-probe-session.XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(replies, sizeof replies, "%s/replies", dir);
	snprintf(fake, sizeof fake, "%s/python", dir);
	snprintf(script, sizeof script, "%s/probe.py", dir);   /* must exist: never read */
	FILE *f = fopen(script, "w");
	if (!f)
		abort();
	fclose(f);
	f = fopen(fake, "w");
	if (!f)
		abort();
	/* any arguments (-E -s probe.py): print the replies, then read requests
	 * until the client closes the pipe */
	fprintf(f, "#!/bin/sh\ncat '%s'\nexec cat >/dev/null\n", replies);
	fclose(f);
	chmod(fake, 0755);
	atexit(remove_fake);
}

/* FUZZ_DEBUG=1: what each part of the session ended with */
static void say(const char *what, const char *msg)
{
	if (getenv("FUZZ_DEBUG"))
		fprintf(stderr, "%s: %s\n", what, msg);
}

static void row(void *ctx, const struct verify_result *r)
{
	(void)ctx;
	(void)r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	make_fake();
	if (size > 65536)
		return 0;
	FILE *f = fopen(replies, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);

	/* the plan: regular and slots on a small grid, against a profile that
	 * the input's first byte chooses */
	const struct profile *pr = &fuzz_profiles.items[size ? data[0] % fuzz_profiles.count : 0];
	static const uint64_t grid[] = { 0, 3, 5 };
	struct verify_plan plan = {
		.profile = pr, .abi = ABI_LP64, .attrs = grid, .nattrs = 3, .count = 1000,
		.timeout_ms = 300,
	};
	plan.kinds[KIND_REGULAR] = plan.kinds[KIND_SLOTS] = true;
	char err[600];
	(void)value_list_parse("none", &plan.values, err, sizeof err);

	static struct probe_client pc;
	memset(&pc, 0, sizeof pc);
	static struct interp in;
	if (interp_open(fake, script, &in, &pc, 300)) {
		struct verify_summary sum;
		struct probe_client *probes[1] = { &pc };
		plan.keep_first = true;
		if (!verify_run(probes, 1, &plan, row, NULL, &sum, err, sizeof err)) {
			say("verify", err);
		} else {
			/* nothing compared is not a verification (F1) */
			if (sum.figures == 0 && sum.unsupported == 0 &&
			    !verify_nothing(&sum, fake, err, sizeof err))
				abort();
			struct bulk_result b;
			(void)verify_bulk(&pc, &plan, KIND_SLOTS, 3, 1000, &b, err, sizeof err);
		}
		char how[200];
		probe_client_stop(&pc, 100, how, sizeof how);
	} else {
		say("start", in.problem);
	}

	/* a timing run against the same replies: two processes at most */
	struct timing_plan tp;
	timing_plan_init(&tp, fake, script, 3, 0.3, 300);
	tp.kinds[KIND_REGULAR] = tp.kinds[KIND_SLOTS] = true;
	tp.ops[OP_READ] = true;
	tp.min_processes = 1;
	tp.max_processes = 2;
	tp.hello_timeout_ms = 300;
	static struct timing_result tr;
	bool timed = timing_run(&tp, &tr, NULL, NULL, err, sizeof err);
	if (!timed)
		say("timing", err);
	if (tr.nseries > TIMING_MAX_SERIES)
		abort();
	for (int i = 0; i < tr.nseries; i++)
		if (tr.series[i].n > (size_t)tp.samples_per_process * (size_t)tp.max_processes)
			abort();   /* more values than asked for were kept (F4) */
	timing_result_free(&tr);
	memset(&tr, 0, sizeof tr);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	return 0;
}
