#include "output/wrap.h"

#include <string.h>

/* Where a line of LEN bytes breaks to fit ROOM: at the last space that fits.
 * A word longer than ROOM (a path) is never split: it overflows whole, so
 * what is printed can still be copied and searched for. */
static int wrap_cut(const char *p, int len, int room)
{
	if (len <= room)
		return len;
	int cut = room;
	while (cut > 0 && p[cut] != ' ')
		cut--;
	if (cut > 0)
		return cut;
	while (cut < len && p[cut] != ' ')
		cut++;
	return cut;
}

void write_wrapped(FILE *out, const char *text, int indent, int width)
{
	int room = width - indent;
	if (room < 10)
		room = 10;
	const char *p = text;
	while (*p) {
		int len = (int)strcspn(p, "\n");
		int cut = wrap_cut(p, len, room);
		fprintf(out, "%*s%.*s\n", indent, "", cut, p);
		p += cut;
		while (*p == ' ')
			p++;
		if (*p == '\n')
			p++;
	}
}

void write_hanging(FILE *out, const char *head, int indent, const char *text, int width)
{
	int hw = (int)strlen(head);
	fprintf(out, "%s", head);
	int col = hw;
	if (hw >= indent) {   /* a long head: the text starts on the next line */
		fputc('\n', out);
		col = 0;
	}
	int room = width - indent;
	if (room < 10)
		room = 10;
	const char *p = text;
	while (*p) {
		int cut = wrap_cut(p, (int)strlen(p), room);
		fprintf(out, "%*s%.*s\n", indent - col, "", cut, p);
		col = 0;
		p += cut;
		while (*p == ' ')
			p++;
	}
}
