/*
 * Unit tests of cs-import's library modules: the kinds' enumerations, the
 * mapping-file parser and its value maps and time formats, the rules, the
 * string map, and the whole pipeline over small exports held in memory.
 * Expected values are worked by hand in the comments.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"
#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/datetime.h"
#include "libcs/error.h"
#include "libcs/import.h"
#include "libcs/kinds.h"
#include "libcs/mapping.h"
#include "libcs/rules.h"
#include "libcs/ticket.h"
#include "tests/tap.h"

static const struct cs_kind_column *
column(enum cs_kind k, const char *name)
{
	const struct cs_kind_def *d = cs_kind_def(k);

	return &d->cols[cs_kind_column_index(d, name)];
}

static const char *
enum_value(enum cs_kind k, const char *col, const char *v)
{
	return cs_kind_enum_value(column(k, col), v, strlen(v));
}

static void
test_kinds(void)
{
	const struct cs_kind_def *d = cs_kind_def(CS_KIND_TICKETS);

	tap_long((long long)d->ncols, 23, "tickets has the 23 columns of design.md");
	tap_str(d->cols[0].name, "id", "tickets starts with id");
	tap_str(d->cols[22].name, "subject", "and ends with subject");
	tap_ok(cs_kind_from_name("usage") == CS_KIND_USAGE, "kind by name");
	tap_ok(cs_kind_from_name("calls") == CS_KIND_NONE, "unknown kind");
	tap_str(enum_value(CS_KIND_TICKETS, "status", "Resolved"), "solved", "Resolved is solved");
	tap_str(enum_value(CS_KIND_TICKETS, "status", " On-Hold "), "hold", "On-Hold is hold");
	tap_ok(enum_value(CS_KIND_TICKETS, "status", "Deleted") == NULL, "unknown status");
	tap_str(enum_value(CS_KIND_TICKETS, "priority", "Medium"), "normal", "Medium is normal");
	tap_str(enum_value(CS_KIND_TICKETS, "priority", "critical"), "urgent",
	        "critical is urgent");
	tap_str(enum_value(CS_KIND_TICKETS, "channel", "Web form"), "web", "Web form is web");
	tap_str(enum_value(CS_KIND_TICKETS, "channel", "Carrier pigeon"), "other",
	        "an unknown channel is other");
	/* A 1-5 score: 4 and 5 are good, 1 to 3 bad; 3.0 as Kaggle writes it. */
	tap_str(enum_value(CS_KIND_TICKETS, "csat", "5"), "good", "csat 5 is good");
	tap_str(enum_value(CS_KIND_TICKETS, "csat", "4"), "good", "csat 4 is good");
	tap_str(enum_value(CS_KIND_TICKETS, "csat", "3.0"), "bad", "csat 3.0 is bad");
	tap_str(enum_value(CS_KIND_TICKETS, "csat", "Offered"), "offered", "Offered");
	tap_str(enum_value(CS_KIND_TICKETS, "csat", "Unoffered"), "", "Unoffered is none");
	tap_str(enum_value(CS_KIND_TICKETS, "csat", "Good, I'm satisfied"), "good",
	        "Zendesk's long label");
	tap_ok(enum_value(CS_KIND_TICKETS, "csat", "6") == NULL, "csat 6 is not a score");
	tap_str(enum_value(CS_KIND_ACCOUNTS, "status", "Canceled"), "churned", "Canceled");
}

/* The enumerations cs-import writes are the ones ticket.c reads back. */
static void
test_kinds_agree_with_ticket(void)
{
	const struct cs_kind_def *d = cs_kind_def(CS_KIND_TICKETS);
	const char *const *v;
	int ok = 1;

	for (v = column(CS_KIND_TICKETS, "status")->values; *v; v++)
		ok &= strcmp(cs_status_name(cs_status_from(*v, strlen(*v))), *v) == 0;
	for (v = column(CS_KIND_TICKETS, "priority")->values; *v; v++)
		ok &= strcmp(cs_priority_name(cs_priority_from(*v, strlen(*v))), *v) == 0;
	for (v = column(CS_KIND_TICKETS, "channel")->values; *v; v++)
		ok &= strcmp(cs_channel_name(cs_channel_from(*v, strlen(*v))), *v) == 0;
	for (v = column(CS_KIND_TICKETS, "csat")->values; *v; v++)
		ok &= strcmp(cs_csat_name(cs_csat_from(*v, strlen(*v))), *v) == 0;
	tap_ok(ok && d->ncols == 23, "tickets' enumerations are ticket.h's names");
}

