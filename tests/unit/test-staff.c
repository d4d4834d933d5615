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
#include "libcs/filter.h"
#include "libcs/forecast.h"
#include "libcs/intervals.h"
#include "libcs/load.h"
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

/* Opens a writer on a string; memout_close returns the string. */
static struct cs_writer *
memout(FILE **fp, char **buf, size_t *len)
{
	*fp = open_memstream(buf, len);
	return cs_writer_new(*fp, "mem", 0);
}

static char *
memout_close(struct cs_writer *w, FILE *fp, char **buf)
{
	struct cs_error err;

	cs_writer_close(w, &err);
	fclose(fp);
	return *buf;
}

static void
test_totals(void)
{
	struct cs_plan_totals t[2];
	int healthy[2] = {1, 0}, emergency[2] = {0, 1};
	struct cs_writer *w;
	FILE *fp;
	char *buf = NULL, msg[300];
	size_t len;

	/* As in test_plan: 10.5 agent-hours, 15 scheduled, 1.5 of buffer
	 * over one hour, 63 FTE at 40 h; the emergency mode saw nothing, so
	 * its FTE is unknown (empty). */
	cs_plan_totals_init(&t[0]);
	cs_plan_totals_init(&t[1]);
	cs_plan_totals_add(&t[0], 0, 30, 7, 10, 1);
	cs_plan_totals_add(&t[0], 1800, 30, 14, 20, 2);
	w = memout(&fp, &buf, &len);
	cs_plan_totals_write(w, t, healthy, 40);
	tap_str(memout_close(w, fp, &buf),
	        "mode,intervals,agent_h,scheduled_h,buffer_h,fte,hours_per_week\n"
	        "healthy,2,10.5,15,1.5,63,40\n",
	        "totals: the healthy row");
	free(buf);
	buf = NULL;
	w = memout(&fp, &buf, &len);
	cs_plan_totals_write(w, t, emergency, 37.5);
	tap_str(memout_close(w, fp, &buf),
	        "mode,intervals,agent_h,scheduled_h,buffer_h,fte,hours_per_week\n"
	        "emergency,0,0,0,0,,37.5\n",
	        "totals: an empty emergency row");
	free(buf);
	tap_str(cs_plan_totals_format(msg, sizeof msg, 0, &t[0], 40),
	        "healthy: 10.500 agent-hours needed, 15.000 scheduled (63.000 FTE at 40 "
	        "h/week), 1.500 buffer hours for improvement work",
	        "totals: the sentence");
}

/* Writes data to a new file in the current directory and returns its
 * name (static storage). */
static const char *
temp_file(const char *data)
{
	static char name[] = "test-staff-XXXXXX";
	FILE *fp;
	int fd;

	strcpy(name, "test-staff-XXXXXX");
	fd = mkstemp(name);
	fp = fdopen(fd, "w");
	fputs(data, fp);
	fclose(fp);
	return name;
}

/* cs_shrinkage_load on data; the file is removed after. */
static int
shrinkage_load(const char *data, const char *team, double *t, double *p, struct cs_error *err)
{
	struct cs_csv_options opt;
	const char *path = temp_file(data);
	int rc;

	cs_csv_options_init(&opt);
	rc = cs_shrinkage_load(path, &opt, team, t, p, err);
	remove(path);
	return rc;
}

