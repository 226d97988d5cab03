#include "config.h"

#include "session/app.h"
#include "session/census_view.h"
#include "session/notes.h"
#include "session/object_view.h"
#include "session/tour.h"
#include "session/worth.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const values_choices[APP_VALUES_CHOICES] = {
	"none", "smallint", "int:64", "int:200", "float", "str:10", "str:10:ucs2", "str:50",
};

const char *app_values_choice(int i)
{
	return values_choices[((i % APP_VALUES_CHOICES) + APP_VALUES_CHOICES) % APP_VALUES_CHOICES];
}

void app_set_status(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
	a->status_error = error;
	a->status_in_pane = false;
}

const struct profile *app_profile(const struct app *a)
{
	return &a->profiles->items[a->profile_index];
}

void app_init(struct app *a, const struct profile_set *profiles, const struct profile *pr,
              enum abi abi)
{
	memset(a, 0, sizeof *a);
	a->profiles = profiles;
	for (size_t i = 0; i < profiles->count; i++)
		if (&profiles->items[i] == pr)
			a->profile_index = i;
	a->abi = abi;
	a->attrs = 5;
	a->instances = 1000;
	a->values_index = 0;
	value_list_single(&a->values, &(struct value_spec){ .type = VALUE_NONE, .shared = true });
	a->acc = ACC_ALLOCATED;
	a->chart = CHART_INSTANCES;
	for (int k = 0; k < KIND_COUNT; k++) {
		a->order[k] = (enum kind)k;
		a->hidden[k] = kind_info((enum kind)k)->inheritance;   /* I shows them */
	}
	a->selected = KIND_REGULAR;
	a->best = -1;
	a->tour_requested = -1;
	timing_settings_default(&a->timing_settings);
	a->dirty = true;
}

/* I: the six inheritance kinds shown, or hidden again; hiding keeps at
 * least one kind. */
void app_toggle_inheritance(struct app *a)
{
	bool any_hidden = false;
	for (int k = KIND_FIRST_INHERITANCE; k < KIND_COUNT; k++)
		any_hidden |= a->hidden[k];
	for (int k = KIND_FIRST_INHERITANCE; k < KIND_COUNT; k++)
		a->hidden[k] = !any_hidden;
	if (app_visible_count(a) == 0)
		a->hidden[KIND_REGULAR] = false;
	if (a->hidden[a->selected])
		a->selected = app_visible_kind(a, 0);
	else if (any_hidden)
		a->selected = KIND_FIRST_INHERITANCE;
	struct model_setting s = a->setting;
	s.attrs = a->attrs;
	s.base_given = a->base_given;
	s.base_attrs = a->base_attrs;
	app_set_status(a, false, any_hidden ? "inheritance kinds shown: %u of the %u attributes in "
	               "the base (--base-attrs, set base-attrs; I hides them)"
	               : "inheritance kinds hidden (I shows them)", model_base_attrs(&s), a->attrs);
	a->dirty = true;
}

int app_visible_count(const struct app *a)
{
	int n = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		n += !a->hidden[k];
	return n;
}

enum kind app_visible_kind(const struct app *a, int i)
{
	for (int p = 0; p < KIND_COUNT; p++) {
		enum kind k = a->order[p];
		if (a->hidden[k])
			continue;
		if (i-- == 0)
			return k;
	}
	return KIND_COUNT;
}

static int visible_position(const struct app *a, int kind)
{
	for (int i = 0, n = app_visible_count(a); i < n; i++)
		if ((int)app_visible_kind(a, i) == kind)
			return i;
	return 0;
}

void app_check_reset(struct app *a)
{
	memset(&a->check, 0, sizeof a->check);
}

static void setting_changed(struct app *a)
{
	a->dirty = true;
	app_check_reset(a);
}

static uint64_t kind_total(const struct app *a, enum kind k, uint64_t m, unsigned attrs)
{
	struct model_setting s = a->setting;
	s.instances = m;
	s.attrs = attrs;
	struct container c;
	model_container(&s, &c);
	struct kind_result r;
	model_evaluate(&s, k, &c, &r);
	return r.available ? r.total[a->acc] : 0;
}

