/*
 * Customer health: what the accounts, usage, tickets and surveys streams say
 * about each account over windows ending at as-of, and the score, band,
 * drivers, adoption stage, loyalty and churn risk that follow from it under
 * a model (model.h).
 *
 * Two layers.  The pure layer turns the facts of one account (struct
 * cs_facts, plain numbers) into measures and a struct cs_score; the unit
 * tests drive it directly.  The accumulating layer (struct cs_health) reads
 * the streams row by row in one pass each and keeps per account a few
 * counters and a 64-day ring of daily events, per (account, user) a 64-bit
 * map of active days, per (account, feature) the last day used, and per
 * ticket a 20-byte and per survey answer a 12-byte event (for windows that can only be
 * placed once as-of, the latest date of all inputs, is known).
 *
 * Rows come back as 0 (taken), 1 (rejected: err says why, with the line;
 * the caller decides whether a reject is fatal) or -1 (fatal).
 */
#ifndef CS_HEALTH_H
#define CS_HEALTH_H

#include <stddef.h>
#include <stdint.h>

#include "libcs/buf.h"
#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/error.h"
#include "libcs/model.h"

#define CS_DAY_NONE INT64_MIN

/* What the inputs say about one account.  Counts are doubles so that every
 * measure is one division; a facts struct starts zeroed with the day fields
 * CS_DAY_NONE and seats NaN (cs_facts_init). */
struct cs_facts {
	double seats; /* NaN: unknown */
	int64_t start_day, renewal_day; /* CS_DAY_NONE: unknown */
	int churned; /* status churned */
	/* Usage: meaningful when has_usage (a usage stream was given). */
	int has_usage, has_users, has_features;
	double active, active_prev; /* distinct users in the usage window, the one before */
	double user_days; /* distinct (user, day) pairs in the usage window */
	double features, features_all; /* distinct features of the account, of all accounts */
	double events, events_prev; /* events in the usage window, the one before */
	double events_7, events_weeks; /* last 7 days; usage_drop_weeks weeks before them */
	double days_since_usage; /* days from the last usage to as-of; NaN: none in 64 days */
	/* Tickets: meaningful when has_tickets. */
	int has_tickets;
	double tickets; /* created in support_days */
	double tickets_7, tickets_weeks; /* last 7 days; ticket_spike_weeks weeks before */
	double aging; /* open high or urgent tickets created aging_days or more before as-of */
	double csat_good, csat_bad; /* tickets solved in csat_days */
	/* Surveys: meaningful when has_surveys. */
	int has_surveys;
	double nps_n, nps_sum; /* nps answers in nps_days */
	double detractor_min; /* lowest nps answer in detractor_days; NaN: none */
};

void cs_facts_init(struct cs_facts *f);

/* The result for one account.  NaN marks "no data" (written as empty). */
struct cs_score {
	double raw[CS_M_COUNT]; /* the measure's value */
	double sub[CS_M_COUNT]; /* its 0-100 sub-score */
	double pts[CS_M_COUNT]; /* its contribution, rounded to 0.1 */
	double lost[CS_M_COUNT]; /* points it could have given but did not (exact) */
	double score; /* the sum of pts; NaN when no measure had data */
	double coverage; /* percent of the profile's weight that had data */
	const char *band; /* "red", "yellow", "green", or "" with no score */
	int drivers[2]; /* the measures that cost the most points, or -1 */
	const char *stage; /* onboarding, declining, adopted, ramping, stalled, or "" */
	const char *loyalty; /* advocate, captive, fan, detached, unknown */
	double days_to_renewal; /* NaN: unknown */
	const char *churn_risk; /* high, medium, low, or "" */
	const struct cs_profile *profile;
};

/* The sub-score of x: 0 at bad, 100 at good, linear between, clamped; NaN
 * when x is NaN. */
