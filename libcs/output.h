/*
 * Where a program's output goes: stdout, or a file written atomically.
 *
 * With a path, output goes to a temporary file in the same directory, which
 * cs_output_commit flushes, syncs and renames over the path, so a cron job
 * or a reader never sees half a report.  cs_output_abort removes the
 * temporary file; a program that fails calls it before exiting.
 *
 * A path that exists and is not a regular file (a device such as /dev/null
 * or /dev/full, a FIFO) is written in place instead, never renamed over.
 */
#ifndef CS_OUTPUT_H
#define CS_OUTPUT_H

#include <stdio.h>

#include "libcs/error.h"

struct cs_output {
	FILE *fp; /* where to write; stdout when no path was given */
	char *path; /* final path, or NULL for stdout */
	char *tmp; /* temporary path while open, or NULL */
	const char *name; /* for messages: the path or "<stdout>" */
};

/* path NULL or "-" means stdout. */
int cs_output_open(struct cs_output *o, const char *path, struct cs_error *err);
int cs_output_commit(struct cs_output *o, struct cs_error *err);
void cs_output_abort(struct cs_output *o);

#endif
