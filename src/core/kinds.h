/* The object kinds slotexplore models, named as in options and output. */
#ifndef SLOTEXPLORE_KINDS_H
#define SLOTEXPLORE_KINDS_H

#include <stdbool.h>

enum kind {
	KIND_REGULAR,
	KIND_REGULAR_EXTERNAL,
	KIND_REGULAR_DICT,
	KIND_DATACLASS,
	KIND_SLOTS,
	KIND_SLOTS_WEAKREF,
	KIND_DATACLASS_SLOTS,
	KIND_DATACLASS_SLOTS_WEAKREF,
	KIND_NAMEDTUPLE,
	KIND_TYPING_NAMEDTUPLE,
	KIND_TUPLE,
	KIND_DICT,
	/* Inheritance layouts (#18): the N attributes split between a base
	 * class's K and a subclass's N - K (slots-dict: K slots, N - K in a
	 * dict). Hidden by default in the explorer and the batch table. */
	KIND_SLOTS_SUBCLASS_DICT,
	KIND_SLOTS_SUBCLASS_SLOTS,
	KIND_SLOTS_DUPLICATE,
	KIND_SLOTS_DICT,
	KIND_REGULAR_SUBCLASS_SLOTS,
	KIND_DATACLASS_SLOTS_SUBCLASS,
	KIND_COUNT
};

/* How the kind stores its attributes; the layout rules key on this. */
enum kind_family {
	FAMILY_REGULAR,   /* instance __dict__ / managed values */
	FAMILY_SLOTS,     /* member slots in the object */
	FAMILY_TUPLE,     /* tuple items (namedtuple: tuple subclass) */
	FAMILY_DICT       /* a plain dict */
};

struct kind_info {
	const char *name;         /* option and output name */
	const char *python;       /* what it is, in Python terms */
	enum kind_family family;
	bool external_attrs;      /* attributes added from outside the class body */
	bool dict_touched;        /* obj.__dict__ was accessed */
	bool generated_init;      /* @dataclass: __init__ made by exec, no static attrs */
	bool weakref_slot;        /* '__weakref__' in __slots__ */
	bool subclass;            /* tuple subclass (namedtuple): one sentinel item more */
	bool has_class;           /* a user class exists (per-class cost) */
	bool inheritance;         /* one of the inheritance layouts: the split applies */
};

#define KIND_FIRST_INHERITANCE KIND_SLOTS_SUBCLASS_DICT

const struct kind_info *kind_info(enum kind k);
/* Returns KIND_COUNT when the name is unknown. */
enum kind kind_from_name(const char *name);
/* "regular, regular-external, ..." for error messages (with "inheritance"
 * and "all", the groups --kind and show accept). */
const char *kind_name_list(void);

#endif
