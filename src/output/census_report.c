#include "config.h"

#include "output/census_report.h"

#include <jansson.h>
#include <limits.h>
#include <string.h>

#include "core/units.h"
#include "output/scan_report.h"
#include "output/wrap.h"

#define MAX_PHRASES 12
#define MEASURED_WORDS "sys.getsizeof of each instance plus sys.getsizeof of its __dict__ " \
	"(on 3.11+ reading __dict__ makes the dict object when the instance had none; the " \
	"values array's header, the shared keys and the attribute values are not counted)"

const char *census_layout(const struct census_class *c)
{
	if (c->namedtuple)
		return c->kind == SCAN_NAMEDTUPLE_SUBCLASS ? "namedtuple+dict" : "namedtuple";
	if (c->kind == SCAN_DATACLASS)
		return c->dict ? (c->has_slots ? "dataclass-slots+dict" : "dataclass") : "dataclass-slots";
	if (c->has_slots)
		return c->dict ? "slots+dict" : "slots";
	return c->dict ? "regular" : "compact";
}

static uint64_t measured(const struct census_class *c)
{
	return c->getsizeof_total + c->dict_total;
}

static const char *possible(const struct census_class *c)
{
	switch (c->scan.verdict) {
	case VERDICT_CANDIDATE: return "candidate";
	case VERDICT_BLOCKED: return "blocked";
	case VERDICT_UNKNOWN: return "unknown";
	case VERDICT_SLOTTED: return "compact";
	default: return "n/a";
	}
}

static void attr_names(const struct census_class *c, unsigned most, char *out, size_t n)
{
	out[0] = '\0';
	for (unsigned i = 0; i < c->attrs.n; i++) {
		size_t used = strlen(out);
		if (i == most || used + strlen(c->attrs.item[i]) + 12 >= n) {
			snprintf(out + used, n - used, ", ...");
			return;
		}
		snprintf(out + used, n - used, "%s%s", i ? ", " : "", c->attrs.item[i]);
	}
}

/* The reasons and notes of the scan, and the census's own, "; "-joined. */
static void why_text(const struct census_class *c, bool reasons, char *out, size_t n)
{
	char p[MAX_PHRASES][SCAN_PHRASE];
	unsigned k = reasons ? scan_reasons(&c->scan, p, MAX_PHRASES) : scan_notes(&c->scan, p, MAX_PHRASES);
	out[0] = '\0';
	for (unsigned i = 0; i < k; i++)
		snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? "; " : "", p[i]);
	if (reasons)
		return;
	char more[400] = "";
	if (c->same_attrs < c->attrs_checked)
		snprintf(more, sizeof more, "%llu of the %llu instances checked hold other attributes",
		         (unsigned long long)(c->attrs_checked - c->same_attrs),
		         (unsigned long long)c->attrs_checked);
	if (c->weakly_referenced)
		snprintf(more + strlen(more), sizeof more - strlen(more), "%s%llu weakly referenced now",
		         more[0] ? "; " : "", (unsigned long long)c->weakly_referenced);
	if (c->untracked)
		snprintf(more + strlen(more), sizeof more - strlen(more), "%s%llu not tracked by the GC",
		         more[0] ? "; " : "", (unsigned long long)c->untracked);
	if (!c->scanned)
		snprintf(more + strlen(more), sizeof more - strlen(more), "%sno source the scan could "
		         "read: judged from the instances alone", more[0] ? "; " : "");
	if (more[0])
		snprintf(out + strlen(out), n - strlen(out), "%s%s", out[0] ? "; " : "", more);
}

static void model_words(const struct census_report *r, char *out, size_t n)
{
	snprintf(out, n, "%s bytes per instance, CPython %s profile (%s), the values the same objects "
	         "in any layout", accounting_name(r->accounting), r->profile ? r->profile->version : "?",
	         abi_name(r->abi));
}

