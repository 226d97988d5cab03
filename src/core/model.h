/* The byte-exact memory model: what one instance of each kind costs on a
 * given CPython version and ABI, broken down into its parts, and what M of
 * them cost in a list. Spec: shared/reference/cpython-memory-layout.md. */
#ifndef SLOTEXPLORE_MODEL_H
#define SLOTEXPLORE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/kinds.h"
#include "core/profile.h"
#include "core/values.h"

#define MODEL_MAX_ATTRS 100000u
#define MODEL_MAX_INSTANCES 1000000000000000ULL  /* 10^15 */

enum accounting {
	ACC_GETSIZEOF,  /* sys.getsizeof(obj) */
	ACC_REQUESTED,  /* bytes asked of the allocator (what tracemalloc counts) */
	ACC_ALLOCATED,  /* after pymalloc size classes / malloc chunk estimate */
	ACC_DEEP,       /* the seed paper's recursive getsizeof */
	ACC_COUNT
};
const char *accounting_name(enum accounting a);
enum accounting accounting_from_name(const char *name); /* ACC_COUNT if unknown */
/* What an accounting counts, in words; "allocated" names the profile's allocator. */
const char *accounting_description(enum accounting a, const struct profile *pr);
/* The allocator's rounding in a few words, for legends: "pymalloc's size
 * classes (* = a malloc estimate for a block over 512 B)" or mimalloc's. */
const char *allocator_description(const struct profile *pr);

enum part {
	PART_GC_HEADER,      /* PyGC_Head of the instance */
	PART_PREHEADER,      /* managed dict / weakref words before the GC head */
	PART_OBJECT_HEADER,  /* refcount, type (+ size, + tuple hash) */
	PART_SLOT_POINTERS,  /* member slots, tuple items, __dict__/__weakref__ slots */
	PART_VALUES,         /* values array / inline values (incl. prefix) */
	PART_DICT_OBJECT,    /* a dict object (with its GC head) */
	PART_KEYS,           /* a per-instance keys table */
	PART_KEY_STRINGS,    /* attribute-name strings (deep only) */
	PART_VALUE_OBJECTS,  /* the attribute values */
	PART_ROUNDING,       /* allocator rounding */
	PART_COUNT
};
const char *part_name(enum part p);   /* "gc_header" */
const char *part_label(enum part p);  /* "GC header" */
/* The label in a kind's own breakdown: a regular instance's pointer words
 * are its __dict__ and __weakref__ pointers, not slots. */
const char *part_label_for(enum kind k, enum part p);

struct model_split;

struct model_setting {
	const struct profile *profile;
	enum abi abi;
	unsigned attrs;
	uint64_t instances;
	struct value_list values;  /* attribute i holds value_list_at(&values, i) */
	unsigned name_len;   /* 0: names a0..a{N-1}; else every name has this length */
	/* The inheritance kinds' split: K of the N attributes belong to the
	 * base class (slots-dict: to __slots__). Unset: N / 2 rounded down;
	 * set: K, at most N. */
	bool base_given;
	unsigned base_attrs;
	/* The model's own (callers leave it NULL): set while the __dict__ part
	 * of an inheritance kind is modelled, attrs then being its dict_attrs. */
	const struct model_split *dict_part;
};

/* Where an inheritance kind's N attributes go (other kinds: all in their
 * one place, base_attrs 0). */
struct model_split {
	unsigned base_attrs;    /* K: the base class's (slots-dict: the slots') */
	unsigned slot_attrs;    /* attributes stored in member slots */
	unsigned dict_attrs;    /* attributes stored in the __dict__ */
	unsigned dict_first;    /* the dict's names are a<dict_first>... */
	unsigned unused_slots;  /* member slots no attribute uses */
	unsigned slot_words;    /* member-slot pointers in the object: used + unused */
	unsigned deep_first, deep_count;  /* the values the seed's deep walk reaches */
	/* the names the instance's class assigns in its methods: its
	 * __static_attributes__ (3.13+), which 3.14 puts in the shared keys */
	unsigned static_first, static_count;
	bool dict;              /* instances have a __dict__ */
	bool weakref;           /* ... and __weakref__ */
	bool two_classes;       /* a base class besides the instance's */
	bool base_has_dict;     /* the base class is a regular one */
};
/* The split for kind k under setting s. */
void model_split_of(const struct model_setting *s, enum kind k, struct model_split *out);
/* K for setting s: base_attrs (at most N) when given, else N / 2. */
unsigned model_base_attrs(const struct model_setting *s);

