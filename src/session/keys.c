#include "config.h"

#include "session/keys.h"

#define K(k, a) { (k), (a) }

const struct key_row key_table[] = {
	{ "\u2190 \u2192  h l", "Left Right  h l", "attributes \u22121 / +1",
	  { K(UK_LEFT, ACT_ATTRS_DOWN), K(UK_RIGHT, ACT_ATTRS_UP), K('h', ACT_ATTRS_DOWN),
	    K('l', ACT_ATTRS_UP) } },
	{ "S-\u2190 S-\u2192 H L PgDn PgUp", "Shift-Left Shift-Right H L PgDn PgUp",
	  "attributes \u221210 / +10",
	  { K(UK_SLEFT, ACT_ATTRS_DOWN10), K(UK_SRIGHT, ACT_ATTRS_UP10), K('H', ACT_ATTRS_DOWN10),
	    K('L', ACT_ATTRS_UP10), K(UK_PGDN, ACT_ATTRS_DOWN10), K(UK_PGUP, ACT_ATTRS_UP10) } },
	{ "\u2191 \u2193  k j", "Up Down  k j", "select the previous / next kind",
	  { K(UK_UP, ACT_SELECT_UP), K(UK_DOWN, ACT_SELECT_DOWN), K('k', ACT_SELECT_UP),
	    K('j', ACT_SELECT_DOWN) } },
	{ "Home End  g G", "Home End  g G", "select the first / last kind",
	  { K(UK_HOME, ACT_SELECT_FIRST), K(UK_END, ACT_SELECT_LAST), K('g', ACT_SELECT_FIRST),
	    K('G', ACT_SELECT_LAST) } },
	{ "+ -", "+ -", "instances \u00d710 / \u00f710 (also = and _)",
	  { K('+', ACT_INSTANCES_UP), K('-', ACT_INSTANCES_DOWN), K('=', ACT_INSTANCES_UP),
	    K('_', ACT_INSTANCES_DOWN) } },
	{ "v V", "v V", "next / previous CPython version",
	  { K('v', ACT_VERSION_NEXT), K('V', ACT_VERSION_PREV) } },
	{ "b", "b", "next ABI: lp64, ilp32, i386", { K('b', ACT_ABI_NEXT) } },
	{ "a", "a", "next accounting: getsizeof, requested, allocated, deep",
	  { K('a', ACT_ACCOUNTING_NEXT) } },
	{ "w W", "w W", "next / previous attribute values (None, ints, floats, strings)",
	  { K('w', ACT_VALUES_NEXT), K('W', ACT_VALUES_PREV) } },
	{ "c", "c", "chart: memory against instances / against attributes",
	  { K('c', ACT_CHART_NEXT) } },
	{ "x Del", "x Del", "hide the selected kind", { K('x', ACT_HIDE_KIND), K(UK_DELETE, ACT_HIDE_KIND) } },
	{ "u", "u", "show every kind again, in the original order",
	  { K('u', ACT_SHOW_ALL) } },
	{ "I", "I", "show / hide the inheritance kinds (subclasses, slots with a __dict__)",
	  { K('I', ACT_INHERITANCE) } },
	{ "[ ]  S-\u2191 S-\u2193", "[ ]  Shift-Up Shift-Down", "move the selected kind up / down",
	  { K('[', ACT_MOVE_UP), K(']', ACT_MOVE_DOWN), K(UK_SUP, ACT_MOVE_UP),
	    K(UK_SDOWN, ACT_MOVE_DOWN) } },
	{ "s", "s", "sort the kinds by cost / back to the original order", { K('s', ACT_SORT) } },
	{ "m", "m", "measure this setting in the interpreter, beside the model",
	  { K('m', ACT_VERIFY) } },
	{ "t", "t", "time attribute access: the selected kind against regular",
	  { K('t', ACT_TIMING) } },
	{ "F", "F", "A/A test: time the selected kind against itself (the noise floor)",
	  { K('F', ACT_TIMING_AA) } },
	{ "P", "P", "presentation mode: big figures, fewer panels, keys shown",
	  { K('P', ACT_PRESENT) } },
	{ "e", "e", "every version side by side: kinds by CPython versions (e, Esc or q closes)",
	  { K('e', ACT_VERSIONS) } },
	{ "i", "i", "the whole note on the selected kind (in the tour: the whole step), in the pager",
	  { K('i', ACT_NOTE) } },
	{ "o", "o", "what the selected kind can and cannot do, tried in the interpreter (else "
	  "the version's table)", { K('o', ACT_TRADEOFFS) } },
	{ "$", "$", "is the selected kind worth it? savings in cache lines and pages, at 100 to a "
	  "million instances, fixed cost, key-sharing limit", { K('$', ACT_WORTH) } },
	{ "d", "d", "dark / light theme (light: dark text on white, for a projector)",
	  { K('d', ACT_THEME) } },
	{ "T  n p", "T  n p", "the guided tour: start or leave it; next / previous step",
	  { K('T', ACT_TOUR), K('n', ACT_TOUR_NEXT), K('p', ACT_TOUR_PREV) } },
	{ "N A", "N A", "in the tour: the teacher's notes on this step / the answer to its question",
	  { K('N', ACT_TOUR_NOTES), K('A', ACT_TOUR_ANSWER) } },
	{ ":", ":", "command line (help lists the commands; Tab completes)",
	  { K(':', ACT_COMMAND) } },
	{ "? F1", "? F1", "this help (arrows scroll it, any other key closes it)", { K('?', ACT_HELP), K(UK_F1, ACT_HELP) } },
	{ "q  Ctrl-L", "q  Ctrl-L", "quit / redraw the screen",
	  { K('q', ACT_QUIT), K(12, ACT_REDRAW) } },
};
const int key_table_rows = (int)(sizeof key_table / sizeof key_table[0]);

