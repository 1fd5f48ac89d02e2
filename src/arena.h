/* arena.h: per-document memory pool; everything in it dies at arena_release. */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total;		/* bytes handed out, for --stats and limits */
};

/* Sets up an empty arena; allocates nothing. */
void arena_init(struct arena *a);

/*
 * Returns n bytes aligned for any type, valid until arena_release.  Dies on
 * out of memory; never returns NULL.  With -DARENA_DEBUG every allocation is
 * its own malloc() so AddressSanitizer sees overflows.
 */
void *arena_alloc(struct arena *a, size_t n);

/* Like arena_alloc for n * size bytes, zeroed, with an overflow check. */
void *arena_calloc(struct arena *a, size_t n, size_t size);

/* A NUL-terminated copy of the n bytes at s. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/*
 * Grows the array *p of *cap elements of elsize bytes so that it holds at
 * least need elements, copying the old contents; the old block stays in the
 * arena until release.  Growth is geometric so appends are amortised O(1).
 */
void arena_grow(struct arena *a, void **p, size_t *cap, size_t elsize,
    size_t need);

/* Frees every block; the arena is empty and reusable afterwards. */
void arena_release(struct arena *a);

#endif
