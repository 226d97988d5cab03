#include "config.h"

#include "cmd/tour_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/report.h"
#include "output/timing_report.h"
#include "output/tradeoffs_report.h"
#include "output/wrap.h"

static bool run_step_commands(struct cmd_context *ctx, const struct tour *t, int i, char *err,
                              size_t errlen)
{
	/* the parser allowed only set, show and hide; no hooks and no files either way */
	struct cmd_context quiet = *ctx, *c = &quiet;
	memset(&quiet.hooks, 0, sizeof quiet.hooks);
	quiet.no_files = true;
	for (const char *p = t->step[i].commands; *p;) {
		char line[CMD_MAX_LINE], why[600];
		size_t len = strcspn(p, "\n");
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		if (!cmd_run_line(c, line, why, sizeof why)) {
			snprintf(err, errlen, "tour step %d: %s", i + 1, why);
			return false;
		}
		p += len + (p[len] == '\n');
	}
	return true;
}

static FILE *null_sink(void)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	return sink;
}

/* Markdown would read __slots__ as bold "slots": escape _ and * outside
 * `code` spans. */
static void markdown_escape(const char *in, char *out, size_t n)
{
	size_t o = 0;
	bool code = false;
	for (const char *p = in; *p && o + 3 < n; p++) {
		if (*p == '`')
			code = !code;
		if (!code && (*p == '_' || *p == '*'))
			out[o++] = '\\';
		out[o++] = *p;
	}
	out[o] = '\0';
}

/* A step's label and words as a wrapped Markdown paragraph; quoted, every
 * line starts with "> ". */