static uint64_t kind_per_instance(const struct app *a, enum kind k, unsigned attrs)
{
	struct model_setting s = a->setting;
	s.attrs = attrs;
	s.instances = 1000;
	struct container c;
	model_container(&s, &c);
	struct kind_result r;
	model_evaluate(&s, k, &c, &r);
	return r.available ? r.fig[a->acc] : 0;
}

/* The smallest M at which slots saves at least 1 MiB over regular. */
static uint64_t mib_saving_point(const struct app *a)
{
	const uint64_t mib = 1u << 20;
	uint64_t hi = MODEL_MAX_INSTANCES;
	uint64_t r = kind_total(a, KIND_REGULAR, hi, a->attrs), s = kind_total(a, KIND_SLOTS, hi, a->attrs);
	if (r <= s || r - s < mib)
		return 0;
	uint64_t lo = 1;
	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;
		r = kind_total(a, KIND_REGULAR, mid, a->attrs);
		s = kind_total(a, KIND_SLOTS, mid, a->attrs);
		if (r > s && r - s >= mib)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static void choose_series(struct app *a)
{
	enum kind want[3] = { (enum kind)a->selected, KIND_REGULAR, KIND_SLOTS };
	a->nseries = 0;
	for (int i = 0; i < 3; i++) {
		bool dup = false;
		for (int j = 0; j < a->nseries; j++)
			dup |= a->series_kind[j] == want[i];
		if (!dup && a->eval.kinds[want[i]].available)
			a->series_kind[a->nseries++] = want[i];
	}
}

void app_update(struct app *a)
{
	if (!a->dirty)
		return;
	a->dirty = false;
	if (!app_profile(a)->abi[a->abi].modelled) {
		/* an option or a remembered setting put them together: the profile wins */
		char why[160];
		app_set_status(a, true, "%s; showing lp64", profile_abi_problem(app_profile(a), a->abi,
		                                                                 why, sizeof why));
		a->abi = ABI_LP64;
	}
	a->setting = (struct model_setting){
		.profile = app_profile(a), .abi = a->abi, .attrs = a->attrs,
		.instances = a->instances, .values = a->values, .name_len = 0,
		.base_given = a->base_given, .base_attrs = a->base_attrs,
	};
	model_evaluate_all(&a->setting, &a->eval);
	app_object_update(a);
	app_census_update(a);
	a->best = -1;
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_result *r = &a->eval.kinds[k];
		if (a->hidden[k] || !r->available)
			continue;
		const struct kind_result *b = a->best >= 0 ? &a->eval.kinds[a->best] : NULL;
		if (!b || (a->compare_instance ? r->fig[a->acc] < b->fig[a->acc]
		                               : r->total[a->acc] < b->total[a->acc]))
			a->best = k;
	}
	if (a->sorted) {
		/* stable insertion sort by total, unavailable kinds last */
		for (int i = 1; i < KIND_COUNT; i++) {
			enum kind k = a->order[i];
			const struct kind_result *r = &a->eval.kinds[k];
			uint64_t key = r->available ? r->total[a->acc] : UINT64_MAX;
			int j = i - 1;
			while (j >= 0) {
				const struct kind_result *q = &a->eval.kinds[a->order[j]];
				uint64_t qk = q->available ? q->total[a->acc] : UINT64_MAX;
				if (qk <= key)
					break;
				a->order[j + 1] = a->order[j];
				j--;
			}
			a->order[j + 1] = k;
		}
	}
	choose_series(a);
	if (a->chart == CHART_ATTRS) {
		for (int s = 0; s < a->nseries; s++)
			for (unsigned n = 0; n <= CHART_ATTRS_MAX; n++)
				a->series[s][n] = (double)kind_per_instance(a, a->series_kind[s], n);
	}
	if (a->versions_view)
		by_version_compute(a->profiles, &a->setting, a->acc, &a->versions);
	a->mib_saved_at = mib_saving_point(a);
	a->overflow_at = -1;
	for (unsigned n = 0; n <= CHART_ATTRS_MAX && a->overflow_at < 0; n++) {
		struct model_setting s = a->setting;
		s.attrs = n;
		struct container c;
		model_container(&s, &c);
		struct kind_result r;
		model_evaluate(&s, KIND_REGULAR, &c, &r);
		if (r.overflow)
			a->overflow_at = (int)n;
	}
}

