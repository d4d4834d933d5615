/*
 * Unit tests of the report's aggregation: period ordinals, metrics by
 * period and group, NPS and backlog age.  Every expected value is worked by
 * hand in the comments; instants come from date(1), e.g.
 * date -ud 2026-11-02T00:00:00Z +%s.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "libcs/metrics.h"
#include "libcs/period.h"
#include "libcs/stats.h"
#include "libcs/survey.h"
#include "libcs/weekly.h"
#include "tests/tap.h"

#define H 3600
#define D 86400
#define W45 1793577600 /* Monday 2026-11-02T00:00:00Z */
#define W46 1794182400 /* Monday 2026-11-09 */
#define W47 1794787200 /* Monday 2026-11-16 */

static struct cs_ticket
tk(const char *id, int64_t created, int64_t first_reply, int64_t solved, enum cs_status st,
        long replies, long reopens, enum cs_csat csat)
{
	struct cs_ticket t;

	memset(&t, 0, sizeof t);
	t.id = id;
	t.created_at = created;
	t.first_reply_at = first_reply;
	t.solved_at = solved;
	t.updated_at = CS_UNKNOWN;
	t.status = st;
	t.priority = CS_PRI_NORMAL;
	t.channel = CS_CH_EMAIL;
	t.csat = csat;
	t.first_reply_min = t.resolution_min = t.first_reply_bmin = t.resolution_bmin = NAN;
	t.replies = replies;
	t.reopens = reopens;
	return t;
}

static void
test_periods(void)
{
	char l[CS_PERIOD_LABEL_LEN];
	int64_t ord;
	struct cs_error err;
	struct cs_tz *paris;

	cs_pord_label(CS_PERIOD_WEEK, cs_pord_of(CS_PERIOD_WEEK, NULL, W46 + 3 * D), l);
	tap_str(l, "2026-W46", "Thursday of W46 is in 2026-W46");
	cs_pord_label(CS_PERIOD_WEEK, cs_pord_of(CS_PERIOD_WEEK, NULL, W46 - 1), l);
	tap_str(l, "2026-W45", "one second before Monday is the week before");
	cs_pord_label(CS_PERIOD_MONTH, cs_pord_of(CS_PERIOD_MONTH, NULL, W46), l);
	tap_str(l, "2026-11", "month label");
	cs_pord_label(CS_PERIOD_DAY, cs_pord_of(CS_PERIOD_DAY, NULL, W46 + 5 * D + 1), l);
	tap_str(l, "2026-11-14", "day label");
	tap_long(cs_pord_parse(CS_PERIOD_WEEK, "2026-W46", &ord), 0, "parse a week");
	tap_long(cs_pord_start(CS_PERIOD_WEEK, NULL, ord), W46, "2026-W46 starts 2026-11-09");
	/* 2026 starts on a Thursday, so it has a week 53; 2025 does not. */
	tap_long(cs_pord_parse(CS_PERIOD_WEEK, "2026-W53", &ord), 0, "2026-W53 exists");
	tap_long(cs_pord_parse(CS_PERIOD_WEEK, "2025-W53", &ord), -1, "2025-W53 does not");
	cs_pord_label(CS_PERIOD_WEEK, ord + 1, l);
	tap_long(cs_pord_parse(CS_PERIOD_WEEK, "2026-W1", &ord), -1, "week needs two digits");
	tap_long(cs_pord_parse(CS_PERIOD_MONTH, "2026-13", &ord), -1, "month 13 is no month");
	tap_long(cs_pord_parse(CS_PERIOD_DAY, "2026-02-30", &ord), -1, "no 30 February");
	tap_long(cs_pord_parse(CS_PERIOD_MONTH, "2026-01", &ord), 0, "parse a month");
	cs_pord_label(CS_PERIOD_MONTH, ord - 1, l);
	tap_str(l, "2025-12", "the month before January is December");

	/* 2026-03-29T22:30:00Z (1774823400) is Monday 00:30 CEST in Paris
	 * but still Sunday in UTC. */
	paris = cs_tz_load("Europe/Paris", &err);
	tap_ok(paris != NULL, "load Europe/Paris");
	if (paris) {
		cs_pord_label(CS_PERIOD_WEEK, cs_pord_of(CS_PERIOD_WEEK, NULL, 1774823400), l);
		tap_str(l, "2026-W13", "Sunday night in UTC is W13");
		ord = cs_pord_of(CS_PERIOD_WEEK, paris, 1774823400);
		cs_pord_label(CS_PERIOD_WEEK, ord, l);
		tap_str(l, "2026-W14", "the same instant in Paris is W14");
		/* W14 starts Monday 00:00 CEST = 2026-03-29T22:00:00Z. */
		tap_long(cs_pord_start(CS_PERIOD_WEEK, paris, ord), 1774821600,
		        "Paris week starts at local midnight after the DST change");
		/* The day of the change is 23 hours long in Paris. */
		ord = cs_pord_of(CS_PERIOD_DAY, paris, 1774760400); /* 29th 05:00Z */
		tap_long(cs_pord_start(CS_PERIOD_DAY, paris, ord + 1) -
		                cs_pord_start(CS_PERIOD_DAY, paris, ord),
		        23 * H, "29 March 2026 lasts 23 hours in Paris");
		cs_tz_free(paris);
	}
}

