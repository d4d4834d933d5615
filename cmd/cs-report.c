/*
 * cs-report: support metrics at the prompt and the weekly report that cron
 * mails.  Option parsing and glue only; the figures come from
 * libcs/metrics.c and libcs/weekly.c, the renderings from libcs/render*.c.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cmd/common.h"
#include "libcs/buf.h"
#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/datetime.h"
#include "libcs/hours.h"
#include "libcs/metrics.h"
#include "libcs/period.h"
#include "libcs/rejects.h"
#include "libcs/render.h"
#include "libcs/sla.h"
#include "libcs/survey.h"
#include "libcs/ticket.h"
#include "libcs/weekly.h"
#include "libcs/xalloc.h"

/* The instants a ticket may hold: 1970-01-01 to the end of 2099. */
#define TIME_MIN ((int64_t)0)
#define TIME_MAX ((int64_t)4102444800)

enum {
	OPT_AS_OF = CHAR_MAX + 1,
	OPT_BUSINESS,
	OPT_BY,
	OPT_ENCODING,
	OPT_FLAGS,
	OPT_FORMAT,
	OPT_FROM,
	OPT_HEALTH,
	OPT_HELP,
	OPT_HOURS,
	OPT_PERIOD,
	OPT_REJECTS,
	OPT_SHRINKAGE,
	OPT_SINCE,
	OPT_SLA,
	OPT_STAFFING,
	OPT_STRICT,
	OPT_SUBJECT,
	OPT_SURVEYS,
	OPT_TICKETS,
	OPT_TO,
	OPT_TZ,
	OPT_UNTIL,
	OPT_VERSION,
	OPT_WEEK,
	OPT_WEEKS,
};

static const struct option longopts[] = {
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"business", no_argument, NULL, OPT_BUSINESS},
        {"by", required_argument, NULL, OPT_BY},
        {"delimiter", required_argument, NULL, 'd'},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"flags", required_argument, NULL, OPT_FLAGS},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"from", required_argument, NULL, OPT_FROM},
        {"health", required_argument, NULL, OPT_HEALTH},
        {"help", no_argument, NULL, OPT_HELP},
        {"hours", required_argument, NULL, OPT_HOURS},
        {"output", required_argument, NULL, 'o'},
        {"period", required_argument, NULL, OPT_PERIOD},
        {"rejects", required_argument, NULL, OPT_REJECTS},
        {"shrinkage", required_argument, NULL, OPT_SHRINKAGE},
        {"since", required_argument, NULL, OPT_SINCE},
        {"sla", required_argument, NULL, OPT_SLA},
        {"staffing", required_argument, NULL, OPT_STAFFING},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"subject", required_argument, NULL, OPT_SUBJECT},
        {"surveys", required_argument, NULL, OPT_SURVEYS},
        {"tickets", required_argument, NULL, OPT_TICKETS},
        {"to", required_argument, NULL, OPT_TO},
        {"tsv", no_argument, NULL, 't'},
        {"tz", required_argument, NULL, OPT_TZ},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"version", no_argument, NULL, OPT_VERSION},
        {"week", required_argument, NULL, OPT_WEEK},
        {"weeks", required_argument, NULL, OPT_WEEKS},
        {NULL, 0, NULL, 0},
};

