/*
 * The growable buffer of buf.h.  The buffer keeps one spare byte for the
 * terminating NUL at all times.
 */
#include "libcs/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/xalloc.h"

void
cs_buf_init(struct cs_buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
}

void
cs_buf_release(struct cs_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
cs_buf_reset(struct cs_buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

static int
reserve(struct cs_buf *b, size_t n)
{
	if (n > CS_BUF_MAX - b->len)
		return -1;
	b->data = xgrow(b->data, &b->cap, b->len + n + 1, 1);
	return 0;
}

int
cs_buf_add(struct cs_buf *b, const void *p, size_t n)
{
	if (reserve(b, n) < 0)
		return -1;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
cs_buf_addc(struct cs_buf *b, char c)
{
	if (b->len + 1 < b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return 0;
	}
	return cs_buf_add(b, &c, 1);
}

int
cs_buf_adds(struct cs_buf *b, const char *s)
{
	return cs_buf_add(b, s, strlen(s));
}

int
cs_buf_vprintf(struct cs_buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, aq);
	va_end(aq);
	if (n < 0)
		return -1;
	if ((size_t)n >= b->cap - b->len) {
		if (reserve(b, (size_t)n) < 0)
			return -1;
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
	return 0;
}

int
cs_buf_printf(struct cs_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cs_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *
cs_buf_detach(struct cs_buf *b, size_t *len)
{
	char *p = b->data;

	if (len)
		*len = b->len;
	cs_buf_init(b);
	return p;
}

int
cs_buf_read_file(struct cs_buf *b, const char *path, size_t max, struct cs_error *err)
{
	FILE *fp = fopen(path, "rb");
	size_t start = b->len, n;
	char chunk[8192];
	int failed;

	if (fp == NULL)
		return cs_error_set(err, path, 0, "cannot open: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (b->len - start + n > max || cs_buf_add(b, chunk, n) < 0) {
			fclose(fp);
			return cs_error_set(err, path, 0, "file is larger than %zu bytes", max);
		}
	}
	failed = ferror(fp);
	fclose(fp);
	if (failed)
		return cs_error_set(err, path, 0, "read error: %s", strerror(errno));
	return 0;
}
