#include "config.h"

#include "output/scan_report.h"

#include <jansson.h>
#include <limits.h>
#include <string.h>

#include "output/wrap.h"

#define MAX_PHRASES 12

void scan_report_counts(const struct scan_result *r, unsigned counts[VERDICT_COUNT])
{
	memset(counts, 0, VERDICT_COUNT * sizeof counts[0]);
	for (size_t i = 0; i < r->nclasses; i++)
		if (r->classes[i].verdict < VERDICT_COUNT)
			counts[r->classes[i].verdict]++;
}

/* "a, b, c" (at most `most` names, then "..."), into out */
static void names(const struct scan_list *l, unsigned most, const char *quote, char *out, size_t n)
{
	out[0] = '\0';
	for (unsigned i = 0; i < l->n; i++) {
		size_t used = strlen(out);
		if (i == most || used + strlen(l->item[i]) + 12 >= n) {
			snprintf(out + used, n - used, ", ...");
			return;
		}
		snprintf(out + used, n - used, "%s%s%s%s", i ? ", " : "", quote, l->item[i], quote);
	}
}

/* The attributes of a class for the model: fields, stored through self,
 * the rest and (with_inherited) its bases', each once. */
static void all_attrs(const struct scan_class *c, bool with_inherited, struct scan_list *out,
                      char **store, unsigned cap)
{
	const struct scan_list *lists[] = { &c->fields, &c->attrs, &c->extra, &c->inherited };
	out->n = 0;
	out->item = store;
	for (int i = 0; i < (with_inherited ? 4 : 3); i++)
		for (unsigned j = 0; j < lists[i]->n && out->n < cap; j++) {
			bool seen = false;
			for (unsigned k = 0; k < out->n && !seen; k++)
				seen = strcmp(out->item[k], lists[i]->item[j]) == 0;
			if (!seen)
				out->item[out->n++] = lists[i]->item[j];
		}
}

static const char *what_to_write(const struct scan_class *c)
{
	if (c->kind == SCAN_DATACLASS && !c->by_hand)
		return c->to == KIND_DATACLASS_SLOTS_WEAKREF ? "@dataclass(slots=True, weakref_slot=True)"
		                                             : "@dataclass(slots=True)";
	return "__slots__";
}

/* What the class is when it is already compact. */
static void compact_text(const struct scan_class *c, char *out, size_t n)
{
	char list[300];
	if (c->kind == SCAN_NAMEDTUPLE || c->kind == SCAN_TYPING_NAMEDTUPLE) {
		names(&c->fields, 8, "", list, sizeof list);
		snprintf(out, n, "a %s (%s): tuple items, no __dict__",
		         c->kind == SCAN_NAMEDTUPLE ? "collections.namedtuple" : "typing.NamedTuple",
		         c->fields.n ? list : "fields not literal");
	} else if (c->slots_state == 2) {
		snprintf(out, n, "__slots__ (not a literal)");
	} else if (c->slots_state == 1) {
		names(&c->slots, 8, "'", list, sizeof list);
		snprintf(out, n, "__slots__ = (%s%s)", list, c->slots.n == 1 ? "," : "");
	} else {
		snprintf(out, n, "@dataclass(slots=True)");
	}
}

