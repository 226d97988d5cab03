#include "config.h"

#include "core/interp.h"
#include "core/text.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

bool interp_parse_hello(const char *line, struct interp *out)
{
	static struct probe_record rec;
	char err[160];
	if (!probe_parse_line(line, &rec, err, sizeof err) || rec.verb != PROBE_HELLO)
		return false;
	const char *proto = probe_field(&rec, "protocol");
	const char *impl = probe_field(&rec, "impl");
	const char *version = probe_field(&rec, "version");
	if (!proto || strcmp(proto, "1") != 0 || !impl || !version)
		return false;
	/* what a child says is printed and put in JSON: a version is X.Y.Z, an
	 * implementation a lower-case word */
	if (!text_is_version(version) || strlen(impl) >= sizeof out->impl ||
	    strspn(impl, "abcdefghijklmnopqrstuvwxyz") != strlen(impl))
		return false;
	out->answered = true;
	snprintf(out->impl, sizeof out->impl, "%s", impl);
	snprintf(out->version, sizeof out->version, "%s", version);
	if (sscanf(version, "%d.%d", &out->major, &out->minor) != 2)
		out->major = out->minor = 0;
	const char *abi = probe_field(&rec, "abi");
	out->abi = abi ? abi_from_name(abi) : ABI_COUNT;
	/* lp64 has 8-byte pointers, ilp32 and i386 4-byte ones; a hello that says
	 * otherwise is not a probe's */
	const char *ptr = probe_field(&rec, "pointer");
	if (ptr && out->abi != ABI_COUNT &&
	    strcmp(ptr, out->abi == ABI_LP64 ? "8" : "4") != 0) {
		out->answered = false;
		return false;
	}
	const char *v;
	out->pymalloc = (v = probe_field(&rec, "pymalloc")) && strcmp(v, "1") == 0;
	out->free_threaded = (v = probe_field(&rec, "gil")) && strcmp(v, "0") == 0;
	out->debug = (v = probe_field(&rec, "debug")) && strcmp(v, "1") == 0;
	v = probe_field(&rec, "executable");
	snprintf(out->executable, sizeof out->executable, "%s", v ? v : "");
	text_strip_controls(out->executable);
	return true;
}

bool interp_same(const struct interp *a, const struct interp *b)
{
	return strcmp(a->impl, b->impl) == 0 && strcmp(a->version, b->version) == 0 &&
	       a->abi == b->abi && a->free_threaded == b->free_threaded && a->debug == b->debug &&
	       strcmp(a->executable, b->executable) == 0;
}

/* A short, printable excerpt of what a non-probe printed. */
static void excerpt(const char *text, char *out, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; text[i] && j + 4 < n && i < 40; i++)
		out[j++] = (unsigned char)text[i] >= 0x20 && (unsigned char)text[i] < 0x7f ? text[i] : '?';
	if (strlen(text) > 40 && j + 4 < n)
		out[j++] = '.', out[j++] = '.', out[j++] = '.';
	out[j] = '\0';
}

bool interp_begin(const char *path, const char *script, struct interp *out,
                  struct probe_client *pc)
{
	memset(out, 0, sizeof *out);
	out->abi = ABI_COUNT;
	snprintf(out->path, sizeof out->path, "%s", path);
	char err[300];
	if (!probe_client_start(pc, path, script, err, sizeof err)) {
		snprintf(out->problem, sizeof out->problem, "%s", err);
		return false;
	}
	return true;
}

int interp_hello_poll(const char *path, struct interp *out, struct probe_client *pc, int wait_ms,
                      bool expired, int timeout_ms)
{
	char line[PROBE_LINE_MAX];
	enum probe_read r = probe_client_read_line(pc, line, sizeof line, wait_ms);
	char how[120];
	if (r == PROBE_READ_LINE && interp_parse_hello(line, out))
		return 1;
	if (r == PROBE_READ_TIMEOUT && !expired)
		return 0;
	if (r == PROBE_READ_TIMEOUT)
		probe_client_kill(pc, how, sizeof how);   /* it had its time: no more grace */
	else
		probe_client_stop(pc, 100, how, sizeof how);
	char what[64];
	switch (r) {
	case PROBE_READ_LINE:
		excerpt(line, what, sizeof what);
		if (strncmp(line, "hello ", 6) == 0)   /* a probe's greeting whose fields do not add up */
			snprintf(out->problem, sizeof out->problem, "%s said hello with facts that do not "
			         "add up (a version that is not X.Y.Z, or an ABI that does not match the "
			         "pointer size); it printed '%s'", path, what);
		else
			snprintf(out->problem, sizeof out->problem,
			         "%s did not answer as a Python interpreter (it printed '%s')", path, what);
		break;
	case PROBE_READ_TIMEOUT:
		snprintf(out->problem, sizeof out->problem,
		         "%s did not answer within %d s; stopped it", path, timeout_ms / 1000);
		break;
	case PROBE_READ_TOO_LONG:
		snprintf(out->problem, sizeof out->problem,
		         "%s flooded its output with a line over %d bytes; stopped it", path,
		         PROBE_LINE_MAX);
		break;
	case PROBE_READ_EOF:
		if (strncmp(pc->err_first, "pyenv: ", 7) == 0)   /* a shim with no active version */
			snprintf(out->problem, sizeof out->problem, "%s is a pyenv shim that runs no "
			         "interpreter (%s: no active pyenv version has it)", path, pc->err_first);
		else if (pc->err_tail[0])
			snprintf(out->problem, sizeof out->problem, "%s %s before answering: %s", path, how,
			         pc->err_tail);
		else
			snprintf(out->problem, sizeof out->problem, "%s %s before answering", path, how);
		break;
	}
	out->answered = false;
	return -1;
}

