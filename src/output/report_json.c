#include "config.h"

#include "output/report_internal.h"

#include <jansson.h>
#include <stdint.h>
#include <string.h>

/* JSON integers are signed 64-bit here: saturated totals clamp to 2^63-1
 * and carry "saturated": true. */
static json_t *json_bytes(uint64_t v)
{
	return json_integer(v > (uint64_t)INT64_MAX ? INT64_MAX : (json_int_t)v);
}

static json_t *breakdown_object(const struct report *r, const struct kind_result *kr,
                                enum accounting a)
{
	json_t *o = json_object();
	for (int p = 0; p < PART_COUNT; p++)
		json_object_set_new(o, part_name((enum part)p), json_bytes(kr->part[a][p]));
	unsigned n;
	const struct value_row *rows = report_value_rows(r, kr->kind, a, &n);
	if (!model_values_per_attribute(r->setting))
		return o;
	/* values that differ per attribute: the value objects, attribute by attribute */
	json_t *arr = json_array();
	for (unsigned i = 0; i < n; i++) {
		json_t *row = json_object();
		char label[128], spec[64];
		report_value_row_label(&rows[i], label, sizeof label);
		*strchr(label, ' ') = '\0';
		value_spec_format(&rows[i].spec, spec, sizeof spec);
		json_object_set_new(row, "attributes", json_string(label));
		json_object_set_new(row, "first", json_integer(rows[i].first));
		json_object_set_new(row, "count", json_integer(rows[i].count));
		json_object_set_new(row, "value", json_string(spec));
		json_object_set_new(row, "bytes", json_bytes(rows[i].bytes));
		json_array_append_new(arr, row);
	}
	json_object_set_new(o, "value_objects_by_attribute", arr);
	return o;
}

static json_t *kind_object(const struct report *r, enum kind k, enum accounting acc)
{
	const struct model_eval *e = r->eval;
	const struct kind_result *kr = &e->kinds[k];
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string(kind_info(k)->name));
	json_object_set_new(o, "available", json_boolean(kr->available));
	if (!kr->available) {
		json_object_set_new(o, "reason", json_string(kr->unavailable));
		return o;
	}
	for (int a = 0; a < ACC_COUNT; a++)
		json_object_set_new(o, accounting_name((enum accounting)a), json_bytes(kr->fig[a]));
	json_object_set_new(o, "allocated_estimate", json_boolean(kr->estimate));
	json_object_set_new(o, "per_class", json_bytes(kr->per_class_getsizeof));
	json_object_set_new(o, "per_class_shared_keys", json_bytes(kr->per_class_keys));
	if (kind_info(k)->family == FAMILY_REGULAR) {
		json_object_set_new(o, "dict_getsizeof", json_bytes(kr->dict_getsizeof));
		json_object_set_new(o, "values_capacity", json_integer(kr->capacity));
		json_object_set_new(o, "overflow", json_boolean(kr->overflow));
	}
	if (kind_info(k)->inheritance) {
		const struct model_split *sp = &kr->split;
		json_t *sj = json_object();
		json_object_set_new(sj, "base_attrs", json_integer(sp->base_attrs));
		json_object_set_new(sj, "slot_attrs", json_integer(sp->slot_attrs));
		json_object_set_new(sj, "dict_attrs", json_integer(sp->dict_attrs));
		json_object_set_new(sj, "unused_slots", json_integer(sp->unused_slots));
		json_object_set_new(sj, "has_dict", json_boolean(sp->dict));
		json_object_set_new(sj, "base_class", json_bytes(kr->base_class_getsizeof));
		json_object_set_new(o, "split", sj);
	}
	json_object_set_new(o, "first_instance_requested", json_bytes(kr->first_requested));
	for (int a = 0; a < ACC_COUNT; a++) {
		char key[32];
		snprintf(key, sizeof key, "total_%s", accounting_name((enum accounting)a));
		json_object_set_new(o, key, json_bytes(kr->total[a]));
	}
	json_object_set_new(o, "total", json_bytes(kr->total[acc]));
	json_object_set_new(o, "saturated", json_boolean(kr->saturated));
	json_t *bd = json_object();
	for (int a = 0; a < ACC_COUNT; a++)
		json_object_set_new(bd, accounting_name((enum accounting)a),
		                    breakdown_object(r, kr, (enum accounting)a));
	json_object_set_new(o, "breakdown", bd);
	return o;
}

static int dump(FILE *out, json_t *root)
{
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (rc == 0)
		fputc('\n', out);
	return rc != 0 || ferror(out) ? -1 : 0;
}

