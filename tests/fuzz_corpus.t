#!/bin/sh
# The fuzz corpus as regression tests: each target, built without libFuzzer
# (tests/fuzz/replay_main.c), runs once on every committed input; a crash,
# an abort or a sanitizer report fails the test.
. "$TOP_SRCDIR/tests/lib.sh"
for t in probe command profile numbers timing_json tour session probe_session scan census; do
	case $t in probe) bin=fuzz_probe_parse ;; *) bin=fuzz_$t ;; esac
	corpus="$TOP_SRCDIR/tests/fuzz/corpus/$t"
	exe="$TOP_BUILDDIR/tests/fuzz/$bin"
	if [ ! -x "$exe" ]; then
		ok 0 "# SKIP $t: $bin is built for libFuzzer here (--enable-fuzzing): tests/fuzz/run-fuzz.sh --regress"
		continue
	fi
	n=$(find "$corpus" -type f | wc -l)
	out=$("$exe" "$corpus" 2>"$TMP/err")
	status=$?
	is "$status" 0 "$t: every one of the $n corpus inputs runs clean"
	is "$out" "replayed $n inputs" "$t: all $n were replayed"
	[ -s "$TMP/err" ] && sed 's/^/# /' "$TMP/err" | head -20
done
done_testing
