# VINST folded independently of cs-import: the last change of each SR by
# Change Date+Time (ISO with one offset throughout, so text order is time
# order; a tie goes to the later row), Activity mapped as
# tests/mappings/volvo-vinst.map says.  No field is quoted.
BEGIN { FS = "," }
NR == 1 { next }
{
	if (!($1 in t)) o[++n] = $1
	if (!($1 in t) || $2 >= t[$1]) { t[$1] = $2; a[$1] = $5 }
}
END {
	for (i = 1; i <= n; i++) {
		s = a[o[i]]
		if (s ~ /^Accepted-Wait/) s = "pending"
		else if (s ~ /^Accepted-/ || s ~ /^Queued-/ || s == "Unmatched-Unmatched") s = "open"
		else if (s == "Completed-Closed" || s == "Completed-Cancelled") s = "closed"
		else if (s ~ /^Completed-/) s = "solved"
		print o[i] "," s
	}
}
