/*
 * Unit tests of the health model, the scoring and the flags: sub-scores,
 * band edges, renormalisation, the rounding rule that makes contributions
 * add up to the score, stages, loyalty, churn risk, trend, the model file,
 * the hash tables, and the accumulation of facts from in-memory streams.
 * Expected values are worked by hand in the comments.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"
#include "libcs/csv.h"
#include "libcs/datetime.h"
#include "libcs/flags.h"
#include "libcs/hash.h"
#include "libcs/health.h"
#include "libcs/model.h"
#include "tests/tap.h"

static void
test_subscore(void)
{
	/* utilization bad 0.3 good 0.8: 0.55 is half way, 50. */
	tap_num(cs_health_subscore(0.55, 0.3, 0.8), 50, 1e-9, "sub-score is linear");
	tap_num(cs_health_subscore(0.2, 0.3, 0.8), 0, 0, "below bad clamps to 0");
	tap_num(cs_health_subscore(0.9, 0.3, 0.8), 100, 0, "above good clamps to 100");
	/* support_load bad 5 good 0.5 (falling): 2.75 is half way. */
	tap_num(cs_health_subscore(2.75, 5, 0.5), 50, 1e-9, "a falling scale works");
	tap_num(cs_health_subscore(6, 5, 0.5), 0, 0, "a falling scale clamps at bad");
	tap_ok(isnan(cs_health_subscore(NAN, 0.3, 0.8)), "no data gives no sub-score");
}

static void
test_bands(void)
{
	struct cs_model m;

	cs_model_init(&m);
	tap_str(cs_health_band(&m, 39.9), "red", "39.9 is red");
	tap_str(cs_health_band(&m, 40), "yellow", "40 is yellow (red below 40)");
	tap_str(cs_health_band(&m, 69.9), "yellow", "69.9 is yellow");
	tap_str(cs_health_band(&m, 70), "green", "70 is green (green from 70)");
	tap_str(cs_health_band(&m, NAN), "", "no score, no band");
	cs_model_release(&m);
}

/* Raw values with all measures unknown but the listed ones. */
static void
raw_none(double raw[CS_M_COUNT])
{
	int i;

	for (i = 0; i < CS_M_COUNT; i++)
		raw[i] = NAN;
}

static void
test_combine(void)
{
	struct cs_model m;
	struct cs_score s;
	double raw[CS_M_COUNT];

	cs_model_init(&m);
	/* Only nps (w 10) and csat (w 10) have data: W 20, coverage 20%.
	 * nps 7 -> s 50, c 10*50/20 = 25; csat 0.95 -> s 100, c 50. */
	raw_none(raw);
	raw[CS_M_NPS] = 7;
	raw[CS_M_CSAT] = 0.95;
	cs_health_combine(&m, &m.base, raw, &s);
	tap_num(s.coverage, 20, 1e-9, "coverage is the weight with data");
	tap_num(s.pts[CS_M_NPS], 25, 1e-9, "renormalised contribution of nps");
	tap_num(s.pts[CS_M_CSAT], 50, 1e-9, "renormalised contribution of csat");
	tap_num(s.score, 75, 1e-9, "score of two measures");
	tap_ok(isnan(s.pts[CS_M_UTILIZATION]), "a measure with no data has no contribution");
	/* Score exactly 40: nps alone at 6.6 -> s 40. */
	raw_none(raw);
	raw[CS_M_NPS] = 6.6;
	cs_health_combine(&m, &m.base, raw, &s);
	tap_num(s.score, 40, 1e-9, "nps 6.6 alone scores 40");
	tap_str(s.band, "yellow", "a score of exactly 40 is yellow");
	/* nps 7.8 -> s 70, green. */
	raw[CS_M_NPS] = 7.8;
	cs_health_combine(&m, &m.base, raw, &s);
	tap_str(s.band, "green", "a score of exactly 70 is green");
	/* Nothing has data: no score. */
	raw_none(raw);
	cs_health_combine(&m, &m.base, raw, &s);
	tap_ok(isnan(s.score) && strcmp(s.band, "") == 0 && s.coverage == 0,
	        "no data: no score, no band, coverage 0");
	/* Six equal weights at 100: each exact 16.667; rounding each to the
	 * nearest would sum to 100.2, the largest-remainder rule gives 100. */
	{
		struct cs_profile p = m.base;
		int i;

		for (i = 0; i < CS_M_COUNT; i++)
			p.m[i].weight = i < 6 ? 1 : 0;
		raw_none(raw);
		for (i = 0; i < 6; i++)
			raw[i] = 1e9 * (p.m[i].good > p.m[i].bad ? 1 : -1);
		cs_health_combine(&m, &p, raw, &s);
		tap_num(s.score, 100, 1e-9, "six sixths add up to 100, not 100.2");
		tap_num(s.pts[0] + s.pts[1] + s.pts[2] + s.pts[3] + s.pts[4] + s.pts[5], 100, 1e-9,
		        "the rounded contributions add up to it");
	}
	cs_model_release(&m);
}

