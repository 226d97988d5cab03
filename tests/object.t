#!/bin/sh
# --object MODULE:EXPR: the example package's User in every format, the
# model alone for another version, and bad input of every kind (options,
# a missing module, a syntax error, an expression that raises or gives no
# instance, an import that hangs or exits) each with one line, exit 2 and
# nothing left running.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
S() { "$SLOTEXPLORE" --no-config "$@"; }
EX="$TOP_SRCDIR/tests/example"
USER='shop.models:User(1, "ann", "a@example.com")'

# options that do not apply are refused by name, before any interpreter runs
for opt in "--attrs 3" "--kind slots" "--values int:30" "--breakdown" "--by-version" \
	"--compare instance" "--no-python" "--verify" "--measure" "--scan ." "--tour" \
	"--base-attrs 1" "--min-effect 0.5" "--measure-time 5"; do
	# shellcheck disable=SC2086
	err=$(S --object "$USER" $opt 2>&1 >/dev/null); st=$?
	is "$st" 2 "--object with $opt: exit 2"
	first=${opt%% *}
	like "$err" "^slotexplore: .*$first" "--object with $opt: the message names $first"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "--object with $opt: one line"
done
err=$(S --path "$EX" 2>&1); is $? 2 "--path alone: exit 2"
like "$err" "path needs --object" "and says it needs --object"
for bad in "shop.models" ":User()" "shop..models:User()" "1shop:User()" "shop.models:  "; do
	err=$(S --object "$bad" 2>&1); st=$?
	is "$st" 2 "--object '$bad': exit 2"
	like "$err" "not MODULE:EXPR\|not a module name" "--object '$bad': says what is wrong ($err)"
done

# the interpreter: the first CPython 3.8+ found
first_cpython
if [ -z "$PY" ]; then
	diag "skipped the runs: no CPython 3.8+ interpreter found"
	done_testing
	exit
fi
diag "interpreter: $PY ($VERSION)"
O() { S --python "$PY" --path "$EX" "$@"; }

out=$(O --object "$USER" 2>err); st=$?
is "$st" 0 "User: exit 0 ($(head -1 err))"
like "$out" "^User (module shop.models), 5 attributes" "the heading names the class"
like "$out" "created  *datetime .*owned, 40 B requested" "the datetime is owned, 40 B requested"
like "$out" "^  as it is (regular) .* ok .* ok" "the class as it is: model equals measured"
like "$out" "^  as slots  .* ok .* ok  .*[1-9][0-9]* B (" "as slots: measured and modelled, with its saving"
like "$out" "^Verdict: User can take __slots__ as it is" "the verdict"
like "$out" "0 mismatches" "0 mismatches"
unlike "$out" "!=" "no figure differs"
long=$(printf '%s\n' "$out" | awk 'length > 78' | head -1)
is "$long" "" "no line over 78 columns"

