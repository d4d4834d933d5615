/*
 * Throughput of the time module's hot paths: cs_time_parse over the forms
 * seen in real exports, in UTC and in a DST zone, and cs_time_format.  Run
 * by bench/datetime.sh; prints nanoseconds per call.  Each form is parsed
 * over 64 distinct values so that the branch predictor cannot learn one.
 * Times are CPU time of the process, so a busy machine disturbs them less.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libcs/datetime.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	static const char *const forms[] = {"2023-04-%02d 09:13:44", "%02d-04-2023 09:13",
	        "2010-03-%02dT15:59:42+01:00", "04/%02d/2023 02:15 PM",
	        "Tue Oct %02d 22:10:47 +0000 2017", "16803%02d424"};
	long n = argc > 1 ? atol(argv[1]) : 5000000;
	struct cs_error err;
	struct cs_tz *zone = cs_tz_load("Europe/Paris", &err);
	char vals[64][48], out[CS_TIME_LEN];
	size_t lens[64];
	int f, z, i;

	if (zone == NULL) {
		fprintf(stderr, "datetime-bench: %s\n", err.msg);
		return 1;
	}
	for (f = 0; f < (int)(sizeof forms / sizeof forms[0]); f++) {
		for (i = 0; i < 64; i++) {
			snprintf(vals[i], sizeof vals[i], forms[f], 1 + i % 28);
			lens[i] = strlen(vals[i]);
		}
		for (z = 0; z < 2; z++) {
			int64_t t, sum = 0;
			long k, bad = 0;
			double t0 = now(), dt;

			for (k = 0; k < n; k++) {
				if (cs_time_parse(vals[k & 63], lens[k & 63], CS_ORDER_AUTO,
				            z ? zone : NULL, &t) == CS_PARSE_OK)
					sum += t;
				else
					bad++;
			}
			dt = now() - t0;
			printf("parse %-34s %-13s %6.1f ns%s\n", vals[0],
			        z ? "Europe/Paris" : "UTC", dt / (double)n * 1e9,
			        bad ? " (FAILED)" : "");
			if (sum == 42)
				puts("");
		}
	}
	{
		double t0 = now();
		long k, sum = 0;

		for (k = 0; k < n; k++)
			sum += cs_time_format(1680340424 + k * 37, out)[18];
		printf("format %-47s %6.1f ns\n", "", (now() - t0) / (double)n * 1e9);
		if (sum == 42)
			puts("");
	}
	cs_tz_free(zone);
	return 0;
}
