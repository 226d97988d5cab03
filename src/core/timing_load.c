#include "config.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <zlib.h>

#include "core/model.h"
#include "core/text.h"
#include "core/timing_run.h"

/* A file read whole may be this large once uncompressed. */
#define LOAD_MAX_BYTES (512u << 20)

static bool bad(char *err, size_t errlen, const char *path, const char *what)
{
	snprintf(err, errlen, "%s: %s", path, what);
	return false;
}

/* The whole file, gunzipped when it starts with gzip's magic; NULL with
 * err set. *len gets its length. */
static char *read_all(const char *path, size_t *len, char *err, size_t errlen)
{
	gzFile gz = gzopen(path, "rb");   /* reads plain files as they are, too */
	if (!gz) {
		snprintf(err, errlen, "%s: %s", path, errno ? strerror(errno) : "cannot open");
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (!buf) {
			gzclose(gz);
			bad(err, errlen, path, "out of memory");
			return NULL;
		}
		if (n == cap) {
			if (cap >= LOAD_MAX_BYTES) {
				free(buf);
				gzclose(gz);
				bad(err, errlen, path, "over 512 MiB (uncompressed): not a timing file");
				return NULL;
			}
			char *b = realloc(buf, cap * 2);
			if (!b)
				free(buf);
			buf = b;
			cap *= 2;
			continue;
		}
		int got = gzread(gz, buf + n, (unsigned)(cap - n > (1u << 30) ? 1u << 30 : cap - n));
		if (got < 0) {
			int code;
			const char *msg = gzerror(gz, &code);
			snprintf(err, errlen, "%s: %s", path, code == Z_ERRNO ? strerror(errno) : msg);
			free(buf);
			gzclose(gz);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	gzclose(gz);
	*len = n;
	return buf;
}

static bool number_at(json_t *arr, size_t i, double *out)
{
	json_t *v = arr ? json_array_get(arr, i) : NULL;
	if (!v || !json_is_number(v))
		return false;
	*out = json_number_value(v);
	return isfinite(*out);
}

/* A sample, checked: finite, and no nanosecond access lasts an hour. */
static bool check_sample(double x, bool time_unit, const char *path, char *err, size_t errlen)
{
	if (!isfinite(x))
		return bad(err, errlen, path, "a sample is not finite");
	if (time_unit && fabs(x) > 3.6e12)
		return bad(err, errlen, path, "a sample is absurd (over an hour per access)");
	return true;
}

static bool load_ours_series(json_t *sj, struct timing_series *s, int processes,
                             const char *path, char *err, size_t errlen)
{
	json_int_t unroll = json_integer_value(json_object_get(sj, "unroll"));
	s->unroll = unroll > 0 && unroll < 1000000000 ? (unsigned)unroll : 0;
	const char *unit = json_string_value(json_object_get(sj, "unit"));
	snprintf(s->unit, sizeof s->unit, "%s", unit && (strcmp(unit, "byte") == 0 ||
	         strcmp(unit, "integer") == 0) ? unit : "ns");
	const char *st = json_string_value(json_object_get(sj, "statement"));
	const char *bs = json_string_value(json_object_get(sj, "baseline_statement"));
	snprintf(s->statement, sizeof s->statement, "%s", st ? st : "");
	snprintf(s->base_statement, sizeof s->base_statement, "%s", bs ? bs : "");
	json_t *x = json_object_get(sj, "samples");
	if (!json_is_array(x))
		return bad(err, errlen, path, "a series without \"samples\"");
	size_t n = json_array_size(x);
	if (n > TIMING_MAX_VALUES)
		return bad(err, errlen, path, "a series with over 1,048,576 samples");
	json_t *base = json_object_get(sj, "baselines"), *proc = json_object_get(sj, "process");
	json_t *loops = json_object_get(sj, "loops"), *dur = json_object_get(sj, "duration_ms");
	if (!json_is_array(proc))
		proc = NULL;
	/* files before the process was recorded: each process gave its values
	 * in turn, the same number each (3 unless the counts say otherwise) */
	size_t per = processes > 0 && n % (size_t)processes == 0 ? n / (size_t)processes : 3;
	if (per == 0)
		per = 1;
	uint64_t one_loops = json_is_integer(loops) ? (uint64_t)json_integer_value(loops) : 0;
	for (size_t i = 0; i < n; i++) {
		double v, b = NAN, d = NAN, l = (double)one_loops;
		if (!number_at(x, i, &v)) {
			json_t *e = json_array_get(x, i);
			return bad(err, errlen, path, json_is_number(e) ? "a sample is not finite"
			                                                : "a sample is not a number");
		}
		if (!check_sample(v, strcmp(s->unit, "ns") == 0, path, err, errlen))
			return false;
		if (!number_at(base, i, &b) || fabs(b) > 3.6e12)
			b = NAN;
		if (!number_at(dur, i, &d) || d < 0)
			d = NAN;
		if (json_is_array(loops) && (!number_at(loops, i, &l) || l < 0))
			l = 0;
		int p = (int)(i / per);
		if (proc) {
			json_t *pj = json_array_get(proc, i);
			if (!json_is_integer(pj) || json_integer_value(pj) < 0 ||
			    json_integer_value(pj) >= 1000000000)
				return bad(err, errlen, path, "a \"process\" is not a process number");
			p = (int)json_integer_value(pj);
		}
		if (!timing_series_push(s, v, b, d, (uint64_t)l, p))
			return bad(err, errlen, path, "out of memory");
	}
	json_t *seed = json_object_get(sj, "seed_harness");
	if (json_is_object(seed)) {
		json_t *call = json_object_get(seed, "call_ns"), *empty = json_object_get(seed, "empty_ns");
		if (json_is_array(call)) {
			for (size_t i = 0; i < json_array_size(call) && i < TIMING_MAX_PROCESSES; i++) {
				double c, e = NAN;
				if (!number_at(call, i, &c) || fabs(c) > 3.6e12)
					continue;
				if (!number_at(empty, i, &e) || fabs(e) > 3.6e12)
					e = NAN;
				if (!timing_series_push_seed(s, c, e))
					return bad(err, errlen, path, "out of memory");
			}
		} else {   /* one figure, from process 0 (files of slotexplore 1) */
			double c;
			json_t *m = json_object_get(seed, "median_ns");
			if (json_is_number(m) && isfinite(c = json_number_value(m)) && fabs(c) < 3.6e12 &&
			    !timing_series_push_seed(s, c, NAN))
				return bad(err, errlen, path, "out of memory");
		}
	}
	return true;
}

static bool load_ours(json_t *root, struct timing_result *r, unsigned *attrs, const char *path,
                      char *err, size_t errlen)
{
	json_t *in = json_object_get(root, "interpreter");
	snprintf(r->interp.version, sizeof r->interp.version, "%s",
	         json_string_value(json_object_get(in, "version")) ?: "?");
	snprintf(r->interp.path, sizeof r->interp.path, "%s",
	         json_string_value(json_object_get(in, "path")) ?: "?");
	json_t *aj = json_object_get(root, "attrs");
	if (!json_is_integer(aj) || json_integer_value(aj) < 0 ||
	    json_integer_value(aj) > (json_int_t)MODEL_MAX_ATTRS)
		return bad(err, errlen, path, "\"attrs\" is not an attribute count (0 to 100,000)");
	*attrs = (unsigned)json_integer_value(aj);
	json_int_t procs = json_integer_value(json_object_get(root, "processes"));
	r->processes = procs > 0 && procs < 1000000000 ? (int)procs : 0;
	json_int_t planned = json_integer_value(json_object_get(root, "processes_planned"));
	r->processes_planned = planned > 0 && planned < 1000000000 ? (int)planned : r->processes;
	r->seconds = json_number_value(json_object_get(root, "seconds"));
	r->budget_s = json_number_value(json_object_get(root, "budget_s"));
	r->cancelled = json_is_true(json_object_get(root, "cancelled"));
	r->budget_stop = json_is_true(json_object_get(root, "budget_stop"));
	r->aa = json_is_true(json_object_get(root, "aa"));
	r->pyperf = json_is_true(json_object_get(root, "pyperf"));
	json_int_t seed = json_integer_value(json_object_get(root, "seed"));
	r->seed = seed > 0 ? (uint64_t)seed : 0;
	json_int_t vpp = json_integer_value(json_object_get(root, "values_per_process"));
	r->values_per_process = vpp > 0 && vpp <= 1000 ? (int)vpp : 0;
	json_int_t min_ms = json_integer_value(json_object_get(root, "min_ms"));
	r->min_ms = min_ms > 0 && min_ms <= 100000 ? (int)min_ms : 0;
	json_t *cond = json_object_get(root, "conditions");
	for (int i = 0; i < 3; i++) {
		r->cond.load_start[i] = r->cond.load_end[i] = NAN;
		double v;
		if (number_at(json_object_get(cond, "load_avg_start"), (size_t)i, &v))
			r->cond.load_start[i] = v;
		if (number_at(json_object_get(cond, "load_avg_end"), (size_t)i, &v))
			r->cond.load_end[i] = v;
	}
	static const struct { const char *key; size_t off, size; } strs[] = {
		{ "cpu_model", offsetof(struct timing_conditions, cpu_model), 96 },
		{ "governor", offsetof(struct timing_conditions, governor), 24 },
		{ "interpreter_flags", offsetof(struct timing_conditions, flags), 160 },
		{ "build", offsetof(struct timing_conditions, build), 128 },
	};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
		const char *v = json_string_value(json_object_get(cond, strs[i].key));
		char *dst = (char *)&r->cond + strs[i].off;
		snprintf(dst, strs[i].size, "%s", v ? v : "");
		text_strip_controls(dst);
	}
	json_int_t cpus = json_integer_value(json_object_get(cond, "cpus"));
	r->cond.cpus = cpus > 0 && cpus < 1000000 ? (int)cpus : 0;
	json_t *pd = json_object_get(root, "process_detail");
	for (size_t i = 0; json_is_array(pd) && i < json_array_size(pd) && i < TIMING_MAX_PROCESSES;
	     i++) {
		json_t *p = json_array_get(pd, i);
		json_int_t ps = json_integer_value(json_object_get(p, "seed"));
		double l = NAN, sec = NAN;
		json_t *lj = json_object_get(p, "load_avg_1min"), *sj = json_object_get(p, "seconds");
		if (json_is_number(lj))
			l = json_number_value(lj);
		if (json_is_number(sj))
			sec = json_number_value(sj);
		if (!timing_result_add_process(r, ps > 0 ? (uint64_t)ps : 0, l, sec))
			return bad(err, errlen, path, "out of memory");
	}
	json_t *series = json_object_get(root, "series");
	if (!json_is_array(series))
		return bad(err, errlen, path, "no \"series\" array");
	size_t i;
	json_t *sj;
	json_array_foreach(series, i, sj) {
		if (r->nseries == TIMING_MAX_SERIES)
			return bad(err, errlen, path, "too many series");
		const char *kind = json_string_value(json_object_get(sj, "kind"));
		const char *op = json_string_value(json_object_get(sj, "op"));
		const char *name = json_string_value(json_object_get(sj, "name"));
		struct timing_series *s = &r->series[r->nseries];
		memset(s, 0, sizeof *s);
		if (name && *name) {   /* a benchmark loaded from pyperf, saved again */
			snprintf(s->name, sizeof s->name, "%s", name);
			s->kind = KIND_REGULAR;
			s->op = OP_READ;
		} else if (!kind || (s->kind = kind_from_name(kind)) == KIND_COUNT) {
			return bad(err, errlen, path, "a series with an unknown kind");
		} else if (!op || (s->op = time_op_from_name(op)) == OP_COUNT) {
			return bad(err, errlen, path, "a series with an unknown op");
		}
		s->replica = json_integer_value(json_object_get(sj, "replica")) == 1 ? 1 : 0;
		r->nseries++;
		const char *uns = json_string_value(json_object_get(sj, "unsupported"));
		if (uns) {
			snprintf(s->unsupported, sizeof s->unsupported, "%s", uns);
			continue;
		}
		if (!load_ours_series(sj, s, r->processes, path, err, errlen))
			return false;
	}
	return true;
}

/* pyperf keeps metadata at three levels; the closest wins. */
static json_t *meta(json_t *suite, json_t *bench, json_t *run, const char *key)
{
	json_t *v;
	if (run && (v = json_object_get(json_object_get(run, "metadata"), key)))
		return v;
	if (bench && (v = json_object_get(json_object_get(bench, "metadata"), key)))
		return v;
	if (bench && (v = json_object_get(json_object_get(bench, "common_metadata"), key)))
		return v;
	return json_object_get(json_object_get(suite, "metadata"), key);
}

/* pyperf: {"version": "1.0", "metadata": {...}, "benchmarks": [{"metadata":
 * {"name": ...}, "runs": [{"metadata": {...}, "warmups": [...], "values":
 * [...]}]}]}; a run without values is a calibration run. */
static bool load_pyperf(json_t *root, struct timing_result *r, const char *path, char *err,
                        size_t errlen)
{
	r->pyperf = true;
	json_t *benches = json_object_get(root, "benchmarks");
	json_t *ver = meta(root, NULL, NULL, "python_version");
	snprintf(r->interp.version, sizeof r->interp.version, "%s",
	         json_string_value(ver) ?: "(pyperf)");
	snprintf(r->interp.path, sizeof r->interp.path, "%s",
	         json_string_value(meta(root, NULL, NULL, "python_executable")) ?: path);
	const char *cpu = json_string_value(meta(root, NULL, NULL, "cpu_model_name"));
	snprintf(r->cond.cpu_model, sizeof r->cond.cpu_model, "%s", cpu ? cpu : "");
	for (int i = 0; i < 3; i++)
		r->cond.load_start[i] = r->cond.load_end[i] = NAN;
	size_t i;
	json_t *b;
	json_array_foreach(benches, i, b) {
		if (r->nseries == TIMING_MAX_SERIES)
			return bad(err, errlen, path, "too many benchmarks");
		struct timing_series *s = &r->series[r->nseries++];
		memset(s, 0, sizeof *s);
		s->kind = KIND_REGULAR;   /* not used: the name says what it is */
		s->op = OP_READ;
		const char *name = json_string_value(meta(root, b, NULL, "name"));
		snprintf(s->name, sizeof s->name, "%s", name && *name ? name : "benchmark");
		const char *unit = json_string_value(meta(root, b, NULL, "unit"));
		if (!unit)
			unit = "second";
		double scale;
		if (strcmp(unit, "second") == 0) {
			scale = 1e9;
			snprintf(s->unit, sizeof s->unit, "ns");
		} else if (strcmp(unit, "byte") == 0 || strcmp(unit, "integer") == 0) {
			scale = 1;
			snprintf(s->unit, sizeof s->unit, "%s", unit);
		} else {
			return bad(err, errlen, path, "a pyperf unit that is not second, byte or integer");
		}
		json_int_t inner = json_integer_value(meta(root, b, NULL, "inner_loops"));
		s->unroll = inner > 0 && inner < 1000000000 ? (unsigned)inner : 1;
		json_t *runs = json_object_get(b, "runs");
		size_t k;
		json_t *run;
		int proc = 0;
		json_array_foreach(runs, k, run) {
			json_t *values = json_object_get(run, "values");
			if (!values)
				values = json_object_get(run, "samples");   /* format 5 */
			if (!json_is_array(values) || json_array_size(values) == 0)
				continue;   /* a calibration run: warmups only */
			json_int_t lp = json_integer_value(meta(root, b, run, "loops"));
			uint64_t loops = lp > 0 ? (uint64_t)lp : 1;
			size_t v;
			json_t *x;
			json_array_foreach(values, v, x) {
				if (!json_is_number(x))
					return bad(err, errlen, path, "a sample is not a number");
				double val = json_number_value(x) * scale;
				if (!check_sample(val, scale > 1, path, err, errlen))
					return false;
				/* the raw duration of the value, as pyperf's "raw value" */
				double dur = scale > 1 ? json_number_value(x) * (double)loops * s->unroll * 1e3
				                       : NAN;
				if (!timing_series_push(s, val, NAN, dur, loops, proc))
					return bad(err, errlen, path, "out of memory");
			}
			proc++;
		}
		if (s->n == 0)
			return bad(err, errlen, path, "a pyperf benchmark without values");
		if (proc > r->processes)
			r->processes = proc;   /* pyperf's "runs with values" */
	}
	if (r->nseries == 0)
		return bad(err, errlen, path, "no benchmarks in the pyperf file");
	r->processes_planned = r->processes;
	return true;
}

bool timing_load(const char *path, struct timing_result *r, unsigned *attrs, char *err,
                 size_t errlen)
{
	memset(r, 0, sizeof *r);
	*attrs = 0;
	size_t len = 0;
	char *text = read_all(path, &len, err, errlen);
	if (!text)
		return false;
	json_error_t je;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	free(text);
	if (!root) {
		if (je.line <= 0)
			snprintf(err, errlen, "%s: %s", path, je.text);
		else
			snprintf(err, errlen, "%s:%d: not JSON: %s", path, je.line, je.text);
		return false;
	}
	bool ok;
	if (json_object_get(root, "slotexplore_timing"))
		ok = load_ours(root, r, attrs, path, err, errlen);
	else if (json_is_array(json_object_get(root, "benchmarks")))
		ok = load_pyperf(root, r, path, err, errlen);
	else
		ok = bad(err, errlen, path, "neither slotexplore --measure JSON nor a pyperf result file");
	json_decref(root);
	if (!ok) {
		timing_result_free(r);
		return false;
	}
	/* the file's strings are printed and drawn: no escape sequences */
	text_strip_controls(r->interp.version);
	text_strip_controls(r->interp.path);
	text_strip_controls(r->cond.cpu_model);
	for (int i = 0; i < r->nseries; i++) {
		text_strip_controls(r->series[i].name);
		text_strip_controls(r->series[i].unsupported);
		text_strip_controls(r->series[i].statement);
		text_strip_controls(r->series[i].base_statement);
	}
	return true;
}
