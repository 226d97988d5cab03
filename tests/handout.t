#!/bin/sh
# The tour's Markdown handout (--tour --batch, export FILE tour): every step,
# its figures equal to --batch's, its live figures in the text too, the
# timing results at the timing step, and bad input.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
S() { "$SLOTEXPLORE" --no-python --no-config "$@"; }

# the table rows of a Markdown document, "\*" and "> " dropped
rows() { grep '^| [a-z]' | sed 's/\\\*//g; s/| > /| /g'; }

S --tour --batch > tour.md; ok $? "--tour --batch exits 0"
want=$(grep -c '^== ' "$TOP_SRCDIR/data/tour.txt")
is "$(grep -c '^## [0-9]' tour.md)" "$want" "the handout has every step of data/tour.txt ($want)"
grep '^== ' "$TOP_SRCDIR/data/tour.txt" | sed 's/^== /## /' > titles.want
grep '^## [0-9]' tour.md > titles.got
cmp -s titles.want titles.got; ok $? "the steps come in the tour file's order, with its titles"
is "$(grep -c '{[a-z]*:[a-z-]*}' tour.md)" 0 "every live figure is filled in"
like "$(cat tour.md)" '\\_\\_slots\\_\\_' "__slots__ is escaped (Markdown would make it bold)"
like "$(cat tour.md)" "^\*No timing results in this handout" "without results, the timing step says how to get them"

# each step's tables are what its Check: command prints
is "$(grep -c '^Check: `slotexplore --batch ' tour.md)" "$want" "every step names its --batch command"
step=0
grep '^Check: `' tour.md | sed 's/^Check: `slotexplore //; s/` prints.*//' > checks
while read -r args; do
	step=$((step + 1))
	# the rows of step N: between its "## " heading and the next (the
	# trade-offs table of a !tradeoffs step is checked below)
	awk -v n="$step" '/^## [0-9]/ { s++ } /^### What each kind/ { s = -1 } s == n' tour.md |
		rows > step.rows
	# shellcheck disable=SC2086 # the options are words
	S $args --format md | rows > batch.rows
	cmp -s step.rows batch.rows
	ok $? "step $step: tables equal \`slotexplore $args --format md\`"
done < checks
[ "$step" -eq "$want" ] || ok 1 "read every step's check ($step of $want)"

