/*
 * Shrinkage measured from attendance (design.md section 3: date, agent,
 * scheduled_h; team, absence_h, leave_h, late_h, training_h, meeting_h,
 * status), per team and for the whole company.
 *
 * Each component is a share of scheduled hours; planned = leave + training
 * + meeting, unplanned = absence + late, total = both.  Attrition per month
 * is the agents whose status turned to "left" over the agent-months seen
 * (distinct agent and calendar month pairs among the rows whose status is
 * not "left"), in percent.  A team's vs_company_pts is its total minus the
 * company's, in points.
 * Memory grows with teams, agents and agent-months, never with rows.
 */
#ifndef CS_SHRINKAGE_H
#define CS_SHRINKAGE_H

#include <stdint.h>

#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/error.h"

struct cs_shrinkage;

/* since and until are dates (days since the epoch, inclusive), or
 * INT64_MIN / INT64_MAX for no bound.  by_team 0 writes the company row
 * only, as does an input without a team column. */
struct cs_shrinkage *cs_shrinkage_new(int by_team, int64_t since, int64_t until);
void cs_shrinkage_free(struct cs_shrinkage *s);

/* Fails when the header lacks date, agent or scheduled_h. */
int cs_shrinkage_bind(struct cs_shrinkage *s, const struct cs_row *header, const char *file,
        struct cs_error *err);

/* Adds one attendance row; -1 with err naming the line and column when a
 * value is bad (the caller rejects the row). */
int cs_shrinkage_add(
        struct cs_shrinkage *s, const struct cs_row *row, const char *file, struct cs_error *err);

/* Writes the header and the rows: teams in name order, then the company
 * row with team "*". */
int cs_shrinkage_write(struct cs_shrinkage *s, struct cs_writer *w);

/* The columns, in order. */
extern const char *const cs_shrinkage_columns[];

/*
 * Reads a shrinkage output (as cs_shrinkage_write writes it) from path with
 * the reader options opt, for a plan: the row of team, or the company row
 * (team "*") when team is NULL.  Sets *total and *planned as fractions.
 * Rows the reader finds unusable are skipped; a bad total_pct or
 * planned_pct (total from 0 to below 100, planned from 0 to total), a
 * missing column and a missing row are errors: -1 with err filled.
 */
int cs_shrinkage_load(const char *path, const struct cs_csv_options *opt, const char *team,
        double *total, double *planned, struct cs_error *err);

#endif
