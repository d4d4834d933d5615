/*
 * The canonical surveys record kind; see survey.h.
 */
#include "libcs/survey.h"

#include <strings.h>

#include "libcs/datetime.h"

int
cs_survey_bind(
        struct cs_survey_columns *c, const struct cs_row *h, const char *file, struct cs_error *err)
{
	c->account = cs_csv_column(h, "account");
	c->score = cs_csv_column(h, "score");
	c->kind = cs_csv_column(h, "kind");
	c->respondent = cs_csv_column(h, "respondent");
	c->answered_at = cs_csv_column(h, "answered_at");
	c->comment = cs_csv_column(h, "comment");
	if (c->score < 0 || c->answered_at < 0)
		return cs_error_set(err, file, 1, "not a surveys stream: no column '%s'",
		        c->score < 0 ? "score" : "answered_at");
	return 0;
}

int
cs_survey_score(const char *s, size_t len)
{
	/* "10", "7", and the "7.0" that spreadsheets write. */
	int v = 0;
	size_t i;

	if (len == 0 || len > 4)
		return -1;
	for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (s[i] - '0');
	if (i == 0 || (i < len && !(s[i] == '.' && i + 1 < len)))
		return -1;
	if (i < len)
		for (i++; i < len; i++)
			if (s[i] != '0')
				return -1;
	return v <= 10 ? v : -1;
}

int
cs_survey_read(const struct cs_survey_columns *c, const struct cs_row *row, const char *file,
        struct cs_survey *s, struct cs_error *err)
{
	size_t len, klen;
	const char *v = cs_row_field(row, c->account, &len);
	const char *k = cs_row_field(row, c->kind, &klen);

	s->account = len ? v : NULL;
	s->is_nps = klen == 0 || (klen == 3 && strncasecmp(k, "nps", 3) == 0);
	s->score = -1;
	s->answered_at = 0;
	if (!s->is_nps)
		return 0;
	v = cs_row_field(row, c->score, &len);
	if ((s->score = cs_survey_score(v, len)) < 0)
		return cs_error_set(err, file, row->line,
		        "bad score '%.*s' (a whole number from 0 to 10)",
		        (int)(len > 64 ? 64 : len), v);
	v = cs_row_field(row, c->answered_at, &len);
	if (cs_time_parse(v, len, CS_ORDER_YMD, NULL, &s->answered_at) != CS_PARSE_OK)
		return cs_error_set(err, file, row->line, "bad answered_at '%.*s'",
		        (int)(len > 64 ? 64 : len), v);
	return 0;
}
