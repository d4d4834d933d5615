/*
 * cs-score: customer health that explains itself, adoption stage, loyalty
 * and proactive flags.  Option parsing and glue only: the model is
 * libcs/model.c, the measures and score libcs/health.c, the flags
 * libcs/flags.c.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/common.h"
#include "libcs/buf.h"
#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/datetime.h"
#include "libcs/flags.h"
#include "libcs/health.h"
#include "libcs/model.h"
#include "libcs/rejects.h"

enum {
	OPT_AS_OF = CHAR_MAX + 1,
	OPT_ENCODING,
	OPT_MODEL,
	OPT_PREVIOUS,
	OPT_REJECTS,
	OPT_SEGMENT_BY,
	OPT_STRICT,
	OPT_SURVEYS,
	OPT_TICKETS,
	OPT_VERSION,
};

static const struct option longopts[] = {
        {"accounts", required_argument, NULL, 'a'},
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"delimiter", required_argument, NULL, 'd'},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"help", no_argument, NULL, 'h'},
        {"model", required_argument, NULL, OPT_MODEL},
        {"output", required_argument, NULL, 'o'},
        {"previous", required_argument, NULL, OPT_PREVIOUS},
        {"rejects", required_argument, NULL, OPT_REJECTS},
        {"segment-by", required_argument, NULL, OPT_SEGMENT_BY},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"surveys", required_argument, NULL, OPT_SURVEYS},
        {"tickets", required_argument, NULL, OPT_TICKETS},
        {"tsv", no_argument, NULL, 't'},
        {"usage", required_argument, NULL, 'u'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
};

static void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr,
		        "usage: cs-score health|flags --accounts FILE [options]\n"
		        "       cs-score model [--model FILE] [-o FILE]\n"
		        "Try 'cs-score --help' for more information.\n");
		exit(status);
	}
	printf("usage: cs-score health|flags --accounts FILE [options]\n"
	       "       cs-score model [--model FILE] [-o FILE]\n"
	       "\n"
	       "Customer health that explains itself, adoption stage, loyalty and proactive\n"
	       "flags, from canonical accounts, usage, tickets and surveys.\n"
	       "\n"
	       "Verbs:\n"
	       "  health             one row per account: score, band, measures, drivers, stage\n"
	       "  flags              one row per (account, flag): risks and opportunities\n"
	       "  model              print the model (built-in, or --model) as a model file\n"
	       "\n"
	       "Options:\n"
	       "  -a, --accounts FILE   accounts (required for health and flags)\n"
	       "  -u, --usage FILE      daily usage: account, date; user, feature, events\n"
	       "      --tickets FILE    canonical tickets\n"
	       "      --surveys FILE    survey answers: account, score, answered_at; kind\n"
	       "      --previous FILE   last run's output: adds prev_score, delta, trend\n"
	       "                        (health) or status new/ongoing/resolved (flags)\n"
	       "      --model FILE      a model file over the built-in model\n"
	       "      --as-of DATE      end of every window (default: latest date in the data)\n"
	       "      --segment-by COL  accounts column that picks a profile (default segment)\n"
	       "      --rejects FILE    write rejected input rows here (file, line, reason,\n"
	       "                        record)\n"
	       "      --strict          any rejected row is an error\n"
	       "  -d, --delimiter C     input delimiter (default: detected)\n"
	       "      --encoding NAME   input encoding (utf-8, cp1252, latin1)\n"
	       "  -o, --output FILE     write atomically to FILE instead of stdout\n"
	       "  -t, --tsv             write TSV instead of CSV\n"
	       "  -h, --help            show this help\n"
	       "      --version         show the version\n"
	       "\n"
	       "One input may be '-' (stdin).  See cs-score(1).\n");
	exit(0);
}

struct run {
	struct cs_csv_options copt;
	int strict;
	long rejected;
	struct cs_output rej;
	struct cs_writer *rejw;
	struct cs_rejects rejects; /* over rejw, when --rejects is given */
};

enum stream { S_ACCOUNTS, S_USAGE, S_TICKETS, S_SURVEYS, S_PREVIOUS };

