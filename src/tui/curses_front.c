#include "config.h"

#include "tui/curses_front.h"

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <term.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "core/probe_parse.h"
#include "core/verify.h"
#include "core/verify_run.h"
#include "tui/line_edit.h"
#include "render/palette.h"
#include "render/screen.h"
#include "tui/cmdline.h"
#include "cmd/tour_run.h"

static volatile sig_atomic_t got_signal;       /* a signal, or Ctrl-C / Ctrl-\ as a key */
static volatile sig_atomic_t delivered_signal; /* only a signal really delivered */
static bool curses_active;

static void on_signal(int sig)
{
	got_signal = sig;
	delivered_signal = sig;
}

int tui_fatal_signal(void)
{
	return delivered_signal;
}

/* atexit and error paths: never leave the terminal in curses mode */
static void restore_terminal(void)
{
	if (curses_active) {
		curses_active = false;
		endwin();
	}
}

static attr_t style_attr[ST_COUNT];

static void setup_colors(bool no_color, bool light)
{
	for (int s = 0; s < ST_COUNT; s++)
		style_attr[s] = A_NORMAL;
	/* monochrome: attributes only, still readable */
	style_attr[ST_DIM] = A_DIM;
	style_attr[ST_HEADER] = A_REVERSE;
	style_attr[ST_HEADER_KEY] = A_REVERSE | A_BOLD;
	style_attr[ST_HEADING] = A_BOLD;
	style_attr[ST_SELECTED] = A_REVERSE;
	style_attr[ST_BEST] = A_BOLD;
	style_attr[ST_ERROR] = A_BOLD;
	style_attr[ST_WARN] = A_BOLD;
	style_attr[ST_STATUS] = A_NORMAL;
	style_attr[ST_MARKER] = A_BOLD;
	if (no_color || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	bool rich = COLORS >= 256;
	/* the dark theme leaves ST_NORMAL to the terminal; the light one paints it */
	for (int s = light ? 0 : 1; s < ST_COUNT; s++) {
		struct style_colour c = palette_colour(light, (enum style)s);
		short pair = (short)(s + 1);
		init_pair(pair, rich ? c.fg256 : c.fg8, rich ? c.bg256 : c.bg8);
		style_attr[s] = COLOR_PAIR(pair) | (c.bold ? A_BOLD : 0);
	}
	if (light)
		bkgdset(' ' | style_attr[ST_NORMAL]);
}

static void draw_grid(const struct grid *g)
{
	for (int y = 0; y < g->h; y++)
		for (int x = 0; x < g->w; x++) {
			const struct cell *c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
			wchar_t wc[2] = { (wchar_t)c->ch, 0 };
			cchar_t cc;
			attr_t at = style_attr[c->style];
			setcchar(&cc, wc, at, PAIR_NUMBER(at), NULL);
			/* the bottom-right cell scrolls some terminals: insert it instead */
			if (y == g->h - 1 && x == g->w - 1)
				mvins_wch(y, x, &cc);
			else
				mvadd_wch(y, x, &cc);
		}
}

static int map_key(int status, wint_t ch)
{
	if (status == OK)
		return (int)ch;
	switch (ch) {
	case KEY_LEFT: return UK_LEFT;
	case KEY_RIGHT: return UK_RIGHT;
	case KEY_UP: return UK_UP;
	case KEY_DOWN: return UK_DOWN;
	case KEY_SLEFT: return UK_SLEFT;
	case KEY_SRIGHT: return UK_SRIGHT;
	case KEY_SR: return UK_SUP;
	case KEY_SF: return UK_SDOWN;
	case KEY_PPAGE: return UK_PGUP;
	case KEY_NPAGE: return UK_PGDN;
	case KEY_HOME: return UK_HOME;
	case KEY_END: return UK_END;
	case KEY_F(1): return UK_F1;
	case KEY_DC: return UK_DELETE;
	case KEY_RESIZE: return UK_RESIZE;
	case KEY_BACKSPACE: return 127;
	case KEY_ENTER: return '\r';
	default: return -1;
	}
}

/* ---- m: measure the current setting in the interpreter ------------------ */

/* The probe answers one request at a time: at most one is in flight. A
 * reply that arrives after a cancel or a change of setting is dropped. */
static struct {
	bool awaiting;
	enum kind kind;
	unsigned attrs;
	int base;                    /* an inheritance kind's split, -1 for the others */
	char values[VALUE_LIST_TEXT];
	struct timespec sent_at;
} inflight;

static long ms_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000L + (now.tv_nsec - t->tv_nsec) / 1000000L;
}

