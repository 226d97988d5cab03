#include "config.h"

#include "core/textfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool textfile_read(const char *path, size_t max, const char *what, char **buf, size_t *len,
                   char *why, size_t whylen)
{
	*buf = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(why, whylen, "cannot open%s%s: %s", what ? " " : "", what ? what : "",
		         strerror(errno));
		return false;
	}
	char *b = malloc(max + 1);
	if (!b) {
		fclose(f);
		snprintf(why, whylen, "out of memory");
		return false;
	}
	size_t n = fread(b, 1, max + 1, f);
	bool read_error = ferror(f);
	int e = errno;
	fclose(f);
	if (read_error) {
		free(b);
		snprintf(why, whylen, "read error: %s", strerror(e));
		return false;
	}
	*buf = b;
	*len = n;
	return true;
}
