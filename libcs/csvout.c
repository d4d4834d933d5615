/*
 * The buffered CSV/TSV writer of csvout.h.  Records are assembled in a
 * 64 KiB buffer and written with fwrite when it fills; the quoting decision
 * is made by scanning each field once.
 */
#include "libcs/csvout.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"
#include "libcs/xalloc.h"

#define FLUSH_AT (64 * 1024)

struct cs_writer {
	FILE *fp;
	char *name;
	int tsv;
	int nfields; /* fields written in the current record */
	int failed; /* errno of the first failed write, or 0 */
	struct cs_buf out;
};

struct cs_writer *
cs_writer_new(FILE *fp, const char *name, int tsv)
{
	struct cs_writer *w = xcalloc(1, sizeof *w);

	w->fp = fp;
	w->name = xstrdup(name ? name : "<stdout>");
	w->tsv = tsv;
	cs_buf_init(&w->out);
	return w;
}

static void
drain(struct cs_writer *w)
{
	if (w->out.len == 0)
		return;
	if (!w->failed && fwrite(w->out.data, 1, w->out.len, w->fp) != w->out.len)
		w->failed = errno ? errno : EIO;
	cs_buf_reset(&w->out);
}

/* Whether any byte of the 8 in x is c (the classic has-zero-byte trick on
 * x ^ c repeated). */
#define ONES ((uint64_t)0x0101010101010101ULL)
#define HIGHS ((uint64_t)0x8080808080808080ULL)
static inline int
has_byte(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (ONES * c);

	return ((y - ONES) & ~y & HIGHS) != 0;
}

/* Whether s holds any of the bytes a, b, c, d (none of them NUL); scans
 * eight bytes at a time, since every byte of the output passes here. */
static int
has_any(const char *s, size_t len, unsigned char a, unsigned char b, unsigned char c,
        unsigned char d)
{
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, 8);
		if (has_byte(x, a) || has_byte(x, b) || has_byte(x, c) || has_byte(x, d))
			return 1;
	}
	if (i < len) {
		/* The tail, padded with NUL bytes, which are never special. */
		uint64_t x = 0;

		memcpy(&x, s + i, len - i);
		if (has_byte(x, a) || has_byte(x, b) || has_byte(x, c) || has_byte(x, d))
			return 1;
	}
	return 0;
}

/* Whether a CSV field needs quotes. */
static int
needs_quotes(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (s[0] == ' ' || s[len - 1] == ' ')
		return 1;
	return has_any(s, len, ',', '"', '\n', '\r');
}

/* Whether a TSV field needs escapes. */
static int
needs_escapes(const char *s, size_t len)
{
	return has_any(s, len, '\\', '\t', '\n', '\r');
}

void
cs_writer_plain(struct cs_writer *w, const char *s, size_t len)
{
	if (w->out.cap - w->out.len > len + 1) {
		char *d = w->out.data + w->out.len;

		if (w->nfields++ > 0)
			*d++ = w->tsv ? '\t' : ',';
		memcpy(d, s, len);
		d[len] = '\0';
		w->out.len = (size_t)(d + len - w->out.data);
		return;
	}
	if (w->nfields++ > 0)
		cs_buf_addc(&w->out, w->tsv ? '\t' : ',');
	cs_buf_add(&w->out, s, len);
}

void
cs_writer_field(struct cs_writer *w, const char *s, size_t len)
{
	size_t i, start;

	/* The common case, a CSV field that needs no quotes, is one copy. */
	if (!w->tsv && !needs_quotes(s, len)) {
		cs_writer_plain(w, s, len);
		return;
	}
	if (w->nfields++ > 0)
		cs_buf_addc(&w->out, w->tsv ? '\t' : ',');
	if (w->tsv) {
		for (i = start = 0; i < len; i++) {
			const char *esc = NULL;

			switch (s[i]) {
			case '\\': esc = "\\\\"; break;
			case '\t': esc = "\\t"; break;
			case '\n': esc = "\\n"; break;
			case '\r': esc = "\\r"; break;
			}
			if (esc) {
				cs_buf_add(&w->out, s + start, i - start);
				cs_buf_add(&w->out, esc, 2);
				start = i + 1;
			}
		}
		cs_buf_add(&w->out, s + start, len - start);
		return;
	}
	if (!needs_quotes(s, len)) {
		cs_buf_add(&w->out, s, len);
		return;
	}
	cs_buf_addc(&w->out, '"');
	for (i = start = 0; i < len; i++) {
		if (s[i] == '"') {
			cs_buf_add(&w->out, s + start, i + 1 - start);
			cs_buf_addc(&w->out, '"');
			start = i + 1;
		}
	}
	cs_buf_add(&w->out, s + start, len - start);
	cs_buf_addc(&w->out, '"');
}

