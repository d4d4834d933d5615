/*
 * Proactive flags (flags.h).  Each flag is one rule over the facts that
 * health.c gathered, so a flag can be traced to the same numbers as the
 * score; the thresholds come from the model.
 */
#include "libcs/flags.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"
#include "libcs/datetime.h"
#include "libcs/hash.h"
#include "libcs/xalloc.h"

static const char *const flag_names[CS_F_COUNT] = {"usage_drop", "inactive", "low_utilization",
        "detractor", "ticket_spike", "aging_ticket", "renewal_at_risk", "seat_overage"};

const char *
cs_flag_name(enum cs_flag_id id)
{
	return flag_names[id];
}

const char *
cs_flag_kind(enum cs_flag_id id)
{
	return id == CS_F_SEAT_OVERAGE ? "opportunity" : "risk";
}

static struct cs_flag *
add(struct cs_flag *out, size_t *n, enum cs_flag_id id, const char *severity, double value,
        double threshold)
{
	struct cs_flag *f = &out[(*n)++];

	f->id = id;
	f->kind = cs_flag_kind(id);
	f->severity = severity;
	f->value = value;
	f->threshold = threshold;
	f->reason[0] = '\0';
	return f;
}

size_t
cs_flags_eval(const struct cs_model *m, const struct cs_facts *f, const struct cs_score *s,
        struct cs_flag out[CS_F_COUNT])
{
	size_t n = 0;
	struct cs_flag *g;
	double util = s->raw[CS_M_UTILIZATION];

	if (f->churned)
		return 0;
	if (f->has_usage && f->events_weeks > 0) {
		double mean = f->events_weeks / m->usage_drop_weeks;
		double r = f->events_7 / mean;

		if (r < m->usage_drop_ratio) {
			g = add(out, &n, CS_F_USAGE_DROP,
			        r < m->usage_drop_ratio / 2 ? "high" : "medium", r,
			        m->usage_drop_ratio);
			snprintf(g->reason, sizeof g->reason,
			        "%g events in the last 7 days against a weekly mean of %.1f over "
			        "the "
			        "%g weeks before",
			        f->events_7, mean, m->usage_drop_weeks);
		}
	}
	if (f->has_usage &&
	        (isnan(f->days_since_usage) || f->days_since_usage >= m->inactive_days)) {
		g = add(out, &n, CS_F_INACTIVE, "high", f->days_since_usage, m->inactive_days);
		if (isnan(f->days_since_usage))
			snprintf(g->reason, sizeof g->reason, "no usage at all in the usage input");
		else
			snprintf(g->reason, sizeof g->reason, "no usage for %g days",
			        f->days_since_usage);
	}
	if (!isnan(util) && util < m->low_utilization_below &&
	        strcmp(s->stage, "onboarding") != 0) {
		g = add(out, &n, CS_F_LOW_UTILIZATION, "medium", util, m->low_utilization_below);
		snprintf(g->reason, sizeof g->reason, "%g of %g seats active in %g days", f->active,
		        f->seats, m->usage_days);
	}
	if (!isnan(f->detractor_min) && f->detractor_min <= m->detractor_max) {
		g = add(out, &n, CS_F_DETRACTOR,
		        f->detractor_min <= m->detractor_max / 2 ? "high" : "medium",
		        f->detractor_min, m->detractor_max);
		snprintf(g->reason, sizeof g->reason, "an nps answer of %g in the last %g days",
		        f->detractor_min, m->detractor_days);
	}
	if (f->has_tickets) {
		double mean = f->tickets_weeks / m->ticket_spike_weeks;
		double need = fmax(m->ticket_spike_min, m->ticket_spike_factor * mean);

		if (f->tickets_7 >= need) {
			g = add(out, &n, CS_F_TICKET_SPIKE, "medium", f->tickets_7, need);
			snprintf(g->reason, sizeof g->reason,
			        "%g tickets in the last 7 days against a weekly mean of %.1f over "
			        "the %g "
			        "weeks before",
			        f->tickets_7, mean, m->ticket_spike_weeks);
		}
	}
	if (f->has_tickets && f->aging > 0) {
		double bad = s->profile ? s->profile->m[CS_M_AGING].bad : 3;

		g = add(out, &n, CS_F_AGING_TICKET, f->aging >= bad ? "high" : "medium", f->aging,
		        m->aging_days);
		snprintf(g->reason, sizeof g->reason,
		        "%g high or urgent tickets open %g days or more", f->aging, m->aging_days);
	}
	if (!isnan(s->days_to_renewal) && s->days_to_renewal >= 0 &&
	        s->days_to_renewal <= m->renewal_days &&
	        (strcmp(s->band, "red") == 0 || strcmp(s->band, "yellow") == 0)) {
		g = add(out, &n, CS_F_RENEWAL_AT_RISK,
		        strcmp(s->band, "red") == 0 ? "high" : "medium", s->days_to_renewal,
		        m->renewal_days);
		snprintf(g->reason, sizeof g->reason, "renewal in %g days with a %s score of %.1f",
		        s->days_to_renewal, s->band, s->score);
	}
	if (f->has_users && !isnan(f->seats) && f->seats > 0 &&
	        f->active > f->seats * m->seat_overage_ratio) {
		g = add(out, &n, CS_F_SEAT_OVERAGE, "low", f->active,
		        f->seats * m->seat_overage_ratio);
		snprintf(g->reason, sizeof g->reason,
		        "%g active users for %g seats: room to expand", f->active, f->seats);
	}
	return n;
}

