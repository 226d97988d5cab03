#include "config.h"

#include "core/model.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/checked.h"

/* Instances after which every shared-keys counter has settled: the keys
 * start with at most 30 usable entries and lose one per instance. */
#define WARMUP_INSTANCES 64u

/* glibc: requests this large are served by mmap in whole pages. */
#define GLIBC_MMAP_THRESHOLD 131072u
#define GLIBC_PAGE 4096u

static const char *const accounting_names[ACC_COUNT] = {
	"getsizeof", "requested", "allocated", "deep"
};
static const char *const accounting_text[ACC_COUNT] = {
	"what sys.getsizeof(obj) returns",
	"bytes asked of the allocator per instance in steady state (what tracemalloc counts)",
	NULL,   /* allocated: depends on the allocator */
	"the seed paper's recursive sys.getsizeof walk (measure_deep_size)",
};

const char *accounting_name(enum accounting a)
{
	return a < ACC_COUNT ? accounting_names[a] : "?";
}

const char *accounting_description(enum accounting a, const struct profile *pr)
{
	if (a == ACC_ALLOCATED)
		return pr && pr->allocator == ALLOC_MIMALLOC
		       ? "bytes after mimalloc's bins (16-byte steps to 128 B, then four per power of "
		         "two); blocks over 128 KiB use a page estimate (*)"
		       : "bytes after pymalloc's size classes; blocks over 512 B use a malloc chunk "
		         "estimate (*)";
	return a < ACC_COUNT ? accounting_text[a] : "?";
}

const char *allocator_description(const struct profile *pr)
{
	return pr && pr->allocator == ALLOC_MIMALLOC
	       ? "mimalloc's bins (* = a page estimate for a block over 128 KiB)"
	       : "pymalloc's size classes (* = a malloc estimate for a block over 512 B)";
}

enum accounting accounting_from_name(const char *name)
{
	for (int a = 0; a < ACC_COUNT; a++)
		if (strcmp(accounting_names[a], name) == 0)
			return (enum accounting)a;
	return ACC_COUNT;
}

static const char *const part_names[PART_COUNT] = {
	"gc_header", "preheader", "object_header", "slot_pointers", "values", "dict_object",
	"keys", "key_strings", "value_objects", "rounding"
};
static const char *const part_labels[PART_COUNT] = {
	"GC header", "pre-header", "object header", "slot pointers", "values array",
	"dict object", "keys table", "key strings", "value objects", "allocator rounding"
};

const char *part_name(enum part p)
{
	return p < PART_COUNT ? part_names[p] : "?";
}

const char *part_label(enum part p)
{
	return p < PART_COUNT ? part_labels[p] : "?";
}

const char *part_label_for(enum kind k, enum part p)
{
	if (p == PART_SLOT_POINTERS && kind_info(k)->inheritance && kind_info(k)->family == FAMILY_REGULAR)
		return k == KIND_SLOTS_DICT ? "slot + dict pointers" : "slot + dict/weakref pointers";
	if (p == PART_SLOT_POINTERS && k == KIND_SLOTS_DUPLICATE)
		return "slot pointers, used + unused";
	if (p == PART_SLOT_POINTERS && kind_info(k)->family == FAMILY_REGULAR)
		return "dict/weakref pointers";
	if (p == PART_SLOT_POINTERS && kind_info(k)->family == FAMILY_TUPLE)
		return "item pointers";
	return part_label(p);
}

/* ---- the inheritance kinds' split ------------------------------------------- */

unsigned model_base_attrs(const struct model_setting *s)
{
	if (!s->base_given)
		return s->attrs / 2;
	return s->base_attrs < s->attrs ? s->base_attrs : s->attrs;
}

/* Layout rules of the inheritance kinds, K = base_attrs of N (probe.py
 * builds the classes the same way; each __init__ assigns its own class's
 * names, the child's after calling the base's):
 *   slots-subclass-dict   B: __slots__ = a0..a{K-1}; C(B) without __slots__.
 *                         C's instances get __dict__ and __weakref__ back
 *                         (in the object before 3.11, in the pre-header
 *                         after); a0.. stay in B's K slots, a{K}.. go to
 *                         the dict, laid out as a regular instance's. 3.13
 *                         keeps inline values for types of object size
 *                         only, so with K > 0 the dict is a split dict made
 *                         on the first store, its values sized for the whole
 *                         shared keys (30) and never trimmed; 3.14 keeps
 *                         them inline after the slots
 *                         (inline_values_with_slots).
 *   slots-subclass-slots  C(B) with __slots__ = a{K}..: one object of N
 *                         slots, as slots with N; nothing is lost.
 *   slots-duplicate       C(B) with __slots__ listing all N names: C's
 *                         descriptors win, so B's K slots stay NULL in
 *                         every instance: N + K pointers, K unused.
 *   slots-dict            one class, __slots__ = a0..a{K-1} + '__dict__':
 *                         K slots, a{K}.. in a dict made on the first
 *                         store (no __weakref__).
 *   regular-subclass-slots B regular, C(B) with __slots__ = a{K}..: the
 *                         instance keeps B's __dict__ and __weakref__, with
 *                         a0..a{K-1} in the dict and N - K slots after them.
 *                         3.14 seeds C's shared keys with C's static
 *                         attributes, the slot names, which no dict holds.
 *   dataclass-slots-subclass @dataclass(slots=True) on both: 3.10 as
 *                         slots-duplicate (see above), 3.11+ as
 *                         slots-subclass-slots.
 * The seed's deep walk follows __dict__ when there is one (the slots are
 * not counted), else the class's own __slots__ (the child's names only). */