enum kind app_compared_kind(const struct app *a)
{
	return a->selected == KIND_REGULAR ? KIND_SLOTS : (enum kind)a->selected;
}

/* The chart asks for totals at log-spaced M: cheap, only M changes. */
uint64_t app_total_at(const struct app *a, enum kind k, uint64_t m)
{
	return kind_total(a, k, m, a->attrs);
}

static bool set_attrs(struct app *a, long delta)
{
	long n = (long)a->attrs + delta;
	if (n < 0)
		n = 0;
	if (n > (long)MODEL_MAX_ATTRS)
		n = MODEL_MAX_ATTRS;
	if ((unsigned)n == a->attrs) {
		app_set_status(a, true, "attributes: already at the %s (%u)",
		               delta < 0 ? "minimum" : "maximum", a->attrs);
		return false;
	}
	if (!value_list_covers(&a->values, (unsigned)n)) {
		app_set_status(a, true, "attributes: the values list has %u values (end it with ... to "
		               "repeat the last: set values ...)", a->values.n);
		return false;
	}
	a->attrs = (unsigned)n;
	setting_changed(a);
	return true;
}

static bool set_instances(struct app *a, bool up)
{
	uint64_t m = a->instances;
	if (up)
		m = m > MODEL_MAX_INSTANCES / 10 ? MODEL_MAX_INSTANCES : m * 10;
	else
		m = m / 10 ? m / 10 : 1;
	if (m == a->instances) {
		app_set_status(a, true, "instances: already at the %s", up ? "maximum (10^15)" : "minimum (1)");
		return false;
	}
	a->instances = m;
	setting_changed(a);
	return true;
}

static void select_step(struct app *a, int step)
{
	int n = app_visible_count(a);
	int pos = visible_position(a, a->selected) + step;
	if (pos < 0)
		pos = 0;
	if (pos >= n)
		pos = n - 1;
	a->selected = app_visible_kind(a, pos);
	a->dirty = true;   /* the chart follows the selection */
}

static bool move_kind(struct app *a, int dir)
{
	int p = 0;
	while (p < KIND_COUNT && (int)a->order[p] != a->selected)
		p++;
	int q = p + dir;
	while (q >= 0 && q < KIND_COUNT && a->hidden[a->order[q]])
		q += dir;
	if (q < 0 || q >= KIND_COUNT) {
		app_set_status(a, true, "%s is already %s", kind_info((enum kind)a->selected)->name,
		               dir < 0 ? "first" : "last");
		return false;
	}
	enum kind t = a->order[p];
	a->order[p] = a->order[q];
	a->order[q] = t;
	a->sorted = false;
	return true;
}

/* i in the tour: the whole step in the pager, for a window too small for
 * it. The answer and the teacher's notes only once A and N showed them: the
 * screen may be on a projector. */
static void app_show_tour_step(struct app *a)
{
	const struct tour_step *st = &a->tour->step[a->tour_step];
	char text[2048], question[700], answer[1300], notes[1600];
	tour_expand(a, st->text, text, sizeof text);
	tour_expand(a, st->question, question, sizeof question);
	tour_expand(a, st->answer, answer, sizeof answer);
	tour_expand(a, st->notes, notes, sizeof notes);
	size_t n = 64 + sizeof st->title + sizeof text + sizeof question + sizeof answer + sizeof notes;
	char *page = malloc(n);
	if (!page)
		return;
	int o = snprintf(page, n, "Tour %d/%d: %s\n\n%s\n", a->tour_step + 1, a->tour->nsteps,
	                 st->title, text);
	if (st->question[0])
		o += snprintf(page + o, n - (size_t)o, "\nQuestion: %s\n", question);
	if (st->question[0] && a->tour_answer_shown)
		o += snprintf(page + o, n - (size_t)o, "\nAnswer: %s\n", answer);
	else if (st->question[0])
		o += snprintf(page + o, n - (size_t)o, "\n(A, back in the tour, reveals the answer.)\n");
	if (st->notes[0] && a->tour_notes_shown)
		snprintf(page + o, n - (size_t)o, "\nTeacher's notes: %s\n", notes);
	app_show_pager(a, page);
}