static void
test_mapping(void)
{
	struct cs_mapping m;
	struct cs_error e;
	struct cs_buf b;
	const struct cs_map_column *c;
	const char *out;
	size_t len;
	static const char text[] = "# a comment\n"
	                           "kind tickets\n"
	                           "delimiter tab\n"
	                           "fold\n"
	                           "  id from Ticket ID  \n"
	                           "created_at from {Date} {Time}\n"
	                           "created_at format %d.%m.%Y %H:%M\n"
	                           "status from /^state$/i\n"
	                           "status map /^(closed|done)$/i = closed\n"
	                           "status map Waiting = pending\n"
	                           "status default open\n"
	                           "subject map /^RE: (.*)$/ = \\1\n"
	                           "kind from Survey\n"
	                           "wait_s clamp 0 -\n"
	                           "created_at keep min\n";

	cs_mapping_init(&m);
	tap_long(cs_mapping_parse(&m, "t.map", text, sizeof text - 1, &e), 0, "mapping parses");
	tap_ok(m.kind == CS_KIND_TICKETS && m.delim == '\t' && m.fold, "directives");
	tap_long((long long)m.ncols, 6, "six columns named");
	c = cs_mapping_column(&m, "id");
	tap_ok(c && c->nfrom == 1 && strcmp(c->from[0].text, "Ticket ID") == 0,
	        "a name with blanks, line trimmed");
	c = cs_mapping_column(&m, "created_at");
	tap_ok(c && c->from[0].type == CS_FROM_TEMPLATE &&
	                strcmp(c->format, "%d.%m.%Y %H:%M") == 0 && c->keep == CS_KEEP_MIN,
	        "template, format and keep");
	tap_ok(cs_mapping_column(&m, "kind") != NULL, "a column named like a directive");
	c = cs_mapping_column(&m, "wait_s");
	tap_ok(c && c->has_clamp && isinf(c->clamp_max), "clamp 0 -");
	tap_num(c ? c->clamp_min : -1, 0, 0, "clamp's lower bound");

	cs_buf_init(&b);
	c = cs_mapping_column(&m, "status");
	tap_long(cs_map_apply(c, "DONE", 4, &b, &out, &len, &e), 1, "regex map matches");
	tap_str(out, "closed", "to its value");
	tap_long(cs_map_apply(c, " waiting ", 9, &b, &out, &len, &e), 1, "literal map");
	tap_str(out, "pending", "ignoring case and blanks");
	tap_long(cs_map_apply(c, "Open", 4, &b, &out, &len, &e), 0, "no map matches");
	c = cs_mapping_column(&m, "subject");
	tap_long(cs_map_apply(c, "RE: Refund", 10, &b, &out, &len, &e), 1, "map with a group");
	tap_str(out, "Refund", "\\1 is the group");
	cs_buf_release(&b);
	cs_mapping_release(&m);

	cs_mapping_init(&m);
	tap_long(cs_mapping_parse(&m, "bad.map", "kind tickets\nid frm x\n", 22, &e), -1,
	        "unknown verb");
	tap_ok(e.line == 2 && strcmp(e.msg, "unknown rule 'id frm'") == 0, "names its line");
	cs_mapping_release(&m);
	cs_mapping_init(&m);
	tap_long(cs_mapping_parse(&m, "bad.map", "status map /(x/ = y\n", 20, &e), -1,
	        "bad pattern");
	tap_ok(e.line == 1 && strstr(e.msg, "offset") != NULL, "with its offset");
	cs_mapping_release(&m);
	cs_mapping_init(&m);
	tap_long(cs_mapping_parse(&m, "bad.map", "kind calls\n", 11, &e), -1, "unknown kind");
	cs_mapping_release(&m);
}

