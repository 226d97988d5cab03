#include "config.h"

#include "session/census_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/app.h"
#include "session/keys.h"

bool app_census_set(struct app *a, const char *spec, const char *const *paths, int npaths,
                    const char *version, struct census_result *res)
{
	struct app_census *c = a->census ? a->census : calloc(1, sizeof *c);
	if (!c)
		return false;
	if (a->census)
		census_result_free(&c->res);
	snprintf(c->spec, sizeof c->spec, "%s", spec);
	c->npaths = 0;
	for (int i = 0; i < npaths && i < CENSUS_VIEW_PATHS; i++)
		snprintf(c->paths[c->npaths++], sizeof c->paths[0], "%s", paths[i]);
	snprintf(c->version, sizeof c->version, "%s", version);
	c->res = *res;
	memset(res, 0, sizeof *res);
	c->selected = 0;
	c->judged_on = NULL;
	a->census = c;
	a->census_view = true;
	app_census_update(a);
	return true;
}

void app_census_clear(struct app *a)
{
	if (!a->census)
		return;
	census_result_free(&a->census->res);
	free(a->census);
	a->census = NULL;
	a->census_view = false;
}

void app_census_update(struct app *a)
{
	struct app_census *c = a->census;
	if (!c)
		return;
	const struct profile *pr = app_profile(a);
	enum accounting acc = a->acc == ACC_DEEP ? ACC_REQUESTED : a->acc;
	if (c->judged_on == pr && c->judged_abi == a->abi && c->judged_acc == acc)
		return;
	for (size_t i = 0; i < c->res.nclasses; i++)
		census_judge(&c->res.classes[i], pr, a->abi, acc);
	c->judged_on = pr;
	c->judged_abi = a->abi;
	c->judged_acc = acc;
}

bool app_census_key(struct app *a, int key)
{
	struct app_census *c = a->census;
	if (!a->census_view || !c)
		return false;
	int n = (int)c->res.nclasses;
	switch (key) {
	case UK_UP: case 'k': if (c->selected > 0) c->selected--; return true;
	case UK_DOWN: case 'j': if (c->selected + 1 < n) c->selected++; return true;
	case UK_HOME: case 'g': c->selected = 0; return true;
	case UK_END: case 'G': c->selected = n > 0 ? n - 1 : 0; return true;
	case UK_PGUP: c->selected = c->selected > 10 ? c->selected - 10 : 0; return true;
	case UK_PGDN: c->selected = c->selected + 10 < n ? c->selected + 10 : (n > 0 ? n - 1 : 0);
		return true;
	case '\n': case '\r':
		if (n == 0) {
			app_set_status(a, true, "the census found no class to open");
			return true;
		}
		snprintf(a->command_requested, sizeof a->command_requested, "object census");
		return true;
	case UK_ESC: case 'q':
		a->census_view = false;
		app_set_status(a, false, "census closed (:census opens it again)");
		return true;
	default:
		return false;   /* the setting's keys still work */
	}
}
