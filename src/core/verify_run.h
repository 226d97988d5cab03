/* Drives a verification: the plan's settings sent in batches to one or
 * more running probes, each reply matched to its setting and compared with
 * the model as it arrives; rows come out in the plan's order. No curses. */
#ifndef SLOTEXPLORE_VERIFY_RUN_H
#define SLOTEXPLORE_VERIFY_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/probe_client.h"
#include "core/verify.h"

/* Instances per setting: the probe's requested figure is a whole number
 * of bytes per instance over the last count-8, taken once two batches
 * agree on it, and the same as over 1,000 from 25 on (every real
 * interpreter, the whole default grid); 50 leaves room. */
#define VERIFY_COUNT 50
/* Settings per batch request: small enough that two probes share the
 * work evenly, large enough that a request's round trip is nothing. */
#define VERIFY_BATCH 12
#define VERIFY_MAX_PROBES 8
/* The text of one setting's request (verify_request_text). */
#define VERIFY_REQUEST_TEXT (VALUE_LIST_TEXT + 200)

struct verify_plan {
	const struct profile *profile;
	enum abi abi;
	const uint64_t *attrs;    /* grid of attribute counts */
	int nattrs;
	bool kinds[KIND_COUNT];
	struct value_list values;
	bool base_given;          /* the inheritance kinds' split (half when not given) */
	unsigned base_attrs;
	unsigned count;           /* instances per measurement */
	unsigned batch;           /* settings per request (0: VERIFY_BATCH) */
	int timeout_ms;           /* for each reply */
	bool keep_first;          /* the first probe is used after the run: leave it
	                           * running; every other one is finished at the
	                           * end (its input closed, and a line it still
	                           * sends before it exits is an error) */
};

struct verify_summary {
	unsigned settings, figures, mismatches, unsupported;
	unsigned empty;           /* replies that carried no figure */
};

/* Called once per compared setting, in the plan's order. */
typedef void (*verify_row_fn)(void *ctx, const struct verify_result *r);

/* Runs the plan over `nprobes` probes under the same interpreter (a batch
 * to each idle one); false with a one-line message if a probe fails (dies,
 * hangs past the timeout, answers garbage or a setting it was not asked),
 * and then every probe that still owed replies has been stopped. */
bool verify_run(struct probe_client *const *probes, int nprobes, const struct verify_plan *plan,
                verify_row_fn row, void *ctx, struct verify_summary *sum, char *err,
                size_t errlen);

/* F1: a run that compared nothing has verified nothing. True (with the
 * "nothing verified: ..." line in err) when that is so. */
bool verify_nothing(const struct verify_summary *sum, const char *python, char *err,
                    size_t errlen);

/* An inheritance kind's split as the model takes it (half of attrs unless
 * base_given); -1 for a kind without one. */
int verify_base_for(enum kind kind, unsigned attrs, bool base_given, unsigned base_attrs);
/* The request for one setting, as the probe's replies echo it:
 * "measure kind=K attrs=N [base=B] values=V count=C" (base < 0: none). */
void verify_request_text(enum kind kind, unsigned attrs, int base, const char *values,
                         unsigned count, char *out, size_t n);
/* True when `rec` (a measure or unsupported reply) answers that request:
 * its kind, attrs, values and count (a measure's) are the request's. False
 * with "PY answered 'REQUEST' with a reply for ..." otherwise. */
bool verify_reply_matches(const struct probe_record *rec, const char *python, enum kind kind,
                          unsigned attrs, int base, const char *values, unsigned count,
                          char *err, size_t errlen);

/* The whole-truth view for M real instances. */
struct bulk_result {
	enum kind kind;
	unsigned attrs;
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
