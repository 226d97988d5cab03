/* The command language: splitting, running, errors, completion. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/commands.h"
#include "render/palette.h"
#include "core/datadir.h"
#include "session/notes.h"
#include "tap.h"

static struct profile_set set;
static struct app app;
static struct cmd_context ctx;

static void fresh(void)
{
	app_init(&app, &set, profile_set_find(&set, 3, 13, false), ABI_LP64);
	cmd_complete_versions_from(&set);
	memset(&ctx, 0, sizeof ctx);
	ctx.app = &app;
	ctx.out = fopen("/dev/null", "w");
}

static bool run(const char *line, char *err, size_t n)
{
	err[0] = '\0';
	return cmd_run_line(&ctx, line, err, n);
}

int main(void)
{
	char dir[4096], err[400];
	datadir_locate(dir, sizeof dir);
	if (!profile_set_load(dir, &set, err, sizeof err)) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	char buf[256], *w[8];
	int n = cmd_split("  set  attrs\t8 ", buf, sizeof buf, w, 8, err, sizeof err);
	is_u64((uint64_t)n, 3, "split: three words, blanks collapsed");
	is_str(w[2], "8", "split: last word");
	n = cmd_split("export 'my file.csv' \"a\\\"b\"", buf, sizeof buf, w, 8, err, sizeof err);
	is_u64((uint64_t)n, 3, "split: quotes group words");
	is_str(w[1], "my file.csv", "split: single quotes keep the space");
	is_str(w[2], "a\"b", "split: backslash escapes in double quotes");
	n = cmd_split("export 'oops", buf, sizeof buf, w, 8, err, sizeof err);
	ok(n == -1 && strstr(err, "single quote is not closed"), "split: unclosed quote: %s", err);
	n = cmd_split("a b c d e f g h i", buf, sizeof buf, w, 8, err, sizeof err);
	ok(n == -1 && strstr(err, "too many words"), "split: too many words");
	n = cmd_split("", buf, sizeof buf, w, 8, err, sizeof err);
	is_u64((uint64_t)n, 0, "split: empty line, no words");

	fresh();
	ok(run("set attrs 8; set instances 1e6; set version 3.11; set abi ilp32", err, sizeof err),
	   "several commands on one line");
	is_u64(app.attrs, 8, "set attrs 8");
	is_u64(app.instances, 1000000, "set instances 1e6");
	is_str(app_profile(&app)->version, "3.11", "set version 3.11");
	is_u64(app.abi, ABI_ILP32, "set abi ilp32");
	ok(run("set instances 2M; set values str:10; set accounting deep; set chart attrs", err,
	       sizeof err), "more settings");
	is_u64(app.instances, 2000000, "set instances 2M");
	is_u64(app.values.item[0].type, VALUE_STR, "set values str:10");
	is_u64(app.acc, ACC_DEEP, "set accounting deep");
	is_u64(app.chart, CHART_ATTRS, "set chart attrs");
	ok(run("set kind slots", err, sizeof err) && app.selected == KIND_SLOTS, "set kind selects");
	ok(run("  # a comment", err, sizeof err), "a comment does nothing");
	ok(run("", err, sizeof err), "a blank line does nothing");

	struct { const char *line, *want; } bad[] = {
		{ "set attrs", "set: usage: set SETTING VALUE" },
		{ "set attrz 8", "set: 'attrz' is not a setting" },
		{ "set attrs -1", "set attrs:" },
		{ "set attrs 100001", "set attrs:" },
		{ "set instances 0", "set instances:" },
		{ "set version 2.7", "set version: no profile for CPython 2.7" },
		{ "set version banana", "set version: 'banana' is not a version" },
		{ "set abi sparc", "set abi: 'sparc' is not an ABI" },
		{ "set values int:0", "set values:" },
		{ "set accounting rss", "set accounting: 'rss' is not" },
		{ "set kind klass", "set kind: 'klass' is not a kind" },
		{ "set chart pie", "set chart: 'pie' is not instances or attrs" },
		{ "hide", "hide: usage: hide KIND" },
		{ "show a b", "show: usage" },
		{ "compare slots", "compare: usage: compare KIND KIND" },
		{ "compare slots nope", "compare: 'nope' is not a kind" },
		{ "export", "export: usage: export FILE" },
		{ "export x.txt yaml", "export: 'yaml' is not a format" },
		{ "help nothing", "help: 'nothing' is not a command" },
		{ "seed now", "seed: takes no arguments" },
		{ "quit now", "quit: takes no arguments" },
		{ "verify", "verify: no interpreter here" },
		{ "measure", "measure: no interpreter here" },
		{ "measure now", "measure: 'now' is not a format (text, csv, json, md)" },
		{ "measure json csv", "measure: usage: measure [aa] [all] [text|csv|json|md]" },
		{ "measure all all", "measure: 'all' is not a format (text, csv, json, md)" },
		{ "measure aa all json csv", "measure: usage: measure [aa] [all]" },
		{ "python /usr/bin/python3", "python: interpreters cannot be switched here" },
		{ "frobnicate", "'frobnicate' is not a command" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		fresh();
		unsigned before = app.attrs;
		bool r = run(bad[i].line, err, sizeof err);
		ok(!r && strstr(err, bad[i].want) && app.attrs == before, "'%s' fails: %s", bad[i].line,
		   err);
	}
	fresh();
	ok(!run("set attrs 9; bogus; set attrs 10", err, sizeof err) && app.attrs == 9,
	   "a line stops at its first bad command (attrs %u)", app.attrs);
	fresh();
	ok(run("set attrs 'x;y' ", err, sizeof err) == false && strstr(err, "set attrs:"),
	   "a ';' inside quotes does not split");
	fresh();
	for (int k = 0; k < KIND_COUNT - 1; k++) {
		char line[64];
		snprintf(line, sizeof line, "hide %s", kind_info((enum kind)k)->name);
		run(line, err, sizeof err);
	}
	ok(!run("hide dict", err, sizeof err) && strstr(err, "last kind shown"),
	   "the last kind cannot be hidden");
	ok(run("show", err, sizeof err) && app_visible_count(&app) == KIND_FIRST_INHERITANCE,
	   "show brings every kind back but the inheritance ones");
	ok(run("show inheritance", err, sizeof err) && app_visible_count(&app) == KIND_COUNT,
	   "show inheritance adds the six");
	ok(run("hide inheritance", err, sizeof err) &&
	   app_visible_count(&app) == KIND_FIRST_INHERITANCE && app.hidden[KIND_SLOTS_DICT],
	   "hide inheritance hides them again");
	ok(run("show all", err, sizeof err) && app_visible_count(&app) == KIND_COUNT,
	   "show all shows every kind");
	ok(run("set base-attrs 3", err, sizeof err) && app.base_given && app.base_attrs == 3,
	   "set base-attrs 3");
	ok(run("set base-attrs half", err, sizeof err) && !app.base_given, "set base-attrs half");
	ok(!run("set base-attrs x", err, sizeof err) && strstr(err, "set base-attrs:"),
	   "set base-attrs x: says which setting");
	fresh();
	ok(run("quit; set attrs 50", err, sizeof err) && ctx.quit && app.attrs == 5,
	   "quit stops the line");

	fresh();
	ok(!run("set version 3.14t; set abi i386", err, sizeof err) && strstr(err, "lp64 only") &&
	   app.abi == ABI_LP64, "set abi refuses an ABI the profile does not model: %s", err);
	fresh();
	ok(!run("set abi ilp32; set version 3.14t", err, sizeof err) && strstr(err, "set abi lp64 first"),
	   "set version refuses a profile that does not model the ABI: %s", err);
	app_update(&app);

	/* both themes read: every style's text against its background holds
	 * WCAG's 4.5:1 (the dark theme's default background taken as black,
	 * the light one's as the white it paints) */
	for (int light = 0; light < 2; light++) {
		double worst = 99;
		int worst_style = -1;
		for (int st = 0; st < ST_COUNT; st++) {
			struct style_colour c = palette_colour(light, (enum style)st);
			short fg = c.fg256 == PALETTE_DEFAULT ? (light ? 16 : 252) : c.fg256;
			short bg = c.bg256 == PALETTE_DEFAULT ? (light ? 231 : 16) : c.bg256;
			double r = palette_contrast(fg, bg);
			if (r < worst)
				worst = r, worst_style = st;
		}
		ok(worst >= 4.5, "%s theme: the lowest contrast is %.1f:1 (style %d)",
		   light ? "light" : "dark", worst, worst_style);
	}
	ok(palette_contrast(16, 231) > 20 && palette_contrast(231, 231) < 1.01,
	   "contrast: black on white is 21:1, white on white 1:1");

	const char *m[64];
	n = cmd_complete("", "m", m, 64);
	ok(n == 1 && strcmp(m[0], "measure") == 0, "complete 'm': measure");
	n = cmd_complete("", "s", m, 64);
	ok(n == 3, "complete 's': set, show, seed (%d)", n);
	n = cmd_complete("set ", "a", m, 64);
	ok(n == 3 && strcmp(m[0], "attrs") == 0, "complete 'set a': attrs, abi, accounting");
	n = cmd_complete("set version ", "3.1", m, 64);
	ok(n == 7 && strcmp(m[0], "3.10") == 0 && strcmp(m[5], "3.14t") == 0 &&
	   strcmp(m[6], "3.15") == 0,
	   "complete 'set version 3.1': 3.10 .. 3.15 in version order, 3.14t after 3.14 (%d)", n);
	n = cmd_complete("set version ", "", m, 64);
	ok(n == 9 && strcmp(m[0], "3.8") == 0 && strcmp(m[1], "3.9") == 0,
	   "complete 'set version': 3.8 and 3.9 first, not sorted as text (%d)", n);
	n = cmd_complete("set kind ", "dataclass-s", m, 64);
	ok(n == 3, "complete kinds: dataclass-slots, -weakref, -subclass (%d)", n);
	n = cmd_complete("compare slots ", "tu", m, 64);
	ok(n == 1 && strcmp(m[0], "tuple") == 0, "complete the second kind of compare");
	n = cmd_complete("export ", "ou", m, 64);
	ok(n == -1, "export's file name is left to file completion");
	n = cmd_complete("export out.csv ", "j", m, 64);
	ok(n == 1 && strcmp(m[0], "json") == 0, "complete export's format");
	n = cmd_complete("set attrs 8; ", "he", m, 64);
	ok(n == 1 && strcmp(m[0], "help") == 0, "completion after ; starts a new command (%d)", n);
	n = cmd_complete("set accounting ", "", m, 64);
	ok(n == 4, "complete accounting modes");
	/* a value per attribute: set values takes a list; attrs cannot outgrow it */
	fresh();
	ok(run("set values int:30,str:12,str:40:ucs2,float,none", err, sizeof err) &&
	   app.values.n == 5 && app.values.item[2].str_kind == STR_UCS2,
	   "set values: a list of five for five attributes");
	ok(!run("set attrs 6", err, sizeof err) && strstr(err, "set attrs: --values lists 5 values "
	   "but attrs would be 6") && app.attrs == 5, "set attrs past the list is refused: %s", err);
	ok(!app_apply(&app, ACT_ATTRS_UP) && app.attrs == 5 && app.status_error &&
	   strstr(app.status, "values list has 5 values"), "+ past the list is refused: %s", app.status);
	ok(app_apply(&app, ACT_ATTRS_DOWN) && app.attrs == 4, "- is not");
	ok(!run("set values int:30,str:12", err, sizeof err) &&
	   strstr(err, "set values: --values lists 2 values but attrs is 4"),
	   "set values: a list shorter than attrs: %s", err);
	ok(!run("set values int:30,,none", err, sizeof err) && strstr(err, "set values: entry 2"),
	   "set values: an empty entry: %s", err);
	ok(run("set values int:30,float,...", err, sizeof err) && app_apply(&app, ACT_ATTRS_UP10) &&
	   app.attrs == 14, "with ... + goes on (%u attrs)", app.attrs);
	app_update(&app);
	ok(app.eval.kinds[KIND_SLOTS].fig[ACC_REQUESTED] > 0, "and the model follows");
	app.selected = KIND_SLOTS;
	static char notes[4096];
	app_compose_notes(&app, notes, sizeof notes);
	ok(strstr(notes, "Each attribute holds its own kind of value: the instance owns 344 bytes") &&
	   strstr(notes, "the dearest a0's int:30 at 32"), "the notes say what the values cost (int:30 and 13 floats): %.200s",
	   notes);
	ok(app_apply(&app, ACT_VALUES_NEXT) && app.values.n == 1, "w goes back to the presets");
	n = cmd_complete("set values ", "int:30,st", m, 64);
	ok(n == 3 && strcmp(m[0], "int:30,str:10") == 0 && strcmp(m[2], "int:30,str:50") == 0,
	   "complete a value list's last entry (%d)", n);
	n = cmd_complete("set values ", "int:30,float,.", m, 64);
	ok(n == 1 && strcmp(m[0], "int:30,float,...") == 0, "  and the ... that ends it");
	profile_set_free(&set);
	return done_testing();
}
