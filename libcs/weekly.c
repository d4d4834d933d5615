/*
 * The weekly report's model; see weekly.h.
 *
 * Tickets feed five aggregations at once: the metrics of every week
 * (headline figures and trends), the metrics by team, channel and priority
 * (breakdowns of the report week), the backlog age at the end of the
 * report week, and a short list of the oldest tickets still open then.
 * The optional files become their own sections; their tables are kept
 * aside and appended after the ticket sections when the report is built.
 */
#include "libcs/weekly.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcs/csv.h"
#include "libcs/metrics.h"
#include "libcs/period.h"
#include "libcs/survey.h"
#include "libcs/xalloc.h"

#define NBREAK 3 /* team, channel, priority */

struct slow {
	int64_t created;
	char *id, *team, *priority, *status, *subject;
};

struct cs_weekly {
	struct cs_weekly_options o;
	int64_t start, end; /* instants bounding the report week */
	struct cs_metrics *all, *by[NBREAK];
	struct cs_backlog_age *age, *age_team;
	struct cs_nps *nps;
	int have_surveys;
	struct slow *slow; /* sorted oldest first, at most o.slowest */
	size_t nslow;
	long tickets;
	struct cs_report *aux; /* sections from the optional files */
};

static const char *const break_names[NBREAK] = {"team", "channel", "priority"};

struct cs_weekly *
cs_weekly_new(const struct cs_weekly_options *o)
{
	struct cs_weekly *w = xcalloc(1, sizeof *w);
	struct cs_metrics_options mo;
	int i;

	w->o = *o;
	if (w->o.weeks < 2)
		w->o.weeks = 2;
	w->start = cs_pord_start(CS_PERIOD_WEEK, o->tz, o->week);
	w->end = cs_pord_start(CS_PERIOD_WEEK, o->tz, o->week + 1);
	memset(&mo, 0, sizeof mo);
	mo.period = CS_PERIOD_WEEK;
	mo.tz = o->tz;
	mo.business = o->business;
	mo.hours = o->hours;
	mo.sla = o->sla;
	/* The report judges open tickets as they stood at the end of the week. */
	mo.as_of = w->end;
	w->all = cs_metrics_new(&mo, 0);
	for (i = 0; i < NBREAK; i++)
		w->by[i] = cs_metrics_new(&mo, 1);
	w->age = cs_backlog_age_new(0, w->end - 1);
	w->age_team = cs_backlog_age_new(1, w->end - 1);
	w->nps = cs_nps_new(0);
	w->slow = xcalloc(o->slowest > 0 ? (size_t)o->slowest : 1, sizeof *w->slow);
	w->aux = cs_report_new("", "");
	return w;
}

static void
slow_release(struct slow *s)
{
	free(s->id);
	free(s->team);
	free(s->priority);
	free(s->status);
	free(s->subject);
}

void
cs_weekly_free(struct cs_weekly *w)
{
	size_t i;

	if (w == NULL)
		return;
	cs_metrics_free(w->all);
	for (i = 0; i < NBREAK; i++)
		cs_metrics_free(w->by[i]);
	cs_backlog_age_free(w->age);
	cs_backlog_age_free(w->age_team);
	cs_nps_free(w->nps);
	for (i = 0; i < w->nslow; i++)
		slow_release(&w->slow[i]);
	free(w->slow);
	cs_report_free(w->aux);
	free(w);
}

static char *
dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

/* Keeps the oldest open tickets at the end of the week, oldest first. */
static void
consider_slow(struct cs_weekly *w, const struct cs_ticket *t)
{
	size_t k = (size_t)w->o.slowest, i;
	struct slow s;

	if (k == 0 || t->created_at >= w->end ||
	        (t->solved_at != CS_UNKNOWN && t->solved_at < w->end))
		return;
	if (w->nslow == k && t->created_at >= w->slow[k - 1].created)
		return;
	s.created = t->created_at;
	s.id = dup_or_empty(t->id);
	s.team = dup_or_empty(t->team);
	s.priority = xstrdup(cs_priority_name(t->priority));
	s.status = xstrdup(cs_status_name(t->status));
	s.subject = dup_or_empty(t->subject);
	if (w->nslow == k) {
		slow_release(&w->slow[k - 1]);
		w->nslow--;
	}
	i = w->nslow;
	while (i > 0 && w->slow[i - 1].created > s.created) {
		w->slow[i] = w->slow[i - 1];
		i--;
	}
	w->slow[i] = s;
	w->nslow++;
}

void
cs_weekly_add_ticket(
        struct cs_weekly *w, const struct cs_ticket *t, const char *match, size_t match_len)
{
	const char *keys[1];
	size_t lens[1];
	int i;

