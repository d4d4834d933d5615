/*
 * The cs-import pipeline (see import.h).
 *
 * The hot path is convert_row then emit: every output column was bound to
 * its source column indexes, parsers and caches once per file, so a row
 * costs one pass over the output columns with no allocation.  Values are
 * borrowed from the reader's row or written into per-column scratch space
 * that lives as long as the binding.  Enumeration columns remember the
 * final value of the last few distinct inputs, so value maps and synonym
 * tables run once per distinct value rather than once per row.  After the
 * first rows (held back while date orders are decided), a second thread
 * parses the input while this one converts and writes (convert_threaded).
 */
#include "libcs/import.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcs/mapping.h"
#include "libcs/rules.h"
#include "libcs/source.h"
#include "libcs/hash.h"
#include "libcs/rejects.h"
#include "libcs/xalloc.h"

/* Rows held back while the data decides the date order of a column. */
#define SNIFF_ROWS 20000
#define SNIFF_BYTES ((size_t)8 << 20)
#define CACHE_SLOTS 32
#define CACHE_KEY_MAX 48
#define PROGRESS_EVERY 65536
/* One-field records held back as a possible report footer. */
#define FOOTER_MAX 64

enum role { ROLE_CANON, ROLE_ADDED, ROLE_EXTRA, ROLE_RULE };

/* Inline attempts of convert_row, before the general convert_col. */
enum { FAST_NONE, FAST_TIME, FAST_ENUM, FAST_NUM, FAST_COUNT };

/* One output column: fixed by the first file. */
struct ocol {
	char *name;
	enum role role;
	const struct cs_kind_column *kc; /* canonical columns only */
	enum cs_coltype type;
	enum cs_colunit unit; /* unit written, for numbers */
	int first_src; /* extras: the column in the first file */
	int blank_placeholders; /* "-", "?", "N/A" read as empty */
};

struct tpart {
	char *lit;
	size_t litlen;
	int src; /* -1 for a literal part */
};

struct cache_ent {
	char key[CACHE_KEY_MAX];
	size_t klen;
	const char *val; /* NULL: the value is not recognised */
	size_t vlen;
};

struct lookup {
	char *file, *key, *value;
	struct cs_strmap map; /* key -> index into vals */
	char **vals; /* the value of each key (copies, owned) */
	size_t vcap;
	struct lookup *next;
};

/* One output column bound to one file's header. */
struct bcol {
	const struct cs_map_column *mc; /* NULL: no rules */
	int src; /* source column, or -1 */
	struct tpart *parts; /* a template's parts */
	size_t nparts;
	const char *constant;
	const char *from_desc; /* for --sniff: what the value comes from */
	enum cs_date_order order;
	const char *order_why;
	struct cs_order_sniff sniff;
	int sniffing;
	int always_empty; /* nothing to read: the value is "" */
	int copy; /* the source field as it is (a carried column, or text
		   * with no rules to apply); 2 when placeholders are blanked,
		   * 3 for ids */
	int fast; /* FAST_*: the common case is tried inline first */
	struct lookup *lk;
	struct cache_ent *cache;
	size_t ncache;
	const struct cache_ent *last; /* the entry that answered last */
	struct cs_buf tbuf, mbuf;
	char scratch[64];
	int warned;
};

/* A record copied out of the reader (all in one block). */
struct held {
	struct cs_row row;
	struct held *next;
};

/* A row kept for folding: all fields in one block. */
struct stored {
	int64_t updated;
	size_t pos; /* in the output order */
	char **f;
	size_t *len;
};

/* A rolled-up group. */
struct group {
	char **key; /* the grouping columns' values */
	double sum[4];
	int known[4];
	double weight; /* contacts behind aht_s */
};

struct cs_import {
	struct cs_import_options o;
	struct cs_mapping user_map;
	int have_user_map;
	struct cs_rules *rules;
	struct cs_tz *tz, *file_tz_owned;
	const struct cs_tz *file_tz;
	struct cs_writer *out, *rej;
	struct cs_rejects rejects; /* over rej, when there is one */
	struct cs_import_counts counts;
	struct lookup *lookups;

	/* Output schema. */
	enum cs_kind kind;
	int schema_done;
	struct ocol *ocols;
	size_t nout;
	int c_id, c_created, c_updated, c_first_at, c_solved_at, c_first_min, c_res_min, c_main,
	        c_rule;
	int fold, rollup;
	long interval_min;
	int sniffing; /* --sniff: describe, write nothing */

	/* The file being read. */
	const char *fname;
	const struct cs_row *header;
	struct cs_mapping file_map;
	const struct cs_mapping *map;
	const char *source_name;
	struct bcol *bc;
	const char **val;
	size_t *vlen;
	unsigned char *plain; /* val[i] needs no quoting (typed values) */
	char comp[2][64];
	struct cs_buf reason, rec;

	/* One-field records that may be the footer of a report. */
	struct held *footer;
	size_t nfooter;

	/* Folded rows and rolled-up groups, in first-seen order: the index
	 * that groups gives a key is its place in order. */
	struct cs_strmap groups;
	void **order;
	size_t norder, cap_order;
};

void
cs_import_options_init(struct cs_import_options *o)
{
	memset(o, 0, sizeof *o);
	o->kind = CS_KIND_NONE;
	o->since = CS_IMPORT_NO_TIME;
	o->until = CS_IMPORT_NO_TIME;
	o->order = CS_ORDER_AUTO;
	cs_csv_options_init(&o->csv);
}

const struct cs_import_counts *
cs_import_counts(const struct cs_import *im)
{
	return &im->counts;
}

/* ---- small helpers ---- */

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Reads a canonical instant "YYYY-MM-DDTHH:MM:SSZ" or a date "YYYY-MM-DD"
 * (midnight UTC) as written by this module. */
static int
canon_time(const char *s, size_t len, int64_t *t)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;

	if (len != 20 && len != 10)
		return -1;
	if (sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) != 3)
		return -1;
	if (len == 20 && sscanf(s + 11, "%2d:%2d:%2d", &h, &mi, &sec) != 3)
		return -1;
	*t = cs_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	return 0;
}

/* Writes v with at most three decimals and no trailing zeros. */
static size_t
fmt_num(double v, char *out, size_t size)
{
	int n;

	if (v == 0)
		v = 0; /* no "-0" */
	if (fabs(v) < 1e15 && v == (double)(long long)v)
		n = snprintf(out, size, "%lld", (long long)v);
	else {
		n = snprintf(out, size, "%.3f", v);
		while (n > 0 && out[n - 1] == '0')
			out[--n] = '\0';
		if (n > 0 && out[n - 1] == '.')
			out[--n] = '\0';
		if (strcmp(out, "-0") == 0)
			n = snprintf(out, size, "0");
	}
	return n < 0 ? 0 : (size_t)n;
}

/* A plain decimal number: optional minus, digits, optional fraction. */
static int
is_plain_number(const char *s, size_t len, int allow_fraction)
{
	size_t i = 0, digits = 0;

	if (len > 0 && s[0] == '-' && allow_fraction)
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < len && s[i] == '.' && allow_fraction) {
		i++;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	}
	return digits > 0 && i == len && len < 24;
}

static int
parse_double(const char *s, size_t len, double *v)
{
	char buf[64], *end;

	while (len > 0 && is_blank(*s))
		s++, len--;
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	*v = strtod(buf, &end);
	if (errno == ERANGE || end == buf || *end != '\0' || !isfinite(*v))
		return -1;
	return 0;
}

/* "1.03006E+13": what a spreadsheet makes of a long numeric id. */
static int
is_scientific(const char *s, size_t len)
{
	size_t i;

	if (len < 5 || s[0] < '0' || s[0] > '9' || s[1] != '.')
		return 0;
	for (i = 2; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		;
	return i + 2 < len && (s[i] == 'E' || s[i] == 'e') && s[i + 1] == '+';
}

/* Placeholders ("?", "-", "N/A", "null", "none", "#N/A") all start with
 * one of these, so most values skip the full check. */
static int
maybe_placeholder(const char *s, size_t len)
{
	if (len == 0)
		return 1;
	switch (s[0]) {
	case '?':
	case '-':
	case '#':
	case 'n':
	case 'N':
	case ' ':
	case '\t': return cs_is_placeholder(s, len);
	default: return 0;
	}
}

static int
digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * The common case of a UTC export, "2023-04-08 20:52:00" (or with T, with
 * no seconds, or already canonical), rewritten to canonical text without a
 * round trip through an instant.  Returns 0 when the value is not in that
 * form or not a valid time, and the slow path decides.
 */
static int
fast_utc(const char *v, size_t l, char out[CS_TIME_LEN])
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, mo, d, h, mi, sec = 0;

	if (l != 16 && l != 19 && !(l == 20 && v[19] == 'Z'))
		return 0;
	if (v[4] != '-' || v[7] != '-' || (v[10] != ' ' && v[10] != 'T') || v[13] != ':')
		return 0;
	y = digits(v, 4);
	mo = digits(v + 5, 2);
	d = digits(v + 8, 2);
	h = digits(v + 11, 2);
	mi = digits(v + 14, 2);
	if (l > 16) {
		if (v[16] != ':')
			return 0;
		sec = digits(v + 17, 2);
	}
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h < 0 || h > 23 || mi < 0 ||
	        mi > 59 || sec < 0 || sec > 59)
		return 0;
	if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	/* The Excel sentinel is "unknown": leave it to the parser. */
	if (y == 1900 && mo == 1 && d == 1)
		return 0;
	memcpy(out, v, 10);
	out[10] = 'T';
	memcpy(out + 11, v + 11, 5);
	if (l > 16)
		memcpy(out + 16, v + 16, 3);
	else
		memcpy(out + 16, ":00", 3);
	out[19] = 'Z';
	out[20] = '\0';
	return 1;
}