double cs_health_subscore(double x, double bad, double good);
/* The measures of f (NaN where there is no data). */
void cs_health_measures(const struct cs_model *m, const struct cs_facts *f, double raw[CS_M_COUNT]);
/* Sub-scores, contributions, score, coverage and band of raw under p and the
 * model's combine rule.  Each contribution is rounded to 0.1 and the score
 * is their sum, so the printed contributions add up to the printed score. */
void cs_health_combine(const struct cs_model *m, const struct cs_profile *p,
        const double raw[CS_M_COUNT], struct cs_score *s);
const char *cs_health_band(const struct cs_model *m, double score);
/* Whether the account onboards at as_of (start_at within onboarding_days). */
int cs_health_onboarding(const struct cs_model *m, const struct cs_facts *f, int64_t as_of);
const char *cs_health_stage(const struct cs_model *m, const struct cs_facts *f,
        const double raw[CS_M_COUNT], int64_t as_of);
const char *cs_health_loyalty(const struct cs_model *m, const struct cs_facts *f, int64_t as_of);
const char *cs_health_churn_risk(
        const struct cs_model *m, const char *band, double days_to_renewal, const char *stage);
/* The two measures that cost the most points (ties: model order). */
void cs_health_drivers(const struct cs_score *s, int drivers[2]);
/* The drivers in words ("low utilization: 3 of 10 seats active; ..."). */
void cs_health_drivers_text(const struct cs_model *m, const struct cs_facts *f,
        const struct cs_score *s, struct cs_buf *out);
/* Everything above for one account; segment may be NULL. */
void cs_health_evaluate(const struct cs_model *m, const struct cs_facts *f, const char *segment,
        int64_t as_of, struct cs_score *s);
/* The trend of a score against the previous one: up, down, flat (the
 * difference, rounded to 0.1, within trend_flat either way); "" when either
 * is NaN. */
const char *cs_health_trend(const struct cs_model *m, double score, double prev);

/* The accumulating layer. */
struct cs_health;

/* m is borrowed and must outlive the object.  segment_by names the accounts
 * column that picks a profile ("segment" when NULL). */
struct cs_health *cs_health_new(const struct cs_model *m, const char *segment_by);
void cs_health_free(struct cs_health *h);

/* An explicit as-of date (days since 1970): rows after it are outside every
 * window.  Without it as-of is the latest date of the usage, tickets and
 * surveys streams, or today when they hold no date. */
void cs_health_set_as_of(struct cs_health *h, int64_t day);

/* Each stream: begin with its header (fails when a required column is
 * missing), then add its rows.  Accounts come first. */
int cs_health_accounts_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err);
int cs_health_accounts_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err);
int cs_health_usage_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err);
int cs_health_usage_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err);
int cs_health_tickets_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err);
int cs_health_tickets_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err);
int cs_health_surveys_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err);
int cs_health_surveys_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err);
/* The previous run's health output (account, score). */
int cs_health_previous_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err);
int cs_health_previous_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err);

/* Settles as-of and computes every account's facts and score. */
void cs_health_finish(struct cs_health *h);

int64_t cs_health_as_of(const struct cs_health *h);
/* Tickets and survey answers skipped so far because they name no account. */
long cs_health_skipped(const struct cs_health *h);
const struct cs_model *cs_health_model(const struct cs_health *h);
size_t cs_health_count(const struct cs_health *h); /* accounts, in input order */
const char *cs_health_account(const struct cs_health *h, size_t i);
const struct cs_facts *cs_health_facts(const struct cs_health *h, size_t i);
const struct cs_score *cs_health_score(const struct cs_health *h, size_t i);
/* The previous score (NaN: none or empty) and whether the account was in
 * the previous file at all. */
double cs_health_prev_score(const struct cs_health *h, size_t i, int *present);
int cs_health_has_previous(const struct cs_health *h);

/* The health record kind: header and one row per account. */
void cs_health_write_header(const struct cs_health *h, struct cs_writer *w);
void cs_health_write_row(const struct cs_health *h, size_t i, struct cs_writer *w);

#endif
