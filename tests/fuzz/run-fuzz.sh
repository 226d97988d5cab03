#!/bin/sh
# Builds the libFuzzer targets with clang (configure --enable-fuzzing) in a
# separate build directory and runs each for SECONDS (default 60), starting
# from the committed seed corpus in tests/fuzz/corpus/TARGET. New inputs go
# to the build directory's corpus; crash inputs are written there as
# crash-*: add each to tests/fuzz/corpus/TARGET as a regression test.
#   tests/fuzz/run-fuzz.sh [SECONDS] [TARGET...]
#   tests/fuzz/run-fuzz.sh --regress        every corpus input once, no fuzzing
# Targets: command probe profile numbers timing_json tour session probe_session scan census
# timing_json runs with -timeout=5 and inputs up to 4 MB: a load whose cost
# grows too fast with its size is a finding (a 100k-sample file must load in
# seconds).
set -eu
seconds=60
regress=no
if [ "${1:-}" = "--regress" ]; then regress=yes; shift; elif [ $# -gt 0 ]; then seconds=$1; shift; fi
targets=${*:-command probe profile numbers timing_json tour session probe_session scan census}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$top/fuzz-build}
command -v clang >/dev/null 2>&1 || { echo "run-fuzz: clang is needed (apt-get install clang)" >&2; exit 2; }
[ -x "$top/configure" ] || (cd "$top" && autoreconf -fi)
mkdir -p "$build"
src=$top
if [ -f "$top/config.status" ]; then
	# the source tree holds a build already: fuzz a clean copy of it
	src=$build/src
	rm -rf "$src"
	make -C "$top" -s distdir distdir="$src" >/dev/null
fi
cd "$build"
[ -f Makefile ] || "$src/configure" -q CC=clang --enable-fuzzing
bins=""
for t in $targets; do
	case $t in probe) bins="$bins tests/fuzz/fuzz_probe_parse" ;; *) bins="$bins tests/fuzz/fuzz_$t" ;; esac
done
# shellcheck disable=SC2086
make -s -j2 $bins
export SLOTEXPLORE_DATADIR="$top/data"
status=0
for t in $targets; do
	case $t in probe) bin=tests/fuzz/fuzz_probe_parse ;; *) bin=tests/fuzz/fuzz_$t ;; esac
	seeds=$top/tests/fuzz/corpus/$t
	if [ $regress = yes ]; then
		echo "== $t: every input in $seeds"
		./$bin -runs=0 "$seeds" 2>&1 | tail -2 || status=1
		continue
	fi
	work=$build/corpus-$t
	mkdir -p "$work" "$build/crashes-$t"
	echo "== $t: $seconds s"
	limits="-max_len=9000"
	[ "$t" = timing_json ] && limits="-max_len=4000000 -timeout=5 -rss_limit_mb=4096"
	# shellcheck disable=SC2086
	./$bin -max_total_time="$seconds" $limits -print_final_stats=1 \
		-artifact_prefix="$build/crashes-$t/" "$work" "$seeds" 2>&1 |
		grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added|==[0-9]+==ERROR|SUMMARY)' || true
	if ls "$build/crashes-$t"/* >/dev/null 2>&1; then
		echo "   FINDINGS in $build/crashes-$t:"; ls "$build/crashes-$t"; status=1
	fi
done
exit $status
