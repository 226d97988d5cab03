#include "config.h"

#include "output/by_version_report.h"

#include <inttypes.h>
#include <jansson.h>
#include <string.h>

#include "core/units.h"
#include "output/report_internal.h"
#include "output/wrap.h"

void by_version_change_text(const struct by_version *bv, int col, enum kind k, char *buf,
                            size_t n)
{
	const struct by_version_cell *cell = &bv->cell[col][k];
	if (!cell->available || bv->compared_with[col] < 0)
		snprintf(buf, n, "%s", "");
	else if (!cell->has_change)
		snprintf(buf, n, "new");
	else if (cell->change == 0)
		snprintf(buf, n, "0");
	else {
		char num[32];
		format_grouped((uint64_t)(cell->change < 0 ? -cell->change : cell->change), num,
		               sizeof num);
		snprintf(buf, n, "%c%s", cell->change < 0 ? '-' : '+', num);
	}
}

/* Markdown lines are not wrapped; text lines are, at 78 columns. */
static void paragraph(FILE *out, const char *text, bool markdown)
{
	if (markdown)
		fprintf(out, "%s\n", text);
	else
		write_wrapped(out, text, 0, 78);
}

static void heading(FILE *out, const struct by_version *bv, bool markdown)
{
	const struct model_setting *s = &bv->setting;
	char values[VALUE_LIST_TEXT + 64], m[32], attrs[32], text[VALUE_LIST_TEXT + 400];
	value_list_describe(&s->values, s->attrs, values, sizeof values);
	format_grouped(s->instances, m, sizeof m);
	format_grouped(s->attrs, attrs, sizeof attrs);
	snprintf(text, sizeof text, "%sEvery CPython side by side: %s attribute%s, values %s, %s, "
	         "%s bytes per instance (totals for %s instance%s in CSV and JSON)",
	         markdown ? "## " : "", attrs, s->attrs == 1 ? "" : "s", values, abi_name(s->abi),
	         accounting_name(bv->accounting), m, s->instances == 1 ? "" : "s");
	paragraph(out, text, markdown);
}

static void comparison_note(FILE *out, const struct by_version *bv, bool markdown)
{
	bool ft = false;
	for (int c = 0; c < bv->ncols; c++)
		ft |= bv->col[c]->free_threaded;
	char text[400], left[160] = "";
	if (bv->left_out)
		snprintf(left, sizeof left, " Left out: %s, not modelled for %s.", bv->left_out_names,
		         abi_name(bv->setting.abi));
	snprintf(text, sizeof text, "%sEach change is against the version before%s.%s",
	         markdown ? "Bytes per instance; in brackets the change in bytes. " : "",
	         ft ? "; a free-threaded build (t) is against the same version with the GIL" : "",
	         left);
	paragraph(out, text, markdown);
}

/* One text table: kinds down, versions across, right-aligned columns. */
static void text_table(FILE *out, const struct by_version *bv, const bool shown[KIND_COUNT],
                       bool changes)
{
	char cell[BY_VERSION_MAX][KIND_COUNT][32];
	int width[BY_VERSION_MAX];
	for (int c = 0; c < bv->ncols; c++) {
		width[c] = (int)strlen(bv->col[c]->version);
		for (int k = 0; k < KIND_COUNT; k++) {
			const struct by_version_cell *x = &bv->cell[c][k];
			if (changes)
				by_version_change_text(bv, c, (enum kind)k, cell[c][k], sizeof cell[c][k]);
			else if (x->available)
				format_grouped(x->per_instance, cell[c][k], sizeof cell[c][k]);
			else
				snprintf(cell[c][k], sizeof cell[c][k], "-");
			int w = (int)strlen(cell[c][k]);
			if (shown[k] && w > width[c])
				width[c] = w;
		}
	}
	fprintf(out, "%-23s", "kind");
	for (int c = 0; c < bv->ncols; c++)
		fprintf(out, " %*s", width[c] < 5 ? 5 : width[c], bv->col[c]->version);
	fputc('\n', out);
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!shown[k])
			continue;
		fprintf(out, "%-23s", kind_info((enum kind)k)->name);
		for (int c = 0; c < bv->ncols; c++)
			fprintf(out, " %*s", width[c] < 5 ? 5 : width[c], cell[c][k]);
		fputc('\n', out);
	}
}

static int write_text(FILE *out, const struct by_version *bv, const bool shown[KIND_COUNT])
{
	heading(out, bv, false);
	fputc('\n', out);
	text_table(out, bv, shown, false);
	fprintf(out, "\nchange in bytes per instance against the version before\n");
	text_table(out, bv, shown, true);
	fputc('\n', out);
	comparison_note(out, bv, false);
	paragraph(out, "- = the kind does not exist in that version. Each column is the model's "
	          "figure; slotexplore --batch --python-version X.Y prints it alone.", false);
	return ferror(out) ? -1 : 0;
}

