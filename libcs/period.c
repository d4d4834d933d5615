/*
 * Period ordinals; see period.h.  Everything is computed on local day
 * numbers, so only the conversions at the edges look at the time zone.
 */
#include "libcs/period.h"

#include <stdio.h>
#include <string.h>

/* Local day number of an instant. */
static int64_t
local_day(const struct cs_tz *tz, int64_t t)
{
	int64_t local = tz ? cs_tz_to_local(tz, t) : t;

	return cs_floor_div(local, 86400);
}

int64_t
cs_pord_of(enum cs_period p, const struct cs_tz *tz, int64_t t)
{
	int64_t d = local_day(tz, t);
	int y, m, dd;

	switch (p) {
	case CS_PERIOD_DAY: return d;
	case CS_PERIOD_WEEK:
		/* 1970-01-01 was a Thursday: day 0 is three days after Monday. */
		return cs_floor_div(d + 3, 7);
	case CS_PERIOD_MONTH:
	default: cs_civil_from_days(d, &y, &m, &dd); return (int64_t)y * 12 + (m - 1);
	}
}

/* The local day number where period ord starts. */
static int64_t
start_day(enum cs_period p, int64_t ord)
{
	switch (p) {
	case CS_PERIOD_DAY: return ord;
	case CS_PERIOD_WEEK: return ord * 7 - 3;
	case CS_PERIOD_MONTH:
	default:
		return cs_days_from_civil(
		        (int)cs_floor_div(ord, 12), (int)(ord - cs_floor_div(ord, 12) * 12) + 1, 1);
	}
}

int64_t
cs_pord_start(enum cs_period p, const struct cs_tz *tz, int64_t ord)
{
	int64_t local = start_day(p, ord) * 86400;

	return tz ? cs_tz_to_utc(tz, local) : local;
}

char *
cs_pord_label(enum cs_period p, int64_t ord, char out[CS_PERIOD_LABEL_LEN])
{
	int y, m, d, wy, w;

	switch (p) {
	case CS_PERIOD_DAY: cs_date_format(ord, out); break;
	case CS_PERIOD_WEEK:
		cs_iso_week(start_day(p, ord), &wy, &w);
		snprintf(out, CS_PERIOD_LABEL_LEN, "%04d-W%02d", wy, w);
		break;
	case CS_PERIOD_MONTH:
	default:
		cs_civil_from_days(start_day(p, ord), &y, &m, &d);
		snprintf(out, CS_PERIOD_LABEL_LEN, "%04d-%02d", y, m);
		break;
	}
	return out;
}

int
cs_pord_parse(enum cs_period p, const char *label, int64_t *ord)
{
	int y, m, d, w, n = 0;
	int64_t days;
	char check[CS_PERIOD_LABEL_LEN];

	switch (p) {
	case CS_PERIOD_DAY:
		if (sscanf(label, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || label[n] != '\0')
			return -1;
		days = cs_days_from_civil(y, m, d);
		*ord = days;
		break;
	case CS_PERIOD_WEEK:
		if (sscanf(label, "%4d-W%2d%n", &y, &w, &n) != 2 || label[n] != '\0' || w < 1 ||
		        w > 53)
			return -1;
		/* Week 1 holds January 4th; its Monday starts the ISO year. */
		days = cs_days_from_civil(y, 1, 4);
		days -= cs_weekday(days) - 1;
		*ord = cs_floor_div(days + 3, 7) + (w - 1);
		break;
	case CS_PERIOD_MONTH:
	default:
		if (sscanf(label, "%4d-%2d%n", &y, &m, &n) != 2 || label[n] != '\0' || m < 1 ||
		        m > 12)
			return -1;
		*ord = (int64_t)y * 12 + (m - 1);
		break;
	}
	/* A label that does not come back as written (2026-02-30, 2026-W53 of a
	 * year with 52 weeks) is not a period. */
	cs_pord_label(p, *ord, check);
	return strcmp(check, label) == 0 ? 0 : -1;
}
