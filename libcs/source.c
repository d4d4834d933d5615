/*
 * The built-in sources.  Each helpdesk's mapping is written in the
 * mapping-file format, so what --sniff prints is exactly what runs.
 *
 * Column names follow the vendors' CSV exports as documented by them and
 * as seen in public exports; where a vendor has used several names for one
 * column over the years, each is a "from" line and the first present wins.
 * Value maps hold only what is source-specific: the generic synonyms
 * (Resolved is solved, Medium is normal) live in kinds.c.
 */
#include "libcs/source.h"

#include <stdio.h>
#include <string.h>

#include "libcs/xalloc.h"

#define SIG(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char zendesk_map[] =
        "# Zendesk: the ticket export CSV (Reporting > Export, or Explore).\n"
        "kind tickets\n"
        "source zendesk\n"
        "id from Id\n"
        "id from Ticket ID\n"
        "created_at from Created at\n"
        "account from Organization\n"
        "requester from Requester id\n"
        "requester from Requester\n"
        "requester from Requester email\n"
        "assignee from Assignee\n"
        "team from Group\n"
        "channel from Via\n"
        "channel map Mail = email\n"
        "channel map Web form = web\n"
        "channel map /^(voice|phone)/i = phone\n"
        "channel map /^(twitter|facebook|instagram|whatsapp)/i = social\n"
        "priority from Priority\n"
        "status from Status\n"
        "category from /categor/i\n"
        "solved_at from Solved at\n"
        "updated_at from Updated at\n"
        "first_reply_min from First reply time in minutes\n"
        "first_reply_bmin from First reply time in minutes within business hours\n"
        "resolution_min from Full resolution time in minutes\n"
        "resolution_bmin from Full resolution time in minutes within business hours\n"
        "replies from Replies\n"
        "reopens from Reopens\n"
        "csat from Satisfaction Score\n"
        "csat from Satisfaction\n"
        "tags from Tags\n"
        "subject from Subject\n";

static const char freshdesk_map[] =
        "# Freshdesk: the ticket export (Tickets > Export, CSV).\n"
        "kind tickets\n"
        "source freshdesk\n"
        "id from Ticket ID\n"
        "created_at from Created time\n"
        "account from Company Name\n"
        "requester from Contact ID\n"
        "requester from Email\n"
        "requester from Full name\n"
        "assignee from Agent\n"
        "team from Group\n"
        "channel from Source\n"
        "channel map Portal = web\n"
        "channel map Feedback Widget = web\n"
        "channel map Outbound Email = email\n"
        "channel map /^(mobihelp|forum)/i = other\n"
        "priority from Priority\n"
        "status from Status\n"
        "status map Waiting on Customer = pending\n"
        "status map Waiting on Third Party = pending\n"
        "category from Type\n"
        "first_reply_at from Initial response time\n"
        "solved_at from Resolved time\n"
        "solved_at from Closed time\n"
        "updated_at from Last update time\n"
        "first_reply_min from First response time (in hrs)\n"
        "first_reply_min unit h\n"
        "resolution_min from Resolution time (in hrs)\n"
        "resolution_min unit h\n"
        "replies from Agent interactions\n"
        "csat from Survey results\n"
        "csat map /^(extremely happy|happy|good|satisfied)/i = good\n"
        "csat map /^(neutral|unhappy|extremely unhappy|bad|not satisfied)/i = bad\n"
        "tags from Tags\n"
        "subject from Subject\n";

static const char intercom_map[] =
        "# Intercom: the conversations export (Reports > Conversations, CSV).\n"
        "kind tickets\n"
        "source intercom\n"
        "id from Conversation ID\n"
        "created_at from Conversation started at\n"
        "created_at from Created at\n"
        "account from Company ID\n"
        "account from Company name\n"
        "requester from User ID\n"
        "requester from User email\n"
        "assignee from Teammate assigned\n"
        "assignee from Assignee\n"
        "team from Team assigned\n"
        "channel from Conversation started via\n"
        "channel from Channel\n"
        "channel map /^(conversation|chat|messenger|in-app)/i = chat\n"
        "priority from Priority\n"
        "priority map Priority = high\n"
        "priority map Not priority = normal\n"
        "status from State\n"
        "status from Status\n"
        "status map Snoozed = pending\n"
        "first_reply_at from First response at\n"
        "first_reply_at from First teammate reply at\n"
        "solved_at from Closed at\n"
        "solved_at from Last closed at\n"
        "updated_at from Updated at\n"
        "updated_at from Last updated at\n"
        "first_reply_min from First response time\n"
        "first_reply_min from Teammate first response time\n"
        "first_reply_min unit s\n"
        "resolution_min from Time to close\n"
        "resolution_min unit s\n"
        "replies from Teammate replies\n"
        "reopens from Reopens\n"
        "reopens from Times reopened\n"
        "csat from Conversation rating\n"
        "csat map /^(amazing|great)/i = good\n"
        "csat map /^(ok|bad|terrible)/i = bad\n"
        "tags from Tags\n"
        "tags from Conversation tags\n"
        "subject from Title\n"
        "subject from Conversation title\n";

