#!/bin/sh
# Regenerates the golden measurement tables: runs data/probe.py under every
# CPython 3.8+ found on PATH and under `pyenv root`, and saves each
# transcript as cpython-<version>[t]-<machine>[-debian].probe with its
# provenance (t: a free-threaded build; -debian: Debian's own build, e.g. one
# fetched by shared/tools/debian-python).
# Usage: tests/golden/make-golden.sh [PYTHON...]
# GOLDEN_GRID=small measures attribute counts 0..12, 28..31 and 43 only (for
# 32-bit builds run under qemu-user-static, which are ~20x slower).
# GOLDEN_SET=inheritance measures the inheritance kinds only (slots-subclass-dict
# ... dataclass-slots-subclass), at the default split and at others (base=K),
# into cpython-...-inheritance.probe; with GOLDEN_GRID=small, attrs 0..12.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
probe="$top/data/probe.py"

inheritance_requests() {
	kinds="slots-subclass-dict slots-subclass-slots slots-duplicate slots-dict regular-subclass-slots
dataclass-slots-subclass"
	if [ "${GOLDEN_GRID:-full}" = small ]; then
		grid="$(seq 0 12)"
		splits="1 2 5 9 12"
	else
		grid="$(seq 0 70) 80 100 128"
		splits="1 2 5 12 29 30 31 40 59 60 61"
	fi
	for k in $kinds; do
		for n in $grid; do
			echo "measure kind=$k attrs=$n values=none count=1000"
		done
		for n in $splits; do
			for b in 0 1 $((n / 3)) $((n - 1)) $n; do echo "$b"; done | sort -un | while read -r b; do
				echo "measure kind=$k attrs=$n base=$b values=none count=1000"
			done
		done
		for n in 1 5 12; do
			for v in smallint int:64 float str:10 str:10:ucs2 int:64,shared; do
				echo "measure kind=$k attrs=$n values=$v count=1000"
			done
		done
	done
	echo quit
}

requests() {
	if [ "${GOLDEN_SET:-}" = inheritance ]; then inheritance_requests; return; fi
	kinds="regular regular-external regular-dict dataclass slots slots-weakref dataclass-slots
dataclass-slots-weakref namedtuple typing-namedtuple tuple dict"
	if [ "${GOLDEN_GRID:-full}" = small ]; then
		grid="$(seq 0 12) 28 29 30 31 43"
	else
		grid="$(seq 0 70) 80 100 128"
	fi
	for k in $kinds; do
		for n in $grid; do
			echo "measure kind=$k attrs=$n values=none count=1000"
		done
	done
	for k in regular slots namedtuple dict; do
		for n in 0 1 5 29 30 40; do
			for v in smallint int:20 int:64 int:200 float str:10 str:10:latin1 str:10:ucs2 \
				str:10:ucs4 str:10,shared int:64,shared; do
				echo "measure kind=$k attrs=$n values=$v count=1000"
			done
		done
	done
	for k in regular regular-external regular-dict dataclass; do
		for n in 0 1 5 8 28 29 30 31 43; do
			echo "warmup kind=$k attrs=$n values=none count=40"
		done
	done
	echo quit
}

candidates() {
	if [ $# -gt 0 ]; then printf '%s\n' "$@"; return; fi
	for name in python3 python3.8 python3.9 python3.10 python3.11 python3.12 python3.13 python3.14 \
		python3.14t python3.15; do
		command -v "$name" 2>/dev/null || true
	done
	root=""
	if command -v pyenv >/dev/null 2>&1; then root=$(pyenv root); fi
	[ -n "$root" ] || root=${PYENV_ROOT:-}
	if [ -n "$root" ]; then
		for p in "$root"/versions/*/bin/python3; do [ -x "$p" ] && echo "$p"; done
	fi
}

requests > "${TMPDIR:-/tmp}/golden-requests.$$"
seen=""
for py in $(candidates "$@" | awk '!seen[$0]++'); do
	hello=$("$py" -E -s "$probe" < /dev/null 2>/dev/null | head -1) || continue
	version=$(echo "$hello" | sed -n 's/.* version=\([^ ]*\).*/\1/p')
	machine=$(echo "$hello" | sed -n 's/.* machine=\([^ ]*\).*/\1/p')
	executable=$(echo "$hello" | sed -n 's/.* executable=\([^ ]*\).*/\1/p')
	case $version in 3.[89].* | 3.1[0-9].*) ;; *) echo "skip $py ($version)"; continue ;; esac
	case $hello in *" gil=0"*) version="${version}t" ;; esac
	case " $seen " in *" $version-$machine "*) echo "skip $py ($version again)"; continue ;; esac
	seen="$seen $version-$machine"
	suffix=""
	case $executable in /usr/bin/* | */root/usr/bin/*) suffix="-debian" ;; esac
	[ "${GOLDEN_SET:-}" != inheritance ] || suffix="$suffix-inheritance"
	out="$here/cpython-$version-$machine$suffix.probe"
	started=$(date +%s)
	{
		echo "# golden measurements for slotexplore's model"
		echo "# measured by data/probe.py protocol 1 on $(date -u +%Y-%m-%d)"
		echo "# interpreter: $py"
		echo "# platform: $("$py" -c 'import platform; print(platform.platform())')"
		echo "# command: ${GOLDEN_GRID:+GOLDEN_GRID=$GOLDEN_GRID }${GOLDEN_SET:+GOLDEN_SET=$GOLDEN_SET }tests/golden/make-golden.sh $py"
		[ -z "${GOLDEN_SOURCE:-}" ] || echo "# source: $GOLDEN_SOURCE"
		"$py" -E -s "$probe" < "${TMPDIR:-/tmp}/golden-requests.$$"
	} > "$out.tmp"
	mv "$out.tmp" "$out"
	echo "wrote $out ($(($(date +%s) - started)) s)"
done
rm -f "${TMPDIR:-/tmp}/golden-requests.$$"
