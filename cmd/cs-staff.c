/*
 * cs-staff: how many people on shift.  Verbs: intervals (roll tickets or a
 * call log up to intervals), forecast, erlang (agents per interval),
 * shrinkage (from attendance), plan (scheduled staff in a healthy and an
 * emergency mode) and calc (one what-if at the prompt).
 *
 * Option parsing, feeding input files to libcs, rejecting bad rows and
 * opening the output; every formula and every row's reading lives in libcs
 * (erlang, intervals, forecast, shrinkage, plan, load, filter).
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/common.h"
#include "libcs/buf.h"
#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/datetime.h"
#include "libcs/erlang.h"
#include "libcs/filter.h"
#include "libcs/forecast.h"
#include "libcs/intervals.h"
#include "libcs/load.h"
#include "libcs/plan.h"
#include "libcs/rejects.h"
#include "libcs/shrinkage.h"

enum {
	OPT_ACCURACY = CHAR_MAX + 1,
	OPT_AHT,
	OPT_ASA,
	OPT_BUFFER,
	OPT_BY,
	OPT_CONTACTS,
	OPT_ENCODING,
	OPT_EVALUATE,
	OPT_HELP,
	OPT_HORIZON,
	OPT_HOURS_PER_WEEK,
	OPT_INTERVAL,
	OPT_MAX_ABANDON,
	OPT_MAX_OCCUPANCY,
	OPT_METHOD,
	OPT_MODE,
	OPT_MODEL,
	OPT_MODES,
	OPT_PATIENCE,
	OPT_REJECTS,
	OPT_SHRINKAGE,
	OPT_SINCE,
	OPT_SL,
	OPT_STRICT,
	OPT_TEAM,
	OPT_TOTALS,
	OPT_TZ,
	OPT_UNTIL,
	OPT_VERSION,
	OPT_WEEKS,
	OPT_LAST
};

/* The verbs each option concerns; any other use is a usage error rather
 * than an option quietly ignored. */
static const struct {
	int code;
	const char *name;
	const char *verbs;
} option_verbs[] = {
        {OPT_ACCURACY, "--accuracy", " forecast "},
        {OPT_AHT, "--aht", " intervals erlang plan calc "},
        {OPT_ASA, "--asa", " erlang plan calc "},
        {OPT_BUFFER, "--buffer", " plan "},
        {OPT_BY, "--by", " intervals forecast shrinkage "},
        {OPT_CONTACTS, "--contacts", " calc "},
        {OPT_EVALUATE, "--evaluate", " erlang "},
        {OPT_HORIZON, "--horizon", " forecast "},
        {OPT_HOURS_PER_WEEK, "--hours-per-week", " plan "},
        {OPT_INTERVAL, "--interval", " intervals erlang plan calc "},
        {OPT_MAX_ABANDON, "--max-abandon", " erlang plan calc "},
        {OPT_MAX_OCCUPANCY, "--max-occupancy", " erlang plan calc "},
        {OPT_METHOD, "--method", " forecast "},
        {OPT_MODE, "--mode", " plan "},
        {OPT_MODEL, "--model", " erlang plan calc "},
        {OPT_MODES, "--modes", " plan "},
        {OPT_PATIENCE, "--patience", " erlang plan calc "},
        {OPT_REJECTS, "--rejects", " intervals forecast erlang shrinkage plan "},
        {OPT_SHRINKAGE, "--shrinkage", " plan "},
        {OPT_SINCE, "--since", " shrinkage "},
        {OPT_SL, "--sl", " erlang plan calc "},
        {OPT_STRICT, "--strict", " intervals forecast erlang shrinkage plan "},
        {OPT_TEAM, "--team", " plan "},
        {OPT_TOTALS, "--totals", " plan "},
        {OPT_TZ, "--tz", " forecast "},
        {OPT_UNTIL, "--until", " shrinkage "},
        {OPT_WEEKS, "--weeks", " forecast "},
        {'d', "--delimiter", " intervals forecast erlang shrinkage plan "},
        {OPT_ENCODING, "--encoding", " intervals forecast erlang shrinkage plan "},
};

