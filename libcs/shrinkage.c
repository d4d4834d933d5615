/*
 * Shrinkage of shrinkage.h.  Distinct agents, agent-months and leavers are
 * kept in one open-addressing set of strings per purpose, keyed by
 * "team\037agent" and the like, so a team's counts and the company's come
 * from the same pass.
 */
#include "libcs/shrinkage.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcs/buf.h"
#include "libcs/datetime.h"
#include "libcs/xalloc.h"

const char *const cs_shrinkage_columns[] = {"team", "agents", "scheduled_h", "absence_pct",
        "leave_pct", "late_pct", "training_pct", "meeting_pct", "planned_pct", "unplanned_pct",
        "total_pct", "attrition_pct", "vs_company_pts", NULL};

enum { C_ABSENCE, C_LEAVE, C_LATE, C_TRAINING, C_MEETING, NCOMP };
static const char *const comp_names[NCOMP] = {
        "absence_h", "leave_h", "late_h", "training_h", "meeting_h"};

/* A set of strings; add returns 1 when the string was new. */
struct strset {
	char **slot;
	size_t cap, n;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static int
strset_add(struct strset *set, const char *s)
{
	size_t i;

	if ((set->n + 1) * 2 > set->cap) {
		struct strset big = {NULL, set->cap ? set->cap * 2 : 64, 0};

		big.slot = xcalloc(big.cap, sizeof *big.slot);
		for (i = 0; i < set->cap; i++) {
			size_t j;

			if (!set->slot[i])
				continue;
			j = hash(set->slot[i]) & (big.cap - 1);
			while (big.slot[j])
				j = (j + 1) & (big.cap - 1);
			big.slot[j] = set->slot[i];
			big.n++;
		}
		free(set->slot);
		*set = big;
	}
	i = hash(s) & (set->cap - 1);
	while (set->slot[i]) {
		if (strcmp(set->slot[i], s) == 0)
			return 0;
		i = (i + 1) & (set->cap - 1);
	}
	set->slot[i] = xstrdup(s);
	set->n++;
	return 1;
}

static void
strset_free(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
}

struct team {
	char *name;
	long agents, agent_months, leavers;
	double scheduled, comp[NCOMP];
};

struct cs_shrinkage {
	int by_team;
	int64_t since, until;
	int date, agent, scheduled, team, status, comp[NCOMP];
	struct team *teams;
	size_t nteams, capteams;
	struct team company;
	struct strset agents, months, leavers;
	struct cs_buf key;
};

struct cs_shrinkage *
cs_shrinkage_new(int by_team, int64_t since, int64_t until)
{
	struct cs_shrinkage *s = xcalloc(1, sizeof *s);

	s->by_team = by_team;
	s->since = since;
	s->until = until;
	s->company.name = xstrdup("*");
	cs_buf_init(&s->key);
	return s;
}

void
cs_shrinkage_free(struct cs_shrinkage *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->nteams; i++)
		free(s->teams[i].name);
	free(s->teams);
	free(s->company.name);
	strset_free(&s->agents);
	strset_free(&s->months);
	strset_free(&s->leavers);
	cs_buf_release(&s->key);
	free(s);
}

int
cs_shrinkage_bind(
        struct cs_shrinkage *s, const struct cs_row *h, const char *file, struct cs_error *err)
{
	int i;

	s->date = cs_csv_column(h, "date");
	s->agent = cs_csv_column(h, "agent");
	s->scheduled = cs_csv_column(h, "scheduled_h");
	s->team = cs_csv_column(h, "team");
	s->status = cs_csv_column(h, "status");
	for (i = 0; i < NCOMP; i++)
		s->comp[i] = cs_csv_column(h, comp_names[i]);
	if (s->team < 0)
		s->by_team = 0; /* no teams to tell apart: the company row alone */
	if (s->date < 0)
		return cs_error_set(err, file, 1, "not an attendance stream: no column 'date'");
	if (s->agent < 0)
		return cs_error_set(err, file, 1, "not an attendance stream: no column 'agent'");
	if (s->scheduled < 0)
		return cs_error_set(
		        err, file, 1, "not an attendance stream: no column 'scheduled_h'");
	return 0;
}

static struct team *
find_team(struct cs_shrinkage *s, const char *name)
{
	size_t i;
	struct team *t;

	for (i = 0; i < s->nteams; i++)
		if (strcmp(s->teams[i].name, name) == 0)
			return &s->teams[i];
	s->teams = xgrow(s->teams, &s->capteams, s->nteams + 1, sizeof *s->teams);
	t = &s->teams[s->nteams++];
	memset(t, 0, sizeof *t);
	t->name = xstrdup(name);
	return t;
}

/* Hours: empty is 0 (nothing recorded); negative or non-numeric is bad. */
static int
hours(const struct cs_row *row, int col, double *v)
{
	int rc = cs_row_number(row, col, v);

	if (rc == 1)
		*v = 0;
	return rc < 0 || *v < 0 ? -1 : 0;
}

/* Counts key in set; returns 1 when it is new. */
static int
count_key(struct cs_shrinkage *s, struct strset *set, const char *a, const char *b, const char *c)
{
	cs_buf_reset(&s->key);
	cs_buf_printf(&s->key, "%s\037%s\037%s", a, b, c ? c : "");
	return strset_add(set, s->key.data);
}

static void
add_to(struct cs_shrinkage *s, struct team *t, const char *tname, const char *agent,
        const char *month, int left, double sched, const double *comp)
{
	int i;

	t->scheduled += sched;
	for (i = 0; i < NCOMP; i++)
		t->comp[i] += comp[i];
	if (count_key(s, &s->agents, tname, agent, NULL))
		t->agents++;
	if (!left && count_key(s, &s->months, tname, agent, month))
		t->agent_months++;
	if (left && count_key(s, &s->leavers, tname, agent, NULL))
		t->leavers++;
}

