#!/bin/sh
# The explorer's ':' command line in a real terminal (tmux): typing,
# editing keys, Tab completion, Esc and Ctrl-C, a bad command, output in
# the pager, and history across two runs.
. "$TOP_SRCDIR/tests/lib.sh"
export LC_ALL=C.UTF-8 TERM=xterm-256color INPUTRC=/dev/null
tmux_setup
start() {
	T new-session -d -s "$1" -x 80 -y 24 "'$SLOTEXPLORE' --no-python; echo EXIT=\$?; sleep 60"
	wait_for "$1" "inst"
}
last_line() { screen "$1" | tail -1; }

start a; ok $? "the explorer starts"
T send-keys -t a : 'set attrs 12' Enter
wait_for a "12 attrs"; ok $? ": set attrs 12 changes the setting"
T send-keys -t a : 'set vers' Tab
wait_for a ":set version"; ok $? "Tab completes a setting name"
T send-keys -t a '3.1' Tab Tab
wait_for a "7 matches: 3.10 3.11 3.12 3.13 3.14 3.14t 3.15"; ok $? "Tab twice shows the matches, in version order"
T send-keys -t a '2' Enter
wait_for a "CPython 3.12 lp64"; ok $? "the completed command runs"
T send-keys -t a : 'set version 3.' Tab Tab
wait_for a "9 matches: 3.8 3.9 3.10 3.11"; ok $? "versions in numeric order: 3.8 and 3.9 before 3.10"
T send-keys -t a C-u Escape
T send-keys -t a : 'set instances 1' C-a
T send-keys -t a 'X' C-e '0k'
wait_for a ":Xset instances 10k"; ok $? "C-a and C-e move; typing inserts"
T send-keys -t a C-a C-d Enter
wait_for a "10,000 inst"; ok $? "C-d deletes; the edited line runs"
T send-keys -t a : 'set attrs 99 extra words' C-w C-w Enter
wait_for a "99 attrs"; ok $? "C-w deletes words"
T send-keys -t a : 'set attrs 40' Escape
wait_for a "command cancelled"; ok $? "Esc cancels"
like "$(screen a)" "99 attrs" "a cancelled command changes nothing"
T send-keys -t a : 'set attrs 41' C-c
wait_for a "command cancelled"; ok $? "Ctrl-C cancels the line, not the program"
like "$(screen a)" "99 attrs" "and changes nothing"
T send-keys -t a : 'set attrz 5' Enter
wait_for a "set: 'attrz' is not a setting"; ok $? "a bad command: one line on the status line"
like "$(screen a)" "99 attrs" "a bad command changes nothing"
T send-keys -t a : 'compare regular slots' Enter
wait_for a "command output"; ok $? "printed output opens the pager"
like "$(screen a)" "per instance" "compare's table is shown"
T send-keys -t a q
wait_for a "kind.*per inst"; ok $? "a key closes the pager"
T send-keys -t a : 'set values str:5:ucs2' Enter
wait_for a "values str:5:ucs2"; ok $? "a value with colons"
T send-keys -t a : 'export' Space "$TMP/ex.csv" Enter
sleep 0.5
like "$(cat "$TMP/ex.csv" 2>/dev/null | sed -n 2p)" "^3.12,lp64,99," "export from the explorer"
T send-keys -t a : 'quit' Enter
wait_for a "EXIT=0"; ok $? ":quit quits"
[ -s "$XDG_STATE_HOME/slotexplore/history" ]; ok $? "the history file is written"

start b
T send-keys -t b : Up
wait_for b ":quit"; ok $? "history survives a restart (Up recalls the last command)"
T send-keys -t b Up
wait_for b ":export"; ok $? "Up again goes further back"
T send-keys -t b Escape
wait_for b "command cancelled"
T send-keys -t b q
wait_for b "EXIT=0"; ok $? "q quits"

# :python with an interpreter that never says hello: Esc gives up at once,
# and SIGTERM is honoured at once, not after --timeout (10 s)
SLEEPER="$TOP_SRCDIR/tests/fake-pythons/sleeper"
start c
T send-keys -t c : "python $SLEEPER" Enter
sleep 0.3
T send-keys -t c Escape
wait_text c "gave up waiting for .*sleeper to say hello"; ok $? ":python sleeper: Esc gives up waiting"
like "$(screen c | head -1)" "attrs .* inst" "  and the explorer is live"
n=0; while [ $n -lt 20 ] && pgrep -f "$SLEEPER" >/dev/null; do sleep 0.1; n=$((n + 1)); done
pgrep -f "$SLEEPER" >/dev/null; is $? 1 "  and the sleeper was stopped"
T send-keys -t c : "python $SLEEPER" Enter
sleep 0.3
pid=$(pgrep -f "^$SLOTEXPLORE --no-python" | head -1)
[ -n "$pid" ] && kill -TERM "$pid"
wait_for c "EXIT=143"; ok $? ":python sleeper: SIGTERM while it waits ends the explorer at once (143)"
n=0; while [ $n -lt 20 ] && pgrep -f "$SLEEPER" >/dev/null; do sleep 0.1; n=$((n + 1)); done
pgrep -f "$SLEEPER" >/dev/null; is $? 1 "  and leaves no sleeper"
done_testing