static void
test_shrinkage_load(void)
{
	static const char data[] = "team,agents,total_pct,planned_pct\n"
	                           "a,3,30,10\n"
	                           "*,5,25.5,12\n"
	                           "b,1,100,0\n"
	                           "c,1,20,25\n";
	struct cs_error err;
	double t = -1, p = -1;

	tap_long(shrinkage_load(data, NULL, &t, &p, &err), 0, "shrinkage file: company row");
	tap_num(t, 0.255, 1e-12, "shrinkage file: company total 25.5%");
	tap_num(p, 0.12, 1e-12, "shrinkage file: company planned 12%");
	tap_long(shrinkage_load(data, "a", &t, &p, &err), 0, "shrinkage file: team a");
	tap_num(t, 0.3, 1e-12, "shrinkage file: a's total 30%");
	tap_num(p, 0.1, 1e-12, "shrinkage file: a's planned 10%");
	tap_long(shrinkage_load(data, "zz", &t, &p, &err), -1, "shrinkage file: no such team");
	tap_ok(strcmp(err.msg, "no row for team 'zz'") == 0 && err.line == 0,
	        "shrinkage file: the message names the team, no line");
	/* A total of 100% leaves nobody: refused on line 4. */
	tap_long(shrinkage_load(data, "b", &t, &p, &err), -1, "shrinkage file: total 100% fails");
	tap_ok(strcmp(err.msg, "bad total_pct or planned_pct") == 0 && err.line == 4,
	        "shrinkage file: on line 4");
	tap_long(shrinkage_load(data, "c", &t, &p, &err), -1,
	        "shrinkage file: planned above total fails");
	tap_long(shrinkage_load(
	                 "team,agents,total_pct,planned_pct\na,3,30,10\n", NULL, &t, &p, &err),
	        -1, "shrinkage file: no company row");
	tap_str(err.msg, "no company row (team '*')", "shrinkage file: says so");
	tap_long(shrinkage_load("team,total_pct\n*,30\n", NULL, &t, &p, &err), -1,
	        "shrinkage file: not a shrinkage output");
	tap_long(err.line, 1, "shrinkage file: on the header");
}

/* Binds data's header to s and adds its rows; returns the adds that
 * failed, or -1 when the header is refused. */
static int
fc_feed(struct cs_fc_set *s, const char *data, struct cs_error *err)
{
	struct cs_csv_options opt;
	struct cs_csv_reader *r;
	struct cs_row row;
	int bad = 0;

	cs_csv_options_init(&opt);
	r = cs_csv_open_mem("mem", data, strlen(data), &opt, err);
	if (cs_fc_set_bind(s, cs_csv_header(r), "mem", err) < 0) {
		cs_csv_close(r);
		return -1;
	}
	while (cs_csv_read(r, &row, err) > 0)
		if (cs_fc_set_add(s, &row, "mem", err) < 0)
			bad++;
	cs_csv_close(r);
	return bad;
}

static void
test_fc_set(void)
{
	struct cs_fc_set *s = cs_fc_set_new(2, NULL, "team");
	struct cs_error err;

	/* b comes first in the input and sorts last; a's second row is bad. */
	tap_long(fc_feed(s,
	                 "start,contacts,team\n"
	                 "2026-01-05T00:00:00Z,1,b\n"
	                 "2026-01-05T00:00:00Z,2,a\n"
	                 "2026-01-06T00:00:00Z,x,a\n",
	                 &err),
	        1, "forecast set: one bad row");
	tap_str(err.msg, "bad contacts 'x'", "forecast set: the bad row's message");
	/* A second input with the columns in another order. */
	tap_long(fc_feed(s, "team,contacts,start\nb,5,2026-01-06T00:00:00Z\n", &err), 0,
	        "forecast set: a second input");
	tap_long(fc_feed(s, "start,contacts\n2026-01-07T00:00:00Z,1\n", &err), -1,
	        "forecast set: an input without the group column");
	tap_str(err.msg, "no column 'team' to forecast by", "forecast set: says which");
	tap_long(fc_feed(s, "team,contacts\nb,1\n", &err), -1,
	        "forecast set: an input without start");
	tap_long(cs_fc_set_finish(s), 2, "forecast set: two teams");
	tap_str(cs_fc_set_name(s, 0), "a", "forecast set: a first");
	tap_str(cs_fc_set_name(s, 1), "b", "forecast set: b second");
	/* b has Monday and Tuesday: daily intervals. */
	tap_long(
	        cs_forecast_prepare(cs_fc_set_forecast(s, 1), &err), 0, "forecast set: b prepares");
	tap_long(cs_forecast_interval(cs_fc_set_forecast(s, 1)), 86400,
	        "forecast set: b's rows from both inputs, a day apart");
	cs_fc_set_free(s);
	s = cs_fc_set_new(2, NULL, NULL);
	tap_long(fc_feed(s, "start,contacts\n2026-01-05T00:00:00Z,1\n", &err), 0,
	        "forecast set: no groups");
	tap_long(cs_fc_set_finish(s), 1, "forecast set: one series");
	tap_str(cs_fc_set_name(s, 0), "", "forecast set: named ''");
	cs_fc_set_free(s);
	s = cs_fc_set_new(2, NULL, NULL);
	tap_long(cs_fc_set_finish(s), 0, "forecast set: no rows, no series");
	cs_fc_set_free(s);
}

