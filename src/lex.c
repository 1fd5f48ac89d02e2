/* lex.c: lexicon files as hashed phrase sets. */
#include "lex.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "tok.h"
#include "xalloc.h"

/* Longest phrase in a lexicon, in tokens; longer entries are refused. */
#define LEX_MAX_WORDS 12

uint64_t
lex_key_step(uint64_t k, uint64_t tokkey)
{
	k ^= tokkey + 0x9e3779b97f4a7c15ULL + (k << 6) + (k >> 2);
	return k * 0xff51afd7ed558ccdULL;
}

static uint64_t
phrase_key(const char *s, size_t n, int *nwords)
{
	struct tok t[LEX_MAX_WORDS + 1];
	size_t i, k = tok_phrase(s, n, t, LEX_MAX_WORDS + 1);
	uint64_t key = 0;

	if (k > LEX_MAX_WORDS)
		k = LEX_MAX_WORDS;
	for (i = 0; i < k; i++)
		key = lex_key_step(key, t[i].key);
	*nwords = (int)k;
	return key;
}

/* Slot value of a key that is only a prefix of longer entries. */
#define LEX_PREFIX UINT32_MAX

static void
insert(struct lexicon *lx, uint64_t key, uint32_t val)
{
	size_t h = (size_t)(key ^ (key >> 29)) & lx->mask;

	while (lx->slots[h] != 0) {
		if (lx->keys[h] == key) {
			/* first entry wins; an entry beats a prefix mark */
			if (lx->slots[h] == LEX_PREFIX && val != LEX_PREFIX)
				lx->slots[h] = val;
			return;
		}
		h = (h + 1) & lx->mask;
	}
	lx->keys[h] = key;
	lx->slots[h] = val;
}

/* Slot value for key: 0 none, LEX_PREFIX a prefix, else entry + 1. */
static uint32_t
lookup(const struct lexicon *lx, uint64_t key)
{
	size_t h = (size_t)(key ^ (key >> 29)) & lx->mask;

	while (lx->slots[h] != 0) {
		if (lx->keys[h] == key)
			return lx->slots[h];
		h = (h + 1) & lx->mask;
	}
	return 0;
}

/* The bit of the first-word filter for token key k. */
static size_t
fbit(const struct lexicon *lx, uint64_t k)
{
	return (size_t)(k ^ (k >> 32)) & lx->fbmask;
}

/* Can an entry of lx start with the token whose key is k? */
static int
may_start(const struct lexicon *lx, uint64_t k)
{
	size_t b = fbit(lx, k);

	return (lx->fbloom[b >> 6] >> (b & 63)) & 1;
}

/*
 * Fills the first-word filter: about 16 bits a first word, so that a token
 * that starts no entry is turned away without a probe of the table.
 */
static void
build_filter(struct lexicon *lx)
{
	size_t i, bits = 512;

	while (bits < lx->nfirsts * 16 && bits < ((size_t)1 << 20))
		bits *= 2;
	lx->fbmask = bits - 1;
	lx->fbloom = xcalloc(bits / 64, sizeof(*lx->fbloom));
	for (i = 0; i < lx->nfirsts; i++) {
		size_t b = fbit(lx, lx->firsts[i]);

		lx->fbloom[b >> 6] |= (uint64_t)1 << (b & 63);
	}
}

/*
 * Hashes every entry, and marks every proper prefix of a multi-word entry
 * so that lex_match can stop at the first token that starts nothing.
 */
static void
build(struct lexicon *lx)
{
	size_t i, size = 64, nkeys = 0;

	for (i = 0; i < lx->n; i++)
		nkeys += 1 + (strchr(lx->entries[i].text, ' ') ? LEX_MAX_WORDS :
		    0);
	while (size < nkeys * 2 + 2)
		size *= 2;
	lx->mask = size - 1;
	lx->keys = xcalloc(size, sizeof(*lx->keys));
	lx->slots = xcalloc(size, sizeof(*lx->slots));
	lx->maxwords = 1;
	lx->firsts = xcalloc(lx->n + 1, sizeof(*lx->firsts));
	for (i = 0; i < lx->n; i++) {
		struct lex_entry *e = &lx->entries[i];
		struct tok t[LEX_MAX_WORDS + 1];
		size_t k, nt = tok_phrase(e->text, strlen(e->text), t,
		    LEX_MAX_WORDS + 1);
		uint64_t key = 0;

		if (nt > LEX_MAX_WORDS)
			nt = LEX_MAX_WORDS;
		e->nwords = (int)nt;
		if (nt == 0)
			continue;
		if (e->nwords > lx->maxwords)
			lx->maxwords = e->nwords;
		lx->firsts[lx->nfirsts++] = t[0].key;
		for (k = 0; k < nt; k++) {
			key = lex_key_step(key, t[k].key);
			if (k + 1 < nt)
				insert(lx, key, LEX_PREFIX);
		}
		insert(lx, key, (uint32_t)i + 1);
	}
	build_filter(lx);
}

