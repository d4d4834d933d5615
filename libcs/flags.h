/*
 * Proactive flags: the risks and opportunities of one account at as-of,
 * raised from its facts and score (health.h) under a model's thresholds, and
 * the comparison with last run's flags that a weekly cron job mails.
 *
 * A flag row is keyed by (account, flag), so that two runs can be diffed.
 */
#ifndef CS_FLAGS_H
#define CS_FLAGS_H

#include <stddef.h>
#include <stdint.h>

#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/error.h"
#include "libcs/health.h"
#include "libcs/model.h"

enum cs_flag_id {
	CS_F_USAGE_DROP,
	CS_F_INACTIVE,
	CS_F_LOW_UTILIZATION,
	CS_F_DETRACTOR,
	CS_F_TICKET_SPIKE,
	CS_F_AGING_TICKET,
	CS_F_RENEWAL_AT_RISK,
	CS_F_SEAT_OVERAGE,
	CS_F_COUNT
};

struct cs_flag {
	enum cs_flag_id id;
	const char *kind; /* "risk" or "opportunity" */
	const char *severity; /* "high", "medium" or "low" */
	double value, threshold;
	char reason[200];
};

const char *cs_flag_name(enum cs_flag_id id);
const char *cs_flag_kind(enum cs_flag_id id);

/* The flags of one account, in the order of enum cs_flag_id; returns how
 * many were written to out (at most CS_F_COUNT).  An account whose status
 * is churned raises none: there is nothing left to act on. */
size_t cs_flags_eval(const struct cs_model *m, const struct cs_facts *f, const struct cs_score *s,
        struct cs_flag out[CS_F_COUNT]);

/* Last run's flags, for the status column: new, ongoing, resolved. */
struct cs_flags_prev;

struct cs_flags_prev *cs_flags_prev_new(void);
void cs_flags_prev_free(struct cs_flags_prev *p);
int cs_flags_prev_begin(struct cs_flags_prev *p, const struct cs_row *header, const char *file,
        struct cs_error *err);
/* 0 taken, 1 rejected (err says why). */
int cs_flags_prev_add(struct cs_flags_prev *p, const struct cs_row *row, struct cs_error *err);
/* Whether (account, flag) was raised last time; marks it seen. */
int cs_flags_prev_seen(struct cs_flags_prev *p, const char *account, const char *flag);

/* The flags record kind: the header, and all rows of every account of h;
 * with prev (may be NULL) a status column, and after the current rows one
 * "resolved" row for each previous flag not raised again. */
void cs_flags_write(const struct cs_health *h, struct cs_flags_prev *prev, struct cs_writer *w);

#endif