bool app_apply(struct app *a, enum action act)
{
	char buf[64];
	a->status[0] = '\0';
	a->status_error = false;
	switch (act) {
	case ACT_NONE:
		return false;
	case ACT_ATTRS_DOWN: return set_attrs(a, -1);
	case ACT_ATTRS_UP: return set_attrs(a, 1);
	case ACT_ATTRS_DOWN10: return set_attrs(a, -10);
	case ACT_ATTRS_UP10: return set_attrs(a, 10);
	case ACT_SELECT_UP: select_step(a, -1); return true;
	case ACT_SELECT_DOWN: select_step(a, 1); return true;
	case ACT_SELECT_FIRST: select_step(a, -KIND_COUNT); return true;
	case ACT_SELECT_LAST: select_step(a, KIND_COUNT); return true;
	case ACT_INSTANCES_UP: return set_instances(a, true);
	case ACT_INSTANCES_DOWN: return set_instances(a, false);
	case ACT_VERSION_NEXT:
	case ACT_VERSION_PREV: {
		/* versions not modelled for this ABI (3.14t on 32-bit) are passed over */
		size_t n = a->profiles->count;
		for (size_t tries = 0; tries < n; tries++) {
			a->profile_index = (a->profile_index + (act == ACT_VERSION_NEXT ? 1 : n - 1)) % n;
			if (app_profile(a)->abi[a->abi].modelled)
				break;
		}
		setting_changed(a);
		if (a->interp_version[0] && strcmp(a->interp_version, app_profile(a)->version) != 0)
			app_set_status(a, false, "showing CPython %s; the interpreter is %s, so m compares "
			               "only at %s", app_profile(a)->version, a->interp_version,
			               a->interp_version);
		return true;
	}
	case ACT_ABI_NEXT: {
		enum abi was = a->abi;
		do
			a->abi = (enum abi)((a->abi + 1) % ABI_COUNT);
		while (!app_profile(a)->abi[a->abi].modelled && a->abi != was);
		if (a->abi == was) {
			char why[160];
			app_set_status(a, true, "%s", profile_abi_problem(app_profile(a), ABI_ILP32, why,
			                                                  sizeof why));
			return false;
		}
		setting_changed(a);
		return true;
	}
	case ACT_ACCOUNTING_NEXT:
		a->acc = (enum accounting)((a->acc + 1) % ACC_COUNT);
		app_set_status(a, false, "%s: %s", accounting_name(a->acc), accounting_description(a->acc, app_profile(a)));
		a->dirty = true;
		return true;
	case ACT_CHART_NEXT:
		a->chart = (enum chart_mode)((a->chart + 1) % CHART_COUNT);
		a->dirty = true;
		return true;
	case ACT_VALUES_NEXT:
	case ACT_VALUES_PREV: {
		int i = a->values_index + (act == ACT_VALUES_NEXT ? 1 : -1);
		i = ((i % APP_VALUES_CHOICES) + APP_VALUES_CHOICES) % APP_VALUES_CHOICES;
		char err[300];
		if (!value_list_parse(app_values_choice(i), &a->values, err, sizeof err)) {
			app_set_status(a, true, "values: %s", err);
			return false;
		}
		a->values_index = i;
		value_list_describe(&a->values, a->attrs, buf, sizeof buf);
		app_set_status(a, false, "values: %s", buf);
		setting_changed(a);
		return true;
	}
	case ACT_HIDE_KIND:
		if (app_visible_count(a) == 1) {
			app_set_status(a, true, "cannot hide %s: it is the last kind shown (u shows all)",
			               kind_info((enum kind)a->selected)->name);
			return false;
		} else {
			int pos = visible_position(a, a->selected);
			a->hidden[a->selected] = true;
			app_set_status(a, false, "hid %s (u shows every kind)",
			               kind_info((enum kind)a->selected)->name);
			int n = app_visible_count(a);
			a->selected = app_visible_kind(a, pos < n ? pos : n - 1);
			a->dirty = true;
			return true;
		}
	case ACT_SHOW_ALL:
		for (int k = 0; k < KIND_COUNT; k++) {
			a->hidden[k] = kind_info((enum kind)k)->inheritance && a->hidden[k];
			a->order[k] = (enum kind)k;
		}
		a->sorted = false;
		a->dirty = true;
		return true;
	case ACT_INHERITANCE:
		app_toggle_inheritance(a);
		return true;
	case ACT_MOVE_UP: return move_kind(a, -1);
	case ACT_MOVE_DOWN: return move_kind(a, 1);
	case ACT_SORT:
		a->sorted = !a->sorted;
		if (!a->sorted)
			for (int k = 0; k < KIND_COUNT; k++)
				a->order[k] = (enum kind)k;
		app_set_status(a, false, a->sorted ? "sorted by total, smallest first (s again: "
		               "original order)" : "original order");
		a->dirty = true;
		return true;
	case ACT_VERIFY:
		if (!a->can_verify) {
			app_set_status(a, true, "m: no interpreter to measure (start with --python PATH)");
			return false;
		}
		if (strcmp(a->interp_version, app_profile(a)->version) != 0) {
			app_set_status(a, true, "m: the interpreter is CPython %s; switch the version to %s "
			               "(v) to compare", a->interp_version, a->interp_version);
			return false;
		}
		app_check_reset(a);
		a->check.active = a->check.running = true;
		app_set_status(a, false, "measuring in %s...", a->interp_label);
		return true;
	case ACT_HELP:
		a->help = true;
		a->help_top = 0;
		return true;
	case ACT_TIMING:
		if (!a->can_verify) {
			app_set_status(a, true, "t: no interpreter to time (start with --python PATH, or "
			               ":python PATH)");
			return false;
		}
		if (a->attrs < 1) {
			app_set_status(a, true, "t: there is no attribute to read at 0 attributes");
			return false;
		}
		a->timing_view = true;
		a->timing_requested = true;
		a->timing_aa = false;
		a->timing_all_ops = false;
		a->timing_kinds[0] = KIND_REGULAR;
		a->timing_kinds[1] = app_compared_kind(a);
		return true;
	case ACT_TIMING_AA:
		if (!a->can_verify) {
			app_set_status(a, true, "F: no interpreter to time (start with --python PATH, or "
			               ":python PATH)");
			return false;
		}
		if (a->attrs < 1) {
			app_set_status(a, true, "F: there is no attribute to read at 0 attributes");
			return false;
		}
		a->timing_view = true;
		a->timing_requested = true;
		a->timing_aa = true;
		a->timing_all_ops = false;
		a->timing_kinds[0] = a->timing_kinds[1] = (enum kind)a->selected;
		return true;
	case ACT_TOUR:
		if (!a->tour) {
			app_set_status(a, true, "T: %s", a->tour_problem ? a->tour_problem
			               : "no tour file (data/tour.txt) was found");
			return false;
		}
		if (a->tour_active) {
			a->tour_active = false;
			app_set_status(a, false, "left the tour at step %d (T returns there)", a->tour_step + 1);
		} else {
			a->tour_requested = a->tour_step;
		}
		return true;
	case ACT_TOUR_NEXT:
	case ACT_TOUR_PREV: {
		if (!a->tour_active) {
			app_set_status(a, true, "%c: only in the tour (T starts it)",
			               act == ACT_TOUR_NEXT ? 'n' : 'p');
			return false;
		}
		int next = a->tour_step + (act == ACT_TOUR_NEXT ? 1 : -1);
		int last = tour_steps(a->tour) - 1;
		if (next < 0 || next > last) {
			app_set_status(a, true, "the tour's %s step", next < 0 ? "first" : "last");
			return false;
		}
		a->tour_requested = next;
		return true;
	}
	case ACT_TOUR_NOTES:
	case ACT_TOUR_ANSWER: {
		const char *key = act == ACT_TOUR_NOTES ? "N" : "A";
		if (!a->tour_active || !a->tour) {
			app_set_status(a, true, "%s: only in the tour (T starts it)", key);
			return false;
		}
		const struct tour_step *st = &a->tour->step[a->tour_step];
		if (act == ACT_TOUR_NOTES) {
			if (!st->notes[0]) {
				app_set_status(a, true, "N: step %d has no teacher's notes", a->tour_step + 1);
				return false;
			}
			a->tour_notes_shown = !a->tour_notes_shown;
			app_set_status(a, false, a->tour_notes_shown ? "teacher's notes: N again for the "
			               "step's text" : "the step's text");
		} else {
			if (!st->question[0]) {
				app_set_status(a, true, "A: step %d asks no question", a->tour_step + 1);
				return false;
			}
			a->tour_answer_shown = !a->tour_answer_shown;
			a->status[0] = '\0';
		}
		a->dirty = true;
		return true;
	}
	case ACT_NOTE: {
		if (a->tour_active && a->tour) {
			app_show_tour_step(a);
			return true;
		}
		char note[4096], *text = malloc(4300);
		if (!text)
			return false;
		app_update(a);
		app_compose_notes(a, note, sizeof note);
		snprintf(text, 4300, "%s on CPython %s, %u attribute%s:\n\n%s\n",
		         kind_info((enum kind)a->selected)->name, app_profile(a)->version, a->attrs,
		         a->attrs == 1 ? "" : "s", note);
		app_show_pager(a, text);
		return true;
	}
	case ACT_TRADEOFFS:
		/* the front end runs it: it may wait for the interpreter */
		snprintf(a->command_requested, sizeof a->command_requested, "tradeoffs %s",
		         kind_info((enum kind)a->selected)->name);
		return true;
	case ACT_WORTH: {
		char *text = malloc(4096);
		if (!text)
			return false;
		worth_compose(a, (enum kind)a->selected, text, 4096);
		app_show_pager(a, text);
		return true;
	}
	case ACT_THEME:
		a->light = !a->light;
		app_set_status(a, false, a->light ? "light theme: dark text on white, for a projector"
		                                  : "dark theme: the terminal's own background");
		return true;
	case ACT_VERSIONS:
		a->versions_view = !a->versions_view;
		a->dirty = true;
		app_set_status(a, false, a->versions_view
		               ? "side by side: the keys change the setting; e, Esc or q closes"
		               : "back to CPython %s", app_profile(a)->version);
		return true;
	case ACT_PRESENT:
		a->present = !a->present;
		a->last_keys[0] = '\0';
		app_set_status(a, false, a->present ? "presentation mode: P again for the full view"
		                                    : "full view");
		return true;
	case ACT_COMMAND:
		a->cmd_active = true;   /* the front end starts the line editor */
		return true;
	case ACT_REDRAW:
		return true;
	case ACT_QUIT:
		a->quit = true;
		return true;
	case ACT_COUNT:
		break;
	}
	return false;
}

