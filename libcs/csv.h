/*
 * Reading CSV and TSV, built on libcsv.
 *
 * A reader opens a file (or stdin, or a gzip file, or a memory block),
 * converts it to UTF-8 when it is UTF-16 or the caller names a legacy
 * encoding, strips a UTF-8 BOM, detects the delimiter from the header line
 * (comma, semicolon, tab or pipe, unless forced), and hands back one record
 * at a time with byte-exact fields: nothing is trimmed, CRLF and LF both end
 * a record, a quote inside an unquoted field is kept as written.
 *
 * Problems confined to one record (a ragged row, a field over the size
 * limit, invalid UTF-8, a NUL byte) do not stop the reader: the record comes
 * back with row->problem saying what is wrong, so the program can reject it
 * and go on.  Damage that leaves the rest of the input unreadable (a quoted
 * field that never closes, an I/O error) is fatal: cs_csv_read returns -1
 * with the error naming the line where the damage began.
 *
 * Line numbers are physical lines of the input, 1-based, counted by the
 * reader itself (libcsv reports only byte offsets).
 */
#ifndef CS_CSV_H
#define CS_CSV_H

#include <stddef.h>

#include "libcs/error.h"

#define CS_CSV_MAX_FIELD_DEFAULT ((size_t)1 << 20)

struct cs_csv_options {
	int delim; /* 0: detect from the header line */
	size_t max_field; /* bytes; 0 means CS_CSV_MAX_FIELD_DEFAULT */
	const char *encoding; /* NULL or "utf-8": UTF-8 (UTF-16 with BOM
			       * detected); "cp1252", "latin1" converted */
};

void cs_csv_options_init(struct cs_csv_options *opt);

/*
 * One record.  Every pointer is borrowed from the reader and valid until the
 * next cs_csv_read or cs_csv_close.  f[i] is NUL-terminated and len[i] is
 * its length in bytes.
 */
struct cs_row {
	size_t n; /* number of fields */
	char **f;
	size_t *len;
	long line; /* physical line where the record begins */
	long lines; /* physical lines the record spans (>= 1) */
	const char *problem; /* NULL, or why the record is unusable:
			       * "expected 12 fields, found 11" */
};

struct cs_csv_reader;

/* path NULL or "-" reads stdin (shown as "<stdin>" in messages).  A path
 * ending in ".gz", or any input starting with the gzip magic, is inflated.
 * The header record is read at once: an input with no header is an error
 * ("empty input, no header row"). */
struct cs_csv_reader *cs_csv_open(
        const char *path, const struct cs_csv_options *opt, struct cs_error *err);

/* The same over a memory block (copied), for tests and for data the
 * program already holds; name appears in messages. */
struct cs_csv_reader *cs_csv_open_mem(const char *name, const void *data, size_t len,
        const struct cs_csv_options *opt, struct cs_error *err);

/* Returns 1 with the next record in *row, 0 at the end of the input, -1 on a
 * fatal error. */
int cs_csv_read(struct cs_csv_reader *r, struct cs_row *row, struct cs_error *err);

/* The header record; valid until cs_csv_close. */
const struct cs_row *cs_csv_header(const struct cs_csv_reader *r);

const char *cs_csv_name(const struct cs_csv_reader *r); /* "export.csv", "<stdin>" */
int cs_csv_delim(const struct cs_csv_reader *r); /* the delimiter in use */
const char *cs_csv_encoding(const struct cs_csv_reader *r); /* "utf-8", "utf-16le", "cp1252", ... */
long cs_csv_records(const struct cs_csv_reader *r); /* records read so far, header excluded */
unsigned long long cs_csv_bytes(const struct cs_csv_reader *r); /* input bytes consumed so far */

void cs_csv_close(struct cs_csv_reader *r);

/*
 * Column lookup in a header.  Names compare case-insensitively and ignoring
 * spaces, underscores and hyphens, so "First reply at", "first_reply_at"
 * and "FirstReplyAt" are one name.  Returns the index, or -1.
 */
int cs_csv_column(const struct cs_row *header, const char *name);

/* The first of a NULL-terminated list of aliases that the header has. */
int cs_csv_column_any(const struct cs_row *header, const char *const *aliases);

/* Whether two column names are the same name under the rule above. */
int cs_csv_name_eq(const char *a, const char *b);

#endif