void model_split_of(const struct model_setting *s, enum kind k, struct model_split *o)
{
	const struct kind_info *ki = kind_info(k);
	unsigned n = s->attrs, b = ki->inheritance ? model_base_attrs(s) : 0;
	memset(o, 0, sizeof *o);
	o->base_attrs = b;
	o->deep_count = o->static_count = n;
	if (k == KIND_DATACLASS_SLOTS_SUBCLASS)
		/* 3.10 builds __slots__ from fields(cls), the base's fields too;
		 * 3.11 leaves out names a base's __slots__ already has */
		k = s->profile->dataclass_slots_repeat_base ? KIND_SLOTS_DUPLICATE
		                                            : KIND_SLOTS_SUBCLASS_SLOTS;
	switch (k) {
	case KIND_SLOTS_SUBCLASS_DICT:
		o->slot_attrs = o->slot_words = b;
		o->dict_attrs = o->static_count = o->deep_count = n - b;
		o->dict_first = o->static_first = o->deep_first = b;
		o->dict = o->weakref = o->two_classes = true;
		break;
	case KIND_SLOTS_SUBCLASS_SLOTS:
		o->slot_attrs = o->slot_words = n;
		o->deep_first = b;
		o->deep_count = n - b;
		o->two_classes = true;
		break;
	case KIND_SLOTS_DUPLICATE:
		o->slot_attrs = n;
		o->unused_slots = b;
		o->slot_words = n + b;
		o->two_classes = true;
		break;
	case KIND_SLOTS_DICT:
		o->slot_attrs = o->slot_words = b;
		o->dict_attrs = o->deep_count = n - b;
		o->dict_first = o->deep_first = b;
		o->dict = true;
		break;
	case KIND_REGULAR_SUBCLASS_SLOTS:
		o->slot_attrs = o->slot_words = n - b;
		o->dict_attrs = o->deep_count = b;
		o->static_first = b;
		o->static_count = n - b;
		o->dict = o->weakref = o->two_classes = o->base_has_dict = true;
		break;
	default:
		if (ki->family == FAMILY_SLOTS) {
			o->slot_attrs = o->slot_words = n;
		} else if (ki->family == FAMILY_REGULAR) {
			o->dict_attrs = n;
			o->dict = o->weakref = true;
		}
		break;
	}
}

/* ---- dict arithmetic (spec §4) ------------------------------------------ */

static uint64_t usable_fraction(uint64_t slots)
{
	return 2 * slots / 3;
}

static uint64_t pow2_at_least(uint64_t x)
{
	uint64_t s = 8;
	while (s < x)
		s <<= 1;
	return s;
}

/* Table size after inserting n keys one by one into an empty dict. */
static uint64_t dict_slots_for(uint64_t n)
{
	uint64_t s = 8;
	while (usable_fraction(s) < n)
		s <<= 1;
	return s;
}

/* Growth by insertion: a full table is rebuilt at pow2 >= 3 * used. */
static uint64_t grow_to_hold(uint64_t slots, uint64_t n)
{
	while (usable_fraction(slots) < n)
		slots = pow2_at_least(3 * usable_fraction(slots));
	return slots;
}

uint64_t model_keys_bytes(const struct profile *pr, enum abi abi, uint64_t slots, bool str_keys)
{
	const struct abi_consts *c = &pr->abi[abi];
	unsigned ix = slots <= 128 ? 1 : slots <= 32768 ? 2 : slots <= (1ULL << 31) ? 4 : 8;
	return c->keys_header + ix * slots +
	       usable_fraction(slots) * (str_keys ? c->entry_str : c->entry_generic);
}

/* mimalloc (Objects/mimalloc/page-queue.c mi_bin, init.c's queue sizes),
 * with two-word minimal alignment: 16-byte bins up to 8 words, then four
 * bins per power of two (160, 192, 224, 256, 320, ...) up to 128 KiB. */
#define MIMALLOC_MEDIUM_MAX 131072u

static uint64_t mimalloc_bin_bytes(uint64_t requested, unsigned word)
{
	uint64_t wsize = (requested + word - 1) / word;
	if (wsize <= 1)
		return word;
	if (wsize <= 8)
		return ((wsize + 1) & ~(uint64_t)1) * word;
	uint64_t w = wsize - 1;
	unsigned b = 0;
	while ((w >> (b + 1)) != 0)
		b++;
	/* the bin keeps the top three bits of w; its size is the largest wsize in it */
	uint64_t top = ((w >> (b - 2)) & 3) + 4;   /* 4..7 */
	return (((top + 1) << (b - 2))) * word;
}

/* Above 128 KiB a block gets its own page, rounded as _mi_os_good_alloc_size
 * does (an estimate: the segment around it is not counted). */
static uint64_t mimalloc_huge_bytes(uint64_t requested)
{
	uint64_t align = requested < 512 * 1024 ? 4096
	                 : requested < 2 * 1024 * 1024 ? 64 * 1024
	                 : requested < 8 * 1024 * 1024 ? 256 * 1024
	                 : requested < 32 * 1024 * 1024 ? 1024 * 1024 : 4 * 1024 * 1024;
	return round_up(requested, align);
}

uint64_t model_block_allocated(const struct profile *pr, enum abi abi, uint64_t requested,
                               bool *estimate)
{
	const struct abi_consts *c = &pr->abi[abi];
	if (requested == 0)
		return 0;
	if (pr->allocator == ALLOC_MIMALLOC) {
		if (requested <= MIMALLOC_MEDIUM_MAX)
			return mimalloc_bin_bytes(requested, c->pointer);
		*estimate = true;
		return mimalloc_huge_bytes(requested);
	}
	if (requested <= c->small_request_threshold)
		return round_up(requested, c->alignment);
	*estimate = true;
	if (requested + c->malloc_overhead >= GLIBC_MMAP_THRESHOLD)
		return round_up(requested + 2 * c->malloc_overhead, GLIBC_PAGE);
	uint64_t chunk = round_up(requested + c->malloc_overhead, c->malloc_align);
	return chunk < c->malloc_min ? c->malloc_min : chunk;
}

/* ---- the list container --------------------------------------------------- */

static uint64_t list_grow(const struct profile *pr, uint64_t newsize)
{
	if (pr->list_growth == LIST_GROWTH_38)
		return newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6);
	return (newsize + (newsize >> 3) + 6) & ~(uint64_t)3;
}

uint64_t model_list_capacity(const struct profile *pr, uint64_t n)
{
	/* ~230 growth steps for 10^12: remember the last answer */
	static enum list_growth last_growth;
	static uint64_t last_n, last_capacity;
	if (n == last_n && pr->list_growth == last_growth && n)
		return last_capacity;
	uint64_t allocated = 0;
	while (allocated < n)
		allocated = list_grow(pr, allocated + 1);
	last_growth = pr->list_growth;
	last_n = n;
	last_capacity = allocated;
	return allocated;
}

void model_container(const struct model_setting *s, struct container *out)
{
	const struct abi_consts *c = &s->profile->abi[s->abi];
	bool sat = false, est = false;
	memset(out, 0, sizeof *out);
	out->capacity = model_list_capacity(s->profile, s->instances);
	uint64_t head = (uint64_t)c->gc_header + c->list_header;
	uint64_t items = sat_mul(out->capacity, c->pointer, &sat);
	out->getsizeof = sat_add(head, items, &sat);
	out->requested = out->getsizeof;
	out->allocated = sat_add(model_block_allocated(s->profile, s->abi, head, &est),
	                         model_block_allocated(s->profile, s->abi, items, &est), &sat);
	out->saturated = sat;
}

