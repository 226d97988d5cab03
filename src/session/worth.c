#include "config.h"

#include "session/worth.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/units.h"

#define CACHE_LINE 64
#define PAGE 4096

struct text {
	char *out;
	size_t n, used;
};

static void add(struct text *t, const char *fmt, ...)
{
	if (t->used + 1 >= t->n)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(t->out + t->used, t->n - t->used, fmt, ap);
	va_end(ap);
	if (w > 0)
		t->used += (size_t)w < t->n - t->used ? (size_t)w : t->n - t->used - 1;
}

/* "32 B, half a 64-byte cache line" / "96 B, 1.5 cache lines of 64 B". */
static void in_cache_lines(uint64_t bytes, char *buf, size_t n)
{
	char b[32];
	format_grouped(bytes, b, sizeof b);
	double lines = (double)bytes / CACHE_LINE;
	if (bytes == CACHE_LINE / 2)
		snprintf(buf, n, "%s B, half a %d-byte cache line", b, CACHE_LINE);
	else if (bytes == CACHE_LINE)
		snprintf(buf, n, "%s B, one %d-byte cache line", b, CACHE_LINE);
	else if (bytes < CACHE_LINE)
		snprintf(buf, n, "%s B, %.2g of a %d-byte cache line", b, lines, CACHE_LINE);
	else
		snprintf(buf, n, "%s B, %.3g cache lines of %d B", b, lines, CACHE_LINE);
}

/* "3.1 KiB (less than one 4 KiB page)" / "31.2 KiB (7.8 pages of 4 KiB)". */
static void in_pages(uint64_t bytes, char *buf, size_t n)
{
	char b[24], p[24];
	format_bytes_human(bytes, b, sizeof b);
	double pages = (double)bytes / PAGE;
	if (bytes < PAGE)
		snprintf(buf, n, "%s (less than one 4 KiB page)", b);
	else if (pages < 100)
		snprintf(buf, n, "%s (%.1f pages of 4 KiB)", b, pages);
	else {
		format_grouped((uint64_t)(pages + 0.5), p, sizeof p);
		snprintf(buf, n, "%s (%s pages of 4 KiB)", b, p);
	}
}

/* What kind k saves in total against regular at m instances; false when it
 * costs more. */
static bool saving_at(const struct app *a, enum kind k, uint64_t m, uint64_t *saved)
{
	uint64_t r = app_total_at(a, KIND_REGULAR, m), x = app_total_at(a, k, m);
	*saved = r > x ? r - x : x - r;
	return r > x;
}

/* The first instance count at which k's total is below regular's (its
 * class may cost more once), or 0 when it never is up to the model's limit. */
static uint64_t break_even(const struct app *a, enum kind k)
{
	uint64_t lo = 1, hi = MODEL_MAX_INSTANCES, d;
	if (!saving_at(a, k, hi, &d))
		return 0;
	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;
		if (saving_at(a, k, mid, &d))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static void paper_rule(struct text *t, const struct app *a, enum kind k)
{
	static const uint64_t at[] = { 100, 10000, 1000000 };
	add(t, "The rule of thumb \"more than 100 instances\", as figures:");
	for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
		uint64_t d;
		char count[32], bytes[96];
		format_grouped(at[i], count, sizeof count);
		bool saves = saving_at(a, k, at[i], &d);
		in_pages(d, bytes, sizeof bytes);
		add(t, "%s at %s instances %s %s %s", i ? ";" : "", count, kind_info(k)->name,
		    saves ? "saves" : "costs", bytes);
		if (!saves)
			add(t, " more");
	}
	add(t, ".\n\n");
}

/* What is paid once rather than per instance at m instances: the class,
 * what its first instance adds, the list holding the instances. */
static int64_t fixed_bytes(const struct app *a, enum kind k, uint64_t m)
{
	return (int64_t)app_total_at(a, k, m) - (int64_t)(m * a->eval.kinds[k].fig[a->acc]);
}

