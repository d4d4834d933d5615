/*
 * Hash tables that hand out dense indexes.
 *
 * Both tables map a key to a small integer: the first distinct key gets 0,
 * the next 1, and so on.  The caller keeps whatever it needs per key in its
 * own arrays indexed by that number, which keeps the tables themselves small
 * (a slot is 4 bytes) and lets values be plain structs of any size.
 *
 * cs_strmap interns byte strings (copied into the table's own storage);
 * cs_u64map maps 64-bit keys, typically two 32-bit indexes packed together
 * such as (account, user).  Keys are never removed.  Open addressing with
 * linear probing, kept at most half full.
 */
#ifndef CS_HASH_H
#define CS_HASH_H

#include <stddef.h>
#include <stdint.h>

#define CS_HASH_NONE UINT32_MAX /* "not found" */

struct cs_strmap {
	uint32_t *slot; /* index + 1, or 0 when empty */
	size_t mask; /* slot count - 1 (a power of two minus one) */
	size_t n; /* keys held */
	size_t cap; /* capacity of off, len and hash */
	size_t *off; /* where key i starts in text */
	uint32_t *len;
	uint32_t *hash;
	char *text; /* every key, each followed by a NUL */
	size_t text_len, text_cap;
};

void cs_strmap_init(struct cs_strmap *m);
void cs_strmap_release(struct cs_strmap *m);
/* The index of key s (len bytes), or CS_HASH_NONE. */
uint32_t cs_strmap_find(const struct cs_strmap *m, const char *s, size_t len);
/* The index of s, adding it when new; *created (may be NULL) says which. */
uint32_t cs_strmap_intern(struct cs_strmap *m, const char *s, size_t len, int *created);
/* Key i as a NUL-terminated string, borrowed until the next intern. */
const char *cs_strmap_key(const struct cs_strmap *m, uint32_t i);
size_t cs_strmap_keylen(const struct cs_strmap *m, uint32_t i);

struct cs_u64map {
	uint32_t *slot; /* index + 1, or 0 when empty */
	size_t mask;
	size_t n;
	size_t cap;
	uint64_t *key; /* key of index i */
};

void cs_u64map_init(struct cs_u64map *m);
void cs_u64map_release(struct cs_u64map *m);
uint32_t cs_u64map_find(const struct cs_u64map *m, uint64_t key);
uint32_t cs_u64map_intern(struct cs_u64map *m, uint64_t key, int *created);

/* The hash functions the tables use, for callers that shard or sample. */
uint32_t cs_hash_bytes(const char *s, size_t len);
uint32_t cs_hash_u64(uint64_t x);

#endif
