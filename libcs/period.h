/*
 * Periods as whole numbers, for tables indexed by period.
 *
 * A period ordinal numbers the days, ISO weeks or months of the civil
 * calendar in one time zone: consecutive periods have consecutive ordinals,
 * so a table can be an array and "the period before" is ordinal - 1.  Days
 * and weeks are cut at local midnight (weeks on Monday), months on the 1st,
 * in the zone tz (NULL: UTC), so a period can last 23 or 25 hours across a
 * change of daylight saving time.
 */
#ifndef CS_PERIOD_H
#define CS_PERIOD_H

#include <stdint.h>

#include "libcs/datetime.h"

#define CS_PERIOD_LABEL_LEN 16

/* The ordinal of the period holding the instant t. */
int64_t cs_pord_of(enum cs_period p, const struct cs_tz *tz, int64_t t);

/* The instant where period ord starts; its end is cs_pord_start(ord + 1). */
int64_t cs_pord_start(enum cs_period p, const struct cs_tz *tz, int64_t ord);

/* "2026-11-16", "2026-W46" or "2026-11"; returns out. */
char *cs_pord_label(enum cs_period p, int64_t ord, char out[CS_PERIOD_LABEL_LEN]);

/* Parses a label of period kind p back to its ordinal; -1 when it is not
 * one. */
int cs_pord_parse(enum cs_period p, const char *label, int64_t *ord);

#endif
