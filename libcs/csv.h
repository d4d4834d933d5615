/*
 * Reading CSV and TSV, built on libcsv.
 *
 * A reader opens a file (or stdin, or a gzip file, or a memory block),
 * converts it to UTF-8 when it is UTF-16 (known by its byte order mark, or
 * by the zero bytes of its first two ASCII characters) or the caller names
 * a legacy encoding, strips a UTF-8 BOM, detects the delimiter from the header line
 * (comma, semicolon, tab or pipe, unless forced), and hands back one record
 * at a time with byte-exact fields: nothing is trimmed, CRLF and LF both end
 * a record, blank lines are skipped, a quote inside an unquoted field is
 * kept as written (37.8"N), and text after the closing quote of a quoted
 * field continues that field ("abc"x reads as abcx, as Python and Excel
 * read it).  Quoting works the same with every delimiter, TSV included.
 *
 * Problems confined to one record (a ragged row, a field over the size
 * limit, invalid UTF-8, a NUL byte) do not stop the reader: the record comes
 * back with row->problem saying what is wrong, so the program can reject it
 * and go on.  Damage that leaves the rest of the input unreadable (a quoted
 * field that never closes, an I/O error, corrupt gzip data) is fatal:
 * cs_csv_read returns -1 with the error naming the line where the damage
 * began, and every later call returns -1 again.
 *
 * Line numbers are physical lines of the input, 1-based, counted by the
 * reader itself (libcsv reports only byte offsets): blank lines count, and
 * a line is ended by LF only, so in a file whose records end with a lone CR
 * every record is on line 1.
 *
 * Memory does not grow with the input: it is read in 64 KiB chunks, a field
 * over max_field is cut to its first max_field bytes as it is read, and a
 * record keeps at most 8 * max_field bytes (8 MiB at least).
 */
#ifndef CS_CSV_H
#define CS_CSV_H

#include <stddef.h>

#include "libcs/error.h"

#define CS_CSV_MAX_FIELD_DEFAULT ((size_t)1 << 20)

struct cs_csv_options {
	int delim; /* 0: detect from the header line; else one byte,
		    * not a quote, CR or LF ("invalid delimiter") */
	size_t max_field; /* bytes; 0 means CS_CSV_MAX_FIELD_DEFAULT */
	const char *encoding; /* NULL or "utf-8": UTF-8 (UTF-16 with BOM
			       * detected); "cp1252", "latin1" converted */
};

void cs_csv_options_init(struct cs_csv_options *opt);

/*
 * One record.  Every pointer is borrowed from the reader and valid until the
 * next cs_csv_read or cs_csv_close.  f[i] is NUL-terminated and len[i] is
 * its length in bytes (a field may hold a NUL byte; then problem says so).
 *
 * problem is one of, the first found winning:
 *   "field 3 is longer than 1048576 bytes"   f[2] holds its first bytes
 *   "record is longer than 8388608 bytes"    fields past the limit dropped
 *   "expected 12 fields, found 11"           n is what the line holds
 *   "NUL byte in field 2"
 *   "invalid UTF-8 in field 4"               (after conversion to UTF-8)
 * Otherwise the fields are exactly as read, so a program can write the
 * record to its rejects file.
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
 * A UTF-8 or UTF-16 byte order mark overrides opt->encoding; any encoding
 * other than utf-8, utf-16le, utf-16be, cp1252 (windows-1252) or latin1
 * (iso-8859-1) is an error ("unsupported encoding 'x'").  opt may be NULL.
 * The header record is read at once: an input with no header is an error
 * ("empty input, no header row").  A header-only input is fine: the first
 * cs_csv_read returns 0. */
struct cs_csv_reader *cs_csv_open(
        const char *path, const struct cs_csv_options *opt, struct cs_error *err);

/* The same over a memory block (copied), for tests and for data the
 * program already holds; name appears in messages. */
struct cs_csv_reader *cs_csv_open_mem(const char *name, const void *data, size_t len,
        const struct cs_csv_options *opt, struct cs_error *err);

/* Returns 1 with the next record in *row, 0 at the end of the input, -1 on a
 * fatal error. */
int cs_csv_read(struct cs_csv_reader *r, struct cs_row *row, struct cs_error *err);

/* The header record; valid until cs_csv_close.  Its problem is set when it
 * holds a NUL byte, invalid UTF-8 or an oversize name: the caller decides
 * whether that is fatal.  Every later record is checked against its field
 * count. */
const struct cs_row *cs_csv_header(const struct cs_csv_reader *r);

const char *cs_csv_name(const struct cs_csv_reader *r); /* "export.csv", "<stdin>" */
int cs_csv_delim(const struct cs_csv_reader *r); /* the delimiter in use */
const char *cs_csv_encoding(const struct cs_csv_reader *r); /* "utf-8", "utf-16le", "cp1252", ... */
long cs_csv_records(const struct cs_csv_reader *r); /* records read so far, header excluded */
/* Input bytes read so far, before inflation and conversion (for progress). */
unsigned long long cs_csv_bytes(const struct cs_csv_reader *r);

void cs_csv_close(struct cs_csv_reader *r);

/*
 * Column lookup in a header.  Names compare case-insensitively and ignoring
 * spaces, underscores and hyphens, so "First reply at", "first_reply_at"
 * and "FirstReplyAt" are one name.  Returns the index, or -1.
 */
int cs_csv_column(const struct cs_row *header, const char *name);

/* The first of a NULL-terminated list of aliases that the header has. */
int cs_csv_column_any(const struct cs_row *header, const char *const *aliases);

/*
 * Row accessors shared by every reader of a record kind.  cs_row_field gives
 * field col (borrowed like the row), or "" with length 0 when col is -1 (an
 * absent column) or the row is short.  cs_row_number reads it as a plain
 * decimal number ("12", "-3.5", "1e3"; no blanks, no hex, no nan or inf):
 * 0 with *v set, 1 when the field is empty (*v NaN), -1 when it is not such
 * a number or is out of range.  Callers apply their own sign rules.
 */
const char *cs_row_field(const struct cs_row *row, int col, size_t *len);
int cs_row_number(const struct cs_row *row, int col, double *v);

/* The same reading of any text of len bytes. */
int cs_number_parse(const char *s, size_t len, double *v);

/* Whether two column names are the same name under the rule above. */
int cs_csv_name_eq(const char *a, const char *b);

#endif
