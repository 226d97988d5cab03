#include "config.h"

#include "core/line_reader.h"

void line_reader_init(struct line_reader *r, FILE *in)
{
	r->in = in;
	r->lineno = 0;
	r->started = false;
}

enum line_read line_reader_next(struct line_reader *r, char *buf, size_t n)
{
	size_t len = 0, seen = 0;
	bool too_long = false, any = false;
	int c;
	if (!r->started) {   /* a UTF-8 byte-order mark: EF BB BF */
		r->started = true;
		c = getc(r->in);
		if (c == 0xEF) {
			int c2 = getc(r->in), c3 = c2 == 0xBB ? getc(r->in) : EOF;
			if (c2 != 0xBB || c3 != 0xBF) {
				/* not a mark: keep what was read as the line's start */
				if (len + 1 < n)
					buf[len++] = (char)c;
				if (c2 != EOF && c2 != '\n' && len + 1 < n)
					buf[len++] = (char)c2;
				if (c3 != EOF && c3 != '\n' && len + 1 < n)
					buf[len++] = (char)c3;
				any = true;
				if (c2 == '\n' || c3 == '\n') {
					buf[len] = '\0';
					r->lineno++;
					return LINE_OK;
				}
			}
		} else if (c != EOF) {
			ungetc(c, r->in);
		}
	}
	while ((c = getc(r->in)) != EOF) {
		any = true;
		if (c == '\n')
			break;
		if (c == '\0') {
			r->lineno++;
			return LINE_NUL;
		}
		if (++seen > LINE_READER_MAX) {
			r->lineno++;
			return LINE_RUNAWAY;
		}
		if (len + 1 < n)
			buf[len++] = (char)c;
		else
			too_long = true;   /* read on to the end: the rest is not a command */
	}
	if (ferror(r->in))
		return LINE_ERROR;
	if (!any)
		return LINE_EOF;
	r->lineno++;
	if (len && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	return too_long ? LINE_TOO_LONG : LINE_OK;
}
