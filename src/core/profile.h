/* Per-version CPython layout constants, loaded from data/cpython-X.Y.profile.
 * The layout rules live in model.c; everything that is a number lives here. */
#ifndef SLOTEXPLORE_PROFILE_H
#define SLOTEXPLORE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

enum abi { ABI_LP64, ABI_ILP32, ABI_I386, ABI_COUNT };

const char *abi_name(enum abi a);
/* Returns ABI_COUNT when the name is unknown. */
enum abi abi_from_name(const char *name);

/* How a regular instance keeps its attribute values. */
enum dict_layout {
	LAYOUT_SPLIT_DICT,    /* 3.8-3.10: per-instance split dict + values array */
	LAYOUT_VALUES_ARRAY,  /* 3.11-3.12: managed dict, separately allocated values */
	LAYOUT_INLINE_VALUES  /* 3.13+: values inline after the object */
};

enum list_growth { LIST_GROWTH_38, LIST_GROWTH_39 };

/* Who hands out the blocks: pymalloc's 16-byte size classes (and glibc
 * malloc above 512 bytes), or mimalloc's bins (the free-threaded build). */
enum allocator { ALLOC_PYMALLOC, ALLOC_MIMALLOC };

/* ABI-dependent sizes, in bytes. */
struct abi_consts {
	unsigned pointer, object_header, var_header, gc_header, preheader;
	unsigned regular_basicsize, dict_object, keys_header, entry_generic, entry_str;
	unsigned tuple_header, list_header;
	unsigned int_header, int_digit_bits, int_digit_bytes, int_medium_alloc;
	unsigned float_size, none_size, str_ascii_header, str_compact_header;
	unsigned type_object;
	unsigned alignment, small_request_threshold;
	unsigned malloc_overhead, malloc_align, malloc_min;
	unsigned pool_size, arena_size;
	char evidence[24];      /* "verified", "from-source", or "none" */
	bool modelled;          /* false: evidence "none", no numbers for this ABI */
};

struct profile {
	int major, minor;
	bool free_threaded;          /* build free-threaded: "3.14t" */
	char version[8];             /* "3.13", "3.14t" */
	char source[256];            /* file it came from */
	enum dict_layout layout;
	bool preheader_dict, preheader_weakref;
	unsigned shared_keys_log2;   /* 0: shared keys grow with the first instance */
	unsigned shared_keys_limit;  /* SHARED_KEYS_MAX_SIZE, 0 when unlimited */
	bool static_attribute_keys;  /* 3.14: keys pre-seeded from __static_attributes__ */
	bool int_min_one_digit;      /* int.__sizeof__ counts max(ndigits, 1) */
	bool dataclass_slots, dataclass_weakref_slot;
	enum list_growth list_growth;
	unsigned namedtuple_extra_items;
	bool inline_values_with_slots;    /* 3.14+: inline values after member slots too */
	bool dataclass_slots_repeat_base; /* 3.10: a slots dataclass repeats its base's slots */
	enum allocator allocator;
	struct abi_consts abi[ABI_COUNT];
};

/* Parses one profile file's text. On error returns false and writes a
 * one-line message naming the file, line and problem into err. */
bool profile_parse(const char *text, size_t len, const char *source,
                   struct profile *out, char *err, size_t errlen);
bool profile_load_file(const char *path, struct profile *out, char *err, size_t errlen);

/* The set of profiles found in a data directory. */
struct profile_set {
	struct profile *items;
	size_t count;
};

/* Loads every cpython-X.Y[t].profile in dir, sorted by version (a
 * free-threaded build after the default build of its version). A file whose
 * name does not match the version and build it declares is an error. */
bool profile_set_load(const char *dir, struct profile_set *set, char *err, size_t errlen);
void profile_set_free(struct profile_set *set);
/* Exact match on "3.12" (free_threaded false) or "3.14t"; NULL if absent. */
const struct profile *profile_set_find(const struct profile_set *set, int major, int minor,
                                       bool free_threaded);
/* Exact match on a version's name, "3.12" or "3.14t"; NULL if absent. */
const struct profile *profile_set_find_name(const struct profile_set *set, const char *name);
/* Nearest default-build profile (newest below for newer versions, oldest
 * for older); sets *exact to whether it is an exact match. */
const struct profile *profile_set_nearest(const struct profile_set *set, int major, int minor,
                                          bool *exact);
/* Parses "3.12", or "3.14t" when free_threaded is not NULL, into its
 * parts; false if malformed. */
bool parse_python_version(const char *s, int *major, int *minor, bool *free_threaded);
/* The profiles' names in order, ", "-separated: "3.8, 3.9, ..., 3.14t". */
void profile_set_names(const struct profile_set *set, char *out, size_t n);
/* Why an ABI cannot be modelled with this profile, or NULL when it can. */
const char *profile_abi_problem(const struct profile *pr, enum abi abi, char *buf, size_t n);

#endif