static void probe_lost(struct app *a, const struct tui_options *o, const char *what)
{
	char how[120];
	probe_client_stop(o->probe, 500, how, sizeof how);
	a->can_verify = false;
	a->check.running = false;
	inflight.awaiting = false;
	app_set_status(a, true, "m: the interpreter %s; measuring is off", what[0] ? what : how);
}

static void check_send_next(struct app *a, const struct tui_options *o)
{
	struct app_check *ck = &a->check;
	char line[VALUE_LIST_TEXT + 256], err[256];
	while (ck->next < app_visible_count(a)) {
		enum kind k = app_visible_kind(a, ck->next++);
		if (!a->eval.kinds[k].available)
			continue;
		inflight.kind = k;
		inflight.attrs = a->attrs;
		inflight.base = kind_info(k)->inheritance ? (int)model_base_attrs(&a->setting) : -1;
		value_list_format(&a->values, inflight.values, sizeof inflight.values);
		verify_request_text(k, a->attrs, inflight.base, inflight.values, VERIFY_COUNT, line,
		                    sizeof line);
		if (!probe_client_send(o->probe, line, err, sizeof err)) {
			probe_lost(a, o, err);
			return;
		}
		inflight.awaiting = true;
		clock_gettime(CLOCK_MONOTONIC, &inflight.sent_at);
		return;
	}
	ck->running = false;
	if (ck->figures == 0)
		app_set_status(a, true, "m: nothing measured: %s answered with no figure to compare",
		               a->interp_label);
	else if (ck->mismatches == 0)
		app_set_status(a, false, "measured in %s: every figure matches the model "
		               "(getsizeof, requested, deep, per class)", a->interp_label);
	else
		app_set_status(a, true, "measured in %s: %u figures differ from the model",
		               a->interp_label, ck->mismatches);
}

static void check_take_reply(struct app *a, const struct tui_options *o, const char *line)
{
	static struct probe_record rec;
	char err[256], values[VALUE_LIST_TEXT];
	struct app_check *ck = &a->check;
	value_list_format(&a->values, values, sizeof values);
	bool current = ck->running && inflight.attrs == a->attrs &&
	               strcmp(inflight.values, values) == 0 &&
	               (inflight.base < 0 || inflight.base == (int)model_base_attrs(&a->setting));
	inflight.awaiting = false;
	if (!current)
		return;   /* an answer to a request the user has moved on from */
	if (!probe_parse_line(line, &rec, err, sizeof err) || rec.verb == PROBE_ERROR) {
		ck->running = false;
		app_set_status(a, true, "m: the interpreter answered '%.80s'",
		               rec.verb == PROBE_ERROR ? rec.error_text : line);
		return;
	}
	/* the reply must answer the request in flight (F2) */
	if (!verify_reply_matches(&rec, o->probe->python, inflight.kind, inflight.attrs, inflight.base,
	                          inflight.values, VERIFY_COUNT, err, sizeof err)) {
		ck->running = false;
		app_set_status(a, true, "m: %s", err);
		return;
	}
	struct verify_result vr;
	if (!verify_record(&rec, app_profile(a), a->abi, &vr, err, sizeof err)) {
		ck->running = false;
		app_set_status(a, true, "m: %s", err);
		return;
	}
	ck->done[vr.kind] = true;
	/* a reply with no figure checked nothing: no check mark (F1) */
	ck->match[vr.kind] = vr.mismatches == 0 && vr.ncells > 0;
	ck->mismatches += vr.mismatches;
	ck->figures += vr.ncells;
	uint64_t v;
	if (probe_field_u64(&rec, "getsizeof", &v)) {
		ck->measured[vr.kind][ACC_GETSIZEOF] = v;
		ck->has[vr.kind][ACC_GETSIZEOF] = true;
	}
	const char *rq = probe_field(&rec, "requested");
	if (rq && rq[0] >= '0' && rq[0] <= '9') {
		ck->measured[vr.kind][ACC_REQUESTED] = strtoull(rq, NULL, 10);
		ck->has[vr.kind][ACC_REQUESTED] = true;
	}
	if (probe_field_u64(&rec, "deep", &v)) {
		ck->measured[vr.kind][ACC_DEEP] = v;
		ck->has[vr.kind][ACC_DEEP] = true;
	}
}

