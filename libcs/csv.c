/*
 * The CSV/TSV reader of csv.h, over libcsv 3.0.3.
 *
 * Feeding.  The decoded input (decode.h) arrives in chunks of 64 KiB.  The
 * reader cuts each chunk into pieces that end just after a '\n' or a '\r'
 * (found with memchr) or at the end of the chunk, and hands libcsv one piece
 * at a time.  A piece therefore holds at most one record terminator, at its
 * end, so at most one record completes per piece: the reader returns as
 * soon as one has, and every callback knows the physical line it is on.  A
 * record split over two chunks needs no copying: libcsv keeps its own state
 * between calls.  Lines are counted on '\n' only, so the blank lines that
 * libcsv skips still count, and a lone '\r' (old Mac files) ends a record
 * without starting a new line.
 *
 * Quotes.  libcsv runs in strict mode, which stops at the two places where
 * a lenient reader has to decide: a quote inside an unquoted field, and
 * text after the closing quote of a quoted field.  On the first the reader
 * feeds that one quote again in non-strict mode, where libcsv keeps it as a
 * literal character (37.8"N stays as written).  On the second it drops the
 * closing quote from libcsv's field buffer and turns the field into an
 * unquoted one, so "abc"x reads as abcx, as Python's csv module and Excel
 * read it, instead of libcsv's lenient mode keeping the field open and
 * swallowing the records that follow.  What remains is a quoted field that
 * never closes: it runs to the end of the input (where the reader reports
 * the line the field began on) or, when a later quote happens to close it,
 * comes back as one long record, which the ragged-row check reports.  Both
 * rewrites touch only the public fields of struct csv_parser, between calls
 * to csv_parse, which keeps its working copies in locals during a call.
 *
 * Size limits.  libcsv grows its field buffer without bound.  After every
 * piece (at most 64 KiB) the reader looks at the buffer's fill; once a field
 * passes the limit it keeps the first max_field bytes and the last byte (a
 * closing quote libcsv will strip) and throws the middle away, so a 50 MB
 * field costs max_field plus one chunk.  The record's own storage is capped
 * too (CS_CSV_RECORD_FACTOR times max_field, and never less than that
 * times the default, counting 3 words of bookkeeping a field), so a line of
 * a million empty fields cannot exhaust memory either.
 *
 * Checks.  Each piece is scanned a word at a time for bytes >= 0x80 and NUL
 * bytes; only a record that has any gets its fields checked for NUL bytes
 * and well-formed UTF-8, so plain ASCII pays almost nothing.
 */
#include "libcs/csv.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcs/decode.h"
#include "libcs/xalloc.h"

/* libcsv's parser states (private to libcsv.c, stable since 2.0). */
enum { ROW_NOT_BEGUN = 0, FIELD_NOT_BEGUN = 1, FIELD_BEGUN = 2, FIELD_MIGHT_HAVE_ENDED = 3 };

#define CSV_OPTS (CSV_STRICT | CSV_APPEND_NULL)
#define CS_CSV_RECORD_FACTOR 8
#define NOT_SEARCHED SIZE_MAX

struct cs_csv_reader {
	char *name;
	struct cs_decode *dec;
	struct csv_parser p;
	int delim;
	size_t max_field, max_record;

	const char *buf; /* the current decoded chunk */
	size_t pos, end;
	size_t next_nl, next_cr; /* cached offsets of the next '\n' and '\r' */
	int eof, done, fatal;
	struct cs_error fatal_err;

	long line; /* physical line at pos */
	long rec_line; /* line where the record being read began */
	long field_line; /* line where the current field began; 0: rec_line */

	/* The record being read: field bytes, each NUL-terminated, one after
	 * the other in data (so field i starts after the i-1 before it). */
	char *data;
	size_t data_len, data_cap;
	size_t *len;
	char **f;
	size_t nf, f_cap;
	size_t seen; /* fields seen, stored or not */
	int row_done;
	long row_end_line;
	int odd; /* the record holds a byte >= 0x80 or a NUL */
	int field_big; /* the field in libcsv's buffer passed max_field */
	int too_long; /* the record passed max_record: later fields dropped */
	char problem[128];