/* A small deterministic generator for the property test. */
static uint64_t rng_state = 88172645463325252ull;

static double
rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (double)(rng_state >> 11) / 9007199254740992.0;
}

static void
test_sum_property(void)
{
	struct cs_model m;
	struct cs_score s;
	double raw[CS_M_COUNT];
	int t, i, bad_sum = 0, bad_close = 0, bad_range = 0;

	cs_model_init(&m);
	for (t = 0; t < 20000; t++) {
		double exact = 0, w = 0;
		long tenths = 0;

		m.combine = (enum cs_combine)(t % 3);
		for (i = 0; i < CS_M_COUNT; i++) {
			m.base.m[i].weight = floor(rnd() * 30);
			raw[i] = rnd() < 0.2 ? NAN
			                     : m.base.m[i].bad +
			                (m.base.m[i].good - m.base.m[i].bad) * (rnd() * 1.4 - 0.2);
			if (!isnan(raw[i]))
				w += m.base.m[i].weight;
		}
		if (w == 0)
			continue;
		cs_health_combine(&m, &m.base, raw, &s);
		for (i = 0; i < CS_M_COUNT; i++) {
			double c;

			if (isnan(s.pts[i]))
				continue;
			tenths += lround(s.pts[i] * 10);
			c = 100 * m.base.m[i].weight / w - s.lost[i];
			exact += c;
			if (fabs(c - s.pts[i]) >= 0.1 + 1e-9)
				bad_close++;
		}
		if (tenths != lround(s.score * 10))
			bad_sum++;
		if (fabs(s.score - exact) > 0.05 + 1e-9)
			bad_close++;
		if (s.score < 0 || s.score > 100)
			bad_range++;
	}
	tap_long(bad_sum, 0, "20000 random accounts: contributions add up to the score exactly");
	tap_long(bad_close, 0, "each contribution within 0.1, the score within 0.05 of exact");
	tap_long(bad_range, 0, "scores stay within 0..100");
	cs_model_release(&m);
}

