#!/bin/sh
# Runs the whole cs pipeline on the bundled demo exports; called by
# ./bootstrap --demo with the build directory as its argument.
#
# The demo company's exports (tools/gen-demo) end on Sunday 2026-11-15, so
# the report is of 2026-W46 whatever today's date; its agents work in
# Europe/Berlin, whose naive Zendesk times cs-import reads with --tz.
set -eu
build=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
out=$build/demo
PATH=$build:$PATH
export PATH
mkdir -p "$out"
cd "$out"

step() {
	printf '\n== %s\n' "$*"
}

step "exports of the fictional company, written by tools/gen-demo into $out"
"$build/tools/gen-demo" .

step "cs-import: each export to its canonical record kind"
cs-import --tz Europe/Berlin -r "$top/tools/demo/route.rules" -o tickets.csv \
	zendesk-tickets.csv
cs-import -k accounts -o c-accounts.csv accounts.csv
cs-import -k usage -o c-usage.csv usage.csv
cs-import -k surveys -o c-surveys.csv nps.csv
cs-import -k attendance -o c-attendance.csv attendance.csv

step "cs-score: customer health and proactive flags, against last week's run"
# Tickets name their account by its name (Zendesk's Organization); cs-score
# matches them to the accounts list by name, and says how many tickets name
# no account at all.  A weekly cron job keeps last week's outputs and passes
# them with --previous: the demo makes them by scoring as of a week earlier.
score() { # score VERB AS-OF [OPTIONS...]
	verb=$1 as_of=$2
	shift 2
	cs-score "$verb" --accounts c-accounts.csv --usage c-usage.csv --tickets tickets.csv \
		--surveys c-surveys.csv --as-of "$as_of" "$@"
}
score health 2026-11-08 -o health-last-week.csv 2>/dev/null
score flags 2026-11-08 -o flags-last-week.csv 2>/dev/null
score health 2026-11-15 --previous health-last-week.csv -o health.csv
score flags 2026-11-15 --previous flags-last-week.csv -o flags.csv
echo "health.csv: $(($(wc -l <health.csv) - 1)) accounts scored;" \
	"flags.csv: $(grep -c ',new$' flags.csv) new flags," \
	"$(grep -c ',ongoing$' flags.csv) ongoing, $(grep -c ',resolved$' flags.csv) resolved"

step "cs-staff: shrinkage from attendance, then forecast, workload and the plan"
cs-staff shrinkage --by team -o shrinkage.csv c-attendance.csv
# E-mail and web tickets are answered within hours, not seconds: the
# workload model fits them better than Erlang C.  A ticket takes 15 minutes.
cs-staff intervals --interval 60 --aht 900 tickets.csv |
	cs-staff forecast --weeks 8 --horizon 7d |
	cs-staff erlang --model workload --max-occupancy 85 |
	cs-staff plan --shrinkage shrinkage.csv --buffer 10% --mode both \
		--model workload --max-occupancy 95 -o plan.csv

step "cs-report: the weekly report"
report() {
	cs-report weekly --tickets tickets.csv --surveys c-surveys.csv --health health.csv \
		--flags flags.csv --staffing plan.csv --shrinkage shrinkage.csv \
		--week 2026-W46 --tz Europe/Berlin "$@"
}
report --format html -o weekly.html
report --format text
printf '\ndemo: the HTML report is %s\n' "$out/weekly.html"
