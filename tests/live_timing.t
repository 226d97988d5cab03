#!/bin/sh
# --measure end to end with a real interpreter on a small time budget, the
# JSON and CSV outputs, --load of our JSON and of a pyperf file, and the
# error cases. The live part skips when there is no CPython 3.8+.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1

# a pyperf result file (the format of pyperf 2.x: values in seconds)
cat > pyperf.json <<'JSON'
{"version": "1.0", "metadata": {"python_version": "3.12.1", "name": "attr"},
 "benchmarks": [
  {"metadata": {"name": "slots_read"},
   "runs": [{"metadata": {}, "warmups": [[1, 4.1e-9]], "values": [3.6e-9, 3.7e-9, 3.65e-9]},
            {"values": [3.8e-9, 3.7e-9, 3.75e-9]}]},
  {"metadata": {"name": "plain_read"},
   "runs": [{"values": [3.5e-9, 3.6e-9, 3.55e-9]}]}]}
JSON
out=$("$SLOTEXPLORE" --load pyperf.json); ok $? "--load a pyperf file"
like "$out" "slots_read  *6  *3.70 " "pyperf: 6 values, median 3.70 ns"
like "$out" "plain_read  *3  *3.55 " "pyperf: the second benchmark"
echo '{"benchmarks": 5}' > notpyperf.json
err=$("$SLOTEXPLORE" --load notpyperf.json 2>&1); is $? 1 "--load: an unknown JSON exits 1"
like "$err" "neither slotexplore --measure JSON nor a pyperf result file" "--load: says why"
echo '{"benchmarks": [' > broken.json
err=$("$SLOTEXPLORE" --load broken.json 2>&1); like "$err" "broken.json:.*not JSON" "--load: broken JSON named"
err=$("$SLOTEXPLORE" --load nothere.json 2>&1); like "$err" "nothere.json:" "--load: a missing file named"
err=$("$SLOTEXPLORE" --op fly 2>&1); is $? 2 "--op: bad op is a usage error"
like "$err" "--op: 'fly' is not read, write" "--op: names the accepted ops"
err=$("$SLOTEXPLORE" --seed-harness 2>&1); like "$err" "--seed-harness needs --measure" "--seed-harness alone is refused"
out=$("$SLOTEXPLORE" --load pyperf.json --format md); ok $? "--load --format md exits 0"
like "$out" "^# Attribute access timing" "--load --format md: a Markdown section"
err=$("$SLOTEXPLORE" --no-python --no-config -c 'measure yaml' 2>&1); is $? 2 "measure yaml: exits 2"
like "$err" "measure: 'yaml' is not a format (text, csv, json, md)" "measure: names the formats"

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
like "$(cat m.txt)" "^read " "the table has a read section"
like "$(cat m.txt)" "regular  *[0-9]" "a regular row"
like "$(cat m.txt)" "slots  *[0-9]" "a slots row"
like "$(cat m.txt)" "slots read is .* ns \(faster\|slower\) than regular (95% CI" "the comparison sentence"
like "$(cat m.txt)" "seed harness  *[0-9.]* ns per call" "the seed paper's harness figures"
n=$(grep -c '"samples"' m.json); is "$n" 4 "json: 4 series with raw samples (2 kinds x 2 ops)"
like "$(cat m.json)" '"welch_p"' "json: the comparison statistics"
like "$(cat m.json)" '"median_ci95"' "json: the median CI"
sentence_json=$(grep -o '"sentence": "[^"]*read[^"]*"' m.json | head -1 | sed 's/"sentence": "//; s/"$//')
like "$(cat m.txt)" "$(printf '%s' "$sentence_json" | cut -c1-40)" "the text sentence agrees with the JSON"
"$SLOTEXPLORE" --measure --python "$py" --measure-time 1 --op read --kind dict --kind tuple \
	--format csv > m.csv
ok $? "--measure --format csv exits 0"
is "$(head -1 m.csv)" "python_version,attrs,kind,op,sample,ns,baseline_ns,loops,unroll" "csv header"
rows=$(grep -c ',read,' m.csv); ok $([ "$rows" -ge 6 ] && echo 0 || echo 1) "csv: one row per sample ($rows)"
out=$("$SLOTEXPLORE" --measure --python "$py" --measure-time 1 --op write --kind namedtuple --kind tuple)
like "$out" "namedtuple  *n/a: a namedtuple is immutable" "an operation a kind cannot do is n/a, with why"

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
