/* libFuzzer target: the explorer as a user drives it, without curses. The
 * input picks a window size, a profile, an ABI and the modes to start in,
 * then is a stream of key presses, mouse clicks, resizes and ':' command
 * lines; after each the screen is drawn. Whatever the stream, no fault,
 * every screen fits its grid and the state stays in range. Files are never
 * written and no interpreter is run. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/commands.h"
#include "cmd/tour_run.h"
#include "fuzz_setup.h"
#include "render/grid.h"
#include "render/screen.h"
#include "session/keys.h"
#include "session/tour.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int special_keys[] = {
	UK_LEFT, UK_RIGHT, UK_UP, UK_DOWN, UK_SLEFT, UK_SRIGHT, UK_SUP, UK_SDOWN, UK_PGUP,
	UK_PGDN, UK_HOME, UK_END, UK_F1, UK_ESC, UK_DELETE, UK_RESIZE, 12, '\r', 127,
};

static struct tour fuzz_tour;
static bool fuzz_tour_loaded;

static void load_tour(void)
{
	static bool tried;
	if (tried)
		return;
	tried = true;
	char dir[4096], path[4200], err[300];
	datadir_locate(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/tour.txt", dir);
	fuzz_tour_loaded = tour_load(path, &fuzz_tour, err, sizeof err);
}

/* The state a front end relies on: a selected kind that exists, a scroll
 * position and a setting within the limits. */
static void check_state(const struct app *a)
{
	if (a->selected < 0 || a->selected >= KIND_COUNT)
		abort();
	if (a->tour_active && (!a->tour || a->tour_step < 0 || a->tour_step >= a->tour->nsteps))
		abort();
	if (a->instances < 1)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	load_tour();
	if (size < 5)
		return 0;
	static struct app app;
	const struct profile *pr = &fuzz_profiles.items[data[2] % fuzz_profiles.count];
	app_init(&app, &fuzz_profiles, pr, (enum abi)(data[3] % ABI_COUNT));
	app.utf8 = data[4] & 1;
	app.present = data[4] & 2;
	app.light = data[4] & 4;
	struct cmd_context c = { .app = &app, .out = fuzz_sink, .no_files = true, .tui = true };
	if (fuzz_tour_loaded && (data[4] & 8)) {
		app.tour = &fuzz_tour;
		app.tour_requested = 0;
		tour_service(&app, &fuzz_tour, &c);
	}
	struct grid g = { 0 };
	if (!grid_resize(&g, SCREEN_MIN_W + data[0] % 160, SCREEN_MIN_H + data[1] % 50))
		return 0;
	char err[700];
	for (size_t i = 5; i < size && !app.quit; i++) {
		uint8_t b = data[i];
		if (b == ':') {   /* a command line, up to the next newline */
			size_t end = i + 1;
			while (end < size && data[end] != '\n')
				end++;
			char line[1024];
			size_t n = end - i - 1 < sizeof line - 1 ? end - i - 1 : sizeof line - 1;
			memcpy(line, data + i + 1, n);
			line[n] = '\0';
			if (!memchr(line, '\0', n) && !cmd_run_line(&c, line, err, sizeof err))
				app_set_status(&app, true, "%s", err);
			i = end;
		} else if (b == 0xFE && i + 2 < size) {   /* a resize */
			if (!grid_resize(&g, 1 + data[i + 1] % 260, 1 + data[i + 2] % 90))
				break;
			app_key(&app, UK_RESIZE);
			i += 2;
		} else if (b == 0xFD && i + 3 < size) {   /* a click or the wheel */
			static const int buttons[] = { 1, 4, 5 };
			app_mouse(&app, grid_zone_at(&g, data[i + 1] % (g.w + 1), data[i + 2] % (g.h + 1)),
			          buttons[data[i + 3] % 3]);
			i += 3;
		} else if (b >= 0xE0) {
			app_key(&app, special_keys[(b - 0xE0) % (sizeof special_keys / sizeof *special_keys)]);
		} else {
			app_key(&app, b);
		}
		tour_service(&app, app.tour, &c);
		app.cmd_active = false;   /* no line editor here: ':' lines come as above */
		render_screen(&app, &g);
		check_state(&app);
	}
	render_screen(&app, &g);
	grid_free(&g);
	free(app.pager);
	app.pager = NULL;
	return 0;
}
