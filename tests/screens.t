#!/bin/sh
# Headless screens: the explorer's state and renderer, driven by key
# scripts with no terminal, compared with tests/screens/*.txt
# (tests/screens/regen.sh rewrites them; read the diff).
. "$TOP_SRCDIR/tests/lib.sh"
CHECK="$TOP_BUILDDIR/tests/screen_check"
dir="$TOP_SRCDIR/tests/screens"
export LC_ALL=C.UTF-8
grep -v '^#' "$dir/scenarios" > "$TMP/scenarios"
while IFS='|' read -r name args; do
	name=$(echo $name)
	args=$(printf '%s' "$args" | sed "s|@srcdir@|$TOP_SRCDIR|g")
	# shellcheck disable=SC2086
	"$CHECK" $args > "$TMP/$name.txt" 2> "$TMP/$name.err"
	status=$?
	if [ $status -eq 0 ] && cmp -s "$TMP/$name.txt" "$dir/$name.txt"; then
		ok 0 "screen $name:$args"
	else
		ok 1 "screen $name:$args"
		diag "exit $status; $(cat "$TMP/$name.err")"
		diff -u "$dir/$name.txt" "$TMP/$name.txt" | head -30 | sed 's/^/#   /'
	fi
done < "$TMP/scenarios"

# properties that hold whatever the exact layout
out=$("$CHECK" 80 24)
width=$(printf '%s\n' "$out" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 24 "80x24: 24 rows"
like "$out" "regular  *112  *122.5 KiB" "80x24: the 3.13 regular row (112 B, 122.5 KiB for 1,000)"
batch=$("$SLOTEXPLORE" --batch --no-python --python-version 3.13 --attrs 5 --format csv)
col=$(printf '%s\n' "$batch" | head -1 | tr ',' '\n' | grep -n '^allocated$' | cut -d: -f1)
want=$(printf '%s\n' "$batch" | grep ',slots,' | cut -d, -f"$col")
like "$out" "slots  *$want " "80x24: slots per instance equals --batch's allocated ($want)"
out=$("$CHECK" 80 24 q)
like "$out" "(quit)" "q quits"
out=$("$CHECK" 80 24 \? q)
like "$out" "regular" "q on the help screen closes help, does not quit"
out=$("$CHECK" 80 24 H H)
like "$out" "attributes: already at the minimum (0)" "attributes stop at 0, with a message"
out=$("$CHECK" 80 24 - - - -)
like "$out" "instances: already at the minimum (1)" "instances stop at 1, with a message"
like "$out" "1 instance" "the total column says 1 instance"
out=$("$CHECK" 80 24 x x x x x x x x x x x x)
like "$out" "cannot hide dict: it is the last kind shown" "the last kind cannot be hidden"
out=$("$CHECK" 80 24 x x u)
like "$out" "regular-external" "u shows the hidden kinds again"
# the tour's live figures are the batch figures
out=$("$CHECK" --tour 80 24 n n n | tr '\n' ' ')
b=$("$SLOTEXPLORE" --batch --no-python --python-version 3.14 --attrs 5 --instances 1M \
	--values smallint --format csv)
col=$(printf '%s\n' "$b" | head -1 | tr ',' '\n' | grep -n '^total_allocated$' | cut -d: -f1)
reg=$(printf '%s\n' "$b" | grep ',regular,' | cut -d, -f"$col")
like "$out" "totals are regular $(awk "BEGIN { printf \"%.1f MiB\", $reg / 1048576 }")" \
	"tour step 4: regular's total equals --batch ($reg bytes)"
out=$("$CHECK" --tour 80 24 | tr '\n' ' ')
gs=$("$SLOTEXPLORE" --batch --no-python --python-version 3.14 --attrs 5 --values smallint --format csv |
	grep ',slots,' | cut -d, -f9)
like "$out" "__slots__ instance $gs:" "tour step 1: slots getsizeof equals --batch ($gs)"
out=$("$CHECK" --tour 80 24 p)
like "$out" "the tour's first step" "p on the first step says so"
out=$("$CHECK" 80 24 n)
like "$out" "n: only in the tour" "n outside the tour says so"
# at 80x24, in the explorer and in presentation mode, every tour step's
# text is shown whole
n=$(grep -c '^== ' "$TOP_SRCDIR/data/tour.txt")
for mode in explorer present; do
keys=""
i=1
[ $mode = present ] && flag=--present || flag=--tour
while [ "$i" -le "$n" ]; do
	out=$("$CHECK" $flag --tour 80 24 $keys | tr '\n' ' ' | tr -s ' ')
	last=$(awk -v n="$i" '/^== / { s++; next } s == n && !/^[:!#]/ && NF { l = $0 } END { print l }' \
		"$TOP_SRCDIR/data/tour.txt" | awk '{ print $(NF-1), $NF }')
	pat=$(printf '%s' "$last" | sed 's/{[a-z]*:[a-z-]*}/@P@/g; s/[][\.*^$]/\\&/g; s/@P@/.*/g')
	like "$out" "Tour $i/$n" "$mode, tour step $i at 80x24: the step's title"
	like "$out" "$pat" "$mode, tour step $i at 80x24: the text's last words ($last)"
	keys="$keys n"
	i=$((i + 1))
done
done
out=$("$CHECK" --tour --timing "$TOP_SRCDIR/tests/screens/timing-fixture.json" 80 24 n)
like "$out" "Tour 2/9: 2\\." "n in the timing pane goes on with the tour"
out=$("$CHECK" --timing "$TOP_SRCDIR/tests/screens/timing-fixture.json" 80 24 n)
like "$out" "timing pane: o next operation" "n in the timing pane outside the tour: the pane's keys"
out=$("$CHECK" 80 24 m)
like "$out" "m: no interpreter to measure" "m without an interpreter says so"
out=$("$CHECK" 80 24 A)
like "$out" "A: no interpreter to time" "A without an interpreter says so"
# the timing statistics are computed once per batch of values, never per
# frame (hostile input F6: the bootstrap ran on every frame)
fix="$TOP_SRCDIR/tests/screens/timing-fixture.json"
"$CHECK" --analyses --timing "$fix" 100 30 o o O O "<Resize:90x30>" o O > /dev/null 2> "$TMP/an"
is "$(cat "$TMP/an")" "analyses: 1" "eight frames of the timing pane: the statistics computed once"
"$CHECK" --analyses --timing "$fix" 100 30 o "<Batch>" o o "<Batch>" O > /dev/null 2> "$TMP/an"
is "$(cat "$TMP/an")" "analyses: 3" "and once more per new batch of values"
out=$("$CHECK" --timing "$fix" 100 34)
like "$out" "14 procs, 42 values" "the pane counts processes and values"
like "$out" "14 against 14 processes" "the sentence counts processes"
out=$("$CHECK" --timing "$TOP_SRCDIR/tests/screens/timing-fixture-v1.json" 100 34)
like "$out" "not enough data yet (2 against 2 processes; a verdict needs 10 each)" \
	"2 processes a side: no verdict"
done_testing
