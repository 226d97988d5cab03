#include "config.h"

#include "core/object_model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static bool list_has(const struct scan_list *l, const char *name)
{
	for (unsigned i = 0; i < l->n; i++)
		if (strcmp(l->item[i], name) == 0)
			return true;
	return false;
}

static unsigned attrs_where(const struct object_probe_result *r, enum object_where w)
{
	unsigned n = 0;
	for (unsigned i = 0; i < r->nattrs; i++)
		n += r->attrs[i].where == w;
	return n;
}

/* member slots the classes declare, __dict__ and __weakref__ aside */
static unsigned declared_slots(const struct object_probe_result *r)
{
	unsigned n = 0;
	for (unsigned m = 0; m < r->nmro; m++)
		for (unsigned i = 0; r->mro[m].has_slots && i < r->mro[m].slots.n; i++)
			n += strcmp(r->mro[m].slots.item[i], "__dict__") != 0 &&
			     strcmp(r->mro[m].slots.item[i], "__weakref__") != 0;
	return n;
}

/* the first user class after the class itself whose instances have a
 * __dict__ because it has no __slots__ */
static const struct object_mro *unslotted_base(const struct object_probe_result *r)
{
	for (unsigned m = 1; m < r->nmro; m++)
		if (r->mro[m].heap && !r->mro[m].has_slots)
			return &r->mro[m];
	return NULL;
}

static unsigned heap_classes(const struct object_probe_result *r)
{
	unsigned n = 0;
	for (unsigned m = 0; m < r->nmro; m++)
		n += r->mro[m].heap;
	return n;
}

/* The model's kind for the class as it is; *exact false when the model
 * has no kind for exactly this layout (then it is the nearest one). */
static enum kind real_kind(const struct object_probe_result *r, const struct profile *pr,
                           unsigned uses, unsigned *attrs, unsigned *base_attrs, bool *exact,
                           char *layout, size_t n)
{
	*attrs = r->nattrs;
	*base_attrs = 0;
	*exact = r->same_attrs;
	if (r->namedtuple) {
		*exact = *exact && !r->dict;
		snprintf(layout, n, "%s: a tuple subclass, the attributes are its items%s",
		         r->typed ? "a typing.NamedTuple" : "a collections.namedtuple",
		         r->dict ? ", and a subclass without __slots__ = () gives it a __dict__ (not "
		         "modelled exactly)" : "");
		return r->typed ? KIND_TYPING_NAMEDTUPLE : KIND_NAMEDTUPLE;
	}
	if (!r->dict) {
		unsigned declared = declared_slots(r);
		if (declared > *attrs)
			*attrs = declared;   /* an unset slot still takes its word */
		snprintf(layout, n, "__slots__%s%s: the attributes are member slots in the object%s",
		         r->weakref ? " with __weakref__" : "", r->dataclass ? " (a dataclass)" : "",
		         declared > r->nattrs ? "; some declared slots are not set in the sample" : "");
		if (heap_classes(r) > 1 && declared)
			snprintf(layout + strlen(layout), n - strlen(layout),
			         " (spread over %u classes, modelled as one)", heap_classes(r));
		if (r->dataclass)
			return r->weakref ? KIND_DATACLASS_SLOTS_WEAKREF : KIND_DATACLASS_SLOTS;
		return r->weakref ? KIND_SLOTS_WEAKREF : KIND_SLOTS;
	}
	unsigned in_slots = attrs_where(r, WHERE_SLOT);
	const struct object_mro *base = unslotted_base(r);
	if (r->has_slots && list_has(&r->slots, "__dict__")) {
		*base_attrs = in_slots;
		snprintf(layout, n, "'__dict__' in its __slots__: %u attributes in slots, %u in a dict",
		         in_slots, r->nattrs - in_slots);
		return KIND_SLOTS_DICT;
	}
	if (r->has_slots && base) {
		*base_attrs = r->nattrs - in_slots;
		snprintf(layout, n, "__slots__ of its own, but its base %s has none: %u attributes in "
		         "slots, %u in the __dict__ the base gives", base->name, in_slots, *base_attrs);
		return KIND_REGULAR_SUBCLASS_SLOTS;
	}
	if (r->dataclass) {
		snprintf(layout, n, "a @dataclass without slots=True: a __dict__ and __weakref__");
		return KIND_DATACLASS;
	}
	size_t used = (size_t)snprintf(layout, n, "a regular class: a __dict__ and __weakref__");
	enum kind k = KIND_REGULAR;
	if (uses & USE_DICT_WRITE) {
		/* a dict filled through self.__dict__ shares no keys: no kind has it */
		*exact = false;
		used += (size_t)snprintf(layout + used, n - used, "; its code fills self.__dict__ "
		                         "itself, a layout the model does not have");
	} else if (r->dict_materialized == 1 && (pr->major > 3 || pr->minor >= 11)) {
		k = KIND_REGULAR_DICT;
		used += (size_t)snprintf(layout + used, n - used, "; a fresh instance already has "
		                         "its dict object (its code asks for self.__dict__)");
	}
	if (r->has_static) {
		/* 3.13+: the names its methods assign decide the shared keys */
		bool all = r->static_attrs.n == r->nattrs;
		for (unsigned i = 0; all && i < r->nattrs; i++)
			all = list_has(&r->static_attrs, r->attrs[i].name);
		if (r->static_attrs.n == 0) {
			k = KIND_REGULAR_EXTERNAL;
			used += (size_t)snprintf(layout + used, n - used, "; its methods assign none of "
			                         "them (__static_attributes__ is empty)");
		} else if (!all) {
			*exact = false;
			used += (size_t)snprintf(layout + used, n - used, "; __static_attributes__ lists "
			                         "%u names, not the %u it has (modelled as if they matched)",
			                         r->static_attrs.n, r->nattrs);
		}
	}
	if (heap_classes(r) > 1 && used < n)
		snprintf(layout + used, n - used, " (%u classes in its MRO, modelled as one)",
		         heap_classes(r));
	return k;
}