static void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Try '%s --help' for more information.\n", cs_progname());
		exit(status);
	}
	printf("Usage: cs-report metrics [OPTION]... [FILE]\n"
	       "  or:  cs-report nps [OPTION]... [FILE]\n"
	       "  or:  cs-report backlog [OPTION]... [FILE]\n"
	       "  or:  cs-report weekly --tickets FILE [OPTION]...\n"
	       "Support metrics from canonical tickets (cs-import's output), and the weekly\n"
	       "report that cron mails.\n"
	       "\n"
	       "Verbs:\n"
	       "  metrics    one row per period and group: created, solved, backlog, first\n"
	       "             reply, resolution, SLA, one-touch, reopens, CSAT\n"
	       "  nps        one row per period and group of survey answers: NPS\n"
	       "  backlog    open tickets by age bucket, with the oldest\n"
	       "  weekly     the weekly report (text, Markdown, HTML or a MIME message)\n"
	       "\n"
	       "Options of metrics, nps and backlog:\n"
	       "      --period P       day, week (default) or month\n"
	       "      --by COLS        group by these columns (comma-separated)\n"
	       "      --since D        first period to show (the one holding D)\n"
	       "      --until D        last period to show (the one holding D)\n"
	       "      --as-of TIME     judge open tickets at TIME (default: the latest\n"
	       "                       instant in the data)\n"
	       "  -d, --delimiter C    input delimiter (default: detected)\n"
	       "      --encoding ENC   input encoding: utf-8, cp1252 or latin1 (UTF-16\n"
	       "                       with a BOM is detected)\n"
	       "  -t, --tsv            write TSV instead of CSV\n"
	       "      --rejects FILE   write rejected rows to FILE (file, line, reason,\n"
	       "                       record)\n"
	       "      --strict         stop at the first bad row instead of rejecting it\n"
	       "\n"
	       "Options of metrics and weekly:\n"
	       "      --business       durations in business minutes\n"
	       "      --hours FILE     business-hours calendar (see cs-report(1))\n"
	       "      --sla FILE       SLA targets per priority (default: built-in targets)\n"
	       "      --tz ZONE        cut periods in ZONE (default: UTC)\n"
	       "\n"
	       "Options of weekly:\n"
	       "      --tickets FILE   canonical tickets (required)\n"
	       "      --surveys FILE   survey answers, for NPS\n"
	       "      --health FILE    cs-score health output\n"
	       "      --flags FILE     cs-score flags output\n"
	       "      --staffing FILE  cs-staff plan output\n"
	       "      --shrinkage FILE cs-staff shrinkage output\n"
	       "      --week W         last (default: the last complete ISO week) or 2026-W46\n"
	       "      --weeks N        weeks in the trends (default 12)\n"
	       "      --format F       text (default), md, html or mime\n"
	       "      --from ADDR      From header of the mime format\n"
	       "      --to ADDR        To header of the mime format (required there)\n"
	       "      --subject TEXT   Subject header (default: the report's title)\n"
	       "\n"
	       "  -o, --output FILE    write to FILE atomically (default: stdout)\n"
	       "      --help           show this help and exit\n"
	       "      --version        show the version and exit\n");
	exit(0);
}

struct opts {
	enum cs_period period;
	char *by;
	const char *since, *until, *as_of;
	int delim, tsv, strict, business;
	const char *hours, *sla, *tz;
	const char *tickets, *surveys, *health, *flags, *staffing, *shrinkage;
	const char *week, *format, *from, *to, *subject, *output;
	const char *encoding, *rejects;
	long weeks;
};

/* Everything the verbs share once options are parsed. */
struct ctx {
	struct opts o;
	struct cs_tz *tz;
	struct cs_hours *hours;
	struct cs_sla *sla;
	int64_t since, until, as_of;
	char **by;
	size_t nby;
	long rejected;
	struct cs_output rej_out;
	struct cs_writer *rejw; /* with --rejects */
	struct cs_rejects rejects;
};

static int64_t
parse_instant(const char *opt, const char *s, const struct cs_tz *tz)
{
	int64_t t;

	if (cs_time_parse(s, strlen(s), CS_ORDER_YMD, tz, &t) != CS_PARSE_OK)
		cs_usage_error("invalid value '%s' for %s (a date or an ISO 8601 time)", s, opt);
	return t;
}

static void
split_by(struct ctx *c)
{
	char *p, *s;

	if (c->o.by == NULL)
		return;
	for (s = c->o.by; (p = strsep(&s, ",")) != NULL;) {
		if (*p == '\0')
			cs_usage_error("empty column name in --by");
		c->by = xreallocarray(c->by, c->nby + 1, sizeof *c->by);
		c->by[c->nby++] = p;
	}
}

static struct cs_csv_reader *
open_input(struct ctx *c, const char *path)
{
	struct cs_csv_options opt;
	struct cs_error err;
	struct cs_csv_reader *rd;

	cs_csv_options_init(&opt);
	opt.delim = c->o.delim;
	opt.encoding = c->o.encoding;
	if ((rd = cs_csv_open(path, &opt, &err)) == NULL)
		cs_die_error(&err);
	return rd;
}

/* The index of each --by column in a header; an unknown one is an error. */
static int *
bind_by(struct ctx *c, struct cs_csv_reader *rd)
{
	int *idx = xcalloc(c->nby ? c->nby : 1, sizeof *idx);
	size_t i;

	for (i = 0; i < c->nby; i++) {
		idx[i] = cs_csv_column(cs_csv_header(rd), c->by[i]);
		if (idx[i] < 0) {
			struct cs_error err;

			cs_error_set(
			        &err, cs_csv_name(rd), 1, "unknown column '%s' in --by", c->by[i]);
			free(idx);
			cs_die_error(&err);
		}
	}
	return idx;
}

