#include "config.h"

#include "cli/options.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "core/census.h"
#include "core/numparse.h"

enum {
	OPT_ATTRS = 256, OPT_INSTANCES, OPT_PYVERSION, OPT_ABI, OPT_KIND, OPT_VALUES,
	OPT_ACCOUNTING, OPT_FORMAT, OPT_BREAKDOWN, OPT_SEED, OPT_LIST_PROFILES, OPT_LIST_PYTHONS,
	OPT_PYTHON, OPT_NO_PYTHON, OPT_VERIFY, OPT_TIMEOUT, OPT_PROBES, OPT_BASE_ATTRS, OPT_TRADEOFFS,
	OPT_TUI, OPT_NO_COLOR, OPT_NO_MOUSE,
	OPT_SCRIPT, OPT_REPL, OPT_CONFIG, OPT_NO_CONFIG, OPT_MEASURE, OPT_MEASURE_TIME,
	OPT_SEED_HARNESS, OPT_OP, OPT_LOAD, OPT_TOUR, OPT_PRESENT, OPT_BY_VERSION, OPT_THEME,
	OPT_COMPARE, OPT_MIN_EFFECT, OPT_PYPERF, OPT_SCAN, OPT_FAIL_ON_CANDIDATES,
	OPT_OBJECT, OPT_PATH, OPT_CLASS, OPT_CENSUS, OPT_CENSUS_CAP, OPT_TOP
};

static const struct option long_options[] = {
	{ "batch", no_argument, NULL, 'b' },
	{ "tui", no_argument, NULL, OPT_TUI },
	{ "command", required_argument, NULL, 'c' },
	{ "script", required_argument, NULL, OPT_SCRIPT },
	{ "repl", no_argument, NULL, OPT_REPL },
	{ "measure", no_argument, NULL, OPT_MEASURE },
	{ "measure-time", required_argument, NULL, OPT_MEASURE_TIME },
	{ "seed-harness", no_argument, NULL, OPT_SEED_HARNESS },
	{ "op", required_argument, NULL, OPT_OP },
	{ "load", required_argument, NULL, OPT_LOAD },
	{ "min-effect", required_argument, NULL, OPT_MIN_EFFECT },
	{ "pyperf", required_argument, NULL, OPT_PYPERF },
	{ "tour", no_argument, NULL, OPT_TOUR },
	{ "present", no_argument, NULL, OPT_PRESENT },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "compare", required_argument, NULL, OPT_COMPARE },
	{ "attrs", required_argument, NULL, OPT_ATTRS },
	{ "instances", required_argument, NULL, OPT_INSTANCES },
	{ "python-version", required_argument, NULL, OPT_PYVERSION },
	{ "abi", required_argument, NULL, OPT_ABI },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "values", required_argument, NULL, OPT_VALUES },
	{ "accounting", required_argument, NULL, OPT_ACCOUNTING },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "breakdown", no_argument, NULL, OPT_BREAKDOWN },
	{ "by-version", no_argument, NULL, OPT_BY_VERSION },
	{ "seed-report", no_argument, NULL, OPT_SEED },
	{ "tradeoffs", no_argument, NULL, OPT_TRADEOFFS },
	{ "scan", required_argument, NULL, OPT_SCAN },
	{ "fail-on-candidates", no_argument, NULL, OPT_FAIL_ON_CANDIDATES },
	{ "object", required_argument, NULL, OPT_OBJECT },
	{ "path", required_argument, NULL, OPT_PATH },
	{ "class", required_argument, NULL, OPT_CLASS },
	{ "census", required_argument, NULL, OPT_CENSUS },
	{ "census-cap", required_argument, NULL, OPT_CENSUS_CAP },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "list-profiles", no_argument, NULL, OPT_LIST_PROFILES },
	{ "list-pythons", no_argument, NULL, OPT_LIST_PYTHONS },
	{ "python", required_argument, NULL, OPT_PYTHON },
	{ "no-python", no_argument, NULL, OPT_NO_PYTHON },
	{ "verify", no_argument, NULL, OPT_VERIFY },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "probes", required_argument, NULL, OPT_PROBES },
	{ "base-attrs", required_argument, NULL, OPT_BASE_ATTRS },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

