/*
 * Forecasting contacts per interval from interval history, by weekday x
 * interval of the day (the slot of the week).
 *
 * The history is laid on a dense grid of fixed intervals from the Monday
 * 00:00 UTC before its first interval; an interval missing between the
 * first and the last is zero contacts.  Slots of the week that never
 * appear in the history (nights and weekends of a business-hours export)
 * are not forecast.
 *
 * Methods, for a slot s of a future week:
 *   last-week     the value of s in the most recent week of history;
 *   mean          the mean of s over the last W weeks;
 *   weighted      the mean of s over the last W weeks weighted W, W-1, .., 1
 *                 from the most recent;
 *   holt-winters  additive Holt-Winters with a weekly season (alpha 0.1,
 *                 beta 0.0001, gamma 0.3), needing two weeks of history
 *                 from its first interval.
 * Forecasts are never negative.  The handle time of a slot is the
 * contact-weighted mean of its last W weeks (the overall mean where the
 * slot has none).
 *
 * The backtest holds out the last complete week (Monday to Sunday) of the
 * history, forecasts it from the weeks before, and scores WAPE = sum |actual
 * - forecast| / sum actual and bias = sum (forecast - actual) / sum actual,
 * both in percent.
 */
#ifndef CS_FORECAST_H
#define CS_FORECAST_H

#include <stdint.h>

#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/datetime.h"
#include "libcs/error.h"

enum cs_fc_method {
	CS_FC_LAST_WEEK,
	CS_FC_MEAN,
	CS_FC_WEIGHTED,
	CS_FC_HOLT_WINTERS,
	CS_FC_NMETHODS,
	CS_FC_AUTO = CS_FC_NMETHODS
};

int cs_fc_method_from_name(const char *name, enum cs_fc_method *m);
const char *cs_fc_method_name(enum cs_fc_method m);

struct cs_forecast;

/* tz (borrowed, NULL for UTC) is the zone whose weekdays and times of day
 * make the slots of the week: with a zone that keeps summer time, a slot
 * stays at the same wall-clock time all year.  An interval repeated when
 * the clocks go back adds to its slot; the hour skipped when they go
 * forward is an empty slot, and is not written. */
struct cs_forecast *cs_forecast_new(int weeks, const struct cs_tz *tz);
void cs_forecast_free(struct cs_forecast *f);

/* An intervals stream: start and contacts; minutes and aht_s optional. */
int cs_forecast_bind(
        struct cs_forecast *f, const struct cs_row *header, const char *file, struct cs_error *err);
int cs_forecast_add(
        struct cs_forecast *f, const struct cs_row *row, const char *file, struct cs_error *err);

/* Lays the history on its grid once every row is in.  Fails on an empty
 * history or intervals of different lengths. */
int cs_forecast_prepare(struct cs_forecast *f, struct cs_error *err);

struct cs_fc_accuracy {
	enum cs_fc_method method;
	int64_t week; /* start of the held-out week */
	int train_weeks; /* weeks of history before it */
	double wape_pct, bias_pct; /* NaN when the method could not run */
};

/* Backtests every method; acc has CS_FC_NMETHODS entries.  Returns the
 * best method by WAPE (ties to the earlier in the list above), or -1 when
 * the history holds no complete week after a first one. */
int cs_forecast_backtest(struct cs_forecast *f, struct cs_fc_accuracy *acc);

/* Writes start, minutes, contacts, aht_s for horizon_s seconds after the
 * history ends; the header first when header is non-zero.  With group_col
 * (NULL for none), every row starts with the value group in a column of
 * that name. */
int cs_forecast_write(struct cs_forecast *f, enum cs_fc_method m, int64_t horizon_s,
        struct cs_writer *w, const char *group_col, const char *group, int header,
        struct cs_error *err);

/* The interval length in seconds, after prepare. */
int64_t cs_forecast_interval(const struct cs_forecast *f);

/* Writes the header of the backtest's rows: group_col (when not NULL),
 * method, week, train_weeks, wape_pct, bias_pct, best. */
int cs_fc_accuracy_header(struct cs_writer *w, const char *group_col);

/* Writes one row per method of acc (as cs_forecast_backtest filled it,
 * best its answer), each starting with group when group_col is not NULL;
 * the best method is marked "*". */
int cs_fc_accuracy_write(struct cs_writer *w, const struct cs_fc_accuracy *acc, int best,
        const char *group_col, const char *group);

/*
 * One forecast per value of a group column (a team, a channel), or one for
 * the whole input when the column is NULL.  The series, their names and
 * their forecasts belong to the set.  Memory grows with the groups and the
 * history's rows.
 */
struct cs_fc_set;

/* group_col and tz are borrowed for the set's life. */
struct cs_fc_set *cs_fc_set_new(int weeks, const struct cs_tz *tz, const char *group_col);
void cs_fc_set_free(struct cs_fc_set *s);

/* Binds the header of one input; fails as cs_forecast_bind does, or when
 * the header lacks the group column. */
int cs_fc_set_bind(
        struct cs_fc_set *s, const struct cs_row *header, const char *file, struct cs_error *err);

/* Adds a row to its group's series, made on its first row; -1 with err
 * when the row is bad (the caller rejects it). */
int cs_fc_set_add(
        struct cs_fc_set *s, const struct cs_row *row, const char *file, struct cs_error *err);

/* Once every row is in: orders the series by name and returns how many
 * there are.  Series k's name and forecast are borrowed from the set. */
size_t cs_fc_set_finish(struct cs_fc_set *s);
const char *cs_fc_set_name(const struct cs_fc_set *s, size_t k);
struct cs_forecast *cs_fc_set_forecast(const struct cs_fc_set *s, size_t k);

#endif