static void
test_accuracy_write(void)
{
	struct cs_fc_accuracy acc[CS_FC_NMETHODS];
	struct cs_writer *w;
	FILE *fp;
	char *buf = NULL;
	size_t len;
	int i;

	/* 2026-01-05 is day 20458 of the epoch: 56 years of 365 days and 14
	 * leap days (1972 to 2024) to 2026-01-01, plus 4. */
	for (i = 0; i < CS_FC_NMETHODS; i++) {
		acc[i].method = (enum cs_fc_method)i;
		acc[i].week = 20458 * (int64_t)86400;
		acc[i].train_weeks = 3;
		acc[i].wape_pct = 10 * (i + 1) + 0.12345;
		acc[i].bias_pct = -1.5;
	}
	acc[CS_FC_HOLT_WINTERS].wape_pct = NAN;
	w = memout(&fp, &buf, &len);
	cs_fc_accuracy_header(w, "team");
	cs_fc_accuracy_write(w, acc, 1, "team", "x");
	tap_str(memout_close(w, fp, &buf),
	        "team,method,week,train_weeks,wape_pct,bias_pct,best\n"
	        "x,last-week,2026-01-05,3,10.123,-1.5,\n"
	        "x,mean,2026-01-05,3,20.123,-1.5,*\n"
	        "x,weighted,2026-01-05,3,30.123,-1.5,\n"
	        "x,holt-winters,2026-01-05,3,,-1.5,\n",
	        "accuracy: grouped rows, the best marked");
	free(buf);
	buf = NULL;
	w = memout(&fp, &buf, &len);
	cs_fc_accuracy_header(w, NULL);
	cs_fc_accuracy_write(w, acc, -1, NULL, NULL);
	tap_str(memout_close(w, fp, &buf),
	        "method,week,train_weeks,wape_pct,bias_pct,best\n"
	        "last-week,,3,10.123,-1.5,\n"
	        "mean,,3,20.123,-1.5,\n"
	        "weighted,,3,30.123,-1.5,\n"
	        "holt-winters,,3,,-1.5,\n",
	        "accuracy: no backtest, no week and no best");
	free(buf);
}

