/*
 * The program side of the conventions every cs program keeps (design.md
 * section 4): how errors are printed and which exit code goes with them,
 * how -o is written, and progress on a terminal.  Only cmd/ prints; these
 * helpers are linked into every program and never into libcs.
 *
 * Exit codes: 0 success, 1 data or I/O error, 2 usage error.
 */
#ifndef CS_CMD_COMMON_H
#define CS_CMD_COMMON_H

#include <stdio.h>

#include "libcs/error.h"
#include "libcs/output.h"

#define EXIT_DATA 1
#define EXIT_USAGE 2

/* Sets the program name used in messages ("cs-import") and the locale. */
void cs_cmd_init(const char *progname);
const char *cs_progname(void);

/* "cs-import: export.csv:1043: unterminated quoted field" to stderr. */
void cs_warn_error(const struct cs_error *e);
/* The same, then removes any pending -o temporary file and exits 1. */
void cs_die_error(const struct cs_error *e) __attribute__((noreturn));
/* printf-style message to stderr prefixed with the program name. */
void cs_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cs_diex(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
/* A usage error: the message, then "Try 'PROG --help'.", exit 2. */
void cs_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* A usage error for what getopt_long returned on a bad option ('?' for an
 * unknown one, ':' for a missing value); the program sets opterr to 0 and
 * starts its optstring with ':' so that this, not getopt, names the problem
 * and the program. */
void cs_bad_option(int c, char *const *argv) __attribute__((noreturn));

/* --version text, to stdout. */
void cs_print_version(void);

/* Opens an output (-o, or a rejects or totals file; NULL or "-" is stdout)
 * and registers it, so that cs_die_error removes its temporary file. */
void cs_open_output(struct cs_output *o, const char *path);
/* A usage error when two output options name one file (either path may be
 * NULL or "-"), however the paths are spelled: the atomic -o would replace
 * the other output, which would then be lost without a word. */
void cs_check_outputs(const char *opt1, const char *path1, const char *opt2, const char *path2);

/* The value of --encoding, checked: utf-8, cp1252 or latin1 (and their
 * other names); anything else is a usage error. */
const char *cs_opt_encoding(const char *arg);

/* Commits the output; on a write error (full disk, /dev/full) prints it and
 * exits 1. */
void cs_commit_output(struct cs_output *o);

/* Progress on stderr, only when stderr is a terminal; at most a few times a
 * second.  cs_progress_done clears the line. */
void cs_progress(const char *what, unsigned long long done, unsigned long long total);
void cs_progress_done(void);

/* Parsing numeric option values; a bad value is a usage error naming opt. */
double cs_opt_double(const char *opt, const char *arg, double min, double max);
long cs_opt_long(const char *opt, const char *arg, long min, long max);

#endif
