#!/bin/sh
# The documentation keeps up with the code: every long option in
# src/cli/options.c appears in --help, the man page and the README; every
# command and key is in the man page; mandoc -Tlint is clean when present.
. "$TOP_SRCDIR/tests/lib.sh"
MAN="$TOP_BUILDDIR/man/slotexplore.1"
[ -f "$MAN" ] || MAN="$TOP_SRCDIR/man/slotexplore.1"
help=$("$SLOTEXPLORE" --help)
opts=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)", [a-z_]*_argument.*/\1/p' "$TOP_SRCDIR/src/cli/options.c" | sort -u)
[ -n "$opts" ]; ok $? "the option table was found in options.c"
for o in $opts; do
	case $o in no-colour) continue ;; esac   # the British spelling is an alias
	esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
	like "$help" "--$o" "--help documents --$o"
	grep -q -- "\\\\-\\\\-$esc" "$MAN"; ok $? "the man page documents --$o"
	grep -q -- "--$o" "$TOP_SRCDIR/README"; ok $? "the README mentions --$o"
done
cmds=$(sed -n 's/^[[:space:]]*{ "\([a-z]*\)", "\1[ "].*/\1/p' "$TOP_SRCDIR/src/cmd/commands.c")
[ "$(printf '%s\n' "$cmds" | wc -l)" -ge 10 ]; ok $? "the command table was found in commands.c"
for c in $cmds; do
	grep -q "^\.B $c" "$MAN"; ok $? "the man page documents the command $c"
	grep -q "$c" "$TOP_SRCDIR/README"; ok $? "the README mentions the command $c"
done
grep -q '^\.B export$' "$MAN" && grep -q 'FILE \[text|csv|json|md|html|svg\] \[tour\]' "$MAN"
ok $? "the man page gives export's tour handout"
for k in "^\.BR o ," "^\.B r$" "^\.BR Down / j$"; do
	grep -q -- "$k" "$MAN"; ok $? "the man page lists the timing pane and pager key(s) $k"
done
for k in "Left Right" "Up Down" "^\.B + " "v V" "^\.B b$" "^\.B a$" "w W" "^\.B c$" "^\.B m$" "^\.B t$" "^\.B T  n p$" "^\.B P$" "^\.B :$" "? F1" "^\.B q  Ctrl\\\\-L$"; do
	grep -q -- "$k" "$MAN"; ok $? "the man page lists the key(s) $k"
done
if command -v mandoc >/dev/null 2>&1; then
	out=$(mandoc -Tlint "$MAN" 2>&1); is "$out" "" "mandoc -Tlint is clean"
else
	ok 0 "# SKIP mandoc is not installed"
fi
done_testing
