/* Unit tests of the curses-free core: parsers, profiles, model invariants
 * and the figures the seed paper and the spec pin down. */
#include "config.h"

#include <stdlib.h>

#include "core/census.h"
#include "core/model.h"
#include "core/numparse.h"
#include "core/probe_parse.h"
#include "core/profile.h"
#include "core/seed.h"
#include "core/units.h"
#include "core/values.h"
#include "core/verify.h"
#include "core/verify_run.h"
#include "tap.h"

static struct profile_set profiles;

static const struct profile *P(int minor)
{
	return profile_set_find(&profiles, 3, minor, false);
}

static void test_numparse(void)
{
	static const struct { const char *text; uint64_t want; } good[] = {
		{ "0", 0 }, { "1000", 1000 }, { "1e6", 1000000 }, { "1E3", 1000 }, { "1k", 1000 },
		{ "2.5k", 2500 }, { "1M", 1000000 }, { "3G", 3000000000ULL }, { "1T", 1000000000000ULL },
		{ "10^6", 1000000 }, { "1_000", 1000 }, { "1,000,000", 1000000 }, { "1.5e3", 1500 },
		{ " 42 ", 42 }, { "1e12", 1000000000000ULL }, { "12,345", 12345 },
		{ "10,000k", 10000000 }, { "1,500.5k", 1500500 },
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		uint64_t v = 0;
		char err[200];
		bool r = parse_count(good[i].text, 0, 1000000000000000ULL, &v, err, sizeof err);
		ok(r && v == good[i].want, "parse_count('%s') = %llu", good[i].text,
		   (unsigned long long)good[i].want);
	}
	static const struct { const char *text; const char *why; } bad[] = {
		{ "", "is not a number" }, { "abc", "is not a number" }, { "-1", "is negative" },
		{ "1.5", "is not a whole number" }, { "1e30", "is too large" }, { "5x", "trailing" },
		{ "1e", "malformed exponent" }, { "2", "is too small" },
		/* thousands separators only between groups of three (1,5 was 15) */
		{ "1,5", "groups its digits wrongly" }, { "1,5k", "groups its digits wrongly" },
		{ "1,0000", "groups its digits wrongly" }, { "1,000_000", "groups its digits wrongly" },
		{ "1234,567", "groups its digits wrongly" }, { "1,", "groups its digits wrongly" },
		{ "1,00.5", "groups its digits wrongly" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		uint64_t v;
		char err[200] = "";
		bool r = parse_count(bad[i].text, 3, 1000000000000000ULL, &v, err, sizeof err);
		ok(!r && strstr(err, bad[i].why) && strstr(err, "from 3 to"),
		   "parse_count('%s') fails: %s", bad[i].text, err);
	}
	/* the examples in the message are in range (attrs stop at 100,000: no 1e6, no 2M) */
	uint64_t v;
	char err[200];
	ok(!parse_count("1e9", 0, 100000, &v, err, sizeof err) && !strstr(err, "1e6") &&
	   !strstr(err, "2M") && strstr(err, "1k"), "range error names only examples in range: %s",
	   err);
}

static void test_values_parse(void)
{
	static const char *const round_trip[] = {
		"none", "smallint", "int:64", "int:20,shared", "float", "float,shared", "str:10",
		"str:3:latin1", "str:7:ucs4,shared", "str:0",
	};
	for (size_t i = 0; i < sizeof round_trip / sizeof round_trip[0]; i++) {
		struct value_spec v;
		char err[200], back[64] = "";
		bool r = value_spec_parse(round_trip[i], &v, err, sizeof err);
		if (r)
			value_spec_format(&v, back, sizeof back);
		is_str(back, round_trip[i], "values '%s' round-trips", round_trip[i]);
	}
	static const char *const bad[] = { "", "nothing", "int:3", "int:x", "str:-1", "str:5:ebcdic",
		                            "float:2", "none,owned", "int:64,shared,shared" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct value_spec v;
		char err[300] = "";
		ok(!value_spec_parse(bad[i], &v, err, sizeof err) && strchr(err, '\''),
		   "values '%s' is rejected: %s", bad[i], err);
	}
}

static void test_value_lists(void)
{
	static struct value_list l, again;
	char err[400], back[VALUE_LIST_TEXT];
	/* canonical lists round-trip; a single spec is one entry, repeated */
	static const char *const round_trip[] = {
		"int:30,str:12,str:40:ucs2,float,none", "int:30,shared,str:12", "str:5,shared",
		"int:30,float,...", "smallint,none,str:0,int:64,shared,...", "none",
	};
	for (size_t i = 0; i < sizeof round_trip / sizeof round_trip[0]; i++) {
		back[0] = '\0';
		if (value_list_parse(round_trip[i], &l, err, sizeof err))
			value_list_format(&l, back, sizeof back);
		is_str(back, round_trip[i], "value list '%s' round-trips", round_trip[i]);
	}
	ok(value_list_parse("int:30,str:12,str:40:ucs2,float,none", &l, err, sizeof err) &&
	   l.n == 5 && !l.repeat_last && l.item[0].type == VALUE_INT && l.item[0].bits == 30 &&
	   l.item[2].str_kind == STR_UCS2 && l.item[2].len == 40 && l.item[4].type == VALUE_NONE,
	   "five entries, each its own spec");
	ok(value_list_parse("int:30,shared,str:12", &l, err, sizeof err) && l.n == 2 &&
	   l.item[0].shared && !l.item[1].shared, "a bare shared makes the entry before it shared");
	ok(value_list_parse("str:5,shared", &l, err, sizeof err) && l.n == 1 && l.item[0].shared &&
	   value_list_covers(&l, 1000), "str:5,shared is one shared spec for every attribute");
	ok(value_list_parse("int:30,...", &l, err, sizeof err) && l.n == 1, "int:30,... is int:30");
	value_list_format(&l, back, sizeof back);
	is_str(back, "int:30", "  and is written as int:30");
	ok(value_list_parse("int:30,float,...", &l, err, sizeof err) && l.repeat_last &&
	   value_list_at(&l, 0)->type == VALUE_INT && value_list_at(&l, 1)->type == VALUE_FLOAT &&
	   value_list_at(&l, 99)->type == VALUE_FLOAT && value_list_covers(&l, 100000),
	   "... repeats the last entry past the list");
	ok(value_list_parse("int:30,str:12,none", &l, err, sizeof err) && value_list_covers(&l, 3) &&
	   value_list_covers(&l, 2) && !value_list_covers(&l, 5), "three values cover 3 attributes, not 5");
	value_list_short_message(&l, "--attrs is 5", err, sizeof err);
	is_str(err, "--values lists 3 values but --attrs is 5; end the list with ... to repeat the "
	       "last", "the message for a list shorter than --attrs");
	ok(value_list_parse("int:30,int:30,int:30", &l, err, sizeof err) &&
	   value_list_uniform(&l, 3) && value_list_parse("int:30,int:31", &again, err, sizeof err) &&
	   !value_list_uniform(&again, 2) && value_list_uniform(&again, 1),
	   "uniform: the attributes' specs are all the same");
	static const struct { const char *text, *why; } bad[] = {
		{ "int:30,,none", "entry 2 of the list is empty" },
		{ "int:30,none,", "entry 3 of the list is empty" },
		{ ",none", "entry 1 of the list is empty" },
		{ "int:30,fluff", "entry 2 of the list: 'fluff' is not a value type" },
		{ "shared,none", "entry 1 of the list is 'shared'" },
		{ "int:30,shared,shared", "entry 3 of the list repeats 'shared'" },
		{ "...", "is not a value type" },
		{ "...,none", "entry 1 of the list is '...'" },
		{ "none,...,float", "entry 2 of the list is '...', which only ends a list" },
		{ "int:30,int:4", "entry 2 of the list: 'int:4': int:BITS takes BITS from 10" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		ok(!value_list_parse(bad[i].text, &l, err, sizeof err) && strstr(err, bad[i].why) &&
		   !strchr(err, '\n'), "value list '%s' is rejected: %s", bad[i].text, err);
	}
	/* 256 entries at most, then a one-line error; a text too long for the probe too */
	char many[VALUE_LIST_TEXT];
	size_t used = 0;
	for (int i = 0; i < 257; i++)
		used += (size_t)snprintf(many + used, sizeof many - used, "%snone", i ? "," : "");
	ok(!value_list_parse(many, &l, err, sizeof err) && strstr(err, "more than 256 values"),
	   "257 values are too many: %s", err);
	many[used - 5] = '\0';   /* 256 of them */
	ok(value_list_parse(many, &l, err, sizeof err) && l.n == 256, "256 values are fine");
	static char huge[VALUE_LIST_TEXT + 10];
	memset(huge, 'x', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	ok(!value_list_parse(huge, &l, err, sizeof err) && strstr(err, "characters long"),
	   "a list text over %d characters: %s", VALUE_LIST_TEXT - 1, err);
	/* the header's short form ends with ... at a comma */
	value_list_parse("int:30,str:12,str:40:ucs2,float,none", &l, err, sizeof err);
	value_list_format_short(&l, back, 20);
	is_str(back, "int:30,str:12,\u2026", "the header's short form");
}

static void test_profile_errors(void)
{
	/* A valid profile text, then damaged copies of it. */
	char path[512];
	snprintf(path, sizeof path, "%s/cpython-3.12.profile", getenv("SLOTEXPLORE_DATADIR"));
	FILE *f = fopen(path, "rb");
	ok(f != NULL, "read %s", path);
	if (!f)
		return;
	static char good[65536];
	size_t n = fread(good, 1, sizeof good - 1, f);
	fclose(f);
	good[n] = '\0';
	struct profile pr;
	char err[300];
	ok(profile_parse(good, n, "x.profile", &pr, err, sizeof err), "the 3.12 profile parses");

	struct { const char *find, *replace, *expect; } damage[] = {
		{ "dict_object", "dict_objekt", "unknown key 'dict_objekt'" },
		{ "float_size                     24", "float_size                     x4",
		  "'x4' is not a byte count" },
		{ "version 3.12", "version three", "bad value for 'version'" },
		{ "format 1", "format 9", "unsupported profile format '9'" },
		{ "instance_layout values-array", "instance_layout sideways", "is not split-dict" },
		{ "pointer                         8      4      4", "pointer 8 4",
		  "needs three numbers" },
		{ "none_size                      16      8      8\n", "", "missing key 'none_size'" },
		{ "build default", "build gil-less", "build 'gil-less' is not default or free-threaded" },
		{ "allocator pymalloc", "allocator jemalloc", "allocator 'jemalloc' is not pymalloc" },
		{ "allocator pymalloc", "allocator mimalloc", "'alignment' is a pymalloc key" },
		{ "evidence verified", "evidence measured", "evidence 'measured' is not verified" },
		{ "float_size                     24     16", "float_size                     24      -",
		  "'-' in the ilp32 column, whose evidence is not none" },
		{ "evidence verified verified from-source", "evidence none none none",
		  "evidence is none for every ABI" },
	};
	for (size_t i = 0; i < sizeof damage / sizeof damage[0]; i++) {
		static char copy[70000];
		const char *at = strstr(good, damage[i].find);
		if (!ok(at != NULL, "damage %zu applies", i))
			continue;
		size_t pre = (size_t)(at - good);
		snprintf(copy, sizeof copy, "%.*s%s%s", (int)pre, good, damage[i].replace,
		         at + strlen(damage[i].find));
		err[0] = '\0';
		bool r = profile_parse(copy, strlen(copy), "x.profile", &pr, err, sizeof err);
		ok(!r && strstr(err, damage[i].expect) && strncmp(err, "x.profile", 9) == 0,
		   "damaged profile rejected: %s", err);
	}
	char twice[70000];
	snprintf(twice, sizeof twice, "%s\nfloat_size 24 16 16\n", good);
	ok(!profile_parse(twice, strlen(twice), "x.profile", &pr, err, sizeof err) &&
	   strstr(err, "given twice"), "duplicate key rejected: %s", err);
	char nul[] = "format 1\nversion 3.12\0garbage\n";
	ok(!profile_parse(nul, sizeof nul - 1, "x.profile", &pr, err, sizeof err) &&
	   strstr(err, "NUL"), "NUL byte rejected: %s", err);
	ok(!profile_load_file("/nonexistent/cpython-3.99.profile", &pr, err, sizeof err) &&
	   strstr(err, "cannot open"), "missing file: %s", err);
	struct profile_set empty;
	ok(!profile_set_load("/nonexistent-dir", &empty, err, sizeof err) &&
	   strstr(err, "cannot open data directory"), "missing data dir: %s", err);
}

static struct kind_result eval_profile(const struct profile *pr, enum abi abi, enum kind k,
                                       unsigned attrs, uint64_t m, const char *values)
{
	struct model_setting s = { .profile = pr, .abi = abi, .attrs = attrs, .instances = m };
	char err[300];
	if (!value_list_parse(values, &s.values, err, sizeof err))
		abort();
	struct container c;
	model_container(&s, &c);
	struct kind_result r;
	model_evaluate(&s, k, &c, &r);
	return r;
}

static struct kind_result eval(int minor, enum abi abi, enum kind k, unsigned attrs,
                               uint64_t m, const char *values)
{
	return eval_profile(P(minor), abi, k, attrs, m, values);
}

static uint64_t sum_parts(const struct kind_result *r, enum accounting a)
{
	uint64_t t = 0;
	for (int p = 0; p < PART_COUNT; p++)
		t += r->part[a][p];
	return t;
}

/* Every figure is the sum of its parts, for every version, ABI, kind and a
 * spread of attribute counts and value types. */
/* mimalloc's bins against the block sizes measured on 3.14t (address gaps
 * between 4,000 fresh objects; shared/reference/free-threaded-layout.md §6),
 * and pymalloc's 16-byte classes on the default build. */
static void test_allocators(void)
{
	const struct profile *ft = profile_set_find(&profiles, 3, 14, true), *gil = P(14);
	static const unsigned req[] = { 136, 168, 200, 232, 264, 328, 392, 456, 520, 672, 928, 1056 };
	static const unsigned mi[] = { 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 1024, 1280 };
	static const unsigned py[] = { 144, 176, 208, 240, 272, 336, 400, 464, 528, 688, 944, 1072 };
	unsigned bad = 0;
	for (size_t i = 0; i < sizeof req / sizeof req[0]; i++) {
		bool est = false;
		uint64_t m = model_block_allocated(ft, ABI_LP64, req[i], &est);
		uint64_t p = model_block_allocated(gil, ABI_LP64, req[i], &est);
		if (m != mi[i] || p != py[i]) {
			diag("requested %u: mimalloc %llu (want %u), pymalloc/malloc %llu (want %u)", req[i],
			     (unsigned long long)m, mi[i], (unsigned long long)p, py[i]);
			bad++;
		}
	}
	ok(bad == 0, "block sizes equal the reference's measured table for mimalloc and pymalloc");
	bool est = false;
	ok(model_block_allocated(ft, ABI_LP64, 72, &est) == 80 &&
	   model_block_allocated(ft, ABI_LP64, 128, &est) == 128 &&
	   model_block_allocated(ft, ABI_LP64, 8, &est) == 8 && !est,
	   "mimalloc: 16-byte steps up to 128 bytes, exact");
	est = false;
	ok(model_block_allocated(ft, ABI_LP64, 131072, &est) == 131072 && !est &&
	   model_block_allocated(ft, ABI_LP64, 131073, &est) == 135168 && est,
	   "mimalloc: bins up to 128 KiB, a page-rounded estimate above");
	char why[160];
	ok(profile_abi_problem(ft, ABI_I386, why, sizeof why) &&
	   strstr(why, "modelled for lp64 only"), "3.14t refuses i386: %s", why);
	struct model_setting s = { .profile = ft, .abi = ABI_ILP32, .attrs = 1, .instances = 1 };
	ok(!model_setting_check(&s, why, sizeof why), "a 3.14t setting on ilp32 is refused: %s", why);
	/* the same request, the header and GC head traded: equal bytes, another breakdown */
	struct kind_result a = eval_profile(ft, ABI_LP64, KIND_SLOTS, 5, 1000, "none");
	struct kind_result b = eval_profile(gil, ABI_LP64, KIND_SLOTS, 5, 1000, "none");
	ok(a.fig[ACC_REQUESTED] == b.fig[ACC_REQUESTED] && a.part[ACC_REQUESTED][PART_GC_HEADER] == 0 &&
	   a.part[ACC_REQUESTED][PART_OBJECT_HEADER] == 32 && a.no_gc_header && !b.no_gc_header &&
	   model_part_listed(&a, ACC_REQUESTED, PART_GC_HEADER),
	   "3.14t slots: %llu bytes as on 3.14, 32-byte header, the missing GC header listed",
	   (unsigned long long)a.fig[ACC_REQUESTED]);
	a = eval_profile(ft, ABI_LP64, KIND_SLOTS, 5, 1000, "float");
	b = eval_profile(gil, ABI_LP64, KIND_SLOTS, 5, 1000, "float");
	ok(a.fig[ACC_REQUESTED] == b.fig[ACC_REQUESTED] + 5 * 16,
	   "3.14t: each owned float is 16 bytes bigger (%llu against %llu)",
	   (unsigned long long)a.fig[ACC_REQUESTED], (unsigned long long)b.fig[ACC_REQUESTED]);
}

static void test_invariants(void)
{
	static const char *const values[] = { "none", "smallint", "int:64", "float", "str:12:ucs2",
		                               "int:30,shared", "str:600" };
	static const unsigned attrs[] = { 0, 1, 2, 5, 6, 10, 21, 28, 29, 30, 31, 42, 43, 85, 86,
		                           100, 1000, 100000 };
	unsigned checked = 0, broken = 0;
	for (size_t p = 0; p < profiles.count; p++)
		for (int abi = 0; abi < ABI_COUNT; abi++)
			for (int k = 0; k < KIND_COUNT && profiles.items[p].abi[abi].modelled; k++)
				for (size_t v = 0; v < sizeof values / sizeof values[0]; v++)
					for (size_t a = 0; a < sizeof attrs / sizeof attrs[0]; a++) {
						struct kind_result r = eval_profile(&profiles.items[p], (enum abi)abi,
						                                    (enum kind)k, attrs[a], 1000,
						                                    values[v]);
						if (!r.available)
							continue;
						checked++;
						bool good = sum_parts(&r, ACC_REQUESTED) == r.fig[ACC_REQUESTED] &&
						            sum_parts(&r, ACC_ALLOCATED) == r.fig[ACC_ALLOCATED] &&
						            sum_parts(&r, ACC_DEEP) == r.fig[ACC_DEEP] &&
						            r.fig[ACC_ALLOCATED] >= r.fig[ACC_REQUESTED] &&
						            r.total[ACC_ALLOCATED] >= r.total[ACC_REQUESTED] &&
						            r.first_requested >= r.fig[ACC_REQUESTED] &&
						            !r.saturated;
						if (!r.shared_singleton)
							good = good && sum_parts(&r, ACC_GETSIZEOF) == r.fig[ACC_GETSIZEOF];
						if (!good && broken++ < 5)
							diag("broken: %s %s %s N=%u values=%s", profiles.items[p].version,
							     abi_name((enum abi)abi), kind_info((enum kind)k)->name, attrs[a],
							     values[v]);
					}
	ok(broken == 0 && checked > 10000, "parts add up in %u evaluations (%u broken)", checked, broken);
}

static void test_totals(void)
{
	/* M = 1: the first instance, one class object and a list of 4 slots. */
	struct kind_result r1 = eval(13, ABI_LP64, KIND_REGULAR, 5, 1, "none");
	is_u64(r1.first_requested, 48 + 32 + 31 * 8, "3.13 first instance block sized for 30 slots");
	is_u64(r1.total[ACC_REQUESTED], 328 + 944 + 768 + 56 + 32,
	       "3.13 total for M=1: instance + type + shared keys + list");
	/* Steady state: 10^6 instances cost 10^6 x steady plus the warm-up extra. */
	struct kind_result big = eval(13, ABI_LP64, KIND_REGULAR, 5, 1000000, "none");
	uint64_t warm_extra = 0;
	for (unsigned k = 0; k < 64; k++) {
		struct model_setting s = { .profile = P(13), .abi = ABI_LP64, .attrs = 5, .instances = 1 };
		value_list_single(&s.values, &(struct value_spec){ .type = VALUE_NONE, .shared = true });
		warm_extra += model_instance_requested(&s, KIND_REGULAR, k) - 112;
	}
	struct model_setting s = { .profile = P(13), .abi = ABI_LP64, .attrs = 5, .instances = 1000000 };
	struct container c;
	model_container(&s, &c);
	is_u64(big.total[ACC_REQUESTED], 1000000 * 112 + warm_extra + 944 + 768 + c.requested,
	       "3.13 total for 10^6 = steady x M + warm-up extra + class + list");
	is_u64(model_list_capacity(P(12), 1000), 1100, "a comprehension of 1,000 has 1,100 slots");
	is_u64(model_list_capacity(P(8), 1000), 1120, "3.8 over-allocation differs");
	is_u64(c.capacity >= 1000000, 1, "list capacity covers M");

	/* Saturation instead of wrap-around. */
	struct kind_result huge = eval(12, ABI_LP64, KIND_DICT, 100000, 1000000000000000ULL,
	                               "str:1000");
	ok(huge.saturated && huge.total[ACC_ALLOCATED] == UINT64_MAX,
	   "10^15 dicts of 100,000 long strings saturate and say so");
	struct kind_result fine = eval(12, ABI_LP64, KIND_SLOTS, 5, 1000000000000ULL, "none");
	ok(!fine.saturated && fine.total[ACC_REQUESTED] > 72000000000000ULL,
	   "10^12 slots instances fit without saturation");
}

static void test_spec_rules(void)
{
	/* spec §5.4: 3.14 static attrs, N > 30 overflows at the first name not
	 * among the first 30 in sorted order (a9 for N = 31..42). */
	struct kind_result r31 = eval(14, ABI_LP64, KIND_REGULAR, 31, 1000, "none");
	ok(r31.overflow && r31.values_before_overflow == 9, "3.14 static N=31 overflows after a0..a8");
	is_u64(r31.fig[ACC_REQUESTED], 1160, "3.14 static N=31 requested (spec table)");
	is_u64(eval(14, ABI_LP64, KIND_REGULAR, 43, 1000, "none").fig[ACC_REQUESTED], 1912,
	       "3.14 static N=43 requested (spec table)");
	is_u64(eval(14, ABI_LP64, KIND_REGULAR, 30, 1000, "none").fig[ACC_REQUESTED], 328,
	       "3.14 static: 30 attributes still fit");
	is_u64(eval(14, ABI_LP64, KIND_REGULAR_EXTERNAL, 30, 1000, "none").fig[ACC_REQUESTED], 1904,
	       "3.14 external attributes: 29 fit, the 30th overflows");
	is_u64(eval(11, ABI_LP64, KIND_REGULAR, 30, 1000, "none").fig[ACC_ALLOCATED], 1664,
	       "3.11 N=30 allocated incl. glibc estimate");
	is_u64(eval(11, ABI_I386, KIND_DICT, 0, 1000, "none").fig[ACC_GETSIZEOF], 36,
	       "i386 dict object is 28 bytes");
	is_u64(eval(9, ABI_ILP32, KIND_SLOTS, 5, 1000, "none").fig[ACC_GETSIZEOF], 36,
	       "32-bit slots: 16 + 4N");
	struct kind_result nt14 = eval(14, ABI_LP64, KIND_NAMEDTUPLE, 5, 1000, "none");
	ok(nt14.fig[ACC_GETSIZEOF] == 88 && nt14.fig[ACC_REQUESTED] == 96,
	   "3.14 namedtuple: 88 getsizeof, 96 requested (sentinel item)");
	struct kind_result t0 = eval(13, ABI_LP64, KIND_TUPLE, 0, 1000, "none");
	ok(t0.shared_singleton && t0.fig[ACC_REQUESTED] == 0 && t0.fig[ACC_GETSIZEOF] == 40,
	   "() is a shared singleton");
	ok(!eval(9, ABI_LP64, KIND_DATACLASS_SLOTS, 5, 1000, "none").available,
	   "dataclass(slots=True) does not exist on 3.9");
	ok(!eval(10, ABI_LP64, KIND_DATACLASS_SLOTS_WEAKREF, 5, 1000, "none").available &&
	   eval(10, ABI_LP64, KIND_DATACLASS_SLOTS, 5, 1000, "none").available,
	   "weakref_slot needs 3.11, slots=True 3.10");
	/* owned values add to every instance; shared ones only once */
	struct kind_result owned = eval(12, ABI_LP64, KIND_SLOTS, 5, 1000, "int:64");
	struct kind_result shared = eval(12, ABI_LP64, KIND_SLOTS, 5, 1000, "int:64,shared");
	/* 3 digits, allocated with a spare carry digit: 24 + 4 x 4 */
	is_u64(owned.fig[ACC_REQUESTED] - shared.fig[ACC_REQUESTED], 5 * 40,
	       "five owned 64-bit ints ask 5 x 40 bytes per instance");
	is_u64(owned.fig[ACC_GETSIZEOF], 72, "getsizeof does not see the values");
	is_u64(owned.fig[ACC_DEEP] - 72, 5 * 36, "deep counts 36 bytes per 64-bit int");
	is_u64(shared.shared_values_requested, 5 * 40, "shared ints are counted once");
}

static void test_seed(void)
{
	struct seed_report s;
	seed_compute(P(14), ABI_LP64, &s);
	static const uint64_t want[SEED_ROW_COUNT] = { 694, 212, 694, 212, 228, 169206, 80996 };
	for (int i = 0; i < SEED_ROW_COUNT; i++)
		is_u64(s.row[i].ours, want[i], "seed on 3.14: %s", s.row[i].label);
	char kb[32];
	format_bytes_paper(s.row[SEED_LIST_REGULAR].ours, kb, sizeof kb);
	is_str(kb, "165.2 KB", "165.2 KB formatted as the paper does");
	format_bytes_paper(s.row[SEED_LIST_SLOTS].ours, kb, sizeof kb);
	is_str(kb, "79.1 KB", "79.1 KB formatted as the paper does");

	/* seed-methodology.md §4: what the same harness gives on 3.11-3.13 */
	seed_compute(P(11), ABI_LP64, &s);
	is_u64(s.row[SEED_REGULAR].ours, 742, "seed harness on 3.11: regular 742");
	is_u64(s.row[SEED_NAMEDTUPLE].ours, 220, "seed harness on 3.11: namedtuple 220");
	is_u64(s.row[SEED_LIST_REGULAR].ours, 177246, "seed harness on 3.11: list 177,246");
	is_u64(s.row[SEED_LIST_SLOTS].ours, 80996, "seed harness on 3.11: slots list 80,996");
	seed_compute(P(12), ABI_LP64, &s);
	is_u64(s.row[SEED_REGULAR].ours, 694, "seed harness on 3.12: regular 694");
	is_u64(s.row[SEED_NAMEDTUPLE].ours, 220, "seed harness on 3.12: namedtuple 220");
	seed_compute(P(13), ABI_LP64, &s);
	is_u64(s.row[SEED_LIST_REGULAR].ours, 169206, "seed harness on 3.13: list 169,206");

	/* HEAD of the paper's repo: distinct ints per instance, 309,066 / 220,856 */
	struct kind_result reg = eval(13, ABI_LP64, KIND_REGULAR, 5, 1000, "int:11");
	struct kind_result sl = eval(13, ABI_LP64, KIND_SLOTS, 5, 1000, "int:11");
	/* names a0..a4 are 2 chars (43 B each) where the paper's a..e are 1 (42 B) */
	is_u64(reg.total[ACC_DEEP] - 5, 309066, "distinct ints: regular list 309,066 (+5 for 2-char names)");
	is_u64(sl.total[ACC_DEEP], 220856, "distinct ints: slots list 220,856");
}

static void test_units(void)
{
	char b[32];
	format_bytes_human(1023, b, sizeof b);
	is_str(b, "1023 B", "bytes below 1 KiB");
	format_bytes_human(1536, b, sizeof b);
	is_str(b, "1.5 KiB", "KiB");
	format_bytes_human(1048575, b, sizeof b);
	is_str(b, "1.0 MiB", "rounds up a unit instead of 1024.0 KiB");
	format_grouped(1234567, b, sizeof b);
	is_str(b, "1,234,567", "grouped digits");
	format_change_percent(694, 212, b, sizeof b);
	is_str(b, "-69%", "percent change");
}

/* A record checked against a profile that lacks its ABI is refused with a
 * reason, not modelled with zero constants (the fuzzer's SIGFPE). */
static void test_verify_unmodelled_abi(void)
{
	const struct profile *ft = profile_set_find(&profiles, 3, 14, true);
	static struct probe_record rec;
	char line[] = "measure kind=regular-dict attrs=1 values=none count=1000 requested=136";
	char err[200] = "";
	struct verify_result vr;
	ok(ft && probe_parse_line(line, &rec, err, sizeof err), "a measure record parses");
	ok(ft && !verify_record(&rec, ft, ABI_ILP32, &vr, err, sizeof err) &&
	       strstr(err, "no ilp32 build") != NULL,
	   "verify_record refuses an ABI the profile lacks: %s", err);
	ok(ft && verify_record(&rec, ft, ABI_LP64, &vr, err, sizeof err),
	   "and checks the ABI it has");
	char sample[] = "sample kind=regular attrs=1 op=read i=0 ns=1.0";
	ok(probe_parse_line(sample, &rec, err, sizeof err) &&
	       !verify_record(&rec, ft, ABI_LP64, &vr, err, sizeof err) && strstr(err, "'sample'"),
	   "a reply of another verb is named as it is: %s", err);
	/* an inheritance kind's reply echoes its split, checked like its kind */
	char split[] = "measure kind=slots-subclass-dict attrs=6 base=2 values=none count=50 "
	               "getsizeof=56";
	ok(probe_parse_line(split, &rec, err, sizeof err) &&
	       verify_reply_matches(&rec, "py", KIND_SLOTS_SUBCLASS_DICT, 6, 2, "none", 50, err,
	                            sizeof err),
	   "a reply with the split asked for matches");
	ok(!verify_reply_matches(&rec, "py", KIND_SLOTS_SUBCLASS_DICT, 6, 3, "none", 50, err,
	                         sizeof err) && strstr(err, "base=3 values") && strstr(err, "base=2"),
	   "one for another split does not, naming both: %s", err);
	ok(!verify_reply_matches(&rec, "py", KIND_SLOTS, 6, -1, "none", 50, err, sizeof err),
	   "nor does a split where none was asked for");
}

/* A mixed list costs what its attributes' values cost, one by one. */
static void test_value_list_model(void)
{
	static const char *const mixed = "int:30,str:12,str:40:ucs2,float,none";
	static const char *const one[5] = { "int:30", "str:12", "str:40:ucs2", "float", "none" };
	for (int minor = 8; minor <= 14; minor += 3) {
		const struct profile *pr = P(minor);
		uint64_t req = 0, alloc = 0, deep = 0;
		for (unsigned i = 0; i < 5; i++) {
			struct value_list l;
			char err[300];
			value_list_parse(one[i], &l, err, sizeof err);
			struct value_object o = value_object_cost(&l.item[0], pr, ABI_LP64, i);
			if (o.cached)
				continue;
			bool est = false;
			req += o.requested;
			alloc += model_block_allocated(pr, ABI_LP64, o.requested, &est);
			deep += o.getsizeof;
		}
		static const enum kind kinds[] = { KIND_REGULAR, KIND_SLOTS, KIND_DICT, KIND_TUPLE,
		                                   KIND_DATACLASS };
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			struct kind_result m = eval(minor, ABI_LP64, kinds[k], 5, 1000, mixed);
			struct kind_result n = eval(minor, ABI_LP64, kinds[k], 5, 1000, "none");
			const char *name = kind_info(kinds[k])->name;
			is_u64(m.fig[ACC_REQUESTED] - n.fig[ACC_REQUESTED], req,
			       "3.%d %s: requested with the list = with None + each attribute's value", minor,
			       name);
			is_u64(m.fig[ACC_ALLOCATED] - n.fig[ACC_ALLOCATED], alloc,
			       "3.%d %s: allocated = with None + each value's block", minor, name);
			is_u64(m.fig[ACC_DEEP] - n.fig[ACC_DEEP], deep,
			       "3.%d %s: deep = with None + each value (None counted once)", minor, name);
			is_u64(m.fig[ACC_GETSIZEOF], n.fig[ACC_GETSIZEOF],
			       "3.%d %s: getsizeof counts no value", minor, name);
			/* the per-attribute rows add up to the part */
			struct model_setting s = { .profile = P(minor), .abi = ABI_LP64, .attrs = 5,
			                           .instances = 1000 };
			char err[300];
			value_list_parse(mixed, &s.values, err, sizeof err);
			ok(model_values_per_attribute(&s), "the mixed list is shown per attribute");
			for (int a = ACC_REQUESTED; a < ACC_COUNT; a++) {
				struct value_row rows[MODEL_VALUE_ROWS];
				unsigned nr = model_value_rows(&s, kinds[k], (enum accounting)a, rows,
				                               MODEL_VALUE_ROWS);
				uint64_t sum = 0;
				for (unsigned i = 0; i < nr; i++)
					sum += rows[i].bytes;
				ok(nr == 5 && sum == m.part[a][PART_VALUE_OBJECTS],
				   "3.%d %s %s: 5 rows that sum to the value objects part (%llu)", minor, name,
				   accounting_name((enum accounting)a), (unsigned long long)sum);
			}
		}
		/* an inheritance kind: the deep walk reaches the subclass's slots only */
		struct kind_result m = eval(minor, ABI_LP64, KIND_SLOTS_SUBCLASS_SLOTS, 5, 1000, mixed);
		struct kind_result n = eval(minor, ABI_LP64, KIND_SLOTS_SUBCLASS_SLOTS, 5, 1000, "none");
		struct value_list l;
		char err[300];
		value_list_parse(mixed, &l, err, sizeof err);
		uint64_t reached = 0;
		for (unsigned i = 2; i < 5; i++) {   /* K = 2: a2..a4 */
			struct value_object o = value_object_cost(&l.item[i], pr, ABI_LP64, i);
			reached += l.item[i].type == VALUE_NONE ? 0 : o.getsizeof;
		}
		is_u64(m.fig[ACC_DEEP] - n.fig[ACC_DEEP], reached,
		       "3.%d slots-subclass-slots: deep counts a2..a4's values only", minor);
		is_u64(m.fig[ACC_REQUESTED] - n.fig[ACC_REQUESTED], req,
		       "3.%d slots-subclass-slots: the instance owns all five values", minor);
	}
	/* a repeated last entry: int:30 then 99 floats */
	struct kind_result m = eval(12, ABI_LP64, KIND_SLOTS, 100, 1000, "int:30,float,...");
	struct kind_result f = eval(12, ABI_LP64, KIND_SLOTS, 100, 1000, "float");
	struct value_list l;
	char err[300];
	value_list_parse("int:30", &l, err, sizeof err);
	struct value_object i30 = value_object_cost(&l.item[0], P(12), ABI_LP64, 0);
	is_u64(m.fig[ACC_REQUESTED], f.fig[ACC_REQUESTED] - 24 + i30.requested,
	       "int:30,float,... at 100 attributes: one int and 99 floats");
	/* a shared entry is paid once, not per instance */
	struct kind_result sh = eval(12, ABI_LP64, KIND_SLOTS, 2, 1000, "int:30,shared,float");
	struct kind_result own = eval(12, ABI_LP64, KIND_SLOTS, 2, 1000, "int:30,float");
	is_u64(own.fig[ACC_REQUESTED] - sh.fig[ACC_REQUESTED], i30.requested,
	       "int:30,shared,float: the shared int is not the instance's");
	is_u64(sh.shared_values_requested, i30.requested, "  it is created once");
}

/* feeds lines to a census; the status of the last one */
static int census_feed(struct census_result *r, const char *const *lines, size_t n, char *err,
                       size_t errlen)
{
	int st = 1;
	for (size_t i = 0; i < n && st > 0; i++)
		st = census_parse_reply(r, lines[i], err, errlen);
	return st;
}

static void test_census(void)
{
	static const char *const good[] = {
		"censusstage stage=imported seconds=0.5",
		"censusbeat objects=10",
		"censusstage stage=evaluated seconds=1.25 result=list",
		"censusclass rank=1 name=A%20B module=m kind=regular count=10 nattrs=2 attrs=x,y "
		"same_attrs=9 attrs_checked=10 dict=1 weakref=1 weakly_referenced=0 slots=- dataclass=0 "
		"namedtuple=0 getsizeof_total=480 dict_total=1040 untracked=0 scan=0 truncated=0",
		"censusclass rank=2 name=P module=m kind=regular count=3 nattrs=2 attrs=x,y "
		"same_attrs=3 attrs_checked=3 dict=0 weakref=0 weakly_referenced=0 slots=x,y dataclass=0 "
		"namedtuple=0 getsizeof_total=144 dict_total=0 untracked=0 scan=1 truncated=0",
		"scanclass line=3 kind=regular name=P file=m.py slots=x,y attrs=x,y fields= extra= "
		"defaults= uses= module_uses= inherited= bases= unknown_bases= unslotted_bases= "
		"subclasses= truncated=0",
		"censusdone objects=100 cap=1000 cap_hit=0 classes=5 shown=2 instances=13 bytes=1664",
	};
	static struct census_result r;
	char err[800] = "";
	memset(&r, 0, sizeof r);
	int st = census_feed(&r, good, sizeof good / sizeof good[0], err, sizeof err);
	ok(st == 0 && r.done && r.nclasses == 2 && r.classes_total == 5 && r.objects == 100 &&
	   !r.cap_hit && strcmp(r.result_type, "list") == 0 && r.eval_seconds == 1.25,
	   "a census parses: two classes of five, the stages (%s)", err);
	struct census_class *a = &r.classes[0], *p = &r.classes[1];
	ok(strcmp(a->name, "A B") == 0 && !a->scanned && a->scan.attrs.n == 2 && a->count == 10,
	   "a class without its source: a record from what the census saw");
	ok(p->scanned && p->scan.line == 3 && p->has_slots && p->slots.n == 2,
	   "a class with its scan record after it");
	const struct profile *pr = P(12);
	census_judge(a, pr, ABI_LP64, ACC_ALLOCATED);
	census_judge(p, pr, ABI_LP64, ACC_ALLOCATED);
	ok(a->scan.verdict == VERDICT_CANDIDATE && a->scan.modelled &&
	   a->total_saving == a->scan.saving * 10 && a->scan.saving > 0,
	   "a regular class: the model's saving per instance, times the count (%lld)",
	   (long long)a->total_saving);
	ok(p->scan.verdict == VERDICT_SLOTTED && !p->scan.modelled && p->total_saving == 0,
	   "a slotted one: already compact, no saving");
	census_result_free(&r);

	static const struct { const char *line, *why; } bad[] = {
		{ "censusclass rank=1 name=A module=m kind=regular count=1 nattrs=0 attrs= same_attrs=1 "
		  "attrs_checked=1 dict=1 weakref=1 weakly_referenced=0 slots=- getsizeof_total=1 "
		  "dict_total=1 untracked=0 scan=0", "before EXPR was evaluated" },
		{ "scanclass line=1 kind=regular name=A file=f", "no censusclass announced" },
		{ "error census: no module named x on the path (%2Ftmp)", "no module named x on the path (/tmp)" },
		{ "unsupported census reason=debug-builds-are-not-modelled", "cannot run a census" },
		{ "censusstage stage=evaluated seconds=1", "out of order" },
		{ "hello protocol=1", "not a census reply" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&r, 0, sizeof r);
		st = census_parse_reply(&r, bad[i].line, err, sizeof err);
		ok(st < 0 && strstr(err, bad[i].why) && !strchr(err, '\n'),
		   "refused on one line: %s", err);
		census_result_free(&r);
	}
	/* a class out of rank, and a censusdone whose counts disagree */
	static const char *const skew[] = { good[0], good[2], good[4] };
	memset(&r, 0, sizeof r);
	st = census_feed(&r, skew, 3, err, sizeof err);
	ok(st < 0 && strstr(err, "do not hold together"), "a class out of rank is refused: %s", err);
	census_result_free(&r);
	static const char *const short_done[] = { good[0], good[2], good[3], good[6] };
	memset(&r, 0, sizeof r);
	st = census_feed(&r, short_done, 4, err, sizeof err);
	ok(st < 0 && strstr(err, "do not match"), "a censusdone that counts other replies: %s", err);
	census_result_free(&r);

	char buf[64];
	const char *m, *e;
	ok(census_split_target("a.b:f(x=1, y='c:d')", buf, sizeof buf, &m, &e, err, sizeof err) &&
	   strcmp(m, "a.b") == 0 && strcmp(e, "f(x=1, y='c:d')") == 0,
	   "MODULE:EXPR splits at the first colon");
	ok(!census_split_target("nocolon", buf, sizeof buf, &m, &e, err, sizeof err) &&
	   strstr(err, "is not MODULE:EXPR"), "and needs one: %s", err);
}

int main(void)
{
	const char *dir = getenv("SLOTEXPLORE_DATADIR");
	char err[300];
	if (!dir || !profile_set_load(dir, &profiles, err, sizeof err)) {
		printf("Bail out! cannot load profiles: %s\n", dir ? err : "SLOTEXPLORE_DATADIR unset");
		return 1;
	}
	ok(profiles.count == 9 && P(8) && P(15) && profile_set_find(&profiles, 3, 14, true) &&
	   strcmp(profiles.items[7].version, "3.14t") == 0,
	   "profiles 3.8 to 3.15 and 3.14t load, 3.14t after 3.14 (%zu)", profiles.count);
	test_numparse();
	test_values_parse();
	test_value_lists();
	test_profile_errors();
	test_invariants();
	test_allocators();
	test_totals();
	test_spec_rules();
	test_seed();
	test_units();
	test_verify_unmodelled_abi();
	test_value_list_model();
	test_census();
	profile_set_free(&profiles);
	return done_testing();
}
