/* match.c: token trie with a hashed edge table and class edges. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "tok.h"
#include "xalloc.h"

/* Most phrase ends collected at one token position before the rest are
 * ignored: more than any sane rule set puts at one spot. */
#ifndef MATCH_MAX_CANDIDATES
#define MATCH_MAX_CANDIDATES 256
#endif

struct term {
	uint32_t rule, item;
	uint32_t next;		/* next terminal at the same node, 0 = none */
	uint16_t ntok;
	uint16_t flags;
	char *text;		/* case-sensitive phrases: tokens joined by \0 */
};

struct node {
	uint32_t term;		/* first terminal + 1, 0 = none */
	uint32_t num, word;	/* class children, 0 = none */
};

struct edge {
	uint64_t key;
	uint32_t from, to;	/* to == 0: empty slot */
};

struct matcher {
	struct node *nodes;
	size_t nnodes, capnodes;
	struct term *terms;
	size_t nterms, capterms;
	struct edge *edges;
	size_t nedges, mask;
	/*
	 * Bit key % 65536 is set for the key of every edge out of the root:
	 * most tokens start no phrase, and this 8 KB filter, which stays in
	 * the cache, says so without a probe of the edge table.
	 */
	uint64_t rootbits[1024];
};

struct matcher *
match_new(void)
{
	struct matcher *m = xcalloc(1, sizeof(*m));

	m->capnodes = 64;
	m->nodes = xcalloc(m->capnodes, sizeof(*m->nodes));
	m->nnodes = 1;		/* the root */
	m->mask = 1023;
	m->edges = xcalloc(m->mask + 1, sizeof(*m->edges));
	m->terms = NULL;
	return m;
}

void
match_free(struct matcher *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nterms; i++)
		free(m->terms[i].text);
	free(m->terms);
	free(m->nodes);
	free(m->edges);
	free(m);
}

size_t
match_count(const struct matcher *m)
{
	return m->nterms;
}

static size_t
edge_slot(uint64_t key, uint32_t from, size_t mask)
{
	uint64_t h = key ^ ((uint64_t)from * 0x9e3779b97f4a7c15ULL);

	h ^= h >> 31;
	return (size_t)h & mask;
}

static uint32_t
edge_get(const struct matcher *m, uint32_t from, uint64_t key)
{
	size_t h = edge_slot(key, from, m->mask);

	while (m->edges[h].to != 0) {
		if (m->edges[h].key == key && m->edges[h].from == from)
			return m->edges[h].to;
		h = (h + 1) & m->mask;
	}
	return 0;
}

static void
edge_put(struct matcher *m, uint32_t from, uint64_t key, uint32_t to)
{
	size_t h;

	if ((m->nedges + 1) * 2 > m->mask + 1) {
		struct edge *old = m->edges;
		size_t i, oldsize = m->mask + 1;

		m->mask = oldsize * 2 - 1;
		m->edges = xcalloc(m->mask + 1, sizeof(*m->edges));
		for (i = 0; i < oldsize; i++) {
			if (old[i].to == 0)
				continue;
			h = edge_slot(old[i].key, old[i].from, m->mask);
			while (m->edges[h].to != 0)
				h = (h + 1) & m->mask;
			m->edges[h] = old[i];
		}
		free(old);
	}
	if (from == 0)
		m->rootbits[(key >> 6) & 1023] |= (uint64_t)1 << (key & 63);
	h = edge_slot(key, from, m->mask);
	while (m->edges[h].to != 0)
		h = (h + 1) & m->mask;
	m->edges[h].key = key;
	m->edges[h].from = from;
	m->edges[h].to = to;
	m->nedges++;
}

static uint32_t
node_new(struct matcher *m)
{
	if (m->nnodes == m->capnodes) {
		m->capnodes = xst_mult(m->capnodes, 2);
		m->nodes = xrealloc(m->nodes,
		    xst_mult(m->capnodes, sizeof(*m->nodes)));
	}
	memset(&m->nodes[m->nnodes], 0, sizeof(*m->nodes));
	return (uint32_t)m->nnodes++;
}

int
match_add(struct matcher *m, const char *text, const struct tok *toks,
    size_t n, uint32_t rule, uint32_t item, unsigned flags)
{
	uint32_t cur = 0, nx;
	struct term *t;
	size_t i;

	if (n == 0 || n > MATCH_MAX_TOKENS)
		return -1;
	for (i = 0; i < n; i++) {
		const char *p = text + toks[i].off;
		int cls = toks[i].len == 1 ? p[0] : 0;

		if (cls == 1 || cls == 2) {
			nx = cls == 1 ? m->nodes[cur].num : m->nodes[cur].word;
			if (nx == 0) {
				nx = node_new(m);
				if (cls == 1)
					m->nodes[cur].num = nx;
				else
					m->nodes[cur].word = nx;
			}
		} else {
			nx = edge_get(m, cur, toks[i].key);
			if (nx == 0) {
				nx = node_new(m);
				edge_put(m, cur, toks[i].key, nx);
			}
		}
		cur = nx;
	}
	if (m->nterms == m->capterms) {
		m->capterms = m->capterms ? m->capterms * 2 : 64;
		m->terms = xrealloc(m->terms,
		    xst_mult(m->capterms, sizeof(*m->terms)));
	}
	t = &m->terms[m->nterms];
	t->rule = rule;
	t->item = item;
	t->ntok = (uint16_t)n;
	t->flags = (uint16_t)flags;
	t->text = NULL;
	if (flags & MATCH_CASE) {
		size_t len = 0, o = 0;

		for (i = 0; i < n; i++)
			len += toks[i].len + 1;
		t->text = xmalloc(len);
		for (i = 0; i < n; i++) {
			memcpy(t->text + o, text + toks[i].off, toks[i].len);
			o += toks[i].len;
			t->text[o++] = '\0';
		}
	}
	t->next = m->nodes[cur].term;
	m->nodes[cur].term = (uint32_t)(m->nterms + 1);
	m->nterms++;
	return 0;
}