void app_show_pager(struct app *a, char *text)
{
	free(a->pager);
	a->pager = text;
	a->pager_top = 0;
	a->pager_typing = false;
	a->pager_find = 0;
	a->pager_not_found = false;
}

/* The pager: arrows and pages scroll (the renderer wraps and clamps), '/'
 * searches, n and N find the next and previous match; q, Esc or any other
 * key closes it. */
static void pager_key(struct app *a, int key)
{
	if (a->pager_typing) {
		size_t len = strlen(a->pager_search);
		if (key == '\n' || key == '\r') {
			a->pager_typing = false;
			a->pager_find = a->pager_search[0] ? 2 : 0;
		} else if (key == UK_ESC || key == 3) {
			a->pager_typing = false;
			a->pager_search[0] = '\0';
		} else if ((key == 127 || key == 8) && len) {
			a->pager_search[len - 1] = '\0';
		} else if (key >= 0x20 && key < 0x7F && len + 1 < sizeof a->pager_search) {
			a->pager_search[len] = (char)key;
			a->pager_search[len + 1] = '\0';
		}
		return;
	}
	switch (key) {
	case UK_DOWN: case 'j': a->pager_top++; break;
	case UK_UP: case 'k': a->pager_top--; break;
	case UK_PGDN: case ' ': a->pager_top += 10; break;
	case UK_PGUP: a->pager_top -= 10; break;
	case UK_HOME: case 'g': a->pager_top = 0; break;
	case UK_END: case 'G': a->pager_top = 1 << 20; break;
	case '/':
		a->pager_typing = true;
		a->pager_search[0] = '\0';
		a->pager_not_found = false;
		break;
	case 'n': a->pager_find = a->pager_search[0] ? 1 : 0; break;
	case 'N': a->pager_find = a->pager_search[0] ? -1 : 0; break;
	case UK_RESIZE: break;
	default:
		free(a->pager);
		a->pager = NULL;
		return;
	}
	if (a->pager_top < 0)
		a->pager_top = 0;
}

