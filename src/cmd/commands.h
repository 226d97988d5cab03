/* slotexplore's command language: one parser and one table of commands,
 * used by the TUI's ':' line, --batch -c, --script, commands on stdin, the
 * REPL and the config file. The table drives help, completion and the man
 * page's COMMANDS section. No curses, no readline here. */
#ifndef SLOTEXPLORE_COMMANDS_H
#define SLOTEXPLORE_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "session/app.h"

#define CMD_MAX_WORDS 8
#define CMD_MAX_LINE 1024

/* What a word in a given position can be, for completion. */
enum cmd_arg {
	ARG_NONE, ARG_COMMAND, ARG_SETTING, ARG_KIND, ARG_VERSION, ARG_ABI, ARG_VALUES,
	ARG_COMPARE, ARG_THEME,
	ARG_ACCOUNTING, ARG_CHART, ARG_FORMAT, ARG_EXPORT, ARG_FILE, ARG_NUMBER, ARG_TEXT
};

struct cmd_context;
struct tradeoff_table;

struct cmd_hooks {
	/* switches to another interpreter; false with a message */
	bool (*python)(struct cmd_context *c, const char *path, char *err, size_t errlen);
	/* compares the current setting with the interpreter */
	bool (*verify)(struct cmd_context *c, char *err, size_t errlen);
	/* times attribute access (the selected kind against regular), prints
	 * the result in format f and keeps it in the app for export */
	bool (*measure)(struct cmd_context *c, int f, bool aa, bool all_ops, char *err,
	                size_t errlen);
	/* writes the current chart and breakdown as an SVG slide (render/svg.c) */
	bool (*svg)(struct cmd_context *c, FILE *out, char *err, size_t errlen);
	/* what each kind can and cannot do: live, or the version's committed table */
	bool (*tradeoffs)(struct cmd_context *c, struct tradeoff_table *t, char *err, size_t errlen);
	/* the committed table of the version shown, never the interpreter (the
	 * handout: the same pages from every machine) */
	bool (*committed_tradeoffs)(struct cmd_context *c, struct tradeoff_table *t, char *err,
	                            size_t errlen);
	/* runs MODULE:EXPR in a fresh probe of the interpreter (the user's code)
	 * and makes its class the app's object; false with a message */
	bool (*object)(struct cmd_context *c, const char *spec, const char *class_name,
	               const char *const *paths, int npaths, char *err, size_t errlen);
	/* runs a workload's census in a fresh probe (the user's code) and
	 * makes it the app's census; false with a message */
	bool (*census)(struct cmd_context *c, const char *spec, const char *const *paths,
	               int npaths, char *err, size_t errlen);
};

struct cmd_context {
	struct app *app;
	FILE *out;                 /* where printing commands write (NULL in the TUI) */
	bool tui;                  /* output goes to the app's pager instead */
	bool quit;                 /* set by quit */
	bool printed;              /* a command wrote output */
	bool no_files;             /* export refuses (the fuzzer) */
	struct cmd_hooks hooks;
	void *user;
	/* a long wait (tradeoffs) ends early when this says so (a key, a signal) */
	bool (*stop)(void *ctx);
	void *stop_ctx;
};

struct command {
	const char *name;
	const char *usage;         /* "set SETTING VALUE" */
	const char *help;          /* one line */
	enum cmd_arg args[3];      /* what each argument is, for completion */
	bool (*run)(struct cmd_context *c, int argc, char **argv, char *err, size_t errlen);
};

extern const struct command command_table[];
extern const int command_count;

/* Splits a line into words (quotes '...' and "..." group, backslash escapes
 * in double quotes). Returns the count, or -1 with a message. */
int cmd_split(const char *line, char *buf, size_t bufsize, char **words, int max, char *err,
              size_t errlen);
/* Runs one line, which may hold several commands separated by ';'. Stops at
 * the first error: false, with "COMMAND: what is wrong" in err. A line that
 * is blank or a # comment does nothing. */
bool cmd_run_line(struct cmd_context *c, const char *line, char *err, size_t errlen);
const struct command *cmd_find(const char *name);
/* Completion: the candidates for the word being typed, given the words
 * before it; returns how many were written (each a static string) or -1
 * when the word is a file path (the caller completes file names). */
int cmd_complete(const char *before, const char *word, const char **out, int max);
/* Versions are completed from these profiles (in their order: 3.8 ... 3.15). */
void cmd_complete_versions_from(const struct profile_set *set);
/* The man page's COMMANDS section body. */
void cmd_write_man(FILE *out);
/* `help` text for all commands or one. */
void cmd_write_help(FILE *out, const struct command *only);

#endif
