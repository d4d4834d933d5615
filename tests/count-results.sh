#!/bin/sh
# Counts the results of every test the Automake harness ran under the given
# build directories and prints the one line CI reads: "N passed, N failed"
# (", N skipped" when some were).  Exits 1 when a test failed or none ran.
find "$@" -name '*.trs' -exec cat {} + 2>/dev/null |
awk '/^:test-result: (PASS|XFAIL)/ { p++ }
     /^:test-result: (FAIL|XPASS|ERROR)/ { f++ }
     /^:test-result: SKIP/ { s++ }
     END {
	if (s > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s
	else printf "%d passed, %d failed\n", p, f
	exit (f > 0 || p == 0) ? 1 : 0
     }'
