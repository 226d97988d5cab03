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
out=$("$CHECK" 80 24 j j j j '$' | tr '\n' ' ' | tr -s ' ')
like "$out" "Is slots worth it here? .* Per instance: slots" "\$ opens 'is it worth it?' for the selected kind in the pager"
# a step's question, its answer on A from the model, the teacher's notes on N
csv() { "$SLOTEXPLORE" --batch --no-python --python-version 3.14 --values smallint --format csv "$@"; }
field() { # KIND COLUMN: a figure of the last csv output
	col=$(printf '%s\n' "$b" | head -1 | tr ',' '\n' | grep -n "^$2\$" | cut -d: -f1)
	printf '%s\n' "$b" | grep ",$1," | cut -d, -f"$col"
}
out=$("$CHECK" --tour 80 24 | tr '\n' ' ' | tr -s ' ')
like "$out" "Question: What does a regular instance really ask the allocator for? (A: the answer)" \
	"tour step 1 asks its question, and says A answers it"
unlike "$out" "Answer:" "the answer is hidden until A"
b=$(csv --attrs 5 --instances 1)
out=$("$CHECK" --tour 80 24 A | tr '\n' ' ' | tr -s ' ')
like "$out" "Answer: $(field regular requested) bytes ($(field regular allocated) allocated), against $(field slots requested) ($(field slots allocated)) for slots" \
	"A reveals the answer, with --batch's figures"
unlike "$out" "A: the answer" "the question no longer offers it"
like "$("$CHECK" --tour 80 24 A A | tr '\n' ' ' | tr -s ' ')" "A: the answer" "A again hides the answer"
b=$(csv --attrs 5 --instances 1000 --accounting allocated)
reg=$(field regular allocated) sl=$(field slots allocated)
out=$("$CHECK" --tour 80 24 n n A | tr '\n' ' ' | tr -s ' ')
like "$out" "Answer: $((reg - sl)) bytes (allocated): regular $reg, slots $sl\\." \
	"tour step 3: the saving answered is regular minus slots in --batch ($reg - $sl)"
out=$("$CHECK" --tour 80 24 N)
like "$out" "Teacher's notes: Ask the room first" "N shows the teacher's notes in place of the text"
unlike "$out" "One instance with 5 attributes" "the step's text gives them its rows"
like "$("$CHECK" --tour 80 24 N N)" "One instance with 5 attributes" "N again brings the text back"
like "$("$CHECK" --tour 120 40)" "N notes, A answer" "the step's title names N and A where it has them"
like "$("$CHECK" --tour 80 24 n n n n n n n n n N)" "N: step 10 has no teacher's notes" "N on a step without notes says so"
like "$("$CHECK" --tour 80 24 n n n n n n n n n A)" "A: step 10 asks no question" "A on a step without a question says so"
like "$("$CHECK" 80 24 A)" "A: only in the tour" "A outside the tour says so"
like "$("$CHECK" 80 24 N)" "N: only in the tour" "N outside the tour says so"
like "$("$CHECK" --present --tour 200 50 A)" "Answer: $(b=$(csv --attrs 5 --instances 1); field regular requested) bytes" \
	"presentation mode: A reveals the answer"
