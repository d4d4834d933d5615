/*
 * Unit tests of the small core modules: buffers, errors, statistics, the
 * CSV writer and regular expressions.  Expected values are worked by hand
 * in the comments.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcs/buf.h"
#include "libcs/csvout.h"
#include "libcs/error.h"
#include "libcs/regex.h"
#include "libcs/stats.h"
#include "tests/tap.h"

static void
test_buf(void)
{
	struct cs_buf b;
	int i;

	cs_buf_init(&b);
	for (i = 0; i < 1000; i++)
		cs_buf_addc(&b, 'x');
	tap_long((long long)b.len, 1000, "buf grows past its first capacity");
	tap_ok(b.data[1000] == '\0', "buf keeps a terminating NUL");
	cs_buf_reset(&b);
	cs_buf_printf(&b, "%s-%d", "week", 46);
	tap_str(b.data, "week-46", "buf_printf formats");
	cs_buf_release(&b);
}

static void
test_error(void)
{
	struct cs_error e;
	char out[1200];

	tap_long(cs_error_set(&e, "export.csv", 1043, "unterminated quoted field"), -1,
	        "error_set returns -1");
	tap_str(cs_error_format(&e, out, sizeof out), "export.csv:1043: unterminated quoted field",
	        "error with file and line");
	cs_error_set(&e, "rules.txt", 0, "cannot open");
	tap_str(cs_error_format(&e, out, sizeof out), "rules.txt: cannot open",
	        "error with file only");
}

static void
test_stats(void)
{
	struct cs_values v;
	double xs[] = {15, 20, 35, 40, 50};
	size_t i;

	/* PERCENTILE.INC of {15,20,35,40,50}: p50 is the 3rd value, 35; p90 has
	 * rank 0.9*4 = 3.6, so 40 + 0.6*(50-40) = 46; p25 rank 1.0 gives 20. */
	cs_values_init(&v);
	for (i = 5; i-- > 0;)
		cs_values_add(&v, xs[i]);
	tap_num(cs_values_percentile(&v, 0.5), 35, 1e-12, "median of five");
	tap_num(cs_values_percentile(&v, 0.9), 46, 1e-12, "p90 interpolates");
	tap_num(cs_values_percentile(&v, 0.25), 20, 1e-12, "p25 on a rank");
	tap_num(cs_values_mean(&v), 32, 1e-12, "mean");
	cs_values_release(&v);
	/* An even count: median of {1,2,3,4} is 2.5. */
	cs_values_init(&v);
	for (i = 1; i <= 4; i++)
		cs_values_add(&v, (double)i);
	tap_num(cs_values_percentile(&v, 0.5), 2.5, 1e-12, "median of four");
	cs_values_release(&v);
	cs_values_init(&v);
	tap_ok(isnan(cs_values_percentile(&v, 0.5)), "percentile of nothing is unknown");
	tap_ok(isnan(cs_ratio(3, 0)), "ratio over zero is unknown");
	cs_values_release(&v);
}

static char *
write_rows(int tsv, const char *const *fields, size_t n)
{
	char *mem = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&mem, &size);
	struct cs_writer *w = cs_writer_new(fp, "mem", tsv);
	struct cs_error e;
	size_t i;

	for (i = 0; i < n; i++)
		cs_writer_fieldz(w, fields[i]);
	cs_writer_end(w);
	cs_writer_number(w, 3.500, 3);
	cs_writer_number(w, 2.0, 2);
	cs_writer_number(w, NAN, 2);
	cs_writer_number(w, -0.0001, 2);
	cs_writer_end(w);
	cs_writer_close(w, &e);
	fclose(fp);
	return mem;
}

static void
test_writer(void)
{
	const char *f[] = {
	        "plain", "a,b", "say \"hi\"", "two\nlines", " pad", "37.8\"N", "tab\there"};
	char *s;

	s = write_rows(0, f, 7);
	tap_str(s,
	        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",\"37.8\"\"N\",tab\there\n"
	        "3.5,2,,0\n",
	        "csv quotes only where needed");
	free(s);
	s = write_rows(1, f, 7);
	tap_str(s,
	        "plain\ta,b\tsay \"hi\"\ttwo\\nlines\t pad\t37.8\"N\ttab\\there\n"
	        "3.5\t2\t\t0\n",
	        "tsv escapes tab and newline");
	free(s);
}

static void
test_regex(void)
{
	struct cs_error e;
	struct cs_regex *re;
	size_t a, b;
	char big[40];

	re = cs_regex_new("refund|charge ?back", "i", "rules.txt", 3, &e);
	tap_ok(re != NULL, "pattern compiles");
	tap_long(cs_regex_match(re, "Please REFUND me", 16, &e), 1, "caseless match");
	tap_ok(cs_regex_group(re, 0, &a, &b) && a == 7 && b == 13, "match span");
	tap_long(cs_regex_match(re, "login issue", 11, &e), 0, "no match");
	cs_regex_free(re);

	re = cs_regex_new("(unclosed", NULL, "rules.txt", 4, &e);
	tap_ok(re == NULL && e.line == 4 && strstr(e.msg, "offset 9") != NULL,
	        "bad pattern names its line and offset");

	/* (a+)+$ against many a's and a final b backtracks exponentially; the
	 * match limit must stop it. */
	re = cs_regex_new("^(a+)+$", NULL, "rules.txt", 5, &e);
	memset(big, 'a', sizeof big - 2);
	big[sizeof big - 2] = 'b';
	big[sizeof big - 1] = '\0';
	tap_long(cs_regex_match(re, big, strlen(big), &e), -1, "catastrophic pattern is stopped");
	tap_ok(strstr(e.msg, "limit") != NULL, "limit named in the error");
	cs_regex_free(re);
}

int
main(void)
{
	test_buf();
	test_error();
	test_stats();
	test_writer();
	test_regex();
	return tap_done();
}