/* One layout in the model, with shared values: false with why_not. */
static bool model_structure(const struct object_judgement *j, struct object_row *row,
                            unsigned attrs)
{
	struct model_setting s = {
		.profile = j->profile, .abi = j->abi, .attrs = attrs, .instances = 1,
		.base_given = kind_info(row->kind)->inheritance, .base_attrs = row->base_attrs,
	};
	/* shared values: what the values cost is the probe's, added after */
	value_list_single(&s.values, &(struct value_spec){ .type = VALUE_NONE, .shared = true });
	char why[200];
	if (!model_setting_check(&s, why, sizeof why)) {
		snprintf(row->why_not, sizeof row->why_not, "%.150s", why);
		return false;
	}
	struct container cont;
	model_container(&s, &cont);
	struct kind_result kr;
	model_evaluate(&s, row->kind, &cont, &kr);
	if (!kr.available) {
		snprintf(row->why_not, sizeof row->why_not, "%.150s", kr.unavailable);
		return false;
	}
	for (int a = 0; a < ACC_COUNT; a++)
		row->structure[a] = a == ACC_DEEP ? 0 : kr.fig[a];
	row->dict_getsizeof = kr.dict_getsizeof;
	return true;
}

static void row_figures(const struct object_judgement *j, struct object_row *row)
{
	row->fig[ACC_GETSIZEOF] = row->structure[ACC_GETSIZEOF];
	row->fig[ACC_REQUESTED] = row->structure[ACC_REQUESTED] + j->owned_requested;
	row->fig[ACC_ALLOCATED] = row->structure[ACC_ALLOCATED] + j->owned_allocated;
	row->fig[ACC_DEEP] = 0;
}

static void row_compare(struct object_judgement *j, struct object_row *row)
{
	if (!row->measured || !row->modelled)
		return;
	row->match_getsizeof = row->measured_getsizeof == row->fig[ACC_GETSIZEOF];
	row->match_requested = row->has_requested && row->measured_exact &&
	                       fabs(row->measured_requested - (double)row->fig[ACC_REQUESTED]) < 0.5;
	if (row == &j->real && !j->real_exact)
		return;   /* the nearest kind: a difference is expected, and said */
	j->compared++;
	j->mismatches += !row->match_getsizeof;
	if (!row->has_requested || (row == &j->real && j->probe->measure.iterable))
		return;   /* a mean is shown, not compared */
	j->compared++;
	j->mismatches += !row->match_requested;
}

static void add(char (*out)[SCAN_PHRASE], unsigned *n, const char *fmt, const char *a,
                const char *b)
{
	if (*n < OBJECT_MAX_REASONS)
		snprintf(out[(*n)++], SCAN_PHRASE, fmt, a, b);
}

