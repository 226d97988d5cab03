#include "config.h"

#include "core/seed.h"

#include <string.h>

#define SEED_ATTRS 5
#define SEED_LIST 1000

static const struct {
	const char *label;
	enum kind kind;
	bool is_list;
	uint64_t paper;
	const char *text;
} paper[SEED_ROW_COUNT] = {
	[SEED_REGULAR] = { "Regular class (5 attrs)", KIND_REGULAR, false, 694, "694 bytes" },
	[SEED_SLOTS] = { "__slots__ class", KIND_SLOTS, false, 212, "212 bytes" },
	[SEED_DATACLASS] = { "dataclass", KIND_DATACLASS, false, 694, "694 bytes" },
	[SEED_DATACLASS_SLOTS] = { "@dataclass(slots=True)", KIND_DATACLASS_SLOTS, false, 212,
	                           "212 bytes" },
	[SEED_NAMEDTUPLE] = { "namedtuple", KIND_NAMEDTUPLE, false, 228, "228 bytes" },
	[SEED_LIST_REGULAR] = { "List of 1,000 regular", KIND_REGULAR, true, 169206, "165.2 KB" },
	[SEED_LIST_SLOTS] = { "List of 1,000 __slots__", KIND_SLOTS, true, 80996, "79.1 KB" },
};

void seed_setting(const struct profile *pr, enum abi abi, struct model_setting *out)
{
	memset(out, 0, sizeof *out);
	out->profile = pr;
	out->abi = abi;
	out->attrs = SEED_ATTRS;
	out->instances = 1;
	value_list_single(&out->values, &(struct value_spec){ .type = VALUE_SMALLINT, .shared = true });
	out->name_len = 1;
}

void seed_compute(const struct profile *pr, enum abi abi, struct seed_report *out)
{
	memset(out, 0, sizeof *out);
	memcpy(out->version, pr->version, sizeof out->version);
	out->list_instances = SEED_LIST;

	struct model_setting one, list;
	seed_setting(pr, abi, &one);
	list = one;
	list.instances = SEED_LIST;
	struct model_eval single;
	model_evaluate_all(&one, &single);
	model_evaluate_all(&list, &out->steady);

	for (int i = 0; i < SEED_ROW_COUNT; i++) {
		struct seed_figure *f = &out->row[i];
		f->label = paper[i].label;
		f->kind = paper[i].kind;
		f->is_list = paper[i].is_list;
		f->paper = paper[i].paper;
		f->paper_text = paper[i].text;
		const struct kind_result *r1 = &single.kinds[f->kind];
		const struct kind_result *rl = &out->steady.kinds[f->kind];
		f->available = r1->available;
		if (!f->available)
			continue;
		f->obj = r1->fig[ACC_GETSIZEOF];
		f->keys = r1->part[ACC_DEEP][PART_KEY_STRINGS];
		f->values = r1->part[ACC_DEEP][PART_VALUE_OBJECTS];
		f->steady_requested = rl->fig[ACC_REQUESTED];
		f->steady_allocated = rl->fig[ACC_ALLOCATED];
		if (f->is_list) {
			f->ours = rl->total[ACC_DEEP];
			f->list = out->steady.container.getsizeof;
			f->dict = rl->dict_getsizeof;
		} else {
			/* the paper measured each class's first instance */
			f->ours = r1->first_deep;
			f->dict = r1->first_deep - f->obj - f->keys - f->values;
		}
		if (f->dict && pr->abi[abi].pointer)
			f->dict_capacity = (unsigned)((f->dict - pr->abi[abi].gc_header -
			                               pr->abi[abi].dict_object) / pr->abi[abi].pointer);
	}
}
