#!/bin/sh
# The model against every CPython 3.8+ on this machine, live: data/probe.py
# runs under each interpreter found on PATH and under `pyenv root`, and
# tests/golden_check compares each transcript with the model.
# SLOTEXPLORE_LIVE_GRID=small measures fewer attribute counts (CI's
# sanitizer and distcheck legs); the default is N = 0..70 for every kind.
. "$TOP_SRCDIR/tests/lib.sh"
PROBE="$TOP_SRCDIR/data/probe.py"

kinds="regular regular-external regular-dict dataclass slots slots-weakref dataclass-slots
dataclass-slots-weakref namedtuple typing-namedtuple tuple dict"
if [ "${SLOTEXPLORE_LIVE_GRID:-full}" = small ]; then
	grid="0 1 5 8 28 29 30 31 43 70"
	count=200
else
	grid=$(seq 0 70)
	count=1000
fi

requests() {
	for k in $kinds; do
		for n in $grid; do echo "measure kind=$k attrs=$n values=none count=$count"; done
	done
	for k in regular slots namedtuple dict; do
		for n in 1 5 30; do
			for v in smallint int:64 float str:10 str:10:ucs2 int:64,shared; do
				echo "measure kind=$k attrs=$n values=$v count=$count"
			done
		done
	done
	for k in regular regular-external regular-dict dataclass; do
		for n in 0 5 29 30; do echo "warmup kind=$k attrs=$n values=none count=40"; done
	done
	echo quit
}
requests > "$TMP/requests"

used="" seen="" i=0
for py in $(find_pythons); do
	# the hello line says what the interpreter is; old or unsupported
	# interpreters are named and left out
	hello=$(timeout 20 "$py" "$PROBE" < /dev/null 2>/dev/null | head -1)
	case $hello in
	"hello protocol=1 "*) ;;
	*) diag "skipping $py: it did not answer as a probe"; continue ;;
	esac
	version=$(printf '%s\n' "$hello" | sed -n 's/.* version=\([^ ]*\).*/\1/p')
	impl=$(printf '%s\n' "$hello" | sed -n 's/.* impl=\([^ ]*\).*/\1/p')
	case $impl:$version in
	cpython:3.[89].* | cpython:3.1[0-9].*) ;;
	*) diag "skipping $py: $impl $version is not modelled (CPython 3.8+ only)"; continue ;;
	esac
	case $hello in
	*" debug=1"*) diag "skipping $py: a debug build (not modelled)"; continue ;;
	esac
	case $hello:$version in
	*" gil=0"*:3.14.*) ;;
	*" gil=0"*) diag "skipping $py: free-threaded $version (only 3.14t is modelled)"; continue ;;
	esac
	key="$version $(printf '%s\n' "$hello" | sed -n 's/.* abi=\([^ ]*\).*/\1/p')"
	case "|$seen|" in *"|$key|"*) continue ;; esac
	seen="$seen|$key"
	i=$((i + 1))
	if timeout 600 "$py" "$PROBE" < "$TMP/requests" > "$TMP/live-$i.probe" 2> "$TMP/live-$i.err"; then
		used="$used $TMP/live-$i.probe"
		diag "interpreter $i: $py (CPython $version)"
	else
		diag "probe failed under $py:"
		sed 's/^/#   /' "$TMP/live-$i.err" | tail -5
		echo "not ok 1 - probe runs under $py"
		echo "1..1"
		exit 1
	fi
done
[ -n "$used" ] || skip_all "no CPython 3.8+ found on PATH or under pyenv root"
# shellcheck disable=SC2086
"$TOP_BUILDDIR/tests/golden_check" $used