static void
note_reject(struct run *r, const struct cs_error *err, const struct cs_row *row)
{
	if (r->strict)
		cs_die_error(err);
	r->rejected++;
	if (r->rejw)
		cs_rejects_add(&r->rejects, err, row);
}

/* Reads one stream into h (or into prev for a flags --previous). */
static void
read_stream(struct run *r, const char *path, enum stream kind, struct cs_health *h,
        struct cs_flags_prev *prev)
{
	static const char *const what[] = {"accounts", "usage", "tickets", "surveys", "previous"};
	struct cs_error err;
	struct cs_csv_reader *in;
	const char *name;
	struct cs_row row;
	long before = r->rejected, skipped = cs_health_skipped(h);
	int rc;

	in = cs_csv_open(path, &r->copt, &err);
	if (in == NULL)
		cs_die_error(&err);
	name = cs_csv_name(in);
	switch (kind) {
	case S_ACCOUNTS: rc = cs_health_accounts_begin(h, cs_csv_header(in), name, &err); break;
	case S_USAGE: rc = cs_health_usage_begin(h, cs_csv_header(in), name, &err); break;
	case S_TICKETS: rc = cs_health_tickets_begin(h, cs_csv_header(in), name, &err); break;
	case S_SURVEYS: rc = cs_health_surveys_begin(h, cs_csv_header(in), name, &err); break;
	default:
		rc = prev ? cs_flags_prev_begin(prev, cs_csv_header(in), name, &err)
		          : cs_health_previous_begin(h, cs_csv_header(in), name, &err);
		break;
	}
	if (rc < 0)
		cs_die_error(&err);
	while ((rc = cs_csv_read(in, &row, &err)) > 0) {
		switch (kind) {
		case S_ACCOUNTS: rc = cs_health_accounts_add(h, &row, &err); break;
		case S_USAGE: rc = cs_health_usage_add(h, &row, &err); break;
		case S_TICKETS: rc = cs_health_tickets_add(h, &row, &err); break;
		case S_SURVEYS: rc = cs_health_surveys_add(h, &row, &err); break;
		default:
			rc = prev ? cs_flags_prev_add(prev, &row, &err)
			          : cs_health_previous_add(h, &row, &err);
			break;
		}
		if (rc < 0)
			cs_die_error(&err);
		if (rc > 0)
			note_reject(r, &err, &row);
		if ((cs_csv_records(in) & 0xffff) == 0)
			cs_progress(what[kind], cs_csv_records(in), 0);
	}
	if (rc < 0)
		cs_die_error(&err);
	cs_progress_done();
	if (r->rejected > before)
		cs_warnx("%s: %ld row%s rejected%s", name, r->rejected - before,
		        r->rejected - before == 1 ? "" : "s", r->rejw ? "" : " (see --rejects)");
	skipped = cs_health_skipped(h) - skipped;
	if (skipped > 0)
		cs_warnx("%s: %ld %s no account: skipped", name, skipped,
		        skipped == 1 ? "row names" : "rows name");
	cs_csv_close(in);
}

