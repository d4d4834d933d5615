/*
 * Unit tests of business-hours calendars and SLA targets.  Expected values
 * are worked by hand in the comments; instants come from date(1).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "libcs/hours.h"
#include "libcs/sla.h"
#include "tests/tap.h"

#define H 3600
#define D 86400
#define FRI_1113 1794528000 /* Friday 2026-11-13T00:00:00Z */
#define MON_1116 1794787200 /* Monday 2026-11-16T00:00:00Z */
#define THU_1224 1798070400 /* Thursday 2026-12-24T00:00:00Z */
#define SAT_0328 1774656000 /* Saturday 2026-03-28T00:00:00Z */
#define SUN_0329 1774742400 /* Sunday 2026-03-29T00:00:00Z */

static const char cal[] = "# office hours\n"
                          "mon-fri 09:00-17:00\n"
                          "holiday 2026-12-25 2027-01-01\n"
                          "\n"
                          "schedule Paris desk\n"
                          "zone Europe/Paris\n"
                          "sun 00:00-24:00\n"
                          "sat closed\n"
                          "schedule Split\n"
                          "mon,wed 09:00-12:00 13:00-17:00  # lunch closed\n";

static void
test_hours(void)
{
	struct cs_error err;
	struct cs_hours *h = cs_hours_parse("cal", cal, &err);
	int def, paris, split;

	tap_ok(h != NULL, "calendar parses");
	if (h == NULL) {
		printf("# %s:%ld: %s\n", err.file, err.line, err.msg);
		return;
	}
	def = cs_hours_schedule(h, NULL);
	paris = cs_hours_schedule(h, "paris desk");
	split = cs_hours_schedule(h, "Split");
	tap_long(def, 0, "lines before any schedule are the default");
	tap_long(paris, 1, "team name matches case-insensitively");
	tap_long(cs_hours_schedule(h, "Billing"), 0, "unknown team gets the default");

	/* Friday 16:00 to Monday 10:00: 60 min Friday, weekend closed, 60 min
	 * Monday. */
	tap_num(cs_hours_minutes(h, def, FRI_1113 + 16 * H, MON_1116 + 10 * H), 120, 1e-9,
	        "across a weekend");
	/* Thursday 24 December 16:00 to Monday 28 10:00: 60 Thursday, Friday
	 * 25 a holiday, 60 Monday. */
	tap_num(cs_hours_minutes(h, def, THU_1224 + 16 * H, THU_1224 + 4 * D + 10 * H), 120, 1e-9,
	        "across a weekend and a holiday");
	tap_num(cs_hours_minutes(h, def, FRI_1113 + 20 * H, FRI_1113 + 22 * H), 0, 1e-9,
	        "outside hours is 0");
	tap_num(cs_hours_minutes(h, def, FRI_1113 + 12 * H, FRI_1113 + 11 * H), 0, 1e-9,
	        "a backward span is 0");
	/* Sunday 29 March 2026 in Paris loses an hour: open all day, it holds
	 * 23 hours = 1380 minutes. */
	tap_num(cs_hours_minutes(h, paris, SAT_0328, SAT_0328 + 3 * D), 1380, 1e-9,
	        "DST change: the Sunday has 23 hours");
	/* From 06:00Z to 08:00Z that Sunday: local 08:00 to 10:00 CEST, all
	 * open: 120 minutes; the Saturday before is closed. */
	tap_num(cs_hours_minutes(h, paris, SUN_0329 + 6 * H, SUN_0329 + 8 * H), 120, 1e-9,
	        "DST change: morning after the gap");
	/* Sunday local midnight is Saturday 23:00Z (CET): 23:00Z-24:00Z
	 * counts. */
	tap_num(cs_hours_minutes(h, paris, SAT_0328 + 22 * H, SUN_0329), 60, 1e-9,
	        "Paris Sunday starts at 23:00Z Saturday");
	/* Monday 16 Nov 08:00 to 18:00 in Split: 09-12 and 13-17 = 420. */
	tap_num(cs_hours_minutes(h, split, MON_1116 + 8 * H, MON_1116 + 18 * H), 420, 1e-9,
	        "two intervals a day");
	/* 120 business minutes from Friday 16:00 end Monday 10:00. */
	tap_long(cs_hours_deadline(h, def, FRI_1113 + 16 * H, 120), MON_1116 + 10 * H,
	        "deadline across the weekend");
	tap_long(cs_hours_deadline(h, def, THU_1224 + 16 * H, 120), THU_1224 + 4 * D + 10 * H,
	        "deadline across the weekend and the holiday");
	tap_long(cs_hours_deadline(h, def, FRI_1113 + 20 * H, 0), MON_1116 + 9 * H,
	        "a zero deadline waits for the next opening");
	cs_hours_free(h);

	tap_ok(cs_hours_parse("bad", "mon-fri 09:00-25:00\n", &err) == NULL, "25:00 refused");
	tap_long(err.line, 1, "error names the line");
	tap_str(err.msg, "bad opening hours '09:00-25:00'", "error names the value");
	tap_ok(cs_hours_parse("bad", "schedule x\nzone Nowhere/City\n", &err) == NULL,
	        "unknown zone refused");
	tap_long(err.line, 2, "zone error names line 2");
	tap_ok(cs_hours_parse("bad", "funday 09:00-10:00\n", &err) == NULL, "unknown day");
	tap_ok(cs_hours_parse("bad", "mon 10:00-09:00\n", &err) == NULL, "end before start");
	tap_ok(cs_hours_parse("bad", "holiday 2026-13-01\n", &err) == NULL, "bad holiday");
	tap_ok(cs_hours_parse("bad", "# nothing\n", &err) == NULL, "empty calendar refused");
}

static void
test_sla(void)
{
	struct cs_sla *s = cs_sla_defaults();
	double f, r;

	cs_sla_targets(s, CS_PRI_URGENT, NULL, 0, &f, &r);
	tap_ok(f == 60 && r == 240, "urgent: 1 h / 4 h");
	cs_sla_targets(s, CS_PRI_HIGH, NULL, 0, &f, &r);
	tap_ok(f == 240 && r == 1440, "high: 4 h / 24 h");
	cs_sla_targets(s, CS_PRI_NORMAL, NULL, 0, &f, &r);
	tap_ok(f == 480 && r == 4320, "normal: 8 h / 72 h");
	cs_sla_targets(s, CS_PRI_LOW, NULL, 0, &f, &r);
	tap_ok(f == 1440 && r == 10080, "low: 24 h / 168 h");
	cs_sla_targets(s, CS_PRI_UNKNOWN, NULL, 0, &f, &r);
	tap_ok(f == 480 && r == 4320, "no priority: normal targets");
	tap_ok(cs_sla_match_column(s) == NULL, "defaults match no column");
	cs_sla_free(s);
}

int
main(void)
{
	test_hours();
	test_sla();
	return tap_done();
}
