#!/bin/sh
# The model against today's CPythons, fetched from Debian's unstable suite by
# shared/tools/debian-python into a cache: 3.14 and 3.15 on this machine's
# architecture (the default --verify grid), and their 32-bit i386 and armhf
# builds under qemu-user-static on a small grid. Each fetch that cannot be
# made (no network, no qemu, no tool) skips with the reason.
#   SLOTEXPLORE_DEBIAN_PYTHON  the debian-python tool (default: ../shared/tools
#                              beside the source tree)
#   SLOTEXPLORE_PYTHON_CACHE   where fetched builds are kept (default
#                              $XDG_CACHE_HOME/slotexplore/pythons)
#   SLOTEXPLORE_LIVE_GRID=small  fewer attribute counts (CI's sanitizer and
#                              distcheck legs)
. "$TOP_SRCDIR/tests/lib.sh"
tool=${SLOTEXPLORE_DEBIAN_PYTHON:-$TOP_SRCDIR/../shared/tools/debian-python}
[ -x "$tool" ] || skip_all "no debian-python tool at $tool (set SLOTEXPLORE_DEBIAN_PYTHON)"
command -v apt-get >/dev/null 2>&1 || skip_all "apt-get is needed to fetch Debian's builds"
cache=${SLOTEXPLORE_PYTHON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/slotexplore/pythons}
mkdir -p "$cache" || skip_all "cannot create the cache $cache"
native=$(dpkg --print-architecture 2>/dev/null)
if [ "${SLOTEXPLORE_LIVE_GRID:-full}" = small ]; then
	native_grid=0..5,28..31
	qemu_grid=0,1,5,12
else
	native_grid=0..40
	qemu_grid=0..12
fi

# fetch VERSION ARCH: prints the interpreter's path, or nothing (and why on fd 3)
fetch() {
	dir="$cache/$1-$2"
	if [ -x "$dir/python$1" ] && "$dir/python$1" -c pass 2>/dev/null; then
		echo "$dir/python$1"
		return
	fi
	rm -rf "$dir"
	if out=$(timeout 300 "$tool" "$1" "$dir" sid "$2" 2>&1); then
		printf '%s\n' "$out" | tail -1
	else
		printf '%s\n' "$out" | tail -1 >&3
	fi
}

ran=0
for v in 3.14 3.15; do
	for arch in $native i386 armhf; do
		py=$(fetch "$v" "$arch" 3>"$TMP/why")
		if [ -z "$py" ]; then
			diag "skipped CPython $v $arch: could not fetch it ($(cat "$TMP/why"))"
			continue
		fi
		grid=$native_grid wait=10
		# under qemu (and a busy machine) a hello can take seconds: a longer leash
		[ "$arch" = "$native" ] || grid=$qemu_grid wait=60
		out=$("$SLOTEXPLORE" --verify --python "$py" --attrs "$grid" --timeout $wait 2>&1)
		st=$?
		summary=$(printf '%s\n' "$out" | tail -1)
		ok $st "CPython $v $arch, --attrs $grid: $summary"
		like "$summary" " 0 mismatches" "CPython $v $arch: 0 mismatches"
		figures=$(printf '%s\n' "$summary" | sed -n 's/.* \([0-9,]*\) figures compared.*/\1/p' | tr -d ,)
		ok $([ "${figures:-0}" -gt 0 ] && echo 0 || echo 1) "CPython $v $arch: figures were compared ($figures)"
		listed=$("$SLOTEXPLORE" --list-pythons --python "$py" --timeout $wait | head -2 | tail -1)
		like "$listed" " $v profile" "--list-pythons models CPython $v $arch with the $v profile"
		ran=$((ran + 1))
	done
done
[ $ran -gt 0 ] || skip_all "no Debian build could be fetched (network or tool unavailable)"
done_testing
