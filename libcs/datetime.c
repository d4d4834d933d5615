/*
 * Dates, times, time zones, periods and durations; see datetime.h for the
 * contract.  The parsers are hand-written scanners over (pointer, length):
 * cs-import calls them millions of times, so they never allocate, never call
 * sscanf or strptime, and never touch the process's TZ or locale.
 */
#include "libcs/datetime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "libcs/tzfile.h"
#include "libcs/xalloc.h"

/* Civil calendar.  Days are counted in 400-year eras of 146097 days from
 * 0000-03-01, which makes February the last month of the year and leap days
 * fall at the end; negative years follow from floor division. */

int64_t
cs_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int64_t
cs_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400; /* floor, by a constant */
	int64_t yoe = yy - era * 400; /* 0 .. 399 */
	int64_t mp = (m + 9) % 12; /* March 0 .. February 11 */
	int64_t doy = (153 * mp + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
cs_civil_from_days(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

int
cs_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)(days + 3 - cs_floor_div(days + 3, 7) * 7) + 1;
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const unsigned char mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

void
cs_iso_week(int64_t days, int *iso_year, int *week)
{
	/* A week belongs to the year of its Thursday. */
	int64_t thu = days - cs_weekday(days) + 4;
	int y, m, d;

	cs_civil_from_days(thu, &y, &m, &d);
	*iso_year = y;
	*week = (int)((thu - cs_days_from_civil(y, 1, 1)) / 7 + 1);
}

/* The Monday of ISO week 1 of iso_year: the week holding January 4th. */
static int64_t
iso_week1_monday(int iso_year)
{
	int64_t jan4 = cs_days_from_civil(iso_year, 1, 4);

	return jan4 - cs_weekday(jan4) + 1;
}

/* Time zones. */

struct cs_tz {
	char *name;
	int utc; /* no data: offset 0 always */
	struct cs_tzdata data;
};

static const char *const utc_names[] = {"UTC", "Z", "Etc/UTC", "GMT", "Etc/GMT", "UCT", "Etc/UCT",
        "Universal", "Etc/Universal", "Zulu", "Etc/Zulu", "Etc/GMT0", "GMT0"};

static int
name_is_utc(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof utc_names / sizeof utc_names[0]; i++)
		if (strcasecmp(name, utc_names[i]) == 0)
			return 1;
	return 0;
}

static int scan_offset(const char **pp, const char *e, int32_t *off);

/* A zone with no file: a fixed offset, or a POSIX TZ string's rules. */
static struct cs_tz *
zone_without_file(const char *name)
{
	const char *p = name, *e = name + strlen(name);
	struct cs_tzposix rule;
	struct cs_tz *tz;
	int32_t off = 0;
	int posix = 0;

	if (*p == '+' || *p == '-') {
		if (scan_offset(&p, e, &off) < 0 || p != e)
			return NULL;
	} else if (strpbrk(name, "0123456789") != NULL &&
	        cs_tzposix_parse(&rule, name, (size_t)(e - name)) == 0) {
		posix = 1;
	} else {
		return NULL;
	}
	tz = xcalloc(1, sizeof *tz);
	tz->name = xstrdup(name);
	tz->data.ntypes = 1;
	tz->data.off = xcalloc(1, sizeof *tz->data.off);
	tz->data.off[0] = posix ? rule.std_off : off;
	if (posix) {
		tz->data.has_footer = 1;
		tz->data.footer = rule;
	}
	return tz;
}

/* Reads a whole (small) regular file; returns NULL when it cannot be read,
 * is not a regular file (a directory, a device) or is larger
 * than any zone file. */
static unsigned char *
read_small_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	size_t cap = 1 << 20, n;
	struct stat sb;

	if (f == NULL)
		return NULL;
	if (fstat(fileno(f), &sb) < 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return NULL;
	}
	buf = xmalloc(cap);
	n = fread(buf, 1, cap, f);
	if (ferror(f) || n == cap) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

struct cs_tz *
cs_tz_load(const char *name, struct cs_error *err)
{
	struct cs_tz *tz;
	char path[4096];
	const char *dir;
	unsigned char *buf;
	size_t len, i;
	int rc;

	if (name == NULL || name[0] == '\0') {
		cs_error_set(err, NULL, 0, "empty time zone name");
		return NULL;
	}
	if (name_is_utc(name)) {
		tz = xcalloc(1, sizeof *tz);
		tz->name = xstrdup(name);
		tz->utc = 1;
		return tz;
	}
	/* A zone name is a relative path under the zoneinfo directory and may
	 * not climb out of it; an absolute path is taken as a TZif file. */
	for (i = 0; name[i]; i++)
		if ((unsigned char)name[i] < 0x21 || name[i] == '\\')
			break;
	if (name[i] != '\0' || strstr(name, "..") != NULL || strlen(name) > 1024) {
		cs_error_set(err, NULL, 0, "unknown time zone '%s'", name);
		return NULL;
	}
	if (name[0] == '/') {
		snprintf(path, sizeof path, "%s", name);
	} else {
		dir = getenv("TZDIR");
		if (dir == NULL || dir[0] == '\0')
			dir = "/usr/share/zoneinfo";
		snprintf(path, sizeof path, "%s/%s", dir, name);
	}
	buf = read_small_file(path, &len);
	if (buf == NULL) {
		if ((tz = zone_without_file(name)) != NULL)
			return tz;
		cs_error_set(err, NULL, 0, "unknown time zone '%s'", name);
		return NULL;
	}
	tz = xcalloc(1, sizeof *tz);
	rc = cs_tzdata_parse(&tz->data, buf, len);
	free(buf);
	if (rc < 0) {
		free(tz);
		if (name[0] == '/')
			cs_error_set(err, NULL, 0, "invalid time zone data in '%s'", name);
		else
			cs_error_set(err, NULL, 0, "invalid time zone data for '%s' in '%s'", name,
			        path);
		return NULL;
	}
	tz->name = xstrdup(name);
	return tz;
}

