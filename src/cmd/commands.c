#include "config.h"

#include "cmd/commands.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic_file.h"
#include "core/numparse.h"
#include "core/seed.h"
#include "core/units.h"
#include "output/by_version_report.h"
#include "output/md_html.h"
#include "output/census_report.h"
#include "output/object_report.h"
#include "output/report.h"
#include "output/wrap.h"
#include "output/timing_report.h"
#include "output/tradeoffs_report.h"
#include "core/text.h"
#include "cmd/tour_run.h"
#include "session/census_view.h"
#include "session/object_view.h"
#include "session/worth.h"

static bool fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static bool fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return false;
}

static const char *const setting_names[] = {
	"attrs", "instances", "version", "abi", "values", "accounting", "kind", "chart", "compare",
	"theme", "base-attrs", NULL,
};
static const char *const abi_names[] = { "lp64", "ilp32", "i386", NULL };
static const char *const accounting_names[] = { "getsizeof", "requested", "allocated", "deep", NULL };
static const char *const chart_names[] = { "instances", "attrs", NULL };
static const char *const format_names[] = { "text", "csv", "json", "md", NULL };
static const char *const values_names[] = {
	"none", "smallint", "int:64", "int:200", "float", "str:10", "str:10:ucs2", "str:50",
	"int:64,shared", "str:10,shared", NULL,
};

static const char *join(const char *const *names, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; names[i] && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", names[i]);
	return buf;
}

/* ---- set ----------------------------------------------------------------- */

static bool set_version(struct app *a, const char *v, char *err, size_t errlen)
{
	int major, minor;
	bool ft;
	if (!parse_python_version(v, &major, &minor, &ft))
		return fail(err, errlen, "set version: '%s' is not a version like 3.12 or 3.14t", v);
	const struct profile *pr = profile_set_find(a->profiles, major, minor, ft);
	if (!pr) {
		char names[256];
		profile_set_names(a->profiles, names, sizeof names);
		return fail(err, errlen, "set version: no profile for CPython %d.%d%s (profiles: %s)",
		            major, minor, ft ? "t" : "", names);
	}
	char why[160];
	if (profile_abi_problem(pr, a->abi, why, sizeof why))
		return fail(err, errlen, "set version: %s; set abi lp64 first", why);
	a->profile_index = (size_t)(pr - a->profiles->items);
	a->dirty = true;
	app_check_reset(a);
	return true;
}

static bool run_set(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	struct app *a = c->app;
	char list[200], why[300];
	if (argc != 3)
		return fail(err, errlen, "set: usage: set SETTING VALUE (settings: %s)",
		            join(setting_names, list, sizeof list));
	const char *what = argv[1], *v = argv[2];
	uint64_t n;
	if (strcmp(what, "attrs") == 0) {
		if (!parse_count(v, 0, MODEL_MAX_ATTRS, &n, why, sizeof why))
			return fail(err, errlen, "set attrs: %s", why);
		if (!value_list_covers(&a->values, (unsigned)n)) {
			char cap[40];
			snprintf(cap, sizeof cap, "attrs would be %u", (unsigned)n);
			value_list_short_message(&a->values, cap, why, sizeof why);
			return fail(err, errlen, "set attrs: %s", why);
		}
		a->attrs = (unsigned)n;
	} else if (strcmp(what, "base-attrs") == 0) {
		if (strcmp(v, "half") == 0) {
			a->base_given = false;
		} else {
			if (!parse_count(v, 0, MODEL_MAX_ATTRS, &n, why, sizeof why))
				return fail(err, errlen, "set base-attrs: %s (or half)", why);
			a->base_given = true;
			a->base_attrs = (unsigned)n;
		}
	} else if (strcmp(what, "instances") == 0) {
		if (!parse_count(v, 1, MODEL_MAX_INSTANCES, &n, why, sizeof why))
			return fail(err, errlen, "set instances: %s", why);
		a->instances = n;
	} else if (strcmp(what, "version") == 0) {
		return set_version(a, v, err, errlen);
	} else if (strcmp(what, "abi") == 0) {
		enum abi abi = abi_from_name(v);
		if (abi == ABI_COUNT)
			return fail(err, errlen, "set abi: '%s' is not an ABI (%s)", v,
			            join(abi_names, list, sizeof list));
		char no[160];
		if (profile_abi_problem(app_profile(a), abi, no, sizeof no))
			return fail(err, errlen, "set abi: %s; set version first", no);
		a->abi = abi;
	} else if (strcmp(what, "values") == 0) {
		static struct value_list vl;
		if (!value_list_parse(v, &vl, why, sizeof why))
			return fail(err, errlen, "set values: %s", why);
		if (!value_list_covers(&vl, a->attrs)) {
			char cap[40];
			snprintf(cap, sizeof cap, "attrs is %u", a->attrs);
			value_list_short_message(&vl, cap, why, sizeof why);
			return fail(err, errlen, "set values: %s", why);
		}
		a->values = vl;
		for (int i = 0; i < APP_VALUES_CHOICES; i++)
			if (strcmp(app_values_choice(i), v) == 0)
				a->values_index = i;
	} else if (strcmp(what, "accounting") == 0) {
		enum accounting acc = accounting_from_name(v);
		if (acc == ACC_COUNT)
			return fail(err, errlen, "set accounting: '%s' is not %s", v,
			            join(accounting_names, list, sizeof list));
		a->acc = acc;
	} else if (strcmp(what, "kind") == 0) {
		enum kind k = kind_from_name(v);
		if (k == KIND_COUNT)
			return fail(err, errlen, "set kind: '%s' is not a kind (%s)", v, kind_name_list());
		a->selected = k;
		a->hidden[k] = false;
	} else if (strcmp(what, "chart") == 0) {
		if (strcmp(v, "instances") == 0)
			a->chart = CHART_INSTANCES;
		else if (strcmp(v, "attrs") == 0)
			a->chart = CHART_ATTRS;
		else
			return fail(err, errlen, "set chart: '%s' is not instances or attrs", v);
	} else if (strcmp(what, "compare") == 0) {
		/* what "vs regular" and the star compare: the bytes of one instance, or the total */
		if (strcmp(v, "instance") == 0)
			a->compare_instance = true;
		else if (strcmp(v, "total") == 0)
			a->compare_instance = false;
		else
			return fail(err, errlen, "set compare: '%s' is not instance or total", v);
	} else if (strcmp(what, "theme") == 0) {
		if (strcmp(v, "dark") == 0)
			a->light = false;
		else if (strcmp(v, "light") == 0)
			a->light = true;
		else
			return fail(err, errlen, "set theme: '%s' is not dark or light", v);
	} else {
		return fail(err, errlen, "set: '%s' is not a setting (%s)", what,
		            join(setting_names, list, sizeof list));
	}
	a->dirty = true;
	app_check_reset(a);
	return true;
}