static void
test_labels(void)
{
	struct cs_model m;
	struct cs_facts f;
	double raw[CS_M_COUNT];
	int64_t d = cs_days_from_civil(2026, 3, 31);

	cs_model_init(&m);
	cs_facts_init(&f);
	raw_none(raw);
	f.has_usage = f.has_users = 1;
	/* Onboarding: start 29 days ago is inside 30 days, 30 days ago is not. */
	f.start_day = d - 29;
	tap_str(cs_health_stage(&m, &f, raw, d), "onboarding", "start 29 days ago: onboarding");
	f.start_day = d - 30;
	raw[CS_M_USAGE_TREND] = 0.69;
	tap_str(cs_health_stage(&m, &f, raw, d), "declining", "start 30 days ago, trend 0.69");
	raw[CS_M_USAGE_TREND] = 0.7;
	raw[CS_M_UTILIZATION] = 0.6;
	tap_str(cs_health_stage(&m, &f, raw, d), "adopted", "trend 0.7, utilization 0.6: adopted");
	raw[CS_M_UTILIZATION] = 0.59;
	f.active = 6;
	f.active_prev = 5;
	tap_str(cs_health_stage(&m, &f, raw, d), "ramping", "6 users against 5 is +20%: ramping");
	f.active_prev = 5.1;
	tap_str(cs_health_stage(&m, &f, raw, d), "stalled", "6 against 5.1 is under +20%: stalled");
	f.has_usage = 0;
	tap_str(cs_health_stage(&m, &f, raw, d), "", "no usage input: no stage");

	/* Loyalty quadrants. */
	cs_facts_init(&f);
	f.has_surveys = 1;
	tap_str(cs_health_loyalty(&m, &f, d), "unknown", "no answer: unknown");
	f.nps_n = 2;
	f.nps_sum = 18; /* mean 9: a promoter */
	f.start_day = d - 366;
	tap_str(cs_health_loyalty(&m, &f, d), "advocate", "promoter, 366 days: advocate");
	f.start_day = d - 365;
	tap_str(cs_health_loyalty(&m, &f, d), "fan", "promoter, 365 days is not over a year: fan");
	f.nps_sum = 17.8; /* mean 8.9 */
	tap_str(cs_health_loyalty(&m, &f, d), "detached", "8.9, new: detached");
	f.start_day = CS_DAY_NONE;
	tap_str(cs_health_loyalty(&m, &f, d), "detached", "unknown start counts as new");
	f.start_day = d - 400;
	tap_str(cs_health_loyalty(&m, &f, d), "captive", "8.9, tenured: captive");

	/* Churn risk. */
	tap_str(cs_health_churn_risk(&m, "red", NAN, "adopted"), "high", "red: high");
	tap_str(cs_health_churn_risk(&m, "yellow", 90, "adopted"), "high",
	        "yellow, renewal in 90 days: high");
	tap_str(cs_health_churn_risk(&m, "yellow", 91, "adopted"), "medium",
	        "yellow, renewal in 91 days: medium");
	tap_str(cs_health_churn_risk(&m, "yellow", -1, "adopted"), "medium",
	        "yellow, renewal date passed: medium");
	tap_str(cs_health_churn_risk(&m, "yellow", NAN, "declining"), "high", "yellow, declining");
	tap_str(cs_health_churn_risk(&m, "green", 10, "declining"), "low", "green: low");
	tap_str(cs_health_churn_risk(&m, "", 10, ""), "", "no band: no risk");

	/* Trend: flat within 2 points either way. */
	tap_str(cs_health_trend(&m, 29.3, 31.3), "flat", "-2.0 is flat");
	tap_str(cs_health_trend(&m, 29.2, 31.3), "down", "-2.1 is down");
	tap_str(cs_health_trend(&m, 52.1, 50), "up", "+2.1 is up");
	tap_str(cs_health_trend(&m, 50, NAN), "", "no previous score: no trend");
	cs_model_release(&m);
}

static void
test_drivers(void)
{
	struct cs_model m;
	struct cs_facts f;
	struct cs_score s;
	struct cs_buf b;
	int64_t d = cs_days_from_civil(2026, 3, 31);

	cs_model_init(&m);
	cs_facts_init(&f);
	cs_buf_init(&b);
	/* utilization 0.3 (s 0, lost 25) and csat 0.6 (s 0, lost 10); aging 0
	 * (s 100, lost 0).  W = 25 + 5 + 10 + 10 (support_load 0) = 50. */
	f.has_usage = f.has_users = f.has_tickets = 1;
	f.seats = 10;
	f.active = 3;
	f.user_days = 3 * 28; /* stickiness 1: s 100 */
	f.csat_good = 6;
	f.csat_bad = 4;
	f.start_day = d - 100;
	cs_health_evaluate(&m, &f, NULL, d, &s);
	tap_long(s.drivers[0], CS_M_UTILIZATION, "first driver: utilization");
	tap_long(s.drivers[1], CS_M_CSAT, "second driver: csat");
	cs_health_drivers_text(&m, &f, &s, &b);
	tap_str(b.data, "low utilization: 3 of 10 seats active; csat 60% (6 good of 10 rated)",
	        "drivers in words");
	/* W = 25 + 15 + 10 + 5 + 10 = 65; utilization c 0, stickiness 15*100/65
	 * = 23.08, support_load 15.38, aging 7.69, csat 0: 46.15 -> 46.2. */
	tap_num(s.score, 46.2, 1e-9, "score of the drivers example");
	cs_buf_release(&b);
	cs_model_release(&m);
}

