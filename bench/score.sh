#!/bin/sh
# Benchmark of cs-score health: 10,000 accounts, 5,000,000 daily usage rows,
# 200,000 tickets and 20,000 survey answers, generated (deterministically)
# into a directory under /tmp, then scored as of the last day.  Prints the
# wall time and peak memory of each run; bench/score.md records the figures.
#
# Usage: bench/score.sh [BUILD-DIR]   (default: _build beside this script)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
score=$build/cs-score
dir=${TMPDIR:-/tmp}/cs-score-bench
mkdir -p "$dir"

if [ ! -s "$dir/usage.csv" ]; then
	echo "generating inputs in $dir ..." >&2
	# Accounts: seats 5..200, a segment, a start up to 3 years back and a
	# renewal up to a year ahead of 2026-03-31.
	awk 'BEGIN {
		srand(1)
		print "account,name,segment,seats,start_at,renewal_at,status"
		for (a = 0; a < 10000; a++) {
			seats = 5 + int(rand() * 196)
			start = 20544 - int(rand() * 1100)   # days since 1970; 20543 is 2026-03-31
			renew = 20544 + int(rand() * 365)
			printf "acct%05d,Account %d,%s,%d,%s,%s,active\n", a, a,
				(a % 3 ? "tech-touch" : "high-touch"), seats, day(start), day(renew)
		}
	}
	function day(d,   y, m, doy, mp) {   # civil date of a day count (Hinnant)
		d += 719468; era = int(d / 146097); doe = d - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
		mp = int((5 * doy + 2) / 153); dd = doy - int((153 * mp + 2) / 5) + 1
		m = mp < 10 ? mp + 3 : mp - 9
		return sprintf("%04d-%02d-%02d", y + (m <= 2), m, dd)
	}' >"$dir/accounts.csv"
	# Usage: 5,000,000 rows over the 90 days to 2026-03-31, 40 users and 30
	# features per account at most.
	awk 'BEGIN {
		srand(2)
		print "account,date,user,feature,events,minutes"
		for (d = 0; d < 90; d++) date[d] = day(20543 - d)
		for (i = 0; i < 5000000; i++) {
			a = int(rand() * 10000)
			printf "acct%05d,%s,u%d,f%d,%d,%d\n", a, date[int(rand() * 90)],
				int(rand() * 40), int(rand() * 30), 1 + int(rand() * 20), int(rand() * 60)
		}
	}
	function day(d,   y, m, doy, mp) {
		d += 719468; era = int(d / 146097); doe = d - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
		mp = int((5 * doy + 2) / 153); dd = doy - int((153 * mp + 2) / 5) + 1
		m = mp < 10 ? mp + 3 : mp - 9
		return sprintf("%04d-%02d-%02d", y + (m <= 2), m, dd)
	}' >"$dir/usage.csv"
	# Tickets: 200,000 over 180 days, a fifth high or urgent, most solved.
	awk 'BEGIN {
		srand(3)
		print "id,created_at,account,priority,status,solved_at,csat"
		split("low normal normal normal high urgent", pri, " ")
		for (i = 0; i < 200000; i++) {
			t = 1774915200 - int(rand() * 180 * 86400)   # back from 2026-03-31T00:00Z
			solved = rand() < 0.85
			printf "%d,%s,acct%05d,%s,%s,%s,%s\n", i + 1, ts(t), int(rand() * 10000),
				pri[1 + int(rand() * 6)], solved ? "solved" : "open",
				solved ? ts(t + int(rand() * 5 * 86400)) : "",
				solved ? (rand() < 0.8 ? "good" : (rand() < 0.5 ? "bad" : "")) : ""
		}
	}
	function ts(t) { return strftime("%Y-%m-%dT%H:%M:%SZ", t, 1) }' >"$dir/tickets.csv"
	# Surveys: 20,000 nps answers over a year.
	awk 'BEGIN {
		srand(4)
		print "account,score,kind,answered_at"
		for (i = 0; i < 20000; i++)
			printf "acct%05d,%d,nps,%s\n", int(rand() * 10000), int(rand() * 11),
				strftime("%Y-%m-%dT%H:%M:%SZ", 1774915200 - int(rand() * 365 * 86400), 1)
	}' >"$dir/surveys.csv"
fi

# The same usage ordered by (date, account), as a daily rollup is written.
if [ ! -s "$dir/usage-by-date.csv" ]; then
	{ head -n 1 "$dir/usage.csv"; tail -n +2 "$dir/usage.csv" | sort -t, -k2,2 -k1,1 -S 25%; } \
		>"$dir/usage-by-date.csv"
fi
ls -l "$dir"/*.csv >&2
echo "nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Each run three times: on a shared machine the least is the fairest figure.
run() {
	echo "\$ cs-score $*" >&2
	for i in 1 2 3; do
		/usr/bin/time -f "  %e s wall, %U s user, %S s sys, %M KiB peak" \
			"$score" "$@" >"$dir/out.csv"
	done
}
all="--tickets $dir/tickets.csv --surveys $dir/surveys.csv"
# shellcheck disable=SC2086
run health -a "$dir/accounts.csv" -u "$dir/usage.csv" $all --as-of 2026-03-31
# shellcheck disable=SC2086
run health -a "$dir/accounts.csv" -u "$dir/usage.csv" $all
# shellcheck disable=SC2086
run health -a "$dir/accounts.csv" -u "$dir/usage-by-date.csv" $all --as-of 2026-03-31
# shellcheck disable=SC2086
run flags -a "$dir/accounts.csv" -u "$dir/usage.csv" $all --as-of 2026-03-31
wc -l "$dir/out.csv" >&2
