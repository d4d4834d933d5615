# Writes a Zendesk-style ticket export for the reader benchmark:
#   awk -v rows=2000000 -f bench/gen-zendesk.awk > /tmp/cs-bench-zendesk.csv
# Deterministic (a fixed linear congruential generator, not awk's rand, so
# every awk writes the same bytes).  About 180 bytes a record.  The subject
# is quoted when it holds a comma, a quote or a newline, as Zendesk writes
# it: about one record in eight has a comma, one in forty a doubled quote,
# one in a hundred a line break inside the subject.
function rnd(n) {
	seed = (seed * 1103515245 + 12345) % 2147483648
	return int(seed / 65536) % n
}
function stamp(t,   d, h, m, s) {
	d = int(t / 86400); t -= d * 86400
	h = int(t / 3600); m = int((t - h * 3600) / 60); s = t % 60
	return sprintf("2023-%02d-%02d %02d:%02d:%02d", 1 + int(d / 28) % 12, 1 + d % 28, h, m, s)
}
BEGIN {
	if (rows == "") rows = 2000000
	seed = 42
	split("Support,Billing,Onboarding,Reimbursement Claims,Endorsements", groups, ",")
	split("open,pending,hold,solved,closed,new", statuses, ",")
	split("low,normal,high,urgent", prios, ",")
	split("Mail,Web form,Chat,Phone call (incoming),API", vias, ",")
	split("question,incident,problem,task", types, ",")
	split("Cannot log in;Refund for order;Invoice is wrong;App crashes on start;Change my plan;Password reset;Where is my claim;Add a team member;Export is slow;Card declined", subjects, ";")
	split("Ana Souza;Ben Okafor;Chen Wei;Dana Levi;Emil Novak;Fatima Khan;Goran Petrovic;Hana Sato", agents, ";")
	split(",offered,good,bad", sats, ",")
	print "Id,Requester,Requester email,Group,Assignee,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Solved at,Satisfaction Score,Reopens,Replies,First reply time in minutes,Full resolution time in minutes"
	for (i = 1; i <= rows; i++) {
		created = 1000 + i * 15 + rnd(600)
		reply = rnd(2000)
		full = reply + rnd(20000)
		subj = subjects[1 + rnd(10)]
		k = rnd(100)
		if (k < 12)
			subj = "\"" subj ", ref " rnd(100000) "\""
		else if (k < 15)
			subj = "\"" subj " \"\"urgent\"\"\""
		else if (k < 16)
			subj = "\"" subj "\nsecond line of the subject\""
		st = statuses[1 + rnd(6)]
		solved = (st == "solved" || st == "closed") ? stamp(created + full * 60) : ""
		printf "%d,Customer %d,c%d@example.com,%s,%s,%s,%s %s,%s,%s,%s,%s,%s,%s,%s,%s,%d,%d,%d,%d\n",
			100000 + i, rnd(50000), rnd(50000), groups[1 + rnd(5)], agents[1 + rnd(8)], subj,
			"tag" rnd(30), "area_" rnd(12), st, prios[1 + rnd(4)], vias[1 + rnd(5)],
			types[1 + rnd(4)], stamp(created), stamp(created + full * 30), solved,
			sats[1 + rnd(4)], rnd(3), rnd(12), reply, full
	}
}
