/* buf.c: growable byte buffer. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
buf_init(struct buf *b)
{
	b->ptr = NULL;
	b->len = b->cap = 0;
}

static void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = xst_add(xst_add(b->len, extra), 1);

	if (need <= b->cap)
		return;
	/* oversize by 50% for amortised linear appends */
	need = xst_add(need, need / 2);
	b->ptr = xrealloc(b->ptr, need);
	b->cap = need;
}

void
buf_put(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char ch = (char)c;

	if (b->len + 2 <= b->cap) {	/* room for it and the NUL */
		b->ptr[b->len++] = ch;
		b->ptr[b->len] = '\0';
		return;
	}
	buf_put(b, &ch, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* most output fits where the buffer has room: format it once */
	if (b->ptr != NULL) {
		va_start(ap, fmt);
		n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < b->cap - b->len) {
			b->len += (size_t)n;
			return;
		}
		b->ptr[b->len] = '\0';	/* undo a cut-off attempt */
		if (n < 0)
			return;
	} else {
		va_start(ap, fmt);
		n = vsnprintf(NULL, 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
	}
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_room(struct buf *b, size_t n)
{
	buf_grow(b, n);
	return b->ptr + b->len;
}

void
buf_commit(struct buf *b, char *end)
{
	b->len = (size_t)(end - b->ptr);
	*end = '\0';
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void
buf_release(struct buf *b)
{
	free(b->ptr);
	buf_init(b);
}
