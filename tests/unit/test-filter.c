/*
 * Unit tests of the filter (the output columns of a verb that keeps the
 * input's) and of reading an interval's load from a row, fed from memory.
 * Expected values are worked by hand in the comments.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/erlang.h"
#include "libcs/filter.h"
#include "libcs/load.h"
#include "tests/tap.h"

/* An in-memory CSV with its header and rows read, for one test. */
struct mem {
	struct cs_csv_reader *r;
	const struct cs_row *h;
};

static void
mem_open(struct mem *m, const char *data)
{
	struct cs_csv_options opt;
	struct cs_error err;

	cs_csv_options_init(&opt);
	m->r = cs_csv_open_mem("mem", data, strlen(data), &opt, &err);
	m->h = m->r ? cs_csv_header(m->r) : NULL;
}

static void
test_number(void)
{
	char out[CS_FILTER_VALUE];

	cs_filter_number(out, 1.23456, 3);
	tap_str(out, "1.235", "number: three decimals, rounded");
	cs_filter_number(out, 2.5, 3);
	tap_str(out, "2.5", "number: trailing zeros removed");
	cs_filter_number(out, 3, 3);
	tap_str(out, "3", "number: a whole value loses its point");
	/* 100 has no point, so its zeros are not trailing decimals. */
	cs_filter_number(out, 100, 0);
	tap_str(out, "100", "number: zeros of a whole number kept");
	cs_filter_number(out, -0.0001, 3);
	tap_str(out, "0", "number: a negative that rounds to zero is 0");
	cs_filter_number(out, NAN, 3);
	tap_str(out, "", "number: NaN is empty");
	cs_filter_number(out, INFINITY, 3);
	tap_str(out, "", "number: infinity is empty");
}

static void
test_filter(void)
{
	static const char *const cols[] = {"erlangs", "agents", NULL};
	struct cs_filter f;
	struct cs_error err;
	struct mem a, b, c;
	struct cs_row row;
	char vals[2][CS_FILTER_VALUE] = {"2.5", "4"};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct cs_writer *w = cs_writer_new(fp, "mem", 0);

	cs_filter_init(&f);
	/* agents is the input's second column and is replaced in place;
	 * erlangs is new and goes last: a,agents,b,erlangs. */
	mem_open(&a, "a,agents,b\n1,9,x\n");
	tap_long(cs_filter_bind(&f, a.h, cols, "a.csv", &err), 0, "filter: first header binds");
	tap_long(f.nout, 4, "filter: three columns plus one new");
	cs_filter_write_header(&f, w, a.h);
	cs_csv_read(a.r, &row, &err);
	cs_filter_write_row(&f, w, &row, vals);
	/* A second input with the same names, spelt as another export would
	 * (case and underscores do not count), binds; its header is not
	 * written again. */
	mem_open(&b, "A,Agents,B\n2,,y\n");
	tap_long(cs_filter_bind(&f, b.h, cols, "b.csv", &err), 0, "filter: same names bind");
	cs_filter_write_header(&f, w, b.h);
	cs_csv_read(b.r, &row, &err);
	cs_filter_write_row(&f, w, &row, vals);
	cs_writer_close(w, &err);
	fclose(fp);
	tap_str(buf, "a,agents,b,erlangs\n1,4,x,2.5\n2,4,y,2.5\n",
	        "filter: input columns kept, agents replaced, erlangs added");
	free(buf);
	mem_open(&c, "a,agents,c\n");
	tap_long(cs_filter_bind(&f, c.h, cols, "c.csv", &err), -1, "filter: another header fails");
	tap_str(err.msg, "the header differs from the first input's", "filter: the message");
	tap_ok(strcmp(err.file, "c.csv") == 0 && err.line == 1, "filter: at c.csv:1");
	cs_csv_close(c.r);
	mem_open(&c, "a,agents\n");
	tap_long(
	        cs_filter_bind(&f, c.h, cols, "c.csv", &err), -1, "filter: a shorter header fails");
	cs_csv_close(a.r);
	cs_csv_close(b.r);
	cs_csv_close(c.r);
	cs_filter_release(&f);
}

/* Reads the first row of data and its load; returns what cs_load_read
 * returns. */
static int
load_of(const char *data, const struct cs_load_defaults *d, struct cs_load *ld,
        struct cs_error *err)
{
	struct mem m;
	struct cs_load_cols c;
	struct cs_row row;
	int rc;

	mem_open(&m, data);
	cs_load_bind(&c, m.h);
	cs_csv_read(m.r, &row, err);
	rc = cs_load_read(&c, d, &row, "in.csv", ld, err);
	cs_csv_close(m.r);
	return rc;
}

