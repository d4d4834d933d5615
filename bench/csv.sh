#!/bin/sh
# The reader benchmark: cs_csv_read against a bare libcsv loop.
#
#   sh bench/csv.sh [BUILDDIR] [ROWS]
#
# BUILDDIR is a configured and built tree (default _build, for libcs.a and
# config.h); ROWS defaults to 2,000,000 (about 360 MB).  The input is
# generated once under /tmp by bench/gen-zendesk.awk and kept for reruns.
# Each mode runs three times after a warm-up read; the best time counts,
# wall and CPU (user + system) separately.
# Then cs_csv_read runs over a gzip -1 copy of the same file ("cs-gz"; its
# MB/s is over the compressed size, its seconds compare with "cs").
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
rows=${2:-2000000}
data=/tmp/cs-bench-zendesk-$rows.csv
bin=/tmp/cs-bench-read

if [ ! -f "$data" ]; then
	echo "generating $data ($rows records)" >&2
	awk -v rows="$rows" -f "$top/bench/gen-zendesk.awk" >"$data.tmp"
	mv "$data.tmp" "$data"
fi
(cd "$build" && make libcs/libcs.a >/dev/null)
cc -O2 -I"$top" -I"$build" -o "$bin" "$top/bench/bench-read.c" "$build/libcs/libcs.a" -lcsv -lz
cat "$data" >/dev/null

echo "file: $data, $(wc -c <"$data") bytes"
for mode in libcsv cs; do
	for i in 1 2 3; do
		"$bin" $mode "$data"
	done
done | tee /tmp/cs-bench-read.out
[ -f "$data.gz" ] || gzip -1 -c "$data" >"$data.gz"
for i in 1 2 3; do
	"$bin" cs "$data.gz" | sed 's/^cs    /cs-gz /'
done | tee -a /tmp/cs-bench-read.out
awk '
	{
		split($3, a, "="); s = a[2] + 0; split($5, b, "="); c = b[2] + 0
		if (!($1 in best) || s < best[$1]) best[$1] = s
		if (!($1 in cpu) || c < cpu[$1]) cpu[$1] = c
	}
	END {
		printf "best wall: libcsv %.3f s, cs %.3f s, cs-gz %.3f s; cs at %.0f%% of bare libcsv\n",
			best["libcsv"], best["cs"], best["cs-gz"], 100 * best["libcsv"] / best["cs"]
		printf "best cpu:  libcsv %.3f s, cs %.3f s, cs-gz %.3f s; cs at %.0f%% of bare libcsv\n",
			cpu["libcsv"], cpu["cs"], cpu["cs-gz"], 100 * cpu["libcsv"] / cpu["cs"]
	}
' /tmp/cs-bench-read.out