	w->tickets++;
	cs_metrics_add(w->all, NULL, NULL, t, match, match_len);
	for (i = 0; i < NBREAK; i++) {
		if (i == 0)
			keys[0] = t->team ? t->team : "";
		else if (i == 1)
			keys[0] = cs_channel_name(t->channel);
		else
			keys[0] = cs_priority_name(t->priority);
		lens[0] = strlen(keys[0]);
		cs_metrics_add(w->by[i], keys, lens, t, match, match_len);
	}
	cs_backlog_age_add(w->age, NULL, NULL, t);
	keys[0] = t->team ? t->team : "";
	lens[0] = strlen(keys[0]);
	cs_backlog_age_add(w->age_team, keys, lens, t);
	consider_slow(w, t);
}

/* Opening an optional input and finding its columns. */
struct input {
	const struct cs_weekly *w;
	struct cs_csv_reader *rd;
	const struct cs_row *h;
	const char *name;
	long bad;
	char first_bad[160];
	struct cs_error first; /* the first bad row, for --strict */
};

static int
input_open(struct input *in, const struct cs_weekly *w, const char *path, struct cs_error *err)
{
	struct cs_csv_options opt;

	memset(in, 0, sizeof *in);
	in->w = w;
	cs_csv_options_init(&opt);
	opt.encoding = w->o.encoding;
	in->rd = cs_csv_open(path, &opt, err);
	if (in->rd == NULL)
		return -1;
	in->h = cs_csv_header(in->rd);
	in->name = cs_csv_name(in->rd);
	return 0;
}

static int
input_require(struct input *in, const char *col, const char *kind, struct cs_error *err)
{
	int c = cs_csv_column(in->h, col);

	if (c < 0)
		cs_error_set(err, in->name, 1, "not a %s file: no column '%s'", kind, col);
	return c;
}

/* A bad row of an optional input: counted for the report's note, written
 * to the rejects file when there is one, kept for --strict. */
static void
input_bad(struct input *in, const struct cs_row *row, const char *why)
{
	struct cs_error e;

	cs_error_set(&e, in->name, row->line, "%s", why);
	if (in->w->o.rejects)
		cs_rejects_add(in->w->o.rejects, &e, row);
	if (in->bad++ == 0) {
		snprintf(in->first_bad, sizeof in->first_bad, "line %ld: %.120s", row->line, why);
		in->first = e;
	}
}

/* Closes an input; rc is the reading's status, returned unless --strict
 * turns a bad row into the error. */
static int
input_close(struct cs_weekly *w, struct input *in, int rc, struct cs_error *err)
{
	/* in->name belongs to the reader: every use comes before the close. */
	if (rc >= 0 && in->bad && w->o.strict) {
		*err = in->first;
		rc = -1;
	} else if (rc >= 0 && in->bad) {
		cs_report_add_note(w->aux, "%s: %ld row%s left out (first at %s)", in->name,
		        in->bad, in->bad == 1 ? "" : "s", in->first_bad);
	}
	cs_csv_close(in->rd);
	return rc < 0 ? -1 : 0;
}

int
cs_weekly_load_surveys(struct cs_weekly *w, const char *path, struct cs_error *err)
{
	struct input in;
	struct cs_row row;
	struct cs_survey_columns sc;
	int rc;

	if (input_open(&in, w, path, err) < 0)
		return -1;
	if (cs_survey_bind(&sc, in.h, in.name, err) < 0) {
		cs_csv_close(in.rd);
		return -1;
	}
	w->have_surveys = 1;
	while ((rc = cs_csv_read(in.rd, &row, err)) > 0) {
		struct cs_survey sv;
		struct cs_error bad;
		int64_t ord;

		if (row.problem) {
			input_bad(&in, &row, row.problem);
			continue;
		}
		if (cs_survey_read(&sc, &row, in.name, &sv, &bad) < 0) {
			input_bad(&in, &row, bad.msg);
			continue;
		}
		if (!sv.is_nps)
			continue;
		/* Only the weeks of the trends matter (and a stray year cannot
		 * stretch the table). */
		ord = cs_pord_of(CS_PERIOD_WEEK, w->o.tz, sv.answered_at);
		if (ord > w->o.week - w->o.weeks && ord <= w->o.week)
			cs_nps_add(w->nps, NULL, NULL, ord, sv.score);
	}
	return input_close(w, &in, rc, err);
}

/* Health: band counts, biggest movers, accounts at risk. */

struct hrow {
	char *account, *name, *band, *renewal, *days, *trend, *risk;
	double score, delta;
};

static int
cmp_mover(const void *a, const void *b)
{
	const struct hrow *x = a, *y = b;
	double dx = fabs(x->delta), dy = fabs(y->delta);

	if (dx != dy)
		return dx < dy ? 1 : -1;
	return strcmp(x->account, y->account);
}

