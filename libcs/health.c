/*
 * Customer health (health.h): the pure scoring of one account's facts, and
 * the accumulation of those facts from the input streams.
 *
 * Usage is the big stream (millions of daily rows), so nothing of it is
 * kept per row: each account has a 64-day ring of daily events anchored at
 * the latest day seen for it, each (account, user) pair a 64-bit map of the
 * days it was active anchored the same way, and each (account, feature)
 * pair the last day it was used.  The anchors sit in their own small array
 * and the rings in another, so that a row touches one line of each; a user
 * is known by a 64-bit fingerprint of (account, user), which saves keeping
 * and comparing millions of user ids (two users of an account would have to
 * share a fingerprint to be counted as one: odds below 1e-8 for a million
 * pairs).  A later row moves the anchor forward and
 * clears the days it passes, so the rows may come in any order and as-of
 * can be settled at the end.  Tickets and survey answers are few, and their
 * windows (90, 180 days) are longer than the ring, so each is kept as a
 * small event and placed in its windows once as-of is known.
 */
#include "libcs/health.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "libcs/datetime.h"
#include "libcs/hash.h"
#include "libcs/survey.h"
#include "libcs/ticket.h"
#include "libcs/xalloc.h"

#define RING 64 /* CS_MODEL_USAGE_HORIZON */
#define DAY_CLOSED_UNKNOWN (INT32_MIN + 1) /* solved or closed, date unknown */
#define DAY_OPEN INT32_MAX /* not solved */
#define DENSE_FEATURES 1024

void
cs_facts_init(struct cs_facts *f)
{
	memset(f, 0, sizeof *f);
	f->seats = NAN;
	f->start_day = CS_DAY_NONE;
	f->renewal_day = CS_DAY_NONE;
	f->days_since_usage = NAN;
	f->detractor_min = NAN;
}

/* ---- The pure layer ---------------------------------------------------- */

double
cs_health_subscore(double x, double bad, double good)
{
	double s;

	if (isnan(x))
		return NAN;
	s = 100 * (x - bad) / (good - bad);
	if (s < 0)
		s = 0;
	if (s > 100)
		s = 100;
	return s;
}

static double
ratio(double a, double b)
{
	return b > 0 && !isnan(a) && !isnan(b) ? a / b : NAN;
}

void
cs_health_measures(const struct cs_model *m, const struct cs_facts *f, double raw[CS_M_COUNT])
{
	int i;

	for (i = 0; i < CS_M_COUNT; i++)
		raw[i] = NAN;
	if (f->has_usage) {
		if (f->has_users) {
			raw[CS_M_UTILIZATION] = ratio(f->active, f->seats);
			raw[CS_M_STICKINESS] = ratio(f->user_days, m->usage_days * f->active);
		}
		if (f->has_features)
			raw[CS_M_BREADTH] = ratio(f->features, f->features_all);
		raw[CS_M_USAGE_TREND] = ratio(f->events, f->events_prev);
	}
	if (f->has_tickets) {
		raw[CS_M_SUPPORT_LOAD] = ratio(10 * f->tickets, f->seats);
		raw[CS_M_AGING] = f->aging;
		raw[CS_M_CSAT] = ratio(f->csat_good, f->csat_good + f->csat_bad);
	}
	if (f->has_surveys)
		raw[CS_M_NPS] = ratio(f->nps_sum, f->nps_n);
}

const char *
cs_health_band(const struct cs_model *m, double score)
{
	if (isnan(score))
		return "";
	if (score < m->red_below)
		return "red";
	if (score < m->green_from)
		return "yellow";
	return "green";
}

/*
 * Rounds the contributions c[] to tenths so that they add up to the total
 * rounded to tenths (the largest-remainder rule): each takes its floor in
 * tenths, and the tenths still missing go to the largest remainders, ties
 * to the first measure.  Each result is within 0.1 of its exact value.
 */
static double
round_contributions(const double c[CS_M_COUNT], double out[CS_M_COUNT])
{
	double total = 0, rem[CS_M_COUNT];
	long target, have = 0, t[CS_M_COUNT];
	int i;

	for (i = 0; i < CS_M_COUNT; i++)
		if (!isnan(c[i]))
			total += c[i];
	target = lround(total * 10);
	for (i = 0; i < CS_M_COUNT; i++) {
		if (isnan(c[i])) {
			t[i] = 0;
			rem[i] = -1;
			continue;
		}
		/* A tiny epsilon keeps 12.3 (stored as 12.29999...) at 123. */
		t[i] = (long)floor(c[i] * 10 + 1e-9);
		rem[i] = c[i] * 10 - (double)t[i];
		have += t[i];
	}
	while (have < target) {
		int best = -1;

		for (i = 0; i < CS_M_COUNT; i++)
			if (rem[i] >= 0 && (best < 0 || rem[i] > rem[best]))
				best = i;
		if (best < 0)
			break;
		t[best]++;
		rem[best] = -1;
		have++;
	}
	for (i = 0; i < CS_M_COUNT; i++)
		out[i] = isnan(c[i]) ? NAN : (double)t[i] / 10;
	return (double)have / 10;
}

void
cs_health_combine(const struct cs_model *m, const struct cs_profile *p,
        const double raw[CS_M_COUNT], struct cs_score *s)
{
	double wdata = 0, wall = 0, c[CS_M_COUNT];
	int i, red = 0;

	for (i = 0; i < CS_M_COUNT; i++) {
		s->raw[i] = raw[i];
		s->sub[i] = cs_health_subscore(raw[i], p->m[i].bad, p->m[i].good);
		wall += p->m[i].weight;
		if (!isnan(raw[i]))
			wdata += p->m[i].weight;
	}
	s->profile = p;
	s->coverage = wall > 0 ? 100 * wdata / wall : 0;
	for (i = 0; i < CS_M_COUNT; i++)
		s->lost[i] = 0;
	if (wdata <= 0) {
		for (i = 0; i < CS_M_COUNT; i++)
			s->pts[i] = NAN;
		s->score = NAN;
		s->band = "";
		return;
	}
	for (i = 0; i < CS_M_COUNT; i++) {
		double w = p->m[i].weight, sub = s->sub[i];

		if (isnan(sub)) {
			c[i] = NAN;
			continue;
		}
		if (m->combine == CS_COMBINE_POINTS) {
			double tier = sub >= m->green_from ? 1 : sub >= m->red_below ? 0.5 : 0;

			c[i] = 100 * w / wdata * tier;
		} else {
			c[i] = w * sub / wdata;
		}
		s->lost[i] = 100 * w / wdata - c[i];
		if (w > 0 && sub < m->red_below)
			red = 1;
	}
	s->score = round_contributions(c, s->pts);
	s->band = cs_health_band(m, s->score);
	if (m->combine == CS_COMBINE_WORST && red)
		s->band = "red";
}

