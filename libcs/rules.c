/*
 * Classification rules: parsing, binding and applying (see rules.h).
 */
#include "libcs/rules.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"
#include "libcs/regex.h"
#include "libcs/xalloc.h"

struct cond {
	char *column;
	int col; /* bound index */
	int negate;
	struct cs_regex *re;
};

struct assign {
	char *column;
	int col;
	char *value;
};

struct rule {
	long line;
	struct cond *conds;
	size_t nconds;
	struct assign *sets;
	size_t nsets;
};

struct cs_rules {
	char *file;
	struct rule *rules;
	size_t n;
	size_t ncols; /* width of the bound header */
	unsigned char *done; /* per column: already set in this row */
	struct cs_buf explain;
};

static void
skip_blanks(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* A column name or a value: a "quoted string" ("" for a quote), or a run
 * of characters up to a blank or one of stops. */
static char *
read_token(const char **p, const char *stops)
{
	const char *s = *p;
	struct cs_buf b;

	cs_buf_init(&b);
	if (*s == '"') {
		s++;
		for (;;) {
			if (*s == '\0') {
				cs_buf_release(&b);
				return NULL;
			}
			if (*s == '"') {
				if (s[1] != '"')
					break;
				s++;
			}
			cs_buf_addc(&b, *s++);
		}
		s++;
	} else {
		while (*s && *s != ' ' && *s != '\t' && !strchr(stops, *s))
			cs_buf_addc(&b, *s++);
		if (b.len == 0) {
			cs_buf_release(&b);
			return NULL;
		}
	}
	*p = s;
	{
		char *tok = cs_buf_detach(&b, NULL);

		cs_buf_release(&b);
		return tok;
	}
}

static void
rule_release(struct rule *r)
{
	size_t i;

	for (i = 0; i < r->nconds; i++) {
		free(r->conds[i].column);
		cs_regex_free(r->conds[i].re);
	}
	free(r->conds);
	for (i = 0; i < r->nsets; i++) {
		free(r->sets[i].column);
		free(r->sets[i].value);
	}
	free(r->sets);
}

static int
parse_line(struct cs_rules *rs, const char *s, long line, struct cs_error *err)
{
	struct rule r = {0};
	const char *p = s;

	r.line = line;
	for (;;) {
		struct cond c = {0};
		const char *q;
		char *pat, *flags;
		size_t n;

		skip_blanks(&p);
		if (p[0] == '=' && p[1] == '>')
			break;
		if (*p == '\0')
			goto bad;
		c.column = read_token(&p, "!~=");
		if (c.column == NULL)
			goto bad;
		skip_blanks(&p);
		if (p[0] == '!' && p[1] == '~') {
			c.negate = 1;
			p += 2;
		} else if (p[0] == '~') {
			p++;
		} else {
			cs_error_set(
			        err, rs->file, line, "expected '~' or '!~' after '%s'", c.column);
			free(c.column);
			goto fail;
		}
		skip_blanks(&p);
		if (*p != '/') {
			free(c.column);
			cs_error_set(err, rs->file, line, "expected /pattern/ at offset %zu",
			        (size_t)(p - s));
			goto fail;
		}
		q = p + 1;
		while (*q && *q != '/') {
			if (*q == '\\' && q[1])
				q++;
			q++;
		}
		if (*q != '/') {
			free(c.column);
			cs_error_set(err, rs->file, line, "unterminated pattern at offset %zu",
			        (size_t)(p - s));
			goto fail;
		}
		pat = xstrndup(p + 1, (size_t)(q - p - 1));
		q++;
		n = strspn(q, "imsx");
		flags = xstrndup(q, n);
		c.re = cs_regex_new(pat, flags, rs->file, line, err);
		free(pat);
		free(flags);
		if (c.re == NULL) {
			free(c.column);
			goto fail;
		}
		p = q + n;
		r.conds = xreallocarray(r.conds, r.nconds + 1, sizeof *r.conds);
		r.conds[r.nconds++] = c;
	}
	if (r.nconds == 0) {
		cs_error_set(
		        err, rs->file, line, "a rule needs at least one condition before '=>'");
		goto fail;
	}
	p += 2;
	for (;;) {
		struct assign a = {0};

		skip_blanks(&p);
		if (*p == '\0')
			break;
		a.column = read_token(&p, "=");
		if (a.column == NULL || *p != '=') {
			free(a.column);
			cs_error_set(err, rs->file, line, "expected COLUMN=VALUE at offset %zu",
			        (size_t)(p - s));
			goto fail;
		}
		p++;
		if (*p == '\0' || *p == ' ' || *p == '\t')
			a.value = xstrdup("");
		else if ((a.value = read_token(&p, "")) == NULL) {
			free(a.column);
			cs_error_set(err, rs->file, line, "unterminated quoted value");
			goto fail;
		}
		r.sets = xreallocarray(r.sets, r.nsets + 1, sizeof *r.sets);
		r.sets[r.nsets++] = a;
	}
	if (r.nsets == 0) {
		cs_error_set(
		        err, rs->file, line, "a rule needs at least one COLUMN=VALUE after '=>'");
		goto fail;
	}
	rs->rules = xreallocarray(rs->rules, rs->n + 1, sizeof *rs->rules);
	rs->rules[rs->n++] = r;
	return 0;
bad:
	cs_error_set(err, rs->file, line, "expected 'COLUMN ~ /PATTERN/ ... => COLUMN=VALUE'");
fail:
	rule_release(&r);
	return -1;
}

struct cs_rules *
cs_rules_parse(const char *file, const char *text, size_t len, struct cs_error *err)
{
	struct cs_rules *rs = xcalloc(1, sizeof *rs);
	const char *p = text, *end = text + len;
	long line = 0;

	rs->file = xstrdup(file);
	cs_buf_init(&rs->explain);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *buf, *s;

		line++;
		if (memchr(p, '\0', n)) {
			cs_error_set(err, file, line, "NUL byte in rules file");
			cs_rules_free(rs);
			return NULL;
		}
		buf = xstrndup(p, n);
		p += n + (nl != NULL);
		if (n > 0 && buf[n - 1] == '\r')
			buf[n - 1] = '\0';
		s = buf;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s != '\0' && *s != '#' && parse_line(rs, s, line, err) < 0) {
			free(buf);
			cs_rules_free(rs);
			return NULL;
		}
		free(buf);
	}
	return rs;
}