static void
test_time_fmt(void)
{
	int64_t t;
	char s[CS_TIME_LEN];

	/* The formats of mapping files go to cs_time_parse_fmt (datetime.c);
	 * these are the cases cs-import(1) shows.  990101 7:05:09: %y 99 is
	 * 1999. */
	tap_ok(cs_time_parse_fmt("990101 7:05:09", 14, "%y%m%d %H:%M:%S", NULL, &t) == CS_PARSE_OK,
	        "YYMMDD H:MM:SS");
	tap_str(cs_time_format(t, s), "1999-01-01T07:05:09Z", "is read as written");
	tap_ok(cs_time_parse_fmt("14 Mar 2023 9:05 PM", 19, "%d %b %Y %H:%M %p", NULL, &t) ==
	                CS_PARSE_OK,
	        "month name and PM");
	tap_str(cs_time_format(t, s), "2023-03-14T21:05:00Z", "9:05 PM is 21:05");
	tap_ok(cs_time_parse_fmt("12:30 AM 01/02/2024", 19, "%H:%M %p %m/%d/%Y", NULL, &t) ==
	                CS_PARSE_OK,
	        "12 AM");
	tap_str(cs_time_format(t, s), "2024-01-02T00:30:00Z", "12:30 AM is 00:30");
	tap_ok(cs_time_parse_fmt("31.02.2023", 10, "%d.%m.%Y", NULL, &t) == CS_PARSE_BAD,
	        "31 February is no day");
	tap_ok(cs_time_parse_fmt("2023-01-01x", 11, "%Y-%m-%d", NULL, &t) == CS_PARSE_BAD,
	        "trailing text is bad");
	tap_ok(cs_time_parse_fmt("?", 1, "%Y-%m-%d", NULL, &t) == CS_PARSE_EMPTY,
	        "a placeholder is empty");
}

static void
test_rules(void)
{
	static const char text[] =
	        "# rules\n"
	        "subject ~ /refund/i => category=billing team=finance\n"
	        "tags ~ /vip/ => team=enterprise priority=urgent\n"
	        "\"the note\" !~ /./ subject ~ /login/ => category=\"access, login\"\n";
	const char *names[] = {"subject", "tags", "category", "team", "priority", "the note"};
	char *f[6];
	size_t len[6];
	const char *val[6];
	size_t vlen[6];
	const char *explain;
	struct cs_rules *r;
	struct cs_error e;
	int i;

	r = cs_rules_parse("r.txt", text, sizeof text - 1, &e);
	tap_ok(r != NULL && cs_rules_count(r) == 3, "three rules");
	tap_long(cs_rules_bind(r, names, 6, &e), 0, "bound");
	f[0] = "Refund please", f[1] = "vip", f[2] = "", f[3] = "", f[4] = "", f[5] = "";
	for (i = 0; i < 6; i++) {
		len[i] = strlen(f[i]);
		val[i] = f[i];
		vlen[i] = len[i];
	}
	/* Rule 2 sets category and team; rule 3 finds team taken but sets
	 * priority; rule 4 does not match. */
	tap_long(cs_rules_apply(r, f, len, val, vlen, &explain, &e), 2, "two rules fire");
	tap_str(val[2], "billing", "category from the first rule");
	tap_str(val[3], "finance", "team from the first rule, not the second");
	tap_str(val[4], "urgent", "priority from the second");
	tap_str(explain, "r.txt:2 r.txt:3", "explained by file and line");
	f[0] = "login broken", f[1] = "", f[5] = "";
	for (i = 0; i < 6; i++) {
		len[i] = strlen(f[i]);
		val[i] = f[i];
		vlen[i] = len[i];
	}
	tap_long(cs_rules_apply(r, f, len, val, vlen, &explain, &e), 1, "negated condition");
	tap_str(val[2], "access, login", "quoted value");
	cs_rules_free(r);

	r = cs_rules_parse("r.txt", "\nsubject ~ /(x/ => team=a\n", 25, &e);
	tap_ok(r == NULL && e.line == 2 && strstr(e.msg, "offset 2") != NULL,
	        "a bad pattern names line and offset");
	r = cs_rules_parse("r.txt", "subject ~ /x/\n", 14, &e);
	tap_ok(r == NULL && e.line == 1, "a rule without => is an error");
	r = cs_rules_parse("r.txt", "nope ~ /x/ => team=a\n", 21, &e);
	tap_ok(r != NULL && cs_rules_bind(r, names, 6, &e) < 0 &&
	                strcmp(e.msg, "unknown column 'nope'") == 0,
	        "an unknown column is found at bind");
	cs_rules_free(r);
}

/* Runs the pipeline over an in-memory export written to a temporary file. */
static char *
run(const char *input, const struct cs_import_options *o, struct cs_import_counts *counts, int *rc)
{
	char path[] = "/tmp/cs-test-import.XXXXXX";
	char *mem = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&mem, &size);
	struct cs_writer *w = cs_writer_new(fp, "mem", 0);
	struct cs_import *im;
	struct cs_error e;
	int fd = mkstemp(path);
	FILE *in = fdopen(fd, "w");

	fputs(input, in);
	fclose(in);
	im = cs_import_new(o, w, NULL, &e);
	*rc = im ? cs_import_file(im, path, &e) : -1;
	if (*rc == 0)
		*rc = cs_import_finish(im, &e);
	if (im && counts)
		*counts = *cs_import_counts(im);
	cs_import_free(im);
	cs_writer_close(w, &e);
	fclose(fp);
	remove(path);
	return mem;
}

