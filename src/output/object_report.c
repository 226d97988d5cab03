#include "config.h"

#include "output/object_report.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/units.h"
#include "output/wrap.h"

/* "User can take __slots__ as it is." */
static void verdict_sentence(const struct object_judgement *j, char *out, size_t n)
{
	const char *name = j->probe->name;
	switch (j->verdict) {
	case VERDICT_CANDIDATE: snprintf(out, n, "%s can take __slots__ as it is.", name); break;
	case VERDICT_BLOCKED:
		snprintf(out, n, "%s could take __slots__ once the points below change.", name);
		break;
	case VERDICT_UNKNOWN:
		snprintf(out, n, "%s sets attributes that are not fixed: __slots__ would break it.", name);
		break;
	case VERDICT_SLOTTED: snprintf(out, n, "%s is already compact.", name); break;
	default: snprintf(out, n, "%s: __slots__ does not apply.", name); break;
	}
}

static const char *verdict_words(const struct object_judgement *j)
{
	switch (j->verdict) {
	case VERDICT_CANDIDATE: return "can take __slots__ as it is";
	case VERDICT_BLOCKED: return "could take __slots__ once something else changes";
	case VERDICT_UNKNOWN: return "its attributes are not fixed";
	case VERDICT_SLOTTED: return "already compact";
	default: return "not applicable";
	}
}

static const struct object_row *best_row(const struct object_judgement *j)
{
	return j->partial ? &j->partial_row : &j->alt[j->best];
}

static void signed_bytes(int64_t v, char *out, size_t n)
{
	char b[32];
	format_grouped((uint64_t)(v < 0 ? -v : v), b, sizeof b);
	snprintf(out, n, "%s%s B", v < 0 ? "-" : "", b);
}

static void signed_human(int64_t v, char *out, size_t n)
{
	char b[32];
	format_bytes_human((uint64_t)(v < 0 ? -v : v), b, sizeof b);
	snprintf(out, n, "%s%s", v < 0 ? "-" : "", b);
}

void object_report_summary(const struct object_judgement *j, enum accounting acc, char *out,
                           size_t n)
{
	const struct object_probe_result *r = j->probe;
	const struct object_row *b = best_row(j);
	char now[32], then[32], save[64];
	format_grouped(j->real.fig[acc == ACC_DEEP ? ACC_REQUESTED : acc], now, sizeof now);
	if (j->verdict == VERDICT_SLOTTED || !b->modelled) {
		snprintf(out, n, "%s: %s, %s B per instance (%s); %s", r->name, kind_info(j->real.kind)->name,
		         now, accounting_name(acc == ACC_DEEP ? ACC_REQUESTED : acc), verdict_words(j));
		return;
	}
	format_grouped(b->fig[acc == ACC_DEEP ? ACC_REQUESTED : acc], then, sizeof then);
	signed_bytes(b->saving[acc == ACC_DEEP ? ACC_REQUESTED : acc], save, sizeof save);
	snprintf(out, n, "%s: %s, %s B per instance (%s); %s %s B, saves %s%s", r->name,
	         kind_info(j->real.kind)->name, now, accounting_name(acc == ACC_DEEP ? ACC_REQUESTED : acc),
	         j->partial ? "__slots__ here alone" : b->label, then, save,
	         b->measured && b->match_requested && j->real.measured ? " (measured)" : "");
}

/* "144 / 144 ✓", "144 / 146.2 ≠", "144" (model alone), "—" */
static void pair(const struct object_row *row, enum accounting a, char *out, size_t n)
{
	if (!row->modelled) {
		snprintf(out, n, "-");
		return;
	}
	char m[28];
	format_grouped(row->fig[a], m, sizeof m);
	if (a == ACC_ALLOCATED || !row->measured || (a == ACC_REQUESTED && !row->has_requested)) {
		snprintf(out, n, "%s", m);
		return;
	}
	char got[28];
	bool ok;
	if (a == ACC_GETSIZEOF) {
		format_grouped(row->measured_getsizeof, got, sizeof got);
		ok = row->match_getsizeof;
	} else {
		if (row->measured_exact)
			format_grouped((uint64_t)(row->measured_requested + 0.5), got, sizeof got);
		else
			snprintf(got, sizeof got, "~%.1f", row->measured_requested);
		ok = row->match_requested;
		if (!row->measured_exact) {   /* a mean: shown, not compared */
			snprintf(out, n, "%s/%s", m, got);
			return;
		}
	}
	snprintf(out, n, "%s/%s %s", m, got, ok ? "ok" : "!=");
}

