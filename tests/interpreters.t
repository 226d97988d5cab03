#!/bin/sh
# Hostile and broken interpreters (tests/fake-pythons): each gets a one-line
# message naming the problem, a non-zero exit status, and no process is left
# behind.
. "$TOP_SRCDIR/tests/lib.sh"
FAKE="$TOP_SRCDIR/tests/fake-pythons"

# gone PIDFILE: every pid in the file has exited and been reaped (a zombie
# reparented to init may take a moment to be collected)

# run FAKE EXPECTED-PATTERN DESCRIPTION [ARGS...]
run() {
	fake=$1 pattern=$2 what=$3
	shift 3
	rm -f "$TMP/pids"
	err=$(FAKE_PID_FILE="$TMP/pids" "$SLOTEXPLORE" --verify --python "$FAKE/$fake" --timeout 1 \
		--kind regular --attrs 0..1 "$@" 2>&1 >"$TMP/out")
	status=$?
	is "$status" 1 "$fake: exit status 1"
	like "$err" "$pattern" "$fake: $what"
	is "$(printf '%s\n' "$err" | grep -c .)" 1 "$fake: exactly one line on stderr"
}

run garbage "garbage did not answer as a Python interpreter (it printed 'Welcome" \
	"names what it printed instead"
run quitter "quitter exited with status 3 before answering: quitter: cannot start" \
	"names the exit status and its message"
run sleeper "sleeper did not answer within 1 s; stopped it" "says it timed out"
gone "$TMP/pids"; ok $? "sleeper: the hung child was stopped and reaped"
run staller "staller gave no answer to 'measure kind=regular attrs=0" \
	"names the request it hung on"
gone "$TMP/pids"; ok $? "staller: the child and its grandchild were stopped"
run crasher "crasher was killed by signal 11 (Segmentation fault) while answering" \
	"names the signal and the request"
run flooder "flooder flooded its output with a line over 8192 bytes; stopped it" \
	"stops a flood"
run python2 "python2 is CPython 2.7.18: not modelled" "refuses a Python it does not model"
run not-executable "not-executable: not executable" "says the file is not executable"
err=$("$SLOTEXPLORE" --verify --python "$TMP/no-such-python" 2>&1 >/dev/null)
is $? 1 "missing interpreter: exit status 1"
like "$err" "no-such-python: No such file or directory" "missing interpreter: named"

# a probe that answers with wrong numbers: verify reports them and fails
"$SLOTEXPLORE" --verify --python "$FAKE/liar" --kind regular --attrs 0..2 >"$TMP/out" 2>&1
is $? 1 "liar: verify exits 1 on mismatches"
like "$(cat "$TMP/out")" "9 figures compared, 9 mismatches" "liar: every wrong figure counted"

# replies are matched to their requests (#13 F2): one for another setting,
# another kind, another count, or a line after a batch is an error naming both
FAKE_MODE=attrs0 run misanswer \
	"misanswer answered 'measure kind=regular attrs=1 values=none count=[0-9]*' with a reply for another setting: measure kind=regular attrs=0 values=none" \
	"a reply for attrs=0 to attrs=1 is refused"
FAKE_MODE=kind run misanswer \
	"misanswer answered 'measure kind=regular attrs=0 values=none count=[0-9]*' with a reply for another setting: measure kind=slots attrs=0" \
	"a reply for another kind is refused"
FAKE_MODE=count run misanswer "with a reply for another setting: .* count=1000" \
	"a reply for another instance count is refused"
FAKE_MODE=extra run misanswer \
	"misanswer sent a line that answers no request, after its reply to 'measure kind=regular attrs=1 values=none count=[0-9]*'.*: 'measure kind=regular attrs=0" \
	"an extra line is refused"
out=$(FAKE_MODE=attrs0 "$SLOTEXPLORE" --verify --python "$FAKE/misanswer" --kind regular --attrs 3..5 2>&1)
case $out in *"0 mismatches"*) ok 1 "attrs rewritten to 0: no summary is printed as if verified" ;;
*) ok 0 "attrs rewritten to 0: no summary is printed as if verified" ;; esac

# replies without figures verify nothing (#13 F1)
run hollow "nothing verified: .*hollow answered 2 settings with no figure to compare" \
	"a run that compared nothing fails and says so"
case $(cat "$TMP/out") in *"0 mismatches"*) ok 1 "hollow: no '0 mismatches' summary" ;;
*) ok 0 "hollow: no '0 mismatches' summary" ;; esac
like "$(cat "$TMP/out")" "nothing measured" "hollow: each row says nothing was measured"
err=$("$SLOTEXPLORE" --python "$FAKE/hollow" --no-config -c 'show regular; verify' 2>&1 >"$TMP/out")
st=$?; ok $([ "$st" -ne 0 ] && echo 0 || echo 1) "hollow: the verify command fails too (status $st)"
like "$err" "verify: nothing verified: " "hollow: the verify command says nothing was verified"
case $(cat "$TMP/out") in *"0 mismatches"*) ok 1 "hollow: the verify command prints no passing summary" ;;
*) ok 0 "hollow: the verify command prints no passing summary" ;; esac