/* ---- show / hide ---------------------------------------------------------- */

static bool kind_arg(const char *cmd, const char *name, enum kind *k, char *err, size_t errlen)
{
	*k = kind_from_name(name);
	if (*k == KIND_COUNT)
		return fail(err, errlen, "%s: '%s' is not a kind (%s)", cmd, name, kind_name_list());
	return true;
}

static void write_table(struct cmd_context *c, enum report_format f, bool breakdown);

static bool run_show(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	struct app *a = c->app;
	if (argc > 2)
		return fail(err, errlen, "show: usage: show [KIND]");
	bool group = argc == 2 && (strcmp(argv[1], "inheritance") == 0 || strcmp(argv[1], "all") == 0);
	if (argc == 1 || group) {
		/* show: every kind but the inheritance ones, whose state stays */
		for (int k = 0; k < KIND_COUNT; k++) {
			bool inh = kind_info((enum kind)k)->inheritance;
			if (argc == 1 ? !inh : argv[1][0] == 'a' || inh)
				a->hidden[k] = false;
		}
		a->dirty = true;
		if (!c->tui)
			write_table(c, FORMAT_TEXT, false);
		return true;
	}
	enum kind k;
	if (!kind_arg("show", argv[1], &k, err, errlen))
		return false;
	a->hidden[k] = false;
	a->dirty = true;
	return true;
}

static bool run_hide(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	struct app *a = c->app;
	if (argc != 2)
		return fail(err, errlen, "hide: usage: hide KIND");
	if (strcmp(argv[1], "inheritance") == 0) {
		bool others = false;
		for (int i = 0; i < KIND_FIRST_INHERITANCE; i++)
			others |= !a->hidden[i];
		if (!others)
			return fail(err, errlen, "hide: the inheritance kinds are the last shown");
		for (int i = KIND_FIRST_INHERITANCE; i < KIND_COUNT; i++)
			a->hidden[i] = true;
		if (a->hidden[a->selected])
			a->selected = app_visible_kind(a, 0);
		a->dirty = true;
		return true;
	}
	enum kind k;
	if (!kind_arg("hide", argv[1], &k, err, errlen))
		return false;
	if (!a->hidden[k] && app_visible_count(a) == 1)
		return fail(err, errlen, "hide: %s is the last kind shown", argv[1]);
	a->hidden[k] = true;
	if (a->selected == (int)k)
		a->selected = app_visible_kind(a, 0);
	a->dirty = true;
	return true;
}

/* ---- python / verify ------------------------------------------------------ */

static bool run_python(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	if (argc != 2)
		return fail(err, errlen, "python: usage: python PATH");
	if (!c->hooks.python)
		return fail(err, errlen, "python: interpreters cannot be switched here");
	return c->hooks.python(c, argv[1], err, errlen);
}

static bool run_verify(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	(void)argv;
	if (argc != 1)
		return fail(err, errlen, "verify: takes no arguments (it checks the current setting)");
	if (!c->hooks.verify)
		return fail(err, errlen, "verify: no interpreter here (python PATH first)");
	return c->hooks.verify(c, err, errlen);
}

static bool run_measure(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	char list[64];
	int i = 1;
	bool aa = i < argc && strcmp(argv[i], "aa") == 0;   /* the selected kind against itself */
	if (aa)
		i++;
	bool all_ops = i < argc && strcmp(argv[i], "all") == 0;   /* seven operations, not two */
	if (all_ops)
		i++;
	if (argc > i + 1)
		return fail(err, errlen, "measure: usage: measure [aa] [all] [text|csv|json|md] (it "
		            "times read and write of the current setting, all every operation; aa "
		            "times the selected kind against itself)");
	enum report_format f = FORMAT_TEXT;
	if (argc == i + 1) {
		f = report_format_from_name(argv[i]);
		if (f == FORMAT_COUNT)
			return fail(err, errlen, "measure: '%s' is not a format (%s)", argv[i],
			            join(format_names, list, sizeof list));
		if (c->tui)
			return fail(err, errlen, "measure: the explorer shows the timing pane; "
			            "export FILE.md afterwards writes the results");
	}
	if (c->tui) {
		if (!app_apply(c->app, aa ? ACT_TIMING_AA : ACT_TIMING))
			return fail(err, errlen, "%s", c->app->status);
		c->app->timing_all_ops = all_ops;
		return true;
	}
	if (!c->hooks.measure)
		return fail(err, errlen, "measure: no interpreter here (python PATH first)");
	return c->hooks.measure(c, (int)f, aa, all_ops, err, errlen);
}

/* ---- versions -------------------------------------------------------------- */

/* Every version side by side: the view in the explorer, printed elsewhere
 * (and in the explorer's pager when a format is named). */
