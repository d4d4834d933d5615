/*
 * Forecasts of forecast.h.  Rows are kept as they come (one small record
 * per interval: intervals are the groups here), then laid on the grid.
 */
#include "libcs/forecast.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/datetime.h"
#include "libcs/xalloc.h"

#define WEEK_S (7 * 86400)
/* The longest history laid on the grid: 28 years of quarter hours. */
#define MAX_GRID 1000000
#define HW_ALPHA 0.1
#define HW_BETA 0.0001
#define HW_GAMMA 0.3

static const char *const method_names[] = {"last-week", "mean", "weighted", "holt-winters", "auto"};

int
cs_fc_method_from_name(const char *name, enum cs_fc_method *m)
{
	int i;

	for (i = 0; i <= CS_FC_AUTO; i++)
		if (strcmp(name, method_names[i]) == 0) {
			*m = (enum cs_fc_method)i;
			return 0;
		}
	return -1;
}

const char *
cs_fc_method_name(enum cs_fc_method m)
{
	return method_names[m];
}

struct obs {
	int64_t start;
	double contacts, aht, minutes;
};

struct cs_forecast {
	int weeks;
	const struct cs_tz *tz;
	int start, contacts, minutes, aht;
	struct obs *obs;
	size_t nobs, capobs;
	/* The grid, after prepare. */
	int64_t len, origin;
	size_t n, slots;
	size_t first; /* grid index of the first interval of the history */
	double *v, *aht_sum, *aht_w;
	unsigned char *seen;
	double aht_all;
};

struct cs_forecast *
cs_forecast_new(int weeks, const struct cs_tz *tz)
{
	struct cs_forecast *f = xcalloc(1, sizeof *f);

	f->tz = tz;
	f->weeks = weeks > 0 ? weeks : 1;
	return f;
}

void
cs_forecast_free(struct cs_forecast *f)
{
	if (!f)
		return;
	free(f->obs);
	free(f->v);
	free(f->aht_sum);
	free(f->aht_w);
	free(f->seen);
	free(f);
}

int64_t
cs_forecast_interval(const struct cs_forecast *f)
{
	return f->len;
}

int
cs_forecast_bind(
        struct cs_forecast *f, const struct cs_row *h, const char *file, struct cs_error *err)
{
	f->start = cs_csv_column(h, "start");
	f->contacts = cs_csv_column(h, "contacts");
	f->minutes = cs_csv_column(h, "minutes");
	f->aht = cs_csv_column(h, "aht_s");
	if (f->start < 0)
		return cs_error_set(err, file, 1, "not an intervals stream: no column 'start'");
	if (f->contacts < 0)
		return cs_error_set(err, file, 1, "not an intervals stream: no column 'contacts'");
	return 0;
}

/* A number field: empty is NaN; negative or not a number is bad (-1). */
static int
number(const struct cs_row *row, int col, double *v)
{
	int rc = cs_row_number(row, col, v);

	return rc < 0 || (rc == 0 && *v < 0) ? -1 : 0;
}

int
cs_forecast_add(
        struct cs_forecast *f, const struct cs_row *row, const char *file, struct cs_error *err)
{
	struct obs o;

	if (cs_time_parse(row->f[f->start], row->len[f->start], CS_ORDER_YMD, NULL, &o.start) !=
	        CS_PARSE_OK)
		return cs_error_set(err, file, row->line, "bad start '%s'", row->f[f->start]);
	/* The grid runs in wall-clock time of the zone (UTC by default). */
	o.start = cs_tz_to_local(f->tz, o.start);
	if (number(row, f->contacts, &o.contacts) < 0 || isnan(o.contacts))
		return cs_error_set(err, file, row->line, "bad contacts '%s'", row->f[f->contacts]);
	if (number(row, f->aht, &o.aht) < 0)
		return cs_error_set(err, file, row->line, "bad aht_s '%s'", row->f[f->aht]);
	if (number(row, f->minutes, &o.minutes) < 0 || o.minutes == 0)
		return cs_error_set(err, file, row->line, "bad minutes '%s'", row->f[f->minutes]);
	f->obs = xgrow(f->obs, &f->capobs, f->nobs + 1, sizeof *f->obs);
	f->obs[f->nobs++] = o;
	return 0;
}

