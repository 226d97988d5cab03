#!/bin/sh
# A value per attribute (--values int:30,str:12,...): the model's figures
# per attribute, every batch format, and bad lists (exit 2, one line).
. "$TOP_SRCDIR/tests/lib.sh"
S() { "$SLOTEXPLORE" --batch --no-python --python-version 3.12 "$@"; }
LIST=int:30,str:12,str:40:ucs2,float,none

out=$(S --attrs 5 --values $LIST --breakdown --kind slots); ok $? "a list of five for five attributes"
like "$out" "values: a value per attribute: $LIST" "the heading names the list"
like "$out" "value objects by attribute: a0 int:30 32 + a1 str:12 53 + a2 str:40:ucs2" \
	"the breakdown shows each attribute's value"
# the value objects part is the sum of what each value costs alone
req() { # the requested figure of slots, from the CSV
	S --kind slots --format csv "$@" | python3 -c 'import csv, sys
print(list(csv.DictReader(sys.stdin))[0]["requested"])'
}
none=$(req --attrs 1 --values none)
sum=0
for v in int:30 str:12 str:40:ucs2 float none; do
	sum=$((sum + $(req --attrs 1 --values "$v") - none))
done
mixed=$(req --attrs 5 --values $LIST)
five=$(req --attrs 5 --values none)
is "$((mixed - five))" "$sum" "requested: the list costs the five values' sum ($sum B) more than None"

# CSV: the values cell is quoted, and the per-attribute column added
csv=$(S --attrs 5 --values $LIST --format csv --kind slots)
like "$(echo "$csv" | head -1)" ",part_value_objects_by_attribute$" "CSV: a column for the values by attribute"
like "$csv" ",\"$LIST\",allocated,slots," "CSV: the list is one quoted field"
like "$csv" ',a0 int:30=32;a1 str:12=53;a2 str:40:ucs2=138;a3 float=24;a4 none=0$' "CSV: the values by attribute"
n=$(echo "$csv" | python3 -c 'import csv, sys; r = list(csv.reader(sys.stdin)); print(len(set(len(x) for x in r)), len(r[0]))')
is "$n" "1 $(echo "$csv" | head -1 | tr ',' '\n' | wc -l | tr -d ' ')" "CSV: every row has the header's columns"
single=$(S --attrs 5 --values int:30 --format csv --kind slots | head -1)
unlike "$single" "by_attribute" "CSV: one spec keeps the columns as they were"

# JSON: the list, and an array of the values by attribute in each breakdown
json=$(S --attrs 5 --values $LIST --format json --kind slots)
printf '%s\n' "$json" > "$TMP/v.json"
got=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
k = d["kinds"][0]
rows = k["breakdown"]["requested"]["value_objects_by_attribute"]
print(d["values"], ",".join(d["value_list"]), len(rows), rows[1]["attributes"], rows[1]["value"],
      sum(r["bytes"] for r in rows) == k["breakdown"]["requested"]["value_objects"])' "$TMP/v.json" 2>&1)
is "$got" "$LIST $LIST 5 a1 str:12 True" "JSON: the list, and five rows that sum to the part"
json1=$(S --attrs 5 --values int:30 --format json --kind slots)
unlike "$json1" "value_objects_by_attribute\|value_list" "JSON: one spec as before"

# Markdown: a table of the values by attribute
md=$(S --attrs 5 --values $LIST --format md --kind slots)
like "$md" "The value objects attribute by attribute" "Markdown: the values by attribute"
like "$md" '| slots | a1 | `str:12` | 53 |' "Markdown: one row per attribute"
like "$md" "\-\-values $LIST " "Markdown: the command to check it names the list"

# ... repeats the last entry; shared modifies the entry before it
out=$(S --attrs 100 --values int:30,float,... --breakdown --kind slots --accounting requested)
ok $? "int:30,float,... at 100 attributes"
like "$out" "a0 int:30 32 + a1..a99 float 2,376" "  one int, then 99 floats"
out=$(S --attrs 2 --values int:30,shared,str:12 --breakdown --kind slots --accounting requested)
like "$out" "a0 int:30,shared 0 + a1 str:12 53" "a shared entry is not the instance's"
out=$(S --attrs 3 --values str:5,shared --kind slots); ok $? "str:5,shared is still one spec"
like "$out" "values: ascii str of 5 chars, shared by all instances" "  described as before"
out=$(S --attrs 2 --values int:30,str:12,float --kind slots); ok $? "a longer list uses the first values"

# by version: the list goes along
out=$("$SLOTEXPLORE" --batch --no-python --by-version --attrs 5 --values $LIST | tr -s "\n " "  ")
like "$out" "values a value per attribute: $LIST" "--by-version names the list"

# the explorer: the header shows a long list cut short; Right past the list is refused
CHECK="$TOP_BUILDDIR/tests/screen_check"
out=$("$CHECK" --cuts 80 24 "<Cmd:set values int:30,str:12,str:40:ucs2,float,none>" "+")
like "$(printf '%s\n' "$out" | head -1)" "values int:30,str:12,s" "the header: the list, cut short at 80 columns"
is "$(printf '%s\n' "$out" | tail -1)" "cuts: 0" "  and nothing else cut"
out=$("$CHECK" 100 30 "<Cmd:set values int:30,str:12,str:40:ucs2,float,none>" "<Right>")
like "$out" "attributes: the values list has 5 values (end it with ... to repeat the last" \
	"Right past the list: refused on the status line"
like "$(printf '%s\n' "$out" | head -1)" "5 attrs" "  the attributes stay at 5"
out=$("$CHECK" 100 30 "<Cmd:set values int:30,str:12,...>" "<Right>" "<Right>")
like "$(printf '%s\n' "$out" | head -1)" "7 attrs .* values int:30,str:12,\.\.\." "with ... it goes on"
out=$("$CHECK" 100 30 "<Cmd:set values int:30,str:12,...>" "w")
like "$(printf '%s\n' "$out" | head -1)" "values smallint" "w cycles the single values"

bad 2 "slotexplore: --values lists 3 values but --attrs is 5; end the list with ... to repeat the last" \
	--batch --values int:30,str:12,none
bad 2 "--values lists 2 values but --attrs is 3" --batch --attrs 3 --values int:30,none --format json
bad 2 "--values lists 2 values but --attrs goes to 40" --verify --python /nonexistent --values int:30,none
bad 2 "--values: entry 2 of the list is empty" --batch --values int:30,,none
bad 2 "--values: entry 3 of the list is empty" --batch --attrs 2 --values int:30,none,
bad 2 "--values: entry 2 of the list: 'fluff' is not a value type" --batch --values int:30,fluff,...
bad 2 "--values: entry 1 of the list is 'shared'" --batch --values shared,none
bad 2 "--values: entry 2 of the list is '...', which only ends a list" --batch --values none,...,float
many=$(python3 -c 'print(",".join(["none"] * 257))')
bad 2 "--values: the list has more than 256 values" --batch --values "$many"
# a longer list: the first values, and it says so
err=$("$SLOTEXPLORE" --no-config --batch --no-python --attrs 2 --values int:30,str:12,float 2>&1 >/dev/null)
is "$?" 0 "a list longer than --attrs: exit 0"
is "$err" "slotexplore: --values lists 3 values; --attrs 2 uses the first 2" "and one line says which are used"
done_testing
