/*
 * Mapping files: how cs-import builds a canonical record kind from an
 * export.  The format is documented in cs-import(1), MAPPING FILES; the
 * built-in sources (source.c) are written in it too.
 *
 * A mapping is parsed once into a struct cs_mapping: directives, then one
 * struct cs_map_column per output column named by a rule, in the order the
 * columns first appear in the file.  Binding a mapping to an export's
 * header is import.c's business.  The mapping owns everything it points to;
 * cs_mapping_release frees it all.
 */
#ifndef CS_MAPPING_H
#define CS_MAPPING_H

#include <stddef.h>

#include "libcs/buf.h"
#include "libcs/datetime.h"
#include "libcs/error.h"
#include "libcs/kinds.h"
#include "libcs/regex.h"

enum cs_from_type {
	CS_FROM_NAME, /* a source column by name */
	CS_FROM_REGEX, /* the first source column whose name matches */
	CS_FROM_TEMPLATE /* text with {name} references */
};

struct cs_map_from {
	enum cs_from_type type;
	char *text; /* the name, the pattern or the template, as written */
	struct cs_regex *re; /* CS_FROM_REGEX */
	long line;
};

/* One value map: a regex, or a literal compared ignoring case and blanks. */
struct cs_map_value {
	struct cs_regex *re; /* NULL for a literal */
	char *literal;
	char *value; /* may hold \1 .. \9 */
	long line;
};

enum cs_keep { CS_KEEP_LAST, CS_KEEP_FIRST, CS_KEEP_MIN, CS_KEEP_MAX };

struct cs_map_column {
	char *name; /* output column */
	long line; /* first rule naming it */
	struct cs_map_from *from;
	size_t nfrom;
	char *format; /* NULL: the generic time parser */
	int has_unit;
	enum cs_unit unit;
	struct cs_map_value *maps;
	size_t nmaps;
	char *def; /* NULL: no default */
	char *lookup_file, *lookup_key, *lookup_value; /* lookup_file NULL: none */
	long lookup_line;
	int has_clamp;
	double clamp_min, clamp_max; /* -HUGE_VAL / HUGE_VAL for an open side */
	enum cs_keep keep;
};

struct cs_mapping {
	char *file; /* where it was read from, for messages */
	char *dir; /* the file's directory, for lookup files ("." when none) */
	char *source; /* the "source" directive, or NULL */
	enum cs_kind kind; /* CS_KIND_NONE when not given */
	int delim; /* 0 when not given */
	char *encoding, *tz; /* NULL when not given */
	enum cs_date_order order; /* CS_ORDER_AUTO when not given */
	int fold, rollup, extras;
	int footer; /* one-field records at the end are a report footer */
	long interval_min; /* 0 when not given */
	char **empty; /* values read as empty in every column */
	size_t nempty;
	struct cs_map_column *cols;
	size_t ncols;
	char *text; /* the mapping's text, for --sniff */
};

void cs_mapping_init(struct cs_mapping *m);
void cs_mapping_release(struct cs_mapping *m);

/* Parses text (len bytes) read from file; on error fills err with the
 * file, the line and what is wrong, and leaves m partly filled (release it
 * all the same). */
int cs_mapping_parse(
        struct cs_mapping *m, const char *file, const char *text, size_t len, struct cs_error *err);

/* Reads and parses a mapping file. */
int cs_mapping_load(struct cs_mapping *m, const char *path, struct cs_error *err);

/* A delimiter given by name (comma, semicolon, tab, pipe) or as one
 * character; -1 when neither. */
int cs_mapping_delim_from_name(const char *w);

/* The rules of an output column, or NULL. */
struct cs_map_column *cs_mapping_column(const struct cs_mapping *m, const char *name);

/* Adds an output column with no rules (or returns the existing one). */
struct cs_map_column *cs_mapping_add_column(struct cs_mapping *m, const char *name, long line);

/*
 * Applies a column's value maps to s (len bytes): returns 1 and sets *out
 * to the mapped value (in out_buf when it has substitutions, else a static
 * string of the mapping) when a map matched, 0 when none did, -1 when a
 * pattern failed (match limit, invalid UTF-8), with err filled.
 */
int cs_map_apply(const struct cs_map_column *c, const char *s, size_t len, struct cs_buf *out_buf,
        const char **out, size_t *out_len, struct cs_error *err);

#endif