/* ---- attribute names and values ------------------------------------------ */

/* Sum of getsizeof over the attribute-name strings. */
static uint64_t key_strings_bytes(const struct model_setting *s)
{
	uint64_t n = s->attrs, total = 0;
	uint64_t first = s->dict_part ? s->dict_part->dict_first : 0, end = first + n;
	if (s->name_len)
		return n * str_ascii_size(s->profile, s->abi, s->name_len);
	/* names a{first}..a{end-1}: 1 + digits(i) characters */
	for (uint64_t lo = 0, hi = 10, d = 1; lo < end; lo = hi, hi *= 10, d++) {
		uint64_t from = lo > first ? lo : first, to = hi < end ? hi : end;
		if (to > from)
			total += (to - from) * str_ascii_size(s->profile, s->abi, 1 + d);
	}
	return total;
}

/* The names 3.14 seeds a class's shared keys with: the first `limit` of
 * its __static_attributes__ a<first>..a<first+count-1> in sorted (string)
 * order, kept as indices. With names of one length (name_len) the sorted
 * order is taken as the assignment order. */
#define SEEDED_MAX 128u

struct seeded_names {
	unsigned first, count, limit, name_len;
	unsigned n;
	unsigned index[SEEDED_MAX];
	bool valid;
};

static int name_cmp(unsigned a, unsigned b)
{
	char x[16], y[16];
	snprintf(x, sizeof x, "%u", a);
	snprintf(y, sizeof y, "%u", b);
	return strcmp(x, y);
}

static const struct seeded_names *seeded_names_get(unsigned first, unsigned count, unsigned limit,
                                                   unsigned name_len)
{
	static struct seeded_names cache;
	struct seeded_names *c = &cache;
	if (limit > SEEDED_MAX)
		limit = SEEDED_MAX;
	if (c->valid && c->first == first && c->count == count && c->limit == limit &&
	    c->name_len == name_len)
		return c;
	c->valid = true;
	c->first = first;
	c->count = count;
	c->limit = limit;
	c->name_len = name_len;
	c->n = 0;
	for (unsigned i = first; i < first + count; i++) {
		if (name_len || count <= limit) {
			if (c->n == limit)
				break;
			c->index[c->n++] = i;
			continue;
		}
		/* insertion into the sorted `limit` smallest so far */
		unsigned at = c->n;
		while (at > 0 && name_cmp(i, c->index[at - 1]) < 0)
			at--;
		if (at == limit)
			continue;
		unsigned last = c->n < limit ? c->n : limit - 1;
		memmove(&c->index[at + 1], &c->index[at], (last - at) * sizeof c->index[0]);
		c->index[at] = i;
		if (c->n < limit)
			c->n++;
	}
	return c;
}

static bool is_seeded(const struct seeded_names *sn, unsigned i)
{
	if (i < sn->first || i >= sn->first + sn->count)
		return false;
	if (sn->count <= sn->limit)
		return true;
	for (unsigned j = 0; j < sn->n; j++)
		if (sn->index[j] == i)
			return true;
	return false;
}

struct values_cost {
	uint64_t owned_requested;   /* per instance */
	uint64_t owned_allocated;
	uint64_t owned_deep;        /* per instance, counted by the deep walk */
	uint64_t once_deep;         /* shared objects the deep walk counts once */
	uint64_t shared_requested;  /* shared objects created once by the program */
	uint64_t shared_allocated;
	bool none_counted;          /* None is among the values */
	bool estimate;
};

/* Sum of getsizeof of the ints 1..n. */
static uint64_t small_ints_bytes(const struct profile *pr, enum abi abi, uint64_t n)
{
	const struct abi_consts *c = &pr->abi[abi];
	uint64_t total = 0, lo = 1;
	for (unsigned d = 1; lo <= n; d++) {
		uint64_t hi = d * c->int_digit_bits >= 63 ? UINT64_MAX : (1ULL << (d * c->int_digit_bits)) - 1;
		uint64_t top = hi < n ? hi : n;
		total += (top - lo + 1) * (c->int_header + (uint64_t)d * c->int_digit_bytes);
		if (hi >= n)
			break;
		lo = hi + 1;
	}
	return total;
}

/* Adds attributes first..first+count-1, all holding values of spec v. */
static void values_cost_add(const struct model_setting *s, const struct value_spec *v,
                            unsigned first, unsigned count, struct values_cost *out)
{
	if (count == 0)
		return;
	if (v->type == VALUE_NONE) {   /* one object, however many refer to it */
		if (!out->none_counted)
			out->once_deep += s->profile->abi[s->abi].none_size;
		out->none_counted = true;
		return;
	}
	if (v->type == VALUE_SMALLINT) {   /* the ints first+1 .. first+count */
		out->once_deep += small_ints_bytes(s->profile, s->abi, (uint64_t)first + count) -
		                  small_ints_bytes(s->profile, s->abi, first);
		return;
	}
	uint64_t n = count;
	struct value_object o = value_object_cost(v, s->profile, s->abi, first);
	bool est = false;
	uint64_t alloc = model_block_allocated(s->profile, s->abi, o.requested, &est);
	if (v->shared || o.cached) {
		out->once_deep += n * o.getsizeof;
		if (!o.cached) {
			out->shared_requested += n * o.requested;
			out->shared_allocated += n * alloc;
		}
		return;
	}
	out->owned_requested += n * o.requested;
	out->owned_allocated += n * alloc;
	out->owned_deep += n * o.getsizeof;
	out->estimate |= est;
}

/* The values of attributes first..first+count-1, entry by entry of the
 * setting's list (its last entry, repeated, covers the rest). */
static struct values_cost values_cost_of(const struct model_setting *s, unsigned first,
                                         unsigned count)
{
	struct values_cost v;
	memset(&v, 0, sizeof v);
	const struct value_list *l = &s->values;
	unsigned entries = l->n ? l->n : 1;   /* a zeroed list: one entry, none */
	uint64_t end = (uint64_t)first + count;
	for (unsigned j = 0; j < entries && j < end; j++) {
		uint64_t lo = j, hi = j + 1 == entries ? end : j + 1;
		if (lo < first)
			lo = first;
		if (hi > lo)
			values_cost_add(s, &l->item[j], (unsigned)lo, (unsigned)(hi - lo), &v);
	}
	return v;
}

