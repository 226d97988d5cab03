#include "config.h"

#include "output/tradeoffs_report.h"

#include <jansson.h>
#include <string.h>

#include "output/wrap.h"

/* What an outcome means in words, beyond Python's message: the details the
 * script reports for operations that work with a catch. */
static const char *detail_words(enum tradeoff_op op, const char *detail)
{
	if (op == TOP_SUBCLASS && strcmp(detail, "dict") == 0)
		return "works, and its instances have a __dict__ (and __weakref__) again";
	if (op == TOP_SUBCLASS && strcmp(detail, "no-dict") == 0)
		return "works; its instances have no __dict__";
	if (op == TOP_CLASS_DEFAULT && strcmp(detail, "field-default") == 0)
		return "works as a field default (a0: object = 0)";
	if (op == TOP_CLASS_DEFAULT && strcmp(detail, "defaults-argument") == 0)
		return "works through namedtuple(..., defaults=[0])";
	if (op == TOP_SET_NAME && strcmp(detail, "2-calls") == 0)
		return "works, but is called twice: the decorator makes the class again";
	return NULL;
}

/* What `class Sub(C): pass` adds to each instance of a slotted kind C,
 * from the model: slots-subclass-dict with all N attributes in the base
 * (the dict and weakref pointers, and on 3.11+ what the managed dict
 * allocates with the object), against C's own instance. Only for the
 * kinds laid out as plain slots (slots, dataclass-slots), which that model
 * covers; false for the others or without a setting. */
struct subclass_cost {
	uint64_t kind_requested, sub_requested, kind_allocated, sub_allocated;
};

static bool subclass_cost(const struct tradeoffs_report *r, enum kind k, struct subclass_cost *sc)
{
	if (!r->setting || (k != KIND_SLOTS && k != KIND_DATACLASS_SLOTS))
		return false;
	struct model_setting s = *r->setting;
	s.base_given = true;
	s.base_attrs = s.attrs;
	struct container c;
	struct kind_result kr, sub;
	model_container(&s, &c);
	model_evaluate(&s, k, &c, &kr);
	model_evaluate(&s, KIND_SLOTS_SUBCLASS_DICT, &c, &sub);
	if (!kr.available || !sub.available)
		return false;
	sc->kind_requested = kr.fig[ACC_REQUESTED];
	sc->sub_requested = sub.fig[ACC_REQUESTED];
	sc->kind_allocated = kr.fig[ACC_ALLOCATED];
	sc->sub_allocated = sub.fig[ACC_ALLOCATED];
	return true;
}

/* The outcome as one sentence: Python's "Error: message", our own check's
 * message alone, or why it does not apply. */
static void outcome_text(const struct tradeoffs_report *r, enum kind k, enum tradeoff_op op,
                         const struct tradeoff_outcome *o, char *buf, size_t n)
{
	const char *words = o->detail[0] ? detail_words(op, o->detail) : NULL;
	struct subclass_cost sc;
	if (o->result == TRADEOFF_OK && op == TOP_SUBCLASS && strcmp(o->detail, "dict") == 0 &&
	    subclass_cost(r, k, &sc))
		snprintf(buf, n, "%s: +%llu bytes per instance requested, +%llu allocated (%llu "
		         "against %llu with %u attribute%s, by the model: slots-subclass-dict)", words,
		         (unsigned long long)(sc.sub_requested - sc.kind_requested),
		         (unsigned long long)(sc.sub_allocated - sc.kind_allocated),
		         (unsigned long long)sc.sub_requested, (unsigned long long)sc.kind_requested,
		         r->setting->attrs, r->setting->attrs == 1 ? "" : "s");
	else if (o->result == TRADEOFF_OK)
		snprintf(buf, n, "%s", words ? words : "");
	else if (o->result == TRADEOFF_NA)
		snprintf(buf, n, "does not apply: %s", o->message);
	else if (strcmp(o->error, "AssertionError") == 0)   /* the script's own check */
		snprintf(buf, n, "%s", o->message);
	else
		snprintf(buf, n, "%s: %s", o->error, o->message);
}

static const char *mark(enum tradeoff_result r, bool utf8)
{
	switch (r) {
	case TRADEOFF_OK: return utf8 ? "\u2713" : "ok";
	case TRADEOFF_FAIL: return utf8 ? "\u2717" : "NO";
	default: return utf8 ? "\u2013" : "--";
	}
}

static const char *result_name(enum tradeoff_result r)
{
	return r == TRADEOFF_OK ? "ok" : r == TRADEOFF_FAIL ? "fail" : r == TRADEOFF_NA ? "na" : "?";
}

static void write_text(FILE *out, const struct tradeoffs_report *r)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!r->shown[k] || !r->table->have[k])
			continue;
		char head[400];
		snprintf(head, sizeof head, "What %s can and cannot do, %s:", kind_info((enum kind)k)->name,
		         r->table->source);
		write_wrapped(out, head, 0, 78);
		for (int op = 0; op < TOP_COUNT; op++) {
			const struct tradeoff_outcome *o = &r->table->outcome[k][op];
			char text[600];
			outcome_text(r, (enum kind)k, (enum tradeoff_op)op, o, text, sizeof text);
			fprintf(out, "  %s %s\n", mark(o->result, r->utf8),
			        tradeoff_op_description((enum tradeoff_op)op));
			if (text[0])
				write_wrapped(out, text, 6, 72);
		}
		fputc('\n', out);
	}
}

