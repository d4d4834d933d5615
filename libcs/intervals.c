/*
 * Roll-up of intervals.h.  Each group keeps a dense array of cells from its
 * first to its last interval; a row earlier than a group's first interval
 * moves the array up, which costs little because inputs are nearly always
 * in time order.
 */
#include "libcs/intervals.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcs/datetime.h"
#include "libcs/xalloc.h"

struct cell {
	double contacts;
	double handle_sum; /* seconds of handle time over handled contacts */
	double handled;
	double abandoned;
};

struct group {
	char *name;
	int64_t base; /* interval index of cells[0] */
	size_t n, cap;
	struct cell *cells;
};

struct cs_intervals {
	int64_t len; /* seconds */
	enum cs_intervals_by by;
	/* Columns of the bound input. */
	int is_tickets;
	struct cs_ticket_columns tc;
	int start, contacts, minutes, aht, handle, abandoned, group;
	int has_handle, has_abandoned;
	struct group *groups;
	size_t ngroups, capgroups;
};

struct cs_intervals *
cs_intervals_new(int minutes, enum cs_intervals_by by)
{
	struct cs_intervals *iv = xcalloc(1, sizeof *iv);

	iv->len = (int64_t)minutes * 60;
	iv->by = by;
	return iv;
}

void
cs_intervals_free(struct cs_intervals *iv)
{
	size_t i;

	if (!iv)
		return;
	for (i = 0; i < iv->ngroups; i++) {
		free(iv->groups[i].name);
		free(iv->groups[i].cells);
	}
	free(iv->groups);
	free(iv);
}

int
cs_intervals_bind(
        struct cs_intervals *iv, const struct cs_row *h, const char *file, struct cs_error *err)
{
	static const char *const handle_names[] = {"handle_s", "handle_time_s", "aht_s", NULL};
	const char *byname = iv->by == CS_BY_TEAM ? "team" : "channel";

	iv->start = cs_csv_column(h, "start");
	iv->contacts = cs_csv_column(h, "contacts");
	iv->minutes = cs_csv_column(h, "minutes");
	iv->abandoned = cs_csv_column(h, "abandoned");
	iv->group = iv->by == CS_BY_NONE ? -1 : cs_csv_column(h, byname);
	if (iv->start >= 0 && iv->contacts >= 0) {
		iv->is_tickets = 0;
		iv->aht = cs_csv_column(h, "aht_s");
		iv->has_handle = iv->aht >= 0;
	} else {
		if (cs_csv_column(h, "created_at") < 0)
			return cs_error_set(err, file, 1,
			        "neither intervals (start, contacts) nor tickets (id, created_at)");
		if (cs_ticket_bind(&iv->tc, h, file, err) < 0)
			return -1;
		iv->is_tickets = 1;
		iv->handle = cs_csv_column_any(h, handle_names);
		iv->has_handle = iv->handle >= 0;
	}
	iv->has_abandoned = iv->abandoned >= 0;
	if (iv->by != CS_BY_NONE && iv->group < 0)
		return cs_error_set(err, file, 1, "no column '%s' to group by", byname);
	return 0;
}

static struct group *
find_group(struct cs_intervals *iv, const char *name)
{
	size_t i;
	struct group *g;

	for (i = 0; i < iv->ngroups; i++)
		if (strcmp(iv->groups[i].name, name) == 0)
			return &iv->groups[i];
	iv->groups = xgrow(iv->groups, &iv->capgroups, iv->ngroups + 1, sizeof *iv->groups);
	g = &iv->groups[iv->ngroups++];
	memset(g, 0, sizeof *g);
	g->name = xstrdup(name);
	return g;
}

/* A group spans at most this many intervals (28 years of quarter hours), so
 * one stray timestamp cannot make the roll-up allocate gigabytes. */
#define MAX_SPAN 1000000