/* The one line of text output, without FILE:LINE: */
static void class_message(const struct scan_report *r, const struct scan_class *c, char *out,
                          size_t n)
{
	char reasons[MAX_PHRASES][SCAN_PHRASE], notes[MAX_PHRASES][SCAN_PHRASE], list[400];
	static char what[MAX_PHRASES * (SCAN_PHRASE + 2)];
	unsigned nr = scan_reasons(c, reasons, MAX_PHRASES), nn = scan_notes(c, notes, MAX_PHRASES);
	char *store[64];
	struct scan_list attrs;
	all_attrs(c, false, &attrs, store, 64);
	names(&attrs, 8, "", list, sizeof list);
	if (c->inherited.n) {
		char from[300];
		names(&c->inherited, 6, "", from, sizeof from);
		snprintf(list + strlen(list), sizeof list - strlen(list), "%sfrom its bases: %s",
		         attrs.n ? "; " : "", from);
	}
	char count[800];
	snprintf(count, sizeof count, "%u attribute%s (%s)", c->nattrs, c->nattrs == 1 ? "" : "s", list);
	char saving[300] = "";
	if (c->modelled)
		snprintf(saving, sizeof saving, "%s would save %lld B per instance (%s %llu B, %s %llu B)",
		         what_to_write(c), (long long)c->saving, kind_info(c->from)->name,
		         (unsigned long long)c->from_bytes, kind_info(c->to)->name,
		         (unsigned long long)c->to_bytes);
	(void)r;
	switch (c->verdict) {
	case VERDICT_CANDIDATE:
		if (c->kind == SCAN_NAMEDTUPLE_SUBCLASS)
			snprintf(out, n, "%s: candidate: a namedtuple subclass without __slots__: "
			         "__slots__ = () drops each instance's __dict__ (not modelled)", c->name);
		else
			snprintf(out, n, "%s: candidate: %s; %s", c->name, count,
			         saving[0] ? saving : "no model figure for this setting");
		break;
	case VERDICT_BLOCKED:
		what[0] = '\0';
		for (unsigned i = 0; i < nr; i++)
			snprintf(what + strlen(what), sizeof what - strlen(what), "%s%s", i ? "; " : "",
			         reasons[i]);
		snprintf(out, n, "%s: cannot simply take __slots__: %s; %s%s%s", c->name, what, count,
		         saving[0] ? ": once that changes, " : "", saving);
		break;
	case VERDICT_UNKNOWN:
		what[0] = '\0';
		for (unsigned i = 0; i < nr; i++)
			snprintf(what + strlen(what), sizeof what - strlen(what), "%s%s", i ? "; " : "",
			         reasons[i]);
		snprintf(out, n, "%s: attributes cannot be determined: %s", c->name, what);
		break;
	case VERDICT_SLOTTED:
		compact_text(c, what, sizeof what);
		snprintf(out, n, "%s: already compact: %s", c->name, what);
		break;
	default:
		snprintf(out, n, "%s: not applicable: %s", c->name, nr ? reasons[0] : scan_kind_name(c->kind));
		break;
	}
	for (unsigned i = 0; i < nn; i++)
		snprintf(out + strlen(out), n - strlen(out), "; %s", notes[i]);
}

static void model_words(const struct scan_report *r, char *out, size_t n)
{
	snprintf(out, n, "%s bytes per instance, CPython %s profile (%s), values shared",
	         accounting_name(r->accounting), r->profile ? r->profile->version : "?",
	         abi_name(r->abi));
}

static void write_text(FILE *out, const struct scan_report *r)
{
	const struct scan_result *res = r->result;
	/* file errors and classes in file order, as the probe read them */
	for (size_t i = 0; i < res->nerrors; i++)
		fprintf(out, "%s:%u: %s (file skipped)\n", res->errors[i].file, res->errors[i].line,
		        res->errors[i].message);
	for (size_t i = 0; i < res->nclasses; i++) {
		static char msg[8192];
		class_message(r, &res->classes[i], msg, sizeof msg);
		fprintf(out, "%s:%u: %s\n", res->classes[i].file, res->classes[i].line, msg);
	}
	unsigned counts[VERDICT_COUNT];
	scan_report_counts(res, counts);
	char model[200];
	static char summary[PATH_MAX + 1200];
	model_words(r, model, sizeof model);
	snprintf(summary, sizeof summary, "Scanned %u file%s (%zu skipped), %zu class%s: %u "
	         "candidate%s, %u blocked, %u unknown, %u already compact, %u not applicable. "
	         "Figures: the model's %s. Parsed by CPython %s (%s); nothing was imported or run.",
	         res->files, res->files == 1 ? "" : "s", res->nerrors, res->nclasses,
	         res->nclasses == 1 ? "" : "es", counts[VERDICT_CANDIDATE],
	         counts[VERDICT_CANDIDATE] == 1 ? "" : "s", counts[VERDICT_BLOCKED],
	         counts[VERDICT_UNKNOWN], counts[VERDICT_SLOTTED], counts[VERDICT_NOT_APPLICABLE],
	         model, r->parser ? r->parser->version : "?", r->parser ? r->parser->path : "?");
	write_wrapped(out, summary, 0, 78);
}