/* All N attributes' values. */
static struct values_cost values_cost(const struct model_setting *s)
{
	return values_cost_of(s, 0, s->attrs);
}

unsigned model_value_rows(const struct model_setting *s, enum kind k, enum accounting a,
                          struct value_row *rows, unsigned max)
{
	const struct kind_info *ki = kind_info(k);
	unsigned first = 0, count = s->attrs, n = 0;
	if (a == ACC_GETSIZEOF || a >= ACC_COUNT)
		return 0;   /* getsizeof counts no value object */
	if (a == ACC_DEEP && ki->inheritance) {
		struct model_split sp;
		model_split_of(s, k, &sp);
		first = sp.deep_first;
		count = sp.deep_count;
	}
	const struct value_list *l = &s->values;
	unsigned entries = l->n ? l->n : 1;   /* a zeroed list: one entry, none */
	uint64_t end = (uint64_t)first + count;
	struct values_cost before;
	memset(&before, 0, sizeof before);
	for (unsigned j = 0; j < entries && j < end; j++) {
		uint64_t lo = j < first ? first : j, hi = j + 1 == entries ? end : j + 1;
		if (hi <= lo)
			continue;
		struct values_cost after = values_cost_of(s, first, (unsigned)(hi - first));
		uint64_t bytes = a == ACC_DEEP
		                 ? after.owned_deep + after.once_deep - before.owned_deep - before.once_deep
		                 : after.owned_requested - before.owned_requested;
		before = after;
		struct value_row *last = n ? &rows[n - 1] : NULL;
		if (last && value_spec_equal(&last->spec, &l->item[j]) &&
		    last->first + last->count == lo) {
			last->count += (unsigned)(hi - lo);
			last->bytes += bytes;
			continue;
		}
		if (n == max)
			break;
		rows[n++] = (struct value_row){ .first = (unsigned)lo, .count = (unsigned)(hi - lo),
		                                .spec = l->item[j], .bytes = bytes };
	}
	if (a == ACC_DEEP && ki->weakref_slot && !before.none_counted && n < max)
		rows[n++] = (struct value_row){ .first = s->attrs, .count = 0,
		                                .spec = { .type = VALUE_NONE, .shared = true },
		                                .bytes = s->profile->abi[s->abi].none_size };
	return n;
}

bool model_values_per_attribute(const struct model_setting *s)
{
	return !value_list_uniform(&s->values, s->attrs);
}

/* ---- one instance's allocations ------------------------------------------- */

struct instance {
	uint64_t part[PART_COUNT];   /* requested bytes by part */
	uint64_t block[6];
	unsigned nblocks;
	uint64_t requested, allocated;
	bool estimate;
};

static void add_block(struct instance *in, uint64_t bytes)
{
	in->block[in->nblocks++] = bytes;
}

static void finish_instance(const struct model_setting *s, const struct values_cost *v,
                            struct instance *in)
{
	in->requested = 0;
	in->allocated = 0;
	for (unsigned i = 0; i < in->nblocks; i++) {
		in->requested += in->block[i];
		in->allocated += model_block_allocated(s->profile, s->abi, in->block[i], &in->estimate);
	}
	in->part[PART_VALUE_OBJECTS] = v->owned_requested;
	in->requested += v->owned_requested;
	in->allocated += v->owned_allocated;
	in->estimate |= v->estimate;
	in->part[PART_ROUNDING] = in->allocated - in->requested;
}

/* The shared-keys state as seen by one regular instance (spec §5.2-5.4). */
struct keys_view {
	unsigned block_slots;   /* S: inline block sized before the decrement */
	unsigned capacity;      /* c: values capacity after the decrement */
	bool overflow;          /* a name did not fit: a combined dict */
	unsigned stored;        /* values stored before the overflow */
	uint64_t overflow_slots;
};

struct keys_walk {
	struct keys_view view[WARMUP_INSTANCES];
	/* nentries + usable once k instances exist: what getsizeof(__dict__)
	 * charges for (spec §3) */
	unsigned gs_capacity_after[WARMUP_INSTANCES + 1];
};

static bool static_keys(const struct model_setting *s, const struct kind_info *ki)
{
	return s->profile->static_attribute_keys && !ki->external_attrs && !ki->generated_init;
}

/* tp_basicsize of an instance with a __dict__: a plain class's, or an
 * inheritance kind's with its member slots (and without __weakref__ for
 * slots-dict, where that is a word in the object: before 3.12). */
static uint64_t dict_kind_basicsize(const struct model_setting *s)
{
	const struct abi_consts *c = &s->profile->abi[s->abi];
	const struct model_split *sp = s->dict_part;
	uint64_t basic = c->regular_basicsize;
	if (sp) {
		basic += (uint64_t)sp->slot_words * c->pointer;
		if (!sp->weakref && !s->profile->preheader_weakref)
			basic -= c->pointer;
	}
	return basic;
}

/* 3.13 keeps the values inline only in a type of object size
 * (type_ready_managed_dict); a managed dict beside member slots is a split
 * dict made on the first store, its values array sized for all the shared
 * keys (nentries + usable) and the keys' usable count left alone. 3.14+
 * (inline_values_with_slots) keeps them inline after the slots too. */
static bool values_inline(const struct model_setting *s)
{
	return s->profile->layout == LAYOUT_INLINE_VALUES &&
	       (s->profile->inline_values_with_slots ||
	        dict_kind_basicsize(s) == s->profile->abi[s->abi].object_header);
}

static bool values_in_dict(const struct model_setting *s)
{
	return s->profile->layout == LAYOUT_INLINE_VALUES && !values_inline(s);
}

/* Simulates _PyDict_NewKeysForClass and instance creation for `count`
 * instances of a fresh class whose instances all store the same names.
 * The class's static attributes (3.14) are seeded; the first instance
 * finds its names there or appends them while the keys have room, and
 * overflows at the first one that fits neither. */
static void walk_shared_keys(const struct model_setting *s, const struct kind_info *ki,
                             struct keys_walk *w)
{
	const struct model_split *sp = s->dict_part;
	unsigned n = s->attrs, limit = s->profile->shared_keys_limit;
	unsigned first = sp ? sp->dict_first : 0;
	unsigned sfirst = sp ? sp->static_first : 0, scount = sp ? sp->static_count : n;
	bool is_static = static_keys(s, ki);
	bool decrement = !values_in_dict(s);
	unsigned entries = is_static ? (scount < limit ? scount : limit) : 0;
	unsigned usable = limit - entries;
	const struct seeded_names *seeded = is_static ? seeded_names_get(sfirst, scount, limit,
	                                                                 s->name_len) : NULL;
	unsigned stored = n;   /* names an instance stores before it overflows */

