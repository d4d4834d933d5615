/*
 * SLA target tables; see sla.h.
 */
#include "libcs/sla.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcs/csv.h"
#include "libcs/xalloc.h"

struct rule {
	int priority; /* -1: any */
	char *match; /* NULL: any */
	double frt, res; /* minutes, NaN: none */
};

struct cs_sla {
	struct rule *r;
	size_t n, cap;
	char *match_column;
};

static struct rule *
add_rule(struct cs_sla *s)
{
	struct rule *r;

	s->r = xgrow(s->r, &s->cap, s->n + 1, sizeof *s->r);
	r = &s->r[s->n++];
	r->priority = -1;
	r->match = NULL;
	r->frt = r->res = NAN;
	return r;
}

struct cs_sla *
cs_sla_defaults(void)
{
	static const struct {
		enum cs_priority p;
		double frt, res;
	} d[] = {
	        {CS_PRI_URGENT, 60, 4 * 60},
	        {CS_PRI_HIGH, 4 * 60, 24 * 60},
	        {CS_PRI_NORMAL, 8 * 60, 72 * 60},
	        {CS_PRI_LOW, 24 * 60, 168 * 60},
	};
	struct cs_sla *s = xcalloc(1, sizeof *s);
	size_t i;

	for (i = 0; i < sizeof d / sizeof d[0]; i++) {
		struct rule *r = add_rule(s);

		r->priority = d[i].p;
		r->frt = d[i].frt;
		r->res = d[i].res;
	}
	return s;
}

void
cs_sla_free(struct cs_sla *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		free(s->r[i].match);
	free(s->r);
	free(s->match_column);
	free(s);
}

const char *
cs_sla_match_column(const struct cs_sla *s)
{
	return s->match_column;
}

static int
is_any(const char *v, size_t len)
{
	return len == 0 || (len == 1 && v[0] == '*');
}

/* A target in minutes from a field; scale is 1 for _min and 60 for _h. */
static int
get_target(const struct cs_row *row, int col, double scale, const char *name, double *out,
        struct cs_error *err, const char *path)
{
	size_t len;
	const char *s = cs_row_field(row, col, &len);

	if (cs_row_number(row, col, out) < 0 || *out < 0)
		return cs_error_set(err, path, row->line, "bad target '%.*s' in column '%s'",
		        (int)(len > 64 ? 64 : len), s, name);
	*out *= scale;
	return 0;
}

struct cs_sla *
cs_sla_load(const char *path, struct cs_error *err)
{
	struct cs_csv_options opt;
	struct cs_csv_reader *rd;
	const struct cs_row *h;
	struct cs_row row;
	struct cs_sla *s;
	int cp, cfm, cfh, crm, crh, cmatch = -1, rc;
	size_t i;

	cs_csv_options_init(&opt);
	if ((rd = cs_csv_open(path, &opt, err)) == NULL)
		return NULL;
	h = cs_csv_header(rd);
	cp = cs_csv_column(h, "priority");
	cfm = cs_csv_column(h, "first_reply_min");
	cfh = cs_csv_column(h, "first_reply_h");
	crm = cs_csv_column(h, "resolution_min");
	crh = cs_csv_column(h, "resolution_h");
	if (cp < 0 || (cfm < 0 && cfh < 0 && crm < 0 && crh < 0)) {
		cs_error_set(err, cs_csv_name(rd), 1,
		        "not an SLA file: needs 'priority' and first_reply_min or resolution_min");
		cs_csv_close(rd);
		return NULL;
	}
	for (i = 0; i < h->n; i++) {
		if ((int)i == cp || (int)i == cfm || (int)i == cfh || (int)i == crm ||
		        (int)i == crh)
			continue;
		if (cmatch >= 0) {
			cs_error_set(err, cs_csv_name(rd), 1,
			        "SLA file has two columns to match, '%s' and '%s'", h->f[cmatch],
			        h->f[i]);
			cs_csv_close(rd);
			return NULL;
		}
		cmatch = (int)i;
	}
	s = xcalloc(1, sizeof *s);
	if (cmatch >= 0)
		s->match_column = xstrdup(h->f[cmatch]);
	while ((rc = cs_csv_read(rd, &row, err)) > 0) {
		struct rule *r;
		double a, b;

		if (row.problem) {
			cs_error_set(err, cs_csv_name(rd), row.line, "%s", row.problem);
			goto fail;
		}
		r = add_rule(s);
		if ((size_t)cp < row.n && !is_any(row.f[cp], row.len[cp])) {
			r->priority = cs_priority_from(row.f[cp], row.len[cp]);
			if (r->priority < 0) {
				cs_error_set(err, cs_csv_name(rd), row.line,
				        "unknown priority '%s'", row.f[cp]);
				goto fail;
			}
		}
		if (cmatch >= 0 && (size_t)cmatch < row.n &&
		        !is_any(row.f[cmatch], row.len[cmatch]))
			r->match = xstrndup(row.f[cmatch], row.len[cmatch]);
		if (get_target(&row, cfm, 1, "first_reply_min", &a, err, cs_csv_name(rd)) < 0 ||
		        get_target(&row, cfh, 60, "first_reply_h", &b, err, cs_csv_name(rd)) < 0)
			goto fail;
		r->frt = isnan(a) ? b : a;
		if (get_target(&row, crm, 1, "resolution_min", &a, err, cs_csv_name(rd)) < 0 ||
		        get_target(&row, crh, 60, "resolution_h", &b, err, cs_csv_name(rd)) < 0)
			goto fail;
		r->res = isnan(a) ? b : a;
	}
	if (rc < 0)
		goto fail;
	cs_csv_close(rd);
	return s;
fail:
	cs_csv_close(rd);
	cs_sla_free(s);
	return NULL;
}

int
cs_sla_targets(const struct cs_sla *s, enum cs_priority p, const char *match, size_t len,
        double *frt, double *res)
{
	size_t i;

	/* A ticket with no priority is held to the normal targets. */
	if (p == CS_PRI_UNKNOWN)
		p = CS_PRI_NORMAL;
	for (i = 0; i < s->n; i++) {
		const struct rule *r = &s->r[i];

		if (r->priority >= 0 && r->priority != (int)p)
			continue;
		if (r->match &&
		        (match == NULL || strlen(r->match) != len ||
		                strncasecmp(r->match, match, len)))
			continue;
		*frt = r->frt;
		*res = r->res;
		return 1;
	}
	*frt = *res = NAN;
	return 0;
}
