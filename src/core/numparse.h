/* Counts as people type them: 1000, 1e6, 1.5k, 2M, 10^6, 1_000_000. */
#ifndef SLOTEXPLORE_NUMPARSE_H
#define SLOTEXPLORE_NUMPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parses a whole non-negative count. Suffixes: k (10^3), M (10^6), G (10^9),
 * T (10^12); exponents: e6, E6, ^6 after 10. The value must be an integer
 * and lie in [min, max]; otherwise false with a message in err naming the
 * accepted range. */
bool parse_count(const char *text, uint64_t min, uint64_t max, uint64_t *out,
                 char *err, size_t errlen);



/* A grid of counts: "5", "0..40", "0..10,20,30..32". Each count lies in
 * [min, max]; at most max_items values are stored in out. Returns the
 * number stored, or -1 with a message in err. */
int parse_count_grid(const char *text, uint64_t min, uint64_t max, uint64_t *out,
                     int max_items, char *err, size_t errlen);
#endif
