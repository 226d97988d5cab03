#include "config.h"

#include "core/verify_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One request, one reply line: the reply parsed into rec. */
static bool exchange(struct probe_client *pc, const char *request, int timeout_ms,
                     struct probe_record *rec, char *err, size_t errlen)
{
	if (!probe_client_send(pc, request, err, errlen))
		return false;
	static char line[PROBE_LINE_MAX];
	char how[120];
	switch (probe_client_read_line(pc, line, sizeof line, timeout_ms)) {
	case PROBE_READ_LINE:
		break;
	case PROBE_READ_TIMEOUT:
		probe_client_stop(pc, 0, how, sizeof how);
		snprintf(err, errlen, "%s gave no answer to '%s' within %d s; stopped it", pc->python,
		         request, timeout_ms / 1000);
		return false;
	case PROBE_READ_TOO_LONG:
		probe_client_stop(pc, 0, how, sizeof how);
		snprintf(err, errlen, "%s answered '%s' with a line over %d bytes; stopped it",
		         pc->python, request, PROBE_LINE_MAX);
		return false;
	case PROBE_READ_EOF:
		probe_client_stop(pc, 1000, how, sizeof how);
		snprintf(err, errlen, "%s %s while answering '%s'%s%s", pc->python, how, request,
		         pc->err_tail[0] ? ": " : "", pc->err_tail);
		return false;
	}
	char why[200];
	if (!probe_parse_line(line, rec, why, sizeof why)) {
		probe_client_stop(pc, 0, how, sizeof how);
		snprintf(err, errlen, "%s answered '%s' with something that is not a probe reply: %s",
		         pc->python, request, why);
		return false;
	}
	if (rec->verb == PROBE_ERROR) {
		snprintf(err, errlen, "the probe under %s reported: %.200s", pc->python, rec->error_text);
		return false;
	}
	return true;
}

bool verify_run(struct probe_client *pc, const struct verify_plan *plan, verify_row_fn row,
                void *ctx, struct verify_summary *sum, char *err, size_t errlen)
{
	memset(sum, 0, sizeof *sum);
	char values[64];
	value_spec_format(&plan->values, values, sizeof values);
	static struct probe_record rec;
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!plan->kinds[k])
			continue;
		for (int i = 0; i < plan->nattrs; i++) {
			char request[256];
			snprintf(request, sizeof request, "measure kind=%s attrs=%llu values=%s count=%u",
			         kind_info((enum kind)k)->name, (unsigned long long)plan->attrs[i], values,
			         plan->count);
			if (kind_info((enum kind)k)->inheritance) {   /* the split, as the model takes it */
				struct model_setting s = { .attrs = (unsigned)plan->attrs[i],
				                           .base_given = plan->base_given,
				                           .base_attrs = plan->base_attrs };
				size_t len = strlen(request);
				snprintf(request + len, sizeof request - len, " base=%u", model_base_attrs(&s));
			}
			if (!exchange(pc, request, plan->timeout_ms, &rec, err, errlen))
				return false;
			struct verify_result vr;
			char why[200];
			if (!verify_record(&rec, plan->profile, plan->abi, &vr, why, sizeof why)) {
				snprintf(err, errlen, "cannot compare the reply to '%s': %s", request, why);
				return false;
			}
			sum->settings++;
			sum->figures += vr.ncells;
			sum->mismatches += vr.mismatches;
			if (rec.verb == PROBE_UNSUPPORTED)
				sum->unsupported++;
			row(ctx, &vr);
		}
	}
	return true;
}

bool verify_bulk(struct probe_client *pc, const struct verify_plan *plan, enum kind kind,
                 unsigned attrs, uint64_t instances, struct bulk_result *out, char *err,
                 size_t errlen)
{
	memset(out, 0, sizeof *out);
	char values[64], request[256];
	value_spec_format(&plan->values, values, sizeof values);
	struct model_setting s = {
		.profile = plan->profile, .abi = plan->abi, .attrs = attrs, .instances = instances,
		.values = plan->values, .base_given = plan->base_given, .base_attrs = plan->base_attrs,
	};
	snprintf(request, sizeof request, "bulk kind=%s attrs=%u values=%s count=%llu",
	         kind_info(kind)->name, attrs, values, (unsigned long long)instances);
	if (kind_info(kind)->inheritance) {
		size_t len = strlen(request);
		snprintf(request + len, sizeof request - len, " base=%u", model_base_attrs(&s));
	}
	static struct probe_record rec;
	/* a million instances take seconds: allow a minute per 10^6 */
	int timeout = plan->timeout_ms + (int)(instances / 1000000 + 1) * 60000;
	if (!exchange(pc, request, timeout, &rec, err, errlen))
		return false;
	if (rec.verb == PROBE_UNSUPPORTED) {
		const char *why = probe_field(&rec, "reason");
		snprintf(err, errlen, "%s cannot build %s instances: %s", pc->python,
		         kind_info(kind)->name, why ? why : "unsupported");
		return false;
	}
	const char *secs = probe_field(&rec, "seconds");
	if (!probe_field_u64(&rec, "traced", &out->traced) ||
	    !probe_field_u64(&rec, "rss_growth", &out->rss_growth) || !secs) {
		snprintf(err, errlen, "the probe's bulk reply lacks traced, rss_growth or seconds");
		return false;
	}
	out->seconds = strtod(secs, NULL);
	out->instances = instances;
	struct container c;
	model_container(&s, &c);
	struct kind_result kr;
	model_evaluate(&s, kind, &c, &kr);
	/* the probe's class exists before tracing starts: leave the class out */
	out->model_requested = kr.total[ACC_REQUESTED] - kr.per_class_getsizeof -
	                       kr.base_class_getsizeof;
	out->model_allocated = kr.total[ACC_ALLOCATED] - kr.per_class_allocated -
	                       kr.base_class_allocated;
	return true;
}