static void
test_plan_interval(void)
{
	struct cs_plan_mode h, e;
	struct cs_plan p;
	struct cs_load ld = {60, 1800, 300};
	struct cs_error err;
	char vals[6][CS_FILTER_VALUE];
	const char *const *cols;

	cs_plan_defaults(&h, &e);
	h.shrinkage = e.shrinkage = 0.3;
	h.planned = e.planned = 0.1;
	h.buffer = 0.1;
	h.buffer_pct = 1;
	e.target.model = CS_MODEL_WORKLOAD;
	/* Healthy: 14 agents at 30% shrinkage and a 10% buffer give 22, as in
	 * test_plan. */
	cs_plan_init(&p, CS_PLAN_HEALTHY, &h, &e);
	cols = cs_plan_columns(&p);
	tap_ok(strcmp(cols[0], "agents") == 0 && strcmp(cols[1], "scheduled") == 0 && !cols[2],
	        "plan interval: healthy adds agents and scheduled");
	tap_long(cs_plan_interval(&p, 0, 1800, 14, &ld, vals, &err), 0, "plan interval: healthy");
	tap_ok(strcmp(vals[0], "14") == 0 && strcmp(vals[1], "22") == 0,
	        "plan interval: healthy 14 agents, 22 scheduled");
	tap_num(p.tot[0].scheduled_h, 11, 1e-12, "plan interval: 22 agents for half an hour");
	tap_long(p.tot[1].intervals, 0, "plan interval: no emergency totals");
	/* Emergency, workload: 60 contacts x 300 s over 1800 s are 10
	 * erlangs; under the 95% cap 10 / 0.95 = 10.53, so 11 agents at
	 * 10 / 11 = 90.909% occupancy.  Planned shrinkage cancelled: 20%,
	 * 11 / 0.8 = 13.75, so 14 scheduled; no buffer. */
	cs_plan_init(&p, CS_PLAN_EMERGENCY, &h, &e);
	cols = cs_plan_columns(&p);
	tap_ok(strcmp(cols[4], "occupancy_pct") == 0 && !cols[5],
	        "plan interval: emergency adds the metrics, no abandon_pct");
	tap_long(cs_plan_interval(&p, 0, 1800, 0, &ld, vals, &err), 0, "plan interval: emergency");
	tap_str(vals[0], "11", "plan interval: emergency agents");
	tap_str(vals[1], "14", "plan interval: emergency scheduled");
	tap_str(vals[2], "", "plan interval: no service level under workload");
	tap_str(vals[4], "90.909", "plan interval: occupancy");
	tap_str(vals[5], "", "plan interval: no abandonment");
	tap_num(p.tot[1].required_h, 5.5, 1e-12, "plan interval: 11 agents for half an hour");
	/* Both: 14 and 22 healthy, 11 and 14 emergency. */
	cs_plan_init(&p, CS_PLAN_BOTH, &h, &e);
	cols = cs_plan_columns(&p);
	tap_str(cols[3], "scheduled_emergency", "plan interval: both's last column");
	cs_plan_interval(&p, 0, 1800, 14, &ld, vals, &err);
	tap_ok(strcmp(vals[0], "14") == 0 && strcmp(vals[1], "22") == 0 &&
	                strcmp(vals[2], "11") == 0 && strcmp(vals[3], "14") == 0,
	        "plan interval: both modes' agents and scheduled");
	tap_ok(p.tot[0].intervals == 1 && p.tot[1].intervals == 1, "plan interval: both totals");
	/* A load the model refuses adds nothing. */
	ld.interval_s = 0;
	tap_long(cs_plan_interval(&p, 1800, 0, 14, &ld, vals, &err), -1,
	        "plan interval: a bad load fails");
	tap_ok(p.tot[0].intervals == 1 && p.tot[1].intervals == 1 && err.file[0] == '\0',
	        "plan interval: nothing added, the error names no file");
	e.target.model = CS_MODEL_ERLANG_A;
	cs_plan_init(&p, CS_PLAN_EMERGENCY, &h, &e);
	tap_str(cs_plan_columns(&p)[5], "abandon_pct", "plan interval: erlang-a adds abandon_pct");
}

static void
test_load_start(void)
{
	static const char data[] = "start\n2026-01-05T09:30:00Z\nMonday\n";
	struct cs_csv_options opt;
	struct cs_csv_reader *r;
	struct cs_load_cols c;
	struct cs_row row;
	struct cs_error err;
	int64_t t;

	cs_csv_options_init(&opt);
	r = cs_csv_open_mem("mem", data, sizeof data - 1, &opt, &err);
	cs_load_bind(&c, cs_csv_header(r));
	cs_csv_read(r, &row, &err);
	/* 2026-01-05 is day 20458: 20458 x 86400 + 9.5 h = 1767605400. */
	tap_ok(cs_load_start(&c, &row, "mem", &t, &err) == 0 && t == 1767605400,
	        "load start: a timestamp");
	cs_csv_read(r, &row, &err);
	tap_long(cs_load_start(&c, &row, "mem", &t, &err), -1, "load start: a word fails");
	tap_ok(strcmp(err.msg, "bad start 'Monday'") == 0 && err.line == 3,
	        "load start: the message and line");
	cs_csv_close(r);
}

int
main(void)
{
	test_plan();
	test_shrinkage();
	test_intervals();
	test_forecast();
	test_totals();
	test_shrinkage_load();
	test_fc_set();
	test_accuracy_write();
	test_plan_interval();
	test_load_start();
	return tap_done();
}
