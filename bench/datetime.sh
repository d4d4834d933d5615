#!/bin/sh
# Benchmark of the time module (not a test): builds bench/datetime-bench.c
# against a built libcs and prints nanoseconds per parse and per format.
# Usage: bench/datetime.sh [BUILD_DIR] [ITERATIONS]   (BUILD_DIR default _build)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/_build}
n=${2:-5000000}
tmp=$(mktemp -d /tmp/cs-bench-datetime.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -std=c11 -O2 -I"$here" -I"$build" -D_POSIX_C_SOURCE=200809L \
	-o "$tmp/datetime-bench" "$here/bench/datetime-bench.c" "$build/libcs/libcs.a"
"$tmp/datetime-bench" "$n"