int report_json(FILE *out, const struct report *r)
{
	const struct model_setting *s = r->setting;
	char values[VALUE_LIST_TEXT];
	value_list_format(&s->values, values, sizeof values);
	json_t *root = json_object();
	json_object_set_new(root, "slotexplore", json_string(PACKAGE_VERSION));
	json_object_set_new(root, "python_version", json_string(s->profile->version));
	json_object_set_new(root, "free_threaded", json_boolean(s->profile->free_threaded));
	json_object_set_new(root, "allocator", json_string(s->profile->allocator == ALLOC_MIMALLOC
	                                                   ? "mimalloc" : "pymalloc"));
	json_object_set_new(root, "abi", json_string(abi_name(s->abi)));
	json_object_set_new(root, "evidence", json_string(s->profile->abi[s->abi].evidence));
	json_object_set_new(root, "attrs", json_integer(s->attrs));
	json_object_set_new(root, "instances", json_bytes(s->instances));
	json_object_set_new(root, "values", json_string(values));
	if (s->values.n > 1) {   /* a value per attribute: the list, entry by entry */
		json_t *list = json_array();
		for (unsigned i = 0; i < s->values.n; i++) {
			char one[64];
			value_spec_format(&s->values.item[i], one, sizeof one);
			json_array_append_new(list, json_string(one));
		}
		json_object_set_new(root, "value_list", list);
		json_object_set_new(root, "value_list_repeats_last", json_boolean(s->values.repeat_last));
	}
	json_object_set_new(root, "accounting", json_string(accounting_name(r->accounting)));
	if (r->profile_note)
		json_object_set_new(root, "note", json_string(r->profile_note));
	json_t *ctr = json_object();
	json_object_set_new(ctr, "capacity", json_bytes(r->eval->container.capacity));
	json_object_set_new(ctr, "getsizeof", json_bytes(r->eval->container.getsizeof));
	json_object_set_new(ctr, "requested", json_bytes(r->eval->container.requested));
	json_object_set_new(ctr, "allocated", json_bytes(r->eval->container.allocated));
	json_object_set_new(root, "container", ctr);
	json_t *kinds = json_array();
	for (int k = 0; k < KIND_COUNT; k++)
		if (r->shown[k])
			json_array_append_new(kinds, kind_object(r, (enum kind)k, r->accounting));
	json_object_set_new(root, "kinds", kinds);
	return dump(out, root);
}

int seed_report_json(FILE *out, const struct seed_report *s, enum abi abi)
{
	json_t *root = json_object();
	json_object_set_new(root, "python_version", json_string(s->version));
	json_object_set_new(root, "abi", json_string(abi_name(abi)));
	json_t *rows = json_array();
	for (int i = 0; i < SEED_ROW_COUNT; i++) {
		const struct seed_figure *f = &s->row[i];
		json_t *o = json_object();
		json_object_set_new(o, "row", json_string(f->label));
		json_object_set_new(o, "kind", json_string(kind_info(f->kind)->name));
		json_object_set_new(o, "paper", json_bytes(f->paper));
		json_object_set_new(o, "available", json_boolean(f->available));
		if (f->available) {
			json_object_set_new(o, "ours", json_bytes(f->ours));
			json_object_set_new(o, "match", json_boolean(f->ours == f->paper));
			json_object_set_new(o, "steady_requested", json_bytes(f->steady_requested));
			json_object_set_new(o, "steady_allocated", json_bytes(f->steady_allocated));
		}
		json_array_append_new(rows, o);
	}
	json_object_set_new(root, "rows", rows);
	return dump(out, root);
}

int seed_report_csv(FILE *out, const struct seed_report *s, enum abi abi)
{
	fprintf(out, "python_version,abi,row,kind,paper,ours,match,steady_requested,steady_allocated\n");
	for (int i = 0; i < SEED_ROW_COUNT; i++) {
		const struct seed_figure *f = &s->row[i];
		fprintf(out, "%s,%s,\"%s\",%s,%llu,", s->version, abi_name(abi), f->label,
		        kind_info(f->kind)->name, (unsigned long long)f->paper);
		if (f->available)
			fprintf(out, "%llu,%d,%llu,%llu\n", (unsigned long long)f->ours, f->ours == f->paper,
			        (unsigned long long)f->steady_requested,
			        (unsigned long long)f->steady_allocated);
		else
			fprintf(out, ",,,\n");
	}
	return ferror(out) ? -1 : 0;
}
