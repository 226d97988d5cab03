#!/bin/sh
# --verify with a value per attribute against every modelled CPython found:
# real instances built with each attribute's own value match the model.
# Skips when there is none.
. "$TOP_SRCDIR/tests/lib.sh"
# (the system's python3 too, which pyenv's shims hide on PATH; each
# executable once)
pythons=$({ find_pythons; echo /usr/bin/python3; } | while read -r p; do
	[ -x "$p" ] && echo "$(readlink -f "$p") $p"
done | awk '!seen[$1]++ { print $2 }' | while read -r p; do
	"$p" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 14) else 1)' \
		2>/dev/null && echo "$p"
done)
[ -n "$pythons" ] || skip_all "no CPython 3.8 to 3.14 on PATH or under pyenv root"
for py in $pythons; do
	diag "interpreter: $py"
	out=$("$SLOTEXPLORE" --verify --python "$py" --values int:30,str:12,str:40:ucs2,float,none \
		--attrs 5 2>&1)
	ok $? "$py: --verify with five values for five attributes exits 0"
	like "$out" "settings, .* figures compared, 0 mismatches" "$py: 0 mismatches"
	out=$("$SLOTEXPLORE" --verify --python "$py" --kind all \
		--values int:30,shared,str:12,smallint,float,none,str:7:latin1,... --attrs 0,3,9,31 2>&1)
	ok $? "$py: --verify --kind all with a list ending in ... exits 0"
	like "$out" "settings, .* figures compared, 0 mismatches" "$py: 0 mismatches"
done
done_testing
