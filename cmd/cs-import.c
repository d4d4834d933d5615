/*
 * cs-import: any helpdesk, CRM, usage, survey or attendance export to
 * canonical CSV.  Option parsing and glue only; the pipeline is
 * libcs/import.c.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/common.h"
#include "libcs/buf.h"
#include "libcs/csvout.h"
#include "libcs/datetime.h"
#include "libcs/import.h"
#include "libcs/kinds.h"
#include "libcs/mapping.h"
#include "libcs/source.h"

enum {
	OPT_DATE_ORDER = CHAR_MAX + 1,
	OPT_ENCODING,
	OPT_EXPLAIN,
	OPT_HELP,
	OPT_LATEST,
	OPT_MAX_FIELD,
	OPT_REJECTS,
	OPT_SINCE,
	OPT_SNIFF,
	OPT_STRICT,
	OPT_TZ,
	OPT_UNTIL,
	OPT_VERSION,
};

static const struct option longopts[] = {
        {"date-order", required_argument, NULL, OPT_DATE_ORDER},
        {"delimiter", required_argument, NULL, 'd'},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"help", no_argument, NULL, OPT_HELP},
        {"kind", required_argument, NULL, 'k'},
        {"latest", no_argument, NULL, OPT_LATEST},
        {"mapping", required_argument, NULL, 'm'},
        {"max-field", required_argument, NULL, OPT_MAX_FIELD},
        {"output", required_argument, NULL, 'o'},
        {"rejects", required_argument, NULL, OPT_REJECTS},
        {"rules", required_argument, NULL, 'r'},
        {"since", required_argument, NULL, OPT_SINCE},
        {"sniff", no_argument, NULL, OPT_SNIFF},
        {"source", required_argument, NULL, 'f'},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"tsv", no_argument, NULL, 't'},
        {"tz", required_argument, NULL, OPT_TZ},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
};

static void
usage(int status)
{
	if (status != 0)
		cs_usage_error("missing or bad arguments");
	printf("Usage: cs-import [-f SOURCE] [-k KIND] [OPTIONS] [FILE...]\n"
	       "Turn a helpdesk, CRM, usage, survey or attendance export into one canonical\n"
	       "record kind (see cs(7)), written as CSV to standard output.\n"
	       "\n"
	       "  -f, --source SOURCE    zendesk, freshdesk, intercom, helpscout, hubspot,\n"
	       "                         salesforce, servicenow or raw (default: detected\n"
	       "                         from the header)\n"
	       "  -k, --kind KIND        tickets, accounts, usage, surveys, attendance or\n"
	       "                         intervals (default: the source's or the mapping's)\n"
	       "  -m, --mapping FILE     map the columns as FILE says (see cs-import(1))\n"
	       "  -r, --rules FILE       classification and routing rules\n"
	       "      --explain          add a column 'rule' naming the rules that matched\n"
	       "      --latest           keep only the latest row of each id (by updated_at)\n"
	       "      --since TIME       keep rows created at or after TIME\n"
	       "      --until TIME       keep rows created before TIME\n"
	       "      --tz ZONE          zone of times written without an offset (default UTC)\n"
	       "      --date-order ORDER dmy, mdy or ymd for ambiguous dates (default: decided\n"
	       "                         per column from the data, else dmy)\n"
	       "  -d, --delimiter C      input delimiter (default: detected from the header)\n"
	       "      --encoding ENC     input encoding: utf-8, cp1252 or latin1 (UTF-16 with\n"
	       "                         a BOM is detected)\n"
	       "      --max-field SIZE   largest field in bytes, K or M suffix (default 1M)\n"
	       "  -t, --tsv              write TSV instead of CSV\n"
	       "  -o, --output FILE      write to FILE atomically instead of standard output\n"
	       "      --rejects FILE     write rejected rows to FILE (file, line, reason,\n"
	       "                         record)\n"
	       "      --strict           make the first rejected row an error (exit 1)\n"
	       "      --sniff            print what was detected, convert nothing\n"
	       "      --help             print this help and exit\n"
	       "      --version          print the version and exit\n"
	       "\n"
	       "Exit status: 0 success, 1 data or I/O error, 2 usage error.\n");
	exit(0);
}

static int64_t
opt_time(const char *opt, const char *arg, const char *tzname)
{
	struct cs_error err;
	struct cs_tz *tz = NULL;
	int64_t t;
	enum cs_parse_result pr;

	if (tzname && (tz = cs_tz_load(tzname, &err)) == NULL)
		cs_usage_error("invalid value '%s' for --tz", tzname);
	pr = cs_time_parse(arg, strlen(arg), CS_ORDER_YMD, tz, &t);
	cs_tz_free(tz);
	if (pr != CS_PARSE_OK)
		cs_usage_error("invalid value '%s' for %s (a date or a time, 2026-03-01 or "
		               "2026-03-01T08:00:00Z)",
		        arg, opt);
	return t;
}

static size_t
opt_size(const char *arg)
{
	char *end;
	unsigned long long v = strtoull(arg, &end, 10);

	if (end == arg || arg[0] == '-')
		cs_usage_error("invalid value '%s' for --max-field", arg);
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	else if (*end == 'G' || *end == 'g')
		v <<= 30, end++;
	if (*end != '\0' || v == 0 || v > ((unsigned long long)1 << 31))
		cs_usage_error("invalid value '%s' for --max-field (1 to 2G bytes)", arg);
	return (size_t)v;
}

static void
warn_cb(void *ctx, const struct cs_error *e)
{
	(void)ctx;
	cs_warn_error(e);
}

static unsigned long long progress_total;

static void
progress_cb(void *ctx, unsigned long long done)
{
	(void)ctx;
	cs_progress("reading", done, progress_total);
}

static void
summary(const struct cs_import_counts *c)
{
	struct cs_buf b;

	cs_buf_init(&b);
	cs_buf_printf(&b, "imported %ld row%s, rejected %ld", c->written,
	        c->written == 1 ? "" : "s", c->rejected);
	if (c->merged || c->filtered || c->footer) {
		cs_buf_printf(&b, " (%ld records", c->records);
		if (c->merged)
			cs_buf_printf(&b, ", %ld merged", c->merged);
		if (c->filtered)
			cs_buf_printf(&b, ", %ld outside --since/--until", c->filtered);
		if (c->footer)
			cs_buf_printf(&b, ", %ld footer", c->footer);
		cs_buf_addc(&b, ')');
	}
	cs_warnx("%s", b.data);
	cs_buf_release(&b);
}

int
main(int argc, char **argv)
{
	struct cs_import_options o;
	struct cs_output out;
	struct cs_writer *w, *rw = NULL;
	struct cs_import *im;
	struct cs_error err;
	const char *output = NULL, *rejects = NULL, *since = NULL, *until = NULL;
	struct cs_output rej_out;
	int c, tsv = 0, sniff = 0, i;
	static char *stdin_only[] = {"-", NULL};

	cs_cmd_init("cs-import");
	cs_import_options_init(&o);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:f:k:m:o:r:t", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o.csv.delim = cs_mapping_delim_from_name(optarg);
			if (o.csv.delim < 0 || o.csv.delim == '"' || o.csv.delim == '\n' ||
			        o.csv.delim == '\r')
				cs_usage_error("invalid delimiter '%s'", optarg);
			break;
		case 'f':
			if (cs_source_find(optarg) == NULL || strcmp(optarg, "generic") == 0)
				cs_usage_error("unknown source '%s'", optarg);
			o.source = optarg;
			break;
		case 'k':
			o.kind = cs_kind_from_name(optarg);
			if (o.kind == CS_KIND_NONE)
				cs_usage_error("unknown kind '%s'", optarg);
			break;
		case 'm': o.mapping = optarg; break;
		case 'o': output = optarg; break;
		case 'r': o.rules = optarg; break;
		case 't': tsv = 1; break;
		case OPT_DATE_ORDER:
			if (cs_order_from_name(optarg, &o.order) < 0 || o.order == CS_ORDER_AUTO)
				cs_usage_error(
				        "invalid value '%s' for --date-order (dmy, mdy or ymd)",
				        optarg);
			break;
		case OPT_ENCODING:
			if (strcmp(optarg, "utf-8") != 0 && strcmp(optarg, "utf8") != 0 &&
			        strcmp(optarg, "cp1252") != 0 && strcmp(optarg, "latin1") != 0)
				cs_usage_error(
				        "invalid value '%s' for --encoding (utf-8, cp1252 or "
				        "latin1)",
				        optarg);
			o.csv.encoding = strcmp(optarg, "utf8") == 0 ? "utf-8" : optarg;
			break;
		case OPT_EXPLAIN: o.explain = 1; break;
		case OPT_HELP: usage(0); break;
		case OPT_LATEST: o.latest = 1; break;
		case OPT_MAX_FIELD: o.csv.max_field = opt_size(optarg); break;
		case OPT_REJECTS: rejects = optarg; break;
		case OPT_SINCE: since = optarg; break;
		case OPT_SNIFF: sniff = 1; break;
		case OPT_STRICT: o.strict = 1; break;
		case OPT_TZ: o.tz = optarg; break;
		case OPT_UNTIL: until = optarg; break;
		case OPT_VERSION: cs_print_version(); return 0;
		default: cs_bad_option(c, argv);
		}
	}
	argc -= optind;
	argv += optind;

	if (o.source && o.mapping)
		cs_usage_error("-f and -m exclude each other: a mapping is its own source");
	if (o.source && strcmp(o.source, "raw") != 0 && o.kind != CS_KIND_NONE &&
	        o.kind != CS_KIND_TICKETS)
		cs_usage_error(
		        "source '%s' writes tickets, not %s", o.source, cs_kind_name(o.kind));
	if (o.source && strcmp(o.source, "raw") == 0 &&
	        (o.kind != CS_KIND_NONE || o.latest || since || until))
		cs_usage_error("-f raw takes no -k, --latest, --since or --until");
	if (o.explain && !o.rules)
		cs_usage_error("--explain needs rules (-r FILE)");
	if (o.tz) {
		struct cs_tz *tz = cs_tz_load(o.tz, &err);

		if (tz == NULL)
			cs_usage_error("invalid value '%s' for --tz (an IANA zone such as "
			               "Europe/Paris)",
			        o.tz);
		cs_tz_free(tz);
	}
	if (since)
		o.since = opt_time("--since", since, o.tz);
	if (until)
		o.until = opt_time("--until", until, o.tz);
	if (argc == 0)
		argv = stdin_only, argc = 1;
	o.warn = warn_cb;
	o.progress = progress_cb;

	if (sniff) {
		struct cs_buf b;

		cs_buf_init(&b);
		w = cs_writer_new(stdout, "<stdout>", 0);
		im = cs_import_new(&o, w, NULL, &err);
		if (im == NULL)
			cs_die_error(&err);
		for (i = 0; i < argc; i++) {
			cs_buf_reset(&b);
			if (cs_import_sniff(im, argv[i], &b, &err) < 0)
				cs_die_error(&err);
			fputs(b.data, stdout);
			cs_import_free(im);
			im = cs_import_new(&o, w, NULL, &err);
			if (im == NULL)
				cs_die_error(&err);
		}
		cs_import_free(im);
		cs_writer_close(w, &err);
		cs_buf_release(&b);
		if (fflush(stdout) != 0 || ferror(stdout))
			cs_diex(EXIT_DATA, "write error");
		return 0;
	}

	cs_check_outputs("-o", output, "--rejects", rejects);
	cs_open_output(&out, output);
	w = cs_writer_new(out.fp, out.name, tsv);
	if (rejects) {
		cs_open_output(&rej_out, rejects);
		rw = cs_writer_new(rej_out.fp, rej_out.name, 0);
	}
	im = cs_import_new(&o, w, rw, &err);
	if (im == NULL)
		cs_die_error(&err);
	for (i = 0; i < argc; i++) {
		struct stat st;

		progress_total = 0;
		if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 && S_ISREG(st.st_mode))
			progress_total = (unsigned long long)st.st_size;
		if (cs_import_file(im, argv[i], &err) < 0) {
			cs_import_free(im);
			cs_die_error(&err);
		}
	}
	if (cs_import_finish(im, &err) < 0)
		cs_die_error(&err);
	cs_progress_done();
	summary(cs_import_counts(im));
	cs_import_free(im);
	if (cs_writer_close(w, &err) < 0)
		cs_die_error(&err);
	if (rw) {
		if (cs_writer_close(rw, &err) < 0)
			cs_die_error(&err);
		cs_commit_output(&rej_out);
	}
	cs_commit_output(&out);
	return 0;
}
