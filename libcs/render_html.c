/*
 * The HTML rendering of the weekly report, with its SVG charts; see
 * render.h.  The document references nothing outside itself: styles are
 * inline in one <style> element, charts are inline <svg>, there is no
 * script and no URL, so it reads the same in a browser, a mail client or
 * an archive years later.
 */
#include "libcs/render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void
cs_html_escape(struct cs_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': cs_buf_adds(out, "&amp;"); break;
		case '<': cs_buf_adds(out, "&lt;"); break;
		case '>': cs_buf_adds(out, "&gt;"); break;
		case '"': cs_buf_adds(out, "&quot;"); break;
		case '\'': cs_buf_adds(out, "&#39;"); break;
		default: cs_buf_addc(out, *s);
		}
	}
}

static const char *const palette[] = {"#2b6cb0", "#dd6b20", "#38a169", "#805ad5"};

#define CW 640 /* chart width */
#define CH 200 /* chart height */
#define ML 48 /* left margin for the axis labels */
#define MB 28 /* bottom margin */
#define MT 12

static void
chart(struct cs_buf *out, const struct cs_report_chart *c, char *const *labels)
{
	double hi = 0, x0 = ML, w = CW - ML - 8, h = CH - MB - MT;
	size_t s, i;
	char num[32];

	for (s = 0; s < c->nseries; s++)
		for (i = 0; i < c->npoints; i++)
			if (!isnan(c->values[s][i]) && c->values[s][i] > hi)
				hi = c->values[s][i];
	if (hi <= 0)
		hi = 1;
	cs_buf_adds(out, "<figure><figcaption>");
	cs_html_escape(out, c->title);
	cs_buf_adds(out, "</figcaption>\n");
	cs_buf_printf(out,
	        "<svg class=\"chart\" width=\"%d\" "
	        "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
	        CW, CH, CW, CH);
	cs_html_escape(out, c->title);
	cs_buf_adds(out, "\">\n");
	/* Axes and the top value. */
	cs_buf_printf(out,
	        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
	        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
	        ML, MT, ML, CH - MB, ML, CH - MB, CW - 8, CH - MB);
	cs_report_number(num, sizeof num, hi, 1);
	cs_buf_printf(
	        out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", ML - 4, MT + 8, num);
	cs_buf_printf(
	        out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n", ML - 4, CH - MB);
	for (i = 0; i < c->npoints; i++) {
		double cx = x0 + w * ((double)i + 0.5) / (double)c->npoints;

		/* Every other week's label, and always the last. */
		if ((c->npoints - 1 - i) % 2 == 0) {
			const char *l = labels[i], *dash = strchr(l, '-');

			cs_buf_printf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", cx,
			        CH - MB + 16);
			cs_html_escape(out, dash ? dash + 1 : l);
			cs_buf_adds(out, "</text>");
		}
	}
	cs_buf_addc(out, '\n');
	for (s = 0; s < c->nseries; s++) {
		const char *col = palette[s % 4];

		if (c->bars) {
			double slot = w / (double)c->npoints;
			double bw = slot * 0.8 / (double)c->nseries;

			for (i = 0; i < c->npoints; i++) {
				double v = c->values[s][i], bh, x;

				if (isnan(v))
					continue;
				bh = h * v / hi;
				x = x0 + slot * (double)i + slot * 0.1 + bw * (double)s;
				cs_buf_printf(out,
				        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
				        "height=\"%.1f\" "
				        "fill=\"%s\"/>",
				        x, MT + h - bh, bw, bh, col);
			}
			cs_buf_addc(out, '\n');
		} else {
			int open = 0;

			for (i = 0; i < c->npoints; i++) {
				double v = c->values[s][i];
				double x = x0 + w * ((double)i + 0.5) / (double)c->npoints;

				if (isnan(v)) {
					if (open)
						cs_buf_adds(out, "\"/>\n");
					open = 0;
					continue;
				}
				if (!open)
					cs_buf_printf(out,
					        "<polyline fill=\"none\" stroke=\"%s\" "
					        "stroke-width=\"2\" points=\"",
					        col);
				cs_buf_printf(out, "%s%.1f,%.1f", open ? " " : "", x,
				        MT + h - h * v / hi);
				open = 1;
			}
			if (open)
				cs_buf_adds(out, "\"/>\n");
			for (i = 0; i < c->npoints; i++) {
				double v = c->values[s][i];
				double x = x0 + w * ((double)i + 0.5) / (double)c->npoints;

				if (!isnan(v))
					cs_buf_printf(out,
					        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
					        "fill=\"%s\"/>",
					        x, MT + h - h * v / hi, col);
			}
			cs_buf_addc(out, '\n');
		}
	}
	cs_buf_adds(out, "</svg>\n<p class=\"legend\">");
	for (s = 0; s < c->nseries; s++) {
		cs_buf_printf(out, "<span style=\"color:%s\">&#9632;</span> ", palette[s % 4]);
		cs_html_escape(out, c->names[s]);
		cs_buf_adds(out, s + 1 < c->nseries ? " &nbsp; " : "");
	}
	cs_buf_adds(out, "</p></figure>\n");
}

static const char *
dir_entity(enum cs_trend_dir d)
{
	switch (d) {
	case CS_DIR_UP: return "&#8593;";
	case CS_DIR_DOWN: return "&#8595;";
	case CS_DIR_FLAT: return "=";
	default: return "";
	}
}

void
cs_render_html(struct cs_buf *out, const struct cs_report *r)
{
	size_t i, j, k;

	cs_buf_adds(out,
	        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
	cs_html_escape(out, r->title);
	cs_buf_adds(out,
	        "</title>\n<style>\n"
	        "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
	        "color:#1a202c;background:#fff;margin:24px;max-width:760px}\n"
	        "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;"
	        "border-bottom:1px solid #e2e8f0;padding-bottom:4px}\n"
	        ".sub{color:#4a5568;margin:0 0 16px}\n"
	        "table{border-collapse:collapse;font-size:13px;margin:4px 0}\n"
	        "th,td{padding:4px 8px;border-bottom:1px solid #edf2f7;text-align:left}\n"
	        "th{background:#f7fafc}td.n,th.n{text-align:right;"
	        "font-variant-numeric:tabular-nums}\n"
	        ".good{color:#276749}.bad{color:#c53030}.spark{letter-spacing:-1px;color:#2b6cb0}\n"
	        "figure{margin:16px "
	        "0}figcaption{font-weight:bold;font-size:14px;margin-bottom:4px}\n"
	        "svg.chart text{font-size:11px;fill:#4a5568}.legend{font-size:12px;margin:2px 0}\n"
	        ".note{color:#4a5568;font-size:13px}\n"
	        "</style>\n</head>\n<body>\n<h1>");
	cs_html_escape(out, r->title);
	cs_buf_adds(out, "</h1>\n<p class=\"sub\">");
	cs_html_escape(out, r->subtitle);
	cs_buf_adds(out,
	        "</p>\n<h2>Headline</h2>\n<table>\n<tr><th></th><th class=\"n\">this "
	        "week</th><th class=\"n\">last week</th><th class=\"n\">change</th>");
	cs_buf_printf(out, "<th>%zu weeks</th></tr>\n", r->nweeks);
	for (i = 0; i < r->nfigures; i++) {
		const struct cs_report_figure *f = &r->figures[i];
		const char *cls = f->good == CS_GOOD_YES ? " good"
		        : f->good == CS_GOOD_NO          ? " bad"
		                                         : "";

		cs_buf_adds(out, "<tr><td>");
		cs_html_escape(out, f->name);
		cs_buf_adds(out, "</td><td class=\"n\"><b>");
		cs_html_escape(out, f->value);
		cs_buf_adds(out, "</b></td><td class=\"n\">");
		cs_html_escape(out, f->prev);
		cs_buf_printf(out, "</td><td class=\"n%s\">%s ", cls, dir_entity(f->dir));
		cs_html_escape(out, f->change);
		/* The verdict in words too: colour alone fails readers who cannot
		 * tell red from green, and mail clients that drop styles. */
		if (f->good != CS_GOOD_NEUTRAL)
			cs_buf_adds(out,
			        f->good == CS_GOOD_YES ? " <small>better</small>"
			                               : " <small>worse</small>");
		cs_buf_adds(out, "</td><td class=\"spark\">");
		cs_render_sparkline(out, f->trend, f->ntrend);
		cs_buf_adds(out, "</td></tr>\n");
	}
	cs_buf_adds(out, "</table>\n<h2>Trends</h2>\n");
	for (i = 0; i < r->ncharts; i++)
		chart(out, &r->charts[i], r->week_labels);
	for (i = 0; i < r->ntables; i++) {
		const struct cs_report_table *t = &r->tables[i];

		cs_buf_adds(out, "<h2>");
		cs_html_escape(out, t->title);
		cs_buf_adds(out, "</h2>\n");
		if (t->note) {
			cs_buf_adds(out, "<p class=\"note\">");
			cs_html_escape(out, t->note);
			cs_buf_adds(out, "</p>\n");
		}
		if (t->nrows == 0)
			continue;
		cs_buf_adds(out, "<table>\n<tr>");
		for (j = 0; j < t->ncols; j++) {
			cs_buf_adds(out, t->numeric[j] ? "<th class=\"n\">" : "<th>");
			cs_html_escape(out, t->cols[j]);
			cs_buf_adds(out, "</th>");
		}
		cs_buf_adds(out, "</tr>\n");
		for (k = 0; k < t->nrows; k++) {
			cs_buf_adds(out, "<tr>");
			for (j = 0; j < t->ncols; j++) {
				cs_buf_adds(out, t->numeric[j] ? "<td class=\"n\">" : "<td>");
				cs_html_escape(out, t->cells[k * t->ncols + j]);
				cs_buf_adds(out, "</td>");
			}
			cs_buf_adds(out, "</tr>\n");
		}
		cs_buf_adds(out, "</table>\n");
	}
	if (r->nnotes) {
		cs_buf_adds(out, "<h2>Notes</h2>\n<ul class=\"note\">\n");
		for (i = 0; i < r->nnotes; i++) {
			cs_buf_adds(out, "<li>");
			cs_html_escape(out, r->notes[i]);
			cs_buf_adds(out, "</li>\n");
		}
		cs_buf_adds(out, "</ul>\n");
	}
	cs_buf_adds(out, "</body>\n</html>\n");
}