void
cs_health_drivers(const struct cs_score *s, int drivers[2])
{
	int i, k;

	drivers[0] = drivers[1] = -1;
	if (isnan(s->score))
		return;
	for (k = 0; k < 2; k++) {
		int best = -1;

		for (i = 0; i < CS_M_COUNT; i++) {
			if (i == drivers[0] || !(s->lost[i] > 1e-9))
				continue;
			if (best < 0 || s->lost[i] > s->lost[best] + 1e-9)
				best = i;
		}
		drivers[k] = best;
		if (best < 0)
			break;
	}
}

void
cs_health_drivers_text(const struct cs_model *m, const struct cs_facts *f, const struct cs_score *s,
        struct cs_buf *out)
{
	int k;

	cs_buf_reset(out);
	for (k = 0; k < 2; k++) {
		int d = s->drivers[k];
		double v;

		if (d < 0)
			break;
		v = s->raw[d];
		if (k > 0)
			cs_buf_adds(out, "; ");
		switch (d) {
		case CS_M_UTILIZATION:
			cs_buf_printf(
			        out, "low utilization: %g of %g seats active", f->active, f->seats);
			break;
		case CS_M_STICKINESS:
			cs_buf_printf(out,
			        "low stickiness: %.0f%% of active users on a typical day", 100 * v);
			break;
		case CS_M_BREADTH:
			cs_buf_printf(
			        out, "narrow use: %g of %g features", f->features, f->features_all);
			break;
		case CS_M_USAGE_TREND:
			if (v < 1)
				cs_buf_printf(out, "usage down %.0f%% on the %g days before",
				        100 * (1 - v), m->usage_days);
			else
				cs_buf_printf(out, "usage up only %.0f%% on the %g days before",
				        100 * (v - 1), m->usage_days);
			break;
		case CS_M_SUPPORT_LOAD:
			cs_buf_printf(out, "ticket load: %g tickets in %g days for %g seats",
			        f->tickets, m->support_days, f->seats);
			break;
		case CS_M_AGING:
			cs_buf_printf(out, "%g high or urgent tickets open %g days or more", v,
			        m->aging_days);
			break;
		case CS_M_CSAT:
			cs_buf_printf(out, "csat %.0f%% (%g good of %g rated)", 100 * v,
			        f->csat_good, f->csat_good + f->csat_bad);
			break;
		case CS_M_NPS: cs_buf_printf(out, "nps answers average %.1f of 10", v); break;
		}
	}
}

int
cs_health_onboarding(const struct cs_model *m, const struct cs_facts *f, int64_t as_of)
{
	return f->start_day != CS_DAY_NONE && (double)(as_of - f->start_day) < m->onboarding_days;
}

const char *
cs_health_stage(const struct cs_model *m, const struct cs_facts *f, const double raw[CS_M_COUNT],
        int64_t as_of)
{
	if (cs_health_onboarding(m, f, as_of))
		return "onboarding";
	if (!f->has_usage)
		return "";
	if (!isnan(raw[CS_M_USAGE_TREND]) && raw[CS_M_USAGE_TREND] < m->declining_below)
		return "declining";
	if (!isnan(raw[CS_M_UTILIZATION]) && raw[CS_M_UTILIZATION] >= m->adopted_from)
		return "adopted";
	if (f->has_users && f->active > 0 && f->active >= m->ramping_factor * f->active_prev)
		return "ramping";
	return "stalled";
}

const char *
cs_health_loyalty(const struct cs_model *m, const struct cs_facts *f, int64_t as_of)
{
	int promoter, tenured;

	if (!f->has_surveys || f->nps_n <= 0)
		return "unknown";
	promoter = f->nps_sum / f->nps_n >= m->promoter_from;
	tenured = f->start_day != CS_DAY_NONE && (double)(as_of - f->start_day) > m->tenure_days;
	if (promoter)
		return tenured ? "advocate" : "fan";
	return tenured ? "captive" : "detached";
}

const char *
cs_health_churn_risk(
        const struct cs_model *m, const char *band, double days_to_renewal, const char *stage)
{
	if (strcmp(band, "red") == 0)
		return "high";
	if (strcmp(band, "yellow") == 0) {
		if ((!isnan(days_to_renewal) && days_to_renewal >= 0 &&
		            days_to_renewal <= m->renewal_days) ||
		        strcmp(stage, "declining") == 0)
			return "high";
		return "medium";
	}
	if (strcmp(band, "green") == 0)
		return "low";
	return "";
}

const char *
cs_health_trend(const struct cs_model *m, double score, double prev)
{
	double delta;

	if (isnan(score) || isnan(prev))
		return "";
	delta = round((score - prev) * 10) / 10;
	if (fabs(delta) <= m->trend_flat + 1e-9)
		return "flat";
	return delta > 0 ? "up" : "down";
}

void
cs_health_evaluate(const struct cs_model *m, const struct cs_facts *f, const char *segment,
        int64_t as_of, struct cs_score *s)
{
	double raw[CS_M_COUNT];
	const struct cs_profile *p;

	cs_health_measures(m, f, raw);
	p = cs_model_profile(m, segment, cs_health_onboarding(m, f, as_of));
	cs_health_combine(m, p, raw, s);
	cs_health_drivers(s, s->drivers);
	s->stage = cs_health_stage(m, f, raw, as_of);
	s->loyalty = cs_health_loyalty(m, f, as_of);
	s->days_to_renewal = f->renewal_day == CS_DAY_NONE ? NAN : (double)(f->renewal_day - as_of);
	/* A churned account is past the risk: "churned" keeps it out of every
	 * at-risk list while its score stays for the analyst. */
	s->churn_risk = f->churned ? "churned"
	                           : cs_health_churn_risk(m, s->band, s->days_to_renewal, s->stage);
}

/* ---- The accumulating layer -------------------------------------------- */

