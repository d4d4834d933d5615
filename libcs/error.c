/*
 * Filling and formatting struct cs_error; see error.h for the contract.
 */
#include "libcs/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
cs_error_clear(struct cs_error *e)
{
	e->file[0] = '\0';
	e->line = 0;
	e->msg[0] = '\0';
}

int
cs_error_set(struct cs_error *e, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

const char *
cs_error_format(const struct cs_error *e, char *out, size_t size)
{
	if (e->file[0] && e->line > 0)
		snprintf(out, size, "%s:%ld: %s", e->file, e->line, e->msg);
	else if (e->file[0])
		snprintf(out, size, "%s: %s", e->file, e->msg);
	else
		snprintf(out, size, "%s", e->msg);
	return out;
}
