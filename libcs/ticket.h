/*
 * The canonical tickets record kind (design.md section 3, cs(7)) as a C
 * struct, for the programs that read what cs-import writes.
 *
 * A reader first binds the header once (cs_ticket_bind), then turns each row
 * into a struct cs_ticket.  Timestamps are instants in seconds (CS_UNKNOWN
 * when the field is empty); durations and counts are NaN or -1 when empty.
 * Strings point into the row and are valid as long as the row is.
 */
#ifndef CS_TICKET_H
#define CS_TICKET_H

#include <stdint.h>

#include "libcs/csv.h"
#include "libcs/error.h"

#define CS_UNKNOWN INT64_MIN

enum cs_status {
	CS_ST_UNKNOWN = -1,
	CS_ST_NEW,
	CS_ST_OPEN,
	CS_ST_PENDING,
	CS_ST_HOLD,
	CS_ST_SOLVED,
	CS_ST_CLOSED
};
enum cs_priority { CS_PRI_UNKNOWN = -1, CS_PRI_LOW, CS_PRI_NORMAL, CS_PRI_HIGH, CS_PRI_URGENT };
enum cs_channel {
	CS_CH_UNKNOWN = -1,
	CS_CH_EMAIL,
	CS_CH_WEB,
	CS_CH_CHAT,
	CS_CH_PHONE,
	CS_CH_API,
	CS_CH_SOCIAL,
	CS_CH_OTHER
};
enum cs_csat { CS_CSAT_NONE = -1, CS_CSAT_GOOD, CS_CSAT_BAD, CS_CSAT_OFFERED };

/* Names of the enumerations as written in the record kind ("solved"). */
const char *cs_status_name(enum cs_status s);
const char *cs_priority_name(enum cs_priority p);
const char *cs_channel_name(enum cs_channel c);
const char *cs_csat_name(enum cs_csat c);
enum cs_status cs_status_from(const char *s, size_t len);
enum cs_priority cs_priority_from(const char *s, size_t len);
enum cs_channel cs_channel_from(const char *s, size_t len);
enum cs_csat cs_csat_from(const char *s, size_t len);

/* Column indexes of one tickets header; -1 where the column is absent. */
struct cs_ticket_columns {
	int id, created_at, source, account, requester, assignee, team, channel, priority, status,
	        category, first_reply_at, solved_at, updated_at, first_reply_min, resolution_min,
	        first_reply_bmin, resolution_bmin, replies, reopens, csat, tags, subject;
};

struct cs_ticket {
	const char *id;
	const char *account, *requester, *assignee, *team, *category, *tags, *subject;
	int64_t created_at, first_reply_at, solved_at, updated_at;
	enum cs_status status;
	enum cs_priority priority;
	enum cs_channel channel;
	enum cs_csat csat;
	double first_reply_min, resolution_min, first_reply_bmin, resolution_bmin;
	long replies, reopens;
};

/* Binds a header; fails when id or created_at is missing ("not a tickets
 * stream: no column 'created_at'"). */
int cs_ticket_bind(struct cs_ticket_columns *c, const struct cs_row *header, const char *file,
        struct cs_error *err);

/* Reads one row; fails (naming the line and column) when a value does not
 * parse, so the program can reject the row. */
int cs_ticket_read(const struct cs_ticket_columns *c, const struct cs_row *row, const char *file,
        struct cs_ticket *t, struct cs_error *err);

/* Whether the ticket counts as solved (status solved or closed, with a
 * solved_at): design.md section 5. */
int cs_ticket_is_solved(const struct cs_ticket *t);

#endif
