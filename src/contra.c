/* contra.c: a negative-stance subject with a positive-reception predicate. */
#include "contra.h"

#include <string.h>

#include "doc.h"
#include "finding.h"
#include "lex.h"
#include "rule.h"
#include "tok.h"

/* Words that end a clause for this check (besides ; and :). */
static int
clause_break(const struct doc *d, const struct tok *t)
{
	static const char *const words[] = { "but", "although", "though",
	    "while", "whereas", "despite", "amid", "yet", "however", NULL };
	size_t i;

	if (t->kind == TOK_PUNCT)
		return d->text[t->off] == ';' || d->text[t->off] == ':' ||
		    (t->len == 3 && memcmp(d->text + t->off,
		    "\xE2\x80\x94", 3) == 0);
	if (t->kind != TOK_WORD)
		return 0;
	for (i = 0; words[i] != NULL; i++)
		if (tok_is(d, t, words[i]))
			return 1;
	/* "even as", "even though": a contrast, like "although" */
	return tok_is(d, t, "even") && t + 1 < d->toks + d->ntoks &&
	    (tok_is(d, t + 1, "as") || tok_is(d, t + 1, "though") ||
	    tok_is(d, t + 1, "if"));
}

static int
negated(const struct rule *r, const struct doc *d, size_t from, size_t to)
{
	static const char *const neg[] = { "not", "never", "no", "n't",
	    "hardly", "nor", "neither", "without", NULL };
	size_t i, k;

	for (i = from; i < to; i++) {
		const struct tok *t = &d->toks[i];
		size_t n;

		if (r->negators && lex_match(r->negators, d, i, &n))
			return 1;
		for (k = 0; neg[k] != NULL; k++)
			if (tok_is(d, t, neg[k]))
				return 1;
		if (t->len > 3 && memcmp(d->text + t->off + t->len - 3, "n't",
		    3) == 0)
			return 1;
		if (t->len > 5 && memcmp(d->text + t->off + t->len - 5,
		    "n\xE2\x80\x99t", 5) == 0)
			return 1;
	}
	return 0;
}

/* Does a context word occur, unnegated, in the clause before token i? */
static int
in_context(const struct rule *r, const struct doc *d,
    const struct lexicon *ctx, size_t first, size_t i)
{
	size_t j, n;

	for (j = first; j < i; j++)
		if (!(d->toks[j].flags & TOK_INQUOTE) &&
		    lex_match(ctx, d, j, &n) != NULL && !negated(r, d, first, j))
			return 1;
	return 0;
}

/*
 * Looks for subj ... pred in the clause [from, to), after a context word
 * when ctx is set; adds a finding.
 */
static int
pair(const struct rule *r, struct doc *d, const struct lexicon *subj,
    const struct lexicon *pred, const struct lexicon *ctx, size_t from,
    size_t to)
{
	size_t i, j, n, m, len;

	if (subj == NULL || pred == NULL)
		return 0;
	for (i = from; i < to; i++) {
		if (d->toks[i].flags & TOK_INQUOTE)
			continue;
		if (lex_match(subj, d, i, &n) == NULL)
			continue;
		if (ctx != NULL && !in_context(r, d, ctx, from, i))
			continue;
		for (j = i + n; j < to; j++) {
			const struct tok *e;

			if (d->toks[j].flags & TOK_INQUOTE)
				break;
			if (lex_match(pred, d, j, &m) == NULL)
				continue;
			if (negated(r, d, i, j))
				return 0;
			e = &d->toks[j + m - 1];
			len = (size_t)e->off + e->len - d->toks[i].off;
			finding_add(d, r, 0, d->toks[i].off, len,
			    finding_format(d, r->message, arena_strndup(
			    &d->arena, d->text + d->toks[i].off, len), NULL));
			return 1;
		}
		return 0;
	}
	return 0;
}

/* Bits of each filter of a contra_gate (a power of two, at least 64). */
#define CONTRA_GATE_BITS 1024

/*
 * Most tokens of a subject tokenized to find its first two (subjects are
 * a few words); a longer one is let through on its first word alone.
 */
