#include "config.h"

#include "core/textfile.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool textfile_read(const char *path, size_t max, const char *what, char **buf, size_t *len,
                   char *why, size_t whylen)
{
	*buf = NULL;
	*len = 0;
	/* O_NONBLOCK: a FIFO in the data directory must not hang the start */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		snprintf(why, whylen, "cannot open%s%s: %s", what ? " " : "", what ? what : "",
		         strerror(errno));
		return false;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "cannot read%s%s: not a regular file (%s)", what ? " " : "",
		         what ? what : "", S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISCHR(st.st_mode)
		         ? "a device" : S_ISDIR(st.st_mode) ? "a directory" : "not a file");
		close(fd);
		return false;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		snprintf(why, whylen, "cannot open%s%s: %s", what ? " " : "", what ? what : "",
		         strerror(errno));
		close(fd);
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

FILE *textfile_open_regular(const char *path, char *why, size_t n)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		snprintf(why, n, "%s", strerror(e));
		errno = e;
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, n, "not a regular file (%s)", S_ISFIFO(st.st_mode) ? "a FIFO"
		         : S_ISCHR(st.st_mode) ? "a device" : S_ISDIR(st.st_mode) ? "a directory"
		         : "not a file");
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "r");
	if (!f) {
		snprintf(why, n, "%s", strerror(errno));
		close(fd);
	}
	return f;
}