struct acct {
	struct cs_facts f;
	struct cs_score s;
	size_t carried; /* offset of this account's carried values in h->text */
	size_t segment; /* offset of the segment in h->text, or (size_t)-1 */
	double prev;
	int prev_present;
};

struct pair {
	int32_t anchor; /* day of bit 0 */
	uint32_t acct;
	uint64_t days; /* bit i: active on anchor - i */
};

#define ANCHOR_NONE INT32_MIN
#define BATCH 32

/* A usage row read and checked, waiting to be applied (flush_batch). */
struct pending {
	uint32_t k; /* account */
	int32_t day;
	double events;
	uint64_t user; /* fingerprint of (account, user), when has_user */
	uint32_t feature; /* feature index, when has_feature */
	unsigned char has_user, has_feature;
};

struct ticket_event {
	uint32_t acct;
	int32_t created, solved, csat_day;
	unsigned char high, csat; /* csat: 0 none, 1 good, 2 bad */
};

struct survey_event {
	uint32_t acct;
	int32_t day;
	float score;
};

struct cs_health {
	const struct cs_model *m;
	char *segment_by;
	int64_t as_of;
	int as_of_given;
	int64_t latest; /* latest date seen in usage, tickets, surveys */
	struct cs_strmap accounts;
	struct cs_strmap names; /* account names, for rows that name the account */
	uint32_t *name_acct; /* the account of each name */
	size_t name_acct_cap;
	uint32_t last_acct; /* the account of the last row, or CS_HASH_NONE */
	struct acct *acct;
	size_t acct_cap;
	struct cs_buf text; /* carried values and segments, NUL-separated */
	/* Accounts stream. */
	char *accounts_file;
	int a_account, a_name, a_seats, a_start, a_renewal, a_status, a_segment;
	int *carried_col;
	char **carried_name;
	size_t ncarried;
	/* Usage stream. */
	char *usage_file;
	int has_usage, u_account, u_date, u_user, u_feature, u_events;
	int any_user, any_feature; /* some row named a user, a feature */
	struct pending batch[BATCH]; /* usage rows read, not yet applied */
	int nbatch;
	struct cs_strmap features;
	int32_t *anchor; /* per account: latest usage day in its ring */
	double *ring; /* per account RING days: events of day d at d % RING */
	struct cs_u64tab user_pairs; /* (account, user) -> struct pair */
	/* (account, feature) -> last day: a dense accounts x features array of
	 * int32 days while features are few (the usual case: it stays in cache),
	 * the pair table beyond DENSE_FEATURES. */
	int32_t *feature_dense;
	size_t feature_stride; /* columns of feature_dense; 0 once sparse */
	struct cs_u64tab feature_pairs; /* (account, feature) -> int64_t last day */
	int64_t *feature_global; /* per feature: last day */
	size_t feature_global_cap;
	/* Tickets stream. */
	char *tickets_file;
	int has_tickets;
	struct cs_ticket_columns tc;
	struct ticket_event *tev;
	size_t ntev, tev_cap;
	/* Surveys stream. */
	char *surveys_file;
	int has_surveys, s_account, s_score, s_kind, s_answered;
	struct survey_event *sev;
	size_t nsev, sev_cap;
	/* Previous run. */
	char *previous_file;
	int has_previous, p_account, p_score;
	long skipped; /* tickets and answers that name no account */
	struct cs_buf scratch;
};

/* The columns of the health record kind after the carried ones. */
static const char *const fixed_columns[] = {"account", "as_of", "score", "band", "coverage_pct",
        "drivers", "prev_score", "delta", "trend", "adoption_stage", "loyalty", "days_to_renewal",
        "churn_risk"};

static int
is_output_column(const char *name)
{
	char buf[64];
	size_t i;
	int k;

	for (i = 0; i < sizeof fixed_columns / sizeof fixed_columns[0]; i++)
		if (cs_csv_name_eq(name, fixed_columns[i]))
			return 1;
	for (k = 0; k < CS_M_COUNT; k++) {
		if (cs_csv_name_eq(name, cs_measure_name(k)))
			return 1;
		snprintf(buf, sizeof buf, "%s_score", cs_measure_name(k));
		if (cs_csv_name_eq(name, buf))
			return 1;
		snprintf(buf, sizeof buf, "%s_pts", cs_measure_name(k));
		if (cs_csv_name_eq(name, buf))
			return 1;
	}
	return 0;
}

struct cs_health *
cs_health_new(const struct cs_model *m, const char *segment_by)
{
	struct cs_health *h = xcalloc(1, sizeof *h);

	h->m = m;
	h->segment_by = segment_by ? xstrdup(segment_by) : NULL;
	h->latest = CS_DAY_NONE;
	h->last_acct = CS_HASH_NONE;
	cs_strmap_init(&h->accounts);
	cs_strmap_init(&h->names);
	cs_strmap_init(&h->features);
	cs_u64tab_init(&h->user_pairs, sizeof(struct pair));
	cs_u64tab_init(&h->feature_pairs, sizeof(int64_t));
	cs_buf_init(&h->text);
	cs_buf_init(&h->scratch);
	return h;
}

void
cs_health_free(struct cs_health *h)
{
	size_t i;

	if (h == NULL)
		return;
	free(h->segment_by);
	cs_strmap_release(&h->accounts);
	cs_strmap_release(&h->names);
	free(h->name_acct);
	free(h->acct);
	cs_buf_release(&h->text);
	cs_buf_release(&h->scratch);
	free(h->accounts_file);
	free(h->carried_col);
	for (i = 0; i < h->ncarried; i++)
		free(h->carried_name[i]);
	free(h->carried_name);
	free(h->usage_file);
	free(h->anchor);
	free(h->ring);
	cs_strmap_release(&h->features);
	cs_u64tab_release(&h->user_pairs);
	cs_u64tab_release(&h->feature_pairs);
	free(h->feature_dense);
	free(h->feature_global);
	free(h->tickets_file);
	free(h->tev);
	free(h->surveys_file);
	free(h->sev);
	free(h->previous_file);
	free(h);
}

void
cs_health_set_as_of(struct cs_health *h, int64_t day)
{
	h->as_of = day;
	h->as_of_given = 1;
}

static void
see_day(struct cs_health *h, int64_t day)
{
	if (h->latest == CS_DAY_NONE || day > h->latest)
		h->latest = day;
}