static bool run_versions(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	char list[64];
	if (argc > 2)
		return fail(err, errlen, "versions: usage: versions [text|csv|json|md]");
	enum report_format f = FORMAT_TEXT;
	if (argc == 2 && (f = report_format_from_name(argv[1])) == FORMAT_COUNT)
		return fail(err, errlen, "versions: '%s' is not a format (%s)", argv[1],
		            join(format_names, list, sizeof list));
	struct app *a = c->app;
	if (c->tui && argc == 1) {
		if (!a->versions_view)
			app_apply(a, ACT_VERSIONS);
		return true;
	}
	app_update(a);
	static struct by_version bv;
	by_version_compute(a->profiles, &a->setting, a->acc, &bv);
	bool shown[KIND_COUNT];
	for (int k = 0; k < KIND_COUNT; k++)
		shown[k] = !a->hidden[k];
	if (by_version_write(c->out, &bv, shown, f) != 0)
		return fail(err, errlen, "versions: cannot write the table");
	c->printed = true;
	return true;
}

/* ---- export --------------------------------------------------------------- */

static void fill_report(struct cmd_context *c, struct report *r, bool breakdown)
{
	struct app *a = c->app;
	app_update(a);
	memset(r, 0, sizeof *r);
	r->setting = &a->setting;
	r->eval = &a->eval;
	r->accounting = a->acc;
	r->breakdown = breakdown;
	r->compare_instance = a->compare_instance;
	for (int k = 0; k < KIND_COUNT; k++)
		r->shown[k] = !a->hidden[k];
	r->profile_note = a->interp_label[0] ? a->interp_label : NULL;
}

static void write_table(struct cmd_context *c, enum report_format f, bool breakdown)
{
	struct report r;
	fill_report(c, &r, breakdown);
	report_write(c->out, &r, f);
	c->printed = true;
}

static enum report_format format_for(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot && strcmp(dot, ".csv") == 0)
		return FORMAT_CSV;
	if (dot && strcmp(dot, ".json") == 0)
		return FORMAT_JSON;
	if (dot && strcmp(dot, ".md") == 0)
		return FORMAT_MARKDOWN;
	return FORMAT_TEXT;
}

/* Beside the report's formats, export writes two for slides and pages. */
enum export_kind { EXPORT_REPORT, EXPORT_SVG, EXPORT_HTML };

/* What export writes: the tour's handout, or the report (in Markdown with
 * the timing summary when there are results), or either as one HTML page,
 * or the chart as SVG. 0, or -1 with why[] set when the reason is not the
 * stream's. */
/* The app's class, as the rows at the top of the table show it, in format f. */
static int write_object_report(const struct app *a, FILE *out, enum report_format f)
{
	struct interp ran;
	memset(&ran, 0, sizeof ran);
	snprintf(ran.path, sizeof ran.path, "%s", a->object->python);
	snprintf(ran.version, sizeof ran.version, "%s", a->object->version);
	struct object_report r = { .judgement = &a->object->j, .spec = a->object->spec,
	                           .interp = &ran, .accounting = a->acc };
	return object_report_write(out, &r, f);
}

static int write_export(struct cmd_context *c, FILE *out, bool tour, enum report_format f,
                        enum export_kind ek, char *why, size_t whylen)
{
	struct app *a = c->app;
	if (ek == EXPORT_SVG)
		return c->hooks.svg(c, out, why, whylen) ? 0 : -1;
	if (ek == EXPORT_HTML) {   /* the Markdown, made a page */
		char *md = NULL;
		size_t size = 0;
		FILE *mem = open_memstream(&md, &size);
		if (!mem) {
			snprintf(why, whylen, "out of memory");
			return -1;
		}
		int rc = write_export(c, mem, tour, FORMAT_MARKDOWN, EXPORT_REPORT, why, whylen);
		if (fclose(mem) != 0 && rc == 0)
			rc = -1;
		if (rc == 0)
			rc = markdown_to_html(out, md, tour ? "A guided tour of what Python objects cost"
			                                    : "What Python objects cost");
		free(md);
		return rc;
	}
	if (tour)
		return tour_write_handout(out, a->tour, c, why, whylen) ? 0 : -1;
	struct report r;
	fill_report(c, &r, true);
	int rc = report_write(out, &r, f);
	const struct timing_result *t = a->timing;
	if (rc == 0 && f == FORMAT_MARKDOWN && t && t->nseries && !a->timing_running)
		rc = timing_report_markdown(out, t, a->timing_attrs, 2, &a->timing_settings);
	if (rc == 0 && f == FORMAT_MARKDOWN && a->object) {
		fputc('\n', out);
		rc = write_object_report(a, out, FORMAT_MARKDOWN);
	}
	return rc;
}

/* Writes into a temporary file beside the target and renames it into
 * place, so a failure never leaves a truncated or half-written file. */
