/*
 * The load of one interval as a row of an intervals stream offers it to a
 * recomputation (cs-staff erlang and plan): contacts, the interval's length
 * and the handle time, each from its column or from a default, plus the
 * agents column of an erlang stream.
 *
 * Numbers are read with cs_row_number: plain decimals only.  Errors name
 * the file and the row's line and quote the field.
 */
#ifndef CS_LOAD_H
#define CS_LOAD_H

#include <stdint.h>

#include "libcs/csv.h"
#include "libcs/erlang.h"
#include "libcs/error.h"
#include "libcs/filter.h"

/* The columns of a header that describe a load; -1 where absent. */
struct cs_load_cols {
	int contacts, minutes, aht, start, agents;
};

void cs_load_bind(struct cs_load_cols *c, const struct cs_row *h);

/* Where a row leaves them empty: the interval length in minutes and the
 * handle time in seconds (NaN: none, so that contacts need a row's aht_s). */
struct cs_load_defaults {
	double interval_min;
	double aht_s;
};

struct cs_load {
	double contacts;
	double interval_s;
	double aht_s;
};

/*
 * Reads the load of row: contacts (required, >= 0), minutes (> 0, else the
 * default), aht_s (>= 0, else the default; a row with contacts and no
 * handle time at all is an error, one without contacts gets 0).  Returns 0,
 * or -1 with err filled.
 */
int cs_load_read(const struct cs_load_cols *c, const struct cs_load_defaults *d,
        const struct cs_row *row, const char *file, struct cs_load *out, struct cs_error *err);

/* The row's interval length in seconds: its minutes (> 0), or the default.
 * Returns -1 with err filled on a bad minutes field. */
int cs_load_interval(const struct cs_load_cols *c, const struct cs_load_defaults *d,
        const struct cs_row *row, const char *file, double *interval_s, struct cs_error *err);

/* The row's start: a timestamp as cs_time_parse reads it (dates year
 * first).  Returns -1 with err filled otherwise. */
int cs_load_start(const struct cs_load_cols *c, const struct cs_row *row, const char *file,
        int64_t *start, struct cs_error *err);

/* The row's agents: a whole number from 0 to 1e7 (empty is an error).
 * Returns -1 with err filled otherwise. */
int cs_load_agents(const struct cs_load_cols *c, const struct cs_row *row, const char *file,
        long *agents, struct cs_error *err);

/* The columns cs_load_values fills, in its order: with abandon_pct for
 * Erlang A, without it otherwise. */
extern const char *const cs_load_columns_a[];
extern const char *const cs_load_columns[];

/* The metrics of res as the output's fields: erlangs, agents, sl_pct,
 * asa_s, occupancy_pct and abandon_pct (percentages, three decimals). */
void cs_load_values(const struct cs_erlang_result *res, char vals[][CS_FILTER_VALUE]);

/*
 * A what-if of one load (cs-staff calc): the least agents that meet t's
 * targets, and the agent counts worth showing around that answer: from the
 * load rounded down or 3 below the answer, whichever is lower (but never
 * more than 30 below, and at least 1 unless the answer is 0), to 3 above.
 */
struct cs_what_if {
	struct cs_erlang_result best;
	long lo, hi;
};

/* Returns -1 with err filled (no file) when the load cannot be staffed. */
int cs_load_what_if(const struct cs_erlang_target *t, const struct cs_load *ld,
        struct cs_what_if *wi, struct cs_error *err);

/* Writes one row per agent count from wi->lo to wi->hi after a header:
 * erlangs, agents, sl_pct, asa_s, occupancy_pct, abandon_pct (Erlang A
 * only) and answer ("*" on the answer's row).  Returns -1 with err filled
 * when a count cannot be evaluated. */
int cs_load_what_if_write(const struct cs_erlang_target *t, const struct cs_load *ld,
        const struct cs_what_if *wi, struct cs_writer *w, struct cs_error *err);

#endif