/* Back to the table: a message about the pane's own keys would be stale. */
static void timing_pane_leave(struct app *a)
{
	a->timing_view = false;
	if (a->status_in_pane)
		a->status[0] = '\0';
}

static void timing_key(struct app *a, int key)
{
	bool asked = a->timing_close_asked;
	a->timing_close_asked = false;   /* any other key keeps the run going */
	switch (key) {
	case 'o': case UK_RIGHT: case 'l':
		a->timing_op = (enum time_op)((a->timing_op + 1) % OP_COUNT);
		break;
	case 'O': case UK_LEFT: case 'h':
		a->timing_op = (enum time_op)((a->timing_op + OP_COUNT - 1) % OP_COUNT);
		break;
	case 'r':
		if (!a->timing_running)
			a->timing_requested = true;
		break;
	case 'a':   /* every operation, not only read and write */
		if (!a->timing_running) {
			a->timing_all_ops = true;
			a->timing_requested = true;
		}
		break;
	case 'F':   /* the same kind against itself: the noise floor */
		if (!a->timing_running) {
			a->timing_aa = true;
			a->timing_kinds[0] = a->timing_kinds[1];   /* the kind shown against regular */
			a->timing_requested = true;
		}
		break;
	case 'q':   /* q closes the pane, as in a pager; a run is thrown away only if asked twice */
		if (a->timing_running && !asked) {
			a->timing_close_asked = true;
			app_set_status(a, false, "a run is going: q again stops it and closes the pane "
			               "(the samples so far are kept); any other key goes on");
			break;
		}
		if (a->timing_running)
			a->timing_stop_requested = true;
		a->timing_view = false;
		app_set_status(a, false, "timing pane closed: t opens it again, q quits");
		break;
	case UK_RESIZE:
		a->timing_close_asked = asked;
		break;
	case 't': case UK_ESC:
		/* Esc while running is handled by the front end (cancel, keep) */
		if (!a->timing_running)
			timing_pane_leave(a);
		break;
	case 'n': case 'p':   /* the tour goes on from the pane */
		if (a->tour_active && !a->timing_running) {
			timing_pane_leave(a);
			app_apply(a, key == 'n' ? ACT_TOUR_NEXT : ACT_TOUR_PREV);
			break;
		}
		/* fall through */
	default:
		app_set_status(a, false, "timing pane: o next operation, r run again, a all operations, "
		               "F an A/A test, %st, Esc or q back", a->tour_active ? "n/p tour, " : "");
		a->status_in_pane = true;
	}
}

