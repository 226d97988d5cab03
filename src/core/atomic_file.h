/* Replacing a file safely: write a temporary file beside it (O_EXCL), then
 * rename it into place, so a failure never leaves a half-written file.
 * A symbolic link is followed and its target replaced; a file with other
 * hard links, or one that would change owner, is refused; the replaced
 * file's permissions are kept. */
#ifndef SLOTEXPLORE_ATOMIC_FILE_H
#define SLOTEXPLORE_ATOMIC_FILE_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

struct atomic_file {
	FILE *f;                      /* write here */
	char target[PATH_MAX];        /* the file that will be replaced (a link's target) */
	char tmp[PATH_MAX + 16];
	bool replaces;                /* target exists: keep its mode */
	unsigned mode;
};

/* False with a one-line reason (naming `path`) when it cannot be written. */
bool atomic_open(struct atomic_file *af, const char *path, char *err, size_t errlen);
/* Flushes, syncs and renames into place; false with errno's reason. */
bool atomic_commit(struct atomic_file *af, char *err, size_t errlen);
/* Removes the temporary file; the target is untouched. */
void atomic_abort(struct atomic_file *af);

#endif
