/*
 * Regular expressions over pcre2, for classification rules and mapping files.
 *
 * A pattern is compiled once with PCRE2_UTF (and JIT where the platform has
 * it; without JIT the interpreter is used quietly), and each pattern owns one
 * match-data block reused for every subject.  Matching runs under a match
 * limit and a depth limit, so a hostile pattern or subject ends with an error
 * instead of hanging a cron job.
 */
#ifndef CS_REGEX_H
#define CS_REGEX_H

#include <stddef.h>

#include "libcs/error.h"

struct cs_regex;

/* flags: a string of i (caseless), x (extended), s (dotall), m (multiline);
 * NULL for none.  file and line name where the pattern was written and
 * appear in errors: "rules.txt:4: bad pattern at offset 7: missing )". */
struct cs_regex *cs_regex_new(
        const char *pattern, const char *flags, const char *file, long line, struct cs_error *err);

/* 1 when subject matches, 0 when it does not, -1 when matching failed (the
 * match or depth limit was hit, or the subject is not valid UTF-8). */
int cs_regex_match(struct cs_regex *re, const char *subject, size_t len, struct cs_error *err);

/* After a successful match: the span of capture group i (0 is the whole
 * match); returns 0 when the group did not take part. */
int cs_regex_group(const struct cs_regex *re, int i, size_t *start, size_t *end);

const char *cs_regex_pattern(const struct cs_regex *re);
void cs_regex_free(struct cs_regex *re);

#endif
