/*
 * Support metrics by period and group: the aggregation behind
 * "cs-report metrics", "cs-report nps", "cs-report backlog" and the weekly
 * report.  Definitions follow design.md section 5; cs-report(1) writes down
 * every decision taken where the design is silent.
 *
 * A struct cs_metrics takes tickets one at a time in any order
 * (cs_metrics_add), then answers for any (group, period) with a struct
 * cs_metrics_result.  Memory grows with groups x periods, plus 8 bytes per
 * known duration (kept for exact percentiles) and 8 bytes per ticket still
 * open at the end of its creation period (for SLA breaches found later).
 *
 * Attribution: created, first reply and SLA go to the period of created_at;
 * solved, resolution, one-touch, reopens and CSAT to the period of
 * solved_at (solved tickets only); a ticket is in the backlog at the end E
 * of a period when created_at < E and solved_at is empty or >= E.
 */
#ifndef CS_METRICS_H
#define CS_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "libcs/datetime.h"
#include "libcs/hours.h"
#include "libcs/sla.h"
#include "libcs/ticket.h"

struct cs_metrics_options {
	enum cs_period period;
	const struct cs_tz *tz; /* periods cut in this zone; NULL: UTC */
	int business; /* durations in business minutes */
	const struct cs_hours *hours; /* calendar for business minutes; may be NULL */
	const struct cs_sla *sla; /* targets; NULL: no SLA figures */
	int64_t as_of; /* CS_UNKNOWN: the latest instant in the data */
};

struct cs_metrics;

/* nkeys is the number of --by columns (0 for none).  Options are copied;
 * the objects they point to are borrowed for the life of the metrics. */
struct cs_metrics *cs_metrics_new(const struct cs_metrics_options *o, size_t nkeys);
void cs_metrics_free(struct cs_metrics *m);

/* Adds one ticket to the group of keys (lens[i] bytes each; need not be
 * NUL-terminated).  match is the ticket's value of the SLA file's match
 * column, or NULL. */
void cs_metrics_add(struct cs_metrics *m, const char *const *keys, const size_t *lens,
        const struct cs_ticket *t, const char *match, size_t match_len);

/* Ends the input: computes the backlog and fixes as_of.  Call once, before
 * any cs_metrics_result. */
void cs_metrics_finish(struct cs_metrics *m);

/* The period ordinals with data (first > last and 0 returned when none). */
int cs_metrics_span(const struct cs_metrics *m, int64_t *first, int64_t *last);
size_t cs_metrics_ngroups(const struct cs_metrics *m);
const char *const *cs_metrics_keys(const struct cs_metrics *m, size_t group);
/* The first period where a group has data. */
int64_t cs_metrics_group_first(const struct cs_metrics *m, size_t group);
int64_t cs_metrics_as_of(const struct cs_metrics *m);

/* Counts are whole numbers; a ratio or statistic over nothing is NaN. */
struct cs_metrics_result {
	long created, solved, backlog;
	long frt_n;
	double frt_mean_min, frt_p50_min, frt_p90_min;
	long res_n;
	double res_mean_h, res_p50_h, res_p90_h;
	long sla_n, sla_met;
	double sla_met_pct;
	long one_touch_n, one_touch;
	double one_touch_pct;
	long reopen_n, reopened;
	double reopen_pct;
	long csat_good, csat_bad;
	double csat_pct;
};

/* The figures of one group in one period (any ordinal: a period without
 * tickets has zero counts and the backlog carried over). */
void cs_metrics_result(
        struct cs_metrics *m, size_t group, int64_t ord, struct cs_metrics_result *r);

/*
 * NPS over survey answers: responses, promoters (9-10), passives (7-8),
 * detractors (0-6) and NPS = %promoters - %detractors, by period and group.
 */
struct cs_nps;
struct cs_nps_result {
	long responses, promoters, passives, detractors;
	double nps;
};
struct cs_nps *cs_nps_new(size_t nkeys);
void cs_nps_free(struct cs_nps *n);
/* score is 0..10; ord is the period ordinal of the answer. */
void cs_nps_add(
        struct cs_nps *n, const char *const *keys, const size_t *lens, int64_t ord, int score);
int cs_nps_span(const struct cs_nps *n, int64_t *first, int64_t *last);
size_t cs_nps_ngroups(const struct cs_nps *n);
const char *const *cs_nps_keys(const struct cs_nps *n, size_t group);
int64_t cs_nps_group_first(const struct cs_nps *n, size_t group);
void cs_nps_result(const struct cs_nps *n, size_t group, int64_t ord, struct cs_nps_result *r);

/*
 * Backlog age at an instant: the open tickets (created_at <= as_of and
 * solved_at empty or after as_of) in the buckets [0,1d) [1d,3d) [3d,7d)
 * [7d,30d) [30d,...), with the oldest ticket.  With as_of CS_UNKNOWN the
 * instant is the latest in the data, fixed by cs_backlog_age_finish.
 */
#define CS_AGE_BUCKETS 5
struct cs_backlog_age;
struct cs_backlog_age_result {
	long open;
	long bucket[CS_AGE_BUCKETS];
	const char *oldest_id; /* borrowed; NULL when open is 0 */
	double oldest_age_d;
};
extern const char *const cs_age_bucket_names[CS_AGE_BUCKETS];
struct cs_backlog_age *cs_backlog_age_new(size_t nkeys, int64_t as_of);
void cs_backlog_age_free(struct cs_backlog_age *b);
void cs_backlog_age_add(struct cs_backlog_age *b, const char *const *keys, const size_t *lens,
        const struct cs_ticket *t);
void cs_backlog_age_finish(struct cs_backlog_age *b);
int64_t cs_backlog_age_as_of(const struct cs_backlog_age *b);
size_t cs_backlog_age_ngroups(const struct cs_backlog_age *b);
const char *const *cs_backlog_age_keys(const struct cs_backlog_age *b, size_t group);
void cs_backlog_age_result(
        const struct cs_backlog_age *b, size_t group, struct cs_backlog_age_result *r);

/* The latest instant a ticket mentions (created, first reply, solved,
 * updated), or CS_UNKNOWN. */
int64_t cs_ticket_latest(const struct cs_ticket *t);

#endif
