/* Compares probe transcripts (tests/golden/ *.probe files, or a live run of
 * data/probe.py) with the model. TAP: one test per file and kind; every
 * mismatching cell is printed as a diagnostic. Usage: golden_check FILE... */
#include "config.h"

#include <stdlib.h>

#include "core/model.h"
#include "core/probe_parse.h"
#include "core/profile.h"
#include "core/verify.h"
#include "tap.h"

struct tally {
	unsigned compared, mismatched, records;
};

/* One test per kind for the interpreter (hello) just finished; clears the tallies. */
static void report_tallies(struct tally *per_kind, const char *version, enum abi abi,
                           unsigned *grand, unsigned *grand_bad)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		struct tally *t = &per_kind[k];
		if (!t->records)
			continue;
		*grand += t->compared;
		*grand_bad += t->mismatched;
		ok(t->mismatched == 0, "CPython %s %s %s: %u of %u figures match over %u records",
		   version, abi < ABI_COUNT ? abi_name(abi) : "?", kind_info((enum kind)k)->name,
		   t->compared - t->mismatched, t->compared, t->records);
		memset(t, 0, sizeof *t);
	}
}

static void check_file(const char *path, const struct profile_set *profiles, unsigned *grand,
                       unsigned *grand_bad)
{
	FILE *f = fopen(path, "r");
	if (!ok(f != NULL, "%s opens", path))
		return;
	static char line[PROBE_LINE_MAX + 2];
	static struct probe_record rec;
	const struct profile *pr = NULL;
	enum abi abi = ABI_LP64;
	char version[32] = "?";
	struct tally per_kind[KIND_COUNT] = { { 0, 0, 0 } };
	unsigned lineno = 0, reported = 0, unparsed = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char err[200];
		if (!probe_parse_line(line, &rec, err, sizeof err)) {
			diag("%s:%u: %s", path, lineno, err);
			unparsed++;
			continue;
		}
		if (rec.verb == PROBE_HELLO) {
			report_tallies(per_kind, version, abi, grand, grand_bad);
			const char *v = probe_field(&rec, "version");
			const char *a = probe_field(&rec, "abi");
			const char *gil = probe_field(&rec, "gil");
			bool ft = gil && strcmp(gil, "0") == 0;
			int ma = 0, mi = 0;
			snprintf(version, sizeof version, "%s%s", v ? v : "?", ft ? "t" : "");
			/* "3.11.7" -> 3.11, "3.14.7" with gil=0 -> 3.14t */
			pr = NULL;
			if (v && sscanf(v, "%d.%d", &ma, &mi) == 2)
				pr = profile_set_find(profiles, ma, mi, ft);
			abi = a ? abi_from_name(a) : ABI_COUNT;
			continue;
		}
		if (rec.verb == PROBE_ERROR) {
			diag("%s:%u: probe error: %s", path, lineno, rec.error_text);
			unparsed++;
			continue;
		}
		if (!pr || abi == ABI_COUNT) {
			diag("%s:%u: no profile for version %s", path, lineno, version);
			unparsed++;
			continue;
		}
		struct verify_result vr;
		if (!verify_record(&rec, pr, abi, &vr, err, sizeof err)) {
			diag("%s:%u: %s", path, lineno, err);
			unparsed++;
			continue;
		}
		struct tally *t = &per_kind[vr.kind];
		t->records++;
		t->compared += vr.ncells;
		t->mismatched += vr.mismatches;
		for (unsigned i = 0; i < vr.ncells && vr.mismatches; i++)
			if (!vr.cell[i].match && reported++ < 40)
				diag("%s:%u: %s N=%u values=%s %s: model %llu, measured %s", path, lineno,
				     kind_info(vr.kind)->name, vr.attrs, vr.values, vr.cell[i].field,
				     (unsigned long long)vr.cell[i].model, vr.cell[i].measured);
	}
	fclose(f);
	ok(unparsed == 0, "%s: every line is a comparable reply (%u not)", path, unparsed);
	report_tallies(per_kind, version, abi, grand, grand_bad);
}

int main(int argc, char **argv)
{
	const char *dir = getenv("SLOTEXPLORE_DATADIR");
	struct profile_set profiles;
	char err[300];
	if (!dir || !profile_set_load(dir, &profiles, err, sizeof err)) {
		printf("Bail out! cannot load profiles: %s\n", dir ? err : "SLOTEXPLORE_DATADIR unset");
		return 1;
	}
	if (argc < 2) {
		printf("1..0 # SKIP no transcripts given\n");
		return 0;
	}
	unsigned total = 0, bad = 0;
	for (int i = 1; i < argc; i++)
		check_file(argv[i], &profiles, &total, &bad);
	diag("model vs measurement: %u figures compared, %u mismatches", total, bad);
	profile_set_free(&profiles);
	return done_testing();
}
