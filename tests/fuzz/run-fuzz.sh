#!/bin/sh
# Builds the libFuzzer targets with clang in a separate build directory and
# runs each for a short while (default 60 s each), seeded with real probe
# replies and with commands.
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
make -j2 tests/fuzz/fuzz_probe_parse tests/fuzz/fuzz_command
export SLOTEXPLORE_DATADIR="$top/data"
# the command parser, seeded with every command's usage and some scripts
corpus=$build/corpus-command
mkdir -p "$corpus"
i=0
for line in "set attrs 8; set instances 1e6" "set version 3.12" "set values str:10:ucs2,shared" \
	"hide dict; show" "compare regular slots" "export 'a b.csv' json" "help set" "seed" \
	"set kind dataclass-slots-weakref" "set chart attrs; quit"; do
	i=$((i + 1)); printf '%s' "$line" > "$corpus/seed-$i"
done
./tests/fuzz/fuzz_command -max_total_time="$seconds" -max_len=1100 -print_final_stats=1 "$corpus"
corpus=$build/corpus-probe
mkdir -p "$corpus"
# seeds: one reply per file, from the golden transcripts
i=0
for f in "$top"/tests/golden/*.probe; do
	grep -v '^#' "$f" | awk 'NR % 97 == 1' | while IFS= read -r line; do
		i=$((i + 1)); printf '%s' "$line" > "$corpus/seed-$(basename "$f")-$i"
	done
done
./tests/fuzz/fuzz_probe_parse -max_total_time="$seconds" -max_len=9000 -print_final_stats=1 "$corpus"