/* The canonical "YYYY-MM-DD", read without the general parser: usage has
 * millions of them.  Returns 0 when s is not exactly that. */
static int
fast_date(const char *s, size_t len, int64_t *day)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	*day = cs_days_from_civil(y, m, d);
	return 1;
}

/* A date or a timestamp (its UTC day). 0 ok, 1 empty, -1 bad. */
static int
parse_day(const char *s, size_t len, int64_t *day)
{
	int64_t t;
	enum cs_parse_result r;

	if (fast_date(s, len, day))
		return 0;
	r = cs_date_parse(s, len, CS_ORDER_AUTO, day);

	if (r == CS_PARSE_OK)
		return 0;
	if (r == CS_PARSE_EMPTY)
		return 1;
	r = cs_time_parse(s, len, CS_ORDER_AUTO, NULL, &t);
	if (r == CS_PARSE_OK) {
		*day = cs_floor_div(t, 86400);
		return 0;
	}
	return r == CS_PARSE_EMPTY ? 1 : -1;
}

/* A number; 0 ok, 1 empty, -1 bad. */
static int
parse_num(const char *s, size_t len, double *out)
{
	size_t i;

	/* Small whole numbers (events, seats) without strtod. */
	if (len > 0 && len < 10) {
		long v = 0;

		for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			v = v * 10 + (s[i] - '0');
		if (i == len) {
			*out = (double)v;
			return 0;
		}
	}
	if (len == 0 || cs_is_placeholder(s, len))
		return 1;
	/* Plain decimals only, as every reader of the project takes them:
	 * not " 12", not 0x10 (a mistake, not 16 seats), not nan. */
	return cs_number_parse(s, len, out) == 0 ? 0 : -1;
}

static int
reject(struct cs_error *err, const char *file, const struct cs_row *row, const char *fmt,
        const char *arg)
{
	cs_error_set(err, file, row->line, fmt, arg);
	return 1;
}

/* The field quoted in a message, cut at 60 bytes. */
static const char *
quoted(struct cs_health *h, const char *s, size_t len)
{
	cs_buf_reset(&h->scratch);
	cs_buf_add(&h->scratch, s, len > 60 ? 60 : len);
	if (len > 60)
		cs_buf_adds(&h->scratch, "...");
	return h->scratch.data;
}

static int
need_column(const struct cs_row *header, const char *name, const char *kind, const char *file,
        int *col, struct cs_error *err)
{
	*col = cs_csv_column(header, name);
	if (*col < 0)
		return cs_error_set(err, file, 1, "not %s stream: no column '%s'", kind, name);
	return 0;
}

int
cs_health_accounts_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err)
{
	size_t i;

	free(h->accounts_file);
	h->accounts_file = xstrdup(file);
	if (need_column(header, "account", "an accounts", file, &h->a_account, err) < 0)
		return -1;
	h->a_name = cs_csv_column(header, "name");
	h->a_seats = cs_csv_column(header, "seats");
	h->a_start = cs_csv_column(header, "start_at");
	h->a_renewal = cs_csv_column(header, "renewal_at");
	h->a_status = cs_csv_column(header, "status");
	h->a_segment = cs_csv_column(header, h->segment_by ? h->segment_by : "segment");
	if (h->segment_by && h->a_segment < 0)
		return cs_error_set(
		        err, file, 1, "no column '%s' to pick profiles by", h->segment_by);
	h->carried_col = xreallocarray(NULL, header->n + 1, sizeof *h->carried_col);
	h->carried_name = xreallocarray(NULL, header->n + 1, sizeof *h->carried_name);
	for (i = 0; i < header->n; i++) {
		if ((int)i == h->a_account || is_output_column(header->f[i]))
			continue;
		h->carried_col[h->ncarried] = (int)i;
		h->carried_name[h->ncarried++] = xstrdup(header->f[i]);
	}
	return 0;
}

int
cs_health_accounts_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err)
{
	const char *file = h->accounts_file, *s;
	size_t len, i;
	struct acct *a;
	uint32_t k;
	int created, r;
	double seats = NAN;
	int64_t start = CS_DAY_NONE, renewal = CS_DAY_NONE, d;

	if (h->has_usage)
		return cs_error_set(err, file, row->line, "accounts must come before usage");
	if (row->problem)
		return reject(err, file, row, "%s", row->problem);
	s = cs_row_field(row, h->a_account, &len);
	if (len == 0)
		return reject(err, file, row, "%s", "empty account");
	if (h->a_seats >= 0) {
		const char *v = cs_row_field(row, h->a_seats, &len);

		r = parse_num(v, len, &seats);
		if (r < 0 || (r == 0 && seats < 0))
			return reject(err, file, row, "bad seats '%s'", quoted(h, v, len));
		if (r == 1)
			seats = NAN;
	}
	if (h->a_start >= 0) {
		const char *v = cs_row_field(row, h->a_start, &len);

		if ((r = parse_day(v, len, &d)) < 0)
			return reject(err, file, row, "bad start_at '%s'", quoted(h, v, len));
		if (r == 0)
			start = d;
	}
	if (h->a_renewal >= 0) {
		const char *v = cs_row_field(row, h->a_renewal, &len);

		if ((r = parse_day(v, len, &d)) < 0)
			return reject(err, file, row, "bad renewal_at '%s'", quoted(h, v, len));
		if (r == 0)
			renewal = d;
	}
	s = cs_row_field(row, h->a_account, &len);
	k = cs_strmap_intern(&h->accounts, s, len, &created);
	if (!created)
		return reject(err, file, row, "duplicate account '%s'", quoted(h, s, len));
	h->acct = xgrow(h->acct, &h->acct_cap, k + 1, sizeof *h->acct);
	a = &h->acct[k];
	memset(a, 0, sizeof *a);
	cs_facts_init(&a->f);
	a->prev = NAN;
	a->f.seats = seats;
	a->f.start_day = start;
	a->f.renewal_day = renewal;
	if (h->a_status >= 0) {
		s = cs_row_field(row, h->a_status, &len);
		a->f.churned = len == 7 && strncasecmp(s, "churned", 7) == 0;
	}
	if (h->a_name >= 0) {
		uint32_t j;

		s = cs_row_field(row, h->a_name, &len);
		if (len > 0) {
			j = cs_strmap_intern(&h->names, s, len, &created);
			if (created) {
				h->name_acct = xgrow(h->name_acct, &h->name_acct_cap, j + 1,
				        sizeof *h->name_acct);
				h->name_acct[j] = k;
			}
		}
	}
	a->segment = (size_t)-1;
	if (h->a_segment >= 0) {
		s = cs_row_field(row, h->a_segment, &len);
		a->segment = h->text.len;
		cs_buf_add(&h->text, s, len);
		cs_buf_addc(&h->text, '\0');
	}
	a->carried = h->text.len;
	for (i = 0; i < h->ncarried; i++) {
		s = cs_row_field(row, h->carried_col[i], &len);
		cs_buf_add(&h->text, s, len);
		cs_buf_addc(&h->text, '\0');
	}
	return 0;
}

