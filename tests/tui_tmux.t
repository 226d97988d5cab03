#!/bin/sh
# The explorer in a real terminal (tmux): start, keys, resize, help, q,
# Ctrl-C and SIGTERM, each leaving the terminal restored.
. "$TOP_SRCDIR/tests/lib.sh"
export LC_ALL=C.UTF-8 TERM=xterm-256color
tmux_setup

# start SESSION W H ARGS...: the explorer in a fresh session; the shell
# prints EXIT=status when it ends and then waits
start() {
	s=$1 w=$2 h=$3
	shift 3
	T new-session -d -s "$s" -x "$w" -y "$h" \
		"'$SLOTEXPLORE' $*; echo EXIT=\$?; sleep 60" || return 1
	T set-option -t "$s" -g status off 2>/dev/null
	wait_for "$s" "inst" || wait_for "$s" "instances"
}
restored() { [ "$(T display-message -p -t "$1" '#{alternate_on}')" = 0 ]; }

start a 80 24 --no-python --python-version 3.13; ok $? "starts at 80x24"
s=$(screen a)
like "$s" "CPython 3.13 lp64 │ 5 attrs │ 1,000 inst" "80x24: header"
like "$s" "regular  *112  *122.5 KiB" "80x24: the regular row"
T send-keys -t a Right Right +
wait_for a "7 attrs │ 10,000 inst"; ok $? "Right Right + : 7 attributes, 10,000 instances"
like "$(screen a)" "regular  *128  *1.3 MiB" "the table follows"
T send-keys -t a v a
wait_for a "CPython 3.14 lp64"; ok $? "v: next version"
like "$(screen a)" "│ deep" "a: next accounting (allocated → deep)"
T send-keys -t a '?'
wait_for a "slotexplore keys"; ok $? "?: help screen"
T send-keys -t a x
wait_for a "kind.*per inst"; ok $? "any key closes help"
T resize-window -t a -x 200 -y 50 2>/dev/null || T resize-pane -t a -x 200 -y 50
wait_for a "slotexplore │ CPython 3.14"; ok $? "resize to 200x50: wide header"
T resize-window -t a -x 40 -y 10 2>/dev/null || T resize-pane -t a -x 40 -y 10
wait_for a "Terminal too small: 40x10"; ok $? "resize to 40x10: too-small message"
T resize-window -t a -x 80 -y 24 2>/dev/null || T resize-pane -t a -x 80 -y 24
wait_for a "kind.*per inst"; ok $? "back to 80x24"
T send-keys -t a q
wait_for a "EXIT=0"; ok $? "q quits with status 0"
restored a; ok $? "q: terminal restored (alternate screen off)"

start t 80 24 --no-python --no-config --tour
wait_for t "Tour 1/10"; ok $? "--tour starts on step 1"
T send-keys -t t n
wait_for t "Tour 2/10"; ok $? "n: the next step"
T send-keys -t t T
wait_for t "left the tour at step 2"; ok $? "T leaves the tour"
T send-keys -t t q

# the whole tour at 80x24: each step's regular and slots rows are the
# handout's, which handout.t checks against --batch
"$SLOTEXPLORE" --no-python --no-config --tour --batch > "$TMP/tour.md"
steps=$(grep -c '^## [0-9]' "$TMP/tour.md")
start u 80 24 --no-python --no-config --tour
st=1
while [ "$st" -le "$steps" ]; do
	wait_for u "Tour $st/$steps" || { ok 1 "the tour reaches step $st"; break; }
	s=$(screen u)
	acc=$(grep '^Check: ' "$TMP/tour.md" | sed -n "${st}p" | sed 's/.*--accounting \([a-z]*\).*/\1/')
	case $acc in getsizeof) col=3 ;; requested) col=4 ;; allocated) col=5 ;; *) col=6 ;; esac
	for k in regular slots; do
		row=$(awk -v n="$st" -v k="$k" -F'|' '/^## [0-9]/ { s++ } s == n && $2 == " " k " " { print; exit }' \
			"$TMP/tour.md")
		fig=$(printf '%s' "$row" | awk -F'|' -v c="$col" '{ gsub(/^ +| +$/, "", $c); print $c }')
		total=$(printf '%s' "$row" | awk -F'|' '{ gsub(/^ +| +$/, "", $7); print $7 }')
		like "$s" " $k  *$fig  *$total " "tour step $st at 80x24: $k shows $fig ($acc) and $total"
	done
	if grep -q "^## $st\. Speed" "$TMP/tour.md"; then
		like "$s" "timing needs an interpreter" "tour step $st: the status line says timing needs an interpreter"
	fi
	T send-keys -t u n
	st=$((st + 1))
