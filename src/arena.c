/* arena.c: bump allocator in growing blocks, freed all at once. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* First block size; later blocks double up to ARENA_BLOCK_MAX. */
#define ARENA_BLOCK_MIN (64 * 1024)
#define ARENA_BLOCK_MAX (8 * 1024 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	/* max_align_t keeps data aligned for any type */
	_Alignas(16) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

static struct arena_block *
block_new(size_t size)
{
	struct arena_block *b;

	b = xmalloc(xst_add(sizeof(*b), size));
	b->size = size;
	b->used = 0;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b;

	n = xst_add(n, 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	a->total = xst_add(a->total, n);
#ifdef ARENA_DEBUG
	b = block_new(n);
	b->used = n;
	b->next = a->head;
	a->head = b;
	return b->data;
#else
	b = a->head;
	if (b != NULL && b->size - b->used >= n) {
		void *p = b->data + b->used;

		b->used += n;
		return p;
	}
	if (n > ARENA_BLOCK_MAX / 4) {
		/* a large request gets a block of its own behind the head */
		struct arena_block *big = block_new(n);

		big->used = n;
		if (b != NULL) {
			big->next = b->next;
			b->next = big;
		} else {
			big->next = NULL;
			a->head = big;
		}
		return big->data;
	}
	size_t size = b ? b->size * 2 : ARENA_BLOCK_MIN;

	if (size > ARENA_BLOCK_MAX)
		size = ARENA_BLOCK_MAX;
	if (size < n)	/* a request larger than the next block */
		size = n;
	b = block_new(size);
	b->next = a->head;
	a->head = b;
	b->used = n;
	return b->data;
#endif
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	size_t bytes = xst_mult(n, size);
	void *p = arena_alloc(a, bytes);

	memset(p, 0, bytes);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, xst_add(n, 1));

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_grow(struct arena *a, void **p, size_t *cap, size_t elsize, size_t need)
{
	size_t ncap;
	void *np;

	if (need <= *cap)
		return;
	ncap = *cap ? *cap : 16;
	while (ncap < need)
		ncap = xst_add(ncap, ncap / 2 + 1);
	np = arena_alloc(a, xst_mult(ncap, elsize));
	if (*cap)
		memcpy(np, *p, *cap * elsize);
	*p = np;
	*cap = ncap;
}

void
arena_release(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	for (; b != NULL; b = next) {
		next = b->next;
#ifdef ARENA_DEBUG
		memset(b->data, 0xdd, b->used);
#endif
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}
