/*
 * Unit tests of libcs/erlang: the published worked examples, an independent
 * second method for each model (Erlang C from its textbook sum, Erlang A
 * from the birth-death chain summed term by term), and the edge cases whose
 * answers cs-staff(1) defines.
 *
 * Sources of the published figures:
 *  - 100 calls in 30 minutes, AHT 180 s, 80/20: 14 agents, SL 88.8%, ASA
 *    7.8 s, occupancy 71.4%; 20 scheduled after 30% shrinkage (the worked
 *    example of the Erlang C calculators of callcentrehelper.com).
 *  - 15 lines carry 8.108 Erlangs at 1% blocking (every Erlang B table).
 *  - Erlang A, 100 calls / 30 min, AHT 3 min, patience 5 min, 14 agents:
 *    P(wait) 0.14526, P(abandon) 0.013984, SL(20 s) 0.916792 (the example
 *    of the erlang-a calculators after Garnett, Mandelbaum and Reiman).
 *  - 30,000 calls in 30 minutes at AHT 300 s (5,000 Erlangs), 80/20: 5019.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "libcs/erlang.h"
#include "tests/tap.h"

static struct cs_erlang_target
target(double sl, double t)
{
	struct cs_erlang_target tg;

	cs_erlang_target_init(&tg);
	tg.sl = sl;
	tg.sl_time_s = t;
	return tg;
}

static long
staff(const struct cs_erlang_target *tg, double contacts, double minutes, double aht,
        struct cs_erlang_result *r)
{
	struct cs_error err;

	if (cs_erlang_staff(tg, contacts, minutes * 60, aht, r, &err) < 0) {
		printf("# error: %s\n", err.msg);
		return -1;
	}
	return r->agents;
}

/* Erlang C from the textbook sum, in logarithms: an independent method. */
static double
erlang_c_sum(double a, long n)
{
	double top = (double)n * log(a) - lgamma((double)n + 1) + log((double)n / ((double)n - a));
	double m = top, s = 0;
	long k;

	for (k = 0; k < n; k++) {
		double t = (double)k * log(a) - lgamma((double)k + 1);
		if (t > m)
			m = t;
	}
	for (k = 0; k < n; k++)
		s += exp((double)k * log(a) - lgamma((double)k + 1) - m);
	s += exp(top - m);
	return exp(top - m) / s;
}

/* Erlang A from the birth-death chain: P(wait) and P(abandon). */
static void
erlang_a_chain(double lambda, double mu, double theta, long n, double *pw, double *pab)
{
	long k, kmax = n + 200000;
	double logp = 0, m = 0, *lp = malloc((size_t)kmax * sizeof *lp), z = 0, w = 0, q = 0;

	lp[0] = 0;
	for (k = 1; k < kmax; k++) {
		double d = mu * (double)(k < n ? k : n) + theta * (double)(k > n ? k - n : 0);
		logp += log(lambda / d);
		lp[k] = logp;
		if (logp > m)
			m = logp;
	}
	for (k = 0; k < kmax; k++) {
		double p = exp(lp[k] - m);
		z += p;
		if (k >= n) {
			w += p;
			q += (double)(k - n) * p;
		}
	}
	free(lp);
	*pw = w / z;
	*pab = theta * (q / z) / lambda;
}

/* The recurrence from B(0) = 1 all the way, as the definition has it. */
static double
erlang_b_plain(double a, long n)
{
	double b = 1;
	long i;

	for (i = 1; i <= n; i++)
		b = a * b / ((double)i + a * b);
	return b;
}

static void
test_erlang_b(void)
{
	double worst = 0, x;
	long n;

	/* The warm start of large loads agrees with the plain recurrence. */
	for (x = 100.5; x < 6000; x *= 1.37)
		for (n = (long)(x * 0.8); n < (long)(x * 1.2) + 30; n += 3) {
			double r = fabs(cs_erlang_b(x, n) - erlang_b_plain(x, n)) /
			        erlang_b_plain(x, n);
			if (r > worst)
				worst = r;
		}
	tap_num(worst, 0, 1e-12, "erlang b: warm start agrees with the plain recurrence");

	/* 15 lines at 1% blocking carry 8.108 Erlangs. */
	tap_num(cs_erlang_b_load(15, 0.01), 8.108, 0.0005, "erlang b: 15 lines at 1% carry 8.108");
	tap_num(cs_erlang_b(8.108, 15), 0.01, 0.00002, "erlang b: B(8.108, 15) is 1%");
	/* B(1, 1) = 1 / 2; B(2, 2) = 2 / 5 by hand (A^N/N! / sum). */
	tap_num(cs_erlang_b(1, 1), 0.5, 1e-15, "erlang b: B(1, 1) = 1/2");
	tap_num(cs_erlang_b(2, 2), 0.4, 1e-15, "erlang b: B(2, 2) = 2/5");
	tap_num(cs_erlang_b(3, 0), 1, 0, "erlang b: no lines block everything");
	/* Stable far beyond factorials: 5000 lines, 5000 Erlangs is finite and
	 * near 0.0113 (sqrt(2/(pi A)) to first order). */
	tap_ok(isfinite(cs_erlang_b(5000, 5000)) && cs_erlang_b(5000, 5000) > 0.010 &&
	                cs_erlang_b(5000, 5000) < 0.0115,
	        "erlang b: 5000 lines at 5000 erlangs is finite");
}

