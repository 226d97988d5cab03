/* Every modelled CPython side by side: one setting evaluated under each
 * profile, kinds by versions, each cell against the version before it. */
#ifndef SLOTEXPLORE_BY_VERSION_H
#define SLOTEXPLORE_BY_VERSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "core/profile.h"

#define BY_VERSION_MAX 32

struct by_version_cell {
	bool available;
	uint64_t per_instance;   /* steady state, in the chosen accounting */
	uint64_t total;          /* M instances in a list, in the chosen accounting */
	bool has_change;         /* the column it is compared with has this kind */
	int64_t change;          /* per_instance minus that column's */
	bool saturated;
};

struct by_version {
	struct model_setting setting;   /* the profile field is unused */
	enum accounting accounting;
	int ncols;
	/* default builds oldest first, then free-threaded builds */
	const struct profile *col[BY_VERSION_MAX];
	int compared_with[BY_VERSION_MAX];   /* column index, -1 for the first */
	struct by_version_cell cell[BY_VERSION_MAX][KIND_COUNT];
	int left_out;                         /* profiles not modelled for this ABI */
	char left_out_names[64];              /* "3.14t" */
};

/* Evaluates `s` (its profile ignored) under every profile modelled for its
 * ABI. A free-threaded build is compared with the default build of its
 * version, a default build with the default build before it. */
void by_version_compute(const struct profile_set *set, const struct model_setting *s,
                        enum accounting acc, struct by_version *out);

#endif
