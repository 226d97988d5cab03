#include "config.h"

#include "core/verify.h"

#include <stdio.h>
#include <string.h>


static void add_cell(struct verify_result *r, const char *field, uint64_t model,
                     const char *measured)
{
	char expect[32];
	snprintf(expect, sizeof expect, "%llu", (unsigned long long)model);
	bool match = strcmp(expect, measured) == 0;
	if (!match)
		r->mismatches++;
	if (r->ncells == VERIFY_MAX_CELLS)
		return;
	struct verify_cell *c = &r->cell[r->ncells++];
	snprintf(c->field, sizeof c->field, "%s", field);
	c->model = model;
	snprintf(c->measured, sizeof c->measured, "%s", measured);
	c->match = match;
}

/* Compares `field` if the record has it (and it is not "-"). */
static void compare(struct verify_result *r, const struct probe_record *rec, const char *field,
                    uint64_t model)
{
	const char *v = probe_field(rec, field);
	if (v && strcmp(v, "-") != 0)
		add_cell(r, field, model, v);
}

/* The probe's block (the address step between consecutive instances) is the
 * allocator's block size when an instance is one block, owns no values and
 * is built without temporaries of its own size: the kinds whose
 * constructor takes one argument list. mimalloc hands a freed temporary's
 * block out only later, so cls(*values) would step over it. */
static bool block_is_comparable(enum kind k, const struct value_list *l, unsigned attrs,
                                const struct kind_result *kr)
{
	bool simple = k == KIND_REGULAR || k == KIND_REGULAR_EXTERNAL || k == KIND_SLOTS ||
	              k == KIND_SLOTS_WEAKREF;
	bool owns_values = false;
	for (unsigned i = 0; i < l->n && i < attrs; i++) {
		const struct value_spec *v = &l->item[i];
		owns_values |= !v->shared && (v->type == VALUE_INT || v->type == VALUE_FLOAT ||
		                              v->type == VALUE_STR);
	}
	return simple && !owns_values && kr->blocks == 1 && !kr->object_block_estimate;
}

static bool bad(char *err, size_t errlen, const char *what, const char *value)
{
	snprintf(err, errlen, "%s '%.60s'", what, value ? value : "(missing)");
	return false;
}

bool verify_record(const struct probe_record *rec, const struct profile *pr, enum abi abi,
                   struct verify_result *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (rec->verb != PROBE_MEASURE && rec->verb != PROBE_WARMUP && rec->verb != PROBE_UNSUPPORTED)
		return bad(err, errlen, "not a measurement:", rec->verb == PROBE_ERROR
		           ? rec->error_text : probe_verb_name(rec->verb));
	const char *kname = probe_field(rec, "kind");
	enum kind k = kname ? kind_from_name(kname) : KIND_COUNT;
	if (k == KIND_COUNT)
		return bad(err, errlen, "unknown kind", kname);
	uint64_t attrs;
	if (!probe_field_u64(rec, "attrs", &attrs) || attrs > MODEL_MAX_ATTRS)
		return bad(err, errlen, "bad attrs", probe_field(rec, "attrs"));
	const char *vtext = probe_field(rec, "values");
	struct value_list values;
	char why[300];
	if (!vtext || !value_list_parse(vtext, &values, why, sizeof why) ||
	    !value_list_covers(&values, (unsigned)attrs))
		return bad(err, errlen, "bad values", vtext);

	out->kind = k;
	out->attrs = (unsigned)attrs;
	snprintf(out->values, sizeof out->values, "%s", vtext);

	struct model_setting s = {
		.profile = pr, .abi = abi, .attrs = (unsigned)attrs, .instances = 1000,
		.values = values, .name_len = 0,
	};
	/* an inheritance kind's split, as the probe made it (base=K) */
	uint64_t base;
	if (probe_field(rec, "base")) {
		if (!probe_field_u64(rec, "base", &base) || base > attrs)
			return bad(err, errlen, "bad base", probe_field(rec, "base"));
		s.base_given = true;
		s.base_attrs = (unsigned)base;
	}
	/* The record names the interpreter's ABI; a profile lacking it has no
	 * constants to model with (the fuzzer found round_up by zero). */
	if (!model_setting_check(&s, err, errlen))
		return false;
	struct container ctr;
	model_container(&s, &ctr);
	struct kind_result kr;
	model_evaluate(&s, k, &ctr, &kr);

	if (rec->verb == PROBE_UNSUPPORTED || !kr.available) {
		add_cell(out, "available", kr.available, rec->verb == PROBE_UNSUPPORTED ? "0" : "1");
		return true;
	}
	if (rec->verb == PROBE_WARMUP) {
		const char *list = probe_field(rec, "requested");
		uint64_t got[256];
		int n = list ? probe_parse_u64_list(list, got, 256) : -1;
		if (n < 0)
			return bad(err, errlen, "bad warmup list", list);
		for (int i = 0; i < n; i++) {
			uint64_t want = model_instance_requested(&s, k, (uint64_t)i);
			if (want != got[i]) {
				char label[32], measured[32];
				snprintf(label, sizeof label, "warmup[%d]", i);
				snprintf(measured, sizeof measured, "%llu", (unsigned long long)got[i]);
				add_cell(out, label, want, measured);
			}
		}
		if (out->mismatches == 0) {
			char count[16];
			snprintf(count, sizeof count, "%d", n);
			add_cell(out, "warmup instances", (uint64_t)n, count);
		}
		return true;
	}
	compare(out, rec, "getsizeof", kr.fig[ACC_GETSIZEOF]);
	compare(out, rec, "requested", kr.fig[ACC_REQUESTED]);
	compare(out, rec, "allocated", kr.fig[ACC_ALLOCATED]);
	compare(out, rec, "deep", kr.fig[ACC_DEEP]);
	compare(out, rec, "per_class", kr.per_class_getsizeof);
	compare(out, rec, "base_per_class", kr.base_class_getsizeof);
	compare(out, rec, "per_class_keys", kr.per_class_keys);
	if (kind_info(k)->family == FAMILY_REGULAR)
		compare(out, rec, "dict_getsizeof", kr.dict_getsizeof);
	if (block_is_comparable(k, &values, (unsigned)attrs, &kr))
		compare(out, rec, "block", kr.object_block);
	if (probe_field(rec, "per_class_keys_allocated")) {
		bool est = false;
		compare(out, rec, "per_class_keys_allocated",
		        model_block_allocated(pr, abi, kr.per_class_keys, &est));
	}
	return true;
}
