#!/bin/sh
# Agreement check (issue #6): slotexplore's median per access (loop baseline
# subtracted) against `python -m timeit` on the same statements, with
# timeit's time for the baseline statement subtracted the same way ("o" for
# reads, "x = 1" for writes). Prints both, their ratio, and the wall time
# each took. Goal: within 10% of timeit, in less wall time than timeit's
# default run. Prints figures; asserts nothing.
# Usage: bench/timing_agreement.sh [PYTHON]   (from the build tree)
py=${1:-$(command -v python3)}
[ -x "$py" ] || { echo "timing agreement: no python3; skipped"; exit 0; }
slot=./slotexplore
budget=${TIMING_BUDGET:-6}

setup_regular='class C:
    def __init__(self):
        self.a0 = 1; self.a1 = 1; self.a2 = 1; self.a3 = 1; self.a4 = 1
o = C()'
setup_slots='class C:
    __slots__ = ("a0", "a1", "a2", "a3", "a4")
    def __init__(self):
        self.a0 = 1; self.a1 = 1; self.a2 = 1; self.a3 = 1; self.a4 = 1
o = C()'

# ns per loop from timeit's "N loops, best of 5: X nsec per loop"
timeit_ns() {
	"$py" -m timeit -s "$1" "$2" | sed -n 's/.*: \([0-9.]*\) \([a-z]*\) per loop.*/\1 \2/p' |
		awk '{ f = $2 == "nsec" ? 1 : $2 == "usec" ? 1000 : $2 == "msec" ? 1e6 : 1e9; print $1 * f }'
}
now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }

echo "timing agreement with timeit, $("$py" -c 'import sys; print(sys.version.split()[0])'), 5 attributes"
t0=$(now)
"$slot" --measure --python "$py" --measure-time "$budget" --op read --op write --format json \
	> /tmp/slotexplore-agree.$$ || { echo "slotexplore --measure failed"; exit 0; }
t1=$(now)
ours_wall=$(calc "$t1 - $t0")
printf '%-16s %14s %14s %8s\n' "" "slotexplore ns" "timeit ns" "ratio"
timeit_wall=0
for kind in regular slots; do
	eval setup=\$setup_$kind
	for op in read write; do
		if [ $op = read ]; then stmt="o.a0" base="o"; else stmt="o.a0 = 1" base="x = 1"; fi
		ours=$("$py" -c "
import json, sys
d = json.load(open('/tmp/slotexplore-agree.$$'))
for s in d['series']:
    if s['kind'] == '$kind' and s['op'] == '$op':
        print('%.3f' % s['stats']['median'])")
		a=$(now)
		t_stmt=$(timeit_ns "$setup" "$stmt")
		t_base=$(timeit_ns "$setup" "$base")
		b=$(now)
		timeit_wall=$(calc "$timeit_wall + $b - $a")
		theirs=$(calc "$t_stmt - $t_base")
		ratio=$(calc "($theirs > 0) ? $ours / $theirs : 0")
		printf '%-16s %14.2f %14.2f %8.2f\n' "$kind $op" "$ours" "$theirs" "$ratio"
	done
done
printf 'wall time: slotexplore %.1f s (all four, budget %s s), timeit %.1f s (default runs)\n' \
	"$ours_wall" "$budget" "$timeit_wall"
echo "ratio = slotexplore / timeit; goal 0.90 .. 1.10. Sub-nanosecond differences of two"
echo "timings are noisy on a shared 2-core VM: read several runs before concluding."
rm -f /tmp/slotexplore-agree.$$