static void csv_list(FILE *out, const struct scan_list *l)
{
	fputc('"', out);
	for (unsigned i = 0; i < l->n; i++) {
		if (i)
			fputc(' ', out);
		for (const char *s = l->item[i]; *s; s++) {
			if (*s == '"')
				fputc('"', out);
			fputc(*s, out);
		}
	}
	fputc('"', out);
}

static void csv_phrases(FILE *out, char (*p)[SCAN_PHRASE], unsigned n)
{
	char all[MAX_PHRASES * (SCAN_PHRASE + 2)] = "";
	for (unsigned i = 0; i < n; i++)
		snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? "; " : "", p[i]);
	report_csv_quoted(out, all);
}

static void write_csv(FILE *out, const struct scan_report *r)
{
	const struct scan_result *res = r->result;
	fprintf(out, "file,line,class,kind,verdict,attributes,names,from_kind,from_bytes,to_kind,"
	        "to_bytes,saving,accounting,profile,abi,reasons,notes\n");
	for (size_t i = 0; i < res->nerrors; i++) {
		report_csv_quoted(out, res->errors[i].file);
		fprintf(out, ",%u,,,unparsed,,,,,,,,,,,", res->errors[i].line);
		report_csv_quoted(out, res->errors[i].message);
		fprintf(out, ",\n");
	}
	for (size_t i = 0; i < res->nclasses; i++) {
		const struct scan_class *c = &res->classes[i];
		char reasons[MAX_PHRASES][SCAN_PHRASE], notes[MAX_PHRASES][SCAN_PHRASE];
		unsigned nr = scan_reasons(c, reasons, MAX_PHRASES), nn = scan_notes(c, notes, MAX_PHRASES);
		char *store[4096];
		struct scan_list attrs;
		all_attrs(c, true, &attrs, store, 4096);
		report_csv_quoted(out, c->file);
		fprintf(out, ",%u,", c->line);
		report_csv_quoted(out, c->name);
		fprintf(out, ",%s,%s,%u,", scan_kind_name(c->kind), scan_verdict_name(c->verdict), c->nattrs);
		csv_list(out, &attrs);
		if (c->modelled)
			fprintf(out, ",%s,%llu,%s,%llu,%lld,", kind_info(c->from)->name,
			        (unsigned long long)c->from_bytes, kind_info(c->to)->name,
			        (unsigned long long)c->to_bytes, (long long)c->saving);
		else
			fprintf(out, ",,,,,,");
		fprintf(out, "%s,%s,%s,", accounting_name(r->accounting),
		        r->profile ? r->profile->version : "", abi_name(r->abi));
		csv_phrases(out, reasons, nr);
		fputc(',', out);
		csv_phrases(out, notes, nn);
		fputc('\n', out);
	}
}

json_t *scan_report_json_model(const struct profile *pr, enum abi abi, enum accounting acc)
{
	json_t *model = json_object();
	json_object_set_new(model, "profile", json_string(pr ? pr->version : ""));
	json_object_set_new(model, "abi", json_string(abi_name(abi)));
	json_object_set_new(model, "accounting", json_string(accounting_name(acc)));
	json_object_set_new(model, "values", json_string("none,shared"));
	return model;
}

json_t *scan_report_json_list(const struct scan_list *l)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->item[i]));
	return a;
}

static json_t *json_phrases(char (*p)[SCAN_PHRASE], unsigned n)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < n; i++)
		json_array_append_new(a, json_string(p[i]));
	return a;
}

