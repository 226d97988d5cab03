#include "config.h"

#include "output/report_internal.h"
#include "output/wrap.h"

#include <string.h>

#include "core/units.h"

static void how_counted(FILE *out, const struct seed_report *s, const struct seed_figure *f)
{
	char line[512];
	size_t used = 0;
#define ADD(...) (used += (size_t)snprintf(line + used, used < sizeof line ? sizeof line - used : 0, __VA_ARGS__))
	char obj[32], dict[32], vals[32], keys[32], list[32], n[32];
	format_grouped(f->obj, obj, sizeof obj);
	format_grouped(f->dict, dict, sizeof dict);
	format_grouped(f->values, vals, sizeof vals);
	format_grouped(f->keys, keys, sizeof keys);
	format_grouped(f->list, list, sizeof list);
	format_grouped(s->list_instances, n, sizeof n);
	bool has_dict = kind_info(f->kind)->family == FAMILY_REGULAR;
	if (!f->is_list) {
		ADD("deep size of the class's first instance: getsizeof(obj) %s", obj);
		if (has_dict)
			ADD(" + getsizeof(__dict__) %s (%u reserved slots)", dict, f->dict_capacity);
		ADD(" + 5 ints %s", vals);
		if (has_dict)
			ADD(" + 5 key strings %s", keys);
	} else {
		char cap[32];
		format_grouped(s->steady.container.capacity, cap, sizeof cap);
		ADD("deep size of the list: list %s (%s slots) + %s x (%s", list, cap, n, obj);
		if (has_dict)
			ADD(" + __dict__ %s", dict);
		ADD(") + ints %s once", vals);
		if (has_dict)
			ADD(" + key strings %s once", keys);
	}
#undef ADD
	write_wrapped(out, line, 6, 78);
}

int seed_report_text(FILE *out, const struct seed_report *s, enum abi abi)
{
	fprintf(out, "The seed paper's figures recomputed by the model for CPython %s %s\n", s->version,
	        abi_name(abi));
	fprintf(out, "(paper: python-numbers-everyone-should-know, measured on CPython 3.14.2 arm64;\n"
	             " 5 attributes named a..e holding the small ints 1..5, counted with a recursive\n"
	             " sys.getsizeof walk that counts each shared object once per call)\n\n");
	fprintf(out, "%-26s %12s %12s\n", "row", "paper", "ours");
	for (int i = 0; i < SEED_ROW_COUNT; i++) {
		const struct seed_figure *f = &s->row[i];
		if (!f->available) {
			fprintf(out, "%-26s %12s %12s   %s\n", f->label, f->paper_text, "-",
			            s->steady.kinds[f->kind].unavailable);
			continue;
		}
		char ours[32];
		format_bytes_paper(f->ours, ours, sizeof ours);
		fprintf(out, "%-26s %12s %12s   %s\n", f->label, f->paper_text, ours,
		        f->ours == f->paper ? "same" : "differs");
		how_counted(out, s, f);
	}
	const struct seed_figure *r = &s->row[SEED_REGULAR], *sl = &s->row[SEED_SLOTS];
	const struct seed_figure *lr = &s->row[SEED_LIST_REGULAR], *ls = &s->row[SEED_LIST_SLOTS];
	char single[16], scale[16];
	format_change_percent(r->ours, sl->ours, single, sizeof single);
	format_change_percent(lr->ours, ls->ours, scale, sizeof scale);
	fprintf(out, "\nsavings: one instance %s (paper -69%%), 1,000 instances %s (paper -52%%)\n",
	        single, scale);

	const struct kind_result *reg = &s->steady.kinds[KIND_REGULAR];
	char first_dict[32], steady_dict[32];
	format_grouped(r->dict, first_dict, sizeof first_dict);
	format_grouped(reg->dict_getsizeof, steady_dict, sizeof steady_dict);
	fprintf(out, "\nWhy the single-instance figures mislead:\n"
	             "  - getsizeof(obj.__dict__) charges one pointer per slot the class's shared keys\n"
	             "    still reserve: %s bytes for a class's first instance, %s once the class\n"
	             "    has settled. 694 is a first-instance figure.\n"
	             "  - the 5 key strings and the 5 small ints are shared by every instance; the deep\n"
	             "    walk counts them once, so they are not a per-instance cost.\n"
	             "  - reading obj.__dict__ to measure it creates the dict (3.11+: one more 64-byte\n"
	             "    block per instance).\n"
	             "  - the paper's access timings time a closure call, not the attribute access.\n",
	        first_dict, steady_dict);

	fprintf(out, "\nSteady state, what one instance really costs (bytes requested / allocated):\n");
	static const enum kind honest[] = { KIND_REGULAR, KIND_SLOTS, KIND_DATACLASS,
	                                    KIND_DATACLASS_SLOTS, KIND_NAMEDTUPLE };
	for (size_t i = 0; i < sizeof honest / sizeof honest[0]; i++) {
		const struct kind_result *k = &s->steady.kinds[honest[i]];
		if (!k->available) {
			fprintf(out, "  %-18s %s\n", kind_info(honest[i])->name, k->unavailable);
			continue;
		}
		fprintf(out, "  %-18s %5llu / %-5llu  getsizeof says %llu\n", kind_info(honest[i])->name,
		        (unsigned long long)k->fig[ACC_REQUESTED], (unsigned long long)k->fig[ACC_ALLOCATED],
		        (unsigned long long)k->fig[ACC_GETSIZEOF]);
	}
	const struct kind_result *ks = &s->steady.kinds[KIND_SLOTS];
	char tr[32], ts[32], pct[16];
	format_bytes_human(reg->total[ACC_ALLOCATED], tr, sizeof tr);
	format_bytes_human(ks->total[ACC_ALLOCATED], ts, sizeof ts);
	format_change_percent(reg->total[ACC_ALLOCATED], ks->total[ACC_ALLOCATED], pct, sizeof pct);
	fprintf(out, "  1,000 instances in a list, with the class and the list, allocated:\n"
	             "  regular %s, slots %s: %s\n", tr, ts, pct);
	return ferror(out) ? -1 : 0;
}
