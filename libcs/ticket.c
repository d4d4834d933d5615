/*
 * The canonical tickets record kind as a C struct; see ticket.h.  Values are
 * read strictly: cs-import writes canonical text, so anything else in a
 * canonical stream is an error worth naming (with its line and column)
 * rather than a value to guess at.
 */
#include "libcs/ticket.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcs/datetime.h"

static const char *const status_names[] = {"new", "open", "pending", "hold", "solved", "closed"};
static const char *const priority_names[] = {"low", "normal", "high", "urgent"};
static const char *const channel_names[] = {
        "email", "web", "chat", "phone", "api", "social", "other"};
static const char *const csat_names[] = {"good", "bad", "offered"};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *
name_of(const char *const *names, size_t n, int v)
{
	return v >= 0 && (size_t)v < n ? names[v] : "";
}

static int
index_of(const char *const *names, size_t n, const char *s, size_t len)
{
	size_t i;

	/* Canonical streams write the names in lower case: try that first. */
	for (i = 0; i < n; i++)
		if (names[i][0] == s[0] && strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return (int)i;
	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && strncasecmp(names[i], s, len) == 0)
			return (int)i;
	return -1;
}

const char *
cs_status_name(enum cs_status s)
{
	return name_of(status_names, NELEM(status_names), s);
}

const char *
cs_priority_name(enum cs_priority p)
{
	return name_of(priority_names, NELEM(priority_names), p);
}

const char *
cs_channel_name(enum cs_channel c)
{
	return name_of(channel_names, NELEM(channel_names), c);
}

const char *
cs_csat_name(enum cs_csat c)
{
	return name_of(csat_names, NELEM(csat_names), c);
}

enum cs_status
cs_status_from(const char *s, size_t len)
{
	return (enum cs_status)index_of(status_names, NELEM(status_names), s, len);
}

enum cs_priority
cs_priority_from(const char *s, size_t len)
{
	return (enum cs_priority)index_of(priority_names, NELEM(priority_names), s, len);
}

enum cs_channel
cs_channel_from(const char *s, size_t len)
{
	return (enum cs_channel)index_of(channel_names, NELEM(channel_names), s, len);
}

enum cs_csat
cs_csat_from(const char *s, size_t len)
{
	return (enum cs_csat)index_of(csat_names, NELEM(csat_names), s, len);
}

int
cs_ticket_bind(
        struct cs_ticket_columns *c, const struct cs_row *h, const char *file, struct cs_error *err)
{
	c->id = cs_csv_column(h, "id");
	c->created_at = cs_csv_column(h, "created_at");
	c->source = cs_csv_column(h, "source");
	c->account = cs_csv_column(h, "account");
	c->requester = cs_csv_column(h, "requester");
	c->assignee = cs_csv_column(h, "assignee");
	c->team = cs_csv_column(h, "team");
	c->channel = cs_csv_column(h, "channel");
	c->priority = cs_csv_column(h, "priority");
	c->status = cs_csv_column(h, "status");
	c->category = cs_csv_column(h, "category");
	c->first_reply_at = cs_csv_column(h, "first_reply_at");
	c->solved_at = cs_csv_column(h, "solved_at");
	c->updated_at = cs_csv_column(h, "updated_at");
	c->first_reply_min = cs_csv_column(h, "first_reply_min");
	c->resolution_min = cs_csv_column(h, "resolution_min");
	c->first_reply_bmin = cs_csv_column(h, "first_reply_bmin");
	c->resolution_bmin = cs_csv_column(h, "resolution_bmin");
	c->replies = cs_csv_column(h, "replies");
	c->reopens = cs_csv_column(h, "reopens");
	c->csat = cs_csv_column(h, "csat");
	c->tags = cs_csv_column(h, "tags");
	c->subject = cs_csv_column(h, "subject");
	if (c->id < 0)
		return cs_error_set(err, file, 1, "not a tickets stream: no column 'id'");
	if (c->created_at < 0)
		return cs_error_set(err, file, 1, "not a tickets stream: no column 'created_at'");
	return 0;
}

static const char *
text(const struct cs_row *row, int i)
{
	size_t len;
	const char *s = cs_row_field(row, i, &len);

	return len ? s : NULL;
}

/*
 * A fast path for the canonical text that cs-import writes, which is nearly
 * every value of a tickets stream: "YYYY-MM-DDTHH:MM:SSZ" (plain decimals
 * have theirs in cs_row_number).  It accepts only values it reads exactly as
 * the general parser would, and returns -1 for anything else, which then
 * goes to the general parser (and its error messages).
 */
static int
two(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static int
canonical_time(const char *s, size_t len, int64_t *out)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int c, yy, y, m, d, hh, mm, ss, leap;

	if (len != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	        s[16] != ':' || s[19] != 'Z')
		return -1;
	if ((c = two(s)) < 0 || (yy = two(s + 2)) < 0 || (m = two(s + 5)) < 0 ||
	        (d = two(s + 8)) < 0 || (hh = two(s + 11)) < 0 || (mm = two(s + 14)) < 0 ||
	        (ss = two(s + 17)) < 0)
		return -1;
	y = c * 100 + yy;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap) || hh > 23 || mm > 59 ||
	        ss > 59)
		return -1;
	*out = cs_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
	return 0;
}

