#!/bin/sh
# What each kind can and cannot do (--tradeoffs, tradeoffs, o): the
# committed tables load for every version, every live interpreter found
# agrees with its version's table (outcome and exception; the message too
# for the very release measured), and bad interpreters and files are named.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
S() { "$SLOTEXPLORE" --no-config "$@"; }

# every committed table, through --tradeoffs
for f in "$TOP_SRCDIR"/data/tradeoffs/cpython-*.txt; do
	name=${f##*/}
	v=$(printf '%s' "$name" | sed 's/^cpython-\([0-9]*\.[0-9]*\)\.[0-9]*\(t\{0,1\}\)-.*/\1\2/')
	out=$(S --no-python --tradeoffs --python-version "$v" --kind slots 2>&1 | tr '\n' ' ' | tr -s ' ')
	case $v in *t) want="measured on CPython ${v%t}\.[0-9]* free-threaded" ;; *) want="measured on CPython $v\." ;; esac
	like "$out" "$want" "$name: --tradeoffs --python-version $v reads a table of $v"
done
out=$(S --no-python --tradeoffs --python-version 3.13 --kind slots --kind dataclass-slots | tr '\n' ' ' | tr -s ' ')
like "$out" "What slots can and cannot do" "--kind chooses the kinds"
like "$out" "What dataclass-slots can and cannot do" "several of them"
unlike "$out" "What regular can" "and only those"
like "$out" "'a0' in __slots__ conflicts with class variable" "a slot and a class default conflict, in Python's words"
like "$out" "multiple bases have instance lay-out conflict" "two slotted bases conflict"
like "$out" "measured on CPython 3.13.18" "3.13's table is its newest release measured (3.13.18)"
out=$(S --no-python --tradeoffs --python-version 3.12 --kind dataclass-slots | tr '\n' ' ' | tr -s ' ')
like "$out" "super(type, obj): obj must be an instance or subtype of type" \
	"3.12: zero-argument super() fails in a dataclass(slots=True)"
like "$(S --no-python --tradeoffs --python-version 3.14 --kind dataclass-slots)" \
	"super() with no arguments in a method" "3.14 lists the same operation"
unlike "$(S --no-python --tradeoffs --python-version 3.14 --kind dataclass-slots | grep -A1 'super()')" \
	"TypeError" "and there it works"
like "$(S --no-python --tradeoffs --python-version 3.8 --kind dataclass-slots)" \
	"does not apply: dataclass(slots=True) needs python 3.10" "3.8 has no dataclass(slots=True)"
S --no-python --tradeoffs --python-version 3.12 --format json > t.json
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' t.json 2>/dev/null || "$TOP_BUILDDIR/tests/json_check" get slotexplore < t.json > /dev/null
ok $? "--format json is valid JSON"
like "$(cat t.json)" '"result": "fail"' "with each outcome"
n=$(S --no-python --tradeoffs --python-version 3.12 --format csv | wc -l)
kinds=$(S --no-python --batch --format csv | tail -n +2 | wc -l)
ops=$(grep -c '^tradeoff kind=slots ' "$TOP_SRCDIR/data/tradeoffs/cpython-3.12.1-x86_64.txt")
is "$n" "$((1 + kinds * ops))" "--format csv: a row per kind and operation ($kinds x $ops) and a header"
S --no-python --tradeoffs --python-version 3.12 --format md | grep -q '^| set a new attribute'
ok $? "--format md: a table per kind"

# live interpreters agree with the committed table of their very release
# (where there is one: outcomes change between patch releases, 3.13.0 and
# 3.13.18 differ), outcome, exception and message
fields() { # a transcript's tradeoff lines as CSV-like "kind,op,result,error,message"
	sed -n 's/^tradeoff //p' "$1" | awk '{
		kind = op = result = error = msg = ""
		for (i = 1; i <= NF; i++) {
			split($i, kv, "=")
			if (kv[1] == "kind") kind = kv[2]; else if (kv[1] == "op") op = kv[2]
			else if (kv[1] == "result") result = kv[2]; else if (kv[1] == "error") error = kv[2]
		}
		m = index($0, " message="); msg = substr($0, m + 9); gsub(/%20/, " ", msg); gsub(/%25/, "%", msg)
		print kind "," op "," result "," error "," msg }'
}
checked=0
for py in $(find_pythons; ls "${SLOTEXPLORE_PYTHON_CACHE:-/nonexistent}"/*/python3.* 2>/dev/null); do
	hello=$("$py" -E -s "$TOP_SRCDIR/data/probe.py" < /dev/null 2>/dev/null | head -1)
	version=$(printf '%s' "$hello" | sed -n 's/.* version=\([0-9]*\.[0-9]*\.[0-9]*\) .*/\1/p')
	machine=$(printf '%s' "$hello" | sed -n 's/.* machine=\([^ ]*\).*/\1/p')
	case $version in 3.[89].* | 3.1[0-9].*) ;; *) continue ;; esac
	case $hello in *" gil=0"*) ft=t ;; *) ft= ;; esac
	# (a generous --timeout: 32-bit builds run under qemu, slow on a busy machine)
	live=$(S --tradeoffs --python "$py" --timeout 60 --format csv 2>&1) || { ok 1 "$py: --tradeoffs runs"; diag "$live"; continue; }
	checked=$((checked + 1))
	table=$(ls "$TOP_SRCDIR/data/tradeoffs/cpython-$version$ft-$machine"*.txt 2>/dev/null | head -1)
	if [ -z "$table" ]; then
		diag "$py ($version$ft $machine): no committed table of this release to compare with"
		continue
	fi
	# CSV: python_version,machine,live,kind,op,result,error,detail,message (quoted)
	got=$(printf '%s\n' "$live" | tail -n +2 | awk -F, '{ print $4 "," $5 "," $6 }')
	want=$(fields "$table" | cut -d, -f1-3)
	is "$got" "$want" "$py ($version$ft): every outcome as ${table##*/} has it"
	got=$(printf '%s\n' "$live" | tail -n +2 | cut -d, -f7 | tr -d '"')
	want=$(fields "$table" | cut -d, -f4)
	is "$got" "$want" "$py: every exception the same"