/* What stands in the way, from the running program and from its source. */
static void judge_verdict(struct object_judgement *j, const struct scan_class *src)
{
	const struct object_probe_result *r = j->probe;
	char names[200];
	bool slotted = (!r->dict && r->nattrs) || r->namedtuple;
	j->verdict = VERDICT_CANDIDATE;
	if (slotted) {
		j->verdict = VERDICT_SLOTTED;
		add(j->notes, &j->nnotes, "already compact (%s%s): no __dict__ to remove",
		    r->namedtuple ? "a namedtuple" : "__slots__", "");
	}
	if (!r->same_attrs) {
		j->verdict = VERDICT_UNKNOWN;
		add(j->reasons, &j->nreasons, "the sample instances do not have the same attributes: "
		    "the class sets them dynamically%s%s", "", "");
	}
	if (src && !slotted) {
		struct scan_class c = *src;
		scan_judge(&c, j->profile, j->abi, ACC_REQUESTED);
		char phrases[OBJECT_MAX_REASONS][SCAN_PHRASE];
		unsigned n = scan_reasons(&c, phrases, OBJECT_MAX_REASONS);
		for (unsigned i = 0; i < n; i++) {
			/* the running program says which bases and subclasses there are */
			if (strncmp(phrases[i], "its base ", 9) == 0 || strncmp(phrases[i], "subclassed by ", 14) == 0)
				continue;
			add(j->reasons, &j->nreasons, "%.390s%s", phrases[i], "");
		}
		if (c.uses & (USE_SETATTR | USE_DICT_WRITE))
			j->verdict = VERDICT_UNKNOWN;
		else if ((c.uses & (USE_VARS | USE_DICT)) || c.defaults.n)
			j->verdict = j->verdict == VERDICT_UNKNOWN ? VERDICT_UNKNOWN : VERDICT_BLOCKED;
		n = scan_notes(&c, phrases, OBJECT_MAX_REASONS);
		for (unsigned i = 0; i < n; i++)
			if (strncmp(phrases[i], "its base ", 9) != 0)
				add(j->notes, &j->nnotes, "%.390s%s", phrases[i], "");
	} else if (!src) {
		add(j->notes, &j->nnotes, "its source was not found, so uses of vars(self), "
		    "self.__dict__ and setattr were not checked%s%s", "", "");
	}
	const struct object_mro *base = unslotted_base(r);
	if (base && !slotted) {
		snprintf(names, sizeof names, "%s", base->name);
		add(j->reasons, &j->nreasons, "its base %.100s has no __slots__, so instances keep its "
		    "__dict__ even with __slots__ here: give %.100s __slots__ too", names, names);
		if (j->verdict == VERDICT_CANDIDATE)
			j->verdict = VERDICT_BLOCKED;
	}
	if (r->subclasses.n && !slotted) {
		scan_list_join(&r->subclasses, names, sizeof names);
		add(j->reasons, &j->nreasons, "subclassed by %.200s: each needs __slots__ too, or its "
		    "instances keep a __dict__%s", names, "");
		if (j->verdict == VERDICT_CANDIDATE)
			j->verdict = VERDICT_BLOCKED;
	}
	if (r->class_attrs.n && !slotted && !r->dataclass) {   /* slots=True keeps defaults */
		scan_list_join(&r->class_attrs, names, sizeof names);
		add(j->reasons, &j->nreasons, "%.200s is also a class attribute: a slot of the same name "
		    "conflicts with it (ValueError); set the default in __init__%s", names, "");
		if (j->verdict == VERDICT_CANDIDATE)
			j->verdict = VERDICT_BLOCKED;
	}
	if (src && (src->uses & USE_WEAKREF))
		j->best = ALT_SLOTS_WEAKREF;   /* the note says to keep __weakref__ */
}

