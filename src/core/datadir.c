#include "config.h"

#include "core/datadir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by Makefile.am. */
#ifndef SLOTEXPLORE_PKGDATADIR
#define SLOTEXPLORE_PKGDATADIR "/usr/local/share/slotexplore"
#endif
#ifndef SLOTEXPLORE_BUILDDIR
#define SLOTEXPLORE_BUILDDIR ""
#endif
#ifndef SLOTEXPLORE_SRCDIR
#define SLOTEXPLORE_SRCDIR ""
#endif

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Directory of the running executable, via /proc; empty if unknown. */
static void exe_dir(char *buf, size_t n)
{
	char path[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", path, sizeof path - 1);
	buf[0] = '\0';
	if (len <= 0)
		return;
	path[len] = '\0';
	char *slash = strrchr(path, '/');
	if (!slash)
		return;
	*slash = '\0';
	snprintf(buf, n, "%s", path);
}

const char *datadir_locate(char *buf, size_t n)
{
	const char *env = getenv("SLOTEXPLORE_DATADIR");
	if (env && *env) {
		snprintf(buf, n, "%s", env);
		return "SLOTEXPLORE_DATADIR";
	}
	/* Run from a build tree (in-tree or VPATH): use the source tree's data/. */
	char here[PATH_MAX];
	exe_dir(here, sizeof here);
	static const char build_dir[] = SLOTEXPLORE_BUILDDIR;
	if (here[0] && build_dir[0]) {
		char real_build[PATH_MAX], real_here[PATH_MAX];
		if (realpath(SLOTEXPLORE_BUILDDIR, real_build) && realpath(here, real_here) &&
		    strcmp(real_build, real_here) == 0) {
			char candidate[PATH_MAX];
			snprintf(candidate, sizeof candidate, "%s/data", SLOTEXPLORE_SRCDIR);
			if (is_dir(candidate)) {
				snprintf(buf, n, "%s", candidate);
				return "build tree";
			}
		}
	}
	snprintf(buf, n, "%s", SLOTEXPLORE_PKGDATADIR);
	return "installed";
}
