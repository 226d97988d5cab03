#include "config.h"

#include "modes/modes.h"

#include <stdio.h>

int mode_list_profiles(const struct run_context *rc)
{
	const struct profile_set *set = rc->profiles;
	const char *dir = rc->dir, *origin = rc->origin;
	printf("data directory: %s (%s)\n", dir, origin);
	printf("%-8s %-14s %-12s %-12s %-12s %s\n", "version", "layout", "lp64", "ilp32", "i386", "file");
	for (size_t i = 0; i < set->count; i++) {
		const struct profile *p = &set->items[i];
		static const char *const layout[] = { "split-dict", "values-array", "inline-values" };
		printf("%-8s %-14s %-12s %-12s %-12s %s\n", p->version, layout[p->layout],
		       p->abi[ABI_LP64].evidence, p->abi[ABI_ILP32].evidence, p->abi[ABI_I386].evidence,
		       p->source);
	}
	return mode_finish_output();
}
