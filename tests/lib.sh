# Shared helpers of the shell tests; sourced, never run.  Every test script
# prints TAP: "ok N - name", "not ok N - name", "ok N - name # SKIP why", and
# the plan "1..N" at the end (tap_done).

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
export top_srcdir top_builddir

# Real public exports live beside the repository, never in it; tests that use
# them skip cleanly when the folder is absent.
: "${CS_REAL_DATA:=$top_srcdir/../shared/data/real}"
REAL=$CS_REAL_DATA
export REAL

tap_n=0
tap_failed=0

tap_ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

tap_not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}

tap_skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# tap_check NAME COMMAND...: passes when COMMAND exits 0.
tap_check() {
	name=$1
	shift
	if "$@"; then tap_ok "$name"; else tap_not_ok "$name"; fi
}

# tap_diag FILE: shows a file's first lines as TAP comments.
tap_diag() {
	sed -n '1,40s/^/#   /p' "$1"
}

tap_done() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# A scratch directory removed when the script ends.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cs-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export TMP
