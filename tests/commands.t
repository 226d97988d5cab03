#!/bin/sh
# The command language outside the explorer: -c, --script, commands on
# stdin, --repl through a pipe, export round trips, and the config file.
. "$TOP_SRCDIR/tests/lib.sh"
JSON="$TOP_BUILDDIR/tests/json_check"
export XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state" HOME="$TMP/home"
unset SLOTEXPLORE_CONFIG
S() { "$SLOTEXPLORE" --no-python "$@"; }
cd "$TMP" || exit 1

# -c
out=$(S --batch -c 'set attrs 8; set version 3.13; export out.csv'); ok $? "-c runs and exits 0"
is "$out" "" "-c with export prints nothing"
is "$(sed -n 2p out.csv | cut -d, -f1-3,7,11)" "3.13,lp64,8,regular,144" "export out.csv: 3.13 regular at 8 attrs is 144 allocated"
is "$(wc -l < out.csv | tr -d ' ')" 13 "export csv: header and 12 kinds"
S -c 'set attrs 5' -c 'hide dict; hide tuple; export two.csv csv'; ok $? "-c twice"
is "$(wc -l < two.csv | tr -d ' ')" 11 "hidden kinds are not exported"
S -c 'set version 3.12; set attrs 30; export out.json' && "$JSON" schema < out.json
ok $? "export json: read back, schema holds, breakdowns add up"
is "$("$JSON" get python_version < out.json)" 3.12 "export json: the version set"
S -c 'set attrs 3; export out.txt'; like "$(cat out.txt)" "^regular .*breakdown\|GC header" "export text has the breakdowns"
like "$(S -c 'export - csv')" "^python_version,abi" "export - writes to stdout"
err=$(S -c 'set attrs 3; bogus; export never.csv' 2>&1); is $? 2 "-c: a bad command exits 2"
like "$err" "^slotexplore: -c: 'bogus' is not a command" "-c: the message names the command"
[ ! -e never.csv ]; ok $? "-c: nothing after the error ran"
err=$(S -c 'set attrs 1' -c 'set attrs x' 2>&1); like "$err" "-c #2: set attrs:" "-c twice: the message says which"

# the Markdown handout
S -c 'set attrs 5; set version 3.12; export h.md'; ok $? "export h.md"
like "$(cat h.md)" "^# What Python objects cost: CPython 3.12 lp64, 5 attributes" "md: a title with the setting"
want=$(S --batch --python-version 3.12 --attrs 5 --format csv | grep ',slots,' | cut -d, -f9-12 | tr ',' ' ')
set -- $want
like "$(cat h.md)" "^| slots | $1 | $2 | $3 | $4 |" "md: the slots row equals --batch ($want)"
like "$(cat h.md)" "^## Where the allocated bytes of one instance go" "md: the breakdown table"
"$TOP_BUILDDIR/tests/screen_check" --timing "$TOP_SRCDIR/tests/screens/timing-fixture.json" 100 30 \
	"<Cmd:export $TMP/t.md>" > /dev/null
like "$(cat t.md)" "^## Attribute access timing" "md from the explorer: the timing summary"
like "$(cat t.md)" "read, ns per access (net), every value: regular (#, 42 values) and slots (=, 42 values)" "md: text histograms"

# --script and line numbers
printf 'set attrs 4\n\n# comment\nset instances 1k; export s.csv\nset values str:10:klingon\nexport t.csv\n' > s.cmd
err=$(S --script s.cmd 2>&1); is $? 2 "--script: an error exits 2"
like "$err" "^slotexplore: s.cmd:5: set values:" "--script: the message names file and line"
[ -e s.csv ] && [ ! -e t.csv ]; ok $? "--script: lines before the error ran, lines after did not"
err=$(S --script missing.cmd 2>&1); is $? 2 "--script: a missing file exits 2"
like "$err" "--script missing.cmd: No such file or directory" "--script: names the missing file"
printf 'set attrs 2\nshow\n' | S --script - > o.txt; ok $? "--script - reads stdin"
like "$(cat o.txt)" "2 attributes" "--script -: show prints the table"

# commands on stdin when it is not a terminal
out=$(printf 'set attrs 7\ncompare regular slots\n' | S); ok $? "commands on stdin"
like "$out" "compare regular and slots: CPython 3.13 lp64, 7 attributes" "stdin: compare prints"
like "$out" "per instance  *128  *96  *-32" "stdin: compare's per-instance line"
out=$(S < /dev/null); like "$out" "^regular  " "no commands on stdin: the table"
err=$(printf 'set attrs 7\nset attrs seven\n' | S 2>&1); is $? 2 "stdin: an error exits 2"
like "$err" "(stdin):2: set attrs:" "stdin: the message names the line"

