/*
 * Atomic output files; see output.h.  The temporary file is created with
 * mkstemp beside the final path, so that the final rename stays within one
 * file system and is atomic.
 *
 * Only a regular file (or a path that does not exist yet) is replaced that
 * way.  A path that names a device, a FIFO or a socket (/dev/null,
 * /dev/stdout, a named pipe a mail script reads) is opened and written in
 * place: renaming over it would destroy the device node, which is never what
 * "-o /dev/null" means.
 */
#include "libcs/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcs/xalloc.h"

int
cs_output_open(struct cs_output *o, const char *path, struct cs_error *err)
{
	struct stat st;
	size_t n;
	int fd;

	o->fp = stdout;
	o->path = o->tmp = NULL;
	o->name = "<stdout>";
	if (path == NULL || strcmp(path, "-") == 0)
		return 0;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		o->fp = fopen(path, "w");
		if (o->fp == NULL)
			return cs_error_set(
			        err, path, 0, "cannot open output file: %s", strerror(errno));
		o->path = xstrdup(path);
		o->name = o->path;
		return 0;
	}
	n = strlen(path);
	o->path = xstrdup(path);
	o->tmp = xmalloc(n + sizeof ".tmpXXXXXX");
	memcpy(o->tmp, path, n);
	memcpy(o->tmp + n, ".tmpXXXXXX", sizeof ".tmpXXXXXX");
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		cs_error_set(err, path, 0, "cannot create output file: %s", strerror(errno));
		free(o->tmp);
		free(o->path);
		o->tmp = o->path = NULL;
		return -1;
	}
	/* mkstemp makes the file 0600; an output is an ordinary file. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	o->fp = fdopen(fd, "w");
	if (o->fp == NULL) {
		close(fd);
		unlink(o->tmp);
		return cs_error_set(err, path, 0, "cannot open output file: %s", strerror(errno));
	}
	o->name = o->path;
	return 0;
}

int
cs_output_commit(struct cs_output *o, struct cs_error *err)
{
	int failed;

	if (o->path == NULL) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			if (errno == EPIPE)
				return 0;
			return cs_error_set(err, "<stdout>", 0, "write error: %s", strerror(errno));
		}
		return 0;
	}
	if (o->tmp == NULL) {
		/* Written in place: a device or a pipe, which has nothing to sync. */
		failed = fflush(o->fp) != 0 || ferror(o->fp);
		if (fclose(o->fp) != 0)
			failed = 1;
		o->fp = NULL;
		if (failed)
			cs_error_set(err, o->path, 0, "write error: %s", strerror(errno));
		free(o->path);
		o->path = NULL;
		return failed ? -1 : 0;
	}
	failed = fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0;
	if (fclose(o->fp) != 0)
		failed = 1;
	o->fp = NULL;
	if (failed) {
		int e = errno;

		unlink(o->tmp);
		cs_error_set(err, o->path, 0, "write error: %s", strerror(e));
	} else if (rename(o->tmp, o->path) != 0) {
		failed = 1;
		cs_error_set(
		        err, o->path, 0, "cannot rename output into place: %s", strerror(errno));
		unlink(o->tmp);
	}
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return failed ? -1 : 0;
}

void
cs_output_abort(struct cs_output *o)
{
	if (o->path == NULL)
		return;
	if (o->fp)
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->fp = NULL;
	o->tmp = o->path = NULL;
}
