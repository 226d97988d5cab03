/* Headless screens: runs the explorer's state and renderer with a key
 * script and prints the screen as text, with no terminal at all.
 *   screen_check [--ascii] [--version X.Y] WIDTH HEIGHT [TOKEN...]
 * Tokens: a plain character is that key; <Left> <Right> <Up> <Down>
 * <S-Left> <S-Right> <S-Up> <S-Down> <PgUp> <PgDn> <Home> <End> <F1> <Esc>
 * <Del> <C-L> <Enter> <BS>; <Resize:WxH>; <Click:X,Y> <WheelUp:X,Y> <WheelDown:X,Y>;
 * <Cmd:LINE> runs a command line as ':' would;
 * <Print:LINE> runs one whose output goes to the pager, as ':' does;
 * <Dump> prints the screen so far (the final screen is always printed).
 * --timing FILE opens the timing pane on saved --measure JSON results;
 * <Batch> then stands for a new batch of values (the result's generation
 * moves on); --analyses prints on stderr how many times the timing
 * statistics were computed (once per batch, never per frame);
 * --tour starts on the guided tour (data/tour.txt); --cuts prints, after
 * the screen, "cuts: N": how many texts the last frame cut (0: none);
 * --styles prints, after the screen, each cell's style as a letter (a =
 * style 0, b = 1, ...), row by row, for the colour tests. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/profile.h"
#include "render/screen.h"
#include "session/app.h"
#include "cmd/tour_run.h"
#include "cmd/commands.h"
#include "core/tradeoffs.h"

static const struct { const char *name; int key; } names[] = {
	{ "<Left>", UK_LEFT }, { "<Right>", UK_RIGHT }, { "<Up>", UK_UP }, { "<Down>", UK_DOWN },
	{ "<S-Left>", UK_SLEFT }, { "<S-Right>", UK_SRIGHT }, { "<S-Up>", UK_SUP },
	{ "<S-Down>", UK_SDOWN }, { "<PgUp>", UK_PGUP }, { "<PgDn>", UK_PGDN },
	{ "<Home>", UK_HOME }, { "<End>", UK_END }, { "<F1>", UK_F1 }, { "<Esc>", UK_ESC },
	{ "<Del>", UK_DELETE }, { "<C-L>", 12 }, { "<Enter>", '\r' }, { "<BS>", 127 },
};

static char data_dir[4096];

/* tradeoffs here: the committed table of the version shown, never a child */
static bool committed_tradeoffs(struct cmd_context *c, struct tradeoff_table *t, char *err,
                                size_t errlen)
{
	return tradeoffs_for(data_dir, NULL, app_profile(c->app), 1000, NULL, NULL, t, err, errlen);
}

/* Runs a line as the explorer's ':' does: printed output to the pager. */
static void run_printing(struct app *a, struct cmd_context *ctx, const char *line)
{
	char *text = NULL, err[700];
	size_t size = 0;
	FILE *mem = open_memstream(&text, &size);
	FILE *was = ctx->out;
	ctx->out = mem;
	ctx->tui = false;
	bool ran = cmd_run_line(ctx, line, err, sizeof err);
	fclose(mem);
	ctx->out = was;
	ctx->tui = true;
	if (ran)
		app_show_pager(a, text);
	else {
		free(text);
		app_set_status(a, true, "%s", err);
	}
}

static void dump(struct app *a, struct grid *g)
{
	render_screen(a, g);
	char line[4096];
	for (int y = 0; y < g->h; y++) {
		grid_row_text(g, y, line, sizeof line);
		printf("%s\n", line);
	}
}

