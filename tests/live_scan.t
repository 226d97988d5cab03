#!/bin/sh
# --scan against CPython itself: on every 3.13+ interpreter found
# (find_pythons, and the fetched builds in $SLOTEXPLORE_PYTHON_CACHE), the
# attribute sets the scan reads from the source (nothing imported) equal
# __static_attributes__ of the same classes imported, for the example
# package and for a few packages of that interpreter's standard library.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
EX="$TOP_SRCDIR/tests/example"

# compare.py PYTHONPATH MODULE-ROOT < scan.json: imports each scanned module
# (the file's path under MODULE-ROOT gives its name), finds each class by
# its qualified name and prints "checked N" and one "mismatch" line per
# class whose __static_attributes__ differs
cat > compare.py <<'EOF'
import importlib, json, os, sys
sys.path.insert(0, sys.argv[1])
root = os.path.realpath(sys.argv[2])
data = json.load(sys.stdin)
checked = 0
for c in data["classes"]:
    if c["kind"] in ("namedtuple", "typing-namedtuple") or "<locals>" in c["name"]:
        continue
    rel = os.path.relpath(os.path.realpath(c["file"]), root)
    if rel.startswith(".."):
        continue
    mod = rel[:-3].replace(os.sep, ".")
    if mod.endswith(".__init__"):
        mod = mod[:-9]
    try:
        obj = importlib.import_module(mod)
        for part in c["name"].split("."):
            obj = getattr(obj, part)
    except Exception:
        continue
    if not isinstance(obj, type) or obj.__qualname__ != c["name"] or \
            getattr(obj, "__module__", None) != mod or "__static_attributes__" not in obj.__dict__:
        continue   # rebound, generated or not this class
    checked += 1
    want = sorted(obj.__static_attributes__)
    got = sorted(c["static_attributes"])
    if want != got:
        print("mismatch %s:%s %s: scan %s, __static_attributes__ %s" % (
            c["file"], c["line"], c["name"], got, want))
print("checked %d" % checked)
EOF

echo 'import os, sys; print(os.path.realpath(sys.executable))' > executable.py
echo 'import os, json; print(os.path.dirname(os.path.dirname(json.__file__)))' > stdlib.py
n=0
seen=""
for py in $(find_pythons; ls "${SLOTEXPLORE_PYTHON_CACHE:-/nonexistent}"/*/python3.* 2>/dev/null); do
	hello=$("$py" -E -s "$TOP_SRCDIR/data/probe.py" < /dev/null 2>/dev/null | head -1)
	version=$(printf '%s' "$hello" | sed -n 's/.* version=\([0-9.]*\) .*/\1/p')
	case $version in 3.1[3-9].*) ;; *) continue ;; esac
	case $hello in *" debug=1"*) continue ;; esac
	real=$("$py" -E -s executable.py 2>/dev/null)
	case " $seen " in *" $real "*) continue ;; esac
	seen="$seen $real"
	n=$((n + 1))
	"$SLOTEXPLORE" --no-config --python "$py" --scan "$EX" --format json > ex.json 2> err
	ok $? "$py ($version): --scan of the example package"
	out=$("$py" -E -s -B compare.py "$EX" "$EX" < ex.json 2>&1)
	is "$(printf '%s\n' "$out" | grep -c '^mismatch')" 0 "$py: the example's attribute sets equal __static_attributes__"
	printf '%s\n' "$out" | grep '^mismatch' | head -5 | sed 's/^/# /'
	checked=$(printf '%s\n' "$out" | sed -n 's/^checked //p')
	ok $([ "${checked:-0}" -ge 12 ] && echo 0 || echo 1) "$py: $checked classes of the example compared"
	# the standard library: source the interpreter itself compiled
	lib=$("$py" -E -s stdlib.py)
	paths=""
	for p in json email logging http concurrent argparse.py dataclasses.py fractions.py \
		pathlib inspect.py; do
		[ -e "$lib/$p" ] && paths="$paths --scan $lib/$p"
	done
	# shellcheck disable=SC2086
	"$SLOTEXPLORE" --no-config --python "$py" $paths --format json > lib.json 2> err
	ok $? "$py: --scan of part of its standard library"
	out=$("$py" -E -s -B compare.py "$lib" "$lib" < lib.json 2>&1)
	mism=$(printf '%s\n' "$out" | grep -c '^mismatch')
	checked=$(printf '%s\n' "$out" | sed -n 's/^checked //p')
	is "$mism" 0 "$py: $checked standard-library classes: the attribute sets equal __static_attributes__"
	printf '%s\n' "$out" | grep '^mismatch' | head -5 | sed 's/^/# /'
	ok $([ "${checked:-0}" -ge 50 ] && echo 0 || echo 1) "$py: at least 50 of them were compared ($checked)"
done
[ "$n" -gt 0 ] || skip_all "no CPython 3.13+ found (PATH, pyenv root, \$SLOTEXPLORE_PYTHON_CACHE): __static_attributes__ is new in 3.13"
diag "interpreters compared with __static_attributes__: $n"
done_testing
