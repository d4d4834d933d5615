/*
 * The mapping-file parser and the two pieces of mapping semantics that do
 * not need a header: value maps and format-driven time reading.  The format
 * is the one cs-import(1) documents; a change here is a change there.
 */
#include "libcs/mapping.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/xalloc.h"

void
cs_mapping_init(struct cs_mapping *m)
{
	memset(m, 0, sizeof *m);
	m->kind = CS_KIND_NONE;
	m->order = CS_ORDER_AUTO;
	m->extras = 1;
}

static void
column_release(struct cs_map_column *c)
{
	size_t i;

	free(c->name);
	for (i = 0; i < c->nfrom; i++) {
		free(c->from[i].text);
		cs_regex_free(c->from[i].re);
	}
	free(c->from);
	for (i = 0; i < c->nmaps; i++) {
		cs_regex_free(c->maps[i].re);
		free(c->maps[i].literal);
		free(c->maps[i].value);
	}
	free(c->maps);
	free(c->format);
	free(c->def);
	free(c->lookup_file);
	free(c->lookup_key);
	free(c->lookup_value);
}

void
cs_mapping_release(struct cs_mapping *m)
{
	size_t i;

	for (i = 0; i < m->ncols; i++)
		column_release(&m->cols[i]);
	free(m->cols);
	for (i = 0; i < m->nempty; i++)
		free(m->empty[i]);
	free(m->empty);
	free(m->file);
	free(m->dir);
	free(m->source);
	free(m->encoding);
	free(m->tz);
	free(m->text);
	cs_mapping_init(m);
}

struct cs_map_column *
cs_mapping_column(const struct cs_mapping *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->ncols; i++)
		if (strcmp(m->cols[i].name, name) == 0)
			return &m->cols[i];
	return NULL;
}

struct cs_map_column *
cs_mapping_add_column(struct cs_mapping *m, const char *name, long line)
{
	struct cs_map_column *c = cs_mapping_column(m, name);

	if (c)
		return c;
	m->cols = xreallocarray(m->cols, m->ncols + 1, sizeof *m->cols);
	c = &m->cols[m->ncols++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->line = line;
	c->clamp_min = -HUGE_VAL;
	c->clamp_max = HUGE_VAL;
	return c;
}

/* Splits off the next blank-separated word of *p; returns NULL at the end. */
static char *
next_word(char **p)
{
	char *s = *p, *w;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0') {
		*p = s;
		return NULL;
	}
	w = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	if (*s)
		*s++ = '\0';
	*p = s;
	return w;
}

static char *
trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/*
 * Reads "/pattern/flags" at s: the pattern ends at the first unescaped
 * slash ("\/" stands for a slash and is passed on as "\/", which pcre2 reads
 * as a slash).  Returns the regex and sets *rest past the flags, or NULL.
 */
static struct cs_regex *
read_regex(char *s, char **rest, const char *file, long line, struct cs_error *err)
{
	char *p = s + 1, *flags, save;
	struct cs_regex *re;
	char fl[8];
	size_t nf = 0;

	while (*p && *p != '/') {
		if (*p == '\\' && p[1])
			p++;
		p++;
	}
	if (*p != '/') {
		cs_error_set(err, file, line, "unterminated pattern '%s'", s);
		return NULL;
	}
	*p = '\0';
	flags = p + 1;
	while (*flags && strchr("imsx", *flags) && nf + 1 < sizeof fl)
		fl[nf++] = *flags++;
	fl[nf] = '\0';
	save = *flags;
	if (save && save != ' ' && save != '\t') {
		cs_error_set(err, file, line, "unknown regex flag '%c'", save);
		return NULL;
	}
	re = cs_regex_new(s + 1, fl, file, line, err);
	*rest = flags;
	return re;
}

static int
parse_unit(const char *w, enum cs_unit *u)
{
	if (strcmp(w, "s") == 0 || strcmp(w, "sec") == 0)
		*u = CS_UNIT_S;
	else if (strcmp(w, "min") == 0 || strcmp(w, "m") == 0)
		*u = CS_UNIT_MIN;
	else if (strcmp(w, "h") == 0)
		*u = CS_UNIT_H;
	else if (strcmp(w, "d") == 0)
		*u = CS_UNIT_D;
	else
		return -1;
	return 0;
}

