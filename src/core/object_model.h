/* A real class's instances, modelled: the layout it has mapped to one of
 * the model's kinds, the same attributes and values laid out as the
 * alternatives, the savings, and whether the class can take __slots__
 * (and if not, why, and what it would really save). The probe's
 * measurements sit beside the model's figures when the profile is the
 * measuring interpreter's. No curses. */
#ifndef SLOTEXPLORE_OBJECT_MODEL_H
#define SLOTEXPLORE_OBJECT_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "core/object_probe.h"
#include "core/scan.h"

#define OBJECT_MAX_REASONS 16

struct object_row {
	char label[96];                 /* "User as it is", "as slots" */
	enum kind kind;                 /* the model's kind for it */
	unsigned base_attrs;            /* an inheritance kind's K */
	bool modelled;
	char why_not[160];              /* when !modelled */
	uint64_t structure[ACC_COUNT];  /* the model, values not counted (deep: 0) */
	uint64_t fig[ACC_COUNT];        /* structure + the owned values (deep: measured or 0) */
	bool has_deep;
	uint64_t dict_getsizeof;        /* the model's getsizeof(obj.__dict__), 0 without one */
	/* measured by the probe (same interpreter only) */
	bool measured;
	char unsupported[120];          /* the probe could not build it */
	uint64_t measured_getsizeof;
	bool has_requested;             /* the probe measured requested bytes */
	double measured_requested;      /* values included, as fig[ACC_REQUESTED] */
	bool measured_exact;            /* an integer per instance */
	bool match_getsizeof, match_requested;
	int64_t saving[ACC_COUNT];      /* the real class's fig minus this row's */
};

struct object_judgement {
	const struct object_probe_result *probe;
	const struct profile *profile;
	enum abi abi;
	bool measured_here;             /* the profile is the probe's own interpreter */
	uint64_t instances;             /* M, for the totals */
	struct object_row real;         /* the class as it is */
	bool real_exact;                /* its layout is one the model has exactly */
	char layout[200];               /* how it is laid out, in words */
	struct object_row alt[ALT_COUNT];
	/* a base class keeps a __dict__: __slots__ on this class alone */
	bool partial;
	struct object_row partial_row;
	enum object_alt best;           /* the alternative the verdict recommends */
	uint64_t owned_requested, owned_allocated;   /* per instance, every layout */
	enum scan_verdict verdict;
	char reasons[OBJECT_MAX_REASONS][SCAN_PHRASE];
	unsigned nreasons;
	char notes[OBJECT_MAX_REASONS][SCAN_PHRASE];
	unsigned nnotes;
	unsigned mismatches;            /* measured figures the model does not equal */
	unsigned compared;
};

/* Judges r on profile/abi; measured_here says whether the probe's
 * figures belong to this profile (else the rows are the model's alone). */
void object_judge(const struct object_probe_result *r, const struct profile *pr, enum abi abi,
                  bool measured_here, uint64_t instances, struct object_judgement *out);

/* The saving of M instances (instances × per instance), saturating. */
int64_t object_total_saving(const struct object_judgement *j, const struct object_row *row,
                            enum accounting acc);

#endif
