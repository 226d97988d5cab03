/* The modes: one entry point each, called by main once it has parsed the
 * options, loaded the profiles and chosen the interpreter. */
#ifndef SLOTEXPLORE_MODES_H
#define SLOTEXPLORE_MODES_H

#include "cli/options.h"
#include "cmd/commands.h"
#include "core/profile.h"
#include "session/app.h"
#include "session/interpreter.h"

/* What main hands every mode. */
struct run_context {
	const struct options *opt;
	const char *dir, *origin;        /* the data directory, and how it was found */
	const struct profile_set *profiles;
	struct chosen *ch;               /* the interpreter, when there is one */
	const struct profile *profile;   /* the profile chosen (mode_choose) */
	enum abi abi;
	int died_of;                     /* the explorer ended by this signal: re-raise it */
};

/* Flushes standard output: EXIT_SUCCESS, or EXIT_FAILURE with its error named. */
int mode_finish_output(void);
/* Which interpreter and profile (--python, --python-version, else the
 * interpreter's, else 3.13): -1 to go on, or the exit status. */
int mode_choose(struct run_context *rc);
/* The setting the options give is one the model takes: -1, or EXIT_USAGE
 * with the bad field named. */
int mode_check_setting(const struct run_context *rc);

int mode_list_profiles(const struct run_context *rc);       /* --list-profiles */
int mode_list_pythons(const struct run_context *rc);        /* --list-pythons */
int mode_load(const struct run_context *rc);                /* --load */
int mode_verify(struct run_context *rc);                    /* --verify */
int mode_measure(struct run_context *rc);                   /* --measure */
int mode_seed_report(const struct run_context *rc);         /* --seed-report */
int mode_tradeoffs(struct run_context *rc);                 /* --tradeoffs */
int mode_scan(struct run_context *rc);                      /* --scan */
int mode_object(struct run_context *rc);                    /* --object */
int mode_census(struct run_context *rc);                    /* --census */
int mode_batch(struct run_context *rc);                     /* --batch, --by-version */

/* The explorer, scripts, the REPL and the handout share a session: the
 * app set up from the defaults, the interpreter, the config file and the
 * options, with the tour loaded. Returns EXIT_SUCCESS or the status. */
int session_open(struct run_context *rc, struct app *app, struct cmd_context *ctx);
/* Writes the explorer's setting to $XDG_CONFIG_HOME/slotexplore/last. */
void session_remember(const struct app *a);
/* Runs a stream of commands (a script, a config file); errors name the line. */
int run_command_stream(FILE *in, const char *name, struct cmd_context *c);

int mode_handout(struct run_context *rc, struct cmd_context *ctx);   /* --tour --batch */
int mode_explorer(struct run_context *rc, struct app *app, struct cmd_context *ctx);
int mode_script(struct run_context *rc, struct cmd_context *ctx);    /* -c, --script, stdin */

#endif
