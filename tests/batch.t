#!/bin/sh
# Batch mode: text, CSV and JSON output, the seed report, and bad input.
. "$TOP_SRCDIR/tests/lib.sh"
JSON="$TOP_BUILDDIR/tests/json_check"

out=$("$SLOTEXPLORE" --version); ok $? "--version exits 0"
like "$out" '^slotexplore [0-9]' "--version names the program"
out=$("$SLOTEXPLORE" --help); ok $? "--help exits 0"
for opt in batch tui no-color no-mouse attrs instances python-version abi kind values accounting \
	format breakdown seed-report list-profiles list-pythons python no-python verify timeout help \
	version command script repl config no-config measure measure-time op seed-harness load; do
	like "$out" "--$opt" "--help documents --$opt"
done

# text
out=$("$SLOTEXPLORE" --batch --python-version 3.13 --attrs 5); ok $? "text output exits 0"
like "$out" '^CPython 3.13 lp64' "text header names version and ABI"
for k in regular regular-external regular-dict dataclass slots slots-weakref dataclass-slots \
	dataclass-slots-weakref namedtuple typing-namedtuple tuple dict; do
	like "$out" "^$k " "text lists $k"
done
like "$out" '^regular  *48  *112  *112 ' "3.13 regular: getsizeof 48, requested 112, allocated 112"
like "$out" '^slots  *72  *72  *80 ' "3.13 slots: 72 / 72 / 80"
width=$(printf '%s\n' "$out" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
ok $([ "$width" -le 80 ] && echo 0 || echo 1) "text output fits 80 columns ($width)"
out=$("$SLOTEXPLORE" --kind slots --breakdown --accounting requested --attrs 3)
like "$out" 'GC header 16 + object header 16 + slot pointers 24' "breakdown of slots"

# CSV
csv=$("$SLOTEXPLORE" --format csv --python-version 3.11 --attrs 30); ok $? "csv exits 0"
is "$(printf '%s\n' "$csv" | wc -l | tr -d ' ')" 13 "csv: header and 12 rows"
cols=$(printf '%s\n' "$csv" | awk -F, '{ print NF }' | sort -u | tr '\n' ' ')
is "$cols" "33 " "csv: every row has 33 columns"
row=$(printf '%s\n' "$csv" | grep ',regular,')
is "$(echo "$row" | cut -d, -f9-12)" "56,1640,1664,3206" "csv: 3.11 N=30 regular overflows into a dict"

# JSON, read back by a real parser
"$SLOTEXPLORE" --format json --python-version 3.12 --attrs 5 --instances 1e6 > "$TMP/out.json"
ok $? "json exits 0"
"$JSON" schema < "$TMP/out.json"; ok $? "json: schema holds and breakdowns add up"
is "$("$JSON" get python_version < "$TMP/out.json")" 3.12 "json: python_version"
is "$("$JSON" get instances < "$TMP/out.json")" 1000000 "json: 1e6 parsed as 1,000,000"
is "$("$JSON" get kinds.0.kind < "$TMP/out.json")" regular "json: first kind"
is "$("$JSON" get kinds.0.requested < "$TMP/out.json")" 104 "json: 3.12 regular requested 104"
is "$("$JSON" get kinds.4.breakdown.allocated.rounding < "$TMP/out.json")" 8 \
	"json: slots rounding 72 -> 80"
"$SLOTEXPLORE" --format json --kind dict --kind slots --python-version 3.8 --abi i386 \
	--attrs 0 > "$TMP/two.json"
is "$("$JSON" get kinds < "$TMP/two.json" | grep -o '"kind":' | wc -l | tr -d ' ')" 2 \
	"json: --kind twice shows two kinds"
is "$("$JSON" get kinds.1.getsizeof < "$TMP/two.json")" 36 "json: i386 empty dict is 36 bytes"
"$SLOTEXPLORE" --format json --python-version 3.9 > "$TMP/39.json"
is "$("$JSON" get kinds.6.available < "$TMP/39.json")" false "json: dataclass-slots absent on 3.9"
like "$("$JSON" get kinds.6.reason < "$TMP/39.json")" '3.10' "json: says why"
"$SLOTEXPLORE" --format json --kind dict --attrs 100000 --instances 1e15 --values str:1000 \
	> "$TMP/sat.json"
is "$("$JSON" get kinds.0.saturated < "$TMP/sat.json")" true "json: an overflowing total is marked saturated"

# the seed report
seed=$("$SLOTEXPLORE" --seed-report); ok $? "--seed-report exits 0"
like "$seed" 'Regular class (5 attrs)  *694 bytes  *694 bytes   same' "seed: 694"
like "$seed" '__slots__ class  *212 bytes  *212 bytes   same' "seed: 212"
like "$seed" 'namedtuple  *228 bytes  *228 bytes   same' "seed: 228"
like "$seed" 'List of 1,000 regular  *165.2 KB  *165.2 KB   same' "seed: 165.2 KB"
like "$seed" 'List of 1,000 __slots__  *79.1 KB  *79.1 KB   same' "seed: 79.1 KB"
like "$seed" 'one instance -69% (paper -69%), 1,000 instances -52% (paper -52%)' "seed: savings"
like "$seed" '296 bytes for a class.s first instance, 112 once' "seed: explains the first-instance dict"
like "$seed" 'regular  *112 / 112' "seed: honest steady state"
is "$(printf '%s\n' "$seed" | grep -c '  same$')" 7 "seed: all seven rows reproduce"
seed11=$("$SLOTEXPLORE" --seed-report --python-version 3.11)
like "$seed11" 'Regular class (5 attrs)  *694 bytes  *742 bytes   differs' "seed on 3.11: 742"
"$SLOTEXPLORE" --seed-report --format json > "$TMP/seed.json"
is "$("$JSON" get rows.5.ours < "$TMP/seed.json")" 169206 "seed json: list of 1,000 regular"

# profiles
out=$("$SLOTEXPLORE" --list-profiles); ok $? "--list-profiles exits 0"
is "$(printf '%s\n' "$out" | grep -c '^3\.')" 9 "nine profiles, 3.8 to 3.15 and 3.14t"
like "$out" '^3\.14t  *inline-values  *verified  *none  *none' "3.14t: lp64 only, measured"

# bad input: one line on stderr naming the problem, exit status 2
bad 2 "--attrs: 'abc' is not a number" --attrs abc
bad 2 "--attrs: '100001' is too large (expected a whole number from 0 to 100,000" --attrs 100001
bad 2 "--attrs: '-1' is negative" --attrs -1
bad 2 "--instances: '0' is too small" --instances 0
bad 2 "--instances: '1e16' is too large" --instances 1e16
bad 2 "--instances: '1.5' is not a whole number" --instances 1.5
bad 2 "no profile for CPython 3.7 (3.8, 3.9, 3.10, 3.11, 3.12, 3.13, 3.14, 3.14t, 3.15 are" --python-version 3.7
bad 2 "no profile for CPython 3.13t (3.8," --python-version 3.13t
bad 2 "CPython 3.14t is modelled for lp64 only: no i386 build of it has been measured" --python-version 3.14t --abi i386
bad 2 "--python-version: 'three' is not a version" --python-version three
bad 2 "--abi: 'sparc' is not an ABI (lp64, ilp32 or i386)" --abi sparc
bad 2 "--kind: 'blob' is not a kind (regular," --kind blob
bad 2 "--values: 'fluff' is not a value type" --values fluff
bad 2 "int:BITS takes BITS from 10" --values int:4
bad 2 "--accounting: 'bytes' is not getsizeof, requested, allocated or deep" --accounting bytes
bad 2 "--format: 'xml' is not text, csv, json or md" --format xml
bad 2 "unknown option '--bogus'" --bogus
bad 2 "option '--attrs' needs a value" --attrs
bad 2 "unexpected argument 'extra'" extra

# data files
SLOTEXPLORE_DATADIR=/nonexistent bad 1 "cannot open data directory" --batch
mkdir "$TMP/data" && cp "$TOP_SRCDIR"/data/cpython-*.profile "$TMP/data/"
sed -i 's/^dict_object .*/dict_object 48 32/' "$TMP/data/cpython-3.12.profile"
SLOTEXPLORE_DATADIR="$TMP/data" bad 1 "cpython-3.12.profile:[0-9]*: 'dict_object' needs three numbers" --batch
mkdir "$TMP/empty"
SLOTEXPLORE_DATADIR="$TMP/empty" bad 1 "no cpython-X.Y.profile files" --batch
mkdir "$TMP/huge" && head -c 100000 /dev/zero > "$TMP/huge/cpython-3.12.profile"
SLOTEXPLORE_DATADIR="$TMP/huge" bad 1 "larger than 65536 bytes" --batch

# a reader that goes away does not hang or garble
out=$(timeout 10 "$SLOTEXPLORE" --format csv --attrs 5 | head -1)
is "$out" "$(printf '%s\n' "$csv" | head -1)" "output into a pipe that closes early"

done_testing
