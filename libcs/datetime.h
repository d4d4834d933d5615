/*
 * Dates, times, time zones, periods and durations.
 *
 * An instant is an int64_t count of seconds since 1970-01-01T00:00:00Z; a
 * date is an int64_t count of days since 1970-01-01.  Canonical text is
 * "2026-03-01T05:40:55Z" for instants and "2026-03-01" for dates.
 *
 * Time zones are read from the system's compiled zoneinfo (TZif files under
 * $TZDIR or /usr/share/zoneinfo), never from the process's TZ, so one program
 * can hold several zones at once.  A naive wall-clock time is converted with
 * the zone's rules; a time that falls in a spring-forward gap is read with
 * the offset in force before the gap, and a time repeated at fall-back is
 * read as the first (earlier) of the two instants.
 */
#ifndef CS_DATETIME_H
#define CS_DATETIME_H

#include <stddef.h>
#include <stdint.h>

#include "libcs/error.h"

#define CS_TIME_LEN 21 /* "YYYY-MM-DDTHH:MM:SSZ" and its NUL */
#define CS_DATE_LEN 11 /* "YYYY-MM-DD" and its NUL */

/* Civil calendar (proleptic Gregorian). */
int64_t cs_days_from_civil(int y, int m, int d);
void cs_civil_from_days(int64_t days, int *y, int *m, int *d);
int cs_weekday(int64_t days); /* ISO: Monday 1 .. Sunday 7 */
int64_t cs_floor_div(int64_t a, int64_t b);

/* Time zones. */
struct cs_tz;
struct cs_tz *cs_tz_load(const char *name, struct cs_error *err); /* "UTC", "Europe/Paris" */
void cs_tz_free(struct cs_tz *tz);
const char *cs_tz_name(const struct cs_tz *tz);
int32_t cs_tz_offset(
        const struct cs_tz *tz, int64_t utc); /* seconds east of UTC at utc; tz NULL is UTC */
int64_t cs_tz_to_utc(
        const struct cs_tz *tz, int64_t local); /* local wall-clock seconds to an instant */
int64_t cs_tz_to_local(const struct cs_tz *tz, int64_t utc);

/* Parsing timestamps. */
enum cs_date_order {
	CS_ORDER_AUTO, /* ISO is always year first; otherwise day first unless
			* the value can only be month first */
	CS_ORDER_DMY,
	CS_ORDER_MDY,
	CS_ORDER_YMD,
};

enum cs_parse_result {
	CS_PARSE_OK = 0,
	CS_PARSE_EMPTY = 1, /* empty, a placeholder (?, -, N/A, null, none) or
			     * the Excel sentinel 1900-01-01 00:00:00 */
	CS_PARSE_BAD = -1,
};

/*
 * Parses s (len bytes, need not be NUL-terminated) as an instant.  Accepts
 * ISO 8601 with or without T, seconds, fraction and offset (Z, +01:00,
 * +0100); "YYYY-MM-DD HH:MM[:SS]"; day- or month-first dates with - / or .
 * ("DD-MM-YYYY HH:MM", "D/M/YYYY H:MM", "MM/DD/YYYY hh:mm AM") read in the
 * given order; am/pm in any case; a trailing zone abbreviation of UTC/GMT/Z;
 * a date alone (midnight); unix seconds and milliseconds (all digits, 9 to 13
 * of them); Excel serial days (a decimal number 20000-80000 with a fraction
 * or when excel is non-zero).  A value with no offset is wall-clock time in
 * tz (NULL: UTC).
 */
enum cs_parse_result cs_time_parse(
        const char *s, size_t len, enum cs_date_order order, const struct cs_tz *tz, int64_t *out);

/* Parses a date alone ("2026-03-01", and the day/month-first forms). */
enum cs_parse_result cs_date_parse(
        const char *s, size_t len, enum cs_date_order order, int64_t *days);

/* Whether a value is a placeholder for "unknown": empty, ?, -, --, N/A, NA,
 * null, none, nil, #N/A (any case, surrounding spaces ignored). */
int cs_is_placeholder(const char *s, size_t len);

/*
 * Deciding the date order of a column from its values.  Feed values with
 * cs_order_sniff_add; cs_order_sniff_result says CS_ORDER_DMY when some value
 * has a first number above 12, CS_ORDER_MDY when some value has a second
 * number above 12, CS_ORDER_YMD when values are year-first, and
 * CS_ORDER_AUTO while the data does not decide (the caller then documents
 * its default).  contradicted is set when both were seen.
 */
struct cs_order_sniff {
	long dmy, mdy, ymd, other;
	int contradicted;
};
void cs_order_sniff_init(struct cs_order_sniff *s);
void cs_order_sniff_add(struct cs_order_sniff *s, const char *v, size_t len);
enum cs_date_order cs_order_sniff_result(const struct cs_order_sniff *s);
const char *cs_order_name(enum cs_date_order o); /* "auto", "dmy", "mdy", "ymd" */
int cs_order_from_name(const char *name, enum cs_date_order *o);

/* Formatting. */
char *cs_time_format(int64_t t, char out[CS_TIME_LEN]); /* "2026-03-01T05:40:55Z" */
char *cs_date_format(int64_t days, char out[CS_DATE_LEN]); /* "2026-03-01" */

/* Periods: days, ISO weeks (Monday 00:00, "2026-W46") and months
 * ("2026-11"), cut in the zone tz (NULL: UTC). */
enum cs_period { CS_PERIOD_DAY, CS_PERIOD_WEEK, CS_PERIOD_MONTH };
int cs_period_from_name(const char *name, enum cs_period *p);
/* The instant where the period containing t starts, and the next one's. */
int64_t cs_period_start(enum cs_period p, const struct cs_tz *tz, int64_t t);
int64_t cs_period_next(enum cs_period p, const struct cs_tz *tz, int64_t start);
/* The label of the period that starts at start; out holds at least 16 bytes. */
char *cs_period_label(enum cs_period p, const struct cs_tz *tz, int64_t start, char *out);
/* Parses a label back ("2026-W46", "2026-11", "2026-11-16") to its start. */
int cs_period_parse(enum cs_period p, const struct cs_tz *tz, const char *label, int64_t *start);
void cs_iso_week(int64_t days, int *iso_year, int *week);

/*
 * Durations.  Accepts "HH:MM:SS", "H:MM", a plain number in the given
 * default unit, and a number with a unit suffix (s, sec, m, min, h, hr, d).
 * The result is in seconds.
 */
enum cs_unit { CS_UNIT_S, CS_UNIT_MIN, CS_UNIT_H, CS_UNIT_D };
enum cs_parse_result cs_duration_parse(
        const char *s, size_t len, enum cs_unit unit, double *seconds);

#endif
