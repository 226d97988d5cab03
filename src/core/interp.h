/* The user's Python interpreters: where they are, what they are, and which
 * profile models them. Uses the probe's hello line; no curses. */
#ifndef SLOTEXPLORE_INTERP_H
#define SLOTEXPLORE_INTERP_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/probe_client.h"
#include "core/profile.h"

struct interp {
	char path[PATH_MAX];
	bool answered;             /* a valid hello line came back */
	char impl[24];             /* "cpython", "pypy" */
	char version[24];          /* "3.11.7" */
	int major, minor;
	enum abi abi;              /* ABI_COUNT when unknown */
	bool pymalloc, free_threaded, debug;
	char executable[PATH_MAX]; /* sys.executable, when the probe says */
	char problem[320];         /* why it cannot be used, or "" */
};

enum interp_support {
	SUPPORT_EXACT,    /* a profile for this very version */
	SUPPORT_NEAREST,  /* newer than every profile: the newest, with a warning */
	SUPPORT_NONE      /* not modelled: problem says why */
};

/* The same interpreter: implementation, version, ABI, build and executable. */
bool interp_same(const struct interp *a, const struct interp *b);

/* Parses a hello reply into *out (path untouched). False if not a hello. */
bool interp_parse_hello(const char *line, struct interp *out);

/* Starts the probe under `path` and reads its hello line. On success the
 * probe is left running in *pc for requests; on failure it is stopped and
 * out->problem says what went wrong in one line. */
bool interp_open(const char *path, const char *script, struct interp *out,
                 struct probe_client *pc, int timeout_ms);
/* The same, asking stop(ctx) every 50 ms while it waits (Esc, Ctrl-C or a
 * signal in the explorer): true from stop ends the wait, stops the child
 * and says so in out->problem. stop may be NULL. */
bool interp_open_stoppable(const char *path, const char *script, struct interp *out,
                           struct probe_client *pc, int timeout_ms, bool (*stop)(void *),
                           void *ctx);

/* The same in two steps, for an event loop that must not block: starts the
 * probe (false with out->problem), then reads the hello within wait_ms: 1
 * it answered, 0 not yet, -1 it failed and was stopped (out->problem says
 * why; `expired`: the timeout_ms it had are over, so silence is a failure). */
bool interp_begin(const char *path, const char *script, struct interp *out,
                  struct probe_client *pc);
int interp_hello_poll(const char *path, struct interp *out, struct probe_client *pc, int wait_ms,
                      bool expired, int timeout_ms);

/* Which profile models this interpreter; `note` gets the warning or the
 * reason it is not modelled. */
enum interp_support interp_support(const struct interp *in, const struct profile_set *set,
                                   const struct profile **profile, char *note, size_t n);

/* Candidate interpreters: python3, python3.N[t], python and pypy3 in every
 * PATH directory (name by name, PATH order within a name: the first python3
 * is the one a shell runs), then the versions under `pyenv root` (when pyenv
 * exists) or $PYENV_ROOT. Returns how many paths were stored (duplicates
 * removed). */
size_t interp_discover(char (*paths)[PATH_MAX], size_t max);
/* The first `name` on PATH, as a shell would run it; false when none. Runs
 * nothing (unlike interp_discover, which asks pyenv). */
bool interp_first_on_path(const char *name, char *out, size_t n);

#endif
