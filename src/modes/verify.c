#include "config.h"

#include "modes/modes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/numparse.h"
#include "core/text.h"
#include "core/verify_run.h"
#include "session/interpreter.h"
#include "output/verify_report.h"

#define VERIFY_GRID_MAX 4096

static const char *ordinal(int i)
{
	static const char *const names[] = { "first", "second", "third", "fourth", "fifth",
	                                     "sixth", "seventh", "eighth" };
	return i >= 0 && i < 8 ? names[i] : "next";
}

static void describe(const struct interp *in, char *out, size_t n)
{
	snprintf(out, n, "%s %s %s%s%s%s (%.200s)", in->impl, in->version, abi_name(in->abi),
	         in->free_threaded ? " free-threaded" : "", in->pymalloc ? " pymalloc" : "",
	         in->debug ? " debug" : "", in->executable[0] ? in->executable : "no executable");
}

/* Starts the probes after the first (all at once, then their hellos): each
 * must say hello as the first did, or it is not the interpreter verified. */
static bool start_extra_probes(const struct chosen *ch, const char *script, int count,
                               int timeout_ms, struct probe_client *extra, char *err,
                               size_t errlen)
{
	static struct interp seen[VERIFY_MAX_PROBES];
	int started = 0;
	bool ok = true;
	for (int i = 0; i < count; i++) {
		if (!interp_begin(ch->interp.path, script, &seen[i], &extra[i])) {
			snprintf(err, errlen, "--probes: the %s probe under %s did not start: %s",
			         ordinal(i + 1), ch->interp.path, seen[i].problem);
			ok = false;
			break;
		}
		started++;
	}
	for (int i = 0; ok && i < started; i++) {
		if (interp_hello_poll(ch->interp.path, &seen[i], &extra[i], timeout_ms, true,
		                      timeout_ms) != 1) {
			snprintf(err, errlen, "--probes: the %s probe: %s", ordinal(i + 1), seen[i].problem);
			ok = false;
			break;
		}
		if (!interp_same(&seen[i], &ch->interp) || seen[i].pymalloc != ch->interp.pymalloc) {
			char a[400], b[400];
			describe(&ch->interp, a, sizeof a);
			describe(&seen[i], b, sizeof b);
			char msg[1200];
			snprintf(msg, sizeof msg, "--probes: the %s probe under %.150s said hello as %.220s, "
			         "the first as %.220s: not the same interpreter", ordinal(i + 1),
			         ch->interp.path, b, a);
			size_t len = strlen(msg) < errlen - 1 ? strlen(msg) : errlen - 1;
			memcpy(err, msg, len);
			err[len] = '\0';
			ok = false;
		}
	}
	if (!ok) {
		char how[120];
		for (int i = 0; i < started; i++)
			probe_client_kill(&extra[i], how, sizeof how);
	}
	return ok;
}

static void stop_extra_probes(struct probe_client *extra, int count)
{
	char how[120];
	for (int i = 0; i < count; i++)
		if (extra[i].pid > 0)
			probe_client_stop(&extra[i], 1000, how, sizeof how);
}

int mode_verify(struct run_context *rc)
{
	const struct options *opt = rc->opt;
	struct chosen *ch = rc->ch;
	ch->abi = ch->interp.abi;
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
		.values = opt->values, .count = VERIFY_COUNT, .timeout_ms = opt->timeout_ms * 12,
		.keep_first = opt->instances_given,   /* --instances asks it for a bulk after */
		.base_given = opt->base_given, .base_attrs = opt->base_attrs,
	};
	memcpy(plan.kinds, opt->kinds, sizeof plan.kinds);
	struct verify_writer w = {
		.out = stdout, .format = opt->format, .utf8 = locale_is_utf8(), .interp = &ch->interp,
		.profile = ch->profile, .abi = ch->abi,
	};
	if (ch->note[0])
		fprintf(stderr, "slotexplore: %s\n", ch->note);
	/* more probes than batches would only start interpreters */
	size_t settings = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		settings += plan.kinds[k] ? (size_t)n : 0;
	size_t batches = (settings + VERIFY_BATCH - 1) / VERIFY_BATCH;
	int nprobes = opt->probes < 1 ? 1 : opt->probes;
	if ((size_t)nprobes > batches)
		nprobes = batches ? (int)batches : 1;
	static struct probe_client extra[VERIFY_MAX_PROBES];
	char script[PATH_MAX];
	probe_path(rc->dir, script, sizeof script);
	if (nprobes > 1 && !start_extra_probes(ch, script, nprobes - 1, opt->timeout_ms, extra, err,
	                                       sizeof err)) {
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_FAILURE;
	}
	struct probe_client *probes[VERIFY_MAX_PROBES] = { &ch->pc };
	for (int i = 1; i < nprobes; i++)
		probes[i] = &extra[i - 1];
	verify_write_begin(&w);
	struct verify_summary sum;
	bool ran = verify_run(probes, nprobes, &plan, verify_write_row, &w, &sum, err, sizeof err);
	stop_extra_probes(extra, nprobes - 1);
	if (!ran) {
		fflush(stdout);
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_FAILURE;
	}
	if (verify_nothing(&sum, ch->interp.path, err, sizeof err)) {
		fflush(stdout);
		fprintf(stderr, "slotexplore: %s\n", err);
		return EXIT_FAILURE;
	}
	/* --instances M: M instances of each kind asked for (regular if none),
	 * at the grid's last attribute count */
	static struct bulk_result bulk[KIND_COUNT];
	size_t nbulk = 0;
	bool any_kind = false;
	for (int i = 0; i < KIND_COUNT; i++)
		any_kind |= opt->kinds[i];
	for (int i = 0; i < KIND_COUNT && opt->instances_given; i++) {
		if (any_kind ? !opt->kinds[i] : i != KIND_REGULAR)
			continue;
		if (!verify_bulk(&ch->pc, &plan, (enum kind)i, (unsigned)grid[n - 1], opt->instances,
		                 &bulk[nbulk], err, sizeof err)) {
			fflush(stdout);
			fprintf(stderr, "slotexplore: %s\n", err);
			return EXIT_FAILURE;
		}
		nbulk++;
	}
	verify_write_end(&w, &sum, bulk, nbulk);
	int status = mode_finish_output();
	return status == EXIT_SUCCESS && sum.mismatches == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