static void attr_line(FILE *out, const struct object_attr *a, const struct object_judgement *j)
{
	char size[32], own[64] = "shared";
	format_grouped(a->getsizeof, size, sizeof size);
	if (a->owned) {
		char b[32];
		format_grouped(a->owned_bytes, b, sizeof b);
		snprintf(own, sizeof own, "owned, %s B requested", b);
	}
	static const char *const where[] = { "dict", "slot", "item" };
	fprintf(out, "  %-16.40s %-12.40s %7s B  in a %-4s  %s\n", a->name, a->type, size,
	        where[a->where], j->probe->nattrs ? own : "");
}

static void write_text(FILE *out, const struct object_report *rep)
{
	const struct object_judgement *j = rep->judgement;
	const struct object_probe_result *r = j->probe;
	enum accounting acc = rep->accounting == ACC_DEEP ? ACC_REQUESTED : rep->accounting;
	static char line[8192];
	char b1[48], b2[48];
	snprintf(line, sizeof line, "%s (module %s), %u attribute%s, from %s", r->name, r->module,
	         r->nattrs, r->nattrs == 1 ? "" : "s", rep->spec);
	write_wrapped(out, line, 0, 78);
	if (j->measured_here)
		snprintf(line, sizeof line, "CPython %s %s, measured with %s", rep->interp->version,
		         abi_name(j->abi), rep->interp->path);
	else
		snprintf(line, sizeof line, "The model alone for CPython %s %s: the instances were "
		         "read with %s %s, another version, so no measured figures are shown.",
		         j->profile->version, abi_name(j->abi), rep->interp->path, rep->interp->version);
	write_wrapped(out, line, 0, 78);
	snprintf(line, sizeof line, "Layout: %s; the model's kind %s%s.", j->layout,
	         kind_info(j->real.kind)->name, j->real_exact ? "" : " (the nearest)");
	write_wrapped(out, line, 0, 78);
	fprintf(out, "\nAttributes (one instance)\n");
	for (unsigned i = 0; i < r->nattrs; i++)
		attr_line(out, &r->attrs[i], j);
	format_grouped(j->owned_requested, b1, sizeof b1);
	format_grouped(j->owned_allocated, b2, sizeof b2);
	if (j->owned_requested)
		snprintf(line, sizeof line, "Values owned by each instance: %s B requested, %s B "
		         "allocated. They cost the same in every layout; shared values are not "
		         "counted.", b1, b2);
	else
		snprintf(line, sizeof line, "Every value is shared with other instances (the same "
		         "object in a second instance): none is counted per instance.");
	write_wrapped(out, line, 2, 78);
	fprintf(out, "\nPer instance, owned values included%s\n",
	        j->measured_here ? " (model/measured, ok when equal)" : " (the model's)");
	fprintf(out, "  %-18s %-13s %-15s %9s  %s\n", "", "getsizeof", "requested", "allocated",
	        "saving");
	const struct object_row *rows[ALT_COUNT + 2];
	unsigned nrows = 0;
	rows[nrows++] = &j->real;
	for (int a = 0; a < ALT_COUNT; a++)
		rows[nrows++] = &j->alt[a];
	if (j->partial)
		rows[nrows++] = &j->partial_row;
	for (unsigned i = 0; i < nrows; i++) {
		const struct object_row *row = rows[i];
		char g[64], q[64], al[64], save[64] = "";
		pair(row, ACC_GETSIZEOF, g, sizeof g);
		pair(row, ACC_REQUESTED, q, sizeof q);
		pair(row, ACC_ALLOCATED, al, sizeof al);
		if (i && row->modelled) {
			signed_bytes(row->saving[acc], save, sizeof save);
			if (j->real.fig[acc] && row->saving[acc])
				snprintf(save + strlen(save), sizeof save - strlen(save), " (%.0f%%)",
				         100.0 * (double)row->saving[acc] / (double)j->real.fig[acc]);
		}
		if (!row->modelled)
			snprintf(save, sizeof save, "%.40s", row->why_not);
		fprintf(out, "  %-18s %-13s %-15s %9s  %s\n", row->label, g, q, al, save);
		if (row->unsupported[0])
			fprintf(out, "  %-18s (not built: %s)\n", "", row->unsupported);
	}
	const struct object_row *b = best_row(j);
	if (b->modelled && j->verdict != VERDICT_SLOTTED) {
		char per[64], all[64], n[32];
		signed_bytes(b->saving[acc], per, sizeof per);
		signed_human(object_total_saving(j, b, acc), all, sizeof all);
		format_grouped(j->instances, n, sizeof n);
		bool checked = b->measured && b->match_requested && j->real.measured && j->real.match_requested;
		const char *how = checked ? "; the requested bytes were measured, not only modelled" : "";
		bool costs = b->saving[acc] < 0;
		if (costs) {
			signed_bytes(-b->saving[acc], per, sizeof per);
			signed_human(-object_total_saving(j, b, acc), all, sizeof all);
		}
		bool sure = j->verdict == VERDICT_CANDIDATE;
		const char *would = sure ? "" : " would";
		const char *verb = costs ? (sure ? "costs" : "cost") : (sure ? "saves" : "save");
		if (j->partial)
			snprintf(line, sizeof line, "With __slots__ on this class alone (its base keeps the "
			         "__dict__), it%s %s %s per instance, %s for %s instances (%s)%s.", would,
			         verb, per, all, n, accounting_name(acc), how);
		else
			snprintf(line, sizeof line, "Laid out %s, it%s %s %s per instance, %s for %s "
			         "instances (%s)%s.", b->label, would, verb, per, all, n,
			         accounting_name(acc), how);
		if (costs) {   /* "cost 304 B more" */
			char *p = strstr(line, " per instance");
			if (p) {
				memmove(p + 5, p, strlen(p) + 1);
				memcpy(p, " more", 5);
			}
		}
		fputc('\n', out);
		write_wrapped(out, line, 0, 78);
	}
	char verdict[400];
	verdict_sentence(j, verdict, sizeof verdict);
	snprintf(line, sizeof line, "Verdict: %s", verdict);
	fputc('\n', out);
	write_wrapped(out, line, 0, 78);
	for (unsigned i = 0; i < j->nreasons; i++) {
		snprintf(line, sizeof line, "- %s", j->reasons[i]);
		write_wrapped(out, line, 2, 76);
	}
	for (unsigned i = 0; i < j->nnotes; i++) {
		snprintf(line, sizeof line, "note: %s", j->notes[i]);
		write_wrapped(out, line, 2, 76);
	}
	fputc('\n', out);
	if (j->measured_here && r->picked) {
		format_grouped(r->measure.count, b1, sizeof b1);
		snprintf(line, sizeof line, "How it was counted: the %s instances of %s that the "
		         "workload's result reaches; getsizeof is sys.getsizeof of one, requested and "
		         "allocated are the model's (the workload's bytes are not this class's alone), "
		         "and the alternatives were built with one instance's values and measured "
		         "with tracemalloc. Model against measured: %u figures, %u mismatch%s.",
		         b1, r->name, j->compared, j->mismatches, j->mismatches == 1 ? "" : "es");
	} else if (j->measured_here) {
		format_grouped(r->measure.count, b1, sizeof b1);
		snprintf(line, sizeof line, "How it was counted: getsizeof is sys.getsizeof of an "
		         "instance; requested is tracemalloc's bytes per instance over %s instances "
		         "built by the expression (the alternatives: over batches built with the "
		         "sample's own values, to which the owned values' bytes are added); allocated "
		         "is the model's, after %s. Model against measured: %u figures, %u mismatch%s.",
		         b1, allocator_description(j->profile), j->compared, j->mismatches,
		         j->mismatches == 1 ? "" : "es");
	} else {
		snprintf(line, sizeof line, "How it was counted: every figure is the model's for "
		         "CPython %s, with the attributes and the owned values' bytes the probe found "
		         "on %s.", j->profile->version, rep->interp->version);
	}
	write_wrapped(out, line, 0, 78);
	if (r->measure.has_deep && j->measured_here) {
		format_grouped(r->measure.deep, b1, sizeof b1);
		snprintf(line, sizeof line, "Deep size (the seed paper's recursive getsizeof, shared "
		         "values and key strings included): %s B, measured only.", b1);
		write_wrapped(out, line, 0, 78);
	}
}

