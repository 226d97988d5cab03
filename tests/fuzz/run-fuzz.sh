#!/bin/sh
# Builds the libFuzzer targets with clang in a separate build directory and
# runs each for a short while (default 60 s), seeded with real probe replies.
# Usage: tests/fuzz/run-fuzz.sh [SECONDS]
set -eu
seconds=${1:-60}
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
make -j2 tests/fuzz/fuzz_probe_parse
corpus=$build/corpus-probe
mkdir -p "$corpus"
# seeds: one reply per file, from the golden transcripts
i=0
for f in "$top"/tests/golden/*.probe; do
	grep -v '^#' "$f" | awk 'NR % 97 == 1' | while IFS= read -r line; do
		i=$((i + 1)); printf '%s' "$line" > "$corpus/seed-$(basename "$f")-$i"
	done
done
export SLOTEXPLORE_DATADIR="$top/data"
./tests/fuzz/fuzz_probe_parse -max_total_time="$seconds" -max_len=9000 -print_final_stats=1 "$corpus"
