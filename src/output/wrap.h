/* Word-wrapping for the text writers (batch output stays within 78 columns). */
#ifndef SLOTEXPLORE_WRAP_H
#define SLOTEXPLORE_WRAP_H

#include <stdio.h>

/* Writes text as lines of at most `width` columns, each preceded by
 * `indent` spaces. Words longer than a line are cut. */
void write_wrapped(FILE *out, const char *text, int indent, int width);

/* "head" then text wrapped into lines of `width` columns, every line of
 * text starting at column `indent` (on the next line when head is longer):
 * a definition list, as --help writes them. */
void write_hanging(FILE *out, const char *head, int indent, const char *text, int width);

#endif