static void
test_load(void)
{
	static const char hdr[] = "start,minutes,contacts,aht_s\n";
	const struct cs_load_defaults none = {30, NAN}, aht = {30, 300};
	char data[200];
	struct cs_load ld;
	struct cs_error err;
	struct cs_load_cols c;
	struct cs_row row;
	struct mem m;
	long agents;

	snprintf(data, sizeof data, "%s2026-01-05T09:00:00Z,15,10,120\n", hdr);
	tap_long(load_of(data, &none, &ld, &err), 0, "load: a full row");
	tap_num(ld.contacts, 10, 0, "load: 10 contacts");
	tap_num(ld.interval_s, 900, 0, "load: 15 minutes are 900 s");
	tap_num(ld.aht_s, 120, 0, "load: 120 s handle time");
	snprintf(data, sizeof data, "%s2026-01-05T09:00:00Z,,10,\n", hdr);
	tap_long(load_of(data, &aht, &ld, &err), 0, "load: defaults fill empty fields");
	/* The default 30 minutes are 1800 seconds. */
	tap_ok(ld.interval_s == 1800 && ld.aht_s == 300, "load: 1800 s and --aht 300");
	tap_long(load_of(data, &none, &ld, &err), -1, "load: contacts and no handle time fail");
	tap_str(err.msg, "no handle time: the row has no aht_s and no --aht was given",
	        "load: the message says why");
	tap_long(err.line, 2, "load: on the row's line");
	snprintf(data, sizeof data, "%s2026-01-05T09:00:00Z,,0,\n", hdr);
	tap_long(load_of(data, &none, &ld, &err), 0, "load: no contacts need no handle time");
	tap_ok(ld.aht_s == 0, "load: the handle time is then 0");
	snprintf(data, sizeof data, "%s2026-01-05T09:00:00Z,30,-1,60\n", hdr);
	load_of(data, &none, &ld, &err);
	tap_str(err.msg, "bad contacts '-1'", "load: negative contacts");
	snprintf(data, sizeof data, "%s2026-01-05T09:00:00Z,30,,60\n", hdr);
	load_of(data, &none, &ld, &err);
	tap_str(err.msg, "bad contacts ''", "load: empty contacts");
	snprintf(data, sizeof data, "%s2026-01-05T09:00:00Z,30,0x10,60\n", hdr);
	load_of(data, &none, &ld, &err);
	tap_str(err.msg, "bad contacts '0x10'", "load: hexadecimal contacts");
	snprintf(data, sizeof data, "%s2026-01-05T09:00:00Z,0,5,60\n", hdr);
	load_of(data, &none, &ld, &err);
	tap_str(err.msg, "bad minutes '0'", "load: zero minutes");
	snprintf(data, sizeof data, "%s2026-01-05T09:00:00Z,30,5,x\n", hdr);
	load_of(data, &none, &ld, &err);
	tap_str(err.msg, "bad aht_s 'x'", "load: a word for the handle time");
	/* An input without a contacts column: the reader's callers refuse
	 * it; the row alone reads as empty contacts. */
	tap_long(load_of("start\n2026-01-05T09:00:00Z\n", &aht, &ld, &err), -1,
	        "load: no contacts column");

	mem_open(&m, "agents,minutes\n3,\n2.5,\n,\n10000000,\n10000001,\n1e3,45\n");
	cs_load_bind(&c, m.h);
	tap_ok(c.agents == 0 && c.minutes == 1 && c.contacts < 0 && c.start < 0 && c.aht < 0,
	        "load: columns bound, absent ones -1");
	cs_csv_read(m.r, &row, &err);
	tap_ok(cs_load_agents(&c, &row, "in.csv", &agents, &err) == 0 && agents == 3, "agents: 3");
	cs_csv_read(m.r, &row, &err);
	tap_long(cs_load_agents(&c, &row, "in.csv", &agents, &err), -1, "agents: 2.5 fails");
	tap_str(err.msg, "bad agents '2.5'", "agents: the message");
	cs_csv_read(m.r, &row, &err);
	tap_long(cs_load_agents(&c, &row, "in.csv", &agents, &err), -1, "agents: empty fails");
	cs_csv_read(m.r, &row, &err);
	tap_ok(cs_load_agents(&c, &row, "in.csv", &agents, &err) == 0 && agents == 10000000,
	        "agents: the largest, 1e7");
	cs_csv_read(m.r, &row, &err);
	tap_long(cs_load_agents(&c, &row, "in.csv", &agents, &err), -1, "agents: above 1e7 fails");
	cs_csv_read(m.r, &row, &err);
	tap_ok(cs_load_agents(&c, &row, "in.csv", &agents, &err) == 0 && agents == 1000,
	        "agents: 1e3 is 1000");
	{
		double s;

		/* 45 minutes are 2700 seconds; an empty minutes is the
		 * default's 30, 1800 seconds. */
		tap_ok(cs_load_interval(&c, &none, &row, "in.csv", &s, &err) == 0 && s == 2700,
		        "interval: 45 minutes");
		cs_csv_close(m.r);
		mem_open(&m, "minutes\n\n-5\n");
		cs_load_bind(&c, m.h);
		cs_csv_read(m.r, &row, &err);
		tap_long(cs_load_interval(&c, &none, &row, "in.csv", &s, &err), -1,
		        "interval: negative minutes fail");
		tap_str(err.msg, "bad minutes '-5'", "interval: the message");
		cs_csv_close(m.r);
	}
	mem_open(&m, "start\n2026-01-05T09:00:00Z\n");
	cs_load_bind(&c, m.h);
	cs_csv_read(m.r, &row, &err);
	{
		double s;

		tap_ok(cs_load_interval(&c, &none, &row, "in.csv", &s, &err) == 0 && s == 1800,
		        "interval: no minutes column, the default 30");
	}
	cs_csv_close(m.r);
}