int main(int argc, char **argv)
{
	int i = 1;
	bool ascii = false;
	const char *timing_file = NULL;   /* show the timing pane with these results */
	bool with_tour = false;           /* load data/tour.txt and start on step 1 */
	bool present = false;             /* presentation mode */
	bool show_cuts = false;           /* --cuts */
	bool show_styles = false;         /* --styles */
	bool analyses = false;            /* report how often the timing statistics ran */
	int major = 3, minor = 13;
	bool ft = false;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (strcmp(argv[i], "--ascii") == 0)
			ascii = true;
		else if (strcmp(argv[i], "--version") == 0 && i + 1 < argc)
			parse_python_version(argv[++i], &major, &minor, &ft);
		else if (strcmp(argv[i], "--present") == 0)
			present = true;
		else if (strcmp(argv[i], "--tour") == 0)
			with_tour = true;
		else if (strcmp(argv[i], "--cuts") == 0)
			show_cuts = true;
		else if (strcmp(argv[i], "--styles") == 0)
			show_styles = true;
		else if (strcmp(argv[i], "--analyses") == 0)
			analyses = true;
		else if (strcmp(argv[i], "--timing") == 0 && i + 1 < argc)
			timing_file = argv[++i];
		else {
			fprintf(stderr, "screen_check: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	if (argc - i < 2) {
		fprintf(stderr, "usage: screen_check [--ascii] [--version X.Y] W H [TOKEN...]\n");
		return 2;
	}
	int w = atoi(argv[i]), h = atoi(argv[i + 1]);
	i += 2;
	char dir[4096], err[300];
	datadir_locate(dir, sizeof dir);
	snprintf(data_dir, sizeof data_dir, "%s", dir);
	struct profile_set set;
	if (!profile_set_load(dir, &set, err, sizeof err)) {
		fprintf(stderr, "screen_check: %s\n", err);
		return 1;
	}
	static struct app a;
	const struct profile *pr = profile_set_find(&set, major, minor, ft);
	if (!pr) {
		fprintf(stderr, "screen_check: no profile for %d.%d%s\n", major, minor, ft ? "t" : "");
		return 2;
	}
	app_init(&a, &set, pr, ABI_LP64);
	a.utf8 = !ascii;
	a.present = present;
	static struct timing_result timing;
	if (timing_file) {
		unsigned attrs;
		if (!timing_load(timing_file, &timing, &attrs, err, sizeof err)) {
			fprintf(stderr, "screen_check: %s\n", err);
			return 1;
		}
		a.timing = &timing;
		a.timing_attrs = attrs;
		a.timing_view = true;
		a.timing_kinds[0] = KIND_REGULAR;
		a.timing_kinds[1] = KIND_SLOTS;
	}
	static struct tour tour;
	static struct cmd_context ctx;
	ctx.app = &a;
	ctx.out = fopen("/dev/null", "w");
	ctx.no_files = true;
	ctx.hooks.tradeoffs = ctx.hooks.committed_tradeoffs = committed_tradeoffs;
	if (with_tour) {
		char path[4200];
		snprintf(path, sizeof path, "%s/tour.txt", dir);
		if (!tour_load(path, &tour, err, sizeof err)) {
			fprintf(stderr, "screen_check: %s\n", err);
			return 1;
		}
		a.tour = &tour;
		a.tour_requested = 0;
		tour_service(&a, &tour, &ctx);
	}
	struct grid g = { 0 };
	if (!grid_resize(&g, w, h)) {
		fprintf(stderr, "screen_check: bad size %dx%d\n", w, h);
		return 2;
	}
	render_screen(&a, &g);
	for (; i < argc; i++) {
		const char *t = argv[i];
		int x, y, key = -1;
		if (strcmp(t, "<Batch>") == 0) {
			timing.generation++;
			render_screen(&a, &g);
			continue;
		}
		if (strcmp(t, "<Dump>") == 0) {
			dump(&a, &g);
			printf("----\n");
			continue;
		}
		if (sscanf(t, "<Resize:%dx%d>", &x, &y) == 2) {
			if (!grid_resize(&g, x, y))
				return 2;
			app_key(&a, UK_RESIZE);
			render_screen(&a, &g);
			continue;
		}
		if (strncmp(t, "<Cmd:", 5) == 0 && t[strlen(t) - 1] == '>') {
			char line[1024];
			snprintf(line, sizeof line, "%.*s", (int)strlen(t) - 6, t + 5);
			ctx.no_files = false;
			ctx.tui = true;
			if (!cmd_run_line(&ctx, line, err, sizeof err))
				app_set_status(&a, true, "%s", err);
			render_screen(&a, &g);
			continue;
		}
		if (strncmp(t, "<Print:", 7) == 0 && t[strlen(t) - 1] == '>') {
			char line[1024];
			snprintf(line, sizeof line, "%.*s", (int)strlen(t) - 8, t + 7);
			run_printing(&a, &ctx, line);
			render_screen(&a, &g);
			continue;
		}
		if (sscanf(t, "<Click:%d,%d>", &x, &y) == 2) {
			app_mouse(&a, grid_zone_at(&g, x, y), 1);
			render_screen(&a, &g);
			continue;
		}
		if (sscanf(t, "<WheelUp:%d,%d>", &x, &y) == 2 || sscanf(t, "<WheelDown:%d,%d>", &x, &y) == 2) {
			app_mouse(&a, grid_zone_at(&g, x, y), strncmp(t, "<WheelUp", 8) == 0 ? 4 : 5);
			render_screen(&a, &g);
			continue;
		}
		for (size_t n = 0; n < sizeof names / sizeof names[0]; n++)
			if (strcmp(t, names[n].name) == 0)
				key = names[n].key;
		if (key < 0 && t[0] && !t[1])
			key = (unsigned char)t[0];
		if (key < 0) {
			fprintf(stderr, "screen_check: unknown token %s\n", t);
			return 2;
		}
		app_key(&a, key);
		tour_service(&a, a.tour, &ctx);
		if (a.command_requested[0]) {   /* o: as the front end runs it */
			char line[sizeof a.command_requested];
			snprintf(line, sizeof line, "%s", a.command_requested);
			a.command_requested[0] = '\0';
			run_printing(&a, &ctx, line);
		}
		if (a.quit) {
			printf("(quit)\n");
			break;
		}
		render_screen(&a, &g);
	}
	if (!a.quit)
		dump(&a, &g);
	if (show_cuts)
		printf("cuts: %d\n", g.clipped);
	if (show_styles)
		for (int y = 0; y < g.h; y++) {
			for (int x = 0; x < g.w; x++)
				putchar('a' + g.cells[(size_t)y * (size_t)g.w + (size_t)x].style % 26);
			putchar('\n');
		}
	if (analyses)
		fprintf(stderr, "analyses: %u\n", timing_analysis_count());
	grid_free(&g);
	timing_result_free(&timing);
	profile_set_free(&set);
	return 0;
}