# a probe that exits while answering is named at once, with its status, even
# when a grandchild in a session of its own holds its output open (#13)
run leaver "leaver exited with status 0 while answering 'measure kind=regular attrs=0" \
	"an exit while answering is named with its status"
rm -f "$TMP/pids" "$TMP/pids.grandchild"
t0=$(date +%s)
err=$(FAKE_MODE=setsid FAKE_PID_FILE="$TMP/pids" "$SLOTEXPLORE" --verify --python "$FAKE/leaver" \
	--timeout 5 --kind regular --attrs 0..1 2>&1 >/dev/null)
status=$? t1=$(date +%s)
is "$status" 1 "setsid grandchild: exit status 1"
like "$err" "leaver exited with status 0 while answering 'measure kind=regular attrs=0" \
	"setsid grandchild: the probe's exit is named, not a silence"
ok $([ $((t1 - t0)) -lt 5 ] && echo 0 || echo 1) \
	"setsid grandchild: seen at once ($((t1 - t0)) s, the timeout was 60 s)"
gone "$TMP/pids"; ok $? "setsid grandchild: the probe was reaped"
# (Linux: whoever still holds the dead probe's output pipe is stopped too)
if [ "$(uname -s)" = Linux ]; then
	gone "$TMP/pids.grandchild"; ok $? "setsid grandchild: the grandchild holding the pipe was stopped"
else
	ok 0 "# SKIP the pipe's holders are found through /proc on Linux only"
fi
[ -s "$TMP/pids.grandchild" ] && kill "$(cat "$TMP/pids.grandchild")" 2>/dev/null

# --probes: every extra probe must say hello as the first did
rm -f "${TMPDIR:-/tmp}/two-faced.count"
err=$("$SLOTEXPLORE" --verify --python "$FAKE/two-faced" --probes 2 --kind regular --attrs 0..40 2>&1 >/dev/null)
is $? 1 "--probes 2 with an interpreter that changes its hello: exit 1"
like "$err" "the second probe under .*two-faced said hello as cpython 3.8.18 .*, the first as cpython 3.12.1" \
	"--probes: a second probe that is another interpreter is named"
is "$(printf '%s\n' "$err" | grep -c .)" 1 "--probes: one line"
rm -f "${TMPDIR:-/tmp}/two-faced.count"
err=$("$SLOTEXPLORE" --verify --python "$FAKE/liar" --probes 9 2>&1 >/dev/null)
is $? 2 "--probes 9 is a usage error"
like "$err" "--probes" "--probes 9: the message names the option"

# --list-pythons lists the broken ones with their reason and still exits 0
out=$("$SLOTEXPLORE" --list-pythons --python "$FAKE/garbage" --python "$FAKE/python2" 2>&1)
ok $? "--list-pythons with broken interpreters exits 0"
like "$(printf '%s\n' "$out" | tr '\n' ' ')" "garbage *did not answer as a Python *interpreter" \
	"--list-pythons: garbage row"
like "$out" "python2.*not modelled" "--list-pythons: python2 row"

# what a child says never breaks out of JSON nor reaches the terminal raw (F3)
out=$("$SLOTEXPLORE" --verify --python "$FAKE/injector" --format json 2>&1)
is $? 1 "a hello with a JSON-breaking version is refused"
case $out in *'"injected"'*) ok 1 "no injected JSON key" ;; *) ok 0 "no injected JSON key" ;; esac
like "$out" "injector said hello with facts that do not add up" "the injector is named"
"$SLOTEXPLORE" --list-pythons --python "$FAKE/escaper" > "$TMP/esc.txt"
ok $? "--list-pythons with an escape sequence in the hello"
if LC_ALL=C grep -q "$(printf '\033')" "$TMP/esc.txt"; then ok 1 "no ESC byte reaches the output"
else ok 0 "no ESC byte reaches the output"; fi
printf '{"slotexplore_timing": 1, "attrs": 5, "interpreter": {"version": "3.12\\u001b]0;pwned\\u0007", "path": "/x\\u009b31m"}, "series": []}' > "$TMP/esc.json"
"$SLOTEXPLORE" --load "$TMP/esc.json" > "$TMP/esc-load.txt" 2>&1
if LC_ALL=C grep -q "$(printf '\033')\|$(printf '\302\233')" "$TMP/esc-load.txt"; then
	ok 1 "--load: no escape sequence from the file reaches the output"