/* Reads whatever the probe has sent, without blocking. */
static void check_poll(struct app *a, const struct tui_options *o)
{
	char line[PROBE_LINE_MAX];
	while (inflight.awaiting) {
		enum probe_read r = probe_client_read_line(o->probe, line, sizeof line, 0);
		if (r == PROBE_READ_TIMEOUT) {
			if (ms_since(&inflight.sent_at) > o->timeout_ms) {
				char what[160];
				snprintf(what, sizeof what, "gave no answer within %d s; stopped it",
				         o->timeout_ms / 1000);
				probe_lost(a, o, what);
			}
			return;
		}
		if (r != PROBE_READ_LINE) {
			probe_lost(a, o, r == PROBE_READ_EOF ? "" : "flooded its output");
			return;
		}
		check_take_reply(a, o, line);
	}
}

/* Keys that curses decoded, re-encoded as the bytes readline expects. */
static const char *key_sequence(int ch)
{
	switch (ch) {
	case KEY_LEFT: return "\033[D";
	case KEY_RIGHT: return "\033[C";
	case KEY_UP: return "\033[A";
	case KEY_DOWN: return "\033[B";
	case KEY_HOME: return "\033[H";
	case KEY_END: return "\033[F";
	case KEY_DC: return "\033[3~";
	case KEY_BACKSPACE: return "\177";
	case KEY_ENTER: return "\r";
	case KEY_SLEFT: return "\033b";      /* word left/right, as M-b / M-f */
	case KEY_SRIGHT: return "\033f";
	default: return NULL;
	}
}

/* A long wait for the interpreter ends on Esc, q, Ctrl-C or a signal;
 * other keys wait their turn. */
static bool stop_requested(void *ctx)
{
	(void)ctx;
	if (got_signal)
		return true;
	timeout(0);
	wint_t ch;
	int rc = get_wch(&ch);
	if (rc == ERR)
		return false;
	if (rc == OK && (ch == 27 || ch == 'q' || ch == 3))
		return true;
	if (rc == KEY_CODE_YES)
		ungetch((int)ch);
	else
		unget_wch(ch);
	return false;
}

/* Runs an entered ':' line (or a key's command, kept out of the history);
 * printed output goes to the pager. */
static void run_command(struct app *a, const struct tui_options *o, const char *line,
                        bool history)
{
	if (history)
		line_edit_history_add(line);
	struct cmd_context *c = o->commands;
	c->stop = stop_requested;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (!out) {
		app_set_status(a, true, "cannot run commands: out of memory");
		return;
	}
	c->out = out;
	c->tui = true;
	c->printed = false;
	char err[700];
	a->status[0] = '\0';
	bool ok = cmd_run_line(c, line, err, sizeof err);
	fclose(out);
	c->out = NULL;
	if (!ok)
		app_set_status(a, true, "%s", err);
	if (c->quit)
		a->quit = true;
	if (c->printed && len)
		app_show_pager(a, text);
	else
		free(text);
}

/* Input while the ':' line is open. */
static void command_key(struct app *a, const struct tui_options *o, int rc, wint_t ch)
{
	char bytes[16];
	size_t n = 0;
	if (rc == OK && (ch == 27)) {
		/* a lone Esc cancels; Esc followed by a key is Meta-key */
		timeout(0);
		wint_t next;
		int rc2 = get_wch(&next);
		if (rc2 == ERR) {
			cmdline_cancel(a);
			app_set_status(a, false, "command cancelled");
			return;
		}
		bytes[n++] = 27;
		if (rc2 == OK)
			n += wcrtomb(bytes + n, (wchar_t)next, &(mbstate_t){ 0 });
	} else if (rc == OK && ch == 3) {
		cmdline_cancel(a);
		app_set_status(a, false, "command cancelled");
		return;
	} else if (rc == OK) {
		size_t m = wcrtomb(bytes, (wchar_t)ch, &(mbstate_t){ 0 });
		if (m == (size_t)-1)
			return;
		n = m;
	} else {
		const char *seq = key_sequence((int)ch);
		if (!seq)
			return;
		n = strlen(seq);
		memcpy(bytes, seq, n);
	}
	char line[1024];
	if (cmdline_feed(a, bytes, n, line, sizeof line) && line[0])
		run_command(a, o, line, true);
}

