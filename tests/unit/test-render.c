/*
 * Unit tests of the weekly report's renderings over a report built in
 * memory: numbers, sparklines, arrows and their verdicts, 80 columns, the
 * Markdown table shape, HTML escaping and self-containment, MIME framing.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/render.h"
#include "libcs/report.h"
#include "tests/tap.h"

static struct cs_report *
sample(void)
{
	struct cs_report *r = cs_report_new("Support weekly 2026-W46", "2026-11-09 to 2026-11-15");
	double created[4] = {10, 12, NAN, 20}, frt[4] = {30, 31.25, 35, 33.5};
	const char *cols[] = {"team", "created", "subject"};
	const char *row1[] = {"<script>alert(1)</script>", "5", "a \"quoted\" & 'single' | pipe"};
	const char *row2[] = {"Support", "12",
	        "a very long subject that goes on and on well past any sensible width of a "
	        "terminal and then some more words"};
	struct cs_report_table *t;
	struct cs_report_chart *c;
	size_t i;

	r->nweeks = 4;
	r->week_labels = calloc(4, sizeof *r->week_labels);
	for (i = 0; i < 4; i++) {
		char l[16];

		snprintf(l, sizeof l, "2026-W%02zu", 43 + i);
		r->week_labels[i] = strdup(l);
	}
	cs_report_add_figure(r, "Created", -1, created, 4, "", 0);
	cs_report_add_figure(r, "First reply p50", 0, frt, 4, "min", 1);
	c = cs_report_add_chart(r, "Created and solved", 1, 4);
	cs_report_chart_series(c, "created", created);
	c = cs_report_add_chart(r, "First reply", 0, 4);
	cs_report_chart_series(c, "p50", frt);
	t = cs_report_add_table(r, "By team", 3, cols);
	cs_report_table_row(t, row1);
	cs_report_table_row(t, row2);
	t = cs_report_add_table(r, "Empty", 3, cols);
	cs_report_table_note(t, "Nothing this week.");
	cs_report_add_note(r, "health.csv: %d rows left out", 2);
	cs_report_add_note(r, "%s",
	        "a note long enough to need wrapping: lorem ipsum dolor sit amet, "
	        "consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
	        "labore et dolore magna aliqua");
	return r;
}

static void
test_numbers(void)
{
	char b[32];

	tap_str(cs_report_number(b, sizeof b, 3.5, 1), "3.5", "3.5 with 1 decimal");
	tap_str(cs_report_number(b, sizeof b, 2.0, 2), "2", "trailing zeros dropped");
	tap_str(cs_report_number(b, sizeof b, -0.04, 1), "0", "no minus zero");
	tap_str(cs_report_number(b, sizeof b, NAN, 1), "", "NaN is empty");
	tap_long((long long)cs_utf8_width("\xe2\x96\x81x\xc3\xa9"), 3, "width counts code points");
}

static void
test_figures(void)
{
	struct cs_report *r = sample();
	struct cs_report_figure *f = &r->figures[1];

	/* FRT 35 -> 33.5: down 1.5, and down is good. */
	tap_str(f->value, "33.5 min", "figure value with unit");
	tap_num(f->trend[1], 31.25, 1e-12, "the trend is kept");
	tap_str(f->prev, "35 min", "previous value");
	tap_str(f->change, "-1.5", "change");
	tap_ok(f->dir == CS_DIR_DOWN && f->good == CS_GOOD_YES, "down is good for FRT");
	/* Created: last week unknown, so no change and no arrow. */
	tap_ok(r->figures[0].dir == CS_DIR_NONE, "unknown last week: no arrow");
	cs_report_free(r);
}

static void
test_sparkline(void)
{
	struct cs_buf b;
	double v[8] = {1, 2, 3, 4, 5, 6, 7, 8}, flat[3] = {5, 5, 5}, gap[3] = {0, NAN, 10};

	cs_buf_init(&b);
	cs_render_sparkline(&b, v, 8);
	tap_str(b.data, "▁▂▃▄▅▆▇█", "sparkline of 1..8 uses every bar");
	cs_buf_reset(&b);
	cs_render_sparkline(&b, flat, 3);
	tap_str(b.data, "▄▄▄", "flat series sits in the middle");
	cs_buf_reset(&b);
	cs_render_sparkline(&b, gap, 3);
	tap_str(b.data, "▁ █", "unknown week is a space");
	cs_buf_release(&b);
}

