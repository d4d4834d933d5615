/*
 * Unit tests of the canonical ticket reader: values read as written, empty
 * fields unknown, and bad values named with their line and column.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "libcs/csv.h"
#include "libcs/ticket.h"
#include "tests/tap.h"

static const char input[] = "id,created_at,status,priority,channel,csat,first_reply_at,solved_at,"
                            "first_reply_min,replies,reopens,team,mine\n"
                            "T1,2026-03-01T05:40:55Z,solved,urgent,chat,good,2026-03-01T06:00:55Z,"
                            "2026-03-02T05:40:55Z,20,1,0,Tier 1,x\n"
                            "T2,2026-03-01T00:00:00Z,open,,,,,,,,,,\n"
                            "T3,2026-03-01T00:00:00Z,closd,low,email,,,,,,,,\n"
                            "T4,yesterday,open,low,email,,,,,,,,\n"
                            "T5,2026-03-01T00:00:00Z,open,low,email,,,,-3,,,,\n"
                            "T6,2026-03-01T00:00:00Z,closed,low,email,,,,,2.5,,,\n";

int
main(void)
{
	struct cs_csv_options opt;
	struct cs_error err;
	struct cs_csv_reader *r;
	struct cs_ticket_columns c;
	struct cs_ticket t;
	struct cs_row row;

	cs_csv_options_init(&opt);
	r = cs_csv_open_mem("t.csv", input, sizeof input - 1, &opt, &err);
	tap_ok(r != NULL, "open");
	tap_long(cs_ticket_bind(&c, cs_csv_header(r), "t.csv", &err), 0, "bind");
	tap_ok(c.assignee == -1 && c.team == 11, "absent and present columns");

	cs_csv_read(r, &row, &err);
	tap_long(cs_ticket_read(&c, &row, "t.csv", &t, &err), 0, "full row reads");
	/* 2026-03-01 is day 20513 since 1970-01-01: 20513 * 86400 + 5*3600 +
	 * 40*60 + 55 = 1772343655. */
	tap_long(t.created_at, 1772343655LL, "created_at instant");
	tap_long(t.first_reply_at - t.created_at, 1200, "first reply 20 minutes later");
	tap_long(t.status, CS_ST_SOLVED, "status");
	tap_long(t.priority, CS_PRI_URGENT, "priority");
	tap_long(t.channel, CS_CH_CHAT, "channel");
	tap_long(t.csat, CS_CSAT_GOOD, "csat");
	tap_num(t.first_reply_min, 20, 0, "first_reply_min");
	tap_long(t.replies, 1, "replies");
	tap_long(t.reopens, 0, "reopens");
	tap_str(t.team, "Tier 1", "team text");
	tap_ok(cs_ticket_is_solved(&t), "solved with solved_at");

	cs_csv_read(r, &row, &err);
	tap_long(cs_ticket_read(&c, &row, "t.csv", &t, &err), 0, "sparse row reads");
	tap_ok(t.solved_at == CS_UNKNOWN && t.priority == CS_PRI_UNKNOWN &&
	                t.csat == CS_CSAT_NONE && isnan(t.first_reply_min) && t.replies == -1 &&
	                t.team == NULL,
	        "empty fields are unknown");
	tap_ok(!cs_ticket_is_solved(&t), "open ticket is not solved");

	cs_csv_read(r, &row, &err);
	tap_long(cs_ticket_read(&c, &row, "t.csv", &t, &err), -1, "misspelt status fails");
	tap_ok(err.line == 4 && strcmp(err.msg, "unknown status 'closd'") == 0,
	        "status error names line and value");
	cs_csv_read(r, &row, &err);
	tap_long(cs_ticket_read(&c, &row, "t.csv", &t, &err), -1, "bad timestamp fails");
	tap_ok(err.line == 5 && strstr(err.msg, "'created_at'") != NULL,
	        "timestamp error names the column");
	cs_csv_read(r, &row, &err);
	tap_long(cs_ticket_read(&c, &row, "t.csv", &t, &err), -1, "negative duration fails");
	cs_csv_read(r, &row, &err);
	tap_long(cs_ticket_read(&c, &row, "t.csv", &t, &err), -1, "fractional count fails");
	tap_ok(strstr(err.msg, "'replies'") != NULL, "count error names the column");
	cs_csv_close(r);

	r = cs_csv_open_mem("u.csv", "account,date\nA,2026-01-01\n", 26, &opt, &err);
	tap_long(cs_ticket_bind(&c, cs_csv_header(r), "u.csv", &err), -1,
	        "usage stream is not tickets");
	tap_str(err.msg, "not a tickets stream: no column 'id'", "bind error says why");
	cs_csv_close(r);

	tap_str(cs_status_name(CS_ST_HOLD), "hold", "status name");
	tap_long(cs_channel_from("Social", 6), CS_CH_SOCIAL, "enum names ignore case");
	return tap_done();
}