bool tui_terminal_usable(char *why, size_t n)
{
	const char *term = getenv("TERM");
	int err = 0;
	if (!term || !*term) {
		snprintf(why, n, "TERM is not set");
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		snprintf(why, n, "TERM=%s is not a terminal type this system knows", term);
		return false;
	}
	const char *cup = tigetstr("cup");
	bool usable = cup && cup != (char *)-1;
	del_curterm(cur_term);
	if (!usable) {
		snprintf(why, n, "TERM=%s cannot move the cursor", term);
		return false;
	}
	return true;
}

/* Ours, and set again after readline runs: whatever it does with signals,
 * every signal whose default would end the process must reach this loop,
 * which restores the terminal; the caller then dies of it (tui_run's
 * status 128 + signal). */
static void install_signal_handlers(void)
{
	static const int fatal[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
		                         SIGPIPE, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF };
	struct sigaction sa = { 0 };
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
}

/* ---- t: timing in worker processes, stepped from the event loop ---------- */

static struct timing_job timing_job;
static struct timing_result timing_result;

/* The explorer's default run: the selected pair's read and write, at least
 * this many processes each, so that it reaches a verdict; every operation
 * on request (a in the pane). */
#define TUI_TIMING_PROCESSES 20

static void timing_start(struct app *a, const struct tui_options *o)
{
	a->timing_requested = false;
	if (!o->python || !o->python[0] || !o->script) {
		app_set_status(a, true, "t: no interpreter to time");
		a->timing_view = false;
		return;
	}
	timing_result_free(&timing_result);
	struct timing_plan plan;
	timing_plan_init(&plan, o->python, o->script, a->attrs, o->measure_time, o->timeout_ms);
	plan.hello_timeout_ms = o->hello_timeout_ms > 0 ? o->hello_timeout_ms : plan.hello_timeout_ms;
	plan.kinds[a->timing_kinds[0]] = plan.kinds[a->timing_kinds[1]] = true;
	plan.aa = a->timing_aa;
	plan.min_processes = TUI_TIMING_PROCESSES;
	for (int i = 0; i < OP_COUNT; i++)
		plan.ops[i] = a->timing_all_ops || i == OP_READ || i == OP_WRITE;
	if (!a->timing_all_ops && a->timing_op != OP_READ && a->timing_op != OP_WRITE)
		a->timing_op = OP_READ;
	timing_job_start(&timing_job, &plan, &timing_result);
	a->timing = &timing_result;
	a->timing_attrs = a->attrs;
	a->timing_running = true;
	a->timing_fraction = 0;
	a->timing_eta = -1;
	a->timing_activity[0] = '\0';
	a->status[0] = '\0';
}

/* One step of the run, never blocking: what the worker has sent. */
static void timing_poll(struct app *a)
{
	if (!a->timing_running)
		return;
	bool more = timing_job_step(&timing_job, 0);
	a->timing_fraction = timing_job_fraction(&timing_job, &a->timing_eta);
	timing_job_activity(&timing_job, a->timing_activity, sizeof a->timing_activity);
	if (more)
		return;
	a->timing_running = false;
	if (timing_job.state == JOB_ERROR)
		app_set_status(a, true, "t: %s", timing_job.err);
	else if (timing_result.budget_stop)
		app_set_status(a, false, "timing stopped at the time limit: %d processes, %.1f s",
		               timing_result.processes, timing_result.seconds);
	else {
		app_set_status(a, false, "timing done: %d processes, %.1f s (o: next operation, r: again)",
		               timing_result.processes, timing_result.seconds);
		a->status_in_pane = true;
	}
}

static void timing_stop(struct app *a)
{
	if (!a->timing_running)
		return;
	timing_job_cancel(&timing_job);
	a->timing_running = false;
	app_set_status(a, false, "timing stopped: the %zu samples so far are kept", timing_job.samples);
}