static enum cs_unit
cs_unit_of(enum cs_colunit u)
{
	switch (u) {
	case CS_CUNIT_S: return CS_UNIT_S;
	case CS_CUNIT_H: return CS_UNIT_H;
	default: return CS_UNIT_MIN;
	}
}

static double
unit_seconds(enum cs_unit u)
{
	switch (u) {
	case CS_UNIT_S: return 1;
	case CS_UNIT_MIN: return 60;
	case CS_UNIT_H: return 3600;
	default: return 86400;
	}
}

/* The unit an added column's name says (wait_s, talk_min, shift_h). */
static enum cs_colunit
unit_from_suffix(const char *name)
{
	size_t n = strlen(name);

	if (n > 2 && strcmp(name + n - 2, "_s") == 0)
		return CS_CUNIT_S;
	if ((n > 4 && strcmp(name + n - 4, "_min") == 0) ||
	        (n > 5 && strcmp(name + n - 5, "_bmin") == 0) || strcmp(name, "minutes") == 0)
		return CS_CUNIT_MIN;
	if (n > 2 && strcmp(name + n - 2, "_h") == 0)
		return CS_CUNIT_H;
	return CS_CUNIT_NONE;
}

static const char *
delim_name(int d)
{
	switch (d) {
	case ',': return "comma";
	case ';': return "semicolon";
	case '\t': return "tab";
	case '|': return "pipe";
	default: return "other";
	}
}

/* ---- the output schema ---- */

static int
out_index(const struct cs_import *im, const char *name)
{
	size_t i;

	for (i = 0; i < im->nout; i++)
		if (im->ocols[i].role != ROLE_EXTRA && strcmp(im->ocols[i].name, name) == 0)
			return (int)i;
	return -1;
}

static struct ocol *
add_ocol(struct cs_import *im, const char *name, enum role role)
{
	struct ocol *oc;

	im->ocols = xreallocarray(im->ocols, im->nout + 1, sizeof *im->ocols);
	oc = &im->ocols[im->nout++];
	memset(oc, 0, sizeof *oc);
	oc->name = xstrdup(name);
	oc->role = role;
	oc->type = CS_COL_TEXT;
	return oc;
}

/* The time column that --since and --until filter on. */
static const char *
main_time_column(enum cs_kind k)
{
	switch (k) {
	case CS_KIND_TICKETS: return "created_at";
	case CS_KIND_ACCOUNTS: return "start_at";
	case CS_KIND_USAGE: return "date";
	case CS_KIND_SURVEYS: return "answered_at";
	case CS_KIND_ATTENDANCE: return "date";
	case CS_KIND_INTERVALS: return "start";
	default: return NULL;
	}
}

/* Builds the schema from the first file's mapping and header; consumed[i]
 * says whether source column i is read by some rule. */
static int
build_schema(struct cs_import *im, const unsigned char *consumed, struct cs_error *err)
{
	const struct cs_kind_def *d = cs_kind_def(im->kind);
	const struct cs_mapping *m = im->map;
	size_t i;

	im->fold = m->fold || im->o.latest;
	im->rollup = m->rollup;
	im->interval_min = m->interval_min;
	if (im->rollup && im->kind != CS_KIND_USAGE && im->kind != CS_KIND_INTERVALS)
		return cs_error_set(err, m->file, 0, "rollup works on usage and intervals, not %s",
		        cs_kind_name(im->kind));
	if (im->rollup && im->fold)
		return cs_error_set(
		        err, m->file, 0, "rollup and fold (or --latest) exclude each other");
	if (d) {
		for (i = 0; i < d->ncols; i++) {
			struct ocol *oc = add_ocol(im, d->cols[i].name, ROLE_CANON);
			const char *n = d->cols[i].name;

			oc->kc = &d->cols[i];
			oc->type = d->cols[i].type;
			oc->unit = d->cols[i].unit;
			oc->blank_placeholders =
			        (oc->type == CS_COL_TEXT || oc->type == CS_COL_ID) &&
			        strcmp(n, "subject") != 0 && strcmp(n, "comment") != 0 &&
			        strcmp(n, "tags") != 0;
		}
	}
	if (!im->rollup) {
		for (i = 0; i < m->ncols; i++) {
			const struct cs_map_column *mc = &m->cols[i];
			struct ocol *oc;

			if (out_index(im, mc->name) >= 0)
				continue;
			oc = add_ocol(im, mc->name, ROLE_ADDED);
			if (mc->format)
				oc->type = CS_COL_TIME;
			else if (mc->has_unit || mc->has_clamp) {
				oc->type = CS_COL_NUM;
				oc->unit = unit_from_suffix(mc->name);
			}
		}
		if (m->extras && im->header) {
			for (i = 0; i < im->header->n; i++) {
				const char *name = im->header->f[i];
				struct ocol *oc;
				size_t j;
				int clash = 0;

				if (consumed[i])
					continue;
				for (j = 0; j < im->nout; j++)
					if (cs_csv_name_eq(im->ocols[j].name, name))
						clash = 1;
				if (clash && im->kind != CS_KIND_NONE) {
					char *renamed = xmalloc(strlen(name) + 5);

					sprintf(renamed, "src_%s", name);
					oc = add_ocol(im, renamed, ROLE_EXTRA);
					free(renamed);
				} else {
					oc = add_ocol(im, name, ROLE_EXTRA);
				}
				oc->first_src = (int)i;
			}
		}
	}
	/* A rollup writes only the kind's columns: sums have no place for
	 * the other columns of the rows they add up. */
	if (im->o.explain)
		add_ocol(im, "rule", ROLE_RULE);
	im->c_id = out_index(im, "id");
	im->c_created = out_index(im, "created_at");
	im->c_updated = out_index(im, "updated_at");
	im->c_first_at = out_index(im, "first_reply_at");
	im->c_solved_at = out_index(im, "solved_at");
	im->c_first_min = out_index(im, "first_reply_min");
	im->c_res_min = out_index(im, "resolution_min");
	im->c_main = main_time_column(im->kind) ? out_index(im, main_time_column(im->kind)) : -1;
	im->c_rule = im->o.explain ? (int)im->nout - 1 : -1;
	if (im->fold && im->c_id < 0)
		return cs_error_set(err, im->fname, 0, "%s needs an id column and %s have none",
		        m->fold ? "fold" : "--latest", cs_kind_name(im->kind));
	im->val = xcalloc(im->nout, sizeof *im->val);
	im->vlen = xcalloc(im->nout, sizeof *im->vlen);
	im->plain = xcalloc(im->nout, 1);
	/* Typed values are numbers, canonical times and enumeration names:
	 * they never need quoting. */
	for (i = 0; i < im->nout; i++)
		im->plain[i] = im->ocols[i].role != ROLE_EXTRA && im->ocols[i].role != ROLE_RULE &&
		        im->ocols[i].type != CS_COL_TEXT && im->ocols[i].type != CS_COL_ID;
	if (im->rules) {
		const char **names = xcalloc(im->nout, sizeof *names);
		int rc;

		for (i = 0; i < im->nout; i++)
			names[i] = im->ocols[i].name;
		rc = cs_rules_bind(im->rules, names, im->nout, err);
		free(names);
		if (rc < 0)
			return -1;
	}
	im->schema_done = 1;
	if (im->sniffing)
		return 0;
	for (i = 0; i < im->nout; i++)
		cs_writer_fieldz(im->out, im->ocols[i].name);
	if (cs_writer_end(im->out) < 0)
		return cs_writer_flush(im->out, err);
	return 0;
}

/* ---- lookups ---- */