static bool run_export(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	char list[64];
	if (argc < 2 || argc > 5)
		return fail(err, errlen, "export: usage: export FILE [text|csv|json|md|html|svg] [tour]");
	const char *path = argv[1];
	enum report_format f = format_for(path);
	const char *dot = strrchr(path, '.');
	enum export_kind ek = dot && strcmp(dot, ".svg") == 0 ? EXPORT_SVG
	                      : dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0)
	                      ? EXPORT_HTML : EXPORT_REPORT;
	bool tour = false, format_given = false;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "tour") == 0 && !tour) {
			tour = true;
			continue;
		}
		/* the format as a word, or as on the command line (--format html) */
		const char *word = argv[i];
		if (strcmp(word, "--format") == 0) {
			if (i + 1 == argc)
				return fail(err, errlen, "export: --format needs a format (%s, html, svg)",
				            join(format_names, list, sizeof list));
			word = argv[++i];
		} else if (strncmp(word, "--format=", 9) == 0) {
			word += 9;
		}
		if (!format_given && (strcmp(word, "svg") == 0 || strcmp(word, "html") == 0)) {
			ek = word[0] == 's' ? EXPORT_SVG : EXPORT_HTML;
			format_given = true;
			continue;
		}
		f = report_format_from_name(word);
		if (f == FORMAT_COUNT || format_given)
			return fail(err, errlen, "export: '%s' is not a format (%s, html, svg) or 'tour'",
			            word, join(format_names, list, sizeof list));
		ek = EXPORT_REPORT;
		format_given = true;
	}
	if (ek == EXPORT_SVG && tour)
		return fail(err, errlen, "export: the tour's handout is md or html, not svg");
	if (ek == EXPORT_SVG && !c->hooks.svg)
		return fail(err, errlen, "export: SVG slides are not available here");
	if (tour) {
		if (format_given && f != FORMAT_MARKDOWN && ek != EXPORT_HTML)
			return fail(err, errlen, "export: the tour's handout is Markdown (md) or html, "
			            "not %s", report_format_name(f));
		if (!c->app->tour)
			return fail(err, errlen, "export: %s", c->app->tour_problem ? c->app->tour_problem
			            : "no tour file (data/tour.txt) was found");
		f = FORMAT_MARKDOWN;
	}
	char why[600] = "";
	if (strcmp(path, "-") == 0) {
		if (c->tui)
			return fail(err, errlen, "export: '-' (standard output) is not available in the "
			            "explorer; give a file name");
		c->printed = true;
		/* a write error on standard output is the caller's to report (exit 1,
		 * as for any output); a broken tour step is this command's */
		return write_export(c, c->out, tour, f, ek, why, sizeof why) == 0 || !why[0] ? true
		       : fail(err, errlen, "export: %s", why);
	}
	if (!*path)
		return fail(err, errlen, "export: an empty file name");
	if (c->no_files)
		return fail(err, errlen, "export: writing files is off here");
	struct atomic_file af;
	if (!atomic_open(&af, path, why, sizeof why))
		return fail(err, errlen, "export: %s", why);
	if (write_export(c, af.f, tour, f, ek, why, sizeof why) != 0) {
		atomic_abort(&af);
		if (why[0])
			return fail(err, errlen, "export: %s; nothing written to %s", why, path);
		return fail(err, errlen, "export: writing %s failed; the old file is untouched", path);
	}
	if (!atomic_commit(&af, why, sizeof why))
		return fail(err, errlen, "export: %s", why);
	const char *what = ek == EXPORT_SVG ? "an SVG slide" : ek == EXPORT_HTML
	                   ? (tour ? "the tour's handout, html" : "html") : tour ? "the tour's handout, md"
	                   : report_format_name(f);
	if (c->tui)
		app_set_status(c->app, false, "exported %s (%s)", path, what);
	else if (c->out && isatty(fileno(c->out)))
		fprintf(c->out, "exported %s (%s)\n", path, what);
	return true;
}

/* ---- compare -------------------------------------------------------------- */

/* +1,234 / -56 / +0 */
static void signed_grouped(int64_t d, char *buf, size_t n)
{
	char num[32];
	format_grouped((uint64_t)(d < 0 ? -d : d), num, sizeof num);
	snprintf(buf, n, "%c%s", d < 0 ? '-' : '+', num);
}

/* tradeoffs [KIND|all] [FORMAT]: what the kind (the selected one) can and
 * cannot do, tried in the interpreter or from the version's table. */
static bool run_tradeoffs(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	if (argc > 3)
		return fail(err, errlen, "tradeoffs: usage: tradeoffs [KIND|all] [text|csv|json|md]");
	struct tradeoffs_report r = { .utf8 = c->tui ? c->app->utf8 : locale_is_utf8() };
	enum report_format f = FORMAT_TEXT;
	bool kind_given = false;
	for (int i = 1; i < argc; i++) {
		enum kind k;
		enum report_format g = report_format_from_name(argv[i]);
		if (g != FORMAT_COUNT) {
			f = g;
		} else if (!kind_given && strcmp(argv[i], "all") == 0) {
			for (int j = 0; j < KIND_COUNT; j++)
				r.shown[j] = !c->app->hidden[j];
			kind_given = true;
		} else if (!kind_given && kind_arg("tradeoffs", argv[i], &k, err, errlen)) {
			r.shown[k] = kind_given = true;
		} else {
			return false;
		}
	}
	if (!kind_given)
		r.shown[c->app->selected] = true;
	if (!c->hooks.tradeoffs)
		return fail(err, errlen, "tradeoffs: no interpreter or data directory here");
	static struct tradeoff_table table;
	char why[700];
	if (!c->hooks.tradeoffs(c, &table, why, sizeof why))
		return fail(err, errlen, "tradeoffs: %s", why);
	r.table = &table;
	app_update(c->app);
	r.setting = &c->app->setting;
	c->printed = true;
	if (tradeoffs_report_write(c->out, &r, f) != 0)
		return fail(err, errlen, "tradeoffs: cannot write the table");
	return true;
}

/* worth [KIND]: is the kind (the selected one) worth it against regular? */
static bool run_worth(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	if (argc > 2)
		return fail(err, errlen, "worth: usage: worth [KIND]");
	enum kind k = (enum kind)c->app->selected;
	if (argc == 2 && !kind_arg("worth", argv[1], &k, err, errlen))
		return false;
	char text[4096];
	worth_compose(c->app, k, text, sizeof text);
	/* one wrapped paragraph per line of the text */
	for (char *line = text, *end; *line; line = end + 1) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line) - 1;
		else
			*end = '\0';
		if (line[0])
			write_wrapped(c->out, line, 0, 78);
		else
			fputc('\n', c->out);
		if (!end[1])
			break;
	}
	c->printed = true;
	return true;
}

