#include "config.h"

#include "cmd/hooks.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/census.h"
#include "core/object_probe.h"
#include "core/text.h"
#include "core/timing_run.h"
#include "core/tradeoffs.h"
#include "core/verify_run.h"
#include "output/timing_report.h"
#include "output/verify_report.h"
#include "session/census_view.h"
#include "session/object_view.h"

static struct chosen *session_chosen;   /* the interpreter the hooks act on */
static const char *session_dir;
static char session_script[PATH_MAX + 16];
static double session_measure_time = 10;
static int session_timeout_ms = PROBE_HELLO_TIMEOUT_MS;

static bool hook_python(struct cmd_context *c, const char *path, char *err, size_t errlen)
{
	struct chosen *ch = session_chosen;
	static struct chosen next;
	char why[600];
	if (!choose_interpreter(path, session_timeout_ms, c->app->profiles, session_dir, c->stop,
	                        c->stop_ctx, &next, why, sizeof why)) {
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
		.values = a->values, .count = VERIFY_COUNT, .timeout_ms = 120000,
		.keep_first = true,   /* the session goes on with it */
	};
	for (int k = 0; k < KIND_COUNT; k++)
		plan.kinds[k] = !a->hidden[k];
	struct verify_writer w = {
		.out = c->out, .format = FORMAT_TEXT, .utf8 = locale_is_utf8(), .interp = &ch->interp,
		.profile = ch->profile, .abi = ch->abi,
	};
	verify_write_begin(&w);
	struct verify_summary sum;
	char why[600];
	struct probe_client *probe = &ch->pc;
	if (!verify_run(&probe, 1, &plan, verify_write_row, &w, &sum, why, sizeof why)) {
		snprintf(err, errlen, "verify: %s", why);
		release_interpreter(ch);
		app_follow_interpreter(a, ch);
		return false;
	}
	c->printed = true;
	if (verify_nothing(&sum, ch->interp.path, why, sizeof why)) {
		/* no summary: "0 figures compared, 0 mismatches" reads as a pass */
		snprintf(err, errlen, "verify: %s", why);
		return false;
	}
	verify_write_end(&w, &sum, NULL, 0);
	if (sum.mismatches) {
		snprintf(err, errlen, "verify: %u figures differ from the model", sum.mismatches);
		return false;
	}
	return true;
}

static bool hook_measure(struct cmd_context *c, int format, bool aa, bool all_ops, char *err,
                         size_t errlen)
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
	plan.hello_timeout_ms = session_timeout_ms;
	if (aa) {
		plan.aa = true;
		plan.kinds[a->selected] = true;
	} else {
		plan.kinds[KIND_REGULAR] = true;
		plan.kinds[app_compared_kind(a)] = true;
	}
	for (int i = 0; i < OP_COUNT; i++)
		plan.ops[i] = all_ops || i == OP_READ || i == OP_WRITE;
	/* kept for a later export (FILE.md, tour) until the next measure */
	static struct timing_result res;
	a->timing = NULL;
	a->timing_an = NULL;
	timing_result_free(&res);
	char why[600];
	if (!timing_run(&plan, &res, NULL, NULL, why, sizeof why)) {
		snprintf(err, errlen, "measure: %s", why);
		timing_result_free(&res);
		return false;
	}
	a->timing = &res;
	a->timing_attrs = a->attrs;
	a->timing_aa = aa;
	c->printed = true;
	if (timing_report_write(c->out, &res, a->attrs, (enum report_format)format,
	                        locale_is_utf8(), &a->timing_settings) != 0) {
		snprintf(err, errlen, "measure: cannot write the results");
		return false;
	}
	return true;
}

/* Live in the session's interpreter when it is the version shown, else the
 * committed table of the version shown. */
static bool hook_tradeoffs(struct cmd_context *c, struct tradeoff_table *t, char *err,
                           size_t errlen)
{
	struct chosen *ch = session_chosen;
	const struct profile *shown = app_profile(c->app);
	bool live = ch->have && ch->profile == shown;
	return tradeoffs_for(session_dir, live ? ch->interp.path : NULL, shown, session_timeout_ms,
	                     c->stop, c->stop_ctx, t, err, errlen);
}

static bool hook_committed_tradeoffs(struct cmd_context *c, struct tradeoff_table *t,
                                     char *err, size_t errlen)
{
	return tradeoffs_for(session_dir, NULL, app_profile(c->app), session_timeout_ms, NULL, NULL,
	                     t, err, errlen);
}