/*
 * Four tickets over three weeks, W46 empty:
 *   T1 created W45 Mon 10:00, reply +30 min, solved +2 h; 1 reply, 0 reopens, good
 *   T2 created W45 Tue 09:00, reply +90 min, closed W47 Mon 09:00 (13 days
 *      = 18720 min = 312 h later); 3 replies, 1 reopen, bad
 *   T3 created W45 Wed 12:00, never replied, open
 *   T4 created W47 Tue 00:00, reply +10 min, solved +1 h; 0 replies,
 *      reopens unknown, csat offered
 */
static void
test_metrics(void)
{
	struct cs_metrics_options o;
	struct cs_metrics *m;
	struct cs_metrics_result r;
	struct cs_sla *sla = cs_sla_defaults();
	struct cs_ticket t[4];
	int64_t first, last, w45, i;

	t[0] = tk("T1", W45 + 10 * H, W45 + 10 * H + 30 * 60, W45 + 12 * H, CS_ST_SOLVED, 1, 0,
	        CS_CSAT_GOOD);
	t[1] = tk("T2", W45 + D + 9 * H, W45 + D + 9 * H + 90 * 60, W47 + 9 * H, CS_ST_CLOSED, 3, 1,
	        CS_CSAT_BAD);
	t[2] = tk(
	        "T3", W45 + 2 * D + 12 * H, CS_UNKNOWN, CS_UNKNOWN, CS_ST_OPEN, 0, 0, CS_CSAT_NONE);
	t[3] = tk("T4", W47 + D, W47 + D + 600, W47 + D + H, CS_ST_SOLVED, 0, -1, CS_CSAT_OFFERED);
	memset(&o, 0, sizeof o);
	o.period = CS_PERIOD_WEEK;
	o.sla = sla;
	o.as_of = CS_UNKNOWN;
	m = cs_metrics_new(&o, 0);
	/* Out of order on purpose: the grid grows on both sides. */
	cs_metrics_add(m, NULL, NULL, &t[3], NULL, 0);
	for (i = 0; i < 3; i++)
		cs_metrics_add(m, NULL, NULL, &t[i], NULL, 0);
	cs_metrics_finish(m);
	tap_ok(cs_metrics_span(m, &first, &last) && last - first == 2, "three weeks of data");
	w45 = cs_pord_of(CS_PERIOD_WEEK, NULL, W45);
	tap_long(first, w45, "span starts at W45");
	/* as_of is the latest instant: T4 solved, W47 Tue 01:00. */
	tap_long(cs_metrics_as_of(m), W47 + D + H, "as_of defaults to the latest instant");

	cs_metrics_result(m, 0, w45, &r);
	tap_long(r.created, 3, "W45 created");
	tap_long(r.solved, 1, "W45 solved (T2 is solved in a later week)");
	tap_long(r.backlog, 2, "W45 backlog: T2 and T3");
	tap_long(r.frt_n, 2, "W45 frt_n");
	tap_num(r.frt_mean_min, 60, 1e-9, "W45 frt mean (30+90)/2");
	tap_num(r.frt_p50_min, 60, 1e-9, "W45 frt p50");
	tap_num(r.frt_p90_min, 84, 1e-6, "W45 frt p90 = 30 + 0.9*60");
	tap_long(r.res_n, 1, "W45 res_n");
	tap_num(r.res_p50_h, 2, 1e-9, "W45 res p50 2 h");
	/* SLA (normal: 480 min / 4320 min): T1 met; T2 resolution 18720 >
	 * 4320 breached; T3 unreplied past 8 h before the end of W45. */
	tap_long(r.sla_n, 3, "W45 sla_n");
	tap_num(r.sla_met_pct, 100.0 / 3, 1e-9, "W45 sla met 1/3");
	tap_num(r.one_touch_pct, 100, 1e-9, "W45 one-touch 1/1");
	tap_num(r.reopen_pct, 0, 1e-9, "W45 reopen 0/1");
	tap_long(r.csat_good, 1, "W45 csat good");
	tap_num(r.csat_pct, 100, 1e-9, "W45 csat 100");

	cs_metrics_result(m, 0, w45 + 1, &r);
	tap_long(r.created + r.solved, 0, "W46 is empty");
	tap_long(r.backlog, 2, "W46 backlog carries over");
	tap_long(r.frt_n, 0, "W46 frt_n 0");
	tap_ok(isnan(r.frt_p50_min) && isnan(r.res_mean_h), "W46 durations unknown");
	tap_ok(isnan(r.sla_met_pct) && isnan(r.csat_pct) && isnan(r.one_touch_pct),
	        "W46 ratios unknown, not zero");

	cs_metrics_result(m, 0, w45 + 2, &r);
	tap_long(r.created, 1, "W47 created");
	tap_long(r.solved, 2, "W47 solved T2 and T4");
	tap_long(r.backlog, 1, "W47 backlog T3");
	tap_num(r.frt_p50_min, 10, 1e-6, "W47 frt 10 min");
	tap_num(r.res_mean_h, 156.5, 1e-3, "W47 res mean (312+1)/2");
	tap_num(r.res_p90_h, 280.9, 1e-2, "W47 res p90 = 1 + 0.9*311");
	tap_num(r.one_touch_pct, 50, 1e-9, "W47 one-touch: T4 yes, T2 no");
	tap_num(r.reopen_pct, 100, 1e-9, "W47 reopen: T2 yes, T4 unknown");
	tap_long(r.csat_bad, 1, "W47 csat bad");
	tap_num(r.csat_pct, 0, 1e-9, "W47 csat 0 (offered does not count)");
	tap_long(r.sla_n, 1, "W47 sla_n: T4");
	tap_num(r.sla_met_pct, 100, 1e-9, "W47 sla met");

	cs_metrics_result(m, 0, w45 + 5, &r);
	tap_long(r.backlog, 1, "backlog carries past the data");
	cs_metrics_result(m, 0, w45 - 1, &r);
	tap_long(r.backlog, 0, "no backlog before the data");
	cs_metrics_free(m);

	/* Business minutes from the source win; without them and without a
	 * calendar the durations are unknown. */
	o.business = 1;
	m = cs_metrics_new(&o, 1);
	t[0].first_reply_bmin = 12;
	{
		const char *k[1] = {"a"};
		size_t l[1] = {1};

		cs_metrics_add(m, k, l, &t[0], NULL, 0);
		cs_metrics_add(m, k, l, &t[3], NULL, 0);
		k[0] = "b";
		cs_metrics_add(m, k, l, &t[2], NULL, 0);
	}
	cs_metrics_finish(m);
	tap_long((long long)cs_metrics_ngroups(m), 2, "two groups");
	cs_metrics_result(m, 0, w45, &r);
	tap_long(r.frt_n, 1, "business: only the source's bmin is known");
	tap_num(r.frt_p50_min, 12, 1e-6, "business: first_reply_bmin used");
	tap_long(r.res_n, 0, "business: no resolution_bmin, no calendar: unknown");
	cs_metrics_result(m, 1, w45, &r);
	tap_long(r.created, 1, "group b created");
	tap_str(cs_metrics_keys(m, 1)[0], "b", "group b key");
	cs_metrics_free(m);
	cs_sla_free(sla);
}