	w->gs_capacity_after[0] = entries + usable;
	unsigned last_stored = UINT_MAX;   /* the growth loop runs once per distinct value */
	uint64_t last_overflow_slots = 0;
	for (unsigned k = 0; k < WARMUP_INSTANCES; k++) {
		struct keys_view *v = &w->view[k];
		v->block_slots = entries + usable;
		if (decrement && usable > 1)
			usable--;
		v->capacity = entries + usable;
		if (k == 0) {
			for (unsigned j = 0; j < n; j++) {
				if (seeded && is_seeded(seeded, first + j))
					continue;
				if (usable > 0) {
					usable--;
					entries++;
					continue;
				}
				stored = j;
				break;
			}
		}
		v->overflow = stored < n;
		v->stored = stored;
		if (v->overflow && v->stored != last_stored) {
			last_stored = v->stored;
			last_overflow_slots = grow_to_hold(pow2_at_least(3 * (uint64_t)v->stored), n);
		}
		v->overflow_slots = v->overflow ? last_overflow_slots : 0;
		w->gs_capacity_after[k + 1] = entries + usable;
	}
}

static void object_parts(const struct model_setting *s, uint64_t basicsize, unsigned preheader,
                         struct instance *in)
{
	const struct abi_consts *c = &s->profile->abi[s->abi];
	in->part[PART_GC_HEADER] = c->gc_header;
	in->part[PART_PREHEADER] = preheader;
	in->part[PART_OBJECT_HEADER] = c->object_header;
	in->part[PART_SLOT_POINTERS] = basicsize - c->object_header;
}

/* Past the shared keys: a dict object of its own and its own keys table. */
static void add_overflow_dict(const struct model_setting *s, const struct keys_view *kv,
                              uint64_t dict_obj, struct instance *in)
{
	uint64_t keys = model_keys_bytes(s->profile, s->abi, kv->overflow_slots, true);
	add_block(in, dict_obj);
	add_block(in, keys);
	in->part[PART_DICT_OBJECT] = dict_obj;
	in->part[PART_KEYS] = keys;
}

/* Regular-family instance built from a keys view (NULL: split-dict layout). */
static void regular_instance(const struct model_setting *s, const struct kind_info *ki,
                             const struct keys_view *kv, const struct values_cost *v,
                             struct instance *in)
{
	const struct profile *pr = s->profile;
	const struct abi_consts *c = &pr->abi[s->abi];
	uint64_t P = c->pointer;
	unsigned pre = pr->preheader_dict ? c->preheader : 0;
	uint64_t basic = dict_kind_basicsize(s);
	uint64_t obj = pre + c->gc_header + basic;
	uint64_t dict_obj = (uint64_t)c->gc_header + c->dict_object;

	memset(in, 0, sizeof *in);
	object_parts(s, basic, pre, in);

	switch (pr->layout) {
	case LAYOUT_SPLIT_DICT:
		add_block(in, obj);
		if (s->attrs > 0 || ki->dict_touched) {
			uint64_t values = usable_fraction(dict_slots_for(s->attrs)) * P;
			add_block(in, dict_obj);
			add_block(in, values);
			in->part[PART_DICT_OBJECT] = dict_obj;
			in->part[PART_VALUES] = values;
		}
		break;
	case LAYOUT_VALUES_ARRAY:
		add_block(in, obj);
		if (kv->overflow) {
			add_overflow_dict(s, kv, dict_obj, in);
		} else {
			uint64_t values = round_up(kv->capacity + 2, P) + kv->capacity * P;
			add_block(in, values);
			in->part[PART_VALUES] = values;
			if (ki->dict_touched) {
				add_block(in, dict_obj);
				in->part[PART_DICT_OBJECT] = dict_obj;
			}
		}
		break;
	case LAYOUT_INLINE_VALUES: {
		if (values_in_dict(s)) {
			add_block(in, obj);
			if (kv->overflow) {
				add_overflow_dict(s, kv, dict_obj, in);
			} else if (s->attrs > 0 || ki->dict_touched) {
				uint64_t values = round_up(kv->block_slots, P) + (kv->block_slots + 1) * P;
				add_block(in, dict_obj);
				add_block(in, values);
				in->part[PART_DICT_OBJECT] = dict_obj;
				in->part[PART_VALUES] = values;
			}
			break;
		}
		uint64_t inline_values = round_up(kv->block_slots, P) + (kv->block_slots + 1) * P;
		add_block(in, obj + inline_values);
		in->part[PART_VALUES] = inline_values;
		if (kv->overflow) {
			add_overflow_dict(s, kv, dict_obj, in);
		} else if (ki->dict_touched) {
			add_block(in, dict_obj);
			in->part[PART_DICT_OBJECT] = dict_obj;
		}
		break;
	}
	}
	finish_instance(s, v, in);
}

/* getsizeof(obj.__dict__) with `gs_capacity` = nentries + usable now. */
static uint64_t regular_dict_getsizeof(const struct model_setting *s, const struct keys_view *kv,
                                       unsigned gs_capacity)
{
	const struct profile *pr = s->profile;
	const struct abi_consts *c = &pr->abi[s->abi];
	uint64_t head = (uint64_t)c->gc_header + c->dict_object;
	if (pr->layout == LAYOUT_SPLIT_DICT)
		return head + usable_fraction(dict_slots_for(s->attrs)) * c->pointer;
	if (kv->overflow)
		return head + model_keys_bytes(pr, s->abi, kv->overflow_slots, true);
	return head + (uint64_t)gs_capacity * c->pointer;
}

static void slots_instance(const struct model_setting *s, const struct kind_info *ki,
                           const struct values_cost *v, struct instance *in)
{
	const struct profile *pr = s->profile;
	const struct abi_consts *c = &pr->abi[s->abi];
	uint64_t words = s->attrs;
	if (ki->inheritance) {
		struct model_split sp;
		model_split_of(s, (enum kind)(ki - kind_info(KIND_REGULAR)), &sp);
		words = sp.slot_words;
	}
	uint64_t slots = words * c->pointer;
	unsigned pre = 0;
	if (ki->weakref_slot) {
		if (pr->preheader_weakref)
			pre = c->preheader;
		else
			slots += c->pointer;
	}
	memset(in, 0, sizeof *in);
	object_parts(s, c->object_header + slots, pre, in);
	add_block(in, pre + c->gc_header + c->object_header + slots);
	finish_instance(s, v, in);
}