/* Whether a row's account field is empty (or missing). */
static int
no_account(const struct cs_row *row, int col)
{
	return col < 0 || (size_t)col >= row->n || row->len[col] == 0;
}

static int
find_account(struct cs_health *h, const struct cs_row *row, int col, const char *file, uint32_t *k,
        struct cs_error *err)
{
	size_t len;
	const char *s = cs_row_field(row, col, &len);

	if (len == 0)
		return reject(err, file, row, "%s", "empty account");
	/* Exports are often grouped by account: try the last one first. */
	if (h->last_acct != CS_HASH_NONE && cs_strmap_keylen(&h->accounts, h->last_acct) == len &&
	        memcmp(cs_strmap_key(&h->accounts, h->last_acct), s, len) == 0) {
		*k = h->last_acct;
		return 0;
	}
	*k = cs_strmap_find(&h->accounts, s, len);
	/* Helpdesks often name the organisation rather than its id. */
	if (*k == CS_HASH_NONE) {
		uint32_t j = cs_strmap_find(&h->names, s, len);

		if (j != CS_HASH_NONE)
			*k = h->name_acct[j];
	}
	h->last_acct = *k;
	if (*k == CS_HASH_NONE)
		return reject(err, file, row, "unknown account '%s'", quoted(h, s, len));
	return 0;
}

int
cs_health_usage_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err)
{
	free(h->usage_file);
	h->usage_file = xstrdup(file);
	if (need_column(header, "account", "a usage", file, &h->u_account, err) < 0 ||
	        need_column(header, "date", "a usage", file, &h->u_date, err) < 0)
		return -1;
	h->u_user = cs_csv_column(header, "user");
	h->u_feature = cs_csv_column(header, "feature");
	h->u_events = cs_csv_column(header, "events");
	h->has_usage = 1;
	{
		size_t i, n = h->accounts.n ? h->accounts.n : 1;

		h->anchor = xreallocarray(NULL, n, sizeof *h->anchor);
		for (i = 0; i < n; i++)
			h->anchor[i] = ANCHOR_NONE;
		h->ring = xcalloc(n * RING, sizeof *h->ring);
	}
	return 0;
}

/* Moves a day map forward so that bit 0 is day, clearing what it passes. */
static void
pair_mark(struct pair *p, int32_t day)
{
	if (p->anchor == ANCHOR_NONE) {
		p->anchor = day;
		p->days = 1;
		return;
	}
	if (day > p->anchor) {
		int64_t shift = (int64_t)day - p->anchor;

		p->days = shift >= 64 ? 0 : p->days << shift;
		p->anchor = day;
	}
	if ((int64_t)p->anchor - day < 64)
		p->days |= (uint64_t)1 << (p->anchor - day);
}

/* The ring slot of a day: day modulo RING, also for days before 1970. */
static size_t
ring_slot(int64_t day)
{
	return (size_t)(day - cs_floor_div(day, RING) * RING);
}

static void
ring_add(struct cs_health *h, uint32_t k, int32_t day, double events)
{
	int32_t *anchor = &h->anchor[k];
	double *ring = h->ring + (size_t)k * RING;

	if (*anchor == ANCHOR_NONE) {
		*anchor = day;
	} else if (day > *anchor) {
		int64_t d;

		for (d = (int64_t)*anchor + 1; d <= day && d <= (int64_t)*anchor + RING; d++)
			ring[ring_slot(d)] = 0;
		*anchor = day;
	} else if ((int64_t)*anchor - day >= RING) {
		return;
	}
	ring[ring_slot(day)] += events;
}

static int32_t
day32(int64_t t)
{
	int64_t d = cs_floor_div(t, 86400);

	if (d < INT32_MIN + 2)
		return INT32_MIN + 2;
	if (d > INT32_MAX - 1)
		return INT32_MAX - 1;
	return (int32_t)d;
}

/* Moves the dense array to the pair table, when features outgrow it. */
static void
features_to_sparse(struct cs_health *h)
{
	size_t a, f;

	for (a = 0; a < h->accounts.n; a++)
		for (f = 0; f < h->feature_stride; f++) {
			int32_t d = h->feature_dense[a * h->feature_stride + f];

			if (d != INT32_MIN)
				*(int64_t *)cs_u64tab_get(
				        &h->feature_pairs, (uint64_t)a << 32 | f, NULL) = d;
		}
	free(h->feature_dense);
	h->feature_dense = NULL;
	h->feature_stride = 0;
}

/* Widens the dense array to at least need columns. */
static void
features_widen(struct cs_health *h, size_t need)
{
	size_t stride = h->feature_stride ? h->feature_stride : 8, a, f;
	int32_t *d;

	while (stride < need)
		stride *= 2;
	d = xreallocarray(NULL, (h->accounts.n ? h->accounts.n : 1) * stride, sizeof *d);
	for (a = 0; a < h->accounts.n; a++)
		for (f = 0; f < stride; f++)
			d[a * stride + f] = f < h->feature_stride
			        ? h->feature_dense[a * h->feature_stride + f]
			        : INT32_MIN;
	free(h->feature_dense);
	h->feature_dense = d;
	h->feature_stride = stride;
}

static void
feature_mark(struct cs_health *h, uint32_t k, uint32_t id, int64_t day)
{
	int32_t d32 = day32(day * 86400);

	if (h->feature_dense || h->features.n == 1) {
		if (id >= DENSE_FEATURES) {
			features_to_sparse(h);
		} else {
			int32_t *p;

			if (id >= h->feature_stride)
				features_widen(h, id + 1);
			p = &h->feature_dense[(size_t)k * h->feature_stride + id];
			if (d32 > *p)
				*p = d32;
			return;
		}
	}
	{
		int created;
		int64_t *last = cs_u64tab_get(&h->feature_pairs, (uint64_t)k << 32 | id, &created);

		if (created || day > *last)
			*last = day;
	}
}

