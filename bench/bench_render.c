/* Headless frame rendering at 200x50: how many frames per second the
 * renderer draws into the text grid, with and without a key (and the model
 * recomputation it causes) before every frame. Prints figures; asserts
 * nothing. Goal (issue #4): at least 2,000 frames per second. */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "core/datadir.h"
#include "core/profile.h"
#include "render/screen.h"
#include "session/app.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void run(const char *what, struct app *a, struct grid *g, const int *keys, int nkeys)
{
	int frames = 0;
	double start = now(), elapsed;
	do {
		for (int i = 0; i < 100; i++, frames++) {
			if (nkeys)
				app_key(a, keys[frames % nkeys]);
			render_screen(a, g);
		}
		elapsed = now() - start;
	} while (elapsed < 1.0);
	printf("  %-52s %9.0f frames/s  (%.3f ms/frame)\n", what, frames / elapsed,
	       1000.0 * elapsed / frames);
}

int main(void)
{
	char dir[4096], err[300];
	datadir_locate(dir, sizeof dir);
	struct profile_set set;
	if (!profile_set_load(dir, &set, err, sizeof err)) {
		fprintf(stderr, "bench_render: %s\n", err);
		return 1;
	}
	static struct app a;
	app_init(&a, &set, profile_set_find(&set, 3, 13, false), ABI_LP64);
	a.utf8 = true;
	struct grid g = { 0 };
	grid_resize(&g, 200, 50);
	grid_resize(&g, 80, 24);
	printf("frame rendering into a text grid (goal: >= 2,000 frames/s at 200x50)\n");
	run("80x24, redraw, setting unchanged", &a, &g, NULL, 0);
	grid_resize(&g, 200, 50);
	run("200x50, redraw, setting unchanged (instances chart)", &a, &g, NULL, 0);
	static const int attrs_keys[] = { UK_RIGHT, UK_LEFT };
	run("attrs +1/-1 before each frame (model recomputed)", &a, &g, attrs_keys, 2);
	static const int inst_keys[] = { '+', '-' };
	run("instances x10 / /10 before each frame", &a, &g, inst_keys, 2);
	app_key(&a, 'c');
	run("redraw, attributes chart", &a, &g, NULL, 0);
	run("attrs +1/-1 before each frame, attributes chart", &a, &g, attrs_keys, 2);
	a.utf8 = false;
	run("redraw, ASCII", &a, &g, NULL, 0);
	grid_free(&g);
	profile_set_free(&set);
	return 0;
}
