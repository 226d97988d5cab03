/* Model against measurement: one probe reply compared field by field. */
#ifndef SLOTEXPLORE_VERIFY_H
#define SLOTEXPLORE_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/probe_parse.h"

#define VERIFY_MAX_CELLS 10

struct verify_cell {
	char field[32];           /* "getsizeof", "requested", "warmup[3]", ... */
	uint64_t model;
	char measured[32];        /* as the probe wrote it */
	bool match;
};

struct verify_result {
	enum kind kind;
	unsigned attrs;
	char values[VALUE_LIST_TEXT];
	struct verify_cell cell[VERIFY_MAX_CELLS];
	unsigned ncells;
	unsigned mismatches;
};

/* Compares a measure, warmup or unsupported record with the model for the
 * given profile and ABI. False (with a reason) when the record cannot be
 * interpreted; hello and error records are not comparable. */
bool verify_record(const struct probe_record *rec, const struct profile *pr, enum abi abi,
                   struct verify_result *out, char *err, size_t errlen);

#endif
