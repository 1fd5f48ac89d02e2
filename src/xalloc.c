/* xalloc.c: the one place where out-of-memory is handled. */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
xdie_oom(void)
{
	fputs("copydesk: out of memory\n", stderr);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xdie_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		xdie_oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		xdie_oom();
	return q;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(xst_add(n, 1));

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

size_t
xst_add(size_t a, size_t b)
{
	if (a > (size_t)-1 - b)
		xdie_oom();
	return a + b;
}

size_t
xst_mult(size_t a, size_t b)
{
	if (b != 0 && a > (size_t)-1 / b)
		xdie_oom();
	return a * b;
}
