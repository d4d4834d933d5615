/*
 * The weekly report as data, between the model that fills it (weekly.h)
 * and the renderers that print it (render.h): headline figures with their
 * trends, the series behind the charts, and sections of plain tables.
 * Every string is owned by the report and freed by cs_report_free.
 */
#ifndef CS_REPORT_H
#define CS_REPORT_H

#include <stddef.h>

/* Which way a figure moved against the week before, and whether that is
 * good news. */
enum cs_trend_dir { CS_DIR_NONE, CS_DIR_UP, CS_DIR_DOWN, CS_DIR_FLAT };
enum cs_good { CS_GOOD_NEUTRAL, CS_GOOD_YES, CS_GOOD_NO };

struct cs_report_figure {
	char *name; /* "FRT p50" */
	char *value; /* "42.5 min", "" when unknown */
	char *prev; /* last week's value, "" when unknown */
	char *change; /* "+3.1", "" when unknown */
	enum cs_trend_dir dir;
	enum cs_good good;
	int up_is_good; /* 1, 0 (down is good) or -1 (neither) */
	double *trend; /* oldest first; NaN for unknown weeks */
	size_t ntrend;
};

struct cs_report_table {
	char *title;
	char *note; /* a sentence under the title, or NULL */
	size_t ncols, nrows;
	char **cols;
	int *numeric; /* right-aligned columns */
	char **cells; /* nrows x ncols, "" for unknown */
};

/* A chart over the weeks: one or more series (bars or lines). */
struct cs_report_chart {
	char *title;
	int bars; /* 1: grouped bars, 0: lines */
	size_t nseries, npoints;
	char **names;
	double **values; /* [series][point], NaN for unknown */
};

struct cs_report {
	char *title; /* "Support weekly 2026-W46" */
	char *subtitle; /* "2026-11-09 to 2026-11-15 (UTC)" */
	size_t nweeks;
	char **week_labels; /* oldest first, the report week last */
	struct cs_report_figure *figures;
	size_t nfigures;
	struct cs_report_chart *charts;
	size_t ncharts;
	struct cs_report_table *tables;
	size_t ntables;
	char **notes; /* sections skipped, inputs missing */
	size_t nnotes;
};

struct cs_report *cs_report_new(const char *title, const char *subtitle);
void cs_report_free(struct cs_report *r);

struct cs_report_figure *cs_report_add_figure(struct cs_report *r, const char *name, int up_is_good,
        const double *trend, size_t ntrend, const char *unit, int decimals);
struct cs_report_chart *cs_report_add_chart(
        struct cs_report *r, const char *title, int bars, size_t npoints);
void cs_report_chart_series(struct cs_report_chart *c, const char *name, const double *values);
struct cs_report_table *cs_report_add_table(
        struct cs_report *r, const char *title, size_t ncols, const char *const *cols);
void cs_report_table_note(struct cs_report_table *t, const char *note);
/* Appends a row of ncols strings (NULL is ""). */
void cs_report_table_row(struct cs_report_table *t, const char *const *cells);
void cs_report_add_note(struct cs_report *r, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* A number as the report writes it: at most `decimals` decimals, trailing
 * zeros dropped, "" for NaN. */
char *cs_report_number(char *out, size_t size, double v, int decimals);

#endif
