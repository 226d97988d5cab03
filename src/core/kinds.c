#include "config.h"

#include "core/kinds.h"

#include <string.h>

static const struct kind_info kind_table[KIND_COUNT] = {
	[KIND_REGULAR] = { "regular", "class with attributes set in __init__",
		FAMILY_REGULAR, false, false, false, false, false, true },
	[KIND_REGULAR_EXTERNAL] = { "regular-external", "class with attributes added from outside",
		FAMILY_REGULAR, true, false, false, false, false, true },
	[KIND_REGULAR_DICT] = { "regular-dict", "regular instance after obj.__dict__ was read",
		FAMILY_REGULAR, false, true, false, false, false, true },
	[KIND_DATACLASS] = { "dataclass", "@dataclass",
		FAMILY_REGULAR, false, false, true, false, false, true },
	[KIND_SLOTS] = { "slots", "class with __slots__",
		FAMILY_SLOTS, false, false, false, false, false, true },
	[KIND_SLOTS_WEAKREF] = { "slots-weakref", "__slots__ including '__weakref__'",
		FAMILY_SLOTS, false, false, false, true, false, true },
	[KIND_DATACLASS_SLOTS] = { "dataclass-slots", "@dataclass(slots=True)",
		FAMILY_SLOTS, false, false, true, false, false, true },
	[KIND_DATACLASS_SLOTS_WEAKREF] = { "dataclass-slots-weakref",
		"@dataclass(slots=True, weakref_slot=True)",
		FAMILY_SLOTS, false, false, true, true, false, true },
	[KIND_NAMEDTUPLE] = { "namedtuple", "collections.namedtuple",
		FAMILY_TUPLE, false, false, false, false, true, true },
	[KIND_TYPING_NAMEDTUPLE] = { "typing-namedtuple", "typing.NamedTuple",
		FAMILY_TUPLE, false, false, false, false, true, true },
	[KIND_TUPLE] = { "tuple", "plain tuple",
		FAMILY_TUPLE, false, false, false, false, false, false },
	[KIND_DICT] = { "dict", "plain dict with str keys",
		FAMILY_DICT, false, false, false, false, false, false },
	[KIND_SLOTS_SUBCLASS_DICT] = { "slots-subclass-dict",
		"subclass without __slots__ of a slotted class",
		FAMILY_REGULAR, false, false, false, false, false, true, true },
	[KIND_SLOTS_SUBCLASS_SLOTS] = { "slots-subclass-slots",
		"slotted subclass of a slotted class",
		FAMILY_SLOTS, false, false, false, false, false, true, true },
	[KIND_SLOTS_DUPLICATE] = { "slots-duplicate",
		"slotted subclass repeating its base's slot names",
		FAMILY_SLOTS, false, false, false, false, false, true, true },
	[KIND_SLOTS_DICT] = { "slots-dict", "__slots__ including '__dict__'",
		FAMILY_REGULAR, false, false, false, false, false, true, true },
	[KIND_REGULAR_SUBCLASS_SLOTS] = { "regular-subclass-slots",
		"slotted subclass of a regular class",
		FAMILY_REGULAR, false, false, false, false, false, true, true },
	[KIND_DATACLASS_SLOTS_SUBCLASS] = { "dataclass-slots-subclass",
		"@dataclass(slots=True) subclass of one",
		FAMILY_SLOTS, false, false, true, false, false, true, true },
};

const struct kind_info *kind_info(enum kind k)
{
	return &kind_table[k];
}

enum kind kind_from_name(const char *name)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (strcmp(kind_table[k].name, name) == 0)
			return (enum kind)k;
	return KIND_COUNT;
}

const char *kind_name_list(void)
{
	return "regular, regular-external, regular-dict, dataclass, slots, slots-weakref, "
	       "dataclass-slots, dataclass-slots-weakref, namedtuple, typing-namedtuple, "
	       "tuple, dict, slots-subclass-dict, slots-subclass-slots, slots-duplicate, "
	       "slots-dict, regular-subclass-slots, dataclass-slots-subclass, inheritance, all";
}