static void
test_nps(void)
{
	struct cs_nps *n = cs_nps_new(0);
	struct cs_nps_result r;
	int s[] = {10, 9, 8, 7, 6, 0}, i;

	for (i = 0; i < 6; i++)
		cs_nps_add(n, NULL, NULL, 5, s[i]);
	cs_nps_add(n, NULL, NULL, 6, 10);
	cs_nps_add(n, NULL, NULL, 6, 10);
	cs_nps_add(n, NULL, NULL, 6, 3);
	cs_nps_result(n, 0, 5, &r);
	tap_long(r.promoters * 100 + r.passives * 10 + r.detractors, 222,
	        "2 promoters, 2 "
	        "passives, 2 detractors");
	tap_num(r.nps, 0, 1e-9, "NPS (2-2)/6 = 0");
	cs_nps_result(n, 0, 6, &r);
	tap_num(r.nps, 100.0 / 3, 1e-9, "NPS (2-1)/3 = 33.3");
	cs_nps_result(n, 0, 7, &r);
	tap_long(r.responses, 0, "no answers: 0 responses");
	tap_ok(isnan(r.nps), "no answers: NPS unknown");
	tap_long(cs_survey_score("9", 1), 9, "score 9");
	tap_long(cs_survey_score("10.0", 4), 10, "score 10.0");
	tap_long(cs_survey_score("11", 2), -1, "score 11 is out of range");
	tap_long(cs_survey_score("9.5", 3), -1, "score 9.5 is not whole");
	tap_long(cs_survey_score("", 0), -1, "empty score");
	tap_long(cs_survey_score("yes", 3), -1, "score yes");
	cs_nps_free(n);
}