bool interp_open(const char *path, const char *script, struct interp *out,
                 struct probe_client *pc, int timeout_ms)
{
	return interp_open_stoppable(path, script, out, pc, timeout_ms, NULL, NULL);
}

bool interp_open_stoppable(const char *path, const char *script, struct interp *out,
                           struct probe_client *pc, int timeout_ms, bool (*stop)(void *),
                           void *ctx)
{
	if (!interp_begin(path, script, out, pc))
		return false;
	if (!stop)
		return interp_hello_poll(path, out, pc, timeout_ms, true, timeout_ms) == 1;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct timespec t;
		clock_gettime(CLOCK_MONOTONIC, &t);
		long waited = (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
		bool expired = waited + 50 >= timeout_ms;
		int rc = interp_hello_poll(path, out, pc, expired ? (int)(timeout_ms > waited ?
		                           timeout_ms - waited : 0) : 50, expired, timeout_ms);
		if (rc != 0)
			return rc == 1;
		if (stop(ctx)) {
			char how[120];
			probe_client_kill(pc, how, sizeof how);
			snprintf(out->problem, sizeof out->problem,
			         "gave up waiting for %s to say hello (Esc, Ctrl-C or a signal) and stopped it", path);
			out->answered = false;
			return false;
		}
	}
}

enum interp_support interp_support(const struct interp *in, const struct profile_set *set,
                                   const struct profile **profile, char *note, size_t n)
{
	*profile = NULL;
	note[0] = '\0';
	if (!in->answered) {
		snprintf(note, n, "%s", in->problem);
		return SUPPORT_NONE;
	}
	if (strcmp(in->impl, "pypy") == 0) {
		snprintf(note, n, "%s is PyPy %s: not modelled (PyPy objects have no fixed layout to "
		         "model, and sys.getsizeof raises TypeError there)", in->path, in->version);
		return SUPPORT_NONE;
	}
	if (strcmp(in->impl, "cpython") != 0) {
		snprintf(note, n, "%s is %s %s: not modelled (only CPython's object layout is "
		         "modelled)", in->path, in->impl, in->version);
		return SUPPORT_NONE;
	}
	if (in->major < 3 || (in->major == 3 && in->minor < 8)) {
		bool exact;
		const struct profile *newest = profile_set_nearest(set, 99, 0, &exact);
		snprintf(note, n, "%s is CPython %s: not modelled (slotexplore models CPython 3.8 to "
		         "%s; older versions lay objects out differently)", in->path, in->version,
		         newest ? newest->version : "3.15");
		return SUPPORT_NONE;
	}
	if (in->debug) {
		snprintf(note, n, "%s is a debug build of CPython %s: not modelled (debug fields in "
		         "every object)", in->path, in->version);
		return SUPPORT_NONE;
	}
	if (in->abi == ABI_COUNT) {
		snprintf(note, n, "%s did not report an ABI slotexplore knows", in->path);
		return SUPPORT_NONE;
	}
	if (in->free_threaded) {
		/* a free-threaded layout is modelled only where a build was measured */
		const struct profile *ft = profile_set_find(set, in->major, in->minor, true);
		char why[160];
		if (!ft) {
			char names[128] = "";
			for (size_t i = 0; i < set->count; i++)
				if (set->items[i].free_threaded)
					snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
					         names[0] ? ", " : "", set->items[i].version);
			snprintf(note, n, "%s is a free-threaded build of CPython %s: not modelled (no "
			         "%d.%dt build has been measured; free-threaded profiles: %s)", in->path,
			         in->version, in->major, in->minor, names[0] ? names : "none");
			return SUPPORT_NONE;
		}
		if (in->abi < ABI_COUNT && profile_abi_problem(ft, in->abi, why, sizeof why)) {
			snprintf(note, n, "%s: %s", in->path, why);
			return SUPPORT_NONE;
		}
		*profile = ft;
		return SUPPORT_EXACT;
	}
	bool exact;
	const struct profile *p = profile_set_nearest(set, in->major, in->minor, &exact);
	if (!p) {
		snprintf(note, n, "no CPython profiles loaded");
		return SUPPORT_NONE;
	}
	*profile = p;
	if (exact)
		return SUPPORT_EXACT;
	snprintf(note, n, "CPython %s is newer than every profile: using the %s profile; figures "
	         "may be wrong", in->version, p->version);
	return SUPPORT_NEAREST;
}

