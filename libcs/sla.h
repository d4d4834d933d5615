/*
 * SLA targets: how soon a ticket must get its first reply and its
 * resolution, by priority and optionally by one more column of the tickets
 * (team, segment, channel, or any column carried through).
 *
 * A target file is CSV/TSV with the columns priority, first_reply_min (or
 * first_reply_h) and resolution_min (or resolution_h), plus at most one
 * other column whose name is a tickets column to match.  Rows are tried in
 * file order and the first that matches wins; an empty or "*" priority or
 * match value matches anything; an empty target means no target.
 *
 * Without a file the built-in defaults apply (cs-report(1) lists them):
 * urgent 1 h / 4 h, high 4 h / 24 h, normal 8 h / 72 h, low 24 h / 168 h,
 * and a ticket with no priority is held to the normal targets.
 */
#ifndef CS_SLA_H
#define CS_SLA_H

#include <stddef.h>

#include "libcs/error.h"
#include "libcs/ticket.h"

struct cs_sla;

/* The built-in defaults. */
struct cs_sla *cs_sla_defaults(void);
/* Reads a target file; NULL with err filled on failure. */
struct cs_sla *cs_sla_load(const char *path, struct cs_error *err);
void cs_sla_free(struct cs_sla *s);

/* The name of the tickets column the file matches on, or NULL. */
const char *cs_sla_match_column(const struct cs_sla *s);

/* The targets in minutes (NaN: none) for a priority and the ticket's value
 * of the match column (NULL or "" when it has none).  Returns 0 when no row
 * matches, 1 otherwise. */
int cs_sla_targets(const struct cs_sla *s, enum cs_priority p, const char *match, size_t len,
        double *first_reply_min, double *resolution_min);

#endif
