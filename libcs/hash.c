/*
 * The hash tables of hash.h.  cs_strmap's slots hold index + 1 so that a
 * zeroed array is an empty table, and its keys live in arrays indexed by
 * the dense index, so growing rehashes from those arrays.  cs_u64tab's
 * slots hold the key and the value together.
 */
#include "libcs/hash.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "libcs/xalloc.h"

#define MIN_SLOTS 64

uint32_t
cs_hash_bytes(const char *s, size_t len)
{
	/* FNV-1a, then a final avalanche so that linear probing over the low
	 * bits sees well-mixed values even for keys that differ at the end. */
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

static uint64_t mix64(uint64_t x);

uint32_t
cs_hash_u64(uint64_t x)
{
	/* The splitmix64 finaliser. */
	return (uint32_t)mix64(x);
}

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}

uint64_t
cs_hash_bytes64(const char *s, size_t len, uint64_t seed)
{
	uint64_t h = 14695981039346656037ull ^ mix64(seed + 0x9e3779b97f4a7c15ull);
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	h = mix64(h ^ len);
	return h == UINT64_MAX ? UINT64_MAX - 1 : h;
}

void
cs_strmap_init(struct cs_strmap *m)
{
	memset(m, 0, sizeof *m);
}

void
cs_strmap_release(struct cs_strmap *m)
{
	free(m->slot);
	free(m->off);
	free(m->len);
	free(m->hash);
	free(m->text);
	memset(m, 0, sizeof *m);
}

static void
strmap_rehash(struct cs_strmap *m, size_t nslots)
{
	size_t i;

	free(m->slot);
	m->slot = xcalloc(nslots, sizeof *m->slot);
	m->mask = nslots - 1;
	for (i = 0; i < m->n; i++) {
		size_t j = m->hash[i] & m->mask;

		while (m->slot[j].idx)
			j = (j + 1) & m->mask;
		m->slot[j].hash = m->hash[i];
		m->slot[j].idx = (uint32_t)i + 1;
	}
}

static size_t
strmap_probe(const struct cs_strmap *m, const char *s, size_t len, uint32_t h)
{
	size_t j = h & m->mask;

	for (;;) {
		const struct cs_strslot *p = &m->slot[j];

		if (p->idx == 0)
			return j;
		if (p->hash == h && m->len[p->idx - 1] == len &&
		        memcmp(m->text + m->off[p->idx - 1], s, len) == 0)
			return j;
		j = (j + 1) & m->mask;
	}
}

uint32_t
cs_strmap_find(const struct cs_strmap *m, const char *s, size_t len)
{
	size_t j;

	if (m->slot == NULL)
		return CS_HASH_NONE;
	j = strmap_probe(m, s, len, cs_hash_bytes(s, len));
	return m->slot[j].idx ? m->slot[j].idx - 1 : CS_HASH_NONE;
}

uint32_t
cs_strmap_intern(struct cs_strmap *m, const char *s, size_t len, int *created)
{
	uint32_t h = cs_hash_bytes(s, len);
	size_t j;
	uint32_t i;

	if (m->slot == NULL)
		strmap_rehash(m, MIN_SLOTS);
	j = strmap_probe(m, s, len, h);
	if (m->slot[j].idx) {
		if (created)
			*created = 0;
		return m->slot[j].idx - 1;
	}
	if (m->n >= UINT32_MAX - 1 || len >= UINT32_MAX)
		abort(); /* four billion keys: far beyond any export */
	i = (uint32_t)m->n;
	if (m->n == m->cap) {
		size_t cap = m->cap;

		m->off = xgrow(m->off, &cap, m->n + 1, sizeof *m->off);
		cap = m->cap;
		m->len = xgrow(m->len, &cap, m->n + 1, sizeof *m->len);
		cap = m->cap;
		m->hash = xgrow(m->hash, &cap, m->n + 1, sizeof *m->hash);
		m->cap = cap;
	}
	m->text = xgrow(m->text, &m->text_cap, m->text_len + len + 1, 1);
	memcpy(m->text + m->text_len, s, len);
	m->text[m->text_len + len] = '\0';
	m->off[i] = m->text_len;
	m->len[i] = (uint32_t)len;
	m->hash[i] = h;
	m->text_len += len + 1;
	m->n++;
	m->slot[j].hash = h;
	m->slot[j].idx = i + 1;
	if (m->n * 2 > m->mask + 1)
		strmap_rehash(m, (m->mask + 1) * 2);
	if (created)
		*created = 1;
	return i;
}

const char *
cs_strmap_key(const struct cs_strmap *m, uint32_t i)
{
	return m->text + m->off[i];
}

