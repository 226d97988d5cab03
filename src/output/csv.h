/* CSV fields, quoted as RFC 4180 has them: the text writers share these. */
#ifndef SLOTEXPLORE_CSV_H
#define SLOTEXPLORE_CSV_H

#include <stdio.h>

/* Writes s between double quotes, each quote in it doubled. */
void csv_field(FILE *out, const char *s);

#endif