else ok 0 "--load: no escape sequence from the file reaches the output"; fi
printf '{"slotexplore_timing": 1, "attrs": -1, "interpreter": {}, "series": []}' > "$TMP/neg.json"
err=$("$SLOTEXPLORE" --load "$TMP/neg.json" 2>&1)
like "$err" "\"attrs\" is not an attribute count" "--load: attrs -1 is refused, not 4294967295"
printf '{"slotexplore_timing": 1, "attrs": 5, "interpreter": {}, "series": [{"kind": "slots", "op": "read", "samples": [1e308, 2]}]}' > "$TMP/huge.json"
err=$("$SLOTEXPLORE" --load "$TMP/huge.json" 2>&1)
like "$err" "a sample is absurd" "--load: a sample of 1e308 ns is refused"

# a pyenv shim with no active version: pyenv's first line, not its last
out=$("$SLOTEXPLORE" --list-pythons --python "$FAKE/shim-inactive" 2>&1 | sed -n 2,3p | tr '\n' ' ')
like "$out" "shim-inactive is a pyenv shim that runs no interpreter (pyenv: python3.8: command not found" \
	"--list-pythons: an inactive pyenv shim gets its reason"
case $out in *"found at the same time"*) ok 1 "no garbled tail of pyenv's message" ;;
*) ok 0 "no garbled tail of pyenv's message" ;; esac

# names that reach one interpreter are listed once, under what it runs
real=$(find_pythons | while read -r p; do
	"$p" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)' 2>/dev/null &&
		{ "$p" -c 'import os, sys; print(os.path.realpath(sys.executable))'; break; }
done)
if [ -n "$real" ]; then
	mkdir -p "$TMP/names"
	ln -sf "$real" "$TMP/names/python3" && ln -sf "$real" "$TMP/names/python3.x"
	out=$("$SLOTEXPLORE" --list-pythons --python "$TMP/names/python3" --python "$TMP/names/python3.x")
	like "$(printf '%s\n' "$out" | sed -n 2,6p | tr '\n' ' ')" \
		"^$real .*also reached as: $TMP/names/python3, *$TMP/names/python3.x" \
		"--list-pythons: two names of $real on its one row"
	is "$(printf '%s\n' "$out" | grep -c "^$TMP/names/")" 0 "--list-pythons: neither name gets a row of its own"
else
	diag "no CPython 3.8+ here: the grouping test is skipped"
fi

# PyPy: named, with the reason, in --list-pythons and --verify
if command -v pypy3 >/dev/null 2>&1; then
	out=$("$SLOTEXPLORE" --list-pythons --python pypy3 | sed -n 2,4p | tr '\n' ' ')
	like "$out" "pypy .* not modelled .*why: PyPy objects have no fixed layout to model, and *sys.getsizeof raises *TypeError there" \
		"--list-pythons: PyPy is named with its reason"
	err=$("$SLOTEXPLORE" --verify --python pypy3 2>&1 >/dev/null)
	is $? 1 "--verify --python pypy3 exits 1"
	like "$err" "is PyPy .*: not modelled (PyPy objects have no fixed layout" "--verify: PyPy's reason"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "--verify: one line"
else
	diag "pypy3 is not installed (apt-get install pypy3): its refusal is not checked"
fi

# an explicit --python that is broken fails the batch run too; a broken
# python3 found on PATH is only a note: the table is the model alone
err=$("$SLOTEXPLORE" --batch --python "$FAKE/garbage" --attrs 3 2>&1 >/dev/null)
is $? 1 "--batch with a broken --python exits 1"
like "$err" "garbage did not answer as a Python interpreter" "--batch: names the broken --python"
mkdir -p "$TMP/bin" && ln -s "$FAKE/garbage" "$TMP/bin/python3"
out=$(PATH="$TMP/bin:$PATH" "$SLOTEXPLORE" --batch --attrs 3 2>&1)
ok $? "--batch with a broken python3 on PATH still prints the model"
like "$out" "note: python3 on PATH is not usable.*the model alone" "--batch: says it is the model alone"
like "$out" "^regular  *48 " "--batch: and prints the table"

# closed standard descriptors (F11): the probe's pipes must not land on them
if [ -n "$real" ]; then
	out=$("$SLOTEXPLORE" --verify --python "$real" --kind slots --attrs 0..2 <&- 2>&1); st=$?
	is $st 0 "--verify with stdin closed exits 0"
	like "$out" "0 mismatches" "--verify with stdin closed measures"
	out=$("$SLOTEXPLORE" --verify --python "$real" --kind slots --attrs 0..2 <&- 2>&-); st=$?
	is $st 0 "--verify with stdin and stderr closed exits 0 (no SIGPIPE)"
fi

