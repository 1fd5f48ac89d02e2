/*
 * incons_p.h: helpers shared by the inconsistency checks (incons.c,
 * numconf.c, namecheck.c, datecheck.c); not for the rest of the program.
 */
#ifndef INCONS_P_H
#define INCONS_P_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "lex.h"
#include "lexset.h"
#include "tok.h"

struct doc;
struct ruleset;
struct lexset;
struct lexicon;
struct arena;

/* Token indexes, in token order (in the document's arena). */
struct incons_list {
	uint32_t *i;
	size_t n, cap;
};

/*
 * The tokens the checks start from, gathered in one pass over the tokens:
 * on a large file each pass costs its memory traffic, whatever a check
 * does at a token, so each check walks its list instead.
 */
struct incons_scan {
	struct incons_list rep;		/* may start a repeated phrase */
	struct incons_list attrib;	/* may start an attribution phrase,
					 * outside quotes */
	struct incons_list nums;	/* numbers, and words that may be
					 * number words, outside quotes */
	struct incons_list votes;	/* words keyed unanimous, unanimously,
					 * dissented or voted */
	struct incons_list cal;		/* capitalised words outside quotes
					 * that may be calendar words */
	struct incons_list claims;	/* words keyed first or never,
					 * outside quotes (firsttime.c) */
	struct incons_list befores;	/* words keyed once, twice or times,
					 * outside quotes (firsttime.c) */
};

/*
 * A lexicon whose membership the checks test often (incons_in): its bit in
 * the token marks (lex_bit), and whether a word's mark is the word's own
 * entry.  A token is marked when its key, or its possessive's stem's, is
 * the first word of an entry: with one-word entries, of the word's entry.
 */
struct incons_words {
	const struct lexicon *lx;
	uint32_t bit;
	int exact;		/* bit != 0 and lx's entries one word each */
};

/* What every check receives. */
struct incons {
	struct doc *d;
	const struct ruleset *rs;
	const struct lexset *lx;
	const struct incons_scan *scan;
	struct incons_words minor;	/* lx->function_words */
	struct incons_words verbs;	/* lx->speech_verbs */
};

/* Sets w up for lexicon lx (may be NULL) and d's marks.  Cannot fail. */
void incons_words_init(struct incons_words *w, const struct lexicon *lx,
    const struct doc *d);

/*
 * Is token i of d an entry of w's lexicon (lex_tok non-NULL)?  Inline, and
 * the marks answer for most words without a look-up: no mark, no entry;
 * with an exact mark, an entry, unless the word may be a possessive whose
 * stem has the mark.
 */
static inline int
incons_in(const struct doc *d, const struct incons_words *w, size_t i)
{
	const struct tok *t = &d->toks[i];
	const char *end = d->text + t->off + t->len;

	if (!lex_marked(t, w->bit))
		return 0;
	if (w->exact && !(t->len >= 2 && (end[-1] == 's' || end[-1] == 'S')))
		return 1;
	return lex_tok(w->lx, d, i) != NULL;
}

/*
 * A multimap from 64-bit keys to item indexes, in the document's arena:
 * items chain through a next array the caller owns (-1 ends a chain).
 * Sized for nkeys distinct keys, and grows past that (doubling, so a
 * story's few hundred names do not cost a table per token); cannot fail.
 */
struct incons_map {
	uint64_t *keys;
	int32_t *heads;
	size_t mask;
	size_t n;		/* keys held */
	struct arena *a;
};

void incons_map_init(struct incons_map *m, struct arena *a, size_t nkeys);

/* Doubles m's table (for incons_map_head). */
void incons_map_grow(struct incons_map *m);

/* The slot of key: where it is, or the empty slot (head -2) it would take. */
static inline size_t
incons_map_slot(const struct incons_map *m, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 29)) & m->mask;

	while (m->heads[i] != -2 && m->keys[i] != key)
		i = (i + 1) & m->mask;
	return i;
}

/*
 * The chain head for key (created empty, -1, when new).  The pointer is
 * valid until the next incons_map_head call on m.  Inline: the checks
 * call it for each word they index.
 */
static inline int32_t *
incons_map_head(struct incons_map *m, uint64_t key)
{
	size_t i = incons_map_slot(m, key);

	if (m->heads[i] == -2) {
		/* at most half full keeps probes short */
		if ((m->n + 1) * 2 > m->mask + 1) {
			incons_map_grow(m);
			i = incons_map_slot(m, key);
		}
		m->keys[i] = key;
		m->heads[i] = -1;
		m->n++;
	}
	return &m->heads[i];
}

