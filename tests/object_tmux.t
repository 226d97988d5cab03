#!/bin/sh
# :object in the explorer, in a real terminal at 80x24: the class's rows
# at the top of the table, measured on the interpreter's version and the
# model's alone on another, a bad class on the status line, a hanging
# import stopped by Esc with nothing left running, and :object off.
. "$TOP_SRCDIR/tests/lib.sh"
tmux_setup
EX="$TOP_SRCDIR/tests/example"
first_cpython
[ -n "$PY" ] || skip_all "no CPython 3.8+ interpreter found"
mkdir -p "$TMP/hang"
printf 'import os, time\nopen(os.environ["PIDS"], "w").write(str(os.getpid()))\ntime.sleep(600)\n' > "$TMP/hang/slowmod.py"

T new-session -d -s o -x 80 -y 24 "cd '$EX' && PIDS='$TMP/pids' '$SLOTEXPLORE' --python '$PY' --tui; echo EXIT=\$?; sleep 60"
wait_for o "q quit"; ok $? "the explorer starts"
T send-keys -t o ":object 'shop.models:User(1, \"ann\", \"a@example.com\")'" Enter
wait_for o "as it is (regular)"; ok $? ":object shows the class's rows"
s=$(screen o)
like "$s" "User, measured on $VERSION" "the heading names the class and the version measured"
like "$s" "as slots .* -[1-9][0-9]* B \(✓\|ok\) [0-9]* req" "as slots: the saving and the measured bytes"
unlike "$s" "✗\|XX " "no measured figure differs from the model"
like "$s" "^  kind " "the kinds' table follows"
like "$s" "q quit" "the key bar is whole"
T send-keys -t o ":set accounting requested" Enter
wait_for o "requested *$"; s=$(screen o)
like "$s" "as it is (regular)  *\([0-9]*\) .*\(✓\|ok\) \1 *$" "requested: the measured figure equals the model's"
# another version: the model alone
T send-keys -t o v
wait_for o "model alone for"; ok $? "another version: the heading says the model alone"
unlike "$(screen o | sed -n 2,9p)" "✓" "and no measured figure is shown"
T send-keys -t o V
wait_for o "measured on $VERSION"; ok $? "back on the interpreter's version: measured again"
# a class that is not there: the status line, the rows stay
T send-keys -t o ":object nosuch.mod:X()" Enter
wait_text o "no module named nosuch.mod"; ok $? "a missing module: the status line says so"
like "$(screen o)" "as it is (regular)" "and the rows before stay"
# a hanging import: Esc stops it, and its interpreter is gone
T send-keys -t o ":object slowmod:x $TMP/hang" Enter
n=0; while [ ! -s "$TMP/pids" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
T send-keys -t o Escape
wait_text o "stopped"; ok $? "Esc stops a hanging import"
gone "$TMP/pids"; ok $? "and its interpreter is not left running"
# a census of the example workload: its view, and Enter opens a class
T send-keys -t o ":census 'shop.workload:load_fixtures(30)'" Enter
wait_for o "Census of shop.workload:load_fixtures(30)"; ok $? ":census opens its view"
s=$(screen o)
like "$s" " 1 User  *30  *5 " "the census counts the 30 users"
like "$s" "Order.Line  *30 " "and the 30 order lines"
like "$s" "Esc q close" "the key bar says how to close it"
T send-keys -t o Down Down
wait_for o "^Book (shop.inventory)"; ok $? "Down selects Book, described below the table"
T send-keys -t o Enter
wait_for o "Book, measured on $VERSION"; ok $? "Enter opens Book as your class"
unlike "$(screen o)" "Census of" "and the census view gives way to the table"
T send-keys -t o ":census" Enter
wait_for o "Census of shop.workload"; ok $? ":census opens the view again"
T send-keys -t o Escape
n=0; while screen o | grep -q "Census of" && [ $n -lt 60 ]; do sleep 0.1; n=$((n + 1)); done
unlike "$(screen o)" "Census of" "Esc closes it"
T send-keys -t o ":object off" Enter
n=0; while screen o | grep -q "as it is (regular)" && [ $n -lt 60 ]; do sleep 0.1; n=$((n + 1)); done
unlike "$(screen o)" "as it is (regular)" ":object off hides the rows"
T send-keys -t o q
wait_for o "EXIT=0"; ok $? "q quits with status 0"
done_testing
