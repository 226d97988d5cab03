#!/bin/sh
# --census against every CPython 3.8+ found (find_pythons, and Debian's 3.14
# and 3.15 fetched by shared/tools/debian-python into the cache live_debian.t
# uses; each fetch that cannot be made is skipped with its reason): the
# counts of shop.workload:load_fixtures(200) are what it built, 200 of each
# of its nine classes, and the model's saving is that interpreter's.
#   SLOTEXPLORE_DEBIAN_PYTHON, SLOTEXPLORE_PYTHON_CACHE: as in live_debian.t
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
EX="$TOP_SRCDIR/tests/example"
tool=${SLOTEXPLORE_DEBIAN_PYTHON:-$TOP_SRCDIR/../shared/tools/debian-python}
cache=${SLOTEXPLORE_PYTHON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/slotexplore/pythons}
native=$(dpkg --print-architecture 2>/dev/null)

# debian VERSION: the fetched interpreter's path, or nothing (why on stderr)
debian() {
	dir="$cache/$1-$native"
	if [ -x "$dir/python$1" ] && "$dir/python$1" -c pass 2>/dev/null; then
		echo "$dir/python$1"
		return
	fi
	[ -x "$tool" ] || { echo "no debian-python tool at $tool" >&2; return; }
	[ -n "$native" ] && command -v apt-get >/dev/null 2>&1 || { echo "no apt-get" >&2; return; }
	mkdir -p "$cache" 2>/dev/null || { echo "cannot create $cache" >&2; return; }
	rm -rf "$dir"
	if out=$(timeout 300 "$tool" "$1" "$dir" unstable 2>&1); then
		printf '%s\n' "$out" | tail -1
	else
		printf '%s\n' "$out" | tail -1 >&2
	fi
}

pythons=$(find_pythons)
for v in 3.14 3.15; do
	py=$(debian "$v" 2>"$TMP/why")
	if [ -n "$py" ]; then
		pythons="$pythons
$py"
	else
		diag "no Debian CPython $v: $(cat "$TMP/why")"
	fi
done

echo 'import os, sys; print(os.path.realpath(sys.executable))' > executable.py
n=0
seen=""
for py in $pythons; do
	hello=$("$py" -E -s "$TOP_SRCDIR/data/probe.py" < /dev/null 2>/dev/null | head -1)
	version=$(printf '%s' "$hello" | sed -n 's/.* version=\([0-9.]*\) .*/\1/p')
	case $version in 3.[89].* | 3.1[0-9].*) ;; *) continue ;; esac
	case $hello in *" debug=1"*) continue ;; esac
	real=$("$py" -E -s executable.py 2>/dev/null)
	case " $seen " in *" $real "*) continue ;; esac
	seen="$seen $real"
	n=$((n + 1))
	"$SLOTEXPLORE" --no-config --python "$py" --path "$EX" --census 'shop.workload:load_fixtures(200)' \
		--format csv > c.csv 2> err
	ok $? "$py ($version): --census of the example's workload"
	for class in User Order Order.Line Address Point Book Grocery Record Listener; do
		got=$(awk -F, -v c="\"$class\"" '$2 == c { print $6 }' c.csv)
		is "$got" 200 "$py ($version): $class counted 200 times"
	done
	is "$(($(wc -l < c.csv) - 1))" 9 "$py ($version): nine classes, no other"
	mm=$(printf '%s' "$version" | cut -d. -f1,2)
	case $hello in *" gil=0"*) mm="${mm}t" ;; esac
	want=$("$SLOTEXPLORE" --no-config --batch --attrs 5 --kind regular --kind slots --format csv \
		--python-version "$mm" 2>/dev/null |
		awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } NR > 1 { b[NR] = $col["allocated"] } END { print b[2] - b[3] }')
	got=$(awk -F, '$2 == "\"User\"" { print $21 }' c.csv)
	is "$got" "$want" "$py ($version): User saves the model's $want B per instance"
done
[ "$n" -gt 0 ] || skip_all "no CPython 3.8+ found (PATH, pyenv root, Debian's builds)"
diag "interpreters that ran the census: $n"
done_testing