done
[ "$checked" -gt 0 ] || ok 0 "# SKIP no CPython 3.8+ found to try the operations in"
diag "live interpreters compared with the committed tables: $checked"

# the command, in a script and in the explorer
out=$(S --no-python -c 'set version 3.13; tradeoffs slots')
like "$out" "What slots can and cannot do, measured on CPython 3.13" "tradeoffs KIND in a script"
out=$(S --no-python -c 'set version 3.13; set kind namedtuple; tradeoffs')
like "$out" "What namedtuple can" "tradeoffs alone: the selected kind"
n=$(S --no-python -c 'set version 3.13; tradeoffs all csv' | tail -n +2 | cut -d, -f4 | sort -u | wc -l)
is "$n" "$kinds" "tradeoffs all: every kind shown"
err=$(S --no-python -c 'tradeoffs slotz' 2>&1); is $? 2 "tradeoffs with an unknown kind exits 2"
like "$err" "tradeoffs: .*slotz" "and names it"
err=$(S --no-python -c 'tradeoffs slots csv extra' 2>&1); like "$err" "usage: tradeoffs" "too many words: the usage"
out=$(SLOTEXPLORE_DATADIR="$TOP_SRCDIR/data" "$TOP_BUILDDIR/tests/screen_check" --cuts 80 24 j j j j o | tr '\n' ' ' | tr -s ' ')
like "$out" "What slots can and cannot do" "o in the explorer: the selected kind's table in the pager"
like "$out" "cuts: 0" "whole at 80x24"

# bad interpreters and tables
fake="$TOP_SRCDIR/tests/fake-pythons"
err=$(S --tradeoffs --python /bin/false 2>&1); ok $([ $? -ne 0 ] && echo 0 || echo 1) "--python /bin/false fails"
like "$err" "slotexplore: " "with a message"
start=$(date +%s)
err=$(S --tradeoffs --python "$fake/staller" --timeout 2 2>&1); st=$?
took=$(( $(date +%s) - start ))
ok $([ $st -ne 0 ] && [ $took -lt 20 ] && echo 0 || echo 1) "an interpreter that hangs is stopped within --timeout ($took s)"
like "$err" "tradeoffs" "and the message says where"
for f in garbage crasher; do
	err=$(S --tradeoffs --python "$fake/$f" 2>&1); st=$?
	ok $([ $st -ne 0 ] && echo 0 || echo 1) "$f: --tradeoffs fails"
	is "$(printf '%s\n' "$err" | wc -l)" 1 "$f: on one line"
done
mkdir -p data && cp "$TOP_SRCDIR"/data/*.profile "$TOP_SRCDIR"/data/*.py "$TOP_SRCDIR"/data/tour.txt data/
err=$(SLOTEXPLORE_DATADIR="$TMP/data" S --no-python --tradeoffs --python-version 3.12 2>&1); st=$?
is $st 1 "no committed table: exit 1"
like "$err" "no committed trade-offs table for CPython 3.12 in .*; give --python PATH" "names what is missing and what to do"
mkdir -p data/tradeoffs
printf 'hello protocol=1 impl=cpython version=3.12.9 abi=lp64 pointer=8 pymalloc=1 gil=1 debug=0 machine=x86_64\ntradeoff kind=slots op=vars result=maybe message=\ndone\n' > data/tradeoffs/cpython-3.12.9-x86_64.txt
err=$(SLOTEXPLORE_DATADIR="$TMP/data" S --no-python --tradeoffs --python-version 3.12 2>&1)
like "$err" "cpython-3.12.9-x86_64.txt:2: result= is ok, fail or na" "a broken table names its line"
printf 'hello protocol=1 impl=cpython version=3.12.9 abi=lp64 pointer=8 pymalloc=1 gil=1 debug=0 machine=x86_64\ntradeoff kind=slots op=vars result=ok message=\ndone\n' > data/tradeoffs/cpython-3.12.9-x86_64.txt
err=$(SLOTEXPLORE_DATADIR="$TMP/data" S --no-python --tradeoffs --python-version 3.12 2>&1)
like "$err" "slots has no outcome for new-attribute" "a table missing an operation says which"
done_testing