# the REPL through a pipe: errors do not stop it
out=$(printf 'set attrs 8\nbogus\nshow slots\nhelp hide\nquit\nset attrs 1\n' | S --repl 2>"$TMP/repl.err")
is $? 0 "--repl through a pipe exits 0"
like "$out" "CPython 3.13 lp64, 8 attrs, 1,000 instances, values none, allocated bytes: regular 144" \
	"--repl: set prints the new setting"
like "$(cat "$TMP/repl.err")" "error: 'bogus' is not a command" "--repl: errors go to stderr and it goes on"
like "$out" "hide KIND" "--repl: help COMMAND"
out2=$(printf 'set attrs 8\nquit\nset attrs 1\n' | S --repl | grep -c 'attrs')
is "$out2" 1 "--repl: quit ends it"
like "$(printf 'seed\n' | S --repl)" "694" "--repl: seed prints the paper's table"

# export is atomic: a failed export never truncates the old file
echo "precious" > keep.csv
mkdir ro && chmod 555 ro
if [ "$(id -u)" -ne 0 ]; then
	err=$(S -c 'export ro/x.csv' 2>&1); is $? 2 "export into a read-only directory fails"
	like "$err" "export: cannot write ro/x.csv: Permission denied" "export: names the path and why"
else
	ok 0 "# SKIP export into a read-only directory (running as root)"
	ok 0 "# SKIP export: permission message (running as root)"
fi
err=$(S -c 'export nodir/x.csv' 2>&1); like "$err" "export: cannot write nodir/x.csv: No such file or directory" "export: a missing directory is named"
err=$(S -c 'export /dev/null' 2>&1); is $? 2 "export onto a device fails"
like "$err" "export: /dev/null exists and is not a regular file" "export: says it is not a file"
[ -c /dev/null ]; ok $? "/dev/null is still a device"
mkdir adir; err=$(S -c 'export adir' 2>&1); like "$err" "adir exists and is not a regular file" "export onto a directory fails"
S -c 'export keep.csv yaml' 2>/dev/null; is "$(cat keep.csv)" "precious" "a bad export format leaves the file alone"
ls keep.csv.tmp.* >/dev/null 2>&1; is $? 2 "no temporary file is left behind"
S -c 'export keep.csv'; like "$(head -1 keep.csv)" "^python_version" "a good export replaces the file"

# links and permissions (F8): a symlink's target is written and the link
# stays; hard links are not split; the replaced file's mode is kept
echo old > target.csv && ln -s target.csv link.csv
S -c 'export link.csv'; ok $? "export through a symlink"
[ -L link.csv ]; ok $? "the symlink is still a symlink"
like "$(head -1 target.csv)" "^python_version" "the link's target holds the export"
ln -s nowhere.csv dangling.csv
err=$(S -c 'export dangling.csv' 2>&1); is $? 2 "export through a dangling symlink fails"
like "$err" "dangling.csv: it is a symbolic link to a file that does not exist" "says so"
echo shared > hard1.csv && ln hard1.csv hard2.csv
err=$(S -c 'export hard1.csv' 2>&1); is $? 2 "export over a file with hard links fails"
like "$err" "hard1.csv: it has other hard links" "says why"
is "$(cat hard2.csv)" shared "the other link is untouched"
echo secret > private.csv && chmod 600 private.csv
S -c 'export private.csv'
is "$(stat -c %a private.csv)" 600 "a 0600 file stays 0600 when replaced"
umask 077 && S -c 'export fresh.csv' && umask 022
is "$(stat -c %a fresh.csv)" 600 "a new export follows the umask (077: 0600)"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	echo theirs > owned.csv && chown nobody owned.csv && chmod 600 owned.csv
	S -c 'export owned.csv'
	is "$(stat -c %U:%a owned.csv)" "nobody:600" "root exporting over another user's file keeps its owner and mode"
else
	ok 0 "# SKIP owner kept (needs root and a nobody user)"
fi