static bool run_compare(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	if (argc != 3)
		return fail(err, errlen, "compare: usage: compare KIND KIND");
	enum kind k1, k2;
	if (!kind_arg("compare", argv[1], &k1, err, errlen) ||
	    !kind_arg("compare", argv[2], &k2, err, errlen))
		return false;
	struct app *a = c->app;
	app_update(a);
	const struct kind_result *r1 = &a->eval.kinds[k1], *r2 = &a->eval.kinds[k2];
	if (!r1->available || !r2->available)
		return fail(err, errlen, "compare: %s", !r1->available ? r1->unavailable : r2->unavailable);
	FILE *o = c->out;
	char count[32];
	format_grouped(a->instances, count, sizeof count);
	fprintf(o, "compare %s and %s: CPython %s %s, %u attributes, %s bytes per instance\n\n",
	        argv[1], argv[2], app_profile(a)->version, abi_name(a->abi), a->attrs,
	        accounting_name(a->acc));
	fprintf(o, "%-20s %14s %14s %12s\n", "part", argv[1], argv[2], "difference");
	for (int p = 0; p < PART_COUNT; p++) {
		uint64_t v1 = r1->part[a->acc][p], v2 = r2->part[a->acc][p];
		if (!v1 && !v2)
			continue;
		char s1[32], s2[32], d[40];
		format_grouped(v1, s1, sizeof s1);
		format_grouped(v2, s2, sizeof s2);
		signed_grouped((int64_t)v2 - (int64_t)v1, d, sizeof d);
		fprintf(o, "%-20s %14s %14s %12s\n", part_label((enum part)p), s1, s2, d);
	}
	char pct[16], s1[32], s2[32], d[40];
	format_change_percent(r1->fig[a->acc], r2->fig[a->acc], pct, sizeof pct);
	format_grouped(r1->fig[a->acc], s1, sizeof s1);
	format_grouped(r2->fig[a->acc], s2, sizeof s2);
	signed_grouped((int64_t)r2->fig[a->acc] - (int64_t)r1->fig[a->acc], d, sizeof d);
	fprintf(o, "%-20s %14s %14s %12s  (%s)\n", "per instance", s1, s2, d, pct);
	char t1[32], t2[32];
	format_bytes_human(r1->total[a->acc], t1, sizeof t1);
	format_bytes_human(r2->total[a->acc], t2, sizeof t2);
	format_change_percent(r1->total[a->acc], r2->total[a->acc], pct, sizeof pct);
	fprintf(o, "%-20s %14s %14s %12s  (%s instances, with class and list)\n", "total", t1, t2,
	        pct, count);
	c->printed = true;
	return true;
}

/* ---- seed / help / quit ---------------------------------------------------- */

static bool run_seed(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	(void)argv;
	if (argc != 1)
		return fail(err, errlen, "seed: takes no arguments");
	const struct profile *pr = profile_set_find(c->app->profiles, 3, 14, false);
	if (!pr)
		pr = app_profile(c->app);
	struct seed_report s;
	seed_compute(pr, c->app->abi, &s);
	seed_report_write(c->out, &s, c->app->abi, FORMAT_TEXT);
	c->printed = true;
	return true;
}

static bool run_help(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	if (argc > 2)
		return fail(err, errlen, "help: usage: help [COMMAND]");
	const struct command *only = NULL;
	if (argc == 2 && !(only = cmd_find(argv[1])))
		return fail(err, errlen, "help: '%s' is not a command (help lists them)", argv[1]);
	cmd_write_help(c->out, only);
	c->printed = true;
	return true;
}

/* object MODULE:EXPR [DIR...] | object off | object [text|csv|json|md] */
static bool run_object(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	struct app *a = c->app;
	enum report_format f = argc == 2 ? report_format_from_name(argv[1]) : FORMAT_COUNT;
	if (argc == 1 || f != FORMAT_COUNT) {
		if (!a->object)
			return fail(err, errlen, "object: no class yet: object MODULE:EXPR [DIR...] "
			            "imports MODULE (from DIR, default .) and runs EXPR");
		app_update(a);
		if (write_object_report(a, c->out, f == FORMAT_COUNT ? FORMAT_TEXT : f) != 0)
			return fail(err, errlen, "object: cannot write the report");
		c->printed = true;
		return true;
	}
	if (argc == 2 && strcmp(argv[1], "off") == 0) {
		if (!app_object_clear(a))
			return fail(err, errlen, "object: no class is shown");
		a->dirty = true;
		app_set_status(a, false, "your class is no longer shown");
		return true;
	}
	if (argc > 2 + 16)
		return fail(err, errlen, "object: at most 16 directories");
	if (!c->hooks.object)
		return fail(err, errlen, "object: no interpreter here");
	char why[1200];
	if (argc == 2 && strcmp(argv[1], "census") == 0) {
		/* the census's selected class, picked out of its workload */
		const struct app_census *cs = a->census;
		if (!cs || !cs->res.nclasses)
			return fail(err, errlen, "object census: no census yet (census MODULE:EXPR [DIR...])");
		const char *paths[CENSUS_VIEW_PATHS];
		for (int i = 0; i < cs->npaths; i++)
			paths[i] = cs->paths[i];
		const struct census_class *k = &cs->res.classes[cs->selected];
		char spec[sizeof cs->spec], name[512];
		snprintf(spec, sizeof spec, "%s", cs->spec);
		snprintf(name, sizeof name, "%s.%s", k->module, k->name);
		if (!c->hooks.object(c, spec, name, paths, cs->npaths, why, sizeof why))
			return fail(err, errlen, "object: %.900s", why);
		a->census_view = false;
	} else if (!c->hooks.object(c, argv[1], NULL, (const char *const *)argv + 2, argc - 2, why,
	                            sizeof why)) {
		return fail(err, errlen, "object: %.900s", why);
	}
	a->dirty = true;
	app_update(a);
	char line[400];
	object_report_summary(&a->object->j, a->acc == ACC_DEEP ? ACC_REQUESTED : a->acc, line,
	                      sizeof line);
	if (c->tui) {
		app_set_status(a, false, "%s (:object for the whole report, :object off to hide)", line);
	} else {
		if (write_object_report(a, c->out, FORMAT_TEXT) != 0)
			return fail(err, errlen, "object: cannot write the report");
		c->printed = true;
	}
	return true;
}

