/* What each kind can and cannot do (the seed paper's "what __slots__
 * prevents"), tried in an interpreter by data/tradeoffs.py: one outcome per
 * kind and operation, with Python's own message. Read from a live run or
 * from a committed transcript (data/tradeoffs/cpython-X.Y.Z-MACHINE.txt). No curses. */
#ifndef SLOTEXPLORE_TRADEOFFS_H
#define SLOTEXPLORE_TRADEOFFS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/interp.h"
#include "core/kinds.h"
#include "core/profile.h"

enum tradeoff_op {
	TOP_NEW_ATTRIBUTE, TOP_VARS, TOP_DICT, TOP_WEAKREF, TOP_PICKLE0, TOP_PICKLE5, TOP_COPY,
	TOP_CLASS_DEFAULT, TOP_MULTIPLE_BASES, TOP_SUBCLASS, TOP_SUPER, TOP_SET_NAME,
	TOP_INIT_SUBCLASS, TOP_COUNT
};

enum tradeoff_result { TRADEOFF_UNKNOWN, TRADEOFF_OK, TRADEOFF_FAIL, TRADEOFF_NA };

struct tradeoff_outcome {
	enum tradeoff_result result;
	char error[48];      /* the exception's name, for TRADEOFF_FAIL */
	char detail[32];     /* "dict", "2-calls", "field-default", ... */
	char message[320];   /* Python's message, or why it does not apply */
};

struct tradeoff_table {
	struct interp interp;          /* who answered: version, build */
	char machine[32];              /* the hello's machine= (x86_64, i686, armv7l) */
	bool live;                     /* measured now, not read from a file */
	char source[300];              /* "measured now in ..." / "data/tradeoffs/... (measured on ...)" */
	bool have[KIND_COUNT];
	struct tradeoff_outcome outcome[KIND_COUNT][TOP_COUNT];
};

const char *tradeoff_op_name(enum tradeoff_op op);          /* "new-attribute" */
const char *tradeoff_op_description(enum tradeoff_op op);   /* "set a new attribute" */
enum tradeoff_op tradeoff_op_from_name(const char *name);   /* TOP_COUNT if unknown */

/* Parses a transcript (the hello line, tradeoff lines, "done"); false with
 * "SOURCE:LINE: problem". Every kind present must carry every operation. */
bool tradeoffs_parse(const char *text, size_t len, const char *source, struct tradeoff_table *t,
                     char *err, size_t errlen);
bool tradeoffs_load(const char *path, struct tradeoff_table *t, char *err, size_t errlen);

/* The committed transcript for CPython major.minor (free-threaded or not)
 * in datadir/tradeoffs: the newest patch release, an x86-64 one among
 * equals; false when there is none. */
bool tradeoffs_find_committed(const char *datadir, int major, int minor, bool free_threaded,
                              char *path, size_t n);

/* Runs `python -E -s script` (data/tradeoffs.py) for every kind,
 * within timeout_ms in all, checking `stop` (may be NULL) every 50 ms so
 * that a key or a signal ends the wait; the child is always reaped. False
 * with a one-line reason. */
bool tradeoffs_run(const char *python, const char *script, int timeout_ms,
                   bool (*stop)(void *ctx), void *ctx, struct tradeoff_table *t, char *err,
                   size_t errlen);

/* Live when python is given (datadir/tradeoffs.py under it), else the
 * committed table for the profile's version; false with the reason (no
 * table for that version names the ones there are). */
bool tradeoffs_for(const char *datadir, const char *python, const struct profile *pr,
                   int timeout_ms, bool (*stop)(void *ctx), void *ctx, struct tradeoff_table *t,
                   char *err, size_t errlen);

#endif