const char *key_display_name(int key, bool utf8, char *buf, size_t n)
{
	static const struct { int key; const char *utf8, *ascii; } names[] = {
		{ UK_LEFT, "\u2190", "Left" }, { UK_RIGHT, "\u2192", "Right" }, { UK_UP, "\u2191", "Up" },
		{ UK_DOWN, "\u2193", "Down" }, { UK_SLEFT, "S-\u2190", "S-Left" },
		{ UK_SRIGHT, "S-\u2192", "S-Right" }, { UK_SUP, "S-\u2191", "S-Up" },
		{ UK_SDOWN, "S-\u2193", "S-Down" }, { UK_PGUP, "PgUp", "PgUp" }, { UK_PGDN, "PgDn", "PgDn" },
		{ UK_HOME, "Home", "Home" }, { UK_END, "End", "End" }, { UK_F1, "F1", "F1" },
		{ UK_DELETE, "Del", "Del" }, { UK_ESC, "Esc", "Esc" }, { 12, "Ctrl-L", "Ctrl-L" },
		{ ' ', "Space", "Space" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, n, "%s", utf8 ? names[i].utf8 : names[i].ascii);
			return buf;
		}
	if (key > 0x20 && key < 0x7F)
		snprintf(buf, n, "%c", key);
	else
		snprintf(buf, n, "?");
	return buf;
}

enum action key_action(int key)
{
	for (int r = 0; r < key_table_rows; r++)
		for (int i = 0; i < KEY_ROW_MAX_KEYS; i++)
			if (key_table[r].keys[i].action != ACT_NONE && key_table[r].keys[i].key == key)
				return key_table[r].keys[i].action;
	return ACT_NONE;
}

/* man(7) text: escape backslashes, minus signs and the few non-ASCII
 * characters the help texts use. */
static void man_text(FILE *out, const char *s)
{
	int col = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++, col++) {
		if (*p == ' ' && col > 64) {
			fputc('\n', out);   /* keep man source lines short */
			col = -1;
			continue;
		}
		if (*p == '\\')
			fputs("\\e", out);
		else if (*p == '-')
			fputs("\\-", out);
		else if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) {  /* U+2212 minus */
			fputs("\\-", out);
			p += 2;
		} else if (p[0] == 0xC3 && p[1] == 0x97) {                /* U+00D7 times */
			fputs("\\(mu", out);
			p += 1;
		} else if (p[0] == 0xC3 && p[1] == 0xB7) {                /* U+00F7 divide */
			fputs("\\(di", out);
			p += 1;
		} else
			fputc(*p, out);
	}
}

void keys_write_man(FILE *out)
{
	for (int r = 0; r < key_table_rows; r++) {
		fputs(".TP\n.B ", out);
		man_text(out, key_table[r].ascii);
		fputc('\n', out);
		char first = key_table[r].help[0];
		if (first >= 'a' && first <= 'z') {
			fputc(first - 'a' + 'A', out);
			man_text(out, key_table[r].help + 1);
		} else {
			man_text(out, key_table[r].help);
		}
		fputs(".\n", out);
	}
}
