/*
 * The health model of model.h: the built-in defaults, the model-file reader
 * and the printer.  Settings are described once, in a table of names,
 * offsets and valid ranges, which the reader, the printer and the checks
 * all walk, so that a new setting cannot be read but not printed.
 */
#include "libcs/model.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcs/buf.h"
#include "libcs/xalloc.h"

static const char *const measure_names[CS_M_COUNT] = {"utilization", "stickiness", "breadth",
        "usage_trend", "support_load", "aging", "csat", "nps"};

static const char *const combine_names[] = {"weighted", "worst", "points"};

struct setting {
	const char *name;
	size_t off;
	double min, max;
	const char *comment;
};

#define S(f) offsetof(struct cs_model, f)

static const struct setting settings[] = {
        {"red_below", S(red_below), 0, 100, "bands: red below this score"},
        {"green_from", S(green_from), 0, 100, "bands: green from this score, yellow between"},
        {"usage_days", S(usage_days), 1, 32,
                "window of the usage measures; usage_trend compares it with the one before"},
        {"support_days", S(support_days), 1, 3660, "window of support_load (tickets created)"},
        {"csat_days", S(csat_days), 1, 3660, "window of csat (tickets solved)"},
        {"nps_days", S(nps_days), 1, 3660, "window of nps (answers of kind nps)"},
        {"aging_days", S(aging_days), 0, 3660,
                "an open high or urgent ticket created this many days before as-of is aging"},
        {"onboarding_days", S(onboarding_days), 0, 3660,
                "stage onboarding: start_at within this many days"},
        {"declining_below", S(declining_below), 0, 1e9, "stage declining: usage_trend below"},
        {"adopted_from", S(adopted_from), 0, 1e9, "stage adopted: utilization from"},
        {"ramping_factor", S(ramping_factor), 0, 1e9,
                "stage ramping: active users at least this times the window before"},
        {"tenure_days", S(tenure_days), 0, 36600,
                "loyalty: tenured when start_at is more than this many days before as-of"},
        {"promoter_from", S(promoter_from), 0, 10, "loyalty: promoter when the mean nps is from"},
        {"trend_flat", S(trend_flat), 0, 100, "trend flat when the score moved this much or less"},
        {"renewal_days", S(renewal_days), 0, 3660,
                "churn_risk and renewal_at_risk: renewal within this many days"},
        {"usage_drop_ratio", S(usage_drop_ratio), 0, 1e9,
                "flag usage_drop: last 7 days below this times the weekly mean before"},
        {"usage_drop_weeks", S(usage_drop_weeks), 1, 8, "flag usage_drop: weeks of the mean"},
        {"inactive_days", S(inactive_days), 1, 64, "flag inactive: no usage in this many days"},
        {"low_utilization_below", S(low_utilization_below), 0, 1e9,
                "flag low_utilization: utilization below this after onboarding"},
        {"detractor_days", S(detractor_days), 1, 3660, "flag detractor: answers in this many days"},
        {"detractor_max", S(detractor_max), 0, 10, "flag detractor: an nps answer at most this"},
        {"ticket_spike_min", S(ticket_spike_min), 0, 1e9,
                "flag ticket_spike: at least this many tickets in 7 days"},
        {"ticket_spike_factor", S(ticket_spike_factor), 0, 1e9,
                "flag ticket_spike: and at least this times the weekly mean before"},
        {"ticket_spike_weeks", S(ticket_spike_weeks), 1, 520,
                "flag ticket_spike: weeks of the mean"},
        {"seat_overage_ratio", S(seat_overage_ratio), 0, 1e9,
                "flag seat_overage: active users above seats times this"},
};

#undef S

#define NSETTINGS (sizeof settings / sizeof settings[0])

const char *
cs_measure_name(enum cs_measure m)
{
	return m >= 0 && m < CS_M_COUNT ? measure_names[m] : "?";
}

int
cs_measure_from_name(const char *s)
{
	int i;

	for (i = 0; i < CS_M_COUNT; i++)
		if (strcmp(s, measure_names[i]) == 0)
			return i;
	return -1;
}

