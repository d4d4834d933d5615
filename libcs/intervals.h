/*
 * Rolling contacts up to fixed intervals: tickets, a call log (canonical
 * tickets with a handle time), or intervals of a finer grain, summed per
 * interval of 15, 30 or 60 minutes and optionally per team or channel.
 *
 * Intervals are aligned on UTC multiples of their length.  Every interval
 * from the first to the last of the whole input is written for every group,
 * with zero contacts where nothing arrived: a quiet interval is a
 * measurement, not a gap.  Memory grows with groups x intervals.
 */
#ifndef CS_INTERVALS_H
#define CS_INTERVALS_H

#include <stdint.h>

#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/error.h"
#include "libcs/ticket.h"

enum cs_intervals_by { CS_BY_NONE, CS_BY_TEAM, CS_BY_CHANNEL };

struct cs_intervals;

/* minutes: the interval length (a divisor of a day). */
struct cs_intervals *cs_intervals_new(int minutes, enum cs_intervals_by by);
void cs_intervals_free(struct cs_intervals *iv);

/*
 * Binds the header of an input: an intervals stream (start, contacts) or a
 * tickets stream (id, created_at) with optional handle_s (or aht_s) and
 * abandoned columns.  Fails when the header is neither.
 */
int cs_intervals_bind(struct cs_intervals *iv, const struct cs_row *header, const char *file,
        struct cs_error *err);

/* Adds one row; -1 with err naming the line when a value is bad (the
 * caller rejects the row and goes on). */
int cs_intervals_add(
        struct cs_intervals *iv, const struct cs_row *row, const char *file, struct cs_error *err);

/* Writes the header and every interval; aht_s (NaN: none) fills intervals
 * whose input had no handle time.  Returns the writer's status. */
int cs_intervals_write(struct cs_intervals *iv, struct cs_writer *w, double aht_s);

#endif
