#include "config.h"

#include "output/report_internal.h"

#include <stdio.h>
#include <string.h>

#include "core/units.h"

void report_markdown_legend(FILE *out, const struct profile *pr)
{
	char alloc[128];
	snprintf(alloc, sizeof alloc, "%s", allocator_description(pr));
	fprintf(out, "\ngetsizeof = `sys.getsizeof(obj)`; requested = bytes asked of the allocator "
	        "(what tracemalloc counts); allocated = after ");
	for (const char *c = alloc; *c; c++)   /* '*' is emphasis in Markdown */
		fprintf(out, *c == '*' ? "\\*" : "%c", *c);
	fprintf(out, "; deep = the seed paper's recursive getsizeof.\n");
}

/* Values that differ per attribute: each kind's value objects, attribute by attribute. */
static void write_value_rows(FILE *out, const struct report *r, const char *h2)
{
	if (!model_values_per_attribute(r->setting))
		return;
	fprintf(out, "\n%s The value objects attribute by attribute, %s bytes\n\n"
	        "| kind | attributes | value | bytes |\n|---|---|---|---:|\n", h2,
	        accounting_name(r->accounting));
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!r->shown[k] || !r->eval->kinds[k].available)
			continue;
		unsigned n;
		const struct value_row *rows = report_value_rows(r, (enum kind)k, r->accounting, &n);
		for (unsigned i = 0; i < n; i++) {
			char label[128];
			report_value_row_label(&rows[i], label, sizeof label);
			char *space = strchr(label, ' ');
			*space = '\0';
			fprintf(out, "| %s | %s | `%s` | %llu |\n", kind_info((enum kind)k)->name, label,
			        space + 1, (unsigned long long)rows[i].bytes);
		}
	}
}

/* A Markdown handout: the kinds table with every accounting, the totals,
 * and each kind's parts. The figures are the batch table's. */
