#include "config.h"

#include "tui/cmdline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "tui/line_edit.h"
#include "render/grid.h"

static struct app *editing;
static unsigned char pending[64];
static size_t npending, taken;
static bool line_ready;
static char ready[1024];

static int feed_getc(FILE *f)
{
	(void)f;
	return taken < npending ? pending[taken++] : EOF;
}

static int feed_available(void)
{
	return taken < npending;
}

/* Readline's idea of the line goes into the app; the renderer draws it. */
static void redisplay(void)
{
	if (!editing)
		return;
	snprintf(editing->cmd_text, sizeof editing->cmd_text, "%s", rl_line_buffer);
	char before[sizeof editing->cmd_text];
	size_t n = (size_t)rl_point < sizeof before - 1 ? (size_t)rl_point : sizeof before - 1;
	memcpy(before, rl_line_buffer, n);
	before[n] = '\0';
	editing->cmd_cursor = utf8_columns(before);
}

static void show_matches(char **matches, int num, int max)
{
	(void)max;
	if (!editing)
		return;
	size_t len = 0;
	char *s = editing->status;
	len += (size_t)snprintf(s, sizeof editing->status, "%d matches:", num);
	for (int i = 1; i <= num && len < sizeof editing->status; i++)
		len += (size_t)snprintf(s + len, sizeof editing->status - len, " %s", matches[i]);
	editing->status_error = false;
}

static void on_line(char *line)
{
	snprintf(ready, sizeof ready, "%s", line ? line : "");
	free(line);
	line_ready = true;
	rl_callback_handler_remove();
}

static void setup_once(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	/* readline must not touch the terminal, signals or LINES/COLUMNS */
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = feed_getc;
	rl_input_available_hook = feed_available;
	rl_redisplay_function = redisplay;
	rl_completion_display_matches_hook = show_matches;
	FILE *null = fopen("/dev/null", "w");
	if (null)
		rl_outstream = null;
	rl_variable_bind("bell-style", "none");
	line_edit_init();
	line_edit_history_load();
}

void cmdline_begin(struct app *a)
{
	setup_once();
	editing = a;
	a->cmd_active = true;
	a->cmd_text[0] = '\0';
	a->cmd_cursor = 0;
	a->status[0] = '\0';
	line_ready = false;
	rl_callback_handler_install("", on_line);
}

bool cmdline_feed(struct app *a, const char *bytes, size_t n, char *line, size_t linelen)
{
	if (!a->cmd_active)
		return false;
	while (n > 0) {
		size_t chunk = n < sizeof pending ? n : sizeof pending;
		memcpy(pending, bytes, chunk);
		npending = chunk;
		taken = 0;
		while (taken < npending && !line_ready)
			rl_callback_read_char();
		bytes += chunk;
		n -= chunk;
		if (line_ready)
			break;
	}
	npending = taken = 0;
	if (!line_ready)
		return false;
	line_ready = false;
	a->cmd_active = false;
	editing = NULL;
	snprintf(line, linelen, "%s", ready);
	return true;
}

void cmdline_cancel(struct app *a)
{
	if (!a->cmd_active)
		return;
	/* not rl_callback_sigcleanup(): it would restore signal handlers that
	 * readline never saved, i.e. SIG_DFL for SIGINT */
	rl_free_line_state();
	rl_replace_line("", 0);
	rl_point = rl_end = rl_mark = 0;
	rl_callback_handler_remove();
	a->cmd_active = false;
	editing = NULL;
	line_ready = false;
}