/* census MODULE:EXPR [DIR...] | census [off|text|csv|json] */
static bool run_census(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	struct app *a = c->app;
	enum report_format f = argc == 2 ? report_format_from_name(argv[1]) : FORMAT_COUNT;
	if (argc == 2 && strcmp(argv[1], "off") == 0) {
		if (!a->census)
			return fail(err, errlen, "census: there is none");
		app_census_clear(a);
		app_set_status(a, false, "the census is gone");
		return true;
	}
	if (argc == 1 || f != FORMAT_COUNT) {
		if (!a->census)
			return fail(err, errlen, "census: none yet: census MODULE:EXPR [DIR...] imports "
			            "MODULE (from DIR, default .), runs EXPR and counts what it keeps alive");
		if (f == FORMAT_MARKDOWN)
			return fail(err, errlen, "census: text, csv or json");
		if (c->tui && f == FORMAT_COUNT) {
			a->census_view = true;
			return true;
		}
	} else {
		if (argc > 2 + CENSUS_VIEW_PATHS)
			return fail(err, errlen, "census: at most 16 directories");
		if (!c->hooks.census)
			return fail(err, errlen, "census: no interpreter here");
		char why[1200];
		if (!c->hooks.census(c, argv[1], (const char *const *)argv + 2, argc - 2, why, sizeof why))
			return fail(err, errlen, "census: %.900s", why);
		if (c->tui) {
			app_set_status(a, false, "census of %.300s: Enter opens the selected class, Esc "
			               "closes (:census opens it again)", argv[1]);
			return true;
		}
		f = FORMAT_TEXT;
	}
	app_update(a);
	char buf[1200], why[300];
	const char *module, *expr;
	if (!census_split_target(a->census->spec, buf, sizeof buf, &module, &expr, why, sizeof why))
		return fail(err, errlen, "census: %s", why);
	struct interp ran;
	memset(&ran, 0, sizeof ran);
	snprintf(ran.version, sizeof ran.version, "%s", a->census->version);
	struct census_report r = {
		.result = &a->census->res, .module = module, .expr = expr, .profile = app_profile(a),
		.abi = a->abi, .accounting = a->acc == ACC_DEEP ? ACC_REQUESTED : a->acc, .python = &ran,
	};
	if (census_report_write(c->out, &r, f == FORMAT_COUNT ? FORMAT_TEXT : f) != 0)
		return fail(err, errlen, "census: cannot write the report");
	c->printed = true;
	return true;
}

static bool run_quit(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen)
{
	(void)argv;
	if (argc != 1)
		return fail(err, errlen, "quit: takes no arguments");
	c->quit = true;
	return true;
}

const struct command command_table[] = {
	{ "set", "set SETTING VALUE",
	  "change the setting: attrs N, instances M (1e6, 1k, 2M), version X.Y, abi ABI, "
	  "values SPEC, accounting A, kind KIND (select), chart instances|attrs, compare "
	  "instance|total (what 'vs regular' compares), theme dark|light, base-attrs K|half "
	  "(the inheritance kinds: K attributes in the base, default half)",
	  { ARG_SETTING, ARG_TEXT, ARG_NONE }, run_set },
	{ "show", "show [KIND|inheritance|all]", "show a hidden kind; without KIND show every "
	  "kind but the inheritance ones; inheritance shows those six (I in the explorer), all "
	  "every kind (and, outside the explorer, print the table)",
	  { ARG_KIND, ARG_NONE, ARG_NONE }, run_show },
	{ "hide", "hide KIND|inheritance", "hide a kind (or the six inheritance kinds) from the "
	  "table and from exports",
	  { ARG_KIND, ARG_NONE, ARG_NONE }, run_hide },
	{ "python", "python PATH", "use this interpreter: its version and ABI, and verify against it",
	  { ARG_FILE, ARG_NONE, ARG_NONE }, run_python },
	{ "verify", "verify", "measure the current setting in the interpreter and compare with "
	  "the model", { ARG_NONE, ARG_NONE, ARG_NONE }, run_verify },
	{ "measure", "measure [aa] [all] [text|csv|json|md]", "time attribute reads and writes: "
	  "the selected kind against regular (the t pane in the explorer), or with aa against "
	  "itself, an A/A test that shows the noise floor (F in the explorer); all times every "
	  "operation (a in the pane); a later export FILE.md or export FILE tour includes the "
	  "results", { ARG_FORMAT, ARG_FORMAT, ARG_FORMAT }, run_measure },
	{ "export", "export FILE [text|csv|json|md|html|svg] [tour]", "write the shown kinds and "
	  "their breakdowns; md is a Markdown handout, with the timing summary when there is one, "
	  "html the same as one self-contained page, svg the chart and breakdown bar as a slide; "
	  "tour writes the whole guided tour as a handout, md or html (format from the extension "
	  "unless given; - is standard output outside the explorer)",
	  { ARG_FILE, ARG_EXPORT, ARG_EXPORT }, run_export },
	{ "versions", "versions [text|csv|json|md]", "every CPython side by side at the current "
	  "setting: kinds by versions, each against the one before (the e view in the explorer; "
	  "with a format, the table)", { ARG_FORMAT, ARG_NONE, ARG_NONE }, run_versions },
	{ "compare", "compare KIND KIND", "the two kinds' parts side by side, with the "
	  "difference of each", { ARG_KIND, ARG_KIND, ARG_NONE }, run_compare },
	{ "tradeoffs", "tradeoffs [KIND|all] [text|csv|json|md]", "what KIND (the selected kind, "
	  "or all shown) can and cannot do: new attributes, vars, __dict__, weakref, pickle, copy, "
	  "class defaults, two bases, subclasses, super(), __set_name__, __init_subclass__; tried "
	  "in the interpreter when it is the version shown, else the version's committed table "
	  "(o in the explorer)", { ARG_KIND, ARG_FORMAT, ARG_NONE }, run_tradeoffs },
	{ "worth", "worth [KIND]", "is KIND (the selected kind) worth it against regular here: "
	  "the saving per instance and in total, in cache lines and pages, at 100, 10,000 and "
	  "a million instances, the class's fixed cost and the key-sharing limit ($ in the "
	  "explorer)", { ARG_KIND, ARG_NONE, ARG_NONE }, run_worth },
	{ "object", "object MODULE:EXPR [DIR...] | object [off|text|csv|json|md]", "your own class: "
	  "import MODULE (found in DIR, default .) in a fresh interpreter and evaluate EXPR there "
	  "(this runs your code, in that child only); its layout and the same values laid out as "
	  "slots, dataclass-slots, namedtuple and tuple, measured and modelled, become rows at the "
	  "top of the table that follow the version, instance count and accounting. Without "
	  "MODULE:EXPR, the whole report; off hides it",
	  { ARG_TEXT, ARG_FILE, ARG_FILE }, run_object },
	{ "census", "census MODULE:EXPR [DIR...] | census [off|text|csv|json]", "a workload's "
	  "census: import MODULE (found in DIR, default .) in a fresh interpreter, evaluate EXPR "
	  "(this runs your code, in that child only), keep its result alive and count the live "
	  "instances of every class outside the standard library, with the model's saving with "
	  "__slots__ times the count and whether it can be done. In the explorer a view: Enter "
	  "opens the selected class as object does; Esc closes it, census opens it again",
	  { ARG_TEXT, ARG_FILE, ARG_FILE }, run_census },
	{ "seed", "seed", "the seed paper's table, recomputed, with how each number is counted",
	  { ARG_NONE, ARG_NONE, ARG_NONE }, run_seed },
	{ "help", "help [COMMAND]", "list the commands, or explain one",
	  { ARG_COMMAND, ARG_NONE, ARG_NONE }, run_help },
	{ "quit", "quit", "leave slotexplore", { ARG_NONE, ARG_NONE, ARG_NONE }, run_quit },
};
const int command_count = (int)(sizeof command_table / sizeof command_table[0]);

