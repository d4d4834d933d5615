/*
 * The canonical record kinds of design.md section 3 (cs(7)) as tables: each
 * kind's columns in their canonical order, each column's type, and the
 * normalisation of enumeration values onto their canonical lower-case names.
 *
 * cs-import builds every output row against one of these tables; the other
 * programs may use them to recognise a stream's kind by its columns.  All
 * tables are static and never freed.
 */
#ifndef CS_KINDS_H
#define CS_KINDS_H

#include <stddef.h>

enum cs_kind {
	CS_KIND_NONE = -1,
	CS_KIND_TICKETS,
	CS_KIND_ACCOUNTS,
	CS_KIND_USAGE,
	CS_KIND_SURVEYS,
	CS_KIND_ATTENDANCE,
	CS_KIND_INTERVALS,
	CS_KIND_COUNT
};

enum cs_coltype {
	CS_COL_TEXT, /* free text, written as given */
	CS_COL_ID, /* an identifier, text kept exactly */
	CS_COL_TIME, /* an instant, written 2026-03-01T05:40:55Z */
	CS_COL_DATE, /* a day, written 2026-03-01 */
	CS_COL_NUM, /* a decimal number; a duration when unit is not 0 */
	CS_COL_COUNT, /* a whole number >= 0 */
	CS_COL_ENUM /* one of the column's enumeration values */
};

/* Units of numeric columns; CS_CUNIT_NONE for plain numbers (mrr, score). */
enum cs_colunit { CS_CUNIT_NONE, CS_CUNIT_S, CS_CUNIT_MIN, CS_CUNIT_H };

struct cs_kind_column {
	const char *name;
	enum cs_coltype type;
	enum cs_colunit unit;
	int required;
	const char *const *values; /* the enumeration, NULL-terminated; NULL
				    * for other types */
	const char *const *aliases; /* header names recognised for this column
				     * when no mapping says otherwise; "name=s"
				     * says the column is in seconds (h, min
				     * likewise) */
};

struct cs_kind_def {
	enum cs_kind kind;
	const char *name; /* "tickets" */
	const struct cs_kind_column *cols;
	size_t ncols;
};

const struct cs_kind_def *cs_kind_def(enum cs_kind k);
enum cs_kind cs_kind_from_name(const char *name); /* CS_KIND_NONE when unknown */
const char *cs_kind_name(enum cs_kind k);

/* The index of a canonical column in a kind, or -1. */
int cs_kind_column_index(const struct cs_kind_def *d, const char *name);

/*
 * Maps a value onto the column's enumeration, ignoring case, surrounding
 * blanks and common synonyms ("Resolved" is solved, "Medium" is normal,
 * "Mail" is email, a 1-5 satisfaction score of 4 or 5 is good).  Returns
 * the canonical static name, "" for a value that means "none" (an
 * unoffered survey), or NULL when the value is not recognised.  The channel
 * column never fails: an unknown channel is "other".
 */
const char *cs_kind_enum_value(const struct cs_kind_column *c, const char *s, size_t len);

/* The number of seconds in one unit of the column (60 for _min). */
double cs_colunit_seconds(enum cs_colunit u);

#endif
