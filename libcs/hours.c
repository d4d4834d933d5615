/*
 * Business-hours calendars; see hours.h.  Business minutes are counted day
 * by day in the schedule's zone: each opening interval of a local day is
 * turned into instants with the zone's rules (so a day of a daylight-saving
 * change keeps its wall-clock hours) and intersected with the span.
 */
#include "libcs/hours.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcs/buf.h"
#include "libcs/datetime.h"
#include "libcs/xalloc.h"

#define MAX_SPANS 8

struct span {
	int from, to; /* minutes after local midnight, from < to <= 1440 */
};

struct schedule {
	char *name;
	struct cs_tz *tz;
	struct span spans[7][MAX_SPANS]; /* [0] is Monday */
	int nspans[7];
	int64_t *holidays; /* sorted local day numbers */
	size_t nholidays, cap;
};

struct cs_hours {
	struct schedule *s;
	size_t n, cap;
};

static const char *const day_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

void
cs_hours_free(struct cs_hours *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->n; i++) {
		free(h->s[i].name);
		cs_tz_free(h->s[i].tz);
		free(h->s[i].holidays);
	}
	free(h->s);
	free(h);
}

static struct schedule *
add_schedule(struct cs_hours *h, const char *name, size_t len)
{
	struct schedule *s;

	h->s = xgrow(h->s, &h->cap, h->n + 1, sizeof *h->s);
	s = &h->s[h->n++];
	memset(s, 0, sizeof *s);
	s->name = xstrndup(name, len);
	return s;
}

static int
day_index(const char *s, size_t len)
{
	int i;

	for (i = 0; i < 7; i++)
		if (len >= 3 && strncasecmp(s, day_names[i], 3) == 0)
			return i;
	return -1;
}

/* Parses "mon-fri", "sat", "mon,wed,fri" into a mask of weekdays. */
static int
parse_days(const char *w, size_t len, unsigned *mask)
{
	size_t i = 0;

	*mask = 0;
	while (i < len) {
		size_t j = i, k;
		int a, b;

		while (j < len && w[j] != ',' && w[j] != '-')
			j++;
		if ((a = day_index(w + i, j - i)) < 0 || j - i != 3)
			return -1;
		b = a;
		if (j < len && w[j] == '-') {
			k = j + 1;
			j = k;
			while (j < len && w[j] != ',')
				j++;
			if ((b = day_index(w + k, j - k)) < 0 || j - k != 3)
				return -1;
		}
		for (;;) {
			*mask |= 1u << a;
			if (a == b)
				break;
			a = (a + 1) % 7;
		}
		i = j < len ? j + 1 : j;
	}
	return *mask ? 0 : -1;
}

static int
parse_hhmm(const char *s, size_t len, int *min)
{
	int h, m;

	if (len != 5 || !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	        s[2] != ':' || !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	*min = h * 60 + m;
	return 0;
}

static int
cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Splits the next blank-separated word of *p (up to end). */
static int
next_word(const char **p, const char *end, const char **w, size_t *len)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s == end)
		return 0;
	*w = s;
	while (s < end && *s != ' ' && *s != '\t')
		s++;
	*len = (size_t)(s - *w);
	*p = s;
	return 1;
}

static int
parse_line(struct cs_hours *h, struct schedule **cur, const char *name, long lineno,
        const char *line, const char *end, struct cs_error *err)
{
	const char *p = line, *w;
	size_t len;
	unsigned mask;
	int d;

	if (!next_word(&p, end, &w, &len))
		return 0;
	if (len == 8 && strncasecmp(w, "schedule", 8) == 0) {
		if (!next_word(&p, end, &w, &len))
			return cs_error_set(err, name, lineno, "schedule without a name");
		/* A name may hold spaces: take the rest of the line. */
		len = (size_t)(end - w);
		while (len && (w[len - 1] == ' ' || w[len - 1] == '\t'))
			len--;
		*cur = add_schedule(h, w, len);
		return 0;
	}
	if (*cur == NULL)
		*cur = add_schedule(h, "default", 7);
	if (len == 4 && strncasecmp(w, "zone", 4) == 0) {
		char zname[128];

		if (!next_word(&p, end, &w, &len) || len >= sizeof zname)
			return cs_error_set(err, name, lineno, "zone without a name");
		memcpy(zname, w, len);
		zname[len] = '\0';
		cs_tz_free((*cur)->tz);
		(*cur)->tz = cs_tz_load(zname, err);
		if ((*cur)->tz == NULL) {
			char msg[sizeof err->msg];

			snprintf(msg, sizeof msg, "%s", err->msg);
			return cs_error_set(err, name, lineno, "%s", msg);
		}
		return 0;
	}
	if (len == 7 && strncasecmp(w, "holiday", 7) == 0) {
		int64_t day;

		while (next_word(&p, end, &w, &len)) {
			if (cs_date_parse(w, len, CS_ORDER_YMD, &day) != CS_PARSE_OK)
				return cs_error_set(
				        err, name, lineno, "bad holiday date '%.*s'", (int)len, w);
			(*cur)->holidays = xgrow((*cur)->holidays, &(*cur)->cap,
			        (*cur)->nholidays + 1, sizeof *(*cur)->holidays);
			(*cur)->holidays[(*cur)->nholidays++] = day;
		}
		return 0;
	}
	if (parse_days(w, len, &mask) < 0)
		return cs_error_set(err, name, lineno, "unknown line '%.*s'", (int)len, w);
	for (d = 0; d < 7; d++)
		if (mask & (1u << d))
			(*cur)->nspans[d] = 0;
	while (next_word(&p, end, &w, &len)) {
		struct span sp;
		const char *dash = memchr(w, '-', len);

		if (len == 6 && strncasecmp(w, "closed", 6) == 0)
			continue;
		if (dash == NULL || parse_hhmm(w, (size_t)(dash - w), &sp.from) < 0 ||
		        parse_hhmm(dash + 1, len - (size_t)(dash + 1 - w), &sp.to) < 0 ||
		        sp.from >= sp.to)
			return cs_error_set(
			        err, name, lineno, "bad opening hours '%.*s'", (int)len, w);
		for (d = 0; d < 7; d++) {
			if (!(mask & (1u << d)))
				continue;
			if ((*cur)->nspans[d] == MAX_SPANS)
				return cs_error_set(err, name, lineno,
				        "more than %d opening intervals in a day", MAX_SPANS);
			(*cur)->spans[d][(*cur)->nspans[d]++] = sp;
		}
	}
	return 0;
}

