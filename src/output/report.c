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

const struct value_row *report_value_rows(const struct report *r, enum kind k, enum accounting a,
                                          unsigned *n)
{
	static struct value_row rows[MODEL_VALUE_ROWS];
	*n = model_values_per_attribute(r->setting)
	     ? model_value_rows(r->setting, k, a, rows, MODEL_VALUE_ROWS) : 0;
	return rows;
}

void report_value_row_label(const struct value_row *v, char *buf, size_t n)
{
	char spec[64];
	value_spec_format(&v->spec, spec, sizeof spec);
	if (v->count == 0)
		snprintf(buf, n, "__weakref__ %s", spec);
	else if (v->count == 1)
		snprintf(buf, n, "a%u %s", v->first, spec);
	else
		snprintf(buf, n, "a%u..a%u %s", v->first, v->first + v->count - 1, spec);
}

void report_csv_field(FILE *out, const char *text)
{
	if (!strpbrk(text, ",\"\n")) {
		fputs(text, out);
		return;
	}
	fputc('"', out);
	for (const char *c = text; *c; c++) {
		if (*c == '"')
			fputc('"', out);
		fputc(*c, out);
	}
	fputc('"', out);
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
