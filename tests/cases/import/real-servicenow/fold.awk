# The ServiceNow event log folded independently of cs-import: for each
# incident, the row with the latest sys_updated_at (D/M/YYYY HH:MM; a tie
# goes to the later row), its state mapped as cs-import(1) documents.
# Prints "number,status" in the order incidents first appear.  The file has
# no quoted fields, so splitting on commas is exact.
BEGIN { FS = "," }
NR == 1 { next }
{
	split($14, dt, " "); split(dt[1], d, "/"); split(dt[2], t, ":")
	key = sprintf("%04d%02d%02d%02d%02d", d[3], d[2], d[1], t[1], t[2])
	if (!($1 in best)) order[++n] = $1
	if (!($1 in best) || key >= best[$1]) { best[$1] = key; state[$1] = $2 }
}
END {
	for (i = 1; i <= n; i++) {
		s = state[order[i]]
		if (s == "New") s = "new"
		else if (s == "Active") s = "open"
		else if (s ~ /^Awaiting/) s = "pending"
		else if (s == "Resolved") s = "solved"
		else if (s == "Closed") s = "closed"
		print order[i] "," s
	}
}
