#!/bin/sh
# --measure end to end with a real interpreter on a small time budget, the
# JSON and CSV outputs, --load of our JSON and of a pyperf file, and the
# error cases. The live part skips when there is no CPython 3.8+.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1

# a pyperf result file (the format of pyperf 2.x: values in seconds), with a
# calibration run (warmups only) that pyperf does not count as a run
cat > pyperf.json <<'JSON'
{"version": "1.0", "metadata": {"python_version": "3.12.1", "unit": "second", "inner_loops": 100},
 "benchmarks": [
  {"metadata": {"name": "slots_read", "loops": 1024},
   "runs": [{"metadata": {"calibrate_loops": 1024}, "warmups": [[1, 4.1e-9], [2, 4.0e-9]]},
            {"metadata": {}, "warmups": [[1024, 4.1e-9]], "values": [3.6e-9, 3.7e-9, 3.65e-9]},
            {"values": [3.8e-9, 3.7e-9, 3.75e-9]}]},
  {"metadata": {"name": "plain_read"},
   "runs": [{"values": [3.5e-9, 3.6e-9, 3.55e-9]}]},
  {"metadata": {"name": "rss", "unit": "byte"},
   "runs": [{"values": [1000, 1200, 1100]}, {"values": [1300, 1300, 1300]}]}]}
JSON
out=$("$SLOTEXPLORE" --load pyperf.json); ok $? "--load a pyperf file"
like "$out" "slots_read  *2  *6  *3.70 " "pyperf: 2 runs with values (the calibration run not counted), 6 values, median 3.70 ns"
like "$out" "plain_read  *1  *3  *3.55 " "pyperf: the second benchmark"
like "$out" "rss  *2  *6  *1200.00 .* byte " "pyperf: a benchmark in bytes stays in bytes"
like "$out" "1024 x 100" "pyperf: its loops and inner loops"
like "$out" "Method: pyperf's, not slotexplore's" "pyperf: says the method is pyperf's"
if command -v gzip >/dev/null 2>&1; then
	gzip -c pyperf.json > pyperf.json.gz
	is "$("$SLOTEXPLORE" --load pyperf.json.gz | sed 1d)" "$(printf '%s\n' "$out" | sed 1d)" \
		"--load of .json.gz (zlib): the same figures"
else
	ok 0 "# SKIP gzip is not installed: no .json.gz to read"
fi
"$SLOTEXPLORE" --load pyperf.json --format json > re.json; ok $? "a pyperf file exported as our JSON"
like "$("$SLOTEXPLORE" --load re.json)" "slots_read  *2  *6  *3.70 " "which keeps the benchmark names and figures"
echo '{"benchmarks": 5}' > notpyperf.json
err=$("$SLOTEXPLORE" --load notpyperf.json 2>&1); is $? 1 "--load: an unknown JSON exits 1"
like "$err" "neither slotexplore --measure JSON nor a pyperf result file" "--load: says why"
echo '{"benchmarks": [' > broken.json
err=$("$SLOTEXPLORE" --load broken.json 2>&1); like "$err" "broken.json:.*not JSON" "--load: broken JSON named"
err=$("$SLOTEXPLORE" --load nothere.json 2>&1); like "$err" "nothere.json:" "--load: a missing file named"
err=$("$SLOTEXPLORE" --op fly 2>&1); is $? 2 "--op: bad op is a usage error"
like "$err" "--op: 'fly' is not read, write" "--op: names the accepted ops"
err=$("$SLOTEXPLORE" --seed-harness 2>&1); like "$err" "--seed-harness needs --measure" "--seed-harness alone is refused"
err=$("$SLOTEXPLORE" --batch --pyperf x.json 2>&1); is $? 2 "--pyperf without --measure or --load: usage"
like "$err" "--pyperf needs --measure or --load" "--pyperf: says why"
err=$("$SLOTEXPLORE" --load pyperf.json --min-effect fast 2>&1); is $? 2 "--min-effect fast: usage"
like "$err" "--min-effect: 'fast' is not a minimum effect" "--min-effect: says why"
err=$("$SLOTEXPLORE" --measure --kind regular --kind regular --kind slots 2>&1); is $? 2 \
	"a kind twice with another: usage"
