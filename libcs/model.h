/*
 * The customer-health model of cs-score: which measures make the score,
 * their "bad" and "good" thresholds and weights, the windows they are
 * measured over, the band edges, the combine rule, per-segment profiles,
 * and the thresholds of the adoption stages, loyalty and proactive flags.
 *
 * cs_model_init fills the built-in model (the defaults of cs-score(1));
 * cs_model_load reads a model file over it; cs_model_print writes a model
 * as a model file that cs_model_load reads back to the same values.
 *
 * A model file is lines of words; '#' starts a comment.  A setting is
 * "NAME VALUE" (combine weighted, red_below 40, usage_days 28, ...); a
 * measure is "measure NAME BAD GOOD WEIGHT"; a profile line "profile
 * PROFILE NAME BAD GOOD WEIGHT" gives one measure of the profile PROFILE,
 * which starts as a copy of the base measures as they stand where the
 * profile is first named (so base measures come first in a file).
 */
#ifndef CS_MODEL_H
#define CS_MODEL_H

#include <stddef.h>
#include <stdio.h>

#include "libcs/error.h"

enum cs_measure {
	CS_M_UTILIZATION,
	CS_M_STICKINESS,
	CS_M_BREADTH,
	CS_M_USAGE_TREND,
	CS_M_SUPPORT_LOAD,
	CS_M_AGING,
	CS_M_CSAT,
	CS_M_NPS,
	CS_M_COUNT
};

enum cs_combine { CS_COMBINE_WEIGHTED, CS_COMBINE_WORST, CS_COMBINE_POINTS };

/* The usage windows are kept as 64-day bitmaps: every usage window must
 * end within this many days of as-of. */
#define CS_MODEL_USAGE_HORIZON 64

struct cs_measure_def {
	double bad, good, weight;
};

/* A profile: its own thresholds and weights for every measure. */
struct cs_profile {
	char *name; /* NULL for the base profile */
	struct cs_measure_def m[CS_M_COUNT];
};

struct cs_model {
	enum cs_combine combine;
	double red_below, green_from; /* bands: red < red_below <= yellow < green_from <= green */
	/* Windows in days, each ending at as-of and including it. */
	double usage_days, support_days, csat_days, nps_days;
	double aging_days; /* an open high/urgent ticket is aging from this age */
	double onboarding_days, tenure_days, promoter_from;
	double declining_below, adopted_from, ramping_factor;
	double trend_flat, renewal_days;
	/* Flags. */
	double usage_drop_ratio, usage_drop_weeks, inactive_days, low_utilization_below;
	double detractor_days, detractor_max;
	double ticket_spike_min, ticket_spike_factor, ticket_spike_weeks;
	double seat_overage_ratio;
	struct cs_profile base;
	struct cs_profile *profiles; /* per segment */
	size_t nprofiles;
};

/* The name of a measure as it appears in columns and files ("usage_trend"). */
const char *cs_measure_name(enum cs_measure m);
/* The measure of a name, or -1. */
int cs_measure_from_name(const char *s);
const char *cs_combine_name(enum cs_combine c);

void cs_model_init(struct cs_model *m);
void cs_model_release(struct cs_model *m);

/* Reads a model file over m (settings not named keep their values).  Fails
 * with the file and line on an unknown name or a bad value, and when the
 * result is inconsistent (cs_model_check). */
int cs_model_load(struct cs_model *m, const char *path, struct cs_error *err);
int cs_model_load_mem(
        struct cs_model *m, const char *name, const char *text, size_t len, struct cs_error *err);
/* Whether the model can be used: positive weights summing above 0, bad and
 * good different, windows within the usage horizon, and so on. */
int cs_model_check(const struct cs_model *m, const char *name, struct cs_error *err);

/* Writes m as a model file with comments; returns -1 on a write error. */
int cs_model_print(const struct cs_model *m, FILE *fp);

/* The profile an account uses: the profile named "onboarding" for an
 * onboarding account when the model has one, else the profile named like the
 * segment (compared ignoring case), else the base profile.  segment may be
 * NULL. */
const struct cs_profile *cs_model_profile(
        const struct cs_model *m, const char *segment, int onboarding);

#endif
