#include "config.h"

#include "render/grid.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool grid_resize(struct grid *g, int w, int h)
{
	if (w < 1 || h < 1)
		return false;
	size_t need = (size_t)w * (size_t)h;
	if (need > g->capacity) {
		struct cell *c = realloc(g->cells, need * sizeof *c);
		if (!c)
			return false;
		g->cells = c;
		g->capacity = need;
	}
	g->w = w;
	g->h = h;
	grid_clear(g);
	return true;
}

void grid_free(struct grid *g)
{
	free(g->cells);
	memset(g, 0, sizeof *g);
}

void grid_clear(struct grid *g)
{
	size_t n = (size_t)g->w * (size_t)g->h;
	for (size_t i = 0; i < n; i++) {
		g->cells[i].ch = ' ';
		g->cells[i].style = ST_NORMAL;
	}
	g->nzones = 0;
	g->clipped = 0;
}

void grid_put_cell(struct grid *g, int x, int y, uint32_t ch, enum style st)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return;
	struct cell *c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
	c->ch = ch;
	c->style = (uint8_t)st;
}

/* Decodes one UTF-8 sequence; invalid bytes become U+FFFD, one byte each. */
static uint32_t utf8_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	uint32_t c = s[0];
	int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
	if (len == 0) {
		*p = s + 1;
		return 0xFFFD;
	}
	if (len == 1) {
		*p = s + 1;
		return c;
	}
	c &= 0x3F >> (len - 1);
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*p = s + 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*p = s + len;
	return c;
}

int utf8_columns(const char *s)
{
	int n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		utf8_next(&p);
		n++;
	}
	return n;
}

int grid_put(struct grid *g, int x, int y, int maxw, enum style st, const char *utf8)
{
	const unsigned char *p = (const unsigned char *)utf8;
	int used = 0;
	while (*p && used < maxw && x + used < g->w) {
		uint32_t c = utf8_next(&p);
		if (c < 0x20 || c == 0x7F)
			c = '?';
		grid_put_cell(g, x + used, y, c, st);
		used++;
	}
	/* trailing blanks may go; anything else that did not fit is a cut */
	while (*p == ' ')
		p++;
	if (*p) {
		g->clipped++;
		if (getenv("GRID_SHOW_CUTS"))
			fprintf(stderr, "cut at %d,%d: '%s'\n", x, y, utf8);
	}
	return used;
}

int grid_printf(struct grid *g, int x, int y, int maxw, enum style st, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return grid_put(g, x, y, maxw, st, buf);
}

void grid_fill(struct grid *g, int x, int y, int w, uint32_t ch, enum style st)
{
	for (int i = 0; i < w; i++)
		grid_put_cell(g, x + i, y, ch, st);
}

void grid_style_span(struct grid *g, int x, int y, int w, enum style st)
{
	if (y < 0 || y >= g->h)
		return;
	for (int i = x < 0 ? 0 : x; i < x + w && i < g->w; i++)
		g->cells[(size_t)y * (size_t)g->w + (size_t)i].style = (uint8_t)st;
}

void grid_add_zone(struct grid *g, enum zone_kind k, int x, int y, int w, int h, int index)
{
	if (g->nzones == GRID_MAX_ZONES)
		return;
	g->zones[g->nzones++] = (struct zone){ k, x, y, w, h, index };
}

const struct zone *grid_zone_at(const struct grid *g, int x, int y)
{
	for (int i = g->nzones - 1; i >= 0; i--) {
		const struct zone *z = &g->zones[i];
		if (x >= z->x && x < z->x + z->w && y >= z->y && y < z->y + z->h)
			return z;
	}
	return NULL;
}

static size_t put_utf8(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

size_t grid_row_text(const struct grid *g, int y, char *buf, size_t n)
{
	size_t len = 0, keep = 0;
	if (n == 0)
		return 0;
	for (int x = 0; x < g->w && len + 5 < n; x++) {
		uint32_t c = g->cells[(size_t)y * (size_t)g->w + (size_t)x].ch;
		len += put_utf8(c, buf + len);
		if (c != ' ')
			keep = len;
	}
	buf[keep] = '\0';
	return keep;
}

/* Draws text wrapped at words from its skip-th line on, at most rows lines
 * (g NULL: only counts). A caller drawing one line of a longer text at a
 * time (the help) passes part; otherwise lines left over are a cut. */
int grid_wrap_from(struct grid *g, int x, int y, int w, int rows, enum style st, const char *text,
                   int skip, bool part)
{
	const char *p = text;
	int r = 0;
	for (; r < rows + skip && *p; r++) {
		while (*p == ' ')
			p++;
		/* take as many whole words as fit in w columns */
		const char *q = p, *cut = NULL;
		int cols = 0;
		while (*q && cols < w) {
			if (*q == ' ')
				cut = q;
			if (((unsigned char)*q & 0xC0) != 0x80)
				cols++;
			q++;
		}
		while (*q && ((unsigned char)*q & 0xC0) == 0x80)
			q++;
		const char *end = !*q ? q : (cut && cut > p ? cut : q);
		char line[1024];
		size_t len = (size_t)(end - p) < sizeof line - 1 ? (size_t)(end - p) : sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		if (g && r >= skip)
			grid_put(g, x, y + r - skip, w, st, line);
		p = end;
		while (*p == ' ')
			p++;
	}
	/* rows ran out before the text: lines lost, a cut like any other */
	if (g && *p && !part) {
		g->clipped++;
		if (getenv("GRID_SHOW_CUTS"))
			fprintf(stderr, "rows ran out at %d,%d: '%.40s...'\n", x, y + r - skip, p);
	}
	return r - skip;
}

int grid_wrap(struct grid *g, int x, int y, int w, int rows, enum style st, const char *text)
{
	return grid_wrap_from(g, x, y, w, rows, st, text, 0, false);
}