void
cs_tz_free(struct cs_tz *tz)
{
	if (tz == NULL)
		return;
	if (!tz->utc)
		cs_tzdata_release(&tz->data);
	free(tz->name);
	free(tz);
}

const char *
cs_tz_name(const struct cs_tz *tz)
{
	return tz ? tz->name : "UTC";
}

int32_t
cs_tz_offset(const struct cs_tz *tz, int64_t utc)
{
	if (tz == NULL || tz->utc)
		return 0;
	return cs_tzdata_offset(&tz->data, utc);
}

static int64_t
clamp_instant(int64_t t)
{
	return t > CS_TZ_LIMIT ? CS_TZ_LIMIT : t < -CS_TZ_LIMIT ? -CS_TZ_LIMIT : t;
}

int64_t
cs_tz_to_local(const struct cs_tz *tz, int64_t utc)
{
	if (tz == NULL || tz->utc)
		return utc;
	utc = clamp_instant(utc);
	return utc + cs_tzdata_offset(&tz->data, utc);
}

int64_t
cs_tz_to_utc(const struct cs_tz *tz, int64_t local)
{
	int32_t before, after, ob, oa;
	int64_t t1, t2;

	if (tz == NULL || tz->utc)
		return local;
	local = clamp_instant(local);
	/* The fast path: no transition within a day either side of local
	 * (which covers any offset), so the one offset in force applies. */
	if (tz->data.ntrans > 0) {
		size_t k = cs_tzdata_find(&tz->data, local - 86400);

		if (k < tz->data.ntrans && tz->data.trans[k] > local + 86400)
			return local -
			        (k == 0 ? tz->data.off[0] : tz->data.off[tz->data.type[k - 1]]);
	}
	/* The offsets a day either side bracket any ordinary transition near
	 * local: try reading local with each. */
	before = cs_tzdata_offset(&tz->data, local - 86400);
	after = cs_tzdata_offset(&tz->data, local + 86400);
	t1 = local - before;
	ob = cs_tzdata_offset(&tz->data, t1);
	if (before == after)
		if (ob == before)
			return t1; /* the common case: no transition near */
	t2 = local - after;
	oa = cs_tzdata_offset(&tz->data, t2);
	if (ob == before && oa == after)
		return t1 < t2 ? t1 : t2; /* repeated at fall-back: the earlier */
	if (ob == before)
		return t1;
	if (oa == after)
		return t2;
	if (ob == oa && local - ob != t1 && cs_tzdata_offset(&tz->data, local - ob) == ob)
		return local - ob; /* a third offset between the two */
	/* In a spring-forward gap: read with the offset in force before it,
	 * which is the offset at the earlier of the two candidate instants. */
	return local - cs_tzdata_offset(&tz->data, (t1 < t2 ? t1 : t2));
}

/* Scanning helpers over [p, e). */

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static void
trim(const char **pp, const char **pe)
{
	const char *p = *pp, *e = *pe;

	while (p < e && is_space((unsigned char)*p))
		p++;
	while (e > p && is_space((unsigned char)e[-1]))
		e--;
	*pp = p;
	*pe = e;
}

/* Reads 1 to max digits; returns the count read (0: none). */
static int
scan_uint(const char **pp, const char *e, int max, int *v)
{
	const char *p = *pp;
	int n = 0, x = 0;

	while (p < e && n < max && is_digit((unsigned char)*p)) {
		x = x * 10 + (*p++ - '0');
		n++;
	}
	*pp = p;
	*v = x;
	return n;
}

/* Whether [p, e) equals word (lower case), ignoring case. */
static int
eq_word(const char *p, const char *e, const char *word)
{
	for (; p < e; p++, word++)
		if (*word == '\0' || lower((unsigned char)*p) != *word)
			return 0;
	return *word == '\0';
}

/* Whether [p, e) is a prefix of word (lower case) of at least 3 letters. */
static int
is_abbrev(const char *p, const char *e, const char *word)
{
	if (e - p < 3)
		return 0;
	for (; p < e; p++, word++)
		if (*word == '\0' || lower((unsigned char)*p) != *word)
			return 0;
	return 1;
}

int
cs_is_placeholder(const char *s, size_t len)
{
	static const char *const words[] = {
	        "?", "-", "--", "n/a", "na", "null", "none", "nil", "#n/a"};
	const char *p = s, *e = s + len;
	size_t i;

	trim(&p, &e);
	if (p == e)
		return 1;
	if (e - p > 4)
		return 0;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (eq_word(p, e, words[i]))
			return 1;
	return 0;
}

/* A word of letters at p: its end. */
static const char *
word_end(const char *p, const char *e)
{
	while (p < e && is_alpha((unsigned char)*p))
		p++;
	return p;
}

/* An English month name or its abbreviation of 3+ letters ("Sept" too):
 * 1..12, or 0. */
static int
month_name(const char *p, const char *e)
{
	static const char *const names[] = {"january", "february", "march", "april", "may", "june",
	        "july", "august", "september", "october", "november", "december"};
	int i;

	for (i = 0; i < 12; i++)
		if (is_abbrev(p, e, names[i]))
			return i + 1;
	return 0;
}