static void
reject(struct ctx *c, const struct cs_error *err, const struct cs_row *row)
{
	if (c->o.strict)
		cs_die_error(err);
	if (c->rejw)
		cs_rejects_add(&c->rejects, err, row);
	else if (c->rejected < 10)
		cs_warn_error(err);
	c->rejected++;
}

static void
report_rejects(struct ctx *c, const char *what)
{
	if (c->rejected)
		cs_warnx("%ld %s rejected%s", c->rejected, what,
		        c->rejw                    ? " (see --rejects)"
		                : c->rejected > 10 ? " (the first 10 shown)"
		                                   : "");
}

/*
 * Reads canonical tickets and hands each good one to fn with its --by keys
 * and its value of the SLA file's match column.
 */
typedef void ticket_fn(void *arg, const char *const *keys, const size_t *lens,
        const struct cs_ticket *t, const char *match, size_t match_len);

static void
read_tickets(struct ctx *c, const char *path, ticket_fn *fn, void *arg)
{
	struct cs_csv_reader *rd = open_input(c, path);
	struct cs_ticket_columns tc;
	struct cs_error err;
	struct cs_row row;
	struct cs_ticket t;
	int *by, mcol = -1, rc;
	const char **keys;
	size_t *lens, i;
	unsigned long long n = 0;

	if (cs_ticket_bind(&tc, cs_csv_header(rd), cs_csv_name(rd), &err) < 0)
		cs_die_error(&err);
	if (c->sla && cs_sla_match_column(c->sla)) {
		mcol = cs_csv_column(cs_csv_header(rd), cs_sla_match_column(c->sla));
		if (mcol < 0) {
			cs_error_set(&err, cs_csv_name(rd), 1,
			        "the SLA file matches on column '%s', which the tickets do not "
			        "have",
			        cs_sla_match_column(c->sla));
			cs_die_error(&err);
		}
	}
	/* Allocated after every check of the header, so that none leaks. */
	by = bind_by(c, rd);
	keys = xcalloc(c->nby + 1, sizeof *keys);
	lens = xcalloc(c->nby + 1, sizeof *lens);
	while ((rc = cs_csv_read(rd, &row, &err)) > 0) {
		if ((++n & 0xffff) == 0)
			cs_progress("tickets", n, 0);
		if (row.problem) {
			cs_error_set(&err, cs_csv_name(rd), row.line, "%s", row.problem);
			reject(c, &err, &row);
			continue;
		}
		if (cs_ticket_read(&tc, &row, cs_csv_name(rd), &t, &err) < 0) {
			reject(c, &err, &row);
			continue;
		}
		/* Tables are indexed by period: a stray year 9999 would stretch
		 * every table of its group over eight thousand years. */
		if (t.created_at < TIME_MIN || t.created_at >= TIME_MAX ||
		        (t.solved_at != CS_UNKNOWN &&
		                (t.solved_at < TIME_MIN || t.solved_at >= TIME_MAX))) {
			cs_error_set(&err, cs_csv_name(rd), row.line, "%s outside 1970 to 2099",
			        t.created_at < TIME_MIN || t.created_at >= TIME_MAX ? "created_at"
			                                                            : "solved_at");
			reject(c, &err, &row);
			continue;
		}
		for (i = 0; i < c->nby; i++) {
			if ((size_t)by[i] < row.n) {
				keys[i] = row.f[by[i]];
				lens[i] = row.len[by[i]];
			} else {
				keys[i] = "";
				lens[i] = 0;
			}
		}
		fn(arg, keys, lens, &t, mcol >= 0 && (size_t)mcol < row.n ? row.f[mcol] : NULL,
		        mcol >= 0 && (size_t)mcol < row.n ? row.len[mcol] : 0);
	}
	cs_progress_done();
	if (rc < 0)
		cs_die_error(&err);
	cs_csv_close(rd);
	free(by);
	free(keys);
	free(lens);
	report_rejects(c, c->rejected == 1 ? "row" : "rows");
}

/* Groups in the order of their keys, for stable output. */
struct order {
	const char *const *keys;
	size_t nkeys, group;
};

