/*
 * A growable byte buffer.  Invariants: data is never NULL after
 * cs_buf_init, data[len] is always '\0' (so data is a C string when the
 * content holds no NUL), and len never exceeds CS_BUF_MAX; appending past
 * the maximum is refused with -1 and leaves the buffer unchanged.
 */
#ifndef CS_BUF_H
#define CS_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "libcs/error.h"

#define CS_BUF_MAX ((size_t)1 << 31)

/* The largest configuration file (mapping, rules, model, calendar) read. */
#define CS_CONFIG_MAX ((size_t)16 << 20)

struct cs_buf {
	char *data;
	size_t len;
	size_t cap;
};

void cs_buf_init(struct cs_buf *b);
void cs_buf_release(struct cs_buf *b);
void cs_buf_reset(struct cs_buf *b);
int cs_buf_add(struct cs_buf *b, const void *p, size_t n);
int cs_buf_addc(struct cs_buf *b, char c);
int cs_buf_adds(struct cs_buf *b, const char *s);
int cs_buf_printf(struct cs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cs_buf_vprintf(struct cs_buf *b, const char *fmt, va_list ap);

/* Appends the whole file at path, for the small files a program reads in one
 * piece (mapping, rules, model and calendar files).  Fails, naming the file,
 * when it cannot be opened or read or holds more than max bytes. */
int cs_buf_read_file(struct cs_buf *b, const char *path, size_t max, struct cs_error *err);

/* Hands the content to the caller (who frees it) and leaves b empty. */
char *cs_buf_detach(struct cs_buf *b, size_t *len);

#endif