static int
span_ok(const struct group *g, int64_t idx)
{
	int64_t lo, hi;

	if (g->n == 0)
		return 1;
	lo = idx < g->base ? idx : g->base;
	hi = idx > g->base + (int64_t)g->n - 1 ? idx : g->base + (int64_t)g->n - 1;
	return hi - lo < MAX_SPAN;
}

static struct cell *
find_cell(struct group *g, int64_t idx)
{
	if (g->n == 0) {
		g->base = idx;
		g->cells = xgrow(g->cells, &g->cap, 1, sizeof *g->cells);
		memset(g->cells, 0, sizeof *g->cells);
		g->n = 1;
	} else if (idx < g->base) {
		size_t shift = (size_t)(g->base - idx);

		g->cells = xgrow(g->cells, &g->cap, g->n + shift, sizeof *g->cells);
		memmove(g->cells + shift, g->cells, g->n * sizeof *g->cells);
		memset(g->cells, 0, shift * sizeof *g->cells);
		g->n += shift;
		g->base = idx;
	} else if ((size_t)(idx - g->base) >= g->n) {
		size_t need = (size_t)(idx - g->base) + 1;

		g->cells = xgrow(g->cells, &g->cap, need, sizeof *g->cells);
		memset(g->cells + g->n, 0, (need - g->n) * sizeof *g->cells);
		g->n = need;
	}
	return &g->cells[idx - g->base];
}

/* A number field; empty is NaN.  -1 when the text is not a number. */
static int
field_number(const struct cs_row *row, int col, double *v)
{
	return cs_row_number(row, col, v) < 0 ? -1 : 0;
}

/* "1", "true", "yes", "abandoned" are true; "0", "false", "no" and empty
 * are false. */
static int
field_flag(const struct cs_row *row, int col, int *v)
{
	const char *s;

	*v = 0;
	if (col < 0 || (size_t)col >= row->n || row->len[col] == 0)
		return 0;
	s = row->f[col];
	if (strcmp(s, "1") == 0 || strcasecmp(s, "true") == 0 || strcasecmp(s, "yes") == 0 ||
	        strcasecmp(s, "abandoned") == 0)
		*v = 1;
	else if (strcmp(s, "0") != 0 && strcasecmp(s, "false") != 0 && strcasecmp(s, "no") != 0)
		return -1;
	return 0;
}

static const char *
field_text(const struct cs_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->f[col] : "";
}

int
cs_intervals_add(
        struct cs_intervals *iv, const struct cs_row *row, const char *file, struct cs_error *err)
{
	int64_t t;
	double contacts = 1, handle = NAN, abandoned = NAN, minutes = NAN;
	struct cell *c;
	struct group *g;
	const char *gname = "";
	int flag;