static void
test_erlang_c(void)
{
	struct cs_erlang_target tg = target(0.8, 20);
	struct cs_erlang_result r;
	struct cs_error err;
	long n;

	/* 100 calls / 30 min at 180 s: A = 100 x 180 / 1800 = 10 Erlangs. */
	tap_long(staff(&tg, 100, 30, 180, &r), 14, "erlang c: 100 calls/30 min 80/20 needs 14");
	tap_num(r.erlangs, 10, 1e-12, "erlang c: load 10 erlangs");
	tap_num(r.sl * 100, 88.8, 0.05, "erlang c: 14 agents SL 88.8%");
	tap_num(r.asa_s, 7.8, 0.05, "erlang c: 14 agents ASA 7.8 s");
	tap_num(r.occupancy * 100, 71.4, 0.05, "erlang c: 14 agents occupancy 71.4%");
	tap_num(r.wait, erlang_c_sum(10, 14), 1e-12, "erlang c: recurrence agrees with the sum");
	tap_long(cs_ceil_tol(14 / (1 - 0.3)), 20, "14 agents at 30% shrinkage schedule 20");
	/* 13 agents fall short: SL below 80%. */
	cs_erlang_eval(&tg, 100, 1800, 180, 13, &r, &err);
	tap_ok(r.sl < 0.8, "erlang c: 13 agents miss 80/20");

	/* The same with an 85% occupancy cap: 10 / 0.85 = 11.8 < 14. */
	tg.max_occupancy = 0.85;
	tap_long(staff(&tg, 100, 30, 180, &r), 14, "erlang c: 85% cap does not bind at 14");

	/* 200 calls / 30 min at 180 s, 80/60: 23 agents. */
	tg = target(0.8, 60);
	tap_long(staff(&tg, 200, 30, 180, &r), 23, "erlang c: 200 calls/30 min 80/60 needs 23");

	/* 1000 calls an hour at 120 s, 80/20, 85% cap: A = 33.33, cap gives
	 * ceil(39.2) = 40, and 58 = ceil(40 / 0.7) after 30% shrinkage. */
	tg = target(0.8, 20);
	tg.max_occupancy = 0.85;
	tap_long(staff(&tg, 1000, 60, 120, &r), 40, "erlang c: 1000 calls/h 85% cap needs 40");
	tap_long(cs_ceil_tol(40 / 0.7), 58, "40 agents at 30% shrinkage schedule 58");

	/* 5,000 Erlangs: 30,000 calls / 30 min at 300 s. */
	tg = target(0.8, 20);
	tap_long(staff(&tg, 30000, 30, 300, &r), 5019, "erlang c: 5000 erlangs 80/20 needs 5019");
	tap_ok(r.sl >= 0.8 && isfinite(r.asa_s), "erlang c: 5000 erlangs metrics finite");
	cs_erlang_eval(&tg, 30000, 1800, 300, 5018, &r, &err);
	tap_ok(r.sl < 0.8, "erlang c: 5018 agents miss 80/20 at 5000 erlangs");
	tap_num(cs_erlang_c(50, 60), erlang_c_sum(50, 60), 1e-12,
	        "erlang c: C(50, 60) agrees with the sum");

	/* ASA target alone: 100 calls / 30 min, ASA <= 7.8 s is met at 14
	 * (7.8 s) but not at 13. */
	tg = target(NAN, 20);
	tg.asa_s = 8;
	tap_long(staff(&tg, 100, 30, 180, &r), 14, "erlang c: ASA 8 s target needs 14");

	/* Rounding tolerates floating noise: 21 / (1 - 0.3) is 30. */
	tap_long(cs_ceil_tol(21 / (1 - 0.3)), 30, "21 / (1 - 0.3) rounds to 30, not 31");
	tap_long(cs_ceil_tol(30.000001), 31, "30.000001 rounds up to 31");

	/* Monotonic: more load never needs fewer agents. */
	{
		long prev = 0, i, bad = 0;
		tg = target(0.8, 20);
		for (i = 0; i <= 4000; i += 7) {
			n = staff(&tg, (double)i, 30, 180, &r);
			if (n < prev)
				bad++;
			prev = n;
		}
		tap_long(bad, 0, "erlang c: agents never fall as contacts rise");
	}
}