/* dir/name, or name alone when it is absolute or dir is ".". */
static char *
join_path(const char *dir, const char *name)
{
	char *p;

	if (name[0] == '/' || strcmp(dir, ".") == 0)
		return xstrdup(name);
	p = xmalloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static char *
dirname_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static struct lookup *
get_lookup(struct cs_import *im, const struct cs_mapping *m, const struct cs_map_column *mc,
        struct cs_error *err)
{
	struct lookup *lk;
	struct cs_csv_reader *r;
	struct cs_csv_options opt;
	struct cs_row row;
	char *path;
	int kc, vc, rc;

	path = join_path(m->dir, mc->lookup_file);
	/* A lookup file that is not beside the mapping may be beside the
	 * export (a mapping kept with the tools, the exports elsewhere). */
	if (access(path, F_OK) != 0 && mc->lookup_file[0] != '/' && im->fname[0] != '<') {
		char *dir = dirname_of(im->fname);
		char *alt = join_path(dir, mc->lookup_file);

		free(dir);
		if (access(alt, F_OK) == 0) {
			free(path);
			path = alt;
		} else {
			free(alt);
		}
	}
	for (lk = im->lookups; lk; lk = lk->next)
		if (strcmp(lk->file, path) == 0 && strcmp(lk->key, mc->lookup_key) == 0 &&
		        strcmp(lk->value, mc->lookup_value) == 0) {
			free(path);
			return lk;
		}
	cs_csv_options_init(&opt);
	r = cs_csv_open(path, &opt, err);
	if (r == NULL) {
		free(path);
		return NULL;
	}
	kc = cs_csv_column(cs_csv_header(r), mc->lookup_key);
	vc = cs_csv_column(cs_csv_header(r), mc->lookup_value);
	if (kc < 0 || vc < 0) {
		cs_error_set(err, m->file, mc->lookup_line, "no column '%s' in '%s'",
		        kc < 0 ? mc->lookup_key : mc->lookup_value, path);
		cs_csv_close(r);
		free(path);
		return NULL;
	}
	lk = xcalloc(1, sizeof *lk);
	lk->file = path;
	lk->key = xstrdup(mc->lookup_key);
	lk->value = xstrdup(mc->lookup_value);
	cs_strmap_init(&lk->map);
	while ((rc = cs_csv_read(r, &row, err)) == 1) {
		uint32_t idx;
		int created;

		if (row.problem)
			continue;
		idx = cs_strmap_intern(&lk->map, row.f[kc], row.len[kc], &created);
		if (created) {
			lk->vals = xgrow(lk->vals, &lk->vcap, (size_t)idx + 1, sizeof *lk->vals);
			lk->vals[idx] = xstrndup(row.f[vc], row.len[vc]);
		}
	}
	cs_csv_close(r);
	lk->next = im->lookups;
	im->lookups = lk;
	if (rc < 0)
		return NULL;
	return lk;
}

static void
free_lookups(struct cs_import *im)
{
	struct lookup *lk, *next;
	size_t i;

	for (lk = im->lookups; lk; lk = next) {
		next = lk->next;
		for (i = 0; i < lk->map.n; i++)
			free(lk->vals[i]);
		free(lk->vals);
		cs_strmap_release(&lk->map);
		free(lk->file);
		free(lk->key);
		free(lk->value);
		free(lk);
	}
	im->lookups = NULL;
}

/* ---- binding a file ---- */

static void
release_binding(struct cs_import *im)
{
	size_t i, j;

	if (im->bc) {
		for (i = 0; i < im->nout; i++) {
			struct bcol *b = &im->bc[i];

			for (j = 0; j < b->nparts; j++)
				free(b->parts[j].lit);
			free(b->parts);
			free(b->cache);
			free((char *)b->from_desc);
			cs_buf_release(&b->tbuf);
			cs_buf_release(&b->mbuf);
		}
		free(im->bc);
		im->bc = NULL;
	}
	cs_mapping_release(&im->file_map);
	if (im->file_tz_owned) {
		cs_tz_free(im->file_tz_owned);
		im->file_tz_owned = NULL;
	}
}

/* Resolves one "from": returns 1 and fills the binding when the header has
 * what it needs. */
static int
bind_from(struct bcol *b, const struct cs_map_from *f, const struct cs_row *h,
        unsigned char *consumed, struct cs_error *err)
{
	size_t i;

	switch (f->type) {
	case CS_FROM_NAME: {
		int c = cs_csv_column(h, f->text);

		if (c < 0)
			return 0;
		b->src = c;
		consumed[c] = 1;
		b->from_desc = xstrdup(h->f[c]);
		return 1;
	}
	case CS_FROM_REGEX:
		for (i = 0; i < h->n; i++) {
			int rc = cs_regex_match(f->re, h->f[i], h->len[i], err);

			if (rc < 0)
				return -1;
			if (rc == 1) {
				b->src = (int)i;
				consumed[i] = 1;
				b->from_desc = xstrdup(h->f[i]);
				return 1;
			}
		}
		return 0;
	case CS_FROM_TEMPLATE: {
		const char *p = f->text;
		struct tpart *parts = NULL;
		size_t n = 0;
		int ok = 1;

		while (*p && ok) {
			const char *open = strchr(p, '{');
			const char *close;

			if (open != p) {
				size_t l = open ? (size_t)(open - p) : strlen(p);

				parts = xreallocarray(parts, n + 1, sizeof *parts);
				parts[n].lit = xstrndup(p, l);
				parts[n].litlen = l;
				parts[n].src = -1;
				n++;
				p += l;
				continue;
			}
			close = strchr(open, '}');
			{
				char *name = xstrndup(open + 1, (size_t)(close - open - 1));
				int c = cs_csv_column(h, name);

				free(name);
				if (c < 0) {
					ok = 0;
					break;
				}
				parts = xreallocarray(parts, n + 1, sizeof *parts);
				parts[n].lit = NULL;
				parts[n].litlen = 0;
				parts[n].src = c;
				n++;
			}
			p = close + 1;
		}
		if (!ok) {
			for (i = 0; i < n; i++)
				free(parts[i].lit);
			free(parts);
			return 0;
		}
		for (i = 0; i < n; i++)
			if (parts[i].src >= 0)
				consumed[parts[i].src] = 1;
		b->parts = parts;
		b->nparts = n;
		b->from_desc = xstrdup(f->text);
		return 1;
	}
	}
	return 0;
}

static int
bind_file(struct cs_import *im, struct cs_error *err)
{
	const struct cs_row *h = im->header;
	const struct cs_mapping *m = im->map;
	unsigned char *consumed = xcalloc(h->n ? h->n : 1, 1);
	size_t i;
	int rc = 0;

	int built = 0;

	/* Bind the mapping's columns first (they decide what is consumed),
	 * keyed by name so the schema can be built afterwards. */
	{
		struct bcol *tmp = xcalloc(m->ncols ? m->ncols : 1, sizeof *tmp);

		for (i = 0; i < m->ncols && rc == 0; i++) {
			const struct cs_map_column *mc = &m->cols[i];
			size_t j;

			tmp[i].mc = mc;
			tmp[i].src = -1;
			cs_buf_init(&tmp[i].tbuf);
			cs_buf_init(&tmp[i].mbuf);
			for (j = 0; j < mc->nfrom; j++) {
				rc = bind_from(&tmp[i], &mc->from[j], h, consumed, err);
				if (rc != 0)
					break;
			}
			if (rc > 0)
				rc = 0;
			if (rc == 0 && mc->lookup_file) {
				tmp[i].lk = get_lookup(im, m, mc, err);
				if (tmp[i].lk == NULL)
					rc = -1;
			}
		}
		if (rc == 0 && !im->schema_done) {
			rc = build_schema(im, consumed, err);
			built = 1;
		}
		if (rc == 0) {
			im->bc = xcalloc(im->nout ? im->nout : 1, sizeof *im->bc);
			for (i = 0; i < im->nout; i++) {
				struct bcol *b = &im->bc[i];
				struct ocol *oc = &im->ocols[i];
				size_t j;

				b->src = -1;
				cs_buf_init(&b->tbuf);
				cs_buf_init(&b->mbuf);
				if (oc->role == ROLE_EXTRA) {
					int c = built ? oc->first_src : cs_csv_column(h, oc->name);

					if (c < 0 && strncmp(oc->name, "src_", 4) == 0)
						c = cs_csv_column(h, oc->name + 4);
					if (c >= 0 && !consumed[c]) {
						b->src = c;
						b->from_desc = xstrdup(h->f[c]);
					}
					continue;
				}
				for (j = 0; j < m->ncols; j++)
					if (strcmp(m->cols[j].name, oc->name) == 0)
						break;
				if (j == m->ncols)
					continue;
				cs_buf_release(&b->tbuf);
				cs_buf_release(&b->mbuf);
				*b = tmp[j];
				tmp[j].parts = NULL;
				tmp[j].nparts = 0;
				tmp[j].from_desc = NULL;
				cs_buf_init(&tmp[j].tbuf);
				cs_buf_init(&tmp[j].mbuf);
			}
		}
		for (i = 0; i < m->ncols; i++) {
			size_t j;

			for (j = 0; j < tmp[i].nparts; j++)
				free(tmp[i].parts[j].lit);
			free(tmp[i].parts);
			free((char *)tmp[i].from_desc);
			cs_buf_release(&tmp[i].tbuf);
			cs_buf_release(&tmp[i].mbuf);
		}
		free(tmp);
	}
	free(consumed);
	if (rc < 0)
		return -1;

	/* Constants, required columns, date orders, caches. */
	for (i = 0; i < im->nout; i++) {
		struct bcol *b = &im->bc[i];
		struct ocol *oc = &im->ocols[i];
		const struct cs_map_column *mc = b->mc;
		int bound = b->src >= 0 || b->nparts > 0;

		if (mc && !bound && mc->def)
			b->constant = mc->def;
		if (oc->role == ROLE_CANON && strcmp(oc->name, "source") == 0 && !bound &&
		        !b->constant && strcmp(im->source_name, "generic") != 0)
			b->constant = im->source_name;
		if (oc->role == ROLE_CANON && oc->kc->required && !bound && !b->constant) {
			struct cs_buf tried;

			cs_buf_init(&tried);
			if (mc)
				for (size_t j = 0; j < mc->nfrom; j++)
					cs_buf_printf(
					        &tried, "%s'%s'", j ? ", " : "", mc->from[j].text);
			cs_error_set(err, im->fname, 1, "no column for '%s'%s%s%s", oc->name,
			        tried.len ? " (tried " : "", tried.len ? tried.data : "",
			        tried.len ? ")" : "");
			cs_buf_release(&tried);
			return -1;
		}
		b->always_empty = !bound && !b->constant && !(mc && mc->def);
		if (b->src >= 0 && !m->nempty &&
		        (oc->role == ROLE_EXTRA ||
		                ((oc->type == CS_COL_TEXT || oc->type == CS_COL_ID) && !mc->nmaps &&
		                        !mc->def && !b->lk)))
			b->copy = oc->type == CS_COL_ID ? 3 : oc->blank_placeholders ? 2 : 1;
		/* Columns read straight from one source column with nothing
		 * but a type to apply. */
		if (b->src >= 0 && !m->nempty && oc->role != ROLE_EXTRA && mc && !mc->nmaps &&
		        !mc->def && !b->lk && !mc->has_unit && !mc->has_clamp && !mc->format) {
			if (oc->type == CS_COL_TIME && im->file_tz == NULL)
				b->fast = FAST_TIME;
			else if (oc->type == CS_COL_NUM)
				b->fast = FAST_NUM;
			else if (oc->type == CS_COL_COUNT)
				b->fast = FAST_COUNT;
		}
		if (oc->type == CS_COL_ENUM)
			b->fast = FAST_ENUM;
		if (oc->type == CS_COL_ENUM)
			b->cache = xcalloc(CACHE_SLOTS, sizeof *b->cache);
		if ((oc->type == CS_COL_TIME || oc->type == CS_COL_DATE) && bound &&
		        !(mc && mc->format)) {
			if (im->o.order != CS_ORDER_AUTO) {
				b->order = im->o.order;
				b->order_why = "--date-order";
			} else if (m->order != CS_ORDER_AUTO) {
				b->order = m->order;
				b->order_why = "the mapping";
			} else {
				b->sniffing = 1;
				cs_order_sniff_init(&b->sniff);
			}
		}
	}
	return 0;
}

/* ---- converting a row ---- */

static int reject(struct cs_import *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
reject(struct cs_import *im, const char *fmt, ...)
{
	va_list ap;

	cs_buf_reset(&im->reason);
	va_start(ap, fmt);
	cs_buf_vprintf(&im->reason, fmt, ap);
	va_end(ap);
	return 1;
}

/* Shortens a value for a message. */
static const char *
shown(const char *s, size_t len, char *buf, size_t size)
{
	size_t n = len < size - 4 ? len : size - 4;
	size_t i;

	memcpy(buf, s, n);
	buf[n] = '\0';
	for (i = 0; i < n; i++)
		if (buf[i] == '\n' || buf[i] == '\r')
			buf[i] = ' ';
	if (n < len)
		strcpy(buf + n, "...");
	return buf;
}

static void
raw_value(struct bcol *b, const struct cs_row *row, const char **v, size_t *l)
{
	size_t i;
	int any = 0;

	if (b->src >= 0) {
		if ((size_t)b->src < row->n) {
			*v = row->f[b->src];
			*l = row->len[b->src];
		} else {
			*v = "";
			*l = 0;
		}
		return;
	}
	if (b->nparts) {
		cs_buf_reset(&b->tbuf);
		for (i = 0; i < b->nparts; i++) {
			const struct tpart *p = &b->parts[i];

			if (p->src < 0)
				cs_buf_add(&b->tbuf, p->lit, p->litlen);
			else if ((size_t)p->src < row->n && row->len[p->src] > 0) {
				cs_buf_add(&b->tbuf, row->f[p->src], row->len[p->src]);
				any = 1;
			}
		}
		if (!any)
			cs_buf_reset(&b->tbuf);
		*v = b->tbuf.data;
		*l = b->tbuf.len;
		return;
	}
	*v = b->constant ? b->constant : "";
	*l = b->constant ? strlen(b->constant) : 0;
}

static int
is_empty_value(const struct cs_mapping *m, const char *v, size_t l)
{
	size_t i;

	for (i = 0; i < m->nempty; i++)
		if (strlen(m->empty[i]) == l && memcmp(m->empty[i], v, l) == 0)
			return 1;
	return 0;
}

static int
parse_time_value(struct cs_import *im, struct bcol *b, enum cs_coltype type, const char *v,
        size_t l, int64_t *t)
{
	enum cs_parse_result pr;

	if (b->mc && b->mc->format) {
		if (type == CS_COL_DATE) {
			int64_t days;

			pr = cs_date_parse_fmt(v, l, b->mc->format, &days);
			if (pr == CS_PARSE_OK)
				*t = days * 86400;
			return pr;
		}
		return cs_time_parse_fmt(v, l, b->mc->format, im->file_tz, t);
	}
	if (type == CS_COL_DATE) {
		int64_t days;

		/* A date column may be given instants (an event log): the day
		 * is the one they fall on in the zone of the import, so
		 * 2026-03-02T23:30:00Z is 3 March in Paris.  A date alone is
		 * midnight in that zone, which gives the date back. */
		pr = cs_time_parse(v, l, b->order, im->file_tz, t);
		if (pr == CS_PARSE_OK) {
			*t = cs_tz_to_local(im->file_tz, *t);
			return pr;
		}
		if (pr == CS_PARSE_EMPTY)
			return pr;
		pr = cs_date_parse(v, l, b->order, &days);
		if (pr == CS_PARSE_OK)
			*t = days * 86400;
		return pr;
	}
	return cs_time_parse(v, l, b->order, im->file_tz, t);
}

/* Converts column i of row: 0 with im->val[i] set, 1 rejected, -1 fatal. */
static int
convert_col(struct cs_import *im, size_t i, const struct cs_row *row, struct cs_error *err)
{
	struct bcol *b = &im->bc[i];
	const struct ocol *oc = &im->ocols[i];
	const struct cs_map_column *mc = b->mc;
	const char *v;
	size_t l;
	char sb[80];
	struct cache_ent *ce = NULL;

	raw_value(b, row, &v, &l);
	if (l && im->map->nempty && is_empty_value(im->map, v, l))
		v = "", l = 0;
	if (oc->role == ROLE_EXTRA)
		goto done;
	if (oc->type == CS_COL_ENUM && l < CACHE_KEY_MAX) {
		size_t k;

		for (k = 0; k < b->ncache; k++)
			if (b->cache[k].klen == l && memcmp(b->cache[k].key, v, l) == 0) {
				ce = &b->cache[k];
				break;
			}
		if (ce) {
			if (ce->val == NULL)
				return reject(im, "unknown %s '%s'", oc->name,
				        shown(v, l, sb, sizeof sb));
			b->last = ce;
			v = ce->val;
			l = ce->vlen;
			goto done;
		}
	}
	{
		const char *rv = v;
		size_t rl = l;

		if (mc && mc->nmaps) {
			int rc = cs_map_apply(mc, v, l, &b->mbuf, &v, &l, err);

			if (rc < 0) {
				err->line = row->line;
				return -1;
			}
		}
		if (l == 0 && mc && mc->def)
			v = mc->def, l = strlen(v);
		if (b->lk && l > 0) {
			uint32_t idx = cs_strmap_find(&b->lk->map, v, l);

			if (idx == CS_HASH_NONE)
				return reject(im, "%s '%s' not in '%s'", oc->name,
				        shown(v, l, sb, sizeof sb), b->lk->file);
			v = b->lk->vals[idx];
			l = strlen(v);
		}
		if (oc->type == CS_COL_ENUM) {
			const char *e = l == 0 || maybe_placeholder(v, l)
			        ? ""
			        : cs_kind_enum_value(oc->kc, v, l);
			if (rl < CACHE_KEY_MAX && b->ncache < CACHE_SLOTS) {
				ce = &b->cache[b->ncache++];
				memcpy(ce->key, rv, rl);
				ce->klen = rl;
				ce->val = e;
				ce->vlen = e ? strlen(e) : 0;
			}
			if (e == NULL)
				return reject(im, "unknown %s '%s'", oc->name,
				        shown(rv, rl, sb, sizeof sb));
			v = e;
			l = strlen(e);
			goto done;
		}
	}
	switch (oc->type) {
	case CS_COL_TEXT:
	case CS_COL_ID:
		if (oc->blank_placeholders && l && l <= 5 && maybe_placeholder(v, l))
			v = "", l = 0;
		if (oc->type == CS_COL_ID && !b->warned && is_scientific(v, l) && im->o.warn) {
			struct cs_error w;

			b->warned = 1;
			cs_error_set(&w, im->fname, row->line,
			        "%s '%s' is in scientific notation: a spreadsheet has rounded "
			        "these ids, which are kept as written",
			        oc->name, shown(v, l, sb, sizeof sb));
			im->o.warn(im->o.ctx, &w);
		}
		break;
	case CS_COL_TIME:
	case CS_COL_DATE: {
		int64_t t;
		int pr;

		if (l == 0)
			break;
		if (oc->type == CS_COL_TIME && im->file_tz == NULL && !(mc && mc->format) &&
		        fast_utc(v, l, b->scratch)) {
			v = b->scratch;
			l = 20;
			break;
		}
		pr = parse_time_value(im, b, oc->type, v, l, &t);
		if (pr == CS_PARSE_EMPTY) {
			v = "", l = 0;
			break;
		}
		if (pr != CS_PARSE_OK)
			return reject(im, "bad %s '%s' for %s",
			        oc->type == CS_COL_DATE ? "date" : "time",
			        shown(v, l, sb, sizeof sb), oc->name);
		if (oc->type == CS_COL_DATE)
			v = cs_date_format(cs_floor_div(t, 86400), b->scratch);
		else
			v = cs_time_format(t, b->scratch);
		l = strlen(v);
		break;
	}
	case CS_COL_NUM:
	case CS_COL_COUNT: {
		double x;
		int has_clamp = mc && mc->has_clamp;
		int plain;

		if (l == 0 || (l <= 5 && maybe_placeholder(v, l))) {
			v = "", l = 0;
			break;
		}
		plain = oc->type == CS_COL_COUNT ? is_plain_number(v, l, 0)
		                                 : is_plain_number(v, l, 1);
		if (plain && !has_clamp && !(mc && mc->has_unit))
			break;
		if (oc->unit != CS_CUNIT_NONE || (mc && mc->has_unit)) {
			enum cs_unit su = mc && mc->has_unit ? mc->unit : cs_unit_of(oc->unit);
			double secs,
			        per = oc->unit != CS_CUNIT_NONE ? cs_colunit_seconds(oc->unit)
			                                        : unit_seconds(su);

			/* A plain number (negative ones too, for clamp to see) is
			 * in the source's unit; anything else is a duration. */
			if (plain && parse_double(v, l, &secs) == 0)
				secs *= unit_seconds(su);
			else if (cs_duration_parse(v, l, su, &secs) != CS_PARSE_OK)
				return reject(im, "bad duration '%s' for %s",
				        shown(v, l, sb, sizeof sb), oc->name);
			x = secs / per;
		} else if (parse_double(v, l, &x) < 0) {
			return reject(
			        im, "bad number '%s' for %s", shown(v, l, sb, sizeof sb), oc->name);
		}
		if (has_clamp) {
			if (x < mc->clamp_min)
				x = mc->clamp_min;
			if (x > mc->clamp_max)
				x = mc->clamp_max;
		}
		if (oc->type == CS_COL_COUNT && (x < 0 || x != floor(x)))
			return reject(
			        im, "bad count '%s' for %s", shown(v, l, sb, sizeof sb), oc->name);
		l = fmt_num(x, b->scratch, sizeof b->scratch);
		v = b->scratch;
		break;
	}
	default: break;
	}
done:
	if (l == 0 && oc->role == ROLE_CANON && oc->kc->required)
		return reject(im, "no %s", oc->name);
	im->val[i] = v;
	im->vlen[i] = l;
	return 0;
}

static int
convert_row(struct cs_import *im, const struct cs_row *row, struct cs_error *err)
{
	size_t i;

	if (row->problem)
		return reject(im, "%s", row->problem);
	for (i = 0; i < im->nout; i++) {
		const struct bcol *b = &im->bc[i];
		int rc;

		if (b->copy && (size_t)b->src < row->n) {
			const char *v = row->f[b->src];
			size_t l = row->len[b->src];

			if (b->copy >= 2 && l && l <= 5 && maybe_placeholder(v, l))
				l = 0;
			/* An id column is checked for spreadsheet damage. */
			if (b->copy == 3 && l > 4 && v[1] == '.' && !b->warned)
				goto full;
			im->val[i] = v;
			im->vlen[i] = l;
			continue;
		}
		if (b->always_empty || im->ocols[i].role == ROLE_RULE) {
			im->val[i] = "";
			im->vlen[i] = 0;
			continue;
		}
		switch (b->fast) {
		case FAST_TIME: {
			const char *v = row->f[b->src];
			size_t l = row->len[b->src];

			if (l && fast_utc(v, l, im->bc[i].scratch)) {
				im->val[i] = b->scratch;
				im->vlen[i] = 20;
				continue;
			}
			break;
		}
		case FAST_NUM:
		case FAST_COUNT: {
			const char *v = row->f[b->src];
			size_t l = row->len[b->src];

			if (l && is_plain_number(v, l, b->fast == FAST_NUM)) {
				im->val[i] = v;
				im->vlen[i] = l;
				continue;
			}
			break;
		}
		case FAST_ENUM:
			if (b->src >= 0) {
				/* The last value seen, which is often the next. */
				const struct cache_ent *ce = b->last;
				size_t l = row->len[b->src];

				if (ce && ce->klen == l &&
				        memcmp(ce->key, row->f[b->src], l) == 0 && ce->val) {
					im->val[i] = ce->val;
					im->vlen[i] = ce->vlen;
					continue;
				}
			}
			break;
		}
	full:
		rc = convert_col(im, i, row, err);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* ---- writing rows ---- */

static int
write_reject(struct cs_import *im, const struct cs_row *row, struct cs_error *err)
{
	im->counts.rejected++;
	if (im->o.strict)
		return cs_error_set(err, im->fname, row->line, "%s", im->reason.data);
	if (im->rej == NULL) {
		/* Without a rejects file, the first reject is shown so that the
		 * count in the summary has a face. */
		if (im->counts.rejected == 1 && im->o.warn) {
			struct cs_error w;

			cs_error_set(&w, im->fname, row->line,
			        "rejected: %s (--rejects FILE keeps every rejected row)",
			        im->reason.data);
			im->o.warn(im->o.ctx, &w);
		}
		return 0;
	}
	{
		struct cs_error why;

		cs_error_set(&why, im->fname, row->line, "%s", im->reason.data);
		if (cs_rejects_add(&im->rejects, &why, row) < 0)
			return cs_writer_flush(im->rej, err);
	}
	return 0;
}

/* Fills computed durations, filters, applies rules and writes one row. */
static int
emit(struct cs_import *im, struct cs_error *err)
{
	const char **val = im->val;
	size_t *vlen = im->vlen;
	size_t i;

	if (im->kind == CS_KIND_TICKETS && im->c_created >= 0) {
		int64_t c, t;
		int pairs[2][2] = {
		        {im->c_first_min, im->c_first_at}, {im->c_res_min, im->c_solved_at}};

		for (i = 0; i < 2; i++) {
			int dst = pairs[i][0], from = pairs[i][1];

			if (dst < 0 || from < 0 || vlen[dst] > 0 || vlen[from] == 0)
				continue;
			if (canon_time(val[im->c_created], vlen[im->c_created], &c) < 0 ||
			        canon_time(val[from], vlen[from], &t) < 0 || t < c)
				continue;
			vlen[dst] =
			        fmt_num((double)(t - c) / 60.0, im->comp[i], sizeof im->comp[i]);
			val[dst] = im->comp[i];
		}
	}
	if (im->c_main >= 0 &&
	        (im->o.since != CS_IMPORT_NO_TIME || im->o.until != CS_IMPORT_NO_TIME)) {
		int64_t t;

		if (canon_time(val[im->c_main], vlen[im->c_main], &t) < 0 ||
		        (im->o.since != CS_IMPORT_NO_TIME && t < im->o.since) ||
		        (im->o.until != CS_IMPORT_NO_TIME && t >= im->o.until)) {
			im->counts.filtered++;
			return 0;
		}
	}
	if (im->rules) {
		const char *explain = NULL;

		if (cs_rules_apply(im->rules, (char *const *)val, vlen, val, vlen, &explain, err) <
		        0)
			return -1;
		if (im->c_rule >= 0) {
			val[im->c_rule] = explain ? explain : "";
			vlen[im->c_rule] = explain ? strlen(explain) : 0;
		}
	}
	im->counts.written++;
	if (cs_writer_record(im->out, val, vlen, im->rules ? NULL : im->plain, im->nout) < 0)
		return cs_writer_flush(im->out, err);
	return 0;
}

static void
remember(struct cs_import *im, void *p)
{
	im->order = xgrow(im->order, &im->cap_order, im->norder + 1, sizeof *im->order);
	im->order[im->norder++] = p;
}

static struct stored *
store_row(struct cs_import *im, int64_t updated)
{
	size_t i, total = 0;
	struct stored *s;
	char *p;

	for (i = 0; i < im->nout; i++)
		total += im->vlen[i] + 1;
	s = xmalloc(sizeof *s + im->nout * (sizeof *s->f + sizeof *s->len) + total);
	s->updated = updated;
	s->f = (char **)(s + 1);
	s->len = (size_t *)(s->f + im->nout);
	p = (char *)(s->len + im->nout);
	for (i = 0; i < im->nout; i++) {
		memcpy(p, im->val[i], im->vlen[i]);
		p[im->vlen[i]] = '\0';
		s->f[i] = p;
		s->len[i] = im->vlen[i];
		p += im->vlen[i] + 1;
	}
	return s;
}

/* Compares two values of an output column for keep min/max: times by
 * their canonical text (which sorts as time), the rest as text. */
static int
cmp_values(const char *a, size_t al, const char *b, size_t bl)
{
	size_t n = al < bl ? al : bl;
	int c = memcmp(a, b, n);

	return c ? c : (al > bl) - (al < bl);
}

static int
fold_row(struct cs_import *im)
{
	const char *id = im->val[im->c_id];
	size_t idl = im->vlen[im->c_id];
	int64_t upd = CS_IMPORT_NO_TIME;
	uint32_t idx;
	int created;
	struct stored *old, *neu;
	size_t i;

	if (im->c_updated >= 0 && im->vlen[im->c_updated])
		canon_time(im->val[im->c_updated], im->vlen[im->c_updated], &upd);
	idx = cs_strmap_intern(&im->groups, id, idl, &created);
	if (created) {
		neu = store_row(im, upd);
		neu->pos = im->norder;
		remember(im, neu);
		return 0;
	}
	im->counts.merged++;
	old = im->order[idx];
	/* The newer row wins; a tie goes to the later row of the input. */
	if (upd >= old->updated || (upd == CS_IMPORT_NO_TIME)) {
		for (i = 0; i < im->nout; i++) {
			const struct cs_map_column *mc = im->bc[i].mc;
			enum cs_keep k = mc ? mc->keep : CS_KEEP_LAST;

			if (k == CS_KEEP_FIRST ||
			        (k == CS_KEEP_MIN && old->len[i] &&
			                (!im->vlen[i] ||
			                        cmp_values(old->f[i], old->len[i], im->val[i],
			                                im->vlen[i]) < 0)) ||
			        (k == CS_KEEP_MAX && old->len[i] &&
			                (!im->vlen[i] ||
			                        cmp_values(old->f[i], old->len[i], im->val[i],
			                                im->vlen[i]) > 0))) {
				im->val[i] = old->f[i];
				im->vlen[i] = old->len[i];
			}
		}
		neu = store_row(im, upd);
	} else {
		/* An older row: only min and max can take something from it. */
		const char **v = im->val;
		size_t *vl = im->vlen;

		for (i = 0; i < im->nout; i++) {
			const struct cs_map_column *mc = im->bc[i].mc;
			enum cs_keep k = mc ? mc->keep : CS_KEEP_LAST;
			int take = 0;

			if (vl[i] && (k == CS_KEEP_MIN || k == CS_KEEP_MAX)) {
				int c = old->len[i]
				        ? cmp_values(v[i], vl[i], old->f[i], old->len[i])
				        : (k == CS_KEEP_MIN ? -1 : 1);
				take = k == CS_KEEP_MIN ? c < 0 : c > 0;
			}
			if (!take) {
				v[i] = old->f[i];
				vl[i] = old->len[i];
			}
		}
		neu = store_row(im, old->updated);
	}
	neu->pos = old->pos;
	im->order[old->pos] = neu;
	free(old);
	return 0;
}

/* Rollup: the grouping columns and summed columns of each kind. */
static const char *const usage_keys[] = {"account", "date", "user", "feature", NULL};
static const char *const usage_sums[] = {"events", "minutes", NULL};
static const char *const interval_keys[] = {"start", NULL};
static const char *const interval_sums[] = {"contacts", "minutes", "aht_s", "abandoned", NULL};

static int
rollup_row(struct cs_import *im)
{
	const char *const *keys = im->kind == CS_KIND_USAGE ? usage_keys : interval_keys;
	const char *const *sums = im->kind == CS_KIND_USAGE ? usage_sums : interval_sums;
	struct cs_buf *k = &im->rec;
	char floored[CS_TIME_LEN];
	struct group *g;
	uint32_t idx;
	int created;
	size_t i, nk = 0;
	double contacts = 1;

	cs_buf_reset(k);
	for (i = 0; keys[i]; i++) {
		int c = out_index(im, keys[i]);

		if (im->kind == CS_KIND_INTERVALS && im->interval_min > 0) {
			int64_t t, step = im->interval_min * 60;

			if (canon_time(im->val[c], im->vlen[c], &t) == 0) {
				cs_time_format(t - (t % step + step) % step, floored);
				im->val[c] = floored;
				im->vlen[c] = strlen(floored);
			}
		}
		cs_buf_add(k, im->val[c], im->vlen[c]);
		cs_buf_addc(k, '\x1f');
		nk++;
	}
	idx = cs_strmap_intern(&im->groups, k->data, k->len, &created);
	if (created) {
		g = xcalloc(1, sizeof *g);
		g->key = xcalloc(nk, sizeof *g->key);
		for (i = 0; i < nk; i++) {
			int c = out_index(im, keys[i]);
			g->key[i] = xstrndup(im->val[c], im->vlen[c]);
		}
		remember(im, g);
	} else {
		g = im->order[idx];
		im->counts.merged++;
	}
	for (i = 0; sums[i]; i++) {
		int c = out_index(im, sums[i]);
		double x;

		if (im->vlen[c] == 0 || parse_double(im->val[c], im->vlen[c], &x) < 0) {
			/* No count means one event, one contact. */
			if (i == 0) {
				g->sum[0] += 1;
				g->known[0] = 1;
			}
			continue;
		}
		if (im->kind == CS_KIND_INTERVALS && i == 0)
			contacts = x;
		if (im->kind == CS_KIND_INTERVALS && strcmp(sums[i], "aht_s") == 0) {
			g->sum[i] += x * contacts;
			g->weight += contacts;
		} else {
			g->sum[i] += x;
		}
		g->known[i] = 1;
	}
	return 0;
}

static int
flush_groups(struct cs_import *im, struct cs_error *err)
{
	size_t i, j;
	char nums[4][64];
	int rc = 0;

	for (i = 0; i < im->norder && rc == 0; i++) {
		if (im->rollup) {
			struct group *g = im->order[i];
			const char *const *keys =
			        im->kind == CS_KIND_USAGE ? usage_keys : interval_keys;
			const char *const *sums =
			        im->kind == CS_KIND_USAGE ? usage_sums : interval_sums;

			for (j = 0; j < im->nout; j++) {
				im->val[j] = "";
				im->vlen[j] = 0;
			}
			for (j = 0; keys[j]; j++) {
				int c = out_index(im, keys[j]);
				im->val[c] = g->key[j];
				im->vlen[c] = strlen(g->key[j]);
			}
			for (j = 0; sums[j]; j++) {
				int c = out_index(im, sums[j]);
				double x = g->sum[j];

				if (!g->known[j])
					continue;
				if (strcmp(sums[j], "aht_s") == 0) {
					if (g->weight <= 0)
						continue;
					x /= g->weight;
				}
				im->vlen[c] = fmt_num(x, nums[j], sizeof nums[j]);
				im->val[c] = nums[j];
			}
		} else {
			struct stored *s = im->order[i];

			for (j = 0; j < im->nout; j++) {
				im->val[j] = s->f[j];
				im->vlen[j] = s->len[j];
			}
		}
		rc = emit(im, err);
	}
	return rc;
}

static void
free_groups(struct cs_import *im)
{
	size_t i, j;

	for (i = 0; i < im->norder; i++) {
		if (im->rollup) {
			struct group *g = im->order[i];
			size_t nk = im->kind == CS_KIND_USAGE ? 4 : 1;

			for (j = 0; j < nk; j++)
				free(g->key[j]);
			free(g->key);
			free(g);
		} else {
			free(im->order[i]);
		}
	}
	free(im->order);
	im->order = NULL;
	im->norder = im->cap_order = 0;
	cs_strmap_release(&im->groups);
}

static int
process_row(struct cs_import *im, const struct cs_row *row, struct cs_error *err)
{
	int rc = convert_row(im, row, err);

	if (rc < 0)
		return -1;
	if (rc > 0)
		return write_reject(im, row, err);
	if (im->fold)
		return fold_row(im);
	if (im->rollup)
		return rollup_row(im);
	return emit(im, err);
}

/* ---- files ---- */

struct cs_import *
cs_import_new(const struct cs_import_options *o, struct cs_writer *out, struct cs_writer *rejects,
        struct cs_error *err)
{
	struct cs_import *im = xcalloc(1, sizeof *im);

	im->o = *o;
	im->out = out;
	im->rej = rejects;
	im->kind = CS_KIND_NONE;
	cs_mapping_init(&im->user_map);
	cs_mapping_init(&im->file_map);
	cs_buf_init(&im->reason);
	cs_buf_init(&im->rec);
	cs_strmap_init(&im->groups);
	if (o->mapping) {
		if (cs_mapping_load(&im->user_map, o->mapping, err) < 0)
			goto fail;
		im->have_user_map = 1;
	}
	if (o->rules && (im->rules = cs_rules_load(o->rules, err)) == NULL)
		goto fail;
	{
		const char *tz = o->tz ? o->tz : im->have_user_map ? im->user_map.tz : NULL;

		if (tz && (im->tz = cs_tz_load(tz, err)) == NULL)
			goto fail;
	}
	if (rejects) {
		cs_rejects_init(&im->rejects, rejects);
	}
	return im;
fail:
	cs_import_free(im);
	return NULL;
}

/* The name a mapping file gives its source: its base name without the
 * extension. */
static const char *
mapping_source_name(const struct cs_mapping *m, char *buf, size_t size)
{
	const char *base = strrchr(m->file, '/');
	char *dot;

	if (m->source)
		return m->source;
	snprintf(buf, size, "%s", base ? base + 1 : m->file);
	dot = strrchr(buf, '.');
	if (dot && dot != buf)
		*dot = '\0';
	return buf;
}

/* Opens a file and picks and binds its mapping. */
static struct cs_csv_reader *
open_file(struct cs_import *im, const char *path, char *namebuf, size_t namesize,
        struct cs_error *err)
{
	struct cs_csv_options opt = im->o.csv;
	struct cs_csv_reader *r;
	const struct cs_source *src = NULL;
	enum cs_kind kind;

	if (im->have_user_map) {
		if (opt.delim == 0)
			opt.delim = im->user_map.delim;
		if (opt.encoding == NULL)
			opt.encoding = im->user_map.encoding;
	}
	r = cs_csv_open(path, &opt, err);
	if (r == NULL)
		return NULL;
	im->fname = cs_csv_name(r);
	im->header = cs_csv_header(r);
	kind = im->schema_done ? im->kind : im->o.kind;
	if (im->have_user_map) {
		im->map = &im->user_map;
		if (kind == CS_KIND_NONE)
			kind = im->user_map.kind;
		if (kind == CS_KIND_NONE) {
			cs_error_set(err, im->user_map.file, 0,
			        "the mapping names no kind: add a 'kind' line or use -k");
			goto fail;
		}
		im->source_name = mapping_source_name(&im->user_map, namebuf, namesize);
	} else {
		if (im->o.source)
			src = cs_source_find(im->o.source);
		else
			src = cs_source_detect(im->header, &kind);
		if (src == NULL) {
			cs_error_set(err, im->fname, 1,
			        "cannot tell what this export is from its header: name the "
			        "source with -f, the kind with -k, or a mapping with -m");
			goto fail;
		}
		if (strcmp(src->name, "raw") == 0)
			kind = CS_KIND_NONE;
		else if (src->kind != CS_KIND_NONE)
			kind = src->kind;
		else if (kind == CS_KIND_NONE) {
			kind = im->o.kind;
			if (kind == CS_KIND_NONE && cs_source_detect(im->header, &kind) == NULL) {
				cs_error_set(err, im->fname, 1,
				        "no kind's required columns in the header: use -k or -m");
				goto fail;
			}
		}
		if (im->schema_done && kind != im->kind) {
			cs_error_set(err, im->fname, 1, "this file is %s, the first was %s",
			        cs_kind_name(kind), cs_kind_name(im->kind));
			goto fail;
		}
		if (strcmp(src->name, "raw") != 0 &&
		        cs_source_mapping(src, kind, im->header, &im->file_map, err) < 0)
			goto fail;
		im->map = &im->file_map;
		im->source_name = src->name;
	}
	if (im->schema_done && kind != im->kind) {
		cs_error_set(err, im->fname, 1, "this file is %s, the first was %s",
		        cs_kind_name(kind), cs_kind_name(im->kind));
		goto fail;
	}
	im->kind = kind;
	im->file_tz = im->tz;
	if (!im->o.tz && im->map->tz && !(im->have_user_map)) {
		if ((im->file_tz_owned = cs_tz_load(im->map->tz, err)) == NULL)
			goto fail;
		im->file_tz = im->file_tz_owned;
	}
	if (bind_file(im, err) < 0)
		goto fail;
	return r;
fail:
	release_binding(im);
	cs_csv_close(r);
	return NULL;
}

static struct held *
hold_row(const struct cs_row *row, size_t *bytes)
{
	size_t i, total = sizeof(struct held) + row->n * (sizeof(char *) + sizeof(size_t));
	struct held *h;
	char *p;

	for (i = 0; i < row->n; i++)
		total += row->len[i] + 1;
	if (row->problem)
		total += strlen(row->problem) + 1;
	h = xmalloc(total);
	h->next = NULL;
	h->row = *row;
	h->row.f = (char **)(h + 1);
	h->row.len = (size_t *)(h->row.f + row->n);
	p = (char *)(h->row.len + row->n);
	for (i = 0; i < row->n; i++) {
		memcpy(p, row->f[i], row->len[i]);
		p[row->len[i]] = '\0';
		h->row.f[i] = p;
		h->row.len[i] = row->len[i];
		p += row->len[i] + 1;
	}
	if (row->problem) {
		strcpy(p, row->problem);
		h->row.problem = p;
	}
	*bytes += total;
	return h;
}

/* Feeds a row to the columns still deciding their date order; returns how
 * many are still undecided. */
static size_t
sniff_row(struct cs_import *im, const struct cs_row *row)
{
	size_t i, left = 0;

	if (row->problem)
		return 1;
	for (i = 0; i < im->nout; i++) {
		struct bcol *b = &im->bc[i];
		const char *v;
		size_t l;

		if (!b->sniffing)
			continue;
		raw_value(b, row, &v, &l);
		if (l && !(im->map->nempty && is_empty_value(im->map, v, l)) &&
		        !cs_is_placeholder(v, l))
			cs_order_sniff_add(&b->sniff, v, l);
		/* Year-first values read the same in every order, so only a
		 * day-first or month-first verdict settles a column. */
		{
			enum cs_date_order o = cs_order_sniff_result(&b->sniff);

			if (o != CS_ORDER_DMY && o != CS_ORDER_MDY)
				left++;
		}
	}
	return left;
}

static size_t
sniff_pending(const struct cs_import *im)
{
	size_t i, n = 0;

	for (i = 0; i < im->nout; i++)
		n += im->bc[i].sniffing;
	return n;
}

/* Settles every sniffed column's order; undecided columns follow the
 * columns that decided, else day-first. */
static void
decide_orders(struct cs_import *im)
{
	enum cs_date_order fallback = CS_ORDER_AUTO;
	size_t i;

	for (i = 0; i < im->nout; i++) {
		struct bcol *b = &im->bc[i];
		enum cs_date_order o;

		if (!b->sniffing)
			continue;
		o = cs_order_sniff_result(&b->sniff);
		if ((o == CS_ORDER_DMY || o == CS_ORDER_MDY) && fallback == CS_ORDER_AUTO)
			fallback = o;
	}
	for (i = 0; i < im->nout; i++) {
		struct bcol *b = &im->bc[i];
		enum cs_date_order o;

		if (!b->sniffing)
			continue;
		b->sniffing = 0;
		o = cs_order_sniff_result(&b->sniff);
		if (o == CS_ORDER_DMY || o == CS_ORDER_MDY) {
			b->order = o;
			b->order_why = "the data";
		} else if (o == CS_ORDER_YMD) {
			b->order = fallback != CS_ORDER_AUTO ? fallback : CS_ORDER_DMY;
			b->order_why = fallback != CS_ORDER_AUTO
			        ? "year first in the data; other values as the other columns"
			        : "year first in the data; other values day first";
		} else if (fallback != CS_ORDER_AUTO) {
			b->order = fallback;
			b->order_why = "the other columns (this one does not decide)";
		} else {
			b->order = CS_ORDER_DMY;
			b->order_why = "the default (the data does not decide)";
		}
	}
}

/* Reads the first rows until the date orders are decided; returns them
 * held, in order, or sets *rc to -1 on a fatal error. */
static struct held *
sniff_phase(struct cs_import *im, struct cs_csv_reader *r, int *eof, int *rc, struct cs_error *err)
{
	struct held *first = NULL, **tail = &first;
	struct cs_row row;
	size_t bytes = 0, nrows = 0;

	*eof = 0;
	*rc = 0;
	if (sniff_pending(im) == 0)
		return NULL;
	for (;;) {
		int got = cs_csv_read(r, &row, err);

		if (got < 0) {
			*rc = -1;
			break;
		}
		if (got == 0) {
			*eof = 1;
			break;
		}
		*tail = hold_row(&row, &bytes);
		tail = &(*tail)->next;
		nrows++;
		if (sniff_row(im, &row) == 0 || nrows >= SNIFF_ROWS || bytes >= SNIFF_BYTES)
			break;
	}
	decide_orders(im);
	return first;
}

static void
free_held(struct held *h)
{
	while (h) {
		struct held *next = h->next;
		free(h);
		h = next;
	}
}

/* Takes one record: a report footer is held back until the input shows
 * whether more data follows it. */
static int
feed(struct cs_import *im, const struct cs_row *row, struct cs_error *err)
{
	int rc = 0;

	im->counts.records++;
	if (im->map->footer && im->header->n > 1 && row->n == 1 && im->nfooter < FOOTER_MAX) {
		size_t bytes = 0;
		struct held **tail = &im->footer;

		while (*tail)
			tail = &(*tail)->next;
		*tail = hold_row(row, &bytes);
		im->nfooter++;
		return 0;
	}
	while (im->footer && rc == 0) {
		struct held *h = im->footer;

		im->footer = h->next;
		im->nfooter--;
		rc = process_row(im, &h->row, err);
		free(h);
	}
	if (rc < 0)
		return rc;
	return process_row(im, row, err);
}

/*
 * Reading and converting on two cores.  Parsing is most of the work, so a
 * reader thread parses records into batches (fields copied into one block
 * per batch) while the calling thread converts and writes the batch before
 * it.  Three batches circulate between a free list and a full queue, so
 * memory stays bounded whatever the input's size, and rows are converted
 * in input order.  Only the reader thread touches the reader; only the
 * calling thread touches everything else.
 */
#define BATCH_ROWS 2048
#define BATCH_BYTES ((size_t)1 << 20)
#define NBATCHES 3

struct batch {
	struct cs_row *rows;
	size_t nrows;
	char *data; /* the fields and problems of every row, NUL-terminated */
	size_t dlen, dcap;
	char **f; /* all rows' field pointers, one run per row */
	size_t *len;
	size_t nf, fcap;
	int end; /* 0 more to come, 1 end of input, -1 read error */
	struct cs_error err;
	unsigned long long bytes; /* input read when the batch was full */
	struct batch *next;
};

struct pipeline {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch *free_list, *full_head, *full_tail;
	int stop;
	struct cs_csv_reader *r;
	struct batch batches[NBATCHES];
};

/* Appends a record to a batch; offsets stand in for pointers until the
 * batch is full, since data may move as it grows. */
static void
batch_add(struct batch *b, const struct cs_row *row)
{
	size_t i, need = 0, plen = row->problem ? strlen(row->problem) + 1 : 0;
	struct cs_row *dst;

	for (i = 0; i < row->n; i++)
		need += row->len[i] + 1;
	if (b->dlen + need + plen > b->dcap)
		b->data = xgrow(b->data, &b->dcap, b->dlen + need + plen, 1);
	if (b->nf + row->n > b->fcap) {
		b->f = xgrow(b->f, &b->fcap, b->nf + row->n, sizeof *b->f);
		b->len = xreallocarray(b->len, b->fcap, sizeof *b->len);
	}
	dst = &b->rows[b->nrows++];
	*dst = *row;
	dst->f = (char **)(uintptr_t)b->nf;
	if (row->n > 0 && row->f[row->n - 1] + row->len[row->n - 1] + 1 == row->f[0] + need) {
		/* The reader keeps a record's fields back to back, each with
		 * its NUL: one copy takes them all. */
		memcpy(b->data + b->dlen, row->f[0], need);
		for (i = 0; i < row->n; i++) {
			b->f[b->nf] =
			        (char *)(uintptr_t)(b->dlen + (size_t)(row->f[i] - row->f[0]));
			b->len[b->nf] = row->len[i];
			b->nf++;
		}
		b->dlen += need;
	} else {
		for (i = 0; i < row->n; i++) {
			memcpy(b->data + b->dlen, row->f[i], row->len[i]);
			b->data[b->dlen + row->len[i]] = '\0';
			b->f[b->nf] = (char *)(uintptr_t)b->dlen;
			b->len[b->nf] = row->len[i];
			b->nf++;
			b->dlen += row->len[i] + 1;
		}
	}
	if (row->problem) {
		memcpy(b->data + b->dlen, row->problem, plen);
		dst->problem = (const char *)(uintptr_t)(b->dlen + 1);
		b->dlen += plen;
	}
}

/* Turns the offsets of a full batch into pointers. */
static void
batch_fix(struct batch *b)
{
	size_t i, j;

	for (i = 0; i < b->nrows; i++) {
		struct cs_row *row = &b->rows[i];
		size_t first = (size_t)(uintptr_t)row->f;

		for (j = 0; j < row->n; j++)
			b->f[first + j] = b->data + (size_t)(uintptr_t)b->f[first + j];
		row->f = b->f + first;
		row->len = b->len + first;
		if (row->problem)
			row->problem = b->data + ((size_t)(uintptr_t)row->problem - 1);
	}
}

static void *
read_batches(void *arg)
{
	struct pipeline *p = arg;

	for (;;) {
		struct batch *b;
		struct cs_row row;
		int got = 1;

		pthread_mutex_lock(&p->mu);
		while (p->free_list == NULL && !p->stop)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->stop) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		b = p->free_list;
		p->free_list = b->next;
		pthread_mutex_unlock(&p->mu);

		b->nrows = b->dlen = b->nf = 0;
		b->end = 0;
		while (b->nrows < BATCH_ROWS && b->dlen < BATCH_BYTES) {
			got = cs_csv_read(p->r, &row, &b->err);
			if (got <= 0)
				break;
			batch_add(b, &row);
		}
		batch_fix(b);
		b->end = got < 0 ? -1 : got == 0 ? 1 : 0;
		b->bytes = cs_csv_bytes(p->r);

		pthread_mutex_lock(&p->mu);
		b->next = NULL;
		if (p->full_tail)
			p->full_tail->next = b;
		else
			p->full_head = b;
		p->full_tail = b;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		if (b->end)
			return NULL;
	}
}

/* Converts the rest of the input with a reader thread; returns 0, or -1
 * with err filled.  *started is 0 when no thread could be started (the
 * caller then reads on its own). */
static int
convert_threaded(struct cs_import *im, struct cs_csv_reader *r, int *started, struct cs_error *err)
{
	struct pipeline p;
	pthread_t th;
	int rc = 0, i;

	memset(&p, 0, sizeof p);
	p.r = r;
	for (i = 0; i < NBATCHES; i++) {
		p.batches[i].rows = xcalloc(BATCH_ROWS, sizeof *p.batches[i].rows);
		p.batches[i].next = p.free_list;
		p.free_list = &p.batches[i];
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	*started = pthread_create(&th, NULL, read_batches, &p) == 0;
	if (*started) {
		for (;;) {
			struct batch *b;
			size_t k;
			int end;

			pthread_mutex_lock(&p.mu);
			while (p.full_head == NULL)
				pthread_cond_wait(&p.cv, &p.mu);
			b = p.full_head;
			p.full_head = b->next;
			if (p.full_head == NULL)
				p.full_tail = NULL;
			pthread_mutex_unlock(&p.mu);

			for (k = 0; k < b->nrows && rc == 0; k++)
				rc = feed(im, &b->rows[k], err);
			if (rc == 0 && im->o.progress)
				im->o.progress(im->o.ctx, b->bytes);
			end = b->end;
			if (rc == 0 && end < 0) {
				*err = b->err;
				rc = -1;
			}

			pthread_mutex_lock(&p.mu);
			b->next = p.free_list;
			p.free_list = b;
			if (rc != 0 || end)
				p.stop = 1;
			pthread_cond_broadcast(&p.cv);
			pthread_mutex_unlock(&p.mu);
			if (rc != 0 || end)
				break;
		}
		pthread_join(th, NULL);
	}
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	for (i = 0; i < NBATCHES; i++) {
		free(p.batches[i].rows);
		free(p.batches[i].data);
		free(p.batches[i].f);
		free(p.batches[i].len);
	}
	return rc;
}

int
cs_import_file(struct cs_import *im, const char *path, struct cs_error *err)
{
	char namebuf[256];
	struct cs_csv_reader *r;
	struct held *held, *h;
	struct cs_row row;
	int eof, rc = 0, got;

	r = open_file(im, path, namebuf, sizeof namebuf, err);
	if (r == NULL)
		return -1;
	held = sniff_phase(im, r, &eof, &rc, err);
	for (h = held; h && rc == 0; h = h->next)
		rc = feed(im, &h->row, err);
	free_held(held);
	if (rc == 0 && !eof) {
		int started;

		rc = convert_threaded(im, r, &started, err);
		if (started)
			eof = 1;
	}
	while (rc == 0 && !eof) {
		got = cs_csv_read(r, &row, err);
		if (got <= 0) {
			rc = got;
			break;
		}
		if (im->o.progress && (im->counts.records + 1) % PROGRESS_EVERY == 0)
			im->o.progress(im->o.ctx, cs_csv_bytes(r));
		rc = feed(im, &row, err);
	}
	im->counts.footer += (long)im->nfooter;
	free_held(im->footer);
	im->footer = NULL;
	im->nfooter = 0;
	release_binding(im);
	cs_csv_close(r);
	return rc < 0 ? -1 : 0;
}

int
cs_import_finish(struct cs_import *im, struct cs_error *err)
{
	int rc = 0;

	if (im->fold || im->rollup)
		rc = flush_groups(im, err);
	if (rc == 0)
		rc = cs_writer_flush(im->out, err);
	if (rc == 0 && im->rej)
		rc = cs_writer_flush(im->rej, err);
	return rc;
}

int
cs_import_sniff(struct cs_import *im, const char *path, struct cs_buf *out, struct cs_error *err)
{
	char namebuf[256];
	struct cs_csv_reader *r;
	struct held *held;
	int eof, rc;
	size_t i;
	const char *p;

	im->sniffing = 1;
	r = open_file(im, path, namebuf, sizeof namebuf, err);
	if (r == NULL)
		return -1;
	held = sniff_phase(im, r, &eof, &rc, err);
	free_held(held);
	if (rc < 0) {
		release_binding(im);
		cs_csv_close(r);
		return -1;
	}
	cs_buf_printf(out, "file: %s\n", im->fname);
	cs_buf_printf(out, "source: %s\n",
	        im->map == &im->user_map           ? im->user_map.file
	                : im->kind == CS_KIND_NONE ? "raw"
	                                           : im->source_name);
	cs_buf_printf(out, "kind: %s\n", cs_kind_name(im->kind));
	cs_buf_printf(out, "delimiter: %s\n", delim_name(cs_csv_delim(r)));
	cs_buf_printf(out, "encoding: %s\n", cs_csv_encoding(r));
	if (im->fold)
		cs_buf_printf(out, "fold: one row per id, the latest by updated_at\n");
	if (im->rollup)
		cs_buf_printf(out, "rollup: %s\n",
		        im->kind == CS_KIND_USAGE ? "one row per account, date, user, feature"
		                                  : "one row per start");
	cs_buf_printf(out, "columns:\n");
	for (i = 0; i < im->nout; i++) {
		const struct ocol *oc = &im->ocols[i];
		const struct bcol *b = &im->bc[i];

		if (oc->role == ROLE_RULE) {
			cs_buf_printf(out, "  %s: the rules that matched\n", oc->name);
			continue;
		}
		cs_buf_printf(out, "  %s: ", oc->name);
		if (b->from_desc)
			cs_buf_printf(
			        out, "%s '%s'", b->nparts ? "template" : "from", b->from_desc);
		else if (b->constant)
			cs_buf_printf(out, "constant '%s'", b->constant);
		else if ((int)i == im->c_first_min || (int)i == im->c_res_min)
			cs_buf_printf(out, "computed from timestamps");
		else
			cs_buf_printf(out, "empty");
		if (b->mc && b->mc->format)
			cs_buf_printf(out, ", format '%s'", b->mc->format);
		else if (b->order_why)
			cs_buf_printf(
			        out, ", date order %s (%s)", cs_order_name(b->order), b->order_why);
		if (oc->role == ROLE_EXTRA)
			cs_buf_printf(out, " (carried through)");
		cs_buf_addc(out, '\n');
	}
	cs_buf_printf(out, "mapping:\n");
	p = im->kind == CS_KIND_NONE ? "" : im->map->text ? im->map->text : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		cs_buf_printf(out, "  %.*s\n", (int)n, p);
		p += n + (nl != NULL);
	}
	release_binding(im);
	cs_csv_close(r);
	return 0;
}

void
cs_import_free(struct cs_import *im)
{
	size_t i;

	if (im == NULL)
		return;
	release_binding(im);
	free_groups(im);
	free_lookups(im);
	if (im->rej)
		cs_rejects_release(&im->rejects);
	cs_mapping_release(&im->user_map);
	cs_rules_free(im->rules);
	cs_tz_free(im->tz);
	for (i = 0; i < im->nout; i++)
		free(im->ocols[i].name);
	free(im->ocols);
	free(im->val);
	free(im->vlen);
	free(im->plain);
	cs_buf_release(&im->reason);
	cs_buf_release(&im->rec);
	free(im);
}