/* The list that holds the M instances, grown by appends as a list
 * comprehension grows it. */
struct container {
	uint64_t capacity, getsizeof, requested, allocated;
	bool saturated;
};

struct kind_result {
	enum kind kind;
	bool available;
	char unavailable[64];        /* why not, when !available */
	bool shared_singleton;       /* tuple of 0 items: () */
	bool overflow;               /* regular kinds past the shared-keys limit */
	unsigned capacity;           /* steady values capacity (regular kinds) */
	unsigned values_before_overflow;
	uint64_t fig[ACC_COUNT];     /* per instance, steady state */
	uint64_t part[ACC_COUNT][PART_COUNT];  /* each row sums to fig[] */
	bool estimate;               /* allocated includes a malloc (>512 B) estimate */
	bool no_gc_header;           /* free-threaded: a GC-tracked object without PyGC_Head */
	unsigned blocks;             /* allocator blocks per instance, values not counted */
	uint64_t object_block;       /* allocated bytes of the block holding the object */
	bool object_block_estimate;
	uint64_t dict_getsizeof;     /* getsizeof(obj.__dict__), 0 without a dict */
	uint64_t per_class_getsizeof, per_class_keys, per_class_allocated;
	/* the base class of a subclass kind (getsizeof(B), its allocation) */
	uint64_t base_class_getsizeof, base_class_allocated;
	struct model_split split;
	uint64_t shared_values_requested, shared_values_allocated;
	uint64_t first_requested, first_deep;  /* the first instance of a fresh class */
	uint64_t total[ACC_COUNT];   /* M instances in a list, incl. class and list */
	bool saturated;              /* a total hit UINT64_MAX */
};

struct model_eval {
	struct container container;
	struct kind_result kinds[KIND_COUNT];
};

/* Whether a breakdown lists part p: any part with bytes, and the GC header
 * a free-threaded build does without (listed as 0, so that its absence is
 * seen beside the 32-byte object header). */
bool model_part_listed(const struct kind_result *r, enum accounting a, enum part p);

/* The value-objects part of a breakdown attribute by attribute: a row for
 * each run of attributes a<first>..a<first+count-1> that take the same list
 * entry (spec), with the bytes they add to part[a][PART_VALUE_OBJECTS] of
 * kind k; a row of count 0 (spec none) is the None of a __weakref__ slot
 * the deep walk reaches. The rows' bytes sum to that part. */
struct value_row {
	unsigned first, count;
	struct value_spec spec;
	uint64_t bytes;
};
#define MODEL_VALUE_ROWS (VALUE_LIST_MAX + 1)
unsigned model_value_rows(const struct model_setting *s, enum kind k, enum accounting a,
                          struct value_row *rows, unsigned max);
/* True when a breakdown shows the values attribute by attribute: the
 * setting's attributes take more than one kind of value. */
bool model_values_per_attribute(const struct model_setting *s);

/* Checks a setting; false with a one-line message naming the bad field. */
bool model_setting_check(const struct model_setting *s, char *err, size_t errlen);
void model_container(const struct model_setting *s, struct container *out);
void model_evaluate(const struct model_setting *s, enum kind k, const struct container *c,
                    struct kind_result *out);
void model_evaluate_all(const struct model_setting *s, struct model_eval *out);
/* Bytes requested by the k-th instance (0-based) of a fresh class,
 * including class-level allocations it triggers. */
uint64_t model_instance_requested(const struct model_setting *s, enum kind k, uint64_t index);
/* Real bytes of one block of `requested` bytes; *estimate set when malloc. */
uint64_t model_block_allocated(const struct profile *pr, enum abi abi, uint64_t requested,
                               bool *estimate);
/* Capacity of a list after `n` appends. */
uint64_t model_list_capacity(const struct profile *pr, uint64_t n);
/* Bytes of a dict keys table of 2^k slots. */
uint64_t model_keys_bytes(const struct profile *pr, enum abi abi, uint64_t slots, bool str_keys);

#endif