/* MODULE:EXPR in a fresh probe of the session's interpreter, stopped once
 * it has answered: the user's code never runs in the session's own probe. */
/* A fresh probe of the session's interpreter for the user's code, once the
 * spec and the directories are checked; false with a message. */
static bool user_code_probe(struct cmd_context *c, const char *spec, char *module, size_t mlen,
                            const char **expr, const char *const *paths, int npaths,
                            struct probe_client *pc, char *err, size_t errlen)
{
	struct chosen *ch = session_chosen;
	if (!object_spec_split(spec, module, mlen, expr, err, errlen))
		return false;
	if (!ch->have) {
		snprintf(err, errlen, "it needs a CPython 3.8+ interpreter (:python PATH)");
		return false;
	}
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%.300s is not a directory", paths[i]);
			return false;
		}
	}
	static struct interp in;
	memset(pc, 0, sizeof *pc);
	memset(&in, 0, sizeof in);
	if (!interp_open_stoppable(ch->interp.path, session_script, &in, pc, session_timeout_ms,
	                           c->stop, c->stop_ctx)) {
		snprintf(err, errlen, "%s", in.problem);
		return false;
	}
	return true;
}

static bool hook_object(struct cmd_context *c, const char *spec, const char *class_name,
                        const char *const *paths, int npaths, char *err, size_t errlen)
{
	struct chosen *ch = session_chosen;
	char module[1024], how[120];
	const char *expr;
	static struct probe_client pc;
	if (!user_code_probe(c, spec, module, sizeof module, &expr, paths, npaths, &pc, err, errlen))
		return false;
	const char *here[] = { "." };
	static struct object_probe_result res;
	memset(&res, 0, sizeof res);
	bool ok = object_run(&pc, module, expr, class_name, npaths ? paths : here,
	                     npaths ? npaths : 1, 1000, session_timeout_ms, c->stop, c->stop_ctx,
	                     &res, err, errlen);
	if (pc.pid)
		probe_client_stop(&pc, 500, how, sizeof how);
	if (ok && !app_object_set(c->app, spec, ch->interp.path, ch->interp.version, ch->profile,
	                          ch->abi, &res)) {
		snprintf(err, errlen, "out of memory");
		ok = false;
	}
	object_probe_result_free(&res);
	return ok;
}

static bool hook_census(struct cmd_context *c, const char *spec, const char *const *paths,
                        int npaths, char *err, size_t errlen)
{
	struct chosen *ch = session_chosen;
	char module[1024], how[120];
	const char *expr;
	static struct probe_client pc;
	if (!user_code_probe(c, spec, module, sizeof module, &expr, paths, npaths, &pc, err, errlen))
		return false;
	static const char *const here[] = { "." };
	struct census_request rq = {
		.module = module, .expr = expr, .paths = npaths ? paths : here,
		.npaths = npaths ? npaths : 1, .cap = CENSUS_DEFAULT_CAP, .top = CENSUS_DEFAULT_TOP,
		.timeout_ms = session_timeout_ms, .cancel = c->stop, .cancel_ctx = c->stop_ctx,
	};
	static struct census_result res;
	memset(&res, 0, sizeof res);
	enum census_status st = census_run(&pc, &rq, &res, err, errlen);
	if (pc.pid)
		probe_client_stop(&pc, 500, how, sizeof how);
	bool ok = st == CENSUS_DONE;
	if (st == CENSUS_CANCELLED)
		snprintf(err, errlen, "stopped (the interpreter running %s was stopped)", module);
	if (ok && !app_census_set(c->app, spec, npaths ? paths : here, npaths ? npaths : 1,
	                          ch->interp.version, &res)) {
		snprintf(err, errlen, "out of memory");
		ok = false;
	}
	census_result_free(&res);
	return ok;
}

void hooks_connect(struct cmd_context *ctx, struct chosen *ch, const char *dir,
                   double measure_time, int timeout_ms)
{
	session_chosen = ch;
	session_dir = dir;
	probe_path(dir, session_script, sizeof session_script);
	session_measure_time = measure_time;
	session_timeout_ms = timeout_ms > 0 ? timeout_ms : PROBE_HELLO_TIMEOUT_MS;
	ctx->hooks.python = hook_python;
	ctx->hooks.verify = hook_verify;
	ctx->hooks.measure = hook_measure;
	ctx->hooks.tradeoffs = hook_tradeoffs;
	ctx->hooks.committed_tradeoffs = hook_committed_tradeoffs;
	ctx->hooks.object = hook_object;
	ctx->hooks.census = hook_census;
}
