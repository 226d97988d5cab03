/* --object MODULE:EXPR: one real class, as data/probe.py's object request
 * reports it. The user's code runs in the probe child only. This file
 * sends the request and reads the replies into plain data; object_model.h
 * judges them. No curses. */
#ifndef SLOTEXPLORE_OBJECT_PROBE_H
#define SLOTEXPLORE_OBJECT_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/kinds.h"
#include "core/probe_client.h"
#include "core/scan.h"

#define OBJECT_MAX_ATTRS 4096
#define OBJECT_MAX_MRO 64
#define OBJECT_MAX_PATHS 16

/* The alternatives the probe builds with the sample's own values. */
enum object_alt {
	ALT_REGULAR, ALT_SLOTS, ALT_SLOTS_WEAKREF, ALT_DATACLASS_SLOTS, ALT_NAMEDTUPLE, ALT_TUPLE,
	ALT_COUNT
};
const char *object_alt_name(enum object_alt a);   /* "regular", "dataclass-slots", ... */
enum kind object_alt_kind(enum object_alt a);

enum object_where { WHERE_DICT, WHERE_SLOT, WHERE_ITEM };

struct object_attr {
	char *name, *type;
	enum object_where where;
	uint64_t getsizeof, deep;
	bool owned;                 /* not the same object in a second instance */
	uint64_t owned_bytes;       /* tracemalloc bytes of what it owns */
};

struct object_mro {
	char *name, *module;
	bool heap, dict, weakref, dataclass;
	bool has_slots;             /* defines __slots__ (slots holds them) */
	struct scan_list slots;
};

/* A per-instance figure the probe measured over many instances: an exact
 * integer, or a mean with its text as sent ("146.184"). */
struct object_figure {
	bool known;
	double value;
	bool exact;
};

struct object_measured {
	bool known;
	char unsupported[120];      /* why the probe could not build it */
	uint64_t count;
	bool iterable;              /* a mean over an iterable's instances */
	uint64_t getsizeof;
	struct object_figure requested;
	bool has_per_class, has_dict, has_deep;
	uint64_t per_class, dict_getsizeof, deep;
};

struct object_probe_result {
	char *name, *module;
	unsigned samples;
	bool same_attrs, dict, weakref, dataclass, namedtuple, typed;
	bool has_slots, has_static;
	int dict_materialized;            /* a fresh instance has a dict object: 1, 0, -1 unknown */
	struct scan_list slots, static_attrs, subclasses, class_attrs;
	struct object_mro *mro;
	unsigned nmro;
	struct object_attr *attrs;
	unsigned nattrs;
	struct object_measured alt[ALT_COUNT];
	struct object_measured measure;   /* N fresh instances built by EXPR */
	struct scan_result scan;          /* its class as the source says (0 or 1) */
	bool picked;                      /* picked out of a workload by class name */
	bool done;
};

/* Splits "MODULE:EXPR" (the module a dotted name); false with a reason. */
bool object_spec_split(const char *spec, char *module, size_t mlen, const char **expr,
                       char *err, size_t errlen);

/* Parses one reply line: 1 stored, 0 the final objdone, -1 not a reply of
 * an object request (err: why, or the probe's own error text whole). */
int object_parse_reply(struct object_probe_result *r, const char *line, char *err,
                       size_t errlen);
void object_probe_result_free(struct object_probe_result *r);

/* Sends "object module= expr= path= count=" and reads the replies, each
 * within timeout_ms of the one before. On a timeout, a flood or an early
 * end the child is stopped; so it is when stop (may be NULL) says so, asked
 * every 100 ms. class_name (NULL: none) picks the instances of that class
 * (a qualified name) that EXPR's result reaches, as a census row does.
 * False with a one-line reason. */
bool object_run(struct probe_client *pc, const char *module, const char *expr,
                const char *class_name, const char *const *paths, int npaths, uint64_t count,
                int timeout_ms,
                bool (*stop)(void *), void *stop_ctx, struct object_probe_result *r,
                char *err, size_t errlen);

#endif