static int
parse_bound(const char *w, double open, double *v)
{
	char *end;

	if (strcmp(w, "-") == 0) {
		*v = open;
		return 0;
	}
	errno = 0;
	*v = strtod(w, &end);
	return errno || end == w || *end ? -1 : 0;
}

int
cs_mapping_delim_from_name(const char *w)
{
	if (strcmp(w, "comma") == 0)
		return ',';
	if (strcmp(w, "semicolon") == 0)
		return ';';
	if (strcmp(w, "tab") == 0 || strcmp(w, "\\t") == 0)
		return '\t';
	if (strcmp(w, "pipe") == 0)
		return '|';
	if (strlen(w) == 1)
		return (unsigned char)w[0];
	return -1;
}

static int
parse_directive(struct cs_mapping *m, const char *word, char *rest, long line, struct cs_error *err,
        int *handled)
{
	const char *file = m->file;
	char *arg = trim(rest);

	*handled = 1;
	if (strcmp(word, "kind") == 0) {
		m->kind = cs_kind_from_name(arg);
		if (m->kind == CS_KIND_NONE)
			return cs_error_set(err, file, line, "unknown kind '%s'", arg);
	} else if (strcmp(word, "source") == 0) {
		free(m->source);
		m->source = xstrdup(arg);
	} else if (strcmp(word, "delimiter") == 0) {
		m->delim = cs_mapping_delim_from_name(arg);
		if (m->delim < 0)
			return cs_error_set(err, file, line, "unknown delimiter '%s'", arg);
	} else if (strcmp(word, "encoding") == 0) {
		free(m->encoding);
		m->encoding = xstrdup(arg);
	} else if (strcmp(word, "tz") == 0) {
		free(m->tz);
		m->tz = xstrdup(arg);
	} else if (strcmp(word, "date-order") == 0) {
		if (cs_order_from_name(arg, &m->order) < 0 || m->order == CS_ORDER_AUTO)
			return cs_error_set(err, file, line, "unknown date order '%s'", arg);
	} else if (strcmp(word, "footer") == 0 && *arg == '\0') {
		m->footer = 1;
	} else if (strcmp(word, "fold") == 0 && *arg == '\0') {
		m->fold = 1;
	} else if (strcmp(word, "rollup") == 0 && *arg == '\0') {
		m->rollup = 1;
	} else if (strcmp(word, "interval") == 0) {
		char *end;

		m->interval_min = strtol(arg, &end, 10);
		if (end == arg || *end || m->interval_min <= 0 || m->interval_min > 1440)
			return cs_error_set(
			        err, file, line, "bad interval '%s' (minutes, 1 to 1440)", arg);
	} else if (strcmp(word, "extras") == 0) {
		if (strcmp(arg, "yes") == 0)
			m->extras = 1;
		else if (strcmp(arg, "no") == 0)
			m->extras = 0;
		else
			return cs_error_set(
			        err, file, line, "extras is 'yes' or 'no', not '%s'", arg);
	} else if (strcmp(word, "empty") == 0) {
		if (*arg == '\0')
			return cs_error_set(err, file, line, "empty needs a value");
		m->empty = xreallocarray(m->empty, m->nempty + 1, sizeof *m->empty);
		m->empty[m->nempty++] = xstrdup(arg);
	} else {
		*handled = 0;
	}
	return 0;
}

static int
parse_rule(struct cs_mapping *m, const char *name, const char *verb, char *rest, long line,
        struct cs_error *err)
{
	const char *file = m->file;
	struct cs_map_column *c;
	char *arg = trim(rest);

