/* t_arena.c: the per-document arena: sizes, growth in place, the memory cap. */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "harness.h"

/* Fills n bytes and checks them later: overlapping blocks would show. */
static void
fill(unsigned char *p, size_t n, unsigned char v)
{
	memset(p, v, n);
}

static int
all(const unsigned char *p, size_t n, unsigned char v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

static void
test_sizes(void)
{
	struct arena a;
	unsigned char *small, *mid, *big, *after;

	arena_init(&a);
	small = arena_alloc(&a, 100);
	fill(small, 100, 1);
	/* larger than the first block but not "big": a regression test for a
	 * heap overflow when the next block was sized without looking at n */
	mid = arena_alloc(&a, 700 * 1024);
	fill(mid, 700 * 1024, 2);
	big = arena_alloc(&a, 5u << 20);
	fill(big, 5u << 20, 3);
	after = arena_alloc(&a, 1000);
	fill(after, 1000, 4);
	OK(all(small, 100, 1) && all(mid, 700 * 1024, 2) &&
	    all(big, 5u << 20, 3) && all(after, 1000, 4),
	    "small, mid-size and big allocations do not overlap");
	OK(((uintptr_t)small & 15) == 0 && ((uintptr_t)mid & 15) == 0 &&
	    ((uintptr_t)big & 15) == 0, "allocations are 16-byte aligned");
	arena_release(&a);
	OK(a.head == NULL && a.total == 0, "release empties the arena");
}

static void
test_grow(void)
{
	struct arena a;
	uint32_t *v = NULL;
	size_t cap = 0, i, n = 3u << 20, bad = 0;

	arena_init(&a);
	for (i = 0; i < n; i++) {
		if (i >= cap)
			arena_grow(&a, (void **)&v, &cap, sizeof(*v), i + 1);
		v[i] = (uint32_t)i;
		if (i % 1000 == 0)
			(void)arena_alloc(&a, 24);	/* interleaved */
	}
	for (i = 0; i < n; i++)
		if (v[i] != (uint32_t)i)
			bad++;
	INT_EQ(bad, 0, "a 12 MB array grown one element at a time keeps "
	    "its contents");
	OK(a.total < 3 * n * sizeof(*v), "growing a big array does not keep "
	    "its old copies");
	arena_release(&a);
}

static void
test_limit(void)
{
	struct arena a;
	jmp_buf bail;
	volatile int jumped = 0;
	char *p = NULL;
	size_t cap = 0;

	arena_init(&a);
	a.limit = 1u << 20;
	(void)arena_alloc(&a, 1000);	/* no bail set: the limit is off */
	if (setjmp(bail) == 0) {
		a.bail = &bail;
		(void)arena_alloc(&a, 512 * 1024);
		(void)arena_alloc(&a, 600 * 1024);
	} else {
		jumped = 1;
	}
	a.bail = NULL;
	OK(jumped, "an allocation over the limit jumps to the bail point");
	arena_release(&a);

	arena_init(&a);
	a.limit = 4u << 20;
	jumped = 0;
	if (setjmp(bail) == 0) {
		a.bail = &bail;
		for (;;)
			arena_grow(&a, (void **)&p, &cap, 1, cap + 1);
	} else {
		jumped = 1;
	}
	a.bail = NULL;
	OK(jumped && a.total <= (4u << 20) + (4u << 20) / 2 + 64,
	    "growing past the limit jumps too");
	arena_release(&a);

	arena_init(&a);
	jumped = 0;
	if (setjmp(bail) == 0) {
		a.bail = &bail;
		(void)arena_calloc(&a, (size_t)-1 / 2, 4);
	} else {
		jumped = 1;
	}
	a.bail = NULL;
	OK(jumped, "a size that overflows fails the document, not the "
	    "program");
	arena_release(&a);
}

int
main(void)
{
	harness_name = "arena";
	test_sizes();
	test_grow();
	test_limit();
	return harness_failed != 0;
}