static const char helpscout_map[] =
        "# Help Scout: the conversations export (Reports or Mailbox > Export).\n"
        "kind tickets\n"
        "source helpscout\n"
        "id from Conversation Number\n"
        "id from Number\n"
        "id from Conversation ID\n"
        "created_at from Created At\n"
        "created_at from Created\n"
        "account from Company\n"
        "requester from Customer Email\n"
        "requester from Customer\n"
        "assignee from Assigned To\n"
        "assignee from Assignee\n"
        "team from Mailbox\n"
        "channel from Type\n"
        "status from Status\n"
        "status map Active = open\n"
        "status map Spam = closed\n"
        "first_reply_at from First Response At\n"
        "solved_at from Closed At\n"
        "updated_at from Modified At\n"
        "updated_at from Updated At\n"
        "first_reply_min from First Response Time\n"
        "first_reply_min unit s\n"
        "resolution_min from Resolution Time\n"
        "resolution_min unit s\n"
        "replies from Replies\n"
        "replies from Thread Count\n"
        "csat from Rating\n"
        "csat from Happiness Rating\n"
        "csat map Great = good\n"
        "csat map /^(okay|not good)/i = bad\n"
        "tags from Tags\n"
        "subject from Subject\n";

static const char hubspot_map[] = "# HubSpot: the tickets export (CRM > Tickets > Export).\n"
                                  "kind tickets\n"
                                  "source hubspot\n"
                                  "id from Ticket ID\n"
                                  "created_at from Create date\n"
                                  "account from Associated Company\n"
                                  "account from Company name\n"
                                  "requester from Associated Contact\n"
                                  "assignee from Ticket owner\n"
                                  "team from Pipeline\n"
                                  "channel from Source\n"
                                  "channel from Ticket source\n"
                                  "priority from Priority\n"
                                  "status from Ticket status\n"
                                  "status map Waiting on contact = pending\n"
                                  "status map Waiting on us = open\n"
                                  "category from Category\n"
                                  "category from Ticket category\n"
                                  "first_reply_at from First agent reply date\n"
                                  "solved_at from Close date\n"
                                  "updated_at from Last modified date\n"
                                  "updated_at from Last activity date\n"
                                  "first_reply_min from Time to first agent reply (HH:mm:ss)\n"
                                  "first_reply_min from Time to first agent reply\n"
                                  "resolution_min from Time to close (HH:mm:ss)\n"
                                  "resolution_min from Time to close\n"
                                  "subject from Ticket name\n";

static const char salesforce_map[] =
        "# Salesforce: a Cases report exported as CSV (Formatted or Details Only).\n"
        "kind tickets\n"
        "source salesforce\n"
        "footer\n"
        "id from Case Number\n"
        "id from Case ID\n"
        "created_at from Date/Time Opened\n"
        "created_at from Opened Date\n"
        "created_at from Created Date\n"
        "account from Account Name\n"
        "account from Account ID\n"
        "requester from Contact Name\n"
        "requester from Contact Email\n"
        "assignee from Case Owner\n"
        "team from Owner Role\n"
        "team from Queue\n"
        "channel from Case Origin\n"
        "channel map Web = web\n"
        "priority from Priority\n"
        "status from Status\n"
        "status map Working = open\n"
        "status map Escalated = open\n"
        "status map On Hold = hold\n"
        "category from Type\n"
        "category from Case Reason\n"
        "first_reply_at from First Response\n"
        "solved_at from Date/Time Closed\n"
        "solved_at from Closed Date\n"
        "updated_at from Last Modified Date\n"
        "subject from Subject\n";

