/*
 * Small statistics shared by the programs.
 *
 * Percentiles interpolate linearly between closest ranks, the rule of
 * spreadsheets' PERCENTILE.INC and MEDIAN: for n sorted values and p in
 * [0, 1], the rank is p * (n - 1) and the result lies between the values at
 * the floor and the ceiling of that rank.  A statistic over no values is NaN,
 * which the writers print as an empty field ("unknown").
 */
#ifndef CS_STATS_H
#define CS_STATS_H

#include <stddef.h>

/* A growable list of values kept for exact percentiles. */
struct cs_values {
	double *v;
	size_t n;
	size_t cap;
	double sum;
	int sorted;
};

void cs_values_init(struct cs_values *s);
void cs_values_release(struct cs_values *s);
void cs_values_add(struct cs_values *s, double x);
double cs_values_mean(const struct cs_values *s);
/* Sorts the values in place the first time it is called after an add. */
double cs_values_percentile(struct cs_values *s, double p);

/* The same rule over a sorted array. */
double cs_percentile_sorted(const double *v, size_t n, double p);

/* a / b, or NaN when b is 0. */
double cs_ratio(double a, double b);

#endif
