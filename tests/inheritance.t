#!/bin/sh
# The inheritance kinds (#18 section 1): hidden by default, shown with
# --kind inheritance / all, I and show inheritance; the split (--base-attrs,
# set base-attrs) and where it shows (breakdown, CSV, JSON, notes); figures
# measured on real interpreters (tests/golden/*-inheritance.probe) through
# the command line; a golden table beside every interpreter's; and
# --verify against every CPython found.
. "$TOP_SRCDIR/tests/lib.sh"
SIX="slots-subclass-dict slots-subclass-slots slots-duplicate slots-dict regular-subclass-slots
dataclass-slots-subclass"
B() { "$SLOTEXPLORE" --batch --no-python "$@"; }

# hidden by default, shown on request
out=$(B --python-version 3.13)
for k in $SIX; do unlike "$out" "^$k " "the default table leaves out $k"; done
out=$(B --python-version 3.13 --kind inheritance)
for k in $SIX; do like "$out" "^$k " "--kind inheritance lists $k"; done
unlike "$out" "^regular " "--kind inheritance lists only the six"
n=$(B --python-version 3.13 --kind all --format csv | tail -n +2 | wc -l | tr -d ' ')
is "$n" 18 "--kind all: every kind, 18 rows"
n=$(B --python-version 3.9 --kind inheritance --format csv | grep -c ',dataclass-slots-subclass,0')
is "$n" 1 "3.9: dataclass-slots-subclass is unavailable (slots=True is 3.10+)"

# figures measured by data/probe.py (see the golden tables), read through the CLI
req() { # req VERSION KIND ATTRS [OPTIONS...]: the requested bytes of one instance
	v=$1 k=$2 n=$3; shift 3
	B --python-version "$v" --kind "$k" --attrs "$n" --format csv "$@" | tail -1 | cut -d, -f10
}
gs() { v=$1 k=$2 n=$3; shift 3
	B --python-version "$v" --kind "$k" --attrs "$n" --format csv "$@" | tail -1 | cut -d, -f9; }
is "$(req 3.12 slots-subclass-dict 5)" 104 "3.12 slots-subclass-dict N=5: 104 B (measured on 3.12.1)"
is "$(req 3.13 slots-subclass-dict 5)" 408 \
	"3.13 slots-subclass-dict N=5: 408 B, a values array for 30 keys (measured on 3.13.0)"
is "$(req 3.14 slots-subclass-dict 5)" 112 "3.14 slots-subclass-dict N=5: 112 B, inline again (3.14.10)"
is "$(req 3.13 slots-subclass-dict 1 --base-attrs 1)" 56 "3.13: no dict attribute, no dict (56 B)"
is "$(gs 3.10 slots-duplicate 6)" 104 "3.10 slots-duplicate N=6 K=3: 104 B, 3 slots unused"
is "$(gs 3.10 dataclass-slots-subclass 6)" 104 "3.10 dataclass-slots-subclass repeats the base's slots (104 B)"
is "$(gs 3.11 dataclass-slots-subclass 6)" 80 "3.11 dataclass-slots-subclass does not (80 B)"
is "$(req 3.13 regular-subclass-slots 40)" 552 "3.13 regular-subclass-slots N=40: 552 B (3.13.0)"
is "$(req 3.14 regular-subclass-slots 40)" 944 \
	"3.14 regular-subclass-slots N=40: 944 B, the slot names fill the shared keys (3.14.10)"
is "$(gs 3.8 slots-dict 4)" 56 "3.8 slots-dict N=4 K=2: getsizeof 56 (3.8.18)"
is "$(gs 3.14 slots-subclass-slots 9 --abi i386)" 52 "3.14 i386 slots-subclass-slots N=9: 52 B (3.14.10 i686)"

# the split: --base-attrs K|half, the CSV columns, JSON, the breakdown
csv=$(B --python-version 3.13 --kind inheritance --attrs 7 --format csv)
is "$(printf '%s\n' "$csv" | head -1 | tr ',' '\n' | tail -3 | tr '\n' ' ')" \
	"base_attrs dict_attrs unused_slots " "csv: the split's three columns come last"
row=$(printf '%s\n' "$csv" | grep ',slots-duplicate,')
is "$(echo "$row" | awk -F, '{ print $(NF-2) "," $(NF-1) "," $NF }')" "3,0,3" \
	"csv: slots-duplicate N=7, default split: 3 in the base, 3 unused slots"
row=$(printf '%s\n' "$csv" | grep ',slots-subclass-dict,')
is "$(echo "$row" | awk -F, '{ print $(NF-2) "," $(NF-1) "," $NF }')" "3,4,0" \
	"csv: slots-subclass-dict N=7: 4 attributes in the dict"
