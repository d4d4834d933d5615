#!/bin/sh
# Benchmark of cs-staff: one year of 15-minute intervals (35,040 rows) at
# loads from 0 up to 2,000 Erlangs through `cs-staff erlang | cs-staff plan`.
# The input is generated under /tmp; figures go to bench/staff.md by hand.
#
# Usage: bench/staff.sh [BUILD_DIR]   (default: _build)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
PATH=$build:$PATH
dir=$(mktemp -d /tmp/cs-staff-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT

# A daily and weekly shape: the load of an interval is 2000 x d x w Erlangs
# with d from 0 (night) to 1 (midday) and w 1 on weekdays, 0.6 at weekends;
# AHT 300 s, so contacts = load x 900 / 300.
awk 'BEGIN {
	print "start,minutes,contacts,aht_s"
	t0 = 1735689600	# 2025-01-01T00:00:00Z, a Wednesday
	pi = atan2(0, -1)
	for (i = 0; i < 35040; i++) {
		t = t0 + i * 900
		h = (t % 86400) / 3600
		d = sin(pi * h / 24); d = d * d
		wd = int(t / 86400 + 3) % 7	# 0 Monday .. 6 Sunday
		w = wd >= 5 ? 0.6 : 1
		load = 2000 * d * w
		printf "%s,15,%.0f,300\n", strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), load * 3
	}
}' >"$dir/year.csv" 2>/dev/null || {
	# mawk has no strftime: write the timestamps with date(1) instead.
	i=0
	echo "start,minutes,contacts,aht_s" >"$dir/year.csv"
	date -u -d @1735689600 >/dev/null
	awk -v n=35040 'BEGIN { for (i = 0; i < n; i++) print 1735689600 + i * 900 }' |
		sed 's/^/@/' | date -u -f - +%Y-%m-%dT%H:%M:%SZ >"$dir/starts"
	awk -F, 'BEGIN { pi = atan2(0, -1) }
		{ t = 1735689600 + (NR - 1) * 900; h = (t % 86400) / 3600
		  d = sin(pi * h / 24); d = d * d; wd = int(t / 86400 + 3) % 7
		  w = wd >= 5 ? 0.6 : 1; printf "%s,15,%.0f,300\n", $0, 2000 * d * w * 3 }' \
		"$dir/starts" >>"$dir/year.csv"
}

rows=$(($(wc -l <"$dir/year.csv") - 1))
max=$(awk -F, 'NR > 1 && $3 > m { m = $3 } END { print m * 300 / 900 }' "$dir/year.csv")
echo "input: $rows intervals, peak load $max Erlangs"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

run() {
	echo "\$ $1"
	best=
	for k in 1 2 3 4 5; do
		s=$(date +%s.%N)
		sh -c "$1" >/dev/null
		e=$(date +%s.%N)
		el=$(echo "$e - $s" | bc)
		if [ -z "$best" ] || [ "$(echo "$el < $best" | bc)" = 1 ]; then best=$el; fi
	done
	echo "best of 5: $best s"
}
cd "$dir"
run "cs-staff erlang year.csv | cs-staff plan --shrinkage 30 --buffer 10% --totals /dev/null"
run "cs-staff erlang year.csv | cs-staff plan --mode both --shrinkage 30 --buffer 10% --totals /dev/null"
run "cs-staff erlang --model erlang-a --patience 120 --max-abandon 5 year.csv >/dev/null"
