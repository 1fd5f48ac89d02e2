/* lex.h: word and phrase lists (lexicons) loaded from rules/lexicons/. */
#ifndef LEX_H
#define LEX_H

#include <stddef.h>
#include <stdint.h>

#include "tok.h"

struct doc;
struct tok;

struct lex_entry {
	const char *text;	/* the entry as written (first field) */
	const char *val;	/* second field, or "" */
	const char *rest;	/* fields after the second, tab-separated, or "" */
	int section;		/* index of the "# name" section, 0 before any */
	int nwords;		/* tokens in text */
};

struct lexicon {
	char *path;
	struct lex_entry *entries;
	size_t n;
	uint64_t *keys;		/* open-addressing table of phrase keys */
	uint32_t *slots;	/* entry index + 1 per key slot, 0 = empty */
	size_t mask;
	int maxwords;
	char *sections[16];	/* section names, as in "# roles" */
	int nsections;
	char *storage;
	uint64_t *firsts;	/* token key of each entry's first word */
	size_t nfirsts;
	uint64_t *fbloom;	/* bit lex_fbit(key) set for each first word */
	size_t fbmask;		/* bits in fbloom - 1 */
	uint32_t bit;		/* its bit in tok.lex, 0 when not in a set */
	const void *owner;	/* the set whose marks carry bit (lexset.h) */
};

/*
 * Loads a lexicon file.  Line 1 and lines starting with '#' are comments; a
 * comment line of a single word after "# " starts a section.  Returns NULL
 * after printing "copydesk: cannot read lexicon 'PATH': ..." on failure.
 * Free with lex_free.
 */
struct lexicon *lex_load(const char *path);

enum lex_flags {
	LEX_ALL_FIELDS = 1 << 0	/* every field is an entry; val = field 1 */
};

/*
 * Like lex_load; with LEX_ALL_FIELDS each tab-separated field of a line is
 * an entry of its own whose val is the line's first field (speech verbs:
 * "said" -> "say").  With only_val, keeps the lines whose second field is
 * only_val (org-words.txt: "suffix").
 */
struct lexicon *lex_load_opts(const char *path, unsigned flags,
    const char *only_val);

/* Builds a lexicon from a NUL-separated list of entries ending with "". */
struct lexicon *lex_from_list(const char *const *words);

void lex_free(struct lexicon *lx);

/* Key of a token sequence as used by the table (order-sensitive). */
uint64_t lex_key_step(uint64_t k, uint64_t tokkey);

/* Entry for the key of a whole phrase, or NULL. */
const struct lex_entry *lex_get_key(const struct lexicon *lx, uint64_t key);

/* Entry for a single token with key tokkey (tok.key), or NULL. */
const struct lex_entry *lex_get_tok(const struct lexicon *lx, uint64_t tokkey);

/*
 * lex_get_tok for a token whose marks say an entry may start with it: the
 * first-word filter, which seldom says otherwise then, is not asked again
 * (the answer is the same without it, only slower to reach for a key that
 * starts no entry).
 */
const struct lex_entry *lex_get_tok_rest(const struct lexicon *lx,
    uint64_t tokkey);

/*
 * lx's bit in the marks of d's tokens (tok.lex), or 0 when they cannot
 * rule lx out: lx is NULL, not in a set, or d was marked by another set.
 * Inline, as are the tests below that use it: most look-ups are ruled out
 * by a token's marks, and cost no call then.
 */
static inline uint32_t
lex_bit(const struct lexicon *lx, const struct doc *d)
{
	return lx != NULL && lx->bit != 0 && d->lexowner == lx->owner ?
	    lx->bit : 0;
}

/* May an entry start at token t, by its marks and lex_bit's bit? */
static inline int
lex_marked(const struct tok *t, uint32_t bit)
{
	return bit == 0 || (t->lex & bit) != 0;
}

/*
 * Entry for token i of d alone, or NULL: lex_get_tok with the token's key,
 * answered from the token's marks (lexset_mark) when d carries them.
 */
static inline const struct lex_entry *
lex_tok(const struct lexicon *lx, const struct doc *d, size_t i)
{
	uint32_t bit = lex_bit(lx, d);

	if (bit == 0)
		return lex_get_tok(lx, d->toks[i].key);
	if (!(d->toks[i].lex & bit))
		return NULL;
	return lex_get_tok_rest(lx, d->toks[i].key);
}

/*
 * 0 when no entry of lx can start at token i of d, its possessive ending
 * ('s) removed or not; 1 when one may.  Always 1 for an unmarked document.
 */
static inline int
lex_may(const struct lexicon *lx, const struct doc *d, size_t i)
{
	return lex_marked(&d->toks[i], lex_bit(lx, d));
}

/* Entry whose text is the n bytes at s (tokenized and case-folded). */
const struct lex_entry *lex_get(const struct lexicon *lx, const char *s,
    size_t n);

/*
 * Longest entry matching the tokens of d starting at token i (not crossing
 * a sentence); *ntok receives its token count.  NULL when none matches.
 * lex_match_rest is lex_match once token i is known to exist and its
 * marks allow lx (out of line).
 */
const struct lex_entry *lex_match_rest(const struct lexicon *lx,
    const struct doc *d, size_t i, size_t *ntok);

static inline const struct lex_entry *
lex_match(const struct lexicon *lx, const struct doc *d, size_t i,
    size_t *ntok)
{
	if (i >= d->ntoks || !lex_marked(&d->toks[i], lex_bit(lx, d)))
		return NULL;
	return lex_match_rest(lx, d, i, ntok);
}

/* The section index named name, or -1. */
int lex_section(const struct lexicon *lx, const char *name);

#endif
