/*
 * Program-side conventions; see common.h.
 */
#include "config.h"

#include "cmd/common.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "libcs/xalloc.h"

static const char *progname = "cs";
/* Outputs opened and not yet committed (the -o file, a rejects file, a
 * totals file): a program that dies removes their temporary files. */
#define MAX_PENDING 4
static struct cs_output *pending[MAX_PENDING];
static int progress_shown;
static time_t progress_last;

void
cs_cmd_init(const char *name)
{
	progname = name;
	setlocale(LC_CTYPE, "");
}

const char *
cs_progname(void)
{
	return progname;
}

void
cs_warn_error(const struct cs_error *e)
{
	char msg[1200];

	cs_progress_done();
	fprintf(stderr, "%s: %s\n", progname, cs_error_format(e, msg, sizeof msg));
}

static void
abort_pending(void)
{
	size_t i;

	for (i = 0; i < MAX_PENDING; i++)
		if (pending[i]) {
			cs_output_abort(pending[i]);
			pending[i] = NULL;
		}
}

void
cs_die_error(const struct cs_error *e)
{
	cs_warn_error(e);
	abort_pending();
	exit(EXIT_DATA);
}

static void
vwarnx(const char *fmt, va_list ap)
{
	cs_progress_done();
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cs_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void
cs_diex(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	abort_pending();
	exit(status);
}

void
cs_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	abort_pending();
	exit(EXIT_USAGE);
}

void
cs_bad_option(int c, char *const *argv)
{
	const char *arg = argv[optind - 1];
	const char *eq = strchr(arg, '=');

	if (c == ':')
		cs_usage_error("option '%s' needs a value", arg);
	/* A known long option given a value it does not take ("--strict=1"):
	 * getopt leaves optopt set to the option's own code. */
	if (strncmp(arg, "--", 2) == 0 && eq && optopt)
		cs_usage_error("option '%.*s' takes no value", (int)(eq - arg), arg);
	if (strncmp(arg, "--", 2) != 0 && optopt > 0 && optopt <= CHAR_MAX)
		cs_usage_error("unknown option '-%c'", optopt);
	cs_usage_error("unknown option '%s'", arg);
}

void
cs_print_version(void)
{
	printf("%s (%s) %s\n", progname, PACKAGE_NAME, PACKAGE_VERSION);
}

void
cs_open_output(struct cs_output *o, const char *path)
{
	struct cs_error err;

	size_t i;

	if (cs_output_open(o, path, &err) < 0)
		cs_die_error(&err);
	for (i = 0; i < MAX_PENDING && pending[i]; i++)
		;
	if (i == MAX_PENDING)
		cs_diex(EXIT_DATA, "too many outputs open");
	pending[i] = o;
}

/* The path as the file system will resolve it: the real path of its
 * directory, then its name (the file itself need not exist yet). */
static char *
resolved(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real, *out;
	size_t n;

	if (slash == NULL)
		dir = xstrdup(".");
	else
		dir = xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	real = realpath(dir, NULL);
	free(dir);
	if (real == NULL)
		return xstrdup(path);
	n = strlen(real) + strlen(path) + 2;
	out = xmalloc(n);
	snprintf(out, n, "%s/%s", real, slash ? slash + 1 : path);
	free(real);
	return out;
}

void
cs_check_outputs(const char *opt1, const char *path1, const char *opt2, const char *path2)
{
	char *a, *b;
	int same;

	if (path1 == NULL || path2 == NULL || strcmp(path1, "-") == 0 || strcmp(path2, "-") == 0)
		return;
	a = resolved(path1);
	b = resolved(path2);
	same = strcmp(a, b) == 0;
	free(a);
	free(b);
	if (same)
		cs_usage_error("%s and %s name the same file '%s'", opt1, opt2, path2);
}

const char *
cs_opt_encoding(const char *arg)
{
	static const char *const names[] = {
	        "utf-8", "utf8", "cp1252", "windows-1252", "latin1", "iso-8859-1", NULL};
	size_t i;

	for (i = 0; names[i]; i++)
		if (strcasecmp(arg, names[i]) == 0)
			return arg;
	cs_usage_error("invalid value '%s' for --encoding (utf-8, cp1252 or latin1)", arg);
}

void
cs_commit_output(struct cs_output *o)
{
	struct cs_error err;
	size_t i;

	for (i = 0; i < MAX_PENDING; i++)
		if (pending[i] == o)
			pending[i] = NULL;
	if (cs_output_commit(o, &err) < 0)
		cs_die_error(&err);
}

void
cs_progress(const char *what, unsigned long long done, unsigned long long total)
{
	time_t now;

	if (!isatty(STDERR_FILENO))
		return;
	now = time(NULL);
	if (progress_shown && now == progress_last)
		return;
	progress_last = now;
	progress_shown = 1;
	if (total)
		fprintf(stderr, "\r%s: %s %llu%%\033[K", progname, what, done * 100 / total);
	else
		fprintf(stderr, "\r%s: %s %llu\033[K", progname, what, done);
}

void
cs_progress_done(void)
{
	if (progress_shown) {
		fputs("\r\033[K", stderr);
		progress_shown = 0;
	}
}

double
cs_opt_double(const char *opt, const char *arg, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	/* strtod reads hex too: 0x10 is a typing slip, not 16. */
	if (errno || end == arg || *end != '\0' || isnan(v) || v < min || v > max ||
	        strpbrk(arg, "xX") != NULL)
		cs_usage_error(
		        "invalid value '%s' for %s (a number from %g to %g)", arg, opt, min, max);
	return v;
}

long
cs_opt_long(const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end != '\0' || v < min || v > max)
		cs_usage_error("invalid value '%s' for %s (a whole number from %ld to %ld)", arg,
		        opt, min, max);
	return v;
}
