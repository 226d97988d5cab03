/* Word-wrapping for the text writers (batch output stays within 78 columns). */
#ifndef SLOTEXPLORE_WRAP_H
#define SLOTEXPLORE_WRAP_H

#include <stdio.h>

/* Writes text as lines of at most `width` columns, each preceded by
 * `indent` spaces. Words longer than a line are cut. */
void write_wrapped(FILE *out, const char *text, int indent, int width);

#endif