static void
test_erlang_a(void)
{
	struct cs_erlang_target tg = target(0.8, 20);
	struct cs_erlang_result r;
	struct cs_error err;
	double pw, pab;

	tg.model = CS_MODEL_ERLANG_A;
	tg.patience_s = 300;
	tap_long(cs_erlang_eval(&tg, 100, 1800, 180, 14, &r, &err), 0, "erlang a: evaluates");
	tap_num(r.wait, 0.14526, 0.000005, "erlang a: P(wait) 0.14526");
	tap_num(r.abandon, 0.013984, 0.0000005, "erlang a: P(abandon) 0.013984");
	tap_num(r.sl, 0.916792, 0.0000005, "erlang a: SL 0.916792");
	tap_num(r.asa_s, 0.013984 * 300, 0.001, "erlang a: mean wait = P(abandon) x patience");
	/* The chain, summed state by state, agrees. */
	erlang_a_chain(100.0 / 1800, 1.0 / 180, 1.0 / 300, 14, &pw, &pab);
	tap_num(r.wait, pw, 1e-9, "erlang a: P(wait) agrees with the chain");
	tap_num(r.abandon, pab, 1e-9, "erlang a: P(abandon) agrees with the chain");
	/* Overloaded (48 agents, 50 Erlangs, patience 60 s, AHT 300 s). */
	tg.patience_s = 60;
	cs_erlang_eval(&tg, 600, 3600, 300, 48, &r, &err);
	erlang_a_chain(600.0 / 3600, 1.0 / 300, 1.0 / 60, 48, &pw, &pab);
	tap_num(r.wait, pw, 1e-9, "erlang a: overloaded P(wait) agrees with the chain");
	tap_num(r.abandon, pab, 1e-9, "erlang a: overloaded P(abandon) agrees with the chain");
	/* Large: 2000 Erlangs, 2010 agents, patience 120 s, AHT 240 s. */
	tg.patience_s = 120;
	cs_erlang_eval(&tg, 15000, 1800, 240, 2010, &r, &err);
	erlang_a_chain(15000.0 / 1800, 1.0 / 240, 1.0 / 120, 2010, &pw, &pab);
	tap_num(r.wait, pw, 1e-8, "erlang a: 2000 erlangs P(wait) agrees with the chain");
	tap_num(r.abandon, pab, 1e-8, "erlang a: 2000 erlangs P(abandon) agrees with the chain");
	tap_ok(isfinite(r.sl) && r.sl > 0 && r.sl < 1, "erlang a: 2000 erlangs SL finite");

	/* Staffing with an abandonment cap: the least N with SL >= 80% and
	 * abandon <= 2%: 14 agents give 91.7% and 1.4%, 13 must fail. */
	tg.max_abandon = 0.02;
	tg.patience_s = 300;
	tap_ok(staff(&tg, 100, 30, 180, &r) > 0, "erlang a: staffs with an abandonment cap");
	{
		struct cs_erlang_result r13;
		cs_erlang_eval(&tg, 100, 1800, 180, r.agents - 1, &r13, &err);
		tap_ok(!cs_erlang_meets(&tg, &r13) && cs_erlang_meets(&tg, &r),
		        "erlang a: the answer is the least that meets the targets");
	}
	/* Patience so long that Erlang A is Erlang C. */
	tg.patience_s = 1e9;
	tg.max_abandon = NAN;
	cs_erlang_eval(&tg, 100, 1800, 180, 14, &r, &err);
	tap_num(r.wait, cs_erlang_c(10, 14), 1e-5, "erlang a: infinite patience is erlang c");
	/* 5000 Erlangs stay finite. */
	tg.patience_s = 300;
	/* 5000 Erlangs stay finite; with abandonment allowed the answer lies
	 * below Erlang C's 5019 and is the least that meets 80/20. */
	tap_ok(staff(&tg, 30000, 30, 300, &r) < 5019 && r.agents > 4000 && isfinite(r.sl) &&
	                isfinite(r.abandon),
	        "erlang a: 5000 erlangs staffs with finite metrics");
	{
		struct cs_erlang_result below;
		cs_erlang_eval(&tg, 30000, 1800, 300, r.agents - 1, &below, &err);
		tap_ok(below.sl < 0.8 && r.sl >= 0.8, "erlang a: 5000 erlangs answer is the least");
		erlang_a_chain(30000.0 / 1800, 1.0 / 300, 1.0 / 300, r.agents, &pw, &pab);
		tap_num(r.abandon, pab, 1e-8,
		        "erlang a: 5000 erlangs P(abandon) agrees with the chain");
	}
	/* Erlang A needs a patience. */
	tg.patience_s = NAN;
	tap_long(cs_erlang_staff(&tg, 10, 1800, 180, &r, &err), -1, "erlang a: needs a patience");
}