static const char servicenow_map[] =
        "# ServiceNow: the incident event log, one row per change of an incident,\n"
        "# folded to one ticket per incident (the latest row by sys_updated_at).\n"
        "kind tickets\n"
        "source servicenow\n"
        "fold\n"
        "empty ?\n"
        "id from number\n"
        "created_at from opened_at\n"
        "created_at from sys_created_at\n"
        "account from company\n"
        "requester from caller_id\n"
        "assignee from assigned_to\n"
        "team from assignment_group\n"
        "channel from contact_type\n"
        "channel map Self service = web\n"
        "channel map Direct opening = other\n"
        "priority from priority\n"
        "priority map /^1\\b/ = urgent\n"
        "priority map /^2\\b/ = high\n"
        "priority map /^3\\b/ = normal\n"
        "priority map /^[45]\\b/ = low\n"
        "status from incident_state\n"
        "status from state\n"
        "status map New = new\n"
        "status map Active = open\n"
        "status map In Progress = open\n"
        "status map /^awaiting/i = pending\n"
        "status map On Hold = hold\n"
        "status map Resolved = solved\n"
        "status map Closed = closed\n"
        "status map Canceled = closed\n"
        "category from category\n"
        "solved_at from resolved_at\n"
        "updated_at from sys_updated_at\n"
        "reopens from reopen_count\n"
        "subject from short_description\n";

static const struct cs_source sources[] = {
        {"zendesk", CS_KIND_TICKETS,
                SIG("Id", "Requester id", "Requester", "Group", "Via", "Created at", "Updated at",
                        "Solved at", "Satisfaction Score", "Reopens", "Replies",
                        "Full resolution time in minutes",
                        "First reply time in minutes within business hours"),
                4, zendesk_map},
        {"freshdesk", CS_KIND_TICKETS,
                SIG("Ticket ID", "Created time", "Resolved time", "Closed time", "Last update time",
                        "Initial response time", "Agent interactions", "Customer interactions",
                        "First response time (in hrs)", "Resolution status"),
                3, freshdesk_map},
        {"intercom", CS_KIND_TICKETS,
                SIG("Conversation ID", "Conversation started at", "Teammate assigned",
                        "Team assigned", "Conversation rating", "Conversation started via",
                        "Teammate replies"),
                2, intercom_map},
        {"helpscout", CS_KIND_TICKETS,
                SIG("Conversation Number", "Mailbox", "Customer Email", "Thread Count",
                        "Happiness Rating", "Modified At"),
                2, helpscout_map},
        {"hubspot", CS_KIND_TICKETS,
                SIG("Ticket ID", "Ticket name", "Ticket status", "Pipeline", "Create date",
                        "Ticket owner", "Close date"),
                3, hubspot_map},
        {"salesforce", CS_KIND_TICKETS,
                SIG("Case Number", "Case ID", "Date/Time Opened", "Date/Time Closed", "Case Origin",
                        "Case Owner", "Case Reason"),
                2, salesforce_map},
        {"servicenow", CS_KIND_TICKETS,
                SIG("number", "incident_state", "sys_updated_at", "opened_at", "caller_id",
                        "assignment_group", "sys_created_at"),
                3, servicenow_map},
        {"raw", CS_KIND_NONE, NULL, 0, NULL},
        {"generic", CS_KIND_NONE, NULL, 0, NULL},
};

const struct cs_source *
cs_source_list(size_t *n)
{
	*n = sizeof sources / sizeof sources[0];
	return sources;
}

const struct cs_source *
cs_source_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof sources / sizeof sources[0]; i++)
		if (strcmp(sources[i].name, name) == 0)
			return &sources[i];
	return NULL;
}

/* The header column an alias names ("duration (s)=s" names "duration
 * (s)"), or -1; *unit receives the unit after '=' or NULL. */
static int
alias_column(const struct cs_row *header, const char *alias, const char **unit)
{
	const char *eq = strchr(alias, '=');
	char name[128];

	*unit = NULL;
	if (eq == NULL)
		return cs_csv_column(header, alias);
	snprintf(name, sizeof name, "%.*s", (int)(eq - alias), alias);
	*unit = eq + 1;
	return cs_csv_column(header, name);
}

/* The header column of a canonical column: its own name, else the first
 * alias present. */
static int
kind_column(const struct cs_row *header, const struct cs_kind_column *c, const char **unit,
        const char **alias)
{
	const char *const *a;
	int i = cs_csv_column(header, c->name);

	*unit = NULL;
	*alias = c->name;
	for (a = c->aliases; i < 0 && a && *a; a++) {
		i = alias_column(header, *a, unit);
		*alias = *a;
	}
	return i;
}

/* How many of a kind's columns the header has; -1 when a required one is
 * missing. */
static int
generic_fit(const struct cs_row *header, enum cs_kind k)
{
	const struct cs_kind_def *d = cs_kind_def(k);
	const char *unit, *alias;
	size_t i;
	int n = 0;

	for (i = 0; i < d->ncols; i++) {
		int has = kind_column(header, &d->cols[i], &unit, &alias) >= 0;

		if (d->cols[i].required && !has)
			return -1;
		n += has;
	}
	return n;
}