# plain --batch asks python3 on PATH for its version, but never runs pyenv
# (a hanging pyenv added 5 s to every run)
mkdir -p "$TMP/pyenvbin"
printf '#!/bin/sh\ntouch "%s/pyenv-ran"\nsleep 30\n' "$TMP" > "$TMP/pyenvbin/pyenv"
chmod +x "$TMP/pyenvbin/pyenv"
PATH="$TMP/pyenvbin:$PATH" "$SLOTEXPLORE" --batch --attrs 3 > /dev/null
ok $? "--batch with a hanging pyenv on PATH"
[ ! -e "$TMP/pyenv-ran" ]; ok $? "--batch did not run pyenv"

# a hello must add up: an ABI that does not match the pointer size is refused
err=$("$SLOTEXPLORE" --verify --python "$FAKE/abi-liar" 2>&1); is $? 1 "abi=ilp32 with pointer=8 is refused"
like "$err" "abi-liar said hello with facts that do not add up" "says why"
# timing workers must all be the same interpreter
rm -f "${TMPDIR:-/tmp}/two-faced.count"
err=$("$SLOTEXPLORE" --measure --python "$FAKE/two-faced" --op read --measure-time 1 2>&1)
is $? 1 "--measure with workers that disagree on the version fails"
like "$err" "answered as cpython 3.[0-9.]* lp64 in one worker and as cpython 3.[0-9.]* lp64 in another; its samples cannot be pooled" \
	"names both versions"
rm -f "${TMPDIR:-/tmp}/two-faced.count"

# hostile timing workers (hostile input F4, F13, F14): the values asked for
# and no more, every wait bounded by the timeout and the budget, and Ctrl-C
# and signals honoured at every moment, with status 128 + signal
rm -f "$TMP/pids"
err=$(FAKE_PID_FILE="$TMP/pids" "$SLOTEXPLORE" --measure --python "$FAKE/streamer" --op read \
	--measure-time 5 2>&1 >/dev/null)
is $? 1 "streamer: a worker that sends values without end fails the run"
like "$err" "streamer sent more than the 3 values asked for (a flood); stopped it" \
	"streamer: stopped at the values asked for"
gone "$TMP/pids"; ok $? "streamer: every worker was stopped and reaped"
# a worker slow to answer a time request: the budget, not the 120 s timeout
rm -f "$TMP/count" "$TMP/pids"
err=$(FAKE_COUNT="$TMP/count" FAKE_TIME_DELAY=30 FAKE_PID_FILE="$TMP/pids" "$SLOTEXPLORE" \
	--measure --python "$FAKE/slow-worker" --op read --measure-time 1 2>&1 >/dev/null)
is $? 1 "slow-worker: no value within the budget fails the run"
like "$err" "slow-worker finished no timing process within 5 s (the 1 s time budget and a grace for the first); stopped it" \
	"slow-worker: stopped at the time budget (and the first process's grace), not the 120 s timeout"
gone "$TMP/pids"; ok $? "slow-worker: its workers were stopped and reaped"
# signals while a worker is silent: before its hello, and while it times
# sigtest SIGNAL STATUS HELLO-DELAY TIME-DELAY WHAT
sigtest() {
	rm -f "$TMP/count" "$TMP/mark" "$TMP/pids" "$TMP/m.err"
	FAKE_COUNT="$TMP/count" FAKE_MARKER="$TMP/mark" FAKE_HELLO_DELAY=$3 FAKE_TIME_DELAY=$4 \
		FAKE_PID_FILE="$TMP/pids" "$SLOTEXPLORE" --measure --python "$FAKE/slow-worker" \
		--op read --measure-time 60 --timeout 100 >"$TMP/m.out" 2>"$TMP/m.err" &
	pid=$!
	# wait for the worker: its marker, or (before its hello) its start
	n=0
	while [ $n -lt 100 ]; do
		if [ "$4" = 0 ]; then [ "$(cat "$TMP/count" 2>/dev/null)" = 2 ] && break
		else [ -e "$TMP/mark" ] && break; fi
		sleep 0.1; n=$((n + 1))
	done
	kill -"$1" "$pid"
	# a watchdog, so that a regression fails instead of hanging the suite
	n=0
	while [ $n -lt 200 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; n=$((n + 1)); done
	kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
	wait "$pid"
	is $? "$2" "slow-worker, $5: SIG$1 ends --measure with status $2"
	like "$(cat "$TMP/m.err")" "stopped by" "slow-worker, $5: says it was stopped"
	gone "$TMP/pids"; ok $? "slow-worker, $5: no worker is left"
}
sigtest INT 130 0 100000 "timing"
sigtest TERM 143 0 100000 "timing"
sigtest INT 130 100000 0 "before its hello"

done_testing
