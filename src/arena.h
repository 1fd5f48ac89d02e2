/* arena.h: per-document memory pool; everything in it dies at arena_release. */
#ifndef ARENA_H
#define ARENA_H

#include <setjmp.h>
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total;		/* bytes handed out, for --stats and limits */
	size_t limit;		/* most bytes while bail is set; 0 = none */
	jmp_buf *bail;		/* where to jump when over limit or OOM */
};

/* Sets up an empty arena with no limit; allocates nothing. */
void arena_init(struct arena *a);

/*
 * Returns n bytes aligned for any type, valid until arena_release.  Never
 * returns NULL.  When the allocation would take the arena past a->limit,
 * or malloc fails, it longjmps to *a->bail if that is set (the caller
 * fails that one document), and otherwise dies like xmalloc.  Code that
 * runs while bail is set must not hold malloc'd memory across arena calls.
 * With -DARENA_DEBUG every allocation is its own malloc() so that
 * AddressSanitizer sees overflows.
 */
void *arena_alloc(struct arena *a, size_t n);

/* Like arena_alloc for n * size bytes, zeroed, with an overflow check. */
void *arena_calloc(struct arena *a, size_t n, size_t size);

/* A NUL-terminated copy of the n bytes at s. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/*
 * Grows the array *p of *cap elements of elsize bytes so that it holds at
 * least need elements, keeping the old contents.  Growth is geometric so
 * appends are amortised O(1).  An array that was the last allocation
 * grows in place when its block has room.  Past 64 KB an array gets a
 * block of its own, resized with realloc, so growing it costs no copy and
 * no second buffer (and moves it: pointers into it go stale).  Otherwise
 * it is copied and the old copy stays until release.
 */
void arena_grow(struct arena *a, void **p, size_t *cap, size_t elsize,
    size_t need);

/* Frees every block; the arena is empty and reusable afterwards. */
void arena_release(struct arena *a);

#endif
