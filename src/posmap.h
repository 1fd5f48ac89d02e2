/* posmap.h: maps offsets in extracted text back to offsets in the source file. */
#ifndef POSMAP_H
#define POSMAP_H

#include <stddef.h>

struct arena;

/*
 * One run of text bytes [toff, toff+tlen) that came from source bytes
 * [soff, soff+slen).  When tlen == slen the run is a verbatim copy and maps
 * byte for byte; otherwise (an entity, a replaced invalid byte, a synthetic
 * paragraph break) the run maps as a whole.
 */
struct posmap_seg {
	size_t toff, soff, tlen, slen;
};

struct posmap {
	struct posmap_seg *segs;
	size_t nsegs, cap;
};

void posmap_init(struct posmap *pm);

/*
 * Appends a run; runs must be added in increasing text order.  Adjacent
 * verbatim runs are merged.  Memory comes from the arena.
 */
void posmap_add(struct posmap *pm, struct arena *a, size_t toff, size_t soff,
    size_t tlen, size_t slen);

/* Source offset of the byte at text offset t (a start position). */
size_t posmap_start(const struct posmap *pm, size_t t);

/* Source offset just past the text byte before t (an exclusive end). */
size_t posmap_end(const struct posmap *pm, size_t t);

#endif