static void
test_edges(void)
{
	struct cs_erlang_target tg = target(0.8, 20);
	struct cs_erlang_result r;
	struct cs_error err;

	/* Zero contacts: zero agents, everything answered at once, occupancy
	 * unknown (0 / 0). */
	tap_long(staff(&tg, 0, 30, 180, &r), 0, "zero contacts need 0 agents");
	tap_ok(r.sl == 1 && r.asa_s == 0 && isnan(r.occupancy), "zero contacts: SL 100%, ASA 0");
	/* Load above agents: SL 0, ASA infinite (unknown), occupancy 100%. */
	cs_erlang_eval(&tg, 100, 1800, 180, 8, &r, &err);
	tap_ok(r.sl == 0 && isnan(r.asa_s) && r.occupancy == 1 && r.wait == 1,
	        "8 agents under 10 erlangs: SL 0, ASA unknown, occupancy 100%");
	cs_erlang_eval(&tg, 100, 1800, 180, 10, &r, &err);
	tap_ok(r.sl == 0 && isnan(r.asa_s), "agents equal to the load: SL 0");
	/* A 100% target is met when the SL prints as 100.000%. */
	tg.sl = 1;
	tap_ok(staff(&tg, 100, 30, 180, &r) > 14 && r.sl >= 1 - 5e-6,
	        "100% SL target is reachable");
	/* A 100% occupancy cap is no cap. */
	tg = target(0.8, 20);
	tg.max_occupancy = 1;
	tap_long(staff(&tg, 100, 30, 180, &r), 14, "100% occupancy cap is no cap");
	/* Very short interval: 1 call in 1 minute at 180 s is 3 Erlangs. */
	tap_ok(staff(&tg, 1, 1, 180, &r) >= 4 && r.erlangs == 3, "1-minute interval: 3 erlangs");
	tap_long(cs_erlang_staff(&tg, 1, 0, 180, &r, &err), -1, "0-second interval is an error");
	tap_long(cs_erlang_staff(&tg, -1, 60, 180, &r, &err), -1, "negative contacts are an error");
	/* A tiny load still needs one agent. */
	tap_long(staff(&tg, 1, 30, 1, &r), 1, "a tiny load needs one agent");
	/* Unreachable within an explicit limit. */
	tg.max_agents = 12;
	tap_long(cs_erlang_staff(&tg, 100, 1800, 180, &r, &err), -1,
	        "targets unreachable within max agents is an error");
	/* Workload: 40 e-mails an hour at 6 minutes is 4 Erlangs of work; at
	 * 85% productive time 4 / 0.85 = 4.7, so 5 agents. */
	tg = target(NAN, 0);
	tg.model = CS_MODEL_WORKLOAD;
	tg.max_occupancy = 0.85;
	tap_long(staff(&tg, 40, 60, 360, &r), 5, "workload: 4 erlangs at 85% need 5");
	tap_ok(isnan(r.sl) && isnan(r.asa_s), "workload: no SL or ASA");
	tg.max_occupancy = 1;
	tap_long(staff(&tg, 40, 60, 360, &r), 4, "workload: 4 erlangs at 100% need 4");
}

static void
test_gamma(void)
{
	/* P(1, z) = 1 - e^-z; P(2, z) = 1 - (1 + z) e^-z, by hand. */
	tap_num(exp(cs_log_gamma_p(1, 0.5)), 1 - exp(-0.5), 1e-14, "P(1, 0.5)");
	tap_num(exp(cs_log_gamma_p(1, 7)), 1 - exp(-7), 1e-14, "P(1, 7) by the fraction");
	tap_num(exp(cs_log_gamma_p(2, 3)), 1 - 4 * exp(-3), 1e-14, "P(2, 3)");
	tap_ok(isfinite(cs_log_gamma_p(5000, 4000)), "log P(5000, 4000) is finite");
}

int
main(void)
{
	test_erlang_b();
	test_erlang_c();
	test_erlang_a();
	test_edges();
	test_gamma();
	{
		enum cs_erlang_model m;
		tap_ok(cs_erlang_model_from_name("workload", &m) == 0 && m == CS_MODEL_WORKLOAD,
		        "model names parse");
		tap_str(cs_erlang_model_name(CS_MODEL_ERLANG_A), "erlang-a", "model names print");
	}
	return tap_done();
}
