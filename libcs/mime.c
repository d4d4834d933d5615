/*
 * The weekly report as one e-mail: a multipart/alternative message with
 * the text rendering first and the HTML one second, each base64-encoded so
 * that any mail transport carries it unchanged whatever its line lengths
 * and bytes.  Headers with non-ASCII text are encoded as RFC 2047 words.
 */
#include "libcs/render.h"

#include <stdio.h>
#include <string.h>

#include "libcs/datetime.h"

static void
base64(struct cs_buf *out, const unsigned char *p, size_t n, int wrap)
{
	static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i, col = 0;

	for (i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		char q[4];

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = al[(v >> 18) & 63];
		q[1] = al[(v >> 12) & 63];
		q[2] = i + 1 < n ? al[(v >> 6) & 63] : '=';
		q[3] = i + 2 < n ? al[v & 63] : '=';
		cs_buf_add(out, q, 4);
		col += 4;
		if (wrap && col >= 76) {
			cs_buf_addc(out, '\n');
			col = 0;
		}
	}
	if (wrap && col)
		cs_buf_addc(out, '\n');
}

/* A header value, as an RFC 2047 encoded word when it is not plain ASCII. */
static void
header(struct cs_buf *out, const char *name, const char *value)
{
	const unsigned char *p;
	int ascii = 1;

	for (p = (const unsigned char *)value; *p; p++)
		if (*p >= 0x80)
			ascii = 0;
	cs_buf_printf(out, "%s: ", name);
	if (ascii) {
		cs_buf_adds(out, value);
	} else {
		cs_buf_adds(out, "=?UTF-8?B?");
		base64(out, (const unsigned char *)value, strlen(value), 0);
		cs_buf_adds(out, "?=");
	}
	cs_buf_addc(out, '\n');
}

void
cs_render_mime(struct cs_buf *out, const struct cs_report *r, const struct cs_mime_headers *h)
{
	static const char *const wd[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	static const char *const mon[] = {
	        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct cs_buf part;
	char boundary[80];
	int64_t day = cs_floor_div(h->date, 86400), sec = h->date - day * 86400;
	int y, m, d;

	if (h->boundary)
		snprintf(boundary, sizeof boundary, "%s", h->boundary);
	else
		snprintf(boundary, sizeof boundary, "=_cs-report_%lld", (long long)h->date);
	cs_civil_from_days(day, &y, &m, &d);
	if (h->from)
		header(out, "From", h->from);
	if (h->to)
		header(out, "To", h->to);
	header(out, "Subject", h->subject ? h->subject : r->title);
	cs_buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\n", wd[cs_weekday(day) - 1],
	        d, mon[m - 1], y, (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
	cs_buf_adds(out, "MIME-Version: 1.0\n");
	cs_buf_printf(out, "Content-Type: multipart/alternative; boundary=\"%s\"\n\n", boundary);
	cs_buf_adds(out, "This is a MIME message: the report in text and in HTML.\n\n");

	cs_buf_init(&part);
	cs_render_text(&part, r, 80, 0);
	cs_buf_printf(out,
	        "--%s\nContent-Type: text/plain; charset=utf-8\n"
	        "Content-Transfer-Encoding: base64\n\n",
	        boundary);
	base64(out, (const unsigned char *)part.data, part.len, 1);
	cs_buf_reset(&part);
	cs_render_html(&part, r);
	cs_buf_printf(out,
	        "\n--%s\nContent-Type: text/html; charset=utf-8\n"
	        "Content-Transfer-Encoding: base64\n\n",
	        boundary);
	base64(out, (const unsigned char *)part.data, part.len, 1);
	cs_buf_printf(out, "\n--%s--\n", boundary);
	cs_buf_release(&part);
}
