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

# The weekly report of the demo tickets, once cs-import can read them.  The
# demo data is dated, not live: the report is of the last complete week of
# the data, whose latest instant cs-report backlog names.
if [ -x "$build/cs-import" ] && [ -x "$build/cs-report" ]; then
	cs-import "$out/zendesk-tickets.csv" >"$out/tickets.csv"
	as_of=$(cs-report backlog "$out/tickets.csv" | sed -n '2s/,.*//p')
	surveys=
	if [ -f "$out/nps.csv" ] && cs-import "$out/nps.csv" >"$out/surveys.csv" 2>/dev/null; then
		surveys="--surveys $out/surveys.csv"
	fi
	# shellcheck disable=SC2086
	cs-report weekly --tickets "$out/tickets.csv" $surveys ${as_of:+--as-of "$as_of"} \
		--format html -o "$out/weekly.html"
	# shellcheck disable=SC2086
	cs-report weekly --tickets "$out/tickets.csv" $surveys ${as_of:+--as-of "$as_of"}
	echo "demo: the HTML report is $out/weekly.html"
fi
