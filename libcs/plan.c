/*
 * Staffing plans of plan.h: scheduling arithmetic, option values shared by
 * the plan and erlang verbs, the modes file and the totals.
 */
#include "libcs/plan.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"

void
cs_plan_defaults(struct cs_plan_mode *healthy, struct cs_plan_mode *emergency)
{
	memset(healthy, 0, sizeof *healthy);
	cs_erlang_target_init(&healthy->target);
	*emergency = *healthy;
	emergency->target.sl = 0.6;
	emergency->target.sl_time_s = 60;
	emergency->target.max_occupancy = 0.95;
	emergency->cancel_planned = 1;
}

double
cs_plan_effective_shrinkage(const struct cs_plan_mode *m)
{
	double s = m->shrinkage - (m->cancel_planned ? m->planned : 0);

	return s < 0 ? 0 : s;
}

long
cs_plan_schedule(const struct cs_plan_mode *m, long agents, long *buffer_agents)
{
	long base, extra = 0;

	if (agents <= 0) {
		if (buffer_agents)
			*buffer_agents = 0;
		return 0;
	}
	base = cs_ceil_tol((double)agents / (1 - cs_plan_effective_shrinkage(m)));
	if (!m->cancel_planned && m->buffer > 0)
		extra = m->buffer_pct ? cs_ceil_tol((double)base * m->buffer) : (long)m->buffer;
	if (buffer_agents)
		*buffer_agents = extra;
	return base + extra;
}

/* A number filling s but for an optional trailing character. */
static int
parse_number(const char *s, char suffix, double *v, int *had_suffix)
{
	char *end;

	/* Not hex, which strtod would read: 0x10 is a slip, not 16. */
	if (strpbrk(s, "xX") != NULL)
		return -1;
	errno = 0;
	*v = strtod(s, &end);
	if (errno || end == s || !isfinite(*v))
		return -1;
	*had_suffix = 0;
	if (suffix && *end == suffix) {
		*had_suffix = 1;
		end++;
	}
	return *end == '\0' ? 0 : -1;
}

int
cs_plan_parse_pct(const char *s, double *fraction)
{
	double v;
	int pct;

	if (parse_number(s, '%', &v, &pct) < 0 || v < 0 || v >= 100)
		return -1;
	*fraction = v / 100;
	return 0;
}

int
cs_plan_parse_buffer(const char *s, double *value, int *pct)
{
	double v;

	if (parse_number(s, '%', &v, pct) < 0 || v < 0)
		return -1;
	if (*pct) {
		*value = v / 100;
		return 0;
	}
	if (v != floor(v) || v > 1e6)
		return -1;
	*value = v;
	return 0;
}

int
cs_plan_parse_sl(const char *s, double *fraction, double *seconds)
{
	char *end;
	double p, t;

	if (strpbrk(s, "xX") != NULL)
		return -1;
	errno = 0;
	p = strtod(s, &end);
	if (errno || end == s || *end != '/' || !(p > 0) || p > 100)
		return -1;
	s = end + 1;
	t = strtod(s, &end);
	if (errno || end == s || *end != '\0' || !(t >= 0) || !isfinite(t))
		return -1;
	*fraction = p / 100;
	*seconds = t;
	return 0;
}

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Sets one key of a mode; -1 when the key or its value is unknown. */
static int
set_key(struct cs_plan_mode *m, const char *key, const char *val)
{
	double v;
	int pct;

	if (strcmp(key, "model") == 0)
		return cs_erlang_model_from_name(val, &m->target.model);
	if (strcmp(key, "sl") == 0)
		return cs_plan_parse_sl(val, &m->target.sl, &m->target.sl_time_s);
	if (strcmp(key, "buffer") == 0)
		return cs_plan_parse_buffer(val, &m->buffer, &m->buffer_pct);
	if (strcmp(key, "shrinkage") == 0) {
		/* The emergency mode's own shrinkage is what it plans with. */
		if (m->cancel_planned)
			m->planned = 0;
		return cs_plan_parse_pct(val, &m->shrinkage);
	}
	if (strcmp(key, "planned") == 0)
		return cs_plan_parse_pct(val, &m->planned);
	if (parse_number(val, '%', &v, &pct) < 0 || v < 0)
		return -1;
	if (strcmp(key, "asa") == 0)
		m->target.asa_s = v;
	else if (strcmp(key, "patience") == 0 && v > 0)
		m->target.patience_s = v;
	else if (strcmp(key, "max-occupancy") == 0 && v > 0 && v <= 100)
		m->target.max_occupancy = v / 100;
	else if (strcmp(key, "max-abandon") == 0 && v <= 100)
		m->target.max_abandon = v / 100;
	else
		return -1;
	return 0;
}

