/*
 * The record kinds' tables and the normalisation of enumeration values.
 *
 * Synonyms cover the words that helpdesks and CRMs commonly use for the
 * same state; anything source-specific ("1 - Critical", "Awaiting User
 * Info") belongs in that source's value maps (source.c), not here.
 */
#include "libcs/kinds.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/csv.h"

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NOALIAS ((const char *const[]){NULL})

static const char *const status_values[] = {
        "new", "open", "pending", "hold", "solved", "closed", NULL};
static const char *const priority_values[] = {"low", "normal", "high", "urgent", NULL};
static const char *const channel_values[] = {
        "email", "web", "chat", "phone", "api", "social", "other", NULL};
static const char *const csat_values[] = {"good", "bad", "offered", NULL};
static const char *const account_status_values[] = {"trial", "active", "churned", NULL};
static const char *const survey_kind_values[] = {"nps", "csat", "ces", NULL};
static const char *const agent_status_values[] = {"active", "left", NULL};

static const struct cs_kind_column tickets[] = {
        {"id", CS_COL_ID, 0, 1, NULL, A("ticket_id", "ticket id", "ticket number", "case number")},
        {"created_at", CS_COL_TIME, 0, 1, NULL, A("created", "created date", "opened_at")},
        {"source", CS_COL_TEXT, 0, 0, NULL, NOALIAS},
        {"account", CS_COL_ID, 0, 0, NULL, A("account_id", "organization", "company")},
        {"requester", CS_COL_ID, 0, 0, NULL, A("requester_id", "customer", "contact")},
        {"assignee", CS_COL_TEXT, 0, 0, NULL, A("agent", "owner", "assigned_to")},
        {"team", CS_COL_TEXT, 0, 0, NULL, A("group", "queue")},
        {"channel", CS_COL_ENUM, 0, 0, channel_values, A("via", "origin")},
        {"priority", CS_COL_ENUM, 0, 0, priority_values, NOALIAS},
        {"status", CS_COL_ENUM, 0, 0, status_values, A("state")},
        {"category", CS_COL_TEXT, 0, 0, NULL, A("type")},
        {"first_reply_at", CS_COL_TIME, 0, 0, NULL, NOALIAS},
        {"solved_at", CS_COL_TIME, 0, 0, NULL, A("resolved_at")},
        {"updated_at", CS_COL_TIME, 0, 0, NULL, NOALIAS},
        {"first_reply_min", CS_COL_NUM, CS_CUNIT_MIN, 0, NULL, NOALIAS},
        {"resolution_min", CS_COL_NUM, CS_CUNIT_MIN, 0, NULL, NOALIAS},
        {"first_reply_bmin", CS_COL_NUM, CS_CUNIT_MIN, 0, NULL, NOALIAS},
        {"resolution_bmin", CS_COL_NUM, CS_CUNIT_MIN, 0, NULL, NOALIAS},
        {"replies", CS_COL_COUNT, 0, 0, NULL, NOALIAS},
        {"reopens", CS_COL_COUNT, 0, 0, NULL, NOALIAS},
        {"csat", CS_COL_ENUM, 0, 0, csat_values, A("satisfaction", "satisfaction score")},
        {"tags", CS_COL_TEXT, 0, 0, NULL, NOALIAS},
        {"subject", CS_COL_TEXT, 0, 0, NULL, A("title")},
};

static const struct cs_kind_column accounts[] = {
        {"account", CS_COL_ID, 0, 1, NULL,
                A("account_id", "account id", "customer_id", "company_id", "organization_id")},
        {"name", CS_COL_TEXT, 0, 0, NULL,
                A("account_name", "company", "company_name", "organization", "customer")},
        {"segment", CS_COL_TEXT, 0, 0, NULL, A("tier", "industry")},
        {"plan", CS_COL_TEXT, 0, 0, NULL, A("plan_tier", "plan_name", "product")},
        {"seats", CS_COL_COUNT, 0, 0, NULL, A("licenses", "licences", "seat_count", "users")},
        {"mrr", CS_COL_NUM, 0, 0, NULL, A("mrr_amount", "monthly_revenue", "monthly revenue")},
        {"start_at", CS_COL_TIME, 0, 0, NULL,
                A("start_date", "contract_start", "signup_date", "created_at", "customer_since")},
        {"renewal_at", CS_COL_TIME, 0, 0, NULL, A("renewal_date", "renewal", "contract_end")},
        {"csm", CS_COL_TEXT, 0, 0, NULL, A("account_owner", "owner", "csm_name")},
        {"status", CS_COL_ENUM, 0, 0, account_status_values, A("account_status", "state")},
        {"churned_at", CS_COL_TIME, 0, 0, NULL, A("churn_date", "churned_date")},
};