static bool is_executable_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

static void add_path(char (*paths)[PATH_MAX], size_t max, size_t *count, const char *path)
{
	if (*count >= max || strlen(path) >= PATH_MAX || !is_executable_file(path))
		return;
	for (size_t i = 0; i < *count; i++)
		if (strcmp(paths[i], path) == 0)
			return;
	snprintf(paths[*count], PATH_MAX, "%s", path);
	(*count)++;
}

bool interp_first_on_path(const char *name, char *out, size_t n)
{
	const char *env_path = getenv("PATH");
	char *dirs = strdup(env_path ? env_path : "/usr/bin:/bin");
	bool found = false;
	char *save = NULL;
	for (char *d = dirs ? strtok_r(dirs, ":", &save) : NULL; d && !found;
	     d = strtok_r(NULL, ":", &save)) {
		char full[2 * PATH_MAX];
		snprintf(full, sizeof full, "%s/%s", *d ? d : ".", name);
		if (is_executable_file(full) && strlen(full) < n) {
			memcpy(out, full, strlen(full) + 1);
			found = true;
		}
	}
	free(dirs);
	return found;
}

/* Output of `pyenv root`, if pyenv is on PATH (run with fork/exec). */
static bool pyenv_root(char *out, size_t n)
{
	static struct probe_client pc;
	char err[200], line[PROBE_LINE_MAX], how[80];
	const char *const argv[] = { "pyenv", "root", NULL };
	memset(&pc, 0, sizeof pc);
	if (!probe_client_spawn(&pc, argv, err, sizeof err))
		return false;
	bool ok = probe_client_read_line(&pc, line, sizeof line, 5000) == PROBE_READ_LINE;
	probe_client_stop(&pc, 1000, how, sizeof how);
	size_t len = strlen(line);
	if (!ok || line[0] != '/' || len >= n)
		return false;
	memcpy(out, line, len + 1);
	return true;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t interp_discover(char (*paths)[PATH_MAX], size_t max)
{
	static const char *const names[] = {
		"python3", "python3.8", "python3.9", "python3.10", "python3.11", "python3.12",
		"python3.13", "python3.14", "python3.15", "python3.13t", "python3.14t", "python3.15t",
		"python", "pypy3", "pypy",
	};
	size_t count = 0;
	const char *env_path = getenv("PATH");
	char *copy = strdup(env_path ? env_path : "/usr/bin:/bin");
	if (!copy)
		return 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *save = NULL;
		char *dirs = strdup(copy);
		if (!dirs)
			break;
		for (char *d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
			char full[2 * PATH_MAX];
			snprintf(full, sizeof full, "%s/%s", *d ? d : ".", names[i]);
			/* every one on PATH, the one a shell would run first: a pyenv shim
			 * must not hide /usr/bin/python3 */
			if (is_executable_file(full))
				add_path(paths, max, &count, full);
		}
		free(dirs);
	}
	free(copy);

	char root[PATH_MAX] = "";
	bool has_pyenv = false;
	char *pyenv_path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	if (pyenv_path) {
		char *save = NULL;
		for (char *d = strtok_r(pyenv_path, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
			char full[2 * PATH_MAX];
			snprintf(full, sizeof full, "%s/pyenv", d);
			if (access(full, X_OK) == 0) {
				has_pyenv = true;
				break;
			}
		}
		free(pyenv_path);
	}
	if (!(has_pyenv && pyenv_root(root, sizeof root))) {
		const char *env_root = getenv("PYENV_ROOT");
		snprintf(root, sizeof root, "%s", env_root ? env_root : "");
	}
	if (root[0]) {
		char versions[PATH_MAX];
		snprintf(versions, sizeof versions, "%s/versions", root);
		DIR *d = opendir(versions);
		if (d) {
			char *entries[256];
			size_t n = 0;
			struct dirent *de;
			while ((de = readdir(d)) && n < 256)
				if (de->d_name[0] != '.')
					entries[n++] = strdup(de->d_name);
			closedir(d);
			qsort(entries, n, sizeof entries[0], compare_names);
			for (size_t i = 0; i < n; i++) {
				char full[2 * PATH_MAX];
				if (entries[i]) {
					snprintf(full, sizeof full, "%s/%s/bin/python3", versions, entries[i]);
					if (is_executable_file(full))
						add_path(paths, max, &count, full);
					else {
						snprintf(full, sizeof full, "%s/%s/bin/python", versions, entries[i]);
						add_path(paths, max, &count, full);
					}
				}
				free(entries[i]);
			}
		}
	}
	return count;
}