static void write_class_text(FILE *out, const struct census_class *c)
{
	static char text[8192];
	char names[600], g[32], checked[32], each[32], why[MAX_PHRASES * (SCAN_PHRASE + 2) + 400];
	char notes[MAX_PHRASES * (SCAN_PHRASE + 2) + 400], head[700];
	attr_names(c, 10, names, sizeof names);
	format_grouped(c->count, g, sizeof g);
	format_grouped(c->attrs_checked, checked, sizeof checked);
	snprintf(each, sizeof each, "%llu", (unsigned long long)(measured(c) / c->count));
	snprintf(head, sizeof head, "%u.", c->rank);
	int len = snprintf(text, sizeof text, "%s (%s), %s, %u attribute%s%s%s (%s of the %s "
	                   "checked). Measured %s B each (%llu getsizeof + %llu __dict__).",
	                   c->name, c->module, census_layout(c), c->nattrs, c->nattrs == 1 ? "" : "s",
	                   c->nattrs ? ": " : "", names,
	                   c->same_attrs == c->attrs_checked ? "all" : "most", checked, each,
	                   (unsigned long long)(c->getsizeof_total / c->count),
	                   (unsigned long long)(c->dict_total / c->count));
	const struct scan_class *s = &c->scan;
	if (s->modelled && len > 0 && (size_t)len < sizeof text) {
		char total[32];
		format_grouped((uint64_t)(c->total_saving < 0 ? 0 : c->total_saving), total, sizeof total);
		len += snprintf(text + len, sizeof text - (size_t)len, " The model: %s %llu B, %s %llu B: "
		                "%s saves %lld B each, %s B for the %s.", kind_info(s->from)->name,
		                (unsigned long long)s->from_bytes, kind_info(s->to)->name,
		                (unsigned long long)s->to_bytes, s->by_hand || s->kind != SCAN_DATACLASS
		                ? "__slots__" : "slots=True", (long long)s->saving, total, g);
	}
	why_text(c, true, why, sizeof why);
	why_text(c, false, notes, sizeof notes);
	if (len > 0 && (size_t)len < sizeof text) {
		const char *v = s->verdict == VERDICT_CANDIDATE ? "candidate: it could take __slots__ as it is"
		              : s->verdict == VERDICT_BLOCKED ? "blocked"
		              : s->verdict == VERDICT_UNKNOWN ? "unknown from its source"
		              : s->verdict == VERDICT_SLOTTED ? "already compact" : "not applicable";
		len += snprintf(text + len, sizeof text - (size_t)len, " %c%s%s%s.", v[0] - 32, v + 1,
		                why[0] ? ": " : "", why);
	}
	if (notes[0] && len > 0 && (size_t)len < sizeof text)
		snprintf(text + len, sizeof text - (size_t)len, " Note: %s.", notes);
	write_hanging(out, head, 4, text, 78);
}

static void write_text(FILE *out, const struct census_report *r)
{
	const struct census_result *res = r->result;
	static char line[PATH_MAX + 9000];
	char inst[32], objs[32], bytes[32];
	format_grouped(res->instances, inst, sizeof inst);
	format_grouped(res->objects, objs, sizeof objs);
	format_grouped(res->bytes, bytes, sizeof bytes);
	snprintf(line, sizeof line, "Census of %s:%s in CPython %s (%s): %s live instance%s of %llu "
	         "class%s outside the standard library, %s B measured; %s objects examined.",
	         r->module, r->expr, r->python ? r->python->version : "?", r->python ? r->python->path : "?",
	         inst, res->instances == 1 ? "" : "s", (unsigned long long)res->classes_total,
	         res->classes_total == 1 ? "" : "es", bytes, objs);
	write_wrapped(out, line, 0, 78);
	if (res->cap_hit) {
		snprintf(line, sizeof line, "The census stopped at its cap of %s objects (--census-cap): "
		         "the program has more, and the counts below are short.", objs);
		write_wrapped(out, line, 0, 78);
	}
	fputc('\n', out);
	if (res->nclasses) {
		fprintf(out, "%2s %-16s %8s %5s %11s %7s %11s  %s\n", "#", "class", "count", "attrs",
		        "measured B", "saving", "in all B", "__slots__?");
		for (size_t i = 0; i < res->nclasses; i++) {
			const struct census_class *c = &res->classes[i];
			char name[64], count[32], m[32], save[32], total[32];
			size_t nl = strlen(c->name);
			if (nl > 16)
				snprintf(name, sizeof name, "~%s", c->name + nl - 15);
			else
				snprintf(name, sizeof name, "%s", c->name);
			format_grouped(c->count, count, sizeof count);
			format_grouped(measured(c), m, sizeof m);
			if (c->scan.modelled) {
				snprintf(save, sizeof save, "%lld", (long long)c->scan.saving);
				format_grouped((uint64_t)(c->total_saving < 0 ? 0 : c->total_saving), total,
				               sizeof total);
			} else {
				snprintf(save, sizeof save, "-");
				snprintf(total, sizeof total, "-");
			}
			fprintf(out, "%2u %-16s %8s %5u %11s %7s %11s  %s\n", c->rank, name, count, c->nattrs,
			        m, save, total, possible(c));
		}
		fputc('\n', out);
		for (size_t i = 0; i < res->nclasses; i++)
			write_class_text(out, &res->classes[i]);
		fputc('\n', out);
	}
	char model[300];
	model_words(r, model, sizeof model);
	char shown[120];
	if (res->nclasses == res->classes_total)
		snprintf(shown, sizeof shown, "All %zu classes, by measured bytes", res->nclasses);
	else
		snprintf(shown, sizeof shown, "The %zu of %llu classes with the most measured bytes "
		         "(--top)", res->nclasses, (unsigned long long)res->classes_total);
	int len = snprintf(line, sizeof line, "%s. Measured: %s. Saving: the model's %s; \"in all\" "
	                   "is the count times the saving per instance. ", shown, MEASURED_WORDS, model);
	if (len > 0 && (size_t)len < sizeof line)
		snprintf(line + len, sizeof line - (size_t)len, "Your code ran in the interpreter: it "
		         "imported %s (%.3f s) and evaluated %s (%.3f s, giving a %s), whose result was "
		         "kept alive while the instances were counted.", r->module, res->import_seconds,
		         r->expr, res->eval_seconds, res->result_type);
	write_wrapped(out, line, 0, 78);
}

