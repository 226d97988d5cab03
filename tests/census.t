#!/bin/sh
# --census MODULE:EXPR: the probe imports the module and runs the workload
# (tests/example/shop and small modules written here), counts the live
# instances of the classes outside the standard library and the report
# judges each with the scan's reasons and the model's saving (tied to
# --batch), in text, CSV and JSON. Bad input each gets one line and exit 2
# with nothing left running: a missing module, a syntax error (in EXPR or
# in the module), an exception (its last line), a result with nothing to
# count, a hanging import (--timeout), a workload over --census-cap, and
# Ctrl-C.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
S() { "$SLOTEXPLORE" --no-config "$@"; }
EX="$TOP_SRCDIR/tests/example"
JSON="$TOP_BUILDDIR/tests/json_check"
lines() { printf '%s\n' "$1" | wc -l | tr -d ' '; }

# options that do not apply are refused by name, before any interpreter runs
for opt in "--attrs 3" "--instances 1M" "--kind slots" "--values int:30" "--breakdown" \
	"--by-version" "--compare instance" "--no-python" "--verify" "--measure" "--tradeoffs" \
	"--scan ." "--tour" "-c quit" "--format md" "--fail-on-candidates" "--theme light"; do
	# shellcheck disable=SC2086
	err=$(S --census m:f $opt 2>&1 >/dev/null); st=$?
	is "$st" 2 "--census with $opt: exit 2"
	first=${opt%% *}
	like "$err" "^slotexplore: .*$first" "--census with $opt: the message names $first"
	is "$(lines "$err")" 1 "--census with $opt: one line"
done
for opt in "--path ." "--top 3" "--census-cap 10"; do
	# shellcheck disable=SC2086
	err=$(S $opt 2>&1 >/dev/null); st=$?
	is "$st" 2 "$opt alone: exit 2"
	like "$err" "needs --census\|needs --object or --census" "$opt alone: it needs --census"
done
for t in nocolon ":f()" "m:"; do
	err=$(S --census "$t" 2>&1); st=$?
	is "$st" 2 "--census '$t': exit 2"
	like "$err" "is not MODULE:EXPR" "--census '$t': says what is expected"
done
err=$(S --census m:f --top 0 2>&1); is $? 2 "--top 0: exit 2"
err=$(S --census m:f --census-cap x 2>&1); is $? 2 "--census-cap x: exit 2"
like "$err" "census-cap" "and names it"

# the interpreter: the first CPython 3.8+ found, named with --python
first_cpython
if [ -z "$PY" ]; then
	ok 0 "# SKIP no CPython 3.8+ found: the census runs the workload in one"
	done_testing
	exit $?
fi
diag "running the workloads with $PY (CPython $VERSION)"
P() { S --python "$PY" "$@"; }
batch() { # KIND ATTRS: allocated bytes per instance
	S --batch --attrs "$2" --kind "$1" --format csv --python-version "$VERSION" |
		awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } NR == 2 { print $col[$6] }'
}

# the example package: n of each class
out=$(P --path "$EX" --census 'shop.workload:load_fixtures(200)' 2>err); st=$?
is "$st" 0 "the example's workload: exit 0"
is "$(cat err)" "" "nothing on stderr"
row() { printf '%s\n' "$out" | grep "^ *[0-9]* $1 "; }
like "$(printf '%s\n' "$out" | head -3 | tr '\n' ' ')" "1,800 live instances of 9 classes outside the standard library" \
	"the head counts 9 classes of 200"