static void
test_model_file(void)
{
	struct cs_model m, m2;
	struct cs_error err;
	char *text = NULL, *text2 = NULL;
	size_t len = 0, len2 = 0;
	FILE *fp;
	const char *bad[][2] = {
	        {"combine best\n", "x:1: unknown combine rule 'best' (weighted, worst or points)"},
	        {"\n\nmeasure speed 1 2 3\n", "x:3: unknown measure 'speed'"},
	        {"measure nps 5 9\n", "x:1: a measure needs BAD GOOD WEIGHT, found 2 values"},
	        {"measure nps 5 5 10\n", "x:1: bad and good thresholds are equal: '5'"},
	        {"measure nps 5 9 -1\n", "x:1: a weight cannot be negative: '-1'"},
	        {"red_below ten\n", "x:1: not a number: 'ten'"},
	        {"usage_days 40\n", "x:1: usage_days must be between 1 and 32: '40'"},
	        {"colour red\n", "x:1: unknown setting 'colour'"},
	        {"red_below 80\n", "x: red_below 80 is above green_from 70"},
	};
	static const char profiled[] =
	        "combine points # comment\nprofile tt nps 4 8 20\nmeasure nps 1 2 3\n";
	size_t i;
	char msg[1200];

	cs_model_init(&m);
	fp = open_memstream(&text, &len);
	tap_ok(cs_model_print(&m, fp) == 0, "the built-in model prints");
	fclose(fp);
	cs_model_init(&m2);
	tap_ok(cs_model_load_mem(&m2, "m", text, len, &err) == 0, "the printed model loads");
	fp = open_memstream(&text2, &len2);
	cs_model_print(&m2, fp);
	fclose(fp);
	tap_ok(len == len2 && memcmp(text, text2, len) == 0, "and prints the same again");
	tap_ok(memcmp(&m.base, &m2.base, sizeof m.base) == 0 && m.usage_days == m2.usage_days,
	        "with the same values");
	free(text);
	free(text2);
	cs_model_release(&m2);

	cs_model_init(&m2);
	/* The length without the string's terminating NUL, which the loader
	 * refuses as it would in a file. */
	tap_ok(cs_model_load_mem(&m2, "m", profiled, sizeof profiled - 1, &err) == 0,
	        "a model with a profile loads");
	tap_ok(m2.combine == CS_COMBINE_POINTS, "combine rule read");
	tap_ok(m2.nprofiles == 1 && m2.profiles[0].m[CS_M_NPS].weight == 20 &&
	                m2.profiles[0].m[CS_M_UTILIZATION].weight == 25,
	        "a profile starts as a copy of the base");
	tap_ok(m2.base.m[CS_M_NPS].bad == 1, "a later base line changes the base only");
	tap_ok(cs_model_profile(&m2, "TT", 0) == &m2.profiles[0], "segment picks its profile");
	tap_ok(cs_model_profile(&m2, "other", 1) == &m2.base, "no profile: the base");
	cs_model_release(&m2);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cs_model_init(&m2);
		if (cs_model_load_mem(&m2, "x", bad[i][0], strlen(bad[i][0]), &err) == 0)
			tap_ok(0, bad[i][1]);
		else
			tap_str(cs_error_format(&err, msg, sizeof msg), bad[i][1], bad[i][1]);
		cs_model_release(&m2);
	}
	cs_model_release(&m);
}

static void
test_hash(void)
{
	struct cs_strmap s;
	struct cs_u64tab u;
	char key[32];
	uint32_t i, wrong = 0;

	cs_strmap_init(&s);
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof key, "acct-%u", i);
		if (cs_strmap_intern(&s, key, strlen(key), NULL) != i)
			wrong++;
	}
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof key, "acct-%u", i);
		if (cs_strmap_find(&s, key, strlen(key)) != i ||
		        strcmp(cs_strmap_key(&s, i), key) != 0)
			wrong++;
	}
	tap_long(wrong, 0, "strmap: 100000 keys get dense indexes and are found again");
	tap_ok(cs_strmap_find(&s, "acct-", 5) == CS_HASH_NONE, "strmap: a missing key");
	tap_ok(cs_strmap_intern(&s, "", 0, NULL) == 100000, "strmap: the empty key is a key");
	cs_strmap_release(&s);
	cs_u64tab_init(&u, sizeof(uint32_t));
	wrong = 0;
	for (i = 0; i < 50000; i++) {
		uint32_t *v = cs_u64tab_get(&u, (uint64_t)i << 32 | (i * 7), NULL);

		*v = i;
	}
	for (i = 0; i < 50000; i++) {
		uint32_t *v = cs_u64tab_find(&u, (uint64_t)i << 32 | (i * 7));

		if (v == NULL || *v != i)
			wrong++;
	}
	tap_long(wrong, 0, "u64tab: 50000 pairs keep their values across growth");
	tap_ok(cs_u64tab_find(&u, 1) == NULL, "u64tab: a missing key");
	{
		size_t pos = 0, n = 0;
		uint64_t k, sum = 0;
		uint32_t *v;

		while ((v = cs_u64tab_next(&u, &pos, &k)) != NULL) {
			n++;
			sum += *v;
			if (k >> 32 != *v)
				wrong++;
		}
		/* 0 + 1 + ... + 49999 = 49999 * 50000 / 2 = 1249975000. */
		tap_ok(n == 50000 && sum == 1249975000u && wrong == 0,
		        "u64tab: a walk sees each once");
	}
	cs_u64tab_release(&u);
}

