/* The seed paper's figures, recomputed by the model with the paper's own
 * way of counting, beside the steady-state figures. */
#ifndef SLOTEXPLORE_SEED_H
#define SLOTEXPLORE_SEED_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"

enum seed_row {
	SEED_REGULAR, SEED_SLOTS, SEED_DATACLASS, SEED_DATACLASS_SLOTS, SEED_NAMEDTUPLE,
	SEED_LIST_REGULAR, SEED_LIST_SLOTS, SEED_ROW_COUNT
};

struct seed_figure {
	const char *label;        /* the paper's row */
	enum kind kind;
	bool is_list;             /* a list of 1,000 instances */
	uint64_t paper;           /* the paper's number, in bytes */
	const char *paper_text;   /* as printed in the paper */
	bool available;
	uint64_t ours;            /* the model, counted the paper's way */
	/* parts of `ours`, for the how-counted line */
	uint64_t obj, dict, keys, values, list;
	unsigned dict_capacity;
	/* steady state, real allocation (requested / allocated) */
	uint64_t steady_requested, steady_allocated;
};

struct seed_report {
	char version[8];
	struct seed_figure row[SEED_ROW_COUNT];
	uint64_t list_instances;  /* 1000 */
	struct model_eval steady; /* the same classes, steady state, M = 1000 */
};

/* The paper's setting: 5 attributes named a..e holding the small ints 1..5. */
void seed_setting(const struct profile *pr, enum abi abi, struct model_setting *out);
void seed_compute(const struct profile *pr, enum abi abi, struct seed_report *out);

#endif
