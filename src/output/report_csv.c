#include "config.h"

#include "output/report_internal.h"

int report_csv(FILE *out, const struct report *r)
{
	const struct model_setting *s = r->setting;
	char values[64];
	value_spec_format(&s->values, values, sizeof values);
	fprintf(out, "python_version,abi,attrs,instances,values,accounting,kind,available,"
	             "getsizeof,requested,allocated,deep,allocated_estimate,per_class,dict_getsizeof,"
	             "total_getsizeof,total_requested,total_allocated,total_deep,saturated");
	for (int p = 0; p < PART_COUNT; p++)   /* part_values: not the values column */
		fprintf(out, ",part_%s", part_name((enum part)p));
	fputs(",base_attrs,dict_attrs,unused_slots\n", out);   /* the inheritance kinds' split */
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!r->shown[k])
			continue;
		const struct kind_result *kr = &r->eval->kinds[k];
		fprintf(out, "%s,%s,%u,%llu,%s,%s,%s,%d", s->profile->version, abi_name(s->abi), s->attrs,
		        (unsigned long long)s->instances, values, accounting_name(r->accounting),
		        kind_info((enum kind)k)->name, kr->available);
		if (!kr->available) {
			for (int i = 0; i < 12 + PART_COUNT + 3; i++)
				fputc(',', out);
			fputc('\n', out);
			continue;
		}
		for (int a = 0; a < ACC_COUNT; a++)
			fprintf(out, ",%llu", (unsigned long long)kr->fig[a]);
		fprintf(out, ",%d,%llu,%llu", kr->estimate, (unsigned long long)kr->per_class_getsizeof,
		        (unsigned long long)kr->dict_getsizeof);
		for (int a = 0; a < ACC_COUNT; a++)
			fprintf(out, ",%llu", (unsigned long long)kr->total[a]);
		fprintf(out, ",%d", kr->saturated);
		for (int p = 0; p < PART_COUNT; p++)
			fprintf(out, ",%llu", (unsigned long long)kr->part[r->accounting][p]);
		if (kind_info((enum kind)k)->inheritance)
			fprintf(out, ",%u,%u,%u\n", kr->split.base_attrs, kr->split.dict_attrs,
			        kr->split.unused_slots);
		else
			fputs(",,,\n", out);
	}
	return ferror(out) ? -1 : 0;
}

void report_csv_field(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}
