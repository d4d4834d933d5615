/*
 * Filters that keep the input's columns: a verb that adds values to each
 * row of an intervals stream (cs-staff erlang, cs-staff plan) writes the
 * input's columns as they came, then its own.  A column of its own that
 * the input already has is replaced in place rather than repeated, so that
 * running a verb twice over its own output gives the same columns.
 *
 * Every input of one run must share the first input's header, because the
 * output has one header.
 */
#ifndef CS_FILTER_H
#define CS_FILTER_H

#include <stddef.h>

#include "libcs/csv.h"
#include "libcs/csvout.h"
#include "libcs/error.h"

/* The room for one added value, with its NUL. */
#define CS_FILTER_VALUE 32

struct cs_filter {
	size_t nout; /* columns written */
	size_t nnew; /* columns the verb adds or replaces */
	const char *const *names; /* the verb's columns, borrowed from bind */
	int *pos; /* for each of the verb's columns, its output index */
	char **first; /* the first input's header, owned */
	size_t nfirst;
	int bound_once; /* a first header is kept */
	int header_written;
};

void cs_filter_init(struct cs_filter *f);
void cs_filter_release(struct cs_filter *f);

/*
 * Binds the header h of one input (file names it in errors) with the verb's
 * columns newcols (NULL-terminated; borrowed until the next bind or the
 * release).  The first call keeps a copy of h; a later call whose header
 * differs from it returns -1 with err filled.
 */
int cs_filter_bind(struct cs_filter *f, const struct cs_row *h, const char *const *newcols,
        const char *file, struct cs_error *err);

/* Writes the output header for h, only on the first call of a run; later
 * calls write nothing.  Returns what cs_writer_end returns. */
int cs_filter_write_header(struct cs_filter *f, struct cs_writer *w, const struct cs_row *h);

/* Writes row with vals (one string per column of the verb, in the order of
 * newcols) in place.  Returns what cs_writer_end returns. */
int cs_filter_write_row(const struct cs_filter *f, struct cs_writer *w, const struct cs_row *row,
        char vals[][CS_FILTER_VALUE]);

/* Formats v as cs_writer_number writes it: at most dec decimals, no
 * trailing zeros, "-0" as "0", NaN and infinities as the empty string. */
void cs_filter_number(char out[CS_FILTER_VALUE], double v, int dec);

#endif
