/* arena.c: bump allocator in growing blocks, freed all at once. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "xalloc.h"

/* First block size; later blocks double up to ARENA_BLOCK_MAX. */
#define ARENA_BLOCK_MIN (64 * 1024)
#define ARENA_BLOCK_MAX (8 * 1024 * 1024)
/*
 * A request larger than this gets a block of its own, and arena_grow
 * resizes such a block with realloc (which moves pages rather than bytes)
 * instead of copying it: the token array of a 50 MB draft is ~400 MB, and
 * copying it at every growth step doubled peak memory.
 */
#define ARENA_BIG (ARENA_BLOCK_MAX / 4)
/*
 * An array that arena_grow takes past this many bytes moves to a block of
 * its own, which later growth resizes with realloc.  Copying each array
 * at every 1.5x step up to ARENA_BIG copied the token array of a 1 MB
 * draft three times over: 10 M of the 285 M instructions of a run.
 */
#define ARENA_GROW_OWN ((size_t)64 * 1024)

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
	a->limit = 0;
	a->bail = NULL;
}

/* Out of memory or over the limit: fail the document, or the program. */
static void
fail(struct arena *a)
{
	if (a->bail != NULL)
		longjmp(*a->bail, 1);
	xdie_oom();
}

/* Counts n more bytes against the limit. */
static void
charge(struct arena *a, size_t n)
{
	if (n > (size_t)-1 - a->total)
		fail(a);
	a->total += n;
	if (a->bail != NULL && a->limit != 0 && a->total > a->limit)
		fail(a);
}

/*
 * A block of this many bytes or more asks for transparent huge pages: the
 * token array of a large draft is tens of megabytes, and faulting it in
 * 4 KB at a time took ~7% of the run.
 */
#define ARENA_HUGE ((size_t)2 << 20)

/*
 * Asks the kernel to back [p, p + n) with huge pages where it can (a hint:
 * nothing else changes, and nothing when it cannot).  The range is widened
 * to whole pages, not narrowed to whole huge pages: the mapping of a large
 * malloc block must stay one piece, or realloc can no longer move it
 * without a copy (mremap).
 */
static void
advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t start = (uintptr_t)p & ~(uintptr_t)4095;
	uintptr_t end = ((uintptr_t)p + n + 4095) & ~(uintptr_t)4095;

	if (n >= ARENA_HUGE)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

static struct arena_block *
block_new(struct arena *a, size_t size)
{
	struct arena_block *b;

	if (size > (size_t)-1 - sizeof(*b))
		fail(a);
	b = malloc(sizeof(*b) + size);
	if (b == NULL)
		fail(a);
	advise_huge(b, sizeof(*b) + size);
	b->size = size;
	b->used = 0;
	return b;
}

/*
 * Returns n bytes (a multiple of 16, already charged) in a block of their
 * own, linked behind the head so that the head keeps taking small requests.
 */
static void *
own_block(struct arena *a, size_t n)
{
	struct arena_block *b = block_new(a, n), *head = a->head;

	b->used = n;
	if (head != NULL) {
		b->next = head->next;
		head->next = b;
	} else {
		b->next = NULL;
		a->head = b;
	}
	return b->data;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b;

	if (n > (size_t)-1 - 15)
		fail(a);
	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	charge(a, n);
#ifdef ARENA_DEBUG
	b = block_new(a, n);
	b->used = n;
	b->next = a->head;
	a->head = b;
	return b->data;
#else
	b = a->head;
	if (b != NULL && b->size - b->used >= n && n <= ARENA_BIG) {
		void *p = b->data + b->used;

		b->used += n;
		return p;
	}
	if (n > ARENA_BIG)
		return own_block(a, n);
	{
		size_t size = b ? b->size * 2 : ARENA_BLOCK_MIN;

		if (size > ARENA_BLOCK_MAX)
			size = ARENA_BLOCK_MAX;
		if (size < n)
			size = n;	/* n <= ARENA_BIG < ARENA_BLOCK_MAX */
		b = block_new(a, size);
	}
	b->next = a->head;
	a->head = b;
	b->used = n;
	return b->data;
#endif
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	size_t bytes;
	void *p;

	if (size != 0 && n > (size_t)-1 / size)
		fail(a);
	bytes = n * size;
	p = arena_alloc(a, bytes);
	memset(p, 0, bytes);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == (size_t)-1)
		fail(a);
	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * Resizes the block whose data is p to n bytes with realloc; returns the
 * new data, or NULL when p does not start a block of its own.
 */
static void *
block_resize(struct arena *a, void *p, size_t old, size_t n)
{
	struct arena_block **pp, *b;

	for (pp = &a->head; *pp != NULL; pp = &(*pp)->next)
		if ((void *)(*pp)->data == p)
			break;
	b = *pp;
	if (b == NULL || b->used != ((old + 15) & ~(size_t)15))
		return NULL;
	if (n > (size_t)-1 - 15 - sizeof(*b))
		fail(a);
	n = (n + 15) & ~(size_t)15;
	charge(a, n - b->used);
	b = realloc(b, sizeof(*b) + n);
	if (b == NULL)
		fail(a);	/* the old block is still linked and freed later */
	advise_huge(b, sizeof(*b) + n);
	b->size = b->used = n;
	*pp = b;
	return b->data;
}

#ifndef ARENA_DEBUG
/*
 * Grows in place the array p of old bytes to n bytes when it is the last
 * allocation in the head block and the block has room; returns whether it
 * did.  Arrays that grow one at a time while nothing else is allocated
 * (a read buffer, a list being filled) then cost no copy.  (ARENA_DEBUG
 * builds give each allocation a block of its own and always copy.)
 */
static int
grow_top(struct arena *a, void *p, size_t old, size_t n)
{
	struct arena_block *b = a->head;

	old = (old + 15) & ~(size_t)15;
	n = (n + 15) & ~(size_t)15;
	if (b == NULL || (uintptr_t)p + old != (uintptr_t)(b->data + b->used) ||
	    n - old > b->size - b->used)
		return 0;
	charge(a, n - old);
	b->used += n - old;
	return 1;
}
#endif

void
arena_grow(struct arena *a, void **p, size_t *cap, size_t elsize, size_t need)
{
	size_t ncap, bytes, old;
	void *np;

	if (need <= *cap)
		return;
	ncap = *cap ? *cap : 16;
	while (ncap < need) {
		if (ncap > (size_t)-1 - ncap / 2 - 1)
			fail(a);
		ncap += ncap / 2 + 1;
	}
	if (elsize != 0 && ncap > (size_t)-1 / elsize)
		fail(a);
	bytes = ncap * elsize;
	if (bytes > (size_t)-1 - 15 - sizeof(struct arena_block))
		fail(a);
	old = *cap * elsize;
#ifndef ARENA_DEBUG
	/* in a debug build every growth moves, so ASan sees stale pointers */
	if (old != 0 && grow_top(a, *p, old, bytes)) {
		*cap = ncap;
		return;
	}
#endif
	if (old >= ARENA_GROW_OWN) {
		np = block_resize(a, *p, old, bytes);
		if (np != NULL) {
			*p = np;
			*cap = ncap;
			return;
		}
	}
	if (bytes >= ARENA_GROW_OWN) {
		bytes = (bytes + 15) & ~(size_t)15;
		charge(a, bytes);
		np = own_block(a, bytes);
	} else {
		np = arena_alloc(a, bytes);
	}
	if (old)
		memcpy(np, *p, old);
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
