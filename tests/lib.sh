# TAP helpers for the shell tests. Source it; call done_testing at the end.
: "${SLOTEXPLORE:?run through make check}"
: "${TOP_SRCDIR:?run through make check}"
: "${TOP_BUILDDIR:?run through make check}"

tap_n=0
tap_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/slotexplore-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

ok() { # ok STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

diag() { printf '# %s\n' "$*"; }

is() { # is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then ok 0 "$3"; else ok 1 "$3"; diag "  got '$1', expected '$2'"; fi
}

like() { # like TEXT GREP-PATTERN DESCRIPTION
	if printf '%s\n' "$1" | grep -q -- "$2"; then ok 0 "$3"; else
		ok 1 "$3"; diag "  no match for '$2' in:"; printf '%s\n' "$1" | head -5 | sed 's/^/#   /'; fi
}

unlike() { # unlike TEXT GREP-PATTERN DESCRIPTION
	if printf '%s\n' "$1" | grep -q -- "$2"; then
		ok 1 "$3"; diag "  '$2' should not be in:"; printf '%s\n' "$1" | grep -- "$2" | head -3 | sed 's/^/#   /'
	else ok 0 "$3"; fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# Bad input: exit WANT-STATUS, one line on stderr matching PATTERN,
# nothing on stdout.
bad() { # bad WANT-STATUS PATTERN ARGS...
	want=$1 pattern=$2
	shift 2
	"$SLOTEXPLORE" "$@" > "$TMP/stdout" 2> "$TMP/stderr"
	status=$?
	lines=$(wc -l < "$TMP/stderr" | tr -d ' ')
	if [ "$status" -eq "$want" ] && [ "$lines" -eq 1 ] && grep -q -- "$pattern" "$TMP/stderr" &&
		[ ! -s "$TMP/stdout" ]; then
		ok 0 "rejects $*: $(cat "$TMP/stderr")"
	else
		ok 1 "rejects $*"
		diag "  status $status (want $want), $lines stderr lines:"
		sed 's/^/#   /' "$TMP/stderr"
	fi
}

skip_all() { echo "1..0 # SKIP $*"; exit 0; }

# Interpreters to measure: python3, python3.N and python on PATH, and
# `pyenv root`'s versions; one path per line, duplicates removed.
find_pythons() {
	{
		for name in python3 python3.8 python3.9 python3.10 python3.11 python3.12 python3.13 \
			python3.14 python3.15 python3.14t python; do
			command -v "$name" 2>/dev/null
		done
		root=""
		if command -v pyenv >/dev/null 2>&1; then root=$(pyenv root 2>/dev/null); fi
		[ -n "$root" ] || root=${PYENV_ROOT:-}
		if [ -n "$root" ] && [ -d "$root/versions" ]; then
			for p in "$root"/versions/*/bin/python3 "$root"/versions/*/bin/python; do
				[ -x "$p" ] && echo "$p"
			done
		fi
	} | awk '!seen[$0]++'
}

# first_cpython: PY, the first CPython 3.8 to 3.15 find_pythons gives (with
# the GIL, not a debug build), and VERSION its X.Y; PY is empty without one.
first_cpython() {
	PY=""
	for py in $(find_pythons); do
		hello=$("$py" -E -s "$TOP_SRCDIR/data/probe.py" < /dev/null 2>/dev/null | head -1)
		VERSION=$(printf '%s' "$hello" | sed -n 's/.* version=\([0-9]*\.[0-9]*\)\.[0-9]* .*/\1/p')
		case $VERSION in 3.[89] | 3.1[0-5]) ;; *) continue ;; esac
		case $hello in *" gil=0"* | *" debug=1"*) continue ;; esac
		PY=$py
		break
	done
}

# Real-terminal tests: a private tmux server, isolated XDG and HOME
# directories, and helpers. Call tmux_setup first (it skips without tmux).
tmux_setup() {
	command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed (apt-get install tmux)"
	export XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state" HOME="$TMP/home"
	SOCK="$TMP/tmux.sock"
	trap 'T kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
}
T() { tmux -S "$SOCK" "$@"; }
# screen SESSION: the pane's text, wrapped lines joined
screen() { T capture-pane -p -J -t "$1" 2>/dev/null; }
# wait_for SESSION PATTERN: up to 6 s for the pattern to show
wait_for() {
	_wait_n=0
	while [ $_wait_n -lt 60 ]; do
		screen "$1" | grep -q -- "$2" && return 0
		sleep 0.1
		_wait_n=$((_wait_n + 1))
	done
	return 1
}
# wait_text SESSION PATTERN: as wait_for, over the screen read as one line
# (our own wrapping of a message moves with the length of a path in it)
wait_text() {
	_wait_n=0
	while [ $_wait_n -lt 60 ]; do
		screen "$1" | tr '\n' ' ' | tr -s ' ' | grep -q -- "$2" && return 0
		sleep 0.1
		_wait_n=$((_wait_n + 1))
	done
	return 1
}

# gone PIDFILE: every pid in it ends (a zombie waiting for init counts as gone)
gone() {
	[ -s "$1" ] || return 1
	for pid in $(cat "$1"); do
		tries=0
		while [ -d "/proc/$pid" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$pid/stat" 2>/dev/null; do
			tries=$((tries + 1))
			[ $tries -gt 50 ] && return 1
			sleep 0.1
		done
	done
	return 0
}
