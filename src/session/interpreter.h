/* The interpreter a session follows (--python, else python3 on PATH): its
 * probe, kept running for m and verify, and which profile models it. No
 * curses. */
#ifndef SLOTEXPLORE_INTERPRETER_H
#define SLOTEXPLORE_INTERPRETER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/interp.h"
#include "core/probe_client.h"
#include "core/profile.h"
#include "session/app.h"

/* The interpreter the model follows: --python, else python3 on PATH. */
struct chosen {
	bool have;                  /* an interpreter answered and is modelled */
	bool explicit_python;       /* the user named it */
	struct interp interp;
	struct probe_client pc;     /* still running when have */
	const struct profile *profile;
	enum abi abi;
	char note[512];             /* what the user should know */
	bool nearest;               /* newer than every profile: the newest stands in */
};

/* python NULL: python3 on PATH, and a failure is only a note (the model
 * alone); a named one that fails is an error ("--python: ..."). stop (may
 * be NULL) is asked while it waits for the hello: true gives up. */
bool choose_interpreter(const char *python, int timeout_ms, const struct profile_set *set,
                        const char *dir, bool (*stop)(void *), void *stop_ctx,
                        struct chosen *ch, char *err, size_t errlen);
void release_interpreter(struct chosen *ch);
/* data/probe.py in the data directory. */
void probe_path(const char *dir, char *out, size_t n);
/* The header's interpreter label and the version m compares at. */
void app_follow_interpreter(struct app *a, const struct chosen *ch);
/* SIGINT, SIGTERM, SIGHUP, SIGQUIT and exit stop and reap every probe. */
void interpreter_cleanup_on_exit(void);

#endif
