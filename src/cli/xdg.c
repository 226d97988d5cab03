#include "config.h"

#include "cli/xdg.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool xdg_path(enum xdg_dir dir, const char *name, char *buf, size_t n)
{
	const char *var = getenv(dir == XDG_CONFIG ? "XDG_CONFIG_HOME" : "XDG_STATE_HOME");
	const char *home = getenv("HOME");
	if (var && *var == '/')
		snprintf(buf, n, "%s/slotexplore/%s", var, name);
	else if (home && *home)
		snprintf(buf, n, "%s/%s/slotexplore/%s", home,
		         dir == XDG_CONFIG ? ".config" : ".local/state", name);
	else
		return false;
	return true;
}

bool xdg_make_parents(const char *path)
{
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s", path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		int rc = mkdir(p, 0700);
		*s = '/';
		if (rc != 0 && errno != EEXIST)
			return false;
	}
	return true;
}
