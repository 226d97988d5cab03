#include "output/wrap.h"

#include <string.h>

void write_wrapped(FILE *out, const char *text, int indent, int width)
{
	int room = width - indent;
	if (room < 10)
		room = 10;
	const char *p = text;
	while (*p) {
		int len = (int)strcspn(p, "\n");
		int cut = len;
		if (len > room) {
			cut = room;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = room;
		}
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
		int len = (int)strlen(p), cut = len;
		if (len > room) {
			cut = room;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = room;
		}
		fprintf(out, "%*s%.*s\n", indent - col, "", cut, p);
		col = 0;
		p += cut;
		while (*p == ' ')
			p++;
	}
}
