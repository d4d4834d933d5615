/*
 * gen-demo: writes the bundled sample exports of a fictional B2B SaaS
 * company (Tallyweave, Berlin) into a directory, for the demo, the man page
 * examples and the tests.
 *
 * Five files, as the company's tools would export them: a Zendesk ticket
 * export (naive Europe/Berlin times, Zendesk's own column names), a CRM
 * account list, product usage events (UTC), NPS answers (ISO 8601 with an
 * offset) and agent attendance.  They span the 28 ISO weeks ending on
 * Sunday 2026-11-15 (2026-W46); usage covers the last 9 weeks.
 *
 * Everything is drawn from one fixed-seed splitmix64 generator, in integer
 * arithmetic (no libm, no floating-point sums that a compiler could fuse, no
 * qsort ties, no clock), and never twice in one expression, where C leaves the
 * order of the draws to the compiler; so the output is byte-identical on every
 * run, compiler and machine.
 * The stories planted in the data are listed in the comment above
 * struct account_def; cs(7) and the final report name them too.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/common.h"
#include "libcs/csvout.h"
#include "libcs/output.h"
#include "libcs/xalloc.h"

#define DAY 86400
#define HOUR 3600
#define WEEKS 28
#define USAGE_DAYS 63
#define NACC 60
#define NAGENT 26
#define MAXCONTACT 8

/* The pseudo-random generator: splitmix64, one fixed seed.  The seed was
 * chosen among the first few so that chance alone makes no usage drop at a
 * healthy account: the demo's stories are the planted ones. */
static uint64_t rng_state = 5;

