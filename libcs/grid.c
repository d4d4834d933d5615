/*
 * Groups x periods; see grid.h.  Groups live in an open-addressing hash
 * table keyed by the joined key tuple; each group's cells are one array
 * with spare room on both sides, so that tickets in any order cost
 * amortised constant time.
 */
#include "libcs/grid.h"

#include <stdlib.h>
#include <string.h>

#include "libcs/xalloc.h"

struct group {
	char **keys;
	char *joined; /* keys joined by \x1f, for hashing */
	size_t joined_len;
	uint64_t hash;
	int64_t base; /* ordinal of cells[0] */
	size_t n, lo, hi; /* cells[lo..hi) exist and are zeroed or used */
	unsigned char *cells;
};

struct cs_grid {
	size_t nkeys, cell_size;
	struct group *groups;
	size_t ngroups, cap;
	size_t *slots; /* group index + 1, 0 empty */
	size_t nslots;
	const char **keyview; /* scratch for cs_grid_keys */
};

struct cs_grid *
cs_grid_new(size_t nkeys, size_t cell_size)
{
	struct cs_grid *g = xcalloc(1, sizeof *g);

	g->nkeys = nkeys;
	g->cell_size = cell_size;
	g->nslots = 64;
	g->slots = xcalloc(g->nslots, sizeof *g->slots);
	return g;
}

void
cs_grid_free(struct cs_grid *g, void (*release)(void *cell))
{
	size_t i, j, k;

	if (g == NULL)
		return;
	for (i = 0; i < g->ngroups; i++) {
		struct group *gr = &g->groups[i];

		if (release)
			for (j = gr->lo; j < gr->hi; j++)
				release(gr->cells + j * g->cell_size);
		for (k = 0; k < g->nkeys; k++)
			free(gr->keys[k]);
		free(gr->keys);
		free(gr->joined);
		free(gr->cells);
	}
	free(g->groups);
	free(g->slots);
	free(g->keyview);
	free(g);
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void
rehash(struct cs_grid *g)
{
	size_t i, n = g->nslots * 2;
	size_t *slots = xcalloc(n, sizeof *slots);

	for (i = 0; i < g->ngroups; i++) {
		size_t s = g->groups[i].hash & (n - 1);

		while (slots[s])
			s = (s + 1) & (n - 1);
		slots[s] = i + 1;
	}
	free(g->slots);
	g->slots = slots;
	g->nslots = n;
}

size_t
cs_grid_group(struct cs_grid *g, const char *const *keys, const size_t *lens)
{
	char stack[512];
	char *joined = stack;
	size_t len = 0, i, s;
	uint64_t h;
	struct group *gr;

	if (g->nkeys == 0 && g->ngroups == 1)
		return 0;
	for (i = 0; i < g->nkeys; i++)
		len += lens[i] + 1;
	if (len > sizeof stack)
		joined = xmalloc(len);
	len = 0;
	for (i = 0; i < g->nkeys; i++) {
		memcpy(joined + len, keys[i], lens[i]);
		len += lens[i];
		joined[len++] = '\x1f';
	}
	h = hash_bytes(joined, len);
	for (s = h & (g->nslots - 1); g->slots[s]; s = (s + 1) & (g->nslots - 1)) {
		gr = &g->groups[g->slots[s] - 1];
		if (gr->hash == h && gr->joined_len == len &&
		        memcmp(gr->joined, joined, len) == 0) {
			if (joined != stack)
				free(joined);
			return g->slots[s] - 1;
		}
	}
	g->groups = xgrow(g->groups, &g->cap, g->ngroups + 1, sizeof *g->groups);
	gr = &g->groups[g->ngroups];
	memset(gr, 0, sizeof *gr);
	gr->keys = xcalloc(g->nkeys ? g->nkeys : 1, sizeof *gr->keys);
	for (i = 0; i < g->nkeys; i++)
		gr->keys[i] = xstrndup(keys[i], lens[i]);
	gr->joined = xmalloc(len + 1);
	memcpy(gr->joined, joined, len);
	gr->joined_len = len;
	gr->hash = h;
	g->slots[s] = ++g->ngroups;
	if (joined != stack)
		free(joined);
	if (g->ngroups * 2 > g->nslots)
		rehash(g);
	return g->ngroups - 1;
}

size_t
cs_grid_ngroups(const struct cs_grid *g)
{
	return g->ngroups;
}

const char *const *
cs_grid_keys(const struct cs_grid *g, size_t group)
{
	return (const char *const *)g->groups[group].keys;
}

void *
cs_grid_cell(struct cs_grid *g, size_t group, int64_t ord)
{
	struct group *gr = &g->groups[group];
	size_t cs = g->cell_size;
	int64_t idx;

	if (gr->cells == NULL) {
		gr->n = 16;
		gr->cells = xcalloc(gr->n, cs);
		gr->base = ord - 8;
		gr->lo = gr->hi = 8;
	}
	idx = ord - gr->base;
	if (idx < 0 || idx >= (int64_t)gr->n) {
		/* Grow to hold ord with as much spare room again on its side. */
		int64_t lo = idx < 0 ? idx : 0,
		        hi = idx >= (int64_t)gr->n ? idx + 1 : (int64_t)gr->n;
		int64_t span = hi - lo, extra = span;
		int64_t new_base = gr->base + lo - (idx < 0 ? extra : 0);
		size_t new_n = (size_t)(span + extra);
		unsigned char *cells = xcalloc(new_n, cs);
		size_t shift = (size_t)(gr->base - new_base);

		memcpy(cells + (shift + gr->lo) * cs, gr->cells + gr->lo * cs,
		        (gr->hi - gr->lo) * cs);
		free(gr->cells);
		gr->cells = cells;
		gr->lo += shift;
		gr->hi += shift;
		gr->base = new_base;
		gr->n = new_n;
		idx = ord - gr->base;
	}
	if (gr->lo == gr->hi) {
		gr->lo = (size_t)idx;
		gr->hi = (size_t)idx + 1;
	} else if ((size_t)idx < gr->lo) {
		gr->lo = (size_t)idx;
	} else if ((size_t)idx >= gr->hi) {
		gr->hi = (size_t)idx + 1;
	}
	return gr->cells + (size_t)idx * cs;
}

void *
cs_grid_find(const struct cs_grid *g, size_t group, int64_t ord)
{
	const struct group *gr = &g->groups[group];
	int64_t idx;

	if (gr->cells == NULL)
		return NULL;
	idx = ord - gr->base;
	if (idx < (int64_t)gr->lo || idx >= (int64_t)gr->hi)
		return NULL;
	return gr->cells + (size_t)idx * g->cell_size;
}

int
cs_grid_group_range(const struct cs_grid *g, size_t group, int64_t *first, int64_t *last)
{
	const struct group *gr = &g->groups[group];

	if (gr->cells == NULL || gr->lo == gr->hi) {
		*first = 1;
		*last = 0;
		return 0;
	}
	*first = gr->base + (int64_t)gr->lo;
	*last = gr->base + (int64_t)gr->hi - 1;
	return 1;
}

int
cs_grid_range(const struct cs_grid *g, int64_t *first, int64_t *last)
{
	size_t i;
	int any = 0;

	*first = 1;
	*last = 0;
	for (i = 0; i < g->ngroups; i++) {
		int64_t a, b;

		if (!cs_grid_group_range(g, i, &a, &b))
			continue;
		if (!any || a < *first)
			*first = a;
		if (!any || b > *last)
			*last = b;
		any = 1;
	}
	return any;
}