const struct command *cmd_find(const char *name)
{
	for (int i = 0; i < command_count; i++)
		if (strcmp(command_table[i].name, name) == 0)
			return &command_table[i];
	return NULL;
}

int cmd_split(const char *line, char *buf, size_t bufsize, char **words, int max, char *err,
              size_t errlen)
{
	size_t o = 0;
	int n = 0;
	const char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '\n' || *p == '\r')
			break;
		if (n == max) {
			fail(err, errlen, "too many words (at most %d)", max);
			return -1;
		}
		words[n++] = buf + o;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
			if (o + 2 >= bufsize) {
				fail(err, errlen, "the line is too long");
				return -1;
			}
			if (*p == '\'' || *p == '"') {
				char q = *p++;
				while (*p && *p != q) {
					if (q == '"' && *p == '\\' && p[1])
						p++;
					if (o + 2 >= bufsize) {
						fail(err, errlen, "the line is too long");
						return -1;
					}
					buf[o++] = *p++;
				}
				if (*p != q) {
					fail(err, errlen, "a %s quote is not closed", q == '"' ? "double" : "single");
					return -1;
				}
				p++;
			} else {
				buf[o++] = *p++;
			}
		}
		buf[o++] = '\0';
	}
	return n;
}

/* Cuts the line at top-level ';' (not inside quotes). */
static const char *next_command(const char *p, char *one, size_t n)
{
	size_t o = 0;
	char q = 0;
	for (; *p; p++) {
		if (q) {
			if (*p == q)
				q = 0;
			else if (q == '"' && *p == '\\' && p[1]) {
				if (o + 2 < n)
					one[o++] = *p;
				p++;
			}
		} else if (*p == '\'' || *p == '"') {
			q = *p;
		} else if (*p == ';') {
			p++;
			break;
		}
		if (o + 1 < n)
			one[o++] = *p;
	}
	one[o] = '\0';
	return p;
}

bool cmd_run_line(struct cmd_context *c, const char *line, char *err, size_t errlen)
{
	if (strlen(line) >= CMD_MAX_LINE)
		return fail(err, errlen, "the line is too long (at most %d characters)", CMD_MAX_LINE - 1);
	const char *p = line;
	while (*p) {
		char one[CMD_MAX_LINE], buf[CMD_MAX_LINE + CMD_MAX_WORDS];
		char *words[CMD_MAX_WORDS + 1];
		p = next_command(p, one, sizeof one);
		const char *s = one;
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#' || *s == '\n' || *s == '\r')
			continue;
		char why[200];
		int n = cmd_split(s, buf, sizeof buf, words, CMD_MAX_WORDS, why, sizeof why);
		if (n < 0)
			return fail(err, errlen, "%s", why);
		if (n == 0)
			continue;
		words[n] = NULL;
		const struct command *cmd = cmd_find(words[0]);
		if (!cmd)
			return fail(err, errlen, "'%.40s' is not a command (help lists them)", words[0]);
		if (!cmd->run(c, n, words, err, errlen))
			return false;
		if (c->quit)
			break;
	}
	return true;
}

/* ---- completion ----------------------------------------------------------- */

static int match_list(const char *const *names, const char *word, const char **out, int max,
                      int n)
{
	size_t len = strlen(word);
	for (int i = 0; names[i] && n < max; i++)
		if (strncmp(names[i], word, len) == 0)
			out[n++] = names[i];
	return n;
}

