#!/bin/sh
# Writes usage.csv, the hand-made usage of tests/data/score (see README):
# each call lays one user's rows on a run of consecutive days.
# Usage: sh make-usage.sh > usage.csv
run() { # account user feature events first-day last-day (days of 2026 as MM-DD)
	awk -v a="$1" -v u="$2" -v f="$3" -v e="$4" -v from="$5" -v to="$6" 'BEGIN {
		split("31 28 31 30", len, " ")
		split(from, p, "-"); m = p[1] + 0; d = p[2] + 0
		for (;;) {
			day = sprintf("%02d-%02d", m, d)
			printf "%s,2026-%s,%s,%s,%s\n", a, day, u, f, e
			if (day == to) break
			if (++d > len[m]) { d = 1; m++ }
		}
	}'
}
echo account,date,user,feature,events
run acme u1 reports 20 02-12 03-03
run acme u3 reports 10 03-04 03-10
run acme u1 reports 10 03-18 03-31
run acme u2 export 10 03-25 03-31
run bolt b5 api 5 03-10 03-13
run bolt b3 api 5 03-20 03-23
run bolt b4 api 5 03-20 03-23
run bolt b1 api 5 03-28 03-31
run bolt b2 api 5 03-28 03-31
run cobalt c1 admin 3 03-29 03-30
run cobalt c2 admin 3 03-30 03-31
run delta d1 reports 10 02-04 03-10
run delta d2 api 10 02-04 02-17
run delta d3 reports 10 02-20 02-26
run delta d2 export 10 03-05 03-08
run fjord f1 reports 1 02-04 03-31
run fjord f2 export 1 03-04 03-31
run fjord f1 admin 1 03-31 03-31
run fjord f1 api 1 03-31 03-31
run gale g1 reports 4 03-31 03-31
run gale g2 reports 4 03-31 03-31