like "$("$CHECK" --present --tour 200 50 N)" "Teacher's notes:" "presentation mode: N shows the notes"
out=$("$CHECK" --tour 80 24 n n n n i)
like "$out" "Tour 5/10: 5\\. Many attributes" "i in the tour: the whole step in the pager"
like "$out" "A, back in the tour, reveals the answer" "the pager keeps an unrevealed answer hidden"
like "$("$CHECK" --tour 80 24 n n n n A i | tr '\n' ' ')" "Answer: from 31 attributes on" "once revealed, the pager has the answer"
mkdir -p "$TMP/long" && cp "$TOP_SRCDIR"/data/* "$TMP/long/"
{
	printf '== 1. A long step\n!question How many bytes does slots save?\n!answer {saving:slots}.\n'
	for i in $(seq 1 20); do printf 'Sentence number %s of a step that is too long.\n' "$i"; done
} > "$TMP/long/tour.txt"
for mode in --tour --present; do
	out=$(SLOTEXPLORE_DATADIR="$TMP/long" "$CHECK" --cuts --tour $mode 64 18 | tr '\n' ' ' | tr -s ' ')
	like "$out" "too long\. (i: the whole step) Question: How many" "$mode: a step too long for 64x18 stops at a sentence, names i, keeps its question"
	like "$out" "cuts: 0" "$mode: and nothing is cut"
done
out=$(SLOTEXPLORE_DATADIR="$TMP/long" "$CHECK" --tour 64 18 i G | tr '\n' ' ' | tr -s ' ')
like "$out" "Sentence number 20 of a step" "i shows the whole step (G: its end)"
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
like "$out" "Tour 2/10: 2\\." "n in the timing pane goes on with the tour"
out=$("$CHECK" --timing "$TOP_SRCDIR/tests/screens/timing-fixture.json" 80 24 n)
like "$out" "timing pane: o next operation" "n in the timing pane outside the tour: the pane's keys"
out=$("$CHECK" 80 24 m)
like "$out" "m: no interpreter to measure" "m without an interpreter says so"
# nothing is cut: at 80x24, 120x40 and 200x50, no text on any of these
# screens lost characters (the renderer counts every text that did not fit)
for size in "64 18" "80 24" "120 40" "200 50"; do
	for keys in "" "j j j j" "G" "?" "? G" "e" "e G" "i" "j j j j \$" "<Print:help>" "Z" "P" "P j j j j" \
		"b b" "a a a" "w w w" "v v v v" "c j j j j" "L L L L L L L L L L" \
		"+ + + + + + + + + + + + + +" "e + + + + + + + + +" "P + + + + + + + + + + + +"; do
		# shellcheck disable=SC2086
		cuts=$("$CHECK" --cuts $size $keys | tail -1)
		is "$cuts" "cuts: 0" "nothing cut at $size after '$keys'"
	done
	for n in 0 1 2 3 4 5 6 7 8 9; do
		steps=$(awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf "n " }')
		# shellcheck disable=SC2086
		is "$("$CHECK" --cuts --tour $size $steps | tail -1)" "cuts: 0" "tour step $((n + 1)) at $size: nothing cut"
		# shellcheck disable=SC2086
		is "$("$CHECK" --cuts --present --tour $size $steps | tail -1)" "cuts: 0" \
			"presentation, tour step $((n + 1)) at $size: nothing cut"
		# shellcheck disable=SC2086
		is "$("$CHECK" --cuts --tour $size $steps A N | tail -1)" "cuts: 0" \
			"tour step $((n + 1)) at $size, answer and notes shown: nothing cut"
		# shellcheck disable=SC2086
		is "$("$CHECK" --cuts --present --tour $size $steps A N | tail -1)" "cuts: 0" \
			"presentation, tour step $((n + 1)) at $size, answer and notes shown: nothing cut"
	done
done
# the timing pane: nothing cut either, with a message wrapped above its key bar
for size in "64 18" "80 24" "120 40" "200 50"; do
	for keys in "" "x" "o o o" "O" "F"; do
		# shellcheck disable=SC2086
		cuts=$("$CHECK" --cuts --timing "$TOP_SRCDIR/tests/screens/timing-fixture.json" $size $keys | tail -1)
		is "$cuts" "cuts: 0" "timing pane at $size after '$keys': nothing cut"
	done
done
# a message about the pane's keys goes with the pane (it was left stale on
# the table, where o and r do nothing)
out=$("$CHECK" --timing "$TOP_SRCDIR/tests/screens/timing-fixture.json" 80 24 x "<Dump>" "<Esc>")
like "$(printf '%s' "$out" | sed '/^----$/q')" "timing pane: o next operation" "x in the pane: its keys on the status line"
unlike "$(printf '%s' "$out" | sed '1,/^----$/d')" "o next operation" "  gone once Esc is back on the table"
# presentation mode: the timing verdict in big letters, taller on a bigger
# screen, and still there (as a sentence) after Esc on the tour's screen
FIX="$TOP_SRCDIR/tests/screens/timing-fixture.json"
big_rows() { # the rows of big letters under the verdict's title
	awk '/slots read against regular:/ { on = 1; next } on && /█/ { n++; next } on { exit } END { print n + 0 }'
}
for size in "64 18" "80 24" "120 40" "200 50"; do
	for keys in "" "o" "F"; do
		# shellcheck disable=SC2086
		is "$("$CHECK" --cuts --present --timing "$FIX" $size $keys | tail -1)" "cuts: 0" \
			"presentation, timing pane at $size after '$keys': nothing cut"
	done
done
small=$("$CHECK" --present --timing "$FIX" 80 24 | big_rows)
large=$("$CHECK" --present --timing "$FIX" 200 50 | big_rows)
is "$small" 5 "presentation, timing pane at 80x24: the verdict in 5-row letters"
ok $([ "$large" -gt "$small" ] && echo 0 || echo 1) "  and taller at 200x50 ($large rows)"
ascii=$("$CHECK" --ascii --present --timing "$FIX" 80 24)
like "$ascii" "slots read against regular:" "  under its title"
# "NO DIFFERENCE" read back from the glyphs' first row: N, O, D, I, F, F, E, R, E, N, C, E
like "$ascii" "##   #      ##  ### ### ### ### ##  ### ##   ## ###" "  which reads NO DIFFERENCE (Holm's verdict)"
like "$("$CHECK" --present --timing "$FIX" 80 24 | tr '\n' ' ')" "no significant difference once 7 operations" \
	"  with the sentence that says why"
out=$("$CHECK" --present --tour --timing "$FIX" 200 50 n n n n n n n "<Esc>" | tr '\n' ' ' | tr -s ' ')
like "$out" "Tour 8/10.*Timing at 5 attributes, read: slots read is 0.45 ns faster than regular" \
	"presentation, back on the tour: the run's verdict stays under the text"
out=$("$CHECK" --present --timing "$FIX" 200 50 "<Esc>" j | tr '\n' ' ' | tr -s ' ')
unlike "$out" "Timing at 5 attributes" "  but not for another pair of kinds"
out=$("$CHECK" --timing "$TOP_SRCDIR/tests/screens/timing-fixture.json" 80 24 q | tr '\n' ' ')
like "$out" "timing pane closed: t opens it again, q quits" "q closes the timing pane, not the program"
like "$out" "per inst" "  and the table is back"
# the key bar always ends with the way to the help and out
for size in "64 18" "80 24" "120 40" "200 50"; do
	# shellcheck disable=SC2086
	like "$("$CHECK" $size | tail -1)" "? help  q quit$" "the key bar at $size ends with '? help  q quit'"
done
like "$("$CHECK" 80 24 Z | tail -1)" "? help  q quit$" "a message does not push the key bar away"
like "$("$CHECK" 80 24 e | tail -1)" "e q close$" "in the versions view the bar says how to close it"
# a long message wraps above the key bar instead of being cut
out=$("$CHECK" 80 24 "<Cmd:set version 3.14t>" "<Cmd:set abi i386>" | tail -3 | tr '\n' ' ')
like "$out" "modelled for lp64 only: no i386 build of it has been measured; set version first" \
	"a long status message is whole (and set abi refuses an ABI 3.14t lacks: it crashed)"
# notes: whole sentences, the rest one key away
out=$("$CHECK" 80 24 | tail -3 | tr '\n' ' ')
like "$out" "(i: the whole note)" "80x24: the note says there is more"
out=$("$CHECK" 80 24 i | tr '\n' ' ')
like "$out" "The first instance costs 328" "i shows the whole note in the pager"
# the pager wraps, tells its position and searches
out=$("$CHECK" 64 18 "<Print:help>")
like "$(printf '%s\n' "$out" | head -1)" "lines 1-16 of [0-9]*" "the pager says where it is"
out=$("$CHECK" 80 24 "<Print:help>" / v e r s i o n s "<Enter>" | tr '\n' ' ')
like "$out" "versions \[text|csv|json|md\]" "/ finds a line"
like "$("$CHECK" 80 24 "<Print:help>" / z q z q "<Enter>" | tail -1)" "'zqzq' is not found" "/ says when nothing matches"
# a short screen scrolls the table to the selected kind
like "$("$CHECK" 64 18 G)" "> dict" "64x18: G selects dict and the table shows it"
# each tour step's percentage is the comparison its text makes: the slots
# row's "vs regular" is the change from the text's regular figure to its
# slots figure (steps 1, 3 and 10 name both)
pct() { awk -v a="$1" -v b="$2" 'BEGIN { p = (b - a) / a * 100; if (p <= -10 || p >= 10) printf "%+.0f%%", p; else printf "%+.1f%%", p }'; }
for step in "0 getsizeof says a regular instance is ([0-9,]*) bytes and a __slots__ instance ([0-9,]*)" \
	"2 regular ([0-9,]*) bytes, slots ([0-9,]*)," \
	"9 here \\(([0-9,]*) against ([0-9,]*)\\)"; do
	n=${step%% *} pattern=${step#* }
	steps=$(awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf "n " }')
	# shellcheck disable=SC2086
	out=$("$CHECK" --tour 80 40 $steps)
	text=$(printf '%s\n' "$out" | tr '\n' ' ' | sed 's/  */ /g')
	a=$(printf '%s\n' "$text" | sed -En "s/.*$pattern.*/\\1/p" | tr -d ,)
	b=$(printf '%s\n' "$text" | sed -En "s/.*$pattern.*/\\2/p" | tr -d ,)
	row=$(printf '%s\n' "$out" | grep '^[>★ ] slots  ' | head -1)
	want=$(pct "$a" "$b")
	like "$row" " $want " "tour step $((n + 1)): slots shows $want, the text's $a against $b"
	like "$(printf '%s\n' "$out" | sed -n 2p)" "vs reg (inst)" "tour step $((n + 1)): the table compares per instance, as its text does"
