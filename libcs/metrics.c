/*
 * Support metrics by period and group; see metrics.h.
 *
 * Each (group, period) cell keeps counters, the durations whose
 * percentiles it reports (as doubles, so that the percentiles are exact
 * whatever the values), and the instants at which tickets still open would breach
 * their SLA, which are judged only once as_of is known.  The backlog is
 * kept as a per-period difference (created minus leaving) and summed into a
 * running total by cs_metrics_finish.
 */
#include "libcs/metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/grid.h"
#include "libcs/period.h"
#include "libcs/xalloc.h"

struct fvals {
	double *v;
	uint32_t n, cap;
	double sum;
};

struct ivals {
	int64_t *v;
	uint32_t n, cap;
};

struct cell {
	struct fvals frt, res;
	struct ivals pending; /* breach instants of tickets not yet judged */
	int64_t backlog; /* difference until finish, running total after */
	int32_t created, solved;
	int32_t sla_n, sla_met;
	int32_t ot_n, ot, ro_n, ro, good, bad;
};

struct cs_metrics {
	struct cs_metrics_options o;
	struct cs_grid *grid;
	int64_t latest;
	int finished;
};

static void
fvals_add(struct fvals *f, double x)
{
	if (f->n == f->cap) {
		size_t cap = f->cap;

		f->v = xgrow(f->v, &cap, (size_t)f->n + 1, sizeof *f->v);
		f->cap = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
	}
	f->v[f->n++] = x;
	f->sum += x;
}

/* Moves the k-th smallest value to v[k], smaller ones before it and
 * greater or equal ones after it (quickselect, median of three): linear
 * time, where a sort would be n log n over millions of durations. */
