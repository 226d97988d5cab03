#include "config.h"

#include "tui/line_edit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cli/xdg.h"
#include "cmd/commands.h"

#define MAX_MATCHES 64

static const char *matches[MAX_MATCHES];
static int nmatches;

static char *next_match(const char *text, int state)
{
	static int i;
	(void)text;
	if (state == 0)
		i = 0;
	return i < nmatches ? strdup(matches[i++]) : NULL;
}

static char **complete(const char *text, int start, int end)
{
	(void)end;
	char before[CMD_MAX_LINE];
	size_t n = (size_t)start < sizeof before - 1 ? (size_t)start : sizeof before - 1;
	memcpy(before, rl_line_buffer, n);
	before[n] = '\0';
	nmatches = cmd_complete(before, text, matches, MAX_MATCHES);
	if (nmatches < 0) {
		rl_attempted_completion_over = 0;   /* a path: readline completes file names */
		rl_sort_completion_matches = 1;
		return NULL;
	}
	rl_attempted_completion_over = 1;
	/* ours come in their own order: versions 3.8 ... 3.15, not 3.10 before 3.8 */
	rl_sort_completion_matches = 0;
	return nmatches ? rl_completion_matches(text, next_match) : NULL;
}

void line_edit_init(void)
{
	rl_readline_name = "slotexplore";
	rl_attempted_completion_function = complete;
	rl_basic_word_break_characters = " \t;";
	rl_completer_quote_characters = "\"'";
	stifle_history(HISTORY_MAX);
}

bool line_edit_history_path(char *buf, size_t n)
{
	return xdg_path(XDG_STATE, "history", buf, n);
}

void line_edit_history_load(void)
{
	char path[4096];
	struct stat st;
	/* a missing file is an empty history; a FIFO or a device is none at all
	 * (read_history would block on the one and spin on the other) */
	if (line_edit_history_path(path, sizeof path) && stat(path, &st) == 0 &&
	    S_ISREG(st.st_mode) && st.st_size < 16 * 1024 * 1024)
		read_history(path);
}

void line_edit_history_add(const char *line)
{
	const char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return;
	HIST_ENTRY *last = history_length ? history_get(history_base + history_length - 1) : NULL;
	if (last && strcmp(last->line, line) == 0)
		return;
	add_history(line);
}

bool line_edit_history_save(char *err, size_t errlen)
{
	char path[4096];
	if (!line_edit_history_path(path, sizeof path)) {
		snprintf(err, errlen, "no HOME or XDG_STATE_HOME for the history");
		return false;
	}
	if (!xdg_make_parents(path)) {
		snprintf(err, errlen, "history %s: %s", path, strerror(errno));
		return false;
	}
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "history %s: not a regular file; not written", path);
		return false;
	}
	int rc = write_history(path);
	if (rc != 0) {
		snprintf(err, errlen, "history %s: %s", path, strerror(rc));
		return false;
	}
	history_truncate_file(path, HISTORY_MAX);
	return true;
}