static void handout_paragraph(FILE *out, struct app *a, const char *label, const char *words,
                              bool quoted)
{
	char text[2048], escaped[4096], para[4200];
	tour_expand(a, words, text, sizeof text);
	markdown_escape(text, escaped, sizeof escaped);
	snprintf(para, sizeof para, "%s %s", label, escaped);
	fputc('\n', out);
	if (!quoted) {
		write_wrapped(out, para, 0, 78);
		return;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return;
	write_wrapped(mem, para, 0, 76);
	fclose(mem);
	for (char *line = buf, *end; line && *line; line = end ? end + 1 : NULL) {
		end = strchr(line, '\n');
		fprintf(out, "> %.*s\n", end ? (int)(end - line) : (int)strlen(line), line);
	}
	free(buf);
}

/* A !tradeoffs step: what regular and the compared kind can and cannot do,
 * from the committed table of the step's version, labelled as measured. */
static void handout_tradeoffs(FILE *out, struct cmd_context *quiet)
{
	struct app *a = quiet->app;
	static struct tradeoff_table table;
	char why[400] = "no data directory";
	if (!quiet->hooks.committed_tradeoffs ||
	    !quiet->hooks.committed_tradeoffs(quiet, &table, why, sizeof why)) {
		char escaped[900];
		markdown_escape(why, escaped, sizeof escaped);
		fprintf(out, "\n*No trade-offs table in this handout: %s.*\n", escaped);
		return;
	}
	struct tradeoffs_report tr = { .table = &table, .heading = 3, .setting = &a->setting };
	tr.shown[KIND_REGULAR] = tr.shown[app_compared_kind(a)] = true;
	fputc('\n', out);
	(void)tradeoffs_report_write(out, &tr, FORMAT_MARKDOWN);
}

static bool handout_steps(FILE *out, const struct tour *t, struct cmd_context *quiet, char *err,
                          size_t errlen)
{
	struct app *a = quiet->app;
	for (int i = 0; i < t->nsteps; i++) {
		const struct tour_step *st = &t->step[i];
		if (!run_step_commands(quiet, t, i, err, errlen))
			return false;
		char text[2048], escaped[4096];
		tour_expand(a, st->text, text, sizeof text);
		markdown_escape(text, escaped, sizeof escaped);
		fprintf(out, "\n## %s\n\n", st->title);
		write_wrapped(out, escaped, 0, 78);
		if (st->question[0]) {
			handout_paragraph(out, a, "**Question:**", st->question, false);
			handout_paragraph(out, a, "**Answer** (the model's figures at this step):",
			                  st->answer, false);
		}
		if (st->notes[0])
			handout_paragraph(out, a, "**Notes for the teacher:**", st->notes, true);
		fprintf(out, "\n");
		app_update(a);
		struct report r = {
			.setting = &a->setting, .eval = &a->eval, .accounting = a->acc, .section = true,
			.compare_instance = a->compare_instance,
		};
		for (int k = 0; k < KIND_COUNT; k++)
			r.shown[k] = !a->hidden[k];
		if (report_write(out, &r, FORMAT_MARKDOWN) != 0)
			break;
		if (st->tradeoffs)
			handout_tradeoffs(out, quiet);
		if (!st->timing)
			continue;
		if (a->timing && a->timing->nseries && !a->timing_running)
			timing_report_markdown(out, a->timing, a->timing_attrs, 3, &a->timing_settings);
		else
			fprintf(out, "\n*No timing results in this handout: press t in the explorer "
			        "before exporting, or give `--load FILE` (a saved `slotexplore --measure "
			        "--format json` run) with `--tour --batch`.*\n");
	}
	if (ferror(out)) {   /* a write error, for the caller to name: no message here */
		if (errlen)
			err[0] = '\0';
		return false;
	}
	return true;
}

bool tour_write_handout(FILE *out, const struct tour *t, struct cmd_context *c, char *err,
                        size_t errlen)
{
	struct app *a = c->app;
	struct app *saved = malloc(sizeof *saved);
	if (!saved || !null_sink()) {
		free(saved);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	*saved = *a;
	/* the steps only change the setting: no printing, files or interpreter */
	struct cmd_context quiet = *c;
	quiet.out = null_sink();
	quiet.tui = false;
	quiet.no_files = true;
	memset(&quiet.hooks, 0, sizeof quiet.hooks);
	quiet.hooks.committed_tradeoffs = c->hooks.committed_tradeoffs;   /* reads, runs nothing */
	fprintf(out, "# A guided tour of what Python objects cost\n\n");
	fprintf(out, "A handout from slotexplore %s: the %d steps of its guided tour (`slotexplore "
	        "--tour`, or T in the explorer), each with its text and the model's figures at "
	        "that step's setting. Under each table is the `slotexplore --batch` command that "
	        "prints the same figures.\n", PACKAGE_VERSION, t->nsteps);
	if (a->interp_label[0])
		fprintf(out, "\nInterpreter at hand: %s. The steps choose the versions they show; "
		        "`slotexplore --verify` checks the model against this interpreter at its own "
		        "version.\n", a->interp_label);
	report_markdown_legend(out, NULL);   /* the steps use default builds */
	bool ok = handout_steps(out, t, &quiet, err, errlen);
	*a = *saved;
	free(saved);
	a->dirty = true;
	return ok;
}

void tour_service(struct app *a, const struct tour *t, struct cmd_context *c)
{
	if (a->tour_requested < 0 || !t)
		return;
	int i = a->tour_requested;
	a->tour_requested = -1;
	if (i < 0 || i >= t->nsteps)
		return;
	a->tour_step = i;
	a->tour_active = true;
	a->tour_notes_shown = a->tour_answer_shown = false;
	char err[700] = "cannot open /dev/null";
	FILE *sink = null_sink();   /* a step's printing commands print nowhere */
	FILE *saved = c->out;
	bool saved_tui = c->tui;
	c->out = sink;
	c->tui = true;
	bool ok = sink && run_step_commands(c, t, i, err, sizeof err);
	c->out = saved;
	c->tui = saved_tui;
	if (!ok)
		app_set_status(a, true, "%s", err);
	else if (t->step[i].timing && a->can_verify)
		app_set_status(a, false, "t times %s against regular in %s", kind_info(
		               app_compared_kind(a))->name, a->interp_label);
	else if (t->step[i].timing)
		app_set_status(a, false, "timing needs an interpreter: :python PATH, or start with "
		               "--python PATH");
	else if (t->step[i].tradeoffs)
		app_set_status(a, false, "o shows what %s can and cannot do, %s", kind_info(
		               app_compared_kind(a))->name, a->can_verify &&
		               strcmp(a->interp_version, app_profile(a)->version) == 0
		               ? "tried in your interpreter" : "as measured on this version (committed)");
	else
		a->status[0] = '\0';
}