static json_t *json_bits(unsigned bits, bool module)
{
	static const char *const uses[] = { "vars", "dict", "dict-write", "setattr", "weakref", "alias",
	                                    "getattr-hook", "fields-unknown" };
	static const char *const muses[] = { "vars", "dict", "setattr", "weakref" };
	json_t *a = json_array();
	unsigned n = module ? 4 : 8;
	for (unsigned i = 0; i < n; i++)
		if (bits & (1u << i))
			json_array_append_new(a, json_string(module ? muses[i] : uses[i]));
	return a;
}

static int write_json(FILE *out, const struct scan_report *r)
{
	const struct scan_result *res = r->result;
	json_t *root = json_object();
	json_object_set_new(root, "slotexplore", json_string(PACKAGE_VERSION));
	json_t *paths = json_array();
	for (int i = 0; i < r->npaths; i++)
		json_array_append_new(paths, json_string(r->paths[i]));
	json_object_set_new(root, "scanned", paths);
	json_t *parser = json_object();
	json_object_set_new(parser, "python", json_string(r->parser ? r->parser->path : ""));
	json_object_set_new(parser, "version", json_string(r->parser ? r->parser->version : ""));
	json_object_set_new(root, "parsed_by", parser);
	json_object_set_new(root, "model", scan_report_json_model(r->profile, r->abi, r->accounting));
	json_object_set_new(root, "files", json_integer(res->files));
	unsigned counts[VERDICT_COUNT];
	scan_report_counts(res, counts);
	json_t *summary = json_object();
	for (int v = 0; v < VERDICT_COUNT; v++)
		json_object_set_new(summary, scan_verdict_name((enum scan_verdict)v), json_integer(counts[v]));
	json_object_set_new(summary, "unparsed", json_integer((json_int_t)res->nerrors));
	json_object_set_new(root, "summary", summary);
	json_t *classes = json_array();
	for (size_t i = 0; i < res->nclasses; i++) {
		const struct scan_class *c = &res->classes[i];
		char reasons[MAX_PHRASES][SCAN_PHRASE], notes[MAX_PHRASES][SCAN_PHRASE];
		unsigned nr = scan_reasons(c, reasons, MAX_PHRASES), nn = scan_notes(c, notes, MAX_PHRASES);
		json_t *o = json_object();
		json_object_set_new(o, "file", json_string(c->file));
		json_object_set_new(o, "line", json_integer(c->line));
		json_object_set_new(o, "name", json_string(c->name));
		json_object_set_new(o, "kind", json_string(scan_kind_name(c->kind)));
		json_object_set_new(o, "verdict", json_string(scan_verdict_name(c->verdict)));
		json_object_set_new(o, "dataclass_options", scan_report_json_list(&c->options));
		json_object_set_new(o, "slots", c->slots_state == 1 ? scan_report_json_list(&c->slots)
		                               : c->slots_state == 2 ? json_string("not a literal") : json_null());
		json_object_set_new(o, "static_attributes", scan_report_json_list(&c->attrs));
		json_object_set_new(o, "fields", scan_report_json_list(&c->fields));
		json_object_set_new(o, "other_attributes", scan_report_json_list(&c->extra));
		json_object_set_new(o, "inherited_attributes", scan_report_json_list(&c->inherited));
		json_object_set_new(o, "class_defaults", scan_report_json_list(&c->defaults));
		json_object_set_new(o, "attribute_count", json_integer(c->nattrs));
		json_object_set_new(o, "uses", json_bits(c->uses, false));
		json_object_set_new(o, "module_uses", json_bits(c->module_uses, true));
		json_object_set_new(o, "bases", scan_report_json_list(&c->bases));
		json_object_set_new(o, "unknown_bases", scan_report_json_list(&c->unknown_bases));
		json_object_set_new(o, "unslotted_bases", scan_report_json_list(&c->unslotted_bases));
		json_object_set_new(o, "subclasses", scan_report_json_list(&c->subclasses));
		json_object_set_new(o, "reasons", json_phrases(reasons, nr));
		json_object_set_new(o, "notes", json_phrases(notes, nn));
		if (c->modelled) {
			json_t *s = json_object();
			json_object_set_new(s, "from_kind", json_string(kind_info(c->from)->name));
			json_object_set_new(s, "from_bytes", json_integer((json_int_t)c->from_bytes));
			json_object_set_new(s, "to_kind", json_string(kind_info(c->to)->name));
			json_object_set_new(s, "to_bytes", json_integer((json_int_t)c->to_bytes));
			json_object_set_new(s, "per_instance", json_integer((json_int_t)c->saving));
			json_object_set_new(o, "saving", s);
		} else {
			json_object_set_new(o, "saving", json_null());
		}
		json_object_set_new(o, "truncated", json_boolean(c->truncated));
		json_array_append_new(classes, o);
	}
	json_object_set_new(root, "classes", classes);
	json_t *errors = json_array();
	for (size_t i = 0; i < res->nerrors; i++) {
		json_t *e = json_object();
		json_object_set_new(e, "file", json_string(res->errors[i].file));
		json_object_set_new(e, "line", json_integer(res->errors[i].line));
		json_object_set_new(e, "message", json_string(res->errors[i].message));
		json_array_append_new(errors, e);
	}
	json_object_set_new(root, "errors", errors);
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	fputc('\n', out);
	json_decref(root);
	return rc;
}