	struct cs_row header;
	char *header_data;
	char header_problem[128];
	long records;
};

void
cs_csv_options_init(struct cs_csv_options *opt)
{
	opt->delim = 0;
	opt->max_field = 0;
	opt->encoding = NULL;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* Records why the record is unusable; the first problem found wins. */
static void __attribute__((format(printf, 2, 3)))
set_problem(struct cs_csv_reader *r, const char *fmt, ...)
{
	va_list ap;

	if (r->problem[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(r->problem, sizeof r->problem, fmt, ap);
	va_end(ap);
}

static void
on_field(void *s, size_t len, void *ctx)
{
	struct cs_csv_reader *r = ctx;
	size_t need;

	r->seen++;
	r->field_line = r->line;
	if (len > r->max_field || r->field_big) {
		set_problem(r, "field %zu is longer than %zu bytes", r->seen, r->max_field);
		if (len > r->max_field)
			len = r->max_field;
		r->field_big = 0;
	}
	if (r->too_long)
		return;
	need = r->data_len + len + 1;
	if (need + (r->nf + 1) * 3 * sizeof(size_t) > r->max_record) {
		r->too_long = 1;
		set_problem(r, "record is longer than %zu bytes", r->max_record);
		return;
	}
	if (r->nf == r->f_cap) {
		size_t cap = r->f_cap;

		r->len = xgrow(r->len, &cap, r->nf + 1, sizeof *r->len);
		r->f = xgrow(r->f, &r->f_cap, r->nf + 1, sizeof *r->f);
	}
	if (need > r->data_cap)
		r->data = xgrow(r->data, &r->data_cap, need, 1);
	memcpy(r->data + r->data_len, s, len);
	r->data[r->data_len + len] = '\0';
	r->len[r->nf] = len;
	r->nf++;
	r->data_len = need;
}

static void
on_row(int c, void *ctx)
{
	struct cs_csv_reader *r = ctx;

	(void)c;
	r->row_done = 1;
	r->row_end_line = r->line;
}

/* Whether n bytes at s hold a byte >= 0x80 or a NUL, a word at a time. */
static int
has_odd_bytes(const char *s, size_t n)
{
	const uint64_t hi = 0x8080808080808080ull, lo = 0x0101010101010101ull;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if ((w & hi) || ((w - lo) & ~w & hi))
			return 1;
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || s[i] == '\0')
			return 1;
	return 0;
}

/* Whether n bytes at s are well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF). */
static int
utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		unsigned lo = 0x80, hi = 0xbf;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			k = 2;
			if (c == 0xe0)
				lo = 0xa0;
			else if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 3;
			if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xf4)
				hi = 0x8f;
		} else
			return 0;
		if (n - i <= k)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		if (k >= 2 && (s[i + 2] & 0xc0) != 0x80)
			return 0;
		if (k == 3 && (s[i + 3] & 0xc0) != 0x80)
			return 0;
		i += k + 1;
	}
	return 1;
}

/* Hands n bytes to libcsv, resolving strict-mode stops as the top comment
 * says.  Returns -1 only when libcsv runs out of memory. */
static int
feed(struct cs_csv_reader *r, const char *s, size_t n)
{
	while (n > 0) {
		size_t k = csv_parse(&r->p, s, n, on_field, on_row, r);

		if (k >= n)
			break;
		if (csv_error(&r->p) != CSV_EPARSE)
			return -1;
		r->p.status = CSV_SUCCESS;
		if (r->p.pstate == FIELD_MIGHT_HAVE_ENDED) {
			/* Text after a closing quote: the field goes on unquoted. */
			r->p.entry_pos--;
			r->p.quoted = 0;
			r->p.pstate = FIELD_BEGUN;
			s += k;
			n -= k;
		} else {
			/* A quote inside an unquoted field: a literal quote. */
			csv_set_opts(&r->p, CSV_OPTS & ~CSV_STRICT);
			csv_parse(&r->p, s + k, 1, on_field, on_row, r);
			csv_set_opts(&r->p, CSV_OPTS);
			s += k + 1;
			n -= k + 1;
		}
	}
	if (r->p.entry_pos > r->max_field) {
		/* Keep the head and the last byte (maybe the closing quote). */
		r->p.entry_buf[r->max_field] = r->p.entry_buf[r->p.entry_pos - 1];
		r->p.entry_pos = r->max_field + 1;
		r->field_big = 1;
	}
	return 0;
}

