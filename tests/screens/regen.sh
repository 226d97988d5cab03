#!/bin/sh
# Rewrites the expected screens from the current renderer. Read the diff
# before committing: these files are what the tests hold the screen to.
# Usage (from the build tree): tests/screens/regen.sh
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
export SLOTEXPLORE_DATADIR="$top/data" LC_ALL=C.UTF-8
grep -v '^#' "$here/scenarios" | while IFS='|' read -r name args; do
	name=$(echo $name)
	args=$(printf '%s' "$args" | sed "s|@srcdir@|$top|g")
	# shellcheck disable=SC2086
	./tests/screen_check $args > "$here/$name.txt" || echo "failed: $name" >&2
done
