#include "config.h"

#include "core/profile.h"
#include "core/textfile.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROFILE_MAX_BYTES (64 * 1024)

static const char *const abi_names[ABI_COUNT] = { "lp64", "ilp32", "i386" };

const char *abi_name(enum abi a)
{
	return a < ABI_COUNT ? abi_names[a] : "?";
}

enum abi abi_from_name(const char *name)
{
	for (int a = 0; a < ABI_COUNT; a++)
		if (strcmp(abi_names[a], name) == 0)
			return (enum abi)a;
	return ABI_COUNT;
}

bool parse_python_version(const char *s, int *major, int *minor, bool *free_threaded)
{
	char *end;
	if (!isdigit((unsigned char)s[0]))
		return false;
	errno = 0;
	long ma = strtol(s, &end, 10);
	if (end == s || *end != '.' || errno || ma < 0 || ma > 99)
		return false;
	const char *p = end + 1;
	if (!isdigit((unsigned char)p[0]))
		return false;
	long mi = strtol(p, &end, 10);
	if (end == p || errno || mi < 0 || mi > 999)
		return false;
	bool t = free_threaded && end[0] == 't' && end[1] == '\0';
	if (*end != '\0' && !t)
		return false;
	*major = (int)ma;
	*minor = (int)mi;
	if (free_threaded)
		*free_threaded = t;
	return true;
}

/* Rows that take one number per ABI: "name lp64 ilp32 i386". */
struct abi_key {
	const char *name;
	size_t offset;
	bool pymalloc_only;   /* required with allocator pymalloc, refused with mimalloc */
};

#define K(field) { #field, offsetof(struct abi_consts, field), false }
#define PYMALLOC_K(field) { #field, offsetof(struct abi_consts, field), true }
static const struct abi_key abi_keys[] = {
	K(pointer), K(object_header), K(var_header), K(gc_header), K(preheader),
	K(regular_basicsize), K(dict_object), K(keys_header), K(entry_generic), K(entry_str),
	K(tuple_header), K(list_header),
	K(int_header), K(int_digit_bits), K(int_digit_bytes), K(int_medium_alloc),
	K(float_size), K(none_size), K(str_ascii_header), K(str_compact_header),
	K(type_object), PYMALLOC_K(alignment), PYMALLOC_K(small_request_threshold),
	PYMALLOC_K(malloc_overhead), PYMALLOC_K(malloc_align), PYMALLOC_K(malloc_min),
	PYMALLOC_K(pool_size), PYMALLOC_K(arena_size),
};
#undef K
#undef PYMALLOC_K
#define N_ABI_KEYS (sizeof abi_keys / sizeof abi_keys[0])

/* Scalar rows. */
enum scalar_key {
	S_FORMAT, S_VERSION, S_LAYOUT, S_PREHEADER_FOR, S_SHARED_KEYS_LOG2, S_SHARED_KEYS_LIMIT,
	S_STATIC_KEYS, S_INT_MIN_ONE, S_DC_SLOTS, S_DC_WEAKREF, S_LIST_GROWTH, S_NT_EXTRA,
	S_EVIDENCE, S_BUILD, S_ALLOCATOR, S_INLINE_WITH_SLOTS, S_DC_REPEAT, S_COUNT
};
static const char *const scalar_names[S_COUNT] = {
	"format", "version", "instance_layout", "preheader_for", "shared_keys_log2",
	"shared_keys_limit", "static_attribute_keys", "int_sizeof_min_one_digit",
	"dataclass_slots", "dataclass_weakref_slot", "list_growth", "namedtuple_extra_items",
	"evidence", "build", "allocator", "inline_values_with_slots", "dataclass_slots_repeat_base",
};

static bool fail(char *err, size_t errlen, const char *source, int line, const char *fmt,
                 const char *arg)
{
	char what[160];
	snprintf(what, sizeof what, fmt, arg);
	if (line > 0)
		snprintf(err, errlen, "%s:%d: %s", source, line, what);
	else
		snprintf(err, errlen, "%s: %s", source, what);
	return false;
}

