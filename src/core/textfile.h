/* Reading a small data file whole, for the parsers that take a buffer
 * (profiles, the tour). No curses. */
#ifndef SLOTEXPLORE_TEXTFILE_H
#define SLOTEXPLORE_TEXTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Reads up to max + 1 bytes of path into *buf (malloc'ed, the caller
 * frees), so that the parser can refuse a file over max. False with
 * "cannot open[ WHAT]: reason", "read error: reason" or "out of memory". */
bool textfile_read(const char *path, size_t max, const char *what, char **buf, size_t *len,
                   char *why, size_t whylen);

/* Opens a file to read without blocking on a FIFO, and only if it is a
 * regular file (a FIFO would hang, /dev/zero would spin); NULL with the
 * reason in why, errno kept (ENOENT for a missing file). */
FILE *textfile_open_regular(const char *path, char *why, size_t n);

#endif