static void tuple_instance(const struct model_setting *s, const struct kind_info *ki,
                           const struct values_cost *v, struct instance *in)
{
	const struct abi_consts *c = &s->profile->abi[s->abi];
	uint64_t items = s->attrs + (ki->subclass ? s->profile->namedtuple_extra_items : 0);
	memset(in, 0, sizeof *in);
	if (!ki->subclass && s->attrs == 0) {
		finish_instance(s, v, in); /* () is a singleton: nothing per instance */
		return;
	}
	in->part[PART_GC_HEADER] = c->gc_header;
	in->part[PART_OBJECT_HEADER] = c->tuple_header;
	in->part[PART_SLOT_POINTERS] = items * c->pointer;
	add_block(in, c->gc_header + c->tuple_header + items * c->pointer);
	finish_instance(s, v, in);
}

static void dict_instance(const struct model_setting *s, const struct values_cost *v,
                          struct instance *in)
{
	const struct abi_consts *c = &s->profile->abi[s->abi];
	memset(in, 0, sizeof *in);
	in->part[PART_GC_HEADER] = c->gc_header;
	in->part[PART_DICT_OBJECT] = c->dict_object;
	add_block(in, (uint64_t)c->gc_header + c->dict_object);
	if (s->attrs > 0) {
		uint64_t keys = model_keys_bytes(s->profile, s->abi, dict_slots_for(s->attrs), true);
		in->part[PART_KEYS] = keys;
		add_block(in, keys);
	}
	finish_instance(s, v, in);
}

/* ---- evaluation -------------------------------------------------------------- */

bool model_part_listed(const struct kind_result *r, enum accounting a, enum part p)
{
	return r->part[a][p] != 0 || (p == PART_GC_HEADER && r->no_gc_header);
}

bool model_setting_check(const struct model_setting *s, char *err, size_t errlen)
{
	if (!s->profile) {
		snprintf(err, errlen, "no CPython profile selected");
		return false;
	}
	char why[160];
	if (profile_abi_problem(s->profile, s->abi, why, sizeof why)) {
		snprintf(err, errlen, "%s", why);
		return false;
	}
	if (s->attrs > MODEL_MAX_ATTRS) {
		snprintf(err, errlen, "attribute count %u is out of range (0 to %u)", s->attrs,
		         MODEL_MAX_ATTRS);
		return false;
	}
	if (s->values.n == 0 || s->values.n > VALUE_LIST_MAX) {
		snprintf(err, errlen, "no values for the attributes");
		return false;
	}
	if (!value_list_covers(&s->values, s->attrs)) {
		char what[40];
		snprintf(what, sizeof what, "attrs is %u", s->attrs);
		value_list_short_message(&s->values, what, err, errlen);
		return false;
	}
	if (s->instances < 1 || s->instances > MODEL_MAX_INSTANCES) {
		snprintf(err, errlen, "instance count %llu is out of range (1 to 10^15)",
		         (unsigned long long)s->instances);
		return false;
	}
	return true;
}

static bool kind_available(const struct profile *pr, enum kind k, char *why, size_t n)
{
	if (k == KIND_DATACLASS_SLOTS && !pr->dataclass_slots) {
		snprintf(why, n, "@dataclass(slots=True) needs Python 3.10+");
		return false;
	}
	if (k == KIND_DATACLASS_SLOTS_SUBCLASS && !pr->dataclass_slots) {
		snprintf(why, n, "@dataclass(slots=True) needs Python 3.10+");
		return false;
	}
	if (k == KIND_DATACLASS_SLOTS_WEAKREF && !pr->dataclass_weakref_slot) {
		snprintf(why, n, "weakref_slot=True needs Python 3.11+");
		return false;
	}
	return true;
}

/* The warm-up of a regular class: the shared-keys walk and how much more
 * than a steady-state instance the first instances cost. It depends on the
 * layout rules and the names, not on the values or M, so it is cached:
 * holding a key in the TUI re-evaluates the same few settings. */
struct warmup_table {
	bool valid;
	const struct profile *profile;
	enum abi abi;
	unsigned attrs, name_len;
	const struct kind_info *ki;   /* the kind: static names, dict touched */
	bool has_part;
	struct model_split part;      /* an inheritance kind's dict part */
	struct keys_walk walk;
	/* sum over the first k instances of (their bytes - steady bytes) */
	uint64_t extra_requested[WARMUP_INSTANCES + 1];
	uint64_t extra_allocated[WARMUP_INSTANCES + 1];
};

#define WARMUP_CACHE_SIZE 16
static struct warmup_table warmup_cache[WARMUP_CACHE_SIZE];

static const struct warmup_table *warmup_table_get(const struct model_setting *s,
                                                   const struct kind_info *ki)
{
	bool is_static = static_keys(s, ki);
	const struct model_split *sp = s->dict_part;
	unsigned slot = (s->attrs * 31u + (unsigned)s->abi * 7u + is_static * 3u + ki->dict_touched +
	                 (unsigned)s->profile->minor * 131u +
	                 (sp ? sp->slot_words * 17u + sp->dict_first * 5u : 0)) % WARMUP_CACHE_SIZE;
	struct warmup_table *t = &warmup_cache[slot];
	if (t->valid && t->profile == s->profile && t->abi == s->abi && t->attrs == s->attrs &&
	    t->name_len == s->name_len && t->ki == ki && t->has_part == (sp != NULL) &&
	    (!sp || memcmp(&t->part, sp, sizeof *sp) == 0))
		return t;

	t->valid = true;
	t->profile = s->profile;
	t->abi = s->abi;
	t->attrs = s->attrs;
	t->name_len = s->name_len;
	t->ki = ki;
	t->has_part = sp != NULL;
	if (sp)
		t->part = *sp;
	else
		memset(&t->part, 0, sizeof t->part);
	walk_shared_keys(s, ki, &t->walk);
	struct values_cost none;
	memset(&none, 0, sizeof none);
	struct instance steady, in;
	regular_instance(s, ki, &t->walk.view[WARMUP_INSTANCES - 1], &none, &steady);
	t->extra_requested[0] = t->extra_allocated[0] = 0;
	const struct keys_view *last = &t->walk.view[WARMUP_INSTANCES - 1];
	for (unsigned k = 0; k < WARMUP_INSTANCES; k++) {
		const struct keys_view *v = &t->walk.view[k];
		uint64_t more_req = 0, more_alloc = 0;
		if (v->block_slots != last->block_slots || v->capacity != last->capacity ||
		    v->overflow != last->overflow || v->overflow_slots != last->overflow_slots) {
			regular_instance(s, ki, v, &none, &in);
			more_req = in.requested - steady.requested;
			more_alloc = in.allocated - steady.allocated;
		}
		t->extra_requested[k + 1] = t->extra_requested[k] + more_req;
		t->extra_allocated[k + 1] = t->extra_allocated[k] + more_alloc;
	}
	return t;
}