static int
cmp_order(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	size_t i;
	int r;

	for (i = 0; i < x->nkeys; i++)
		if ((r = strcmp(x->keys[i], y->keys[i])) != 0)
			return r;
	return 0;
}

static struct order *
sorted_groups(
        size_t n, size_t nkeys, const char *const *(*keys)(const void *, size_t), const void *obj)
{
	struct order *o = xcalloc(n ? n : 1, sizeof *o);
	size_t i;

	for (i = 0; i < n; i++) {
		o[i].keys = keys(obj, i);
		o[i].nkeys = nkeys;
		o[i].group = i;
	}
	qsort(o, n, sizeof *o, cmp_order);
	return o;
}

/* The periods to show: the data's, narrowed or widened by --since and
 * --until. */
static int
window(struct ctx *c, int any, int64_t *first, int64_t *last)
{
	if (c->since != CS_UNKNOWN)
		*first = cs_pord_of(c->o.period, c->tz, c->since);
	if (c->until != CS_UNKNOWN)
		*last = cs_pord_of(c->o.period, c->tz, c->until);
	if (!any && (c->since == CS_UNKNOWN || c->until == CS_UNKNOWN))
		return 0;
	return *first <= *last;
}

static struct cs_writer *
open_writer(struct ctx *c, struct cs_output *out)
{
	cs_open_output(out, c->o.output);
	return cs_writer_new(out->fp, out->name, c->o.tsv);
}

static void
close_writer(struct cs_writer *w, struct cs_output *out)
{
	struct cs_error err;

	if (cs_writer_close(w, &err) < 0)
		cs_die_error(&err);
	cs_commit_output(out);
}

static void
header_start(struct ctx *c, struct cs_writer *w, int with_period)
{
	size_t i;

	if (with_period)
		cs_writer_fieldz(w, "period");
	for (i = 0; i < c->nby; i++)
		cs_writer_fieldz(w, c->by[i]);
}

/* metrics */

static void
metrics_ticket(void *arg, const char *const *keys, const size_t *lens, const struct cs_ticket *t,
        const char *match, size_t match_len)
{
	cs_metrics_add(arg, keys, lens, t, match, match_len);
}

static const char *const *
metrics_keys(const void *m, size_t g)
{
	return cs_metrics_keys(m, g);
}

static void
verb_metrics(struct ctx *c, int argc, char **argv)
{
	static const char *const cols[] = {"created", "solved", "backlog", "frt_n", "frt_mean_min",
	        "frt_p50_min", "frt_p90_min", "res_n", "res_mean_h", "res_p50_h", "res_p90_h",
	        "sla_n", "sla_met_pct", "one_touch_pct", "reopen_pct", "csat_good", "csat_bad",
	        "csat_pct"};
	struct cs_metrics_options mo;
	struct cs_metrics *m;
	struct cs_output out;
	struct cs_writer *w;
	struct order *ord;
	int64_t first, last, p;
	size_t i, g, n;
	int any;

	if (argc > 1)
		cs_usage_error("metrics reads one file");
	memset(&mo, 0, sizeof mo);
	mo.period = c->o.period;
	mo.tz = c->tz;
	mo.business = c->o.business;
	mo.hours = c->hours;
	mo.sla = c->sla;
	mo.as_of = c->as_of;
	m = cs_metrics_new(&mo, c->nby);
	read_tickets(c, argc ? argv[0] : NULL, metrics_ticket, m);
	cs_metrics_finish(m);

	w = open_writer(c, &out);
	header_start(c, w, 1);
	for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
		cs_writer_fieldz(w, cols[i]);
	cs_writer_end(w);
	any = cs_metrics_span(m, &first, &last);
	n = cs_metrics_ngroups(m);
	ord = sorted_groups(n, c->nby, metrics_keys, m);
	if (window(c, any, &first, &last)) {
		for (p = first; p <= last; p++) {
			char label[CS_PERIOD_LABEL_LEN];

			cs_pord_label(c->o.period, p, label);
			for (g = 0; g < n; g++) {
				struct cs_metrics_result r;
				const char *const *keys = ord[g].keys;

				/* A group's rows start at its first ticket. */
				if (n > 1 && p < cs_metrics_group_first(m, ord[g].group))
					continue;
				cs_metrics_result(m, ord[g].group, p, &r);
				cs_writer_fieldz(w, label);
				for (i = 0; i < c->nby; i++)
					cs_writer_fieldz(w, keys[i]);
				cs_writer_fieldf(w, "%ld", r.created);
				cs_writer_fieldf(w, "%ld", r.solved);
				cs_writer_fieldf(w, "%ld", r.backlog);
				cs_writer_fieldf(w, "%ld", r.frt_n);
				cs_writer_number(w, r.frt_mean_min, 1);
				cs_writer_number(w, r.frt_p50_min, 1);
				cs_writer_number(w, r.frt_p90_min, 1);
				cs_writer_fieldf(w, "%ld", r.res_n);
				cs_writer_number(w, r.res_mean_h, 2);
				cs_writer_number(w, r.res_p50_h, 2);
				cs_writer_number(w, r.res_p90_h, 2);
				cs_writer_fieldf(w, "%ld", r.sla_n);
				cs_writer_number(w, r.sla_met_pct, 1);
				cs_writer_number(w, r.one_touch_pct, 1);
				cs_writer_number(w, r.reopen_pct, 1);
				cs_writer_fieldf(w, "%ld", r.csat_good);
				cs_writer_fieldf(w, "%ld", r.csat_bad);
				cs_writer_number(w, r.csat_pct, 1);
				if (cs_writer_end(w) < 0)
					break;
			}
		}
	}
	free(ord);
	close_writer(w, &out);
	cs_metrics_free(m);
}

