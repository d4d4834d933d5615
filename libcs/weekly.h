/*
 * The model of the weekly report: one pass over the tickets (and the
 * optional surveys, health, flags, staffing and shrinkage files) fills the
 * figures, trends and tables of a struct cs_report for one ISO week.
 *
 * The tickets are fed by the caller one at a time (so that it decides what
 * to do with rejected rows); the other inputs are files read here, where a
 * missing required column is an error and a row that cannot be read is
 * counted and named in the report's notes, never dropped in silence.
 */
#ifndef CS_WEEKLY_H
#define CS_WEEKLY_H

#include <stddef.h>
#include <stdint.h>

#include "libcs/datetime.h"
#include "libcs/error.h"
#include "libcs/rejects.h"
#include "libcs/hours.h"
#include "libcs/report.h"
#include "libcs/sla.h"
#include "libcs/ticket.h"

struct cs_weekly_options {
	int64_t week; /* week ordinal (period.h) of the report week */
	int weeks; /* weeks in the trends, the report week included (>= 2) */
	const struct cs_tz *tz; /* weeks cut in this zone; NULL: UTC */
	int business;
	const struct cs_hours *hours;
	const struct cs_sla *sla;
	int slowest; /* rows in the slowest-open table */
	const char *encoding; /* of the optional inputs; NULL: UTF-8 */
	struct cs_rejects *rejects; /* where bad rows of the optional inputs
				     * go, besides the report's note; NULL */
	int strict; /* a bad row in an optional input is an error */
};

struct cs_weekly;

/* Options are copied; the objects they point to are borrowed. */
struct cs_weekly *cs_weekly_new(const struct cs_weekly_options *o);
void cs_weekly_free(struct cs_weekly *w);

void cs_weekly_add_ticket(
        struct cs_weekly *w, const struct cs_ticket *t, const char *match, size_t match_len);

/* The optional inputs; each returns -1 with err filled when the file
 * cannot be read or lacks a required column. */
int cs_weekly_load_surveys(struct cs_weekly *w, const char *path, struct cs_error *err);
int cs_weekly_load_health(struct cs_weekly *w, const char *path, struct cs_error *err);
int cs_weekly_load_flags(struct cs_weekly *w, const char *path, struct cs_error *err);
int cs_weekly_load_staffing(struct cs_weekly *w, const char *path, struct cs_error *err);
int cs_weekly_load_shrinkage(struct cs_weekly *w, const char *path, struct cs_error *err);

/* Builds the report; the caller frees it with cs_report_free. */
struct cs_report *cs_weekly_build(struct cs_weekly *w);

#endif
