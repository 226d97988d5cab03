#include "config.h"

#include "output/report.h"

#include <string.h>

#include "core/units.h"
#include "output/report_internal.h"
#include "output/wrap.h"

static void cell_bytes(char *buf, size_t n, uint64_t v)
{
	format_grouped(v, buf, n);
}

/* The value objects attribute by attribute, when the attributes' values differ. */
static void write_value_rows(FILE *out, const struct report *r, const struct kind_result *k)
{
	unsigned n;
	const struct value_row *rows = report_value_rows(r, k->kind, r->accounting, &n);
	if (n == 0 || k->part[r->accounting][PART_VALUE_OBJECTS] == 0)
		return;
	static char line[MODEL_VALUE_ROWS * 96];
	size_t used = (size_t)snprintf(line, sizeof line, "value objects by attribute: ");
	for (unsigned i = 0; i < n && used < sizeof line; i++) {
		char label[128], num[32];
		report_value_row_label(&rows[i], label, sizeof label);
		cell_bytes(num, sizeof num, rows[i].bytes);
		used += (size_t)snprintf(line + used, sizeof line - used, "%s%s %s", i ? " + " : "",
		                         label, num);
	}
	write_wrapped(out, line, 6, 78);
}

static void write_breakdown(FILE *out, const struct report *r, const struct kind_result *k)
{
	enum accounting a = r->accounting;
	char line[512], total[32];
	size_t used = 0;
	for (int p = 0; p < PART_COUNT; p++) {
		if (!model_part_listed(k, a, (enum part)p))
			continue;
		char num[32];
		cell_bytes(num, sizeof num, k->part[a][p]);
		used += (size_t)snprintf(line + used, sizeof line - used, "%s%s %s%s", used ? " + " : "",
		                         part_label_for(k->kind, (enum part)p), num,
		                         p == PART_GC_HEADER && k->no_gc_header ? " (none: free-threaded)"
		                                                                : "");
		if (used >= sizeof line)
			break;
	}
	if (!used)
		snprintf(line, sizeof line, "nothing: the object is shared");
	cell_bytes(total, sizeof total, k->fig[a]);
	fprintf(out, "  %s = %s bytes%s\n", kind_info(k->kind)->name, total,
	        k->shared_singleton ? " (the shared empty tuple)" : "");
	write_wrapped(out, line, 6, 78);
	write_value_rows(out, r, k);
	if (kind_info(k->kind)->inheritance) {
		const struct model_split *sp = &k->split;
		snprintf(line, sizeof line, "split: %u of the attributes in the base; %u in slots, %u in "
		         "the dict%s, %u unused slot pointer%s", sp->base_attrs, sp->slot_attrs,
		         sp->dict_attrs, sp->dict ? "" : " (none)", sp->unused_slots,
		         sp->unused_slots == 1 ? "" : "s");
		write_wrapped(out, line, 6, 78);
	}
}

