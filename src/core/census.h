/* --census MODULE:EXPR: which classes matter in a program. data/probe.py's
 * census request imports MODULE and evaluates EXPR in the probe (the
 * user's code runs there, never in this process), keeps the result alive
 * and counts the live instances of every class defined outside the
 * standard library; each class of the top ones comes with its scan record
 * (core/scan.h), judged here with the model: per-instance saving with
 * __slots__, times the count. No curses. */
#ifndef SLOTEXPLORE_CENSUS_H
#define SLOTEXPLORE_CENSUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/probe_client.h"
#include "core/profile.h"
#include "core/scan.h"

#define CENSUS_MAX_CLASSES 100000
#define CENSUS_DEFAULT_CAP 10000000ULL
#define CENSUS_MAX_CAP 10000000000ULL
#define CENSUS_DEFAULT_TOP 20
#define CENSUS_MAX_COUNT 1000000000000000ULL   /* instances of a class, 10^15 */
#define CENSUS_MAX_BYTES (1ULL << 60)          /* bytes of a class's instances */

struct census_class {
	unsigned rank;
	char *name, *module;              /* qualified name, and the module it is defined in */
	enum scan_kind kind;              /* as the class is at run time */
	uint64_t count;                   /* live instances */
	uint64_t getsizeof_total;         /* sum of sys.getsizeof(instance) */
	uint64_t dict_total;              /* sum of sys.getsizeof(instance.__dict__) */
	uint64_t same_attrs, attrs_checked;   /* instances holding exactly attrs, of those checked */
	uint64_t weakly_referenced, untracked;
	unsigned nattrs;
	struct scan_list attrs;           /* the attributes most instances hold */
	bool has_slots;
	struct scan_list slots;           /* its own __slots__ */
	bool dict, weakref, dataclass, namedtuple, truncated;
	bool scanned;                     /* scan came from its source file */
	struct scan_class scan;           /* else made from what the census saw */
	/* census_judge's */
	int64_t total_saving;             /* count x scan.saving when scan.modelled */
};

struct census_result {
	struct census_class *classes;
	size_t nclasses, classes_cap;
	uint64_t objects, cap, instances, bytes;
	uint64_t classes_total;           /* classes found; the top ones are in classes */
	bool cap_hit;
	bool imported, evaluated, done;
	double import_seconds, eval_seconds;
	char result_type[128];            /* what EXPR gave */
	bool want_scan;                   /* the last censusclass said scan=1 */
};

/* One reply line of a census into r: 1 stored (or a heartbeat, a stage), 0
 * the final censusdone line, -1 not a census reply or an error reply (err
 * says why in one line; an "error census:" reply's text is given whole). */
int census_parse_reply(struct census_result *r, const char *line, char *err, size_t errlen);
void census_result_free(struct census_result *r);

struct census_request {
	const char *module, *expr;
	const char *const *paths;         /* where MODULE is looked for, first first */
	int npaths;
	uint64_t cap;                     /* objects examined at most */
	unsigned top;                     /* classes sent */
	int timeout_ms;                   /* between two reply lines */
	/* asked every 100 ms while the census runs: true stops it (Ctrl-C, Esc) */
	bool (*cancel)(void *ctx);
	void *cancel_ctx;
};

enum census_status {
	CENSUS_DONE,
	CENSUS_FAILED,      /* the user's code or the interpreter failed (err) */
	CENSUS_CANCELLED,   /* cancel() said so: the child was stopped */
};

/* Sends the census request to a running probe and reads its replies, each
 * within timeout_ms of the one before; on a timeout, a cancel, a flood or
 * a malformed reply the child is killed (its process group: whatever the
 * user's code started with it). */
enum census_status census_run(struct probe_client *pc, const struct census_request *rq,
                              struct census_result *r, char *err, size_t errlen);

/* The verdict and reasons (scan_judge on the class's record, told that its
 * instances are weakly referenced when some are), and the model's saving
 * per instance for the attributes the instances hold, times the count. */
void census_judge(struct census_class *c, const struct profile *pr, enum abi abi,
                  enum accounting acc);

/* Splits "MODULE:EXPR" at its first ':' into module and expr (pointers
 * into a copy in buf); false with a one-line reason. */
bool census_split_target(const char *target, char *buf, size_t n, const char **module,
                         const char **expr, char *err, size_t errlen);

#endif
