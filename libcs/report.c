/*
 * The weekly report as data; see report.h.
 */
#include "libcs/report.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"
#include "libcs/xalloc.h"

struct cs_report *
cs_report_new(const char *title, const char *subtitle)
{
	struct cs_report *r = xcalloc(1, sizeof *r);

	r->title = xstrdup(title);
	r->subtitle = xstrdup(subtitle);
	return r;
}

void
cs_report_free(struct cs_report *r)
{
	size_t i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->nweeks; i++)
		free(r->week_labels[i]);
	free(r->week_labels);
	for (i = 0; i < r->nfigures; i++) {
		struct cs_report_figure *f = &r->figures[i];

		free(f->name);
		free(f->value);
		free(f->prev);
		free(f->change);
		free(f->trend);
	}
	free(r->figures);
	for (i = 0; i < r->ncharts; i++) {
		struct cs_report_chart *c = &r->charts[i];

		for (j = 0; j < c->nseries; j++) {
			free(c->names[j]);
			free(c->values[j]);
		}
		free(c->names);
		free(c->values);
		free(c->title);
	}
	free(r->charts);
	for (i = 0; i < r->ntables; i++) {
		struct cs_report_table *t = &r->tables[i];

		for (j = 0; j < t->ncols; j++)
			free(t->cols[j]);
		for (j = 0; j < t->nrows * t->ncols; j++)
			free(t->cells[j]);
		free(t->cols);
		free(t->numeric);
		free(t->cells);
		free(t->title);
		free(t->note);
	}
	free(r->tables);
	for (i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->notes);
	free(r->title);
	free(r->subtitle);
	free(r);
}

