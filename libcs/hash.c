/*
 * The dense-index hash tables of hash.h.  Slots hold index + 1 so that a
 * zeroed array is an empty table; the keys live in arrays indexed by the
 * dense index, so growing the table rehashes from those arrays without
 * touching the caller's values.
 */
#include "libcs/hash.h"

#include <stdlib.h>
#include <string.h>

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

uint32_t
cs_hash_u64(uint64_t x)
{
	/* The splitmix64 finaliser. */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return (uint32_t)x;
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

		while (m->slot[j])
			j = (j + 1) & m->mask;
		m->slot[j] = (uint32_t)i + 1;
	}
}

static size_t
strmap_probe(const struct cs_strmap *m, const char *s, size_t len, uint32_t h)
{
	size_t j = h & m->mask;

	for (;;) {
		uint32_t k = m->slot[j];

		if (k == 0)
			return j;
		k--;
		if (m->hash[k] == h && m->len[k] == len && memcmp(m->text + m->off[k], s, len) == 0)
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
	return m->slot[j] ? m->slot[j] - 1 : CS_HASH_NONE;
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
	if (m->slot[j]) {
		if (created)
			*created = 0;
		return m->slot[j] - 1;
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
	m->slot[j] = i + 1;
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

void
cs_u64map_init(struct cs_u64map *m)
{
	memset(m, 0, sizeof *m);
}

void
cs_u64map_release(struct cs_u64map *m)
{
	free(m->slot);
	free(m->key);
	memset(m, 0, sizeof *m);
}

static void
u64map_rehash(struct cs_u64map *m, size_t nslots)
{
	size_t i;

	free(m->slot);
	m->slot = xcalloc(nslots, sizeof *m->slot);
	m->mask = nslots - 1;
	for (i = 0; i < m->n; i++) {
		size_t j = cs_hash_u64(m->key[i]) & m->mask;

		while (m->slot[j])
			j = (j + 1) & m->mask;
		m->slot[j] = (uint32_t)i + 1;
	}
}

static size_t
u64map_probe(const struct cs_u64map *m, uint64_t key)
{
	size_t j = cs_hash_u64(key) & m->mask;

	while (m->slot[j] && m->key[m->slot[j] - 1] != key)
		j = (j + 1) & m->mask;
	return j;
}

uint32_t
cs_u64map_find(const struct cs_u64map *m, uint64_t key)
{
	size_t j;

	if (m->slot == NULL)
		return CS_HASH_NONE;
	j = u64map_probe(m, key);
	return m->slot[j] ? m->slot[j] - 1 : CS_HASH_NONE;
}

uint32_t
cs_u64map_intern(struct cs_u64map *m, uint64_t key, int *created)
{
	size_t j;
	uint32_t i;

	if (m->slot == NULL)
		u64map_rehash(m, MIN_SLOTS);
	j = u64map_probe(m, key);
	if (m->slot[j]) {
		if (created)
			*created = 0;
		return m->slot[j] - 1;
	}
	if (m->n >= UINT32_MAX - 1)
		abort();
	i = (uint32_t)m->n;
	m->key = xgrow(m->key, &m->cap, m->n + 1, sizeof *m->key);
	m->key[i] = key;
	m->n++;
	m->slot[j] = i + 1;
	if (m->n * 2 > m->mask + 1)
		u64map_rehash(m, (m->mask + 1) * 2);
	if (created)
		*created = 1;
	return i;
}