done
# presentation mode's figures grow with the screen: the rows of the first big
# figure (under "regular") are more at 200x50 than at 80x24
big_rows() { "$CHECK" --present "$@" | awk 'NR > 3 && /\342\226\210/ { n++ } /bytes per instance/ { print n; exit }'; }
small=$(big_rows 80 24) large=$(big_rows 200 50)
ok $([ "${large:-0}" -gt "${small:-0}" ] && echo 0 || echo 1) \
	"presentation: taller figures at 200x50 ($large rows) than at 80x24 ($small rows)"
# a figure too wide in digits is shown in units, whole, not run together
out=$("$CHECK" --present --cuts 80 24 "<Cmd:set attrs 100000>" "<Cmd:set values str:50>")
is "$(printf '%s\n' "$out" | tail -1)" "cuts: 0" "presentation at 100,000 attributes: nothing cut"
like "$(printf '%s\n' "$out" | head -1)" "100,000 attrs" "the header groups the attribute count"
# one colour per kind: regular's style in the chart legend, in presentation
# mode and in the timing pane is the same, and so is the compared kind's
style_of() { # style_of PATTERN ARGS...: the style letter under PATTERN's first match
	pattern=$1
	shift
	"$CHECK" --styles "$@" | awk -v p="$pattern" -v h=0 '
		NR == 1 { } { line[NR] = $0 }
		END {
			for (r = 1; r <= NR / 2; r++) if ((c = index(line[r], p)) > 0) {
				# the style grid follows the screen: row r of it is line[NR / 2 + r]
				print substr(line[int(NR / 2) + r], c + 2, 1); exit
			}
		}'
}
chart_regular=$(style_of "● regular" 80 24)
chart_slots=$(style_of "● slots" 80 24)
sel_regular=$(style_of "● regular" 80 24 j j j j)
sel_slots=$(style_of "● slots" 80 24 j j j j)
is "$sel_regular" "$chart_regular" "regular keeps its colour in the chart whether or not it is selected"
is "$sel_slots" "$chart_slots" "slots keeps its colour in the chart whether or not it is selected"
out=$("$CHECK" 80 24 F)
like "$out" "F: no interpreter to time" "F without an interpreter says so"
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
