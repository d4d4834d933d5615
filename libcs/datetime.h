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

/*
 * Time zones.  cs_tz_load reads NAME from $TZDIR (default
 * /usr/share/zoneinfo); "UTC", "Z", "Etc/UTC", "GMT" and their usual aliases
 * are built in and need no file.  A name containing ".." is refused; a name
 * starting with "/" is taken as the path of a TZif file.  When no file has
 * the name, a fixed offset east of UTC ("+05:30", "-0800") or a POSIX TZ
 * string with a digit ("CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30") is
 * accepted as a zone of its own.  On failure it
 * returns NULL with "unknown time zone 'Mars/Base'" (or "invalid time zone
 * data ...") in err.  The caller owns the result and frees it with
 * cs_tz_free; a loaded zone is read-only and may be shared between threads.
 * Everywhere a zone is taken, NULL means UTC.  Instants more than 2^53
 * seconds from the epoch are clamped to that bound in a zone other than UTC.
 */
struct cs_tz;
struct cs_tz *cs_tz_load(const char *name, struct cs_error *err); /* "UTC", "Europe/Paris" */
void cs_tz_free(struct cs_tz *tz);
const char *cs_tz_name(const struct cs_tz *tz); /* as given to cs_tz_load; NULL: "UTC" */
int32_t cs_tz_offset(
        const struct cs_tz *tz, int64_t utc); /* seconds east of UTC at utc; tz NULL is UTC */
/*
 * Local wall-clock seconds (as if the zone were UTC) to an instant.  A
 * local time in a spring-forward gap (02:30 on the night Paris goes from
 * 02:00 to 03:00) is read with the offset in force before the gap, so it
 * lands after the gap (01:30Z, shown as 03:30 CEST); a local time repeated
 * at fall-back (02:30 on the night Paris goes from 03:00 back to 02:00) is
 * the first, earlier instant (00:30Z, CEST).
 */
int64_t cs_tz_to_utc(const struct cs_tz *tz, int64_t local);
int64_t cs_tz_to_local(const struct cs_tz *tz, int64_t utc);

/* Parsing timestamps. */
enum cs_date_order {
	CS_ORDER_AUTO, /* year first when the value starts with 4 digits;
			* otherwise, for A/B/Y: month first when A <= 12 and
			* B > 12, else day first (A > 12, or both <= 12:
			* day first is the world's majority) */
	CS_ORDER_DMY, /* A/B/Y is day/month/year; year-first values still parse */
	CS_ORDER_MDY, /* A/B/Y is month/day/year; year-first values still parse */
	CS_ORDER_YMD, /* only year-first values; A/B/Y is rejected */
};

enum cs_parse_result {
	CS_PARSE_OK = 0,
	CS_PARSE_EMPTY = 1, /* empty, a placeholder (see cs_is_placeholder), the
			     * Excel sentinel 1900-01-01 00:00:00 (or 1900-01-01
			     * alone) or the zero date 0000-00-00 [00:00:00] */
	CS_PARSE_BAD = -1,
};

