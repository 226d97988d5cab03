#!/bin/sh
# Memory checks with valgrind: a batch run, scripts, --load, and headless
# explorer runs must have no errors and no definite or indirect leaks.
# Skips without valgrind, and in sanitizer builds (ASan and valgrind do not mix).
. "$TOP_SRCDIR/tests/lib.sh"
command -v valgrind >/dev/null 2>&1 || skip_all "valgrind is not installed (apt-get install valgrind)"
[ "${SANITIZED:-no}" = no ] || skip_all "a sanitizer build: ASan and valgrind do not mix"
export XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state"
VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
--errors-for-leak-kinds=definite,indirect --error-exitcode=99"
check() { # check DESCRIPTION COMMAND...
	what=$1
	shift
	# shellcheck disable=SC2086
	$VG "$@" > "$TMP/out" 2> "$TMP/vg"
	status=$?
	if [ $status -ne 99 ] && ! grep -q "ERROR SUMMARY: [1-9]" "$TMP/vg"; then
		ok 0 "valgrind clean: $what"
	else
		ok 1 "valgrind clean: $what"
		sed 's/^/#   /' "$TMP/vg" | head -30
	fi
}
check "--batch" "$SLOTEXPLORE" --batch --no-python --attrs 30 --instances 1M
check "--batch --format json --breakdown" "$SLOTEXPLORE" --batch --no-python --format json
check "--seed-report" "$SLOTEXPLORE" --seed-report
check "-c with compare, seed and export" "$SLOTEXPLORE" --no-python --no-config \
	-c "set attrs 8; compare regular slots; seed; export $TMP/x.csv; export $TMP/x.json"
check "a bad command" "$SLOTEXPLORE" --no-python --no-config -c "set attrz 1"
check "--load of saved timings" "$SLOTEXPLORE" --load "$TOP_SRCDIR/tests/screens/timing-fixture.json"
for f in text json csv md; do
	check "--scan of two paths, --format $f" "$SLOTEXPLORE" --no-config --scan "$TOP_SRCDIR/tests/example" \
		--scan "$TOP_SRCDIR/tests/example/shop/models.py" --format $f
done
check "--scan of a path that is not there" "$SLOTEXPLORE" --no-config --scan "$TMP/nowhere"
check "--scan with an interpreter that hangs" "$SLOTEXPLORE" --no-config --scan "$TOP_SRCDIR/tests/example" \
	--python "$TOP_SRCDIR/tests/fake-pythons/staller" --timeout 1
check "headless explorer: keys, resize, help, hide, chart" "$TOP_BUILDDIR/tests/screen_check" 80 24 \
	'<Right>' + v a w c x u '<Resize:200x50>' '?' q
check "headless explorer: timing pane" "$TOP_BUILDDIR/tests/screen_check" \
	--timing "$TOP_SRCDIR/tests/screens/timing-fixture.json" 100 30 o o
check "headless explorer: too small, mouse" "$TOP_BUILDDIR/tests/screen_check" 20 5 \
	'<Resize:80x24>' '<Click:5,7>' '<WheelUp:20,0>'
done_testing
