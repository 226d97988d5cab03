#!/bin/sh
# The layers of doc/ARCHITECTURE.md, checked on the includes of src/:
# each folder includes only the folders below it, curses and readline are
# included only in tui/, and no header includes itself through others.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TOP_SRCDIR/src" || exit 1

# folder: the folders its files may include (besides its own)
allowed() {
	case $1 in
	core) echo "" ;;
	output) echo "core" ;;
	session) echo "core output" ;;
	cmd) echo "core output session" ;;
	render) echo "core output session" ;;
	cli) echo "core output" ;;
	tui) echo "core output session cmd render cli" ;;
	modes) echo "core output session cmd render cli" ;;
	main) echo "core cli modes tui" ;;
	*) echo "?" ;;
	esac
}

files=$(find . -name '*.[ch]' | sed 's|^\./||' | sort)
bad=0 n=0
for f in $files; do
	case $f in */*) dir=${f%%/*} ;; *) dir=main ;; esac
	for target in $(sed -n 's/^#include "\([a-z_]*\)\/[^"]*".*/\1/p' "$f" | sort -u); do
		[ "$target" = "$dir" ] && continue
		n=$((n + 1))
		case " $(allowed "$dir") " in
		*" $target "*) ;;
		*)
			# the explorer mode is the one mode that starts the curses front end
			[ "$f" = modes/explorer.c ] && [ "$target" = tui ] && continue
			bad=$((bad + 1))
			diag "$f includes $target/ (a $dir/ file may include: $(allowed "$dir"))" ;;
		esac
	done
done
ok $bad "every cross-folder include goes down the layers ($n checked, $bad not)"

found=$(grep -ln '#include <\(n\)\{0,1\}curses\(w/\)\{0,1\}[a-z]*\.h>\|#include <readline/' $files |
	grep -v '^tui/')
is "$found" "" "curses and readline are included only in tui/"
found=$(grep -ln '#include "tui/' $files | grep -v '^tui/\|^main\.c$\|^modes/explorer\.c$')
is "$found" "" "tui/ is included only by tui/, main.c and modes/explorer.c"

# no include cycle among the files: depth-first over "A includes B"
for f in $files; do
	sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
		[ -f "$inc" ] && echo "$f $inc"
	done
done > "$TMP/edges"
cycle=$(awk '
	{ out[$1] = out[$1] " " $2; nodes[$1] = 1; nodes[$2] = 1 }
	function visit(v,    i, n, list, w) {
		state[v] = 1; path[++depth] = v
		n = split(out[v], list, " ")
		for (i = 1; i <= n; i++) {
			w = list[i]
			if (state[w] == 1) { found = found " " w " <- " v; continue }
			if (state[w] == 0) visit(w)
		}
		state[v] = 2; depth--
	}
	END { for (v in nodes) if (!state[v]) visit(v); print found }' "$TMP/edges")
is "$(echo $cycle)" "" "no include cycle among the files of src/"
# and none among the folders, taken whole
awk '{ split($1, a, "/"); split($2, b, "/"); da = a[2] ? a[1] : "main"; db = b[2] ? b[1] : "main";
	if (da != db) print da, db }' "$TMP/edges" | sort -u > "$TMP/folders"
fcycle=$(awk '
	{ out[$1] = out[$1] " " $2; nodes[$1] = 1; nodes[$2] = 1 }
	function visit(v,    i, n, list, w) {
		state[v] = 1
		n = split(out[v], list, " ")
		for (i = 1; i <= n; i++) {
			w = list[i]
			if (state[w] == 1) { found = found " " w " <- " v; continue }
			if (state[w] == 0) visit(w)
		}
		state[v] = 2
	}
	END { for (v in nodes) if (!state[v]) visit(v); print found }' "$TMP/folders")
is "$(echo $fcycle)" "" "no cycle among the folders ($(wc -l < "$TMP/folders" | tr -d ' ') folder edges)"
lines=$(wc -l < main.c | tr -d ' ')
ok $([ "$lines" -le 160 ] && echo 0 || echo 1) "main.c is a dispatcher ($lines lines)"
[ -f "$TOP_SRCDIR/doc/ARCHITECTURE.md" ]; ok $? "doc/ARCHITECTURE.md exists"
for d in core output session cmd render cli tui modes; do
	grep -q "^| \`$d/\`" "$TOP_SRCDIR/doc/ARCHITECTURE.md"; ok $? "doc/ARCHITECTURE.md describes $d/"
done
done_testing