	if (iv->is_tickets) {
		struct cs_ticket tk;

		if (cs_ticket_read(&iv->tc, row, file, &tk, err) < 0)
			return -1;
		t = tk.created_at;
		if (field_number(row, iv->handle, &handle) < 0 || handle < 0)
			return cs_error_set(err, file, row->line, "bad handle time '%s'",
			        field_text(row, iv->handle));
		if (field_flag(row, iv->abandoned, &flag) < 0)
			return cs_error_set(err, file, row->line, "bad abandoned flag '%s'",
			        field_text(row, iv->abandoned));
		abandoned = flag;
		if (iv->by == CS_BY_CHANNEL)
			gname = cs_channel_name(tk.channel);
		else if (iv->by == CS_BY_TEAM)
			gname = tk.team ? tk.team : "";
	} else {
		enum cs_parse_result pr;

		pr = cs_time_parse(row->f[iv->start], row->len[iv->start], CS_ORDER_YMD, NULL, &t);
		if (pr != CS_PARSE_OK)
			return cs_error_set(
			        err, file, row->line, "bad start '%s'", row->f[iv->start]);
		if (field_number(row, iv->contacts, &contacts) < 0 || !(contacts >= 0))
			return cs_error_set(err, file, row->line, "bad contacts '%s'",
			        field_text(row, iv->contacts));
		if (field_number(row, iv->aht, &handle) < 0 || handle < 0)
			return cs_error_set(
			        err, file, row->line, "bad aht_s '%s'", field_text(row, iv->aht));
		if (field_number(row, iv->abandoned, &abandoned) < 0 || abandoned < 0)
			return cs_error_set(err, file, row->line, "bad abandoned '%s'",
			        field_text(row, iv->abandoned));
		if (field_number(row, iv->minutes, &minutes) < 0 || minutes <= 0)
			return cs_error_set(err, file, row->line, "bad minutes '%s'",
			        field_text(row, iv->minutes));
		if (!isnan(minutes) && (int64_t)llround(minutes * 60) > iv->len)
			return cs_error_set(err, file, row->line,
			        "an interval of %g minutes cannot be split into %lld-minute ones",
			        minutes, (long long)(iv->len / 60));
		if (iv->group >= 0)
			gname = field_text(row, iv->group);
	}
	g = find_group(iv, gname);
	if (!span_ok(g, cs_floor_div(t, iv->len)))
		return cs_error_set(err, file, row->line,
		        "more than %d intervals from the group's first: a stray timestamp?",
		        MAX_SPAN);
	c = find_cell(g, cs_floor_div(t, iv->len));
	c->contacts += contacts;
	if (iv->is_tickets) {
		if (abandoned > 0)
			c->abandoned += 1;
		else if (!isnan(handle) && handle > 0) {
			c->handle_sum += handle;
			c->handled += 1;
		}
	} else {
		if (!isnan(abandoned))
			c->abandoned += abandoned;
		if (!isnan(handle) && contacts > 0) {
			double answered = contacts - (isnan(abandoned) ? 0 : abandoned);

			if (answered > 0) {
				c->handle_sum += handle * answered;
				c->handled += answered;
			}
		}
	}
	return 0;
}

static int
cmp_group(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->name, ((const struct group *)b)->name);
}

int
cs_intervals_write(struct cs_intervals *iv, struct cs_writer *w, double aht_s)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN, idx;
	size_t i;
	char ts[CS_TIME_LEN];
	int rc = 0;

	if (iv->by != CS_BY_NONE)
		cs_writer_fieldz(w, iv->by == CS_BY_TEAM ? "team" : "channel");
	cs_writer_fieldz(w, "start");
	cs_writer_fieldz(w, "minutes");
	cs_writer_fieldz(w, "contacts");
	cs_writer_fieldz(w, "aht_s");
	cs_writer_fieldz(w, "abandoned");
	rc = cs_writer_end(w);
	if (iv->ngroups > 1)
		qsort(iv->groups, iv->ngroups, sizeof *iv->groups, cmp_group);
	for (i = 0; i < iv->ngroups; i++) {
		struct group *g = &iv->groups[i];

		if (g->base < lo)
			lo = g->base;
		if (g->base + (int64_t)g->n - 1 > hi)
			hi = g->base + (int64_t)g->n - 1;
	}
	for (i = 0; i < iv->ngroups && rc == 0; i++) {
		struct group *g = &iv->groups[i];

		for (idx = lo; idx <= hi && rc == 0; idx++) {
			struct cell zero = {0, 0, 0, 0}, *c = &zero;
			double aht;

			if (idx >= g->base && idx < g->base + (int64_t)g->n)
				c = &g->cells[idx - g->base];
			if (iv->by != CS_BY_NONE)
				cs_writer_fieldz(w, g->name);
			cs_writer_fieldz(w, cs_time_format(idx * iv->len, ts));
			cs_writer_number(w, (double)iv->len / 60, 3);
			cs_writer_number(w, c->contacts, 3);
			aht = c->handled > 0 ? c->handle_sum / c->handled : NAN;
			if (isnan(aht) && c->contacts > 0)
				aht = aht_s;
			cs_writer_number(w, aht, 3);
			cs_writer_number(w, iv->has_abandoned ? c->abandoned : NAN, 3);
			rc = cs_writer_end(w);
		}
	}
	return rc;
}
