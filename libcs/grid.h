/*
 * A table of cells indexed by group and period, for the aggregations of
 * cs-report.
 *
 * A group is a tuple of key strings (the values of the --by columns; the
 * empty tuple is the one group when there is no --by).  Groups are numbered
 * in the order they are first seen.  Each group holds a run of cells over a
 * range of period ordinals that grows on either side as tickets arrive in
 * any order; cells are fixed-size blocks of cell_size bytes, zeroed when
 * they come into being.  Memory grows with groups x periods, never with
 * rows.
 */
#ifndef CS_GRID_H
#define CS_GRID_H

#include <stddef.h>
#include <stdint.h>

struct cs_grid;

struct cs_grid *cs_grid_new(size_t nkeys, size_t cell_size);
/* Calls release (when not NULL) on every cell, then frees the grid. */
void cs_grid_free(struct cs_grid *g, void (*release)(void *cell));

/* The group of a key tuple, created when new.  keys[i] need not be
 * NUL-terminated; they are copied. */
size_t cs_grid_group(struct cs_grid *g, const char *const *keys, const size_t *lens);
size_t cs_grid_ngroups(const struct cs_grid *g);
/* The keys of group i, NUL-terminated, owned by the grid. */
const char *const *cs_grid_keys(const struct cs_grid *g, size_t group);

/* The cell of (group, ord), created when new.  The pointer is valid until
 * the next call of cs_grid_cell on the same group. */
void *cs_grid_cell(struct cs_grid *g, size_t group, int64_t ord);
/* The cell of (group, ord) if it exists, else NULL. */
void *cs_grid_find(const struct cs_grid *g, size_t group, int64_t ord);

/* The range of ordinals with cells over all groups (first > last when
 * there are none), and for one group. */
int cs_grid_range(const struct cs_grid *g, int64_t *first, int64_t *last);
int cs_grid_group_range(const struct cs_grid *g, size_t group, int64_t *first, int64_t *last);

#endif
