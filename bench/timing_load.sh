#!/bin/sh
# --load of two series of 100,000 values each (hostile input F5: it took
# 321 s when every bootstrap resample cost O(n)). Goal: under 2 s. Prints
# the wall time; asserts nothing.
# Usage: bench/timing_load.sh   (from the build tree)
slot=./slotexplore
tmp=$(mktemp -d "${TMPDIR:-/tmp}/slotexplore-load.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN { srand(14); printf "{\"slotexplore_timing\": 2, \"attrs\": 5, \"processes\": 33334, \"series\": ["
	for (s = 0; s < 2; s++) {
		printf "%s{\"kind\": \"%s\", \"op\": \"read\", \"samples\": [", s ? ", " : "", s ? "slots" : "regular"
		for (i = 0; i < 100000; i++) printf "%s%.4f", i ? "," : "", 1 + 0.1 * s + rand()
		printf "], \"baselines\": ["
		for (i = 0; i < 100000; i++) printf "%s%.4f", i ? "," : "", 4 + rand()
		printf "], \"process\": ["
		for (i = 0; i < 100000; i++) printf "%s%d", i ? "," : "", int(i / 3)
		printf "]}"
	}
	print "]}" }' > "$tmp/big.json"
for format in text json; do
	t0=$(date +%s.%N)
	"$slot" --load "$tmp/big.json" --format $format > "$tmp/out" || { echo "--load failed"; exit 0; }
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" -v f=$format 'BEGIN { printf "--load of 2 x 100,000 values (%s): %.2f s (goal: under 2 s)\n", f, b - a }'
done