static void
test_values(void)
{
	struct cs_erlang_result res = {2, 4, 0.8478260869, 26.0869565, 0.5, NAN, 0.2};
	char vals[6][CS_FILTER_VALUE];

	cs_load_values(&res, vals);
	/* 84.78260869% and 26.0869565 s to three decimals; 0.5 is 50%. */
	tap_str(vals[0], "2", "values: erlangs");
	tap_str(vals[1], "4", "values: agents");
	tap_str(vals[2], "84.783", "values: sl_pct");
	tap_str(vals[3], "26.087", "values: asa_s");
	tap_str(vals[4], "50", "values: occupancy_pct");
	tap_str(vals[5], "", "values: abandon_pct unknown");
	tap_str(cs_load_columns[4], "occupancy_pct", "columns: occupancy last without abandon");
	tap_ok(cs_load_columns[5] == NULL, "columns: five of them");
	tap_str(cs_load_columns_a[5], "abandon_pct", "columns: Erlang A adds abandon_pct");
}

static void
test_what_if(void)
{
	struct cs_erlang_target t;
	struct cs_load ld = {60, 1800, 300};
	struct cs_what_if wi;
	struct cs_error err;
	struct cs_writer *w;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	cs_erlang_target_init(&t);
	t.model = CS_MODEL_WORKLOAD;
	/* 60 x 300 / 1800 = 10 erlangs, no cap: 10 agents.  The table runs
	 * from 3 below (7 is below the load's 10) to 3 above. */
	tap_long(cs_load_what_if(&t, &ld, &wi, &err), 0, "what-if: staffs");
	tap_ok(wi.best.agents == 10 && wi.lo == 7 && wi.hi == 13, "what-if: 7 to 13 around 10");
	fp = open_memstream(&buf, &len);
	w = cs_writer_new(fp, "mem", 0);
	tap_long(cs_load_what_if_write(&t, &ld, &wi, w, &err), 0, "what-if: writes");
	cs_writer_close(w, &err);
	fclose(fp);
	/* Occupancy 10 / n, at most 100%: 90.909, 83.333, 76.923 above 10. */
	tap_str(buf,
	        "erlangs,agents,sl_pct,asa_s,occupancy_pct,answer\n"
	        "10,7,,,100,\n10,8,,,100,\n10,9,,,100,\n10,10,,,100,*\n"
	        "10,11,,,90.909,\n10,12,,,83.333,\n10,13,,,76.923,\n",
	        "what-if: the table, the answer marked");
	free(buf);
	/* A 20% cap: 10 / 0.2 = 50 agents; the load's 10 is more than 30
	 * below, so the table starts at 20. */
	t.max_occupancy = 0.2;
	cs_load_what_if(&t, &ld, &wi, &err);
	tap_ok(wi.best.agents == 50 && wi.lo == 20 && wi.hi == 53, "what-if: at most 30 below");
	/* No contacts: no agents, a table from 0 to 3. */
	ld.contacts = 0;
	cs_load_what_if(&t, &ld, &wi, &err);
	tap_ok(wi.best.agents == 0 && wi.lo == 0 && wi.hi == 3, "what-if: no contacts, 0 to 3");
	ld.interval_s = 0;
	tap_long(cs_load_what_if(&t, &ld, &wi, &err), -1, "what-if: a bad load fails");
}

int
main(void)
{
	test_number();
	test_filter();
	test_load();
	test_values();
	test_what_if();
	return tap_done();
}