void app_timing_refresh(struct app *a)
{
	static struct timing_analysis an;
	static unsigned generation;
	static const struct timing_result *of;
	static bool running;
	if (!a->timing) {
		a->timing_an = NULL;
		return;
	}
	if (a->timing_an == &an && of == a->timing && generation == a->timing->generation &&
	    running == a->timing_running)
		return;
	timing_analyse(a->timing, &a->timing_settings, a->timing_running, &an);
	of = a->timing;
	generation = a->timing->generation;
	running = a->timing_running;
	a->timing_an = &an;
}

void app_key(struct app *a, int key)
{
	if (a->pager) {
		pager_key(a, key);
		return;
	}
	if (a->timing_view) {
		timing_key(a, key);
		return;
	}
	if (a->help) {   /* arrows and pages scroll; a resize keeps it; any other key closes */
		switch (key) {
		case UK_DOWN: case 'j': a->help_top++; return;
		case UK_UP: case 'k': a->help_top--; return;
		case UK_PGDN: case ' ': a->help_top += 10; return;
		case UK_PGUP: a->help_top -= 10; return;
		case UK_HOME: case 'g': a->help_top = 0; return;
		case UK_END: case 'G': a->help_top = 1000; return;
		case UK_RESIZE: return;
		default: a->help = false; return;
		}
	}
	if (key == UK_RESIZE)
		return;
	if (a->present) {   /* show the audience what was pressed */
		char name[16];
		key_display_name(key, a->utf8, name, sizeof name);
		size_t len = strlen(a->last_keys), add = strlen(name) + 1;
		if (len + add >= sizeof a->last_keys) {   /* drop the oldest */
			char *sp = strchr(a->last_keys + (len + add - sizeof a->last_keys), ' ');
			memmove(a->last_keys, sp ? sp + 1 : a->last_keys + len, strlen(sp ? sp + 1 : "") + 1);
			len = strlen(a->last_keys);
		}
		snprintf(a->last_keys + len, sizeof a->last_keys - len, "%s%s", len ? " " : "", name);
	}
	if (app_census_key(a, key))
		return;
	enum action act = key_action(key);
	if (a->versions_view && (key == UK_ESC || act == ACT_QUIT)) {
		app_apply(a, ACT_VERSIONS);   /* Esc and q close the view, as in tig */
		return;
	}
	if (act == ACT_NONE) {
		if (key == UK_ESC)
			return;
		if (key >= 0x20 && key < 0x7F)
			app_set_status(a, true, "key '%c' does nothing here; ? lists the keys", key);
		else
			app_set_status(a, true, "that key does nothing here; ? lists the keys");
		return;
	}
	app_apply(a, act);
}