/* Applies the queued usage rows.  A row's slots were prefetched when it was
 * queued, so by now they are (mostly) in cache: with rows in random account
 * order this halves the time spent waiting for memory. */
static void
flush_batch(struct cs_health *h)
{
	int i, created;

	for (i = 0; i < h->nbatch; i++) {
		const struct pending *q = &h->batch[i];

		ring_add(h, q->k, q->day, q->events);
		if (q->has_user) {
			struct pair *p = cs_u64tab_get(&h->user_pairs, q->user, &created);

			if (created) {
				p->anchor = ANCHOR_NONE;
				p->acct = q->k;
			}
			pair_mark(p, q->day);
		}
		if (q->has_feature)
			feature_mark(h, q->k, q->feature, q->day);
	}
	h->nbatch = 0;
}

int
cs_health_usage_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err)
{
	const char *file = h->usage_file, *s;
	size_t len;
	uint32_t k, id;
	struct pending *q;
	int64_t day;
	double events = 1;
	int r, created;

	if (row->problem)
		return reject(err, file, row, "%s", row->problem);
	if ((r = find_account(h, row, h->u_account, file, &k, err)) != 0)
		return r;
	s = cs_row_field(row, h->u_date, &len);
	if ((r = parse_day(s, len, &day)) != 0)
		return reject(err, file, row, r > 0 ? "empty date%s" : "bad date '%s'",
		        r > 0 ? "" : quoted(h, s, len));
	if (h->u_events >= 0) {
		s = cs_row_field(row, h->u_events, &len);
		r = parse_num(s, len, &events);
		if (r < 0 || (r == 0 && events < 0))
			return reject(err, file, row, "bad events '%s'", quoted(h, s, len));
		if (r == 1)
			events = 1;
	}
	if (h->as_of_given && day > h->as_of)
		return 0;
	see_day(h, day);
	/* A row of zero events is not activity: it only says the day was seen. */
	if (events <= 0)
		return 0;
	q = &h->batch[h->nbatch++];
	q->k = k;
	q->day = day32(day * 86400);
	q->events = events;
	q->has_user = q->has_feature = 0;
	if (h->u_user >= 0 && (s = cs_row_field(row, h->u_user, &len), len > 0)) {
		h->any_user = 1;
		q->has_user = 1;
		q->user = cs_hash_bytes64(s, len, k);
		cs_u64tab_prefetch(&h->user_pairs, q->user);
	}
	if (h->u_feature >= 0 && (s = cs_row_field(row, h->u_feature, &len), len > 0)) {
		h->any_feature = 1;
		id = cs_strmap_intern(&h->features, s, len, &created);
		if (created) {
			h->feature_global = xgrow(h->feature_global, &h->feature_global_cap, id + 1,
			        sizeof *h->feature_global);
			h->feature_global[id] = day;
		} else if (day > h->feature_global[id]) {
			h->feature_global[id] = day;
		}
		q->has_feature = 1;
		q->feature = id;
		if (h->feature_dense && id < h->feature_stride)
			__builtin_prefetch(
			        &h->feature_dense[(size_t)k * h->feature_stride + id], 1);
	}
	__builtin_prefetch(&h->anchor[k], 1);
	__builtin_prefetch(&h->ring[(size_t)k * RING + ring_slot(q->day)], 1);
	if (h->nbatch == BATCH)
		flush_batch(h);
	return 0;
}

int
cs_health_tickets_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err)
{
	free(h->tickets_file);
	h->tickets_file = xstrdup(file);
	if (cs_ticket_bind(&h->tc, header, file, err) < 0)
		return -1;
	if (h->tc.account < 0)
		return cs_error_set(err, file, 1,
		        "tickets without a column 'account' say nothing "
		        "about accounts");
	h->has_tickets = 1;
	return 0;
}

int
cs_health_tickets_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err)
{
	const char *file = h->tickets_file;
	struct cs_ticket t;
	struct ticket_event *e;
	uint32_t k;
	int r;

	if (row->problem)
		return reject(err, file, row, "%s", row->problem);
	if (cs_ticket_read(&h->tc, row, file, &t, err) < 0)
		return 1;
	/* A ticket or an answer that names no account is about no account: it
	 * is skipped and counted, not rejected. */
	if (no_account(row, h->tc.account)) {
		h->skipped++;
		return 0;
	}
	if ((r = find_account(h, row, h->tc.account, file, &k, err)) != 0)
		return r;
	if (t.created_at == CS_UNKNOWN)
		return reject(err, file, row, "%s", "empty created_at");
	h->tev = xgrow(h->tev, &h->tev_cap, h->ntev + 1, sizeof *h->tev);
	e = &h->tev[h->ntev++];
	e->acct = k;
	e->created = day32(t.created_at);
	if (cs_ticket_is_solved(&t))
		e->solved = day32(t.solved_at);
	else if (t.status == CS_ST_SOLVED || t.status == CS_ST_CLOSED)
		e->solved = DAY_CLOSED_UNKNOWN;
	else
		e->solved = DAY_OPEN;
	e->high = t.priority == CS_PRI_HIGH || t.priority == CS_PRI_URGENT;
	e->csat = t.csat == CS_CSAT_GOOD ? 1 : t.csat == CS_CSAT_BAD ? 2 : 0;
	/* Satisfaction belongs to the day the ticket was solved (design.md 5);
	 * without that day, to its last update, then to its creation. */
	if (t.solved_at != CS_UNKNOWN)
		e->csat_day = day32(t.solved_at);
	else if (t.updated_at != CS_UNKNOWN)
		e->csat_day = day32(t.updated_at);
	else
		e->csat_day = e->created;
	if (!h->as_of_given || e->created <= h->as_of)
		see_day(h, e->created);
	return 0;
}