/* nps */

static const char *const *
nps_keys(const void *n, size_t g)
{
	return cs_nps_keys(n, g);
}

static void
verb_nps(struct ctx *c, int argc, char **argv)
{
	struct cs_csv_reader *rd;
	const struct cs_row *h;
	struct cs_row row;
	struct cs_error err;
	struct cs_nps *nps = cs_nps_new(c->nby);
	struct cs_output out;
	struct cs_writer *w;
	struct order *ord;
	struct cs_survey_columns sc;
	int *by, rc, any;
	const char **keys = xcalloc(c->nby + 1, sizeof *keys);
	size_t *lens = xcalloc(c->nby + 1, sizeof *lens), i, g, n;
	int64_t first, last, p;

	if (argc > 1)
		cs_usage_error("nps reads one file");
	rd = open_input(c, argc ? argv[0] : NULL);
	h = cs_csv_header(rd);
	by = bind_by(c, rd);
	if (cs_survey_bind(&sc, h, cs_csv_name(rd), &err) < 0)
		cs_die_error(&err);
	while ((rc = cs_csv_read(rd, &row, &err)) > 0) {
		struct cs_survey sv;

		if (row.problem) {
			cs_error_set(&err, cs_csv_name(rd), row.line, "%s", row.problem);
			reject(c, &err, &row);
			continue;
		}
		if (cs_survey_read(&sc, &row, cs_csv_name(rd), &sv, &err) < 0) {
			reject(c, &err, &row);
			continue;
		}
		/* Answers of other kinds (csat, ces) are not NPS answers. */
		if (!sv.is_nps)
			continue;
		if (sv.answered_at < TIME_MIN || sv.answered_at >= TIME_MAX) {
			size_t len;
			const char *at = cs_row_field(&row, sc.answered_at, &len);

			cs_error_set(&err, cs_csv_name(rd), row.line, "bad answered_at '%.*s'",
			        (int)len, at);
			reject(c, &err, &row);
			continue;
		}
		for (i = 0; i < c->nby; i++) {
			keys[i] = (size_t)by[i] < row.n ? row.f[by[i]] : "";
			lens[i] = (size_t)by[i] < row.n ? row.len[by[i]] : 0;
		}
		cs_nps_add(
		        nps, keys, lens, cs_pord_of(c->o.period, c->tz, sv.answered_at), sv.score);
	}
	if (rc < 0)
		cs_die_error(&err);
	cs_csv_close(rd);
	report_rejects(c, c->rejected == 1 ? "answer" : "answers");

	w = open_writer(c, &out);
	header_start(c, w, 1);
	cs_writer_fieldz(w, "responses");
	cs_writer_fieldz(w, "promoters");
	cs_writer_fieldz(w, "passives");
	cs_writer_fieldz(w, "detractors");
	cs_writer_fieldz(w, "nps");
	cs_writer_end(w);
	any = cs_nps_span(nps, &first, &last);
	n = cs_nps_ngroups(nps);
	ord = sorted_groups(n, c->nby, nps_keys, nps);
	if (window(c, any, &first, &last)) {
		for (p = first; p <= last; p++) {
			char label[CS_PERIOD_LABEL_LEN];

			cs_pord_label(c->o.period, p, label);
			for (g = 0; g < n; g++) {
				struct cs_nps_result r;

				if (n > 1 && p < cs_nps_group_first(nps, ord[g].group))
					continue;
				cs_nps_result(nps, ord[g].group, p, &r);
				cs_writer_fieldz(w, label);
				for (i = 0; i < c->nby; i++)
					cs_writer_fieldz(w, ord[g].keys[i]);
				cs_writer_fieldf(w, "%ld", r.responses);
				cs_writer_fieldf(w, "%ld", r.promoters);
				cs_writer_fieldf(w, "%ld", r.passives);
				cs_writer_fieldf(w, "%ld", r.detractors);
				cs_writer_number(w, r.nps, 1);
				if (cs_writer_end(w) < 0)
					break;
			}
		}
	}
	free(ord);
	close_writer(w, &out);
	free(by);
	free(keys);
	free(lens);
	cs_nps_free(nps);
}