static void csv_row(FILE *out, const struct object_report *rep, const struct object_row *row,
                    const char *role)
{
	const struct object_judgement *j = rep->judgement;
	report_csv_quoted(out, j->probe->name);
	fputc(',', out);
	report_csv_quoted(out, role);
	fputc(',', out);
	report_csv_quoted(out, row->label);
	fprintf(out, ",%s,%s,", kind_info(row->kind)->name, row->modelled ? "1" : "0");
	if (row->modelled)
		fprintf(out, "%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",", row->fig[ACC_GETSIZEOF],
		        row->fig[ACC_REQUESTED], row->fig[ACC_ALLOCATED]);
	else
		fputs(",,,", out);
	if (row->measured && row->has_requested)
		fprintf(out, "%" PRIu64 ",%.3f,", row->measured_getsizeof, row->measured_requested);
	else if (row->measured)
		fprintf(out, "%" PRIu64 ",,", row->measured_getsizeof);
	else
		fputs(",,", out);
	enum accounting acc = rep->accounting == ACC_DEEP ? ACC_REQUESTED : rep->accounting;
	if (row->modelled && row != &j->real)
		fprintf(out, "%" PRId64 ",%" PRId64 "\n", row->saving[acc], object_total_saving(j, row, acc));
	else
		fputs(",\n", out);
}

