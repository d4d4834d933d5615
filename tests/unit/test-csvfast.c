/*
 * The CSV reader's fast path (plain lines cut with memchr) against its
 * libcsv path: the same data written once plain and once with every field
 * quoted (which sends each line to libcsv) must come back as the same
 * records, field for field, with the same line numbers and problems.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"
#include "libcs/csv.h"
#include "tests/tap.h"

/* Writes rows (fields separated by \x1f, rows by \n) with delimiter d,
 * every field quoted or none. */
static void
build(struct cs_buf *b, const char *rows, char d, int quote)
{
	const char *p;

	cs_buf_reset(b);
	if (quote)
		cs_buf_addc(b, '"');
	for (p = rows; *p; p++) {
		if (*p == '\x1f' || *p == '\n') {
			if (quote)
				cs_buf_addc(b, '"');
			cs_buf_addc(b, *p == '\n' ? '\n' : d);
			if (quote && p[1])
				cs_buf_addc(b, '"');
		} else {
			cs_buf_addc(b, *p);
		}
	}
}

/* Reads everything into one line of text: "line:n:problem|f1|f2|...". */
static void
dump(struct cs_buf *out, const char *data, size_t len)
{
	struct cs_csv_options o;
	struct cs_error e;
	struct cs_csv_reader *rd;
	struct cs_row r;
	size_t i;
	int rc;

	cs_buf_reset(out);
	cs_csv_options_init(&o);
	rd = cs_csv_open_mem("t", data, len, &o, &e);
	if (rd == NULL) {
		cs_buf_printf(out, "open: %s", e.msg);
		return;
	}
	while ((rc = cs_csv_read(rd, &r, &e)) > 0) {
		cs_buf_printf(out, "%ld:%zu:%s", r.line, r.n, r.problem ? r.problem : "");
		for (i = 0; i < r.n; i++) {
			cs_buf_addc(out, '|');
			cs_buf_add(out, r.f[i], r.len[i]);
		}
		cs_buf_addc(out, '\n');
	}
	if (rc < 0)
		cs_buf_printf(out, "fatal %ld: %s\n", e.line, e.msg);
	cs_csv_close(rd);
}

int
main(void)
{
	static const struct {
		const char *name, *rows;
		char d;
	} t[] = {
	        {"plain rows",
	                "id\x1f"
	                "a\x1f"
	                "b\n1\x1f"
	                "x\x1f"
	                "y\n2\x1f"
	                "z\x1f"
	                "w\n",
	                ','},
	        {"empty fields",
	                "a\x1f"
	                "b\x1f"
	                "c\n\x1f\x1f\n1\x1f\x1f"
	                "3\n",
	                ','},
	        {"spaces kept",
	                "a\x1f"
	                "b\n x \x1f"
	                "y \n",
	                ','},
	        {"ragged rows",
	                "a\x1f"
	                "b\x1f"
	                "c\n1\x1f"
	                "2\n1\x1f"
	                "2\x1f"
	                "3\x1f"
	                "4\n",
	                ','},
	        {"tab separated",
	                "a\x1f"
	                "b\n1\x1f"
	                "2\n",
	                '\t'},
	        {"semicolons",
	                "a\x1f"
	                "b\n1,5\x1f"
	                "2\n",
	                ';'},
	        {"UTF-8 and bad bytes",
	                "a\x1f"
	                "b\n\xc3\xa9\x1f\xff\n",
	                ','},
	};
	struct cs_buf plain, quoted, a, b;
	size_t i;

	cs_buf_init(&plain);
	cs_buf_init(&quoted);
	cs_buf_init(&a);
	cs_buf_init(&b);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		build(&plain, t[i].rows, t[i].d, 0);
		build(&quoted, t[i].rows, t[i].d, 1);
		dump(&a, plain.data, plain.len);
		dump(&b, quoted.data, quoted.len);
		tap_str(a.data, b.data, t[i].name);
	}
	/* Many rows, so that lines fall across the reader's 64 KiB chunks. */
	{
		struct cs_buf rows;
		int k;

		cs_buf_init(&rows);
		cs_buf_adds(&rows, "id\x1fvalue\x1fnote\n");
		for (k = 0; k < 20000; k++)
			cs_buf_printf(&rows, "%d\x1f%d.%d\x1fnote %d\n", k, k * 7, k % 10, k);
		build(&plain, rows.data, ',', 0);
		build(&quoted, rows.data, ',', 1);
		dump(&a, plain.data, plain.len);
		dump(&b, quoted.data, quoted.len);
		tap_ok(strcmp(a.data, b.data) == 0, "20,000 rows across chunk boundaries");
		{
			long lines = 0;
			size_t j;

			for (j = 0; j < a.len; j++)
				lines += a.data[j] == '\n';
			tap_long(lines, 20000, "every record read (the header is not a record)");
		}
		tap_num((double)a.len, (double)b.len, 0, "both dumps have the same length");
		cs_buf_release(&rows);
	}
	cs_buf_release(&plain);
	cs_buf_release(&quoted);
	cs_buf_release(&a);
	cs_buf_release(&b);
	return tap_done();
}