/* A value list's last entry ("int:30,st" -> "int:30,str:10", ...), a
 * bare shared or the ... that ends a list among them. */
static int match_values(const char *word, const char **out, int max)
{
	static const char *const entries[] = {
		"none", "smallint", "int:64", "int:200", "float", "str:10", "str:10:ucs2", "str:50",
		"shared", "...", NULL,
	};
	static char made[16][CMD_MAX_LINE + 16];
	const char *comma = strrchr(word, ',');
	if (!comma)
		return match_list(values_names, word, out, max, 0);
	const char *tail[16];
	int m = match_list(entries, comma + 1, tail, 16, 0), n = 0;
	for (int i = 0; i < m && n < max; i++, n++) {
		snprintf(made[n], sizeof made[n], "%.*s%s", (int)(comma + 1 - word), word, tail[i]);
		out[n] = made[n];
	}
	return n;
}

static const struct profile_set *completion_profiles;

void cmd_complete_versions_from(const struct profile_set *set)
{
	completion_profiles = set;
}

int cmd_complete(const char *before, const char *word, const char **out, int max)
{
	char buf[CMD_MAX_LINE + CMD_MAX_WORDS], err[80];
	char *words[CMD_MAX_WORDS];
	/* only the last command of a ';' line matters */
	const char *semi = strrchr(before, ';');
	int n = cmd_split(semi ? semi + 1 : before, buf, sizeof buf, words, CMD_MAX_WORDS, err,
	                  sizeof err);
	if (n < 0)
		return 0;
	enum cmd_arg want = ARG_COMMAND;
	if (n > 0) {
		const struct command *cmd = cmd_find(words[0]);
		if (!cmd || n > 3)
			return 0;
		want = cmd->args[n - 1];
		if (cmd->run == run_set && n == 2) {
			/* the value depends on the setting */
			const char *s = words[1];
			want = strcmp(s, "kind") == 0 ? ARG_KIND : strcmp(s, "version") == 0 ? ARG_VERSION
			     : strcmp(s, "abi") == 0 ? ARG_ABI : strcmp(s, "values") == 0 ? ARG_VALUES
			     : strcmp(s, "accounting") == 0 ? ARG_ACCOUNTING
			     : strcmp(s, "chart") == 0 ? ARG_CHART : strcmp(s, "compare") == 0 ? ARG_COMPARE
			     : strcmp(s, "theme") == 0 ? ARG_THEME : ARG_NONE;
		}
	}
	int k = 0;
	switch (want) {
	case ARG_COMMAND:
		for (int i = 0; i < command_count && k < max; i++)
			if (strncmp(command_table[i].name, word, strlen(word)) == 0)
				out[k++] = command_table[i].name;
		return k;
	case ARG_SETTING: return match_list(setting_names, word, out, max, 0);
	case ARG_KIND:
		for (int i = 0; i < KIND_COUNT && k < max; i++)
			if (strncmp(kind_info((enum kind)i)->name, word, strlen(word)) == 0)
				out[k++] = kind_info((enum kind)i)->name;
		return k;
	case ARG_VERSION:   /* the loaded profiles, oldest first */
		for (size_t i = 0; completion_profiles && i < completion_profiles->count && k < max; i++)
			if (strncmp(completion_profiles->items[i].version, word, strlen(word)) == 0)
				out[k++] = completion_profiles->items[i].version;
		return k;
	case ARG_ABI: return match_list(abi_names, word, out, max, 0);
	case ARG_VALUES: return match_values(word, out, max);
	case ARG_ACCOUNTING: return match_list(accounting_names, word, out, max, 0);
	case ARG_CHART: return match_list(chart_names, word, out, max, 0);
	case ARG_COMPARE: {
		static const char *const bases[] = { "instance", "total", NULL };
		return match_list(bases, word, out, max, 0);
	}
	case ARG_THEME: {
		static const char *const themes[] = { "dark", "light", NULL };
		return match_list(themes, word, out, max, 0);
	}
	case ARG_FORMAT: return match_list(format_names, word, out, max, 0);
	case ARG_EXPORT: {   /* export's words after the file */
		static const char *const export_words[] = { "text", "csv", "json", "md", "html", "svg",
		                                            "tour", NULL };
		return match_list(export_words, word, out, max, 0);
	}
	case ARG_FILE: return -1;
	case ARG_NONE: case ARG_NUMBER: case ARG_TEXT: return 0;
	}
	return 0;
}

/* ---- help and man ---------------------------------------------------------- */

void cmd_write_help(FILE *out, const struct command *only)
{
	if (only) {
		fprintf(out, "%s\n  %s\n", only->usage, only->help);
		return;
	}
	fprintf(out, "Commands (several on one line with ';'; counts accept 1e6, 1k, 2M):\n");
	for (int i = 0; i < command_count; i++) {
		char head[64];
		snprintf(head, sizeof head, "  %s", command_table[i].usage);
		write_hanging(out, head, 33, command_table[i].help, 78);
	}
}

static void man_escape(FILE *out, const char *s)
{
	int col = 0;
	for (; *s; s++, col++) {
		if (*s == ' ' && col > 64) {
			fputc('\n', out);   /* keep man source lines short */
			col = -1;
			continue;
		}
		if (*s == '-')
			fputs("\\-", out);
		else if (*s == '\\')
			fputs("\\e", out);
		else
			fputc(*s, out);
	}
}

void cmd_write_man(FILE *out)
{
	for (int i = 0; i < command_count; i++) {
		fputs(".TP\n.B ", out);
		man_escape(out, command_table[i].usage);
		fputc('\n', out);
		char first = command_table[i].help[0];
		fputc(first >= 'a' && first <= 'z' ? first - 'a' + 'A' : first, out);
		man_escape(out, command_table[i].help + 1);
		fputs(".\n", out);
	}
}
