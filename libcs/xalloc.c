/*
 * The allocation family declared in xalloc.h.  Out of memory is reported
 * with the size that failed, then the process exits with status 1.
 */
#include "libcs/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
die_nomem(size_t nmemb, size_t size)
{
	fprintf(stderr, "cs: out of memory allocating %zu x %zu bytes\n", nmemb, size);
	exit(1);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		die_nomem(1, size);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		die_nomem(nmemb, size);
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		die_nomem(nmemb, size);
	total = nmemb * size;
	p = realloc(ptr, total > 0 ? total : 1);
	if (p == NULL)
		die_nomem(nmemb, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *
xgrow(void *arr, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap;

	if (need <= n)
		return arr;
	if (n < 16)
		n = 16;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			die_nomem(need, elem);
		n *= 2;
	}
	arr = xreallocarray(arr, n, elem);
	*cap = n;
	return arr;
}