/*
 * Parses s (len bytes, need not be NUL-terminated; surrounding white space
 * ignored) as an instant and stores it in *out (only on CS_PARSE_OK).
 * Accepts:
 *   - ISO 8601 with T or spaces, with or without seconds, fraction and
 *     offset: "2026-03-01T05:40:55.123Z", "2010-03-31T15:59:42+01:00",
 *     "+0100", "+01"; "YYYY-MM-DD HH:MM[:SS]"; "2020/01/29 3:02:25 pm CET";
 *   - day- or month-first dates with - / or . and a 4- or 2-digit year
 *     ("DD-MM-YYYY HH:MM", "D/M/YYYY H:MM", "MM/DD/YYYY hh:mm AM") read in
 *     the given order (see enum cs_date_order);
 *   - month names: "31-Oct-2017", "31 Oct 2017 10:00", "Oct 31, 2017 10:00
 *     PM", RFC 2822 "Tue, 31 Oct 2017 22:10:47 +0000" and the ctime/Twitter
 *     form "Tue Oct 31 22:10:47 +0000 2017";
 *   - am/pm in any case (also "a.m."), hour 1-12 with it;
 *   - a trailing zone: Z, an offset, UTC/GMT (optionally followed by an
 *     offset: "GMT+01:00"), or one of a fixed table of abbreviations read as
 *     fixed offsets whatever the date: WET 0, WEST/BST +1, CET/MET +1,
 *     CEST/MEST +2, EET +2, EEST/MSK +3, IST +5:30 (India), PKT +5,
 *     SGT/HKT/AWST +8, JST/KST +9, ACST +9:30, ACDT +10:30, AEST +10,
 *     AEDT +11, NZST +12, NZDT +13, BRT/ART -3, AST -4, ADT -3, EST -5,
 *     EDT -4, CST -6 (US Central), CDT -5, MST -7, MDT -6, PST -8, PDT -7,
 *     AKST -9, AKDT -8, HST -10;
 *   - a date alone (midnight in tz);
 *   - all digits: 9-10 are unix seconds (a fraction is dropped), 12-13 unix
 *     milliseconds, 8 YYYYMMDD, 14 YYYYMMDDHHMMSS; a number whose integer
 *     part has 5 digits in 20000..80000 (1954-10-03 .. 2119-01-11), with or
 *     without a fraction, is an Excel serial day (1900 system, day 0 is
 *     1899-12-30) in tz, rounded to the second: 45017.5 is
 *     2023-04-01T12:00:00 local.  Other all-digit values (YYMMDD, 11 digits)
 *     are CS_PARSE_BAD: use cs_time_parse_fmt.
 * Fields are checked: year 1-9999, month 1-12, the day within its month
 * (leap years), hour 0-23 (24:00 is rejected), minute 0-59, second 0-60
 * where a leap second 60 is read as 59.  Fractions of a second are dropped
 * (truncated).  A value with no offset is wall-clock time in tz (NULL: UTC),
 * converted as cs_tz_to_utc says.  Time alone ("00:00:00") is CS_PARSE_BAD.
 * Never allocates; safe to call from several threads.
 */
enum cs_parse_result cs_time_parse(
        const char *s, size_t len, enum cs_date_order order, const struct cs_tz *tz, int64_t *out);

/* Parses a date: the same forms as cs_time_parse; a time after the date is
 * allowed and ignored, so the result is the date as written (numbers that
 * are instants give their UTC date). */
enum cs_parse_result cs_date_parse(
        const char *s, size_t len, enum cs_date_order order, int64_t *days);

/*
 * Parsing with an explicit format, for mapping files ("%y%m%d", "%d.%m.%Y
 * %H:%M").  Conversions: %Y (4 digits), %y (1-2 digits, 69-99 are 19xx,
 * 00-68 20xx), %m %d %H %M (1-2 digits, at most 2, so "%y%m%d" reads
 * "990101"), %S (1-2 digits, then an optional fraction that is dropped),
 * %p (AM/PM, any case; hour 1-12), %b (English month name or abbreviation),
 * %z (Z, +HH:MM, +HHMM, or a zone abbreviation as above), %% a percent.  A
 * space in fmt matches any run of spaces (none too); any other character
 * matches itself.  The year is required; month and day default to 1, the
 * time to midnight.  Placeholders and the Excel sentinel give
 * CS_PARSE_EMPTY; checks as for cs_time_parse.
 */
enum cs_parse_result cs_time_parse_fmt(
        const char *s, size_t len, const char *fmt, const struct cs_tz *tz, int64_t *out);
enum cs_parse_result cs_date_parse_fmt(const char *s, size_t len, const char *fmt, int64_t *days);

/* Whether a value is a placeholder for "unknown": empty, ?, -, --, N/A, NA,
 * null, none, nil, #N/A (any case, surrounding spaces ignored). */