struct cand {
	uint32_t rule, item, ntok;
	unsigned flags;
};

static int
case_ok(const struct doc *d, const struct term *t, size_t first)
{
	const char *p = t->text;
	size_t i;

	for (i = 0; i < t->ntok; i++) {
		const struct tok *k = &d->toks[first + i];
		size_t n = strlen(p);

		if ((n != 1 || (p[0] != 1 && p[0] != 2)) &&
		    (n != k->len || memcmp(p, d->text + k->off, n) != 0))
			return 0;
		p += n + 1;
	}
	return 1;
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	if (x->ntok != y->ntok)
		return x->ntok > y->ntok ? -1 : 1;	/* longest first */
	/* at equal length an exception wins */
	return (int)(y->flags & MATCH_EXCEPTION) -
	    (int)(x->flags & MATCH_EXCEPTION);
}

static void
collect(const struct matcher *m, const struct doc *d, uint32_t node,
    size_t first, size_t depth, struct cand *c, size_t *nc)
{
	uint32_t ti, child;
	const struct tok *t;

	for (ti = m->nodes[node].term; ti != 0; ti = m->terms[ti - 1].next) {
		const struct term *tm = &m->terms[ti - 1];

		if (*nc >= MATCH_MAX_CANDIDATES)
			return;
		if ((tm->flags & MATCH_CASE) && !case_ok(d, tm, first))
			continue;
		c[*nc].rule = tm->rule;
		c[*nc].item = tm->item;
		c[*nc].ntok = tm->ntok;
		c[*nc].flags = tm->flags;
		(*nc)++;
	}
	if (depth >= MATCH_MAX_TOKENS || first + depth >= d->ntoks)
		return;
	t = &d->toks[first + depth];
	if (depth > 0 && t->sent != d->toks[first].sent)
		return;
	child = edge_get(m, node, t->key);
	if (child != 0)
		collect(m, d, child, first, depth + 1, c, nc);
	if (m->nodes[node].num != 0 && t->kind == TOK_NUM)
		collect(m, d, m->nodes[node].num, first, depth + 1, c, nc);
	if (m->nodes[node].word != 0 && t->kind == TOK_WORD)
		collect(m, d, m->nodes[node].word, first, depth + 1, c, nc);
}

/* The root's child for a token key, or 0: most keys start no phrase,
 * and the root filter says so without a probe of the edge table. */
static uint32_t
root_child(const struct matcher *m, uint64_t key)
{
	if (!(m->rootbits[(key >> 6) & 1023] >> (key & 63) & 1))
		return 0;
	return edge_get(m, 0, key);
}

/*
 * The first of the n tokens from i on that may start a phrase (n when
 * none): its key passes the root filter, or a class edge out of the root
 * takes its kind (bit 1 << kind of class_kinds).  A loop of its own: most
 * tokens start nothing, and it skips them in few instructions.
 */
static size_t
next_start(const struct matcher *m, const struct tok *toks, size_t i,
    size_t n, unsigned class_kinds)
{
	for (; i < n; i++) {
		uint64_t key = toks[i].key;

		if ((m->rootbits[(key >> 6) & 1023] >> (key & 63) & 1) ||
		    (class_kinds >> toks[i].kind & 1))
			break;
	}
	return i;
}

void
match_run(const struct matcher *m, const struct doc *d, size_t nrules,
    match_fn fn, void *ctx)
{
	struct cand c[MATCH_MAX_CANDIDATES];
	size_t *next_ok, i, k, n = d->ntoks;
	const struct tok *toks = d->toks;
	const struct node *root = &m->nodes[0];
	/* bit 1 << kind for the token kinds a class edge out of the root
	 * takes */
	unsigned class_kinds = (root->num ? 1u << TOK_NUM : 0) |
	    (root->word ? 1u << TOK_WORD : 0);

	if (m->nterms == 0)
		return;
	next_ok = xcalloc(nrules ? nrules : 1, sizeof(*next_ok));
	for (i = 0; (i = next_start(m, toks, i, n, class_kinds)) < n; i++) {
		const struct tok *t = &toks[i];
		uint32_t child = root_child(m, t->key);
		size_t nc = 0;

		if (child == 0 && !(class_kinds >> t->kind & 1))
			continue;	/* the filter let it through */
		/*
		 * collect from the root, unrolled: the root ends no phrase
		 * (match_add refuses empty ones), and its children are taken
		 * in collect's order, which the sort below relies on
		 */
		if (child != 0)
			collect(m, d, child, i, 1, c, &nc);
		if (root->num && t->kind == TOK_NUM)
			collect(m, d, root->num, i, 1, c, &nc);
		if (root->word && t->kind == TOK_WORD)
			collect(m, d, root->word, i, 1, c, &nc);
		if (nc == 0)
			continue;
		if (nc > 1)
			qsort(c, nc, sizeof(*c), cmp_cand);
		for (k = 0; k < nc; k++) {
			if (k > 0 && c[k].rule == c[k - 1].rule)
				continue;	/* not the longest */
			if (c[k].rule >= nrules || next_ok[c[k].rule] > i)
				continue;
			next_ok[c[k].rule] = i + c[k].ntok;
			if (!(c[k].flags & MATCH_EXCEPTION))
				fn(ctx, c[k].rule, c[k].item, i, c[k].ntok);
		}
	}
	free(next_ok);
}
