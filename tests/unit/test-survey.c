/*
 * Unit tests of the canonical survey reader: NPS answers read and checked,
 * other kinds passed over, bad values named with their line.
 */
#include "config.h"

#include <string.h>

#include "libcs/csv.h"
#include "libcs/survey.h"
#include "tests/tap.h"

static const char input[] = "account,score,kind,answered_at\n"
                            "A,9,nps,2026-03-01T05:40:55Z\n"
                            "B,7.0,,2026-03-01T00:00:00Z\n"
                            "C,2,csat,\n"
                            "D,11,nps,2026-03-01T00:00:00Z\n"
                            "E,5,NPS,soon\n"
                            ",10,nps,2026-03-01T00:00:00Z\n";

int
main(void)
{
	struct cs_csv_options opt;
	struct cs_error err;
	struct cs_csv_reader *r;
	struct cs_survey_columns c;
	struct cs_survey s;
	struct cs_row row;

	cs_csv_options_init(&opt);
	r = cs_csv_open_mem("s.csv", input, sizeof input - 1, &opt, &err);
	tap_long(cs_survey_bind(&c, cs_csv_header(r), "s.csv", &err), 0, "bind");

	cs_csv_read(r, &row, &err);
	tap_long(cs_survey_read(&c, &row, "s.csv", &s, &err), 0, "nps answer reads");
	/* 2026-03-01T05:40:55Z is 1772343655 (see test-ticket.c). */
	tap_ok(s.is_nps && s.score == 9 && s.answered_at == 1772343655LL &&
	                strcmp(s.account, "A") == 0,
	        "score, instant and account");
	cs_csv_read(r, &row, &err);
	tap_long(cs_survey_read(&c, &row, "s.csv", &s, &err), 0, "empty kind is nps");
	tap_ok(s.is_nps && s.score == 7, "a spreadsheet's 7.0 is 7");
	cs_csv_read(r, &row, &err);
	tap_long(cs_survey_read(&c, &row, "s.csv", &s, &err), 0, "csat answer is not checked");
	tap_ok(!s.is_nps, "csat answer is not nps");
	cs_csv_read(r, &row, &err);
	tap_long(cs_survey_read(&c, &row, "s.csv", &s, &err), -1, "score 11 fails");
	tap_ok(err.line == 5 &&
	                strcmp(err.msg, "bad score '11' (a whole number from 0 to 10)") == 0,
	        "score error names line and value");
	cs_csv_read(r, &row, &err);
	tap_long(cs_survey_read(&c, &row, "s.csv", &s, &err), -1, "bad answered_at fails");
	tap_str(err.msg, "bad answered_at 'soon'", "answered_at error names the value");
	cs_csv_read(r, &row, &err);
	tap_long(cs_survey_read(&c, &row, "s.csv", &s, &err), 0, "empty account reads");
	tap_ok(s.account == NULL && s.score == 10, "empty account is NULL");
	cs_csv_close(r);

	tap_long(cs_survey_score("10", 2), 10, "10");
	tap_long(cs_survey_score("0", 1), 0, "0");
	tap_long(cs_survey_score("7.5", 3), -1, "7.5 is not whole");
	tap_long(cs_survey_score("-1", 2), -1, "negative");
	tap_long(cs_survey_score(" 7", 2), -1, "blank before");
	tap_long(cs_survey_score("7.", 2), -1, "bare point");

	r = cs_csv_open_mem("t.csv", "id,created_at\n", 14, &opt, &err);
	tap_long(
	        cs_survey_bind(&c, cs_csv_header(r), "t.csv", &err), -1, "tickets are not surveys");
	tap_str(err.msg, "not a surveys stream: no column 'score'", "bind error says why");
	cs_csv_close(r);
	return tap_done();
}