size_t
cs_strmap_keylen(const struct cs_strmap *m, uint32_t i)
{
	return m->len[i];
}

#define EMPTY_KEY UINT64_MAX

void
cs_u64tab_init(struct cs_u64tab *t, size_t value_size)
{
	memset(t, 0, sizeof *t);
	t->value_size = value_size;
	/* Values start 8 bytes in and slots stay 8-byte aligned. */
	t->slot_size = 8 + (value_size + 7) / 8 * 8;
}

void
cs_u64tab_release(struct cs_u64tab *t)
{
	free(t->slot);
	t->slot = NULL;
	t->n = 0;
	t->mask = 0;
}

static uint64_t
slot_key(const unsigned char *slot)
{
	uint64_t k;

	memcpy(&k, slot, sizeof k);
	return k;
}

#define HUGE_PAGE ((size_t)2 << 20)

static void
u64tab_alloc(struct cs_u64tab *t, size_t nslots)
{
	size_t i, bytes;

	/* Probes land anywhere in a big table: on 2 MiB pages they miss the TLB
	 * far less often (where the system lets a program ask for them). */
	if (nslots > SIZE_MAX / t->slot_size)
		t->slot = xreallocarray(NULL, nslots, t->slot_size); /* dies with the size */
	bytes = nslots * t->slot_size;
	t->slot = NULL;
#ifdef MADV_HUGEPAGE
	if (bytes >= 2 * HUGE_PAGE) {
		void *p;

		if (posix_memalign(&p, HUGE_PAGE, bytes) == 0) {
			madvise(p, bytes, MADV_HUGEPAGE);
			t->slot = p;
		}
	}
#endif
	if (t->slot == NULL)
		t->slot = xreallocarray(NULL, nslots, t->slot_size);
	for (i = 0; i < nslots; i++) {
		uint64_t e = EMPTY_KEY;

		memcpy(t->slot + i * t->slot_size, &e, sizeof e);
	}
	t->mask = nslots - 1;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static unsigned char *
u64tab_probe(const struct cs_u64tab *t, uint64_t key)
{
	size_t j = cs_hash_u64(key) & t->mask;

	for (;;) {
		unsigned char *p = t->slot + j * t->slot_size;
		uint64_t k = slot_key(p);

		if (k == key || k == EMPTY_KEY)
			return p;
		j = (j + 1) & t->mask;
	}
}

static void
u64tab_grow(struct cs_u64tab *t)
{
	unsigned char *old = t->slot;
	size_t n = t->mask + 1, i;

	u64tab_alloc(t, n * 2);
	for (i = 0; i < n; i++) {
		unsigned char *p = old + i * t->slot_size;

		if (slot_key(p) != EMPTY_KEY)
			memcpy(u64tab_probe(t, slot_key(p)), p, t->slot_size);
	}
	free(old);
}

void *
cs_u64tab_find(const struct cs_u64tab *t, uint64_t key)
{
	unsigned char *p;

	if (t->slot == NULL || key == EMPTY_KEY)
		return NULL;
	p = u64tab_probe(t, key);
	return slot_key(p) == key ? p + 8 : NULL;
}

void *
cs_u64tab_get(struct cs_u64tab *t, uint64_t key, int *created)
{
	unsigned char *p;

	if (key == EMPTY_KEY)
		abort(); /* a caller's bug: the key is reserved */
	if (t->slot == NULL)
		u64tab_alloc(t, MIN_SLOTS);
	p = u64tab_probe(t, key);
	if (slot_key(p) == key) {
		if (created)
			*created = 0;
		return p + 8;
	}
	if ((t->n + 1) * 2 > t->mask + 1) {
		u64tab_grow(t);
		p = u64tab_probe(t, key);
	}
	memcpy(p, &key, sizeof key);
	memset(p + 8, 0, t->slot_size - 8);
	t->n++;
	if (created)
		*created = 1;
	return p + 8;
}

void
cs_u64tab_prefetch(const struct cs_u64tab *t, uint64_t key)
{
	if (t->slot)
		__builtin_prefetch(t->slot + (cs_hash_u64(key) & t->mask) * t->slot_size, 1);
}

void *
cs_u64tab_next(const struct cs_u64tab *t, size_t *pos, uint64_t *key)
{
	if (t->slot == NULL)
		return NULL;
	while (*pos <= t->mask) {
		unsigned char *p = t->slot + (*pos)++ * t->slot_size;

		if (slot_key(p) != EMPTY_KEY) {
			*key = slot_key(p);
			return p + 8;
		}
	}
	return NULL;
}
