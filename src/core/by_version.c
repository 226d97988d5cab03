#include "config.h"

#include "core/by_version.h"

#include <stdio.h>
#include <string.h>

static void add_column(struct by_version *bv, const struct profile *pr)
{
	if (bv->ncols < BY_VERSION_MAX)
		bv->col[bv->ncols++] = pr;
}

void by_version_compute(const struct profile_set *set, const struct model_setting *s,
                        enum accounting acc, struct by_version *out)
{
	memset(out, 0, sizeof *out);
	out->setting = *s;
	out->setting.profile = NULL;
	out->accounting = acc;
	for (int pass = 0; pass < 2; pass++)   /* default builds, then free-threaded */
		for (size_t i = 0; i < set->count; i++) {
			const struct profile *pr = &set->items[i];
			if (pr->free_threaded != (pass == 1))
				continue;
			if (!pr->abi[s->abi].modelled) {
				size_t len = strlen(out->left_out_names);
				snprintf(out->left_out_names + len, sizeof out->left_out_names - len, "%s%s",
				         len ? ", " : "", pr->version);
				out->left_out++;
				continue;
			}
			add_column(out, pr);
		}
	for (int c = 0; c < out->ncols; c++) {
		const struct profile *pr = out->col[c];
		out->compared_with[c] = -1;
		for (int d = 0; d < out->ncols; d++) {
			const struct profile *q = out->col[d];
			bool same_version = q->major == pr->major && q->minor == pr->minor;
			if (pr->free_threaded ? (!q->free_threaded && same_version)
			                      : (!q->free_threaded && d < c))
				out->compared_with[c] = d;   /* the last default build before it */
		}
		struct model_setting one = *s;
		one.profile = pr;
		struct model_eval e;
		model_evaluate_all(&one, &e);
		for (int k = 0; k < KIND_COUNT; k++) {
			struct by_version_cell *cell = &out->cell[c][k];
			const struct kind_result *r = &e.kinds[k];
			cell->available = r->available;
			if (!r->available)
				continue;
			cell->per_instance = r->fig[acc];
			cell->total = r->total[acc];
			cell->saturated = r->saturated;
		}
	}
	for (int c = 0; c < out->ncols; c++)
		for (int k = 0; k < KIND_COUNT; k++) {
			struct by_version_cell *cell = &out->cell[c][k];
			int d = out->compared_with[c];
			if (!cell->available || d < 0 || !out->cell[d][k].available)
				continue;
			cell->has_change = true;
			cell->change = (int64_t)cell->per_instance - (int64_t)out->cell[d][k].per_instance;
		}
}
