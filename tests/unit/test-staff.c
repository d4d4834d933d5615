/*
 * Unit tests of the staffing modules around the queueing models: plan
 * (scheduling arithmetic, option values, totals), shrinkage, intervals and
 * forecast, fed from memory.  Expected values are worked by hand in the
 * comments.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/forecast.h"
#include "libcs/intervals.h"
#include "libcs/plan.h"
#include "libcs/shrinkage.h"
#include "tests/tap.h"

static void
test_plan(void)
{
	struct cs_plan_mode h, e;
	struct cs_plan_totals t;
	double v, s;
	int pct;
	long buf;

	cs_plan_defaults(&h, &e);
	h.shrinkage = e.shrinkage = 0.3;
	h.planned = e.planned = 0.1;
	h.buffer = 0.1;
	h.buffer_pct = 1;
	/* 14 / 0.7 = 20, then 10% of 20 = 2. */
	tap_long(cs_plan_schedule(&h, 14, &buf), 22, "plan: 14 agents, 30% and 10% buffer give 22");
	tap_long(buf, 2, "plan: the buffer's part is 2");
	/* Emergency: planned shrinkage cancelled (30 - 10 = 20%), no buffer:
	 * 12 / 0.8 = 15. */
	tap_long(cs_plan_schedule(&e, 12, &buf), 15, "plan: emergency 12 agents at 20% give 15");
	tap_long(buf, 0, "plan: emergency releases the buffer");
	tap_long(cs_plan_schedule(&h, 0, &buf), 0, "plan: no agents, no buffer");
	h.buffer = 3;
	h.buffer_pct = 0;
	tap_long(cs_plan_schedule(&h, 21, NULL), 33, "plan: 21 / 0.7 = 30 plus 3 agents");
	tap_ok(cs_plan_parse_buffer("10%", &v, &pct) == 0 && pct && fabs(v - 0.1) < 1e-12,
	        "buffer 10%");
	tap_ok(cs_plan_parse_buffer("2", &v, &pct) == 0 && !pct && v == 2, "buffer 2 agents");
	tap_ok(cs_plan_parse_buffer("2.5", &v, &pct) < 0, "buffer 2.5 agents is refused");
	tap_ok(cs_plan_parse_buffer("-1%", &v, &pct) < 0, "negative buffer is refused");
	tap_ok(cs_plan_parse_pct("30", &v) == 0 && fabs(v - 0.3) < 1e-12, "shrinkage 30");
	tap_ok(cs_plan_parse_pct("100", &v) < 0, "shrinkage 100 is refused");
	tap_ok(cs_plan_parse_sl("80/20", &v, &s) == 0 && fabs(v - 0.8) < 1e-12 && s == 20,
	        "sl 80/20");
	tap_ok(cs_plan_parse_sl("80", &v, &s) < 0 && cs_plan_parse_sl("0/20", &v, &s) < 0 &&
	                cs_plan_parse_sl("101/20", &v, &s) < 0 &&
	                cs_plan_parse_sl("80/-1", &v, &s) < 0,
	        "bad service levels are refused");
	/* Two half hours of 10 and 20 scheduled: 15 agent-hours over one hour,
	 * that is 15 x 168 = 2520 hours a week, 63 FTE at 40 h. */
	cs_plan_totals_init(&t);
	cs_plan_totals_add(&t, 0, 30, 7, 10, 1);
	cs_plan_totals_add(&t, 1800, 30, 14, 20, 2);
	tap_num(t.scheduled_h, 15, 1e-12, "totals: scheduled hours");
	tap_num(t.required_h, 10.5, 1e-12, "totals: agent hours");
	tap_num(t.buffer_h, 1.5, 1e-12, "totals: buffer hours");
	tap_num(cs_plan_fte(&t, t.scheduled_h, 40), 63, 1e-9, "totals: FTE");
	cs_plan_totals_init(&t);
	tap_ok(isnan(cs_plan_fte(&t, 0, 40)), "totals: no intervals, FTE unknown");
}

/* Runs a module's writer into a string. */
static char *
capture(int (*write)(void *, struct cs_writer *), void *obj)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct cs_writer *w = cs_writer_new(fp, "mem", 0);
	struct cs_error err;

	write(obj, w);
	cs_writer_close(w, &err);
	fclose(fp);
	return buf;
}

static int
write_shrinkage(void *s, struct cs_writer *w)
{
	return cs_shrinkage_write(s, w);
}

static int
write_intervals(void *iv, struct cs_writer *w)
{
	return cs_intervals_write(iv, w, NAN);
}

