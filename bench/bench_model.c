/* make bench: model evaluations per second (all kinds, one setting).
 * Prints figures; asserts nothing. Goal: >= 1,000,000 evaluations/s. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/model.h"
#include "core/profile.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Median evaluations/s over `runs` runs of about 0.2 s each; with sweep,
 * the attribute count changes at every evaluation (0..199), as when a key
 * is held down, so no cached warm-up table is reused. */
static double evals_per_second(const struct model_setting *setting, int runs, bool sweep)
{
	struct model_setting s_copy = *setting;
	struct model_setting *s = &s_copy;
	double rate[15];
	struct model_eval e;
	volatile uint64_t sink = 0;
	for (int r = 0; r < runs; r++) {
		unsigned long n = 0;
		double t0 = now(), t;
		do {
			for (int i = 0; i < 1000; i++) {
				if (sweep)
					s->attrs = (unsigned)(n + (unsigned long)i) % 200;
				model_evaluate_all(s, &e);
				sink += e.kinds[KIND_REGULAR].total[ACC_ALLOCATED];
			}
			n += 1000;
			t = now() - t0;
		} while (t < 0.2);
		rate[r] = (double)n / t;
	}
	(void)sink;
	qsort(rate, (size_t)runs, sizeof rate[0], compare_double);
	return rate[runs / 2];
}

int main(void)
{
	const char *dir = getenv("SLOTEXPLORE_DATADIR");
	struct profile_set set;
	char err[300];
	if (!dir || !profile_set_load(dir, &set, err, sizeof err)) {
		fprintf(stderr, "bench_model: %s\n", dir ? err : "SLOTEXPLORE_DATADIR unset");
		return 1;
	}
	static const struct {
		int minor;
		unsigned attrs;
		unsigned long long m;
		bool sweep;
		const char *what;
	} cases[] = {
		{ 13, 5, 1000, false, "3.13 lp64, 5 attrs, 1,000 instances" },
		{ 14, 40, 1000000, false, "3.14 lp64, 40 attrs, 10^6 instances" },
		{ 10, 64, 1000000000000ULL, false, "3.10 lp64, 64 attrs, 10^12 instances" },
		{ 12, 0, 1000000, true, "3.12 lp64, attrs 0..199 changing every time" },
	};
	printf("%-44s %16s %10s\n", "model evaluation (all 12 kinds)", "evaluations/s", "goal");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct model_setting s = {
			.profile = profile_set_find(&set, 3, cases[i].minor, false), .abi = ABI_LP64,
			.attrs = cases[i].attrs, .instances = cases[i].m,
		};
		s.values.type = VALUE_NONE;
		s.values.shared = true;
		double r = evals_per_second(&s, 5, cases[i].sweep);
		printf("%-44s %16.0f %10s %s\n", cases[i].what, r, ">= 1e6", r >= 1e6 ? "met" : "MISSED");
	}
	profile_set_free(&set);
	return 0;
}