const char *
cs_combine_name(enum cs_combine c)
{
	return combine_names[c];
}

static double *
setting_ptr(struct cs_model *m, const struct setting *s)
{
	return (double *)(void *)((char *)m + s->off);
}

static double
setting_get(const struct cs_model *m, const struct setting *s)
{
	return *(const double *)(const void *)((const char *)m + s->off);
}

void
cs_model_init(struct cs_model *m)
{
	static const struct cs_measure_def defs[CS_M_COUNT] = {
	        {0.3, 0.8, 25}, /* utilization: active users / seats */
	        {0.1, 0.5, 15}, /* stickiness: mean DAU / active users */
	        {0.2, 0.7, 10}, /* breadth: features used / features in use */
	        {0.5, 1.1, 15}, /* usage_trend: events now / before */
	        {5, 0.5, 10}, /* support_load: tickets per 10 seats */
	        {3, 0, 5}, /* aging: open high/urgent tickets */
	        {0.6, 0.95, 10}, /* csat: good / (good + bad) */
	        {5, 9, 10}, /* nps: mean answer */
	};

	memset(m, 0, sizeof *m);
	m->combine = CS_COMBINE_WEIGHTED;
	m->red_below = 40;
	m->green_from = 70;
	m->usage_days = 28;
	m->support_days = 90;
	m->csat_days = 90;
	m->nps_days = 180;
	m->aging_days = 7;
	m->onboarding_days = 30;
	m->declining_below = 0.7;
	m->adopted_from = 0.6;
	m->ramping_factor = 1.2;
	m->tenure_days = 365;
	m->promoter_from = 9;
	m->trend_flat = 2;
	m->renewal_days = 90;
	m->usage_drop_ratio = 0.5;
	m->usage_drop_weeks = 4;
	m->inactive_days = 14;
	m->low_utilization_below = 0.3;
	m->detractor_days = 30;
	m->detractor_max = 6;
	m->ticket_spike_min = 3;
	m->ticket_spike_factor = 3;
	m->ticket_spike_weeks = 8;
	m->seat_overage_ratio = 1;
	memcpy(m->base.m, defs, sizeof defs);
}

void
cs_model_release(struct cs_model *m)
{
	size_t i;

	for (i = 0; i < m->nprofiles; i++)
		free(m->profiles[i].name);
	free(m->profiles);
	m->profiles = NULL;
	m->nprofiles = 0;
}

static struct cs_profile *
find_profile(const struct cs_model *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->nprofiles; i++)
		if (strcasecmp(m->profiles[i].name, name) == 0)
			return &m->profiles[i];
	return NULL;
}

