/* libFuzzer target: counts (1e6, 1k, 2M, 10^6, 1_000), grids (0..40,50),
 * values specs (str:10:ucs2,shared) and versions typed by people. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/numparse.h"
#include "core/profile.h"
#include "core/values.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	char err[300];
	uint64_t v, grid[64];
	(void)parse_count(text, 0, UINT64_MAX, &v, err, sizeof err);
	(void)parse_count(text, 1, 1000000000000000ULL, &v, err, sizeof err);
	(void)parse_count_grid(text, 0, 100000, grid, 64, err, sizeof err);
	struct value_spec spec;
	if (value_spec_parse(text, &spec, err, sizeof err)) {
		char back[128];
		value_spec_format(&spec, back, sizeof back);
		value_spec_describe(&spec, back, sizeof back);
	}
	/* a value per attribute: what parses formats back to the same list */
	static struct value_list list, again;
	if (value_list_parse(text, &list, err, sizeof err)) {
		static char back[VALUE_LIST_TEXT];
		value_list_format(&list, back, sizeof back);
		if (!value_list_parse(back, &again, err, sizeof err) || !value_list_equal(&list, &again))
			abort();
		value_list_describe(&list, 5, back, sizeof back);
	}
	int major, minor;
	bool free_threaded;
	(void)parse_python_version(text, &major, &minor, &free_threaded);
	free(text);
	return 0;
}
