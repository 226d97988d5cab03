/* Reads a command stream (a script, a config file, standard input) line by
 * line, whole lines only: an over-long line is consumed and refused whole,
 * a NUL byte is named, a UTF-8 byte-order mark at the start is skipped. */
#ifndef SLOTEXPLORE_LINE_READER_H
#define SLOTEXPLORE_LINE_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum line_read {
	LINE_OK, LINE_EOF,
	LINE_TOO_LONG,   /* n or more characters: skipped to the line's end */
	LINE_NUL,        /* a NUL byte: binary data, reading stops there */
	LINE_RUNAWAY,    /* no line end within LINE_READER_MAX bytes: not text, stops */
	LINE_ERROR
};
#define LINE_READER_MAX (64 * 1024)

struct line_reader {
	FILE *in;
	unsigned lineno;       /* of the line just read */
	bool started;
};

void line_reader_init(struct line_reader *r, FILE *in);
/* Reads the next line into buf (at most n - 1 characters, no line end).
 * After LINE_NUL or LINE_RUNAWAY the stream is not a command stream: the
 * caller stops reading (/dev/zero must not spin). */
enum line_read line_reader_next(struct line_reader *r, char *buf, size_t n);

#endif
