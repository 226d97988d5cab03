#!/bin/sh
# --scan PATH: the classes of tests/example/shop read with ast in the probe
# (nothing imported), one FILE:LINE: line per class with its verdict, its
# attributes and the model's saving (tied to --batch), in every format; bad
# paths, files that do not parse, interpreters that hang or die and options
# that do not apply each get one line and nothing left running.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
S() { "$SLOTEXPLORE" --no-config "$@"; }
EX="$TOP_SRCDIR/tests/example"
fake="$TOP_SRCDIR/tests/fake-pythons"

# options that do not apply are refused by name, before any interpreter runs
for opt in "--attrs 3" "--instances 1M" "--kind slots" "--values int:30" "--breakdown" \
	"--by-version" "--compare instance" "--no-python" "--verify" "--measure" "--tradeoffs" \
	"--seed-report" "--tour" "-c quit" "--list-pythons" "--theme light" "--op read" \
	"--config /dev/null" "--min-effect 0.5" "--measure-time 5" "--pyperf x.json" "--load x.json" \
	"--no-mouse" "--seed-harness"; do
	# shellcheck disable=SC2086
	err=$(S --scan "$EX" $opt 2>&1 >/dev/null); st=$?
	is "$st" 2 "--scan with $opt: exit 2"
	first=${opt%% *}
	like "$err" "^slotexplore: .*$first" "--scan with $opt: the message names $first"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "--scan with $opt: one line"
done
err=$(S --fail-on-candidates 2>&1); st=$?
is "$st" 2 "--fail-on-candidates alone: exit 2"
like "$err" "fail-on-candidates needs --scan" "and says it needs --scan"
err=$(S --scan "" 2>&1); is $? 2 "--scan '': exit 2"
like "$err" "an empty path" "and says so"

# the interpreter: the first CPython 3.8+ found, named with --python
first_cpython
if [ -z "$PY" ]; then
	ok 0 "# SKIP no CPython 3.8+ found: the scan needs one to read the files"
	done_testing
	exit $?
fi
diag "reading with $PY (CPython $VERSION)"
P() { S --python "$PY" "$@"; }
batch() { # KIND ATTRS [options]: allocated (or --accounting's) bytes per instance
	k=$1 a=$2; shift 2
	S --batch --attrs "$a" --kind "$k" --format csv --python-version "$VERSION" "$@" |
		awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } NR == 2 { print $col[$6] }'
}

out=$(P --scan "$EX"); st=$?
is "$st" 0 "--scan of the example package: exit 0"
printf '%s\n' "$out" > scan.txt
line() { grep "^$EX/shop/$1:[0-9]*: $2: " scan.txt; }
n=$(grep -c "^$EX/shop/[a-z]*\.py:[0-9]*: " scan.txt)
is "$n" 18 "one FILE:LINE: line per class (18)"
is "$(line models.py User | cut -d: -f2)" "$(grep -n '^class User' "$EX/shop/models.py" | cut -d: -f1)" \
	"User's line is its class statement"
like "$(line models.py User)" "User: candidate: 5 attributes (city, created, email, id, name); __slots__ would save" \
	"User: a candidate with its five attributes"
like "$(line models.py Address)" "Address: candidate: 4 attributes (street, city, postcode, country); @dataclass(slots=True)" \
	"Address: a dataclass, its fields, and slots=True to write"
like "$(line models.py Point)" "already compact: __slots__ = ('x', 'y')" "Point: already slotted"
like "$(line models.py Money)" "already compact: a collections.namedtuple (amount, currency)" "Money: a namedtuple assignment"
like "$(line models.py Coordinate)" "already compact: a typing.NamedTuple (lat, lon)" "Coordinate: a NamedTuple"
like "$(line models.py Order.Line)" "candidate: 3 attributes (price, quantity, sku)" "Order.Line: a nested class by its qualified name"
like "$(line models.py Basket)" "3 attributes (owner, items, opened)" "Basket: fields and what __post_init__ stores"
like "$(line inventory.py Item)" "cannot simply take __slots__: subclassed by Book, Grocery" "Item: its subclasses"
like "$(line inventory.py Book)" "its base Item has no __slots__" "Book: its base"
like "$(line inventory.py Book)" "4 attributes (author, title; from its bases: price, sku)" \
	"Book: its instances' attributes, with those its base stores"
want="regular $(batch regular 4) B, slots $(batch slots 4) B"
like "$(line inventory.py Book)" "$want" "Book modelled at 4 attributes ($want)"
like "$(line inventory.py Record)" "vars(self) needs a __dict__" "Record: vars(self)"
like "$(line inventory.py Settings)" "attributes cannot be determined: setattr(self, NAME, value) with a computed name" \
	"Settings: setattr with computed names"