static void
test_pipeline(void)
{
	struct cs_import_options o;
	struct cs_import_counts c;
	char *out;
	int rc;

	cs_import_options_init(&o);
	o.kind = CS_KIND_ACCOUNTS;
	/* Seats from Licenses, renewal from Renewal Date (day first, 31/12),
	 * Cancelled is churned, Region carried through. */
	out = run("Account ID,Licenses,Renewal Date,Status,Region\n"
	          "A1,5,31/12/2026,Cancelled,EU\n",
	        &o, &c, &rc);
	tap_long(rc, 0, "accounts import");
	tap_str(out,
	        "account,name,segment,plan,seats,mrr,start_at,renewal_at,csm,status,churned_at,"
	        "Region\n"
	        "A1,,,,5,,,2026-12-31T00:00:00Z,,churned,,EU\n",
	        "accounts by alias");
	free(out);

	cs_import_options_init(&o);
	o.kind = CS_KIND_USAGE;
	/* Two events of u1 on one day sum; 90 s is 1.5 min. */
	out = run("account,user,date,feature,duration_s\n"
	          "A,u1,2026-01-01T10:00:00Z,f,30\n"
	          "A,u1,2026-01-01T23:00:00Z,f,60\n"
	          "A,u2,2026-01-02T00:00:00Z,f,\n",
	        &o, &c, &rc);
	tap_str(out,
	        "account,date,user,feature,events,minutes\n"
	        "A,2026-01-01,u1,f,2,1.5\n"
	        "A,2026-01-02,u2,f,1,\n",
	        "usage rolled up");
	tap_ok(c.records == 3 && c.written == 2 && c.merged == 1, "counts of a rollup");
	free(out);

	cs_import_options_init(&o);
	/* A row with a bad status is rejected, the others go on. */
	out = run("id,created_at,status\n1,2026-01-01 10:00,open\n2,2026-01-01 10:00,lost\n", &o,
	        &c, &rc);
	tap_ok(rc == 0 && c.written == 1 && c.rejected == 1, "a reject does not stop the import");
	free(out);
	o.strict = 1;
	out = run("id,created_at,status\n1,2026-01-01 10:00,open\n2,2026-01-01 10:00,lost\n", &o,
	        &c, &rc);
	tap_long(rc, -1, "strict makes it an error");
	free(out);
}

/* What cs-import writes, ticket.c reads: every row of a Zendesk export
 * imported and read back as canonical tickets, with nothing refused. */
static void
test_round_trip(void)
{
	static const char export[] =
	        "Id,Requester id,Group,Status,Priority,Via,Created at,Updated at,Solved at,"
	        "Satisfaction Score,Reopens,Replies,First reply time in minutes,Subject\n"
	        "1,9,Support,Solved,Urgent,Mail,2026-03-02 09:00:00,2026-03-03 10:00:00,"
	        "2026-03-02 12:30:00,5,0,2,15,\"Refund, please\"\n"
	        "2,9,Support,Open,Low,Chat,2026-03-02 10:00:00,2026-03-02 10:05:00,"
	        "1900-01-01 00:00:00,Offered,0,0,,Hello\n";
	struct cs_import_options o;
	struct cs_ticket_columns tc;
	struct cs_ticket t;
	struct cs_csv_reader *r;
	struct cs_row row;
	struct cs_error e;
	char *out;
	int rc, n = 0, bad = 0;

	cs_import_options_init(&o);
	out = run(export, &o, NULL, &rc);
	r = cs_csv_open_mem("out", out, strlen(out), NULL, &e);
	tap_ok(r && cs_ticket_bind(&tc, cs_csv_header(r), "out", &e) == 0,
	        "output binds as tickets");
	while (r && cs_csv_read(r, &row, &e) == 1) {
		n++;
		if (cs_ticket_read(&tc, &row, "out", &t, &e) < 0)
			bad++;
		/* Row 1: solved 3.5 h after creation, so 210 min computed. */
		if (n == 1)
			tap_ok(t.status == CS_ST_SOLVED && t.csat == CS_CSAT_GOOD &&
			                t.resolution_min == 210 && t.first_reply_min == 15,
			        "values survive the round trip");
	}
	tap_ok(n == 2 && bad == 0, "every row reads back");
	cs_csv_close(r);
	free(out);
}

int
main(void)
{
	test_kinds();
	test_kinds_agree_with_ticket();
	test_mapping();
	test_time_fmt();
	test_rules();
	test_pipeline();
	test_round_trip();
	return tap_done();
}