void options_print_help(FILE *out)
{
	fprintf(out,
"Usage: slotexplore [OPTION]...\n"
"Explore what Python objects really cost: regular classes, __slots__, dataclasses,\n"
"namedtuples, tuples and dicts, byte-exact for CPython 3.8 to 3.15, 64- and 32-bit,\n"
"and for the free-threaded 3.14t.\n"
"\n"
"With no mode, slotexplore starts the explorer when stdin and stdout are a\n"
"terminal, and prints the batch table otherwise.\n"
"\n"
"Modes:\n"
"      --tui                the full-screen explorer (keys: press ? inside)\n"
"      --tour               the explorer, on the guided tour (T inside); with\n"
"                           --batch, the whole tour as a Markdown handout (the\n"
"                           timing of --load FILE at its timing step)\n"
"      --present            the explorer in presentation mode: big figures, fewer\n"
"                           panels, the keys pressed shown (P inside)\n"
"  -b, --batch              print the model's table and exit\n"
"  -c, --command CMDS       run commands ('set attrs 8; export out.csv') without\n"
"                           curses and exit; repeatable\n"
"      --script FILE        run a file of commands (- reads standard input); with\n"
"                           no mode and standard input not a terminal, commands\n"
"                           are read from it\n"
"      --repl               a plain prompt with the same commands and completion\n"
"      --measure            time attribute reads and writes in the interpreter\n"
"                           (regular and slots unless --kind) and print their\n"
"                           distributions and comparison; a kind given twice\n"
"                           (--kind regular --kind regular) is an A/A test; Ctrl-C\n"
"                           prints the samples so far and exits 130\n"
"      --load FILE          show the distributions in a saved --measure JSON file\n"
"                           or a pyperf JSON result file (.json or .json.gz)\n"
"      --seed-report        recompute the seed paper's table, with how each number\n"
"                           is counted, beside the steady-state figures\n"
"      --tradeoffs          what each kind can and cannot do (new attributes, vars,\n"
"                           weakref, pickle, copy, inheritance...), tried in the\n"
"                           interpreter with Python's own messages; without one,\n"
"                           the committed table measured on --python-version\n"
"      --scan PATH          read the classes of the Python files in PATH (a file\n"
"                           or a directory; repeatable) with the interpreter's\n"
"                           ast, importing and running nothing, and say for each\n"
"                           one whether it could take __slots__ and what the\n"
"                           model says it would save per instance (FILE:LINE:\n"
"                           lines); --fail-on-candidates exits 1 if one could\n"
"      --object MODULE:EXPR import MODULE in the interpreter (searched on --path)\n"
"                           and evaluate EXPR there: one instance of your own\n"
"                           class, or an iterable of them (a bare class is\n"
"                           called with no arguments). Shows its layout, each\n"
"                           attribute, the model beside the measured bytes, and\n"
"                           the same values laid out as regular, slots,\n"
"                           dataclass-slots, namedtuple and tuple, measured too,\n"
"                           with the saving per instance and for --instances M.\n"
"                           This runs your code, in the child interpreter only\n"
"      --class NAME         --object: the instances of the class NAME (a qualified\n"
"                           name) that EXPR's result reaches, as in a workload\n"
"      --census MODULE:EXPR  import MODULE, evaluate EXPR (your workload, such as\n"
"                           myapp.load:load_fixtures()) in the interpreter, which\n"
"                           runs your code, and count the live instances of each\n"
"                           class outside the standard library: count, attributes,\n"
"                           measured bytes, what __slots__ would save (count times\n"
"                           the model's saving per instance) and whether it can;\n"
"                           bounded by --timeout per step and --census-cap; Ctrl-C\n"
"                           or Esc stops it\n"
"      --path DIR           --object, --census: where MODULE is imported from;\n"
"                           repeatable (default the current directory)\n"
"      --census-cap N       --census: examine at most N objects (default 10M); a\n"
"                           program with more is reported, exit 2\n"
"      --top K              --census: show the K classes with the most bytes\n"
"                           (default 20)\n"
"      --list-profiles      list the CPython profiles in the data directory\n"
"      --list-pythons       list the Python interpreters found (PATH, pyenv root,\n"
"                           --python) with version, ABI, pymalloc, free-threading\n"
"      --verify             measure every kind under the interpreter and compare\n"
"                           with the model, figure by figure; exit 0 only if all\n"
"                           match. With --instances M, also build M instances\n"
"                           and compare tracemalloc and RSS with the model\n"
"      --probes N           --verify: run N probes under the interpreter at once,\n"
"                           sharing the settings (1 to 8, default 2)\n"
"\n"
"Setting:\n"
"      --attrs N            attributes per instance, 0 to 100,000 (default 5);\n"
"                           with --verify a grid such as 0..40 or 0..10,30\n"
"                           (default 0..40)\n"
"      --instances M        instances, 1 to 10^15; 1e6, 1k, 2M work (default 1,000)\n"
"      --python PATH        the interpreter to verify against and whose version\n"
"                           and ABI the model follows (default: python3 on PATH)\n"
"      --no-python          do not run any interpreter: the model alone\n"
"      --python-version X.Y CPython profile, 3.8 to 3.15, or 3.14t for the\n"
"                           free-threaded build (default: the interpreter's, or\n"
"                           3.13 without one)\n"
"      --abi ABI            lp64 (x86-64, arm64), ilp32 (wasm32, armv7) or i386\n"
"                           (default lp64)\n"
"      --kind KIND          show this kind; repeatable (default: all but the\n"
"                           inheritance kinds). Kinds: regular, regular-external,\n"
"                           regular-dict, dataclass, slots, slots-weakref,\n"
"                           dataclass-slots, dataclass-slots-weakref, namedtuple,\n"
"                           typing-namedtuple, tuple, dict; the inheritance kinds\n"
"                           slots-subclass-dict, slots-subclass-slots,\n"
"                           slots-duplicate, slots-dict, regular-subclass-slots,\n"
"                           dataclass-slots-subclass; 'inheritance' for those six,\n"
"                           'all' for every kind\n"
"      --base-attrs K|half  inheritance kinds: K of the attributes in the base\n"
"                           class (slots-dict: in __slots__), the rest in the\n"
"                           subclass (at most N; default half, N/2 rounded down)\n"
"      --values SPEC        what the attributes hold: none, smallint, int:BITS,\n"
"                           float, str:LEN[:ascii|latin1|ucs2|ucs4]; add ,shared\n"
"                           for one object shared by all instances (default none);\n"
"                           or a value per attribute, a list ending in ... to\n"
"                           repeat the last: int:30,str:12,str:40:ucs2,float,none\n"
"                           or int:30,shared,float,... (shared: the one before)\n"
"      --accounting A       totals in getsizeof, requested, allocated or deep bytes\n"
"                           (default allocated)\n"
"      --compare C          what 'vs regular' compares: total (default, with the\n"
"                           class and the list) or instance (bytes per instance)\n"
"\n"
"Output:\n"
"      --format F           text, csv, json or md (a Markdown handout; default text)\n"
"      --measure-time SECONDS  time budget for --measure (default 10)\n"
"      --op OP              --measure: read, write, read_all, getattr, setattr,\n"
"                           hasattr_present, hasattr_missing or all; repeatable\n"
"                           (default read and write)\n"
"      --seed-harness       --measure: also run the seed paper's closure harness\n"
"                           (in every process, beside an empty closure)\n"
"      --min-effect NS[,PCT%%]  timing: the smallest difference called real\n"
"                           (default 0.1,2%%: 0.1 ns or 2%% of the per-statement\n"
"                           time, whichever is larger)\n"
"      --pyperf FILE        --measure, --load: also write the results in pyperf's\n"
"                           JSON format (gzip when FILE ends in .gz)\n"
"      --timeout SECONDS    how long an interpreter may take to answer (default 10;\n"
"                           each measurement gets 12 times as long)\n"
"      --breakdown          text: add each kind's parts (headers, pointers, values...)\n"
"      --by-version         batch: every CPython side by side, kinds by versions\n"
"                           (3.8 to 3.15 and 3.14t), each against the one before\n"
"      --no-color           explorer: no colours (also when NO_COLOR is set)\n"
"      --no-mouse           explorer: leave the mouse to the terminal\n"
"      --theme T            explorer: dark (the terminal's background) or light\n"
"                           (dark text on white, for a projector; d switches)\n"
"      --config FILE        run this file of commands at start (default\n"
"                           $XDG_CONFIG_HOME/slotexplore/config, or\n"
"                           $SLOTEXPLORE_CONFIG); options given here win\n"
"      --no-config          do not read a config file\n"
"  -h, --help               show this help and exit\n"
"  -V, --version            show the version and exit\n"
"\n"
"Environment: SLOTEXPLORE_DATADIR overrides where the CPython profiles are read;\n"
"NO_COLOR turns colours off; SLOTEXPLORE_CONFIG names the config file;\n"
"history is kept in $XDG_STATE_HOME/slotexplore/history.\n"
"Exit status: 0 success, 1 runtime error (data files, output), 2 bad usage.\n"
"See slotexplore(1) for the accounting modes, the JSON schema and examples.\n");
}

