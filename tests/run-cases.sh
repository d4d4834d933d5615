#!/bin/sh
# Runs a table of program cases and prints TAP.
#
# Usage: run-cases.sh DIR...
#
# Each case is a directory holding:
#   cmd     one shell command line (required), run by sh from a scratch
#           directory; $CASE is the case directory, $DATA the shared test
#           data (tests/data), $REAL the real exports, $TMP a scratch dir
#   stdin   fed to the command (default: nothing)
#   stdout  the expected standard output (default: empty)
#   stderr  the expected standard error (default: empty)
#   status  the expected exit status (default: 0)
#   needs   "real": skip when the real exports are absent; "mlr",
#           "chromium": skip when that command is missing
# Expected values are written by hand, never copied from the program.

. "$top_srcdir/tests/lib.sh"
DATA=$top_srcdir/tests/data
export DATA

for dir in "$@"; do
	for case in "$dir"/*/; do
		case=${case%/}
		[ -f "$case/cmd" ] || continue
		name=$(basename "$(dirname "$case")")/$(basename "$case")
		if [ -f "$case/needs" ]; then
			need=$(cat "$case/needs")
			if [ "$need" = real ] && [ ! -d "$REAL" ]; then
				tap_skip "$name" "no real exports at $REAL"
				continue
			fi
			if [ "$need" != real ] && ! command -v "$need" >/dev/null 2>&1; then
				tap_skip "$name" "$need not installed"
				continue
			fi
		fi
		work=$TMP/work
		rm -rf "$work"
		mkdir -p "$work"
		CASE=$(cd "$case" && pwd)
		export CASE
		stdin=/dev/null
		[ -f "$case/stdin" ] && stdin=$case/stdin
		(cd "$work" && TMP=$work sh "$CASE/cmd") <"$stdin" >"$TMP/out" 2>"$TMP/err"
		status=$?
		want_status=0
		[ -f "$case/status" ] && want_status=$(cat "$case/status")
		ok=1
		: >"$TMP/empty"
		want_out=$TMP/empty
		want_err=$TMP/empty
		[ -f "$case/stdout" ] && want_out=$case/stdout
		[ -f "$case/stderr" ] && want_err=$case/stderr
		if [ "$status" != "$want_status" ]; then
			ok=0
			echo "# $name: exit status $status, expected $want_status"
		fi
		if ! cmp -s "$TMP/out" "$want_out"; then
			ok=0
			echo "# $name: stdout differs (expected, got):"
			diff "$want_out" "$TMP/out" >"$TMP/diff" 2>&1
			tap_diag "$TMP/diff"
		fi
		if ! cmp -s "$TMP/err" "$want_err"; then
			ok=0
			echo "# $name: stderr differs (expected, got):"
			diff "$want_err" "$TMP/err" >"$TMP/diff" 2>&1
			tap_diag "$TMP/diff"
		fi
		if [ $ok = 1 ]; then tap_ok "$name"; else tap_not_ok "$name"; fi
	done
done
tap_done
