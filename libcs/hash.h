/*
 * Hash tables.
 *
 * cs_strmap maps a string to a small integer: the first distinct key gets 0,
 * the next 1, and so on.  The caller keeps whatever it needs per key in its
 * own arrays indexed by that number, which keeps the tables themselves small
 * (a slot is 4 bytes) and lets values be plain structs of any size.
 *
 * cs_strmap interns byte strings (copied into the table's own storage).
 * cs_u64tab, below, keeps values inside its slots instead.  Keys are never
 * removed.  Open addressing with linear probing, kept at most half full.
 */
#ifndef CS_HASH_H
#define CS_HASH_H

#include <stddef.h>
#include <stdint.h>

#define CS_HASH_NONE UINT32_MAX /* "not found" */

struct cs_strslot {
	uint32_t hash; /* of the key, compared before the key itself */
	uint32_t idx; /* index + 1, or 0 when empty */
};

struct cs_strmap {
	struct cs_strslot *slot;
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

/*
 * cs_u64tab maps 64-bit keys to values of a fixed size stored inside the
 * table's own slots, so that finding a key and reaching its value touch one
 * cache line: the table for big sets of pairs (millions of (account, user)
 * keys).  The key UINT64_MAX is reserved (it marks an empty slot).  Value
 * pointers are valid until the next insertion.
 */
struct cs_u64tab {
	unsigned char *slot; /* nslots slots of slot_size bytes: key, then value */
	size_t slot_size, value_size;
	size_t mask; /* nslots - 1 */
	size_t n;
};

void cs_u64tab_init(struct cs_u64tab *t, size_t value_size);
void cs_u64tab_release(struct cs_u64tab *t);
/* The value of key, or NULL. */
void *cs_u64tab_find(const struct cs_u64tab *t, uint64_t key);
/* The value of key, adding it (value zeroed) when new; *created (may be
 * NULL) says which. */
void *cs_u64tab_get(struct cs_u64tab *t, uint64_t key, int *created);
/* Asks the processor to start loading the slot where key would be, for a
 * caller that will look it up a little later. */
void cs_u64tab_prefetch(const struct cs_u64tab *t, uint64_t key);
/* Iteration: *pos starts at 0; returns the next value and its key, or NULL
 * at the end.  The table must not change during the walk. */
void *cs_u64tab_next(const struct cs_u64tab *t, size_t *pos, uint64_t *key);

/* The hash functions the tables use, for callers that shard or sample. */
uint32_t cs_hash_bytes(const char *s, size_t len);
uint32_t cs_hash_u64(uint64_t x);
/* A 64-bit fingerprint of (seed, s): two different inputs share one with
 * odds of about n * n / 2^65 among n inputs.  Never UINT64_MAX, so it can
 * key a cs_u64tab. */
uint64_t cs_hash_bytes64(const char *s, size_t len, uint64_t seed);

#endif