static const struct cs_kind_column usage[] = {
        {"account", CS_COL_ID, 0, 1, NULL, A("account_id", "customer_id", "company_id")},
        {"date", CS_COL_DATE, 0, 1, NULL, A("day", "usage_date", "event_date", "timestamp")},
        {"user", CS_COL_ID, 0, 0, NULL, A("user_id", "email")},
        {"feature", CS_COL_TEXT, 0, 0, NULL, A("feature_name", "event", "event_name")},
        {"events", CS_COL_COUNT, 0, 0, NULL,
                A("count", "event_count", "usage_count", "events_count")},
        {"minutes", CS_COL_NUM, CS_CUNIT_MIN, 0, NULL,
                A("duration_min", "minutes_used", "duration (s)=s", "duration_s=s",
                        "usage_duration_secs=s", "duration_secs=s", "seconds=s")},
};

static const struct cs_kind_column surveys[] = {
        {"account", CS_COL_ID, 0, 1, NULL, A("account_id", "customer_id", "company_id")},
        {"score", CS_COL_NUM, 0, 1, NULL, A("nps", "rating", "nps_score")},
        {"kind", CS_COL_ENUM, 0, 0, survey_kind_values, A("survey", "survey_type")},
        {"respondent", CS_COL_ID, 0, 0, NULL, A("email", "user", "user_id", "contact")},
        {"answered_at", CS_COL_TIME, 0, 0, NULL,
                A("date", "submitted_at", "responded_at", "timestamp", "created_at")},
        {"comment", CS_COL_TEXT, 0, 0, NULL, A("feedback", "comments", "reason")},
};

static const struct cs_kind_column attendance[] = {
        {"date", CS_COL_DATE, 0, 1, NULL, A("day", "shift_date")},
        {"agent", CS_COL_TEXT, 0, 1, NULL, A("agent_name", "employee", "name")},
        {"scheduled_h", CS_COL_NUM, CS_CUNIT_H, 1, NULL,
                A("scheduled hours", "scheduled", "scheduled_hours", "shift_hours")},
        {"team", CS_COL_TEXT, 0, 0, NULL, A("group")},
        {"absence_h", CS_COL_NUM, CS_CUNIT_H, 0, NULL, A("absence hours", "absence")},
        {"leave_h", CS_COL_NUM, CS_CUNIT_H, 0, NULL, A("leave hours", "leave")},
        {"late_h", CS_COL_NUM, CS_CUNIT_H, 0, NULL, A("late hours", "late")},
        {"training_h", CS_COL_NUM, CS_CUNIT_H, 0, NULL, A("training hours", "training")},
        {"meeting_h", CS_COL_NUM, CS_CUNIT_H, 0, NULL, A("meeting hours", "meetings")},
        {"status", CS_COL_ENUM, 0, 0, agent_status_values, A("agent_status")},
};

static const struct cs_kind_column intervals[] = {
        {"start", CS_COL_TIME, 0, 1, NULL, A("interval", "interval_start", "datetime", "time")},
        {"contacts", CS_COL_COUNT, 0, 1, NULL, A("calls", "volume", "offered")},
        {"minutes", CS_COL_NUM, CS_CUNIT_MIN, 0, NULL, A("interval_min", "length")},
        {"aht_s", CS_COL_NUM, CS_CUNIT_S, 0, NULL, A("aht", "handle_time")},
        {"abandoned", CS_COL_COUNT, 0, 0, NULL, A("abandons", "aban_calls")},
};

#define KIND(k, name, t)                                                                           \
	{                                                                                          \
		k, name, t, sizeof t / sizeof t[0]                                                 \
	}
static const struct cs_kind_def kinds[CS_KIND_COUNT] = {
        KIND(CS_KIND_TICKETS, "tickets", tickets),
        KIND(CS_KIND_ACCOUNTS, "accounts", accounts),
        KIND(CS_KIND_USAGE, "usage", usage),
        KIND(CS_KIND_SURVEYS, "surveys", surveys),
        KIND(CS_KIND_ATTENDANCE, "attendance", attendance),
        KIND(CS_KIND_INTERVALS, "intervals", intervals),
};

const struct cs_kind_def *
cs_kind_def(enum cs_kind k)
{
	if (k < 0 || k >= CS_KIND_COUNT)
		return NULL;
	return &kinds[k];
}

enum cs_kind
cs_kind_from_name(const char *name)
{
	int i;

	for (i = 0; i < CS_KIND_COUNT; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].kind;
	return CS_KIND_NONE;
}

const char *
cs_kind_name(enum cs_kind k)
{
	return k >= 0 && k < CS_KIND_COUNT ? kinds[k].name : "raw";
}

