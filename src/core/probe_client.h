/* Runs data/probe.py under a Python interpreter and talks to it: one
 * request line out, reply lines back. Non-blocking with timeouts, bounded
 * buffers, and a stop that always kills and reaps the child. No curses. */
#ifndef SLOTEXPLORE_PROBE_CLIENT_H
#define SLOTEXPLORE_PROBE_CLIENT_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/probe_parse.h"

#define PROBE_HELLO_TIMEOUT_MS 10000

enum probe_read {
	PROBE_READ_LINE,     /* a complete line was returned */
	PROBE_READ_TIMEOUT,  /* nothing complete within the timeout */
	PROBE_READ_EOF,      /* the child closed its output (exited or crashed) */
	PROBE_READ_TOO_LONG  /* the child sent a line over PROBE_LINE_MAX: it is not a probe */
};

struct probe_client {
	pid_t pid;              /* 0 when not running */
	int in_fd, out_fd, err_fd;
	char buf[PROBE_LINE_MAX];
	size_t len;
	bool eof;
	char err_tail[160];     /* last line the child wrote to stderr */
	char err_first[160];    /* its first non-blank line ("pyenv: python3.8: command not found") */
	size_t err_len;
	char python[PATH_MAX];
};

/* Starts `python -E -s script`. False with a one-line reason (no such file,
 * not executable, ...) when it cannot be started. */
bool probe_client_start(struct probe_client *pc, const char *python, const char *script,
                        char *err, size_t errlen);
/* Starts any command the same way (argv[0] searched on PATH); the caller
 * zeroes *pc first. Used for `pyenv root`. */
bool probe_client_spawn(struct probe_client *pc, const char *const *argv, char *err,
                        size_t errlen);
/* Sends one request line (a newline is added). */
bool probe_client_send(struct probe_client *pc, const char *line, char *err, size_t errlen);
/* Reads one reply line into `line` (without the newline) within timeout_ms
 * (negative: wait as long as it takes). */
enum probe_read probe_client_read_line(struct probe_client *pc, char *line, size_t n,
                                       int timeout_ms);
/* The descriptor an event loop polls for replies. */
int probe_client_fd(const struct probe_client *pc);
/* Ends the child: closes its input, waits up to grace_ms for it to exit,
 * then SIGTERM, then SIGKILL; always reaps it. `how` says how it ended
 * ("exited with status 0", "killed by signal 11 (Segmentation fault)"). */
void probe_client_stop(struct probe_client *pc, int grace_ms, char *how, size_t n);
/* Kills the child's process group at once and reaps it (no grace: for a
 * cancel, or a child that has had its chance); `how` as above. */
void probe_client_kill(struct probe_client *pc, char *how, size_t n);
/* Closes the child's input (a probe ends at the end of its input). */
void probe_client_close_input(struct probe_client *pc);
/* True once the child has exited, and then reaps it like probe_client_stop;
 * never waits. */
bool probe_client_try_reap(struct probe_client *pc, char *how, size_t n);
/* Kills every running probe child at once (for signal handlers and atexit). */
void probe_client_kill_all(void);

#endif