void
cs_writer_fieldz(struct cs_writer *w, const char *s)
{
	cs_writer_field(w, s ? s : "", s ? strlen(s) : 0);
}

void
cs_writer_fieldf(struct cs_writer *w, const char *fmt, ...)
{
	struct cs_buf tmp;
	va_list ap;

	cs_buf_init(&tmp);
	va_start(ap, fmt);
	cs_buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	cs_writer_field(w, tmp.data, tmp.len);
	cs_buf_release(&tmp);
}

void
cs_writer_number(struct cs_writer *w, double v, int decimals)
{
	char buf[64];
	int n;

	if (isnan(v) || isinf(v)) {
		cs_writer_field(w, "", 0);
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	n = snprintf(buf, sizeof buf, "%.*f", decimals, v);
	if (decimals > 0) {
		while (n > 0 && buf[n - 1] == '0')
			n--;
		if (n > 0 && buf[n - 1] == '.')
			n--;
	}
	/* Rounding can leave "-0": a value that rounds to zero is zero. */
	if (n == 2 && buf[0] == '-' && buf[1] == '0')
		buf[0] = '0', n = 1;
	cs_writer_field(w, buf, (size_t)n);
}

int
cs_writer_end(struct cs_writer *w)
{
	cs_buf_addc(&w->out, '\n');
	w->nfields = 0;
	if (w->out.len >= FLUSH_AT)
		drain(w);
	return w->failed ? -1 : 0;
}

int
cs_writer_record(struct cs_writer *w, const char *const *f, const size_t *len,
        const unsigned char *plain, size_t n)
{
	size_t i, need = n + 1;
	char *d;

	for (i = 0; i < n; i++)
		need += len[i];
	if (w->out.cap - w->out.len <= need) {
		for (i = 0; i < n; i++) {
			if (plain && plain[i])
				cs_writer_plain(w, f[i], len[i]);
			else
				cs_writer_field(w, f[i], len[i]);
		}
		return cs_writer_end(w);
	}
	d = w->out.data + w->out.len;
	for (i = 0; i < n; i++) {
		if (!(plain && plain[i]) &&
		        (w->tsv ? needs_escapes(f[i], len[i]) : needs_quotes(f[i], len[i]))) {
			/* Quoting or escaping: the general path, from where we are. */
			w->out.len = (size_t)(d - w->out.data);
			w->out.data[w->out.len] = '\0';
			w->nfields = (int)i;
			for (; i < n; i++) {
				if (plain && plain[i])
					cs_writer_plain(w, f[i], len[i]);
				else
					cs_writer_field(w, f[i], len[i]);
			}
			return cs_writer_end(w);
		}
		if (i > 0)
			*d++ = w->tsv ? '\t' : ',';
		memcpy(d, f[i], len[i]);
		d += len[i];
	}
	*d = '\0';
	w->out.len = (size_t)(d - w->out.data);
	w->nfields = (int)n;
	return cs_writer_end(w);
}

int
cs_writer_row(struct cs_writer *w, char *const *f, const size_t *len, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cs_writer_field(w, f[i], len ? len[i] : strlen(f[i]));
	return cs_writer_end(w);
}

int
cs_writer_flush(struct cs_writer *w, struct cs_error *err)
{
	drain(w);
	if (!w->failed && fflush(w->fp) != 0)
		w->failed = errno ? errno : EIO;
	if (w->failed)
		return cs_error_set(err, w->name, 0, "write error: %s", strerror(w->failed));
	return 0;
}

int
cs_writer_close(struct cs_writer *w, struct cs_error *err)
{
	int rc;

	if (w == NULL)
		return 0;
	rc = cs_writer_flush(w, err);
	cs_buf_release(&w->out);
	free(w->name);
	free(w);
	return rc;
}
