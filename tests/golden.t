#!/bin/sh
# The model against the committed golden tables: real measurements taken by
# data/probe.py (tests/golden/*.probe) and the spec's measured tables for the
# versions and ABIs with no interpreter here (tests/golden/spec/*.probe).
. "$TOP_SRCDIR/tests/lib.sh"
set -- "$TOP_SRCDIR"/tests/golden/*.probe "$TOP_SRCDIR"/tests/golden/spec/*.probe
[ -e "$1" ] || skip_all "no golden tables under tests/golden"
rm -rf "$TMP"
exec "$TOP_BUILDDIR/tests/golden_check" "$@"