like "$(line inventory.py Row)" "attributes cannot be determined: self.__dict__ is updated" "Row: attributes from data"
like "$(line inventory.py Listener)" "slots-weakref .*weakly referenced: keep '__weakref__'" "Listener: weakref.ref(self) needs __weakref__"
like "$(line inventory.py Legacy)" "first parameter is not named self: what it sets (code, label) is not in __static_attributes__" "Legacy: 'this' is seen, and said"
like "$(line models.py Counter)" "its body gives hits a class default, which a slot of that name cannot have" \
	"Counter: a class default its instances overwrite"
like "$(line models.py Counter)" "2 attributes (name, hits)" "Counter: self.hits += 1 counts, the bare annotation does not"
like "$(line inventory.py OutOfStock)" "not applicable: an exception keeps a __dict__" "OutOfStock: an exception"
like "$(line inventory.py Book)" "the module uses weakref" "the module's weakref import is a note"
unlike "$(line models.py User)" "weakref" "and not in a module without it"
like "$(tail -4 scan.txt | tr '\n' ' ')" "Scanned 4 files (0 skipped), 18 classes: 7 candidates, 5 blocked, 2 unknown, 3 already compact, 1 not applicable" \
	"the summary counts every verdict"
like "$(tail -4 scan.txt | tr '\n' ' ')" "CPython $VERSION profile" "and names the profile"

# the figures are the model's: the same as --batch for that attribute count
want="regular $(batch regular 5) B, slots $(batch slots 5) B"
like "$(line models.py User)" "$want" "User's figures are --batch's at 5 attributes ($want)"
want="would save $(( $(batch regular 5) - $(batch slots 5) )) B per instance"
like "$(line models.py User)" "$want" "and the saving is their difference"
want="regular $(batch regular 2) B, slots-weakref $(batch slots-weakref 2) B"
like "$(line inventory.py Listener)" "$want" "Listener against slots-weakref at 2 attributes"
out=$(P --scan "$EX/shop/models.py" --python-version 3.8 --accounting requested)
want="dataclass $(batch dataclass 4 --accounting requested --python-version 3.8) B, slots"
like "$(printf '%s\n' "$out" | grep ': Address: ')" "$want" "--python-version 3.8: a dataclass against __slots__ by hand"
like "$(printf '%s\n' "$out" | grep ': Address: ')" "dataclass(slots=True) needs a newer Python" "and says why"
like "$(printf '%s\n' "$out" | tr '\n' ' ')" "requested bytes per instance, CPython 3.8 profile" "--accounting and --python-version apply"
is "$(printf '%s\n' "$out" | grep -c ': [A-Za-z.]*: ')" 9 "a file given alone: its 9 classes"

# every format
P --scan "$EX" --format csv > scan.csv; is $? 0 "--format csv: exit 0"
is "$(wc -l < scan.csv | tr -d ' ')" 19 "CSV: a header and 18 rows"
like "$(head -1 scan.csv)" "^file,line,class,kind,verdict,attributes,names,from_kind,from_bytes,to_kind,to_bytes,saving" "CSV header"
like "$(grep '"User"' scan.csv)" ",regular,candidate,5,\"city created email id name\",regular,$(batch regular 5),slots,$(batch slots 5)," \
	"CSV: User's row with the model's figures"