/* backlog */

static void
age_ticket(void *arg, const char *const *keys, const size_t *lens, const struct cs_ticket *t,
        const char *match, size_t match_len)
{
	(void)match;
	(void)match_len;
	cs_backlog_age_add(arg, keys, lens, t);
}

static const char *const *
age_keys(const void *b, size_t g)
{
	return cs_backlog_age_keys(b, g);
}

static void
verb_backlog(struct ctx *c, int argc, char **argv)
{
	struct cs_backlog_age *b = cs_backlog_age_new(c->nby, c->as_of);
	struct cs_output out;
	struct cs_writer *w;
	struct order *ord;
	size_t i, g, n;
	char when[CS_TIME_LEN];

	if (argc > 1)
		cs_usage_error("backlog reads one file");
	read_tickets(c, argc ? argv[0] : NULL, age_ticket, b);
	cs_backlog_age_finish(b);
	w = open_writer(c, &out);
	header_start(c, w, 0);
	cs_writer_fieldz(w, "as_of");
	cs_writer_fieldz(w, "open");
	for (i = 0; i < CS_AGE_BUCKETS; i++)
		cs_writer_fieldf(w, "age_%s", cs_age_bucket_names[i]);
	cs_writer_fieldz(w, "oldest_id");
	cs_writer_fieldz(w, "oldest_age_d");
	cs_writer_end(w);
	n = cs_backlog_age_ngroups(b);
	ord = sorted_groups(n, c->nby, age_keys, b);
	if (cs_backlog_age_as_of(b) != CS_UNKNOWN)
		cs_time_format(cs_backlog_age_as_of(b), when);
	else
		when[0] = '\0';
	for (g = 0; g < n; g++) {
		struct cs_backlog_age_result r;

		cs_backlog_age_result(b, ord[g].group, &r);
		/* Without --by the one row is written even when nothing is open. */
		if (r.open == 0 && c->nby)
			continue;
		for (i = 0; i < c->nby; i++)
			cs_writer_fieldz(w, ord[g].keys[i]);
		cs_writer_fieldz(w, when);
		cs_writer_fieldf(w, "%ld", r.open);
		for (i = 0; i < CS_AGE_BUCKETS; i++)
			cs_writer_fieldf(w, "%ld", r.bucket[i]);
		cs_writer_fieldz(w, r.oldest_id);
		cs_writer_number(w, r.oldest_age_d, 1);
		if (cs_writer_end(w) < 0)
			break;
	}
	free(ord);
	close_writer(w, &out);
	cs_backlog_age_free(b);
}

/* weekly */

static void
weekly_ticket(void *arg, const char *const *keys, const size_t *lens, const struct cs_ticket *t,
        const char *match, size_t match_len)
{
	(void)keys;
	(void)lens;
	cs_weekly_add_ticket(arg, t, match, match_len);
}

static void
check_header_value(const char *opt, const char *v)
{
	if (v && strpbrk(v, "\r\n"))
		cs_usage_error("%s must be one line", opt);
}