static void
test_age(void)
{
	struct cs_ticket t[3];
	struct cs_backlog_age *b;
	struct cs_backlog_age_result r;
	int i;

	t[0] = tk("T2", W45 + D + 9 * H, CS_UNKNOWN, W47 + 9 * H, CS_ST_CLOSED, 3, 1, CS_CSAT_NONE);
	t[1] = tk(
	        "T3", W45 + 2 * D + 12 * H, CS_UNKNOWN, CS_UNKNOWN, CS_ST_OPEN, 0, 0, CS_CSAT_NONE);
	t[2] = tk("T4", W47 + D, CS_UNKNOWN, W47 + D + H, CS_ST_SOLVED, 0, 0, CS_CSAT_NONE);
	/* At W46 Monday 00:00, T2 (5 d 15 h old) and T3 (4 d 12 h) are open. */
	b = cs_backlog_age_new(0, W46);
	for (i = 0; i < 3; i++)
		cs_backlog_age_add(b, NULL, NULL, &t[i]);
	cs_backlog_age_finish(b);
	cs_backlog_age_result(b, 0, &r);
	tap_long(r.open, 2, "two open at W46");
	tap_long(r.bucket[2], 2, "both in 3-7d");
	tap_str(r.oldest_id, "T2", "oldest is T2");
	tap_num(r.oldest_age_d, 5.625, 1e-9, "T2 is 5.625 days old");
	cs_backlog_age_free(b);
	/* Without as_of: the latest instant (W47 Tue 01:00); only T3 is
	 * unsolved, 12 d 13 h old. */
	b = cs_backlog_age_new(0, CS_UNKNOWN);
	for (i = 0; i < 3; i++)
		cs_backlog_age_add(b, NULL, NULL, &t[i]);
	cs_backlog_age_finish(b);
	cs_backlog_age_result(b, 0, &r);
	tap_long(r.open, 1, "one open at the latest instant");
	tap_long(r.bucket[3], 1, "T3 in 7-30d");
	tap_num(r.oldest_age_d, 12 + 13.0 / 24, 1e-9, "T3 is 12 d 13 h old");
	cs_backlog_age_free(b);
}

/*
 * Percentiles by selection against the sorted reference of stats.h, on
 * pseudo-random whole minutes (exact in a float): few distinct values
 * (many ties), many, and sizes around the edges.
 */
static void
test_selection(void)
{
	static const size_t sizes[] = {1, 2, 3, 10, 11, 1000, 4097};
	static const unsigned spread[] = {3, 1000000};
	struct cs_metrics_options o;
	size_t si, k, i;
	unsigned long seed = 12345;
	int bad = 0;

	memset(&o, 0, sizeof o);
	o.period = CS_PERIOD_WEEK;
	o.as_of = CS_UNKNOWN;
	for (si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
		for (k = 0; k < 2; k++) {
			struct cs_metrics *m = cs_metrics_new(&o, 0);
			struct cs_values ref;
			struct cs_metrics_result r;
			struct cs_ticket t = tk(
			        "s", W46, CS_UNKNOWN, CS_UNKNOWN, CS_ST_OPEN, 0, 0, CS_CSAT_NONE);

			cs_values_init(&ref);
			for (i = 0; i < sizes[si]; i++) {
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				t.first_reply_min = (double)((seed >> 33) % spread[k]);
				cs_values_add(&ref, t.first_reply_min);
				cs_metrics_add(m, NULL, NULL, &t, NULL, 0);
			}
			cs_metrics_finish(m);
			cs_metrics_result(m, 0, cs_pord_of(CS_PERIOD_WEEK, NULL, W46), &r);
			if (r.frt_p50_min != cs_values_percentile(&ref, 0.5) ||
			        fabs(r.frt_p90_min - cs_values_percentile(&ref, 0.9)) > 1e-9) {
				bad++;
				printf("# n=%zu spread=%u: p50 %g/%g p90 %g/%g\n", sizes[si],
				        spread[k], r.frt_p50_min, cs_values_percentile(&ref, 0.5),
				        r.frt_p90_min, cs_values_percentile(&ref, 0.9));
			}
			cs_values_release(&ref);
			cs_metrics_free(m);
		}
	}
	tap_ok(bad == 0, "percentiles by selection equal the sorted reference");
}

int
main(void)
{
	test_selection();
	test_periods();
	test_metrics();
	test_nps();
	test_age();
	return tap_done();
}
