/* posmap.c: text-to-source offset map as sorted runs. */
#include "posmap.h"

#include "arena.h"

void
posmap_init(struct posmap *pm)
{
	pm->segs = NULL;
	pm->nsegs = pm->cap = 0;
}

void
posmap_add(struct posmap *pm, struct arena *a, size_t toff, size_t soff,
    size_t tlen, size_t slen)
{
	struct posmap_seg *last;

	if (tlen == 0)
		return;
	if (pm->nsegs > 0) {
		last = &pm->segs[pm->nsegs - 1];
		if (last->tlen == last->slen && tlen == slen &&
		    last->toff + last->tlen == toff &&
		    last->soff + last->slen == soff) {
			last->tlen += tlen;
			last->slen += slen;
			return;
		}
	}
	arena_grow(a, (void **)&pm->segs, &pm->cap, sizeof(*pm->segs),
	    pm->nsegs + 1);
	last = &pm->segs[pm->nsegs++];
	last->toff = toff;
	last->soff = soff;
	last->tlen = tlen;
	last->slen = slen;
}

/* Index of the last run whose toff <= t, or 0. */
static size_t
find(const struct posmap *pm, size_t t)
{
	size_t lo = 0, hi = pm->nsegs;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (pm->segs[mid].toff <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
posmap_start(const struct posmap *pm, size_t t)
{
	const struct posmap_seg *s;

	if (pm->nsegs == 0)
		return t;
	s = &pm->segs[find(pm, t)];
	if (t < s->toff)
		return s->soff;
	if (t >= s->toff + s->tlen)
		return s->soff + s->slen;
	if (s->tlen == s->slen)
		return s->soff + (t - s->toff);
	return s->soff;
}

size_t
posmap_end(const struct posmap *pm, size_t t)
{
	const struct posmap_seg *s;

	if (pm->nsegs == 0)
		return t;
	if (t == 0)
		return posmap_start(pm, 0);
	s = &pm->segs[find(pm, t - 1)];
	if (t - 1 < s->toff)
		return s->soff;
	if (t - 1 >= s->toff + s->tlen)
		return s->soff + s->slen;
	if (s->tlen == s->slen)
		return s->soff + (t - s->toff);
	return s->soff + s->slen;
}