/* Feeds one in-memory stream to h; returns the number of rejects. */
static int
feed(struct cs_health *h, const char *name, const char *text,
        int (*begin)(struct cs_health *, const struct cs_row *, const char *, struct cs_error *),
        int (*add)(struct cs_health *, const struct cs_row *, struct cs_error *),
        char *first_reject, size_t size)
{
	struct cs_csv_options opt;
	struct cs_error err;
	struct cs_csv_reader *r;
	struct cs_row row;
	int rejects = 0, rc;

	cs_csv_options_init(&opt);
	r = cs_csv_open_mem(name, text, strlen(text), &opt, &err);
	if (r == NULL || begin(h, cs_csv_header(r), name, &err) < 0) {
		snprintf(first_reject, size, "%s", err.msg);
		if (r)
			cs_csv_close(r);
		return -1;
	}
	while (cs_csv_read(r, &row, &err) > 0) {
		rc = add(h, &row, &err);
		if (rc != 0 && rejects++ == 0)
			cs_error_format(&err, first_reject, size);
	}
	cs_csv_close(r);
	return rejects;
}

static void
test_accumulate(void)
{
	struct cs_model m;
	struct cs_health *h;
	const struct cs_facts *f;
	char why[1200] = "";
	struct cs_flag fl[CS_F_COUNT];
	size_t n;

	cs_model_init(&m);
	h = cs_health_new(&m, NULL);
	tap_long(feed(h, "a.csv", "account,seats,start_at\nx,4,2025-01-01\ny,,\nx,5,\n",
	                 cs_health_accounts_begin, cs_health_accounts_add, why, sizeof why),
	        1, "a duplicate account is rejected");
	tap_str(why, "a.csv:4: duplicate account 'x'", "naming its line");
	/* Out of order rows; a row 70 days old lies beyond the 64-day ring; a
	 * row after the latest date moves as-of. */
	tap_long(feed(h, "u.csv",
	                 "account,date,user,events\n"
	                 "x,2026-03-30,a,2\n"
	                 "x,2026-01-20,b,5\n"
	                 "x,2026-03-31,b,3\n"
	                 "x,2026-03-01,c,4\n"
	                 "x,2026-03-30,a,1\n"
	                 "z,2026-03-30,a,1\n"
	                 "x,someday,a,1\n"
	                 "x,2026-03-29,a,-1\n"
	                 "y,2026-03-31,q,0\n",
	                 cs_health_usage_begin, cs_health_usage_add, why, sizeof why),
	        3, "unknown account, bad date and negative events are rejected");
	tap_str(why, "u.csv:7: unknown account 'z'", "the first reject names its line");
	/* Aging edge: a high ticket created 7 days before as-of is aging, one
	 * created 6 days before is not; a ticket solved after as-of was open. */
	tap_long(feed(h, "t.csv",
	                 "id,created_at,account,priority,status,solved_at\n"
	                 "1,2026-03-24T23:00:00Z,x,high,open,\n"
	                 "2,2026-03-25T01:00:00Z,x,urgent,open,\n"
	                 "3,2026-03-01T00:00:00Z,x,urgent,solved,2026-04-02T00:00:00Z\n"
	                 "4,2026-03-01T00:00:00Z,x,urgent,closed,\n",
	                 cs_health_tickets_begin, cs_health_tickets_add, why, sizeof why),
	        0, "tickets read");
	cs_health_set_as_of(h, cs_days_from_civil(2026, 3, 31));
	cs_health_finish(h);
	f = cs_health_facts(h, 0);
	/* Window 03-04..03-31: a (03-30), b (03-31) active; c (03-01) and b's
	 * 01-20 are in no window or the earlier one (02-04..03-03): c. */
	tap_num(f->active, 2, 0, "two users active in the window");
	tap_num(f->active_prev, 1, 0, "one user in the window before");
	tap_num(f->user_days, 2, 0, "two user-days (a's two rows are one day)");
	tap_num(f->events, 6, 0, "events 2 + 3 + 1");
	tap_num(f->events_prev, 4, 0, "events before: 4");
	tap_num(f->aging, 2, 0, "aging: created 7 days before, and solved after as-of");
	tap_num(f->tickets_7, 1, 0, "one ticket in the last 7 days (03-25)");
	tap_num(cs_health_score(h, 0)->raw[CS_M_UTILIZATION], 0.5, 1e-12, "utilization 2/4");
	tap_num(cs_health_facts(h, 1)->active, 0, 0, "a zero-event row is not activity");
	tap_ok(isnan(cs_health_score(h, 1)->raw[CS_M_UTILIZATION]), "no seats: no utilization");
	n = cs_flags_eval(&m, f, cs_health_score(h, 0), fl);
	tap_ok(n >= 1 && fl[n - 1].id == CS_F_AGING_TICKET, "the aging tickets raise a flag");
	cs_health_free(h);

	/* Default as-of: the latest date of every input. */
	h = cs_health_new(&m, NULL);
	feed(h, "a.csv", "account\nx\n", cs_health_accounts_begin, cs_health_accounts_add, why,
	        sizeof why);
	feed(h, "s.csv", "account,score,answered_at\nx,9,2026-04-05T10:00:00Z\n",
	        cs_health_surveys_begin, cs_health_surveys_add, why, sizeof why);
	cs_health_finish(h);
	tap_long(cs_health_as_of(h), cs_days_from_civil(2026, 4, 5),
	        "as-of defaults to the latest date");
	cs_health_free(h);
	h = cs_health_new(&m, NULL);
	feed(h, "a.csv", "account\nx\n", cs_health_accounts_begin, cs_health_accounts_add, why,
	        sizeof why);
	tap_long(feed(h, "s.csv", "account,score\nx,9\n", cs_health_surveys_begin,
	                 cs_health_surveys_add, why, sizeof why),
	        -1, "surveys without answered_at are refused");
	tap_long(feed(h, "s2.csv", "account,score,answered_at\nx,11,2026-01-01\nx,,2026-01-01\n",
	                 cs_health_surveys_begin, cs_health_surveys_add, why, sizeof why),
	        2, "nps 11 and an empty score are rejected");
	cs_health_free(h);
	cs_model_release(&m);
}