static const struct option longopts[] = {
        {"accuracy", no_argument, NULL, OPT_ACCURACY},
        {"aht", required_argument, NULL, OPT_AHT},
        {"asa", required_argument, NULL, OPT_ASA},
        {"buffer", required_argument, NULL, OPT_BUFFER},
        {"by", required_argument, NULL, OPT_BY},
        {"contacts", required_argument, NULL, OPT_CONTACTS},
        {"delimiter", required_argument, NULL, 'd'},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"evaluate", no_argument, NULL, OPT_EVALUATE},
        {"help", no_argument, NULL, OPT_HELP},
        {"horizon", required_argument, NULL, OPT_HORIZON},
        {"hours-per-week", required_argument, NULL, OPT_HOURS_PER_WEEK},
        {"interval", required_argument, NULL, OPT_INTERVAL},
        {"max-abandon", required_argument, NULL, OPT_MAX_ABANDON},
        {"max-occupancy", required_argument, NULL, OPT_MAX_OCCUPANCY},
        {"method", required_argument, NULL, OPT_METHOD},
        {"mode", required_argument, NULL, OPT_MODE},
        {"model", required_argument, NULL, OPT_MODEL},
        {"modes", required_argument, NULL, OPT_MODES},
        {"output", required_argument, NULL, 'o'},
        {"patience", required_argument, NULL, OPT_PATIENCE},
        {"rejects", required_argument, NULL, OPT_REJECTS},
        {"shrinkage", required_argument, NULL, OPT_SHRINKAGE},
        {"since", required_argument, NULL, OPT_SINCE},
        {"sl", required_argument, NULL, OPT_SL},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"team", required_argument, NULL, OPT_TEAM},
        {"totals", required_argument, NULL, OPT_TOTALS},
        {"tsv", no_argument, NULL, 't'},
        {"tz", required_argument, NULL, OPT_TZ},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"version", no_argument, NULL, OPT_VERSION},
        {"weeks", required_argument, NULL, OPT_WEEKS},
        {NULL, 0, NULL, 0},
};

static void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr,
		        "usage: cs-staff intervals|forecast|erlang|shrinkage|plan|calc [OPTIONS] "
		        "[FILE...]\n"
		        "Try 'cs-staff --help' for more information.\n");
		exit(status);
	}
	fputs("usage: cs-staff VERB [OPTIONS] [FILE...]\n"
	      "\n"
	      "How many people on shift: from contact history to a forecast, agents per\n"
	      "interval (Erlang C, Erlang A or workload), shrinkage measured from\n"
	      "attendance, and a healthy and an emergency staffing plan.\n"
	      "\n"
	      "Verbs:\n"
	      "  intervals  roll tickets, a call log or finer intervals up to intervals\n"
	      "  forecast   forecast the next horizon per weekday x interval of the day\n"
	      "  erlang     add erlangs, agents, sl_pct, asa_s, occupancy_pct per interval\n"
	      "  shrinkage  shrinkage and attrition by team against the company\n"
	      "  plan       add scheduled staff per interval (healthy, emergency, both)\n"
	      "  calc       one what-if: agents from the load upward, the answer marked\n"
	      "\n"
	      "Common options:\n"
	      "  -o, --output FILE       write atomically to FILE instead of stdout\n"
	      "  -d, --delimiter C       input delimiter (default: detected)\n"
	      "      --encoding ENC      input encoding: utf-8, cp1252 or latin1 (UTF-16\n"
	      "                          with a BOM is detected)\n"
	      "  -t, --tsv               write TSV instead of CSV\n"
	      "      --rejects FILE      write rejected rows (file, line, reason, record)\n"
	      "      --strict            any rejected row is an error\n"
	      "      --help              show this help and exit\n"
	      "      --version           show the version and exit\n"
	      "\n"
	      "intervals:\n"
	      "      --interval MIN      15, 30 or 60 minutes (default 30)\n"
	      "      --by team|channel   one series per team or channel\n"
	      "      --aht S             handle time where the data has none\n"
	      "forecast:\n"
	      "      --method M          last-week, mean, weighted, holt-winters or auto\n"
	      "                          (default auto: the best by the backtest)\n"
	      "      --weeks N           weeks of history for mean and weighted (default 8)\n"
	      "      --horizon D         how far ahead, e.g. 7d, 14d, 48h (default 7d)\n"
	      "      --accuracy          write the backtest as rows instead of a forecast\n"
	      "      --by team|channel   one forecast per team or channel\n"
	      "      --tz ZONE           weekdays and times of day in ZONE (default UTC)\n"
	      "erlang and calc:\n"
	      "      --model M           erlang-c, erlang-a or workload (default erlang-c)\n"
	      "      --sl P/T            service level: P% answered within T s (default 80/20)\n"
	      "      --asa S             average speed of answer at most S seconds\n"
	      "      --max-occupancy PCT occupancy cap (default 100: none)\n"
	      "      --patience S        erlang-a: mean patience in seconds\n"
	      "      --max-abandon PCT   erlang-a: abandonment cap in percent\n"
	      "      --interval MIN      interval length where the input has no minutes\n"
	      "                          (default 30)\n"
	      "      --aht S             handle time where the input has none\n"
	      "      --contacts N        calc: contacts in the interval\n"
	      "      --evaluate          erlang: the metrics of the input's agents column\n"
	      "                          instead of searching for agents\n"
	      "shrinkage:\n"
	      "      --by team           one row per team besides the company (default)\n"
	      "      --since DATE        first date counted\n"
	      "      --until DATE        last date counted\n"
	      "plan:\n"
	      "      --shrinkage PCT|FILE shrinkage in percent, or a shrinkage output\n"
	      "                          (its company row) (default 0)\n"
	      "      --buffer PCT%|N     buffer: a percentage or N agents (default 0)\n"
	      "      --mode M            healthy, emergency or both (default healthy)\n"
	      "      --modes FILE        targets, shrinkage and buffer per mode\n"
	      "      --hours-per-week H  hours of one FTE (default 40)\n"
	      "      --team T            with a shrinkage file: team T's row, not the company's\n"
	      "      --totals FILE       write the totals as CSV to FILE (default: stderr)\n"
	      "\n"
	      "See cs-staff(1) for the formulas and every default.\n",
	        stdout);
	exit(0);
}