int cs_is_placeholder(const char *s, size_t len);

/*
 * Deciding the date order of a column from its values.  Feed values with
 * cs_order_sniff_add; cs_order_sniff_result says CS_ORDER_DMY when some value
 * has a first number above 12, CS_ORDER_MDY when some value has a second
 * number above 12, CS_ORDER_YMD when values are year-first, and
 * CS_ORDER_AUTO while the data does not decide (the caller then documents
 * its default).  contradicted is set when both were seen; the result is then
 * the order with more votes (AUTO on a tie).  A column mixing year-first and
 * day-first values is DMY (year-first values parse in any order).  Empty
 * values and placeholders are not counted; values that are not dates with
 * separators count in other.
 */
struct cs_order_sniff {
	long dmy, mdy, ymd, other;
	int contradicted;
};
void cs_order_sniff_init(struct cs_order_sniff *s);
void cs_order_sniff_add(struct cs_order_sniff *s, const char *v, size_t len);
enum cs_date_order cs_order_sniff_result(const struct cs_order_sniff *s);
const char *cs_order_name(enum cs_date_order o); /* "auto", "dmy", "mdy", "ymd" */
int cs_order_from_name(const char *name, enum cs_date_order *o); /* 0, or -1 if unknown */

/* Formatting; both return out.  Instants and days outside the years
 * 0000..9999 are clamped to that range (the parsers never produce them). */
char *cs_time_format(int64_t t, char out[CS_TIME_LEN]); /* "2026-03-01T05:40:55Z" */
char *cs_date_format(int64_t days, char out[CS_DATE_LEN]); /* "2026-03-01" */

/* Periods: days, ISO weeks (Monday 00:00, "2026-W46" with the ISO year) and
 * months ("2026-11"), cut at local midnight in the zone tz (NULL: UTC), so a
 * day can last 23 or 25 hours.  A midnight that falls in a DST gap starts the
 * period at the gap's end. */
enum cs_period { CS_PERIOD_DAY, CS_PERIOD_WEEK, CS_PERIOD_MONTH };
/* "day", "week", "month" (or "daily", "weekly", "monthly"); 0, or -1. */
int cs_period_from_name(const char *name, enum cs_period *p);
/* The instant where the period containing t starts, and the next one's. */
int64_t cs_period_start(enum cs_period p, const struct cs_tz *tz, int64_t t);
int64_t cs_period_next(enum cs_period p, const struct cs_tz *tz, int64_t start);
/* The label of the period that starts at start; out holds at least 16 bytes. */
char *cs_period_label(enum cs_period p, const struct cs_tz *tz, int64_t start, char *out);
/* Parses a label back ("2026-W46", "2026-11", "2026-11-16") to its start;
 * 0, or -1 when label is not a valid label of period p. */
int cs_period_parse(enum cs_period p, const struct cs_tz *tz, const char *label, int64_t *start);
/* The ISO 8601 week of a day: its year (that of the week's Thursday, so
 * 2021-01-03 is in 2020-W53) and its number, 1 to 53. */
void cs_iso_week(int64_t days, int *iso_year, int *week);

/*
 * Durations.  Accepts "HH:MM:SS" and "H:MM" (hours unbounded, minutes and
 * seconds 0-59, a fraction on the last part: "1:02:03.5"), a plain decimal
 * number in the given default unit, and a number with a unit suffix, with or
 * without a space (s, sec, secs, second(s), m, min, mins, minute(s), h, hr,
 * hrs, hour(s), d, day(s); any case), or several such terms ("1h 30m",
 * "2 days, 3 hours").  The result is in seconds.  Negative
 * values are CS_PARSE_BAD; empty values and placeholders CS_PARSE_EMPTY.
 */
enum cs_unit { CS_UNIT_S, CS_UNIT_MIN, CS_UNIT_H, CS_UNIT_D };
enum cs_parse_result cs_duration_parse(
        const char *s, size_t len, enum cs_unit unit, double *seconds);

#endif
