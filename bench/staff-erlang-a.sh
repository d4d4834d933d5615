#!/bin/sh
# Erlang A and Erlang C against the Technion call log (October 1999), half
# hour by half hour: for the calls that reached the agents' queue, the
# handle time of the served ones, and as the staffing the distinct agents
# who served a call in that half hour, `cs-staff erlang --evaluate`
# predicts abandonment and waits, compared with what the log records.  The
# patience is estimated from the whole month as the time waited by every
# queued caller over the number who hung up (the exponential estimator).
#
# Usage: bench/staff-erlang-a.sh [BUILD_DIR] [REAL_DIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
real=${2:-$top/../shared/data/real}
PATH=$build:$PATH
dir=$(mktemp -d /tmp/cs-staff-ea.XXXXXX)
trap 'rm -rf "$dir"' EXIT

awk -F'\t' -v pat="$dir/patience" '
function secs(t,  a) { split(t, a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
NR > 1 { sub(/\r$/, "") }
NR > 1 && NF == 17 {
	if ($10 == "0:00:00" && $14 == "0:00:00")
		next	# never reached the agents: hung up in the voice menu
	slot = $6 " " int(secs($8) / 1800)
	n[slot]++
	w = $12 + 0; if (w < 0) w = 0
	waited += w
	if ($13 == "HANG") { ab[slot]++; nab++; next }
	if ($16 > 0) { hs[slot] += $16; hn[slot]++ }
	if ($17 != "NO_SERVER") srv[slot SUBSEP $17] = 1
	sw[slot] += w; sn[slot]++
}
END {
	printf "%.1f\n", waited / nab > pat
	for (k in srv) { split(k, p, SUBSEP); agents[p[1]]++ }
	for (s in n) {
		if (hn[s] == 0 || !(s in agents)) continue
		split(s, q, " "); d = q[1]
		printf "19%s-%s-%sT%02d:%02d:00Z,%d,30,%.3f,%d,%.3f,%.3f\n", substr(d, 1, 2),
			substr(d, 3, 2), substr(d, 5, 2), int(q[2] / 2), (q[2] % 2) * 30, n[s],
			hs[s] / hn[s], agents[s], 100 * ab[s] / n[s], sn[s] ? sw[s] / sn[s] : 0
	}
}' "$real/callcenter_technion_anonbank/october.txt" | sort >"$dir/body"
{ echo "start,contacts,minutes,aht_s,agents,actual_abandon_pct,actual_asa_s"; cat "$dir/body"; } >"$dir/slots.csv"
patience=$(cat "$dir/patience")
echo "patience estimate: $patience s"
cs-staff erlang --evaluate --model erlang-a --patience "$patience" --max-abandon 100 "$dir/slots.csv" |
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ n++; k = $c["contacts"]; N += k; pa += $c["abandon_pct"] * k; aa += $c["actual_abandon_pct"] * k
	  pw += $c["asa_s"] * k; aw += $c["actual_asa_s"] * k }
	END { printf "erlang a, %d half hours, %d calls: abandonment predicted %.2f%%, recorded %.2f%%; mean wait predicted %.1f s (all callers), recorded %.1f s (served callers)\n", n, N, pa / N, aa / N, pw / N, aw / N }'
cs-staff erlang --evaluate "$dir/slots.csv" |
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ n++; if ($c["asa_s"] == "") { inf++; next } k = $c["contacts"]; N += k; pw += $c["asa_s"] * k; aw += $c["actual_asa_s"] * k }
	END { printf "erlang c, %d half hours (%d with the load at or above the agents): ASA predicted %.1f s, recorded %.1f s\n", n, inf, pw / N, aw / N }'
