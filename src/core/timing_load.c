#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/model.h"
#include "core/text.h"
#include "core/timing_run.h"

static bool bad(char *err, size_t errlen, const char *path, const char *what)
{
	snprintf(err, errlen, "%s: %s", path, what);
	return false;
}

static bool load_numbers(json_t *arr, struct timing_series *s, double scale, json_t *baselines,
                         const char *path, char *err, size_t errlen)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		if (!json_is_number(v))
			return bad(err, errlen, path, "a sample is not a number");
		double x = json_number_value(v) * scale, b = NAN;
		if (!isfinite(x))
			return bad(err, errlen, path, "a sample is not finite");
		/* a nanosecond attribute access: an hour per access is not a sample */
		if (fabs(x) > 3.6e12)
			return bad(err, errlen, path, "a sample is absurd (over an hour per access)");
		json_t *bj = baselines ? json_array_get(baselines, i) : NULL;
		if (bj && json_is_number(bj))
			b = json_number_value(bj) * scale;
		if (!timing_series_push(s, x, b))
			return bad(err, errlen, path, "out of memory");
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
	r->processes = (int)json_integer_value(json_object_get(root, "processes"));
	r->seconds = json_number_value(json_object_get(root, "seconds"));
	r->cancelled = json_is_true(json_object_get(root, "cancelled"));
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
		struct timing_series *s = &r->series[r->nseries];
		memset(s, 0, sizeof *s);
		if (!kind || (s->kind = kind_from_name(kind)) == KIND_COUNT)
			return bad(err, errlen, path, "a series with an unknown kind");
		if (!op || (s->op = time_op_from_name(op)) == OP_COUNT)
			return bad(err, errlen, path, "a series with an unknown op");
		r->nseries++;
		const char *uns = json_string_value(json_object_get(sj, "unsupported"));
		if (uns) {
			snprintf(s->unsupported, sizeof s->unsupported, "%s", uns);
			continue;
		}
		s->loops = (unsigned long)json_integer_value(json_object_get(sj, "loops"));
		s->unroll = (unsigned)json_integer_value(json_object_get(sj, "unroll"));
		json_t *x = json_object_get(sj, "samples");
		if (!json_is_array(x))
			return bad(err, errlen, path, "a series without \"samples\"");
		if (!load_numbers(x, s, 1.0, json_object_get(sj, "baselines"), path, err, errlen))
			return false;
		json_t *seed = json_object_get(sj, "seed_harness");
		if (json_is_object(seed)) {
			s->has_seed = true;
			s->seed_median = json_number_value(json_object_get(seed, "median_ns"));
			json_t *reps = json_object_get(seed, "reps_ns");
			for (int k = 0; k < 5; k++)
				s->seed_reps[k] = json_number_value(json_array_get(reps, (size_t)k));
		}
	}
	return true;
}

/* pyperf: {"benchmarks": [{"metadata": {"name": ...}, "runs": [{"values": [...]}]}]} */
static bool load_pyperf(json_t *root, struct timing_result *r, const char *path, char *err,
                        size_t errlen)
{
	json_t *benches = json_object_get(root, "benchmarks");
	json_t *meta = json_object_get(root, "metadata");
	snprintf(r->interp.version, sizeof r->interp.version, "%s",
	         json_string_value(json_object_get(meta, "python_version")) ?: "(pyperf)");
	snprintf(r->interp.path, sizeof r->interp.path, "%s", path);
	size_t i;
	json_t *b;
	json_array_foreach(benches, i, b) {
		if (r->nseries == TIMING_MAX_SERIES)
			return bad(err, errlen, path, "too many benchmarks");
		struct timing_series *s = &r->series[r->nseries++];
		memset(s, 0, sizeof *s);
		s->kind = KIND_REGULAR;
		s->op = OP_READ;
		const char *name = json_string_value(json_object_get(json_object_get(b, "metadata"), "name"));
		if (!name)
			name = json_string_value(json_object_get(meta, "name"));
		snprintf(s->name, sizeof s->name, "%s", name ? name : "benchmark");
		json_t *runs = json_object_get(b, "runs");
		size_t k;
		json_t *run;
		json_array_foreach(runs, k, run) {
			json_t *values = json_object_get(run, "values");
			if (json_is_array(values) &&
			    !load_numbers(values, s, 1e9, NULL, path, err, errlen))
				return false;
		}
		if (s->n == 0)
			return bad(err, errlen, path, "a pyperf benchmark without values");
		r->processes += (int)json_array_size(runs);
	}
	if (r->nseries == 0)
		return bad(err, errlen, path, "no benchmarks in the pyperf file");
	return true;
}

bool timing_load(const char *path, struct timing_result *r, unsigned *attrs, char *err,
                 size_t errlen)
{
	memset(r, 0, sizeof *r);
	*attrs = 0;
	json_error_t je;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
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
	for (int i = 0; i < r->nseries; i++) {
		text_strip_controls(r->series[i].name);
		text_strip_controls(r->series[i].unsupported);
	}
	return true;
}