static void
test_text(void)
{
	struct cs_report *r = sample();
	struct cs_buf b;
	char *line, *save = NULL;
	size_t widest = 0;
	int esc = 0;

	cs_buf_init(&b);
	cs_render_text(&b, r, 80, 0);
	esc = strchr(b.data, '\033') != NULL;
	for (line = strtok_r(b.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (cs_utf8_width(line) > widest)
			widest = cs_utf8_width(line);
	tap_ok(widest <= 80, "text fits 80 columns");
	if (widest > 80)
		printf("# widest line: %zu\n", widest);
	tap_ok(!esc, "no escape sequences without colour");
	cs_buf_reset(&b);
	cs_render_text(&b, r, 80, 1);
	tap_ok(strstr(b.data, "\033[32m") != NULL, "colour marks good news in green");
	tap_ok(strstr(b.data, "33.5 min") != NULL, "text shows the figure");
	tap_ok(strstr(b.data, "better") != NULL, "text says which way is good");
	cs_buf_release(&b);
	cs_report_free(r);
}

static void
test_md(void)
{
	struct cs_report *r = sample();
	struct cs_buf b;
	char *line, *save = NULL;
	int rows = 0, bad = 0;

	cs_buf_init(&b);
	cs_render_md(&b, r);
	tap_ok(strstr(b.data, "\\| pipe") != NULL, "a pipe in a cell is escaped");
	for (line = strtok_r(b.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t n = strlen(line);

		if (line[0] != '|')
			continue;
		rows++;
		if (line[n - 1] != '|')
			bad++;
	}
	tap_ok(rows >= 8 && bad == 0, "every table row starts and ends with |");
	cs_buf_release(&b);
	cs_report_free(r);
}

static void
test_html(void)
{
	struct cs_report *r = sample();
	struct cs_buf b;

	cs_buf_init(&b);
	cs_render_html(&b, r);
	tap_ok(strstr(b.data, "<script") == NULL, "no script element, even from the data");
	tap_ok(strstr(b.data, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL,
	        "a team name with markup is escaped");
	tap_ok(strstr(b.data, "&quot;quoted&quot; &amp; &#39;single&#39;") != NULL,
	        "quotes and ampersands are escaped");
	tap_ok(strstr(b.data, "http") == NULL && strstr(b.data, "src=") == NULL &&
	                strstr(b.data, "url(") == NULL,
	        "nothing refers outside the file");
	tap_ok(strstr(b.data, "<svg") != NULL && strstr(b.data, "<rect") != NULL &&
	                strstr(b.data, "<polyline") != NULL,
	        "bars and lines are inline SVG");
	cs_buf_release(&b);
	cs_report_free(r);
}

static void
test_mime(void)
{
	struct cs_report *r = sample();
	struct cs_buf b;
	struct cs_mime_headers h;

	memset(&h, 0, sizeof h);
	h.from = "support@example.com";
	h.to = "leads@example.com";
	h.subject = "Semaine 46 — résumé";
	h.date = 1795392000; /* Monday 2026-11-23T00:00:00Z */
	h.boundary = "BOUNDARY";
	cs_buf_init(&b);
	cs_render_mime(&b, r, &h);
	tap_ok(strncmp(b.data, "From: support@example.com\nTo: leads@example.com\n", 48) == 0,
	        "From and To come first");
	/* "Semaine 46 — résumé" in base64. */
	tap_ok(strstr(b.data, "Subject: =?UTF-8?B?U2VtYWluZSA0NiDigJQgcsOpc3Vtw6k=?=\n") != NULL,
	        "a non-ASCII subject is an encoded word");
	tap_ok(strstr(b.data, "Date: Mon, 23 Nov 2026 00:00:00 +0000\n") != NULL, "Date header");
	tap_ok(strstr(b.data, "Content-Type: multipart/alternative; boundary=\"BOUNDARY\"") != NULL,
	        "multipart/alternative");
	tap_ok(strstr(b.data, "--BOUNDARY\nContent-Type: text/plain; charset=utf-8") != NULL &&
	                strstr(b.data, "--BOUNDARY\nContent-Type: text/html; charset=utf-8") !=
	                        NULL &&
	                strstr(b.data, "\n--BOUNDARY--\n") != NULL,
	        "text part, HTML part, closing boundary");
	cs_buf_release(&b);
	cs_report_free(r);
}

int
main(void)
{
	test_numbers();
	test_figures();
	test_sparkline();
	test_text();
	test_md();
	test_html();
	test_mime();
	return tap_done();
}
