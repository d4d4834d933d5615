/*
 * Open addressing with linear probing and FNV-1a hashes; the table doubles
 * when it is more than half full, so probes stay short.
 */
#include "libcs/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "libcs/xalloc.h"

void
cs_strmap_init(struct cs_strmap *m)
{
	memset(m, 0, sizeof *m);
}

void
cs_strmap_release(struct cs_strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	cs_strmap_init(m);
}

static uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct cs_strmap_slot *
probe(const struct cs_strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;

	for (;;) {
		struct cs_strmap_slot *s = &m->slots[i];

		if (s->key == NULL)
			return s;
		if (s->hash == h && s->klen == len && memcmp(s->key, key, len) == 0)
			return s;
		i = (i + 1) & mask;
	}
}

void **
cs_strmap_get(const struct cs_strmap *m, const char *key, size_t len)
{
	struct cs_strmap_slot *s;

	if (m->cap == 0)
		return NULL;
	s = probe(m, key, len, hash_bytes(key, len));
	return s->key ? &s->val : NULL;
}

static void
grow(struct cs_strmap *m)
{
	struct cs_strmap_slot *old = m->slots;
	size_t oldcap = m->cap, i;

	m->cap = oldcap ? oldcap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key) {
			struct cs_strmap_slot *s = probe(m, old[i].key, old[i].klen, old[i].hash);
			*s = old[i];
		}
	}
	free(old);
}

void **
cs_strmap_put(struct cs_strmap *m, const char *key, size_t len, int *created)
{
	struct cs_strmap_slot *s;
	uint64_t h = hash_bytes(key, len);

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	s = probe(m, key, len, h);
	if (s->key) {
		*created = 0;
		return &s->val;
	}
	s->key = xmalloc(len + 1);
	memcpy(s->key, key, len);
	s->key[len] = '\0';
	s->klen = len;
	s->hash = h;
	s->val = NULL;
	m->n++;
	*created = 1;
	return &s->val;
}