int
cs_health_surveys_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err)
{
	free(h->surveys_file);
	h->surveys_file = xstrdup(file);
	if (need_column(header, "account", "a surveys", file, &h->s_account, err) < 0 ||
	        need_column(header, "score", "a surveys", file, &h->s_score, err) < 0)
		return -1;
	h->s_kind = cs_csv_column(header, "kind");
	h->s_answered = cs_csv_column(header, "answered_at");
	if (h->s_answered < 0)
		return cs_error_set(err, file, 1,
		        "no column 'answered_at': answers cannot be placed in a window");
	h->has_surveys = 1;
	return 0;
}

int
cs_health_surveys_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err)
{
	const char *file = h->surveys_file, *s;
	size_t len;
	uint32_t k;
	int64_t day;
	double score;
	int r;
	struct survey_event *e;

	if (row->problem)
		return reject(err, file, row, "%s", row->problem);
	/* Only nps answers make the nps measure; an empty kind is nps. */
	if (h->s_kind >= 0) {
		s = cs_row_field(row, h->s_kind, &len);
		if (len > 0 && !(len == 3 && strncasecmp(s, "nps", 3) == 0))
			return 0;
	}
	/* A ticket or an answer that names no account is about no account: it
	 * is skipped and counted, not rejected. */
	if (no_account(row, h->s_account)) {
		h->skipped++;
		return 0;
	}
	if ((r = find_account(h, row, h->s_account, file, &k, err)) != 0)
		return r;
	s = cs_row_field(row, h->s_score, &len);
	r = parse_num(s, len, &score);
	if (r == 1)
		return reject(err, file, row, "%s", "empty score");
	/* The one rule for a score, that of libcs/survey.h: whole, 0 to 10. */
	if (r < 0 || cs_survey_score(s, len) < 0)
		return reject(err, file, row, "nps score '%s' is not a number from 0 to 10",
		        quoted(h, s, len));
	s = cs_row_field(row, h->s_answered, &len);
	if ((r = parse_day(s, len, &day)) != 0)
		return reject(err, file, row,
		        r > 0 ? "empty answered_at%s" : "bad answered_at '%s'",
		        r > 0 ? "" : quoted(h, s, len));
	h->sev = xgrow(h->sev, &h->sev_cap, h->nsev + 1, sizeof *h->sev);
	e = &h->sev[h->nsev++];
	e->acct = k;
	e->day = day32(day * 86400);
	e->score = (float)score;
	if (!h->as_of_given || day <= h->as_of)
		see_day(h, day);
	return 0;
}

int
cs_health_previous_begin(
        struct cs_health *h, const struct cs_row *header, const char *file, struct cs_error *err)
{
	free(h->previous_file);
	h->previous_file = xstrdup(file);
	if (need_column(header, "account", "a health", file, &h->p_account, err) < 0 ||
	        need_column(header, "score", "a health", file, &h->p_score, err) < 0)
		return -1;
	h->has_previous = 1;
	return 0;
}

int
cs_health_previous_add(struct cs_health *h, const struct cs_row *row, struct cs_error *err)
{
	const char *file = h->previous_file, *s;
	size_t len;
	uint32_t k;
	double v;
	int r;

	if (row->problem)
		return reject(err, file, row, "%s", row->problem);
	s = cs_row_field(row, h->p_account, &len);
	k = cs_strmap_find(&h->accounts, s, len);
	/* Accounts gone since the last run have nothing to compare with. */
	if (k == CS_HASH_NONE)
		return 0;
	s = cs_row_field(row, h->p_score, &len);
	r = parse_num(s, len, &v);
	if (r < 0)
		return reject(err, file, row, "bad score '%s'", quoted(h, s, len));
	h->acct[k].prev = r == 0 ? v : NAN;
	h->acct[k].prev_present = 1;
	return 0;
}

static int
popcount64(uint64_t x)
{
	int n = 0;

	while (x) {
		x &= x - 1;
		n++;
	}
	return n;
}

static double
ring_sum(const struct cs_health *h, size_t k, int64_t from, int64_t to)
{
	const double *ring;
	int64_t d, anchor;
	double sum = 0;

	if (h->anchor == NULL || h->anchor[k] == ANCHOR_NONE)
		return 0;
	anchor = h->anchor[k];
	ring = h->ring + k * RING;
	for (d = from; d <= to; d++)
		if (d <= anchor && anchor - d < RING)
			sum += ring[ring_slot(d)];
	return sum;
}

static int
in_window(int64_t day, int64_t as_of, double days)
{
	return day <= as_of && (double)(as_of - day) < days;
}

