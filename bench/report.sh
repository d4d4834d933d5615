#!/bin/sh
# Benchmark of cs-report metrics against Miller on the same grouping.
#
# Usage: bench/report.sh [BUILD_DIR] [ROWS]
#
# Generates ROWS (default 2,000,000) canonical tickets into /tmp (never into
# the repository): a year of 2026 tickets over 8 teams, with a precomputed
# ISO "week" column so that Miller can group on it.  Then it times, with
# /usr/bin/time -v (elapsed wall clock and peak resident memory):
#
#   cs-report metrics --by team FILE          (week is the default period)
#   mlr --icsv --opprint stats1 -a count,mean,p50,p90 \
#       -f first_reply_min,resolution_min -g week,team FILE
#
# Each is run three times and the best run is kept.  The figures and the
# machine go into bench/report.md by hand.
set -eu
build=${1:-_build}
rows=${2:-2000000}
file=${TMPDIR:-/tmp}/cs-report-bench-$rows.csv
out=${TMPDIR:-/tmp}/cs-report-bench.out

if [ ! -s "$file" ]; then
	echo "generating $rows tickets into $file" >&2
	awk -v n="$rows" 'BEGIN {
		srand(46);
		split("Support Billing Onboarding Claims Endorsements Tech Sales Success", team, " ");
		split("email web chat phone", chan, " ");
		split("low normal normal normal high urgent", pri, " ");
		print "id,created_at,week,team,channel,priority,status,first_reply_at,solved_at,first_reply_min,resolution_min,replies,reopens,csat";
		y0 = 1767225600; # 2026-01-01T00:00:00Z, a Thursday
		for (i = 1; i <= n; i++) {
			c = y0 + int(rand() * 364 * 86400);
			f = c + 60 + int(rand() * rand() * 36000);
			solved = rand() < 0.9;
			s = f + int(rand() * rand() * 5 * 86400);
			d = int((c - y0) / 86400);          # day of 2026, 0-based
			wk = int((d + 3) / 7) + 1;          # 2026-01-01 is in W01 (Thursday)
			if (wk > 53) wk = 53;
			printf "%d,%s,2026-W%02d,%s,%s,%s,%s,%s,%s,%.1f,%s,%d,%d,%s\n", i, iso(c), wk,
				team[1 + int(rand() * 8)], chan[1 + int(rand() * 4)], pri[1 + int(rand() * 6)],
				solved ? "solved" : "open", iso(f), solved ? iso(s) : "",
				(f - c) / 60, solved ? sprintf("%.1f", (s - c) / 60) : "",
				int(rand() * 4), rand() < 0.1, rand() < 0.2 ? (rand() < 0.8 ? "good" : "bad") : "";
		}
	}
	function iso(t,   days, secs, z, era, doe, yoe, yy, doy, mp, dd, mm) {
		days = int(t / 86400); secs = t - days * 86400;
		z = days + 719468; era = int(z / 146097); doe = z - era * 146097;
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365);
		yy = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100));
		mp = int((5 * doy + 2) / 153); dd = doy - int((153 * mp + 2) / 5) + 1;
		mm = mp < 10 ? mp + 3 : mp - 9; if (mm <= 2) yy++;
		return sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", yy, mm, dd, int(secs / 3600),
			int(secs / 60) % 60, secs % 60);
	}' >"$file"
fi
ls -l "$file" >&2

# run NAME COMMAND...: best of three by wall clock, "NAME wall cpu peak".
# CPU time (user + system) is printed too: on a shared machine the wall
# clock also measures the neighbours.
run() {
	name=$1
	shift
	best_t= best_m= best_c=
	for i in 1 2 3; do
		/usr/bin/time -v "$@" >"$out" 2>"$out.time"
		t=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0;
			for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }' "$out.time")
		c=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out.time")
		m=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out.time")
		if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then
			best_t=$t
			best_m=$m
			best_c=$c
		fi
	done
	echo "$name: wall $best_t s, cpu $best_c s, peak $best_m KB ($(wc -l <"$out") output lines)"
}

run cs-report "$build/cs-report" metrics --by team "$file"
if command -v mlr >/dev/null 2>&1; then
	run mlr mlr --icsv --opprint stats1 -a count,mean,p50,p90 \
		-f first_reply_min,resolution_min -g week,team "$file"
fi