/*
 * The fast path: a whole line that holds no quote and no CR, starting a
 * record, is split at the delimiter with memchr instead of going through
 * libcsv a byte at a time.  libcsv (with no space trimming) would make the
 * same fields of such a line, so the two paths cannot disagree; a blank
 * line, a quote, a CR or a line split over two chunks goes to libcsv.
 * Returns 1 when it read the line as a record, 0 when libcsv must.
 */
static int
feed_plain(struct cs_csv_reader *r, const char *s, size_t n)
{
	size_t len = n - 1, i, start = 0;
	char *d;

	/* Lines near a size limit go to libcsv's path, which cuts and reports. */
	if (n < 2 || s[len] != '\n' || len > r->max_field ||
	        (len + 1) * (1 + 3 * sizeof(size_t)) > r->max_record ||
	        memchr(s, '"', len) != NULL || memchr(s, '\r', len) != NULL)
		return 0;
	/* The line is copied once and cut in place: each delimiter becomes
	 * the NUL that ends its field, as on_field would have laid them out. */
	if (len + 1 > r->data_cap)
		r->data = xgrow(r->data, &r->data_cap, len + 1, 1);
	memcpy(r->data, s, len);
	r->data[len] = '\0';
	d = r->data;
	for (i = 0;; i++) {
		char *q = memchr(d + start, r->delim, len - start);
		size_t end = q ? (size_t)(q - d) : len;

		if (r->nf == r->f_cap) {
			size_t cap = r->f_cap;

			r->len = xgrow(r->len, &cap, r->nf + 1, sizeof *r->len);
			r->f = xgrow(r->f, &r->f_cap, r->nf + 1, sizeof *r->f);
		}
		d[end] = '\0';
		r->len[r->nf] = end - start;
		r->nf++;
		if (q == NULL)
			break;
		start = end + 1;
	}
	r->seen = r->nf;
	r->data_len = len + 1;
	r->field_line = r->line;
	on_row('\n', r);
	return 1;
}

static int
fail(struct cs_csv_reader *r, struct cs_error *err)
{
	r->fatal = 1;
	if (err != NULL)
		*err = r->fatal_err;
	return -1;
}

static void
reset_record(struct cs_csv_reader *r)
{
	r->data_len = 0;
	r->nf = 0;
	r->seen = 0;
	r->row_done = 0;
	r->odd = 0;
	r->too_long = 0;
	r->problem[0] = '\0';
}

/* The offset just past the next '\n' or '\r' at or after pos, or end. */
static size_t
piece_end(struct cs_csv_reader *r)
{
	const char *b = r->buf;
	size_t e;

	if (r->next_nl < r->pos || r->next_nl == NOT_SEARCHED) {
		const char *q = memchr(b + r->pos, '\n', r->end - r->pos);

		r->next_nl = q ? (size_t)(q - b) : r->end;
	}
	if (r->next_cr < r->pos || r->next_cr == NOT_SEARCHED) {
		const char *q = memchr(b + r->pos, '\r', r->end - r->pos);

		r->next_cr = q ? (size_t)(q - b) : r->end;
	}
	e = r->next_nl < r->next_cr ? r->next_nl : r->next_cr;
	return e < r->end ? e + 1 : r->end;
}

