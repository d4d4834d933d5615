# Sourced by tests/score.test: the realistic run over the RavenStack SaaS
# exports ($REAL/ravenstack_saas; synthetic, see SOURCES.md), imported with
# the mapping files of tests/mappings through cs-import -m and scored as of
# 2024-06-30, before most churn events (which run to 2024-12).  The test
# asserts what can be asserted honestly (every account scored, the
# contributions add up, the columns are there) and reports in the log how
# the accounts that churned later compare with the rest; it does not assert
# that the synthetic data separates them.
rs=$REAL/ravenstack_saas
as_of=2024-06-30
if [ ! -d "$rs" ]; then
	tap_skip "ravenstack: realistic run" "no real exports at $REAL"
elif ! command -v cs-import >/dev/null 2>&1; then
	tap_skip "ravenstack: realistic run" "cs-import not built"
else
	w=$TMP/ravenstack
	mkdir -p "$w"
	cp "$top_srcdir"/tests/mappings/ravenstack-*.map "$w/"
	# The usage mapping looks subscriptions up beside itself.
	ln -s "$rs/ravenstack_subscriptions.csv" "$w/ravenstack_subscriptions.csv"
	if cs-import -m "$w/ravenstack-accounts.map" "$rs/ravenstack_accounts.csv" >"$w/accounts.csv" 2>"$w/err" &&
		cs-import -m "$w/ravenstack-usage.map" "$rs/ravenstack_feature_usage.csv" >"$w/usage.csv" 2>>"$w/err" &&
		cs-import -m "$w/ravenstack-tickets.map" "$rs/ravenstack_support_tickets.csv" >"$w/tickets.csv" 2>>"$w/err"; then
		tap_ok "ravenstack: cs-import -m reads accounts, usage and tickets"
	else
		tap_not_ok "ravenstack: cs-import -m reads accounts, usage and tickets"
		tap_diag "$w/err"
	fi
	sed 's/^/# /' "$w/err"
	if cs-score health -a "$w/accounts.csv" -u "$w/usage.csv" --tickets "$w/tickets.csv" \
		--as-of $as_of --strict >"$w/health.csv" 2>"$w/err"; then
		tap_ok "ravenstack: cs-score health runs strict"
	else
		tap_not_ok "ravenstack: cs-score health runs strict"
		tap_diag "$w/err"
	fi
	cs-score health -t -a "$w/accounts.csv" -u "$w/usage.csv" --tickets "$w/tickets.csv" \
		--as-of $as_of >"$w/health.tsv" 2>/dev/null
	n=$(awk -F'\t' 'NR > 1 && $0 != ""' "$w/health.tsv" | wc -l)
	scored=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "score") s = i; next }
		$s != "" { n++ } END { print n + 0 }' "$w/health.tsv")
	if [ "$n" -eq 500 ] && [ "$scored" -eq 500 ]; then
		tap_ok "ravenstack: all 500 accounts scored"
	else
		tap_not_ok "ravenstack: all 500 accounts scored ($n rows, $scored scored)"
	fi
	if sum_check "$w/health.csv" >"$w/bad"; then
		tap_ok "ravenstack: contributions add up to the score on every row"
	else
		tap_not_ok "ravenstack: contributions add up to the score on every row"
		tap_diag "$w/bad"
	fi
	missing=
	for c in account as_of score band coverage_pct drivers prev_score delta trend \
		adoption_stage loyalty days_to_renewal churn_risk churn_flag; do
		head -n 1 "$w/health.tsv" | tr '\t' '\n' | grep -qx "$c" || missing="$missing $c"
	done
	for m in utilization stickiness breadth usage_trend support_load aging csat nps; do
		for c in "$m" "${m}_score" "${m}_pts"; do
			head -n 1 "$w/health.tsv" | tr '\t' '\n' | grep -qx "$c" || missing="$missing $c"
		done
	done
	if [ -z "$missing" ]; then
		tap_ok "ravenstack: every health column is present"
	else
		tap_not_ok "ravenstack: missing columns:$missing"
	fi
	if cs-score flags -a "$w/accounts.csv" -u "$w/usage.csv" --tickets "$w/tickets.csv" \
		--as-of $as_of >"$w/flags.csv" 2>"$w/err"; then
		tap_ok "ravenstack: cs-score flags runs"
	else
		tap_not_ok "ravenstack: cs-score flags runs"
		tap_diag "$w/err"
	fi

	# The report: accounts grouped by their churn events against as-of.
	echo "# ravenstack as of $as_of: how later churners score against the rest"
	awk -F, -v as_of=$as_of 'NR > 1 {
		if ($3 > as_of) later[$2] = 1; else before[$2] = 1
	}
	END {
		for (a in later) if (!(a in before)) print a "\tlater"
		for (a in before) print a "\tbefore"
	}' "$rs/ravenstack_churn_events.csv" >"$w/churners"
	awk -F'\t' -v as_of=$as_of '
		FNR == NR { group[$1] = $2; next }
		FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{
			a = $col["account"]
			g = (a in group) ? group[a] : "never"
			if (substr($col["start_at"], 1, 10) > as_of) g = "not yet signed up"
			n[g]++; sum[g] += $col["score"]; band[g, $col["band"]]++
			cov[g] += $col["coverage_pct"]; risk[g, $col["churn_risk"]]++
		}
		END {
			split("later|never|before|not yet signed up", order, "|")
			for (k = 1; k <= 4; k++) {
				g = order[k]
				if (!n[g]) continue
				label = g == "later" ? "churn event after as-of only" : \
					g == "never" ? "no churn event" : \
					g == "before" ? "churn event on or before as-of" : g
				printf "#   %-30s %3d accounts: mean score %5.1f, red %3d, yellow %3d, green %3d, mean coverage %.0f%%, churn risk high %d\n", \
					label, n[g], sum[g] / n[g], band[g, "red"], band[g, "yellow"], \
					band[g, "green"], cov[g] / n[g], risk[g, "high"]
			}
		}' "$w/churners" "$w/health.tsv"
	awk -F, 'NR > 1 { n[$2]++ } END { for (f in n) printf "#   flag %s: %d\n", f, n[f] }' \
		"$w/flags.csv" | sort
fi
