/*
 * Text and Markdown renderings of the weekly report; see render.h.
 */
#include "libcs/render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/xalloc.h"

#define GREEN "\033[32m"
#define RED "\033[31m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

size_t
cs_utf8_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Appends s cut to at most w columns ("..." marks a cut), padded with
 * spaces to w on the right (left-aligned) or left (right-aligned). */
static void
put_cell(struct cs_buf *out, const char *s, size_t w, int right)
{
	size_t sw = cs_utf8_width(s), i;

	if (sw > w) {
		size_t keep = w > 1 ? w - 1 : 0, cols = 0;
		const char *p = s;

		while (*p && cols < keep) {
			p++;
			while (((unsigned char)*p & 0xC0) == 0x80)
				p++;
			cols++;
		}
		cs_buf_add(out, s, (size_t)(p - s));
		if (w > 0)
			cs_buf_adds(out, "\xe2\x80\xa6"); /* … */
		return;
	}
	if (right)
		for (i = sw; i < w; i++)
			cs_buf_addc(out, ' ');
	cs_buf_adds(out, s);
	if (!right)
		for (i = sw; i < w; i++)
			cs_buf_addc(out, ' ');
}

void
cs_render_sparkline(struct cs_buf *out, const double *v, size_t n)
{
	static const char *const bars[8] = {"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
	        "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"};
	double lo = INFINITY, hi = -INFINITY;
	size_t i;

	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		if (v[i] < lo)
			lo = v[i];
		if (v[i] > hi)
			hi = v[i];
	}
	for (i = 0; i < n; i++) {
		int k;

		if (isnan(v[i])) {
			cs_buf_addc(out, ' ');
			continue;
		}
		k = hi > lo ? (int)floor((v[i] - lo) / (hi - lo) * 7 + 0.5) : 3;
		cs_buf_adds(out, bars[k < 0 ? 0 : k > 7 ? 7 : k]);
	}
}

static const char *
arrow(enum cs_trend_dir d)
{
	switch (d) {
	case CS_DIR_UP: return "\xe2\x86\x91"; /* ↑ */
	case CS_DIR_DOWN: return "\xe2\x86\x93"; /* ↓ */
	case CS_DIR_FLAT: return "=";
	default: return "";
	}
}

static const char *
verdict(enum cs_good g)
{
	return g == CS_GOOD_YES ? "better" : g == CS_GOOD_NO ? "worse" : "";
}

static void
rule(struct cs_buf *out, const char *title, char c)
{
	size_t i, n = cs_utf8_width(title);

	cs_buf_adds(out, title);
	cs_buf_addc(out, '\n');
	for (i = 0; i < n; i++)
		cs_buf_addc(out, c);
	cs_buf_addc(out, '\n');
}

/* Appends text wrapped at width columns at spaces; lines after the first
 * start with indent spaces. */
static void
wrapped(struct cs_buf *out, const char *prefix, const char *text, size_t width, size_t indent)
{
	size_t col = cs_utf8_width(prefix), i;
	const char *p = text;
	int first = 1;

	cs_buf_adds(out, prefix);
	for (;;) {
		const char *end;
		size_t ww = 0;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (end = p; *end && *end != ' '; end++)
			if (((unsigned char)*end & 0xC0) != 0x80)
				ww++;
		/* A word wider than the line stays whole on a line of its own. */
		if (!first && col + 1 + ww > width) {
			cs_buf_addc(out, '\n');
			for (i = 0; i < indent; i++)
				cs_buf_addc(out, ' ');
			col = indent;
		} else if (!first) {
			cs_buf_addc(out, ' ');
			col++;
		}
		cs_buf_add(out, p, (size_t)(end - p));
		col += ww;
		first = 0;
		p = end;
	}
	cs_buf_addc(out, '\n');
}

