/*
 * The cs-import pipeline: from export rows to canonical rows.
 *
 * For each input file the importer opens a reader, picks the mapping (the
 * -m file, the -f source, or the source detected from the header), binds it
 * to the header once (every output column gets its source column indexes,
 * its type and its parsers), decides the date order of ambiguous time
 * columns from the first rows (buffering them until the data decides), then
 * converts every row.  A row that cannot be converted is rejected with its
 * line and reason; the import goes on unless strict is set.
 *
 * Output columns: the kind's canonical columns in their canonical order,
 * then the columns a mapping adds, then the source columns that no rule
 * read (under their own names), then "rule" with --explain.  Event logs are
 * folded (one row per id, latest state wins) or rolled up (usage summed per
 * account, user, date and feature), and then the rows come out at
 * cs_import_finish in the order their group first appeared.
 *
 * The importer writes to the writers it is given (borrowed) and never
 * prints: warnings go to the warn callback.  cs_import_file parses on a
 * thread of its own while the caller's thread converts; every callback and
 * every write happens on the caller's thread, and the thread is joined
 * before cs_import_file returns.
 */
#ifndef CS_IMPORT_H
#define CS_IMPORT_H

#include <stdint.h>

#include "libcs/buf.h"
#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/datetime.h"
#include "libcs/error.h"
#include "libcs/kinds.h"

#define CS_IMPORT_NO_TIME INT64_MIN

struct cs_import_options {
	const char *source; /* -f name; NULL detects from the header */
	enum cs_kind kind; /* -k; CS_KIND_NONE when not given */
	const char *mapping; /* -m path or NULL */
	const char *rules; /* -r path or NULL */
	int explain; /* add the "rule" column */
	int latest; /* keep the last state of each id */
	int64_t since, until; /* CS_IMPORT_NO_TIME when not given */
	const char *tz; /* NULL: the mapping's, else UTC */
	enum cs_date_order order; /* CS_ORDER_AUTO: decide per column */
	struct cs_csv_options csv; /* delim 0 and encoding NULL: the mapping's
				    * or detected */
	int strict; /* the first reject is an error */
	/* Called for each warning (may be NULL). */
	void (*warn)(void *ctx, const struct cs_error *e);
	/* Called now and then with the bytes read so far (may be NULL). */
	void (*progress)(void *ctx, unsigned long long done);
	void *ctx;
};

void cs_import_options_init(struct cs_import_options *o);

struct cs_import_counts {
	long records; /* data records read, header excluded */
	long written; /* rows written */
	long rejected;
	long filtered; /* outside --since/--until */
	long merged; /* folded into another row of the same id (fold,
		      * --latest) or rolled up into its group */
	long footer; /* a report's footer records, skipped */
};

struct cs_import;

/* Loads the mapping and rules files and the zone; out is where rows go and
 * rejects (may be NULL) where rejected rows go. */
struct cs_import *cs_import_new(const struct cs_import_options *o, struct cs_writer *out,
        struct cs_writer *rejects, struct cs_error *err);

/* Converts one input file (NULL or "-": stdin).  -1 on a fatal error (the
 * input is unreadable, a write failed, or a reject with strict). */
int cs_import_file(struct cs_import *im, const char *path, struct cs_error *err);

/* Writes out folded and rolled-up rows (and the header when no file had
 * any).  Call once after the last file. */
int cs_import_finish(struct cs_import *im, struct cs_error *err);

/* Describes what would be done with a file without converting it: the
 * source, kind, delimiter, encoding, each column's source and date order,
 * the extra columns, and the mapping's text. */
int cs_import_sniff(
        struct cs_import *im, const char *path, struct cs_buf *out, struct cs_error *err);

const struct cs_import_counts *cs_import_counts(const struct cs_import *im);

void cs_import_free(struct cs_import *im);

#endif
