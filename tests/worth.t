#!/bin/sh
# "Is it worth it?" (worth, $): every figure is the model's, as --batch
# prints it: the saving per instance and in total, its parts, the paper's
# 100 instances as figures, and the key-sharing limit.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
S() { "$SLOTEXPLORE" --no-python --no-config "$@"; }
csv() { S --batch --python-version 3.14 --values smallint --format csv "$@"; }
field() { # CSV KIND COLUMN
	col=$(printf '%s\n' "$1" | head -1 | tr ',' '\n' | grep -n "^$3\$" | cut -d: -f1)
	printf '%s\n' "$1" | grep ",$2," | cut -d, -f"$col"
}
group() { printf '%s\n' "$1" | sed ':a
s/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/
ta'; }
human() { awk -v b="$1" 'BEGIN { u = "B"; split("KiB MiB GiB", us, " "); i = 0
	if (b < 1024) { printf "%d B", b; exit }
	while (b >= 1024 && i < 3) { b /= 1024; i++ } printf "%.1f %s", b, us[i] }'; }

out=$(S -c 'set version 3.14; set values smallint; set kind slots; worth' | tr -s '\n ' '  ')
ok $? "worth runs in a script"
b=$(csv --attrs 5 --instances 1000)
reg=$(field "$b" regular allocated) sl=$(field "$b" slots allocated)
like "$out" "Per instance: slots $sl B against regular $reg B: saves $((reg - sl)) B" \
	"the saving per instance is --batch's regular minus slots ($reg - $sl)"
treg=$(field "$b" regular total_allocated) tsl=$(field "$b" slots total_allocated)
d=$((treg - tsl))
like "$out" "in total: saves $(human $d) " "the total saving is --batch's totals' difference ($d B)"
once=$((d - 1000 * (reg - sl)))
like "$out" "regular - slots = 1,000 x $((reg - sl)) B per instance + $(group $once) B paid once" \
	"and it adds up: count x per instance + what is paid once"
for m in 100 10000 1000000; do
	b=$(csv --attrs 5 --instances $m)
	d=$(( $(field "$b" regular total_allocated) - $(field "$b" slots total_allocated) ))
	like "$out" "at $(group $m) instances slots saves $(human $d)" "at $m instances: --batch's difference ($d B)"
done
like "$out" "(7,813 pages of 4 KiB)" "a million instances in 4 KiB pages"
like "$out" "half a 64-byte cache line" "32 bytes are half a cache line"
like "$out" "from 31 attributes on; here 5 attributes: below it" "the key-sharing limit of 3.14"
out=$(S -c 'set version 3.10; worth slots' | tr -s '\n ' '  ')
like "$out" "Key-sharing limit: none on CPython 3.10" "3.10 has no such limit"
out=$(S -c 'set version 3.14; set attrs 40; worth dict' | tr -s '\n ' '  ')
like "$out" "dict has no class of its own\|what the first instance adds" "dict has no class to pay for"
out=$(S -c 'worth regular' | tr -s '\n ' '  ')
like "$out" "regular is the baseline" "regular against itself says what to do"
err=$(S -c 'worth slotz' 2>&1); is $? 2 "an unknown kind exits 2"
like "$err" "worth: .*slotz" "and names it"
err=$(S -c 'worth slots dict' 2>&1); like "$err" "worth: usage: worth \[KIND\]" "two kinds: the usage"
# a kind that costs more per instance says so
out=$(S -c 'set version 3.14; set attrs 5; worth dict' | tr -s '\n ' '  ')
like "$out" "costs more by" "a kind dearer than regular costs more, and says so"
# lines fit in 78 columns
long=$(S -c 'set kind slots; worth' | awk 'length($0) > 78' | wc -l)
is "$long" 0 "every line fits in 78 columns"
done_testing