/* Reads on until one record is complete.  Returns 1, 0 at the end, -1. */
static int
next_record(struct cs_csv_reader *r)
{
	reset_record(r);
	for (;;) {
		size_t e;

		if (r->pos == r->end) {
			ssize_t n;

			if (r->eof)
				break;
			n = cs_decode_read(r->dec, &r->buf, &r->fatal_err);
			if (n < 0) {
				r->fatal_err.line = r->line;
				return -1;
			}
			if (n == 0) {
				r->eof = 1;
				break;
			}
			r->pos = 0;
			r->end = (size_t)n;
			r->next_nl = r->next_cr = NOT_SEARCHED;
		}
		if (r->p.pstate == ROW_NOT_BEGUN) {
			r->rec_line = r->line;
			r->field_line = 0;
		}
		e = piece_end(r);
		if (!r->odd && has_odd_bytes(r->buf + r->pos, e - r->pos))
			r->odd = 1;
		if (r->p.pstate == ROW_NOT_BEGUN && feed_plain(r, r->buf + r->pos, e - r->pos)) {
			r->line++;
			r->pos = e;
			return 1;
		}
		if (feed(r, r->buf + r->pos, e - r->pos) < 0) {
			cs_error_set(&r->fatal_err, r->name, r->line, "out of memory in libcsv");
			return -1;
		}
		if (r->buf[e - 1] == '\n')
			r->line++;
		r->pos = e;
		if (r->row_done)
			return 1;
	}
	if (r->done)
		return 0;
	r->done = 1;
	if (r->p.pstate == FIELD_BEGUN && r->p.quoted) {
		cs_error_set(&r->fatal_err, r->name, r->field_line ? r->field_line : r->rec_line,
		        "unterminated quoted field");
		return -1;
	}
	if (r->p.pstate == ROW_NOT_BEGUN)
		return 0;
	csv_fini(&r->p, on_field, on_row, r);
	return r->row_done;
}

/* Points f[] into data and looks for the problems found only at the end. */
static void
finish_record(struct cs_csv_reader *r, struct cs_row *row, size_t expect)
{
	size_t i, off = 0;

	for (i = 0; i < r->nf; i++) {
		r->f[i] = r->data + off;
		off += r->len[i] + 1;
	}
	if (expect && r->seen != expect)
		set_problem(r, "expected %zu fields, found %zu", expect, r->seen);
	if (r->odd && r->problem[0] == '\0') {
		for (i = 0; i < r->nf; i++) {
			if (memchr(r->f[i], '\0', r->len[i]) != NULL) {
				set_problem(r, "NUL byte in field %zu", i + 1);
				break;
			}
			if (!utf8_valid((const unsigned char *)r->f[i], r->len[i])) {
				set_problem(r, "invalid UTF-8 in field %zu", i + 1);
				break;
			}
		}
	}
	row->n = r->nf;
	row->f = r->f;
	row->len = r->len;
	row->line = r->rec_line;
	row->lines = r->row_end_line - r->rec_line + 1;
	row->problem = r->problem[0] ? r->problem : NULL;
}

/* The delimiter with the most occurrences outside quotes in the first
 * non-blank line of the chunk; comma when there is none, the earlier of
 * , ; tab | on a tie.  A quote opens only at the start of a field (after a
 * candidate delimiter), as in the parser, so a name like Size "L" does not
 * hide the delimiters after it. */
static int
detect_delim(const char *s, size_t n)
{
	static const char cands[] = {',', ';', '\t', '|'};
	size_t count[4] = {0, 0, 0, 0};
	int quoted = 0, at_start = 1, best = 0;
	size_t i = 0, j;

	while (i < n && (s[i] == '\n' || s[i] == '\r'))
		i++;
	for (; i < n; i++) {
		char c = s[i];
		const char *d;

		if (quoted) {
			if (c == '"' && i + 1 < n && s[i + 1] == '"')
				i++;
			else if (c == '"')
				quoted = 0;
			continue;
		}
		if (c == '\n' || c == '\r')
			break;
		if (c == '"' && at_start) {
			quoted = 1;
			continue;
		}
		d = c ? memchr(cands, c, sizeof cands) : NULL;
		if (d != NULL)
			count[d - cands]++;
		at_start = d != NULL;
	}
	for (j = 1; j < 4; j++)
		if (count[j] > count[best])
			best = (int)j;
	return count[best] ? cands[best] : ',';
}

static struct cs_csv_reader *
reader_open(struct cs_decode *dec, const char *name, const struct cs_csv_options *opt,
        struct cs_error *err)
{
	struct cs_csv_reader *r = xcalloc(1, sizeof *r);
	struct cs_row h;
	ssize_t n;
	size_t i, total;
	int rc;

