#include "config.h"

#include "output/report_internal.h"

static void write_value_rows(FILE *out, const struct report *r, enum kind k)
{
	unsigned n;
	const struct value_row *rows = report_value_rows(r, k, r->accounting, &n);
	static char cell[MODEL_VALUE_ROWS * 96];
	size_t used = 0;
	cell[0] = '\0';
	for (unsigned i = 0; i < n && used < sizeof cell; i++) {
		char label[128];
		report_value_row_label(&rows[i], label, sizeof label);
		used += (size_t)snprintf(cell + used, sizeof cell - used, "%s%s=%llu", i ? ";" : "",
		                         label, (unsigned long long)rows[i].bytes);
	}
	fputc(',', out);
	report_csv_field(out, cell);
}

int report_csv(FILE *out, const struct report *r)
{
	const struct model_setting *s = r->setting;
	char values[VALUE_LIST_TEXT];
	value_list_format(&s->values, values, sizeof values);
	bool by_attr = model_values_per_attribute(s);
	fprintf(out, "python_version,abi,attrs,instances,values,accounting,kind,available,"
	             "getsizeof,requested,allocated,deep,allocated_estimate,per_class,dict_getsizeof,"
	             "total_getsizeof,total_requested,total_allocated,total_deep,saturated");
	for (int p = 0; p < PART_COUNT; p++)   /* part_values: not the values column */
		fprintf(out, ",part_%s", part_name((enum part)p));
	fputs(",base_attrs,dict_attrs,unused_slots", out);   /* the inheritance kinds' split */
	/* values that differ per attribute: "a0 int:30=32;a1 str:12=61;..." */
	fputs(by_attr ? ",part_value_objects_by_attribute\n" : "\n", out);   /* the inheritance kinds' split */
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!r->shown[k])
			continue;
		const struct kind_result *kr = &r->eval->kinds[k];
		fprintf(out, "%s,%s,%u,%llu,", s->profile->version, abi_name(s->abi), s->attrs,
		        (unsigned long long)s->instances);
		report_csv_field(out, values);
		fprintf(out, ",%s,%s,%d", accounting_name(r->accounting), kind_info((enum kind)k)->name,
		        kr->available);
		if (!kr->available) {
			for (int i = 0; i < 12 + PART_COUNT + 3 + by_attr; i++)
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
			fprintf(out, ",%u,%u,%u", kr->split.base_attrs, kr->split.dict_attrs,
			        kr->split.unused_slots);
		else
			fputs(",,,", out);
		if (by_attr)
			write_value_rows(out, r, (enum kind)k);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

void report_csv_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}