#define CONTRA_SUBJ_TOKS 16

/*
 * The subjects' first words, and their first two, as bit sets of keys
 * (Bloom filters with one hash): a rule's lists are not among the
 * lexicons the token marks know, most tokens start no subject, and a
 * subject's first word may be as common as "the" ("the market").
 */
struct contra_gate {
	uint64_t first[CONTRA_GATE_BITS / 64];	/* of every subject */
	uint64_t alone[CONTRA_GATE_BITS / 64];	/* of one-word subjects */
	uint64_t pair[CONTRA_GATE_BITS / 64];	/* lex keys of the first
						 * two of longer ones */
};

static void
gate_set(uint64_t *bits, uint64_t k)
{
	bits[(k >> 6) % (CONTRA_GATE_BITS / 64)] |= 1ULL << (k & 63);
}

static int
gate_has(const uint64_t *bits, uint64_t k)
{
	return (bits[(k >> 6) % (CONTRA_GATE_BITS / 64)] >> (k & 63)) & 1;
}

/* The key lex_match gives the first two words k1 k2 of a phrase. */
static uint64_t
pair_key(uint64_t k1, uint64_t k2)
{
	return lex_key_step(lex_key_step(0, k1), k2);
}

/* Adds lx's entries, tokenized as lex.c tokenizes them, to g. */
static void
gate_add(struct contra_gate *g, const struct lexicon *lx)
{
	struct tok t[CONTRA_SUBJ_TOKS];
	size_t i, nt;

	for (i = 0; lx != NULL && i < lx->n; i++) {
		nt = tok_phrase(lx->entries[i].text,
		    strlen(lx->entries[i].text), t, CONTRA_SUBJ_TOKS);
		if (nt == 0)
			continue;
		gate_set(g->first, t[0].key);
		if (nt >= 2 && nt <= CONTRA_SUBJ_TOKS)
			gate_set(g->pair, pair_key(t[0].key, t[1].key));
		else
			gate_set(g->alone, t[0].key);
	}
}

/*
 * May a subject start at token i?  0 means none can: its first word is
 * no subject's, or starts only longer ones and the next word (in the
 * sentence, as lex_match reads it) does not follow it in any.
 */
static int
gate_may(const struct contra_gate *g, const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];

	return gate_has(g->first, t->key) && (gate_has(g->alone, t->key) ||
	    (i + 1 < d->ntoks && t[1].sent == t->sent &&
	    gate_has(g->pair, pair_key(t->key, t[1].key))));
}

/*
 * Does a subject of either list start in [from, to)?  Most sentences
 * have none, and need not be split into clauses.
 */
static int
has_subject(const struct rule *r, const struct doc *d,
    const struct contra_gate *g, size_t from, size_t to)
{
	const struct tok *t, *end = d->toks + to;
	size_t i, n;

	/* the first-word test alone in the loop over every token */
	for (t = d->toks + from; t < end; t++) {
		if (!gate_has(g->first, t->key))
			continue;
		i = (size_t)(t - d->toks);
		if (gate_may(g, d, i) && ((r->subjects != NULL &&
		    lex_match(r->subjects, d, i, &n)) ||
		    (r->subjects2 != NULL && lex_match(r->subjects2, d, i, &n))))
			return 1;
	}
	return 0;
}

void
contra_run(const struct rule *r, struct doc *d)
{
	struct contra_gate g;
	size_t s, i, start;

	memset(&g, 0, sizeof(g));
	gate_add(&g, r->subjects);
	gate_add(&g, r->subjects2);
	for (s = 0; s < d->nsents; s++) {
		const struct sent *st = &d->sents[s];
		size_t end = st->first + st->n;

		if (!has_subject(r, d, &g, st->first, end))
			continue;
		start = st->first;
		for (i = st->first; i <= end; i++) {
			if (i < end && !clause_break(d, &d->toks[i]))
				continue;
			if (!pair(r, d, r->subjects, r->predicates,
			    r->context, start, i))
				pair(r, d, r->subjects2, r->predicates2,
				    r->context2, start, i);
			start = i + 1;
		}
	}
}
