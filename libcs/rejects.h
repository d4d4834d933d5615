/*
 * The rejects file that every program writes with --rejects FILE: CSV with
 * the columns file, line, reason, record, one row per rejected input row.
 * record is the original row written back as one CSV line (comma-separated,
 * fields quoted where needed), so that rejected rows can be fixed and read
 * again.  The writer is borrowed; the caller opens and commits it.
 */
#ifndef CS_REJECTS_H
#define CS_REJECTS_H

#include "libcs/buf.h"
#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/error.h"

struct cs_rejects {
	struct cs_writer *w;
	struct cs_buf record;
	long n; /* rows written */
};

/* Writes the header row. */
void cs_rejects_init(struct cs_rejects *r, struct cs_writer *w);

/* One rejected row: why->file, why->line and why->msg give the file, line
 * and reason.  Returns -1 once a write has failed (see cs_writer_end). */
int cs_rejects_add(struct cs_rejects *r, const struct cs_error *why, const struct cs_row *row);

void cs_rejects_release(struct cs_rejects *r);

#endif