static void write_csv(FILE *out, const struct object_report *rep)
{
	const struct object_judgement *j = rep->judgement;
	fputs("class,role,layout,kind,modelled,model_getsizeof,model_requested,model_allocated,"
	      "measured_getsizeof,measured_requested,saving_per_instance,saving_total\n", out);
	csv_row(out, rep, &j->real, "real");
	for (int a = 0; a < ALT_COUNT; a++)
		csv_row(out, rep, &j->alt[a], "alternative");
	if (j->partial)
		csv_row(out, rep, &j->partial_row, "slots-here-only");
}

static json_t *json_row(const struct object_report *rep, const struct object_row *row)
{
	const struct object_judgement *j = rep->judgement;
	json_t *o = json_object();
	json_object_set_new(o, "layout", json_string(row->label));
	json_object_set_new(o, "kind", json_string(kind_info(row->kind)->name));
	json_object_set_new(o, "modelled", json_boolean(row->modelled));
	if (!row->modelled)
		json_object_set_new(o, "not_modelled", json_string(row->why_not));
	json_t *model = json_object();
	for (int a = 0; a < ACC_COUNT && row->modelled; a++)
		if (a != ACC_DEEP)
			json_object_set_new(model, accounting_name((enum accounting)a), json_integer((json_int_t)row->fig[a]));
	json_object_set_new(o, "model", model);
	if (row->measured) {
		json_t *m = json_object();
		json_object_set_new(m, "getsizeof", json_integer((json_int_t)row->measured_getsizeof));
		json_object_set_new(m, "requested", row->has_requested ? json_real(row->measured_requested)
		                                                       : json_null());
		json_object_set_new(m, "getsizeof_matches", json_boolean(row->match_getsizeof));
		json_object_set_new(m, "requested_matches", json_boolean(row->match_requested));
		json_object_set_new(o, "measured", m);
	} else {
		json_object_set_new(o, "measured", json_null());
	}
	if (row->unsupported[0])
		json_object_set_new(o, "not_built", json_string(row->unsupported));
	if (row != &j->real && row->modelled) {
		json_t *s = json_object();
		for (int a = 0; a < ACC_COUNT; a++)
			if (a != ACC_DEEP)
				json_object_set_new(s, accounting_name((enum accounting)a), json_integer(row->saving[a]));
		json_object_set_new(o, "saving_per_instance", s);
		enum accounting acc = rep->accounting == ACC_DEEP ? ACC_REQUESTED : rep->accounting;
		json_object_set_new(o, "saving_total", json_integer(object_total_saving(j, row, acc)));
	}
	return o;
}

static json_t *json_phrases(const char (*p)[SCAN_PHRASE], unsigned n)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < n; i++)
		json_array_append_new(a, json_string(p[i]));
	return a;
}

