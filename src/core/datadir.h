/* Where data/ is: $SLOTEXPLORE_DATADIR, the build tree, or pkgdatadir. */
#ifndef SLOTEXPLORE_DATADIR_H
#define SLOTEXPLORE_DATADIR_H

#include <stddef.h>

/* Fills buf with the data directory to use and returns a short word for
 * where it came from ("environment", "build tree", "installed"). */
const char *datadir_locate(char *buf, size_t n);

#endif