/* The chain head for key, or -1 when the key was never added. */
int32_t incons_map_get(const struct incons_map *m, uint64_t key);

/*
 * Writes token i's text, lowercased (ASCII) with a trailing possessive 's
 * removed, into buf (NUL-terminated, truncated to cap - 1); returns the
 * length.
 */
size_t incons_word(const struct doc *d, size_t i, char *buf, size_t cap);

/* The length of incons_word's result for a buffer of cap bytes. */
static inline size_t
incons_word_len(const struct doc *d, size_t i, size_t cap)
{
	size_t n = d->toks[i].len - tok_poss_len(d, &d->toks[i]);

	return n >= cap ? cap - 1 : n;
}

/*
 * Do the n bytes at s end in suf, k lowercase bytes, ASCII case aside (as
 * incons_word's result would)?  Inline: the stems ask it of every word.
 */
static inline int
incons_ends_in(const char *s, size_t n, const char *suf, size_t k)
{
	size_t j;

	if (n < k)
		return 0;
	for (j = 0; j < k; j++) {
		char c = s[n - k + j];

		if ((c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c) !=
		    suf[j])
			return 0;
	}
	return 1;
}

/*
 * A light stem of token i's word for comparing nouns and verb forms
 * (homes/home, damaged/damage, arrived/arrive), as a tok_key.
 */
uint64_t incons_stem_key(const struct doc *d, size_t i);

/* tok_key of incons_word's result. */
uint64_t incons_word_key(const struct doc *d, size_t i);

/* Does token i end in a possessive 's (or ’s)?  Inline: asked often. */
static inline int
incons_possessive(const struct doc *d, size_t i)
{
	return d->toks[i].kind == TOK_WORD &&
	    tok_poss_len(d, &d->toks[i]) != 0;
}

/*
 * Is the token before i, in the same sentence, one of the NULL-terminated
 * words w (ASCII case ignored)?
 */
int incons_after(const struct doc *d, size_t i, const char *const *w);

/* Are the n bytes at s ASCII letters, one or more? */
static inline int
incons_letters(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		char ch = (char)(s[k] | 0x20);	/* ASCII lowercase */

		if (ch < 'a' || ch > 'z')
			return 0;
	}
	return n > 0;
}

/*
 * lex_get(lx, w, n), without tokenizing w again when it is ASCII letters
 * alone: one token then, whose key tok_key gives.
 */
const struct lex_entry *incons_lex_get(const struct lexicon *lx,
    const char *w, size_t n);

/*
 * Is token i (any index; past the end is no) a word of sentence s and one
 * of the NULL-terminated words w (ASCII case ignored)?
 */
int incons_word_in(const struct doc *d, size_t i, size_t s,
    const char *const *w);

/* Is token i a word in lexicon lx (section sec, or any when sec < 0)? */
const char *incons_lex_val(const struct doc *d, const struct lexicon *lx,
    size_t i, int sec);

/*
 * incons_lex_val, where bit is lx's lex_bit for d (which a check keeps):
 * inline, so that the token marks turn most words away without a call.
 */
static inline const char *
incons_marked_val(const struct doc *d, const struct lexicon *lx,
    uint32_t bit, size_t i, int sec)
{
	if (!lex_marked(&d->toks[i], bit))
		return NULL;
	return incons_lex_val(d, lx, i, sec);
}

/*
 * Is token i a function word (or a number, or not a word at all)?  Inline:
 * the checks ask it of most words they pass, and the token's marks answer
 * no for most without a look-up.
 */
static inline int
incons_minor(const struct incons *ic, size_t i)
{
	return ic->d->toks[i].kind != TOK_WORD ||
	    incons_in(ic->d, &ic->minor, i);
}

/*
 * Does a change or revision word (change-words.txt) occur within win tokens
 * of the tokens [a, b] in their sentence (not inside them)?
 */
int incons_changed(const struct incons *ic, size_t a, size_t b, size_t win);

/* The 1-based source line of text offset toff. */
size_t incons_line(struct doc *d, size_t toff);

/*
 * Adds a finding of built-in check id over text [toff, toff+tlen) with a
 * printf-style message (truncated at 400 bytes).  Cannot fail.
 */
void incons_report(const struct incons *ic, int id, size_t toff, size_t tlen,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The text span covering tokens [a, b] (inclusive). */
void incons_span(const struct doc *d, size_t a, size_t b, size_t *toff,
    size_t *tlen);

#endif
