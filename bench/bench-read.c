/*
 * Times the CSV reader against a bare libcsv parse loop over the same file.
 *
 *   bench-read libcsv FILE   libcsv alone: read(2) in 64 KiB chunks, empty
 *                            field callback, a record counter
 *   bench-read cs FILE       cs_csv_open + cs_csv_read over every record
 *
 * Each run prints one line: mode, records, wall seconds, MB/s, CPU seconds
 * (user + system, less disturbed than wall time on a shared machine) and
 * peak RSS.  One mode per process, so that the peak RSS and the CPU time
 * belong to that mode alone.  Built
 * by bench/csv.sh with cc -O2 against libcs.a and -lcsv.
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "libcs/csv.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	(void)data;
}

static void
on_row(int c, void *data)
{
	(void)c;
	++*(long *)data;
}

static long
run_libcsv(const char *path)
{
	static char buf[64 * 1024];
	struct csv_parser p;
	long rows = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || csv_init(&p, 0) != 0) {
		perror(path);
		exit(1);
	}
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)n, on_field, on_row, &rows) != (size_t)n) {
			fprintf(stderr, "libcsv: %s\n", csv_strerror(csv_error(&p)));
			exit(1);
		}
	csv_fini(&p, on_field, on_row, &rows);
	csv_free(&p);
	close(fd);
	return rows - 1; /* the header */
}

static long
run_cs(const char *path)
{
	struct cs_error err;
	struct cs_csv_reader *r = cs_csv_open(path, NULL, &err);
	struct cs_row row;
	long rows = 0, problems = 0;
	int rc;

	if (r == NULL) {
		fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
		exit(1);
	}
	while ((rc = cs_csv_read(r, &row, &err)) == 1) {
		rows++;
		if (row.problem)
			problems++;
	}
	if (rc < 0) {
		fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
		exit(1);
	}
	if (problems)
		fprintf(stderr, "%ld records with problems\n", problems);
	cs_csv_close(r);
	return rows;
}

int
main(int argc, char **argv)
{
	struct stat st;
	struct rusage ru;
	double t0, t;
	long rows;

	if (argc != 3 || (strcmp(argv[1], "libcsv") != 0 && strcmp(argv[1], "cs") != 0)) {
		fprintf(stderr, "usage: bench-read libcsv|cs FILE\n");
		return 2;
	}
	if (stat(argv[2], &st) != 0) {
		perror(argv[2]);
		return 1;
	}
	t0 = now();
	rows = strcmp(argv[1], "cs") == 0 ? run_cs(argv[2]) : run_libcsv(argv[2]);
	t = now() - t0;
	getrusage(RUSAGE_SELF, &ru);
	printf("%-6s records=%ld seconds=%.3f MB/s=%.1f cpu=%.3f peak_rss_kib=%ld\n", argv[1], rows,
	        t, (double)st.st_size / 1e6 / t,
	        (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	                (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
	        ru.ru_maxrss);
	return 0;
}
