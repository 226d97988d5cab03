/* Command-line options: parsed and checked, with one-line errors. */
#ifndef SLOTEXPLORE_OPTIONS_H
#define SLOTEXPLORE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/timing_analysis.h"
#include "output/report.h"

enum run_mode {
	MODE_TUI, MODE_BATCH, MODE_SCRIPT, MODE_REPL, MODE_MEASURE, MODE_LOAD, MODE_SEED_REPORT, MODE_TRADEOFFS, MODE_SCAN, MODE_OBJECT, MODE_CENSUS, MODE_LIST_PROFILES, MODE_LIST_PYTHONS, MODE_VERIFY,
	MODE_HELP, MODE_VERSION
};

struct options {
	enum run_mode mode;
	bool mode_given;             /* a mode option was given (else TUI on a terminal) */
	bool tui_forced;             /* --tui */
	bool no_color, no_mouse;
	int theme;                   /* --theme: 0 not given, 1 dark, 2 light */
	int compare;                 /* --compare: 0 not given, 1 total, 2 instance */
	bool attrs_given, abi_given, values_given, accounting_given;
	const char *commands[16];    /* -c CMDS, in order */
	int ncommands;
	const char *script;          /* --script FILE ("-": standard input) */
	const char *config;          /* --config FILE */
	bool no_config;
	double measure_time;         /* --measure-time SECONDS */
	bool seed_harness;
	bool ops[8];                 /* --op OP; read and write when none given */
	bool ops_given;
	const char *load;            /* --load FILE */
	const char *pyperf;          /* --pyperf FILE: timing results in pyperf's format */
	struct timing_settings min_effect;   /* --min-effect */
	bool min_effect_given;
	bool aa;                     /* --measure with one kind given twice: an A/A test */
	bool kind_repeated;
	int kind_args;
	bool tour;                   /* --tour: start the explorer on the tour */
	bool present;                /* --present: presentation mode */
	unsigned attrs;
	const char *attrs_text;      /* as given, for --verify's grid */
	uint64_t instances;
	bool instances_given;
	const char *pythons[16];     /* --python PATH, in order */
	int npythons;
	bool no_python;              /* --no-python: the model alone */
	int timeout_ms;              /* --timeout for each probe request */
	int probes;                  /* --probes: --verify's probes at once */
	bool version_given;
	int py_major, py_minor;
	bool py_free_threaded;        /* --python-version 3.14t */
	enum abi abi;
	bool kinds_given;
	bool kinds[KIND_COUNT];
	bool base_given;             /* --base-attrs K (half: not given) */
	unsigned base_attrs;
	struct value_list values;
	enum accounting accounting;
	enum report_format format;
	bool breakdown;
	bool by_version;             /* --by-version: every profile side by side */
	const char *scan[16];        /* --scan PATH, in order */
	int nscan;
	bool fail_on_candidates;     /* --fail-on-candidates: --scan exits 1 when it finds one */
	const char *object;          /* --object MODULE:EXPR */
	const char *object_class;    /* --class NAME: that class's instances in EXPR's result */
	const char *census;          /* --census MODULE:EXPR */
	const char *paths[16];       /* --path DIR, in order: where MODULE is imported from */
	int npaths;
	uint64_t census_cap;         /* --census-cap N: objects a census examines at most */
	bool census_cap_given;
	unsigned top;                /* --top K: classes a census shows */
	bool top_given;
};

#define EXIT_USAGE 2

/* Parses argv. On error writes "slotexplore: ..." (one line) into err and
 * returns false; the caller exits with EXIT_USAGE. */
bool options_parse(int argc, char **argv, struct options *o, char *err, size_t errlen);
void options_print_help(FILE *out);

#endif
