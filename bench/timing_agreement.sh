#!/bin/sh
# Agreement check (issues #6 and #14): slotexplore's per-statement times
# (its baseline not subtracted: the figure timeit and pyperf report) against
# `python -m timeit`, and pyperf's `timeit` when pyperf is importable, on the
# very statements the probe timed (read back from its JSON), unrolled 100
# times as the probe does, medians against medians. Then the net figures,
# with two checks that would have caught the old mismatched baselines:
#   - a negative net median (the read baseline "o" was heavier than "o.a0"
#     on 3.12+: reads came out at -4 .. -0.7 ns);
#   - a baseline that loads no ordinary object while its statement does
#     (the write baseline "x = v", v the small int 1, which 3.12+ never
#     counts: writes came out at 6-10 ns, mostly reference counting);
# and a control row: what one such statement costs on this version with an
# ordinary object and with the small int.
# Prints figures; asserts nothing. Also prints the budget used.
# Usage: bench/timing_agreement.sh [PYTHON...]   (from the build tree)
#   TIMING_BUDGET=SECONDS (default 10); PYPERF_PATH=DIR puts a pyperf source
#   tree on PYTHONPATH for the pyperf column.
slot=./slotexplore
budget=${TIMING_BUDGET:-10}
[ $# -gt 0 ] || set -- "$(command -v python3)"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/slotexplore-agree.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }

for py in "$@"; do
[ -x "$py" ] || { echo "timing agreement: no $py; skipped"; continue; }
version=$("$py" -c 'import sys; print(sys.version.split()[0])')
echo "== timing agreement, CPython $version ($py), 5 attributes, load $(cut -d' ' -f1 /proc/loadavg)"
t0=$(now)
"$slot" --measure --python "$py" --measure-time "$budget" --op read --op write --format json \
	> "$tmp/ours.json" || { echo "slotexplore --measure failed"; continue; }
ours_wall=$(calc "$(now) - $t0")
have_pyperf=no
if PYTHONPATH="${PYPERF_PATH:-}" "$py" -c 'import pyperf' 2>/dev/null; then have_pyperf=yes; fi

# one line per series: kind op statement|baseline|per-stmt|baseline-median|net
"$py" - "$tmp/ours.json" > "$tmp/series" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("budget %s %s %d" % (d["seconds"], d["budget_s"], d["processes"]))
for s in d["series"]:
    st = s.get("stats")
    if not st:
        continue
    print("|".join([s["kind"], s["op"], s["statement"], s["baseline_statement"],
                    "%.4f" % st["per_statement_median"], "%.4f" % st["baseline_median"],
                    "%.4f" % st["median"]]))
PY
set -- $(head -1 "$tmp/series")
printf 'budget: %.1f s used of %s s (%.0f%%), %s processes\n' "$2" "$3" "$(calc "100 * $2 / $3")" "$4"

setup() { # KIND: the probe's objects: every attribute and w one ordinary object
	if [ "$1" = slots ]; then
		printf 'class C:\n    __slots__ = ("a0", "a1", "a2", "a3", "a4")\n'
	else
		printf 'class C:\n    pass\n'
	fi
	printf 'w = object()\no = C()\nfor i in range(5): setattr(o, "a%%d" %% i, w)\nv = 1\nx = None\n'
}
# median ns per statement from timeit -v (7 repeats of N loops of 100 statements).
# The 100 copies go as 100 arguments, one line each, as the probe and pyperf's
# --duplicate write them: joined on one line with "; ", CPython 3.13 fuses
# them into superinstructions (STORE_FAST_LOAD_FAST forms only within a line)
# and "x = o" costs about 0.8 ns less, which once read as our excess.
timeit_ns() {
	_setup=$1 _stmt=$2
	set --
	while [ $# -lt 100 ]; do set -- "$@" "$_stmt"; done
	"$py" -m timeit -v -r 7 -s "$_setup" "$@" | awk '
		function ns(v, u) { return v * (u ~ /^nsec/ ? 1 : u ~ /^usec/ ? 1e3 : u ~ /^msec/ ? 1e6 : 1e9) }
		/^raw times:/ { sub(/^raw times: */, ""); n = split($0, parts, /, */)
			for (i = 1; i <= n; i++) { split(parts[i], f, " "); raw[i] = ns(f[1], f[2]) } }
		/ loops, best of / { loops = $1 }
		END { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
				if (raw[j] < raw[i]) { t = raw[i]; raw[i] = raw[j]; raw[j] = t }
			med = n % 2 ? raw[(n + 1) / 2] : (raw[n / 2] + raw[n / 2 + 1]) / 2
			printf "%.4f\n", med / loops / 100 }'
}
pyperf_ns() { # pyperf timeit --fast, the statement duplicated 100 times: median, ns
	PYTHONPATH="${PYPERF_PATH:-}" "$py" -m pyperf timeit --fast -q -s "$1" --duplicate 100 \
		-o "$tmp/pp.json" "$2" >/dev/null 2>&1 || { echo "-"; return; }
	PYTHONPATH="${PYPERF_PATH:-}" "$py" -c 'import pyperf, sys
print("%.4f" % (pyperf.Benchmark.load(sys.argv[1]).median() * 1e9))' "$tmp/pp.json"
	rm -f "$tmp/pp.json"
}
ordinary() { # a statement loads an ordinary object: o or w (not v, the small int)
	printf '%s' "$1" | grep -q '\<[ow]\>'
}

printf '\n%-24s %9s %9s %7s %9s %7s\n' "per statement, ns" "ours" "timeit" "ratio" "pyperf" "ratio"
timeit_wall=0
tail -n +2 "$tmp/series" > "$tmp/rows"
while IFS='|' read -r kind op stmt base raw braw net; do
	s=$(setup "$kind")
	a=$(now)
	t_stmt=$(timeit_ns "$s" "$stmt")
	t_base=$(timeit_ns "$s" "$base")
	timeit_wall=$(calc "$timeit_wall + $(now) - $a")
	p_stmt=-; p_base=-
	if [ $have_pyperf = yes ]; then p_stmt=$(pyperf_ns "$s" "$stmt"); p_base=$(pyperf_ns "$s" "$base"); fi
	for which in stmt base; do
		if [ $which = stmt ]; then o=$raw t=$t_stmt p=$p_stmt label="$kind $op: $stmt"
		else o=$braw t=$t_base p=$p_base label="  baseline: $base"; fi
		pp=-; pr=-
		if [ "$p" != - ]; then pp=$(printf '%.2f' "$p"); pr=$(printf '%.2f' "$(calc "$o / $p")"); fi
		printf '%-24.24s %9.2f %9.2f %7.2f %9s %7s\n' "$label" "$o" "$t" "$(calc "$o / $t")" "$pp" "$pr"
	done
	echo "$kind|$op|$stmt|$base|$net|$(calc "$t_stmt - $t_base")" >> "$tmp/nets"
done < "$tmp/rows"

printf '\n%-24s %9s %9s   %s\n' "net (statement - baseline)" "ours" "timeit" "checks"
while IFS='|' read -r kind op stmt base net tnet; do
	flags=""
	awk "BEGIN { exit !($net < 0 || $tnet < 0) }" && flags="$flags NEGATIVE: the baseline is heavier than the statement;"
	if ordinary "$stmt" && ! ordinary "$base"; then
		flags="$flags MISMATCH: the baseline loads no ordinary object, its statement does;"
	fi
	printf '%-24s %9.2f %9.2f   %s\n' "$kind $op" "$net" "$tnet" "${flags:-ok}"
done < "$tmp/nets"
rm -f "$tmp/nets"
# the control row: one statement on an ordinary object and on the small int
s=$(setup regular)
c_w=$(timeit_ns "$s" "x = w")
c_v=$(timeit_ns "$s" "x = v")
printf '\ncontrol: "x = w" (an ordinary object) %.2f ns, "x = v" (the small int 1) %.2f ns per statement\n' "$c_w" "$c_v"
echo "  (a baseline must carry the same traffic as its statement: on 3.12+ the small int is not counted)"
printf 'wall time: slotexplore %.1f s (budget %s s), timeit %.1f s (-r 7 runs of 8 statements)\n' \
	"$ours_wall" "$budget" "$timeit_wall"
[ $have_pyperf = yes ] || echo "pyperf is not importable here (PYPERF_PATH=DIR to add a source tree): its column is -"
echo "ratio = slotexplore / the other tool, per statement; goal 0.90 .. 1.10. Sub-nanosecond"
echo "differences are noisy on a shared 2-core machine: read several runs before concluding."
done
