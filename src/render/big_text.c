/* Big characters, 3 columns by 5 rows, for the projector. */
#include "config.h"

#include <string.h>

#include "render/big_text.h"

static const char *big_glyph(char c)
{
	switch (c) {
	case '0': return "###" "# #" "# #" "# #" "###";
	case '1': return " # " "## " " # " " # " "###";
	case '2': return "###" "  #" "###" "#  " "###";
	case '3': return "###" "  #" " ##" "  #" "###";
	case '4': return "# #" "# #" "###" "  #" "  #";
	case '5': return "###" "#  " "###" "  #" "###";
	case '6': return "###" "#  " "###" "# #" "###";
	case '7': return "###" "  #" "  #" "  #" "  #";
	case '8': return "###" "# #" "###" "# #" "###";
	case '9': return "###" "# #" "###" "  #" "###";
	case '%': return "# #" "  #" " # " "#  " "# #";
	case '-': return "   " "   " "###" "   " "   ";
	case '+': return "   " " # " "###" " # " "   ";
	case ',': return "   " "   " "   " " # " "#  ";
	case '.': return "   " "   " "   " "   " " # ";
	case 'i': return " # " "   " " # " " # " " # ";   /* KiB */
	/* capitals: units (37.3 TiB) and the timing verdict */
	case 'A': return " # " "# #" "###" "# #" "# #";
	case 'B': return "## " "# #" "## " "# #" "## ";
	case 'C': return " ##" "#  " "#  " "#  " " ##";
	case 'D': return "## " "# #" "# #" "# #" "## ";
	case 'E': return "###" "#  " "###" "#  " "###";
	case 'F': return "###" "#  " "###" "#  " "#  ";
	case 'G': return "###" "#  " "# #" "# #" "###";
	case 'H': return "# #" "# #" "###" "# #" "# #";
	case 'I': return "###" " # " " # " " # " "###";
	case 'K': return "# #" "## " "#  " "## " "# #";
	case 'L': return "#  " "#  " "#  " "#  " "###";
	case 'M': return "# #" "###" "###" "# #" "# #";
	case 'N': return "## " "# #" "# #" "# #" "# #";
	case 'O': return " # " "# #" "# #" "# #" " # ";
	case 'P': return "###" "# #" "###" "#  " "#  ";
	case 'R': return "## " "# #" "## " "# #" "# #";
	case 'S': return " ##" "#  " " # " "  #" "## ";
	case 'T': return "###" " # " " # " " # " " # ";
	case 'U': return "# #" "# #" "# #" "# #" "###";
	case 'V': return "# #" "# #" "# #" "# #" " # ";
	case 'W': return "# #" "# #" "###" "###" "# #";
	case 'X': return "# #" "# #" " # " "# #" "# #";
	case 'Y': return "# #" "# #" " # " " # " " # ";
	default: return "   " "   " "   " "   " "   ";
	}
}

int big_width(const char *text, int s)
{
	int n = (int)strlen(text);
	return n ? n * 4 * s - s : 0;
}

int big_render(struct grid *g, int x, int y, int s, enum style st, bool utf8, const char *text)
{
	int cx = x;
	for (const char *p = text; *p; p++) {
		const char *glyph = big_glyph(*p);
		for (int r = 0; r < BIG_ROWS(s); r++)
			for (int c = 0; c < 3 * s; c++)
				if (glyph[(r / s) * 3 + c / s] == '#')
					grid_put_cell(g, cx + c, y + r, utf8 ? 0x2588 : '#', st);
		cx += 4 * s;
	}
	return cx - x;
}