	r->name = xstrdup(name);
	r->dec = dec;
	if (opt && opt->delim &&
	        (opt->delim < 1 || opt->delim > 255 || opt->delim == '"' || opt->delim == '\n' ||
	                opt->delim == '\r')) {
		cs_error_set(err, name, 0, "invalid delimiter");
		cs_csv_close(r);
		return NULL;
	}
	r->max_field = opt && opt->max_field ? opt->max_field : CS_CSV_MAX_FIELD_DEFAULT;
	r->max_record = r->max_field * CS_CSV_RECORD_FACTOR;
	if (r->max_record / CS_CSV_RECORD_FACTOR != r->max_field)
		r->max_record = SIZE_MAX;
	if (r->max_record < CS_CSV_RECORD_FACTOR * CS_CSV_MAX_FIELD_DEFAULT)
		r->max_record = CS_CSV_RECORD_FACTOR * CS_CSV_MAX_FIELD_DEFAULT;
	r->line = 1;
	if (csv_init(&r->p, CSV_OPTS) != 0) {
		cs_error_set(err, name, 0, "cannot start the CSV parser");
		cs_csv_close(r);
		return NULL;
	}
	csv_set_space_func(&r->p, no_space);
	/* Grow libcsv's field buffer in big steps: its growth is linear. */
	csv_set_blk_size(&r->p, 64 * 1024);

	n = cs_decode_read(dec, &r->buf, err);
	if (n < 0) {
		cs_csv_close(r);
		return NULL;
	}
	r->pos = 0;
	r->end = (size_t)n;
	r->next_nl = r->next_cr = NOT_SEARCHED;
	r->eof = n == 0;
	r->delim = opt && opt->delim ? opt->delim : detect_delim(r->buf, r->end);
	csv_set_delim(&r->p, (unsigned char)r->delim);

	rc = next_record(r);
	if (rc < 0) {
		*err = r->fatal_err;
		cs_csv_close(r);
		return NULL;
	}
	if (rc == 0) {
		cs_error_set(err, name, 0, "empty input, no header row");
		cs_csv_close(r);
		return NULL;
	}
	finish_record(r, &h, 0);
	/* Keep the header in storage of its own. */
	total = r->data_len;
	r->header_data = xmalloc(total ? total : 1);
	memcpy(r->header_data, r->data, total);
	r->header = h;
	r->header.f = xcalloc(h.n ? h.n : 1, sizeof *r->header.f);
	r->header.len = xcalloc(h.n ? h.n : 1, sizeof *r->header.len);
	for (i = 0; i < h.n; i++) {
		r->header.f[i] = r->header_data + (h.f[i] - r->data);
		r->header.len[i] = h.len[i];
	}
	if (h.problem) {
		snprintf(r->header_problem, sizeof r->header_problem, "%s", h.problem);
		r->header.problem = r->header_problem;
	}
	return r;
}

struct cs_csv_reader *
cs_csv_open(const char *path, const struct cs_csv_options *opt, struct cs_error *err)
{
	const char *name = path && strcmp(path, "-") != 0 ? path : "<stdin>";
	struct cs_decode *dec;
	int fd = 0, gz = 0;

	if (name != path) {
		fd = 0;
	} else {
		size_t l = strlen(path);

		fd = open(path, O_RDONLY);
		if (fd < 0) {
			cs_error_set(err, path, 0, "cannot open: %s", strerror(errno));
			return NULL;
		}
		gz = l > 3 && strcmp(path + l - 3, ".gz") == 0;
	}
	dec = cs_decode_new_fd(fd, fd != 0, gz, opt ? opt->encoding : NULL, name, err);
	if (dec == NULL)
		return NULL;
	return reader_open(dec, name, opt, err);
}

struct cs_csv_reader *
cs_csv_open_mem(const char *name, const void *data, size_t len, const struct cs_csv_options *opt,
        struct cs_error *err)
{
	struct cs_decode *dec = cs_decode_new_mem(data, len, opt ? opt->encoding : NULL, name, err);

	if (dec == NULL)
		return NULL;
	return reader_open(dec, name, opt, err);
}

