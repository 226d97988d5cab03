#!/bin/sh
# --object against every CPython 3.8+ found (find_pythons, and the fetched
# builds in $SLOTEXPLORE_PYTHON_CACHE): for each class of the example
# package, the model's rows for the class as it is and for the alternatives
# the probe builds equal what the probe measured, figure by figure.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
EX="$TOP_SRCDIR/tests/example"

# the classes, each built by one expression (one instance: measured exactly)
cat > specs <<'SPECS'
shop.models:User(1, "ann", "a@example.com")
shop.models:Address("1 rue Neuve", "Lyon", "69001")
shop.models:Point(1.5, 2.5)
shop.models:Coordinate(45.75, 4.85)
shop.models:Money(3, "EUR")
shop.models:Order(1, None)
shop.models:Basket(None)
shop.models:Counter("c")
shop.inventory:Book("b1", 12.0, "Title", "Author")
shop.inventory:Grocery("g1", 2.5, "2025-01-01")
shop.inventory:Record(1, "x" * 10)
shop.inventory:Listener([])
SPECS

# check.py: "compared N mismatches M" and the rows that differ, from the JSON
cat > check.py <<'PY'
import json, sys
d = json.load(sys.stdin)
c = d["check"]
rows = [d["as_it_is"]] + d["alternatives"]
bad = [r["layout"] for r in rows if r["measured"] and
       not (r["measured"]["getsizeof_matches"] and r["measured"]["requested_matches"]) and
       (r is not d["as_it_is"] or d["class"]["exactly_modelled"])]
print("compared %d mismatches %d %s %s" % (c["compared"], c["mismatches"], d["class"]["kind"],
                                           " ".join(bad)))
PY
echo 'import os, sys; print(os.path.realpath(sys.executable))' > executable.py

n=0
seen=""
for py in $(find_pythons; ls "${SLOTEXPLORE_PYTHON_CACHE:-/nonexistent}"/*/python3.* 2>/dev/null); do
	hello=$("$py" -E -s "$TOP_SRCDIR/data/probe.py" < /dev/null 2>/dev/null | head -1)
	version=$(printf '%s' "$hello" | sed -n 's/.* version=\([0-9.]*\) .*/\1/p')
	case $version in 3.[89].*|3.1[0-9].*) ;; *) continue ;; esac
	case $hello in *" debug=1"*) continue ;; esac
	real=$("$py" -E -s executable.py 2>/dev/null)
	case " $seen " in *" $real "*) continue ;; esac
	seen="$seen $real"
	n=$((n + 1))
	machine=$(printf '%s' "$hello" | sed -n 's/.* machine=\([^ ]*\).*/\1/p')
	wait=10 max=99
	# under qemu (another architecture) each run costs seconds: three classes
	[ "$machine" = "$(uname -m)" ] || wait=60 max=3
	i=0
	while IFS= read -r spec && [ $i -lt $max ]; do
		i=$((i + 1))
		out=$("$SLOTEXPLORE" --python "$py" --path "$EX" --timeout $wait --object "$spec" \
			--format json 2>err)
		st=$?
		ok $st "$version $machine: --object '$spec' ran ($(head -1 err))"
		[ $st -eq 0 ] || continue
		got=$(printf '%s\n' "$out" | python3 check.py 2>&1)
		like "$got" '^compared [1-9][0-9]* mismatches 0 ' "$version $machine ${spec%%(*}: $got"
	done < specs
done
[ $n -gt 0 ] || skip_all "no CPython 3.8+ found (PATH, pyenv root, \$SLOTEXPLORE_PYTHON_CACHE)"
diag "$n interpreters"
done_testing