int
main(int argc, char **argv)
{
	const char *accounts = NULL, *usage_file = NULL, *tickets = NULL, *surveys = NULL;
	const char *previous = NULL, *model_file = NULL, *as_of = NULL, *segment_by = NULL;
	const char *output = NULL, *rejects = NULL, *verb;
	struct run r;
	struct cs_model model;
	struct cs_error err;
	struct cs_output out;
	struct cs_writer *w;
	struct cs_health *h;
	struct cs_flags_prev *prev = NULL;
	int c, tsv = 0, stdin_uses = 0;
	int64_t day = 0;
	size_t i;

	cs_cmd_init("cs-score");
	memset(&r, 0, sizeof r);
	cs_csv_options_init(&r.copt);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":a:d:ho:tu:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a': accounts = optarg; break;
		case 'd':
			if (strlen(optarg) != 1 && strcmp(optarg, "\\t") != 0)
				cs_usage_error("the delimiter must be one character: '%s'", optarg);
			r.copt.delim = strcmp(optarg, "\\t") == 0 ? '\t' : optarg[0];
			break;
		case 'h': usage(0); break;
		case 'o': output = optarg; break;
		case 't': tsv = 1; break;
		case 'u': usage_file = optarg; break;
		case OPT_AS_OF: as_of = optarg; break;
		case OPT_ENCODING: r.copt.encoding = cs_opt_encoding(optarg); break;
		case OPT_MODEL: model_file = optarg; break;
		case OPT_PREVIOUS: previous = optarg; break;
		case OPT_REJECTS: rejects = optarg; break;
		case OPT_SEGMENT_BY: segment_by = optarg; break;
		case OPT_STRICT: r.strict = 1; break;
		case OPT_SURVEYS: surveys = optarg; break;
		case OPT_TICKETS: tickets = optarg; break;
		case OPT_VERSION: cs_print_version(); return 0;
		default: cs_bad_option(c, argv);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		cs_usage_error("a verb is required: health, flags or model");
	verb = argv[0];
	if (argc > 1)
		cs_usage_error("unexpected argument '%s'", argv[1]);
	if (strcmp(verb, "health") != 0 && strcmp(verb, "flags") != 0 && strcmp(verb, "model") != 0)
		cs_usage_error("unknown verb '%s' (health, flags or model)", verb);
	if (as_of) {
		if (cs_date_parse(as_of, strlen(as_of), CS_ORDER_YMD, &day) != CS_PARSE_OK)
			cs_usage_error("invalid date '%s' for --as-of (YYYY-MM-DD)", as_of);
	}

	cs_model_init(&model);
	if (model_file && cs_model_load(&model, model_file, &err) < 0)
		cs_die_error(&err);
	if (strcmp(verb, "model") == 0) {
		cs_open_output(&out, output);
		if (cs_model_print(&model, out.fp) < 0)
			cs_diex(EXIT_DATA, "%s: write error", out.name);
		cs_commit_output(&out);
		cs_model_release(&model);
		return 0;
	}

	if (accounts == NULL)
		cs_usage_error("--accounts FILE is required");
	{
		const char *const ins[] = {accounts, usage_file, tickets, surveys, previous};

		for (i = 0; i < sizeof ins / sizeof ins[0]; i++)
			if (ins[i] && strcmp(ins[i], "-") == 0)
				stdin_uses++;
	}
	if (stdin_uses > 1)
		cs_usage_error("only one input can be stdin ('-')");

	cs_check_outputs("-o", output, "--rejects", rejects);
	if (rejects) {
		cs_open_output(&r.rej, rejects);
		r.rejw = cs_writer_new(r.rej.fp, r.rej.name, 0);
		cs_rejects_init(&r.rejects, r.rejw);
	}
	cs_open_output(&out, output);
	h = cs_health_new(&model, segment_by);
	if (as_of)
		cs_health_set_as_of(h, day);
	read_stream(&r, accounts, S_ACCOUNTS, h, NULL);
	if (usage_file)
		read_stream(&r, usage_file, S_USAGE, h, NULL);
	if (tickets)
		read_stream(&r, tickets, S_TICKETS, h, NULL);
	if (surveys)
		read_stream(&r, surveys, S_SURVEYS, h, NULL);
	if (previous) {
		if (strcmp(verb, "flags") == 0)
			prev = cs_flags_prev_new();
		read_stream(&r, previous, S_PREVIOUS, h, prev);
	}
	cs_health_finish(h);

	w = cs_writer_new(out.fp, out.name, tsv);
	if (strcmp(verb, "health") == 0) {
		cs_health_write_header(h, w);
		for (i = 0; i < cs_health_count(h); i++)
			cs_health_write_row(h, i, w);
	} else {
		cs_flags_write(h, prev, w);
	}
	if (cs_writer_close(w, &err) < 0)
		cs_die_error(&err);
	cs_commit_output(&out);
	if (r.rejw) {
		cs_rejects_release(&r.rejects);
		if (cs_writer_close(r.rejw, &err) < 0)
			cs_die_error(&err);
		cs_commit_output(&r.rej);
	}
	cs_flags_prev_free(prev);
	cs_health_free(h);
	cs_model_release(&model);
	return 0;
}
