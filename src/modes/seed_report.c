#include "config.h"

#include "modes/modes.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/seed.h"
#include "output/report.h"

int mode_seed_report(const struct run_context *rc)
{
	struct seed_report seed;
	seed_compute(rc->profile, rc->abi, &seed);
	return seed_report_write(stdout, &seed, rc->abi, rc->opt->format) == 0 ? mode_finish_output()
	                                                                        : EXIT_FAILURE;
}
