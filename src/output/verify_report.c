#include "config.h"

#include "output/verify_report.h"

#include <jansson.h>
#include <string.h>

#include "core/units.h"
#include "output/wrap.h"

static const char *mark(const struct verify_writer *w, bool match)
{
	if (w->utf8)
		return match ? "\u2713" : "\u2717";
	return match ? "ok" : "XX";
}

void verify_write_begin(struct verify_writer *w)
{
	w->rows = 0;
	const struct interp *in = w->interp;
	switch (w->format) {
	case FORMAT_CSV:
		fprintf(w->out, "python,version,abi,kind,attrs,values,field,model,measured,match\n");
		break;
	case FORMAT_JSON:
	{
		/* the head streams out field by field, every string through jansson:
		 * a path or a version can hold anything */
		json_t *field[] = { json_string(in->path), json_string(in->version),
		                    json_string(abi_name(w->abi)), json_string(w->profile->version),
		                    json_boolean(w->profile->free_threaded) };
		static const char *const name[] = { "python", "version", "abi", "profile",
		                                    "free_threaded" };
		fprintf(w->out, "{");
		for (size_t i = 0; i < sizeof field / sizeof field[0]; i++) {
			fprintf(w->out, "%s\n  \"%s\": ", i ? "," : "", name[i]);
			json_dumpf(field[i], w->out, JSON_ENCODE_ANY);
			json_decref(field[i]);
		}
		fprintf(w->out, ",\n  \"rows\": [");
	}
		break;
	default:
		fprintf(w->out, "verify: CPython %s %s at %s against the %s profile\n", in->version,
		        abi_name(w->abi), in->path, w->profile->version);
		fprintf(w->out, "each cell: model, then the measurement when it differs\n\n");
		fprintf(w->out, "%-24s %5s  %s\n", "kind", "attrs", "figures");
		break;
	}
	fflush(w->out);
}