# The live figures in the text: a copy of the tour whose text is only its
# placeholders, so each filled-in figure can be set against --batch.
mkdir data && cp "$TOP_SRCDIR"/data/* data/
awk '/^== / { s = 1; print; next }
	!s || /^[:!#]/ || $0 == "" { print; next }
	{ line = $0; out = ""
	  while (match(line, /\{[a-z]+:[a-z-]+\}/)) {
		out = out (out == "" ? "" : " ; ") substr(line, RSTART, RLENGTH)
		line = substr(line, RSTART + RLENGTH) }
	  if (out != "") print out " ;" }' "$TOP_SRCDIR/data/tour.txt" > data/tour.txt
SLOTEXPLORE_DATADIR="$TMP/data" S --tour --batch > figures.md
ok $? "the placeholder-only tour writes a handout"
checked=0
step=0
grep '^== ' data/tour.txt > /dev/null
while read -r args; do
	step=$((step + 1))
	S $args --format md | rows > batch.rows
	# the step's placeholders, in order, and the text they became
	awk -v n="$step" '/^== / { s++; next } s == n && !/^[:!#]/' data/tour.txt |
		tr -d '\n' | tr ';' '\n' | sed 's/^ *//; s/ *$//' | grep . > ph
	awk -v n="$step" '/^## [0-9]/ { s++; getline; t = 1; next }
		s == n && t && /^$/ && txt != "" { t = 0 }
		s == n && t { txt = txt " " $0 }
		END { print txt }' figures.md | tr ';' '\n' | sed 's/^ *//; s/ *$//' | grep . > got
	i=0
	while read -r p; do
		i=$((i + 1))
		acc=${p#\{}; acc=${acc%%:*}
		kind=${p#*:}; kind=${kind%\}}
		shown=$(printf '%s' "$args" | sed 's/.*--accounting \([a-z]*\).*/\1/')
		[ "$acc" = saving ] && from=regular || from=""
		[ "$acc" = saving ] && acc=$shown
		case $acc in
		getsizeof) col=3 ;; requested) col=4 ;; allocated) col=5 ;; deep) col=6 ;;
		total) col=7 ;; perclass) col=9 ;; *) col=0 ;;
		esac
		cell() { awk -F'|' -v k="$1" -v c="$col" '{ gsub(/^ +| +$/, "", $2) }
			$2 == k { v = $c; gsub(/^ +| +$/, "", v); print v; exit }' batch.rows; }
		expect=$(cell "$kind")
		if [ -n "$from" ]; then   # {saving:KIND}: regular's figure minus KIND's
			expect=$(( $(cell regular | tr -d ,) - $(echo "$expect" | tr -d ,) ))
			acc="saving"
		fi
		got=$(sed -n "${i}p" got)
		is "$got" "$expect" "step $step: {$acc:$kind} is --batch's $expect"
		checked=$((checked + 1))
	done < ph
done < checks
[ "$checked" -ge 15 ] || ok 1 "checked the tour's live figures ($checked)"

# {version} and {overflow}: the version shown and the first attribute count
# whose regular instance --batch reports as overflowing the shared keys
# (the question names the version, the answer the limit)
line=$(tr -s '\n' ' ' < tour.md | grep -o 'dict on CPython [0-9.]*? Try the arrow keys\. \*\*Answer\*\* ([^)]*): from [0-9]* attributes on')
ver=$(printf '%s' "$line" | sed 's/dict on CPython \([0-9.]*\)?.*/\1/')
at=$(printf '%s' "$line" | sed 's/.* from \([0-9]*\) attributes on/\1/')
[ -n "$ver" ] && [ -n "$at" ]; ok $? "the key-sharing step names the version and the limit ($ver, $at)"
first=""
for n in $(seq 1 64); do
	S --batch --python-version "$ver" --attrs "$n" --kind regular --format json |
		grep -q '"overflow": true' && { first=$n; break; }
done
is "$at" "$first" "{overflow}: --batch's first overflowing attribute count on $ver"

# questions, answers and notes in the handout: the answers' figures are
# the step's --batch figures
is "$(grep -c '^\*\*Question:\*\*' tour.md)" "$(awk '/^== / { q = 0 } /^!question/ && !q { n++; q = 1 } END { print n }' "$TOP_SRCDIR/data/tour.txt")" \
	"every step's question is in the handout"
is "$(grep -c '^> \*\*Notes for the teacher:\*\*' tour.md)" "$(awk '/^== / { q = 0 } /^!note/ && !q { n++; q = 1 } END { print n }' "$TOP_SRCDIR/data/tour.txt")" \
	"every step's teacher's notes are quoted in the handout"
answer=$(awk '/^## 3\./ { s = 1 } /^## 4\./ { s = 0 } s' tour.md | tr -s '\n' ' ' |
	grep -o '\*\*Answer\*\* ([^)]*): [0-9,]* bytes (allocated): regular [0-9,]*, slots [0-9,]*\.')
set -- $(printf '%s' "$answer" | sed 's/.*: \([0-9,]*\) bytes (allocated): regular \([0-9,]*\), slots \([0-9,]*\)\./\1 \2 \3/' | tr -d ,)
b=$(S --batch --python-version 3.14 --attrs 5 --instances 1000 --values smallint --format csv)
col=$(printf '%s\n' "$b" | head -1 | tr ',' '\n' | grep -n '^allocated$' | cut -d: -f1)
reg=$(printf '%s\n' "$b" | grep ',regular,' | cut -d, -f"$col")
sl=$(printf '%s\n' "$b" | grep ',slots,' | cut -d, -f"$col")
is "${1:-} ${2:-} ${3:-}" "$((reg - sl)) $reg $sl" "step 3's answer: --batch's saving, regular and slots"

# the timing results of --load go to the timing step
S --tour --batch --load "$TOP_SRCDIR/tests/screens/timing-fixture.json" > timed.md
ok $? "--tour --batch --load FILE exits 0"
tstep=$(awk '/^== / { n++ } /^!timing/ { print n; exit }' "$TOP_SRCDIR/data/tour.txt")
section=$(awk -v n="$tstep" '/^## [0-9]/ { s++ } s == n' timed.md)
like "$section" "^### Attribute access timing" "the timing summary is in step $tstep"
like "$section" "read, ns per access (net), every value: regular (#, 42 values) and slots (=, 42 values)" "with its text histograms"
is "$(grep -c '^### Attribute access timing' timed.md)" 1 "and only there"

# the trade-offs go to the !tradeoffs step: regular and the step's kind, as
# --tradeoffs prints them from the committed table of the step's version
xstep=$(awk '/^== / { n++ } /^!tradeoffs/ { print n; exit }' "$TOP_SRCDIR/data/tour.txt")
section=$(awk -v n="$xstep" '/^## [0-9]/ { s++ } s == n' tour.md)
like "$section" "^### What each kind can and cannot do" "the trade-offs table is in step $xstep"
is "$(grep -c '^### What each kind can and cannot do' tour.md)" 1 "  and only there"
like "$section" "committed table cpython-3.14" "  labelled with where it was measured (3.14, the step's version)"
printf '%s\n' "$section" | sed -n '/^### What each kind/,$p' | grep '^| ' > x.got
S --tradeoffs --no-python --python-version 3.14 --kind regular --kind slots --format md | grep '^| ' > x.want
is "$(wc -l < x.got)" 28 "  regular and slots: 13 operations each, under a heading row"
cmp -s x.want x.got; ok $? "  row for row what --tradeoffs --format md prints"

# export FILE tour: the same handout, from any mode
S -c 'export from-cmd.md tour'; ok $? "export FILE tour exits 0"
cmp -s from-cmd.md tour.md; ok $? "export FILE tour writes what --tour --batch prints"
S -c 'export - md tour' > stdout.md; cmp -s stdout.md tour.md
ok $? "export - md tour: the handout on standard output"
out=$(S -c 'set attrs 7; set version 3.9; export t2.md tour; show' --format text 2>&1)
like "$out" '^CPython 3.9 lp64' "after the handout the setting is as it was (version)"
like "$out" '7 attrs\|7 attributes' "after the handout the setting is as it was (attributes)"

# a teacher's own tour ($SLOTEXPLORE_TOUR) and a translated one (tour.LL.txt
# for the locale's language)
printf '== 1. Mine\n:set attrs 3\n:set version 3.12\nThree attributes: {allocated:regular} bytes.\n' > mine.txt
out=$(SLOTEXPLORE_TOUR="$TMP/mine.txt" S --tour --batch); ok $? "SLOTEXPLORE_TOUR: the handout of another tour"
like "$out" "^## 1. Mine" "SLOTEXPLORE_TOUR: its steps"
want=$(S --batch --python-version 3.12 --attrs 3 --kind regular --format csv | awk -F, 'NR == 2 { print $11 }')
like "$out" "^Three attributes: $want bytes" "SLOTEXPLORE_TOUR: its figures are --batch's ($want)"
mkdir lang && cp "$TOP_SRCDIR"/data/* lang/
printf '== 1. Einf\xc3\xbchrung\nDrei Attribute.\n' > lang/tour.xx.txt
out=$(SLOTEXPLORE_DATADIR="$TMP/lang" LC_ALL= LC_MESSAGES= LANG=xx_YY.UTF-8 S --tour --batch)
like "$out" "^## 1. Einf" "LANG=xx_YY: tour.xx.txt is the tour"
out=$(SLOTEXPLORE_DATADIR="$TMP/lang" LC_ALL= LC_MESSAGES= LANG=yy_ZZ S --tour --batch)
like "$out" "^## 1. What sys.getsizeof says" "no tour.yy.txt: tour.txt"
err=$(SLOTEXPLORE_TOUR="$TMP/nothere.txt" S -c 'export x.md tour' 2>&1)
like "$err" "export: .*nothere.txt: cannot open the tour" "export tour names the missing SLOTEXPLORE_TOUR file"
printf '== 1. x\n' > long.txt
awk 'BEGIN { for (i = 0; i < 600; i++) printf "y"; print "" }' >> long.txt
err=$(SLOTEXPLORE_TOUR="$TMP/long.txt" S --tour --batch 2>&1)
like "$err" "long.txt:2: a line longer than 511 characters" "a too-long tour line is named"
printf '== 1. x\ntext\000more\n' > nul.txt
err=$(SLOTEXPLORE_TOUR="$TMP/nul.txt" S --tour --batch 2>&1)
like "$err" "nul.txt:2: binary data" "a NUL byte in the tour is named"

# a tour file may only change the setting: no export, python, verify,
# measure, quit... (T1: a tour that wrote files and ran programs)
for cmd in "export $TMP/pwned.md" "python $TMP/evil" "set attrs 5; export $TMP/pwned.md" \
	"set attrs 5 ; python $TMP/evil" "verify" "measure" "quit" "show; 'export' x"; do
	printf '== 1. x\n:set attrs 3\n:%s\ntext\n' "$cmd" > evil.txt
	err=$(SLOTEXPLORE_TOUR="$TMP/evil.txt" S --tour --batch 2>&1 >/dev/null)
	st=$?
	like "$err" "evil.txt:3: '[a-z']*' is not allowed in a tour: a step's commands may only be set, show and hide" \
		"tour command '$cmd' is refused with FILE:LINE"
	is $st 1 "tour command '$cmd': exit 1"
done
printf '#!/bin/sh\ntouch "%s/ran"\n' "$TMP" > evil && chmod +x evil
[ ! -e pwned.md ] && [ ! -e ran ]; ok $? "no refused tour wrote a file or ran a program"
printf '== 1. x\n:set attrs 3; set kind slots;show\ntext {allocated:slots}\n' > fine.txt
SLOTEXPLORE_TOUR="$TMP/fine.txt" S --tour --batch > /dev/null; ok $? "set, show and hide with ; are allowed"

# placeholders that expand past the buffer: cut at a character, marked (…)
{ printf '== 1. x\n:set attrs 40\n'; i=0; while [ $i -lt 120 ]; do printf 'é{overflow}\n'; i=$((i + 1)); done; } > big.txt
SLOTEXPLORE_TOUR="$TMP/big.txt" S --tour --batch > big.md; ok $? "a tour step that expands past the buffer"
iconv -f UTF-8 -t UTF-8 big.md > /dev/null 2>&1; ok $? "the handout stays valid UTF-8 (no split character)"
like "$(cat big.md)" "…" "the cut is marked with an ellipsis"

# bad input
bad() { # bad STATUS PATTERN ARGS...
	st=$1 pat=$2; shift 2
	err=$(S "$@" 2>&1 >/dev/null); code=$?
	is "$code" "$st" "$* exits $st"
	like "$err" "$pat" "$*: says '$pat'"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "$*: one line"
}
bad 2 "the tour's handout is Markdown (md) or html, not json" -c 'export x.json json tour'
bad 2 "'tour' is not a format\|'yaml' is not a format" -c 'export x.md yaml tour'
bad 2 "the tour's handout is Markdown (--format md), not csv" --tour --format csv
bad 2 "cannot go with --breakdown" --tour --batch --breakdown
bad 2 "--tour goes with the explorer, or with --batch" --tour --measure
bad 2 "--tour needs a terminal on stdin and stdout; --tour --batch writes the tour" --tour
[ ! -e x.json ] && [ ! -e x.md ]; ok $? "a refused export writes no file"
export SLOTEXPLORE_DATADIR="$TMP/data"
printf '== 1. x\n!sparkle\ntext\n' > data/tour.txt
bad 1 "tour.txt:2: '!sparkle' is not a step option" --tour --batch
printf '== 1. x\ntext\n!answer {saving:slots}\n' > data/tour.txt
bad 1 "tour.txt:3: an !answer before the step's !question" --tour --batch
printf '== 1. x\ntext\n!question How many?\n== 2. y\ntext\n' > data/tour.txt
bad 1 "tour.txt:3: a !question with no !answer in its step" --tour --batch
printf '== 1. x\ntext\n!question How many?\n!answer 32 bytes, typed in\n' > data/tour.txt
bad 1 "tour.txt:3: the question's !answer has no figure from the model" --tour --batch
printf '== 1. x\ntext {alocated:slots}\n' > data/tour.txt
bad 1 "step '1. x': {alocated:slots} is not a figure" --tour --batch
printf '== 1. x\ntext\n!question How many {bytes:slotz}?\n!answer {saving:slots}\n' > data/tour.txt
bad 1 "{bytes:slotz} is not a figure" --tour --batch
{ printf '== 1. x\ntext\n'; for i in $(seq 1 20); do printf '!note a note line that adds up to too much text for one step\n'; done; } > data/tour.txt
bad 1 "the step's notes are too long" --tour --batch
printf '== 1. x\ntext {a b} and {"k": 1}\n!note a note\n' > data/tour.txt
S --tour --batch > braces.md; ok $? "braces that are not figures are text"
like "$(cat braces.md)" "text {a b} and {\"k\": 1}" "and shown as written"
printf '== 1. x\n:set attrs 1000000\ntext\n' > data/tour.txt
bad 1 "tour step 1: set" --tour --batch
S -c 'export y.md tour' 2>err.txt; is $? 2 "export tour with a broken step exits 2"
like "$(cat err.txt)" "export: tour step 1: set attrs: .*; nothing written to y.md" "export tour: names the step and the command"
[ ! -e y.md ]; ok $? "a failed handout leaves no file"
rm data/tour.txt
bad 1 "--tour: .*tour.txt: cannot open the tour" --tour --batch
S -c 'export z.md tour' 2>err.txt
like "$(cat err.txt)" "export: .*data/tour.txt: cannot open the tour" "export tour without a tour file names it"
unset SLOTEXPLORE_DATADIR

done_testing