int
cs_shrinkage_add(
        struct cs_shrinkage *s, const struct cs_row *row, const char *file, struct cs_error *err)
{
	int64_t day;
	double sched, comp[NCOMP];
	const char *agent, *tname = "", *status = "";
	char month[16];
	int y, m, d, i, left = 0;

	if (cs_date_parse(row->f[s->date], row->len[s->date], CS_ORDER_YMD, &day) != CS_PARSE_OK)
		return cs_error_set(err, file, row->line, "bad date '%s'", row->f[s->date]);
	if (day < s->since || day > s->until)
		return 0;
	agent = row->f[s->agent];
	if (row->len[s->agent] == 0)
		return cs_error_set(err, file, row->line, "empty agent");
	if (hours(row, s->scheduled, &sched) < 0 || row->len[s->scheduled] == 0)
		return cs_error_set(
		        err, file, row->line, "bad scheduled_h '%s'", row->f[s->scheduled]);
	for (i = 0; i < NCOMP; i++)
		if (hours(row, s->comp[i], &comp[i]) < 0)
			return cs_error_set(err, file, row->line, "bad %s '%s'", comp_names[i],
			        row->f[s->comp[i]]);
	if (s->team >= 0)
		tname = row->f[s->team];
	if (s->status >= 0) {
		status = row->f[s->status];
		if (strcasecmp(status, "left") == 0)
			left = 1;
		else if (*status && strcasecmp(status, "active") != 0)
			return cs_error_set(
			        err, file, row->line, "bad status '%s' (active or left)", status);
	}
	cs_civil_from_days(day, &y, &m, &d);
	snprintf(month, sizeof month, "%04d-%02d", y % 10000, m);
	add_to(s, &s->company, "*", agent, month, left, sched, comp);
	if (s->by_team)
		add_to(s, find_team(s, tname), tname, agent, month, left, sched, comp);
	return 0;
}

static double
pct(double part, double whole)
{
	return whole > 0 ? part / whole * 100 : NAN;
}

static double
total_pct(const struct team *t)
{
	int i;
	double sum = 0;

	for (i = 0; i < NCOMP; i++)
		sum += t->comp[i];
	return pct(sum, t->scheduled);
}

static int
write_team(struct cs_writer *w, const struct team *t, double company_total)
{
	int i;

	cs_writer_fieldz(w, t->name);
	cs_writer_number(w, (double)t->agents, 0);
	cs_writer_number(w, t->scheduled, 3);
	for (i = 0; i < NCOMP; i++)
		cs_writer_number(w, pct(t->comp[i], t->scheduled), 3);
	cs_writer_number(w,
	        pct(t->comp[C_LEAVE] + t->comp[C_TRAINING] + t->comp[C_MEETING], t->scheduled), 3);
	cs_writer_number(w, pct(t->comp[C_ABSENCE] + t->comp[C_LATE], t->scheduled), 3);
	cs_writer_number(w, total_pct(t), 3);
	cs_writer_number(w, pct((double)t->leavers, (double)t->agent_months), 3);
	cs_writer_number(w, total_pct(t) - company_total, 3);
	return cs_writer_end(w);
}

static int
cmp_team(const void *a, const void *b)
{
	return strcmp(((const struct team *)a)->name, ((const struct team *)b)->name);
}

int
cs_shrinkage_write(struct cs_shrinkage *s, struct cs_writer *w)
{
	size_t i;
	int rc;
	double company = total_pct(&s->company);

	for (i = 0; cs_shrinkage_columns[i]; i++)
		cs_writer_fieldz(w, cs_shrinkage_columns[i]);
	rc = cs_writer_end(w);
	if (s->nteams > 1)
		qsort(s->teams, s->nteams, sizeof *s->teams, cmp_team);
	for (i = 0; i < s->nteams && rc == 0; i++)
		rc = write_team(w, &s->teams[i], company);
	if (rc == 0)
		rc = write_team(w, &s->company, company);
	return rc;
}

int
cs_shrinkage_load(const char *path, const struct cs_csv_options *opt, const char *team,
        double *total, double *planned, struct cs_error *err)
{
	struct cs_csv_reader *in = cs_csv_open(path, opt, err);
	const struct cs_row *h;
	struct cs_row row;
	int tc, tot, pl, found = 0, rc;

	if (!in)
		return -1;
	h = cs_csv_header(in);
	tc = cs_csv_column(h, "team");
	tot = cs_csv_column(h, "total_pct");
	pl = cs_csv_column(h, "planned_pct");
	if (tc < 0 || tot < 0 || pl < 0) {
		cs_csv_close(in);
		return cs_error_set(
		        err, path, 1, "not a shrinkage output: needs team, total_pct, planned_pct");
	}
	while ((rc = cs_csv_read(in, &row, err)) > 0) {
		size_t len;
		double t, p;

		if (row.problem || strcmp(cs_row_field(&row, tc, &len), team ? team : "*") != 0)
			continue;
		if (cs_row_number(&row, tot, &t) < 0 || cs_row_number(&row, pl, &p) < 0 ||
		        isnan(t) || t < 0 || t >= 100 || !(p >= 0) || p > t) {
			cs_csv_close(in);
			return cs_error_set(err, path, row.line, "bad total_pct or planned_pct");
		}
		*total = t / 100;
		*planned = p / 100;
		found = 1;
	}
	cs_csv_close(in);
	if (rc < 0)
		return -1;
	if (!found && team)
		return cs_error_set(err, path, 0, "no row for team '%s'", team);
	if (!found)
		return cs_error_set(err, path, 0, "no company row (team '*')");
	return 0;
}