/* The flags of one set of facts, by id; returns the flag or NULL. */
static const struct cs_flag *
find_flag(const struct cs_flag *fl, size_t n, enum cs_flag_id id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fl[i].id == id)
			return &fl[i];
	return NULL;
}

static void
test_flags(void)
{
	struct cs_model m;
	struct cs_facts f;
	struct cs_score s;
	struct cs_flag fl[CS_F_COUNT];
	const struct cs_flag *g;
	int64_t d = cs_days_from_civil(2026, 3, 31);
	size_t n;

	cs_model_init(&m);
	cs_facts_init(&f);
	f.has_usage = f.has_users = f.has_tickets = f.has_surveys = 1;
	f.seats = 10;
	f.active = 5;
	f.user_days = 5 * 28;
	f.start_day = d - 100;
	f.days_since_usage = 0;
	/* usage_drop: weeks before 400 events, mean 100; last 7 days 24 is
	 * 0.24 of it (high, below 0.25); 25 is 0.25 (medium); 50 is not below
	 * half (no flag). */
	f.events_weeks = 400;
	f.events_7 = 24;
	cs_health_evaluate(&m, &f, NULL, d, &s);
	n = cs_flags_eval(&m, &f, &s, fl);
	g = find_flag(fl, n, CS_F_USAGE_DROP);
	tap_ok(g && strcmp(g->severity, "high") == 0 && fabs(g->value - 0.24) < 1e-12,
	        "usage_drop at 0.24 of the weekly mean is high");
	f.events_7 = 25;
	n = cs_flags_eval(&m, &f, &s, fl);
	g = find_flag(fl, n, CS_F_USAGE_DROP);
	tap_ok(g && strcmp(g->severity, "medium") == 0, "usage_drop at 0.25 is medium");
	f.events_7 = 50;
	n = cs_flags_eval(&m, &f, &s, fl);
	tap_ok(find_flag(fl, n, CS_F_USAGE_DROP) == NULL, "half the weekly mean is no drop");
	/* inactive from 14 days. */
	f.days_since_usage = 13;
	n = cs_flags_eval(&m, &f, &s, fl);
	tap_ok(find_flag(fl, n, CS_F_INACTIVE) == NULL, "13 days without usage: not inactive");
	f.days_since_usage = 14;
	n = cs_flags_eval(&m, &f, &s, fl);
	tap_ok(find_flag(fl, n, CS_F_INACTIVE) != NULL, "14 days without usage: inactive");
	/* detractor: 3 high, 4 medium, 7 none. */
	f.detractor_min = 3;
	n = cs_flags_eval(&m, &f, &s, fl);
	g = find_flag(fl, n, CS_F_DETRACTOR);
	tap_ok(g && strcmp(g->severity, "high") == 0, "a 3 is a high detractor");
	f.detractor_min = 4;
	n = cs_flags_eval(&m, &f, &s, fl);
	g = find_flag(fl, n, CS_F_DETRACTOR);
	tap_ok(g && strcmp(g->severity, "medium") == 0, "a 4 is a medium detractor");
	f.detractor_min = 7;
	n = cs_flags_eval(&m, &f, &s, fl);
	tap_ok(find_flag(fl, n, CS_F_DETRACTOR) == NULL, "a 7 is no detractor");
	/* ticket_spike: 8 weeks of 16 tickets (mean 2): 6 in 7 days is 3x,
	 * 5 is not. */
	f.tickets_weeks = 16;
	f.tickets_7 = 6;
	n = cs_flags_eval(&m, &f, &s, fl);
	g = find_flag(fl, n, CS_F_TICKET_SPIKE);
	tap_ok(g && g->threshold == 6, "6 tickets against a mean of 2 is a spike");
	f.tickets_7 = 5;
	n = cs_flags_eval(&m, &f, &s, fl);
	tap_ok(find_flag(fl, n, CS_F_TICKET_SPIKE) == NULL, "5 against a mean of 2 is not");
	/* aging_ticket: high from the aging measure's bad threshold, 3. */
	f.aging = 2;
	cs_health_evaluate(&m, &f, NULL, d, &s);
	n = cs_flags_eval(&m, &f, &s, fl);
	g = find_flag(fl, n, CS_F_AGING_TICKET);
	tap_ok(g && strcmp(g->severity, "medium") == 0, "2 aging tickets: medium");
	f.aging = 3;
	n = cs_flags_eval(&m, &f, &s, fl);
	g = find_flag(fl, n, CS_F_AGING_TICKET);
	tap_ok(g && strcmp(g->severity, "high") == 0, "3 aging tickets: high");
	/* seat_overage: 11 active of 10 seats; 10 of 10 is not over. */
	f.active = 11;
	n = cs_flags_eval(&m, &f, &s, fl);
	g = find_flag(fl, n, CS_F_SEAT_OVERAGE);
	tap_ok(g && strcmp(g->kind, "opportunity") == 0, "11 users on 10 seats: an opportunity");
	f.active = 10;
	n = cs_flags_eval(&m, &f, &s, fl);
	tap_ok(find_flag(fl, n, CS_F_SEAT_OVERAGE) == NULL, "10 users on 10 seats: none");
	/* A churned account raises nothing. */
	f.churned = 1;
	tap_long((long long)cs_flags_eval(&m, &f, &s, fl), 0, "a churned account raises no flags");
	cs_model_release(&m);
}

int
main(void)
{
	test_subscore();
	test_bands();
	test_combine();
	test_sum_property();
	test_labels();
	test_drivers();
	test_model_file();
	test_hash();
	test_accumulate();
	test_flags();
	return tap_done();
}