int
cs_forecast_prepare(struct cs_forecast *f, struct cs_error *err)
{
	size_t i;
	int64_t first = INT64_MAX, last = INT64_MIN, len = 0, day;
	double sum = 0, w = 0;

	if (f->nobs == 0)
		return cs_error_set(err, NULL, 0, "no history to forecast from");
	for (i = 0; i < f->nobs; i++) {
		const struct obs *o = &f->obs[i];
		int64_t l = isnan(o->minutes) ? 0 : (int64_t)llround(o->minutes * 60);

		if (l && len && l != len)
			return cs_error_set(err, NULL, 0,
			        "intervals of %lld and %lld minutes in one history",
			        (long long)len / 60, (long long)l / 60);
		if (l)
			len = l;
		if (o->start < first)
			first = o->start;
		if (o->start > last)
			last = o->start;
	}
	if (!len) {
		/* No minutes column: the smallest gap between two starts. */
		int64_t prev = INT64_MIN;

		for (i = 0; i < f->nobs; i++) {
			if (prev != INT64_MIN) {
				int64_t gap = f->obs[i].start - prev;

				if (gap > 0 && (len == 0 || gap < len))
					len = gap;
			}
			prev = f->obs[i].start;
		}
		if (!len)
			len = 1800;
	}
	if (WEEK_S % len != 0)
		return cs_error_set(err, NULL, 0,
		        "an interval of %lld seconds does not divide a week", (long long)len);
	f->len = len;
	f->slots = (size_t)(WEEK_S / len);
	day = cs_floor_div(first, 86400);
	f->origin = (day - (cs_weekday(day) - 1)) * 86400;
	if ((last - f->origin) / len >= MAX_GRID)
		return cs_error_set(err, NULL, 0,
		        "the history spans more than %d intervals: a stray timestamp?", MAX_GRID);
	f->n = (size_t)((last - f->origin) / len) + 1;
	f->first = (size_t)((first - f->origin) / len);
	f->v = xcalloc(f->n, sizeof *f->v);
	f->aht_sum = xcalloc(f->n, sizeof *f->aht_sum);
	f->aht_w = xcalloc(f->n, sizeof *f->aht_w);
	f->seen = xcalloc(f->slots, 1);
	for (i = 0; i < f->nobs; i++) {
		const struct obs *o = &f->obs[i];
		size_t j;

		if ((o->start - f->origin) % len != 0)
			return cs_error_set(err, NULL, 0,
			        "interval starting %lld s after the grid is not on a %lld-minute "
			        "boundary",
			        (long long)(o->start - f->origin), (long long)len / 60);
		j = (size_t)((o->start - f->origin) / len);
		f->v[j] += o->contacts;
		f->seen[j % f->slots] = 1;
		if (!isnan(o->aht) && o->contacts > 0) {
			f->aht_sum[j] += o->aht * o->contacts;
			f->aht_w[j] += o->contacts;
			sum += o->aht * o->contacts;
			w += o->contacts;
		}
	}
	f->aht_all = w > 0 ? sum / w : NAN;
	free(f->obs);
	f->obs = NULL;
	f->nobs = f->capobs = 0;
	return 0;
}

/*
 * Forecasts out[k] for grid index h + k, k < count, from the history
 * before index h.  Returns -1 when the method needs more history.
 */
static int
predict(const struct cs_forecast *f, enum cs_fc_method m, size_t h, size_t count, double *out)
{
	size_t S = f->slots, k;
	int W = f->weeks;

	if (h < f->first + S)
		return -1;
	if (m == CS_FC_HOLT_WINTERS) {
		/* Fitted from the first interval of the history, not from the
		 * Monday before it, whose empty days are no measurement. */
		double level = 0, trend = 0, *season;
		size_t i, b = f->first;

		if (h < b + 2 * S)
			return -1;
		season = xcalloc(S, sizeof *season);
		for (i = b; i < b + S; i++)
			level += f->v[i];
		level /= (double)S;
		for (i = b + S; i < b + 2 * S; i++)
			trend += f->v[i];
		trend = (trend / (double)S - level) / (double)S;
		for (i = b; i < b + S; i++)
			season[i % S] = f->v[i] - level;
		for (i = b + S; i < h; i++) {
			double prev = level, *s = &season[i % S];

			level = HW_ALPHA * (f->v[i] - *s) + (1 - HW_ALPHA) * (level + trend);
			trend = HW_BETA * (level - prev) + (1 - HW_BETA) * trend;
			*s = HW_GAMMA * (f->v[i] - level) + (1 - HW_GAMMA) * *s;
		}
		for (k = 0; k < count; k++) {
			double y = level + (double)(k + 1) * trend + season[(h + k) % S];
			out[k] = y > 0 ? y : 0;
		}
		free(season);
		return 0;
	}
	for (k = 0; k < count; k++) {
		size_t j = h + k, back = (k / S + 1) * S;
		double sum = 0, wsum = 0;
		int i;

		for (i = 0; i < (m == CS_FC_LAST_WEEK ? 1 : W) && back <= j - f->first;
		        i++, back += S) {
			double wt = m == CS_FC_WEIGHTED ? (double)(W - i) : 1;

			sum += wt * f->v[j - back];
			wsum += wt;
		}
		out[k] = wsum > 0 ? sum / wsum : 0;
	}
	return 0;
}

