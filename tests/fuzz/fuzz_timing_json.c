/* libFuzzer target: --load of any JSON (ours or pyperf's) must load or give
 * a message, and what loads must summarise without faults. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/timing_run.h"
#include "output/timing_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static FILE *sink;
	if (!path[0]) {
		snprintf(path, sizeof path, "/tmp/slotexplore-fuzz-%d.json", (int)getpid());
		sink = fopen("/dev/null", "w");
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	static struct timing_result r;
	unsigned attrs;
	char err[600];
	if (timing_load(path, &r, &attrs, err, sizeof err)) {
		timing_report_write(sink, &r, attrs, FORMAT_TEXT, true, NULL);
		timing_report_write(sink, &r, attrs, FORMAT_JSON, true, NULL);
		timing_report_write(sink, &r, attrs, FORMAT_MARKDOWN, true, NULL);
		timing_write_pyperf(sink, &r, attrs);
		timing_result_free(&r);
	}
	return 0;
}
