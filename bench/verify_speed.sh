#!/bin/sh
# --verify's speed (#12 "Speed"), before and after batching: prints, for
# each interpreter, the seconds of the default grid (every kind, attrs
# 0..40) the old way and the new, the ratio, and the figure and mismatch
# counts. Asserts nothing: a loaded machine slows both sides alike, so read
# the ratio. Run from the build tree.
#
# "Before" is, when $BENCH_BEFORE names a slotexplore built from the commit
# before batching (e.g. an older build tree's), that binary's --verify with
# its own data directory ($BENCH_BEFORE_DATADIR, else its build tree's); otherwise
# the probe of $BENCH_BASE (default 0667a42, read with git) fed the old
# request stream, one 'measure ... count=1000' per setting, whose replies
# the old client compared one by one (comparing costs microseconds).
# "After" is this build's --verify with --probes 1 and with the default 2.
# BENCH_PYTHONS (default: python3 on PATH and every pyenv 3.8+), BENCH_ATTRS
# (default 0..40), BENCH_REPEAT (default 1: the best of N runs).
slot=./slotexplore
srcdir=${SRCDIR:-$(dirname "$0")/..}
attrs=${BENCH_ATTRS:-0..40}
repeat=${BENCH_REPEAT:-1}
base=${BENCH_BASE:-0667a42}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/slotexplore-vspeed.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

pythons=${BENCH_PYTHONS:-}
if [ -z "$pythons" ]; then
	pythons=$(command -v python3 2>/dev/null)
	root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-}")
	for p in "$root"/versions/3.*/bin/python3; do
		[ -x "$p" ] && "$p" -c 'import sys; sys.exit(sys.version_info < (3, 8))' 2>/dev/null &&
			pythons="$pythons $p"
	done
fi

old_probe=
if [ -z "${BENCH_BEFORE:-}" ]; then
	if git -C "$srcdir" show "$base:data/probe.py" > "$tmp/probe-before.py" 2>/dev/null; then
		old_probe=$tmp/probe-before.py
		# the old client's requests: every kind, then every count of the grid
		first=${attrs%%..*} last=${attrs##*..}
		for k in regular regular-external regular-dict dataclass slots slots-weakref \
			dataclass-slots dataclass-slots-weakref namedtuple typing-namedtuple tuple dict; do
			n=$first
			while [ "$n" -le "$last" ]; do
				echo "measure kind=$k attrs=$n values=none count=1000"
				n=$((n + 1))
			done
		done > "$tmp/requests"
		echo quit >> "$tmp/requests"
	else
		echo "no BENCH_BEFORE and no git history ($base): only 'after' is timed"
	fi
fi

# seconds COMMAND...: the best wall time of $repeat runs, and the CPU
# seconds (user + system, the probes included) of that run, as "WALL CPU";
# output in $tmp/out
seconds() {
	best= cpu=-
	i=0
	while [ $i -lt "$repeat" ]; do
		t0=$(date +%s.%N)
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" > "$tmp/out" 2>&1
		else
			"$@" > "$tmp/out" 2>&1
			echo "- -" > "$tmp/time"
		fi
		t1=$(date +%s.%N)
		read -r u s < "$tmp/time" || u=-
		line=$(awk -v a="$t0" -v b="$t1" -v best="$best" -v cpu="$cpu" -v u="$u" -v s="$s" \
			'BEGIN { d = b - a; if (best == "" || d < best + 0) { best = d; cpu = (u == "-" ? "-" : sprintf("%.2f", u + s)) }
			         printf "%.2f %s", best, cpu }')
		best=${line% *} cpu=${line#* }
		i=$((i + 1))
	done
	echo "$best $cpu"
}

summary() {
	sed -n 's/.*: \([0-9,]*\) settings, \([0-9,]*\) figures compared, \([0-9,]*\) mismatch.*/\2 figures, \3 mismatches/p' "$tmp/out" | tail -1
}

echo "--verify --attrs $attrs, every kind (best of $repeat; load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null))"
echo "wall seconds (CPU seconds, the probes included); ratio: before / probes=2, wall and CPU"
printf '%-36s %14s %14s %14s %12s  %s\n' interpreter before probes=1 probes=2 ratio "figures (after)"
for py in $pythons; do
	"$slot" --verify --python "$py" --kind slots --attrs 0 > /dev/null 2>&1 || {
		printf '%-36s skipped: %s\n' "$py" "$("$slot" --verify --python "$py" --kind slots --attrs 0 2>&1 | tail -1)"
		continue
	}
	if [ -n "${BENCH_BEFORE:-}" ]; then
		# its own data directory (its build tree's), not this one's probe
		before=$(seconds env -u SLOTEXPLORE_DATADIR ${BENCH_BEFORE_DATADIR:+SLOTEXPLORE_DATADIR="$BENCH_BEFORE_DATADIR"} \
			"$BENCH_BEFORE" --verify --python "$py" --attrs "$attrs")
		before_figures=$(summary)
	elif [ -n "$old_probe" ]; then
		before=$(seconds sh -c '"$1" -E -s "$2" < "$3"' sh "$py" "$old_probe" "$tmp/requests")
		before_figures=
	else
		before="- -" before_figures=
	fi
	one=$(seconds "$slot" --verify --python "$py" --attrs "$attrs" --probes 1)
	two=$(seconds "$slot" --verify --python "$py" --attrs "$attrs")
	figures=$(summary)
	ratio=$(awk -v a="$before" -v b="$two" 'BEGIN { split(a, x, " "); split(b, y, " ")
		if (x[1] == "-" || y[1] <= 0) w = "-"; else w = sprintf("%.1fx", x[1] / y[1])
		if (x[2] == "-" || y[2] == "-" || y[2] <= 0) c = "-"; else c = sprintf("%.1fx", x[2] / y[2])
		print w "/" c }')
	fmt() { echo "$1" | awk '{ printf "%ss (%s)", $1, $2 }'; }
	printf '%-36s %14s %14s %14s %12s  %s\n' "$py" "$(fmt "$before")" "$(fmt "$one")" "$(fmt "$two")" \
		"$ratio" "${figures:-(no summary)}${before_figures:+; before: $before_figures}"
done