done
wait_for u "the tour's last step"; ok $? "n on the last step says so"
T send-keys -t u : "export $TMP/tui-tour.md tour" Enter
wait_for u "exported .*tui-tour.md (the tour's handout, md)"; ok $? ":export FILE tour from the explorer"
cmp -s "$TMP/tour.md" "$TMP/tui-tour.md"; ok $? "the explorer's tour handout is --tour --batch's"
T send-keys -t u q
wait_for u "EXIT=0"; ok $? "q leaves the tour and the explorer"

start b 80 24 --no-python
like "$(screen b)" "CPython 3.14 lp64 │ 7 attrs │ 10,000 inst" "the last setting is remembered"
like "$(cat "$XDG_CONFIG_HOME/slotexplore/last")" "set attrs 7" "in \$XDG_CONFIG_HOME/slotexplore/last"
T send-keys -t b C-c
wait_for b "EXIT=130"; ok $? "Ctrl-C ends with status 130"
restored b; ok $? "Ctrl-C: terminal restored"

start c 80 24 --no-python --no-config --attrs 3
like "$(screen c)" "CPython 3.13 lp64 │ 3 attrs │ 1,000 inst" "--no-config starts from the defaults and options"
pid=$(pgrep -f "^$SLOTEXPLORE --no-python" | head -1)
[ -n "$pid" ] && kill -TERM "$pid"
wait_for c "EXIT=143"; ok $? "SIGTERM ends with status 143"
restored c; ok $? "SIGTERM: terminal restored"

# every signal whose default ends the process restores the terminal, and
# the process then dies of that signal (F7: QUIT and USR1 left it raw)
for sig in QUIT:3 USR1:10 USR2:12 ALRM:14 PIPE:13; do   # Linux's numbers
	num=${sig#*:} sig=${sig%:*}
	start "s$sig" 80 24 --no-python --no-config --attrs 4
	pid=$(pgrep -f "^$SLOTEXPLORE --no-python --no-config --attrs 4" | head -1)
	[ -n "$pid" ] && kill -"$sig" "$pid"
	wait_for "s$sig" "EXIT=$((128 + num))"; ok $? "SIG$sig: the explorer dies of it (status $((128 + num)))"
	restored "s$sig"; ok $? "SIG$sig: terminal restored"
	T kill-session -t "s$sig"
done

# with an interpreter: m measures, and q leaves no probe behind
py=$(find_pythons | while read -r p; do
	"$p" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 14) else 1)' \
		2>/dev/null && { echo "$p"; break; }