static void
select_kth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (hi > lo) {
		size_t mid = lo + (hi - lo) / 2, i = lo, j = hi;
		double a = v[lo], b = v[mid], c = v[hi], pivot, t;

		pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
		/* Hoare partition: afterwards v[lo..j] <= pivot <= v[i..hi]. */
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

/* The least value of v[from..n). */
static double
least_from(const double *v, size_t n, size_t from)
{
	double m = v[from];
	size_t i;

	for (i = from + 1; i < n; i++)
		if (v[i] < m)
			m = v[i];
	return m;
}

/* PERCENTILE.INC over the kept values (see stats.h), by selection. */
static double
fvals_percentile(struct fvals *f, double p)
{
	double rank, frac, a, b;
	size_t lo;

	if (f->n == 0)
		return NAN;
	rank = p * (double)(f->n - 1);
	lo = (size_t)rank;
	frac = rank - (double)lo;
	select_kth(f->v, f->n, lo);
	a = f->v[lo];
	if (lo + 1 >= f->n || frac == 0)
		return a;
	/* After the selection the next rank is the least value above lo. */
	b = least_from(f->v, f->n, lo + 1);
	return a + frac * (b - a);
}

static void
ivals_add(struct ivals *v, int64_t x)
{
	if (v->n == v->cap) {
		size_t cap = v->cap;

		v->v = xgrow(v->v, &cap, (size_t)v->n + 1, sizeof *v->v);
		v->cap = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
	}
	v->v[v->n++] = x;
}

static void
cell_release(void *p)
{
	struct cell *c = p;

	free(c->frt.v);
	free(c->res.v);
	free(c->pending.v);
}

struct cs_metrics *
cs_metrics_new(const struct cs_metrics_options *o, size_t nkeys)
{
	struct cs_metrics *m = xcalloc(1, sizeof *m);

	m->o = *o;
	m->grid = cs_grid_new(nkeys, sizeof(struct cell));
	m->latest = CS_UNKNOWN;
	return m;
}

void
cs_metrics_free(struct cs_metrics *m)
{
	if (m == NULL)
		return;
	cs_grid_free(m->grid, cell_release);
	free(m);
}

int64_t
cs_ticket_latest(const struct cs_ticket *t)
{
	int64_t l = t->created_at;

	if (t->first_reply_at != CS_UNKNOWN && t->first_reply_at > l)
		l = t->first_reply_at;
	if (t->solved_at != CS_UNKNOWN && t->solved_at > l)
		l = t->solved_at;
	if (t->updated_at != CS_UNKNOWN && t->updated_at > l)
		l = t->updated_at;
	return l;
}

/* Minutes from a to b: business minutes of the ticket's schedule, or
 * calendar minutes; NaN when unknown or negative. */
static double
span_minutes(const struct cs_metrics *m, int sched, int64_t a, int64_t b)
{
	if (a == CS_UNKNOWN || b == CS_UNKNOWN || b < a)
		return NAN;
	if (m->o.business)
		return m->o.hours ? cs_hours_minutes(m->o.hours, sched, a, b) : NAN;
	return (double)(b - a) / 60.0;
}

/* The instant when `minutes` have passed since a, in the same clock. */
static int64_t
deadline(const struct cs_metrics *m, int sched, int64_t a, double minutes)
{
	if (m->o.business)
		return m->o.hours ? cs_hours_deadline(m->o.hours, sched, a, minutes) : INT64_MAX;
	return a + (int64_t)(minutes * 60 + 0.5);
}

void
cs_metrics_add(struct cs_metrics *m, const char *const *keys, const size_t *lens,
        const struct cs_ticket *t, const char *match, size_t match_len)
{
	const struct cs_metrics_options *o = &m->o;
	size_t g = cs_grid_group(m->grid, keys, lens);
	int64_t cord = cs_pord_of(o->period, o->tz, t->created_at);
	int sched = o->business && o->hours ? cs_hours_schedule(o->hours, t->team) : 0;
	int solved = cs_ticket_is_solved(t);
	double frt, res;
	struct cell *c;
	int64_t latest = cs_ticket_latest(t);

	if (m->latest == CS_UNKNOWN || latest > m->latest)
		m->latest = latest;

	/* A source's own duration wins over one computed from timestamps. */
	frt = o->business ? t->first_reply_bmin : t->first_reply_min;
	if (isnan(frt))
		frt = span_minutes(m, sched, t->created_at, t->first_reply_at);
	res = o->business ? t->resolution_bmin : t->resolution_min;
	if (isnan(res) && solved)
		res = span_minutes(m, sched, t->created_at, t->solved_at);

	c = cs_grid_cell(m->grid, g, cord);
	c->created++;
	c->backlog++;
	if (!isnan(frt))
		fvals_add(&c->frt, frt);

	if (o->sla) {
		double tf, tr;
		int breached = 0, pending = 0, known = 0;
		int64_t breach_at = INT64_MAX;

		cs_sla_targets(o->sla, t->priority, match, match_len, &tf, &tr);
		if (!isnan(tf)) {
			if (!isnan(frt)) {
				known = 1;
				breached |= frt > tf;
			} else if (t->first_reply_at == CS_UNKNOWN && !solved && t->replies <= 0) {
				/* Still waiting for a first reply. */
				pending = 1;
				breach_at = deadline(m, sched, t->created_at, tf);
			}
		}
		if (!isnan(tr)) {
			if (solved && !isnan(res)) {
				known = 1;
				breached |= res > tr;
			} else if (!solved) {
				int64_t d = deadline(m, sched, t->created_at, tr);

				pending = 1;
				if (d < breach_at)
					breach_at = d;
			}
		}
		if (breached) {
			c->sla_n++;
		} else if (pending) {
			ivals_add(&c->pending, breach_at);
		} else if (known) {
			c->sla_n++;
			c->sla_met++;
		}
	}

	if (t->solved_at != CS_UNKNOWN) {
		/* Leaves the backlog in the period of solved_at (never before it
		 * entered: a solve stamped before creation counts at creation). */
		int64_t sord = cs_pord_of(o->period, o->tz, t->solved_at);

		if (sord < cord)
			sord = cord;
		c = cs_grid_cell(m->grid, g, sord);
		c->backlog--;
		if (solved) {
			c->solved++;
			if (!isnan(res))
				fvals_add(&c->res, res);
			if (t->replies >= 0) {
				c->ot_n++;
				c->ot += t->replies <= 1;
			}
			if (t->reopens >= 0) {
				c->ro_n++;
				c->ro += t->reopens > 0;
			}
			if (t->csat == CS_CSAT_GOOD)
				c->good++;
			else if (t->csat == CS_CSAT_BAD)
				c->bad++;
		}
	}
}

void
cs_metrics_finish(struct cs_metrics *m)
{
	size_t g, n = cs_grid_ngroups(m->grid);

	if (m->finished)
		return;
	m->finished = 1;
	if (m->o.as_of == CS_UNKNOWN)
		m->o.as_of = m->latest;
	for (g = 0; g < n; g++) {
		int64_t a, b, ord, run = 0;

		if (!cs_grid_group_range(m->grid, g, &a, &b))
			continue;
		for (ord = a; ord <= b; ord++) {
			struct cell *c = cs_grid_find(m->grid, g, ord);

			run += c->backlog;
			c->backlog = run;
		}
	}
}

int
cs_metrics_span(const struct cs_metrics *m, int64_t *first, int64_t *last)
{
	return cs_grid_range(m->grid, first, last);
}

size_t
cs_metrics_ngroups(const struct cs_metrics *m)
{
	return cs_grid_ngroups(m->grid);
}

const char *const *
cs_metrics_keys(const struct cs_metrics *m, size_t group)
{
	return cs_grid_keys(m->grid, group);
}

int64_t
cs_metrics_group_first(const struct cs_metrics *m, size_t group)
{
	int64_t a, b;

	cs_grid_group_range(m->grid, group, &a, &b);
	return a;
}

int64_t
cs_metrics_as_of(const struct cs_metrics *m)
{
	return m->o.as_of;
}

static double
pct(long a, long b)
{
	return b ? 100.0 * (double)a / (double)b : NAN;
}

void
cs_metrics_result(struct cs_metrics *m, size_t group, int64_t ord, struct cs_metrics_result *r)
{
	struct cell *c = NULL;
	int64_t a, b;
	uint32_t i;

	memset(r, 0, sizeof *r);
	r->frt_mean_min = r->frt_p50_min = r->frt_p90_min = NAN;
	r->res_mean_h = r->res_p50_h = r->res_p90_h = NAN;
	/* A stream without rows has no group 0 at all: it reads as a group
	 * without cells. */
	if (group < cs_grid_ngroups(m->grid))
		c = cs_grid_find(m->grid, group, ord);
	if (c == NULL) {
		/* No cell: the backlog carries over from the group's last cell. */
		if (group < cs_grid_ngroups(m->grid) &&
		        cs_grid_group_range(m->grid, group, &a, &b) && ord > b)
			r->backlog = ((struct cell *)cs_grid_find(m->grid, group, b))->backlog;
	} else {
		int64_t end = cs_pord_start(m->o.period, m->o.tz, ord + 1);

		if (m->o.as_of != CS_UNKNOWN && m->o.as_of < end)
			end = m->o.as_of;
		r->created = c->created;
		r->solved = c->solved;
		r->backlog = c->backlog;
		r->frt_n = c->frt.n;
		if (c->frt.n) {
			r->frt_mean_min = c->frt.sum / c->frt.n;
			r->frt_p50_min = fvals_percentile(&c->frt, 0.5);
			r->frt_p90_min = fvals_percentile(&c->frt, 0.9);
		}
		r->res_n = c->res.n;
		if (c->res.n) {
			r->res_mean_h = c->res.sum / c->res.n / 60.0;
			r->res_p50_h = fvals_percentile(&c->res, 0.5) / 60.0;
			r->res_p90_h = fvals_percentile(&c->res, 0.9) / 60.0;
		}
		r->sla_n = c->sla_n;
		r->sla_met = c->sla_met;
		/* An open ticket past its target at the end of its period (or
		 * at as_of, when that comes first) has breached. */
		for (i = 0; i < c->pending.n; i++)
			if (c->pending.v[i] < end)
				r->sla_n++;
		r->one_touch_n = c->ot_n;
		r->one_touch = c->ot;
		r->reopen_n = c->ro_n;
		r->reopened = c->ro;
		r->csat_good = c->good;
		r->csat_bad = c->bad;
	}
	r->sla_met_pct = pct(r->sla_met, r->sla_n);
	r->one_touch_pct = pct(r->one_touch, r->one_touch_n);
	r->reopen_pct = pct(r->reopened, r->reopen_n);
	r->csat_pct = pct(r->csat_good, r->csat_good + r->csat_bad);
}

/* NPS. */

struct nps_cell {
	int32_t responses, promoters, passives, detractors;
};

struct cs_nps {
	struct cs_grid *grid;
};

struct cs_nps *
cs_nps_new(size_t nkeys)
{
	struct cs_nps *n = xcalloc(1, sizeof *n);

	n->grid = cs_grid_new(nkeys, sizeof(struct nps_cell));
	return n;
}

void
cs_nps_free(struct cs_nps *n)
{
	if (n == NULL)
		return;
	cs_grid_free(n->grid, NULL);
	free(n);
}

void
cs_nps_add(struct cs_nps *n, const char *const *keys, const size_t *lens, int64_t ord, int score)
{
	struct nps_cell *c = cs_grid_cell(n->grid, cs_grid_group(n->grid, keys, lens), ord);

	c->responses++;
	if (score >= 9)
		c->promoters++;
	else if (score >= 7)
		c->passives++;
	else
		c->detractors++;
}

int
cs_nps_span(const struct cs_nps *n, int64_t *first, int64_t *last)
{
	return cs_grid_range(n->grid, first, last);
}

size_t
cs_nps_ngroups(const struct cs_nps *n)
{
	return cs_grid_ngroups(n->grid);
}

const char *const *
cs_nps_keys(const struct cs_nps *n, size_t group)
{
	return cs_grid_keys(n->grid, group);
}

int64_t
cs_nps_group_first(const struct cs_nps *n, size_t group)
{
	int64_t a, b;

	cs_grid_group_range(n->grid, group, &a, &b);
	return a;
}

void
cs_nps_result(const struct cs_nps *n, size_t group, int64_t ord, struct cs_nps_result *r)
{
	const struct nps_cell *c = cs_grid_find(n->grid, group, ord);

	memset(r, 0, sizeof *r);
	if (c) {
		r->responses = c->responses;
		r->promoters = c->promoters;
		r->passives = c->passives;
		r->detractors = c->detractors;
	}
	r->nps = r->responses ? 100.0 * (double)(r->promoters - r->detractors) / r->responses : NAN;
}

/* Backlog age. */

const char *const cs_age_bucket_names[CS_AGE_BUCKETS] = {
        "0_1d", "1_3d", "3_7d", "7_30d", "30d_plus"};

struct age_cell {
	struct ivals created; /* created_at of each open ticket */
	int64_t oldest;
	char *oldest_id;
};

struct cs_backlog_age {
	struct cs_grid *grid;
	int64_t as_of, latest;
	int explicit_as_of;
};

static void
age_release(void *p)
{
	struct age_cell *c = p;

	free(c->created.v);
	free(c->oldest_id);
}

struct cs_backlog_age *
cs_backlog_age_new(size_t nkeys, int64_t as_of)
{
	struct cs_backlog_age *b = xcalloc(1, sizeof *b);

	b->grid = cs_grid_new(nkeys, sizeof(struct age_cell));
	b->as_of = as_of;
	b->explicit_as_of = as_of != CS_UNKNOWN;
	b->latest = CS_UNKNOWN;
	return b;
}

void
cs_backlog_age_free(struct cs_backlog_age *b)
{
	if (b == NULL)
		return;
	cs_grid_free(b->grid, age_release);
	free(b);
}

void
cs_backlog_age_add(struct cs_backlog_age *b, const char *const *keys, const size_t *lens,
        const struct cs_ticket *t)
{
	size_t g = cs_grid_group(b->grid, keys, lens);
	struct age_cell *c = cs_grid_cell(b->grid, g, 0);
	int64_t latest = cs_ticket_latest(t);
	int open;

	if (b->latest == CS_UNKNOWN || latest > b->latest)
		b->latest = latest;
	/* Without an explicit as_of, the instant is the latest in the data,
	 * which no solved_at can pass: the open tickets are the unsolved. */
	if (b->explicit_as_of)
		open = t->created_at <= b->as_of &&
		        (t->solved_at == CS_UNKNOWN || t->solved_at > b->as_of);
	else
		open = t->solved_at == CS_UNKNOWN;
	if (!open)
		return;
	ivals_add(&c->created, t->created_at);
	if (c->oldest_id == NULL || t->created_at < c->oldest) {
		free(c->oldest_id);
		c->oldest_id = xstrdup(t->id ? t->id : "");
		c->oldest = t->created_at;
	}
}

void
cs_backlog_age_finish(struct cs_backlog_age *b)
{
	if (!b->explicit_as_of)
		b->as_of = b->latest;
}

int64_t
cs_backlog_age_as_of(const struct cs_backlog_age *b)
{
	return b->as_of;
}

size_t
cs_backlog_age_ngroups(const struct cs_backlog_age *b)
{
	return cs_grid_ngroups(b->grid);
}

const char *const *
cs_backlog_age_keys(const struct cs_backlog_age *b, size_t group)
{
	return cs_grid_keys(b->grid, group);
}

void
cs_backlog_age_result(const struct cs_backlog_age *b, size_t group, struct cs_backlog_age_result *r)
{
	const struct age_cell *c = cs_grid_find(b->grid, group, 0);
	static const int64_t edge[CS_AGE_BUCKETS - 1] = {86400, 3 * 86400, 7 * 86400, 30 * 86400};
	uint32_t i;

	memset(r, 0, sizeof *r);
	r->oldest_age_d = NAN;
	if (c == NULL || c->created.n == 0)
		return;
	for (i = 0; i < c->created.n; i++) {
		int64_t age = b->as_of - c->created.v[i];
		int k = 0;

		while (k < CS_AGE_BUCKETS - 1 && age >= edge[k])
			k++;
		r->bucket[k]++;
		r->open++;
	}
	r->oldest_id = c->oldest_id;
	r->oldest_age_d = (double)(b->as_of - c->oldest) / 86400.0;
}