struct prev_flag {
	uint32_t key; /* index in keys: "account\037flag" */
	int seen;
	char *kind;
};

struct cs_flags_prev {
	char *file;
	int c_account, c_flag, c_kind, c_status;
	struct cs_strmap keys;
	struct prev_flag *flag;
	size_t cap;
	struct cs_buf key;
};

struct cs_flags_prev *
cs_flags_prev_new(void)
{
	struct cs_flags_prev *p = xcalloc(1, sizeof *p);

	cs_strmap_init(&p->keys);
	cs_buf_init(&p->key);
	return p;
}

void
cs_flags_prev_free(struct cs_flags_prev *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->keys.n; i++)
		free(p->flag[i].kind);
	free(p->flag);
	cs_strmap_release(&p->keys);
	cs_buf_release(&p->key);
	free(p->file);
	free(p);
}

int
cs_flags_prev_begin(struct cs_flags_prev *p, const struct cs_row *header, const char *file,
        struct cs_error *err)
{
	free(p->file);
	p->file = xstrdup(file);
	p->c_account = cs_csv_column(header, "account");
	p->c_flag = cs_csv_column(header, "flag");
	p->c_kind = cs_csv_column(header, "kind");
	p->c_status = cs_csv_column(header, "status");
	if (p->c_account < 0 || p->c_flag < 0)
		return cs_error_set(err, file, 1, "not a flags stream: no column '%s'",
		        p->c_account < 0 ? "account" : "flag");
	return 0;
}

static const char *
make_key(struct cs_buf *b, const char *account, size_t alen, const char *flag, size_t flen)
{
	cs_buf_reset(b);
	cs_buf_add(b, account, alen);
	cs_buf_addc(b, '\037');
	cs_buf_add(b, flag, flen);
	return b->data;
}

int
cs_flags_prev_add(struct cs_flags_prev *p, const struct cs_row *row, struct cs_error *err)
{
	uint32_t i;
	int created;

	if (row->problem) {
		cs_error_set(err, p->file, row->line, "%s", row->problem);
		return 1;
	}
	/* A flag reported resolved last time is not raised any more. */
	if (p->c_status >= 0 && (size_t)p->c_status < row->n &&
	        strcmp(row->f[p->c_status], "resolved") == 0)
		return 0;
	make_key(&p->key, row->f[p->c_account], row->len[p->c_account], row->f[p->c_flag],
	        row->len[p->c_flag]);
	i = cs_strmap_intern(&p->keys, p->key.data, p->key.len, &created);
	if (created) {
		p->flag = xgrow(p->flag, &p->cap, i + 1, sizeof *p->flag);
		p->flag[i].key = i;
		p->flag[i].seen = 0;
		p->flag[i].kind = xstrdup(
		        p->c_kind >= 0 && (size_t)p->c_kind < row->n ? row->f[p->c_kind] : "");
	}
	return 0;
}

int
cs_flags_prev_seen(struct cs_flags_prev *p, const char *account, const char *flag)
{
	uint32_t i;

	make_key(&p->key, account, strlen(account), flag, strlen(flag));
	i = cs_strmap_find(&p->keys, p->key.data, p->key.len);
	if (i == CS_HASH_NONE)
		return 0;
	p->flag[i].seen = 1;
	return 1;
}

void
cs_flags_write(const struct cs_health *h, struct cs_flags_prev *prev, struct cs_writer *w)
{
	static const char *const cols[] = {"account", "flag", "kind", "severity", "value",
	        "threshold", "reason", "as_of", "status"};
	struct cs_flag fl[CS_F_COUNT];
	char date[CS_DATE_LEN];
	size_t i, j, n;

	cs_date_format(cs_health_as_of(h), date);
	for (i = 0; i < (prev ? 9u : 8u); i++)
		cs_writer_fieldz(w, cols[i]);
	cs_writer_end(w);
	for (i = 0; i < cs_health_count(h); i++) {
		const char *acct = cs_health_account(h, i);

		n = cs_flags_eval(
		        cs_health_model(h), cs_health_facts(h, i), cs_health_score(h, i), fl);
		for (j = 0; j < n; j++) {
			cs_writer_fieldz(w, acct);
			cs_writer_fieldz(w, cs_flag_name(fl[j].id));
			cs_writer_fieldz(w, fl[j].kind);
			cs_writer_fieldz(w, fl[j].severity);
			cs_writer_number(w, fl[j].value, 4);
			cs_writer_number(w, fl[j].threshold, 4);
			cs_writer_fieldz(w, fl[j].reason);
			cs_writer_fieldz(w, date);
			if (prev)
				cs_writer_fieldz(w,
				        cs_flags_prev_seen(prev, acct, cs_flag_name(fl[j].id))
				                ? "ongoing"
				                : "new");
			cs_writer_end(w);
		}
	}
	if (prev == NULL)
		return;
	for (i = 0; i < prev->keys.n; i++) {
		const char *key = cs_strmap_key(&prev->keys, (uint32_t)i), *sep;

		if (prev->flag[i].seen)
			continue;
		sep = strchr(key, '\037');
		cs_writer_field(w, key, (size_t)(sep - key));
		cs_writer_fieldz(w, sep + 1);
		cs_writer_fieldz(w, prev->flag[i].kind);
		cs_writer_fieldz(w, "");
		cs_writer_fieldz(w, "");
		cs_writer_fieldz(w, "");
		cs_writer_fieldz(w, "no longer raised");
		cs_writer_fieldz(w, date);
		cs_writer_fieldz(w, "resolved");
		cs_writer_end(w);
	}
}
