/* Shared by the fuzz targets that drive the explorer's state: the data
 * directory's profiles, loaded once, and a sink for printed output. */
#ifndef SLOTEXPLORE_FUZZ_SETUP_H
#define SLOTEXPLORE_FUZZ_SETUP_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/profile.h"

static struct profile_set fuzz_profiles;
static FILE *fuzz_sink;

/* Loads once; aborts (a setup fault, not a finding) when it cannot. */
static void fuzz_setup(void)
{
	static int loaded = -1;
	if (loaded >= 0)
		return;
	char dir[4096], err[300] = "cannot open /dev/null";
	datadir_locate(dir, sizeof dir);
	loaded = profile_set_load(dir, &fuzz_profiles, err, sizeof err) ? 1 : 0;
	fuzz_sink = fopen("/dev/null", "w");
	if (!loaded || !fuzz_sink) {
		fprintf(stderr, "fuzz: no profiles: %s\n", err);
		abort();
	}
}

/* The input as a NUL-terminated copy (free it), or NULL. */
static __attribute__((unused)) char *fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (text) {
		memcpy(text, data, size);
		text[size] = '\0';
	}
	return text;
}

/* The next line of the text at *cursor (cut at its newline), or NULL at the end. */
static __attribute__((unused)) char *fuzz_next_line(char **cursor)
{
	char *line = *cursor;
	if (!line)
		return NULL;
	char *nl = strchr(line, '\n');
	if (nl)
		*nl++ = '\0';
	*cursor = nl;
	return line;
}

#endif
