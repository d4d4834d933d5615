/*
 * Queueing models for staffing: Erlang B, Erlang C, Erlang A (M/M/N+M, with
 * exponential patience) and a plain workload model for queues answered
 * within hours.
 *
 * Everything is computed without factorials or powers: Erlang B by its
 * recurrence B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)), Erlang C from B,
 * and Erlang A from B and the regularized incomplete gamma function in log
 * space, so loads of thousands of Erlangs and thousands of agents stay
 * finite and accurate.
 *
 * Probabilities are fractions in [0, 1] here; the programs print them as
 * percentages.  NaN means "unknown" (an average wait that is infinite
 * because the agents cannot keep up, an occupancy with no agents).
 */
#ifndef CS_ERLANG_H
#define CS_ERLANG_H

#include "libcs/error.h"

/* The largest load staffed: far above any contact centre, and low enough
 * that agent counts stay exact in a long. */
#define CS_ERLANG_MAX_LOAD 1e6

enum cs_erlang_model {
	CS_MODEL_ERLANG_C,
	CS_MODEL_ERLANG_A,
	CS_MODEL_WORKLOAD,
};

/* "erlang-c", "erlang-a", "workload"; returns -1 for an unknown name. */
int cs_erlang_model_from_name(const char *name, enum cs_erlang_model *m);
const char *cs_erlang_model_name(enum cs_erlang_model m);

/*
 * What the agents must achieve.  A target set to NaN is not a target.  A
 * target counts as met when the value, printed as the programs print it
 * (percentages and seconds with three decimals), reaches it: so that a
 * 100% service level is a defined, reachable answer rather than an
 * endless search, and floating noise never adds an agent.
 */
struct cs_erlang_target {
	enum cs_erlang_model model;
	double sl; /* fraction answered within sl_time_s, e.g. 0.8 */
	double sl_time_s; /* e.g. 20 */
	double asa_s; /* the average speed of answer must not exceed this */
	double max_occupancy; /* fraction; 1 means no cap */
	double patience_s; /* Erlang A: mean patience before hanging up */
	double max_abandon; /* Erlang A: fraction of contacts abandoning */
	long max_agents; /* the search gives up above this many (0: no limit) */
};

/* Service level 80/20, no ASA target, no occupancy cap, Erlang C. */
void cs_erlang_target_init(struct cs_erlang_target *t);

/* What a number of agents achieves for one interval. */
struct cs_erlang_result {
	double erlangs; /* offered load A = contacts x AHT / interval */
	long agents;
	double sl; /* fraction served within the SL time (NaN: workload) */
	double asa_s; /* mean wait, seconds (NaN: infinite or workload) */
	double occupancy; /* fraction of agent time busy (NaN: no agents) */
	double abandon; /* Erlang A: fraction abandoning (NaN otherwise) */
	double wait; /* probability of waiting at all (NaN: workload) */
};

/* Erlang B: blocking probability of n lines offered a Erlangs. */
double cs_erlang_b(double a, long n);

/* Erlang C: probability of waiting with n agents and a load of a Erlangs
 * (1 when n <= a: the queue grows without bound). */
double cs_erlang_c(double a, long n);

/* The load that n lines carry at a blocking probability of b (the inverse
 * of Erlang B in a, by bisection). */
double cs_erlang_b_load(long n, double b);

/* Regularized lower incomplete gamma P(a, z), as its natural logarithm
 * (-inf when P is 0).  a > 0, z >= 0. */
double cs_log_gamma_p(double a, double z);

/*
 * The metrics of n agents for contacts arriving in interval_s seconds with
 * an average handle time of aht_s seconds, under t's model and SL time.
 * Returns -1 with err filled when the inputs are out of range (negative
 * contacts, an interval of zero seconds, Erlang A without patience).
 */
int cs_erlang_eval(const struct cs_erlang_target *t, double contacts, double interval_s,
        double aht_s, long n, struct cs_erlang_result *out, struct cs_error *err);

/*
 * The least number of agents that meets every target of t, with its
 * metrics.  For Erlang C the answer is above the load (the least N > A);
 * zero contacts need zero agents.  The search starts near the load and
 * steps the Erlang B recurrence upward, so one interval costs O(N).
 * Returns -1 with err filled when the inputs are out of range or no
 * number of agents up to t->max_agents meets the targets.
 */
int cs_erlang_staff(const struct cs_erlang_target *t, double contacts, double interval_s,
        double aht_s, struct cs_erlang_result *out, struct cs_error *err);

/* Whether r meets every target of t (with the three-decimal tolerance). */
int cs_erlang_meets(const struct cs_erlang_target *t, const struct cs_erlang_result *r);

/* ceil(x), except that x within 1e-9 of an integer rounds to it: so that
 * 21 / (1 - 0.3) is 30, not 31. */
long cs_ceil_tol(double x);

#endif
