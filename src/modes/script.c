#include "config.h"

#include "modes/modes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/line_reader.h"

/* Runs commands from a stream; an error names the line. Returns the exit
 * status. A line too long or holding a NUL byte is refused whole: nothing
 * of it runs. */
int run_command_stream(FILE *in, const char *name, struct cmd_context *c)
{
	char line[CMD_MAX_LINE], err[700];
	struct line_reader r;
	line_reader_init(&r, in);
	while (!c->quit) {
		enum line_read got = line_reader_next(&r, line, sizeof line);
		if (got == LINE_EOF)
			break;
		if (got == LINE_ERROR) {
			fprintf(stderr, "slotexplore: %s: read error: %s\n", name, strerror(errno));
			return EXIT_FAILURE;
		}
		if (got != LINE_OK) {
			fflush(stdout);
			fprintf(stderr, "slotexplore: %s:%u: %s; nothing of it was run\n", name, r.lineno,
			        got == LINE_NUL ? "the line holds a NUL byte (binary data, not commands)"
			        : got == LINE_RUNAWAY ? "no line end in 64 KiB (not a command file)"
			                              : "the line is too long (at most 1023 characters)");
			return EXIT_USAGE;
		}
		if (!cmd_run_line(c, line, err, sizeof err)) {
			fflush(stdout);
			fprintf(stderr, "slotexplore: %s:%u: %s\n", name, r.lineno, err);
			return EXIT_USAGE;
		}
	}
	return EXIT_SUCCESS;
}

int mode_script(struct run_context *rc, struct cmd_context *ctx)
{
	const struct options *opt = rc->opt;
	char err[700];
	for (int i = 0; i < opt->ncommands && !ctx->quit; i++)
		if (!cmd_run_line(ctx, opt->commands[i], err, sizeof err)) {
			fflush(stdout);
			if (opt->ncommands > 1)
				fprintf(stderr, "slotexplore: -c #%d: %s\n", i + 1, err);
			else
				fprintf(stderr, "slotexplore: -c: %s\n", err);
			return EXIT_USAGE;
		}
	int status = EXIT_SUCCESS;
	if (!ctx->quit && opt->script) {
		if (strcmp(opt->script, "-") == 0) {
			status = run_command_stream(stdin, "(stdin)", ctx);
		} else {
			FILE *f = fopen(opt->script, "r");
			if (!f) {
				fprintf(stderr, "slotexplore: --script %s: %s\n", opt->script, strerror(errno));
				return EXIT_USAGE;
			}
			status = run_command_stream(f, opt->script, ctx);
			fclose(f);
		}
	} else if (!ctx->quit && !opt->ncommands) {
		/* commands on standard input; with none at all, the table */
		status = run_command_stream(stdin, "(stdin)", ctx);
		if (status == EXIT_SUCCESS && !ctx->printed && !ctx->quit) {
			struct cmd_context quiet = *ctx;
			char e2[80];
			cmd_run_line(&quiet, "show", e2, sizeof e2);
		}
	}
	if (status != EXIT_SUCCESS)
		return status;
	return mode_finish_output();
}