like "$err" "an A/A test gives one kind twice and no other" "--kind twice: says how"
out=$("$SLOTEXPLORE" --load pyperf.json --format md); ok $? "--load --format md exits 0"
like "$out" "^# Attribute access timing" "--load --format md: a Markdown section"
err=$("$SLOTEXPLORE" --no-python --no-config -c 'measure yaml' 2>&1); is $? 2 "measure yaml: exits 2"
like "$err" "measure: 'yaml' is not a format (text, csv, json, md)" "measure: names the formats"
# a file of slotexplore 1 (no processes recorded): read, each 3 values one process
out=$("$SLOTEXPLORE" --load "$TOP_SRCDIR/tests/screens/timing-fixture-v1.json")
ok $? "--load of a file of an older slotexplore"
like "$out" "regular  *2  *6 " "  its 6 values are 2 processes"
like "$out" "Conditions: not recorded" "  and it says what it lacks"

# --load of 2 x 100,000 values (hostile input F5): per-process statistics,
# no bootstrap; the time it takes is a figure of make bench
awk 'BEGIN { printf "{\"slotexplore_timing\": 2, \"attrs\": 5, \"processes\": 33334, \"series\": ["
	for (s = 0; s < 2; s++) {
		printf "%s{\"kind\": \"%s\", \"op\": \"read\", \"samples\": [", s ? ", " : "", s ? "slots" : "regular"
		for (i = 0; i < 100000; i++) printf "%s%.4f", i ? "," : "", 1 + 0.5 * s + (i % 7) * 0.01
		printf "], \"process\": ["
		for (i = 0; i < 100000; i++) printf "%s%d", i ? "," : "", int(i / 3)
		printf "]}"
	}
	print "]}" }' > big.json
out=$("$SLOTEXPLORE" --load big.json); ok $? "--load of 2 x 100,000 values"
like "$out" "regular  *33334  *100000 " "  counted as 33,334 processes and 100,000 values"
like "$out" "slots read is 0.50 ns slower than regular" "  and compared"

py=$(find_pythons | while read -r p; do
	"$p" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 14) else 1)' \
		2>/dev/null && { echo "$p"; break; }
done)
if [ -z "$py" ]; then
	echo "1..$tap_n"
	echo "# live part skipped: no CPython 3.8 to 3.14 found"
	exit 0
fi
diag "interpreter: $py"
err=$("$SLOTEXPLORE" --measure --python "$py" --attrs 0 2>&1); is $? 2 "--measure at 0 attributes is refused"
like "$err" "--attrs must be at least 1" "--measure: says why"

"$SLOTEXPLORE" --measure --python "$py" --measure-time 2 --op read --op write --seed-harness \
	--format json > m.json
ok $? "--measure --format json exits 0"
"$SLOTEXPLORE" --load m.json > m.txt; ok $? "--load reads our JSON back"
like "$(cat m.txt)" "^read: \"x = o.a0\" against \"x = o\"" "the read section names its statement and baseline"
like "$(cat m.txt)" "^write: \"o.a0 = w\" against \"x = w\"" "so does the write section"
like "$(cat m.txt)" "regular  *[0-9]" "a regular row"
like "$(cat m.txt)" "slots  *[0-9]" "a slots row"
like "$(cat m.txt)" "slots read \(is .* ns \(faster\|slower\) than regular (95% CI\|against regular: not enough data yet\)" \
	"the comparison sentence"
like "$(cat m.txt)" "regular read: of [0-9.]* ns per call, [0-9.]* ns is the call itself" \
	"the seed paper's harness with its own baseline"