static void fixed_cost(struct text *t, const struct app *a, enum kind k)
{
	const uint64_t m = 1000;
	char mine[32], theirs[32];
	format_grouped((uint64_t)fixed_bytes(a, k, m), mine, sizeof mine);
	format_grouped((uint64_t)fixed_bytes(a, KIND_REGULAR, m), theirs, sizeof theirs);
	add(t, "Fixed cost, paid once (%s and the list that holds the instances): %s %s B, "
	    "regular %s B", kind_info(k)->has_class ? "the class, what its first instance adds"
	    : "what the first instance adds", kind_info(k)->name, mine, theirs);
	uint64_t from = break_even(a, k);
	char count[32];
	format_grouped(from, count, sizeof count);
	if (from == 1)
		add(t, "; %s is ahead from the first instance.\n\n", kind_info(k)->name);
	else if (from)
		add(t, "; %s is ahead in total from %s instances on.\n\n", kind_info(k)->name, count);
	else
		add(t, "; %s is never ahead in total.\n\n", kind_info(k)->name);
}

static void shared_keys_limit(struct text *t, const struct app *a)
{
	const char *v = app_profile(a)->version;
	if (a->overflow_at < 0) {
		add(t, "Key-sharing limit: none on CPython %s up to %d attributes (regular instances "
		    "share their class's keys).\n", v, CHART_ATTRS_MAX);
		return;
	}
	add(t, "Key-sharing limit: on CPython %s a regular instance gets a dict of its own from %d "
	    "attributes on; here %u attribute%s: %s it.\n", v, a->overflow_at, a->attrs,
	    a->attrs == 1 ? "" : "s", (int)a->attrs >= a->overflow_at ? "past" : "below");
}

void worth_compose(struct app *a, enum kind k, char *out, size_t n)
{
	struct text t = { out, n, 0 };
	out[0] = '\0';
	app_update(a);
	const struct kind_result *r = &a->eval.kinds[k], *reg = &a->eval.kinds[KIND_REGULAR];
	const char *name = kind_info(k)->name, *acc = accounting_name(a->acc);
	add(&t, "Is %s worth it here? CPython %s %s, %u attribute%s, %s bytes.\n\n", name,
	    app_profile(a)->version, abi_name(a->abi), a->attrs, a->attrs == 1 ? "" : "s", acc);
	if (k == KIND_REGULAR) {
		add(&t, "regular is the baseline: select another kind (up and down arrows) to weigh it "
		    "against regular.\n");
		return;
	}
	if (!r->available || !reg->available) {
		add(&t, "%s: %s.\n", r->available ? "regular" : name,
		    r->available ? reg->unavailable : r->unavailable);
		return;
	}
	uint64_t mine = r->fig[a->acc], theirs = reg->fig[a->acc];
	char a_b[32], b_b[32], diff[96], count[32], total[96];
	format_grouped(mine, a_b, sizeof a_b);
	format_grouped(theirs, b_b, sizeof b_b);
	in_cache_lines(mine < theirs ? theirs - mine : mine - theirs, diff, sizeof diff);
	if (mine == theirs)
		add(&t, "Per instance: %s %s B, the same as regular.\n", name, a_b);
	else
		add(&t, "Per instance: %s %s B against regular %s B: %s %s.\n", name, a_b, b_b,
		    mine < theirs ? "saves" : "costs more by", diff);
	uint64_t d;
	bool saves = saving_at(a, k, a->instances, &d);
	format_grouped(a->instances, count, sizeof count);
	in_pages(d, total, sizeof total);
	const char *plural = a->instances == 1 ? "" : "s";
	if (d == 0) {
		add(&t, "For %s instance%s (the count shown): the same in total.\n\n", count, plural);
	} else {
		/* the total's difference, taken apart: per instance times the count,
		 * and what is paid once */
		int64_t once = fixed_bytes(a, KIND_REGULAR, a->instances) - fixed_bytes(a, k, a->instances);
		char per[32], fixed[32];
		format_grouped(mine < theirs ? theirs - mine : mine - theirs, per, sizeof per);
		format_grouped((uint64_t)(once < 0 ? -once : once), fixed, sizeof fixed);
		add(&t, "For %s instance%s (the count shown), in total: %s %s; regular - %s = %s x %s%s B "
		    "per instance %s %s B paid once.\n\n", count, plural, saves ? "saves" : "costs more by",
		    total, name, count, mine > theirs ? "-" : "", per, once < 0 ? "-" : "+", fixed);
	}
	paper_rule(&t, a, k);
	fixed_cost(&t, a, k);
	shared_keys_limit(&t, a);
}
