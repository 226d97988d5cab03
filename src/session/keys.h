/* The TUI's keys: one table that drives the key handling, the help screen
 * and the man page's KEYS section (man/gen-keys). No curses here: special
 * keys have their own codes, which the front end maps from curses. */
#ifndef SLOTEXPLORE_KEYS_H
#define SLOTEXPLORE_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum ui_key {
	UK_ESC = 27,
	UK_SPECIAL = 0x110000,   /* above every Unicode code point */
	UK_UP, UK_DOWN, UK_LEFT, UK_RIGHT, UK_SLEFT, UK_SRIGHT, UK_SUP, UK_SDOWN,
	UK_PGUP, UK_PGDN, UK_HOME, UK_END, UK_F1, UK_DELETE, UK_RESIZE
};

enum action {
	ACT_NONE,
	ACT_ATTRS_DOWN, ACT_ATTRS_UP, ACT_ATTRS_DOWN10, ACT_ATTRS_UP10,
	ACT_SELECT_UP, ACT_SELECT_DOWN, ACT_SELECT_FIRST, ACT_SELECT_LAST,
	ACT_INSTANCES_UP, ACT_INSTANCES_DOWN,
	ACT_VERSION_NEXT, ACT_VERSION_PREV,
	ACT_ABI_NEXT,
	ACT_ACCOUNTING_NEXT,
	ACT_CHART_NEXT,
	ACT_VALUES_NEXT, ACT_VALUES_PREV,
	ACT_HIDE_KIND, ACT_SHOW_ALL, ACT_INHERITANCE, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_SORT,
	ACT_VERIFY,
	ACT_TIMING,
	ACT_TIMING_AA,
	ACT_TOUR, ACT_TOUR_NEXT, ACT_TOUR_PREV, ACT_TOUR_NOTES, ACT_TOUR_ANSWER, ACT_PRESENT,
	ACT_VERSIONS, ACT_NOTE, ACT_WORTH, ACT_TRADEOFFS, ACT_THEME,
	ACT_COMMAND,
	ACT_HELP,
	ACT_REDRAW,
	ACT_QUIT,
	ACT_COUNT
};

#define KEY_ROW_MAX_KEYS 6

struct key_row {
	const char *label;      /* how the help screen writes the keys */
	const char *ascii;      /* the same without arrows, for man and ASCII */
	const char *help;       /* what they do */
	struct { int key; enum action action; } keys[KEY_ROW_MAX_KEYS];
};

extern const struct key_row key_table[];
extern const int key_table_rows;

/* A short name for a key, for presentation mode: "→", "+", "PgUp". */
const char *key_display_name(int key, bool utf8, char *buf, size_t n);
/* The action of a key, ACT_NONE if unbound. */
enum action key_action(int key);
/* Writes the man page's KEYS section body (.TP entries). */
void keys_write_man(FILE *out);

#endif
