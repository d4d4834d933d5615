/*
 * Reading an interval's load from a row of an intervals stream; see
 * load.h.
 */
#include "libcs/load.h"

#include <math.h>
#include <stdio.h>

#include "libcs/datetime.h"

const char *const cs_load_columns_a[] = {
        "erlangs", "agents", "sl_pct", "asa_s", "occupancy_pct", "abandon_pct", NULL};
const char *const cs_load_columns[] = {
        "erlangs", "agents", "sl_pct", "asa_s", "occupancy_pct", NULL};

void
cs_load_bind(struct cs_load_cols *c, const struct cs_row *h)
{
	c->contacts = cs_csv_column(h, "contacts");
	c->minutes = cs_csv_column(h, "minutes");
	c->aht = cs_csv_column(h, "aht_s");
	c->start = cs_csv_column(h, "start");
	c->agents = cs_csv_column(h, "agents");
}

/* A field as a number: 0 with *v set (NaN when empty or absent), -1 when it
 * is not a plain decimal. */
static int
number(const struct cs_row *row, int col, double *v)
{
	return cs_row_number(row, col, v) < 0 ? -1 : 0;
}

static const char *
field(const struct cs_row *row, int col)
{
	size_t len;

	return cs_row_field(row, col, &len);
}

int
cs_load_interval(const struct cs_load_cols *c, const struct cs_load_defaults *d,
        const struct cs_row *row, const char *file, double *interval_s, struct cs_error *err)
{
	double minutes;

	if (number(row, c->minutes, &minutes) < 0 || minutes <= 0)
		return cs_error_set(
		        err, file, row->line, "bad minutes '%s'", field(row, c->minutes));
	*interval_s = (isnan(minutes) ? d->interval_min : minutes) * 60;
	return 0;
}

int
cs_load_read(const struct cs_load_cols *c, const struct cs_load_defaults *d,
        const struct cs_row *row, const char *file, struct cs_load *out, struct cs_error *err)
{
	if (number(row, c->contacts, &out->contacts) < 0 || isnan(out->contacts) ||
	        out->contacts < 0)
		return cs_error_set(
		        err, file, row->line, "bad contacts '%s'", field(row, c->contacts));
	if (cs_load_interval(c, d, row, file, &out->interval_s, err) < 0)
		return -1;
	if (number(row, c->aht, &out->aht_s) < 0 || out->aht_s < 0)
		return cs_error_set(err, file, row->line, "bad aht_s '%s'", field(row, c->aht));
	if (isnan(out->aht_s))
		out->aht_s = d->aht_s;
	if (isnan(out->aht_s)) {
		if (out->contacts > 0)
			return cs_error_set(err, file, row->line,
			        "no handle time: the row has no aht_s and no --aht was given");
		out->aht_s = 0;
	}
	return 0;
}

int
cs_load_start(const struct cs_load_cols *c, const struct cs_row *row, const char *file,
        int64_t *start, struct cs_error *err)
{
	size_t len;
	const char *s = cs_row_field(row, c->start, &len);

	if (cs_time_parse(s, len, CS_ORDER_YMD, NULL, start) != CS_PARSE_OK)
		return cs_error_set(err, file, row->line, "bad start '%s'", s);
	return 0;
}

int
cs_load_agents(const struct cs_load_cols *c, const struct cs_row *row, const char *file,
        long *agents, struct cs_error *err)
{
	double v;

	if (number(row, c->agents, &v) < 0 || !(v >= 0) || v != floor(v) || v > 1e7)
		return cs_error_set(err, file, row->line, "bad agents '%s'", field(row, c->agents));
	*agents = (long)v;
	return 0;
}

void
cs_load_values(const struct cs_erlang_result *res, char vals[][CS_FILTER_VALUE])
{
	cs_filter_number(vals[0], res->erlangs, 3);
	snprintf(vals[1], CS_FILTER_VALUE, "%ld", res->agents);
	cs_filter_number(vals[2], res->sl * 100, 3);
	cs_filter_number(vals[3], res->asa_s, 3);
	cs_filter_number(vals[4], res->occupancy * 100, 3);
	cs_filter_number(vals[5], res->abandon * 100, 3);
}

int
cs_load_what_if(const struct cs_erlang_target *t, const struct cs_load *ld, struct cs_what_if *wi,
        struct cs_error *err)
{
	long agents;

	if (cs_erlang_staff(t, ld->contacts, ld->interval_s, ld->aht_s, &wi->best, err) < 0)
		return -1;
	agents = wi->best.agents;
	wi->lo = (long)floor(wi->best.erlangs);
	if (wi->lo > agents - 3)
		wi->lo = agents - 3;
	if (wi->lo < agents - 30)
		wi->lo = agents - 30;
	if (wi->lo < 1)
		wi->lo = agents > 0 ? 1 : 0;
	wi->hi = agents + 3;
	return 0;
}

int
cs_load_what_if_write(const struct cs_erlang_target *t, const struct cs_load *ld,
        const struct cs_what_if *wi, struct cs_writer *w, struct cs_error *err)
{
	struct cs_erlang_result res;
	long n;

	cs_writer_fieldz(w, "erlangs");
	cs_writer_fieldz(w, "agents");
	cs_writer_fieldz(w, "sl_pct");
	cs_writer_fieldz(w, "asa_s");
	cs_writer_fieldz(w, "occupancy_pct");
	if (t->model == CS_MODEL_ERLANG_A)
		cs_writer_fieldz(w, "abandon_pct");
	cs_writer_fieldz(w, "answer");
	cs_writer_end(w);
	for (n = wi->lo; n <= wi->hi; n++) {
		if (cs_erlang_eval(t, ld->contacts, ld->interval_s, ld->aht_s, n, &res, err) < 0)
			return -1;
		cs_writer_number(w, res.erlangs, 3);
		cs_writer_number(w, (double)n, 0);
		cs_writer_number(w, res.sl * 100, 3);
		cs_writer_number(w, res.asa_s, 3);
		cs_writer_number(w, res.occupancy * 100, 3);
		if (t->model == CS_MODEL_ERLANG_A)
			cs_writer_number(w, res.abandon * 100, 3);
		cs_writer_fieldz(w, n == wi->best.agents ? "*" : "");
		cs_writer_end(w);
	}
	return 0;
}