	c = cs_mapping_add_column(m, name, line);
	if (strcmp(verb, "from") == 0) {
		struct cs_map_from f = {0};
		f.line = line;
		if (*arg == '\0')
			return cs_error_set(err, file, line, "'from' needs a column name");
		if (arg[0] == '/') {
			char *after;

			f.type = CS_FROM_REGEX;
			f.re = read_regex(arg, &after, file, line, err);
			if (f.re == NULL)
				return -1;
			if (*trim(after))
				return cs_error_set(err, file, line,
				        "unexpected '%s' after the pattern", trim(after));
			f.text = xstrdup(cs_regex_pattern(f.re));
		} else if (strchr(arg, '{')) {
			const char *p = arg;

			f.type = CS_FROM_TEMPLATE;
			while ((p = strchr(p, '{')) != NULL) {
				const char *q = strchr(p, '}');
				if (q == NULL || q == p + 1)
					return cs_error_set(
					        err, file, line, "bad template '%s'", arg);
				p = q + 1;
			}
			f.text = xstrdup(arg);
		} else {
			f.type = CS_FROM_NAME;
			f.text = xstrdup(arg);
		}
		c->from = xreallocarray(c->from, c->nfrom + 1, sizeof *c->from);
		c->from[c->nfrom++] = f;
	} else if (strcmp(verb, "format") == 0) {
		if (*arg == '\0')
			return cs_error_set(err, file, line, "'format' needs a format");
		free(c->format);
		c->format = xstrdup(arg);
	} else if (strcmp(verb, "unit") == 0) {
		if (parse_unit(arg, &c->unit) < 0)
			return cs_error_set(
			        err, file, line, "unknown unit '%s' (s, min, h or d)", arg);
		c->has_unit = 1;
	} else if (strcmp(verb, "map") == 0) {
		struct cs_map_value v = {0};
		char *eq, *after;

		v.line = line;
		if (arg[0] == '/') {
			v.re = read_regex(arg, &after, file, line, err);
			if (v.re == NULL)
				return -1;
			after = trim(after);
			if (*after != '=') {
				cs_regex_free(v.re);
				return cs_error_set(
				        err, file, line, "'map' needs 'PATTERN = VALUE'");
			}
			v.value = xstrdup(trim(after + 1));
		} else {
			eq = strchr(arg, '=');
			if (eq == NULL || eq == arg)
				return cs_error_set(
				        err, file, line, "'map' needs 'PATTERN = VALUE'");
			*eq = '\0';
			v.literal = xstrdup(trim(arg));
			v.value = xstrdup(trim(eq + 1));
		}
		c->maps = xreallocarray(c->maps, c->nmaps + 1, sizeof *c->maps);
		c->maps[c->nmaps++] = v;
	} else if (strcmp(verb, "default") == 0) {
		free(c->def);
		c->def = xstrdup(arg);
	} else if (strcmp(verb, "lookup") == 0) {
		char *f = next_word(&arg), *k = next_word(&arg), *v = next_word(&arg);

		if (v == NULL || next_word(&arg) != NULL)
			return cs_error_set(
			        err, file, line, "'lookup' needs FILE KEY-COLUMN VALUE-COLUMN");
		free(c->lookup_file);
		free(c->lookup_key);
		free(c->lookup_value);
		c->lookup_file = xstrdup(f);
		c->lookup_key = xstrdup(k);
		c->lookup_value = xstrdup(v);
		c->lookup_line = line;
	} else if (strcmp(verb, "clamp") == 0) {
		char *lo = next_word(&arg), *hi = next_word(&arg);

		if (hi == NULL || next_word(&arg) != NULL ||
		        parse_bound(lo, -HUGE_VAL, &c->clamp_min) < 0 ||
		        parse_bound(hi, HUGE_VAL, &c->clamp_max) < 0 || c->clamp_min > c->clamp_max)
			return cs_error_set(
			        err, file, line, "'clamp' needs MIN MAX (numbers or -)");
		c->has_clamp = 1;
	} else if (strcmp(verb, "keep") == 0) {
		if (strcmp(arg, "last") == 0)
			c->keep = CS_KEEP_LAST;
		else if (strcmp(arg, "first") == 0)
			c->keep = CS_KEEP_FIRST;
		else if (strcmp(arg, "min") == 0)
			c->keep = CS_KEEP_MIN;
		else if (strcmp(arg, "max") == 0)
			c->keep = CS_KEEP_MAX;
		else
			return cs_error_set(err, file, line,
			        "'keep' is first, last, min or max, not '%s'", arg);
	} else {
		return cs_error_set(err, file, line, "unknown rule '%s %s'", name, verb);
	}
	return 0;
}