static int
parse_number(const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

/* Reads "BAD GOOD WEIGHT" from w[0..2] into d. */
static int
parse_measure(char **w, size_t n, struct cs_measure_def *d, const char *name, long line,
        struct cs_error *err)
{
	double v[3];
	size_t i;

	if (n != 3)
		return cs_error_set(
		        err, name, line, "a measure needs BAD GOOD WEIGHT, found %zu values", n);
	for (i = 0; i < 3; i++)
		if (parse_number(w[i], &v[i]) < 0)
			return cs_error_set(err, name, line, "not a number: '%s'", w[i]);
	if (v[2] < 0)
		return cs_error_set(err, name, line, "a weight cannot be negative: '%s'", w[2]);
	if (v[0] == v[1])
		return cs_error_set(
		        err, name, line, "bad and good thresholds are equal: '%s'", w[0]);
	d->bad = v[0];
	d->good = v[1];
	d->weight = v[2];
	return 0;
}

static int
parse_line(
        struct cs_model *m, char **w, size_t n, const char *name, long line, struct cs_error *err)
{
	size_t i;
	int k;

	if (strcmp(w[0], "combine") == 0) {
		if (n != 2)
			return cs_error_set(err, name, line, "combine needs one value");
		for (i = 0; i < 3; i++)
			if (strcmp(w[1], combine_names[i]) == 0) {
				m->combine = (enum cs_combine)i;
				return 0;
			}
		return cs_error_set(err, name, line,
		        "unknown combine rule '%s' (weighted, worst or points)", w[1]);
	}
	if (strcmp(w[0], "measure") == 0) {
		if (n < 2 || (k = cs_measure_from_name(w[1])) < 0)
			return cs_error_set(
			        err, name, line, "unknown measure '%s'", n < 2 ? "" : w[1]);
		return parse_measure(w + 2, n - 2, &m->base.m[k], name, line, err);
	}
	if (strcmp(w[0], "profile") == 0) {
		struct cs_profile *p;

		if (n < 3)
			return cs_error_set(err, name, line,
			        "a profile line needs PROFILE MEASURE BAD GOOD WEIGHT");
		if ((k = cs_measure_from_name(w[2])) < 0)
			return cs_error_set(err, name, line, "unknown measure '%s'", w[2]);
		if ((p = find_profile(m, w[1])) == NULL) {
			m->profiles =
			        xreallocarray(m->profiles, m->nprofiles + 1, sizeof *m->profiles);
			p = &m->profiles[m->nprofiles++];
			*p = m->base;
			p->name = xstrdup(w[1]);
		}
		return parse_measure(w + 3, n - 3, &p->m[k], name, line, err);
	}
	for (i = 0; i < NSETTINGS; i++) {
		const struct setting *s = &settings[i];
		double v;

		if (strcmp(w[0], s->name) != 0)
			continue;
		if (n != 2)
			return cs_error_set(err, name, line, "%s needs one value", s->name);
		if (parse_number(w[1], &v) < 0)
			return cs_error_set(err, name, line, "not a number: '%s'", w[1]);
		if (v < s->min || v > s->max)
			return cs_error_set(err, name, line, "%s must be between %g and %g: '%s'",
			        s->name, s->min, s->max, w[1]);
		*setting_ptr(m, s) = v;
		return 0;
	}
	return cs_error_set(err, name, line, "unknown setting '%s'", w[0]);
}

int
cs_model_load_mem(
        struct cs_model *m, const char *name, const char *text, size_t len, struct cs_error *err)
{
	size_t pos = 0;
	long line = 0;
	char *copy = xstrndup(text, len);
	int rc = 0;

	while (pos < len && rc == 0) {
		char *s = copy + pos, *nl = memchr(s, '\n', len - pos), *p, *w[16];
		size_t n = 0, end = nl ? (size_t)(nl - copy) : len;

		line++;
		/* A NUL would end the line early and hide the rest: binary. */
		if (memchr(s, '\0', end - pos)) {
			rc = cs_error_set(err, name, line, "NUL byte in model file");
			break;
		}
		if (nl)
			*nl = '\0';
		pos = nl ? end + 1 : len;
		if ((p = strchr(s, '#')) != NULL)
			*p = '\0';
		for (p = s; *p;) {
			while (*p && isspace((unsigned char)*p))
				p++;
			if (!*p)
				break;
			if (n == sizeof w / sizeof w[0]) {
				rc = cs_error_set(err, name, line, "too many words");
				break;
			}
			w[n++] = p;
			while (*p && !isspace((unsigned char)*p))
				p++;
			if (*p)
				*p++ = '\0';
		}
		if (rc == 0 && n > 0)
			rc = parse_line(m, w, n, name, line, err);
	}
	free(copy);
	if (rc == 0)
		rc = cs_model_check(m, name, err);
	return rc;
}

int
cs_model_load(struct cs_model *m, const char *path, struct cs_error *err)
{
	struct cs_buf b;
	int rc;

	cs_buf_init(&b);
	rc = cs_buf_read_file(&b, path, CS_CONFIG_MAX, err);
	if (rc == 0)
		rc = cs_model_load_mem(m, path, b.data, b.len, err);
	cs_buf_release(&b);
	return rc;
}

static int
check_profile(const struct cs_profile *p, const char *name, struct cs_error *err)
{
	double total = 0;
	int i;

	for (i = 0; i < CS_M_COUNT; i++)
		total += p->m[i].weight;
	if (total <= 0)
		return cs_error_set(err, name, 0, "the weights of %s%s add up to 0",
		        p->name ? "profile " : "the base model", p->name ? p->name : "");
	return 0;
}

int
cs_model_check(const struct cs_model *m, const char *name, struct cs_error *err)
{
	size_t i;

	if (m->red_below > m->green_from)
		return cs_error_set(err, name, 0, "red_below %g is above green_from %g",
		        m->red_below, m->green_from);
	if (2 * m->usage_days > CS_MODEL_USAGE_HORIZON ||
	        7 * (m->usage_drop_weeks + 1) > CS_MODEL_USAGE_HORIZON)
		return cs_error_set(err, name, 0,
		        "usage windows reach more than %d days back (usage_days %g, "
		        "usage_drop_weeks "
		        "%g)",
		        CS_MODEL_USAGE_HORIZON, m->usage_days, m->usage_drop_weeks);
	if (m->usage_days != floor(m->usage_days) || m->support_days != floor(m->support_days) ||
	        m->csat_days != floor(m->csat_days) || m->nps_days != floor(m->nps_days) ||
	        m->inactive_days != floor(m->inactive_days) ||
	        m->usage_drop_weeks != floor(m->usage_drop_weeks) ||
	        m->ticket_spike_weeks != floor(m->ticket_spike_weeks) ||
	        m->detractor_days != floor(m->detractor_days))
		return cs_error_set(err, name, 0, "windows are whole days and weeks");
	if (check_profile(&m->base, name, err) < 0)
		return -1;
	for (i = 0; i < m->nprofiles; i++)
		if (check_profile(&m->profiles[i], name, err) < 0)
			return -1;
	return 0;
}

static void
print_measures(FILE *fp, const struct cs_profile *p)
{
	int i;

	for (i = 0; i < CS_M_COUNT; i++) {
		if (p->name)
			fprintf(fp, "profile %s ", p->name);
		else
			fputs("measure ", fp);
		fprintf(fp, "%s %.15g %.15g %.15g\n", measure_names[i], p->m[i].bad, p->m[i].good,
		        p->m[i].weight);
	}
}

int
cs_model_print(const struct cs_model *m, FILE *fp)
{
	size_t i;

	fputs("# cs-score health model (see cs-score(1)).  '#' starts a comment.\n"
	      "#\n"
	      "# How measures combine: weighted (the weighted mean of the sub-scores),\n"
	      "# worst (the same score, but any measure in the red makes the band red),\n"
	      "# or points (full points at a green sub-score, half at yellow, none at red).\n",
	        fp);
	fprintf(fp, "combine %s\n\n", combine_names[m->combine]);
	fputs("# Settings: NAME VALUE.  Windows are days ending at as-of, as-of included.\n", fp);
	for (i = 0; i < NSETTINGS; i++)
		fprintf(fp, "%s %.15g # %s\n", settings[i].name, setting_get(m, &settings[i]),
		        settings[i].comment);
	fputs("\n# Measures: measure NAME BAD GOOD WEIGHT.  The sub-score is 0 at BAD,\n"
	      "# 100 at GOOD, linear between and clamped; BAD may be above GOOD.\n",
	        fp);
	print_measures(fp, &m->base);
	fputs("\n# Profiles: profile PROFILE NAME BAD GOOD WEIGHT.  An account uses the\n"
	      "# profile named like its segment (or 'onboarding' while it onboards);\n"
	      "# a profile starts as a copy of the measures above.  For example:\n"
	      "#   profile tech-touch utilization 0.2 0.6 35\n",
	        fp);
	for (i = 0; i < m->nprofiles; i++)
		print_measures(fp, &m->profiles[i]);
	fflush(fp);
	return ferror(fp) ? -1 : 0;
}

const struct cs_profile *
cs_model_profile(const struct cs_model *m, const char *segment, int onboarding)
{
	const struct cs_profile *p;

	if (onboarding && (p = find_profile(m, "onboarding")) != NULL)
		return p;
	if (segment && *segment && (p = find_profile(m, segment)) != NULL)
		return p;
	return &m->base;
}
