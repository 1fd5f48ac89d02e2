/* match.h: one token trie holding every phrase of every rule; one pass. */
#ifndef MATCH_H
#define MATCH_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct tok;

/*
 * Longest phrase, in tokens: bounds the trie walk at each token.  A longer
 * phrase is matched with PCRE2 instead.
 */
#ifndef MATCH_MAX_TOKENS
#define MATCH_MAX_TOKENS 16
#endif

enum match_flags {
	MATCH_EXCEPTION = 1 << 0,	/* a match here is consumed, not reported */
	MATCH_CASE = 1 << 1		/* tokens must match case exactly */
};

struct matcher;

/* A new empty matcher; free with match_free.  Cannot fail. */
struct matcher *match_new(void);
void match_free(struct matcher *m);

/*
 * Adds a phrase: the n tokens in toks, whose text is in text (as returned
 * by tok_phrase).  A token whose text is "\x01" matches any number, "\x02"
 * any word.  rule and item are returned by match_run.  Returns 0, or -1 when
 * the phrase is empty or too long.
 */
int match_add(struct matcher *m, const char *text, const struct tok *toks,
    size_t n, uint32_t rule, uint32_t item, unsigned flags);

/* Number of phrases added. */
size_t match_count(const struct matcher *m);

/*
 * Called once for each reported match: the longest phrase of one rule at a
 * token position, not overlapping an earlier match of that rule, not an
 * exception, and not crossing a sentence boundary.
 */
typedef void (*match_fn)(void *ctx, uint32_t rule, uint32_t item,
    size_t first, size_t ntok);

/* Scans d's tokens once.  nrules bounds the rule numbers given to match_add. */
void match_run(const struct matcher *m, const struct doc *d, size_t nrules,
    match_fn fn, void *ctx);

#endif