static int
cmp_renewal(const void *a, const void *b)
{
	const struct hrow *x = a, *y = b;
	int c;

	/* Soonest renewal first; unknown renewals last. */
	if (!*x->renewal != !*y->renewal)
		return *x->renewal ? -1 : 1;
	c = strcmp(x->renewal, y->renewal);
	return c ? c : strcmp(x->account, y->account);
}

/* The number in column c, NaN when empty or not a plain decimal:
 * cs_row_number refuses the hex, words and infinities strtod would take. */
static double
num_or_nan(const struct cs_row *row, int c)
{
	double v;

	return cs_row_number(row, c, &v) == 0 ? v : NAN;
}

static char *
field_dup(const struct cs_row *row, int c)
{
	size_t len;
	const char *s = cs_row_field(row, c, &len);

	return xstrndup(s, len);
}

static int
band_rank(const char *b)
{
	static const char *const order[] = {"green", "healthy", "good", "yellow", "neutral",
	        "amber", "at_risk", "at-risk", "red", "poor", "critical"};
	size_t i;

	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		if (strcasecmp(b, order[i]) == 0)
			return (int)i;
	return 100;
}

static int
band_cmp(const char *a, const char *b)
{
	int ra = band_rank(a), rb = band_rank(b);

	return ra != rb ? (ra < rb ? -1 : 1) : strcmp(a, b);
}

/* A date from a date or an instant ("2027-01-25T00:00:00Z"): the reader of
 * a report wants the day. */
static char *
date_part(const struct cs_row *row, int c)
{
	size_t len;
	const char *s = cs_row_field(row, c, &len);

	if (len > 10 && s[4] == '-' && s[7] == '-' && s[10] == 'T')
		len = 10;
	return xstrndup(s, len);
}

int
cs_weekly_load_health(struct cs_weekly *w, const char *path, struct cs_error *err)
{
	struct input in;
	struct cs_row row;
	int cacc, cname, cscore, cband, cdelta, crisk, cren, cdays, ctrend, rc;
	struct hrow *rows = NULL;
	size_t n = 0, cap = 0, i, j;
	char **bands = NULL;
	long *counts = NULL;
	size_t nb = 0, bcap = 0, ccap = 0;
	char num[64], num2[64];
	struct cs_report_table *t;

	if (input_open(&in, w, path, err) < 0)
		return -1;
	if ((cacc = input_require(&in, "account", "health", err)) < 0 ||
	        (cscore = input_require(&in, "score", "health", err)) < 0) {
		cs_csv_close(in.rd);
		return -1;
	}
	cname = cs_csv_column(in.h, "name");
	cband = cs_csv_column(in.h, "band");
	cdelta = cs_csv_column(in.h, "delta");
	crisk = cs_csv_column(in.h, "churn_risk");
	cren = cs_csv_column(in.h, "renewal_at");
	cdays = cs_csv_column(in.h, "days_to_renewal");
	ctrend = cs_csv_column(in.h, "trend");
	while ((rc = cs_csv_read(in.rd, &row, err)) > 0) {
		struct hrow *h;

		if (row.problem) {
			input_bad(&in, &row, row.problem);
			continue;
		}
		rows = xgrow(rows, &cap, n + 1, sizeof *rows);
		h = &rows[n++];
		h->account = field_dup(&row, cacc);
		h->name = field_dup(&row, cname);
		h->band = field_dup(&row, cband);
		h->renewal = date_part(&row, cren);
		h->days = field_dup(&row, cdays);
		h->trend = field_dup(&row, ctrend);
		h->risk = field_dup(&row, crisk);
		h->score = num_or_nan(&row, cscore);
		h->delta = num_or_nan(&row, cdelta);
	}
	if (rc < 0)
		goto done;
	t = NULL;
	if (cband >= 0) {
		const char *cols[] = {"band", "accounts"};

		for (i = 0; i < n; i++) {
			const char *b = *rows[i].band ? rows[i].band : "(none)";

			for (j = 0; j < nb && strcmp(bands[j], b); j++)
				;
			if (j == nb) {
				bands = xgrow(bands, &bcap, nb + 1, sizeof *bands);
				counts = xgrow(counts, &ccap, nb + 1, sizeof *counts);
				bands[nb] = xstrdup(b);
				counts[nb++] = 0;
			}
			counts[j]++;
		}
		/* Bands from best to worst where their names say so, the others
		 * after them in byte order. */
		for (i = 1; i < nb; i++) {
			size_t k = i;

			while (k > 0 && band_cmp(bands[k - 1], bands[k]) > 0) {
				char *tb = bands[k];
				long tc = counts[k];

				bands[k] = bands[k - 1];
				counts[k] = counts[k - 1];
				bands[k - 1] = tb;
				counts[k - 1] = tc;
				k--;
			}
		}
		t = cs_report_add_table(w->aux, "Customer health: accounts by band", 2, cols);
		for (j = 0; j < nb; j++) {
			const char *r[2];

			snprintf(num, sizeof num, "%ld", counts[j]);
			r[0] = bands[j];
			r[1] = num;
			cs_report_table_row(t, r);
		}
	}
	if (cdelta >= 0) {
		const char *cols[] = {"account", "name", "score", "delta", "band"};
		size_t shown = 0, compared = 0;

		for (i = 0; i < n; i++)
			compared += !isnan(rows[i].delta);
		if (n)
			qsort(rows, n, sizeof *rows, cmp_mover);
		t = cs_report_add_table(w->aux, "Customer health: biggest movers", 5, cols);
		for (i = 0; i < n && shown < 10; i++) {
			const char *r[5];

			if (isnan(rows[i].delta) || rows[i].delta == 0)
				continue;
			cs_report_number(num, sizeof num, rows[i].score, 1);
			cs_report_number(num2, sizeof num2, rows[i].delta, 1);
			if (rows[i].delta > 0) {
				memmove(num2 + 1, num2, strlen(num2) + 1);
				num2[0] = '+';
			}
			r[0] = rows[i].account;
			r[1] = rows[i].name;
			r[2] = num;
			r[3] = num2;
			r[4] = rows[i].band;
			cs_report_table_row(t, r);
			shown++;
		}
		if (compared == 0)
			cs_report_table_note(t,
			        "No previous scores to compare with: run "
			        "cs-score health with --previous.");
		else if (shown == 0)
			cs_report_table_note(t, "No score moved since the previous run.");
	}
	if (crisk >= 0) {
		const char *cols[] = {"account", "name", "score", "band", "renewal", "days"};
		size_t shown = 0, total = 0;

		if (n)
			qsort(rows, n, sizeof *rows, cmp_renewal);
		t = cs_report_add_table(w->aux, "Customer health: accounts at risk", 6, cols);
		for (i = 0; i < n; i++) {
			const char *r[6];

			if (strcasecmp(rows[i].risk, "high") != 0)
				continue;
			total++;
			if (shown >= 20)
				continue;
			cs_report_number(num, sizeof num, rows[i].score, 1);
			r[0] = rows[i].account;
			r[1] = rows[i].name;
			r[2] = num;
			r[3] = rows[i].band;
			r[4] = rows[i].renewal;
			r[5] = rows[i].days;
			cs_report_table_row(t, r);
			shown++;
		}
		if (total == 0)
			cs_report_table_note(t, "No account has a high churn risk.");
		else if (total > shown) {
			snprintf(num, sizeof num, "%zu more not shown.", total - shown);
			cs_report_table_note(t, num);
		}
	}
	if (t == NULL)
		cs_report_add_note(w->aux,
		        "%s: no band, delta or churn_risk column, so no health section", in.name);
done:
	for (i = 0; i < n; i++) {
		free(rows[i].account);
		free(rows[i].name);
		free(rows[i].band);
		free(rows[i].renewal);
		free(rows[i].days);
		free(rows[i].trend);
		free(rows[i].risk);
	}
	free(rows);
	for (j = 0; j < nb; j++)
		free(bands[j]);
	free(bands);
	free(counts);
	return input_close(w, &in, rc, err);
}

