/* The explorer's state and what every key and click does to it. No curses:
 * the headless tests and the benchmark drive it directly. */
#ifndef SLOTEXPLORE_APP_H
#define SLOTEXPLORE_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/by_version.h"
#include "core/model.h"
#include "core/profile.h"
#include "core/timing_analysis.h"
#include "core/timing_run.h"
#include "session/zones.h"
#include "session/keys.h"

struct tour;
struct app_object;
struct app_census;

enum chart_mode { CHART_INSTANCES, CHART_ATTRS, CHART_COUNT };

#define APP_VALUES_CHOICES 8
#define CHART_ATTRS_MAX 64
#define CHART_MAX_SERIES 3

/* A verification in progress or done, one kind at a time. */
struct app_check {
	bool active;                 /* results belong to the current setting */
	bool running;
	int next;                    /* position in order[] of the next kind to send */
	bool done[KIND_COUNT];
	bool match[KIND_COUNT];
	uint64_t measured[KIND_COUNT][ACC_COUNT];   /* getsizeof, requested, -, deep */
	bool has[KIND_COUNT][ACC_COUNT];   /* the reply carried that figure */
	unsigned mismatches;
	unsigned figures;            /* compared in all, over every kind */
};

struct app {
	const struct profile_set *profiles;
	size_t profile_index;
	enum abi abi;
	unsigned attrs;
	bool base_given;             /* the inheritance kinds' split: K, or half */
	unsigned base_attrs;
	uint64_t instances;
	int values_index;
	struct value_list values;
	enum accounting acc;
	enum chart_mode chart;
	bool compare_instance;       /* "vs regular" and the star: per instance, not totals */
	bool light;                  /* the light theme, for a projector */
	enum kind order[KIND_COUNT];
	bool hidden[KIND_COUNT];
	bool sorted;
	int selected;                /* a kind */
	bool help;
	int help_top;                /* first help line shown (scrolled with the arrows) */
	bool quit;
	bool utf8;
	char interp_label[160];      /* "CPython 3.11.7 (python3)" or "" */
	char newer_than_profile[24]; /* "3.16.0" when the interpreter is newer than every
	                                profile: the header warns while its profile shows */
	char interp_version[16];     /* "3.11" of the interpreter, "" without one */
	bool can_verify;
	char status[400];
	bool status_error;
	bool status_in_pane;         /* the message names the timing pane's keys: it goes
	                                when the pane closes */

	/* derived, recomputed when the setting changes */
	bool dirty;
	struct model_setting setting;
	struct model_eval eval;
	int best;                    /* kind with the smallest total, -1 if none */
	/* chart data: per series, y at each x */
	enum kind series_kind[CHART_MAX_SERIES];
	int nseries;
	double series[CHART_MAX_SERIES][CHART_ATTRS_MAX + 1];  /* CHART_ATTRS: bytes per instance */
	uint64_t mib_saved_at;       /* instances where slots saves 1 MiB, 0 if never */
	int overflow_at;             /* first N (0..64) where regular leaves the shared keys, -1 */
	struct app_check check;

	/* the ':' command line (text and cursor column kept by tui/cmdline.c) */
	bool cmd_active;
	char cmd_text[1024];
	int cmd_cursor;
	/* the timing pane (t): results live in `timing`, filled by the front end */
	bool timing_view;
	bool timing_running;
	bool timing_requested;       /* t pressed: the front end starts a run */
	enum time_op timing_op;      /* which operation the pane shows */
	enum kind timing_kinds[2];   /* compared: a (reference) and b */
	bool timing_aa;              /* an A/A test: timing_kinds[0] twice */
	bool timing_all_ops;         /* every operation, not only read and write */
	bool timing_close_asked;     /* q during a run: a second q stops it and closes */
	bool timing_stop_requested;  /* the front end stops the run (samples kept) */
	struct timing_result *timing;
	unsigned timing_attrs;       /* the attribute count that was timed */
	double timing_fraction, timing_eta;
	char timing_activity[80];    /* what the run is doing, for the progress line */
	struct timing_settings timing_settings;   /* --min-effect */
	/* what `timing` says: recomputed once per batch of values (app_timing_refresh) */
	const struct timing_analysis *timing_an;
	/* every version side by side (e): recomputed with the setting */
	bool versions_view;
	struct by_version versions;
	/* presentation mode (P, --present): big figures, few panels, keys shown */
	bool present;
	char last_keys[64];          /* the most recent keys, for the audience */
	/* the guided tour (T): text from data/tour.txt, stepped by the front end */
	const struct tour *tour;
	const char *tour_problem;    /* why there is no tour ("FILE: ..."), or NULL */
	bool tour_active;
	int tour_step;
	int tour_requested;          /* step to open, -1 none */
	char command_requested[64];  /* a key's command for the front end to run (o) */
	bool tour_notes_shown;       /* N: the step's teacher's notes in place of its text */
	bool tour_answer_shown;      /* A: the answer under the step's question */
	/* output of a command shown full screen; NULL when none */
	/* your own class (:object): rows at the top of the table; NULL when none */
	struct app_object *object;
	/* a workload's census (:census) and its view; NULL when none */
	struct app_census *census;
	bool census_view;
	char *pager;
	int pager_top;               /* first wrapped line shown (the renderer clamps it) */
	char pager_search[64];       /* the last '/' pattern */
	bool pager_typing;           /* '/' pressed: keys go into pager_search */
	int pager_find;              /* a search to run: 2 new, 1 next, -1 previous, 0 none */
	bool pager_not_found;
};

/* Sets defaults: the given profile, 5 attributes, 1,000 instances. */
void app_init(struct app *a, const struct profile_set *profiles, const struct profile *pr,
              enum abi abi);
/* Applies an action; false (and a status message) when it changed nothing. */
bool app_apply(struct app *a, enum action act);
/* A key: through the key table, or closes help. */
void app_key(struct app *a, int key);
/* A mouse event in zone z of the last rendered screen (NULL: none there;
 * grid_zone_at finds it): button 1 = click,
 * 4 = wheel up, 5 = wheel down. */
void app_mouse(struct app *a, const struct zone *z, int button);
/* Recomputes the model and chart data if the setting changed. */
void app_update(struct app *a);
void app_set_status(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const struct profile *app_profile(const struct app *a);
int app_visible_count(const struct app *a);
/* Shows the inheritance kinds, or hides them if all are shown (the I key). */
void app_toggle_inheritance(struct app *a);
/* The kind at visible position i, KIND_COUNT past the end. */
enum kind app_visible_kind(const struct app *a, int i);
/* The kind set against regular (timing, presentation): the selected one,
 * or slots when regular is selected. */
enum kind app_compared_kind(const struct app *a);
/* Total for m instances of kind k at the current setting. */
uint64_t app_total_at(const struct app *a, enum kind k, uint64_t m);
/* The values choices the w key cycles through. */
const char *app_values_choice(int i);
/* Recomputes the timing analysis if new values arrived since the last one
 * (the result's generation changed), never otherwise: the pane draws from
 * it every frame. */
void app_timing_refresh(struct app *a);
/* Forgets the results of m (the setting changed). */
void app_check_reset(struct app *a);
/* Shows text full screen (takes ownership); any key but scrolling closes it. */
void app_show_pager(struct app *a, char *text);

#endif