static void write_csv(FILE *out, const struct census_report *r)
{
	const struct census_result *res = r->result;
	fprintf(out, "rank,class,module,kind,layout,count,attributes,names,same_attrs,attrs_checked,"
	        "getsizeof_total,dict_total,measured_total,weakly_referenced,untracked,verdict,"
	        "from_kind,from_bytes,to_kind,to_bytes,saving_per_instance,saving_total,accounting,"
	        "profile,abi,cap_hit,reasons,notes\n");
	for (size_t i = 0; i < res->nclasses; i++) {
		const struct census_class *c = &res->classes[i];
		static char names[PROBE_LINE_MAX], why[MAX_PHRASES * (SCAN_PHRASE + 2) + 400];
		names[0] = '\0';
		for (unsigned k = 0; k < c->attrs.n; k++)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", k ? " " : "",
			         c->attrs.item[k]);
		fprintf(out, "%u,", c->rank);
		report_csv_quoted(out, c->name);
		fputc(',', out);
		report_csv_quoted(out, c->module);
		fprintf(out, ",%s,%s,%llu,%u,", scan_kind_name(c->kind), census_layout(c),
		        (unsigned long long)c->count, c->nattrs);
		report_csv_quoted(out, names);
		fprintf(out, ",%llu,%llu,%llu,%llu,%llu,%llu,%llu,%s,", (unsigned long long)c->same_attrs,
		        (unsigned long long)c->attrs_checked, (unsigned long long)c->getsizeof_total,
		        (unsigned long long)c->dict_total, (unsigned long long)measured(c),
		        (unsigned long long)c->weakly_referenced, (unsigned long long)c->untracked,
		        scan_verdict_name(c->scan.verdict));
		if (c->scan.modelled)
			fprintf(out, "%s,%llu,%s,%llu,%lld,%lld,", kind_info(c->scan.from)->name,
			        (unsigned long long)c->scan.from_bytes, kind_info(c->scan.to)->name,
			        (unsigned long long)c->scan.to_bytes, (long long)c->scan.saving,
			        (long long)c->total_saving);
		else
			fputs(",,,,,,", out);
		fprintf(out, "%s,%s,%s,%d,", accounting_name(r->accounting),
		        r->profile ? r->profile->version : "", abi_name(r->abi), res->cap_hit ? 1 : 0);
		why_text(c, true, why, sizeof why);
		report_csv_quoted(out, why);
		fputc(',', out);
		why_text(c, false, why, sizeof why);
		report_csv_quoted(out, why);
		fputc('\n', out);
	}
}

static json_t *json_phrases(const struct census_class *c, bool reasons)
{
	char p[MAX_PHRASES][SCAN_PHRASE];
	unsigned k = reasons ? scan_reasons(&c->scan, p, MAX_PHRASES) : scan_notes(&c->scan, p, MAX_PHRASES);
	json_t *a = json_array();
	for (unsigned i = 0; i < k; i++)
		json_array_append_new(a, json_string(p[i]));
	return a;
}

static json_t *json_u64(uint64_t v)
{
	return json_integer((json_int_t)v);
}

