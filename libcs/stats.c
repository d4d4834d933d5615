/*
 * Statistics of stats.h.
 */
#include "libcs/stats.h"

#include <math.h>
#include <stdlib.h>

#include "libcs/xalloc.h"

void
cs_values_init(struct cs_values *s)
{
	s->v = NULL;
	s->n = s->cap = 0;
	s->sum = 0;
	s->sorted = 1;
}

void
cs_values_release(struct cs_values *s)
{
	free(s->v);
	cs_values_init(s);
}

void
cs_values_add(struct cs_values *s, double x)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = x;
	s->sum += x;
	s->sorted = s->n < 2;
}

double
cs_values_mean(const struct cs_values *s)
{
	return s->n ? s->sum / (double)s->n : NAN;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
cs_values_percentile(struct cs_values *s, double p)
{
	if (!s->sorted) {
		qsort(s->v, s->n, sizeof *s->v, cmp_double);
		s->sorted = 1;
	}
	return cs_percentile_sorted(s->v, s->n, p);
}

double
cs_percentile_sorted(const double *v, size_t n, double p)
{
	double rank, frac;
	size_t lo;

	if (n == 0)
		return NAN;
	if (p <= 0)
		return v[0];
	if (p >= 1)
		return v[n - 1];
	rank = p * (double)(n - 1);
	lo = (size_t)rank;
	frac = rank - (double)lo;
	if (lo + 1 >= n)
		return v[n - 1];
	return v[lo] + frac * (v[lo + 1] - v[lo]);
}

double
cs_ratio(double a, double b)
{
	return b == 0 ? NAN : a / b;
}