static bool opt_error(char *err, size_t errlen, const char *fmt, const char *a, const char *b)
{
	char msg[400];
	snprintf(msg, sizeof msg, fmt, a, b);
	snprintf(err, errlen, "slotexplore: %s", msg);
	return false;
}

/* "--measure" for an option's value in long_options ("-c" for 'c'). */
static const char *option_name(int c)
{
	static char name[40];
	for (const struct option *lo = long_options; lo->name; lo++)
		if (lo->val == c) {
			snprintf(name, sizeof name, "--%s", lo->name);
			return name;
		}
	snprintf(name, sizeof name, "-%c", c > 32 && c < 127 ? c : '?');
	return name;
}

/* --scan reads source, --census counts a program's instances: the options
 * that set a model's setting, another mode or the explorer do not apply to
 * them and are refused by name. */
static bool check_classes_mode(const struct options *o, const char *other_mode, enum run_mode mode,
                               char *err, size_t errlen)
{
	const char *name = mode == MODE_SCAN ? "--scan" : "--census";
	if (other_mode || o->mode != mode)
		return opt_error(err, errlen, "%s cannot go with %s (one mode at a time)", name,
		                 other_mode ? other_mode : "another mode");
	const char *refused = o->attrs_text ? "--attrs (the attributes are the class's own)"
	                    : o->instances_given ? "--instances (the saving is per instance)"
	                    : o->kinds_given ? "--kind (each class's kind is what its source says)"
	                    : o->values_given ? "--values (the saving is counted with shared values)"
	                    : o->breakdown ? "--breakdown"
	                    : o->by_version ? "--by-version"
	                    : o->compare ? "--compare"
	                    : o->no_python ? (mode == MODE_SCAN
	                                      ? "--no-python (the files are read by the interpreter's ast)"
	                                      : "--no-python (the workload runs in the interpreter)")
	                    : o->config ? "--config (no commands are run)"
	                    : o->tour ? "--tour" : o->present ? "--present"
	                    : o->theme ? "--theme" : o->no_color ? "--no-color"
	                    : o->no_mouse ? "--no-mouse"
	                    : o->measure_time != 10 ? "--measure-time"
	                    : o->min_effect_given ? "--min-effect" : NULL;
	if (o->npythons > 1 && !refused)
		refused = mode == MODE_SCAN ? "a second --python (one interpreter reads the files)"
		                            : "a second --python (one interpreter runs the workload)";
	if (mode == MODE_CENSUS && !refused)
		refused = o->fail_on_candidates ? "--fail-on-candidates (it is --scan's)"
		        : o->format == FORMAT_MARKDOWN ? "--format md (text, csv or json)" : NULL;
	if (refused)
		return opt_error(err, errlen, "%s cannot go with %s", name, refused);
	return true;
}