# the config file
mkdir -p "$XDG_CONFIG_HOME/slotexplore"
printf '# teaching defaults\nset version 3.12\nset attrs 6\n' > "$XDG_CONFIG_HOME/slotexplore/config"
like "$(S -c 'export - csv' | sed -n 2p)" "^3.12,lp64,6," "config: XDG_CONFIG_HOME/slotexplore/config is run"
like "$(S --attrs 9 -c 'export - csv' | sed -n 2p)" "^3.12,lp64,9," "config: options win over it"
like "$(S --no-config -c 'export - csv' | sed -n 2p)" "^3.13,lp64,5," "--no-config skips it"
printf 'set attrs 11\n' > other.cfg
like "$(S --config other.cfg -c 'export - csv' | sed -n 2p)" ",11," "--config FILE"
like "$(SLOTEXPLORE_CONFIG=other.cfg S -c 'export - csv' | sed -n 2p)" ",11," "SLOTEXPLORE_CONFIG"
err=$(S --config nope.cfg -c 'show' 2>&1); is $? 2 "--config: a missing file exits 2"
like "$err" "config nope.cfg: No such file or directory" "--config: names the file"
printf 'set attrs 3\nset bogus 1\n' > bad.cfg
err=$(S --config bad.cfg -c 'show' 2>&1); like "$err" "bad.cfg:2: set: 'bogus' is not a setting" "config: an error names file and line"
like "$(S --batch --attrs 5 --format csv | sed -n 2p)" "^3.13,lp64,5," "--batch tables ignore the config"
err=$(S --no-config --config x 2>&1); is $? 2 "--no-config with --config is a usage error"
# command streams that are not text (F9, F10): bounded, whole lines only
err=$(timeout 10 "$SLOTEXPLORE" --no-config --script /dev/zero 2>&1); st=$?
is $st 2 "--script /dev/zero stops at once with status 2 (not 124: no spinning)"
like "$err" "/dev/zero:1: the line holds a NUL byte" "--script /dev/zero: says why"
err=$(timeout 10 "$SLOTEXPLORE" --no-config --repl < /dev/zero 2>&1); st=$?
is $st 1 "--repl < /dev/zero stops with status 1"
like "$err" "a NUL byte (binary data, not commands); stopped reading" "--repl: says why"
err=$(timeout 10 "$SLOTEXPLORE" --config /dev/zero -c show 2>&1); st=$?
is $st 2 "--config /dev/zero is refused"
like "$err" "config /dev/zero: not a regular file (a device)" "--config: names what it is"
mkfifo cfg.fifo
err=$(timeout 10 "$SLOTEXPLORE" --config cfg.fifo -c show 2>&1); st=$?
is $st 2 "--config FIFO is refused without blocking"
like "$err" "config cfg.fifo: not a regular file (a FIFO)" "--config FIFO: names it"
mkdir -p "$XDG_STATE_HOME/slotexplore" && rm -f "$XDG_STATE_HOME/slotexplore/history" &&
	mkfifo "$XDG_STATE_HOME/slotexplore/history"
out=$(printf 'set attrs 3\n' | timeout 10 "$SLOTEXPLORE" --no-config --repl 2>&1); st=$?
is $st 0 "a FIFO as the history file neither blocks nor fails the REPL"
rm -f "$XDG_STATE_HOME/slotexplore/history"
printf 'set attrs 3\000; export nul.csv\n' > nul.cmd
S --script nul.cmd 2>/dev/null; is $? 2 "a NUL byte in a script: status 2"
[ ! -e nul.csv ]; ok $? "nothing after the NUL byte ran"
awk 'BEGIN { printf "set attrs 3;"; for (i = 0; i < 1100; i++) printf " "; print "export tail.csv" }' > long.cmd
err=$(S --script long.cmd 2>&1); is $? 2 "an over-long script line: status 2"
like "$err" "long.cmd:1: the line is too long (at most 1023 characters); nothing of it was run" \
	"an over-long line is named and refused whole"
[ ! -e tail.csv ]; ok $? "the tail of an over-long line does not run"
out=$(awk 'BEGIN { printf "set attrs 3;"; for (i = 0; i < 1100; i++) printf " "; print "export tail2.csv"; print "export - csv" }' |
	S --repl 2>&1)
[ ! -e tail2.csv ]; ok $? "--repl: the tail of an over-long line does not run"
like "$out" "line 1: the line is too long" "--repl: says so, and goes on"
awk 'BEGIN { printf "set attrs 7"; for (i = 0; i < 1012; i++) printf " "; print "" }' > l1023.cmd
S --script l1023.cmd; is $? 0 "a line of exactly 1,023 characters is accepted"
printf '\357\273\277set attrs 9\nexport - csv\n' > bom.cmd
like "$(S --script bom.cmd | sed -n 2p)" ",lp64,9," "a UTF-8 byte-order mark at the start is skipped"
S -c 'export - md tour' > /dev/full 2>/dev/null; is $? 1 "export - md tour to /dev/full: status 1, like other write errors"

done_testing
