/*
 * The queueing models of erlang.h.
 *
 * Erlang C follows from Erlang B as C = N B / (N - A (1 - B)).  Erlang A
 * (Palm's M/M/N+M) is computed with the closed forms of Garnett, Mandelbaum
 * and Reiman (2002), derived again here from the birth-death chain: with
 * x = N mu / theta and y = lambda / theta (mu the service rate, theta the
 * abandonment rate, lambda the arrival rate), the chain's states above N sum
 * to pi_N a(x, y), where a(x, y) = x e^y y^-x gamma(x, y) and gamma is the
 * lower incomplete gamma function.  The states below N sum to
 * pi_N (1 / B(N, A) - 1).  Then
 *
 *   P(wait)    = a / (1 / B - 1 + a)
 *   P(abandon) = pi_N (a (1 - x/y) + x/y)
 *   SL(t)      = 1 - P(wait) + P(wait) (x/y) [P(x+1, y) - P(x+1, y e^-theta t)] / P(x, y)
 *
 * where P is the regularized incomplete gamma function and SL(t) is the
 * fraction of all contacts answered within t (a contact that abandons is
 * never answered).  Every product of huge and tiny factors is taken in
 * logarithms.
 */
#include "libcs/erlang.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* A percentage or a time printed with three decimals: the tolerance under
 * which a target counts as met (cs_erlang_meets). */
#define PCT_TOL 5e-6
#define SEC_TOL 5e-4

static const char *const model_names[] = {"erlang-c", "erlang-a", "workload"};

int
cs_erlang_model_from_name(const char *name, enum cs_erlang_model *m)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(name, model_names[i]) == 0) {
			*m = (enum cs_erlang_model)i;
			return 0;
		}
	return -1;
}

const char *
cs_erlang_model_name(enum cs_erlang_model m)
{
	return model_names[m];
}

void
cs_erlang_target_init(struct cs_erlang_target *t)
{
	t->model = CS_MODEL_ERLANG_C;
	t->sl = 0.8;
	t->sl_time_s = 20;
	t->asa_s = NAN;
	t->max_occupancy = 1;
	t->patience_s = NAN;
	t->max_abandon = NAN;
	t->max_agents = 0;
}

long
cs_ceil_tol(double x)
{
	double r = round(x);

	if (fabs(x - r) <= 1e-9 * (fabs(x) > 1 ? fabs(x) : 1))
		return (long)r;
	return (long)ceil(x);
}

/*
 * Below the load the recurrence forgets where it started: each step scales
 * an error in B(n-1) by about n / A.  From n0 = A - 10 sqrt(A) up to A the
 * errors shrink by about e^-50, so for large loads the recurrence may start
 * at n0 from the fluid value B(n0) ~ 1 - n0 / A instead of at 0, and an
 * interval of 2,000 Erlangs costs about 450 steps instead of 2,000.  Only
 * n at or above the load starts warm, so the contraction has run its course.
 */
#define B_WARM_LOAD 100

double
cs_erlang_b(double a, long n)
{
	double b = 1;
	long i = 0;

	if (a > B_WARM_LOAD) {
		long n0 = (long)(a - 10 * sqrt(a));

		if (n0 > 0 && (double)n >= a) {
			i = n0;
			b = 1 - (double)n0 / a;
		}
	}
	for (i++; i <= n; i++)
		b = a * b / ((double)i + a * b);
	return b;
}

/* C from B for n agents; 1 when the agents cannot keep up. */
static double
c_from_b(double a, long n, double b)
{
	double c;

	if ((double)n <= a)
		return 1;
	c = (double)n * b / ((double)n - a * (1 - b));
	return c > 1 ? 1 : c;
}

double
cs_erlang_c(double a, long n)
{
	if (a <= 0)
		return 0;
	return c_from_b(a, n, cs_erlang_b(a, n));
}