static void
verb_weekly(struct ctx *c, int argc, char **argv)
{
	struct cs_weekly_options wo;
	struct cs_weekly *wk;
	struct cs_report *r;
	struct cs_error err;
	struct cs_output out;
	struct cs_buf b;
	const char *fmt = c->o.format ? c->o.format : "text";
	const char *tickets = c->o.tickets;
	int64_t now = c->as_of != CS_UNKNOWN ? c->as_of : (int64_t)time(NULL);

	if (argc > 1 || (argc == 1 && tickets))
		cs_usage_error("weekly reads its tickets from --tickets FILE");
	if (tickets == NULL && argc == 1)
		tickets = argv[0];
	if (tickets == NULL)
		cs_usage_error("weekly needs --tickets FILE");
	if (strcmp(fmt, "text") && strcmp(fmt, "md") && strcmp(fmt, "html") && strcmp(fmt, "mime"))
		cs_usage_error("invalid value '%s' for --format (text, md, html or mime)", fmt);
	check_header_value("--from", c->o.from);
	check_header_value("--to", c->o.to);
	check_header_value("--subject", c->o.subject);
	if (strcmp(fmt, "mime") == 0 && c->o.to == NULL)
		cs_usage_error("--format mime needs --to");
	memset(&wo, 0, sizeof wo);
	if (c->o.week == NULL || strcmp(c->o.week, "last") == 0) {
		/* The last complete ISO week before now (or --as-of). */
		wo.week = cs_pord_of(CS_PERIOD_WEEK, c->tz, now) - 1;
	} else if (cs_pord_parse(CS_PERIOD_WEEK, c->o.week, &wo.week) < 0) {
		cs_usage_error("invalid value '%s' for --week (last or an ISO week like 2026-W46)",
		        c->o.week);
	}
	wo.weeks = (int)c->o.weeks;
	wo.tz = c->tz;
	wo.business = c->o.business;
	wo.hours = c->hours;
	wo.sla = c->sla;
	wo.slowest = 10;
	wo.encoding = c->o.encoding;
	wo.rejects = c->rejw ? &c->rejects : NULL;
	wo.strict = c->o.strict;
	wk = cs_weekly_new(&wo);
	read_tickets(c, tickets, weekly_ticket, wk);
	if ((c->o.surveys && cs_weekly_load_surveys(wk, c->o.surveys, &err) < 0) ||
	        (c->o.health && cs_weekly_load_health(wk, c->o.health, &err) < 0) ||
	        (c->o.flags && cs_weekly_load_flags(wk, c->o.flags, &err) < 0) ||
	        (c->o.staffing && cs_weekly_load_staffing(wk, c->o.staffing, &err) < 0) ||
	        (c->o.shrinkage && cs_weekly_load_shrinkage(wk, c->o.shrinkage, &err) < 0))
		cs_die_error(&err);
	r = cs_weekly_build(wk);
	cs_open_output(&out, c->o.output);
	cs_buf_init(&b);
	if (strcmp(fmt, "text") == 0) {
		const char *nc = getenv("NO_COLOR");
		int color = c->o.output == NULL && isatty(fileno(out.fp)) && !(nc && *nc);

		cs_render_text(&b, r, 80, color);
	} else if (strcmp(fmt, "md") == 0) {
		cs_render_md(&b, r);
	} else if (strcmp(fmt, "html") == 0) {
		cs_render_html(&b, r);
	} else {
		struct cs_mime_headers mh;

		memset(&mh, 0, sizeof mh);
		mh.from = c->o.from;
		mh.to = c->o.to;
		mh.subject = c->o.subject;
		mh.date = now;
		cs_render_mime(&b, r, &mh);
	}
	fwrite(b.data, 1, b.len, out.fp);
	cs_commit_output(&out);
	cs_buf_release(&b);
	cs_report_free(r);
	cs_weekly_free(wk);
}