int
cs_plan_modes_load(const char *path, struct cs_plan_mode *healthy, struct cs_plan_mode *emergency,
        struct cs_error *err)
{
	struct cs_buf b;
	size_t pos = 0;
	long lineno = 0;
	int rc;

	/* The whole file, not fgets: a long comment stays one line, and a NUL
	 * byte (a binary file) is seen rather than ending the line early. */
	cs_buf_init(&b);
	rc = cs_buf_read_file(&b, path, CS_CONFIG_MAX, err);
	while (rc == 0 && pos < b.len) {
		char *line = b.data + pos, *nl = memchr(line, '\n', b.len - pos);
		size_t end = nl ? (size_t)(nl - b.data) : b.len;
		char *s, *eq, *key, *val, *dot;
		struct cs_plan_mode *m;

		lineno++;
		if (memchr(line, '\0', end - pos)) {
			rc = cs_error_set(err, path, lineno, "NUL byte in modes file");
			break;
		}
		if (nl)
			*nl = '\0';
		pos = nl ? end + 1 : b.len;
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		eq = strchr(s, '=');
		if (!eq) {
			rc = cs_error_set(err, path, lineno, "expected 'MODE.KEY = VALUE'");
			break;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		dot = strchr(key, '.');
		if (!dot) {
			rc = cs_error_set(err, path, lineno, "key '%s' names no mode", key);
			break;
		}
		*dot = '\0';
		if (strcmp(key, "healthy") == 0)
			m = healthy;
		else if (strcmp(key, "emergency") == 0)
			m = emergency;
		else {
			rc = cs_error_set(err, path, lineno, "unknown mode '%s'", key);
			break;
		}
		if (set_key(m, dot + 1, val) < 0)
			rc = cs_error_set(err, path, lineno, "bad key or value '%s.%s = %s'", key,
			        dot + 1, val);
	}
	cs_buf_release(&b);
	return rc;
}

void
cs_plan_totals_init(struct cs_plan_totals *t)
{
	memset(t, 0, sizeof *t);
}

void
cs_plan_totals_add(struct cs_plan_totals *t, int64_t start, double minutes, long agents,
        long scheduled, long buffer_agents)
{
	double h = minutes / 60;
	int64_t end = start + (int64_t)llround(minutes * 60);

	if (t->intervals == 0 || start < t->first)
		t->first = start;
	if (t->intervals == 0 || end > t->end)
		t->end = end;
	t->intervals++;
	t->required_h += (double)agents * h;
	t->scheduled_h += (double)scheduled * h;
	t->buffer_h += (double)buffer_agents * h;
}

double
cs_plan_fte(const struct cs_plan_totals *t, double hours, double hours_per_week)
{
	double weeks = (double)(t->end - t->first) / (7 * 86400.0);

	if (t->intervals == 0 || weeks <= 0 || hours_per_week <= 0)
		return NAN;
	return hours / weeks / hours_per_week;
}

const char *const cs_plan_mode_names[2] = {"healthy", "emergency"};

int
cs_plan_totals_write(struct cs_writer *w, const struct cs_plan_totals t[2], const int active[2],
        double hours_per_week)
{
	int m, rc;

	cs_writer_fieldz(w, "mode");
	cs_writer_fieldz(w, "intervals");
	cs_writer_fieldz(w, "agent_h");
	cs_writer_fieldz(w, "scheduled_h");
	cs_writer_fieldz(w, "buffer_h");
	cs_writer_fieldz(w, "fte");
	cs_writer_fieldz(w, "hours_per_week");
	rc = cs_writer_end(w);
	for (m = 0; m < 2; m++) {
		if (!active[m])
			continue;
		cs_writer_fieldz(w, cs_plan_mode_names[m]);
		cs_writer_number(w, (double)t[m].intervals, 0);
		cs_writer_number(w, t[m].required_h, 3);
		cs_writer_number(w, t[m].scheduled_h, 3);
		cs_writer_number(w, t[m].buffer_h, 3);
		cs_writer_number(w, cs_plan_fte(&t[m], t[m].scheduled_h, hours_per_week), 3);
		cs_writer_number(w, hours_per_week, 3);
		rc = cs_writer_end(w);
	}
	return rc;
}

const char *
cs_plan_totals_format(
        char *out, size_t size, int m, const struct cs_plan_totals *t, double hours_per_week)
{
	snprintf(out, size,
	        "%s: %.3f agent-hours needed, %.3f scheduled (%.3f FTE at %g h/week), %.3f "
	        "buffer hours for improvement work",
	        cs_plan_mode_names[m], t->required_h, t->scheduled_h,
	        cs_plan_fte(t, t->scheduled_h, hours_per_week), hours_per_week, t->buffer_h);
	return out;
}

void
cs_plan_init(struct cs_plan *p, enum cs_plan_which which, const struct cs_plan_mode *healthy,
        const struct cs_plan_mode *emergency)
{
	memset(p, 0, sizeof *p);
	p->which = which;
	p->healthy = healthy;
	p->emergency = emergency;
	cs_plan_totals_init(&p->tot[0]);
	cs_plan_totals_init(&p->tot[1]);
}

const char *const *
cs_plan_columns(const struct cs_plan *p)
{
	static const char *const single[] = {"agents", "scheduled", NULL};
	static const char *const emerg[] = {
	        "agents", "scheduled", "sl_pct", "asa_s", "occupancy_pct", "abandon_pct", NULL};
	static const char *const emerg_c[] = {
	        "agents", "scheduled", "sl_pct", "asa_s", "occupancy_pct", NULL};
	static const char *const both[] = {"agents_healthy", "scheduled_healthy",
	        "agents_emergency", "scheduled_emergency", NULL};

	if (p->which == CS_PLAN_BOTH)
		return both;
	if (p->which == CS_PLAN_HEALTHY)
		return single;
	return p->emergency->target.model == CS_MODEL_ERLANG_A ? emerg : emerg_c;
}

int
cs_plan_interval(struct cs_plan *p, int64_t start, double interval_s, long agents,
        const struct cs_load *ld, char vals[][CS_FILTER_VALUE], struct cs_error *err)
{
	long ah = 0, sh = 0, bh = 0, ae = 0, se = 0, be = 0;
	struct cs_erlang_result res;

	if (p->which != CS_PLAN_HEALTHY) {
		if (cs_erlang_staff(&p->emergency->target, ld->contacts, interval_s, ld->aht_s,
		            &res, err) < 0)
			return -1;
		ae = res.agents;
		se = cs_plan_schedule(p->emergency, ae, &be);
		cs_plan_totals_add(&p->tot[1], start, interval_s / 60, ae, se, be);
	}
	if (p->which != CS_PLAN_EMERGENCY) {
		ah = agents;
		sh = cs_plan_schedule(p->healthy, ah, &bh);
		cs_plan_totals_add(&p->tot[0], start, interval_s / 60, ah, sh, bh);
	}
	if (p->which == CS_PLAN_HEALTHY) {
		snprintf(vals[0], CS_FILTER_VALUE, "%ld", ah);
		snprintf(vals[1], CS_FILTER_VALUE, "%ld", sh);
	} else if (p->which == CS_PLAN_EMERGENCY) {
		snprintf(vals[0], CS_FILTER_VALUE, "%ld", ae);
		snprintf(vals[1], CS_FILTER_VALUE, "%ld", se);
		cs_filter_number(vals[2], res.sl * 100, 3);
		cs_filter_number(vals[3], res.asa_s, 3);
		cs_filter_number(vals[4], res.occupancy * 100, 3);
		cs_filter_number(vals[5], res.abandon * 100, 3);
	} else {
		snprintf(vals[0], CS_FILTER_VALUE, "%ld", ah);
		snprintf(vals[1], CS_FILTER_VALUE, "%ld", sh);
		snprintf(vals[2], CS_FILTER_VALUE, "%ld", ae);
		snprintf(vals[3], CS_FILTER_VALUE, "%ld", se);
	}
	return 0;
}