/* Everything the verbs share. */
struct opts {
	const char *verb;
	const char *output, *rejects, *totals, *modes_file, *shrinkage_arg, *tz, *team;
	struct cs_csv_options csv;
	int tsv, strict, accuracy, evaluate;
	struct cs_erlang_target target;
	int model_set, sl_set;
	double aht_s, interval_min, contacts;
	int interval_set;
	enum cs_intervals_by by;
	enum cs_fc_method method;
	int weeks;
	int64_t horizon_s;
	int64_t since, until;
	struct cs_plan_mode healthy, emergency;
	int mode; /* 0 healthy, 1 emergency, 2 both */
	double hours_per_week;
};

/* Reading and rejecting rows. */
struct reader {
	const struct opts *o;
	struct cs_output out; /* --rejects, written atomically */
	struct cs_writer *rw;
	struct cs_rejects rejects;
	long nrejects;
};

/* A rejected row goes to --rejects as file, line, reason and the record
 * (its fields joined by commas), as cs-import writes them, or to standard
 * error as a message. */
static void
reject(struct reader *r, const struct cs_error *e, const struct cs_row *row)
{
	r->nrejects++;
	if (r->o->strict)
		cs_die_error(e);
	if (r->rw)
		cs_rejects_add(&r->rejects, e, row);
	else
		cs_warn_error(e);
}

/* Gives a library error that names no file the row's file and line. */
static void
relocate(struct cs_error *e, const char *file, long line)
{
	char msg[sizeof e->msg];

	memcpy(msg, e->msg, sizeof msg);
	cs_error_set(e, file, line, "%s", msg);
}

static void
reader_init(struct reader *r, const struct opts *o)
{
	memset(r, 0, sizeof *r);
	r->o = o;
	if (o->rejects) {
		cs_check_outputs("-o", o->output, "--rejects", o->rejects);
		cs_open_output(&r->out, o->rejects);
		r->rw = cs_writer_new(r->out.fp, r->out.name, 0);
		cs_rejects_init(&r->rejects, r->rw);
	}
}

static void
reader_finish(struct reader *r)
{
	struct cs_error err;

	if (r->rw) {
		cs_rejects_release(&r->rejects);
		if (cs_writer_close(r->rw, &err) < 0)
			cs_die_error(&err);
		cs_commit_output(&r->out);
	}
	if (r->nrejects)
		cs_warnx("%ld row%s rejected", r->nrejects, r->nrejects == 1 ? "" : "s");
}

static struct cs_csv_reader *
open_input(const struct opts *o, const char *path)
{
	struct cs_error err;
	struct cs_csv_reader *in = cs_csv_open(path, &o->csv, &err);

	if (!in)
		cs_die_error(&err);
	return in;
}

/* Reads the next usable row; rows with a problem are rejected.  Returns 0
 * at the end of the input. */
static int
next_row(struct reader *r, struct cs_csv_reader *in, struct cs_row *row)
{
	struct cs_error err;
	int rc;

	while ((rc = cs_csv_read(in, row, &err)) > 0) {
		if ((cs_csv_records(in) & 4095) == 0)
			cs_progress("rows read", (unsigned long long)cs_csv_records(in), 0);
		if (!row->problem)
			return 1;
		cs_error_set(&err, cs_csv_name(in), row->line, "%s", row->problem);
		reject(r, &err, row);
	}
	if (rc < 0)
		cs_die_error(&err);
	cs_progress_done();
	return 0;
}

static void
open_output(const struct opts *o, struct cs_output *out, struct cs_writer **w)
{
	cs_open_output(out, o->output);
	*w = cs_writer_new(out->fp, out->name, o->tsv);
}

static void
close_output(struct cs_output *out, struct cs_writer *w)
{
	struct cs_error err;

	if (cs_writer_close(w, &err) < 0)
		cs_die_error(&err);
	cs_commit_output(out);
}

/* Feeds every input (standard input when there is none) to a verb's
 * bind and add: an input that bind refuses is an error, a row that add
 * refuses is rejected. */
