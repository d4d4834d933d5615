/*
 * The rejects file; see rejects.h.
 */
#include "libcs/rejects.h"

#include <string.h>

void
cs_rejects_init(struct cs_rejects *r, struct cs_writer *w)
{
	r->w = w;
	r->n = 0;
	cs_buf_init(&r->record);
	cs_writer_fieldz(w, "file");
	cs_writer_fieldz(w, "line");
	cs_writer_fieldz(w, "reason");
	cs_writer_fieldz(w, "record");
	cs_writer_end(w);
}

/* The row as one CSV line, quoted by the rule of csvout.h. */
static void
record_text(struct cs_buf *b, const struct cs_row *row)
{
	size_t i, j;

	cs_buf_reset(b);
	for (i = 0; i < row->n; i++) {
		const char *s = row->f[i];
		size_t l = row->len[i];
		int quote = l > 0 && (s[0] == ' ' || s[l - 1] == ' ');

		for (j = 0; j < l && !quote; j++)
			quote = s[j] == ',' || s[j] == '"' || s[j] == '\n' || s[j] == '\r';
		if (i)
			cs_buf_addc(b, ',');
		if (!quote) {
			cs_buf_add(b, s, l);
			continue;
		}
		cs_buf_addc(b, '"');
		for (j = 0; j < l; j++) {
			if (s[j] == '"')
				cs_buf_addc(b, '"');
			cs_buf_addc(b, s[j]);
		}
		cs_buf_addc(b, '"');
	}
}

int
cs_rejects_add(struct cs_rejects *r, const struct cs_error *why, const struct cs_row *row)
{
	record_text(&r->record, row);
	cs_writer_fieldz(r->w, why->file);
	cs_writer_fieldf(r->w, "%ld", why->line);
	cs_writer_fieldz(r->w, why->msg);
	cs_writer_field(r->w, r->record.data, r->record.len);
	r->n++;
	return cs_writer_end(r->w);
}

void
cs_rejects_release(struct cs_rejects *r)
{
	cs_buf_release(&r->record);
}