static int write_json(FILE *out, const struct object_report *rep)
{
	const struct object_judgement *j = rep->judgement;
	const struct object_probe_result *r = j->probe;
	json_t *root = json_object();
	json_object_set_new(root, "slotexplore", json_string(PACKAGE_VERSION));
	json_object_set_new(root, "object", json_string(rep->spec));
	json_t *py = json_object();
	json_object_set_new(py, "python", json_string(rep->interp->path));
	json_object_set_new(py, "version", json_string(rep->interp->version));
	json_object_set_new(root, "measured_by", py);
	json_t *model = json_object();
	json_object_set_new(model, "profile", json_string(j->profile->version));
	json_object_set_new(model, "abi", json_string(abi_name(j->abi)));
	json_object_set_new(model, "accounting", json_string(accounting_name(rep->accounting)));
	json_object_set_new(model, "instances", json_integer((json_int_t)j->instances));
	json_object_set_new(model, "measured_here", json_boolean(j->measured_here));
	json_object_set_new(root, "model", model);
	json_t *cls = json_object();
	json_object_set_new(cls, "name", json_string(r->name));
	json_object_set_new(cls, "module", json_string(r->module));
	json_object_set_new(cls, "layout", json_string(j->layout));
	json_object_set_new(cls, "kind", json_string(kind_info(j->real.kind)->name));
	json_object_set_new(cls, "exactly_modelled", json_boolean(j->real_exact));
	json_object_set_new(cls, "dataclass", json_boolean(r->dataclass));
	json_object_set_new(cls, "namedtuple", json_boolean(r->namedtuple));
	json_object_set_new(cls, "samples_have_same_attributes", json_boolean(r->same_attrs));
	json_t *mro = json_array();
	for (unsigned i = 0; i < r->nmro; i++) {
		json_t *m = json_object();
		json_object_set_new(m, "name", json_string(r->mro[i].name));
		json_object_set_new(m, "module", json_string(r->mro[i].module));
		json_t *slots = json_array();
		for (unsigned s = 0; r->mro[i].has_slots && s < r->mro[i].slots.n; s++)
			json_array_append_new(slots, json_string(r->mro[i].slots.item[s]));
		json_object_set_new(m, "slots", r->mro[i].has_slots ? slots : (json_decref(slots), json_null()));
		json_object_set_new(m, "dict", json_boolean(r->mro[i].dict));
		json_object_set_new(m, "weakref", json_boolean(r->mro[i].weakref));
		json_object_set_new(m, "dataclass", json_boolean(r->mro[i].dataclass));
		json_array_append_new(mro, m);
	}
	json_object_set_new(cls, "mro", mro);
	json_object_set_new(root, "class", cls);
	json_t *attrs = json_array();
	static const char *const where[] = { "dict", "slot", "item" };
	for (unsigned i = 0; i < r->nattrs; i++) {
		const struct object_attr *a = &r->attrs[i];
		json_t *o = json_object();
		json_object_set_new(o, "name", json_string(a->name));
		json_object_set_new(o, "type", json_string(a->type));
		json_object_set_new(o, "where", json_string(where[a->where]));
		json_object_set_new(o, "getsizeof", json_integer((json_int_t)a->getsizeof));
		json_object_set_new(o, "deep", json_integer((json_int_t)a->deep));
		json_object_set_new(o, "owned", json_boolean(a->owned));
		json_object_set_new(o, "owned_requested", json_integer((json_int_t)a->owned_bytes));
		json_array_append_new(attrs, o);
	}
	json_object_set_new(root, "attributes", attrs);
	json_object_set_new(root, "owned_values_requested", json_integer((json_int_t)j->owned_requested));
	json_object_set_new(root, "owned_values_allocated", json_integer((json_int_t)j->owned_allocated));
	json_object_set_new(root, "as_it_is", json_row(rep, &j->real));
	json_t *alts = json_array();
	for (int a = 0; a < ALT_COUNT; a++)
		json_array_append_new(alts, json_row(rep, &j->alt[a]));
	json_object_set_new(root, "alternatives", alts);
	json_object_set_new(root, "slots_here_only", j->partial ? json_row(rep, &j->partial_row)
	                                                        : json_null());
	json_object_set_new(root, "verdict", json_string(scan_verdict_name(j->verdict)));
	json_object_set_new(root, "reasons", json_phrases((const char (*)[SCAN_PHRASE])j->reasons, j->nreasons));
	json_object_set_new(root, "notes", json_phrases((const char (*)[SCAN_PHRASE])j->notes, j->nnotes));
	json_t *check = json_object();
	json_object_set_new(check, "compared", json_integer(j->compared));
	json_object_set_new(check, "mismatches", json_integer(j->mismatches));
	json_object_set_new(check, "instances_measured", json_integer((json_int_t)r->measure.count));
	if (r->measure.has_deep)
		json_object_set_new(check, "deep_measured", json_integer((json_int_t)r->measure.deep));
	json_object_set_new(root, "check", check);
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	json_decref(root);
	fputc('\n', out);
	return rc;
}

