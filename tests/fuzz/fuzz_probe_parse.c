/* libFuzzer target: the probe reply parser and the comparison that follows
 * it must survive any bytes an interpreter can print. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/probe_parse.h"
#include "core/profile.h"
#include "core/verify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct profile_set profiles;
static int loaded = -1;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (loaded < 0) {
		char dir[4096], err[300];
		datadir_locate(dir, sizeof dir);
		loaded = profile_set_load(dir, &profiles, err, sizeof err) ? 1 : 0;
		if (!loaded)
			fprintf(stderr, "fuzz: no profiles (%s): parser only\n", err);
	}
	char *line = malloc(size + 1);
	if (!line)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';

	static struct probe_record rec;
	char err[200];
	if (probe_parse_line(line, &rec, err, sizeof err)) {
		uint64_t list[256], v;
		const char *r = probe_field(&rec, "requested");
		if (r)
			(void)probe_parse_u64_list(r, list, 256);
		(void)probe_field_u64(&rec, "attrs", &v);
		if (loaded == 1) {
			for (size_t i = 0; i < profiles.count; i++) {
				struct verify_result vr;
				for (int abi = 0; abi < ABI_COUNT; abi++)
					(void)verify_record(&rec, &profiles.items[i], (enum abi)abi, &vr, err,
					                    sizeof err);
			}
		}
	}
	free(line);
	return 0;
}