static bool parse_uint(const char *tok, unsigned *out)
{
	if (!isdigit((unsigned char)tok[0]))
		return false;
	char *end;
	errno = 0;
	unsigned long v = strtoul(tok, &end, 10);
	if (*end || errno || v > 100000000UL)
		return false;
	*out = (unsigned)v;
	return true;
}

static bool parse_flag(const char *tok, bool *out)
{
	if (strcmp(tok, "0") == 0 || strcmp(tok, "no") == 0) {
		*out = false;
		return true;
	}
	if (strcmp(tok, "1") == 0 || strcmp(tok, "yes") == 0) {
		*out = true;
		return true;
	}
	return false;
}

/* Splits a line into at most max whitespace-separated tokens (in place). */
static int tokenize(char *line, char **tok, int max)
{
	int n = 0;
	char *p = line;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (n == max)
			return max + 1;
		tok[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

static bool apply_scalar(struct profile *pr, enum scalar_key key, char **tok, int ntok,
                         const char *source, int line, char *err, size_t errlen)
{
	unsigned u;
	bool ok = true;
	if (key == S_EVIDENCE) {
		if (ntok != 1 + ABI_COUNT)
			return fail(err, errlen, source, line, "'%s' needs one word per ABI (lp64 ilp32 i386)",
			            scalar_names[key]);
		for (int a = 0; a < ABI_COUNT; a++) {
			const char *w = tok[1 + a];
			if (strcmp(w, "verified") != 0 && strcmp(w, "from-source") != 0 &&
			    strcmp(w, "none") != 0)
				return fail(err, errlen, source, line,
				            "evidence '%s' is not verified, from-source or none", w);
			snprintf(pr->abi[a].evidence, sizeof pr->abi[a].evidence, "%s", w);
			pr->abi[a].modelled = strcmp(w, "none") != 0;
		}
		return true;
	}
	if (ntok != 2)
		return fail(err, errlen, source, line, "'%s' takes exactly one value", scalar_names[key]);
	const char *v = tok[1];
	switch (key) {
	case S_FORMAT:
		if (strcmp(v, "1") != 0)
			return fail(err, errlen, source, line, "unsupported profile format '%s' (this build reads format 1)", v);
		break;
	case S_VERSION:
		ok = parse_python_version(v, &pr->major, &pr->minor, NULL);
		break;
	case S_BUILD:
		if (strcmp(v, "default") == 0)
			pr->free_threaded = false;
		else if (strcmp(v, "free-threaded") == 0)
			pr->free_threaded = true;
		else
			return fail(err, errlen, source, line, "build '%s' is not default or free-threaded", v);
		break;
	case S_ALLOCATOR:
		if (strcmp(v, "pymalloc") == 0)
			pr->allocator = ALLOC_PYMALLOC;
		else if (strcmp(v, "mimalloc") == 0)
			pr->allocator = ALLOC_MIMALLOC;
		else
			return fail(err, errlen, source, line, "allocator '%s' is not pymalloc or mimalloc", v);
		break;
	case S_LAYOUT:
		if (strcmp(v, "split-dict") == 0)
			pr->layout = LAYOUT_SPLIT_DICT;
		else if (strcmp(v, "values-array") == 0)
			pr->layout = LAYOUT_VALUES_ARRAY;
		else if (strcmp(v, "inline-values") == 0)
			pr->layout = LAYOUT_INLINE_VALUES;
		else
			return fail(err, errlen, source, line,
			            "instance_layout '%s' is not split-dict, values-array or inline-values", v);
		break;
	case S_PREHEADER_FOR:
		pr->preheader_dict = strstr(v, "dict") != NULL;
		pr->preheader_weakref = strstr(v, "weakref") != NULL;
		ok = strcmp(v, "none") == 0 || strcmp(v, "dict") == 0 || strcmp(v, "dict,weakref") == 0;
		if (!ok)
			return fail(err, errlen, source, line, "preheader_for '%s' is not none, dict or dict,weakref", v);
		break;
	case S_SHARED_KEYS_LOG2:
		ok = parse_uint(v, &u) && u <= 20;
		pr->shared_keys_log2 = u;
		break;
	case S_SHARED_KEYS_LIMIT:
		ok = parse_uint(v, &u) && u <= 1000;
		pr->shared_keys_limit = u;
		break;
	case S_STATIC_KEYS:
		ok = parse_flag(v, &pr->static_attribute_keys);
		break;
	case S_INT_MIN_ONE:
		ok = parse_flag(v, &pr->int_min_one_digit);
		break;
	case S_DC_SLOTS:
		ok = parse_flag(v, &pr->dataclass_slots);
		break;
	case S_DC_WEAKREF:
		ok = parse_flag(v, &pr->dataclass_weakref_slot);
		break;
	case S_LIST_GROWTH:
		if (strcmp(v, "3.8") == 0)
			pr->list_growth = LIST_GROWTH_38;
		else if (strcmp(v, "3.9") == 0)
			pr->list_growth = LIST_GROWTH_39;
		else
			return fail(err, errlen, source, line, "list_growth '%s' is not 3.8 or 3.9", v);
		break;
	case S_INLINE_WITH_SLOTS:
		ok = parse_flag(v, &pr->inline_values_with_slots);
		break;
	case S_DC_REPEAT:
		ok = parse_flag(v, &pr->dataclass_slots_repeat_base);
		break;
	case S_NT_EXTRA:
		ok = parse_uint(v, &u) && u <= 4;
		pr->namedtuple_extra_items = u;
		break;
	default:
		break;
	}
	if (!ok)
		return fail(err, errlen, source, line, "bad value for '%s'", scalar_names[key]);
	return true;
}

bool profile_parse(const char *text, size_t len, const char *source, struct profile *out,
                   char *err, size_t errlen)
{
	struct profile pr;
	memset(&pr, 0, sizeof pr);
	snprintf(pr.source, sizeof pr.source, "%s", source);
	bool seen_abi[N_ABI_KEYS] = { false };
	bool seen_scalar[S_COUNT] = { false };
	bool dash[ABI_COUNT] = { false };

	if (len > PROFILE_MAX_BYTES)
		return fail(err, errlen, source, 0, "file is larger than %s bytes; not a profile", "65536");

	int lineno = 0;
	size_t pos = 0;
	while (pos < len) {
		size_t end = pos;
		while (end < len && text[end] != '\n')
			end++;
		lineno++;
		char line[512];
		size_t n = end - pos;
		if (n >= sizeof line)
			return fail(err, errlen, source, lineno, "line longer than %s characters", "511");
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos = end + 1;
		if (memchr(line, '\0', n))
			return fail(err, errlen, source, lineno, "binary data (NUL byte)%s", "");
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *tok[8];
		int ntok = tokenize(line, tok, 6);
		if (ntok == 0)
			continue;
		if (ntok > 6)
			return fail(err, errlen, source, lineno, "too many fields after '%s'", tok[0]);

		bool known = false;
		for (size_t k = 0; k < N_ABI_KEYS && !known; k++) {
			if (strcmp(tok[0], abi_keys[k].name) != 0)
				continue;
			known = true;
			if (seen_abi[k])
				return fail(err, errlen, source, lineno, "'%s' given twice", tok[0]);
			if (ntok != 1 + ABI_COUNT)
				return fail(err, errlen, source, lineno,
				            "'%s' needs three numbers (lp64 ilp32 i386)", tok[0]);
			for (int a = 0; a < ABI_COUNT; a++) {
				unsigned v = 0;
				if (strcmp(tok[1 + a], "-") == 0)
					dash[a] = true;   /* allowed only where evidence is none */
				else if (!parse_uint(tok[1 + a], &v))
					return fail(err, errlen, source, lineno, "'%s' is not a byte count", tok[1 + a]);
				*(unsigned *)((char *)&pr.abi[a] + abi_keys[k].offset) = v;
			}
			seen_abi[k] = true;
		}
		for (int s = 0; s < S_COUNT && !known; s++) {
			if (strcmp(tok[0], scalar_names[s]) != 0)
				continue;
			known = true;
			if (seen_scalar[s])
				return fail(err, errlen, source, lineno, "'%s' given twice", tok[0]);
			if (!apply_scalar(&pr, (enum scalar_key)s, tok, ntok, source, lineno, err, errlen))
				return false;
			seen_scalar[s] = true;
		}
		if (!known)
			return fail(err, errlen, source, lineno, "unknown key '%s'", tok[0]);
	}

	for (int s = 0; s < S_COUNT; s++)
		if (!seen_scalar[s])
			return fail(err, errlen, source, 0, "missing key '%s'", scalar_names[s]);
	for (size_t k = 0; k < N_ABI_KEYS; k++) {
		bool wanted = pr.allocator == ALLOC_PYMALLOC || !abi_keys[k].pymalloc_only;
		if (!seen_abi[k] && wanted)
			return fail(err, errlen, source, 0, "missing key '%s'", abi_keys[k].name);
		if (seen_abi[k] && !wanted)
			return fail(err, errlen, source, 0, "'%s' is a pymalloc key; this profile's "
			            "allocator is mimalloc", abi_keys[k].name);
	}

	snprintf(pr.version, sizeof pr.version, "%d.%d%s", pr.major, pr.minor,
	         pr.free_threaded ? "t" : "");
	/* Sanity: values the layout rules divide by or shift with. */
	for (int a = 0; a < ABI_COUNT; a++) {
		const struct abi_consts *c = &pr.abi[a];
		if (dash[a] && c->modelled)
			return fail(err, errlen, source, 0, "'-' in the %s column, whose evidence is not none",
			            abi_names[a]);
		if (!c->modelled)
			continue;
		bool pymalloc = pr.allocator == ALLOC_PYMALLOC;
		if ((c->pointer != 4 && c->pointer != 8) || (pymalloc && c->alignment == 0) ||
		    (c->alignment & (c->alignment - 1)) || (pymalloc && c->malloc_align == 0) ||
		    c->int_digit_bits == 0 || c->int_digit_bits > 60 || c->int_digit_bytes == 0)
			return fail(err, errlen, source, 0, "implausible constants for ABI %s", abi_names[a]);
	}
	if (!pr.abi[ABI_LP64].modelled && !pr.abi[ABI_ILP32].modelled && !pr.abi[ABI_I386].modelled)
		return fail(err, errlen, source, 0, "%s", "evidence is none for every ABI");
	if (pr.layout != LAYOUT_SPLIT_DICT && (pr.shared_keys_log2 < 3 || pr.shared_keys_limit == 0))
		return fail(err, errlen, source, 0, "%s needs shared_keys_log2 >= 3 and a shared_keys_limit",
		            "this instance_layout");
	*out = pr;
	return true;
}

bool profile_load_file(const char *path, struct profile *out, char *err, size_t errlen)
{
	char *buf, why[150];
	size_t n;
	if (!textfile_read(path, PROFILE_MAX_BYTES, NULL, &buf, &n, why, sizeof why))
		return fail(err, errlen, path, 0, "%s", why);
	bool ok = profile_parse(buf, n, path, out, err, errlen);
	free(buf);
	return ok;
}

static int compare_profiles(const void *a, const void *b)
{
	const struct profile *x = a, *y = b;
	if (x->major != y->major)
		return x->major - y->major;
	if (x->minor != y->minor)
		return x->minor - y->minor;
	return (int)x->free_threaded - (int)y->free_threaded;
}

static bool is_profile_name(const char *name)
{
	size_t n = strlen(name);
	return strncmp(name, "cpython-", 8) == 0 && n > 16 &&
	       strcmp(name + n - 8, ".profile") == 0;
}

/* "cpython-3.14t.profile" must declare version 3.14 and build free-threaded. */
static bool name_matches_version(const char *name, const struct profile *p)
{
	size_t n = strlen(name) - 8 - 8;
	return strlen(p->version) == n && strncmp(name + 8, p->version, n) == 0;
}

bool profile_set_load(const char *dir, struct profile_set *set, char *err, size_t errlen)
{
	set->items = NULL;
	set->count = 0;
	DIR *d = opendir(dir);
	if (!d)
		return fail(err, errlen, dir, 0, "cannot open data directory: %s", strerror(errno));
	size_t cap = 0;
	struct dirent *de;
	bool ok = true;
	while (ok && (de = readdir(d)) != NULL) {
		if (!is_profile_name(de->d_name))
			continue;
		if (set->count == cap) {
			cap = cap ? cap * 2 : 8;
			struct profile *grown = realloc(set->items, cap * sizeof *grown);
			if (!grown) {
				ok = fail(err, errlen, dir, 0, "%s", "out of memory");
				break;
			}
			set->items = grown;
		}
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		ok = profile_load_file(path, &set->items[set->count], err, errlen);
		if (ok) {
			struct profile *p = &set->items[set->count];
			if (!name_matches_version(de->d_name, p)) {
				snprintf(err, errlen, "%s: declares CPython %s (%s build), so it should be named "
				         "cpython-%s.profile", path, p->version,
				         p->free_threaded ? "free-threaded" : "default", p->version);
				ok = false;
			}
			for (size_t i = 0; i < set->count && ok; i++)
				if (strcmp(set->items[i].version, p->version) == 0)
					ok = fail(err, errlen, path, 0, "duplicate profile for CPython %s", p->version);
			set->count++;
		}
	}
	closedir(d);
	if (ok && set->count == 0)
		ok = fail(err, errlen, dir, 0, "%s", "no cpython-X.Y.profile files in the data directory "
		          "(set SLOTEXPLORE_DATADIR)");
	if (!ok) {
		profile_set_free(set);
		return false;
	}
	qsort(set->items, set->count, sizeof *set->items, compare_profiles);
	return true;
}

void profile_set_free(struct profile_set *set)
{
	free(set->items);
	set->items = NULL;
	set->count = 0;
}

const struct profile *profile_set_find(const struct profile_set *set, int major, int minor,
                                       bool free_threaded)
{
	for (size_t i = 0; i < set->count; i++)
		if (set->items[i].major == major && set->items[i].minor == minor &&
		    set->items[i].free_threaded == free_threaded)
			return &set->items[i];
	return NULL;
}

const struct profile *profile_set_find_name(const struct profile_set *set, const char *name)
{
	for (size_t i = 0; i < set->count; i++)
		if (strcmp(set->items[i].version, name) == 0)
			return &set->items[i];
	return NULL;
}

void profile_set_names(const struct profile_set *set, char *out, size_t n)
{
	size_t used = 0;
	if (n)
		out[0] = '\0';
	for (size_t i = 0; i < set->count && used < n; i++)
		used += (size_t)snprintf(out + used, n - used, "%s%s", i ? ", " : "",
		                         set->items[i].version);
}

const char *profile_abi_problem(const struct profile *pr, enum abi abi, char *buf, size_t n)
{
	if (abi >= ABI_COUNT) {
		snprintf(buf, n, "unknown ABI (expected lp64, ilp32 or i386)");
		return buf;
	}
	if (pr->abi[abi].modelled)
		return NULL;
	char have[40] = "";
	for (int a = 0; a < ABI_COUNT; a++)
		if (pr->abi[a].modelled)
			snprintf(have + strlen(have), sizeof have - strlen(have), "%s%s", have[0] ? ", " : "",
			         abi_names[a]);
	snprintf(buf, n, "CPython %s is modelled for %s only: no %s build of it has been measured",
	         pr->version, have, abi_names[abi]);
	return buf;
}

const struct profile *profile_set_nearest(const struct profile_set *set, int major, int minor,
                                          bool *exact)
{
	const struct profile *best = NULL;
	*exact = false;
	if (set->count == 0)
		return NULL;
	for (size_t i = 0; i < set->count; i++) {
		const struct profile *p = &set->items[i];
		if (p->free_threaded)
			continue;
		if (p->major == major && p->minor == minor) {
			*exact = true;
			return p;
		}
		if (p->major < major || (p->major == major && p->minor < minor))
			best = p;
	}
	return best ? best : &set->items[0];
}