/* 3.8-3.10: the class's shared keys are grown (8 slots -> s(N)) while
 * instance 0 stores its attributes, so its delta holds the new keys block;
 * the class-creation block stays on the keys free list. */
static uint64_t class_keys_growth(const struct model_setting *s, const struct kind_info *ki)
{
	if (ki->family != FAMILY_REGULAR || s->profile->layout != LAYOUT_SPLIT_DICT ||
	    dict_slots_for(s->attrs) <= 8)
		return 0;
	return model_keys_bytes(s->profile, s->abi, dict_slots_for(s->attrs), true);
}

static bool has_warmup(const struct model_setting *s, const struct kind_info *ki)
{
	return ki->family == FAMILY_REGULAR && s->profile->layout != LAYOUT_SPLIT_DICT;
}

static void build_instance(const struct model_setting *s, const struct kind_info *ki,
                           const struct keys_view *kv, const struct values_cost *v,
                           struct instance *in)
{
	switch (ki->family) {
	case FAMILY_REGULAR:
		regular_instance(s, ki, kv, v, in);
		break;
	case FAMILY_SLOTS:
		slots_instance(s, ki, v, in);
		break;
	case FAMILY_TUPLE:
		tuple_instance(s, ki, v, in);
		break;
	case FAMILY_DICT:
		dict_instance(s, v, in);
		break;
	}
}

/* The setting an inheritance kind's __dict__ part is modelled with: its
 * dict_attrs as the attribute count, and the split (*sp) it came from.
 * Other kinds: s itself. */
static const struct model_setting *dict_view(const struct model_setting *s, enum kind k,
                                             struct model_setting *ds, struct model_split *sp)
{
	const struct kind_info *ki = kind_info(k);
	model_split_of(s, k, sp);
	if (!ki->inheritance || !sp->dict)
		return s;
	*ds = *s;
	ds->attrs = sp->dict_attrs;
	ds->dict_part = sp;
	return ds;
}

uint64_t model_instance_requested(const struct model_setting *s0, enum kind k, uint64_t index)
{
	const struct kind_info *ki = kind_info(k);
	struct values_cost v = values_cost(s0);
	struct model_setting ds;
	struct model_split sp;
	const struct model_setting *s = dict_view(s0, k, &ds, &sp);
	const struct keys_view *kv = NULL;
	if (has_warmup(s, ki)) {
		unsigned i = index < WARMUP_INSTANCES ? (unsigned)index : WARMUP_INSTANCES - 1;
		kv = &warmup_table_get(s, ki)->walk.view[i];
	}
	struct instance in;
	build_instance(s, ki, kv, &v, &in);
	return in.requested + (index == 0 ? class_keys_growth(s, ki) : 0);
}