like "$(cat m.txt)" "^Conditions: load average" "the conditions"
n=$(grep -c '"samples"' m.json); is "$n" 4 "json: 4 series with raw samples (2 kinds x 2 ops)"
like "$(cat m.json)" '"p_holm"' "json: the comparison statistics"
like "$(cat m.json)" '"median_ci95"' "json: the median CI"
like "$(cat m.json)" '"process": \[' "json: each value's process"
like "$(cat m.json)" '"duration_ms": \[' "json: each value's duration"
like "$(cat m.json)" '"load_avg_start"' "json: the load average"
like "$(cat m.json)" '"interpreter_flags"' "json: the interpreter's flags"
sentence_json=$(grep -o '"sentence": "[^"]*read[^"]*"' m.json | head -1 | sed 's/"sentence": "//; s/"$//')
like "$(cat m.txt | tr '\n' ' ' | tr -s ' ')" "$(printf '%s' "$sentence_json" | cut -c1-40)" "the text sentence agrees with the JSON"
# a run on a busy machine (more load than CPUs) says its intervals hold that moment only
"$py" -c 'import json, sys
d = json.load(open("m.json")); c = d["conditions"]
c["cpus"] = 2; c["load_avg_start"] = [9.0, 8.0, 7.0]
json.dump(d, open("busy.json", "w"))'
like "$("$SLOTEXPLORE" --load busy.json | tr '\n' ' ' | tr -s ' ')" \
	"A busy machine: load 9.0 on 2 CPUs. The intervals below hold this run's conditions" \
	"a busy machine: the intervals hold this run's conditions"
if "$py" -c 'import json, sys
c = json.load(open("m.json"))["conditions"]
sys.exit(max(c["load_avg_start"][0], c["load_avg_end"][0]) > c["cpus"])'; then
	unlike "$(cat m.txt)" "A busy machine" "  and no such warning on a quiet one"
else
	ok 0 "# SKIP the machine was busy during this test's run: no quiet run to check"
fi
# pyperf's format both ways: our export, read back with the same figures
"$SLOTEXPLORE" --load m.json --pyperf ours.json > /dev/null; ok $? "--pyperf FILE writes pyperf's format"
"$SLOTEXPLORE" --load ours.json --format json > back.json
figure() { # FILE SERIES-TEST KEY: a statistic of one series, to 4 decimals
	"$py" -c 'import json, sys
for s in json.load(open(sys.argv[1]))["series"]:
    if eval(sys.argv[2]): print("%.4f" % s["stats"][sys.argv[3]])' "$@"
}
ours=$(figure m.json 's.get("kind") == "slots" and s.get("op") == "read"' per_statement_median)
back=$(figure back.json 's.get("name") == "slots read"' median)
is "$back" "$ours" "pyperf round trip: slots read's per-statement median ($ours ns) read back as pyperf's"
"$SLOTEXPLORE" --load m.json --pyperf ours.json.gz > /dev/null
is "$("$SLOTEXPLORE" --load ours.json.gz)" "$("$SLOTEXPLORE" --load ours.json)" "--pyperf FILE.gz: compressed, the same figures"
# pyperf itself, installed or as a source tree in PYPERF_PATH (not a Debian package)
pyperf() { PYTHONPATH="${PYPERF_PATH:-}" "$py" -m pyperf "$@"; }
if PYTHONPATH="${PYPERF_PATH:-}" "$py" -c 'import pyperf' 2>/dev/null; then
	pyperf show ours.json > pyperf-show.txt 2>&1; ok $? "pyperf's own parser reads our export"
	like "$(cat pyperf-show.txt)" "slots read" "  and names its benchmarks"
	pyperf compare_to ours.json ours.json.gz > pyperf-compare.txt 2>&1
	ok $? "pyperf compare_to reads two of our exports"
	like "$(cat pyperf-compare.txt)" "slots read\|Benchmark hidden because not significant" \
		"  and compares their benchmarks"