static void
test_shrinkage(void)
{
	static const char data[] = "date,agent,team,scheduled_h,absence_h,late_h,status\n"
	                           "2026-01-05,a,x,8,8,,active\n"
	                           "2026-01-06,a,x,8,0,2,active\n"
	                           "2026-02-02,b,y,8,0,0,left\n";
	struct cs_csv_options opt;
	struct cs_error err;
	struct cs_csv_reader *r;
	struct cs_shrinkage *s = cs_shrinkage_new(1, INT64_MIN, INT64_MAX);
	struct cs_row row;
	char *out;

	cs_csv_options_init(&opt);
	r = cs_csv_open_mem("mem", data, sizeof data - 1, &opt, &err);
	tap_long(cs_shrinkage_bind(s, cs_csv_header(r), "mem", &err), 0, "shrinkage binds");
	while (cs_csv_read(r, &row, &err) > 0)
		cs_shrinkage_add(s, &row, "mem", &err);
	cs_csv_close(r);
	out = capture(write_shrinkage, s);
	/* x: 10 of 16 hours lost (absence 8 = 50%, late 2 = 12.5%); company
	 * 10 of 24 = 41.667%, so x is 20.833 points above.  b's only row says
	 * left: one leaver, and no agent-month (rows that say left do not
	 * count), so y's attrition is unknown and the company's is 1 leaver
	 * over 1 agent-month (a in January) = 100%. */
	tap_str(out,
	        "team,agents,scheduled_h,absence_pct,leave_pct,late_pct,training_pct,meeting_pct,"
	        "planned_pct,unplanned_pct,total_pct,attrition_pct,vs_company_pts\n"
	        "x,1,16,50,0,12.5,0,0,0,62.5,62.5,0,20.833\n"
	        "y,1,8,0,0,0,0,0,0,0,0,,-41.667\n"
	        "*,2,24,33.333,0,8.333,0,0,0,41.667,41.667,100,0\n",
	        "shrinkage by team and company");
	free(out);
	cs_shrinkage_free(s);
}

static void
test_intervals(void)
{
	static const char data[] = "id,created_at,handle_s\n"
	                           "1,2026-01-05T09:14:59Z,100\n"
	                           "2,2026-01-05T09:00:00Z,300\n"
	                           "3,2026-01-05T08:59:59Z,\n";
	struct cs_csv_options opt;
	struct cs_error err;
	struct cs_csv_reader *r;
	struct cs_intervals *iv = cs_intervals_new(15, CS_BY_NONE);
	struct cs_row row;
	char *out;

	cs_csv_options_init(&opt);
	r = cs_csv_open_mem("mem", data, sizeof data - 1, &opt, &err);
	tap_long(cs_intervals_bind(iv, cs_csv_header(r), "mem", &err), 0, "intervals binds");
	while (cs_csv_read(r, &row, &err) > 0)
		cs_intervals_add(iv, &row, "mem", &err);
	cs_csv_close(r);
	out = capture(write_intervals, iv);
	/* 08:45 holds ticket 3 (no handle time); 09:00 holds 1 and 2. */
	tap_str(out,
	        "start,minutes,contacts,aht_s,abandoned\n"
	        "2026-01-05T08:45:00Z,15,1,,\n"
	        "2026-01-05T09:00:00Z,15,2,200,\n",
	        "intervals: a row earlier than the first moves the grid");
	free(out);
	cs_intervals_free(iv);
}

static void
test_forecast(void)
{
	/* Four Mondays 00:00 of 1, 2, 3, 4 contacts at daily intervals, and
	 * the Sunday closing the fourth week. */
	static const char data[] = "start,contacts,minutes\n"
	                           "2026-01-05T00:00:00Z,1,1440\n"
	                           "2026-01-12T00:00:00Z,2,1440\n"
	                           "2026-01-19T00:00:00Z,3,1440\n"
	                           "2026-01-26T00:00:00Z,4,1440\n"
	                           "2026-02-01T00:00:00Z,0,1440\n";
	struct cs_csv_options opt;
	struct cs_error err;
	struct cs_csv_reader *r;
	struct cs_forecast *f = cs_forecast_new(2, NULL);
	struct cs_fc_accuracy acc[CS_FC_NMETHODS];
	struct cs_row row;

	cs_csv_options_init(&opt);
	r = cs_csv_open_mem("mem", data, sizeof data - 1, &opt, &err);
	cs_forecast_bind(f, cs_csv_header(r), "mem", &err);
	while (cs_csv_read(r, &row, &err) > 0)
		cs_forecast_add(f, &row, "mem", &err);
	cs_csv_close(r);
	tap_long(cs_forecast_prepare(f, &err), 0, "forecast prepares");
	tap_long(cs_forecast_interval(f), 86400, "forecast: daily intervals");
	cs_forecast_backtest(f, acc);
	/* Held out: week 4 (4).  last-week 3: WAPE 25%, bias -25%; mean of 2
	 * weeks (3, 2) = 2.5: 37.5%; weighted 2x3 + 1x2 over 3 = 2.667:
	 * 33.333%. */
	tap_num(acc[CS_FC_LAST_WEEK].wape_pct, 25, 1e-9, "forecast: last-week WAPE");
	tap_num(acc[CS_FC_LAST_WEEK].bias_pct, -25, 1e-9, "forecast: last-week bias");
	tap_num(acc[CS_FC_MEAN].wape_pct, 37.5, 1e-9, "forecast: mean WAPE");
	tap_num(acc[CS_FC_WEIGHTED].wape_pct, 100.0 / 3, 1e-9, "forecast: weighted WAPE");
	tap_ok(isfinite(acc[CS_FC_HOLT_WINTERS].wape_pct), "forecast: holt-winters runs");
	cs_forecast_free(f);
}

int
main(void)
{
	test_plan();
	test_shrinkage();
	test_intervals();
	test_forecast();
	return tap_done();
}
