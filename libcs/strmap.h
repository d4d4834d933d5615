/*
 * A hash table from byte-string keys to pointers, for the groups cs-import
 * keeps (ids of folded event logs, usage rollup keys, lookup files).
 *
 * The table copies each key when it is inserted and frees the copies in
 * cs_strmap_release; values are the caller's (the table never frees them).
 * Memory grows with the number of keys, never with lookups.
 */
#ifndef CS_STRMAP_H
#define CS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct cs_strmap_slot {
	char *key; /* NUL-terminated copy; NULL for an empty slot */
	size_t klen;
	uint64_t hash;
	void *val;
};

struct cs_strmap {
	struct cs_strmap_slot *slots;
	size_t cap; /* a power of two, or 0 */
	size_t n;
};

void cs_strmap_init(struct cs_strmap *m);
void cs_strmap_release(struct cs_strmap *m);

/* The value slot of key, or NULL when the key is absent. */
void **cs_strmap_get(const struct cs_strmap *m, const char *key, size_t len);

/* The value slot of key, inserting it (with a NULL value) when absent;
 * *created says which.  The slot pointer is valid until the next insert. */
void **cs_strmap_put(struct cs_strmap *m, const char *key, size_t len, int *created);

#endif