double
cs_erlang_b_load(long n, double b)
{
	double lo = 0, hi = 1;
	int i;

	if (n <= 0 || b <= 0)
		return 0;
	if (b >= 1)
		return INFINITY;
	while (cs_erlang_b(hi, n) < b && hi < 1e9)
		hi *= 2;
	for (i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
		double mid = (lo + hi) / 2;

		if (cs_erlang_b(mid, n) < b)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

/*
 * log P(a, z).  Below z = a + 1 the power series converges fast; above it
 * the continued fraction of the upper function Q does, and P = 1 - Q is
 * then at least one half, so log1p(-Q) loses nothing.
 */
double
cs_log_gamma_p(double a, double z)
{
	double lead, sum, term, b, c, d, h;
	int i;

	if (z <= 0)
		return -INFINITY;
	lead = a * log(z) - z - lgamma(a);
	if (z < a + 1) {
		term = sum = 1 / a;
		for (i = 1; i < 1000000; i++) {
			term *= z / (a + i);
			sum += term;
			if (term < sum * 1e-17)
				break;
		}
		return lead + log(sum);
	}
	/* Modified Lentz evaluation of Q's continued fraction. */
	b = z + 1 - a;
	c = 1 / DBL_MIN;
	d = 1 / b;
	h = d;
	for (i = 1; i < 1000000; i++) {
		double an = -i * (i - a), del;

		b += 2;
		d = an * d + b;
		if (fabs(d) < DBL_MIN)
			d = DBL_MIN;
		c = b + an / c;
		if (fabs(c) < DBL_MIN)
			c = DBL_MIN;
		d = 1 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-16)
			break;
	}
	return log1p(-exp(lead) * h);
}

static void
result_clear(struct cs_erlang_result *r, double a, long n)
{
	r->erlangs = a;
	r->agents = n;
	r->sl = r->asa_s = r->occupancy = r->abandon = r->wait = NAN;
}

/* Erlang C metrics of n agents whose Erlang B is b. */
static void
eval_c(const struct cs_erlang_target *t, double a, double aht_s, long n, double b,
        struct cs_erlang_result *r)
{
	double c;

	result_clear(r, a, n);
	if (a <= 0) {
		r->sl = 1;
		r->asa_s = 0;
		r->wait = 0;
		r->occupancy = n > 0 ? 0 : NAN;
		return;
	}
	if ((double)n <= a) {
		r->sl = 0;
		r->wait = 1;
		r->occupancy = n > 0 ? 1 : NAN;
		return;
	}
	c = c_from_b(a, n, b);
	r->wait = c;
	r->sl = 1 - c * exp(-((double)n - a) * t->sl_time_s / aht_s);
	r->asa_s = c * aht_s / ((double)n - a);
	r->occupancy = a / (double)n;
}

static void
eval_workload(double a, long n, struct cs_erlang_result *r)
{
	result_clear(r, a, n);
	if (n > 0)
		r->occupancy = a / (double)n > 1 ? 1 : a / (double)n;
}

/* Erlang A metrics of n agents; lambda in contacts per second. */
static void
eval_a(const struct cs_erlang_target *t, double a, double lambda, double aht_s, long n, double b,
        struct cs_erlang_result *r)
{
	double theta = 1 / t->patience_s, x, y, loga, logd, pw, logpi, pab, sl, lp_x, lp_x1y,
	       lp_x1yu;

	result_clear(r, a, n);
	if (a <= 0) {
		r->sl = 1;
		r->asa_s = 0;
		r->wait = 0;
		r->abandon = 0;
		r->occupancy = n > 0 ? 0 : NAN;
		return;
	}
	if (n == 0) {
		/* Nobody answers: every contact waits until it gives up. */
		r->sl = 0;
		r->wait = 1;
		r->abandon = 1;
		r->asa_s = t->patience_s;
		return;
	}
	x = (double)n / aht_s / theta;
	y = lambda / theta;
	lp_x = cs_log_gamma_p(x, y);
	loga = log(x) + y - x * log(y) + lgamma(x) + lp_x;
	if (b <= 0) {
		/* So many agents that Erlang B underflows: nobody waits. */
		pw = 0;
		logpi = -INFINITY;
	} else {
		logd = log1p(-b) - log(b);
		pw = 1 / (1 + exp(logd - loga));
		logpi = log(pw) - loga;
	}
	if (x <= y) {
		pab = pw * (1 - x / y) + x / y * exp(logpi);
	} else {
		/* Underloaded: sum the positive series instead of subtracting. */
		double term = 1, sum = 0;
		long k;

		for (k = 0; k < 10000000; k++) {
			double add = term * (double)(k + 1) / (x + (double)k + 1);

			sum += add;
			if (add < sum * 1e-17)
				break;
			term *= y / (x + (double)k + 1);
		}
		pab = exp(logpi + log(sum));
	}
	if (pab > 1)
		pab = 1;
	sl = 1 - pw;
	if (pw > 0) {
		lp_x1y = cs_log_gamma_p(x + 1, y);
		lp_x1yu = cs_log_gamma_p(x + 1, y * exp(-theta * t->sl_time_s));
		sl += pw * (x / y) * exp(lp_x1y - lp_x) * -expm1(lp_x1yu - lp_x1y);
	}
	r->wait = pw;
	r->abandon = pab;
	r->sl = sl < 0 ? 0 : sl > 1 ? 1 : sl;
	r->asa_s = pab * t->patience_s; /* Little's law: E[W] = E[Q] / lambda */
	r->occupancy = a * (1 - pab) / (double)n;
	if (r->occupancy > 1)
		r->occupancy = 1;
}

static int
check_inputs(const struct cs_erlang_target *t, double contacts, double interval_s, double aht_s,
        struct cs_error *err)
{
	if (!(contacts >= 0) || !isfinite(contacts))
		return cs_error_set(err, NULL, 0, "contacts must be a number of at least 0");
	if (!(interval_s > 0) || !isfinite(interval_s))
		return cs_error_set(err, NULL, 0, "the interval must be longer than 0 seconds");
	if (!(aht_s >= 0) || !isfinite(aht_s))
		return cs_error_set(err, NULL, 0, "the handle time must be at least 0 seconds");
	if (contacts * aht_s / interval_s > CS_ERLANG_MAX_LOAD)
		return cs_error_set(err, NULL, 0, "a load of %.6g erlangs is above the limit of %g",
		        contacts * aht_s / interval_s, CS_ERLANG_MAX_LOAD);
	if (t->model == CS_MODEL_ERLANG_A && !(t->patience_s > 0))
		return cs_error_set(err, NULL, 0, "erlang-a needs a patience above 0 seconds");
	return 0;
}

int
cs_erlang_eval(const struct cs_erlang_target *t, double contacts, double interval_s, double aht_s,
        long n, struct cs_erlang_result *out, struct cs_error *err)
{
	double a;

	if (check_inputs(t, contacts, interval_s, aht_s, err) < 0)
		return -1;
	if (n < 0)
		return cs_error_set(err, NULL, 0, "agents must be at least 0");
	a = contacts * aht_s / interval_s;
	switch (t->model) {
	case CS_MODEL_ERLANG_C: eval_c(t, a, aht_s, n, cs_erlang_b(a, n), out); break;
	case CS_MODEL_ERLANG_A:
		eval_a(t, a, contacts / interval_s, aht_s, n, cs_erlang_b(a, n), out);
		break;
	case CS_MODEL_WORKLOAD: eval_workload(a, n, out); break;
	}
	return 0;
}

int
cs_erlang_meets(const struct cs_erlang_target *t, const struct cs_erlang_result *r)
{
	if (r->erlangs <= 0)
		return 1;
	if (t->model != CS_MODEL_WORKLOAD) {
		if (!isnan(t->sl) && !(r->sl >= t->sl - PCT_TOL))
			return 0;
		if (!isnan(t->asa_s) && !(r->asa_s <= t->asa_s + SEC_TOL))
			return 0;
	}
	if (t->model == CS_MODEL_ERLANG_A && !isnan(t->max_abandon) &&
	        !(r->abandon <= t->max_abandon + PCT_TOL))
		return 0;
	if (t->max_occupancy < 1 && !(r->occupancy <= t->max_occupancy + 1e-12))
		return 0;
	if (r->agents == 0)
		return 0;
	return 1;
}

static long
search_limit(const struct cs_erlang_target *t, double a, long start)
{
	if (t->max_agents > 0)
		return t->max_agents;
	return start + 1000 + 20 * (long)sqrt(a);
}

static int
unreachable(struct cs_error *err, double a, long limit)
{
	return cs_error_set(err, NULL, 0,
	        "no number of agents up to %ld meets the targets at a load of %.3f erlangs", limit,
	        a);
}

int
cs_erlang_staff(const struct cs_erlang_target *t, double contacts, double interval_s, double aht_s,
        struct cs_erlang_result *out, struct cs_error *err)
{
	double a, b;
	long n, start, limit, lo, hi;

	if (check_inputs(t, contacts, interval_s, aht_s, err) < 0)
		return -1;
	a = contacts * aht_s / interval_s;
	if (a <= 0)
		return cs_erlang_eval(t, contacts, interval_s, aht_s, 0, out, err);
	start = 1;
	if (t->max_occupancy < 1 && t->max_occupancy > 0)
		start = cs_ceil_tol(a / t->max_occupancy);
	switch (t->model) {
	case CS_MODEL_WORKLOAD:
		start = cs_ceil_tol(a / (t->max_occupancy > 0 ? t->max_occupancy : 1));
		if (start < 1)
			start = 1;
		eval_workload(a, start, out);
		return 0;
	case CS_MODEL_ERLANG_C:
		/* The least N above the load, stepping B upward one agent at a
		 * time: O(N) for the whole interval. */
		if ((long)floor(a) + 1 > start)
			start = (long)floor(a) + 1;
		limit = search_limit(t, a, start);
		b = cs_erlang_b(a, start);
		for (n = start; n <= limit; n++) {
			if (n > start)
				b = a * b / ((double)n + a * b);
			eval_c(t, a, aht_s, n, b, out);
			if (cs_erlang_meets(t, out))
				return 0;
		}
		return unreachable(err, a, limit);
	case CS_MODEL_ERLANG_A:
		/* Erlang A may staff below the load; the metrics improve with
		 * every agent, so bracket the answer and bisect. */
		hi = cs_ceil_tol(a) + 1;
		if (hi < start)
			hi = start;
		limit = search_limit(t, a, hi);
		for (;;) {
			eval_a(t, a, contacts / interval_s, aht_s, hi, cs_erlang_b(a, hi), out);
			if (cs_erlang_meets(t, out))
				break;
			if (hi >= limit)
				return unreachable(err, a, limit);
			hi = hi + (hi - (long)a + 1) * 2;
			if (hi > limit)
				hi = limit;
		}
		/* 0 agents never meet a target for a > 0.  With an abandonment
		 * cap, fewer than A (1 - cap) agents cannot serve the A (1 -
		 * P(abandon)) Erlangs that the cap leaves them, so the answer
		 * lies above that. */
		lo = 0;
		if (!isnan(t->max_abandon) && t->max_abandon < 1) {
			lo = (long)floor(a * (1 - t->max_abandon)) - 1;
			if (lo < 0)
				lo = 0;
			if (lo >= hi)
				lo = hi - 1;
		}
		while (hi - lo > 1) {
			long mid = lo + (hi - lo) / 2;

			eval_a(t, a, contacts / interval_s, aht_s, mid, cs_erlang_b(a, mid), out);
			if (cs_erlang_meets(t, out))
				hi = mid;
			else
				lo = mid;
		}
		eval_a(t, a, contacts / interval_s, aht_s, hi, cs_erlang_b(a, hi), out);
		return 0;
	}
	return 0;
}
