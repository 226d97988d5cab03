#!/bin/sh
# --by-version and the explorer's e view against --batch: every cell is the
# batch figure of that version, in text, CSV, JSON and Markdown.
. "$TOP_SRCDIR/tests/lib.sh"
JSON="$TOP_BUILDDIR/tests/json_check"
CHECK="$TOP_BUILDDIR/tests/screen_check"
export LC_ALL=C.UTF-8

versions=$("$SLOTEXPLORE" --list-profiles | awk '/^3\./ { print $1 }')
# default builds oldest first, then the free-threaded ones
order="$(printf '%s\n' $versions | grep -v t) $(printf '%s\n' $versions | grep t)"
order=$(echo $order)

# batch figure: --batch --python-version V --format csv, column ACC of KIND
batch_figure() { # batch_figure VERSION KIND ACCOUNTING ARGS...
	v=$1 k=$2 acc=$3
	shift 3
	"$SLOTEXPLORE" --batch --no-python --python-version "$v" --format csv "$@" > "$TMP/b.csv"
	col=$(head -1 "$TMP/b.csv" | tr ',' '\n' | grep -n "^$acc\$" | cut -d: -f1)
	awk -F, -v k="$k" -v c="$col" '$7 == k { print $c }' "$TMP/b.csv"
}

for setting in "--attrs 5 --accounting allocated" "--attrs 31 --accounting requested" \
	"--attrs 8 --values float --accounting deep" "--attrs 3 --abi i386 --accounting getsizeof"; do
	# shellcheck disable=SC2086
	"$SLOTEXPLORE" --batch --by-version $setting --format csv > "$TMP/bv.csv"
	ok $? "--by-version $setting --format csv exits 0"
	acc=$(echo "$setting" | sed 's/.*--accounting \([a-z]*\).*/\1/')
	rest=$(echo "$setting" | sed 's/ --accounting [a-z]*//')
	bad=0 n=0
	while IFS=, read -r v ft prev abi attrs inst values a kind avail per change total sat; do
		[ "$v" = python_version ] && continue
		n=$((n + 1))
		[ "$avail" = 1 ] || continue
		# shellcheck disable=SC2086
		want=$(batch_figure "$v" "$kind" "$acc" $rest)
		if [ "$want" != "$per" ]; then
			bad=$((bad + 1))
			diag "$v $kind: by-version $per, --batch $want"
		fi
	done < "$TMP/bv.csv"
	ok $bad "every cell of --by-version $setting equals --batch ($n cells, $bad differ)"
done

# the columns: every profile, default builds first; 3.14t against 3.14
"$SLOTEXPLORE" --by-version --format json > "$TMP/bv.json"
ok $? "--by-version --format json"
got=""
i=0
while v=$("$JSON" get "versions.$i.python_version" < "$TMP/bv.json" 2>/dev/null); do
	got="$got $v"
	i=$((i + 1))
done
is "$(echo $got)" "$order" "JSON columns: default builds in version order, then 3.14t"
j=$(echo "$order" | tr ' ' '\n' | grep -n '^3.14t$' | cut -d: -f1)
is "$("$JSON" get "versions.$((j - 1)).compared_with" < "$TMP/bv.json")" 3.14 "3.14t is compared with 3.14"
is "$("$JSON" get "versions.0.compared_with" < "$TMP/bv.json")" null "the first version has nothing before it"
is "$("$JSON" get "kinds.0.cells.3.change" < "$TMP/bv.json")" -32 \
	"regular, allocated, 3.11 against 3.10: -32 bytes (values out of the dict)"
regular_311=$(batch_figure 3.11 regular allocated --attrs 5)
is "$("$JSON" get "kinds.0.cells.3.per_instance" < "$TMP/bv.json")" "$regular_311" "JSON cell equals --batch"
total=$("$SLOTEXPLORE" --batch --no-python --python-version 3.11 --format json)
is "$("$JSON" get "kinds.0.cells.3.total" < "$TMP/bv.json")" \
	"$(printf '%s' "$total" | "$JSON" get kinds.0.total)" "JSON total for M equals --batch's total"

# text: both tables, within 80 columns, the cells the CSV's
out=$("$SLOTEXPLORE" --batch --by-version)
like "$out" "^kind  *3.8  *3.9  *3.10  *3.11  *3.12  *3.13  *3.14  *3.15  *3.14t$" "text: the version columns"
like "$out" "^regular  *160  *160  *160  *128  *112  *112  *112  *112  *112$" "text: the regular row"
like "$out" "^regular  *0  *0  *-32  *-16  *0  *0  *0  *0$" "text: the regular row's changes"
like "$out" "^dataclass-slots  *new " "text: a kind new in a version says so"
width=$(printf '%s\n' "$out" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
ok $([ "$width" -le 80 ] && echo 0 || echo 1) "text fits 80 columns ($width)"
out=$("$SLOTEXPLORE" --batch --by-version --abi ilp32 | tr '\n' ' ')
like "$out" "Left out: 3.14t, not modelled for ilp32" "32-bit: 3.14t is left out, and it says so"
out=$("$SLOTEXPLORE" --by-version --format md --kind regular)
like "$out" "^| regular | 160 | 160 (0) | 160 (0) | 128 (-32) |" "Markdown: figure and change"

# the command, and bad input
out=$("$SLOTEXPLORE" --batch --no-python -c 'set attrs 5; versions csv')
is "$out" "$(cat "$TMP/bv.csv" | head -0; "$SLOTEXPLORE" --by-version --format csv)" \
	"versions csv in a script equals --by-version --format csv"
bad() { # bad PATTERN ARGS...
	pattern=$1
	shift
	err=$("$SLOTEXPLORE" "$@" 2>&1 >/dev/null)
	st=$?
	ok $([ $st -eq 2 ] && echo 0 || echo 1) "$* exits 2 ($st)"
	like "$err" "$pattern" "$*: says why"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "$*: one line"
}
bad "cannot go with --python-version" --by-version --python-version 3.12
bad "goes with --batch" --by-version --verify
bad "cannot go with --breakdown" --by-version --breakdown
bad "is the model alone" --by-version --python /usr/bin/python3

# the explorer's e view: the same cells as --batch
screen=$("$CHECK" 80 24 e)
like "$screen" "^kind  *3.8  *3.9  *3.10  *3.11  *3.12  *3.13  *3.14  *3.15  *3.14t" "e: the version columns at 80x24"
row=$(printf '%s\n' "$screen" | grep '^> regular' | tr -d '▼▲' | awk '{ $1 = $2 = ""; print }')
want=""
for v in $order; do want="$want $(batch_figure "$v" regular allocated --attrs 5)"; done
is "$(echo $row)" "$(echo $want)" "e: regular's row equals --batch at every version"
screen=$("$CHECK" 80 24 e l l l a)
row=$(printf '%s\n' "$screen" | grep '^> regular' | tr -d '▼▲' | awk '{ $1 = $2 = ""; print }')
want=""
for v in $order; do want="$want $(batch_figure "$v" regular deep --attrs 8)"; done
is "$(echo $row)" "$(echo $want)" "e follows the attrs and accounting keys (8 attrs, deep)"
width=$(printf '%s\n' "$screen" | wc -L)
ok $([ "$width" -le 80 ] && echo 0 || echo 1) "e fits 80 columns ($width)"
screen=$("$CHECK" 64 18 e G)
like "$screen" "^> dict" "e at 64x18: the selected last kind is on screen (the table scrolls)"
screen=$("$CHECK" 80 24 e q)
like "$screen" "per inst" "q closes the view, not the program"
done_testing
