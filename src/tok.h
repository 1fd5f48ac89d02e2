/* tok.h: tokens, sentences and paragraphs of a document's analysed text. */
#ifndef TOK_H
#define TOK_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

struct lexicon;

enum tok_kind {
	TOK_WORD,		/* letters, with inner ' - . & (don't, U.S.) */
	TOK_NUM,		/* starts with a digit or currency sign */
	TOK_PUNCT,		/* any other visible character; "..." is one */
	TOK_QUOTE		/* a quote mark, not an apostrophe */
};

/* Quote mark families (tok.qm) */
enum tok_qm {
	QM_NONE,
	QM_DOUBLE,		/* " “ ” „ */
	QM_SINGLE,		/* ' ‘ ’ ‚ */
	QM_GUILLEMET		/* « » */
};

enum tok_flags {
	TOK_CAP = 1 << 0,	/* first letter uppercase */
	TOK_ALLCAP = 1 << 1,	/* two or more letters, all uppercase */
	TOK_SPACE = 1 << 2,	/* whitespace precedes the token */
	TOK_SSTART = 1 << 3,	/* first token of a sentence */
	TOK_PSTART = 1 << 4,	/* first token of a paragraph */
	TOK_OPEN = 1 << 5,	/* quote mark can open (left-flanking) */
	TOK_CLOSE = 1 << 6,	/* quote mark can close (right-flanking) */
	TOK_MAYBE_APOS = 1 << 7,	/* ’ after s: closing quote or possessive */
	TOK_INQUOTE = 1 << 8,	/* inside a direct quotation (quote.c) */
	TOK_QMARK = 1 << 9,	/* quote mark that delimits a quotation */
	TOK_SPACE_AFTER = 1 << 10	/* whitespace follows the token */
};

struct tok {
	uint32_t off, len;	/* in d->text */
	uint64_t key;		/* hash of the case-folded form */
	uint32_t sent, para;	/* indexes into d->sents, d->paras */
	uint16_t flags;
	uint8_t kind;
	uint8_t qm;
	uint32_t lex;		/* lexicons an entry may start in (lexset_mark) */
};

struct sent {
	uint32_t first, n;	/* tokens */
};

struct para {
	uint32_t first, n;	/* tokens */
};

/*
 * Splits d->text into d->toks, d->sents and d->paras (all in the arena).
 * abbrevs, when not NULL, lists abbreviations that do not end a sentence
 * (rules/lexicons/abbreviations.txt).  Cannot fail.
 */
void tok_split(struct doc *d, const struct lexicon *abbrevs);

/*
 * Like tok_split; starters lists words that begin sentences (The, He, In):
 * after a dotted abbreviation (U.S.) or an initial, a sentence ends only
 * when one of them follows.
 */
void tok_split2(struct doc *d, const struct lexicon *abbrevs,
    const struct lexicon *starters);

/*
 * Tokenizes n bytes of s on their own (for rule phrases) into at most max
 * tokens written to out; returns the number of tokens, or more than max when
 * they did not all fit.  Offsets are relative to s.
 */
size_t tok_phrase(const char *s, size_t n, struct tok *out, size_t max);

/*
 * tok_phrase without the ASCII fast paths: the reference that the unit
 * tests hold the fast paths to.
 */
size_t tok_phrase_general(const char *s, size_t n, struct tok *out,
    size_t max);

/* The 64-bit key of the case-folded form of the n bytes at s. */
uint64_t tok_key(const char *s, size_t n);

/* tok_is once the first bytes agree (out of line). */
int tok_is_rest(const struct doc *d, const struct tok *t, const char *w);


/*
 * Nonzero when the token's text equals the NUL-terminated word w, ignoring
 * case (ASCII).  Inline: callers try lists of words, and most fail on the
 * first byte (bytes that differ in more than the case bit never fold
 * together).
 */
static inline int
tok_is(const struct doc *d, const struct tok *t, const char *w)
{
	if (((d->text[t->off] ^ w[0]) & ~0x20) != 0)
		return 0;
	return tok_is_rest(d, t, w);
}

/*
 * Length of the possessive ending ('s or ’s) of token t of d, or 0.
 * Inline: callers ask it of every word, and most end in another letter.
 */
static inline size_t
tok_poss_len(const struct doc *d, const struct tok *t)
{
	const unsigned char *p = (const unsigned char *)d->text + t->off;
	size_t n = t->len;

	if (n <= 2 || (p[n - 1] | 0x20) != 's')	/* s or S */
		return 0;
	if (p[n - 2] == '\'')
		return 2;
	if (n > 4 && p[n - 4] == 0xE2 && p[n - 3] == 0x80 && p[n - 2] == 0x99)
		return 4;
	return 0;
}

#endif
