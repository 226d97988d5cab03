#include "config.h"

#include "modes/modes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int mode_finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "slotexplore: cannot write output: %s\n", strerror(errno));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
