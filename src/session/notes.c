#include "config.h"

#include "session/notes.h"

#include <stdio.h>
#include <string.h>

#include "core/units.h"

/* A figure for the notes, grouped (13,744,920): a few at a time. */
static const char *grp(uint64_t v)
{
	static char ring[8][32];
	static int next;
	char *buf = ring[next++ % 8];
	format_grouped(v, buf, sizeof ring[0]);
	return buf;
}

void app_compose_notes(const struct app *a, char *out, size_t n)
{
	enum kind k = (enum kind)a->selected;
	const struct kind_info *ki = kind_info(k);
	const struct kind_result *r = &a->eval.kinds[k];
	size_t len = 0;
#define SAY(...) do { if (len < n) len += (size_t)snprintf(out + len, n - len, __VA_ARGS__); } while (0)
	out[0] = '\0';
	if (!r->available) {
		SAY("%s: %s. ", ki->name, r->unavailable);
		return;
	}
	uint64_t gs = r->fig[ACC_GETSIZEOF], rq = r->fig[ACC_REQUESTED], al = r->fig[ACC_ALLOCATED];
	/* first, as it changes how every figure below reads */
	if (app_profile(a)->free_threaded)
		SAY("Free-threaded: a 32-byte header and no GC header, so %s bytes requested as "
		    "with the GIL; mimalloc's bins, coarser than pymalloc's above 128 B, give %s "
		    "allocated; each owned int, float or str is 16 B bigger. ",
		    grp(rq), grp(al));
	if (ki->inheritance) {
		const struct model_split *sp = &r->split;
		uint64_t P = app_profile(a)->abi[a->abi].pointer;
		uint64_t slots_rq = a->eval.kinds[KIND_SLOTS].fig[ACC_REQUESTED];
		uint64_t reg_rq = a->eval.kinds[KIND_REGULAR].fig[ACC_REQUESTED];
		if (k == KIND_SLOTS_SUBCLASS_DICT)
			SAY("The subclass has no __slots__ of its own, so its instances get __dict__ and "
			    "__weakref__ back: %s bytes requested against %s for slots; nothing warns. ",
			    grp(rq), grp(slots_rq));
		else if (k == KIND_SLOTS_DICT)
			SAY("'__dict__' in __slots__ adds a dict pointer; the dict is made at the first "
			    "attribute stored in it: %s bytes requested against %s for slots. ",
			    grp(rq), grp(slots_rq));
		else if (k == KIND_REGULAR_SUBCLASS_SLOTS)
			SAY("The base is a regular class, so the instance keeps its __dict__ and "
			    "__weakref__ and the subclass's slots come on top: %s bytes requested "
			    "against %s for regular. ", grp(rq), grp(reg_rq));
		else if (sp->unused_slots)
			SAY("%s: the subclass's __slots__ repeats the base's %s name%s; its descriptors "
			    "win and the base's slots stay NULL: %s unused pointer%s, %s bytes wasted in "
			    "every instance. ", k == KIND_DATACLASS_SLOTS_SUBCLASS
			    ? "3.10's @dataclass(slots=True) lists every field in __slots__" : "Python "
			    "accepts it", grp(sp->base_attrs), sp->base_attrs == 1 ? "" : "s",
			    grp(sp->unused_slots), sp->unused_slots == 1 ? "" : "s",
			    grp(sp->unused_slots * P));
		else
			SAY("The base's and the subclass's slots make one object of %s pointer%s, as "
			    "slots: %s bytes requested. The seed's deep walk reads the subclass's "
			    "__slots__ only and misses the base's values. ", grp(sp->slot_words),
			    sp->slot_words == 1 ? "" : "s", grp(rq));
		SAY("Of the %s attributes, %s in slots and %s in a __dict__ (base: %s, --base-attrs "
		    "or set base-attrs). ", grp(a->attrs), grp(sp->slot_attrs), grp(sp->dict_attrs),
		    grp(sp->base_attrs));
		if (sp->dict && sp->dict_attrs == 0)
			SAY("No attribute goes into the dict, so none is made; its pointer stays. ");
		else if (sp->dict && !r->overflow && sp->slot_words > 0 &&
		         app_profile(a)->layout == LAYOUT_INLINE_VALUES &&
		         !app_profile(a)->inline_values_with_slots)
			SAY("3.13 keeps no inline values after slots: the dict's values array is sized "
			    "for all the shared keys (%s bytes), however few it holds. ",
			    grp(r->part[ACC_REQUESTED][PART_VALUES]));
		if (sp->dict && r->overflow)
			SAY("Past the key-sharing limit the dict is a dict of its own. ");
		if (r->dict_getsizeof && sp->dict_attrs)
			SAY("obj.__dict__ reports %s bytes. ", grp(r->dict_getsizeof));
	} else if (ki->family == FAMILY_REGULAR) {
		if (r->overflow)
			SAY("Past the key-sharing limit each instance gets its own dict: %s bytes "
			    "requested, not %s for the object alone. ", grp(rq),
			    grp(gs));
		else if (gs < rq)
			SAY("getsizeof(obj) is %s because the attribute values (%s slot%s) are not "
			    "counted; the real cost is %s bytes requested, %s allocated. ",
			    grp(gs), grp(r->capacity), r->capacity == 1 ? "" : "s",
			    grp(rq), grp(al));
		if (k == KIND_REGULAR_EXTERNAL && app_profile(a)->static_attribute_keys)
			SAY("Its attributes are set from outside the class, so the class has no "
			    "__static_attributes__ to pre-seed its shared keys with: a name is added "
			    "when the first instance stores it. ");
		else if (k == KIND_REGULAR_EXTERNAL)
			SAY("Its attributes are set by a function outside the class; the shared keys "
			    "learn the names from the first instance, as for regular. ");
		else if (k == KIND_REGULAR_DICT)
			SAY("Reading obj.__dict__ makes a dict object for the instance (3.11 and "
			    "later): its values stay where they are, the dict costs %s bytes more. ",
			    grp(r->part[ACC_REQUESTED][PART_DICT_OBJECT]));
		else if (k == KIND_DATACLASS && app_profile(a)->static_attribute_keys)
			SAY("@dataclass generates __init__, which has no static attributes: on 3.14 "
			    "it behaves like regular-external. ");
		if (r->dict_getsizeof)
			SAY("obj.__dict__ reports %s bytes. ", grp(r->dict_getsizeof));
		if (r->first_requested > rq && a->setting.profile->layout == LAYOUT_SPLIT_DICT)
			SAY("The first instance costs %s: it also grows the class's shared keys. ",
			    grp(r->first_requested));
		else if (r->first_requested > rq)
			SAY("The first instance costs %s: a fresh class hands out spare slots first. ",
			    grp(r->first_requested));
	} else if (ki->family == FAMILY_SLOTS) {
		if (ki->weakref_slot)
			SAY("__slots__ stores %s pointer%s in the object: no __dict__; '__weakref__' is "
			    "listed, so weak references work. Trade-offs: no new attributes at run time, "
			    "no vars(obj), and a subclass without its own __slots__ gets a __dict__ "
			    "back. ", grp(a->attrs), a->attrs == 1 ? "" : "s");
		else
			SAY("__slots__ stores %s pointer%s in the object: no __dict__. Trade-offs: no new "
			    "attributes at run time, no vars(obj), no weak references unless "
			    "'__weakref__' is listed, and a subclass without its own __slots__ gets a "
			    "__dict__ back. ", grp(a->attrs), a->attrs == 1 ? "" : "s");
	} else if (ki->family == FAMILY_TUPLE) {
		if (r->shared_singleton)
			SAY("() is a shared singleton: an empty tuple costs nothing per instance. ");
		else if (ki->subclass)
			SAY("A namedtuple is a tuple subclass: its names live on the class, its items "
			    "inline, and it is immutable; it allocates one item more than a tuple (the "
			    "sentinel PyType_GenericAlloc adds): %s bytes requested against a plain "
			    "tuple's %s. ", grp(rq),
			    grp(a->eval.kinds[KIND_TUPLE].fig[ACC_REQUESTED]));
		else
			SAY("A tuple keeps its items inline and is immutable; getsizeof counts them all. ");
	} else {
		SAY("A dict per object also pays for its own keys table: %s bytes for %s key%s. ",
		    grp(rq), grp(a->attrs), a->attrs == 1 ? "" : "s");
	}
	if (model_values_per_attribute(&a->setting)) {
		/* a value per attribute: what the instance owns, and the dearest one */
		static struct value_row rows[MODEL_VALUE_ROWS];
		unsigned nr = model_value_rows(&a->setting, k, ACC_REQUESTED, rows, MODEL_VALUE_ROWS);
		unsigned top = 0;
		for (unsigned i = 1; i < nr; i++)
			if (rows[i].bytes / (rows[i].count ? rows[i].count : 1) >
			    rows[top].bytes / (rows[top].count ? rows[top].count : 1))
				top = i;
		char spec[64];
		value_spec_format(&rows[top].spec, spec, sizeof spec);
		SAY("Each attribute holds its own kind of value: the instance owns %s bytes of value "
		    "objects (requested), the dearest a%u's %s at %s. ",
		    grp(r->part[ACC_REQUESTED][PART_VALUE_OBJECTS]), rows[top].first, spec,
		    grp(rows[top].bytes / (rows[top].count ? rows[top].count : 1)));
	}
	if (a->check.active && a->acc == ACC_ALLOCATED)
		SAY("The measured column is tracemalloc's count, the requested bytes (req): it "
		    "checks the model's requested figure; allocated, the allocator's rounding of "
		    "it, is the model's alone. ");
	if (a->acc == ACC_DEEP && r->fig[ACC_DEEP] * a->instances > r->total[ACC_DEEP])
		SAY("The deep walk counts shared objects (key strings, small ints, None) with each "
		    "instance it walks, so %s per instance; the total counts them once, so the "
		    "total over %s instances is less than %s times that. ",
		    grp(r->fig[ACC_DEEP]), grp(a->instances),
		    grp(a->instances));
	if (a->abi == ABI_I386)
		SAY("i386: 4-byte pointers and 64-bit ints aligned on 4 bytes, so its dict object is "
		    "4 bytes smaller than ilp32's (armv7, wasm32). ");
	else if (a->abi == ABI_ILP32)
		SAY("ilp32 (armv7, wasm32): 4-byte pointers, 64-bit ints aligned on 8 bytes. ");
	if (strcmp(app_profile(a)->abi[a->abi].evidence, "from-source") == 0)
		SAY("CPython %s %s is modelled from the C source, not measured on a build. ",
		    app_profile(a)->version, abi_name(a->abi));
	if (r->estimate && a->acc == ACC_ALLOCATED)
		SAY("%s", app_profile(a)->allocator == ALLOC_MIMALLOC
		    ? "* a block over 128 KiB gets its own mimalloc page: its size is an estimate. "
		    : "* a block over 512 bytes goes to malloc: its size is an estimate. ");
	SAY("[%s: %s]", accounting_name(a->acc), accounting_description(a->acc, app_profile(a)));
#undef SAY
}