int
cs_csv_read(struct cs_csv_reader *r, struct cs_row *row, struct cs_error *err)
{
	int rc;

	if (r->fatal)
		return fail(r, err);
	rc = next_record(r);
	if (rc < 0)
		return fail(r, err);
	if (rc == 0)
		return 0;
	finish_record(r, row, r->header.n);
	r->records++;
	return 1;
}

const struct cs_row *
cs_csv_header(const struct cs_csv_reader *r)
{
	return &r->header;
}

const char *
cs_csv_name(const struct cs_csv_reader *r)
{
	return r->name;
}

int
cs_csv_delim(const struct cs_csv_reader *r)
{
	return r->delim;
}

const char *
cs_csv_encoding(const struct cs_csv_reader *r)
{
	return cs_decode_encoding(r->dec);
}

long
cs_csv_records(const struct cs_csv_reader *r)
{
	return r->records;
}

unsigned long long
cs_csv_bytes(const struct cs_csv_reader *r)
{
	return cs_decode_bytes(r->dec);
}

void
cs_csv_close(struct cs_csv_reader *r)
{
	if (r == NULL)
		return;
	csv_free(&r->p);
	cs_decode_free(r->dec);
	free(r->name);
	free(r->data);
	free(r->len);
	free(r->f);
	free(r->header_data);
	free(r->header.f);
	free(r->header.len);
	free(r);
}

/* Advances past the characters the name rule ignores. */
static const char *
skip_ignored(const char *s)
{
	while (*s == ' ' || *s == '_' || *s == '-')
		s++;
	return s;
}

int
cs_csv_name_eq(const char *a, const char *b)
{
	for (;;) {
		int ca, cb;

		a = skip_ignored(a);
		b = skip_ignored(b);
		ca = (unsigned char)*a;
		cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return 0;
		if (ca == '\0')
			return 1;
		a++;
		b++;
	}
}

int
cs_csv_column(const struct cs_row *header, const char *name)
{
	size_t i;

	for (i = 0; i < header->n; i++)
		if (cs_csv_name_eq(header->f[i], name))
			return (int)i;
	return -1;
}

int
cs_csv_column_any(const struct cs_row *header, const char *const *aliases)
{
	for (; *aliases != NULL; aliases++) {
		int i = cs_csv_column(header, *aliases);

		if (i >= 0)
			return i;
	}
	return -1;
}

/* Plain decimals of at most 15 digits ("120", "3.25"), nearly every number
 * of a canonical stream, read exactly without strtod. */
static int
plain_decimal(const char *s, size_t len, double *out)
{
	static const double pow10[] = {
	        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	uint64_t mant = 0;
	size_t i, digits = 0, frac = 0;
	int dot = 0;

	if (len == 0 || len > 16 || s[0] == '.' || s[len - 1] == '.')
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		mant = mant * 10 + (uint64_t)(s[i] - '0');
		digits++;
		frac += dot;
	}
	/* At most 15 digits: the mantissa and the power of ten are exact, so
	 * the one division rounds as strtod does. */
	if (digits > 15)
		return -1;
	*out = (double)mant / pow10[frac];
	return 0;
}

const char *
cs_row_field(const struct cs_row *row, int col, size_t *len)
{
	if (col < 0 || (size_t)col >= row->n) {
		*len = 0;
		return "";
	}
	*len = row->len[col];
	return row->f[col];
}

int
cs_row_number(const struct cs_row *row, int col, double *v)
{
	size_t len;
	const char *s = cs_row_field(row, col, &len);

	return cs_number_parse(s, len, v);
}

int
cs_number_parse(const char *s, size_t len, double *v)
{
	size_t i = 0, digits = 0;
	char *end;

	*v = NAN;
	if (len == 0)
		return 1;
	if (plain_decimal(s, len, v) == 0)
		return 0;
	/* The shape first, so that strtod's blanks, hex and words are refused. */
	if (s[i] == '-' || s[i] == '+')
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	if (digits == 0)
		return -1;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t exp = 0;

		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			exp++;
		if (exp == 0)
			return -1;
	}
	if (i != len)
		return -1;
	errno = 0;
	*v = strtod(s, &end);
	if (errno == ERANGE && (*v > 1 || *v < -1)) {
		*v = NAN;
		return -1;
	}
	return 0;
}