void verify_write_row(void *writer, const struct verify_result *r)
{
	struct verify_writer *w = writer;
	const char *kind = kind_info(r->kind)->name;
	if (w->format == FORMAT_CSV) {
		char path[2 * PATH_MAX];   /* CSV: a quote in the path is doubled */
		size_t o = 0;
		for (const char *c = w->interp->path; *c && o + 2 < sizeof path; c++) {
			if (*c == '"')
				path[o++] = '"';
			path[o++] = *c;
		}
		path[o] = '\0';
		for (unsigned i = 0; i < r->ncells; i++)
			fprintf(w->out, "\"%s\",%s,%s,%s,%u,%s,%s,%llu,%s,%d\n", path,
			        w->interp->version, abi_name(w->abi), kind, r->attrs, r->values,
			        r->cell[i].field, (unsigned long long)r->cell[i].model, r->cell[i].measured,
			        r->cell[i].match);
	} else if (w->format == FORMAT_JSON) {
		json_t *row = json_object();
		json_object_set_new(row, "kind", json_string(kind));
		json_object_set_new(row, "attrs", json_integer(r->attrs));
		json_object_set_new(row, "values", json_string(r->values));
		json_t *cells = json_array();
		for (unsigned i = 0; i < r->ncells; i++) {
			json_t *c = json_object();
			json_object_set_new(c, "field", json_string(r->cell[i].field));
			json_object_set_new(c, "model", json_integer((json_int_t)r->cell[i].model));
			json_object_set_new(c, "measured", json_string(r->cell[i].measured));
			json_object_set_new(c, "match", json_boolean(r->cell[i].match));
			json_array_append_new(cells, c);
		}
		json_object_set_new(row, "cells", cells);
		fprintf(w->out, "%s\n    ", w->rows ? "," : "");
		json_dumpf(row, w->out, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(row);
	} else {
		char line[1024] = "";
		size_t used = 0;
		if (r->ncells == 0)
			snprintf(line, sizeof line, "nothing measured: the reply carried no figure");
		for (unsigned i = 0; i < r->ncells && used < sizeof line; i++) {
			const struct verify_cell *c = &r->cell[i];
			char model[32];
			format_grouped(c->model, model, sizeof model);
			if (c->match)
				used += (size_t)snprintf(line + used, sizeof line - used, "%s%s %s %s",
				                         i ? "  " : "", c->field, model, mark(w, true));
			else
				used += (size_t)snprintf(line + used, sizeof line - used, "%s%s %s, measured %s %s",
				                         i ? "  " : "", c->field, model, c->measured,
				                         mark(w, false));
		}
		fprintf(w->out, "%-24s %5u\n", kind, r->attrs);
		write_wrapped(w->out, line, 6, 78);
	}
	w->rows++;
	fflush(w->out);
}

static void bulk_line(FILE *out, const char *what, uint64_t v, uint64_t model)
{
	char num[32], human[32], gap[48] = "";
	format_grouped(v, num, sizeof num);
	format_bytes_human(v, human, sizeof human);
	if (model) {
		char g[32];
		uint64_t d = v > model ? v - model : model - v;
		format_grouped(d, g, sizeof g);
		snprintf(gap, sizeof gap, "%s%s B (%+.2f%%)", v >= model ? "+" : "-", g,
		         ((double)v - (double)model) / (double)model * 100.0);
	}
	fprintf(out, "  %-38s %16s B %11s  %s\n", what, num, human, gap);
}

static void write_bulk(struct verify_writer *w, const struct bulk_result *b)
{
	enum kind kind = b->kind;
	unsigned attrs = b->attrs;
	char m[32];
	format_grouped(b->instances, m, sizeof m);
	if (w->format == FORMAT_JSON || w->format == FORMAT_CSV) {
		fprintf(w->out, w->format == FORMAT_CSV ?
		        "bulk,%s,%u,%llu,%llu,%llu,%llu,%llu,%.3f\n" :
		        "    {\"kind\": \"%s\", \"attrs\": %u, \"instances\": %llu, "
		        "\"traced\": %llu, \"rss_growth\": %llu, \"model_requested\": %llu, "
		        "\"model_allocated\": %llu, \"seconds\": %.3f}",
		        kind_info(kind)->name, attrs, (unsigned long long)b->instances,
		        (unsigned long long)b->traced, (unsigned long long)b->rss_growth,
		        (unsigned long long)b->model_requested, (unsigned long long)b->model_allocated,
		        b->seconds);
		return;
	}
	fprintf(w->out, "\n%s %s instances with %u attributes, built in a list by CPython %s "
	        "(%.1f s):\n", m, kind_info(kind)->name, attrs, w->interp->version, b->seconds);
	fprintf(w->out, "  %-38s %18s %11s  %s\n", "", "bytes", "", "vs the model");
	bulk_line(w->out, "model, requested (tracemalloc's count)", b->model_requested, 0);
	bulk_line(w->out, "measured by tracemalloc", b->traced, b->model_requested);
	bulk_line(w->out, "model, allocated (size classes)", b->model_allocated, 0);
	bulk_line(w->out, "measured RSS growth", b->rss_growth, b->model_allocated);
	write_wrapped(w->out,
	              "Why RSS differs: tracemalloc counts the bytes each allocation asked for. "
	              "pymalloc rounds every block up to its size class (the model's allocated "
	              "figure) and carves blocks out of pools (16 KiB on 3.10+, 4 KiB before) inside "
	              "arenas (1 MiB, 256 KiB before), so RSS also holds each pool's header, the "
	              "unused tail of partly filled pools and arenas, the list's spare slots up "
	              "to its capacity, and pages the interpreter touched for its own bookkeeping; "
	              "blocks over 512 bytes come from malloc with its own headers. RSS moves in "
	              "whole pages, and memory freed earlier may be reused, so small M shows noise.",
	              2, 78);
	fflush(w->out);
}

void verify_write_end(struct verify_writer *w, const struct verify_summary *sum,
                      const struct bulk_result *bulk, size_t nbulk)
{
	char figures[32];
	format_grouped(sum->figures, figures, sizeof figures);
	if (w->format == FORMAT_JSON) {
		fprintf(w->out, "\n  ],\n  \"summary\": {\"settings\": %u, \"figures\": %u, "
		        "\"mismatches\": %u, \"unsupported\": %u}", sum->settings, sum->figures,
		        sum->mismatches, sum->unsupported);
		if (nbulk) {   /* one document: the bulk builds are part of it */
			fprintf(w->out, ",\n  \"bulk\": [\n");
			for (size_t i = 0; i < nbulk; i++) {
				write_bulk(w, &bulk[i]);
				fprintf(w->out, "%s\n", i + 1 < nbulk ? "," : "");
			}
			fprintf(w->out, "  ]");
		}
		fprintf(w->out, "\n}\n");
		fflush(w->out);
		return;
	}
	if (w->format == FORMAT_TEXT) {
		fprintf(w->out, "\nverify: CPython %s %s (%s): %u settings, %s figures compared, "
		        "%u mismatch%s\n", w->interp->version, abi_name(w->abi), w->interp->path,
		        sum->settings, figures, sum->mismatches, sum->mismatches == 1 ? "" : "es");
	}
	for (size_t i = 0; i < nbulk; i++)
		write_bulk(w, &bulk[i]);
	fflush(w->out);
}

void interp_write_list_header(FILE *out)
{
	fprintf(out, "%-44s %-8s %-8s %-5s %-8s %-5s %s\n", "path", "impl", "version", "abi",
	        "pymalloc", "gil", "model");
}

void interp_write_list_row(FILE *out, const struct interp *in, const char *support,
                           const char *also)
{
	if (!in->answered) {
		char line[600];
		snprintf(line, sizeof line, "%s", in->problem);
		write_wrapped(out, line, 0, 78);
		return;
	}
	/* a profile name, or "PATH is ...: not modelled (why)": the why on a line of its own */
	const char *why = strstr(support, ": not modelled (");
	fprintf(out, "%-44s %-8s %-8s %-5s %-8s %-5s %s\n", in->path, in->impl, in->version,
	        in->abi < ABI_COUNT ? abi_name(in->abi) : "?", in->pymalloc ? "on" : "off",
	        in->free_threaded ? "free" : "yes", why ? "not modelled" : support);
	if (why) {
		char line[480];
		snprintf(line, sizeof line, "why: %s", why + 16);
		size_t len = strlen(line);
		if (len && line[len - 1] == ')')
			line[len - 1] = '\0';
		write_wrapped(out, line, 4, 78);
	}
	if (also && also[0]) {
		char line[1100];
		snprintf(line, sizeof line, "also reached as: %s", also);
		write_wrapped(out, line, 4, 78);
	}
}
