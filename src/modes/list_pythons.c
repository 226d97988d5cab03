#include "config.h"

#include "modes/modes.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/verify_report.h"

#define MAX_PYTHONS 64

/* --list-pythons: every interpreter found, once each. Names that reach the
 * same interpreter (a pyenv shim, python3 and python3.11 beside each other)
 * are grouped under the executable it reports. */
struct listed_interp {
	char key[PATH_MAX];          /* realpath of sys.executable, else of the path */
	struct interp in;
	char support[420];
	char names[1024];            /* the other paths that reach it */
};

int mode_list_pythons(const struct run_context *rc)
{
	const struct options *opt = rc->opt;
	const struct profile_set *set = rc->profiles;
	const char *dir = rc->dir;
	int timeout_ms = opt->timeout_ms;
	static char paths[MAX_PYTHONS][PATH_MAX];
	static struct listed_interp rows[MAX_PYTHONS];
	size_t n = 0, nrows = 0;
	for (int i = 0; i < opt->npythons && n < MAX_PYTHONS; i++)
		snprintf(paths[n++], PATH_MAX, "%s", opt->pythons[i]);
	n += interp_discover(paths + n, MAX_PYTHONS - n);
	char script[PATH_MAX + 16];
	probe_path(dir, script, sizeof script);
	for (size_t i = 0; i < n; i++) {
		bool dup = false;
		for (size_t j = 0; j < i; j++)
			dup |= strcmp(paths[i], paths[j]) == 0;
		if (dup)
			continue;
		struct listed_interp *row = &rows[nrows];
		memset(row, 0, sizeof *row);
		static struct probe_client pc;
		char how[80];
		if (interp_open(paths[i], script, &row->in, &pc, timeout_ms))
			probe_client_stop(&pc, 1000, how, sizeof how);
		const char *exe = row->in.answered && row->in.executable[0] ? row->in.executable
		                                                            : paths[i];
		/* the executable it reports, if that exists; else the path as given */
		if (!realpath(exe, row->key) && !realpath(paths[i], row->key))
			memcpy(row->key, paths[i], strlen(paths[i]) + 1);
		struct listed_interp *same = NULL;
		for (size_t j = 0; j < nrows && row->in.answered; j++)
			if (rows[j].in.answered && strcmp(rows[j].key, row->key) == 0)
				same = &rows[j];
		if (same) {   /* one more name for an interpreter already listed */
			size_t len = strlen(same->names);
			if (len + strlen(paths[i]) + 3 < sizeof same->names)
				snprintf(same->names + len, sizeof same->names - len, "%s%.*s", len ? ", " : "",
				         (int)(sizeof same->names - len - 3), paths[i]);
			continue;
		}
		if (row->in.answered && strcmp(row->key, paths[i]) != 0)
			snprintf(row->names, sizeof row->names, "%.1000s", paths[i]);
		if (row->in.answered)
			memcpy(row->in.path, row->key, strlen(row->key) + 1);
		const struct profile *pr;
		char note[400];
		enum interp_support s = interp_support(&row->in, set, &pr, note, sizeof note);
		if (s == SUPPORT_EXACT)
			snprintf(row->support, sizeof row->support, "%s profile", pr->version);
		else if (s == SUPPORT_NEAREST)
			snprintf(row->support, sizeof row->support, "%s profile (nearest; newer than the "
			         "data)", pr->version);
		else if (row->in.answered)
			snprintf(row->support, sizeof row->support, "%.410s", note);
		nrows++;
	}
	interp_write_list_header(stdout);
	for (size_t i = 0; i < nrows; i++)
		interp_write_list_row(stdout, &rows[i].in, rows[i].support, rows[i].names);
	if (nrows == 0)
		printf("no Python interpreters found on PATH or under pyenv root\n");
	return mode_finish_output();
}
