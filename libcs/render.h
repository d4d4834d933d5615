/*
 * Printing a struct cs_report (report.h) as text, Markdown, HTML or a
 * MIME message.  Every renderer appends to a struct cs_buf and never
 * fails short of running out of memory.
 *
 * Text fits `width` columns (80 for mail), draws trends as Unicode
 * sparklines and uses ANSI colour only when color is set (the program sets
 * it for a terminal without NO_COLOR).  Markdown is GitHub-flavoured, every
 * table row starting and ending with "|".  HTML is one self-contained
 * document: inline CSS and inline SVG, no script, no external reference,
 * every value from the data escaped.
 */
#ifndef CS_RENDER_H
#define CS_RENDER_H

#include <stdint.h>

#include "libcs/buf.h"
#include "libcs/report.h"

void cs_render_text(struct cs_buf *out, const struct cs_report *r, int width, int color);
void cs_render_md(struct cs_buf *out, const struct cs_report *r);
void cs_render_html(struct cs_buf *out, const struct cs_report *r);

/* A sparkline of n values (NaN drawn as a space) in UTF-8 block
 * characters, scaled from the least to the greatest value. */
void cs_render_sparkline(struct cs_buf *out, const double *v, size_t n);

/* Appends s with &, <, >, " and ' escaped for HTML. */
void cs_html_escape(struct cs_buf *out, const char *s);

/* The number of terminal columns of a UTF-8 string (one per code point). */
size_t cs_utf8_width(const char *s);

struct cs_mime_headers {
	const char *from, *to, *subject;
	int64_t date; /* the Date header, an instant */
	const char *boundary; /* NULL: derived from the date */
};

/* A complete multipart/alternative message (text, then HTML) ready for
 * "sendmail -t". */
void cs_render_mime(struct cs_buf *out, const struct cs_report *r, const struct cs_mime_headers *h);

#endif
