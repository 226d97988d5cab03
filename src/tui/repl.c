#include "config.h"

#include "tui/repl.h"
#include "core/line_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/readline.h>

#include "tui/line_edit.h"
#include "core/units.h"

/* One line that says where the setting is now, after a command that
 * changed it without printing anything. */
static void print_setting(struct cmd_context *c)
{
	struct app *a = c->app;
	app_update(a);
	char count[32], values[VALUE_LIST_TEXT];
	format_grouped(a->instances, count, sizeof count);
	value_list_format(&a->values, values, sizeof values);
	fprintf(c->out, "CPython %s %s, %u attrs, %s instances, values %s, %s bytes:",
	        app_profile(a)->version, abi_name(a->abi), a->attrs, count, values,
	        accounting_name(a->acc));
	int shown = 0;
	for (int i = 0; i < app_visible_count(a) && shown < 3; i++) {
		enum kind k = app_visible_kind(a, i);
		const struct kind_result *r = &a->eval.kinds[k];
		if (!r->available)
			continue;
		fprintf(c->out, " %s %llu", kind_info(k)->name, (unsigned long long)r->fig[a->acc]);
		shown++;
	}
	fprintf(c->out, "%s\n", app_visible_count(a) > 3 ? " ... (show prints all)" : "");
}

int repl_run(struct cmd_context *c)
{
	bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	line_edit_init();
	line_edit_history_load();
	if (tty)
		printf("slotexplore %s: help lists the commands, TAB completes, quit or Ctrl-D "
		       "leaves.\n", PACKAGE_VERSION);
	char err[700];
	char buf[CMD_MAX_LINE];
	struct line_reader reader;
	line_reader_init(&reader, stdin);
	bool not_text = false;
	while (!c->quit) {
		char *line = NULL;
		if (tty) {
			line = readline("slotexplore> ");
			if (!line)
				break;
		} else {
			/* a pipe: no prompt and no echo, so the output is just the answers;
			 * a line too long or with a NUL byte is refused whole */
			enum line_read got = line_reader_next(&reader, buf, sizeof buf);
			if (got == LINE_EOF || got == LINE_ERROR)
				break;
			if (got == LINE_NUL || got == LINE_RUNAWAY) {
				fprintf(stderr, "error: line %u: %s; stopped reading\n", reader.lineno,
				        got == LINE_NUL ? "a NUL byte (binary data, not commands)"
				                        : "no line end in 64 KiB (not commands)");
				not_text = true;
				break;
			}
			if (got == LINE_TOO_LONG) {
				fprintf(stderr, "error: line %u: the line is too long (at most 1023 "
				        "characters); nothing of it was run\n", reader.lineno);
				continue;
			}
			line = strdup(buf);
			if (!line)
				break;
		}
		line_edit_history_add(line);
		c->printed = false;
		bool ok = cmd_run_line(c, line, err, sizeof err);
		free(line);
		fflush(stdout);
		if (!ok)
			fprintf(stderr, "error: %s\n", err);
		else if (!c->printed && !c->quit)
			print_setting(c);
		fflush(stdout);
	}
	if (tty && !c->quit)
		putchar('\n');
	if (!line_edit_history_save(err, sizeof err) && tty)
		fprintf(stderr, "slotexplore: %s\n", err);
	return fflush(stdout) == 0 && !not_text ? EXIT_SUCCESS : EXIT_FAILURE;
}
