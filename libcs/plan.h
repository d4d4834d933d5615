/*
 * Staffing plans: from the agents an interval needs on the phones to the
 * agents to schedule, in a healthy and an emergency mode.
 *
 * scheduled = ceil(agents / (1 - shrinkage)), then the buffer: a percentage
 * of that (rounded up) or a fixed number of agents, added only to intervals
 * that need agents at all.  The emergency mode has its own targets (60/60
 * and a 95% occupancy cap by default), cancels the planned part of the
 * shrinkage (training, meetings, leave) and releases the buffer.
 */
#ifndef CS_PLAN_H
#define CS_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "libcs/csvout.h"
#include "libcs/erlang.h"
#include "libcs/error.h"
#include "libcs/filter.h"
#include "libcs/load.h"

struct cs_plan_mode {
	struct cs_erlang_target target;
	double shrinkage; /* fraction of scheduled time lost, total */
	double planned; /* the planned part of it (cancelled in emergency) */
	double buffer; /* a fraction when buffer_pct, else agents */
	int buffer_pct;
	int cancel_planned; /* the emergency mode: plan for unplanned only */
};

/* Healthy: 80/20, no shrinkage, no buffer.  Emergency: 60/60, 95% cap,
 * planned shrinkage cancelled, no buffer. */
void cs_plan_defaults(struct cs_plan_mode *healthy, struct cs_plan_mode *emergency);

/* The shrinkage a mode plans with. */
double cs_plan_effective_shrinkage(const struct cs_plan_mode *m);

/* Agents to schedule for agents on the phones; *buffer_agents (may be NULL)
 * receives the buffer's part. */
long cs_plan_schedule(const struct cs_plan_mode *m, long agents, long *buffer_agents);

/* "10%" (a percentage) or "2" (agents); -1 on anything else. */
int cs_plan_parse_buffer(const char *s, double *value, int *pct);

/* "30", "30%" or "0.3"? No: a percentage from 0 to below 100, with or
 * without the sign ("30", "30%", "12.5"); -1 on anything else. */
int cs_plan_parse_pct(const char *s, double *fraction);

/* "80/20": a service level in percent and its time in seconds. */
int cs_plan_parse_sl(const char *s, double *fraction, double *seconds);

/*
 * Reads a modes file: lines "MODE.KEY = VALUE" where MODE is healthy or
 * emergency and KEY one of model, sl, asa, max-occupancy, patience,
 * max-abandon, shrinkage, planned, buffer; blank lines and lines starting
 * with # are ignored.  Errors name the file and line.
 */
int cs_plan_modes_load(const char *path, struct cs_plan_mode *healthy,
        struct cs_plan_mode *emergency, struct cs_error *err);

/* Sums over the intervals of one mode. */
struct cs_plan_totals {
	long intervals;
	double required_h; /* agents on the phones x hours */
	double scheduled_h; /* scheduled agents x hours */
	double buffer_h; /* the buffer's part of scheduled_h */
	int64_t first, end; /* the span covered, end exclusive */
};

void cs_plan_totals_init(struct cs_plan_totals *t);
void cs_plan_totals_add(struct cs_plan_totals *t, int64_t start, double minutes, long agents,
        long scheduled, long buffer_agents);
/* Full-time equivalents: scheduled hours per week of the span over
 * hours_per_week; NaN for an empty span. */
double cs_plan_fte(const struct cs_plan_totals *t, double hours, double hours_per_week);

/*
 * A plan over the rows of an erlang stream, in one mode or both: the
 * healthy mode schedules the agents a row has, the emergency mode staffs
 * the row's load again under its own targets.
 */
enum cs_plan_which { CS_PLAN_HEALTHY, CS_PLAN_EMERGENCY, CS_PLAN_BOTH };

struct cs_plan {
	enum cs_plan_which which;
	const struct cs_plan_mode *healthy, *emergency; /* borrowed */
	struct cs_plan_totals tot[2]; /* healthy, emergency */
};

void cs_plan_init(struct cs_plan *p, enum cs_plan_which which, const struct cs_plan_mode *healthy,
        const struct cs_plan_mode *emergency);

/* The columns the plan adds (static, NULL-terminated): agents and
 * scheduled for one mode (and the emergency's metrics, with abandon_pct
 * for Erlang A), the agents and scheduled of each mode for both. */
const char *const *cs_plan_columns(const struct cs_plan *p);

/*
 * Plans one interval starting at start and lasting interval_s seconds:
 * agents is the healthy mode's input, ld the emergency mode's (each unused
 * by the other mode).  Fills vals in the order of cs_plan_columns and adds
 * the interval to the totals.  Returns -1 with err filled (no file) when
 * the emergency's staffing fails; nothing is added then.
 */
int cs_plan_interval(struct cs_plan *p, int64_t start, double interval_s, long agents,
        const struct cs_load *ld, char vals[][CS_FILTER_VALUE], struct cs_error *err);

/* The modes' names by index: "healthy", "emergency". */
extern const char *const cs_plan_mode_names[2];

/*
 * Writes the totals of the modes whose active[m] is set (t[0] healthy, t[1]
 * emergency) as CSV to w: a header, then one row per mode with mode,
 * intervals, agent_h, scheduled_h, buffer_h, fte and hours_per_week.  The
 * caller closes w.  Returns what the last cs_writer_end returns.
 */
int cs_plan_totals_write(struct cs_writer *w, const struct cs_plan_totals t[2], const int active[2],
        double hours_per_week);

/* Formats mode m's totals as one sentence (agent-hours, scheduled hours,
 * FTE, buffer hours) into out, for a message; returns out. */
const char *cs_plan_totals_format(
        char *out, size_t size, int m, const struct cs_plan_totals *t, double hours_per_week);

#endif