/* One kind, given the values' cost (the same for every kind of a setting). */
static void evaluate_kind(const struct model_setting *s0, enum kind k, const struct container *ctr,
                          const struct values_cost *vc, struct kind_result *r)
{
	const struct profile *pr = s0->profile;
	const struct abi_consts *c = &pr->abi[s0->abi];
	const struct kind_info *ki = kind_info(k);
	bool sat = ctr->saturated;

	memset(r, 0, sizeof *r);
	/* an inheritance kind's dict part is modelled as a regular instance of
	 * its dict_attrs (s); its values, all N of them, are still its own */
	struct model_setting ds;
	const struct model_setting *s = dict_view(s0, k, &ds, &r->split);
	/* the values the seed's deep walk reaches: a<deep_first>.. */
	const struct values_cost deep_values = ki->inheritance
	        ? values_cost_of(s0, r->split.deep_first, r->split.deep_count) : *vc;
	r->kind = k;
	r->available = kind_available(pr, k, r->unavailable, sizeof r->unavailable);
	if (!r->available)
		return;

	uint64_t m = s->instances;
	const struct values_cost values = *vc;
	const struct warmup_table *wt = has_warmup(s, ki) ? warmup_table_get(s, ki) : NULL;
	const struct keys_view *kv_steady = wt ? &wt->walk.view[WARMUP_INSTANCES - 1] : NULL;
	struct instance steady_instance;
	build_instance(s, ki, kv_steady, &values, &steady_instance);
	r->first_requested = steady_instance.requested +
	                     (wt ? wt->extra_requested[1] : 0) + class_keys_growth(s, ki);

	/* Per-instance figures. */
	const struct instance *st = &steady_instance;
	uint64_t gs_obj;
	uint64_t dict_gs_now = 0, dict_gs_steady = 0, dict_gs_first = 0;
	bool has_dict = ki->family == FAMILY_REGULAR;
	for (int p = 0; p < PART_COUNT; p++)
		r->part[ACC_REQUESTED][p] = st->part[p];
	r->part[ACC_REQUESTED][PART_ROUNDING] = 0;
	r->fig[ACC_REQUESTED] = st->requested;
	r->fig[ACC_ALLOCATED] = st->allocated;
	memcpy(r->part[ACC_ALLOCATED], st->part, sizeof st->part);
	r->estimate = st->estimate;
	r->blocks = st->nblocks;
	r->no_gc_header = pr->free_threaded && st->nblocks > 0;
	r->object_block = st->nblocks ? model_block_allocated(pr, s->abi, st->block[0],
	                                                      &r->object_block_estimate) : 0;

	/* getsizeof: the object struct (plus pre-header); dicts count their keys. */
	uint64_t *g = r->part[ACC_GETSIZEOF];
	g[PART_GC_HEADER] = st->part[PART_GC_HEADER];
	g[PART_PREHEADER] = st->part[PART_PREHEADER];
	g[PART_OBJECT_HEADER] = st->part[PART_OBJECT_HEADER];
	g[PART_SLOT_POINTERS] = st->part[PART_SLOT_POINTERS];
	if (ki->family == FAMILY_TUPLE) {
		g[PART_GC_HEADER] = c->gc_header;
		g[PART_OBJECT_HEADER] = c->tuple_header;
		g[PART_SLOT_POINTERS] = (uint64_t)s->attrs * c->pointer;
		r->shared_singleton = !ki->subclass && s->attrs == 0;
	} else if (ki->family == FAMILY_DICT) {
		g[PART_DICT_OBJECT] = st->part[PART_DICT_OBJECT];
		g[PART_KEYS] = st->part[PART_KEYS];
	}
	gs_obj = 0;
	for (int p = 0; p < PART_COUNT; p++)
		gs_obj += g[p];
	r->fig[ACC_GETSIZEOF] = gs_obj;

	if (has_dict) {
		if (wt) {
			unsigned now = m < WARMUP_INSTANCES ? (unsigned)m : WARMUP_INSTANCES;
			dict_gs_steady = regular_dict_getsizeof(s, kv_steady,
			                                        wt->walk.gs_capacity_after[WARMUP_INSTANCES]);
			dict_gs_now = regular_dict_getsizeof(s, kv_steady, wt->walk.gs_capacity_after[now]);
			dict_gs_first = regular_dict_getsizeof(s, &wt->walk.view[0],
			                                       wt->walk.gs_capacity_after[1]);
			r->capacity = kv_steady->overflow ? 0 : kv_steady->capacity;
			r->overflow = kv_steady->overflow;
			r->values_before_overflow = kv_steady->stored;
		} else {
			dict_gs_now = dict_gs_first = dict_gs_steady = regular_dict_getsizeof(s, NULL, 0);
			r->capacity = (unsigned)usable_fraction(dict_slots_for(s->attrs));
		}
		r->dict_getsizeof = dict_gs_steady;
	}

	/* deep: the object, its __dict__, the key strings, the values. */
	uint64_t names = (has_dict || ki->family == FAMILY_DICT) ? key_strings_bytes(s) : 0;
	uint64_t weakref_none = ki->weakref_slot && !deep_values.none_counted ? c->none_size : 0;
	uint64_t values_deep = deep_values.owned_deep + deep_values.once_deep + weakref_none;
	uint64_t *d = r->part[ACC_DEEP];
	memcpy(d, g, sizeof r->part[ACC_DEEP]);
	if (has_dict) {
		uint64_t head = (uint64_t)c->gc_header + c->dict_object;
		d[PART_DICT_OBJECT] = head;
		if (r->overflow)
			d[PART_KEYS] = dict_gs_steady - head;
		else
			d[PART_VALUES] = dict_gs_steady - head;
	}
	d[PART_KEY_STRINGS] = names;
	d[PART_VALUE_OBJECTS] = values_deep;
	r->fig[ACC_DEEP] = gs_obj + dict_gs_steady + names + values_deep;
	r->first_deep = gs_obj + dict_gs_first + names + values_deep;

	/* Per class: the type object and the shared keys it owns. */
	if (ki->has_class) {
		bool est = false;
		r->per_class_getsizeof = c->type_object;
		r->per_class_allocated = model_block_allocated(pr, s->abi, c->type_object, &est);
		if (has_dict) {
			uint64_t slots = pr->layout == LAYOUT_SPLIT_DICT ? dict_slots_for(s->attrs)
			                                                 : 1ULL << pr->shared_keys_log2;
			r->per_class_keys = model_keys_bytes(pr, s->abi, slots, true);
			r->per_class_getsizeof += r->per_class_keys;
			r->per_class_allocated += model_block_allocated(pr, s->abi, r->per_class_keys, &est);
		}
		/* the base class: a slotted one is a bare type object; a regular
		 * one owns shared keys no instance of its own ever grew */
		if (r->split.two_classes) {
			r->base_class_getsizeof = c->type_object;
			r->base_class_allocated = model_block_allocated(pr, s->abi, c->type_object, &est);
			if (r->split.base_has_dict) {
				uint64_t slots = pr->layout == LAYOUT_SPLIT_DICT ? dict_slots_for(0)
				                                                 : 1ULL << pr->shared_keys_log2;
				uint64_t keys = model_keys_bytes(pr, s->abi, slots, true);
				r->base_class_getsizeof += keys;
				r->base_class_allocated += model_block_allocated(pr, s->abi, keys, &est);
			}
		}
	}
	r->shared_values_requested = values.shared_requested;
	r->shared_values_allocated = values.shared_allocated;

	/* Totals for M instances in a list: M steady instances plus what the
	 * first ones cost more. */
	unsigned warm = m < WARMUP_INSTANCES ? (unsigned)m : WARMUP_INSTANCES;
	uint64_t req = sat_add(sat_mul(m, st->requested, &sat), wt ? wt->extra_requested[warm] : 0,
	                       &sat);
	uint64_t alloc = sat_add(sat_mul(m, st->allocated, &sat),
	                         wt ? wt->extra_allocated[warm] : 0, &sat);
	uint64_t once_req = r->per_class_getsizeof + r->base_class_getsizeof +
	                    r->shared_values_requested + ctr->requested;
	uint64_t once_alloc = r->per_class_allocated + r->base_class_allocated +
	                      r->shared_values_allocated + ctr->allocated;
	r->total[ACC_REQUESTED] = sat_add(req, once_req, &sat);
	r->total[ACC_ALLOCATED] = sat_add(alloc, once_alloc, &sat);
	r->total[ACC_GETSIZEOF] = sat_add(sat_mul(m, gs_obj, &sat), ctr->getsizeof, &sat);
	uint64_t per_deep = gs_obj + dict_gs_now + deep_values.owned_deep;
	uint64_t once_deep = names + deep_values.once_deep + weakref_none;
	r->total[ACC_DEEP] = sat_add(sat_add(sat_mul(m, per_deep, &sat), once_deep, &sat),
	                             ctr->getsizeof, &sat);
	r->saturated = sat;
}

void model_evaluate(const struct model_setting *s, enum kind k, const struct container *ctr,
                    struct kind_result *r)
{
	struct values_cost vc = values_cost(s);
	evaluate_kind(s, k, ctr, &vc, r);
}

void model_evaluate_all(const struct model_setting *s, struct model_eval *out)
{
	model_container(s, &out->container);
	struct values_cost vc = values_cost(s);
	for (int k = 0; k < KIND_COUNT; k++)
		evaluate_kind(s, (enum kind)k, &out->container, &vc, &out->kinds[k]);
}