static void write_csv(FILE *out, const struct tradeoffs_report *r)
{
	fprintf(out, "python_version,machine,live,kind,op,result,error,detail,message\n");
	for (int k = 0; k < KIND_COUNT; k++)
		for (int op = 0; r->shown[k] && r->table->have[k] && op < TOP_COUNT; op++) {
			const struct tradeoff_outcome *o = &r->table->outcome[k][op];
			fprintf(out, "%s,%s,%d,%s,%s,%s,", r->table->interp.version, r->table->machine,
			        r->table->live, kind_info((enum kind)k)->name,
			        tradeoff_op_name((enum tradeoff_op)op), result_name(o->result));
			report_csv_quoted(out, o->error);
			fputc(',', out);
			report_csv_quoted(out, o->detail);
			fputc(',', out);
			report_csv_quoted(out, o->message);
			fputc('\n', out);
		}
}

static int write_json(FILE *out, const struct tradeoffs_report *r)
{
	json_t *root = json_object(), *kinds = json_array();
	json_object_set_new(root, "slotexplore", json_string(PACKAGE_VERSION));
	json_t *on = json_object();
	json_object_set_new(on, "python_version", json_string(r->table->interp.version));
	json_object_set_new(on, "machine", json_string(r->table->machine));
	json_object_set_new(on, "free_threaded", json_boolean(r->table->interp.free_threaded));
	json_object_set_new(on, "live", json_boolean(r->table->live));
	json_object_set_new(on, "source", json_string(r->table->source));
	json_object_set_new(root, "measured_on", on);
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!r->shown[k] || !r->table->have[k])
			continue;
		json_t *ko = json_object(), *ops = json_array();
		json_object_set_new(ko, "kind", json_string(kind_info((enum kind)k)->name));
		for (int op = 0; op < TOP_COUNT; op++) {
			const struct tradeoff_outcome *o = &r->table->outcome[k][op];
			json_t *oo = json_object();
			json_object_set_new(oo, "op", json_string(tradeoff_op_name((enum tradeoff_op)op)));
			json_object_set_new(oo, "description",
			                    json_string(tradeoff_op_description((enum tradeoff_op)op)));
			json_object_set_new(oo, "result", json_string(result_name(o->result)));
			if (o->error[0])
				json_object_set_new(oo, "error", json_string(o->error));
			if (o->detail[0])
				json_object_set_new(oo, "detail", json_string(o->detail));
			json_object_set_new(oo, "message", json_string(o->message));
			struct subclass_cost sc;
			if (op == TOP_SUBCLASS && o->result == TRADEOFF_OK && strcmp(o->detail, "dict") == 0 &&
			    subclass_cost(r, (enum kind)k, &sc)) {
				json_t *b = json_object();
				json_object_set_new(b, "attrs", json_integer(r->setting->attrs));
				json_object_set_new(b, "requested", json_integer((json_int_t)sc.sub_requested));
				json_object_set_new(b, "allocated", json_integer((json_int_t)sc.sub_allocated));
				json_object_set_new(b, "added_requested",
				                    json_integer((json_int_t)(sc.sub_requested - sc.kind_requested)));
				json_object_set_new(b, "added_allocated",
				                    json_integer((json_int_t)(sc.sub_allocated - sc.kind_allocated)));
				json_object_set_new(oo, "subclass_instance", b);
			}
			json_array_append_new(ops, oo);
		}
		json_object_set_new(ko, "operations", ops);
		json_array_append_new(kinds, ko);
	}
	json_object_set_new(root, "kinds", kinds);
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	fputc('\n', out);
	json_decref(root);
	return rc;
}

static void write_markdown(FILE *out, const struct tradeoffs_report *r)
{
	int level = r->heading > 0 ? r->heading : 1;
	fprintf(out, "%.*s What each kind can and cannot do\n\n", level, "######");
	report_markdown_cell(out, r->table->source);
	fprintf(out, ". Each operation was tried in the interpreter; a failure shows Python's own "
	        "message, which changes between versions.\n");
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!r->shown[k] || !r->table->have[k])
			continue;
		fprintf(out, "\n%.*s %s\n\n| operation | | outcome |\n|---|:-:|---|\n", level + 1,
		        "######", kind_info((enum kind)k)->name);
		for (int op = 0; op < TOP_COUNT; op++) {
			const struct tradeoff_outcome *o = &r->table->outcome[k][op];
			char text[600];
			outcome_text(r, (enum kind)k, (enum tradeoff_op)op, o, text, sizeof text);
			fputs("| ", out);
			report_markdown_cell(out, tradeoff_op_description((enum tradeoff_op)op));
			fprintf(out, " | %s | ", mark(o->result, true));
			report_markdown_cell(out, text);
			fputs(" |\n", out);
		}
	}
}

int tradeoffs_report_write(FILE *out, const struct tradeoffs_report *r, enum report_format f)
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
