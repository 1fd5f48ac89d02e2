/* buf.h: growable byte buffer for building output and messages. */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>

struct buf {
	char *ptr;		/* always NUL-terminated when ptr != NULL */
	size_t len, cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
/* Appends n bytes; dies on out of memory. */
void buf_put(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * Makes room for n more bytes and the NUL, and returns where they go: for
 * a writer that appends many small pieces with no call each.  It must end
 * with buf_commit.  Dies on out of memory.
 */
char *buf_room(struct buf *b, size_t n);
/* Ends what buf_room began: the buffer now ends at end (NUL added). */
void buf_commit(struct buf *b, char *end);
/* Empties the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* Frees the memory; the buffer is empty and reusable. */
void buf_release(struct buf *b);

#endif
