#!/bin/sh
# Limits and hostile conditions (issue #7): counts at and past their bounds,
# saturated totals, tiny and huge terminals, TERM=dumb or unknown, LANG=C,
# SIGHUP and SIGTERM with children running, a flooding interpreter inside
# the explorer, and unwritable XDG directories.
. "$TOP_SRCDIR/tests/lib.sh"
CHECK="$TOP_BUILDDIR/tests/screen_check"
S() { "$SLOTEXPLORE" --no-python --no-config "$@"; }

# counts
S --batch --attrs 100000 > /dev/null; ok $? "--attrs 100000 (the maximum) works"
err=$(S --batch --attrs 100001 2>&1); is $? 2 "--attrs 100001 is refused"
like "$err" "--attrs: '100001' is too large" "  with a message naming the bound"
S --batch --instances 1e15 > /dev/null; ok $? "--instances 1e15 (the maximum) works"
err=$(S --batch --instances 1000000000000001 2>&1); is $? 2 "--instances 10^15+1 is refused"
err=$(S --batch --instances 0 2>&1); like "$err" "--instances: '0' is too small" "--instances 0 is refused"
err=$(S --batch --attrs 1e400 2>&1); is $? 2 "--attrs 1e400 is refused, not wrapped"
out=$(S --batch --kind dict --kind slots --attrs 100000 --instances 1e15)
like "$out" "dict  *>  *16.0 EiB  *-  *-" "a total past 2^64 is saturated and marked, not wrapped"
like "$out" "> = the total exceeds 2^64-1 bytes" "  and the mark is explained"
like "$(S --batch --kind dict --attrs 100000 --instances 1e15 --format json)" '"saturated": true' \
	"  json says saturated"
out=$("$CHECK" 80 24 '<PgUp>' + + + + + + + + + + + + + +)
like "$out" "10^15 inst" "the explorer header stays on one line at 10^15 (written 10^15, not 1e+15)"

# terminal sizes (headless)
for size in "1 1" "20 5" "63 17" "500 200"; do
	out=$("$CHECK" $size j '<Resize:1x1>' '<Resize:500x200>' k 2>&1); st=$?
	ok $st "a ${size% *}x${size#* } terminal and resizes to 1x1 and 500x200 do not fail"
done
out=$("$CHECK" 20 5 | tr '\n' ' ' | tr -s ' ')
like "$out" "Terminal too small: 20x5. slotexplore needs 64x18" "20x5 says it is too small"
is "$("$CHECK" 500 200 | wc -l | tr -d ' ')" 200 "500x200 fills 200 rows"

# the real terminal
if command -v tmux >/dev/null 2>&1; then
	tmux_setup
	T new-session -d -s dumb -x 80 -y 24 "TERM=dumb '$SLOTEXPLORE' --no-python --tui; echo EXIT=\$?; sleep 30"
	wait_for dumb "EXIT=1"; ok $? "TERM=dumb --tui exits 1"
	like "$(screen dumb)" "TERM=dumb cannot move the cursor; use --repl or --batch" \
		"  and says why"
	T new-session -d -s unk -x 80 -y 24 "TERM=no-such-term '$SLOTEXPLORE' --no-python; echo EXIT=\$?; sleep 30"
	wait_for unk "here is the plain prompt"; ok $? "an unknown TERM falls back to the plain prompt"
	T send-keys -t unk 'quit' Enter
	wait_for unk "EXIT=0"; ok $? "  which quits cleanly"
	T new-session -d -s c -x 80 -y 24 "LC_ALL=C LANG=C TERM=xterm '$SLOTEXPLORE' --no-python; echo EXIT=\$?; sleep 30"
	wait_for c "| 5 attrs |"; ok $? "LANG=C: an ASCII header"
	like "$(screen c)" "^\* tuple" "LANG=C: ASCII marks"
	T send-keys -t c q
	wait_for c "EXIT=0"; ok $? "LANG=C: q quits"

	# SIGHUP (the terminal goes away) with an interpreter child running
	py=$(find_pythons | while read -r p; do
		"$p" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 14) else 1)' \
			2>/dev/null && { echo "$p"; break; }
	done)
	if [ -n "$py" ]; then
		mkdir -p "$TMP/data" && cp "$TOP_SRCDIR"/data/* "$TMP/data/"
		T new-session -d -s hup -x 80 -y 24 \
			"SLOTEXPLORE_DATADIR='$TMP/data' TERM=xterm '$SLOTEXPLORE' --python '$py' --measure-time 30; sleep 30"
		wait_for hup "inst"
		T send-keys -t hup t
		wait_for hup "running"
		# the session's probe and at least one timing worker (a busy machine starts it late)
		i=0
		while [ $i -lt 100 ] && [ "$(pgrep -f "$TMP/data/probe.py" | wc -l)" -lt 2 ]; do
			sleep 0.1; i=$((i + 1))
		done
		before=$(pgrep -f "$TMP/data/probe.py" | wc -l)
		pid=$(pgrep -f "^$SLOTEXPLORE --python $py --measure-time 30" | head -1)
		kill -HUP "$pid"
		i=0
		while [ $i -lt 50 ] && pgrep -f "$TMP/data/probe.py" >/dev/null; do sleep 0.1; i=$((i + 1)); done
		after=$(pgrep -f "$TMP/data/probe.py" | wc -l)
		ok $([ "$before" -ge 2 ] && [ "$after" -eq 0 ] && echo 0 || echo 1) \
			"SIGHUP while timing: $before interpreter processes before, $after after"
		i=0   # (a sanitizer build takes a moment to exit)
		while [ $i -lt 100 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
		kill -0 "$pid" 2>/dev/null; is $? 1 "  and slotexplore has exited"
		# a flooding interpreter switched to from the command line
		T new-session -d -s flood -x 80 -y 24 \
			"TERM=xterm '$SLOTEXPLORE' --no-python; echo EXIT=\$?; sleep 30"
		wait_for flood "inst"
		# a short path, so the message fits the 80-column status line
		cp "$TOP_SRCDIR/tests/fake-pythons/flooder" "$TMP/fl"
		T send-keys -t flood ":python $TMP/fl" Enter
		wait_for flood "flooded its output"; ok $? "a flooding interpreter: one line on the status line"
		T send-keys -t flood Right
		wait_for flood "6 attrs"; ok $? "  and the explorer stays live"
		T send-keys -t flood q
		wait_for flood "EXIT=0"; ok $? "  and quits cleanly"
	else
		ok 0 "# SKIP no CPython 3.8+ for the SIGHUP test"
	fi

	# unwritable XDG directories: history and the remembered setting cannot be saved
	T new-session -d -s ro -x 80 -y 24 \
		"XDG_STATE_HOME=/dev/null/x XDG_CONFIG_HOME=/dev/null/y TERM=xterm '$SLOTEXPLORE' --no-python; echo EXIT=\$?; sleep 30"
	wait_for ro "inst"
	T send-keys -t ro : 'set attrs 9' Enter
	wait_for ro "9 attrs"
	T send-keys -t ro q
	wait_for ro "EXIT=0"; ok $? "unwritable XDG directories: the explorer still quits with 0"
else
	ok 0 "# SKIP tmux is not installed: terminal checks skipped"
fi
out=$(printf 'set attrs 3\nquit\n' | XDG_STATE_HOME=/dev/null/x "$SLOTEXPLORE" --no-python --repl)
ok $? "the REPL with an unwritable history directory exits 0"
done_testing
