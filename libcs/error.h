/*
 * How the library reports failure.  A libcs function that can fail returns
 * a negative status and fills a struct cs_error; the program decides what to
 * print and which exit code to use.  The library itself never prints and
 * never exits (xalloc.h's out-of-memory is the one exception).
 *
 * A program prints an error as "PROGRAM: FILE:LINE: MESSAGE", leaving out
 * FILE when it is empty and LINE when it is 0; cs_error_format builds the
 * "FILE:LINE: MESSAGE" part.
 */
#ifndef CS_ERROR_H
#define CS_ERROR_H

#include <stddef.h>

struct cs_error {
	char file[256]; /* input or rule file; "" when not about a file */
	long line; /* 1-based line in file; 0 when not about a line */
	char msg[768]; /* lower case, no full stop: "unterminated quoted field" */
};

void cs_error_clear(struct cs_error *e);

/* Fills e and returns -1, so that "return cs_error_set(...)" reads well.
 * file may be NULL. */
int cs_error_set(struct cs_error *e, const char *file, long line, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Writes "FILE:LINE: MESSAGE" (or the shorter forms) into out. */
const char *cs_error_format(const struct cs_error *e, char *out, size_t size);

#endif
