#!/bin/sh
# --verify end to end against the first modelled CPython found: the small
# grid matches, and --instances builds real instances and reports
# tracemalloc and RSS beside the model. Skips when there is no CPython 3.8+.
. "$TOP_SRCDIR/tests/lib.sh"
py=$(find_pythons | while read -r p; do
	"$p" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 14) else 1)' \
		2>/dev/null && { echo "$p"; break; }
done)
[ -n "$py" ] || skip_all "no CPython 3.8 to 3.14 on PATH or under pyenv root"
diag "interpreter: $py"

out=$("$SLOTEXPLORE" --verify --python "$py" --kind regular --kind slots --kind dict --attrs 0..3,29,30)
ok $? "--verify on a small grid exits 0"
like "$out" "18 settings, .* figures compared, 0 mismatches" "summary: 0 mismatches"
like "$out" "getsizeof [0-9]* ok" "each figure marked (ASCII in the C locale)"

out=$("$SLOTEXPLORE" --verify --python "$py" --kind slots --attrs 3 --instances 100k)
ok $? "--verify --instances 100k exits 0"
like "$out" "100,000 slots instances with 3 attributes" "--instances: says what it built"
like "$out" "measured by tracemalloc  *[0-9,]* B" "--instances: the tracemalloc total"
like "$out" "measured RSS growth" "--instances: the RSS growth"
like "$out" "Why RSS differs" "--instances: the gap is explained"
traced=$(printf '%s\n' "$out" | sed -n 's/.*measured by tracemalloc *\([0-9,]*\) B.*/\1/p' | tr -d ,)
model=$(printf '%s\n' "$out" | sed -n "s/.*model, requested (tracemalloc's count) *\([0-9,]*\) B.*/\1/p" | tr -d ,)
diff=$((traced - model)); [ $diff -lt 0 ] && diff=$((-diff))
ok $([ "$diff" -le 1024 ] && echo 0 || echo 1) \
	"--instances: tracemalloc is within 1 KiB of the model ($traced vs $model)"

# each kind asked for is built (only the first was), and JSON stays one document
out=$("$SLOTEXPLORE" --verify --python "$py" --kind regular --kind slots --attrs 3 --instances 10k)
ok $? "--verify --instances with two kinds exits 0"
like "$out" "10,000 regular instances with 3 attributes" "  builds the regular instances"
like "$out" "10,000 slots instances with 3 attributes" "  and the slots instances"
json=$("$SLOTEXPLORE" --verify --python "$py" --kind regular --kind slots --attrs 3 --instances 10k \
	--format json)
printf '%s\n' "$json" >"$TMP/bulk.json"
n=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(",".join(b["kind"] for b in d["bulk"]))' \
	"$TMP/bulk.json" 2>&1)
is "$n" "regular,slots" "  JSON: one document, with a bulk entry per kind"

out=$("$SLOTEXPLORE" --verify --python "$py" --attrs 0..2x 2>&1)
is $? 2 "a bad grid is a usage error"
like "$out" "--attrs" "the message names --attrs"
done_testing