struct cs_rules *
cs_rules_load(const char *path, struct cs_error *err)
{
	struct cs_buf b;
	struct cs_rules *rs = NULL;

	cs_buf_init(&b);
	if (cs_buf_read_file(&b, path, CS_CONFIG_MAX, err) == 0)
		rs = cs_rules_parse(path, b.data, b.len, err);
	cs_buf_release(&b);
	return rs;
}

void
cs_rules_free(struct cs_rules *rs)
{
	size_t i;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->n; i++)
		rule_release(&rs->rules[i]);
	free(rs->rules);
	free(rs->file);
	free(rs->done);
	cs_buf_release(&rs->explain);
	free(rs);
}

static int
find(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

int
cs_rules_bind(struct cs_rules *rs, const char *const *names, size_t n, struct cs_error *err)
{
	size_t i, j;

	for (i = 0; i < rs->n; i++) {
		struct rule *r = &rs->rules[i];

		for (j = 0; j < r->nconds; j++) {
			r->conds[j].col = find(names, n, r->conds[j].column);
			if (r->conds[j].col < 0)
				return cs_error_set(err, rs->file, r->line, "unknown column '%s'",
				        r->conds[j].column);
		}
		for (j = 0; j < r->nsets; j++) {
			r->sets[j].col = find(names, n, r->sets[j].column);
			if (r->sets[j].col < 0)
				return cs_error_set(err, rs->file, r->line, "unknown column '%s'",
				        r->sets[j].column);
		}
	}
	free(rs->done);
	rs->done = xcalloc(n ? n : 1, 1);
	rs->ncols = n;
	return 0;
}

int
cs_rules_apply(struct cs_rules *rs, char *const *f, const size_t *len, const char **val,
        size_t *vlen, const char **explain, struct cs_error *err)
{
	size_t i, j, fired = 0;

	memset(rs->done, 0, rs->ncols);
	cs_buf_reset(&rs->explain);
	for (i = 0; i < rs->n; i++) {
		struct rule *r = &rs->rules[i];
		int open = 0, ok = 1;

		for (j = 0; j < r->nsets; j++)
			if (!rs->done[r->sets[j].col])
				open = 1;
		if (!open)
			continue;
		for (j = 0; j < r->nconds && ok; j++) {
			struct cond *c = &r->conds[j];
			int rc = cs_regex_match(c->re, f[c->col], len[c->col], err);

			if (rc < 0)
				return -1;
			ok = c->negate ? rc == 0 : rc == 1;
		}
		if (!ok)
			continue;
		for (j = 0; j < r->nsets; j++) {
			struct assign *a = &r->sets[j];

			if (rs->done[a->col])
				continue;
			rs->done[a->col] = 1;
			val[a->col] = a->value;
			vlen[a->col] = strlen(a->value);
		}
		if (rs->explain.len)
			cs_buf_addc(&rs->explain, ' ');
		cs_buf_printf(&rs->explain, "%s:%ld", rs->file, r->line);
		fired++;
	}
	if (explain)
		*explain = rs->explain.data;
	return (int)fired;
}

size_t
cs_rules_count(const struct cs_rules *rs)
{
	return rs->n;
}
