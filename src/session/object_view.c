#include "config.h"

#include "session/object_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/app.h"

bool app_object_set(struct app *a, const char *spec, const char *python, const char *version,
                    const struct profile *pr, enum abi abi, struct object_probe_result *res)
{
	struct app_object *o = a->object ? a->object : calloc(1, sizeof *o);
	if (!o)
		return false;
	if (a->object)
		object_probe_result_free(&o->res);
	snprintf(o->spec, sizeof o->spec, "%s", spec);
	snprintf(o->python, sizeof o->python, "%s", python);
	snprintf(o->version, sizeof o->version, "%s", version);
	o->profile = pr;
	o->abi = abi;
	o->res = *res;
	memset(res, 0, sizeof *res);
	a->object = o;
	app_object_update(a);
	return true;
}

bool app_object_clear(struct app *a)
{
	if (!a->object)
		return false;
	object_probe_result_free(&a->object->res);
	free(a->object);
	a->object = NULL;
	return true;
}

void app_object_update(struct app *a)
{
	struct app_object *o = a->object;
	if (!o)
		return;
	const struct profile *pr = app_profile(a);
	object_judge(&o->res, pr, a->abi, pr == o->profile && a->abi == o->abi, a->instances, &o->j);
}

int app_object_rows(const struct app *a, const struct object_row **rows, int max)
{
	const struct app_object *o = a->object;
	int n = 0;
	if (!o || max <= 0)
		return 0;
	rows[n++] = &o->j.real;
	for (int i = 0; i < ALT_COUNT && n < max; i++)
		rows[n++] = &o->j.alt[i];
	if (o->j.partial && n < max)
		rows[n++] = &o->j.partial_row;
	return n;
}