struct frow {
	char *f[4]; /* account, flag, severity, reason */
	int rank;
	size_t order;
};

static int
severity_rank(const char *s)
{
	if (strcasecmp(s, "critical") == 0 || strcasecmp(s, "high") == 0)
		return 0;
	if (strcasecmp(s, "medium") == 0)
		return 1;
	if (strcasecmp(s, "low") == 0)
		return 2;
	return 3;
}

static int
cmp_flag(const void *a, const void *b)
{
	const struct frow *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

int
cs_weekly_load_flags(struct cs_weekly *w, const char *path, struct cs_error *err)
{
	struct input in;
	struct cs_row row;
	int cacc, cflag, csev, creason, cstatus, rc;
	const char *cols[] = {"account", "flag", "severity", "reason"};
	struct cs_report_table *t;
	struct frow *rows = NULL;
	size_t n = 0, cap = 0, i, k;

	if (input_open(&in, w, path, err) < 0)
		return -1;
	if ((cacc = input_require(&in, "account", "flags", err)) < 0 ||
	        (cflag = input_require(&in, "flag", "flags", err)) < 0) {
		cs_csv_close(in.rd);
		return -1;
	}
	csev = cs_csv_column(in.h, "severity");
	creason = cs_csv_column(in.h, "reason");
	cstatus = cs_csv_column(in.h, "status");
	while ((rc = cs_csv_read(in.rd, &row, err)) > 0) {
		size_t len;
		const char *st = cs_row_field(&row, cstatus, &len);

		if (row.problem) {
			input_bad(&in, &row, row.problem);
			continue;
		}
		/* Without a status column every flag is new. */
		if (cstatus >= 0 && !(len == 3 && strncasecmp(st, "new", 3) == 0))
			continue;
		rows = xgrow(rows, &cap, n + 1, sizeof *rows);
		rows[n].f[0] = field_dup(&row, cacc);
		rows[n].f[1] = field_dup(&row, cflag);
		rows[n].f[2] = field_dup(&row, csev);
		rows[n].f[3] = field_dup(&row, creason);
		rows[n].rank = severity_rank(rows[n].f[2]);
		rows[n].order = n;
		n++;
	}
	/* The most severe first; within a severity, the order of the file. */
	if (n)
		qsort(rows, n, sizeof *rows, cmp_flag);
	t = cs_report_add_table(w->aux, "New flags", 4, cols);
	for (i = 0; i < n && i < 50; i++)
		cs_report_table_row(t, (const char *const *)rows[i].f);
	if (n == 0) {
		cs_report_table_note(t, "No new flags.");
	} else if (n > 50) {
		char note[96];

		snprintf(note, sizeof note, "The 50 most severe of %zu new flags.", n);
		cs_report_table_note(t, note);
	}
	for (i = 0; i < n; i++)
		for (k = 0; k < 4; k++)
			free(rows[i].f[k]);
	free(rows);
	return input_close(w, &in, rc, err);
}

/* Staffing: agent-hours per local day. */
struct day_hours {
	int64_t day;
	double req, sched, ereq, esched;
};

int
cs_weekly_load_staffing(struct cs_weekly *w, const char *path, struct cs_error *err)
{
	struct input in;
	struct cs_row row;
	int cstart, cmin, ca, cs, cah, csh, cae, cse, both, rc;
	struct day_hours *days = NULL;
	size_t n = 0, cap = 0, i;
	struct cs_report_table *t;

	if (input_open(&in, w, path, err) < 0)
		return -1;
	if ((cstart = input_require(&in, "start", "staffing", err)) < 0 ||
	        (cmin = input_require(&in, "minutes", "staffing", err)) < 0) {
		cs_csv_close(in.rd);
		return -1;
	}
	ca = cs_csv_column(in.h, "agents");
	cs = cs_csv_column(in.h, "scheduled");
	cah = cs_csv_column(in.h, "agents_healthy");
	csh = cs_csv_column(in.h, "scheduled_healthy");
	cae = cs_csv_column(in.h, "agents_emergency");
	cse = cs_csv_column(in.h, "scheduled_emergency");
	both = cah >= 0 && csh >= 0 && cae >= 0 && cse >= 0;
	if (!both && (ca < 0 || cs < 0)) {
		cs_csv_close(in.rd);
		return cs_error_set(err, in.name, 1,
		        "not a staffing plan: needs 'agents' and 'scheduled', or the "
		        "_healthy and _emergency columns");
	}
	while ((rc = cs_csv_read(in.rd, &row, err)) > 0) {
		size_t len;
		const char *s = cs_row_field(&row, cstart, &len);
		int64_t at, day;
		double m, v[4];
		int k;

		if (row.problem) {
			input_bad(&in, &row, row.problem);
			continue;
		}
		if (cs_time_parse(s, len, CS_ORDER_YMD, NULL, &at) != CS_PARSE_OK) {
			input_bad(&in, &row, "bad start");
			continue;
		}
		m = num_or_nan(&row, cmin);
		for (k = 0; k < 4; k++) {
			int c = both ? (k == 0                  ? cah
			                               : k == 1 ? csh
			                               : k == 2 ? cae
			                                        : cse)
			             : (k == 0                  ? ca
			                               : k == 1 ? cs
			                                        : -1);

			v[k] = c < 0 ? 0 : num_or_nan(&row, c);
		}
		if (isnan(m) || m <= 0 || isnan(v[0]) || isnan(v[1]) || isnan(v[2]) ||
		        isnan(v[3])) {
			input_bad(&in, &row, "bad minutes or agents");
			continue;
		}
		day = cs_pord_of(CS_PERIOD_DAY, w->o.tz, at);
		for (i = 0; i < n && days[i].day != day; i++)
			;
		if (i == n) {
			days = xgrow(days, &cap, n + 1, sizeof *days);
			memset(&days[n], 0, sizeof *days);
			days[n++].day = day;
		}
		days[i].req += v[0] * m / 60;
		days[i].sched += v[1] * m / 60;
		days[i].ereq += v[2] * m / 60;
		days[i].esched += v[3] * m / 60;
	}
	if (rc < 0)
		goto done;
	/* Days in order (plans are short: a simple insertion sort). */
	for (i = 1; i < n; i++) {
		struct day_hours d = days[i];
		size_t j = i;

		while (j > 0 && days[j - 1].day > d.day) {
			days[j] = days[j - 1];
			j--;
		}
		days[j] = d;
	}
	if (both) {
		const char *cols[] = {
		        "day", "req h", "sched h", "emerg req h", "emerg sched h", "extra h"};

		t = cs_report_add_table(w->aux, "Staffing: agent-hours per day", 6, cols);
		cs_report_table_note(t,
		        "Required (req) and scheduled (sched) agent-hours in healthy and in "
		        "emergency mode; extra is the healthy schedule's hours over the "
		        "emergency one, which go to improvement work.");
	} else {
		const char *cols[] = {"day", "req h", "sched h", "gap h"};

		t = cs_report_add_table(w->aux, "Staffing: agent-hours per day", 4, cols);
	}
	for (i = 0; i < n; i++) {
		char d[CS_PERIOD_LABEL_LEN], a[32], b[32], c[32], e[32], f[32];
		const char *r[6];

		cs_pord_label(CS_PERIOD_DAY, days[i].day, d);
		cs_report_number(a, sizeof a, days[i].req, 1);
		cs_report_number(b, sizeof b, days[i].sched, 1);
		r[0] = d;
		r[1] = a;
		r[2] = b;
		if (both) {
			cs_report_number(c, sizeof c, days[i].ereq, 1);
			cs_report_number(e, sizeof e, days[i].esched, 1);
			cs_report_number(f, sizeof f, days[i].sched - days[i].esched, 1);
			r[3] = c;
			r[4] = e;
			r[5] = f;
		} else {
			cs_report_number(c, sizeof c, days[i].sched - days[i].req, 1);
			r[3] = c;
		}
		cs_report_table_row(t, r);
	}
	if (n == 0)
		cs_report_table_note(t, "The plan has no intervals.");
done:
	free(days);
	return input_close(w, &in, rc, err);
}

int
cs_weekly_load_shrinkage(struct cs_weekly *w, const char *path, struct cs_error *err)
{
	static const char *const want[] = {"team", "agents", "absence_pct", "leave_pct", "late_pct",
	        "training_pct", "meeting_pct", "total_pct", "vs_company_pts"};
	static const char *const shown[] = {"team", "agents", "absence", "leave", "late",
	        "training", "meeting", "total", "vs_company"};
	enum { NW = sizeof want / sizeof want[0] };
	struct input in;
	struct cs_row row;
	int col[NW], rc;
	size_t i;
	struct cs_report_table *t;
	char *company[NW] = {0};
	char nums[NW][32];

	if (input_open(&in, w, path, err) < 0)
		return -1;
	if ((col[0] = input_require(&in, "team", "shrinkage", err)) < 0 ||
	        (col[7] = input_require(&in, "total_pct", "shrinkage", err)) < 0) {
		cs_csv_close(in.rd);
		return -1;
	}
	for (i = 1; i < NW; i++)
		col[i] = cs_csv_column(in.h, want[i]);
	t = cs_report_add_table(w->aux, "Shrinkage by team (%)", NW, (const char *const *)shown);
	cs_report_table_note(t, "vs_company is in points against the whole company.");
	while ((rc = cs_csv_read(in.rd, &row, err)) > 0) {
		const char *r[NW];
		size_t len;
		const char *team;

		if (row.problem) {
			input_bad(&in, &row, row.problem);
			continue;
		}
		team = cs_row_field(&row, col[0], &len);
		/* Percentages to one decimal, as the rest of the report. */
		for (i = 0; i < NW; i++) {
			size_t vlen;
			const char *v = cs_row_field(&row, col[i], &vlen);
			double x = i >= 2 ? num_or_nan(&row, col[i]) : NAN;

			r[i] = isnan(x) ? v : cs_report_number(nums[i], sizeof nums[i], x, 1);
		}
		if (len == 1 && team[0] == '*') {
			for (i = 0; i < NW; i++) {
				free(company[i]);
				company[i] = xstrdup(i == 0 ? "company" : r[i]);
			}
			continue;
		}
		cs_report_table_row(t, r);
	}
	/* The company row closes the table, as a total would. */
	if (company[0])
		cs_report_table_row(t, (const char *const *)company);
	for (i = 0; i < NW; i++)
		free(company[i]);
	return input_close(w, &in, rc, err);
}

/* Building the report. */

static void
add_trend_figures(struct cs_weekly *w, struct cs_report *r)
{
	size_t n = (size_t)w->o.weeks, i;
	double *v[13];
	struct cs_metrics_result res;
	struct cs_nps_result nr;
	int k;

	for (k = 0; k < 13; k++)
		v[k] = xcalloc(n, sizeof(double));
	for (i = 0; i < n; i++) {
		int64_t ord = w->o.week - (int64_t)(n - 1 - i);

		cs_metrics_result(w->all, 0, ord, &res);
		v[0][i] = (double)res.created;
		v[1][i] = (double)res.solved;
		v[2][i] = (double)res.backlog;
		v[3][i] = res.frt_p50_min;
		v[4][i] = res.frt_p90_min;
		v[5][i] = res.res_p50_h;
		v[6][i] = res.res_p90_h;
		v[7][i] = res.sla_met_pct;
		v[8][i] = res.one_touch_pct;
		v[9][i] = res.reopen_pct;
		v[10][i] = res.csat_pct;
		if (w->have_surveys && cs_nps_ngroups(w->nps)) {
			cs_nps_result(w->nps, 0, ord, &nr);
			v[11][i] = nr.nps;
		} else {
			v[11][i] = NAN;
		}
		v[12][i] = NAN;
	}
	cs_report_add_figure(r, "Created", -1, v[0], n, "", 0);
	cs_report_add_figure(r, "Solved", 1, v[1], n, "", 0);
	cs_report_add_figure(r, "Backlog", 0, v[2], n, "", 0);
	cs_report_add_figure(r, "First reply p50", 0, v[3], n, "min", 1);
	cs_report_add_figure(r, "First reply p90", 0, v[4], n, "min", 1);
	cs_report_add_figure(r, "Resolution p50", 0, v[5], n, "h", 1);
	cs_report_add_figure(r, "Resolution p90", 0, v[6], n, "h", 1);
	cs_report_add_figure(r, "SLA met", 1, v[7], n, "%", 1);
	cs_report_add_figure(r, "One-touch", 1, v[8], n, "%", 1);
	cs_report_add_figure(r, "Reopened", 0, v[9], n, "%", 1);
	cs_report_add_figure(r, "CSAT", 1, v[10], n, "%", 1);
	if (w->have_surveys)
		cs_report_add_figure(r, "NPS", 1, v[11], n, "", 1);

	{
		struct cs_report_chart *c = cs_report_add_chart(r, "Created and solved", 1, n);

		cs_report_chart_series(c, "created", v[0]);
		cs_report_chart_series(c, "solved", v[1]);
		c = cs_report_add_chart(r, "Backlog at the end of each week", 0, n);
		cs_report_chart_series(c, "backlog", v[2]);
		c = cs_report_add_chart(r, "First reply time (minutes)", 0, n);
		cs_report_chart_series(c, "p50", v[3]);
		cs_report_chart_series(c, "p90", v[4]);
	}
	for (k = 0; k < 13; k++)
		free(v[k]);
}

struct keyed {
	const char *key;
	size_t group;
};

static int
cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

static void
add_breakdown(struct cs_weekly *w, struct cs_report *r, int which)
{
	struct cs_metrics *m = w->by[which];
	size_t n = cs_metrics_ngroups(m), i;
	struct keyed *k = xcalloc(n ? n : 1, sizeof *k);
	const char *cols[] = {break_names[which], "created", "solved", "backlog", "FRT p50 min",
	        "res p50 h", "SLA met %", "CSAT %"};
	char title[64];
	struct cs_report_table *t;
	long rows = 0;

	snprintf(title, sizeof title, "By %s", break_names[which]);
	t = cs_report_add_table(r, title, 8, cols);
	for (i = 0; i < n; i++) {
		k[i].key = cs_metrics_keys(m, i)[0];
		k[i].group = i;
	}
	qsort(k, n, sizeof *k, cmp_keyed);
	for (i = 0; i < n; i++) {
		struct cs_metrics_result res;
		char a[32], b[32], c[32], d[32], e[32], f[32], g[32];
		const char *row[8];

		cs_metrics_result(m, k[i].group, w->o.week, &res);
		if (res.created == 0 && res.solved == 0 && res.backlog == 0)
			continue;
		snprintf(a, sizeof a, "%ld", res.created);
		snprintf(b, sizeof b, "%ld", res.solved);
		snprintf(c, sizeof c, "%ld", res.backlog);
		cs_report_number(d, sizeof d, res.frt_p50_min, 1);
		cs_report_number(e, sizeof e, res.res_p50_h, 1);
		cs_report_number(f, sizeof f, res.sla_met_pct, 1);
		cs_report_number(g, sizeof g, res.csat_pct, 1);
		row[0] = *k[i].key ? k[i].key : "(none)";
		row[1] = a;
		row[2] = b;
		row[3] = c;
		row[4] = d;
		row[5] = e;
		row[6] = f;
		row[7] = g;
		cs_report_table_row(t, row);
		rows++;
	}
	if (rows == 0)
		cs_report_table_note(t, "No tickets this week.");
	free(k);
}

static void
age_row(struct cs_report_table *t, const char *name, const struct cs_backlog_age_result *a)
{
	char n[8][32];
	const char *row[8];
	int i;

	snprintf(n[0], sizeof n[0], "%ld", a->open);
	row[0] = name;
	row[1] = n[0];
	for (i = 0; i < CS_AGE_BUCKETS; i++) {
		snprintf(n[i + 1], sizeof n[i + 1], "%ld", a->bucket[i]);
		row[i + 2] = n[i + 1];
	}
	cs_report_number(n[6], sizeof n[6], a->oldest_age_d, 1);
	row[7] = n[6];
	cs_report_table_row(t, row);
}

static void
add_ageing(struct cs_weekly *w, struct cs_report *r)
{
	const char *cols[] = {"team", "open", "0-1d", "1-3d", "3-7d", "7-30d", "30d+", "oldest d"};
	struct cs_report_table *t =
	        cs_report_add_table(r, "Backlog age at the end of the week", 8, cols);
	size_t n = cs_backlog_age_ngroups(w->age_team), i;
	struct keyed *k = xcalloc(n ? n : 1, sizeof *k);
	struct cs_backlog_age_result a;

	for (i = 0; i < n; i++) {
		k[i].key = cs_backlog_age_keys(w->age_team, i)[0];
		k[i].group = i;
	}
	qsort(k, n, sizeof *k, cmp_keyed);
	for (i = 0; i < n; i++) {
		cs_backlog_age_result(w->age_team, k[i].group, &a);
		if (a.open)
			age_row(t, *k[i].key ? k[i].key : "(none)", &a);
	}
	if (cs_backlog_age_ngroups(w->age)) {
		cs_backlog_age_result(w->age, 0, &a);
		if (a.open)
			age_row(t, "all", &a);
		else
			cs_report_table_note(t, "No open tickets.");
	} else {
		cs_report_table_note(t, "No open tickets.");
	}
	free(k);
}

static void
add_slowest(struct cs_weekly *w, struct cs_report *r)
{
	const char *cols[] = {"id", "team", "priority", "status", "age d", "subject"};
	struct cs_report_table *t = cs_report_add_table(r, "Oldest open tickets", 6, cols);
	size_t i;

	for (i = 0; i < w->nslow; i++) {
		char age[32], subj[64];
		const char *row[6];
		size_t len = strlen(w->slow[i].subject);

		cs_report_number(age, sizeof age, (double)(w->end - w->slow[i].created) / 86400, 1);
		/* Subjects are cut at 40 bytes, on a UTF-8 character boundary. */
		if (len > 40) {
			len = 40;
			while (len > 0 && ((unsigned char)w->slow[i].subject[len] & 0xC0) == 0x80)
				len--;
			snprintf(subj, sizeof subj, "%.*s...", (int)len, w->slow[i].subject);
		} else {
			snprintf(subj, sizeof subj, "%s", w->slow[i].subject);
		}
		row[0] = w->slow[i].id;
		row[1] = w->slow[i].team;
		row[2] = w->slow[i].priority;
		row[3] = w->slow[i].status;
		row[4] = age;
		row[5] = subj;
		cs_report_table_row(t, row);
	}
	if (w->nslow == 0)
		cs_report_table_note(t, "No open tickets.");
}

struct cs_report *
cs_weekly_build(struct cs_weekly *w)
{
	char label[CS_PERIOD_LABEL_LEN], title[64], sub[128], a[CS_DATE_LEN], b[CS_DATE_LEN];
	struct cs_report *r;
	size_t i, cap;
	int64_t first_day;

	cs_metrics_finish(w->all);
	for (i = 0; i < NBREAK; i++)
		cs_metrics_finish(w->by[i]);
	cs_backlog_age_finish(w->age);
	cs_backlog_age_finish(w->age_team);
	cs_pord_label(CS_PERIOD_WEEK, w->o.week, label);
	snprintf(title, sizeof title, "Support weekly %s", label);
	first_day = w->o.week * 7 - 3;
	snprintf(sub, sizeof sub, "%s to %s (%s), %ld tickets read", cs_date_format(first_day, a),
	        cs_date_format(first_day + 6, b), w->o.tz ? cs_tz_name(w->o.tz) : "UTC",
	        w->tickets);
	r = cs_report_new(title, sub);
	r->nweeks = (size_t)w->o.weeks;
	r->week_labels = xcalloc(r->nweeks, sizeof *r->week_labels);
	for (i = 0; i < r->nweeks; i++) {
		cs_pord_label(CS_PERIOD_WEEK, w->o.week - (int64_t)(r->nweeks - 1 - i), label);
		r->week_labels[i] = xstrdup(label);
	}
	add_trend_figures(w, r);
	for (i = 0; i < NBREAK; i++)
		add_breakdown(w, r, (int)i);
	add_ageing(w, r);
	add_slowest(w, r);
	/* Move the optional sections over, then their notes. */
	cap = r->ntables;
	r->tables = xgrow(r->tables, &cap, r->ntables + w->aux->ntables, sizeof *r->tables);
	if (w->aux->ntables)
		memcpy(r->tables + r->ntables, w->aux->tables, w->aux->ntables * sizeof *r->tables);
	r->ntables += w->aux->ntables;
	w->aux->ntables = 0;
	for (i = 0; i < w->aux->nnotes; i++)
		cs_report_add_note(r, "%s", w->aux->notes[i]);
	return r;
}