int
cs_forecast_backtest(struct cs_forecast *f, struct cs_fc_accuracy *acc)
{
	size_t S = f->slots, weeks = f->n / S, h, k;
	double *fc;
	int m, best = -1;

	for (m = 0; m < CS_FC_NMETHODS; m++) {
		acc[m].method = (enum cs_fc_method)m;
		acc[m].wape_pct = acc[m].bias_pct = NAN;
		acc[m].week = 0;
		acc[m].train_weeks = 0;
	}
	if (weeks < 2)
		return -1;
	h = (weeks - 1) * S;
	fc = xcalloc(S, sizeof *fc);
	for (m = 0; m < CS_FC_NMETHODS; m++) {
		double absum = 0, bsum = 0, asum = 0;

		acc[m].week = f->origin + (int64_t)h * f->len;
		acc[m].train_weeks = h > f->first ? (int)((h - f->first + S / 2) / S) : 0;
		if (predict(f, (enum cs_fc_method)m, h, S, fc) < 0)
			continue;
		for (k = 0; k < S; k++) {
			absum += fabs(f->v[h + k] - fc[k]);
			bsum += fc[k] - f->v[h + k];
			asum += f->v[h + k];
		}
		if (asum > 0) {
			acc[m].wape_pct = absum / asum * 100;
			acc[m].bias_pct = bsum / asum * 100;
		}
		if (!isnan(acc[m].wape_pct) && (best < 0 || acc[m].wape_pct < acc[best].wape_pct))
			best = m;
	}
	free(fc);
	return best;
}

/* The handle time of grid index j: its slot's last W weeks of history. */
static double
slot_aht(const struct cs_forecast *f, size_t j)
{
	double sum = 0, w = 0;
	int64_t idx = (int64_t)j, S = (int64_t)f->slots;
	int i;

	while (idx >= (int64_t)f->n)
		idx -= S;
	for (i = 0; i < f->weeks && idx >= 0; i++, idx -= S) {
		sum += f->aht_sum[idx];
		w += f->aht_w[idx];
	}
	return w > 0 ? sum / w : f->aht_all;
}

int
cs_forecast_write(struct cs_forecast *f, enum cs_fc_method m, int64_t horizon_s,
        struct cs_writer *w, const char *group_col, const char *group, int header,
        struct cs_error *err)
{
	size_t count = (size_t)(horizon_s / f->len), k;
	double *fc;
	char ts[CS_TIME_LEN];
	int rc;

	if (count == 0)
		return cs_error_set(err, NULL, 0, "the horizon is shorter than one interval");
	fc = xcalloc(count, sizeof *fc);
	if (predict(f, m, f->n, count, fc) < 0) {
		free(fc);
		return cs_error_set(err, NULL, 0, "%s needs at least %d week%s of history",
		        cs_fc_method_name(m), m == CS_FC_HOLT_WINTERS ? 2 : 1,
		        m == CS_FC_HOLT_WINTERS ? "s" : "");
	}
	rc = 0;
	if (header) {
		if (group_col)
			cs_writer_fieldz(w, group_col);
		cs_writer_fieldz(w, "start");
		cs_writer_fieldz(w, "minutes");
		cs_writer_fieldz(w, "contacts");
		cs_writer_fieldz(w, "aht_s");
		rc = cs_writer_end(w);
	}
	for (k = 0; k < count && rc == 0; k++) {
		size_t j = f->n + k;

		int64_t local = f->origin + (int64_t)j * f->len, utc;

		if (!f->seen[j % f->slots])
			continue;
		utc = cs_tz_to_utc(f->tz, local);
		if (cs_tz_to_local(f->tz, utc) != local)
			continue; /* skipped when the clocks went forward */
		if (group_col)
			cs_writer_fieldz(w, group);
		cs_writer_fieldz(w, cs_time_format(utc, ts));
		cs_writer_number(w, (double)f->len / 60, 3);
		cs_writer_number(w, fc[k], 3);
		cs_writer_number(w, slot_aht(f, j), 3);
		rc = cs_writer_end(w);
	}
	free(fc);
	return rc;
}

