/* Drives a verification: measure request after request through a running
 * probe, each reply compared with the model as it arrives. No curses. */
#ifndef SLOTEXPLORE_VERIFY_RUN_H
#define SLOTEXPLORE_VERIFY_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/probe_client.h"
#include "core/verify.h"

struct verify_plan {
	const struct profile *profile;
	enum abi abi;
	const uint64_t *attrs;    /* grid of attribute counts */
	int nattrs;
	bool kinds[KIND_COUNT];
	struct value_spec values;
	bool base_given;          /* the inheritance kinds' split (half when not given) */
	unsigned base_attrs;
	unsigned count;           /* instances per measurement */
	int timeout_ms;           /* per request */
};

struct verify_summary {
	unsigned settings, figures, mismatches, unsupported;
};

/* Called once per compared setting. */
typedef void (*verify_row_fn)(void *ctx, const struct verify_result *r);

/* Runs the plan; false with a one-line message if the probe fails
 * (dies, hangs past the timeout, or answers garbage). */
bool verify_run(struct probe_client *pc, const struct verify_plan *plan, verify_row_fn row,
                void *ctx, struct verify_summary *sum, char *err, size_t errlen);

/* The whole-truth view for M real instances. */
struct bulk_result {
	uint64_t instances;
	uint64_t traced;          /* tracemalloc bytes for the instances and their list */
	uint64_t rss_growth;      /* resident set growth of the process */
	double seconds;
	uint64_t model_requested, model_allocated;
};

bool verify_bulk(struct probe_client *pc, const struct verify_plan *plan, enum kind kind,
                 unsigned attrs, uint64_t instances, struct bulk_result *out, char *err,
                 size_t errlen);

#endif