int
cs_kind_column_index(const struct cs_kind_def *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->ncols; i++)
		if (strcmp(d->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

double
cs_colunit_seconds(enum cs_colunit u)
{
	switch (u) {
	case CS_CUNIT_S: return 1;
	case CS_CUNIT_MIN: return 60;
	case CS_CUNIT_H: return 3600;
	default: return 1;
	}
}

/* Synonyms: a lower-case word (spaces, hyphens and underscores removed
 * before comparing) and the canonical value it stands for. */
struct synonym {
	const char *word, *value;
};

static const struct synonym status_syn[] = {{"new", "new"}, {"open", "open"}, {"active", "open"},
        {"inprogress", "open"}, {"working", "open"}, {"waitingonus", "open"}, {"escalated", "open"},
        {"reopened", "open"}, {"assigned", "open"}, {"pending", "pending"},
        {"waitingoncustomer", "pending"}, {"waitingoncontact", "pending"},
        {"waitingonthirdparty", "pending"}, {"awaitingcustomer", "pending"}, {"snoozed", "pending"},
        {"hold", "hold"}, {"onhold", "hold"}, {"solved", "solved"}, {"resolved", "solved"},
        {"closed", "closed"}, {"done", "closed"}, {NULL, NULL}};

static const struct synonym priority_syn[] = {{"low", "low"}, {"lowest", "low"},
        {"normal", "normal"}, {"medium", "normal"}, {"moderate", "normal"},
        {"notpriority", "normal"}, {"high", "high"}, {"priority", "high"}, {"urgent", "urgent"},
        {"critical", "urgent"}, {"highest", "urgent"}, {"emergency", "urgent"}, {NULL, NULL}};

static const struct synonym channel_syn[] = {{"email", "email"}, {"mail", "email"},
        {"outboundemail", "email"}, {"web", "web"}, {"webform", "web"}, {"form", "web"},
        {"portal", "web"}, {"feedbackwidget", "web"}, {"chat", "chat"}, {"livechat", "chat"},
        {"messaging", "chat"}, {"messenger", "chat"}, {"phone", "phone"}, {"voice", "phone"},
        {"call", "phone"}, {"api", "api"}, {"social", "social"}, {"twitter", "social"},
        {"facebook", "social"}, {"instagram", "social"}, {"whatsapp", "social"}, {NULL, NULL}};

static const struct synonym csat_syn[] = {{"good", "good"}, {"bad", "bad"}, {"offered", "offered"},
        {"unoffered", ""}, {"notoffered", ""}, {"great", "good"}, {"satisfied", "good"},
        {"unsatisfied", "bad"}, {"dissatisfied", "bad"}, {"notgood", "bad"}, {"okay", "bad"},
        {NULL, NULL}};

static const struct synonym account_status_syn[] = {{"trial", "trial"}, {"trialing", "trial"},
        {"active", "active"}, {"paying", "active"}, {"customer", "active"}, {"churned", "churned"},
        {"cancelled", "churned"}, {"canceled", "churned"}, {"inactive", "churned"}, {NULL, NULL}};

static const struct synonym agent_status_syn[] = {{"active", "active"}, {"left", "left"},
        {"inactive", "left"}, {"terminated", "left"}, {NULL, NULL}};

static const struct synonym kind_syn[] = {
        {"nps", "nps"}, {"csat", "csat"}, {"ces", "ces"}, {NULL, NULL}};

/* Lower-cases s into out, dropping blanks, hyphens and underscores; returns
 * 0 when the result does not fit. */
static int
squeeze(const char *s, size_t len, char *out, size_t size)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '-' || c == '_')
			continue;
		if (n + 1 >= size)
			return 0;
		out[n++] = (char)tolower(c);
	}
	out[n] = '\0';
	return 1;
}

static const char *
find_syn(const struct synonym *t, const char *w)
{
	for (; t->word; t++)
		if (strcmp(t->word, w) == 0)
			return t->value;
	return NULL;
}

/* A satisfaction score: a number 1 to 5 (3.0 included); 4 and 5 are good. */
static const char *
csat_number(const char *s, size_t len)
{
	char buf[32], *end;
	double v;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= sizeof buf)
		return NULL;
	memcpy(buf, s, len);
	buf[len] = '\0';
	v = strtod(buf, &end);
	if (end == buf || *end != '\0' || v < 1 || v > 5)
		return NULL;
	return v >= 4 ? "good" : "bad";
}

const char *
cs_kind_enum_value(const struct cs_kind_column *c, const char *s, size_t len)
{
	char w[64];
	const char *v;
	const struct synonym *t;

	if (c->values == status_values)
		t = status_syn;
	else if (c->values == priority_values)
		t = priority_syn;
	else if (c->values == channel_values)
		t = channel_syn;
	else if (c->values == csat_values)
		t = csat_syn;
	else if (c->values == account_status_values)
		t = account_status_syn;
	else if (c->values == agent_status_values)
		t = agent_status_syn;
	else
		t = kind_syn;
	if (!squeeze(s, len, w, sizeof w))
		return c->values == channel_values ? "other" : NULL;
	v = find_syn(t, w);
	if (v)
		return v;
	if (t == csat_syn) {
		/* Zendesk's newer labels: "Good, I'm satisfied". */
		if (strncmp(w, "good,", 5) == 0)
			return "good";
		if (strncmp(w, "bad,", 4) == 0)
			return "bad";
		return csat_number(s, len);
	}
	if (t == channel_syn)
		return "other";
	return NULL;
}
