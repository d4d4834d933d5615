#!/bin/sh
# Runs the cs pipeline on the bundled demo exports; called by ./bootstrap --demo.
set -eu
build=$1
top=$(cd "$(dirname "$0")/.." && pwd)
out=$build/demo
mkdir -p "$out"
PATH=$build:$PATH
"$build/tools/gen-demo" "$out"
echo "demo: exports written to $out"