done)
if [ -n "$py" ]; then
	mkdir -p "$TMP/data" && cp "$TOP_SRCDIR"/data/* "$TMP/data/"
	SLOTEXPLORE_DATADIR="$TMP/data" start d 80 24 --python "$py" --kind regular --kind slots \
		--measure-time 3
	T send-keys -t d m
	wait_for d "every figure matches the model"; ok $? "m: measured in $py, every figure matches"
	like "$(screen d)" "✓" "m: a check mark per kind"
	T send-keys -t d t
	wait_for d "attribute access timing"; ok $? "t opens the timing pane"
	like "$(screen d)" "still collecting\|running" "t: while it runs, no verdict"
	# at least 20 processes: as long as that takes on this machine
	n=0; while [ $n -lt 10 ] && ! wait_for d "timing done"; do n=$((n + 1)); done
	ok $([ $n -lt 10 ] && echo 0 || echo 1) "t: the timing run finishes"
	like "$(screen d | tr '\n' ' ' | tr -s ' ')" "slots read is .* than regular (95% CI.*2[0-9] against 2[0-9] processes" \
		"t: the comparison sentence, over at least 20 processes a side"
	T send-keys -t d o
	wait_for d "│ write │"; ok $? "o: the next operation"
	T send-keys -t d r
	wait_for d "running"; ok $? "r: runs again"
	T send-keys -t d Escape
	wait_for d "timing stopped: the .* samples so far are kept"; ok $? "Esc stops a run and keeps the samples"
	T send-keys -t d Escape
	wait_for d "kind.*per inst"; ok $? "Esc again goes back to the table"
	T send-keys -t d q
	wait_for d "EXIT=0"; ok $? "q after m and t: status 0"
	sleep 0.3
	pgrep -f "$TMP/data/probe.py" >/dev/null; is $? 1 "no probe process is left"
else
	ok 0 "# SKIP no CPython 3.8+ found for the m key"
fi
# hostile timing workers in the explorer (hostile input F6, F13): keys and
# signals work at every moment
FAKE="$TOP_SRCDIR/tests/fake-pythons"
start fl 100 30 --python "$FAKE/streamer" --no-config
T send-keys -t fl t
wait_text fl "sent more than the 3 values asked for"; ok $? "a flooding worker: stopped at the values asked for"
T send-keys -t fl q
wait_text fl "timing pane closed"; ok $? "  q closes the pane (as in a pager), not the program"
T send-keys -t fl q
wait_for fl "EXIT=0"; ok $? "  and q again quits at once"
T kill-session -t fl
# m with replies that carry no figures (#13 F1): no check mark next to a 0
start ho 100 30 --python "$FAKE/hollow" --kind regular --kind slots --no-config
T send-keys -t ho m
wait_text ho "nothing measured"; ok $? "m with figureless replies: 'nothing measured'"
s=$(screen ho)
like "$s" "✗ nothing measured" "  each kind is marked ✗ nothing measured"
case $s in *"✓"*) ok 1 "  and no check mark" ;; *) ok 0 "  and no check mark" ;; esac
T send-keys -t ho q
wait_for ho "EXIT=0"; ok $? "  q quits"
T kill-session -t ho
# m with a reply for another setting (#13 F2): refused, naming both
T new-session -d -s mi -x 120 -y 30 "FAKE_MODE=attrs0 '$SLOTEXPLORE' --python '$FAKE/misanswer' \
	--kind regular --attrs 3 --no-config; echo EXIT=\$?; sleep 60"
wait_for mi "inst"
T send-keys -t mi m
wait_text mi "with a reply for another setting"; ok $? "m: a reply for attrs=0 to attrs=3 is refused"
like "$(screen mi | tr '\n' ' ' | tr -s ' ')" "answered 'measure kind=regular attrs=3 .*measure kind=regular attrs=0" \
	"  the message names the request and the reply"
case $(screen mi) in *"✓"*) ok 1 "  and no check mark" ;; *) ok 0 "  and no check mark" ;; esac
T send-keys -t mi q
wait_for mi "EXIT=0"; ok $? "  q quits"
T kill-session -t mi
rm -f "$TMP/slow.count"
cp "$FAKE/slow-worker" "$TMP/slow-worker"   # a path of its own, for pgrep
# (tmux runs the command in its server's environment: the settings go in it)
T new-session -d -s sl -x 100 -y 30 "FAKE_COUNT='$TMP/slow.count' FAKE_HELLO_DELAY=100000 \
	'$SLOTEXPLORE' --python '$TMP/slow-worker' --no-config; echo EXIT=\$?; sleep 60"
wait_for sl "inst"
T send-keys -t sl t
wait_for sl "process 1: starting"; ok $? "a worker slow to say hello: the pane says it is starting"
T send-keys -t sl Right
wait_for sl "│ write │"; ok $? "  and the explorer stays live (o, Right)"
T send-keys -t sl Escape
wait_text sl "timing stopped"; ok $? "  Esc stops it at once"
# q during a run asks first; any other key keeps the run; q q stops and closes
T send-keys -t sl r
wait_for sl "process 1: starting"; ok $? "  r in the stopped pane runs again"
T send-keys -t sl q
wait_text sl "a run is going: q again stops it"; ok $? "  q during a run asks before throwing it away"
T send-keys -t sl o
wait_for sl "process 1: starting"; ok $? "  another key: the run goes on"
like "$(screen sl | head -1)" "attribute access timing" "  and the pane stays"
T send-keys -t sl q q
wait_text sl "timing stopped and the pane closed"; ok $? "  q q: the run stopped, the pane closed"
like "$(screen sl)" "per inst" "  back on the table, the program still running"
T send-keys -t sl t
wait_for sl "process 1: starting"
pid=$(pgrep -f "^$SLOTEXPLORE --python $TMP/slow-worker" | head -1)
[ -n "$pid" ] && kill -TERM "$pid"
wait_for sl "EXIT=143"; ok $? "  SIGTERM while a worker starts: the explorer dies of it (143)"
restored sl; ok $? "  with the terminal restored"
n=0   # (the main probe goes with the explorer's death signal: a moment)
while [ $n -lt 30 ] && pgrep -f "$TMP/slow-worker" >/dev/null; do sleep 0.1; n=$((n + 1)); done
pgrep -f "$TMP/slow-worker" >/dev/null; is $? 1 "  and no worker is left"
T kill-session -t sl

# an interpreter newer than every profile: the warning stays in the header
start f 80 24 --no-config --python "$TOP_SRCDIR/tests/fake-pythons/future"; ok $? "starts with a 3.16 interpreter"
newest=$("$SLOTEXPLORE" --list-profiles | awk '/^3\./ && $1 !~ /t$/ { v = $1 } END { print v }')
like "$(screen f | head -1)" "CPython $newest for 3.16.0!" "header: the $newest profile stands in for 3.16.0"
T send-keys -t f Right Right +
wait_for f "7 attrs"; ok $? "keys work"
like "$(screen f | head -1)" "CPython $newest for 3.16.0!" "the warning is still in the header after keys"
T send-keys -t f V
wait_for f "CPython 3.14t"
case $(screen f | head -1) in *"for 3.16.0!"*) ok 1 "no warning on another version" ;;
*) ok 0 "no warning on another version" ;; esac
T send-keys -t f v
wait_for f "for 3.16.0!"; ok $? "back on $newest, the warning is back"
T send-keys -t f q
wait_for f "EXIT=0"; ok $? "q quits"
T kill-session -t f

# quitting writes the remembered setting without following a planted link (F8)
mkdir -p "$XDG_CONFIG_HOME/slotexplore"
echo precious > "$TMP/victim"
ln -sf "$TMP/victim" "$XDG_CONFIG_HOME/slotexplore/last.tmp"
start k 80 24 --no-python --attrs 6
T send-keys -t k q
wait_for k "EXIT=0"; ok $? "q quits"
is "$(cat "$TMP/victim")" precious "a symlink planted as last.tmp is not followed"
like "$(cat "$XDG_CONFIG_HOME/slotexplore/last")" "set attrs 6" "the setting is remembered all the same"
T kill-session -t k

# a teacher's run: the whole tour in presentation mode with the light theme
start L 80 24 --no-python --tour --present --theme light
n=$(grep -c '^== ' "$TOP_SRCDIR/data/tour.txt")
like "$(screen L)" "Tour 1/$n" "--tour --present --theme light starts on step 1"
i=2
while [ $i -le "$n" ]; do
	T send-keys -t L n
	wait_for L "Tour $i/$n"; ok $? "presentation, light theme: step $i"
	i=$((i + 1))
done
like "$(screen L)" "Trade-offs" "the last step is the trade-offs"
T send-keys -t L d
wait_for L "dark theme"; ok $? "d switches to the dark theme"
T send-keys -t L d
wait_for L "light theme"; ok $? "d switches back to the light theme"
T send-keys -t L q
wait_for L "EXIT=0"; ok $? "q quits"
restored L; ok $? "the terminal is restored after the light theme"
like "$(cat "$XDG_CONFIG_HOME/slotexplore/last" 2>/dev/null)" "set theme light" "the theme is remembered"
T kill-session -t L

done_testing