static void write_markdown(FILE *out, const struct scan_report *r)
{
	const struct scan_result *res = r->result;
	char model[200];
	model_words(r, model, sizeof model);
	fprintf(out, "# Which classes could take \\_\\_slots\\_\\_\n\n");
	fprintf(out, "Scanned: ");
	for (int i = 0; i < r->npaths; i++) {
		fprintf(out, "%s", i ? ", " : "");
		report_markdown_cell(out, r->paths[i]);
	}
	fprintf(out, ". Parsed by CPython ");
	report_markdown_cell(out, r->parser ? r->parser->version : "?");
	fprintf(out, " (nothing was imported or run). Figures: the model's ");
	report_markdown_cell(out, model);
	fprintf(out, ".\n\n| where | class | verdict | attributes | saving per instance | why |\n"
	        "|---|---|---|--:|--:|---|\n");
	for (size_t i = 0; i < res->nclasses; i++) {
		const struct scan_class *c = &res->classes[i];
		char reasons[MAX_PHRASES][SCAN_PHRASE], notes[MAX_PHRASES][SCAN_PHRASE], where[4200], msg[8192];
		unsigned nr = scan_reasons(c, reasons, MAX_PHRASES), nn = scan_notes(c, notes, MAX_PHRASES);
		snprintf(where, sizeof where, "%s:%u", c->file, c->line);
		fputs("| ", out);
		report_markdown_cell(out, where);
		fputs(" | ", out);
		report_markdown_cell(out, c->name);
		fprintf(out, " | %s | %u | ", scan_verdict_name(c->verdict), c->nattrs);
		if (c->modelled)
			fprintf(out, "%lld B (%s %llu B, %s %llu B)", (long long)c->saving,
			        kind_info(c->from)->name, (unsigned long long)c->from_bytes,
			        kind_info(c->to)->name, (unsigned long long)c->to_bytes);
		else
			fputs("-", out);
		fputs(" | ", out);
		msg[0] = '\0';
		for (unsigned k = 0; k < nr + nn; k++)
			snprintf(msg + strlen(msg), sizeof msg - strlen(msg), "%s%s", k ? "; " : "",
			         k < nr ? reasons[k] : notes[k - nr]);
		if (c->verdict == VERDICT_SLOTTED && !msg[0])
			compact_text(c, msg, sizeof msg);
		report_markdown_cell(out, msg);
		fputs(" |\n", out);
	}
	if (res->nerrors) {
		fprintf(out, "\nFiles skipped:\n\n");
		for (size_t i = 0; i < res->nerrors; i++) {
			char where[4200];
			snprintf(where, sizeof where, "%s:%u", res->errors[i].file, res->errors[i].line);
			fputs("- ", out);
			report_markdown_cell(out, where);
			fputs(": ", out);
			report_markdown_cell(out, res->errors[i].message);
			fputc('\n', out);
		}
	}
}

int scan_report_write(FILE *out, const struct scan_report *r, enum report_format f)
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