static uint64_t
rnd64(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
rnd(int n)
{
	return (int)(rnd64() % (uint64_t)n);
}

/* A uniform double in [0, 1), exact (53 random bits).  It is only ever
 * compared with a constant: arithmetic on it could round differently where a
 * compiler fuses multiply and add, and the bytes must not depend on that. */
static double
unit(void)
{
	return (double)(rnd64() >> 11) * (1.0 / 9007199254740992.0);
}

static int
chance(double p)
{
	return unit() < p;
}

/* A right-skewed value between lo and hi: most values near lo, a long tail
 * towards hi (median about lo + (hi - lo) / 8), as waiting times are.  In
 * integers, 16 bits at a time: lo + (hi - lo) u^3 with u uniform. */
static int64_t
tail(int64_t lo, int64_t hi)
{
	int64_t u = rnd(1 << 16), v;

	v = (u * u) >> 16;
	v = (v * u) >> 16;
	return lo + (((hi - lo) * v) >> 16);
}

/* Picks an index by integer weights. */
static int
pick(const int *w, int n)
{
	int i, total = 0, r;

	for (i = 0; i < n; i++)
		total += w[i];
	r = rnd(total);
	for (i = 0; i < n; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return n - 1;
}

/* The civil calendar, by Howard Hinnant's well-known day-count algorithm;
 * the generator keeps its own so that its bytes depend on nothing else. */
static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO weekday: Monday 1 .. Sunday 7 (1970-01-01 was a Thursday). */
static int
weekday(int64_t day)
{
	return (int)(day + 3 - floor_div(day + 3, 7) * 7) + 1;
}

/* Europe/Berlin by its rules (CET, CEST from the last Sunday of March to the
 * last Sunday of October, 01:00 UTC), so that the output does not depend on
 * the machine's zoneinfo. */
static int64_t
last_sunday(int y, int m)
{
	int64_t d = days_from_civil(y, m, 31);

	return d - weekday(d) % 7;
}

static int
berlin_offset(int64_t utc)
{
	int y, m, d;

	civil_from_days(floor_div(utc, DAY), &y, &m, &d);
	if (utc >= last_sunday(y, 3) * DAY + HOUR && utc < last_sunday(y, 10) * DAY + HOUR)
		return 2 * HOUR;
	return HOUR;
}

static int64_t
to_local(int64_t utc)
{
	return utc + berlin_offset(utc);
}

/* Times in the spring gap do not occur (we never make them); a time repeated
 * at fall-back is taken as the earlier instant, as cs-import reads it. */
static int64_t
to_utc(int64_t local)
{
	int64_t u = local - 2 * HOUR;

	if (berlin_offset(u) == 2 * HOUR)
		return u;
	return local - HOUR;
}

/* Business hours: Monday to Friday 08:00-18:00 Berlin time, less the public
 * holidays that fall in the span (Ascension and Whit Monday 2026). */
static int64_t hol[2];

static int
is_business_day(int64_t day)
{
	return weekday(day) <= 5 && day != hol[0] && day != hol[1];
}

/* The local time reached after bmin business minutes from local time t. */
static int64_t
biz_add(int64_t t, int bmin)
{
	int64_t left = (int64_t)bmin * 60;

	for (;;) {
		int64_t day = floor_div(t, DAY);
		int64_t open = day * DAY + 8 * HOUR, close = day * DAY + 18 * HOUR;

		if (is_business_day(day) && t < close) {
			if (t < open)
				t = open;
			if (t + left <= close)
				return t + left;
			left -= close - t;
		}
		t = (day + 1) * DAY;
	}
}

/* Business seconds between local times a <= b. */
static int64_t
biz_between(int64_t a, int64_t b)
{
	int64_t day, s = 0;

	for (day = floor_div(a, DAY); day * DAY < b; day++) {
		int64_t lo = day * DAY + 8 * HOUR, hi = day * DAY + 18 * HOUR;

		if (!is_business_day(day))
			continue;
		if (lo < a)
			lo = a;
		if (hi > b)
			hi = b;
		if (hi > lo)
			s += hi - lo;
	}
	return s;
}

/* Text of times and dates. */
static void
fmt_local(char *out, size_t n, int64_t local)
{
	int64_t day = floor_div(local, DAY), sec = local - day * DAY;
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(out, n, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, (int)(sec / HOUR),
	        (int)(sec / 60 % 60), (int)(sec % 60));
}

static void
fmt_utc(char *out, size_t n, int64_t utc)
{
	int64_t day = floor_div(utc, DAY), sec = utc - day * DAY;
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(sec / HOUR),
	        (int)(sec / 60 % 60), (int)(sec % 60));
}

static void
fmt_date(char *out, size_t n, int64_t day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(out, n, "%04d-%02d-%02d", y, m, d);
}

/*
 * The accounts.  Most are healthy; a few carry the stories the tools must
 * find (days are counted back from the end date 2026-11-15):
 *   Vantage Health Systems: a ticket spike in W45 and W46 (integration sync
 *     failures), a detractor, renewal 2027-01-25.
 *   Ironclad Manufacturing: a growing pile of open urgent and high tickets
 *     over the last five weeks, a detractor.
 *   Brightwater Analytics: usage halves (last 28 days about 0.45 of the 28
 *     before, last week 0.2), detractors, renewal 2026-12-28.
 *   Oakridge Dental Group: no usage in the last 21 days.
 *   Nimbus Freight: 27 active users on 20 seats.
 *   Lumen Robotics: started 2026-08-03, users still joining (ramping).
 *   Kestrel Payments, Harbor & Pine Studio: onboarding (started in the last
 *     30 days).
 *   Hart, Finch & Co, Polar Peak Outdoor, Quillfeather Publishing: churned.
 *   Cobalt Labs, Tessellate.io, Fjordline Travel: trials.
 *   Müller & Söhne GmbH: a long-standing promoter.
 */
enum story {
	S_NONE,
	S_SPIKE,
	S_AGING,
	S_DECLINE,
	S_INACTIVE,
	S_OVERAGE,
	S_RAMP,
	S_ONBOARD,
	S_CHURN,
	S_TRIAL,
	S_ADVOCATE
};

struct account_def {
	const char *name;
	char segment; /* 'e'nterprise, 'm'id-market, 's'mb */
	enum story story;
	const char *start; /* fixed contract start, or NULL to draw one */
	const char *churned;
};

static const struct account_def account_defs[] = {
        {"Vantage Health Systems", 'e', S_SPIKE, "2024-01-25", NULL},
        {"Ironclad Manufacturing", 'e', S_AGING, "2023-06-12", NULL},
        {"Brightwater Analytics", 'm', S_DECLINE, "2023-12-28", NULL},
        {"Oakridge Dental Group", 's', S_INACTIVE, "2025-03-17", NULL},
        {"Nimbus Freight", 'm', S_OVERAGE, "2024-09-02", NULL},
        {"Lumen Robotics", 'm', S_RAMP, "2026-08-03", NULL},
        {"Kestrel Payments", 's', S_ONBOARD, "2026-10-26", NULL},
        {"Harbor & Pine Studio", 's', S_ONBOARD, "2026-11-02", NULL},
        {"Müller & Söhne GmbH", 'm', S_ADVOCATE, "2022-02-14", NULL},
        {"Hart, Finch & Co", 's', S_CHURN, "2024-07-31", "2026-07-31"},
        {"Polar Peak Outdoor", 's', S_CHURN, "2025-09-30", "2026-09-30"},
        {"Quillfeather Publishing", 'm', S_CHURN, "2023-06-30", "2026-06-30"},
        {"Cobalt Labs", 's', S_TRIAL, "2026-10-19", NULL},
        {"Tessellate.io", 's', S_TRIAL, "2026-11-05", NULL},
        {"Fjordline Travel", 's', S_TRIAL, "2026-10-28", NULL},
        {"Alderbrook Logistics", 'e', S_NONE, NULL, NULL},
        {"Northwind Insurance", 'e', S_NONE, NULL, NULL},
        {"Crescent Bank", 'e', S_NONE, NULL, NULL},
        {"Helix Biotech", 'e', S_NONE, NULL, NULL},
        {"Stellar Retail Group", 'e', S_NONE, NULL, NULL},
        {"Granite State Utilities", 'e', S_NONE, NULL, NULL},
        {"Zephyr Airlines", 'e', S_NONE, NULL, NULL},
        {"Bluefin Marine", 'm', S_NONE, NULL, NULL},
        {"Copperleaf Energy", 'm', S_NONE, NULL, NULL},
        {"Evergreen Schools", 'm', S_NONE, NULL, NULL},
        {"Foxglove Pharma", 'm', S_NONE, NULL, NULL},
        {"Ridgeline Construction", 'm', S_NONE, NULL, NULL},
        {"Silverline Media", 'm', S_NONE, NULL, NULL},
        {"Tidewater Ports", 'm', S_NONE, NULL, NULL},
        {"Juniper Legal", 'm', S_NONE, NULL, NULL},
        {"Marigold Hotels", 'm', S_NONE, NULL, NULL},
        {"Osprey Security", 'm', S_NONE, NULL, NULL},
        {"Pinnacle Staffing", 'm', S_NONE, NULL, NULL},
        {"Redwood Capital", 'm', S_NONE, NULL, NULL},
        {"Saffron Foods", 'm', S_NONE, NULL, NULL},
        {"Château Vignoble SAS", 'm', S_NONE, NULL, NULL},
        {"Wavecrest Telecom", 'm', S_NONE, NULL, NULL},
        {"Acorn Accounting", 's', S_NONE, NULL, NULL},
        {"Birchwood Architects", 's', S_NONE, NULL, NULL},
        {"Cedar & Slate Interiors", 's', S_NONE, NULL, NULL},
        {"Dovetail Carpentry", 's', S_NONE, NULL, NULL},
        {"Emberly Candles", 's', S_NONE, NULL, NULL},
        {"Fernhill Veterinary", 's', S_NONE, NULL, NULL},
        {"Goldcrest Realty", 's', S_NONE, NULL, NULL},
        {"Hollowpoint Games", 's', S_NONE, NULL, NULL},
        {"Indigo Print Co", 's', S_NONE, NULL, NULL},
        {"Jadeport Imports", 's', S_NONE, NULL, NULL},
        {"Kiwi Kitchens", 's', S_NONE, NULL, NULL},
        {"Larkspur Yoga", 's', S_NONE, NULL, NULL},
        {"Mosaic Tiles Ltd", 's', S_NONE, NULL, NULL},
        {"Nordlicht Bäckerei", 's', S_NONE, NULL, NULL},
        {"Orchard Lane Bakery", 's', S_NONE, NULL, NULL},
        {"Pebble Creek Farms", 's', S_NONE, NULL, NULL},
        {"Quartz Analytics", 's', S_NONE, NULL, NULL},
        {"Rosewood Florists", 's', S_NONE, NULL, NULL},
        {"Sundial Travel", 's', S_NONE, NULL, NULL},
        {"Thistle Tea House", 's', S_NONE, NULL, NULL},
        {"Umbra Photography", 's', S_NONE, NULL, NULL},
        {"Velvet Hammer Studios", 's', S_NONE, NULL, NULL},
        {"Willowbrook Clinics", 'm', S_NONE, NULL, NULL},
};

struct account {
	const struct account_def *def;
	char id[16];
	char domain[40];
	int seats, users, nfeat, ncontact;
	int64_t start, churned; /* days; churned 0 when not churned */
	int sentiment; /* 0 unhappy .. 1000 happy */
	char contact[MAXCONTACT][48];
	char email[MAXCONTACT][80];
};

static struct account acc[NACC];
_Static_assert(sizeof account_defs / sizeof account_defs[0] == NACC, "one definition per account");

static const char *const first_names[] = {"Anna", "Ben", "Clara", "David", "Elif", "Finn", "Grace",
        "Hugo", "Ines", "Jakob", "Karin", "Luca", "Maya", "Noah", "Olga", "Paul", "Rosa", "Sami",
        "Tara", "Umar", "Vera", "Wei", "Yusuf", "Zoë", "Jürgen", "Chloé", "Søren", "Aoife"};
static const char *const first_ascii[] = {"anna", "ben", "clara", "david", "elif", "finn", "grace",
        "hugo", "ines", "jakob", "karin", "luca", "maya", "noah", "olga", "paul", "rosa", "sami",
        "tara", "umar", "vera", "wei", "yusuf", "zoe", "juergen", "chloe", "soeren", "aoife"};
static const char *const last_names[] = {"Keller", "Novak", "Schmidt", "Okafor", "Larsen", "Moreau",
        "Rossi", "Tanaka", "Walsh", "Yilmaz", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen",
        "Kowalski", "Lindqvist", "Meyer", "Nguyen", "O'Brien", "Patel", "Quinn", "Richter",
        "Silva"};
static const char *const last_ascii[] = {"keller", "novak", "schmidt", "okafor", "larsen", "moreau",
        "rossi", "tanaka", "walsh", "yilmaz", "fischer", "garcia", "haddad", "ivanova", "jensen",
        "kowalski", "lindqvist", "meyer", "nguyen", "obrien", "patel", "quinn", "richter", "silva"};
#define NFIRST ((int)(sizeof first_names / sizeof first_names[0]))
#define NLAST ((int)(sizeof last_names / sizeof last_names[0]))

static const char *const features[] = {"Dashboards", "Reports", "Exports", "Alerts", "Integrations",
        "Workflows", "Sharing", "API", "Mobile app", "Admin"};
#define NFEATURE 10

static int64_t end_day, start_day, usage_start, export_u;

static int64_t
parse_day(const char *s)
{
	int y, m, d;

	sscanf(s, "%d-%d-%d", &y, &m, &d);
	return days_from_civil(y, m, d);
}

static void
make_accounts(void)
{
	int i, j;

	for (i = 0; i < NACC; i++) {
		struct account *a = &acc[i];
		const struct account_def *def = &account_defs[i];
		const char *p;
		size_t n = 0;

		a->def = def;
		snprintf(a->id, sizeof a->id, "ACC-%d", 1001 + i);
		for (p = def->name; *p && n + 1 < sizeof a->domain - 8; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
				a->domain[n++] = (char)(*p | 0x20);
		memcpy(a->domain + n, ".example", 9);
		switch (def->segment) {
		case 'e': a->seats = 60 + 10 * rnd(10); break;
		case 'm': a->seats = 15 + rnd(30); break;
		default: a->seats = 3 + rnd(14); break;
		}
		a->users = a->seats * (55 + rnd(40)) / 100 + 1;
		a->nfeat = 3 + rnd(NFEATURE - 2);
		a->sentiment = 600 + rnd(401);
		if (def->start)
			a->start = parse_day(def->start);
		else
			a->start = days_from_civil(2022, 1, 10) + rnd(4 * 365 + 60);
		a->churned = def->churned ? parse_day(def->churned) : 0;
		switch (def->story) {
		case S_OVERAGE:
			a->seats = 20;
			a->users = 27;
			break;
		case S_RAMP: a->users = a->seats * 11 / 20; break;
		case S_TRIAL: a->seats = 5 + rnd(5), a->users = 3 + rnd(3); break;
		case S_DECLINE:
		case S_AGING:
		case S_SPIKE: a->sentiment = 450; break;
		case S_ADVOCATE: a->sentiment = 1000; break;
		default: break;
		}
		a->ncontact = 2 + rnd(MAXCONTACT - 1);
		for (j = 0; j < a->ncontact; j++) {
			int f = rnd(NFIRST), l = rnd(NLAST);

			snprintf(a->contact[j], sizeof a->contact[j], "%s %s", first_names[f],
			        last_names[l]);
			snprintf(a->email[j], sizeof a->email[j], "%s.%s@%s", first_ascii[f],
			        last_ascii[l], a->domain);
		}
	}
}

/* The agents, in the four support teams.  Two leave, one joins. */
struct agent {
	const char *name, *team;
	const char *joined, *left;
	double hours;
};

static const struct agent agents[NAGENT] = {
        {"Sophie Wagner", "Tier 1", NULL, NULL, 8},
        {"Liam Brennan", "Tier 1", NULL, NULL, 8},
        {"Amira Haddad", "Tier 1", NULL, NULL, 8},
        {"Jonas Weiß", "Tier 1", NULL, "2026-08-17", 8},
        {"Emma Lindholm", "Tier 1", NULL, NULL, 6},
        {"Mateo Alvarez", "Tier 1", NULL, NULL, 8},
        {"Hannah Koch", "Tier 1", NULL, NULL, 8},
        {"Oskar Nilsson", "Tier 1", NULL, NULL, 8},
        {"Zoë Laurent", "Tier 1", NULL, NULL, 8},
        {"Ravi Sharma", "Tier 1", NULL, NULL, 8},
        {"Nina Petrović", "Tier 1", "2026-09-07", NULL, 8},
        {"Felix Braun", "Tier 2", NULL, NULL, 8},
        {"Ana Peña", "Tier 2", NULL, NULL, 8},
        {"Tobias Krüger", "Tier 2", NULL, "2026-10-01", 8},
        {"Mei Chen", "Tier 2", NULL, NULL, 8},
        {"Lukas Hofer", "Tier 2", NULL, NULL, 8},
        {"Ingrid Dahl", "Tier 2", NULL, NULL, 6},
        {"Carla Romano", "Billing", NULL, NULL, 8},
        {"Daniel Fuchs", "Billing", NULL, NULL, 8},
        {"Leonie Vogel", "Billing", NULL, NULL, 8},
        {"Samuel Adeyemi", "Billing", NULL, NULL, 8},
        {"Julia Sommer", "Onboarding", NULL, NULL, 8},
        {"Marek Novák", "Onboarding", NULL, NULL, 8},
        {"Elena Popescu", "Onboarding", NULL, NULL, 8},
        {"Henrik Berg", "Onboarding", NULL, NULL, 8},
        {"Aylin Demir", "Onboarding", NULL, NULL, 8},
};

static int
agent_on(int i, int64_t day)
{
	if (agents[i].joined && day < parse_day(agents[i].joined))
		return 0;
	if (agents[i].left && day >= parse_day(agents[i].left))
		return 0;
	return 1;
}

/* Opening and closing of one output file. */
struct out {
	struct cs_output o;
	struct cs_writer *w;
	const char *file;
	long rows;
};

static void
out_open(struct out *f, const char *dir, const char *file, const char *const *header)
{
	struct cs_error err;
	char path[4096];

	snprintf(path, sizeof path, "%s/%s", dir, file);
	cs_error_clear(&err);
	if (cs_output_open(&f->o, path, &err) < 0)
		cs_die_error(&err);
	f->w = cs_writer_new(f->o.fp, f->o.name, 0);
	f->file = file;
	f->rows = 0;
	for (; *header; header++)
		cs_writer_fieldz(f->w, *header);
	cs_writer_end(f->w);
}

static void
out_close(struct out *f, const char *dir)
{
	struct cs_error err;

	cs_error_clear(&err);
	if (cs_writer_close(f->w, &err) < 0 || cs_output_commit(&f->o, &err) < 0) {
		cs_output_abort(&f->o);
		cs_die_error(&err);
	}
	printf("%s/%s: %ld rows\n", dir, f->file, f->rows);
}

static void
end_row(struct out *f)
{
	cs_writer_end(f->w);
	f->rows++;
}

static void
field_int(struct out *f, long v)
{
	cs_writer_fieldf(f->w, "%ld", v);
}

/* ---- accounts.csv ---- */

static void
write_accounts(const char *dir)
{
	static const char *const header[] = {"Account ID", "Account Name", "Segment",
	        "Engagement Model", "Plan", "Seats", "MRR", "Contract Start", "Renewal Date", "CSM",
	        "Status", "Churned At", NULL};
	static const char *const csms[] = {
	        "Lena Hoffmann", "Marco Rossi", "Priya Nair", "Tom Becker"};
	struct out f;
	char buf[16];
	int i;

	out_open(&f, dir, "accounts.csv", header);
	for (i = 0; i < NACC; i++) {
		const struct account *a = &acc[i];
		char seg = a->def->segment;
		int trial = a->def->story == S_TRIAL, high = seg == 'e' || (seg == 'm' && i % 3);
		const char *plan = seg == 'e'      ? "Enterprise"
		        : seg == 'm' || i % 4 == 0 ? "Growth"
		                                   : "Starter";
		int price = plan[0] == 'E' ? 59 : plan[0] == 'G' ? 39 : 19;
		int64_t renew;
		long cents;
		int y, m, d;

		cs_writer_fieldz(f.w, a->id);
		cs_writer_fieldz(f.w, a->def->name);
		cs_writer_fieldz(f.w,
		        seg == 'e'           ? "enterprise"
		                : seg == 'm' ? "mid-market"
		                             : "smb");
		cs_writer_fieldz(f.w, high ? "high-touch" : "tech-touch");
		cs_writer_fieldz(f.w, trial ? "Growth (trial)" : plan);
		field_int(&f, a->seats);
		/* Discounts grow with the deal; trials pay nothing. */
		cents = trial ? 0 : (long)a->seats * price * (100 - rnd(seg == 'e' ? 25 : 10));
		cs_writer_fieldf(f.w, "%ld.%02ld", cents / 100, cents % 100);
		fmt_date(buf, sizeof buf, a->start);
		cs_writer_fieldz(f.w, buf);
		/* Annual contracts renew on the anniversary of the start. */
		civil_from_days(a->start, &y, &m, &d);
		renew = a->start;
		while (renew <= end_day)
			renew = days_from_civil(++y, m, d > 28 && m == 2 ? 28 : d);
		if (a->churned)
			renew = a->churned;
		if (trial)
			buf[0] = '\0';
		else
			fmt_date(buf, sizeof buf, renew);
		cs_writer_fieldz(f.w, buf);
		cs_writer_fieldz(f.w, high ? csms[i % 4] : "Digital CS");
		cs_writer_fieldz(f.w, a->churned ? "churned" : trial ? "trial" : "active");
		if (a->churned)
			fmt_date(buf, sizeof buf, a->churned);
		else
			buf[0] = '\0';
		cs_writer_fieldz(f.w, buf);
		end_row(&f);
	}
	out_close(&f, dir);
}

/* ---- usage.csv ---- */

/* How much of its usual activity (in percent) an account's user shows on a
 * day; 0 means none. */
static int
activity(const struct account *a, int64_t day, int user)
{
	int64_t ago = end_day - day;

	if (day < a->start || (a->churned && day >= a->churned))
		return 0;
	switch (a->def->story) {
	case S_DECLINE: return ago >= 35 ? 100 : ago >= 7 ? 55 : 12;
	case S_INACTIVE: return ago < 21 ? 0 : 60;
	case S_OVERAGE: return 160;
	case S_RAMP:
		/* User k joins about k days after the window opens, later ones faster. */
		return day - usage_start >= (int64_t)user * 60 / (a->users + 4) ? 120 : 0;
	case S_ONBOARD:
	case S_TRIAL: return day - a->start >= user * 2 ? 100 : 0;
	default: return 100;
	}
}

static void
write_usage(const char *dir)
{
	static const char *const header[] = {
	        "Account ID", "User ID", "Timestamp", "Feature", "Duration (s)", NULL};
	struct out f;
	int64_t day;
	int i, u;
	int prop[220]; /* chance of a user being active on a weekday, in 1/10000 */

	out_open(&f, dir, "usage.csv", header);
	for (day = usage_start; day <= end_day; day++) {
		int wd = weekday(day);

		for (i = 0; i < NACC; i++) {
			struct account *a = &acc[i];
			uint64_t saved;

			/* Each user's propensity is fixed by a side stream keyed by
			 * the account, so that it does not change from day to day. */
			saved = rng_state;
			rng_state = 0xacc0000ULL + (uint64_t)i * 7919;
			for (u = 0; u < a->users && u < 220; u++) {
				int r = rnd(10000);

				prop[u] = a->def->segment == 's' ? 2000 : 600;
				prop[u] += rnd(800);
				prop[u] += (int)(3200LL * r / 10000 * rnd(10000) / 10000);
			}
			rng_state = saved;
			for (u = 0; u < a->users && u < 220; u++) {
				int p = prop[u] * activity(a, day, u) / 100;
				int n, e;
				int64_t t;

				if (wd >= 6)
					p = p * 8 / 100;
				if (rnd(10000) >= p)
					continue;
				n = 1 + chance(0.3);
				n += chance(0.15);
				/* A working session in Berlin, written in UTC. */
				t = to_utc(day * DAY + 8 * HOUR + rnd(10 * HOUR));
				for (e = 0; e < n; e++) {
					char ts[24];
					int dur = (int)tail(5, 1800);

					t += rnd(1800);
					cs_writer_fieldz(f.w, a->id);
					cs_writer_fieldf(f.w, "U-%d-%03d", 1001 + i, u + 1);
					fmt_utc(ts, sizeof ts, t);
					cs_writer_fieldz(f.w, ts);
					/* Early features are everyone's; later ones the
					 * power users'. */
					cs_writer_fieldz(f.w,
					        features[rnd(u % 3 == 0 ? a->nfeat
					                                : (a->nfeat + 1) / 2)]);
					field_int(&f, dur);
					end_row(&f);
					t += dur;
				}
			}
		}
	}
	out_close(&f, dir);
}

/* ---- nps.csv ---- */

static const char *const comments_promoter[] = {
        "Love the dashboards, my team uses them every day",
        "Great support, quick answers – thank you!",
        "Super Tool, sehr übersichtlich 👍",
        "Excellent product. Onboarding was smooth, and the \"Reports\" view saves us hours",
        "Très bon outil, équipe réactive",
        "Easy to roll out, even for our non-technical staff",
};
static const char *const comments_passive[] = {
        "Good overall, but exports are slow",
        "Does the job. Would like more integrations, e.g. Salesforce, HubSpot",
        "OK – pricing feels high for what we use",
        "Solid, but the mobile app needs work 📱",
        "Fine, though the \"new\" editor confused our team",
};
static const char *const comments_detractor[] = {
        "Support takes days to answer, and our urgent tickets are still open",
        "Sync has been failing for two weeks. \"Fixed\" twice, still broken",
        "Too expensive; we barely use it anymore",
        "Nicht zufrieden: Datenimport bricht ständig ab 😠",
        "Reports are wrong, slow, and nobody calls back",
};

static int
nps_score(const struct account *a, int late)
{
	int u = rnd(1000);

	/* The troubled accounts turn sour in the last wave. */
	if (late &&
	        (a->def->story == S_DECLINE || a->def->story == S_AGING ||
	                a->def->story == S_SPIKE))
		return 2 + rnd(5);
	if (u < a->sentiment * 6 / 10)
		return 9 + rnd(2);
	if (u < a->sentiment * 6 / 10 + 280)
		return 7 + rnd(2);
	return chance(0.25) ? rnd(3) : 3 + rnd(4);
}

static void
write_nps(const char *dir)
{
	static const char *const header[] = {
	        "Account ID", "Respondent", "Score", "Submitted At", "Comment", NULL};
	/* Survey waves, the Mondays they go out; answers come in over 10 days. */
	static const char *const waves[] = {
	        "2026-05-11", "2026-06-22", "2026-08-03", "2026-09-14", "2026-10-26"};
	struct out f;
	int w, i, j;

	out_open(&f, dir, "nps.csv", header);
	for (w = 0; w < 5; w++) {
		int64_t sent = parse_day(waves[w]);
		int64_t times[NACC * MAXCONTACT];
		int who[NACC * MAXCONTACT], n = 0, k;

		for (i = 0; i < NACC; i++) {
			const struct account *a = &acc[i];

			if (a->start > sent || (a->churned && a->churned <= sent) ||
			        a->def->story == S_INACTIVE)
				continue;
			for (j = 0; j < a->ncontact; j++) {
				if (!chance(a->def->story == S_NONE ? 0.3 : 0.6))
					continue;
				/* Most answer in the first days, in waking hours. */
				times[n] = (sent + tail(0, 10)) * DAY + 7 * HOUR;
				times[n] = to_utc(times[n] + rnd(14 * HOUR));
				who[n++] = i * MAXCONTACT + j;
			}
		}
		/* Answers in time order: insertion sort with the index as the
		 * tie-break, so that no library sort decides the order. */
		for (k = 1; k < n; k++) {
			int64_t t = times[k];
			int h = who[k], m = k;

			while (m > 0 &&
			        (times[m - 1] > t || (times[m - 1] == t && who[m - 1] > h))) {
				times[m] = times[m - 1];
				who[m] = who[m - 1];
				m--;
			}
			times[m] = t;
			who[m] = h;
		}
		for (k = 0; k < n; k++) {
			const struct account *a = &acc[who[k] / MAXCONTACT];
			int score = nps_score(a, w == 4);
			int64_t local = to_local(times[k]), day = floor_div(local, DAY);
			int off = (int)(local - times[k]) / HOUR, y, mo, d;
			int64_t sec = local - day * DAY;
			const char *c = "";

			if (times[k] > export_u)
				continue;
			civil_from_days(day, &y, &mo, &d);
			cs_writer_fieldz(f.w, a->id);
			cs_writer_fieldz(f.w, a->email[who[k] % MAXCONTACT]);
			field_int(&f, score);
			cs_writer_fieldf(f.w, "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00", y, mo, d,
			        (int)(sec / HOUR), (int)(sec / 60 % 60), (int)(sec % 60), off);
			if (score <= 6 && (w == 4 || chance(0.7)))
				c = comments_detractor[a->def->story == S_SPIKE ? 1
				                : a->def->story == S_AGING      ? 0
				                : a->def->story == S_DECLINE
				                ? 2
				                : (int[]){2, 3, 4}[rnd(3)]];
			else if (score <= 8 && chance(0.5))
				c = comments_passive[rnd(5)];
			else if (score >= 9 && chance(0.5))
				c = comments_promoter[rnd(6)];
			cs_writer_fieldz(f.w, c);
			end_row(&f);
		}
	}
	out_close(&f, dir);
}

/* ---- attendance.csv ---- */

static void
write_attendance(const char *dir)
{
	static const char *const header[] = {"Date", "Agent", "Team", "Scheduled Hours",
	        "Absence Hours", "Leave Hours", "Late Hours", "Training Hours", "Meeting Hours",
	        "Status", NULL};
	int64_t leave_from[NAGENT][4], sick_until[NAGENT], day;
	int leave_len[NAGENT][4];
	struct out f;
	int i, k;

	/* Four blocks of annual leave per agent, the long one in summer. */
	for (i = 0; i < NAGENT; i++) {
		sick_until[i] = 0;
		for (k = 0; k < 4; k++) {
			leave_from[i][k] = k == 1 ? days_from_civil(2026, 7, 1) + rnd(60)
			                          : start_day + rnd(WEEKS * 7 - 10);
			leave_len[i][k] = k == 1 ? 7 + rnd(8) : 2 + rnd(5);
		}
	}
	out_open(&f, dir, "attendance.csv", header);
	for (day = start_day; day <= end_day; day++) {
		int wd = weekday(day);
		char date[16];

		if (wd >= 6 || !is_business_day(day))
			continue;
		fmt_date(date, sizeof date, day);
		for (i = 0; i < NAGENT; i++) {
			const struct agent *g = &agents[i];
			double sched = g->hours, absn = 0, leave = 0, late = 0, train = 0, meet = 0;
			int tier1 = strcmp(g->team, "Tier 1") == 0;
			int left = g->left && day >= parse_day(g->left);

			if (g->joined && day < parse_day(g->joined))
				continue;
			if (left) {
				sched = 0;
			} else {
				int on_leave = 0;

				for (k = 0; k < 4; k++)
					if (day >= leave_from[i][k] &&
					        day < leave_from[i][k] + leave_len[i][k])
						on_leave = 1;
				/* Sickness comes in spells of one to five days; Tier 1,
				 * on the phones all day, is ill more often. */
				if (!on_leave && day >= sick_until[i] &&
				        chance(tier1 ? 0.04 : 0.01))
					sick_until[i] = day + 1 + rnd(wd == 5 ? 1 : 5);
				if (on_leave) {
					leave = sched;
				} else if (day < sick_until[i]) {
					absn = sched;
				} else {
					if (chance(0.01))
						absn = 2 + rnd(3);
					if (chance(tier1 ? 0.1 : 0.06))
						late = 0.25 * (1 + rnd(3));
					if (wd == 3)
						train = 2;
					else if (chance(0.01))
						train = sched - absn - late;
					meet = 0.5 + (wd == 1 ? 1 : 0) + (chance(0.2) ? 0.5 : 0);
					if (absn + late + train + meet > sched)
						meet = sched - absn - late - train;
				}
			}
			cs_writer_fieldz(f.w, date);
			cs_writer_fieldz(f.w, g->name);
			cs_writer_fieldz(f.w, g->team);
			cs_writer_fieldf(f.w, "%.2f", sched);
			cs_writer_fieldf(f.w, "%.2f", absn);
			cs_writer_fieldf(f.w, "%.2f", leave);
			cs_writer_fieldf(f.w, "%.2f", late);
			cs_writer_fieldf(f.w, "%.2f", train);
			cs_writer_fieldf(f.w, "%.2f", meet);
			cs_writer_fieldz(f.w, left ? "left" : "active");
			end_row(&f);
		}
	}
	out_close(&f, dir);
}

/* ---- zendesk-tickets.csv ---- */

struct area {
	const char *label, *tag;
	int weight;
	const char *subject[4];
};

static const struct area areas[] = {
        {"Reports & dashboards", "reports", 24,
                {"Dashboard shows no data since this morning", "Report totals differ from export",
                        "How do I schedule a weekly report?", "Chart colours reset after save"}},
        {"Integrations", "integrations", 14,
                {"Salesforce sync stopped", "Slack alerts not arriving", "Webhook returns 401",
                        "HubSpot fields not mapped"}},
        {"Billing", "billing", 14,
                {"Invoice shows wrong VAT number", "Please add seats to our plan",
                        "Credit card declined", "Need a copy of invoice for October"}},
        {"Login & SSO", "sso", 12,
                {"SSO login fails for new users", "Password reset mail never arrives",
                        "2FA locked out", "SAML certificate expiring"}},
        {"User management", "users", 10,
                {"Cannot remove a former employee", "Bulk invite via CSV fails",
                        "Change account owner", "Roles: read-only user can edit"}},
        {"API", "api", 8,
                {"API rate limit too low", "500 error on /v2/exports",
                        "Pagination returns duplicates", "Where is the API key?"}},
        {"Data import", "import", 10,
                {"CSV import rejects dates", "Import stuck at 99%",
                        "Umlauts broken after import (Ã¼)", "Mapping columns on import"}},
        {"Mobile app", "mobile", 5,
                {"App crashes on Android 15", "Push notifications missing",
                        "Offline mode loses edits", "Login loop on iOS"}},
        {"Notifications", "notifications", 3,
                {"Too many alert e-mails", "Digest arrives at 3am", "Alert thresholds ignored",
                        "Unsubscribe link broken"}},
};
#define NAREA ((int)(sizeof areas / sizeof areas[0]))
enum { A_REPORTS, A_INTEGRATIONS, A_BILLING, A_SSO, A_USERS, A_API, A_IMPORT };

enum ticket_kind { T_NORMAL, T_SPIKE, T_AGING };

struct ticket {
	int64_t created; /* local */
	int acct; /* -1: no organisation */
	enum ticket_kind kind;
	int seq;
};

static long next_id = 48213;

/* One ticket's life, cut at the moment of the export. */
static void
write_ticket(struct out *f, const struct ticket *tk)
{
	static const char *const groups[] = {"Tier 1", "Tier 2", "Billing", "Onboarding"};
	static const char *const vias[] = {"Mail", "Web form", "Chat", "Voice"};
	static const int via_w[] = {45, 30, 17, 8};
	static const char *const prios[] = {"Low", "Normal", "High", "Urgent", ""};
	static const int prio_w[] = {20, 57, 17, 3, 3};
	static const char *const types[] = {"Question", "Incident", "Problem", "Task", ""};
	static const int type_w[] = {45, 35, 8, 7, 5};
	const struct account *a = tk->acct >= 0 ? &acc[tk->acct] : NULL;
	int64_t c_l = tk->created, c_u = to_utc(c_l), day = floor_div(c_l, DAY);
	int64_t as_l, rp_l, sv1_l, ro_u = 0, sv_l, upd_u, as_u, rp_u, sv1_u, sv_u;
	int area, group, via, prio, type, reopens = 0, replies, frt_b, res_b, contact = 0;
	int onboarding = a && day - a->start < 45, in_hours;
	char buf[64], tags[96];
	const char *status, *csat = "";
	int solved = 0, first_solved = 0, replied, assigned, i, n;
	int agent_pool[NAGENT];

	/* What it is about, and who takes it. */
	if (tk->kind == T_SPIKE)
		area = A_INTEGRATIONS;
	else if (tk->kind == T_AGING)
		area = chance(0.6) ? A_REPORTS : A_IMPORT;
	else if (onboarding && chance(0.5))
		area = chance(0.5) ? A_IMPORT : A_USERS;
	else {
		int w[NAREA];

		for (i = 0; i < NAREA; i++)
			w[i] = areas[i].weight;
		area = pick(w, NAREA);
	}
	/* Onboarding takes new customers and the set-up questions of all. */
	if (area == A_BILLING)
		group = 2;
	else if (tk->kind == T_NORMAL &&
	        (onboarding || (area == A_IMPORT && chance(0.5)) ||
	                (area == A_USERS && chance(0.3))))
		group = 3;
	else if (tk->kind != T_NORMAL ||
	        ((area == A_INTEGRATIONS || area == A_API) ? chance(0.55) : chance(0.1)))
		group = 1;
	else
		group = 0;
	in_hours =
	        is_business_day(day) && c_l - day * DAY >= 8 * HOUR && c_l - day * DAY < 18 * HOUR;
	via = pick(via_w, 4);
	if (via >= 2 && !in_hours)
		via = rnd(2);
	if (tk->kind == T_AGING)
		prio = chance(0.6) ? 3 : 2;
	else if (tk->kind == T_SPIKE)
		prio = chance(0.15) ? 3 : chance(0.7) ? 2 : 1;
	else
		prio = pick(prio_w, 5);
	type = tk->kind == T_NORMAL ? pick(type_w, 5) : 1;
	if (a)
		contact = rnd(a->ncontact);

	/* The timeline, in business minutes from creation. */
	if (via == 3)
		frt_b = 0;
	else if (via == 2)
		frt_b = 1 + rnd(6);
	else
		frt_b = (int)(prio == 3     ? tail(5, 120)
		                : prio == 2 ? tail(10, 360)
		                : prio == 0 ? tail(30, 1500)
		                            : tail(15, 960));
	as_l = biz_add(c_l, via >= 2 ? 0 : frt_b * rnd(1000) / 1000);
	rp_l = biz_add(c_l, frt_b);
	switch (group) {
	case 0: res_b = (int)tail(5, 3000); break;
	case 1: res_b = (int)tail(120, 9000); break;
	case 2: res_b = (int)tail(30, 4000); break;
	default: res_b = (int)tail(60, 6000); break;
	}
	if (prio == 3)
		res_b = res_b * 2 / 5;
	/* A few wait weeks on the customer, a fix or a third party: the long
	 * tail of the backlog. */
	if (chance(0.02))
		res_b += (int)tail(3000, 40000);
	replies = 1;
	if (group == 0 && chance(0.45))
		res_b = rnd(3);
	else {
		replies += 1 + rnd(3);
		if (group == 1)
			replies += rnd(4);
	}
	sv1_l = biz_add(rp_l, res_b);
	sv_l = sv1_l;
	if (tk->kind == T_AGING)
		sv1_l = sv_l = (end_day + 30) * DAY;
	sv1_u = to_utc(sv1_l);
	if (chance(tk->kind == T_SPIKE ? 0.2 : 0.06)) {
		/* The customer writes back a day or so later: reopened. */
		reopens = chance(0.15) ? 2 : 1;
		ro_u = sv1_u + (int64_t)tail(HOUR, 72 * HOUR);
		sv_l = biz_add(to_local(ro_u), (int)tail(30, 2400) * reopens);
		replies += reopens;
	}
	sv_u = to_utc(sv_l);
	as_u = to_utc(as_l);
	rp_u = to_utc(rp_l);

	/* The state at the export. */
	assigned = as_u <= export_u;
	replied = rp_u <= export_u;
	first_solved = sv1_u <= export_u;
	solved = sv_u <= export_u;
	if (reopens && ro_u > export_u) {
		reopens = 0;
		solved = first_solved;
		sv_l = sv1_l;
		sv_u = sv1_u;
	}
	if (!replied)
		replies = 0;
	else if (!solved && replies > 2)
		replies = 1 + rnd(replies - 1);
	upd_u = c_u;
	if (solved) {
		int bad = (reopens || sv_u - c_u > 5 * DAY) ? 25 : 8;

		status = sv_u <= export_u - 4 * DAY ? "Closed" : "Solved";
		upd_u = sv_u;
		if (a && (a->def->story == S_DECLINE || a->def->story == S_SPIKE))
			bad += 15;
		if (chance(0.7)) {
			int64_t rated = sv_u + (int64_t)tail(600, 48 * HOUR);

			csat = "Offered";
			if (rated <= export_u && chance(0.45)) {
				csat = rnd(100) < bad ? "Bad" : "Good";
				upd_u = rated;
			}
		}
		if (status[0] == 'C')
			upd_u = sv_u + 4 * DAY;
	} else if (!assigned) {
		status = "New";
	} else {
		status = !replied                                 ? "Open"
		        : tk->kind == T_AGING                     ? (chance(0.6) ? "Open" : "Hold")
		        : pick((const int[]){45, 40, 15}, 3) == 0 ? "Pending"
		        : chance(0.7)                             ? "Open"
		                                                  : "Hold";
		upd_u = replied ? rp_u : as_u;
		if (reopens && ro_u > upd_u)
			upd_u = ro_u;
		if (upd_u < export_u)
			upd_u += (int64_t)(rnd64() % (uint64_t)((export_u - upd_u) / 2 + 1));
	}

	/* Who has it: an agent of the group who worked there that day. */
	n = 0;
	for (i = 0; i < NAGENT; i++)
		if (strcmp(agents[i].team, groups[group]) == 0 && agent_on(i, day))
			agent_pool[n++] = i;

	snprintf(tags, sizeof tags, "%s%s%s%s", areas[area].tag,
	        a && a->def->segment == 'e' ? " vip" : "", group == 1 ? " escalated" : "",
	        tk->kind == T_SPIKE           ? " sync_error"
	                : tk->kind == T_AGING ? " prod_down"
	                                      : "");

	field_int(f, next_id++);
	/* Requesters without an organisation: prospects and people who wrote
	 * from a private address. */
	if (a)
		cs_writer_fieldz(f->w, a->contact[contact]);
	else {
		const char *first = first_names[rnd(NFIRST)];

		cs_writer_fieldf(f->w, "%s %s", first, last_names[rnd(NLAST)]);
	}
	cs_writer_fieldf(f->w, "%lld",
	        10300000000000LL + (a ? tk->acct * 1000 + contact * 37 + 1 : 999000 + tk->seq));
	cs_writer_fieldz(f->w, assigned ? agents[agent_pool[rnd(n)]].name : "");
	cs_writer_fieldz(f->w, groups[group]);
	if (tk->kind == T_SPIKE)
		cs_writer_fieldz(f->w,
		        rnd(2) ? "Patient record sync failing since update"
		               : "HL7 feed stuck, records missing");
	else if (tk->kind == T_AGING)
		cs_writer_fieldz(f->w,
		        rnd(2) ? "URGENT: production line dashboard not loading"
		               : "Shift report import failing again");
	else
		cs_writer_fieldz(f->w, areas[area].subject[rnd(4)]);
	cs_writer_fieldz(f->w, tags);
	cs_writer_fieldz(f->w, status);
	cs_writer_fieldz(f->w, prios[prio]);
	cs_writer_fieldz(f->w, vias[via]);
	cs_writer_fieldz(f->w, types[type]);
	fmt_local(buf, sizeof buf, c_l);
	cs_writer_fieldz(f->w, buf);
	fmt_local(buf, sizeof buf, to_local(upd_u));
	cs_writer_fieldz(f->w, buf);
	if (assigned)
		fmt_local(buf, sizeof buf, as_l);
	cs_writer_fieldz(f->w, assigned ? buf : "");
	cs_writer_fieldz(f->w, a ? a->def->name : "");
	if (solved)
		fmt_local(buf, sizeof buf, sv_l);
	cs_writer_fieldz(f->w, solved ? buf : "");
	cs_writer_fieldz(f->w, csat);
	field_int(f, reopens);
	field_int(f, replies);
	/* The durations, calendar and business, in minutes. */
	if (replied) {
		field_int(f, (long)((rp_u - c_u) / 60));
		field_int(f, (long)(biz_between(c_l, rp_l) / 60));
	} else {
		cs_writer_fieldz(f->w, "");
		cs_writer_fieldz(f->w, "");
	}
	if (first_solved) {
		field_int(f, (long)((sv1_u - c_u) / 60));
		field_int(f, (long)(biz_between(c_l, sv1_l) / 60));
	} else {
		cs_writer_fieldz(f->w, "");
		cs_writer_fieldz(f->w, "");
	}
	if (solved) {
		long full = (long)((sv_u - c_u) / 60), bfull = (long)(biz_between(c_l, sv_l) / 60);
		int share = 45 + rnd(50);

		field_int(f, full);
		field_int(f, bfull);
		field_int(f, full * share / 100);
		field_int(f, bfull * share / 100);
	} else {
		for (i = 0; i < 4; i++)
			cs_writer_fieldz(f->w, "");
	}
	cs_writer_fieldz(f->w, areas[area].label);
	end_row(f);
}

/* Extra tickets of the two ticket stories, by day counted back from the end
 * day: Vantage's sync failures from Wednesday of W45, Ironclad's open urgent
 * tickets growing over five weeks. */
static const int spike_extra[12] = {2, 3, 4, 7, 7, 11, 9, 1, 2, 6, 5, 3};
static const int aging_days[] = {34, 31, 27, 24, 20, 17, 13, 11, 9, 6, 4, 2, 1};

static int
ticket_cmp(const void *pa, const void *pb)
{
	const struct ticket *x = pa, *y = pb;

	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
write_tickets(const char *dir)
{
	static const char *const header[] = {"Id", "Requester", "Requester id", "Assignee", "Group",
	        "Subject", "Tags", "Status", "Priority", "Via", "Ticket type", "Created at",
	        "Updated at", "Assigned at", "Organization", "Solved at", "Satisfaction Score",
	        "Reopens", "Replies", "First reply time in minutes",
	        "First reply time in minutes within business hours",
	        "First resolution time in minutes",
	        "First resolution time in minutes within business hours",
	        "Full resolution time in minutes",
	        "Full resolution time in minutes within business hours",
	        "Requester wait time in minutes",
	        "Requester wait time in minutes within business hours", "Product area [list]",
	        NULL};
	/* Contacts by hour of the day, Berlin time: office hours with a dip at
	 * lunch; weekends flat and low. */
	static const int hour_wd[24] = {
	        1, 1, 1, 1, 1, 2, 4, 10, 22, 30, 30, 26, 18, 22, 27, 25, 20, 14, 8, 5, 4, 3, 2, 1};
	static const int hour_we[24] = {
	        2, 1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 8, 8, 8, 7, 7, 6, 6, 5, 5, 4, 3, 2};
	struct ticket tk[256];
	int weight[NACC];
	struct out f;
	int64_t day;
	int seq = 0;

	out_open(&f, dir, "zendesk-tickets.csv", header);
	for (day = start_day; day <= end_day; day++) {
		int wd = weekday(day), ago = (int)(end_day - day), n = 0, base, i, j;
		int y, m, d;

		civil_from_days(day, &y, &m, &d);
		base = wd <= 5 ? 44 : wd == 6 ? 12 : 10;
		if (!is_business_day(day) && wd <= 5)
			base = 20;
		if (m == 8)
			base = base * 85 / 100;
		/* Growing 15% over the span, with day-to-day noise of 15% either way. */
		base = (int)(base * (1000 + 150 * (day - start_day) / (WEEKS * 7)) / 1000);
		base = base * (85 + rnd(31)) / 100;
		for (i = 0; i < NACC; i++) {
			const struct account *a = &acc[i];

			weight[i] = day < a->start || (a->churned && day >= a->churned) ? 0
			        : a->def->story == S_SPIKE                              ? 4
			                                   : 4 + a->seats / 4;
		}
		for (j = 0; j < base + 40 && n < 256; j++) {
			int extra = 0;

			if (j >= base) {
				/* The planted stories, after the day's usual traffic. */
				int k = j - base;

				if (ago < 12 && k < spike_extra[ago])
					extra = 1;
				else if (k == 20) {
					size_t z;

					for (z = 0; z < sizeof aging_days / sizeof aging_days[0];
					        z++)
						if (aging_days[z] == ago)
							extra = 2;
				}
				if (!extra)
					continue;
			}
			tk[n].created = day * DAY + pick(wd <= 5 ? hour_wd : hour_we, 24) * HOUR;
			tk[n].created += rnd(HOUR);
			/* The repeated hour at fall-back is left out: a naive time in
			 * it could not be read back unambiguously. */
			if (to_local(to_utc(tk[n].created)) != tk[n].created)
				tk[n].created += HOUR;
			tk[n].acct = extra == 1 ? 0
			        : extra == 2    ? 1
			        : chance(0.02)  ? -1
			                        : pick(weight, NACC);
			tk[n].kind = extra == 1 ? T_SPIKE : extra == 2 ? T_AGING : T_NORMAL;
			tk[n].seq = seq++;
			n++;
		}
		qsort(tk, (size_t)n, sizeof tk[0], ticket_cmp);
		for (i = 0; i < n; i++)
			write_ticket(&f, &tk[i]);
	}
	out_close(&f, dir);
}

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: gen-demo DIR\n");
	if (!status)
		fprintf(fp,
		        "Writes the bundled demo exports (zendesk-tickets.csv, accounts.csv,\n"
		        "usage.csv, nps.csv, attendance.csv) into DIR, the same bytes on every "
		        "run.\n");
	exit(status);
}

int
main(int argc, char **argv)
{
	const char *dir;

	cs_cmd_init("gen-demo");
	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		usage(0);
	if (argc != 2 || argv[1][0] == '-')
		usage(EXIT_USAGE);
	dir = argv[1];
	end_day = days_from_civil(2026, 11, 15);
	start_day = end_day - WEEKS * 7 + 1;
	usage_start = end_day - USAGE_DAYS + 1;
	/* The export runs on Monday 2026-11-16 at 06:00 Berlin time. */
	export_u = to_utc((end_day + 1) * DAY + 6 * HOUR);
	hol[0] = days_from_civil(2026, 5, 14);
	hol[1] = days_from_civil(2026, 5, 25);
	make_accounts();
	write_tickets(dir);
	write_accounts(dir);
	write_usage(dir);
	write_nps(dir);
	write_attendance(dir);
	return 0;
}