static int
weekday_name(const char *p, const char *e)
{
	static const char *const names[] = {
	        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
	int i;

	for (i = 0; i < 7; i++)
		if (is_abbrev(p, e, names[i]))
			return i + 1;
	return 0;
}

/*
 * Zone abbreviations read as fixed offsets.  Abbreviations are ambiguous
 * world-wide, so this is a short table of the common ones with the reading
 * an English-language export most likely means: IST is India (+05:30), CST
 * is US Central (-06:00), BST is British Summer Time (+01:00).
 */
static const struct {
	const char *name;
	int32_t off;
} zone_abbrevs[] = {
        {"utc", 0},
        {"gmt", 0},
        {"ut", 0},
        {"z", 0},
        {"wet", 0},
        {"west", 3600},
        {"bst", 3600},
        {"cet", 3600},
        {"cest", 7200},
        {"met", 3600},
        {"mest", 7200},
        {"eet", 7200},
        {"eest", 10800},
        {"msk", 10800},
        {"ist", 19800},
        {"pkt", 18000},
        {"sgt", 28800},
        {"hkt", 28800},
        {"awst", 28800},
        {"jst", 32400},
        {"kst", 32400},
        {"acst", 34200},
        {"acdt", 37800},
        {"aest", 36000},
        {"aedt", 39600},
        {"nzst", 43200},
        {"nzdt", 46800},
        {"brt", -10800},
        {"art", -10800},
        {"ast", -14400},
        {"adt", -10800},
        {"est", -18000},
        {"edt", -14400},
        {"cst", -21600},
        {"cdt", -18000},
        {"mst", -25200},
        {"mdt", -21600},
        {"pst", -28800},
        {"pdt", -25200},
        {"akst", -32400},
        {"akdt", -28800},
        {"hst", -36000},
};

/* What a timestamp said, before it is checked and converted. */
struct stamp {
	int y, mo, d, h, mi, s;
	int has_off;
	int32_t off;
};

/* [+-]HH[:MM] or [+-]HHMM at *pp; 0 or -1. */
static int
scan_offset(const char **pp, const char *e, int32_t *off)
{
	const char *p = *pp;
	int sign, h, m = 0, n;

	if (p == e || (*p != '+' && *p != '-'))
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	n = scan_uint(&p, e, 4, &h);
	if (n == 4) {
		m = h % 100;
		h /= 100;
	} else if (n == 3) {
		return -1;
	} else if (n >= 1) {
		if (p < e && *p == ':') {
			p++;
			if (scan_uint(&p, e, 2, &m) != 2)
				return -1;
		}
	} else {
		return -1;
	}
	if (h > 23 || m > 59)
		return -1;
	*off = sign * (h * 3600 + m * 60);
	*pp = p;
	return 0;
}

/* A zone after a time: Z, an offset, or an abbreviation from the table
 * (UTC and GMT may carry an offset: "GMT+01:00").  0, or -1 when what is at
 * *pp is not a zone. */
static int
scan_zone(const char **pp, const char *e, struct stamp *st)
{
	const char *p = *pp, *w;
	size_t i;

	if (p == e)
		return -1;
	if (*p == '+' || *p == '-') {
		if (scan_offset(&p, e, &st->off) < 0)
			return -1;
		st->has_off = 1;
		*pp = p;
		return 0;
	}
	w = word_end(p, e);
	if (w == p)
		return -1;
	for (i = 0; i < sizeof zone_abbrevs / sizeof zone_abbrevs[0]; i++) {
		if (eq_word(p, w, zone_abbrevs[i].name)) {
			st->has_off = 1;
			st->off = zone_abbrevs[i].off;
			if (zone_abbrevs[i].off == 0 && w < e && (*w == '+' || *w == '-') &&
			        w - p > 1) {
				if (scan_offset(&w, e, &st->off) < 0)
					return -1;
			}
			*pp = w;
			return 0;
		}
	}
	return -1;
}

/* H[H]:MM[:SS[.fff]] then an optional am/pm; the fraction is dropped. */
static int
scan_clock(const char **pp, const char *e, struct stamp *st)
{
	const char *p = *pp, *q;
	int ampm = 0;

	if (scan_uint(&p, e, 2, &st->h) == 0 || p == e || *p != ':')
		return -1;
	p++;
	if (scan_uint(&p, e, 2, &st->mi) != 2)
		return -1;
	st->s = 0;
	if (p < e && *p == ':') {
		p++;
		if (scan_uint(&p, e, 2, &st->s) != 2)
			return -1;
		if (p < e && (*p == '.' || *p == ',') && p + 1 < e &&
		        is_digit((unsigned char)p[1])) {
			p++;
			while (p < e && is_digit((unsigned char)*p))
				p++;
		}
	}
	/* am/pm, with or without a space before it, and "a.m." too. */
	q = p;
	while (q < e && *q == ' ')
		q++;
	if (q < e && (lower((unsigned char)*q) == 'a' || lower((unsigned char)*q) == 'p')) {
		int c = lower((unsigned char)*q);

		if (q + 1 < e && lower((unsigned char)q[1]) == 'm' &&
		        (q + 2 == e || !is_alpha((unsigned char)q[2]))) {
			ampm = c;
			p = q + 2;
		} else if (q + 3 < e && q[1] == '.' && lower((unsigned char)q[2]) == 'm' &&
		        q[3] == '.') {
			ampm = c;
			p = q + 4;
		}
	}
	if (ampm) {
		if (st->h > 12)
			return -1;
		if (st->h == 12)
			st->h = 0;
		if (ampm == 'p')
			st->h += 12;
	}
	*pp = p;
	return 0;
}

/* What may follow a date: nothing, or [T or spaces] a clock, then an
 * optional zone; when year_after is set (the ctime/Twitter form) the year
 * comes last: "22:10:47 +0000 2017". */
static int
scan_time_part(const char **pp, const char *e, struct stamp *st, int *year_after)
{
	const char *p = *pp;

	st->h = st->mi = st->s = 0;
	st->has_off = 0;
	if (p == e)
		return *year_after ? -1 : 0;
	if (*p == 'T' || *p == 't') {
		p++;
	} else if (*p == ' ' || *p == ',') {
		if (*p == ',')
			p++;
		while (p < e && *p == ' ')
			p++;
	} else {
		return -1;
	}
	if (scan_clock(&p, e, st) < 0)
		return -1;
	while (p < e && *p == ' ')
		p++;
	if (p < e && !(*year_after && is_digit((unsigned char)*p))) {
		if (scan_zone(&p, e, st) < 0)
			return -1;
	}
	if (*year_after) {
		while (p < e && *p == ' ')
			p++;
		if (scan_uint(&p, e, 4, &st->y) != 4)
			return -1;
		*year_after = 0;
	}
	while (p < e && *p == ' ')
		p++;
	*pp = p;
	return p == e ? 0 : -1;
}

/* A two-digit year: 69-99 are 1969-1999, 00-68 are 2000-2068 (POSIX %y). */
static int
full_year(int y, int ndigits)
{
	if (ndigits == 2)
		return y < 69 ? 2000 + y : 1900 + y;
	return y;
}

/* Dates that start with a month or weekday name: "Tue Oct 31 22:10:47 +0000
 * 2017", "Oct 31, 2017 10:00 PM", "Tuesday, 31 Oct 2017". */
static int
scan_text_date(const char *p, const char *e, struct stamp *st)
{
	const char *w = word_end(p, e);
	int year_after = 0, n;

	if (weekday_name(p, w)) {
		p = w;
		if (p < e && *p == ',')
			p++;
		while (p < e && *p == ' ')
			p++;
		if (p < e && is_digit((unsigned char)*p)) {
			/* RFC 2822: "31 Oct 2017 22:10:47 +0000". */
			if (scan_uint(&p, e, 2, &st->d) == 0)
				return -1;
			if (p < e && (*p == ' ' || *p == '-'))
				p++;
			w = word_end(p, e);
			if ((st->mo = month_name(p, w)) == 0)
				return -1;
			p = w;
			if (p == e || (*p != ' ' && *p != '-'))
				return -1;
			p++;
			n = scan_uint(&p, e, 4, &st->y);
			if (n != 4 && n != 2)
				return -1;
			st->y = full_year(st->y, n);
			return scan_time_part(&p, e, st, &year_after);
		}
		w = word_end(p, e);
	}
	if ((st->mo = month_name(p, w)) == 0)
		return -1;
	p = w;
	if (p < e && *p == '.')
		p++;
	while (p < e && (*p == ' ' || *p == '-'))
		p++;
	if (scan_uint(&p, e, 2, &st->d) == 0)
		return -1;
	if (p < e && *p == ',')
		p++;
	while (p < e && *p == ' ')
		p++;
	/* Either the year now, or (ctime) the time first and the year last. */
	{
		const char *q = p;
		int y;

		n = scan_uint(&q, e, 4, &y);
		if (n == 4 && (q == e || *q != ':')) {
			st->y = y;
			p = q;
			return scan_time_part(&p, e, st, &year_after);
		}
	}
	year_after = 1;
	p--; /* scan_time_part wants its separator */
	if (p < e && *p != ' ')
		return -1;
	return scan_time_part(&p, e, st, &year_after);
}

/* Parses a non-numeric timestamp into st; 0 or -1. */
static int
scan_stamp(const char *p, const char *e, enum cs_date_order order, struct stamp *st)
{
	int a, b, c, na, nb, nc, year_after = 0;
	char sep;
	const char *w;

	st->has_off = 0;
	st->h = st->mi = st->s = 0;
	if (is_alpha((unsigned char)*p))
		return scan_text_date(p, e, st);
	na = scan_uint(&p, e, 4, &a);
	if (na == 0 || p == e)
		return -1;
	sep = *p;
	if (sep != '-' && sep != '/' && sep != '.' && sep != ' ')
		return -1;
	p++;
	if (na == 4) {
		/* Year first, whatever the order: ISO 8601 and "2020/01/29". */
		if (sep == ' ')
			return -1;
		if (scan_uint(&p, e, 2, &st->mo) == 0 || p == e || *p != sep)
			return -1;
		p++;
		if (scan_uint(&p, e, 2, &st->d) == 0)
			return -1;
		st->y = a;
		return scan_time_part(&p, e, st, &year_after);
	}
	if (na > 2)
		return -1;
	if (p < e && is_alpha((unsigned char)*p)) {
		/* "31-Oct-2017", "31 Oct 2017". */
		w = word_end(p, e);
		if ((st->mo = month_name(p, w)) == 0)
			return -1;
		p = w;
		if (p < e && *p == '.')
			p++;
		if (p == e || (*p != sep && *p != ' '))
			return -1;
		p++;
		nc = scan_uint(&p, e, 4, &c);
		if (nc != 4 && nc != 2)
			return -1;
		st->d = a;
		st->y = full_year(c, nc);
		return scan_time_part(&p, e, st, &year_after);
	}
	if (sep == ' ')
		return -1;
	nb = scan_uint(&p, e, 2, &b);
	if (nb == 0 || p == e || *p != sep)
		return -1;
	p++;
	nc = scan_uint(&p, e, 4, &c);
	if (nc != 4 && nc != 2)
		return -1;
	st->y = full_year(c, nc);
	switch (order) {
	case CS_ORDER_DMY: st->d = a, st->mo = b; break;
	case CS_ORDER_MDY: st->mo = a, st->d = b; break;
	case CS_ORDER_YMD: return -1;
	case CS_ORDER_AUTO:
	default:
		if (a <= 12 && b > 12)
			st->mo = a, st->d = b;
		else
			st->d = a, st->mo = b;
		break;
	}
	return scan_time_part(&p, e, st, &year_after);
}

/* The Excel sentinel and the zero date of some databases: "no value". */
static int
is_sentinel(const struct stamp *st)
{
	if (st->h != 0 || st->mi != 0 || st->s != 0 || (st->has_off && st->off != 0))
		return 0;
	return (st->y == 1900 && st->mo == 1 && st->d == 1) ||
	        (st->y == 0 && st->mo == 0 && st->d == 0);
}

static int
stamp_valid(const struct stamp *st)
{
	return st->y >= 1 && st->y <= 9999 && st->mo >= 1 && st->mo <= 12 && st->d >= 1 &&
	        st->d <= days_in_month(st->y, st->mo) && st->h <= 23 && st->mi <= 59 && st->s <= 60;
}

/* Numbers: unix seconds (9-10 digits), milliseconds (12-13), YYYYMMDD (8),
 * YYYYMMDDHHMMSS (14), Excel serial days (integer part 20000-80000, with or
 * without a fraction).  Says which: NUM_INSTANT leaves the instant in
 * *ival, NUM_EXCEL the day in *ival and its fraction in *frac, NUM_CIVIL the
 * fields in st; NUM_NONE when [p, e) is not one of these numbers. */
enum num_kind { NUM_NONE, NUM_INSTANT, NUM_EXCEL, NUM_CIVIL };

static enum num_kind
scan_number(const char *p, const char *e, int64_t *ival, double *frac, struct stamp *st)
{
	const char *q = p;
	int64_t v = 0;
	int n = 0;

	while (q < e && is_digit((unsigned char)*q)) {
		if (n < 18)
			v = v * 10 + (*q - '0');
		n++;
		q++;
	}
	*frac = 0;
	if (q < e && *q == '.') {
		double scale = 0.1;

		q++;
		if (q == e)
			return NUM_NONE;
		while (q < e && is_digit((unsigned char)*q)) {
			*frac += (*q - '0') * scale;
			scale /= 10;
			q++;
		}
	}
	if (q != e || n == 0)
		return NUM_NONE;
	*ival = v;
	if (v >= 20000 && v <= 80000 && n == 5)
		return NUM_EXCEL;
	if (n == 8 || n == 14) {
		const char *r = p;

		scan_uint(&r, e, 4, &st->y);
		scan_uint(&r, e, 2, &st->mo);
		scan_uint(&r, e, 2, &st->d);
		st->h = st->mi = st->s = 0;
		st->has_off = 0;
		if (n == 14) {
			scan_uint(&r, e, 2, &st->h);
			scan_uint(&r, e, 2, &st->mi);
			scan_uint(&r, e, 2, &st->s);
		}
		return *frac == 0 && q[-1] != '.' && r == q ? NUM_CIVIL : NUM_NONE;
	}
	if (n == 9 || n == 10) {
		return NUM_INSTANT;
	}
	if ((n == 12 || n == 13) && *frac == 0) {
		*ival = v / 1000;
		return NUM_INSTANT;
	}
	return NUM_NONE;
}

/* The fast path for the commonest shapes, which are also this project's own
 * canonical text: "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DDTHH:MM:SS" and the same
 * with "Z" or "+HH:MM".  Returns 1 with st filled (not yet checked), or 0 to
 * go the general way. */
static int
scan_canonical(const char *p, const char *e, struct stamp *st)
{
	static const unsigned char digit_at[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
	const unsigned char *u = (const unsigned char *)p;
	size_t n = (size_t)(e - p), i;

	int32_t off = 0;

	if (n == 25 && (p[19] == '+' || p[19] == '-') && p[22] == ':' &&
	        (unsigned)(u[20] - '0') <= 9 && (unsigned)(u[21] - '0') <= 9 &&
	        (unsigned)(u[23] - '0') <= 9 && (unsigned)(u[24] - '0') <= 9) {
		int oh = (u[20] - '0') * 10 + (u[21] - '0'),
		    om = (u[23] - '0') * 10 + (u[24] - '0');

		if (oh > 23 || om > 59)
			return 0;
		off = (p[19] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	} else if (n != 19 && !(n == 20 && p[19] == 'Z')) {
		return 0;
	}
	if (p[4] != '-' || p[7] != '-' || (p[10] != ' ' && p[10] != 'T') || p[13] != ':' ||
	        p[16] != ':')
		return 0;
	for (i = 0; i < sizeof digit_at; i++)
		if ((unsigned)(u[digit_at[i]] - '0') > 9)
			return 0;
	st->y = (u[0] - '0') * 1000 + (u[1] - '0') * 100 + (u[2] - '0') * 10 + (u[3] - '0');
	st->mo = (u[5] - '0') * 10 + (u[6] - '0');
	st->d = (u[8] - '0') * 10 + (u[9] - '0');
	st->h = (u[11] - '0') * 10 + (u[12] - '0');
	st->mi = (u[14] - '0') * 10 + (u[15] - '0');
	st->s = (u[17] - '0') * 10 + (u[18] - '0');
	st->has_off = n != 19;
	st->off = off;
	return 1;
}

/* 1899-12-30, day 0 of Excel's 1900 date system past its phantom 1900-02-29. */
#define EXCEL_EPOCH (-25569)

/* The whole parse, returning either an instant or the civil fields. */
static enum cs_parse_result
parse_any(const char *s, size_t len, enum cs_date_order order, struct stamp *st, int *is_instant,
        int64_t *instant)
{
	const char *p = s, *e = s + len;
	int64_t iv;
	double frac;

	*is_instant = 0;
	trim(&p, &e);
	if (scan_canonical(p, e, st))
		goto check;
	if (p == e || cs_is_placeholder(p, (size_t)(e - p)))
		return CS_PARSE_EMPTY;
	if (is_digit((unsigned char)*p) && (e - p <= 20)) {
		switch (scan_number(p, e, &iv, &frac, st)) {
		case NUM_INSTANT:
			*is_instant = 1;
			*instant = iv;
			return CS_PARSE_OK;
		case NUM_EXCEL: {
			int64_t secs = (int64_t)(frac * 86400.0 + 0.5);
			int64_t days = EXCEL_EPOCH + iv + secs / 86400;

			secs %= 86400;
			cs_civil_from_days(days, &st->y, &st->mo, &st->d);
			st->h = (int)(secs / 3600);
			st->mi = (int)(secs / 60 % 60);
			st->s = (int)(secs % 60);
			st->has_off = 0;
			return CS_PARSE_OK;
		}
		case NUM_CIVIL: return stamp_valid(st) ? CS_PARSE_OK : CS_PARSE_BAD;
		case NUM_NONE:
		default: break;
		}
	}
	if (scan_stamp(p, e, order, st) < 0)
		return CS_PARSE_BAD;
check:
	if (is_sentinel(st))
		return CS_PARSE_EMPTY;
	if (!stamp_valid(st))
		return CS_PARSE_BAD;
	if (st->s == 60)
		st->s = 59; /* a leap second is read as the second before it */
	return CS_PARSE_OK;
}

static int64_t
stamp_instant(const struct stamp *st, const struct cs_tz *tz)
{
	int64_t local = cs_days_from_civil(st->y, st->mo, st->d) * 86400 + st->h * 3600 +
	        st->mi * 60 + st->s;

	if (st->has_off)
		return local - st->off;
	return cs_tz_to_utc(tz, local);
}

enum cs_parse_result
cs_time_parse(
        const char *s, size_t len, enum cs_date_order order, const struct cs_tz *tz, int64_t *out)
{
	struct stamp st;
	int is_instant;
	int64_t t;
	enum cs_parse_result rc = parse_any(s, len, order, &st, &is_instant, &t);

	if (rc != CS_PARSE_OK)
		return rc;
	*out = is_instant ? t : stamp_instant(&st, tz);
	return CS_PARSE_OK;
}

enum cs_parse_result
cs_date_parse(const char *s, size_t len, enum cs_date_order order, int64_t *days)
{
	struct stamp st;
	int is_instant;
	int64_t t;
	enum cs_parse_result rc = parse_any(s, len, order, &st, &is_instant, &t);

	if (rc != CS_PARSE_OK)
		return rc;
	*days = is_instant ? cs_floor_div(t, 86400) : cs_days_from_civil(st.y, st.mo, st.d);
	return CS_PARSE_OK;
}

/* Parsing with an explicit format. */

static int
scan_fmt(const char *s, size_t len, const char *fmt, struct stamp *st)
{
	const char *p = s, *e = s + len;
	int have_y = 0, ampm = 0, n, v;

	st->y = 0;
	st->mo = st->d = 1;
	st->h = st->mi = st->s = 0;
	st->has_off = 0;
	trim(&p, &e);
	for (; *fmt; fmt++) {
		if (*fmt == ' ') {
			while (p < e && *p == ' ')
				p++;
			continue;
		}
		if (*fmt != '%') {
			if (p == e || *p != *fmt)
				return -1;
			p++;
			continue;
		}
		fmt++;
		switch (*fmt) {
		case 'Y':
			if (scan_uint(&p, e, 4, &st->y) != 4)
				return -1;
			have_y = 1;
			break;
		case 'y':
			if (scan_uint(&p, e, 2, &v) == 0)
				return -1;
			st->y = full_year(v, 2);
			have_y = 1;
			break;
		case 'm': n = scan_uint(&p, e, 2, &st->mo); goto num;
		case 'd': n = scan_uint(&p, e, 2, &st->d); goto num;
		case 'H': n = scan_uint(&p, e, 2, &st->h); goto num;
		case 'M': n = scan_uint(&p, e, 2, &st->mi); goto num;
		case 'S':
			n = scan_uint(&p, e, 2, &st->s);
			if (n && p < e && (*p == '.' || *p == ',') && p + 1 < e &&
			        is_digit((unsigned char)p[1])) {
				p++;
				while (p < e && is_digit((unsigned char)*p))
					p++;
			}
			goto num;
		case 'b': {
			const char *w = word_end(p, e);

			if ((st->mo = month_name(p, w)) == 0)
				return -1;
			p = w;
			break;
		}
		case 'p':
			if (e - p >= 2 && lower((unsigned char)p[1]) == 'm' &&
			        (lower((unsigned char)*p) == 'a' ||
			                lower((unsigned char)*p) == 'p')) {
				ampm = lower((unsigned char)*p);
				p += 2;
			} else {
				return -1;
			}
			break;
		case 'z':
			if (scan_zone(&p, e, st) < 0)
				return -1;
			break;
		case '%':
			if (p == e || *p != '%')
				return -1;
			p++;
			break;
		default: return -1;
		}
		continue;
	num:
		if (n == 0)
			return -1;
	}
	if (p != e || !have_y)
		return -1;
	if (ampm) {
		if (st->h > 12 || st->h == 0)
			return -1;
		if (st->h == 12)
			st->h = 0;
		if (ampm == 'p')
			st->h += 12;
	}
	return 0;
}

enum cs_parse_result
cs_time_parse_fmt(const char *s, size_t len, const char *fmt, const struct cs_tz *tz, int64_t *out)
{
	struct stamp st;

	if (cs_is_placeholder(s, len))
		return CS_PARSE_EMPTY;
	if (scan_fmt(s, len, fmt, &st) < 0)
		return CS_PARSE_BAD;
	if (is_sentinel(&st))
		return CS_PARSE_EMPTY;
	if (!stamp_valid(&st))
		return CS_PARSE_BAD;
	if (st.s == 60)
		st.s = 59;
	*out = stamp_instant(&st, tz);
	return CS_PARSE_OK;
}

enum cs_parse_result
cs_date_parse_fmt(const char *s, size_t len, const char *fmt, int64_t *days)
{
	struct stamp st;

	if (cs_is_placeholder(s, len))
		return CS_PARSE_EMPTY;
	if (scan_fmt(s, len, fmt, &st) < 0)
		return CS_PARSE_BAD;
	if (is_sentinel(&st))
		return CS_PARSE_EMPTY;
	if (!stamp_valid(&st))
		return CS_PARSE_BAD;
	*days = cs_days_from_civil(st.y, st.mo, st.d);
	return CS_PARSE_OK;
}

/* Sniffing a column's date order. */

void
cs_order_sniff_init(struct cs_order_sniff *s)
{
	memset(s, 0, sizeof *s);
}

void
cs_order_sniff_add(struct cs_order_sniff *s, const char *v, size_t len)
{
	const char *p = v, *e = v + len;
	int a, b, na, nb;
	char sep;

	trim(&p, &e);
	if (p == e || cs_is_placeholder(p, (size_t)(e - p)))
		return;
	na = scan_uint(&p, e, 5, &a);
	if (na == 0 || p == e || (*p != '-' && *p != '/' && *p != '.')) {
		s->other++;
		return;
	}
	sep = *p++;
	if (na == 4) {
		s->ymd++;
		return;
	}
	nb = scan_uint(&p, e, 3, &b);
	if (na > 2 || nb == 0 || nb > 2 || p == e || *p != sep) {
		s->other++;
		return;
	}
	if (a > 12 && b <= 12)
		s->dmy++;
	else if (b > 12 && a <= 12)
		s->mdy++;
	else
		s->other++;
	if (s->dmy && s->mdy)
		s->contradicted = 1;
}

enum cs_date_order
cs_order_sniff_result(const struct cs_order_sniff *s)
{
	/* When both were seen the data is mixed; the majority wins, so that a
	 * few mangled values are rejected rather than the whole column. */
	if (s->dmy > s->mdy)
		return CS_ORDER_DMY;
	if (s->mdy > s->dmy)
		return CS_ORDER_MDY;
	if (s->dmy == 0 && s->ymd > 0)
		return CS_ORDER_YMD;
	return CS_ORDER_AUTO;
}

const char *
cs_order_name(enum cs_date_order o)
{
	switch (o) {
	case CS_ORDER_DMY: return "dmy";
	case CS_ORDER_MDY: return "mdy";
	case CS_ORDER_YMD: return "ymd";
	case CS_ORDER_AUTO:
	default: return "auto";
	}
}

int
cs_order_from_name(const char *name, enum cs_date_order *o)
{
	static const enum cs_date_order all[] = {
	        CS_ORDER_AUTO, CS_ORDER_DMY, CS_ORDER_MDY, CS_ORDER_YMD};
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(name, cs_order_name(all[i])) == 0) {
			*o = all[i];
			return 0;
		}
	}
	return -1;
}

/* Formatting. */

static void
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

static void
put_date(char *out, int64_t days)
{
	int y, m, d;

	cs_civil_from_days(days, &y, &m, &d);
	/* The text forms have four year digits: clamp what cannot be written. */
	if (y < 0) {
		y = 0, m = 1, d = 1;
	} else if (y > 9999) {
		y = 9999, m = 12, d = 31;
	}
	put2(out, y / 100);
	put2(out + 2, y % 100);
	out[4] = '-';
	put2(out + 5, m);
	out[7] = '-';
	put2(out + 8, d);
}

char *
cs_time_format(int64_t t, char out[CS_TIME_LEN])
{
	int64_t days = cs_floor_div(t, 86400);
	int64_t secs = t - days * 86400;

	if (days < -719528) {
		days = -719528; /* 0000-01-01 */
		secs = 0;
	} else if (days > 2932896) {
		days = 2932896; /* 9999-12-31 */
		secs = 86399;
	}
	put_date(out, days);
	out[10] = 'T';
	put2(out + 11, (int)(secs / 3600));
	out[13] = ':';
	put2(out + 14, (int)(secs / 60 % 60));
	out[16] = ':';
	put2(out + 17, (int)(secs % 60));
	out[19] = 'Z';
	out[20] = '\0';
	return out;
}

char *
cs_date_format(int64_t days, char out[CS_DATE_LEN])
{
	put_date(out, days);
	out[10] = '\0';
	return out;
}

/* Periods. */

int
cs_period_from_name(const char *name, enum cs_period *p)
{
	if (strcasecmp(name, "day") == 0 || strcasecmp(name, "daily") == 0)
		*p = CS_PERIOD_DAY;
	else if (strcasecmp(name, "week") == 0 || strcasecmp(name, "weekly") == 0)
		*p = CS_PERIOD_WEEK;
	else if (strcasecmp(name, "month") == 0 || strcasecmp(name, "monthly") == 0)
		*p = CS_PERIOD_MONTH;
	else
		return -1;
	return 0;
}

/* The local day on which the period holding local day d starts. */
static int64_t
period_first_day(enum cs_period p, int64_t d)
{
	int y, m, dd;

	switch (p) {
	case CS_PERIOD_WEEK: return d - cs_weekday(d) + 1;
	case CS_PERIOD_MONTH:
		cs_civil_from_days(d, &y, &m, &dd);
		return cs_days_from_civil(y, m, 1);
	case CS_PERIOD_DAY:
	default: return d;
	}
}

int64_t
cs_period_start(enum cs_period p, const struct cs_tz *tz, int64_t t)
{
	int64_t d = cs_floor_div(cs_tz_to_local(tz, t), 86400);

	return cs_tz_to_utc(tz, period_first_day(p, d) * 86400);
}

int64_t
cs_period_next(enum cs_period p, const struct cs_tz *tz, int64_t start)
{
	int64_t d = period_first_day(p, cs_floor_div(cs_tz_to_local(tz, start), 86400));
	int y, m, dd;

	switch (p) {
	case CS_PERIOD_WEEK: d += 7; break;
	case CS_PERIOD_MONTH:
		cs_civil_from_days(d, &y, &m, &dd);
		d = m == 12 ? cs_days_from_civil(y + 1, 1, 1) : cs_days_from_civil(y, m + 1, 1);
		break;
	case CS_PERIOD_DAY:
	default: d += 1; break;
	}
	return cs_tz_to_utc(tz, d * 86400);
}

char *
cs_period_label(enum cs_period p, const struct cs_tz *tz, int64_t start, char *out)
{
	int64_t d = cs_floor_div(cs_tz_to_local(tz, start), 86400);
	int iy, w;

	switch (p) {
	case CS_PERIOD_WEEK:
		cs_iso_week(d, &iy, &w);
		if (iy < 0 || iy > 9999)
			iy = iy < 0 ? 0 : 9999;
		put2(out, iy / 100);
		put2(out + 2, iy % 100);
		out[4] = '-';
		out[5] = 'W';
		put2(out + 6, w);
		out[8] = '\0';
		break;
	case CS_PERIOD_MONTH:
		put_date(out, d);
		out[7] = '\0';
		break;
	case CS_PERIOD_DAY:
	default: cs_date_format(d, out); break;
	}
	return out;
}

int
cs_period_parse(enum cs_period p, const struct cs_tz *tz, const char *label, int64_t *start)
{
	const char *s = label, *e = label + strlen(label);
	int y, m = 1, d = 1, w;
	int64_t day;

	trim(&s, &e);
	if (scan_uint(&s, e, 4, &y) != 4 || s == e || *s != '-')
		return -1;
	s++;
	switch (p) {
	case CS_PERIOD_WEEK:
		if (s == e || (*s != 'W' && *s != 'w'))
			return -1;
		s++;
		if (scan_uint(&s, e, 2, &w) != 2 || s != e || w < 1)
			return -1;
		day = iso_week1_monday(y) + (int64_t)(w - 1) * 7;
		if (day >= iso_week1_monday(y + 1))
			return -1;
		break;
	case CS_PERIOD_MONTH:
		if (scan_uint(&s, e, 2, &m) != 2 || s != e || m < 1 || m > 12)
			return -1;
		day = cs_days_from_civil(y, m, 1);
		break;
	case CS_PERIOD_DAY:
	default:
		if (scan_uint(&s, e, 2, &m) != 2 || s == e || *s++ != '-' ||
		        scan_uint(&s, e, 2, &d) != 2 || s != e || m < 1 || m > 12 || d < 1 ||
		        d > days_in_month(y, m))
			return -1;
		day = cs_days_from_civil(y, m, d);
		break;
	}
	*start = cs_tz_to_utc(tz, day * 86400);
	return 0;
}

/* Durations. */

enum cs_parse_result
cs_duration_parse(const char *s, size_t len, enum cs_unit unit, double *seconds)
{
	static const struct {
		const char *name;
		double secs;
	} units[] = {
	        {"s", 1},
	        {"sec", 1},
	        {"secs", 1},
	        {"second", 1},
	        {"seconds", 1},
	        {"m", 60},
	        {"min", 60},
	        {"mins", 60},
	        {"minute", 60},
	        {"minutes", 60},
	        {"h", 3600},
	        {"hr", 3600},
	        {"hrs", 3600},
	        {"hour", 3600},
	        {"hours", 3600},
	        {"d", 86400},
	        {"day", 86400},
	        {"days", 86400},
	};
	static const double unit_secs[] = {1, 60, 3600, 86400};
	const char *p = s, *e = s + len, *w;
	double v = 0, scale, total;
	int parts[3], nparts = 0, n, digits, nterms;
	size_t i;

	trim(&p, &e);
	if (p == e || cs_is_placeholder(p, (size_t)(e - p)))
		return CS_PARSE_EMPTY;
	if (*p == '+')
		p++;
	/* Clock form: H:MM, H:MM:SS, with a fraction on the last part. */
	{
		const char *q = p;

		while (q < e && is_digit((unsigned char)*q))
			q++;
		if (q > p && q < e && *q == ':') {
			q = p;
			for (;;) {
				if (nparts == 3)
					return CS_PARSE_BAD;
				n = 0;
				parts[nparts] = 0;
				while (q < e && is_digit((unsigned char)*q)) {
					if (n > 9)
						return CS_PARSE_BAD;
					parts[nparts] = parts[nparts] * 10 + (*q++ - '0');
					n++;
				}
				if (n == 0 || (nparts > 0 && n != 2))
					return CS_PARSE_BAD;
				nparts++;
				if (q < e && *q == ':') {
					q++;
					continue;
				}
				break;
			}
			if (nparts < 2 || parts[1] > 59 || (nparts == 3 && parts[2] > 59))
				return CS_PARSE_BAD;
			v = nparts == 3 ? parts[0] * 3600.0 + parts[1] * 60.0 + parts[2]
			                : parts[0] * 3600.0 + parts[1] * 60.0;
			if (q < e && *q == '.') {
				double frac = 0;

				q++;
				scale = nparts == 3 ? 1 : 60;
				if (q == e)
					return CS_PARSE_BAD;
				while (q < e && is_digit((unsigned char)*q)) {
					scale /= 10;
					frac += (*q++ - '0') * scale;
				}
				v += frac;
			}
			if (q != e)
				return CS_PARSE_BAD;
			*seconds = v;
			return CS_PARSE_OK;
		}
	}
	/* Numbers, each with a unit ("1h 30m", "2 days 3 hours"), or one plain
	 * number in the default unit. */
	total = 0;
	for (nterms = 0;; nterms++) {
		v = 0;
		digits = 0;
		while (p < e && is_digit((unsigned char)*p)) {
			v = v * 10 + (*p++ - '0');
			digits++;
		}
		if (p < e && *p == '.') {
			p++;
			scale = 0.1;
			while (p < e && is_digit((unsigned char)*p)) {
				v += (*p++ - '0') * scale;
				scale /= 10;
				digits++;
			}
		}
		if (digits == 0)
			return CS_PARSE_BAD;
		while (p < e && *p == ' ')
			p++;
		if (p == e) {
			if (nterms > 0)
				return CS_PARSE_BAD; /* "1h 30": 30 what? */
			total = v * unit_secs[unit];
			break;
		}
		w = word_end(p, e);
		for (i = 0; i < sizeof units / sizeof units[0]; i++)
			if (eq_word(p, w, units[i].name))
				break;
		if (i == sizeof units / sizeof units[0])
			return CS_PARSE_BAD;
		total += v * units[i].secs;
		p = w;
		while (p < e && (*p == ' ' || *p == ','))
			p++;
		if (p == e)
			break;
	}
	*seconds = total;
	return CS_PARSE_OK;
}
