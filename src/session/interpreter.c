#include "config.h"

#include "session/interpreter.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A signal while a child runs: kill and reap it, then die of the signal. */
static void on_fatal_signal(int sig)
{
	probe_client_kill_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

void interpreter_cleanup_on_exit(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], on_fatal_signal);
	atexit(probe_client_kill_all);
}

void probe_path(const char *dir, char *out, size_t n)
{
	snprintf(out, n, "%s/probe.py", dir);
}

bool choose_interpreter(const char *python, int timeout_ms, const struct profile_set *set,
                        const char *dir, bool (*stop)(void *), void *stop_ctx,
                        struct chosen *ch, char *err, size_t errlen)
{
	memset(ch, 0, sizeof *ch);
	const char *path = NULL;
	if (python) {
		path = python;
		ch->explicit_python = true;
	} else {
		/* python3 on PATH; pyenv is not asked (a hanging pyenv must not slow
		 * every run) */
		static char found[PATH_MAX];
		if (interp_first_on_path("python3", found, sizeof found))
			path = found;
		if (!path) {
			snprintf(ch->note, sizeof ch->note, "no python3 on PATH: the model alone");
			return true;
		}
	}
	char script[PATH_MAX + 16];
	probe_path(dir, script, sizeof script);
	if (!interp_open_stoppable(path, script, &ch->interp, &ch->pc, timeout_ms, stop, stop_ctx)) {
		if (ch->explicit_python) {
			snprintf(err, errlen, "--python: %s", ch->interp.problem);
			return false;
		}
		snprintf(ch->note, sizeof ch->note, "python3 on PATH is not usable (%s): the model alone",
		         ch->interp.problem);
		return true;
	}
	char note[400];
	enum interp_support s = interp_support(&ch->interp, set, &ch->profile, note, sizeof note);
	if (s == SUPPORT_NONE) {
		char how[80];
		probe_client_stop(&ch->pc, 1000, how, sizeof how);
		if (ch->explicit_python) {
			snprintf(err, errlen, "--python: %s", note);
			return false;
		}
		snprintf(ch->note, sizeof ch->note, "python3 on PATH: %s; the model alone", note);
		ch->profile = NULL;
		return true;
	}
	ch->have = true;
	ch->abi = ch->interp.abi;
	if (s == SUPPORT_NEAREST) {
		snprintf(ch->note, sizeof ch->note, "warning: %s", note);
		ch->nearest = true;
	}
	return true;
}

void release_interpreter(struct chosen *ch)
{
	if (ch->have) {
		char how[80];
		probe_client_send(&ch->pc, "quit", how, sizeof how);
		probe_client_stop(&ch->pc, 2000, how, sizeof how);
		ch->have = false;
	}
}

void app_follow_interpreter(struct app *a, const struct chosen *ch)
{
	a->interp_label[0] = a->interp_version[0] = a->newer_than_profile[0] = '\0';
	a->can_verify = ch->have;
	if (!ch->have)
		return;
	const char *base = strrchr(ch->interp.path, '/');
	snprintf(a->interp_label, sizeof a->interp_label, "CPython %.20s (%.100s)",
	         ch->interp.version, base ? base + 1 : ch->interp.path);
	snprintf(a->interp_version, sizeof a->interp_version, "%s", ch->profile->version);
	if (ch->nearest)
		snprintf(a->newer_than_profile, sizeof a->newer_than_profile, "%.20s", ch->interp.version);
}