static void
text_headline(struct cs_buf *out, const struct cs_report *r, int width, int color)
{
	size_t i;
	char change[64];
	/* name, this week, last week, change, verdict, trend */
	size_t wn = 16, wv = 10, wc = 9, wg = 6;
	size_t wt = r->nweeks;

	(void)width;
	rule(out, "Headline", '-');
	put_cell(out, "", wn, 0);
	cs_buf_addc(out, ' ');
	put_cell(out, "this week", wv, 1);
	cs_buf_addc(out, ' ');
	put_cell(out, "last week", wv, 1);
	cs_buf_addc(out, ' ');
	put_cell(out, "change", wc, 1);
	cs_buf_addc(out, ' ');
	put_cell(out, "", wg, 0);
	cs_buf_printf(out, " %zu weeks\n", wt);
	for (i = 0; i < r->nfigures; i++) {
		const struct cs_report_figure *f = &r->figures[i];
		size_t start;

		put_cell(out, f->name, wn, 0);
		cs_buf_addc(out, ' ');
		put_cell(out, f->value, wv, 1);
		cs_buf_addc(out, ' ');
		put_cell(out, f->prev, wv, 1);
		cs_buf_addc(out, ' ');
		snprintf(change, sizeof change, "%s%s%s", arrow(f->dir), *f->change ? " " : "",
		        f->change);
		if (color && f->good != CS_GOOD_NEUTRAL)
			cs_buf_adds(out, f->good == CS_GOOD_YES ? GREEN : RED);
		put_cell(out, change, wc, 1);
		cs_buf_addc(out, ' ');
		put_cell(out, verdict(f->good), wg, 0);
		if (color && f->good != CS_GOOD_NEUTRAL)
			cs_buf_adds(out, RESET);
		cs_buf_addc(out, ' ');
		start = out->len;
		cs_render_sparkline(out, f->trend, f->ntrend);
		(void)start;
		/* No trailing spaces: trim what the sparkline ended with. */
		while (out->len && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
		cs_buf_addc(out, '\n');
	}
	cs_buf_addc(out, '\n');
}

static void
text_table(struct cs_buf *out, const struct cs_report_table *t, int width)
{
	size_t *w = xcalloc(t->ncols, sizeof *w), i, j, total;

	for (j = 0; j < t->ncols; j++) {
		w[j] = cs_utf8_width(t->cols[j]);
		for (i = 0; i < t->nrows; i++) {
			size_t cw = cs_utf8_width(t->cells[i * t->ncols + j]);

			if (cw > w[j])
				w[j] = cw;
		}
	}
	/* Narrow the widest text column, then any column, until it fits. */
	for (;;) {
		size_t best = t->ncols;

		total = 0;
		for (j = 0; j < t->ncols; j++)
			total += w[j] + (j ? 2 : 0);
		if (total <= (size_t)width)
			break;
		for (j = 0; j < t->ncols; j++)
			if (!t->numeric[j] && w[j] > 6 && (best == t->ncols || w[j] > w[best]))
				best = j;
		if (best == t->ncols)
			for (j = 0; j < t->ncols; j++)
				if (w[j] > 3 && (best == t->ncols || w[j] > w[best]))
					best = j;
		if (best == t->ncols)
			break;
		w[best]--;
	}
	rule(out, t->title, '-');
	if (t->note)
		wrapped(out, "", t->note, (size_t)width, 0);
	if (t->nrows) {
		for (i = 0; i <= t->nrows; i++) {
			size_t mark = out->len;

			for (j = 0; j < t->ncols; j++) {
				const char *s =
				        i == 0 ? t->cols[j] : t->cells[(i - 1) * t->ncols + j];

				if (j)
					cs_buf_adds(out, "  ");
				put_cell(out, s, w[j], t->numeric[j]);
			}
			while (out->len > mark && out->data[out->len - 1] == ' ')
				out->data[--out->len] = '\0';
			cs_buf_addc(out, '\n');
		}
	}
	cs_buf_addc(out, '\n');
	free(w);
}

void
cs_render_text(struct cs_buf *out, const struct cs_report *r, int width, int color)
{
	size_t i;

	if (color)
		cs_buf_adds(out, BOLD);
	cs_buf_adds(out, r->title);
	if (color)
		cs_buf_adds(out, RESET);
	cs_buf_addc(out, '\n');
	wrapped(out, "", r->subtitle, (size_t)width, 0);
	cs_buf_addc(out, '\n');
	text_headline(out, r, width, color);
	for (i = 0; i < r->ntables; i++)
		text_table(out, &r->tables[i], width);
	if (r->nnotes) {
		rule(out, "Notes", '-');
		for (i = 0; i < r->nnotes; i++)
			wrapped(out, "- ", r->notes[i], (size_t)width, 2);
	}
}

/* Markdown. */

static void
md_cell(struct cs_buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' || *s == '`' || *s == '<' ||
		        *s == '[')
			cs_buf_addc(out, '\\');
		if (*s == '\n' || *s == '\r')
			cs_buf_addc(out, ' ');
		else
			cs_buf_addc(out, *s);
	}
}

void
cs_render_md(struct cs_buf *out, const struct cs_report *r)
{
	size_t i, j, k;

	cs_buf_adds(out, "# ");
	md_cell(out, r->title);
	cs_buf_adds(out, "\n\n");
	md_cell(out, r->subtitle);
	cs_buf_adds(out, "\n\n## Headline\n\n");
	cs_buf_printf(
	        out, "| figure | this week | last week | change | | %zu weeks |\n", r->nweeks);
	cs_buf_adds(out, "|---|---:|---:|---:|---|---|\n");
	for (i = 0; i < r->nfigures; i++) {
		const struct cs_report_figure *f = &r->figures[i];

		cs_buf_adds(out, "| ");
		md_cell(out, f->name);
		cs_buf_adds(out, " | ");
		md_cell(out, f->value);
		cs_buf_adds(out, " | ");
		md_cell(out, f->prev);
		cs_buf_printf(out, " | %s%s", arrow(f->dir), *f->change ? " " : "");
		md_cell(out, f->change);
		cs_buf_printf(out, " | %s | ", verdict(f->good));
		cs_render_sparkline(out, f->trend, f->ntrend);
		cs_buf_adds(out, " |\n");
	}
	for (i = 0; i < r->ntables; i++) {
		const struct cs_report_table *t = &r->tables[i];

		cs_buf_adds(out, "\n## ");
		md_cell(out, t->title);
		cs_buf_adds(out, "\n\n");
		if (t->note) {
			md_cell(out, t->note);
			cs_buf_adds(out, "\n\n");
		}
		if (t->nrows == 0)
			continue;
		cs_buf_adds(out, "|");
		for (j = 0; j < t->ncols; j++) {
			cs_buf_addc(out, ' ');
			md_cell(out, t->cols[j]);
			cs_buf_adds(out, " |");
		}
		cs_buf_adds(out, "\n|");
		for (j = 0; j < t->ncols; j++)
			cs_buf_adds(out, t->numeric[j] ? "---:|" : "---|");
		cs_buf_addc(out, '\n');
		for (k = 0; k < t->nrows; k++) {
			cs_buf_adds(out, "|");
			for (j = 0; j < t->ncols; j++) {
				cs_buf_addc(out, ' ');
				md_cell(out, t->cells[k * t->ncols + j]);
				cs_buf_adds(out, " |");
			}
			cs_buf_addc(out, '\n');
		}
	}
	if (r->nnotes) {
		cs_buf_adds(out, "\n## Notes\n\n");
		for (i = 0; i < r->nnotes; i++) {
			cs_buf_adds(out, "- ");
			md_cell(out, r->notes[i]);
			cs_buf_addc(out, '\n');
		}
	}
}
