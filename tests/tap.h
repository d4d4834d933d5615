/*
 * A minimal TAP producer for the unit tests: each check prints one
 * "ok N - name" or "not ok N - name" line with the values that differed,
 * and tap_done prints the plan and returns the exit status.
 */
#ifndef CS_TESTS_TAP_H
#define CS_TESTS_TAP_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline void
tap_ok(int cond, const char *name)
{
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, name);
}

static inline void
tap_str(const char *got, const char *want, const char *name)
{
	int cond = got != NULL && want != NULL ? strcmp(got, want) == 0 : got == want;

	tap_ok(cond, name);
	if (!cond)
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)",
		        want ? want : "(null)");
}

static inline void
tap_long(long long got, long long want, const char *name)
{
	tap_ok(got == want, name);
	if (got != want)
		printf("#   got:  %lld\n#   want: %lld\n", got, want);
}

/* Numbers agree within tol; NaN agrees only with NaN. */
static inline void
tap_num(double got, double want, double tol, const char *name)
{
	int cond = isnan(want) ? isnan(got) : fabs(got - want) <= tol;

	tap_ok(cond, name);
	if (!cond)
		printf("#   got:  %.9g\n#   want: %.9g (within %g)\n", got, want, tol);
}

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