else
	ok 0 "# SKIP pyperf is not importable (not a Debian package; PYPERF_PATH=DIR for a source tree): its own parser is not checked"
	ok 0 "# SKIP pyperf compare_to: pyperf is not importable"
	ok 0 "# SKIP pyperf compare_to's comparison"
fi
# an A/A test: one kind as two interleaved series
"$SLOTEXPLORE" --measure --python "$py" --measure-time 2 --op read --kind regular --kind regular \
	--format json > aa.json
ok $? "--measure --kind regular --kind regular: an A/A test"
like "$(cat aa.json)" '"aa": true' "  marked in the JSON"
like "$(cat aa.json)" '"a": "regular (A)"' "  two series, A and B"
like "$("$SLOTEXPLORE" --load aa.json)" "A/A test: one kind timed as two independent" "  and the text says so"
"$SLOTEXPLORE" --measure --python "$py" --measure-time 1 --op read --kind dict --kind tuple \
	--format csv > m.csv
ok $? "--measure --format csv exits 0"
is "$(head -1 m.csv)" "python_version,attrs,series,op,process,value,ns,baseline_ns,per_statement_ns,loops,unroll,duration_ms" "csv header"
# (as many processes as the budget allowed: 3 values of each series in each)
rows=$(grep -c ',read,' m.csv)
procs=$(awk -F, '$4 == "read" { print $3 "," $5 }' m.csv | sort -u | wc -l)
ok $([ "$rows" -ge 3 ] && [ "$rows" -eq $((procs * 3)) ] && echo 0 || echo 1) \
	"csv: one row per value ($rows rows, 3 for each of $procs series-processes)"
out=$("$SLOTEXPLORE" --measure --python "$py" --measure-time 1 --op write --kind namedtuple --kind tuple)
like "$out" "namedtuple  *n/a: a namedtuple is immutable" "an operation a kind cannot do is n/a, with why"
like "$out" "^1 process, " "nothing to time: one process, not the budget's worth of empty ones"
# the default operations: read and write; --op all for the seven; a run too
# short for a verdict says how long a budget would hold 10 processes
"$SLOTEXPLORE" --measure --python "$py" --measure-time 1 --format json > def.json
is "$(grep -o '"op": "[a-z_]*"' def.json | sort -u | tr '\n' ' ')" '"op": "read" "op": "write" ' \
	"--measure without --op: read and write"
out=$("$SLOTEXPLORE" --load def.json)
like "$(printf '%s' "$out" | tr '\n' ' ' | tr -s ' ')" \
	"A verdict needs 10 processes a side; this run fitted [0-9]* in [0-9.]* s (.*). --measure-time [0-9]* should hold 11" \
	"too few processes: the text says how long a budget would do"
"$SLOTEXPLORE" --measure --python "$py" --measure-time 1 --op all --kind slots --format json > all.json
is "$(grep -o '"op": "[a-z_]*"' all.json | sort -u | wc -l)" 7 "--op all: the seven operations"
# a script measures, then writes the tour's handout with those results
"$SLOTEXPLORE" --no-config --python "$py" --measure-time 1 \
	-c 'set attrs 4; measure json' -c "export $TMP/h.md tour" > s.json
ok $? "measure json; export FILE tour in a script exits 0"
"$SLOTEXPLORE" --load s.json > /dev/null; ok $? "measure json: --load reads the results back"
like "$(cat "$TMP/h.md")" "^### Attribute access timing" "the handout holds the script's timing results"
like "$(cat "$TMP/h.md")" "4 attributes" "at the attribute count that was timed"
out=$("$SLOTEXPLORE" --no-config --python "$py" --measure-time 1 -c 'measure json; export - md' |
	sed -n '/^# What Python objects cost/,$p')
like "$out" "^## Attribute access timing" "measure; export - md: the handout on stdout has the timing too"
done_testing