/* --object: the attributes, values and kind are the class's own; the
 * version, ABI, accounting, instance count and format apply. */
static bool check_object(const struct options *o, const char *other_mode, char *err,
                         size_t errlen)
{
	if (other_mode || o->mode != MODE_OBJECT || o->nscan || o->census)
		return opt_error(err, errlen, "--object cannot go with %s (one mode at a time)%s",
		                 other_mode ? other_mode : o->nscan ? "--scan" : o->census ? "--census" : "another mode", "");
	const char *refused = o->attrs_text ? "--attrs (the attributes are the class's own)"
	                    : o->kinds_given ? "--kind (the class's layout is what it is; the "
	                                       "alternatives are all shown)"
	                    : o->values_given ? "--values (the values are the instance's own)"
	                    : o->base_given ? "--base-attrs"
	                    : o->breakdown ? "--breakdown"
	                    : o->by_version ? "--by-version"
	                    : o->compare ? "--compare"
	                    : o->no_python ? "--no-python (the class is imported in the interpreter)"
	                    : o->config ? "--config (no commands are run)"
	                    : o->tour ? "--tour" : o->present ? "--present"
	                    : o->measure_time != 10 ? "--measure-time"
	                    : o->min_effect_given ? "--min-effect" : NULL;
	if (o->npythons > 1 && !refused)
		refused = "a second --python (one interpreter runs the class)";
	if (refused)
		return opt_error(err, errlen, "--object cannot go with %s%s", refused, "");
	return true;
}