int report_text(FILE *out, const struct report *r)
{
	const struct model_setting *s = r->setting;
	const struct model_eval *e = r->eval;
	enum accounting acc = r->accounting;
	char values[VALUE_LIST_TEXT + 64], m[32], attrs[32];
	value_list_describe(&s->values, s->attrs, values, sizeof values);
	format_grouped(s->instances, m, sizeof m);
	format_grouped(s->attrs, attrs, sizeof attrs);

	fprintf(out, "CPython %s %s (%s%s), %s attribute%s, %s instance%s\nvalues: %s\n",
	        s->profile->version, abi_name(s->abi),
	        s->profile->free_threaded ? "free-threaded build, mimalloc; " : "",
	        s->profile->abi[s->abi].evidence, attrs,
	        s->attrs == 1 ? "" : "s", m, s->instances == 1 ? "" : "s", values);
	if (r->profile_note)
		fprintf(out, "note: %s\n", r->profile_note);

	/* columns as wide as their widest figure, so big ones never run together */
	static const char *const head[5] = { "getsizeof", "requested", "allocated", "deep",
		                                 "per class" };
	static const int min_width[5] = { 11, 11, 11, 10, 11 };
	char cell[KIND_COUNT][5][32];
	int width[5];
	for (int c = 0; c < 5; c++)
		width[c] = min_width[c];
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_result *kr = &e->kinds[k];
		if (!r->shown[k] || !kr->available)
			continue;
		cell_bytes(cell[k][0], sizeof cell[k][0], kr->fig[ACC_GETSIZEOF]);
		cell_bytes(cell[k][1], sizeof cell[k][1], kr->fig[ACC_REQUESTED]);
		cell_bytes(cell[k][2], sizeof cell[k][2], kr->fig[ACC_ALLOCATED]);
		cell_bytes(cell[k][3], sizeof cell[k][3], kr->fig[ACC_DEEP]);
		if (kind_info((enum kind)k)->has_class)
			cell_bytes(cell[k][4], sizeof cell[k][4], kr->per_class_getsizeof);
		else
			snprintf(cell[k][4], sizeof cell[k][4], "-");
		for (int c = 0; c < 5; c++) {
			int w = (int)strlen(cell[k][c]) + 1;   /* a space (or the * mark) before it */
			if (w > width[c])
				width[c] = w;
		}
	}
	fprintf(out, "\n%-24s%*s%*s%*s %*s%*s\n", "per instance, bytes", width[0], head[0], width[1],
	        head[1], width[2], head[2], width[3], head[3], width[4], head[4]);
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!r->shown[k])
			continue;
		const struct kind_result *kr = &e->kinds[k];
		if (!kr->available) {
			fprintf(out, "%-24s  %s\n", kind_info((enum kind)k)->name, kr->unavailable);
			continue;
		}
		fprintf(out, "%-24s%*s%*s%*s%s%*s%*s\n", kind_info((enum kind)k)->name, width[0],
		        cell[k][0], width[1], cell[k][1], width[2], cell[k][2], kr->estimate ? "*" : " ",
		        width[3], cell[k][3], width[4], cell[k][4]);
	}

	fprintf(out, "\n%s instance%s in a list, in %s bytes:\n", m, s->instances == 1 ? "" : "s",
	        accounting_name(acc));
	fprintf(out, "%-24s%12s %13s  %s\n", "kind", "total", "per instance", "vs regular");
	const struct kind_result *base = &e->kinds[KIND_REGULAR];
	bool any_saturated = false;
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!r->shown[k] || !e->kinds[k].available)
			continue;
		const struct kind_result *kr = &e->kinds[k];
		char human[32], avg[32], pct[32], delta[40];
		format_bytes_human(kr->total[acc], human, sizeof human);
		/* a saturated total says nothing per instance; nor does a comparison
		 * with one */
		if (kr->saturated)
			snprintf(avg, sizeof avg, "-");
		else
			format_grouped(kr->total[acc] / s->instances, avg, sizeof avg);
		if (k == KIND_REGULAR) {
			snprintf(pct, sizeof pct, "baseline");
			delta[0] = '\0';
		} else if (kr->saturated || base->saturated || !base->available) {
			snprintf(pct, sizeof pct, "-");
			delta[0] = '\0';
		} else {
			format_change_percent(base->total[acc], kr->total[acc], pct, sizeof pct);
			char num[32];
			uint64_t a = base->total[acc], b = kr->total[acc];
			format_bytes_human(a > b ? a - b : b - a, num, sizeof num);
			snprintf(delta, sizeof delta, " (%s%s)", a > b ? "-" : "+", num);
		}
		any_saturated |= kr->saturated;
		fprintf(out, "%-24s%s%11s %13s  %s%s\n", kind_info((enum kind)k)->name,
		        kr->saturated ? ">" : " ", human, avg, pct, delta);
	}

	char cap[32];
	format_grouped(e->container.capacity, cap, sizeof cap);
	if (r->breakdown) {
		fprintf(out, "\nbreakdown of one steady-state instance, %s bytes:\n", accounting_name(acc));
		for (int k = 0; k < KIND_COUNT; k++)
			if (r->shown[k] && e->kinds[k].available)
				write_breakdown(out, r, &e->kinds[k]);
	}

	char footer[1024];
	snprintf(footer, sizeof footer,
	         "getsizeof = sys.getsizeof(obj); requested = bytes asked of the allocator "
	         "(what tracemalloc counts); allocated = after %s; deep = the seed paper's recursive "
	         "getsizeof; per class = getsizeof(cls), including the shared keys. Totals add the "
	         "list (%s slots, as a list comprehension grows it) and, for requested and "
	         "allocated, one class object; the first instances of a regular class carry spare "
	         "slots and are counted one by one.", allocator_description(s->profile), cap);
	fputc('\n', out);
	write_wrapped(out, footer, 0, 78);
	if (acc == ACC_DEEP)
		write_wrapped(out, "deep: a deep walk of one instance counts the key strings and shared "
		              "values with it; the totals count each shared object once, so their "
		              "per-instance column is below the deep figure above.", 0, 78);
	if (any_saturated)
		fprintf(out, "> = the total exceeds 2^64-1 bytes and is shown saturated.\n");
	return ferror(out) ? -1 : 0;
}