P --scan "$EX" --format json > scan.json; is $? 0 "--format json: exit 0"
got=$("$PY" -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(len(d["classes"]), d["summary"]["candidate"], d["model"]["profile"], d["files"])
u = [c for c in d["classes"] if c["name"] == "User"][0]
print(",".join(u["static_attributes"]), u["verdict"], u["saving"]["per_instance"])
s = [c for c in d["classes"] if c["name"] == "Settings"][0]
print(s["verdict"], ",".join(s["uses"]), s["saving"])' scan.json 2>&1)
is "$(printf '%s\n' "$got" | head -1)" "18 7 $VERSION 4" "JSON: 18 classes, 7 candidates, the profile, 4 files"
is "$(printf '%s\n' "$got" | sed -n 2p)" "city,created,email,id,name candidate $(( $(batch regular 5) - $(batch slots 5) ))" \
	"JSON: User's static attributes and saving"
is "$(printf '%s\n' "$got" | sed -n 3p)" "unknown setattr None" "JSON: Settings is unknown, uses setattr, no saving"
P --scan "$EX" --format md > scan.md; is $? 0 "--format md: exit 0"
is "$(grep -c '^| .*example/shop/.*\.py:[0-9]* |' scan.md)" 18 "Markdown: a table row per class"
like "$(grep 'Order.Line' scan.md)" "| candidate | 3 |" "Markdown: verdict and attribute count"

# --fail-on-candidates, for CI
P --scan "$EX" --fail-on-candidates > /dev/null; is $? 1 "--fail-on-candidates: exit 1 when a class could take __slots__"
mkdir -p compact
printf 'class P:\n    __slots__ = ("x",)\n    def __init__(self):\n        self.x = 1\n' > compact/p.py
P --scan compact --fail-on-candidates > /dev/null; is $? 0 "and 0 when none could"

# bad input: files that do not parse, odd names, paths that are not there
mkdir -p tree/sub tree/.hidden tree/__pycache__
printf 'class Good:\n    def __init__(self):\n        self.a = 1\n' > tree/good.py
printf 'class A:\n    pass\n\n\ndef broken(:\n    pass\n' > tree/sub/bad.py
printf 'class Hidden:\n    pass\n' > tree/.hidden/h.py
printf 'class Cached:\n    pass\n' > tree/__pycache__/c.py
printf 'class NotPython:\n    pass\n' > tree/notes.txt
printf 'class Spaced:\n    def __init__(self):\n        self.b = 2\n' > "tree/with space %20.py"
printf 'x = 1\0\n' > tree/nul.py
mkfifo tree/fifo.py 2>/dev/null
printf 'from collections import namedtuple\nclass Sub(namedtuple("Sub", "a b")):\n    pass\n' > tree/sub/nt.py
out=$(P --scan tree 2>&1); st=$?
is "$st" 0 "a tree with a file that does not parse: exit 0"
like "$out" "^tree/sub/bad.py:5: syntax error: .*(file skipped)" "the syntax error as FILE:LINE:"
like "$out" "^tree/good.py:1: Good: candidate" "and the scan went on"
like "$out" "^tree/with space %20.py:1: Spaced: candidate: 1 attribute (b)" "a name with a space and a % comes back whole"
like "$out" "^tree/nul.py:[0-9]*: .*null bytes.*(file skipped)" "a file with a NUL byte is skipped, named"
like "$out" "Sub: candidate: a namedtuple subclass without __slots__" "a namedtuple subclass without __slots__ = ()"
unlike "$out" "Hidden\|Cached\|NotPython" "hidden directories, __pycache__ and files not named .py are left out"
like "$(printf '%s\n' "$out" | tr '\n' ' ')" "Scanned 5 files (2 skipped)" "the summary counts the skipped files"
if [ -p tree/fifo.py ]; then
	err=$(P --scan tree/fifo.py 2>&1); st=$?
	is "$st" 2 "a FIFO named: exit 2, without waiting on it"
	like "$err" "neither a file nor a directory" "and says what it is"
fi
err=$(P --scan "$TMP/nowhere" 2>&1); st=$?
is "$st" 2 "a missing path: exit 2"
is "$err" "slotexplore: --scan: $TMP/nowhere: No such file or directory" "one line naming it"

# interpreters that cannot read, hang or die
err=$(PATH=/nonexistent "$SLOTEXPLORE" --no-config --scan "$EX" 2>&1); st=$?
is "$st" 1 "no interpreter: exit 1"
like "$err" "^slotexplore: --scan reads the files with the ast module of a CPython 3.8+ interpreter, and there is none (no python3 on PATH); give --python PATH$" \
	"no interpreter: one line saying what to do"
err=$(S --scan "$EX" --python "$fake/python2" 2>&1); st=$?
is "$st" 1 "Python 2.7: exit 1"
like "$err" "not modelled" "Python 2.7: not modelled"
start=$(date +%s)
err=$(FAKE_PID_FILE="$TMP/pids" S --scan "$EX" --python "$fake/staller" --timeout 2 2>&1); st=$?
took=$(( $(date +%s) - start ))
is "$st" 1 "an interpreter that hangs: exit 1"
ok $([ "$took" -lt 10 ] && echo 0 || echo 1) "stopped within --timeout ($took s)"
like "$err" "stopped answering the scan of .* for 2 s; stopped it" "one line saying so"
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "on one line"
gone "$TMP/pids"; ok $? "nothing left running (the staller and its child)"
err=$(S --scan "$EX" --python "$fake/crasher" 2>&1); st=$?
is "$st" 1 "an interpreter that dies: exit 1"
like "$err" "killed by signal 11 (Segmentation fault) while scanning" "one line with how it died"
for f in garbage flooder quitter; do
	err=$(S --scan "$EX" --python "$fake/$f" --timeout 3 2>&1); st=$?
	is "$st" 1 "$f: exit 1"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "$f: one line"
done
done_testing
