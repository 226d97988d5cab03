#include "config.h"

#include "session/notes.h"

#include <stdio.h>
#include <string.h>

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
		SAY("Free-threaded: a 32-byte header and no GC header, so %llu bytes requested as "
		    "with the GIL; mimalloc's bins, coarser than pymalloc's above 128 B, give %llu "
		    "allocated; each owned int, float or str is 16 B bigger. ",
		    (unsigned long long)rq, (unsigned long long)al);
	if (ki->family == FAMILY_REGULAR) {
		if (r->overflow)
			SAY("Past the key-sharing limit each instance gets its own dict: %llu bytes "
			    "requested, not %llu for the object alone. ", (unsigned long long)rq,
			    (unsigned long long)gs);
		else if (gs < rq)
			SAY("getsizeof(obj) is %llu because the attribute values (%u slots) are not "
			    "counted; the real cost is %llu bytes requested, %llu allocated. ",
			    (unsigned long long)gs, r->capacity, (unsigned long long)rq,
			    (unsigned long long)al);
		if (r->dict_getsizeof)
			SAY("obj.__dict__ reports %llu bytes. ", (unsigned long long)r->dict_getsizeof);
		if (r->first_requested > rq && a->setting.profile->layout == LAYOUT_SPLIT_DICT)
			SAY("The first instance costs %llu: it also grows the class's shared keys. ",
			    (unsigned long long)r->first_requested);
		else if (r->first_requested > rq)
			SAY("The first instance costs %llu: a fresh class hands out spare slots first. ",
			    (unsigned long long)r->first_requested);
	} else if (ki->family == FAMILY_SLOTS) {
		if (ki->weakref_slot)
			SAY("__slots__ stores %u pointers in the object: no __dict__; '__weakref__' is "
			    "listed, so weak references work. Trade-offs: no new attributes at run time, "
			    "no vars(obj), and a subclass without its own __slots__ gets a __dict__ "
			    "back. ", a->attrs);
		else
			SAY("__slots__ stores %u pointers in the object: no __dict__. Trade-offs: no new "
			    "attributes at run time, no vars(obj), no weak references unless "
			    "'__weakref__' is listed, and a subclass without its own __slots__ gets a "
			    "__dict__ back. ", a->attrs);
	} else if (ki->family == FAMILY_TUPLE) {
		if (r->shared_singleton)
			SAY("() is a shared singleton: an empty tuple costs nothing per instance. ");
		else
			SAY("A tuple keeps its items inline; a namedtuple adds names on the class, not "
			    "on the instance, and is immutable. ");
	} else {
		SAY("A dict per object also pays for its own keys table: %llu bytes for %u keys. ",
		    (unsigned long long)rq, a->attrs);
	}
	if (r->estimate && a->acc == ACC_ALLOCATED)
		SAY("%s", app_profile(a)->allocator == ALLOC_MIMALLOC
		    ? "* a block over 128 KiB gets its own mimalloc page: its size is an estimate. "
		    : "* a block over 512 bytes goes to malloc: its size is an estimate. ");
	SAY("[%s: %s]", accounting_name(a->acc), accounting_description(a->acc, app_profile(a)));
#undef SAY
}