json=$(O --object "$USER" --format json --instances 1M 2>/dev/null)
got=$(printf '%s' "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
s = [a for a in d["alternatives"] if a["layout"] == "as slots"][0]
print(d["class"]["kind"], d["check"]["mismatches"], s["saving_per_instance"]["allocated"],
      s["saving_total"], d["model"]["instances"])' 2>&1)
like "$got" "^regular 0 \([1-9][0-9]*\) \1000000 1000000$" "JSON: kind, mismatches, saving per instance and for 1M ($got)"
csv=$(O --object "$USER" --format csv 2>/dev/null)
like "$(printf '%s\n' "$csv" | head -1)" "^class,role,layout,kind,modelled" "CSV header"
is "$(printf '%s\n' "$csv" | wc -l | tr -d ' ')" 8 "CSV: a header, the class and 6 alternatives"
md=$(O --object "$USER" --format md 2>/dev/null)
like "$md" "^## User" "Markdown heading"
like "$md" "^| as slots | slots |" "Markdown: the alternatives' table"

# another version: the model alone, and the heading says so
other=3.13
[ "$VERSION" = 3.13 ] && other=3.12
out=$(O --object "$USER" --python-version $other 2>&1); st=$?
is "$st" 0 "--python-version $other: exit 0"
like "$out" "The model alone for CPython $other" "the heading says the model alone"
unlike "$out" " ok " "and no measured figure is shown"
long=$(printf '%s\n' "$out" | awk 'length > 78' | head -1)
is "$long" "" "the model alone: no line over 78 columns"

# one class of a workload: the instances its result reaches
out=$(O --object "shop.workload:load_fixtures(50)" --class Order.Line 2>&1); st=$?
is "$st" 0 "--class Order.Line of a workload: exit 0"
like "$out" "^Order.Line (module shop.models), 3 attributes" "the class picked"
like "$out" "the 50 instances of Order.Line" "all 50 of them"
like "$out" " 0 mismatches" "its alternatives match the model"
err=$(O --object "shop.workload:load_fixtures(5)" --class Nope 2>&1); st=$?
is "$st" 2 "--class of a class it does not reach: exit 2"
like "$err" "gives no Nope instance" "and says so"
err=$(S --class User 2>&1); is $? 2 "--class alone: exit 2"
like "$err" "class needs --object" "and says it needs --object"

# the user's code, failing in each way: one line naming it, exit 2
mkdir -p hang
printf 'import os, time\nopen(os.environ["PIDS"], "w").write(str(os.getpid()))\ntime.sleep(600)\n' > hang/slowmod.py
echo 'raise SystemExit(3)' > hang/exiter.py
echo 'def f(:' > hang/broken.py
echo 'x = 1' > hang/plain.py
# a class whose code prints, even a protocol line: stdout is not the probe's while it runs
printf 'import sys\nprint("hello from import")\nclass C:\n    def __init__(self):\n        print("objdone class=C attrs=0")\n        self.a = 1\n        self.b = "x" * 20\n' > hang/noisy.py
out=$(S --python "$PY" --path hang --object 'noisy:C()' 2>/dev/null); st=$?
is "$st" 0 "a class that prints: exit 0"
like "$out" " 0 mismatches" "and its figures are measured as usual"
check_bad() { # SPEC PATTERN DESCRIPTION [options]
	spec=$1 pattern=$2 what=$3
	shift 3
	err=$(PIDS="$TMP/pids" S --python "$PY" --path "$EX" --path hang "$@" --object "$spec" 2>&1 >/dev/null)
	st=$?
	is "$st" 2 "$what: exit 2"
	like "$err" "$pattern" "$what: $err"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "$what: one line"
}
check_bad "nosuch.mod:X()" "no module named nosuch.mod" "a missing module"
check_bad "shop.models:User(1," "is not a Python expression" "a syntax error in EXPR"
check_bad "shop.models:User(1, 2, 3, 4, 5, 6)" "raised TypeError: .*positional arguments" "EXPR raising"
check_bad "shop.models:42" "gives a int, a built-in type" "EXPR giving an int"
check_bad "shop.models:datetime.datetime(2020, 1, 1)" "datetime, a built-in type" "EXPR giving a built-in object"
check_bad "shop.models:[]" "gives an empty list" "EXPR giving an empty list"
check_bad "shop.models:User" "User() fails .*give an expression" "a class that needs arguments"
check_bad "broken:x" "syntax error in broken.py line 1" "a module that does not parse"
check_bad "exiter:x" "raised SystemExit" "a module that exits"
check_bad "plain:x" "gives a int" "a plain value"
check_bad "slowmod:x" "gave no answer for 2 s while importing slowmod" "a hanging import" --timeout 2
gone "$TMP/pids"; ok $? "the hanging interpreter is not left running"
err=$(S --python "$PY" --path /nonexistent --object "$USER" 2>&1); st=$?
is "$st" 2 "--path to nothing: exit 2"
like "$err" "/nonexistent" "and names it"
done_testing