static void
feed(const struct opts *o, int argc, char **argv, void *obj,
        int (*bind)(void *, const struct cs_row *, const char *, struct cs_error *),
        int (*add)(void *, const struct cs_row *, const char *, struct cs_error *))
{
	struct reader r;
	struct cs_error err;
	int i;

	reader_init(&r, o);
	for (i = 0; i < (argc ? argc : 1); i++) {
		struct cs_csv_reader *in = open_input(o, argc ? argv[i] : NULL);
		struct cs_row row;

		if (bind(obj, cs_csv_header(in), cs_csv_name(in), &err) < 0)
			cs_die_error(&err);
		while (next_row(&r, in, &row))
			if (add(obj, &row, cs_csv_name(in), &err) < 0)
				reject(&r, &err, &row);
		cs_csv_close(in);
	}
	reader_finish(&r);
}

/* ---- intervals ---- */

static int
intervals_bind(void *iv, const struct cs_row *h, const char *file, struct cs_error *err)
{
	return cs_intervals_bind(iv, h, file, err);
}

static int
intervals_add(void *iv, const struct cs_row *row, const char *file, struct cs_error *err)
{
	return cs_intervals_add(iv, row, file, err);
}

static void
run_intervals(const struct opts *o, int argc, char **argv)
{
	struct cs_intervals *iv = cs_intervals_new((int)o->interval_min, o->by);
	struct cs_output out;
	struct cs_writer *w;

	feed(o, argc, argv, iv, intervals_bind, intervals_add);
	open_output(o, &out, &w);
	cs_intervals_write(iv, w, o->aht_s);
	close_output(&out, w);
	cs_intervals_free(iv);
}

/* ---- forecast ---- */

static int
forecast_bind(void *set, const struct cs_row *h, const char *file, struct cs_error *err)
{
	return cs_fc_set_bind(set, h, file, err);
}

static int
forecast_add(void *set, const struct cs_row *row, const char *file, struct cs_error *err)
{
	return cs_fc_set_add(set, row, file, err);
}

/* Dies with err, prefixed by the series when there are groups. */
static void
die_series(const char *who, const struct cs_error *err)
{
	if (who[0])
		cs_diex(EXIT_DATA, "%s%s", who, err->msg);
	cs_die_error(err);
}

static void
run_forecast(const struct opts *o, int argc, char **argv)
{
	const char *gcol = o->by == CS_BY_TEAM ? "team" : o->by == CS_BY_CHANNEL ? "channel" : NULL;
	struct cs_tz *tz = NULL;
	struct cs_fc_set *set;
	size_t nser, k;
	struct cs_output out;
	struct cs_writer *w;
	struct cs_error err;
	char day[CS_DATE_LEN];
	int i;

	if (o->tz && !(tz = cs_tz_load(o->tz, &err)))
		cs_die_error(&err);
	set = cs_fc_set_new(o->weeks, tz, gcol);
	feed(o, argc, argv, set, forecast_bind, forecast_add);
	if ((nser = cs_fc_set_finish(set)) == 0)
		cs_diex(EXIT_DATA, "no history to forecast from");
	open_output(o, &out, &w);
	if (o->accuracy)
		cs_fc_accuracy_header(w, gcol);
	for (k = 0; k < nser; k++) {
		struct cs_forecast *f = cs_fc_set_forecast(set, k);
		const char *name = cs_fc_set_name(set, k);
		struct cs_fc_accuracy acc[CS_FC_NMETHODS];
		enum cs_fc_method m = o->method;
		char who[300] = "";
		int best;

		if (gcol)
			snprintf(who, sizeof who, "%s '%s': ", gcol, name);
		if (cs_forecast_prepare(f, &err) < 0)
			die_series(who, &err);
		best = cs_forecast_backtest(f, acc);
		if (o->accuracy) {
			cs_fc_accuracy_write(w, acc, best, gcol, name);
			continue;
		}
		if (m == CS_FC_AUTO) {
			if (best < 0)
				cs_diex(EXIT_DATA,
				        "%s--method auto needs two complete weeks of history", who);
			m = (enum cs_fc_method)best;
		}
		for (i = 0; i < CS_FC_NMETHODS && best >= 0; i++)
			if (!isnan(acc[i].wape_pct))
				cs_warnx("%sbacktest week %s: %s wape %.3f%% bias %.3f%%%s", who,
				        cs_date_format(acc[i].week / 86400, day),
				        cs_fc_method_name(acc[i].method), acc[i].wape_pct,
				        acc[i].bias_pct, i == (int)m ? " (used)" : "");
		if (best < 0)
			cs_warnx("%sno backtest: the history holds fewer than two complete weeks",
			        who);
		if (cs_forecast_write(f, m, o->horizon_s, w, gcol, name, k == 0, &err) < 0)
			die_series(who, &err);
	}
	close_output(&out, w);
	cs_fc_set_free(set);
	cs_tz_free(tz);
}

/* ---- erlang and plan: filters that keep the input's columns ---- */

/* What a filter verb needs besides the rows: its defaults, and the plan. */
struct filter_run {
	const struct opts *o;
	struct cs_load_defaults def;
	struct cs_plan plan;
};

