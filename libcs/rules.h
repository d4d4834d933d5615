/*
 * Classification and routing rules (cs-import -r): ordered regex rules over
 * the columns of an output row that set columns such as category and team.
 * The format is documented in cs-import(1), RULES.
 *
 * A rule is one line, "COND... => COLUMN=VALUE...", where each COND is
 * "COLUMN ~ /REGEX/flags" or "COLUMN !~ /REGEX/flags" and every condition
 * must hold.  Each target column is set by the first rule, in file order,
 * that matches and assigns it; a later rule can still set another column.
 *
 * Rules are parsed once, bound once to the output header (names resolved
 * to indexes), then applied to every row.  The rules object owns its
 * patterns and strings.
 */
#ifndef CS_RULES_H
#define CS_RULES_H

#include <stddef.h>

#include "libcs/error.h"

struct cs_rules;

struct cs_rules *cs_rules_parse(
        const char *file, const char *text, size_t len, struct cs_error *err);
struct cs_rules *cs_rules_load(const char *path, struct cs_error *err);
void cs_rules_free(struct cs_rules *r);

/* Resolves the column names of every rule against the output header
 * (exact names, as written by cs-import); fails naming the rule's line when
 * a column is not in it. */
int cs_rules_bind(struct cs_rules *r, const char *const *names, size_t n, struct cs_error *err);

/*
 * Applies the rules to one row of n fields (f[i], len[i]).  For each column
 * that a matching rule sets, val[col] and vlen[col] receive the value (a
 * string owned by the rules); other entries are left alone.  explain, when
 * not NULL, receives "FILE:LINE" of each rule that set something, separated
 * by spaces, in a buffer owned by the rules valid until the next call.
 * Returns the number of rules that set something, or -1 when a pattern
 * failed (match limit), with err filled.
 */
int cs_rules_apply(struct cs_rules *r, char *const *f, const size_t *len, const char **val,
        size_t *vlen, const char **explain, struct cs_error *err);

/* The number of rules. */
size_t cs_rules_count(const struct cs_rules *r);

#endif
