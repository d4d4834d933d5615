/*
 * Writing CSV and TSV.
 *
 * CSV follows RFC 4180 with "\n" line ends: a field is quoted only when it
 * holds the delimiter, a quote, CR or LF, or begins or ends with a space.
 * TSV writes fields as they are, except that backslash, tab, LF and CR are
 * written as \\, \t, \n and \r, so that every record is one line.
 *
 * The writer buffers its output and writes it in large blocks.  A write
 * error is remembered: cs_writer_flush and cs_writer_close report it.
 */
#ifndef CS_CSVOUT_H
#define CS_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

#include "libcs/error.h"

struct cs_writer;

/* fp is borrowed: the writer writes to it but never closes it.  name is used
 * in error messages ("<stdout>", "report.csv"). */
struct cs_writer *cs_writer_new(FILE *fp, const char *name, int tsv);

void cs_writer_field(struct cs_writer *w, const char *s, size_t len);
void cs_writer_fieldz(struct cs_writer *w, const char *s); /* NULL writes "" */

/* A field the caller knows needs no quoting or escaping in CSV or TSV (a
 * number, a canonical timestamp, an enumeration value): written as is,
 * without the scan for special bytes. */
void cs_writer_plain(struct cs_writer *w, const char *s, size_t len);
void cs_writer_fieldf(struct cs_writer *w, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* A number with at most `decimals` decimals and trailing zeros removed
 * (3.500 is written 3.5, 2.000 is written 2); NaN writes an empty field,
 * which means "unknown" in every record kind. */
void cs_writer_number(struct cs_writer *w, double v, int decimals);

/* Ends the record.  Returns -1 once a write has failed. */
int cs_writer_end(struct cs_writer *w);

/*
 * A whole record at once, for hot loops: plain[i] non-zero says field i
 * needs no quoting (as cs_writer_plain); plain may be NULL.  The record's
 * room is reserved once, so most fields are one copy.
 */
int cs_writer_record(struct cs_writer *w, const char *const *f, const size_t *len,
        const unsigned char *plain, size_t n);

/* A whole record at once. */
int cs_writer_row(struct cs_writer *w, char *const *f, const size_t *len, size_t n);

/* Writes out what is buffered; -1 and err filled on a write error. */
int cs_writer_flush(struct cs_writer *w, struct cs_error *err);

/* Flushes and frees the writer (not the FILE). */
int cs_writer_close(struct cs_writer *w, struct cs_error *err);

#endif
