/*
 * pcre2 behind the small interface of regex.h.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "libcs/regex.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/xalloc.h"

/* Limits that stop a catastrophic pattern in well under a second while
 * leaving room for any sensible classification rule. */
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000

struct cs_regex {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	char *pattern;
	char *file;
	long line;
	int matched;
};

struct cs_regex *
cs_regex_new(
        const char *pattern, const char *flags, const char *file, long line, struct cs_error *err)
{
	uint32_t opts = PCRE2_UTF;
	PCRE2_SIZE offset;
	int code;
	struct cs_regex *re;
	const char *f;

	for (f = flags ? flags : ""; *f; f++) {
		switch (*f) {
		case 'i': opts |= PCRE2_CASELESS; break;
		case 'x': opts |= PCRE2_EXTENDED; break;
		case 's': opts |= PCRE2_DOTALL; break;
		case 'm': opts |= PCRE2_MULTILINE; break;
		default: cs_error_set(err, file, line, "unknown regex flag '%c'", *f); return NULL;
		}
	}
	re = xcalloc(1, sizeof *re);
	re->code = pcre2_compile(
	        (PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &code, &offset, NULL);
	if (re->code == NULL) {
		PCRE2_UCHAR buf[256];

		pcre2_get_error_message(code, buf, sizeof buf);
		cs_error_set(err, file, line, "bad pattern '%s' at offset %zu: %s", pattern,
		        (size_t)offset, (char *)buf);
		free(re);
		return NULL;
	}
	/* JIT is an optimisation: where the platform lacks it, the interpreter
	 * gives the same answers. */
	(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, DEPTH_LIMIT);
	re->pattern = xstrdup(pattern);
	re->file = xstrdup(file ? file : "");
	re->line = line;
	return re;
}

int
cs_regex_match(struct cs_regex *re, const char *subject, size_t len, struct cs_error *err)
{
	int rc;

	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, 0, 0, re->md, re->mctx);
	re->matched = rc >= 0;
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	{
		PCRE2_UCHAR buf[256];

		pcre2_get_error_message(rc, buf, sizeof buf);
		cs_error_set(err, re->file, re->line, "pattern '%s' failed: %s", re->pattern,
		        (char *)buf);
	}
	return -1;
}

int
cs_regex_group(const struct cs_regex *re, int i, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov;

	if (!re->matched || i < 0 || (uint32_t)i >= pcre2_get_ovector_count(re->md))
		return 0;
	ov = pcre2_get_ovector_pointer(re->md);
	if (ov[2 * i] == PCRE2_UNSET)
		return 0;
	*start = ov[2 * i];
	*end = ov[2 * i + 1];
	return 1;
}

const char *
cs_regex_pattern(const struct cs_regex *re)
{
	return re->pattern;
}

void
cs_regex_free(struct cs_regex *re)
{
	if (re == NULL)
		return;
	pcre2_match_data_free(re->md);
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
	free(re->pattern);
	free(re->file);
	free(re);
}