static int
starts_with_verb(const char *s)
{
	static const char *const verbs[] = {
	        "from", "format", "unit", "map", "default", "lookup", "clamp", "keep", NULL};
	const char *const *v;
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strcspn(s, " \t");
	for (v = verbs; *v; v++)
		if (strlen(*v) == n && strncmp(s, *v, n) == 0)
			return 1;
	return 0;
}

static char *
dirname_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int
cs_mapping_parse(
        struct cs_mapping *m, const char *file, const char *text, size_t len, struct cs_error *err)
{
	const char *p = text, *end = text + len;
	long line = 0;
	char *buf;

	free(m->file);
	free(m->dir);
	free(m->text);
	m->file = xstrdup(file);
	m->dir = dirname_of(file);
	m->text = xstrndup(text, len);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *s, *word, *verb;
		int handled, rc;

		line++;
		if (memchr(p, '\0', n))
			return cs_error_set(err, file, line, "NUL byte in mapping file");
		buf = xstrndup(p, n);
		p += n + (nl != NULL);
		s = trim(buf);
		if (*s == '\0' || *s == '#') {
			free(buf);
			continue;
		}
		word = next_word(&s);
		/* A column may be named like a directive ("kind" of surveys): a
		 * rule verb after the word makes the line a rule. */
		handled = 0;
		rc = 0;
		if (!starts_with_verb(s))
			rc = parse_directive(m, word, s, line, err, &handled);
		if (rc == 0 && !handled) {
			verb = next_word(&s);
			if (verb == NULL)
				rc = cs_error_set(err, file, line, "'%s' needs a rule", word);
			else
				rc = parse_rule(m, word, verb, s, line, err);
		}
		free(buf);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int
cs_mapping_load(struct cs_mapping *m, const char *path, struct cs_error *err)
{
	struct cs_buf b;
	int rc;

	cs_buf_init(&b);
	rc = cs_buf_read_file(&b, path, CS_CONFIG_MAX, err);
	if (rc == 0)
		rc = cs_mapping_parse(m, path, b.data, b.len, err);
	cs_buf_release(&b);
	return rc;
}

static int
literal_eq(const char *lit, const char *s, size_t len)
{
	size_t n = strlen(lit), i;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (n != len)
		return 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)lit[i]) != tolower((unsigned char)s[i]))
			return 0;
	return 1;
}

int
cs_map_apply(const struct cs_map_column *c, const char *s, size_t len, struct cs_buf *out_buf,
        const char **out, size_t *out_len, struct cs_error *err)
{
	size_t i;

	for (i = 0; i < c->nmaps; i++) {
		const struct cs_map_value *v = &c->maps[i];
		const char *p;
		int rc;

		if (v->re == NULL) {
			if (!literal_eq(v->literal, s, len))
				continue;
			*out = v->value;
			*out_len = strlen(v->value);
			return 1;
		}
		rc = cs_regex_match(v->re, s, len, err);
		if (rc < 0)
			return -1;
		if (rc == 0)
			continue;
		if (strchr(v->value, '\\') == NULL) {
			*out = v->value;
			*out_len = strlen(v->value);
			return 1;
		}
		cs_buf_reset(out_buf);
		for (p = v->value; *p; p++) {
			size_t a, b;

			if (p[0] == '\\' && p[1] >= '0' && p[1] <= '9') {
				if (cs_regex_group(v->re, p[1] - '0', &a, &b))
					cs_buf_add(out_buf, s + a, b - a);
				p++;
			} else if (p[0] == '\\' && p[1] == '\\') {
				cs_buf_addc(out_buf, '\\');
				p++;
			} else {
				cs_buf_addc(out_buf, *p);
			}
		}
		*out = out_buf->data;
		*out_len = out_buf->len;
		return 1;
	}
	return 0;
}
