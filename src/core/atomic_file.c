#include "config.h"

#include "core/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool refuse(char *err, size_t errlen, const char *path, const char *why)
{
	snprintf(err, errlen, "cannot write %s: %s", path, why);
	return false;
}

bool atomic_open(struct atomic_file *af, const char *path, char *err, size_t errlen)
{
	memset(af, 0, sizeof *af);
	struct stat st;
	if (strlen(path) >= sizeof af->target)
		return refuse(err, errlen, path, "the path is too long");
	snprintf(af->target, sizeof af->target, "%s", path);
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* a link: its target is the file to replace */
		if (!realpath(path, af->target))
			return refuse(err, errlen, path, "it is a symbolic link to a file that does not "
			              "exist");
	}
	if (stat(af->target, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			snprintf(err, errlen, "%s exists and is not a regular file; give a file name", path);
			return false;
		}
		if (st.st_nlink > 1)
			return refuse(err, errlen, path, "it has other hard links, which a replacement "
			              "would split; export to another name");
		if (st.st_uid != geteuid() && geteuid() != 0)
			return refuse(err, errlen, path, "it belongs to another user");
		af->replaces = true;
		af->mode = st.st_mode & 07777;
	} else if (errno != ENOENT) {
		char why[160];
		snprintf(why, sizeof why, "%s", strerror(errno));
		return refuse(err, errlen, path, why);
	}
	if (snprintf(af->tmp, sizeof af->tmp, "%s.tmp.XXXXXX", af->target) >= (int)sizeof af->tmp)
		return refuse(err, errlen, path, "the path is too long");
	int fd = mkstemp(af->tmp);   /* O_CREAT | O_EXCL: never an existing file or link */
	if (fd < 0) {
		char why[160];
		snprintf(why, sizeof why, "%s", strerror(errno));
		return refuse(err, errlen, path, why);
	}
	if (af->replaces && fstat(fd, &st) == 0) {
		/* the replacement keeps the owner (root exporting over a user's file) */
		struct stat old;
		if (stat(af->target, &old) == 0 && (old.st_uid != st.st_uid || old.st_gid != st.st_gid) &&
		    fchown(fd, old.st_uid, old.st_gid) != 0) {
			close(fd);
			unlink(af->tmp);
			return refuse(err, errlen, path, "its owner could not be kept");
		}
	}
	af->f = fdopen(fd, "w");
	if (!af->f) {
		char why[160];
		snprintf(why, sizeof why, "%s", strerror(errno));
		close(fd);
		unlink(af->tmp);
		return refuse(err, errlen, path, why);
	}
	return true;
}

bool atomic_commit(struct atomic_file *af, char *err, size_t errlen)
{
	bool ok = fflush(af->f) == 0 && !ferror(af->f);
	int e = errno;
	if (ok && fsync(fileno(af->f)) != 0)
		ok = false, e = errno;
	if (fclose(af->f) != 0 && ok)
		ok = false, e = errno;
	af->f = NULL;
	if (ok) {
		/* mkstemp makes 0600: keep the old file's mode, or make an ordinary file */
		mode_t mask = umask(0);
		umask(mask);
		mode_t mode = af->replaces ? (mode_t)af->mode : (mode_t)(0666 & ~mask);
		if (chmod(af->tmp, mode) != 0)
			ok = false, e = errno;
	}
	if (ok && rename(af->tmp, af->target) != 0)
		ok = false, e = errno;
	if (!ok) {
		unlink(af->tmp);
		snprintf(err, errlen, "writing %s failed: %s; the old file is untouched", af->target,
		         strerror(e));
	}
	return ok;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->f)
		fclose(af->f);
	af->f = NULL;
	unlink(af->tmp);
}