char *
cs_report_number(char *out, size_t size, double v, int decimals)
{
	char *dot, *end;

	if (isnan(v)) {
		out[0] = '\0';
		return out;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	snprintf(out, size, "%.*f", decimals, v);
	dot = strchr(out, '.');
	if (dot) {
		end = out + strlen(out) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	if (strcmp(out, "-0") == 0)
		strcpy(out, "0");
	return out;
}

static char *
with_unit(double v, const char *unit, int decimals)
{
	char num[64], out[96];

	if (isnan(v))
		return xstrdup("");
	cs_report_number(num, sizeof num, v, decimals);
	snprintf(out, sizeof out, "%s%s%s", num, unit && *unit && strcmp(unit, "%") ? " " : "",
	        unit ? unit : "");
	return xstrdup(out);
}

struct cs_report_figure *
cs_report_add_figure(struct cs_report *r, const char *name, int up_is_good, const double *trend,
        size_t ntrend, const char *unit, int decimals)
{
	struct cs_report_figure *f;
	size_t cap = r->nfigures;
	double cur = ntrend ? trend[ntrend - 1] : NAN, prev = ntrend > 1 ? trend[ntrend - 2] : NAN;

	r->figures = xgrow(r->figures, &cap, r->nfigures + 1, sizeof *r->figures);
	f = &r->figures[r->nfigures++];
	memset(f, 0, sizeof *f);
	f->name = xstrdup(name);
	f->up_is_good = up_is_good;
	f->trend = xcalloc(ntrend ? ntrend : 1, sizeof *f->trend);
	if (ntrend)
		memcpy(f->trend, trend, ntrend * sizeof *trend);
	f->ntrend = ntrend;
	f->value = with_unit(cur, unit, decimals);
	f->prev = with_unit(prev, unit, decimals);
	if (isnan(cur) || isnan(prev)) {
		f->change = xstrdup("");
		f->dir = CS_DIR_NONE;
		f->good = CS_GOOD_NEUTRAL;
	} else {
		char num[64], buf[80];
		double scale = pow(10, decimals);
		/* The change between the values as printed, so that 38% after
		 * 38.7% reads -0.7 and not the -0.6 of the unrounded values. */
		double d = (round(cur * scale) - round(prev * scale)) / scale;

		/* The change is rounded as the values are, so that equal
		 * printed values never show an arrow. */
		cs_report_number(num, sizeof num, d, decimals);
		if (strcmp(num, "0") == 0) {
			f->dir = CS_DIR_FLAT;
			f->good = CS_GOOD_NEUTRAL;
			f->change = xstrdup("0");
		} else {
			f->dir = d > 0 ? CS_DIR_UP : CS_DIR_DOWN;
			snprintf(buf, sizeof buf, "%s%s", d > 0 ? "+" : "", num);
			f->change = xstrdup(buf);
			if (up_is_good < 0)
				f->good = CS_GOOD_NEUTRAL;
			else
				f->good = (d > 0) == (up_is_good == 1) ? CS_GOOD_YES : CS_GOOD_NO;
		}
	}
	return f;
}

struct cs_report_chart *
cs_report_add_chart(struct cs_report *r, const char *title, int bars, size_t npoints)
{
	struct cs_report_chart *c;
	size_t cap = r->ncharts;

	r->charts = xgrow(r->charts, &cap, r->ncharts + 1, sizeof *r->charts);
	c = &r->charts[r->ncharts++];
	memset(c, 0, sizeof *c);
	c->title = xstrdup(title);
	c->bars = bars;
	c->npoints = npoints;
	return c;
}

void
cs_report_chart_series(struct cs_report_chart *c, const char *name, const double *values)
{
	size_t cap = c->nseries, cap2 = c->nseries;

	c->names = xgrow(c->names, &cap, c->nseries + 1, sizeof *c->names);
	c->values = xgrow(c->values, &cap2, c->nseries + 1, sizeof *c->values);
	c->names[c->nseries] = xstrdup(name);
	c->values[c->nseries] = xcalloc(c->npoints ? c->npoints : 1, sizeof(double));
	if (c->npoints)
		memcpy(c->values[c->nseries], values, c->npoints * sizeof(double));
	c->nseries++;
}

struct cs_report_table *
cs_report_add_table(struct cs_report *r, const char *title, size_t ncols, const char *const *cols)
{
	struct cs_report_table *t;
	size_t cap = r->ntables, i;

	r->tables = xgrow(r->tables, &cap, r->ntables + 1, sizeof *r->tables);
	t = &r->tables[r->ntables++];
	memset(t, 0, sizeof *t);
	t->title = xstrdup(title);
	t->ncols = ncols;
	t->cols = xcalloc(ncols, sizeof *t->cols);
	t->numeric = xcalloc(ncols, sizeof *t->numeric);
	for (i = 0; i < ncols; i++)
		t->cols[i] = xstrdup(cols[i]);
	/* Columns are numeric until a row says otherwise. */
	for (i = 0; i < ncols; i++)
		t->numeric[i] = i > 0;
	return t;
}

void
cs_report_table_note(struct cs_report_table *t, const char *note)
{
	free(t->note);
	t->note = xstrdup(note);
}

static int
looks_numeric(const char *s)
{
	char *end;

	if (*s == '\0')
		return 1;
	strtod(s, &end);
	return end != s && (*end == '\0' || strcmp(end, "%") == 0);
}

void
cs_report_table_row(struct cs_report_table *t, const char *const *cells)
{
	size_t cap = t->nrows * t->ncols, i;

	t->cells = xgrow(t->cells, &cap, (t->nrows + 1) * t->ncols, sizeof *t->cells);
	for (i = 0; i < t->ncols; i++) {
		const char *s = cells[i] ? cells[i] : "";

		t->cells[t->nrows * t->ncols + i] = xstrdup(s);
		if (!looks_numeric(s))
			t->numeric[i] = 0;
	}
	t->nrows++;
}

void
cs_report_add_note(struct cs_report *r, const char *fmt, ...)
{
	struct cs_buf b;
	va_list ap;
	size_t cap = r->nnotes;

	cs_buf_init(&b);
	va_start(ap, fmt);
	cs_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	r->notes = xgrow(r->notes, &cap, r->nnotes + 1, sizeof *r->notes);
	r->notes[r->nnotes++] = cs_buf_detach(&b, NULL);
	cs_buf_release(&b); /* detach leaves b a fresh, allocated buffer */
}