/* Feeds every input to a filter verb: check refuses an input that lacks
 * the verb's columns, row gives a row's values or fails (the row is then
 * rejected), and the output keeps the input's columns with cols added. */
static void
filter_rows(struct filter_run *fr, int argc, char **argv, const char *const *cols,
        void (*check)(const struct opts *, const struct cs_load_cols *, const char *),
        int (*row_vals)(struct filter_run *, const struct cs_load_cols *, const struct cs_row *,
                const char *, char[][CS_FILTER_VALUE], struct cs_error *))
{
	const struct opts *o = fr->o;
	struct reader r;
	struct cs_output out;
	struct cs_writer *w;
	struct cs_error err;
	struct cs_filter fl;
	int i;

	cs_filter_init(&fl);
	reader_init(&r, o);
	open_output(o, &out, &w);
	for (i = 0; i < (argc ? argc : 1); i++) {
		struct cs_csv_reader *in = open_input(o, argc ? argv[i] : NULL);
		const struct cs_row *h = cs_csv_header(in);
		const char *file = cs_csv_name(in);
		struct cs_load_cols lc;
		struct cs_row row;
		char vals[6][CS_FILTER_VALUE];

		if (cs_filter_bind(&fl, h, cols, file, &err) < 0)
			cs_die_error(&err);
		cs_load_bind(&lc, h);
		check(o, &lc, file);
		cs_filter_write_header(&fl, w, h);
		while (next_row(&r, in, &row)) {
			if (row_vals(fr, &lc, &row, file, vals, &err) < 0) {
				/* The models' errors name no file. */
				if (!err.file[0])
					relocate(&err, file, row.line);
				reject(&r, &err, &row);
				continue;
			}
			if (cs_filter_write_row(&fl, w, &row, vals) < 0)
				break;
		}
		cs_csv_close(in);
	}
	reader_finish(&r);
	close_output(&out, w);
	cs_filter_release(&fl);
}

static void
erlang_check(const struct opts *o, const struct cs_load_cols *lc, const char *file)
{
	if (lc->contacts < 0)
		cs_diex(EXIT_DATA, "%s:1: not an intervals stream: no column 'contacts'", file);
	if (o->evaluate && lc->agents < 0)
		cs_diex(EXIT_DATA, "%s:1: --evaluate needs the column 'agents'", file);
}

static int
erlang_row(struct filter_run *fr, const struct cs_load_cols *lc, const struct cs_row *row,
        const char *file, char vals[][CS_FILTER_VALUE], struct cs_error *err)
{
	const struct cs_erlang_target *t = &fr->o->target;
	struct cs_load ld;
	struct cs_erlang_result res;
	long given = 0;

	if ((fr->o->evaluate && cs_load_agents(lc, row, file, &given, err) < 0) ||
	        cs_load_read(lc, &fr->def, row, file, &ld, err) < 0 ||
	        (fr->o->evaluate ? cs_erlang_eval(t, ld.contacts, ld.interval_s, ld.aht_s, given,
	                                   &res, err)
	                         : cs_erlang_staff(
	                                   t, ld.contacts, ld.interval_s, ld.aht_s, &res, err)) < 0)
		return -1;
	cs_load_values(&res, vals);
	return 0;
}

static void
run_erlang(const struct opts *o, int argc, char **argv)
{
	struct filter_run fr = {o, {o->interval_min, o->aht_s}, {0}};

	filter_rows(&fr, argc, argv,
	        o->target.model == CS_MODEL_ERLANG_A ? cs_load_columns_a : cs_load_columns,
	        erlang_check, erlang_row);
}

/* out is the --totals file, opened before any work so that an unwritable
 * path fails early (and removed if the run dies); NULL writes the totals to
 * standard error. */
static void
write_totals(const struct opts *o, struct cs_output *out, const struct cs_plan_totals *t,
        const int *active)
{
	struct cs_writer *w;
	struct cs_error err;
	char msg[300];
	int m;

	if (!out) {
		for (m = 0; m < 2; m++)
			if (active[m])
				cs_warnx("%s",
				        cs_plan_totals_format(
				                msg, sizeof msg, m, &t[m], o->hours_per_week));
		return;
	}
	w = cs_writer_new(out->fp, out->name, 0);
	cs_plan_totals_write(w, t, active, o->hours_per_week);
	if (cs_writer_close(w, &err) < 0)
		cs_die_error(&err);
	cs_commit_output(out);
}

static void
plan_check(const struct opts *o, const struct cs_load_cols *lc, const char *file)
{
	if (o->mode != 1 && lc->agents < 0)
		cs_diex(EXIT_DATA, "%s:1: not an erlang stream: no column 'agents'", file);
	if (o->mode != 0 && lc->contacts < 0)
		cs_diex(EXIT_DATA,
		        "%s:1: the emergency mode needs the column 'contacts' to recompute agents",
		        file);
	if (lc->start < 0)
		cs_diex(EXIT_DATA, "%s:1: not an intervals stream: no column 'start'", file);
}