static int write_csv(FILE *out, const struct by_version *bv, const bool shown[KIND_COUNT])
{
	const struct model_setting *s = &bv->setting;
	char values[VALUE_LIST_TEXT];
	value_list_format(&s->values, values, sizeof values);
	fprintf(out, "python_version,free_threaded,compared_with,abi,attrs,instances,values,"
	        "accounting,kind,available,per_instance,change,total,saturated\n");
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!shown[k])
			continue;
		for (int c = 0; c < bv->ncols; c++) {
			const struct by_version_cell *x = &bv->cell[c][k];
			int d = bv->compared_with[c];
			fprintf(out, "%s,%d,%s,%s,%u,%" PRIu64 ",", bv->col[c]->version,
			        bv->col[c]->free_threaded, d >= 0 ? bv->col[d]->version : "",
			        abi_name(s->abi), s->attrs, s->instances);
			report_csv_field(out, values);
			fprintf(out, ",%s,%s,%d,", accounting_name(bv->accounting),
			        kind_info((enum kind)k)->name, x->available);
			if (x->available)
				fprintf(out, "%" PRIu64, x->per_instance);
			fputc(',', out);
			if (x->has_change)
				fprintf(out, "%" PRId64, x->change);
			fputc(',', out);
			if (x->available)
				fprintf(out, "%" PRIu64, x->total);
			fprintf(out, ",%d\n", x->saturated);
		}
	}
	return ferror(out) ? -1 : 0;
}

static json_t *json_u64(uint64_t v)
{
	return json_integer(v > (uint64_t)INT64_MAX ? INT64_MAX : (json_int_t)v);
}

static int write_json(FILE *out, const struct by_version *bv, const bool shown[KIND_COUNT])
{
	const struct model_setting *s = &bv->setting;
	char values[VALUE_LIST_TEXT];
	value_list_format(&s->values, values, sizeof values);
	json_t *root = json_object();
	json_object_set_new(root, "slotexplore", json_string(PACKAGE_VERSION));
	json_object_set_new(root, "abi", json_string(abi_name(s->abi)));
	json_object_set_new(root, "attrs", json_integer(s->attrs));
	json_object_set_new(root, "instances", json_u64(s->instances));
	json_object_set_new(root, "values", json_string(values));
	json_object_set_new(root, "accounting", json_string(accounting_name(bv->accounting)));
	json_t *versions = json_array();
	for (int c = 0; c < bv->ncols; c++) {
		json_t *v = json_object();
		int d = bv->compared_with[c];
		json_object_set_new(v, "python_version", json_string(bv->col[c]->version));
		json_object_set_new(v, "free_threaded", json_boolean(bv->col[c]->free_threaded));
		json_object_set_new(v, "evidence", json_string(bv->col[c]->abi[s->abi].evidence));
		json_object_set_new(v, "compared_with", d >= 0 ? json_string(bv->col[d]->version)
		                                               : json_null());
		json_array_append_new(versions, v);
	}
	json_object_set_new(root, "versions", versions);
	json_t *kinds = json_array();
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!shown[k])
			continue;
		json_t *o = json_object(), *cells = json_array();
		json_object_set_new(o, "kind", json_string(kind_info((enum kind)k)->name));
		for (int c = 0; c < bv->ncols; c++) {
			const struct by_version_cell *x = &bv->cell[c][k];
			json_t *cell = json_object();
			json_object_set_new(cell, "python_version", json_string(bv->col[c]->version));
			json_object_set_new(cell, "available", json_boolean(x->available));
			if (x->available) {
				json_object_set_new(cell, "per_instance", json_u64(x->per_instance));
				json_object_set_new(cell, "total", json_u64(x->total));
				json_object_set_new(cell, "saturated", json_boolean(x->saturated));
			}
			json_object_set_new(cell, "change", x->has_change ? json_integer(x->change)
			                                                  : json_null());
			json_array_append_new(cells, cell);
		}
		json_object_set_new(o, "cells", cells);
		json_array_append_new(kinds, o);
	}
	json_object_set_new(root, "kinds", kinds);
	if (bv->left_out)
		json_object_set_new(root, "left_out", json_string(bv->left_out_names));
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (rc == 0)
		fputc('\n', out);
	return rc != 0 || ferror(out) ? -1 : 0;
}

static int write_markdown(FILE *out, const struct by_version *bv, const bool shown[KIND_COUNT])
{
	heading(out, bv, true);
	fprintf(out, "\n| kind |");
	for (int c = 0; c < bv->ncols; c++)
		fprintf(out, " %s |", bv->col[c]->version);
	fprintf(out, "\n|---|");
	for (int c = 0; c < bv->ncols; c++)
		fprintf(out, "---:|");
	fputc('\n', out);
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!shown[k])
			continue;
		fprintf(out, "| %s |", kind_info((enum kind)k)->name);
		for (int c = 0; c < bv->ncols; c++) {
			const struct by_version_cell *x = &bv->cell[c][k];
			char num[32], change[32];
			if (!x->available) {
				fprintf(out, " - |");
				continue;
			}
			format_grouped(x->per_instance, num, sizeof num);
			by_version_change_text(bv, c, (enum kind)k, change, sizeof change);
			fprintf(out, change[0] ? " %s (%s) |" : " %s |", num, change);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
	comparison_note(out, bv, true);
	return ferror(out) ? -1 : 0;
}

int by_version_write(FILE *out, const struct by_version *bv, const bool shown[KIND_COUNT],
                     enum report_format f)
{
	switch (f) {
	case FORMAT_CSV: return write_csv(out, bv, shown);
	case FORMAT_JSON: return write_json(out, bv, shown);
	case FORMAT_MARKDOWN: return write_markdown(out, bv, shown);
	default: return write_text(out, bv, shown);
	}
}
