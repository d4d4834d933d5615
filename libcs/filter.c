/*
 * The output columns of a filter that keeps the input's columns, and the
 * check that every input shares one header; see filter.h.
 */
#include "libcs/filter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/xalloc.h"

void
cs_filter_init(struct cs_filter *f)
{
	memset(f, 0, sizeof *f);
}

void
cs_filter_release(struct cs_filter *f)
{
	size_t i;

	for (i = 0; i < f->nfirst; i++)
		free(f->first[i]);
	free(f->first);
	free(f->pos);
	memset(f, 0, sizeof *f);
}

/* Keeps the first header, and refuses a later one that differs. */
static int
check_header(struct cs_filter *f, const struct cs_row *h, const char *file, struct cs_error *err)
{
	size_t i;

	if (!f->bound_once) {
		f->bound_once = 1;
		f->nfirst = h->n;
		f->first = xcalloc(h->n ? h->n : 1, sizeof *f->first);
		for (i = 0; i < h->n; i++)
			f->first[i] = xstrdup(h->f[i]);
		return 0;
	}
	if (h->n != f->nfirst)
		return cs_error_set(err, file, 1, "the header differs from the first input's");
	for (i = 0; i < h->n; i++)
		if (!cs_csv_name_eq(h->f[i], f->first[i]))
			return cs_error_set(
			        err, file, 1, "the header differs from the first input's");
	return 0;
}

int
cs_filter_bind(struct cs_filter *f, const struct cs_row *h, const char *const *newcols,
        const char *file, struct cs_error *err)
{
	size_t i;

	if (check_header(f, h, file, err) < 0)
		return -1;
	free(f->pos);
	f->names = newcols;
	for (f->nnew = 0; newcols[f->nnew]; f->nnew++)
		;
	f->pos = xcalloc(f->nnew ? f->nnew : 1, sizeof *f->pos);
	f->nout = h->n;
	for (i = 0; i < f->nnew; i++) {
		int c = cs_csv_column(h, newcols[i]);

		f->pos[i] = c >= 0 ? c : (int)f->nout++;
	}
	return 0;
}

int
cs_filter_write_header(struct cs_filter *f, struct cs_writer *w, const struct cs_row *h)
{
	size_t i, j;

	if (f->header_written)
		return 0;
	f->header_written = 1;
	for (i = 0; i < f->nout; i++) {
		const char *name = i < h->n ? h->f[i] : NULL;

		for (j = 0; j < f->nnew; j++)
			if (f->pos[j] == (int)i)
				name = f->names[j];
		cs_writer_fieldz(w, name);
	}
	return cs_writer_end(w);
}

int
cs_filter_write_row(const struct cs_filter *f, struct cs_writer *w, const struct cs_row *row,
        char vals[][CS_FILTER_VALUE])
{
	size_t i, j;

	for (i = 0; i < f->nout; i++) {
		const char *v = i < row->n ? row->f[i] : "";
		size_t len = i < row->n ? row->len[i] : 0;

		for (j = 0; j < f->nnew; j++)
			if (f->pos[j] == (int)i) {
				v = vals[j];
				len = strlen(v);
			}
		cs_writer_field(w, v, len);
	}
	return cs_writer_end(w);
}

void
cs_filter_number(char out[CS_FILTER_VALUE], double v, int dec)
{
	char *p;

	if (isnan(v) || isinf(v)) {
		out[0] = '\0';
		return;
	}
	snprintf(out, CS_FILTER_VALUE, "%.*f", dec, v);
	if (strchr(out, '.')) {
		p = out + strlen(out) - 1;
		while (*p == '0')
			*p-- = '\0';
		if (*p == '.')
			*p = '\0';
	}
	if (strcmp(out, "-0") == 0)
		strcpy(out, "0");
}
