#!/bin/sh
# Regenerates the committed trade-offs tables (data/tradeoffs/*.txt): runs
# data/tradeoffs.py under every CPython 3.8+ given, or found on PATH and
# under `pyenv root`, and saves each transcript as
# cpython-<version>[t]-<machine>[-debian].txt with its provenance. The
# explorer and --tradeoffs show these where no interpreter runs.
# Usage: tests/golden/make-tradeoffs.sh [PYTHON...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
script="$top/data/tradeoffs.py"
out_dir="$top/data/tradeoffs"

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

seen=""
for py in $(candidates "$@" | awk '!seen[$0]++'); do
	hello=$("$py" -E -s "$top/data/probe.py" < /dev/null 2>/dev/null | head -1) || continue
	version=$(echo "$hello" | sed -n 's/.* version=\([^ ]*\).*/\1/p')
	machine=$(echo "$hello" | sed -n 's/.* machine=\([^ ]*\).*/\1/p')
	executable=$(echo "$hello" | sed -n 's/.* executable=\([^ ]*\).*/\1/p')
	case $version in 3.[89].* | 3.1[0-9].*) ;; *) echo "skip $py ($version)"; continue ;; esac
	case $hello in *" gil=0"*) version="${version}t" ;; esac
	case " $seen " in *" $version-$machine "*) echo "skip $py ($version again)"; continue ;; esac
	seen="$seen $version-$machine"
	suffix=""
	case $executable in /usr/bin/* | */root/usr/bin/*) suffix="-debian" ;; esac
	out="$out_dir/cpython-$version-$machine$suffix.txt"
	{
		echo "# what each kind can and cannot do, for slotexplore's trade-offs view"
		echo "# measured by data/tradeoffs.py on $(date -u +%Y-%m-%d)"
		echo "# interpreter: $py"
		echo "# platform: $("$py" -c 'import platform; print(platform.platform())')"
		echo "# command: tests/golden/make-tradeoffs.sh $py"
		"$py" -E -s "$script"
	} > "$out.tmp"
	tail -1 "$out.tmp" | grep -qx done || { echo "$py: no 'done' line" >&2; rm -f "$out.tmp"; exit 1; }
	mv "$out.tmp" "$out"
	echo "wrote $out"
done