int
main(int argc, char **argv)
{
	struct ctx c;
	struct cs_error err;
	const char *verb;
	int ch;

	cs_cmd_init("cs-report");
	memset(&c, 0, sizeof c);
	c.o.period = CS_PERIOD_WEEK;
	c.o.weeks = 12;
	/* The verb comes first; --help and --version work without one. */
	verb = argc > 1 && argv[1][0] != '-' ? argv[1] : NULL;
	if (verb) {
		argv++;
		argc--;
	}
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":d:o:t", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (strlen(optarg) != 1)
				cs_usage_error("invalid value '%s' for -d (one character)", optarg);
			c.o.delim = (unsigned char)optarg[0];
			break;
		case 'o': c.o.output = optarg; break;
		case 't': c.o.tsv = 1; break;
		case OPT_AS_OF: c.o.as_of = optarg; break;
		case OPT_BUSINESS: c.o.business = 1; break;
		case OPT_BY: c.o.by = optarg; break;
		case OPT_ENCODING: c.o.encoding = cs_opt_encoding(optarg); break;
		case OPT_REJECTS: c.o.rejects = optarg; break;
		case OPT_FLAGS: c.o.flags = optarg; break;
		case OPT_FORMAT: c.o.format = optarg; break;
		case OPT_FROM: c.o.from = optarg; break;
		case OPT_HEALTH: c.o.health = optarg; break;
		case OPT_HELP: usage(0); break;
		case OPT_HOURS: c.o.hours = optarg; break;
		case OPT_PERIOD:
			if (cs_period_from_name(optarg, &c.o.period) < 0)
				cs_usage_error(
				        "invalid value '%s' for --period (day, week or month)",
				        optarg);
			break;
		case OPT_SHRINKAGE: c.o.shrinkage = optarg; break;
		case OPT_SINCE: c.o.since = optarg; break;
		case OPT_SLA: c.o.sla = optarg; break;
		case OPT_STAFFING: c.o.staffing = optarg; break;
		case OPT_STRICT: c.o.strict = 1; break;
		case OPT_SUBJECT: c.o.subject = optarg; break;
		case OPT_SURVEYS: c.o.surveys = optarg; break;
		case OPT_TICKETS: c.o.tickets = optarg; break;
		case OPT_TO: c.o.to = optarg; break;
		case OPT_TZ: c.o.tz = optarg; break;
		case OPT_UNTIL: c.o.until = optarg; break;
		case OPT_VERSION: cs_print_version(); return 0;
		case OPT_WEEK: c.o.week = optarg; break;
		case OPT_WEEKS: c.o.weeks = cs_opt_long("--weeks", optarg, 2, 520); break;
		default: cs_bad_option(ch, argv);
		}
	}
	argc -= optind;
	argv += optind;
	if (verb == NULL)
		cs_usage_error("missing verb (metrics, nps, backlog or weekly)");
	if (strcmp(verb, "metrics") && strcmp(verb, "nps") && strcmp(verb, "backlog") &&
	        strcmp(verb, "weekly"))
		cs_usage_error("unknown verb '%s'", verb);

	if (c.o.tz && (c.tz = cs_tz_load(c.o.tz, &err)) == NULL)
		cs_usage_error("invalid value '%s' for --tz: %s", c.o.tz, err.msg);
	c.since = c.o.since ? parse_instant("--since", c.o.since, c.tz) : CS_UNKNOWN;
	c.until = c.o.until ? parse_instant("--until", c.o.until, c.tz) : CS_UNKNOWN;
	c.as_of = c.o.as_of ? parse_instant("--as-of", c.o.as_of, c.tz) : CS_UNKNOWN;
	if (c.o.hours && (c.hours = cs_hours_load(c.o.hours, &err)) == NULL)
		cs_die_error(&err);
	if (c.o.sla) {
		if ((c.sla = cs_sla_load(c.o.sla, &err)) == NULL)
			cs_die_error(&err);
	} else {
		c.sla = cs_sla_defaults();
	}
	split_by(&c);
	cs_check_outputs("-o", c.o.output, "--rejects", c.o.rejects);
	if (c.o.rejects) {
		cs_open_output(&c.rej_out, c.o.rejects);
		c.rejw = cs_writer_new(c.rej_out.fp, c.rej_out.name, 0);
		cs_rejects_init(&c.rejects, c.rejw);
	}
	if (strcmp(verb, "weekly") == 0 && c.nby)
		cs_usage_error("weekly has fixed breakdowns; --by is for metrics, nps and backlog");

	if (strcmp(verb, "metrics") == 0)
		verb_metrics(&c, argc, argv);
	else if (strcmp(verb, "nps") == 0)
		verb_nps(&c, argc, argv);
	else if (strcmp(verb, "backlog") == 0)
		verb_backlog(&c, argc, argv);
	else
		verb_weekly(&c, argc, argv);

	if (c.rejw) {
		cs_rejects_release(&c.rejects);
		if (cs_writer_close(c.rejw, &err) < 0)
			cs_die_error(&err);
		cs_commit_output(&c.rej_out);
	}
	free(c.by);
	cs_sla_free(c.sla);
	cs_hours_free(c.hours);
	cs_tz_free(c.tz);
	return 0;
}