int tui_run(struct app *a, const struct tui_options *o)
{
	install_signal_handlers();
	atexit(restore_terminal);

	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "slotexplore: cannot start the terminal interface (TERM=%s); "
		        "use --batch\n", getenv("TERM") ? getenv("TERM") : "unset");
		return EXIT_FAILURE;
	}
	curses_active = true;
	/* raw: Ctrl-C arrives as a key, in order with what was typed before it,
	 * so it can cancel the command line; Ctrl-Z is handled below */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	setup_colors(o->no_color, a->light);
	bool light_shown = a->light;
	if (!o->no_mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);

	struct grid g = { 0 };
	int status = EXIT_SUCCESS;
	while (!a->quit) {
		if (got_signal == SIGINT && a->cmd_active) {
			got_signal = 0;   /* Ctrl-C on the command line cancels it */
			cmdline_cancel(a);
			app_set_status(a, false, "command cancelled");
		}
		if (got_signal)
			break;
		if (a->check.running && !inflight.awaiting && o->probe && o->probe->pid)
			check_send_next(a, o);
		if (a->timing_requested)
			timing_start(a, o);
		if (o->commands)
			tour_service(a, a->tour, o->commands);
		if (o->commands && a->command_requested[0]) {
			char line[sizeof a->command_requested];
			snprintf(line, sizeof line, "%s", a->command_requested);
			a->command_requested[0] = '\0';
			app_set_status(a, false, "%s: waiting for the interpreter (Esc stops)", line);
			if (grid_resize(&g, COLS > 0 ? COLS : 1, LINES > 0 ? LINES : 1)) {
				render_screen(a, &g);
				erase();
				draw_grid(&g);
				refresh();
			}
			run_command(a, o, line, false);
		}
		timing_poll(a);
		if (!grid_resize(&g, COLS > 0 ? COLS : 1, LINES > 0 ? LINES : 1)) {
			status = EXIT_FAILURE;
			break;
		}
		if (a->light != light_shown) {   /* d or set theme: new colour pairs */
			setup_colors(o->no_color, a->light);
			light_shown = a->light;
			if (!a->light)
				bkgdset(' ');
		}
		render_screen(a, &g);
		erase();
		draw_grid(&g);
		if (a->cmd_active && g.w >= SCREEN_MIN_W && g.h >= SCREEN_MIN_H) {
			int x = 1 + (a->cmd_cursor > g.w - 3 ? g.w - 3 : a->cmd_cursor);
			move(g.h - 1, x);
			curs_set(1);
		} else {
			curs_set(0);
		}
		refresh();
		if (getenv("SLOTEXPLORE_BENCH_FIRST_FRAME")) {
			a->quit = true;   /* make bench: time from exec to the first full frame */
			break;
		}

		timeout(inflight.awaiting || a->timing_running ? 20 : 250);
		wint_t ch;
		int rc = get_wch(&ch);
		if (inflight.awaiting)
			check_poll(a, o);
		if (rc == ERR)
			continue;
		if (a->cmd_active && !(rc == KEY_CODE_YES && (ch == KEY_RESIZE || ch == KEY_MOUSE))) {
			command_key(a, o, rc, ch);
			install_signal_handlers();
			continue;
		}
		if (rc == KEY_CODE_YES && ch == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) == OK) {
				int button = ev.bstate & BUTTON4_PRESSED ? 4 : ev.bstate & BUTTON5_PRESSED ? 5 : 1;
				app_mouse(a, grid_zone_at(&g, ev.x, ev.y), button);
			}
			continue;
		}
		if (rc == OK && ch == 27 && a->timing_running) {
			timing_stop(a);
			continue;
		}
		if (rc == OK && (ch == 27 || ch == 3) && a->check.running) {
			a->check.running = false;   /* a reply still in flight is read and dropped */
			app_set_status(a, false, "m: cancelled; the figures measured so far stay");
			continue;
		}
		if (rc == OK && (ch == 3 || ch == 28)) {   /* Ctrl-C, Ctrl-\ */
			got_signal = ch == 3 ? SIGINT : SIGQUIT;
			break;
		}
		if (rc == OK && ch == 26) {                /* Ctrl-Z: suspend as a shell expects */
			endwin();
			kill(getpid(), SIGTSTP);
			refresh();
			continue;
		}
		int key = map_key(rc, ch);
		if (key < 0)
			continue;
		app_key(a, key);
		if (a->timing_stop_requested) {   /* q q in the pane: stop the run, keep its samples */
			a->timing_stop_requested = false;
			timing_stop(a);
			app_set_status(a, false, "timing stopped and the pane closed: the %zu samples "
			               "so far are kept for export", timing_job.samples);
		}
		if (a->cmd_active) {
			cmdline_begin(a);
			install_signal_handlers();
		}
	}
	char herr[300];
	if (o->commands)
		line_edit_history_save(herr, sizeof herr);
	timing_stop(a);
	timing_result_free(&timing_result);
	a->timing = NULL;
	grid_free(&g);
	restore_terminal();
	if (got_signal) {
		status = 128 + got_signal;
		if (got_signal == SIGINT)
			status = 130;
	}
	return status;
}