int report_markdown(FILE *out, const struct report *r)
{
	const struct model_setting *s = r->setting;
	const struct model_eval *e = r->eval;
	enum accounting acc = r->accounting;
	char count[32], values[VALUE_LIST_TEXT + 64], buf[48];
	format_grouped(s->instances, count, sizeof count);
	value_list_describe(&s->values, s->attrs, values, sizeof values);
	const char *h1 = r->section ? "###" : "#", *h2 = r->section ? "####" : "##";
	fprintf(out, "%s %s: CPython %s %s, %u attribute%s, %s instance%s\n\n", h1,
	        r->section ? "The figures" : "What Python objects cost", s->profile->version,
	        abi_name(s->abi), s->attrs, s->attrs == 1 ? "" : "s", count,
	        s->instances == 1 ? "" : "s");
	fprintf(out, "Attribute values: %s. Totals in **%s** bytes: %s.\n\n", values,
	        accounting_name(acc), accounting_description(acc, s->profile));
	fprintf(out, "| kind | getsizeof | requested | allocated | deep | total for %s | vs regular "
	        "(%s) | per class |\n|---|---:|---:|---:|---:|---:|---:|---:|\n", count,
	        r->compare_instance ? "per instance" : "total");
	const struct kind_result *base = &e->kinds[KIND_REGULAR];
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_result *kr = &e->kinds[k];
		if (!r->shown[k])
			continue;
		if (!kr->available) {
			fprintf(out, "| %s | %s | | | | | | |\n", kind_info((enum kind)k)->name, kr->unavailable);
			continue;
		}
		fprintf(out, "| %s", kind_info((enum kind)k)->name);
		for (int a = 0; a < ACC_COUNT; a++) {
			format_grouped(kr->fig[a], buf, sizeof buf);
			fprintf(out, " | %s%s", buf, a == ACC_ALLOCATED && kr->estimate ? "\\*" : "");
		}
		format_bytes_human(kr->total[acc], buf, sizeof buf);
		fprintf(out, " | %s%s", kr->saturated ? "> " : "", buf);
		if (k == KIND_REGULAR)
			fprintf(out, " | baseline");
		else if (kr->saturated || base->saturated || !base->available)
			fprintf(out, " | -");
		else {
			if (r->compare_instance)
				format_change_percent(base->fig[acc], kr->fig[acc], buf, sizeof buf);
			else
				format_change_percent(base->total[acc], kr->total[acc], buf, sizeof buf);
			fprintf(out, " | %s", buf);
		}
		if (kind_info((enum kind)k)->has_class) {
			format_grouped(kr->per_class_getsizeof, buf, sizeof buf);
			fprintf(out, " | %s |\n", buf);
		} else {
			fprintf(out, " | - |\n");
		}
	}
	/* the parts, one column per part that any shown kind has */
	bool used[PART_COUNT] = { false };
	for (int k = 0; k < KIND_COUNT; k++)
		if (r->shown[k] && e->kinds[k].available)
			for (int p = 0; p < PART_COUNT; p++)
				used[p] |= model_part_listed(&e->kinds[k], acc, (enum part)p);
	fprintf(out, "\n%s Where the %s bytes of one instance go\n\n| kind |", h2, accounting_name(acc));
	for (int p = 0; p < PART_COUNT; p++)
		if (used[p])
			fprintf(out, " %s |", part_label((enum part)p));
	fprintf(out, " total |\n|---|");
	for (int p = 0; p < PART_COUNT; p++)
		if (used[p])
			fprintf(out, "---:|");
	fprintf(out, "---:|\n");
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_result *kr = &e->kinds[k];
		if (!r->shown[k] || !kr->available)
			continue;
		fprintf(out, "| %s |", kind_info((enum kind)k)->name);
		for (int p = 0; p < PART_COUNT; p++)
			if (used[p])
				fprintf(out, " %llu |", (unsigned long long)kr->part[acc][p]);
		fprintf(out, " %llu |\n", (unsigned long long)kr->fig[acc]);
	}
	write_value_rows(out, r, h2);
	if (!r->section)
		report_markdown_legend(out, s->profile);
	char cmd[1024];
	report_batch_command(s, acc, r->compare_instance, r->shown, cmd, sizeof cmd);
	if (r->section)
		fprintf(out, "\nCheck: `%s` prints the same figures.\n", cmd);
	else
		fprintf(out, "\nMade by slotexplore from its model; the same figures as `%s`.\n", cmd);
	if (r->profile_note)
		fprintf(out, "\nInterpreter: %s.\n", r->profile_note);
	return ferror(out) ? -1 : 0;
}

void report_batch_command(const struct model_setting *s, enum accounting acc,
                          bool compare_instance, const bool *shown, char *buf, size_t len)
{
	char valopt[VALUE_LIST_TEXT];
	value_list_format(&s->values, valopt, sizeof valopt);
	int used = snprintf(buf, len, "slotexplore --batch --python-version %s --abi %s --attrs %u "
	                    "--instances %llu --values %s --accounting %s%s", s->profile->version,
	                    abi_name(s->abi), s->attrs, (unsigned long long)s->instances, valopt,
	                    accounting_name(acc), compare_instance ? " --compare instance" : "");
	/* the kinds: nothing for the default set, --kind all for every kind,
	 * else each one; an inheritance kind's split when it was chosen */
	bool is_default = true, is_all = true, inheritance = false;
	for (int k = 0; shown && k < KIND_COUNT; k++) {
		bool inh = kind_info((enum kind)k)->inheritance;
		is_default &= shown[k] == !inh;
		is_all &= shown[k];
		inheritance |= shown[k] && inh;
	}
	for (int k = 0; shown && !is_default && k < KIND_COUNT && used > 0 && (size_t)used < len;
	     k++)
		if (is_all || shown[k]) {
			used += snprintf(buf + used, len - (size_t)used, " --kind %s",
			                 is_all ? "all" : kind_info((enum kind)k)->name);
			if (is_all)
				break;
		}
	if (inheritance && s->base_given && used > 0 && (size_t)used < len)
		snprintf(buf + used, len - (size_t)used, " --base-attrs %u", s->base_attrs);
}

void report_markdown_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '_' || *s == '*' || *s == '`' || *s == '<' || *s == '[')
			fputc('\\', out);
		fputc(*s, out);
	}
}
