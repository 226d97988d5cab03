#include "config.h"

#include "output/report_internal.h"

#include <string.h>

static const char *const format_names[FORMAT_COUNT] = { "text", "csv", "json", "md" };

const char *report_format_name(enum report_format f)
{
	return f < FORMAT_COUNT ? format_names[f] : "?";
}

enum report_format report_format_from_name(const char *name)
{
	for (int f = 0; f < FORMAT_COUNT; f++)
		if (strcmp(format_names[f], name) == 0)
			return (enum report_format)f;
	return FORMAT_COUNT;
}

int report_write(FILE *out, const struct report *r, enum report_format f)
{
	switch (f) {
	case FORMAT_CSV: return report_csv(out, r);
	case FORMAT_JSON: return report_json(out, r);
	case FORMAT_MARKDOWN: return report_markdown(out, r);
	default: return report_text(out, r);
	}
}

int seed_report_write(FILE *out, const struct seed_report *s, enum abi abi, enum report_format f)
{
	switch (f) {
	case FORMAT_CSV: return seed_report_csv(out, s, abi);
	case FORMAT_JSON: return seed_report_json(out, s, abi);
	default: return seed_report_text(out, s, abi);
	}
}