int
cs_fc_accuracy_header(struct cs_writer *w, const char *group_col)
{
	if (group_col)
		cs_writer_fieldz(w, group_col);
	cs_writer_fieldz(w, "method");
	cs_writer_fieldz(w, "week");
	cs_writer_fieldz(w, "train_weeks");
	cs_writer_fieldz(w, "wape_pct");
	cs_writer_fieldz(w, "bias_pct");
	cs_writer_fieldz(w, "best");
	return cs_writer_end(w);
}

int
cs_fc_accuracy_write(struct cs_writer *w, const struct cs_fc_accuracy *acc, int best,
        const char *group_col, const char *group)
{
	char day[CS_DATE_LEN];
	int i, rc = 0;

	for (i = 0; i < CS_FC_NMETHODS; i++) {
		if (group_col)
			cs_writer_fieldz(w, group);
		cs_writer_fieldz(w, cs_fc_method_name(acc[i].method));
		cs_writer_fieldz(w, best < 0 ? "" : cs_date_format(acc[i].week / 86400, day));
		cs_writer_number(w, acc[i].train_weeks, 0);
		cs_writer_number(w, acc[i].wape_pct, 3);
		cs_writer_number(w, acc[i].bias_pct, 3);
		cs_writer_fieldz(w, i == best ? "*" : "");
		rc = cs_writer_end(w);
	}
	return rc;
}

/* One series of a set: its group's value and its forecast. */
struct fc_series {
	char *name;
	struct cs_forecast *f;
};

struct cs_fc_set {
	int weeks;
	const struct cs_tz *tz;
	const char *group_col;
	int gc; /* the group column of the bound header, -1 for none */
	const struct cs_row *header; /* the bound header, for new series */
	struct cs_forecast *probe; /* checks each input's header */
	struct fc_series *ser;
	size_t nser, capser;
};

struct cs_fc_set *
cs_fc_set_new(int weeks, const struct cs_tz *tz, const char *group_col)
{
	struct cs_fc_set *s = xcalloc(1, sizeof *s);

	s->weeks = weeks;
	s->tz = tz;
	s->group_col = group_col;
	s->gc = -1;
	s->probe = cs_forecast_new(weeks, tz);
	return s;
}

void
cs_fc_set_free(struct cs_fc_set *s)
{
	size_t k;

	if (!s)
		return;
	for (k = 0; k < s->nser; k++) {
		free(s->ser[k].name);
		cs_forecast_free(s->ser[k].f);
	}
	free(s->ser);
	cs_forecast_free(s->probe);
	free(s);
}

int
cs_fc_set_bind(
        struct cs_fc_set *s, const struct cs_row *header, const char *file, struct cs_error *err)
{
	size_t k;

	if (cs_forecast_bind(s->probe, header, file, err) < 0)
		return -1;
	s->gc = s->group_col ? cs_csv_column(header, s->group_col) : -1;
	if (s->group_col && s->gc < 0)
		return cs_error_set(err, file, 1, "no column '%s' to forecast by", s->group_col);
	s->header = header;
	/* The probe accepted the header, so every series does. */
	for (k = 0; k < s->nser; k++)
		cs_forecast_bind(s->ser[k].f, header, file, err);
	return 0;
}

int
cs_fc_set_add(struct cs_fc_set *s, const struct cs_row *row, const char *file, struct cs_error *err)
{
	size_t len, k;
	const char *name = cs_row_field(row, s->gc, &len);

	for (k = 0; k < s->nser && strcmp(s->ser[k].name, name) != 0; k++)
		;
	if (k == s->nser) {
		s->ser = xgrow(s->ser, &s->capser, s->nser + 1, sizeof *s->ser);
		s->ser[k].name = xstrdup(name);
		s->ser[k].f = cs_forecast_new(s->weeks, s->tz);
		s->nser++;
		if (cs_forecast_bind(s->ser[k].f, s->header, file, err) < 0)
			return -1;
	}
	return cs_forecast_add(s->ser[k].f, row, file, err);
}

static int
cmp_series(const void *a, const void *b)
{
	return strcmp(((const struct fc_series *)a)->name, ((const struct fc_series *)b)->name);
}

size_t
cs_fc_set_finish(struct cs_fc_set *s)
{
	if (s->nser > 1)
		qsort(s->ser, s->nser, sizeof *s->ser, cmp_series);
	return s->nser;
}

const char *
cs_fc_set_name(const struct cs_fc_set *s, size_t k)
{
	return s->ser[k].name;
}

struct cs_forecast *
cs_fc_set_forecast(const struct cs_fc_set *s, size_t k)
{
	return s->ser[k].f;
}