static int
plan_row(struct filter_run *fr, const struct cs_load_cols *lc, const struct cs_row *row,
        const char *file, char vals[][CS_FILTER_VALUE], struct cs_error *err)
{
	int mode = fr->o->mode;
	double interval_s;
	long agents = 0;
	int64_t start;
	struct cs_load ld = {0, 0, 0};

	if (cs_load_start(lc, row, file, &start, err) < 0 ||
	        (mode != 1 && cs_load_agents(lc, row, file, &agents, err) < 0) ||
	        (mode != 0 && cs_load_read(lc, &fr->def, row, file, &ld, err) < 0) ||
	        cs_load_interval(lc, &fr->def, row, file, &interval_s, err) < 0)
		return -1;
	return cs_plan_interval(&fr->plan, start, interval_s, agents, &ld, vals, err);
}

static void
run_plan(const struct opts *o, int argc, char **argv)
{
	struct filter_run fr = {o, {o->interval_min, o->aht_s}, {0}};
	int active[2] = {o->mode != 1, o->mode != 0};
	struct cs_output totals;

	if (o->totals)
		cs_open_output(&totals, o->totals);
	cs_plan_init(&fr.plan, (enum cs_plan_which)o->mode, &o->healthy, &o->emergency);
	filter_rows(&fr, argc, argv, cs_plan_columns(&fr.plan), plan_check, plan_row);
	write_totals(o, o->totals ? &totals : NULL, fr.plan.tot, active);
}

/* ---- shrinkage ---- */

static int
shrinkage_bind(void *s, const struct cs_row *h, const char *file, struct cs_error *err)
{
	return cs_shrinkage_bind(s, h, file, err);
}

static int
shrinkage_add(void *s, const struct cs_row *row, const char *file, struct cs_error *err)
{
	return cs_shrinkage_add(s, row, file, err);
}

static void
run_shrinkage(const struct opts *o, int argc, char **argv)
{
	struct cs_shrinkage *s = cs_shrinkage_new(1, o->since, o->until);
	struct cs_output out;
	struct cs_writer *w;

	feed(o, argc, argv, s, shrinkage_bind, shrinkage_add);
	open_output(o, &out, &w);
	cs_shrinkage_write(s, w);
	close_output(&out, w);
	cs_shrinkage_free(s);
}

/* ---- calc ---- */

static void
run_calc(const struct opts *o)
{
	const struct cs_load ld = {o->contacts, o->interval_min * 60, o->aht_s};
	struct cs_output out;
	struct cs_writer *w;
	struct cs_error err;
	struct cs_what_if wi;

	if (isnan(o->contacts))
		cs_usage_error("calc needs --contacts");
	if (isnan(o->aht_s))
		cs_usage_error("calc needs --aht");
	if (cs_load_what_if(&o->target, &ld, &wi, &err) < 0)
		cs_die_error(&err);
	open_output(o, &out, &w);
	if (cs_load_what_if_write(&o->target, &ld, &wi, w, &err) < 0)
		cs_die_error(&err);
	close_output(&out, w);
}

/* ---- options ---- */

static int64_t
parse_date_opt(const char *opt, const char *arg)
{
	int64_t d;

	if (cs_date_parse(arg, strlen(arg), CS_ORDER_YMD, &d) != CS_PARSE_OK)
		cs_usage_error("invalid date '%s' for %s (YYYY-MM-DD)", arg, opt);
	return d;
}

static double
pct_opt(const char *opt, const char *arg, double max)
{
	double v;
	char *end;

	v = strtod(arg, &end);
	if (end == arg || (*end && strcmp(end, "%") != 0) || !(v >= 0) || v > max ||
	        strpbrk(arg, "xX") != NULL)
		cs_usage_error(
		        "invalid value '%s' for %s (a percentage from 0 to %g)", arg, opt, max);
	return v / 100;
}