struct cs_hours *
cs_hours_parse(const char *name, const char *text, struct cs_error *err)
{
	struct cs_hours *h = xcalloc(1, sizeof *h);
	struct schedule *cur = NULL;
	const char *p = text;
	long lineno = 0;
	size_t i;

	while (*p) {
		const char *nl = strchr(p, '\n'), *end, *hash;

		if (nl == NULL)
			nl = p + strlen(p);
		end = nl;
		hash = memchr(p, '#', (size_t)(end - p));
		if (hash)
			end = hash;
		while (end > p && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
			end--;
		lineno++;
		if (parse_line(h, &cur, name, lineno, p, end, err) < 0) {
			cs_hours_free(h);
			return NULL;
		}
		p = *nl ? nl + 1 : nl;
	}
	if (h->n == 0) {
		cs_error_set(err, name, 0, "no schedule in business-hours file");
		cs_hours_free(h);
		return NULL;
	}
	for (i = 0; i < h->n; i++)
		if (h->s[i].nholidays)
			qsort(h->s[i].holidays, h->s[i].nholidays, sizeof(int64_t), cmp_day);
	return h;
}

struct cs_hours *
cs_hours_load(const char *path, struct cs_error *err)
{
	struct cs_buf b;
	struct cs_hours *h = NULL;

	cs_buf_init(&b);
	if (cs_buf_read_file(&b, path, CS_CONFIG_MAX, err) == 0)
		h = cs_hours_parse(path, b.data, err);
	cs_buf_release(&b);
	return h;
}

int
cs_hours_schedule(const struct cs_hours *h, const char *team)
{
	size_t i;
	int def = -1;

	for (i = 0; i < h->n; i++) {
		if (team && strcasecmp(h->s[i].name, team) == 0)
			return (int)i;
		if (def < 0 && strcasecmp(h->s[i].name, "default") == 0)
			def = (int)i;
	}
	return def >= 0 ? def : 0;
}

static int
is_holiday(const struct schedule *s, int64_t day)
{
	return s->nholidays &&
	        bsearch(&day, s->holidays, s->nholidays, sizeof day, cmp_day) != NULL;
}

/* The instants where span i of weekday wd opens and closes on the local
 * date day (days since the epoch), in the schedule's zone. */
static void
span_instants(const struct schedule *s, int64_t day, int wd, int i, int64_t *from, int64_t *to)
{
	*from = day * 86400 + (int64_t)s->spans[wd][i].from * 60;
	*to = day * 86400 + (int64_t)s->spans[wd][i].to * 60;
	if (s->tz) {
		*from = cs_tz_to_utc(s->tz, *from);
		*to = cs_tz_to_utc(s->tz, *to);
	}
}

double
cs_hours_minutes(const struct cs_hours *h, int schedule, int64_t a, int64_t b)
{
	const struct schedule *s = &h->s[schedule];
	int64_t day, last, total = 0;

	if (b <= a)
		return 0;
	if (b - a > (int64_t)20 * 366 * 86400)
		return NAN;
	/* One day of margin on each side covers any zone offset. */
	day = cs_floor_div(a, 86400) - 1;
	last = cs_floor_div(b, 86400) + 1;
	for (; day <= last; day++) {
		int wd = cs_weekday(day) - 1, i;

		if (s->nspans[wd] == 0 || is_holiday(s, day))
			continue;
		for (i = 0; i < s->nspans[wd]; i++) {
			int64_t from, to;

			span_instants(s, day, wd, i, &from, &to);
			if (from < a)
				from = a;
			if (to > b)
				to = b;
			if (to > from)
				total += to - from;
		}
	}
	return (double)total / 60.0;
}

int64_t
cs_hours_deadline(const struct cs_hours *h, int schedule, int64_t a, double minutes)
{
	const struct schedule *s = &h->s[schedule];
	int64_t need = (int64_t)(minutes * 60 + 0.5), day, last;

	day = cs_floor_div(a, 86400) - 1;
	last = day + (int64_t)20 * 366;
	for (; day <= last; day++) {
		int wd = cs_weekday(day) - 1, i;

		if (s->nspans[wd] == 0 || is_holiday(s, day))
			continue;
		for (i = 0; i < s->nspans[wd]; i++) {
			int64_t from, to;

			span_instants(s, day, wd, i, &from, &to);
			if (from < a)
				from = a;
			if (to <= from)
				continue;
			if (to - from >= need)
				return from + need;
			need -= to - from;
		}
	}
	return INT64_MAX;
}