void
cs_health_finish(struct cs_health *h)
{
	const struct cs_model *m = h->m;
	size_t n = h->accounts.n, i;
	int64_t as_of, u = (int64_t)m->usage_days;
	uint64_t recent = ((uint64_t)1 << u) - 1, before = recent << u, key;
	double features_all = 0;
	size_t pos;
	struct pair *p;
	int64_t *last;

	flush_batch(h);
	if (!h->as_of_given)
		h->as_of = h->latest != CS_DAY_NONE ? h->latest : cs_floor_div(time(NULL), 86400);
	as_of = h->as_of;
	for (i = 0; i < h->features.n; i++)
		if (in_window(h->feature_global[i], as_of, m->usage_days))
			features_all++;
	for (i = 0; i < n; i++) {
		struct acct *a = &h->acct[i];
		struct cs_facts *f = &a->f;
		int64_t w = (int64_t)(7 * m->usage_drop_weeks);

		f->has_usage = h->has_usage;
		/* A user or feature column empty on every row (an export that
		 * names neither) says nothing about users or features. */
		f->has_users = h->any_user;
		f->has_features = h->any_feature;
		f->has_tickets = h->has_tickets;
		f->has_surveys = h->has_surveys;
		f->features_all = features_all;
		f->events = ring_sum(h, i, as_of - u + 1, as_of);
		f->events_prev = ring_sum(h, i, as_of - 2 * u + 1, as_of - u);
		f->events_7 = ring_sum(h, i, as_of - 6, as_of);
		f->events_weeks = ring_sum(h, i, as_of - 6 - w, as_of - 7);
		if (h->anchor && h->anchor[i] != ANCHOR_NONE)
			f->days_since_usage = (double)(as_of - h->anchor[i]);
	}
	pos = 0;
	while ((p = cs_u64tab_next(&h->user_pairs, &pos, &key)) != NULL) {
		struct cs_facts *f = &h->acct[p->acct].f;
		int64_t shift = as_of - p->anchor;
		uint64_t days = shift >= 64 ? 0 : p->days << shift;

		if (days & recent) {
			f->active++;
			f->user_days += popcount64(days & recent);
		}
		if (days & before)
			f->active_prev++;
	}
	pos = 0;
	while ((last = cs_u64tab_next(&h->feature_pairs, &pos, &key)) != NULL)
		if (in_window(*last, as_of, m->usage_days))
			h->acct[key >> 32].f.features++;
	for (i = 0; h->feature_dense && i < n; i++) {
		size_t fi;

		for (fi = 0; fi < h->features.n; fi++) {
			int32_t d = h->feature_dense[i * h->feature_stride + fi];

			if (d != INT32_MIN && in_window(d, as_of, m->usage_days))
				h->acct[i].f.features++;
		}
	}
	for (i = 0; i < h->ntev; i++) {
		const struct ticket_event *e = &h->tev[i];
		struct cs_facts *f = &h->acct[e->acct].f;
		int64_t c = e->created, spike = (int64_t)(7 * m->ticket_spike_weeks);
		int open;

		if (in_window(c, as_of, m->support_days))
			f->tickets++;
		if (in_window(c, as_of, 7))
			f->tickets_7++;
		else if (in_window(c, as_of - 7, (double)spike))
			f->tickets_weeks++;
		open = e->solved == DAY_OPEN ||
		        (e->solved != DAY_CLOSED_UNKNOWN && e->solved > as_of);
		if (e->high && open && c <= as_of && (double)(as_of - c) >= m->aging_days)
			f->aging++;
		if (e->csat && in_window(e->csat_day, as_of, m->csat_days)) {
			if (e->csat == 1)
				f->csat_good++;
			else
				f->csat_bad++;
		}
	}
	for (i = 0; i < h->nsev; i++) {
		const struct survey_event *e = &h->sev[i];
		struct cs_facts *f = &h->acct[e->acct].f;

		if (in_window(e->day, as_of, m->nps_days)) {
			f->nps_n++;
			f->nps_sum += e->score;
		}
		if (in_window(e->day, as_of, m->detractor_days) &&
		        (isnan(f->detractor_min) || e->score < f->detractor_min))
			f->detractor_min = e->score;
	}
	for (i = 0; i < n; i++) {
		struct acct *a = &h->acct[i];
		const char *seg = a->segment == (size_t)-1 ? NULL : h->text.data + a->segment;

		cs_health_evaluate(m, &a->f, seg, as_of, &a->s);
	}
}

int64_t
cs_health_as_of(const struct cs_health *h)
{
	return h->as_of;
}

long
cs_health_skipped(const struct cs_health *h)
{
	return h->skipped;
}

const struct cs_model *
cs_health_model(const struct cs_health *h)
{
	return h->m;
}

size_t
cs_health_count(const struct cs_health *h)
{
	return h->accounts.n;
}

const char *
cs_health_account(const struct cs_health *h, size_t i)
{
	return cs_strmap_key(&h->accounts, (uint32_t)i);
}

const struct cs_facts *
cs_health_facts(const struct cs_health *h, size_t i)
{
	return &h->acct[i].f;
}

const struct cs_score *
cs_health_score(const struct cs_health *h, size_t i)
{
	return &h->acct[i].s;
}

double
cs_health_prev_score(const struct cs_health *h, size_t i, int *present)
{
	if (present)
		*present = h->acct[i].prev_present;
	return h->acct[i].prev;
}

int
cs_health_has_previous(const struct cs_health *h)
{
	return h->has_previous;
}

void
cs_health_write_header(const struct cs_health *h, struct cs_writer *w)
{
	size_t i;
	int k;

	cs_writer_fieldz(w, "account");
	for (i = 0; i < h->ncarried; i++)
		cs_writer_fieldz(w, h->carried_name[i]);
	for (i = 1; i < 5; i++)
		cs_writer_fieldz(w, fixed_columns[i]);
	for (k = 0; k < CS_M_COUNT; k++) {
		cs_writer_fieldz(w, cs_measure_name(k));
		cs_writer_fieldf(w, "%s_score", cs_measure_name(k));
		cs_writer_fieldf(w, "%s_pts", cs_measure_name(k));
	}
	for (i = 5; i < sizeof fixed_columns / sizeof fixed_columns[0]; i++)
		cs_writer_fieldz(w, fixed_columns[i]);
	cs_writer_end(w);
}

void
cs_health_write_row(const struct cs_health *h, size_t i, struct cs_writer *w)
{
	const struct acct *a = &h->acct[i];
	const struct cs_score *s = &a->s;
	const char *v = h->text.data + a->carried;
	char date[CS_DATE_LEN];
	struct cs_buf drivers;
	size_t k;
	int j;

	cs_writer_field(w, cs_strmap_key(&h->accounts, (uint32_t)i),
	        cs_strmap_keylen(&h->accounts, (uint32_t)i));
	for (k = 0; k < h->ncarried; k++) {
		size_t len = strlen(v);

		cs_writer_field(w, v, len);
		v += len + 1;
	}
	cs_writer_fieldz(w, cs_date_format(h->as_of, date));
	cs_writer_number(w, s->score, 1);
	cs_writer_fieldz(w, s->band);
	cs_writer_number(w, s->coverage, 1);
	for (j = 0; j < CS_M_COUNT; j++) {
		cs_writer_number(w, s->raw[j], 4);
		cs_writer_number(w, s->sub[j], 1);
		cs_writer_number(w, s->pts[j], 1);
	}
	cs_buf_init(&drivers);
	cs_health_drivers_text(h->m, &a->f, s, &drivers);
	cs_writer_field(w, drivers.data, drivers.len);
	cs_buf_release(&drivers);
	if (h->has_previous) {
		cs_writer_number(w, a->prev, 1);
		cs_writer_number(w, s->score - a->prev, 1);
		cs_writer_fieldz(
		        w, a->prev_present ? cs_health_trend(h->m, s->score, a->prev) : "new");
	} else {
		cs_writer_fieldz(w, "");
		cs_writer_fieldz(w, "");
		cs_writer_fieldz(w, "");
	}
	cs_writer_fieldz(w, s->stage);
	cs_writer_fieldz(w, s->loyalty);
	cs_writer_number(w, s->days_to_renewal, 0);
	cs_writer_fieldz(w, s->churn_risk);
	cs_writer_end(w);
}