int
main(int argc, char **argv)
{
	struct opts o;
	int c, seen_target = 0;
	unsigned char seen[OPT_LAST] = {0};
	double v;

	cs_cmd_init("cs-staff");
	memset(&o, 0, sizeof o);
	cs_csv_options_init(&o.csv);
	cs_erlang_target_init(&o.target);
	cs_plan_defaults(&o.healthy, &o.emergency);
	o.aht_s = NAN;
	o.contacts = NAN;
	o.interval_min = 30;
	o.method = CS_FC_AUTO;
	o.weeks = 8;
	o.horizon_s = 7 * 86400;
	o.since = INT64_MIN;
	o.until = INT64_MAX;
	o.hours_per_week = 40;

	if (argc > 1 && argv[1][0] != '-') {
		o.verb = argv[1];
		argc--;
		argv++;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:o:t", longopts, NULL)) != -1) {
		if (c > 0 && c < (int)sizeof seen)
			seen[c] = 1;
		switch (c) {
		case 'd':
			if (strlen(optarg) != 1)
				cs_usage_error("the delimiter must be one character");
			o.csv.delim = (unsigned char)optarg[0];
			break;
		case 'o': o.output = optarg; break;
		case 't': o.tsv = 1; break;
		case OPT_ACCURACY: o.accuracy = 1; break;
		case OPT_AHT: o.aht_s = cs_opt_double("--aht", optarg, 0, 1e7); break;
		case OPT_ASA:
			o.target.asa_s = cs_opt_double("--asa", optarg, 0, 1e7);
			seen_target = 1;
			break;
		case OPT_BUFFER:
			if (cs_plan_parse_buffer(optarg, &o.healthy.buffer, &o.healthy.buffer_pct) <
			        0)
				cs_usage_error(
				        "invalid value '%s' for --buffer (PCT%% or N agents)",
				        optarg);
			break;
		case OPT_BY:
			if (strcmp(optarg, "team") == 0)
				o.by = CS_BY_TEAM;
			else if (strcmp(optarg, "channel") == 0)
				o.by = CS_BY_CHANNEL;
			else
				cs_usage_error(
				        "invalid value '%s' for --by (team or channel)", optarg);
			break;
		case OPT_EVALUATE: o.evaluate = 1; break;
		case OPT_CONTACTS: o.contacts = cs_opt_double("--contacts", optarg, 0, 1e9); break;
		case OPT_HELP: usage(0); break;
		case OPT_HORIZON:
			if (cs_duration_parse(optarg, strlen(optarg), CS_UNIT_D, &v) !=
			                CS_PARSE_OK ||
			        !(v > 0) || v > 366 * 86400.0)
				cs_usage_error(
				        "invalid value '%s' for --horizon (e.g. 7d, 48h)", optarg);
			o.horizon_s = (int64_t)v;
			break;
		case OPT_HOURS_PER_WEEK:
			o.hours_per_week = cs_opt_double("--hours-per-week", optarg, 1, 168);
			break;
		case OPT_INTERVAL:
			o.interval_min = cs_opt_double("--interval", optarg, 1.0 / 60, 1440);
			o.interval_set = 1;
			break;
		case OPT_MAX_ABANDON:
			o.target.max_abandon = pct_opt("--max-abandon", optarg, 100);
			break;
		case OPT_MAX_OCCUPANCY:
			o.target.max_occupancy = pct_opt("--max-occupancy", optarg, 100);
			if (o.target.max_occupancy <= 0)
				cs_usage_error("--max-occupancy must be above 0");
			break;
		case OPT_METHOD:
			if (cs_fc_method_from_name(optarg, &o.method) < 0)
				cs_usage_error("invalid value '%s' for --method (last-week, mean, "
				               "weighted, holt-winters, auto)",
				        optarg);
			break;
		case OPT_MODE:
			if (strcmp(optarg, "healthy") == 0)
				o.mode = 0;
			else if (strcmp(optarg, "emergency") == 0)
				o.mode = 1;
			else if (strcmp(optarg, "both") == 0)
				o.mode = 2;
			else
				cs_usage_error("invalid value '%s' for --mode (healthy, emergency, "
				               "both)",
				        optarg);
			break;
		case OPT_MODEL:
			if (cs_erlang_model_from_name(optarg, &o.target.model) < 0)
				cs_usage_error(
				        "invalid value '%s' for --model (erlang-c, erlang-a, "
				        "workload)",
				        optarg);
			o.model_set = 1;
			break;
		case OPT_MODES: o.modes_file = optarg; break;
		case OPT_PATIENCE:
			o.target.patience_s = cs_opt_double("--patience", optarg, 1e-3, 1e7);
			break;
		case OPT_REJECTS: o.rejects = optarg; break;
		case OPT_ENCODING: o.csv.encoding = cs_opt_encoding(optarg); break;
		case OPT_SHRINKAGE: o.shrinkage_arg = optarg; break;
		case OPT_SINCE: o.since = parse_date_opt("--since", optarg); break;
		case OPT_SL:
			if (cs_plan_parse_sl(optarg, &o.target.sl, &o.target.sl_time_s) < 0)
				cs_usage_error(
				        "invalid value '%s' for --sl (PCT/SECONDS, e.g. 80/20)",
				        optarg);
			o.sl_set = 1;
			seen_target = 1;
			break;
		case OPT_STRICT: o.strict = 1; break;
		case OPT_TEAM: o.team = optarg; break;
		case OPT_TOTALS: o.totals = optarg; break;
		case OPT_TZ: o.tz = optarg; break;
		case OPT_UNTIL: o.until = parse_date_opt("--until", optarg); break;
		case OPT_VERSION: cs_print_version(); exit(0);
		case OPT_WEEKS: o.weeks = (int)cs_opt_long("--weeks", optarg, 1, 520); break;
		default: cs_bad_option(c, argv);
		}
	}
	argc -= optind;
	cs_check_outputs("-o", o.output, "--totals", o.totals);
	argv += optind;

	if (!o.verb)
		cs_usage_error(
		        "no verb given (intervals, forecast, erlang, shrinkage, plan, calc)");
	for (c = 0; c < (int)(sizeof option_verbs / sizeof option_verbs[0]); c++) {
		char key[32];

		snprintf(key, sizeof key, " %s ", o.verb);
		if (seen[option_verbs[c].code] && !strstr(option_verbs[c].verbs, key))
			cs_usage_error("%s does not apply to '%s'", option_verbs[c].name, o.verb);
	}
	/* An ASA target alone replaces the default service level. */
	if (seen_target && !o.sl_set)
		o.target.sl = NAN;
	if (o.target.model == CS_MODEL_ERLANG_A) {
		if (isnan(o.target.patience_s))
			cs_usage_error("--model erlang-a needs --patience");
		if (isnan(o.target.max_abandon))
			cs_usage_error("--model erlang-a needs --max-abandon");
	} else if (!isnan(o.target.max_abandon) || !isnan(o.target.patience_s)) {
		cs_usage_error("--patience and --max-abandon go with --model erlang-a");
	}
	if (strcmp(o.verb, "intervals") == 0) {
		if (o.interval_min != 15 && o.interval_min != 30 && o.interval_min != 60)
			cs_usage_error("--interval must be 15, 30 or 60");
		run_intervals(&o, argc, argv);
	} else if (strcmp(o.verb, "forecast") == 0) {
		run_forecast(&o, argc, argv);
	} else if (strcmp(o.verb, "erlang") == 0) {
		run_erlang(&o, argc, argv);
	} else if (strcmp(o.verb, "shrinkage") == 0) {
		if (o.by == CS_BY_CHANNEL)
			cs_usage_error("shrinkage groups --by team only");
		run_shrinkage(&o, argc, argv);
	} else if (strcmp(o.verb, "plan") == 0) {
		struct cs_plan_mode h0;
		struct cs_error err;

		if (o.team && !o.shrinkage_arg)
			cs_usage_error("--team needs --shrinkage FILE");
		if (o.shrinkage_arg) {
			double s, p = 0;
			char *end;

			if (cs_plan_parse_pct(o.shrinkage_arg, &s) == 0) {
				if (o.team)
					cs_usage_error("--team needs --shrinkage FILE");
			} else if (strtod(o.shrinkage_arg, &end),
			        end != o.shrinkage_arg && (*end == '\0' || strcmp(end, "%") == 0)) {
				cs_usage_error("invalid value '%s' for --shrinkage (a percentage "
				               "from 0 to below 100, or a shrinkage file)",
				        o.shrinkage_arg);
			} else if (cs_shrinkage_load(
			                   o.shrinkage_arg, &o.csv, o.team, &s, &p, &err) < 0) {
				cs_die_error(&err);
			}
			o.healthy.shrinkage = o.emergency.shrinkage = s;
			o.healthy.planned = o.emergency.planned = p;
		}
		o.emergency.buffer = 0;
		/* Emergency targets default to 60/60 at 95%; on plan, the target
		 * options of the command line are the emergency mode's (the
		 * healthy ones were set on erlang). */
		if (o.sl_set) {
			o.emergency.target.sl = o.target.sl;
			o.emergency.target.sl_time_s = o.target.sl_time_s;
		} else if (seen[OPT_ASA]) {
			o.emergency.target.sl = NAN;
		}
		if (seen[OPT_ASA])
			o.emergency.target.asa_s = o.target.asa_s;
		if (seen[OPT_MAX_OCCUPANCY])
			o.emergency.target.max_occupancy = o.target.max_occupancy;
		o.emergency.target.model = o.target.model;
		o.emergency.target.patience_s = o.target.patience_s;
		o.emergency.target.max_abandon = o.target.max_abandon;
		h0 = o.healthy;
		if (o.modes_file &&
		        cs_plan_modes_load(o.modes_file, &o.healthy, &o.emergency, &err) < 0)
			cs_die_error(&err);
		if (memcmp(&h0.target, &o.healthy.target, sizeof h0.target) != 0)
			cs_diex(EXIT_USAGE,
			        "%s: healthy targets are set on 'cs-staff erlang', not in the "
			        "modes file",
			        o.modes_file);
		if (o.emergency.target.model == CS_MODEL_ERLANG_A &&
		        (!(o.emergency.target.patience_s > 0) ||
		                isnan(o.emergency.target.max_abandon)))
			cs_usage_error("the emergency mode's erlang-a needs a patience and an "
			               "abandonment cap");
		run_plan(&o, argc, argv);
	} else if (strcmp(o.verb, "calc") == 0) {
		if (argc)
			cs_usage_error("calc reads no files");
		run_calc(&o);
	} else {
		cs_usage_error("unknown verb '%s'", o.verb);
	}
	return 0;
}