void app_mouse(struct app *a, const struct zone *z, int button)
{
	if (!z || a->help) {
		a->help = false;
		return;
	}
	bool up = button == 4, down = button == 5;
	switch (z->kind) {
	case ZONE_ROW:
		if (button == 1) {
			a->selected = app_visible_kind(a, z->index);
			a->dirty = true;
		} else if (up || down)
			app_apply(a, up ? ACT_SELECT_UP : ACT_SELECT_DOWN);
		break;
	case ZONE_ATTRS:
		if (up || down)
			app_apply(a, up ? ACT_ATTRS_UP : ACT_ATTRS_DOWN);
		break;
	case ZONE_INSTANCES:
		if (up || down)
			app_apply(a, up ? ACT_INSTANCES_UP : ACT_INSTANCES_DOWN);
		break;
	case ZONE_VERSION:
		if (up || down || button == 1)
			app_apply(a, down ? ACT_VERSION_PREV : ACT_VERSION_NEXT);
		break;
	case ZONE_ABI:
		if (up || down || button == 1)
			app_apply(a, ACT_ABI_NEXT);
		break;
	case ZONE_VALUES:
		if (up || down || button == 1)
			app_apply(a, down ? ACT_VALUES_PREV : ACT_VALUES_NEXT);
		break;
	case ZONE_ACCOUNTING:
		if (up || down || button == 1)
			app_apply(a, ACT_ACCOUNTING_NEXT);
		break;
	case ZONE_CHART:
		if (button == 1)
			app_apply(a, ACT_CHART_NEXT);
		else if (up || down)
			app_apply(a, a->chart == CHART_ATTRS ? (up ? ACT_ATTRS_UP : ACT_ATTRS_DOWN)
			                                     : (up ? ACT_INSTANCES_UP : ACT_INSTANCES_DOWN));
		break;
	case ZONE_NONE:
		break;
	}
}
