/*
 * The canonical surveys record kind (design.md section 3, cs(7)) for the
 * programs that read what cs-import writes: bind a header once, then read
 * each row into a struct cs_survey.
 *
 * Only NPS answers are read as such: a row whose kind is neither empty nor
 * "nps" (csat, ces) comes back with is_nps 0 and is not checked further.
 * The score of an NPS answer is a whole number from 0 to 10; answered_at is
 * required, because every use places the answer in a period or a window.
 */
#ifndef CS_SURVEY_H
#define CS_SURVEY_H

#include <stdint.h>

#include "libcs/csv.h"
#include "libcs/error.h"

/* Column indexes of one surveys header; -1 where the column is absent. */
struct cs_survey_columns {
	int account, score, kind, respondent, answered_at, comment;
};

/* Strings point into the row and are valid as long as the row is. */
struct cs_survey {
	const char *account; /* NULL when empty */
	int is_nps;
	int score; /* 0 to 10 when is_nps */
	int64_t answered_at; /* an instant when is_nps */
};

/* Fails when score or answered_at is missing ("not a surveys stream: no
 * column 'score'"). */
int cs_survey_bind(struct cs_survey_columns *c, const struct cs_row *header, const char *file,
        struct cs_error *err);

/* Reads one row; fails (naming the line and the value) when an NPS answer's
 * score or answered_at does not parse, so the program can reject the row. */
int cs_survey_read(const struct cs_survey_columns *c, const struct cs_row *row, const char *file,
        struct cs_survey *s, struct cs_error *err);

/* A score as a whole number from 0 to 10, or -1. */
int cs_survey_score(const char *s, size_t len);

#endif
