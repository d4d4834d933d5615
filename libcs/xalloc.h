/*
 * One allocation family for the whole project.  Every function checks its
 * size arithmetic for overflow and, when memory runs out, prints the size it
 * wanted and exits with status 1: running out of memory is the one failure
 * the library does not hand back to its caller, as in git's wrapper.c.
 */
#ifndef CS_XALLOC_H
#define CS_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *arr (of *cap elements of size elem) so that it holds at least need. */
void *xgrow(void *arr, size_t *cap, size_t need, size_t elem);

#endif