static int write_json(FILE *out, const struct census_report *r)
{
	const struct census_result *res = r->result;
	json_t *root = json_object();
	json_object_set_new(root, "slotexplore", json_string(PACKAGE_VERSION));
	json_t *w = json_object();
	json_object_set_new(w, "module", json_string(r->module));
	json_object_set_new(w, "expr", json_string(r->expr));
	json_object_set_new(w, "result_type", json_string(res->result_type));
	json_object_set_new(w, "import_seconds", json_real(res->import_seconds));
	json_object_set_new(w, "eval_seconds", json_real(res->eval_seconds));
	json_object_set_new(w, "python", json_string(r->python ? r->python->path : ""));
	json_object_set_new(w, "version", json_string(r->python ? r->python->version : ""));
	json_object_set_new(root, "workload", w);
	json_object_set_new(root, "model", scan_report_json_model(r->profile, r->abi, r->accounting));
	json_object_set_new(root, "measured", json_string(MEASURED_WORDS));
	json_object_set_new(root, "objects", json_u64(res->objects));
	json_object_set_new(root, "cap", json_u64(res->cap));
	json_object_set_new(root, "cap_hit", json_boolean(res->cap_hit));
	json_object_set_new(root, "classes_total", json_u64(res->classes_total));
	json_object_set_new(root, "instances", json_u64(res->instances));
	json_object_set_new(root, "bytes", json_u64(res->bytes));
	json_t *classes = json_array();
	for (size_t i = 0; i < res->nclasses; i++) {
		const struct census_class *c = &res->classes[i];
		json_t *o = json_object();
		json_object_set_new(o, "rank", json_integer(c->rank));
		json_object_set_new(o, "name", json_string(c->name));
		json_object_set_new(o, "module", json_string(c->module));
		json_object_set_new(o, "kind", json_string(scan_kind_name(c->kind)));
		json_object_set_new(o, "layout", json_string(census_layout(c)));
		json_object_set_new(o, "count", json_u64(c->count));
		json_object_set_new(o, "attributes", scan_report_json_list(&c->attrs));
		json_object_set_new(o, "attribute_count", json_integer(c->nattrs));
		json_object_set_new(o, "same_attrs", json_u64(c->same_attrs));
		json_object_set_new(o, "attrs_checked", json_u64(c->attrs_checked));
		json_object_set_new(o, "slots", c->has_slots ? scan_report_json_list(&c->slots) : json_null());
		json_object_set_new(o, "dict", json_boolean(c->dict));
		json_object_set_new(o, "weakref", json_boolean(c->weakref));
		json_object_set_new(o, "weakly_referenced", json_u64(c->weakly_referenced));
		json_object_set_new(o, "untracked", json_u64(c->untracked));
		json_object_set_new(o, "getsizeof_total", json_u64(c->getsizeof_total));
		json_object_set_new(o, "dict_total", json_u64(c->dict_total));
		json_object_set_new(o, "measured_total", json_u64(measured(c)));
		json_object_set_new(o, "source", c->scanned ? json_string(c->scan.file) : json_null());
		if (c->scanned)
			json_object_set_new(o, "line", json_integer(c->scan.line));
		json_object_set_new(o, "verdict", json_string(scan_verdict_name(c->scan.verdict)));
		json_object_set_new(o, "reasons", json_phrases(c, true));
		json_object_set_new(o, "notes", json_phrases(c, false));
		if (c->scan.modelled) {
			json_t *s = json_object();
			json_object_set_new(s, "from_kind", json_string(kind_info(c->scan.from)->name));
			json_object_set_new(s, "from_bytes", json_u64(c->scan.from_bytes));
			json_object_set_new(s, "to_kind", json_string(kind_info(c->scan.to)->name));
			json_object_set_new(s, "to_bytes", json_u64(c->scan.to_bytes));
			json_object_set_new(s, "per_instance", json_integer((json_int_t)c->scan.saving));
			json_object_set_new(s, "total", json_integer((json_int_t)c->total_saving));
			json_object_set_new(o, "saving", s);
		} else {
			json_object_set_new(o, "saving", json_null());
		}
		json_object_set_new(o, "truncated", json_boolean(c->truncated || c->scan.truncated));
		json_array_append_new(classes, o);
	}
	json_object_set_new(root, "classes", classes);
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(6));
	fputc('\n', out);
	json_decref(root);
	return rc;
}

int census_report_write(FILE *out, const struct census_report *r, enum report_format f)
{
	switch (f) {
	case FORMAT_CSV: write_csv(out, r); break;
	case FORMAT_JSON:
		if (write_json(out, r) != 0)
			return -1;
		break;
	default: write_text(out, r); break;
	}
	return ferror(out) ? -1 : 0;
}