/*
 * How canonical a header is for a kind: the number of its columns spelled
 * exactly as the kind's canonical columns are ("created_at", not "Created
 * at"), or -1 when a required column is not among them.  A stream that
 * cs-import itself wrote (being re-imported, say for --latest) must be read
 * as what it is, before any vendor's signature, whose names it would match
 * loosely.
 */
static int
canonical_fit(const struct cs_row *header, enum cs_kind kind)
{
	const struct cs_kind_def *d = cs_kind_def(kind);
	int hits = 0;
	size_t i, j;

	for (i = 0; i < d->ncols; i++) {
		int found = 0;

		for (j = 0; j < header->n && !found; j++)
			found = strcmp(header->f[j], d->cols[i].name) == 0;
		if (d->cols[i].required && !found)
			return -1;
		hits += found;
	}
	return hits;
}

const struct cs_source *
cs_source_detect(const struct cs_row *header, enum cs_kind *kind)
{
	const struct cs_source *best = NULL;
	int best_hits = 0, k;
	size_t i;

	{
		int best_fit = 2, best_kind = -1;

		/* Three exact canonical names at least, so that a vendor's
		 * two-column export named "date,agent" is not taken for one. */
		for (k = 0; k < CS_KIND_COUNT; k++) {
			int fit;

			if (*kind != CS_KIND_NONE && *kind != (enum cs_kind)k)
				continue;
			fit = canonical_fit(header, (enum cs_kind)k);
			if (fit > best_fit) {
				best_fit = fit;
				best_kind = k;
			}
		}
		if (best_kind >= 0) {
			*kind = (enum cs_kind)best_kind;
			return cs_source_find("generic");
		}
	}
	for (i = 0; i < sizeof sources / sizeof sources[0]; i++) {
		const struct cs_source *s = &sources[i];
		const char *const *sig;
		int hits = 0;

		if (s->signature == NULL)
			continue;
		if (*kind != CS_KIND_NONE && *kind != s->kind)
			continue;
		for (sig = s->signature; *sig; sig++)
			hits += cs_csv_column(header, *sig) >= 0;
		if (hits >= s->min_hits && hits > best_hits) {
			best = s;
			best_hits = hits;
		}
	}
	if (best) {
		*kind = best->kind;
		return best;
	}
	{
		int best_fit = -1, best_kind = -1;

		for (k = 0; k < CS_KIND_COUNT; k++) {
			int fit;

			if (*kind != CS_KIND_NONE && *kind != (enum cs_kind)k)
				continue;
			fit = generic_fit(header, (enum cs_kind)k);
			if (fit > best_fit) {
				best_fit = fit;
				best_kind = k;
			}
		}
		if (best_fit >= 0) {
			*kind = (enum cs_kind)best_kind;
			return cs_source_find("generic");
		}
	}
	return NULL;
}

/* The generic mapping of a kind for a header: each canonical column from
 * its own name or the first alias the header has (with that alias's unit).
 * Usage is always rolled up: an event log becomes daily rows, and daily
 * rows stay as they are. */
static int
generic_mapping(
        enum cs_kind kind, const struct cs_row *header, struct cs_mapping *m, struct cs_error *err)
{
	const struct cs_kind_def *d = cs_kind_def(kind);
	struct cs_buf b;
	size_t i;
	int rc;

	cs_buf_init(&b);
	cs_buf_printf(&b, "# The canonical columns of %s, by name or alias.\nkind %s\n", d->name,
	        d->name);
	if (kind == CS_KIND_USAGE)
		cs_buf_printf(&b, "rollup\n");
	for (i = 0; i < d->ncols; i++) {
		const char *unit, *alias;
		int c = header ? kind_column(header, &d->cols[i], &unit, &alias) : -1;

		if (c < 0)
			continue;
		cs_buf_printf(
		        &b, "%s from %.*s\n", d->cols[i].name, (int)header->len[c], header->f[c]);
		if (unit)
			cs_buf_printf(&b, "%s unit %s\n", d->cols[i].name, unit);
	}
	rc = cs_mapping_parse(m, "generic", b.data, b.len, err);
	cs_buf_release(&b);
	return rc;
}

int
cs_source_mapping(const struct cs_source *s, enum cs_kind kind, const struct cs_row *header,
        struct cs_mapping *m, struct cs_error *err)
{
	char name[64];

	if (s->mapping == NULL)
		return generic_mapping(kind, header, m, err);
	snprintf(name, sizeof name, "%s", s->name);
	return cs_mapping_parse(m, name, s->mapping, strlen(s->mapping), err);
}