bool options_parse(int argc, char **argv, struct options *o, char *err, size_t errlen)
{
	memset(o, 0, sizeof *o);
	o->mode = MODE_TUI;
	o->attrs = 5;
	o->instances = 1000;
	o->abi = ABI_LP64;
	value_list_single(&o->values, &(struct value_spec){ .type = VALUE_NONE, .shared = true });
	o->accounting = ACC_ALLOCATED;
	o->format = FORMAT_TEXT;
	o->timeout_ms = 10000;
	o->probes = 2;
	o->measure_time = 10;
	o->census_cap = CENSUS_DEFAULT_CAP;
	o->top = CENSUS_DEFAULT_TOP;
	timing_settings_default(&o->min_effect);

	opterr = 0;
	optind = 1;
	int c;
	char why[300];
	const char *other_mode = NULL;   /* a mode option besides --scan, for its message */
	while ((c = getopt_long(argc, argv, ":bc:hV", long_options, NULL)) != -1) {
		uint64_t v;
		enum run_mode before = o->mode;
		switch (c) {
		case 'b':
			if (o->mode != MODE_SCRIPT && o->mode != MODE_SCAN && o->mode != MODE_OBJECT &&
			    o->mode != MODE_CENSUS)
				o->mode = MODE_BATCH;
			o->mode_given = true;
			break;
		case 'h':
			o->mode = MODE_HELP;
			return true;
		case 'V':
			o->mode = MODE_VERSION;
			return true;
		case OPT_SEED:
			o->mode = MODE_SEED_REPORT;
			o->mode_given = true;
			break;
		case OPT_TRADEOFFS:
			o->mode = MODE_TRADEOFFS;
			o->mode_given = true;
			break;
		case OPT_SCAN:
			if (o->nscan == (int)(sizeof o->scan / sizeof o->scan[0]))
				return opt_error(err, errlen, "--scan: at most %s paths%s", "16", "");
			if (!*optarg)
				return opt_error(err, errlen, "--scan: an empty path%s%s", "", "");
			o->scan[o->nscan++] = optarg;
			o->mode = MODE_SCAN;
			o->mode_given = true;
			break;
		case OPT_FAIL_ON_CANDIDATES:
			o->fail_on_candidates = true;
			break;
		case OPT_OBJECT:
			if (!*optarg)
				return opt_error(err, errlen, "--object: an empty MODULE:EXPR%s%s", "", "");
			o->object = optarg;
			o->mode = MODE_OBJECT;
			o->mode_given = true;
			break;
		case OPT_CLASS:
			if (!*optarg)
				return opt_error(err, errlen, "--class: an empty class name%s%s", "", "");
			o->object_class = optarg;
			break;
		case OPT_CENSUS: {
			char buf[8192];
			const char *m, *e;
			if (o->census)
				return opt_error(err, errlen, "--census: one workload at a time%s%s", "", "");
			if (!census_split_target(optarg, buf, sizeof buf, &m, &e, why, sizeof why))
				return opt_error(err, errlen, "--census: %s%s", why, "");
			o->census = optarg;
			o->mode = MODE_CENSUS;
			o->mode_given = true;
			break;
		}
		case OPT_PATH:
			if (o->npaths == (int)(sizeof o->paths / sizeof o->paths[0]))
				return opt_error(err, errlen, "--path: at most %s directories%s", "16", "");
			if (!*optarg)
				return opt_error(err, errlen, "--path: an empty path%s%s", "", "");
			o->paths[o->npaths++] = optarg;
			break;
		case OPT_CENSUS_CAP:
			if (!parse_count(optarg, 1, CENSUS_MAX_CAP, &v, why, sizeof why))
				return opt_error(err, errlen, "--census-cap: %s%s", why, "");
			o->census_cap = v;
			o->census_cap_given = true;
			break;
		case OPT_TOP:
			if (!parse_count(optarg, 1, 100000, &v, why, sizeof why))
				return opt_error(err, errlen, "--top: %s%s", why, "");
			o->top = (unsigned)v;
			o->top_given = true;
			break;
		case OPT_LIST_PROFILES:
			o->mode = MODE_LIST_PROFILES;
			o->mode_given = true;
			break;
		case OPT_ATTRS: {
			uint64_t grid[1];
			o->attrs_text = optarg;
			/* a single count here; a grid is checked once --verify is known */
			if (strstr(optarg, "..") || strchr(optarg, ','))
				break;
			if (parse_count_grid(optarg, 0, MODEL_MAX_ATTRS, grid, 1, why, sizeof why) != 1)
				return opt_error(err, errlen, "--attrs: %s%s", why, "");
			o->attrs = (unsigned)grid[0];
			o->attrs_given = true;
			break;
		}
		case OPT_INSTANCES:
			if (!parse_count(optarg, 1, MODEL_MAX_INSTANCES, &v, why, sizeof why))
				return opt_error(err, errlen, "--instances: %s%s", why, "");
			o->instances = v;
			o->instances_given = true;
			break;
		case OPT_LIST_PYTHONS:
			o->mode = MODE_LIST_PYTHONS;
			o->mode_given = true;
			break;
		case OPT_VERIFY:
			o->mode = MODE_VERIFY;
			o->mode_given = true;
			break;
		case OPT_PYTHON:
			if (o->npythons == (int)(sizeof o->pythons / sizeof o->pythons[0]))
				return opt_error(err, errlen, "--python: at most %s interpreters%s", "16", "");
			if (!*optarg)
				return opt_error(err, errlen, "--python: an empty path%s%s", "", "");
			o->pythons[o->npythons++] = optarg;
			break;
		case OPT_NO_PYTHON:
			o->no_python = true;
			break;
		case OPT_TIMEOUT:
			if (!parse_count(optarg, 1, 3600, &v, why, sizeof why))
				return opt_error(err, errlen, "--timeout: %s%s", why, "");
			o->timeout_ms = (int)v * 1000;
			break;
		case OPT_PROBES:
			if (!parse_count(optarg, 1, 8, &v, why, sizeof why))
				return opt_error(err, errlen, "--probes: %s%s", why, "");
			o->probes = (int)v;
			break;
		case OPT_PYVERSION:
			if (!parse_python_version(optarg, &o->py_major, &o->py_minor, &o->py_free_threaded))
				return opt_error(err, errlen,
				                 "--python-version: '%s' is not a version like 3.12 or 3.14t "
				                 "(3.8 to 3.15, t for a free-threaded build)%s", optarg, "");
			o->version_given = true;
			break;
		case OPT_ABI:
			o->abi = abi_from_name(optarg);
			o->abi_given = true;
			if (o->abi == ABI_COUNT)
				return opt_error(err, errlen, "--abi: '%s' is not an ABI (lp64, ilp32 or i386)%s",
				                 optarg, "");
			break;
		case OPT_BASE_ATTRS:
			if (strcmp(optarg, "half") == 0) {
				o->base_given = false;
				break;
			}
			if (!parse_count(optarg, 0, MODEL_MAX_ATTRS, &v, why, sizeof why))
				return opt_error(err, errlen, "--base-attrs: %s (or half)%s", why, "");
			o->base_given = true;
			o->base_attrs = (unsigned)v;
			break;
		case OPT_KIND: {
			if (strcmp(optarg, "inheritance") == 0 || strcmp(optarg, "all") == 0) {
				bool all = optarg[0] == 'a';
				for (int i = 0; i < KIND_COUNT; i++)
					if (all || kind_info((enum kind)i)->inheritance) {
						o->kinds[i] = true;
						o->kind_args++;
					}
				o->kinds_given = true;
				break;
			}
			enum kind k = kind_from_name(optarg);
			if (k == KIND_COUNT)
				return opt_error(err, errlen, "--kind: '%s' is not a kind (%s)", optarg,
				                 kind_name_list());
			if (o->kinds[k])
				o->kind_repeated = true;
			o->kinds[k] = true;
			o->kinds_given = true;
			o->kind_args++;
			break;
		}
		case OPT_VALUES:
			if (!value_list_parse(optarg, &o->values, why, sizeof why))
				return opt_error(err, errlen, "--values: %s%s", why, "");
			o->values_given = true;
			break;
		case OPT_ACCOUNTING:
			o->accounting = accounting_from_name(optarg);
			o->accounting_given = true;
			if (o->accounting == ACC_COUNT)
				return opt_error(err, errlen, "--accounting: '%s' is not getsizeof, requested, "
				                 "allocated or deep%s", optarg, "");
			break;
		case OPT_FORMAT:
			o->format = report_format_from_name(optarg);
			if (o->format == FORMAT_COUNT)
				return opt_error(err, errlen, "--format: '%s' is not text, csv, json or md%s", optarg, "");
			break;
		case OPT_BREAKDOWN:
			o->breakdown = true;
			break;
		case OPT_BY_VERSION:
			o->by_version = true;
			break;
		case OPT_COMPARE:
			if (strcmp(optarg, "instance") == 0)
				o->compare = 2;
			else if (strcmp(optarg, "total") == 0)
				o->compare = 1;
			else
				return opt_error(err, errlen, "--compare: '%s' is not instance or total%s",
				                 optarg, "");
			break;
		case OPT_THEME:
			if (strcmp(optarg, "light") == 0)
				o->theme = 2;
			else if (strcmp(optarg, "dark") == 0)
				o->theme = 1;
			else
				return opt_error(err, errlen, "--theme: '%s' is not dark or light%s", optarg, "");
			break;
		case 'c':
			if (o->ncommands == (int)(sizeof o->commands / sizeof o->commands[0]))
				return opt_error(err, errlen, "-c: at most %s%s", "16", " times");
			o->commands[o->ncommands++] = optarg;
			if (o->mode != MODE_REPL)
				o->mode = MODE_SCRIPT;
			o->mode_given = true;
			break;
		case OPT_SCRIPT:
			o->script = optarg;
			o->mode = MODE_SCRIPT;
			o->mode_given = true;
			break;
		case OPT_REPL:
			o->mode = MODE_REPL;
			o->mode_given = true;
			break;
		case OPT_MEASURE:
			o->mode = MODE_MEASURE;
			o->mode_given = true;
			break;
		case OPT_PRESENT:
			o->present = true;
			o->mode = MODE_TUI;
			o->mode_given = o->tui_forced = true;
			break;
		case OPT_TOUR:   /* the explorer, or the handout with --batch: decided below */
			o->tour = true;
			break;
		case OPT_LOAD:
			o->load = optarg;
			o->mode = MODE_LOAD;
			o->mode_given = true;
			break;
		case OPT_MEASURE_TIME:
			if (!parse_count(optarg, 1, 3600, &v, why, sizeof why))
				return opt_error(err, errlen, "--measure-time: %s%s", why, "");
			o->measure_time = (double)v;
			break;
		case OPT_SEED_HARNESS:
			o->seed_harness = true;
			break;
		case OPT_MIN_EFFECT:
			if (!timing_settings_parse(optarg, &o->min_effect, why, sizeof why))
				return opt_error(err, errlen, "--min-effect: %s%s", why, "");
			o->min_effect_given = true;
			break;
		case OPT_PYPERF:
			if (!*optarg)
				return opt_error(err, errlen, "--pyperf: an empty path%s%s", "", "");
			o->pyperf = optarg;
			break;
		case OPT_OP: {
			int found = -1;
			for (int i = 0; i < OP_COUNT; i++)
				if (strcmp(optarg, time_op_name((enum time_op)i)) == 0)
					found = i;
			if (strcmp(optarg, "all") == 0)
				for (int i = 0; i < OP_COUNT; i++)
					o->ops[i] = true;
			else if (found < 0)
				return opt_error(err, errlen, "--op: '%s' is not read, write, read_all, getattr, "
				                 "setattr, hasattr_present, hasattr_missing or all%s", optarg, "");
			else
				o->ops[found] = true;
			o->ops_given = true;
			break;
		}
		case OPT_CONFIG:
			o->config = optarg;
			break;
		case OPT_NO_CONFIG:
			o->no_config = true;
			break;
		case OPT_TUI:
			o->mode = MODE_TUI;
			o->mode_given = o->tui_forced = true;
			break;
		case OPT_NO_COLOR:
			o->no_color = true;
			break;
		case OPT_NO_MOUSE:
			o->no_mouse = true;
			break;
		case ':':
			return opt_error(err, errlen, "option '%s' needs a value%s", argv[optind - 1], "");
		default:
			if (optopt && optopt < 256)
				snprintf(why, sizeof why, "-%c", optopt);
			else
				snprintf(why, sizeof why, "%s", argv[optind - 1]);
			return opt_error(err, errlen, "unknown option '%s' (see slotexplore --help)%s", why, "");
		}
		if (c != OPT_SCAN && c != OPT_OBJECT && c != OPT_CENSUS && c != 'b' &&
		    (o->mode != before || c == OPT_TOUR) && !other_mode)
			other_mode = option_name(c);
	}
	if (optind < argc)
		return opt_error(err, errlen, "unexpected argument '%s' (see slotexplore --help)%s",
		                 argv[optind], "");
	if (o->nscan && o->census)
		return opt_error(err, errlen, "--census cannot go with --scan (one mode at a time)%s%s", "", "");
	if (o->nscan && !check_classes_mode(o, other_mode, MODE_SCAN, err, errlen))
		return false;
	if (o->object && !check_object(o, other_mode, err, errlen))
		return false;
	if (o->object_class && !o->object)
		return opt_error(err, errlen, "--class needs --object%s%s", "", "");
	if (o->census && !check_classes_mode(o, other_mode, MODE_CENSUS, err, errlen))
		return false;
	if (!o->census && !o->object && o->npaths)
		return opt_error(err, errlen, "--path needs --object or --census%s%s", "", "");
	if (!o->census && (o->census_cap_given || o->top_given))
		return opt_error(err, errlen, "%s needs --census%s",
		                 o->top_given ? "--top" : "--census-cap", "");
	if (o->fail_on_candidates && !o->nscan)
		return opt_error(err, errlen, "--fail-on-candidates needs --scan%s%s", "", "");
	if (o->attrs_text && o->mode != MODE_VERIFY &&
	    (strstr(o->attrs_text, "..") || strchr(o->attrs_text, ',')))
		return opt_error(err, errlen, "--attrs: '%s' is a grid; a grid needs --verify (here "
		                 "give one count from 0 to 100,000)%s", o->attrs_text, "");
	/* a value per attribute: as many as the attributes (--verify: as its
	 * grid's largest count), or a last one repeated */
	unsigned most = o->attrs;
	bool grid = o->mode == MODE_VERIFY;
	if (o->values_given && grid) {
		static uint64_t counts[4096];
		int n = parse_count_grid(o->attrs_text ? o->attrs_text : "0..40", 0, MODEL_MAX_ATTRS,
		                         counts, 4096, why, sizeof why);
		grid = n != 1;
		if (n > 0)   /* a bad grid: mode_verify says so */
			most = 0;
		for (int i = 0; i < n; i++)
			most = counts[i] > most ? (unsigned)counts[i] : most;
	}
	if (o->values_given && !value_list_covers(&o->values, most)) {
		char cap[40];
		snprintf(cap, sizeof cap, "--attrs %s %u", grid ? "goes to" : "is", most);
		value_list_short_message(&o->values, cap, why, sizeof why);
		return opt_error(err, errlen, "%s%s", why, "");
	}
	if (o->no_python && (o->mode == MODE_VERIFY || o->npythons))
		return opt_error(err, errlen, "--no-python cannot go with %s%s",
		                 o->mode == MODE_VERIFY ? "--verify" : "--python", "");
	if (!o->kinds_given && o->mode == MODE_MEASURE) {
		o->kinds[KIND_REGULAR] = o->kinds[KIND_SLOTS] = true;
	} else if (!o->kinds_given)
		for (int k = 0; k < KIND_COUNT; k++)
			o->kinds[k] = !kind_info((enum kind)k)->inheritance;
	/* read and write by default: at 7 operations a 10 s budget holds about 6
	 * processes, under the 10 a verdict needs */
	if (!o->ops_given)
		o->ops[OP_READ] = o->ops[OP_WRITE] = true;
	/* a kind given twice: an A/A test, the kind against itself */
	if (o->mode == MODE_MEASURE && o->kind_repeated) {
		if (o->kind_args != 2)
			return opt_error(err, errlen, "--kind: an A/A test gives one kind twice and no "
			                 "other (--kind regular --kind regular)%s%s", "", "");
		o->aa = true;
	}
	if (o->pyperf && o->mode != MODE_MEASURE && o->mode != MODE_LOAD)
		return opt_error(err, errlen, "--pyperf needs --measure or --load%s%s", "", "");
	if ((o->seed_harness || o->ops_given) && o->mode != MODE_MEASURE)
		return opt_error(err, errlen, "%s needs --measure%s",
		                 o->seed_harness ? "--seed-harness" : "--op", "");
	if (o->no_config && o->config)
		return opt_error(err, errlen, "--no-config cannot go with --config%s%s", "", "");
	if (o->mode == MODE_REPL && (o->ncommands || o->script))
		return opt_error(err, errlen, "--repl cannot go with %s%s",
		                 o->script ? "--script" : "-c", " (run them first, then --repl)");
	/* --tour: the explorer on the tour, or with --batch (--format md, --load
	 * FILE) the tour's Markdown handout */
	if (o->tour) {
		bool handout = o->mode == MODE_BATCH || o->mode == MODE_LOAD ||
		               (!o->mode_given && o->format != FORMAT_TEXT);
		if (handout && o->format != FORMAT_TEXT && o->format != FORMAT_MARKDOWN)
			return opt_error(err, errlen, "--tour: the tour's handout is Markdown (--format md), "
			                 "not %s%s", report_format_name(o->format), "");
		if (handout && o->breakdown)
			return opt_error(err, errlen, "--tour cannot go with --breakdown (the handout has "
			                 "every step's breakdown)%s%s", "", "");
		if (handout) {
			o->mode = MODE_BATCH;
			o->mode_given = true;
			o->format = FORMAT_MARKDOWN;
		} else if (!o->mode_given || o->mode == MODE_TUI) {
			o->mode = MODE_TUI;
			o->mode_given = o->tui_forced = true;
		} else {
			return opt_error(err, errlen, "--tour goes with the explorer, or with --batch for "
			                 "the handout%s%s", "", "");
		}
	}
	/* --by-version: the batch table of every version, computed by the model alone */
	if (o->by_version) {
		if (o->mode_given && o->mode != MODE_BATCH)
			return opt_error(err, errlen, "--by-version goes with --batch (in the explorer, "
			                 "press e)%s%s", "", "");
		if (o->version_given)
			return opt_error(err, errlen, "--by-version shows every version; it cannot go "
			                 "with --python-version%s%s", "", "");
		if (o->breakdown || o->tour)
			return opt_error(err, errlen, "--by-version cannot go with %s%s",
			                 o->breakdown ? "--breakdown" : "--tour", "");
		if (o->npythons)
			return opt_error(err, errlen, "--by-version is the model alone; it cannot go with "
			                 "--python (--verify checks an interpreter)%s%s", "", "");
		o->mode = MODE_BATCH;
		o->mode_given = true;
	}
	/* asking for a file format or a breakdown means the batch table */
	if (!o->mode_given && (o->format != FORMAT_TEXT || o->breakdown))
		o->mode = MODE_BATCH;
	if (o->tui_forced && (o->format != FORMAT_TEXT || o->breakdown))
		return opt_error(err, errlen, "--tui cannot go with %s%s",
		                 o->breakdown ? "--breakdown" : "--format", " (those are for --batch)");
	return true;
}
