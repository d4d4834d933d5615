#!/bin/sh
# The cs-import benchmark: a 2,000,000-row Zendesk-style export (about
# 360 MB) through cs-import, against a bare libcsv parse loop over the same
# file and against `mlr --icsv --ocsv cat`.
#
#   sh bench/import.sh [BUILDDIR] [ROWS]
#
# BUILDDIR is a configured and built tree (default _build); ROWS defaults
# to 2,000,000.  The input is generated once under /tmp by
# bench/gen-zendesk.awk (shared with bench/csv.sh) and kept for reruns.
# Each command runs three times after a warm-up read; the best wall time
# counts, and the peak RSS is that of the best run.  Targets (issue 2):
# cs-import at least half the speed of the bare libcsv loop, peak memory
# under 64 MB, and faster than mlr.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
rows=${2:-2000000}
data=/tmp/cs-bench-zendesk-$rows.csv
bin=/tmp/cs-bench-read
out=/tmp/cs-bench-import.out

if [ ! -f "$data" ]; then
	echo "generating $data ($rows records)" >&2
	awk -v rows="$rows" -f "$top/bench/gen-zendesk.awk" >"$data.tmp"
	mv "$data.tmp" "$data"
fi
(cd "$build" && make libcs/libcs.a cs-import >/dev/null)
cc -O2 -I"$top" -I"$build" -o "$bin" "$top/bench/bench-read.c" "$build/libcs/libcs.a" -lcsv -lz
cat "$data" >/dev/null

# run NAME COMMAND...: prints "NAME seconds peak_kib" for each of three runs.
run() {
	name=$1
	shift
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M" -o /tmp/cs-bench-import.time "$@" >/dev/null 2>/dev/null
		echo "$name $(cat /tmp/cs-bench-import.time)"
	done
}

bytes=$(wc -c <"$data")
echo "file: $data, $bytes bytes, $rows records"
echo "machine: $(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
{
	run libcsv "$bin" libcsv "$data"
	run cs-import "$build/cs-import" "$data"
	if command -v mlr >/dev/null 2>&1; then
		run mlr mlr --icsv --ocsv cat "$data"
	fi
} | tee "$out"
awk -v bytes="$bytes" '
	{ if (!($1 in best) || $2 < best[$1]) { best[$1] = $2; rss[$1] = $3 } }
	END {
		for (k in best)
			printf "best %-9s %7.2f s %7.1f MB/s peak %6.1f MB\n", k, best[k],
				bytes / 1e6 / best[k], rss[k] / 1024
		printf "cs-import runs at %.0f%% of the bare libcsv loop", 100 * best["libcsv"] / best["cs-import"]
		if ("mlr" in best)
			printf ", %.1fx the speed of mlr", best["mlr"] / best["cs-import"]
		printf "\n"
	}
' "$out"