like "$(row User)" " 200  *5 .* candidate$" "User: 200 instances, 5 attributes, a candidate"
like "$(row Book)" " 200  *4 .* blocked$" "Book: blocked"
like "$(row Point)" " 200  *2 .* -  *-  compact$" "Point: already compact, no saving"
like "$(row Order.Line)" " 200  *3 " "Order.Line by its qualified name"
save=$(($(batch regular 5) - $(batch slots 5)))
grouped() { printf '%s\n' "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
like "$(row User)" " $save  *$(grouped $((save * 200)))  candidate" \
	"User's saving is --batch's regular - slots at 5 attributes ($save B), times 200"
text=$(printf '%s\n' "$out" | tr '\n' ' ' | tr -s ' ')
like "$text" "User (shop.models), regular, 5 attributes: id, name, email, city, created (all of the 200 checked)" \
	"User's paragraph: its attributes, as the instances hold them"
like "$text" "Book (shop.inventory), .* Blocked: its base Item has no __slots__" "Book: the scan's reason"
like "$text" "Record (shop.inventory), .* Blocked: vars(self) needs a __dict__" "Record: vars(self)"
like "$text" "Listener (shop.inventory), .* slots-weakref .* 200 weakly referenced now" \
	"Listener: weakly referenced, so modelled against slots-weakref"
like "$text" "Your code ran in the interpreter: it imported shop.workload" "it says the user's code ran"
like "$text" "sys.getsizeof of each instance plus sys.getsizeof of its __dict__" "it says what is measured"

out=$(P --path "$EX" --census 'shop.workload:load_fixtures(50)' --top 2); st=$?
is "$st" 0 "--top 2: exit 0"
is "$(printf '%s\n' "$out" | grep -c '^ *[0-9]* [A-Z]')" 2 "--top 2: two rows"
like "$(printf '%s\n' "$out" | tr '\n' ' ')" "The 2 of 9 classes with the most measured bytes (--top)" "and says so"

P --path "$EX" --census 'shop.workload:load_fixtures(30)' --format csv > c.csv; st=$?
is "$st" 0 "--format csv: exit 0"
is "$(wc -l < c.csv | tr -d ' ')" 10 "CSV: a header and 9 rows"
like "$(head -1 c.csv)" "^rank,class,module,kind,layout,count,attributes," "CSV header"
like "$(grep '"User"' c.csv)" '^1,"User","shop.models",regular,regular,30,5,"id name email city created",30,30,' \
	"CSV: User's row"
P --path "$EX" --census 'shop.workload:load_fixtures(30)' --format json > c.json; st=$?
is "$st" 0 "--format json: exit 0"
is "$("$JSON" get classes.0.name < c.json)" User "JSON: the first class is User"
is "$("$JSON" get classes.0.count < c.json)" 30 "JSON: its count"
is "$("$JSON" get classes.0.saving.per_instance < c.json)" "$save" "JSON: its saving per instance"
is "$("$JSON" get classes.0.saving.total < c.json)" "$((save * 30))" "JSON: times the count"
is "$("$JSON" get instances < c.json)" 270 "JSON: 270 instances"
is "$("$JSON" get cap_hit < c.json)" false "JSON: the cap was not hit"

# workloads written here
cat > noisy.py <<'EOF'
import collections
import sys
print("the workload prints")


class A:
    def __init__(self):
        self.x = 1


def make(n):
    print("making", n)
    sys.stdin.read()
    return [A() for _ in range(n)]


def boom():
    raise RuntimeError("first line\nthe last line")


P = collections.namedtuple("P", "a b")


def points(n):
    return [P(i, i) for i in range(n)]


def generated(n):
    ns = {"__name__": __name__}
    exec("class Made:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\n", ns)
    return [ns["Made"]() for _ in range(n)]
EOF
printf 'def f(:\n' > broken.py
cat > hang.py <<'EOF'
import os, subprocess, time
child = subprocess.Popen(["sleep", "300"])
with open(os.environ["PIDFILE"], "w") as f:
    f.write("%d %d\n" % (os.getpid(), child.pid))
time.sleep(300)
EOF
Q() { P --path "$TMP" "$@"; }
out=$(Q --census 'noisy:make(7)' < /dev/null 2>err); st=$?
is "$st" 0 "a workload that prints and reads standard input: exit 0"
like "$out" " A  *7  *1 " "its 7 instances counted"
unlike "$out" "making" "what it printed is not in the report"
out=$(Q --census 'noisy:points(3)'); st=$?
is "$st" 0 "namedtuples: exit 0"
like "$out" " P  *3  *2 .*compact$" "3 namedtuples, already compact"
out=$(Q --census 'noisy:generated(4)'); st=$?
is "$st" 0 "a class with no source file: exit 0"
like "$(printf '%s\n' "$out" | tr '\n' ' ')" "Made (noisy), regular, 2 attributes: a, b .* no source the scan could read" \
	"judged from its instances, and said"

bad() { # TARGET PATTERN WHAT [options]
	t=$1 pat=$2 what=$3
	shift 3
	err=$(Q --census "$t" "$@" 2>&1 >/dev/null); st=$?
	is "$st" 2 "$what: exit 2"
	like "$err" "^slotexplore: --census $t: $pat" "$what: says so"
	is "$(lines "$err")" 1 "$what: one line"
}
bad 'nosuch:f()' "no module named nosuch on the path" "a missing module"
bad 'noisy:make(' "'make(' is not a Python expression" "a syntax error in EXPR"
bad 'broken:f' "importing broken: syntax error in broken.py line 1" "a syntax error in the module"
bad 'noisy:boom()' "boom() raised RuntimeError: the last line" "an exception: its last line"
bad 'noisy:None' "no instance of a class outside the standard library is alive after None (it gives a NoneType)" \
	"a result with nothing to count"
bad 'noisy:list()' "no instance .* (it gives a list)" "an empty result"
bad 'noisy:make(2000)' "the program has more than 500 objects (--census-cap)" "a workload over the cap" \
	--census-cap 500
out=$(Q --census 'noisy:make(2000)' --census-cap 500 2>/dev/null)
like "$(printf '%s\n' "$out" | tr '\n' ' ')" "stopped at its cap of 500 objects" "the report says the counts stop at the cap"

export PIDFILE="$TMP/pids"
start=$(date +%s)
bad 'hang:x' "no answer for 2 s while importing the module (--timeout); stopped it" "a hanging import" \
	--timeout 2
took=$(($(date +%s) - start))
ok $([ "$took" -lt 10 ] && echo 0 || echo 1) "stopped within --timeout ($took s)"
gone "$TMP/pids"; ok $? "nothing left running (the import and its child)"

# Ctrl-C while the workload runs: the child and what it started are stopped
rm -f "$TMP/pids"
"$SLOTEXPLORE" --no-config --python "$PY" --path "$TMP" --census hang:x --timeout 60 > /dev/null 2> err &
pid=$!
n=0
while [ ! -s "$TMP/pids" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
kill -INT $pid
wait $pid; st=$?
is "$st" 130 "Ctrl-C: exit 130"
like "$(cat err)" "^slotexplore: --census: stopped while importing the module; the interpreter was stopped by Ctrl-C$" \
	"Ctrl-C: one line saying so"
is "$(lines "$(cat err)")" 1 "Ctrl-C: on one line"
gone "$TMP/pids"; ok $? "Ctrl-C: nothing left running"

# Esc on the terminal does the same (in a private tmux server, when there is one)
if command -v tmux >/dev/null 2>&1; then
	rm -f "$TMP/pids"
	sock="$TMP/tmux.sock"
	tmux -S "$sock" new-session -d -s esc -x 100 -y 20 "PIDFILE='$TMP/pids' '$SLOTEXPLORE' \
		--no-config --python '$PY' --path '$TMP' --census hang:x --timeout 60 2> '$TMP/esc.err'; \
		echo \$? > '$TMP/esc.st'; sleep 30"
	n=0
	while [ ! -s "$TMP/pids" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
	tmux -S "$sock" send-keys -t esc Escape
	n=0
	while [ ! -s "$TMP/esc.st" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
	tmux -S "$sock" kill-server 2>/dev/null
	is "$(cat "$TMP/esc.st" 2>/dev/null)" 130 "Esc: exit 130"
	like "$(cat "$TMP/esc.err")" "stopped while importing the module; the interpreter was stopped by Esc$" \
		"Esc: one line saying so"
	gone "$TMP/pids"; ok $? "Esc: nothing left running"
else
	ok 0 "# SKIP tmux is not installed: Esc is not tried"
fi

err=$(S --python "$TOP_SRCDIR/tests/fake-pythons/no-such" --census m:f 2>&1); st=$?
ok $([ "$st" -ne 0 ] && echo 0 || echo 1) "no interpreter: fails"
is "$(lines "$err")" 1 "no interpreter: one line"
done_testing