row=$(B --python-version 3.13 --kind regular --format csv | tail -1)
is "$(echo "$row" | awk -F, '{ print $(NF-2) "," $(NF-1) "," $NF }')" ",," "csv: other kinds leave them empty"
row=$(B --python-version 3.13 --kind slots-duplicate --attrs 7 --base-attrs 5 --format csv | tail -1)
is "$(echo "$row" | awk -F, '{ print $(NF-2) "," $NF }')" "5,5" "--base-attrs 5: five repeated slots"
row=$(B --python-version 3.13 --kind slots-duplicate --attrs 3 --base-attrs 9 --format csv | tail -1)
is "$(echo "$row" | awk -F, '{ print $(NF-2) }')" 3 "--base-attrs above N: at most N"
a=$(req 3.13 slots-dict 6 --base-attrs half); b=$(req 3.13 slots-dict 6 --base-attrs 3)
is "$a" "$b" "--base-attrs half is N / 2"
out=$("$SLOTEXPLORE" --batch --no-python --base-attrs x 2>&1); st=$?
is "$st" 2 "--base-attrs x: exit 2"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 1 "--base-attrs x: one line"
like "$out" "^slotexplore: --base-attrs: .*(or half)" "--base-attrs x: names the option"
out=$(B --python-version 3.13 --kind slots-subclass-dict --attrs 6 --format json)
like "$out" '"dict_attrs": 3' "json: the split's dict_attrs"
like "$out" '"base_class": 944' "json: the base class's getsizeof"
out=$(B --python-version 3.13 --kind slots-duplicate --attrs 6 --breakdown)
like "$out" "split: 3 of the attributes in the base; 6 in slots, 0 in the dict" "breakdown: the split"
like "$out" "3 unused slot pointers" "breakdown: the unused slot pointers"
t1=$(B --python-version 3.13 --kind slots-subclass-slots --format csv | tail -1 | cut -d, -f17)
t2=$(B --python-version 3.13 --kind slots --format csv | tail -1 | cut -d, -f17)
is "$((t1 - t2))" 944 "totals count the base class too (944 B more than slots)"

# commands: set base-attrs, show/hide inheritance
out=$("$SLOTEXPLORE" --no-python --python-version 3.13 -c 'set attrs 8; set base-attrs 2; show inheritance; export - csv')
row=$(printf '%s\n' "$out" | grep ',slots-duplicate,')
is "$(echo "$row" | awk -F, '{ print $(NF-2) }')" 2 "set base-attrs 2; show inheritance"
out=$("$SLOTEXPLORE" --no-python --python-version 3.13 -c 'show inheritance; hide inheritance; export - csv')
unlike "$out" ",slots-dict," "hide inheritance"
out=$("$SLOTEXPLORE" --no-python -c 'set base-attrs -1' 2>&1); st=$?
ok $([ $st -ne 0 ] && echo 0 || echo 1) "set base-attrs -1 fails"
like "$out" "set base-attrs: .*(or half)" "set base-attrs -1: says why"

# the explorer: I shows them and the screen stays whole at 80x24
CHECK="$TOP_BUILDDIR/tests/screen_check"
out=$(LC_ALL=C.UTF-8 "$CHECK" 80 24 I G)
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 24 "I at 80x24: 24 rows"
like "$out" "> dataclass-slots-subclass" "I G selects the last inheritance kind"
out=$(LC_ALL=C.UTF-8 "$CHECK" 80 24 I I)
unlike "$out" "slots-subclass" "I again hides them"
out=$(LC_ALL=C.UTF-8 "$CHECK" 80 24 I "<Cmd:set base-attrs 1>" j j i)
like "$out" "repeats the base's 1 name" "the note follows set base-attrs"

# the trade-offs view: what a subclass without __slots__ adds per instance,
# from the model, equal to the difference measured by the probe (golden
# tables: slots-subclass-dict N=5 base=5 against slots N=5)
for vw in 3.8:16 3.11:40 3.13:16 3.14:40; do
	v=${vw%:*} want=${vw#*:}
	out=$("$SLOTEXPLORE" --tradeoffs --no-python --python-version "$v" --kind slots --attrs 5)
	like "$out" "+$want bytes per instance requested" "$v tradeoffs: a subclass adds $want B"
	a=$(req "$v" slots-subclass-dict 5 --base-attrs 5); b=$(req "$v" slots 5)
	is "$((a - b))" "$want" "$v: the model's slots-subclass-dict (all in the base) - slots"
done
out=$("$SLOTEXPLORE" --tradeoffs --no-python --python-version 3.13 --kind slots-weakref --attrs 5)
unlike "$out" "bytes per instance" "slots-weakref: no figure (not the model's layout)"
out=$("$SLOTEXPLORE" --tradeoffs --no-python --python-version 3.14 --kind dataclass-slots \
	--attrs 3 --format json)
like "$out" '"added_requested": 40' "tradeoffs json: subclass_instance for dataclass-slots"
out=$("$SLOTEXPLORE" --no-python --python-version 3.11 -c 'set attrs 0; tradeoffs slots')
like "$out" "+40 bytes per instance requested" "the tradeoffs command follows set attrs"

# every interpreter's golden table has an inheritance table beside it
for f in "$TOP_SRCDIR"/tests/golden/cpython-*.probe; do
	case $f in *-inheritance.probe) continue ;; esac
	[ -f "${f%.probe}-inheritance.probe" ]
	ok $? "$(basename "$f") has its inheritance table"
done

# --verify against every CPython found (small grid, two splits)
find_pythons > "$TMP/pythons"
while read -r py; do
	"$py" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 15) else 1)' \
		2>/dev/null || continue
	for base in half 1; do
		out=$("$SLOTEXPLORE" --verify --python "$py" --kind inheritance --attrs 0..4,9 --base-attrs $base 2>&1)
		ok $? "--verify --kind inheritance --base-attrs $base under $py"
		like "$out" "figures compared, 0 mismatches" "  0 mismatches"
	done
done < "$TMP/pythons"
done_testing
