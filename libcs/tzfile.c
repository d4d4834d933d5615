/*
 * Reading compiled zoneinfo (TZif, RFC 8536) and POSIX TZ strings.  The
 * 64-bit data block of a version 2+ file is used (the 32-bit block only when
 * the file is version 1); leap-second records are skipped, as the instants of
 * this project are POSIX seconds.  After the last transition the footer's TZ
 * string decides, so dates far in the future follow the zone's current rule
 * whether the file is "fat" or "slim".
 */
#include "libcs/tzfile.h"

#include <stdlib.h>
#include <string.h>

#include "libcs/datetime.h"
#include "libcs/xalloc.h"

static int64_t
get_be(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v << 8 | p[i];
	if (n == 4)
		return (int32_t)(uint32_t)v;
	return (int64_t)v;
}

struct tzif_header {
	int version;
	uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

static int
read_header(const unsigned char *p, size_t avail, struct tzif_header *h)
{
	if (avail < 44 || memcmp(p, "TZif", 4) != 0)
		return -1;
	h->version = p[4] == 0 ? 1 : p[4] - '0';
	if (h->version < 1 || h->version > 9)
		return -1;
	h->isutcnt = (uint32_t)get_be(p + 20, 4);
	h->isstdcnt = (uint32_t)get_be(p + 24, 4);
	h->leapcnt = (uint32_t)get_be(p + 28, 4);
	h->timecnt = (uint32_t)get_be(p + 32, 4);
	h->typecnt = (uint32_t)get_be(p + 36, 4);
	h->charcnt = (uint32_t)get_be(p + 40, 4);
	/* Bounds that keep the size arithmetic below far from overflow. */
	if (h->timecnt > 1000000 || h->typecnt == 0 || h->typecnt > 256 || h->charcnt > 1000000 ||
	        h->leapcnt > 100000 || h->isutcnt > 256 || h->isstdcnt > 256)
		return -1;
	return 0;
}

static size_t
block_size(const struct tzif_header *h, int tsize)
{
	return (size_t)h->timecnt * (size_t)tsize + h->timecnt + (size_t)h->typecnt * 6 +
	        h->charcnt + (size_t)h->leapcnt * (size_t)(tsize + 4) + h->isstdcnt + h->isutcnt;
}

static int64_t rule_day(const struct cs_tzrule *r, int y);

static void
append_transition(struct cs_tzdata *d, size_t orig, int64_t t, uint8_t type)
{
	if (d->ntrans > 0 && t <= d->trans[d->ntrans - 1]) {
		/* Two rules at one instant (all-year DST): the later one wins,
		 * but the file's own transitions are never rewritten. */
		if (t == d->trans[d->ntrans - 1] && d->ntrans > orig)
			d->type[d->ntrans - 1] = type;
		return;
	}
	d->trans[d->ntrans] = t;
	d->type[d->ntrans++] = type;
}

/*
 * Appends the transitions that the footer's rule makes from the year of the
 * file's last transition to CS_TZ_EXTEND_YEAR, so that a lookup in the coming
 * decades is one binary search whether the file is "fat" (transitions to
 * 2037) or "slim" (transitions only until the rule took over).  Later
 * instants still go to the rule itself.
 */
static void
extend_with_footer(struct cs_tzdata *d)
{
	const struct cs_tzposix *z = &d->footer;
	size_t orig = d->ntrans;
	uint8_t tstd, tdst;
	int y, y0, m, dd;

	if (!d->has_footer || !z->has_dst || d->ntrans == 0 || d->ntypes + 2 > 256)
		return;
	cs_civil_from_days(cs_floor_div(d->trans[d->ntrans - 1], 86400), &y0, &m, &dd);
	/* A file whose transitions end before 1900 is odd enough (or corrupt)
	 * to be left to the rule alone, without a table of centuries. */
	if (y0 < 1900 || y0 >= CS_TZ_EXTEND_YEAR)
		return;
	d->trans = xreallocarray(
	        d->trans, d->ntrans + 2 * (size_t)(CS_TZ_EXTEND_YEAR - y0 + 1), sizeof *d->trans);
	d->type = xreallocarray(
	        d->type, d->ntrans + 2 * (size_t)(CS_TZ_EXTEND_YEAR - y0 + 1), sizeof *d->type);
	d->off = xreallocarray(d->off, d->ntypes + 2, sizeof *d->off);
	tstd = (uint8_t)d->ntypes;
	tdst = (uint8_t)(d->ntypes + 1);
	d->off[tstd] = z->std_off;
	d->off[tdst] = z->dst_off;
	d->ntypes += 2;
	for (y = y0; y <= CS_TZ_EXTEND_YEAR; y++) {
		int64_t s = rule_day(&z->start, y) * 86400 + z->start.time - z->std_off;
		int64_t e = rule_day(&z->end, y) * 86400 + z->end.time - z->dst_off;

		if (s < e) {
			append_transition(d, orig, s, tdst);
			append_transition(d, orig, e, tstd);
		} else {
			append_transition(d, orig, e, tstd);
			append_transition(d, orig, s, tdst);
		}
	}
}

int
cs_tzdata_parse(struct cs_tzdata *d, const unsigned char *buf, size_t len)
{
	struct tzif_header h;
	const unsigned char *p = buf, *end = buf + len;
	int tsize = 4;
	size_t i, bs;

	memset(d, 0, sizeof *d);
	if (read_header(p, len, &h) < 0)
		return -1;
	bs = block_size(&h, 4);
	if (bs > len - 44)
		return -1;
	p += 44;
	if (h.version >= 2) {
		/* Skip the 32-bit block; the second header describes the 64-bit one. */
		p += bs;
		if (read_header(p, (size_t)(end - p), &h) < 0)
			return -1;
		p += 44;
		tsize = 8;
		bs = block_size(&h, 8);
		if (bs > (size_t)(end - p))
			return -1;
	}
	d->ntrans = h.timecnt;
	d->ntypes = h.typecnt;
	d->trans = xcalloc(h.timecnt ? h.timecnt : 1, sizeof *d->trans);
	d->type = xcalloc(h.timecnt ? h.timecnt : 1, sizeof *d->type);
	d->off = xcalloc(h.typecnt, sizeof *d->off);
	for (i = 0; i < h.timecnt; i++) {
		d->trans[i] = get_be(p + i * (size_t)tsize, tsize);
		if (i > 0 && d->trans[i] <= d->trans[i - 1])
			goto bad;
	}
	p += (size_t)h.timecnt * (size_t)tsize;
	for (i = 0; i < h.timecnt; i++) {
		d->type[i] = p[i];
		if (p[i] >= h.typecnt)
			goto bad;
	}
	p += h.timecnt;
	for (i = 0; i < h.typecnt; i++) {
		int64_t off = get_be(p + i * 6, 4);

		/* RFC 8536 forbids -2^31; anything beyond a day is corrupt. */
		if (off < -93600 || off > 93600)
			goto bad;
		d->off[i] = (int32_t)off;
	}
	p += bs - (size_t)h.timecnt * (size_t)(tsize + 1);
	if (h.version >= 2 && p < end && *p == '\n') {
		const unsigned char *nl = memchr(p + 1, '\n', (size_t)(end - p - 1));

		if (nl == NULL)
			goto bad;
		if (nl > p + 1) {
			if (cs_tzposix_parse(
			            &d->footer, (const char *)p + 1, (size_t)(nl - p - 1)) < 0)
				goto bad;
			d->has_footer = 1;
		}
	}
	extend_with_footer(d);
	return 0;
bad:
	cs_tzdata_release(d);
	return -1;
}

void
cs_tzdata_release(struct cs_tzdata *d)
{
	free(d->trans);
	free(d->type);
	free(d->off);
	memset(d, 0, sizeof *d);
}

/* A zone name: letters, or anything but '>' between angle brackets. */
static const char *
posix_name(const char *p, const char *e)
{
	const char *q = p;

	if (p < e && *p == '<') {
		while (q < e && *q != '>')
			q++;
		if (q == e || q - p < 2)
			return NULL;
		return q + 1;
	}
	while (q < e && ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z')))
		q++;
	return q - p >= 3 ? q : NULL;
}

static const char *
posix_uint(const char *p, const char *e, int max_digits, int *v)
{
	int n = 0;

	*v = 0;
	while (p < e && *p >= '0' && *p <= '9' && n < max_digits) {
		*v = *v * 10 + (*p++ - '0');
		n++;
	}
	return n ? p : NULL;
}

/* [+-]hh[:mm[:ss]] in seconds; hours up to 167 (RFC 8536 section 3.3.1). */
static const char *
posix_time(const char *p, const char *e, int32_t *secs)
{
	int sign = 1, h, m = 0, s = 0;

	if (p < e && (*p == '+' || *p == '-'))
		sign = *p++ == '-' ? -1 : 1;
	if ((p = posix_uint(p, e, 3, &h)) == NULL || h > 167)
		return NULL;
	if (p < e && *p == ':') {
		if ((p = posix_uint(p + 1, e, 2, &m)) == NULL || m > 59)
			return NULL;
		if (p < e && *p == ':')
			if ((p = posix_uint(p + 1, e, 2, &s)) == NULL || s > 59)
				return NULL;
	}
	*secs = sign * (h * 3600 + m * 60 + s);
	return p;
}

static const char *
posix_rule(const char *p, const char *e, struct cs_tzrule *r)
{
	if (p < e && *p == 'M') {
		r->kind = 'M';
		if ((p = posix_uint(p + 1, e, 2, &r->m)) == NULL || r->m < 1 || r->m > 12)
			return NULL;
		if (p == e || *p != '.' || (p = posix_uint(p + 1, e, 1, &r->w)) == NULL ||
		        r->w < 1 || r->w > 5)
			return NULL;
		if (p == e || *p != '.' || (p = posix_uint(p + 1, e, 1, &r->d)) == NULL || r->d > 6)
			return NULL;
	} else if (p < e && *p == 'J') {
		r->kind = 'J';
		if ((p = posix_uint(p + 1, e, 3, &r->d)) == NULL || r->d < 1 || r->d > 365)
			return NULL;
	} else {
		r->kind = 'n';
		if ((p = posix_uint(p, e, 3, &r->d)) == NULL || r->d > 365)
			return NULL;
	}
	r->time = 7200;
	if (p < e && *p == '/')
		p = posix_time(p + 1, e, &r->time);
	return p;
}

int
cs_tzposix_parse(struct cs_tzposix *z, const char *s, size_t len)
{
	const char *p = s, *e = s + len;
	int32_t off;

	memset(z, 0, sizeof *z);
	if ((p = posix_name(p, e)) == NULL || (p = posix_time(p, e, &off)) == NULL)
		return -1;
	z->std_off = z->dst_off = -off;
	if (p == e)
		return 0;
	if ((p = posix_name(p, e)) == NULL)
		return -1;
	z->has_dst = 1;
	z->dst_off = z->std_off + 3600;
	if (p < e && *p != ',') {
		if ((p = posix_time(p, e, &off)) == NULL)
			return -1;
		z->dst_off = -off;
	}
	/* A DST name with no rules means the US rules of POSIX's default; tzdata
	 * never writes that, so refuse it rather than guess. */
	if (p == e || *p != ',' || (p = posix_rule(p + 1, e, &z->start)) == NULL)
		return -1;
	if (p == e || *p != ',' || (p = posix_rule(p + 1, e, &z->end)) == NULL)
		return -1;
	return p == e ? 0 : -1;
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The day (since the epoch) on which rule r falls in year y. */
static int64_t
rule_day(const struct cs_tzrule *r, int y)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int64_t first;
	int wd, day, last;

	if (r->kind == 'J')
		return cs_days_from_civil(y, 1, 1) + r->d - 1 + (is_leap(y) && r->d >= 60);
	if (r->kind == 'n')
		return cs_days_from_civil(y, 1, 1) + r->d;
	first = cs_days_from_civil(y, r->m, 1);
	wd = cs_weekday(first) % 7; /* 0 Sunday .. 6 Saturday, as in the rule */
	day = 1 + (r->d - wd + 7) % 7 + (r->w - 1) * 7;
	last = mdays[r->m - 1] + (r->m == 2 && is_leap(y));
	while (day > last)
		day -= 7;
	return first + day - 1;
}

int32_t
cs_tzposix_offset(const struct cs_tzposix *z, int64_t utc)
{
	int64_t s, e;
	int y, m, d;

	if (!z->has_dst)
		return z->std_off;
	/* Beyond about 285 million years either side the rule of the limit holds;
	 * this keeps the arithmetic below from overflowing. */
	if (utc > CS_TZ_LIMIT)
		utc = CS_TZ_LIMIT;
	else if (utc < -CS_TZ_LIMIT)
		utc = -CS_TZ_LIMIT;
	cs_civil_from_days(cs_floor_div(utc + z->std_off, 86400), &y, &m, &d);
	s = rule_day(&z->start, y) * 86400 + z->start.time - z->std_off;
	e = rule_day(&z->end, y) * 86400 + z->end.time - z->dst_off;
	if (s < e)
		return utc >= s && utc < e ? z->dst_off : z->std_off;
	/* Southern hemisphere: DST spans the new year. */
	return utc >= e && utc < s ? z->std_off : z->dst_off;
}

size_t
cs_tzdata_find(const struct cs_tzdata *d, int64_t utc)
{
	size_t lo = 0, hi = d->ntrans;

	/* The count of transitions at or before utc: trans[lo-1] <= utc < trans[lo]. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->trans[mid] <= utc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int32_t
cs_tzdata_offset(const struct cs_tzdata *d, int64_t utc)
{
	size_t k;

	if (d->ntrans == 0)
		return d->has_footer ? cs_tzposix_offset(&d->footer, utc) : d->off[0];
	k = cs_tzdata_find(d, utc);
	if (k == 0)
		return d->off[0];
	if (k == d->ntrans && d->has_footer)
		return cs_tzposix_offset(&d->footer, utc);
	return d->off[d->type[k - 1]];
}
