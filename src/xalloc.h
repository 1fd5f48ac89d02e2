/* xalloc.h: allocation that dies on out-of-memory; checked size arithmetic. */
#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

/*
 * Each function prints "copydesk: out of memory" and exits with status 2
 * when the allocation fails; none of them returns NULL.  The caller frees
 * the result with free().
 */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* a + b and a * b, dying on overflow (the result would not fit in memory). */
size_t xst_add(size_t a, size_t b);
size_t xst_mult(size_t a, size_t b);

/* Prints the message and exits with status 2; used for out of memory only. */
void xdie_oom(void) __attribute__((noreturn));

#endif