void object_judge(const struct object_probe_result *r, const struct profile *pr, enum abi abi,
                  bool measured_here, uint64_t instances, struct object_judgement *out)
{
	memset(out, 0, sizeof *out);
	struct object_judgement *j = out;
	j->probe = r;
	j->profile = pr;
	j->abi = abi;
	j->measured_here = measured_here;
	j->instances = instances;
	bool estimate = false;
	for (unsigned i = 0; i < r->nattrs; i++)
		if (r->attrs[i].owned && r->attrs[i].owned_bytes) {
			j->owned_requested += r->attrs[i].owned_bytes;
			j->owned_allocated += model_block_allocated(pr, abi, r->attrs[i].owned_bytes, &estimate);
		}
	unsigned attrs;
	struct object_row *real = &j->real;
	const struct scan_class *src = r->scan.nclasses ? &r->scan.classes[0] : NULL;
	real->kind = real_kind(r, pr, src ? src->uses : 0, &attrs, &real->base_attrs, &j->real_exact,
	                       j->layout, sizeof j->layout);
	snprintf(real->label, sizeof real->label, "as it is (%s)", kind_info(real->kind)->name);
	real->modelled = model_structure(j, real, attrs);
	row_figures(j, real);
	if (measured_here && r->measure.known) {
		real->measured = true;
		real->measured_getsizeof = r->measure.getsizeof;
		real->has_requested = r->measure.requested.known;
		real->measured_requested = r->measure.requested.value;
		real->measured_exact = r->measure.requested.exact;
		real->has_deep = r->measure.has_deep;
		real->fig[ACC_DEEP] = r->measure.deep;
	}
	row_compare(j, real);
	for (int a = 0; a < ALT_COUNT; a++) {
		struct object_row *row = &j->alt[a];
		row->kind = object_alt_kind((enum object_alt)a);
		snprintf(row->label, sizeof row->label, "as %s", object_alt_name((enum object_alt)a));
		row->modelled = model_structure(j, row, r->nattrs);
		row_figures(j, row);
		const struct object_measured *m = &r->alt[a];
		if (measured_here && m->unsupported[0])
			snprintf(row->unsupported, sizeof row->unsupported, "%s", m->unsupported);
		if (measured_here && m->known) {
			/* built with the sample's own values: its bytes are the layout's */
			row->measured = true;
			row->measured_getsizeof = m->getsizeof;
			row->has_requested = true;
			row->measured_requested = m->requested.value + (double)j->owned_requested;
			row->measured_exact = m->requested.exact;
		}
		row_compare(j, row);
	}
	const struct object_mro *base = unslotted_base(r);
	if (base && !r->namedtuple && r->dict && !(r->has_slots && !list_has(&r->slots, "__dict__"))) {
		/* __slots__ on this class alone: the base's attributes stay in a dict.
		 * The base's attributes are those the source says it inherits (else
		 * half, the model's default). */
		struct object_row *p = &j->partial_row;
		p->kind = KIND_REGULAR_SUBCLASS_SLOTS;
		p->base_attrs = src && src->inherited.n <= r->nattrs ? src->inherited.n : r->nattrs / 2;
		snprintf(p->label, sizeof p->label, "__slots__ here only");
		j->partial = p->modelled = model_structure(j, p, r->nattrs);
		row_figures(j, p);
	}
	j->best = r->dataclass ? ALT_DATACLASS_SLOTS : ALT_SLOTS;
	judge_verdict(j, src);
	if (r->measure.iterable && measured_here && !r->picked)
		add(j->notes, &j->nnotes, "the expression gives several instances: their measured "
		    "bytes are a mean over what it builds (other objects it makes may be in it), so "
		    "they are shown, not compared; an expression that gives one instance is "
		    "measured exactly%s%s", "", "");
	if (!j->real_exact)
		add(j->notes, &j->nnotes, "the class's layout is not one the model has exactly: its "
		    "row is the nearest kind's, and a difference from the measured bytes is expected%s%s",
		    "", "");
	if (j->best == ALT_DATACLASS_SLOTS && !j->alt[ALT_DATACLASS_SLOTS].modelled)
		j->best = ALT_SLOTS;
	struct object_row *rows[ALT_COUNT + 1];
	for (int a = 0; a < ALT_COUNT; a++)
		rows[a] = &j->alt[a];
	rows[ALT_COUNT] = &j->partial_row;
	for (int i = 0; i <= ALT_COUNT; i++)
		for (int a = 0; a < ACC_COUNT; a++)   /* deep: measured for the class alone */
			rows[i]->saving[a] = a == ACC_DEEP ? 0
			                   : (int64_t)real->fig[a] - (int64_t)rows[i]->fig[a];
	if (estimate)
		add(j->notes, &j->nnotes, "the owned values' allocated bytes count each value as one "
		    "block; over 512 B that is a malloc estimate%s%s", "", "");
}

int64_t object_total_saving(const struct object_judgement *j, const struct object_row *row,
                            enum accounting acc)
{
	double t = (double)row->saving[acc] * (double)j->instances;
	if (t > 9.2e18)
		return INT64_MAX;
	if (t < -9.2e18)
		return INT64_MIN;
	return row->saving[acc] * (int64_t)j->instances;
}