static struct lexicon *
parse(char *storage, size_t len, const char *path, unsigned flags,
    const char *only_val)
{
	struct lexicon *lx = xcalloc(1, sizeof(*lx));
	size_t cap = 0, lineno = 0;
	char *p = storage, *end = storage + len;
	int section = 0;

	lx->path = xstrdup(path);
	lx->storage = storage;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *line = p;
		char *tab;
		struct lex_entry *e;

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		p = nl + 1;
		lineno++;
		if (nl > line && nl[-1] == '\r')
			nl[-1] = '\0';
		if (line[0] == '#') {
			const char *w = line + 1;

			while (*w == ' ')
				w++;
			if (lineno > 1 && *w && strchr(w, ' ') == NULL &&
			    strchr(w, ':') == NULL && lx->nsections < 15) {
				lx->sections[lx->nsections++] = (char *)w;
				section = lx->nsections;
			}
			continue;
		}
		if (line[0] == '\0')
			continue;
		if (lx->n == cap) {
			cap = cap ? cap * 2 : 256;
			lx->entries = xrealloc(lx->entries,
			    xst_mult(cap, sizeof(*lx->entries)));
		}
		e = &lx->entries[lx->n++];
		e->text = line;
		e->val = "";
		e->rest = "";
		e->section = section;
		tab = strchr(line, '\t');
		if (tab != NULL && (flags & LEX_ALL_FIELDS)) {
			/* one entry a field, each pointing at the first */
			e->val = line;
			while (tab != NULL) {
				*tab = '\0';
				if (lx->n == cap) {
					cap *= 2;
					lx->entries = xrealloc(lx->entries,
					    xst_mult(cap, sizeof(*lx->entries)));
				}
				e = &lx->entries[lx->n++];
				e->text = tab + 1;
				e->val = line;
				e->rest = "";
				e->section = section;
				tab = strchr(tab + 1, '\t');
			}
			continue;
		}
		if (tab != NULL) {
			*tab = '\0';
			e->val = tab + 1;
			tab = strchr(tab + 1, '\t');
			if (tab != NULL) {
				*tab = '\0';
				e->rest = tab + 1;
			}
		}
		if (flags & LEX_ALL_FIELDS)
			e->val = line;
		if (only_val != NULL && strcmp(e->val, only_val) != 0)
			lx->n--;
	}
	build(lx);
	return lx;
}

struct lexicon *
lex_load(const char *path)
{
	return lex_load_opts(path, 0, NULL);
}

struct lexicon *
lex_load_opts(const char *path, unsigned flags, const char *only_val)
{
	FILE *f = fopen(path, "rb");
	char *storage;
	size_t len = 0, cap = 65536, r;

	if (f == NULL) {
		fprintf(stderr, "copydesk: cannot read lexicon '%s': %s\n",
		    path, strerror(errno));
		return NULL;
	}
	storage = xmalloc(cap);
	while ((r = fread(storage + len, 1, cap - len - 1, f)) > 0) {
		len += r;
		if (cap - len - 1 == 0) {
			cap *= 2;
			storage = xrealloc(storage, cap);
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "copydesk: cannot read lexicon '%s': %s\n",
		    path, strerror(errno));
		fclose(f);
		free(storage);
		return NULL;
	}
	fclose(f);
	storage[len] = '\0';
	return parse(storage, len, path, flags, only_val);
}

struct lexicon *
lex_from_list(const char *const *words)
{
	struct buf_s {
		char *p;
		size_t len, cap;
	} b = { NULL, 0, 0 };
	size_t i;

	for (i = 0; words[i][0] != '\0'; i++) {
		size_t n = strlen(words[i]);

		if (b.len + n + 2 > b.cap) {
			b.cap = (b.len + n + 2) * 2;
			b.p = xrealloc(b.p, b.cap);
		}
		memcpy(b.p + b.len, words[i], n);
		b.len += n;
		b.p[b.len++] = '\n';
	}
	if (b.p == NULL)
		b.p = xmalloc(1);
	return parse(b.p, b.len, "(built-in)", 0, NULL);
}

void
lex_free(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	free(lx->path);
	free(lx->entries);
	free(lx->keys);
	free(lx->slots);
	free(lx->firsts);
	free(lx->fbloom);
	free(lx->storage);
	free(lx);
}

/* The entry whose whole key is key, or NULL (inlined by both callers). */
static const struct lex_entry *
entry_of(const struct lexicon *lx, uint64_t key)
{
	uint32_t v = lookup(lx, key);

	return v == 0 || v == LEX_PREFIX ? NULL : &lx->entries[v - 1];
}

const struct lex_entry *
lex_get_key(const struct lexicon *lx, uint64_t key)
{
	return entry_of(lx, key);
}

const struct lex_entry *
lex_get_tok(const struct lexicon *lx, uint64_t tokkey)
{
	if (!may_start(lx, tokkey))
		return NULL;
	return entry_of(lx, lex_key_step(0, tokkey));
}

const struct lex_entry *
lex_get_tok_rest(const struct lexicon *lx, uint64_t tokkey)
{
	/* a key that starts no entry is in no slot: the answer is NULL
	 * with or without the filter */
	return entry_of(lx, lex_key_step(0, tokkey));
}

const struct lex_entry *
lex_get(const struct lexicon *lx, const char *s, size_t n)
{
	int nw;
	uint64_t key = phrase_key(s, n, &nw);

	if (nw == 0)
		return NULL;
	return lex_get_key(lx, key);
}

const struct lex_entry *
lex_match_rest(const struct lexicon *lx, const struct doc *d, size_t i,
    size_t *ntok)
{
	const struct lex_entry *best = NULL;
	uint64_t key = 0;
	uint32_t v;
	size_t j;

	if (!may_start(lx, d->toks[i].key))
		return NULL;
	/* walk the table for the longest entry */
	for (j = i; j < d->ntoks && (int)(j - i) < lx->maxwords; j++) {
		if (j > i && d->toks[j].sent != d->toks[i].sent)
			break;
		key = lex_key_step(key, d->toks[j].key);
		v = lookup(lx, key);
		if (v == 0)
			break;		/* no entry starts this way */
		if (v != LEX_PREFIX) {
			best = &lx->entries[v - 1];
			*ntok = j - i + 1;
		}
	}
	return best;
}

int
lex_section(const struct lexicon *lx, const char *name)
{
	int i;

	for (i = 0; i < lx->nsections; i++)
		if (strcmp(lx->sections[i], name) == 0)
			return i + 1;
	return -1;
}