static void md_row(FILE *out, const struct object_report *rep, const struct object_row *row)
{
	const struct object_judgement *j = rep->judgement;
	enum accounting acc = rep->accounting == ACC_DEEP ? ACC_REQUESTED : rep->accounting;
	char g[64], q[64], al[64], save[64] = "";
	pair(row, ACC_GETSIZEOF, g, sizeof g);
	pair(row, ACC_REQUESTED, q, sizeof q);
	pair(row, ACC_ALLOCATED, al, sizeof al);
	if (row != &j->real && row->modelled)
		signed_bytes(row->saving[acc], save, sizeof save);
	fputs("| ", out);
	report_markdown_cell(out, row->label);
	fprintf(out, " | %s | %s | %s | %s | %s |\n", kind_info(row->kind)->name, g, q, al,
	        row->modelled ? save : "not modelled");
}

static void write_markdown(FILE *out, const struct object_report *rep)
{
	const struct object_judgement *j = rep->judgement;
	const struct object_probe_result *r = j->probe;
	fputs("## ", out);
	report_markdown_cell(out, r->name);
	fputs(" (", out);
	report_markdown_cell(out, rep->spec);
	fprintf(out, ")\n\n%s CPython %s %s. Layout: ", j->measured_here ? "Measured on"
	        : "The model alone for", j->profile->version, abi_name(j->abi));
	report_markdown_cell(out, j->layout);
	fputs(".\n\n| attribute | type | getsizeof | owned |\n|---|---|---:|---|\n", out);
	for (unsigned i = 0; i < r->nattrs; i++) {
		fputs("| ", out);
		report_markdown_cell(out, r->attrs[i].name);
		fputs(" | ", out);
		report_markdown_cell(out, r->attrs[i].type);
		fprintf(out, " | %" PRIu64 " | %s |\n", r->attrs[i].getsizeof, r->attrs[i].owned ? "yes" : "shared");
	}
	fprintf(out, "\nPer instance, owned values included (%s; saving in %s bytes):\n\n",
	        j->measured_here ? "model/measured" : "the model's",
	        accounting_name(rep->accounting == ACC_DEEP ? ACC_REQUESTED : rep->accounting));
	fputs("| layout | kind | getsizeof | requested | allocated | saving |\n"
	      "|---|---|---:|---:|---:|---:|\n", out);
	md_row(out, rep, &j->real);
	for (int a = 0; a < ALT_COUNT; a++)
		md_row(out, rep, &j->alt[a]);
	if (j->partial)
		md_row(out, rep, &j->partial_row);
	char verdict[400];
	verdict_sentence(j, verdict, sizeof verdict);
	fprintf(out, "\n**Verdict:** ");
	report_markdown_cell(out, verdict);
	fputc('\n', out);
	for (unsigned i = 0; i < j->nreasons; i++) {
		fputs("\n- ", out);
		report_markdown_cell(out, j->reasons[i]);
	}
	for (unsigned i = 0; i < j->nnotes; i++) {
		fputs("\n- note: ", out);
		report_markdown_cell(out, j->notes[i]);
	}
	if (j->measured_here)
		fprintf(out, "\n\nModel against measured: %u figures, %u mismatches.\n", j->compared,
		        j->mismatches);
	else
		fputc('\n', out);
}

int object_report_write(FILE *out, const struct object_report *r, enum report_format f)
{
	switch (f) {
	case FORMAT_CSV: write_csv(out, r); break;
	case FORMAT_JSON:
		if (write_json(out, r) != 0)
			return -1;
		break;
	case FORMAT_MARKDOWN: write_markdown(out, r); break;
	default: write_text(out, r); break;
	}
	return ferror(out) ? -1 : 0;
}