static int
get_time(const struct cs_row *row, int i, const char *col, const char *file, int64_t *out,
        struct cs_error *err)
{
	size_t len;
	const char *s = cs_row_field(row, i, &len);

	*out = CS_UNKNOWN;
	if (len == 0)
		return 0;
	if (canonical_time(s, len, out) == 0)
		return 0;
	switch (cs_time_parse(s, len, CS_ORDER_YMD, NULL, out)) {
	case CS_PARSE_OK: return 0;
	case CS_PARSE_EMPTY: *out = CS_UNKNOWN; return 0;
	default:
		return cs_error_set(err, file, row->line, "bad timestamp '%.*s' in column '%s'",
		        (int)(len > 64 ? 64 : len), s, col);
	}
}

static int
get_number(const struct cs_row *row, int i, const char *col, const char *file, double *out,
        struct cs_error *err)
{
	size_t len;
	const char *s = cs_row_field(row, i, &len);
	int rc = cs_row_number(row, i, out);

	if (rc < 0 || (rc == 0 && *out < 0))
		return cs_error_set(err, file, row->line, "bad number '%.*s' in column '%s'",
		        (int)(len > 64 ? 64 : len), s, col);
	return 0;
}

static int
get_count(const struct cs_row *row, int i, const char *col, const char *file, long *out,
        struct cs_error *err)
{
	double v;

	*out = -1;
	if (get_number(row, i, col, file, &v, err) < 0)
		return -1;
	if (isnan(v))
		return 0;
	if (v != floor(v) || v > 1e9)
		return cs_error_set(err, file, row->line, "bad count '%g' in column '%s'", v, col);
	*out = (long)v;
	return 0;
}

/* An enumeration: empty is unknown, anything outside the list an error. */
static int
get_enum(const struct cs_row *row, int i, const char *col, const char *file, int *out,
        int (*from)(const char *, size_t), struct cs_error *err)
{
	size_t len;
	const char *s = cs_row_field(row, i, &len);

	*out = -1;
	if (len == 0)
		return 0;
	*out = from(s, len);
	if (*out < 0)
		return cs_error_set(err, file, row->line, "unknown %s '%.*s'", col,
		        (int)(len > 64 ? 64 : len), s);
	return 0;
}

static int
status_from(const char *s, size_t len)
{
	return cs_status_from(s, len);
}

static int
priority_from(const char *s, size_t len)
{
	return cs_priority_from(s, len);
}

static int
channel_from(const char *s, size_t len)
{
	return cs_channel_from(s, len);
}

static int
csat_from(const char *s, size_t len)
{
	return cs_csat_from(s, len);
}

int
cs_ticket_read(const struct cs_ticket_columns *c, const struct cs_row *row, const char *file,
        struct cs_ticket *t, struct cs_error *err)
{
	int v;

	t->id = text(row, c->id);
	t->account = text(row, c->account);
	t->requester = text(row, c->requester);
	t->assignee = text(row, c->assignee);
	t->team = text(row, c->team);
	t->category = text(row, c->category);
	t->tags = text(row, c->tags);
	t->subject = text(row, c->subject);
	if (t->id == NULL)
		return cs_error_set(err, file, row->line, "empty id");
	if (get_time(row, c->created_at, "created_at", file, &t->created_at, err) < 0 ||
	        get_time(row, c->first_reply_at, "first_reply_at", file, &t->first_reply_at, err) <
	                0 ||
	        get_time(row, c->solved_at, "solved_at", file, &t->solved_at, err) < 0 ||
	        get_time(row, c->updated_at, "updated_at", file, &t->updated_at, err) < 0)
		return -1;
	if (t->created_at == CS_UNKNOWN)
		return cs_error_set(err, file, row->line, "empty created_at");
	if (get_number(row, c->first_reply_min, "first_reply_min", file, &t->first_reply_min, err) <
	                0 ||
	        get_number(row, c->resolution_min, "resolution_min", file, &t->resolution_min,
	                err) < 0 ||
	        get_number(row, c->first_reply_bmin, "first_reply_bmin", file, &t->first_reply_bmin,
	                err) < 0 ||
	        get_number(row, c->resolution_bmin, "resolution_bmin", file, &t->resolution_bmin,
	                err) < 0 ||
	        get_count(row, c->replies, "replies", file, &t->replies, err) < 0 ||
	        get_count(row, c->reopens, "reopens", file, &t->reopens, err) < 0)
		return -1;
	if (get_enum(row, c->status, "status", file, &v, status_from, err) < 0)
		return -1;
	t->status = (enum cs_status)v;
	if (get_enum(row, c->priority, "priority", file, &v, priority_from, err) < 0)
		return -1;
	t->priority = (enum cs_priority)v;
	if (get_enum(row, c->channel, "channel", file, &v, channel_from, err) < 0)
		return -1;
	t->channel = (enum cs_channel)v;
	if (get_enum(row, c->csat, "csat", file, &v, csat_from, err) < 0)
		return -1;
	t->csat = (enum cs_csat)v;
	return 0;
}

int
cs_ticket_is_solved(const struct cs_ticket *t)
{
	return (t->status == CS_ST_SOLVED || t->status == CS_ST_CLOSED) &&
	        t->solved_at != CS_UNKNOWN;
}
