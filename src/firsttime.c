/*
 * firsttime.c: a "first time" claim and a later account of an earlier
 * time: "It was the first time the department had ever closed Tamsen Bay
 * for heat" ... "the department had closed the bay for warm-water Vibrio
 * once before".  Reported under the contradiction rule that runs it.
 *
 * The claim is "first time" or "never before" outside quotes, its clause
 * (up to a comma) not bounded in time ("the first time since 2010", "in
 * 20 years", "this season").
 * The earlier time is "once before", "twice before", "N times before" in
 * a later sentence outside quotes.  The two must share FT_MIN_SHARED
 * content words (light stems: closed/close, bays/bay), so that another
 * thing done before is not taken for the one done first.
 */
#include "firsttime.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "incons_p.h"
#include "rule.h"
#include "tok.h"

#define FT_MAX_WORDS 24		/* content words kept of a claim */
#define FT_MIN_SHARED 2		/* shared with the account of a time before */
#define FT_MIN_LEN 3		/* letters of a content word */

struct ft_claim {
	size_t sent, cue;
	uint64_t w[FT_MAX_WORDS];
	int n;
};

/* Words too common to tie two sentences to one act. */
static const char *const light[] = { "the", "and", "for", "was", "were",
	"had", "has", "have", "been", "ever", "that", "this", "with", "from",
	"into", "time", "times", "first", "once", "twice", "before", "said",
	"says", "also", "its", "their", "his", "her", "they", "than", "when",
	"which", "who", "would", "will", "not", "never", "there", "after",
	NULL };

static int
is_word(const struct doc *d, size_t i, const char *w)
{
	return i < d->ntoks && d->toks[i].kind == TOK_WORD &&
	    tok_is(d, &d->toks[i], w);
}

/* Is token i a content word that can tie two sentences together? */
static int
content(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];
	size_t k;

	if (t->kind != TOK_WORD || t->len < FT_MIN_LEN ||
	    (t->flags & TOK_INQUOTE))
		return 0;
	for (k = 0; light[k] != NULL; k++)
		if (tok_is(d, t, light[k]))
			return 0;
	return 1;
}

/* The keys of the cue words, set once a run. */
struct ft_keys {
	uint64_t first, never, once, twice, times;
};

/*
 * Where a "first time" or "never before" claim starts in sentence s, or
 * (size_t)-1; a claim bounded in time does not count.  Token keys rule
 * out most words before any text is compared.
 */
static size_t
claim_at(const struct doc *d, const struct ft_keys *k, size_t s)
{
	const struct sent *st = &d->sents[s];
	size_t i, end = st->first + st->n, cue = (size_t)-1;

	for (i = st->first; i + 1 < end; i++) {
		uint64_t key = d->toks[i].key;

		if ((key != k->first && key != k->never) ||
		    (d->toks[i].flags & TOK_INQUOTE))
			continue;
		if ((is_word(d, i, "first") && is_word(d, i + 1, "time")) ||
		    (is_word(d, i, "never") && is_word(d, i + 1, "before"))) {
			cue = i;
			break;
		}
	}
	if (cue == (size_t)-1)
		return cue;
	for (i = cue + 2; i < end && d->text[d->toks[i].off] != ','; i++)
		if (is_word(d, i, "since") || is_word(d, i, "decades") ||
		    is_word(d, i, "years") || is_word(d, i, "season") ||
		    is_word(d, i, "year") || is_word(d, i, "months"))
			return (size_t)-1;
	return cue;
}

/* Where "once/twice/N times before" starts in sentence s, or -1. */
static size_t
before_at(const struct doc *d, const struct ft_keys *k, size_t s)
{
	const struct sent *st = &d->sents[s];
	size_t i, end = st->first + st->n;

	for (i = st->first; i + 1 < end; i++)
		if ((d->toks[i].key == k->once || d->toks[i].key == k->twice ||
		    d->toks[i].key == k->times) &&
		    !(d->toks[i].flags & TOK_INQUOTE) &&
		    is_word(d, i + 1, "before") && (is_word(d, i, "once") ||
		    is_word(d, i, "twice") || is_word(d, i, "times")))
			return i;
	return (size_t)-1;
}

/*
 * Reports sentence s (its "once before" at token at) against claim c, if
 * the words before the cue share enough with the claim's.
 */
static void
compare(const struct rule *r, struct doc *d, const struct ft_claim *c,
    size_t s, size_t at)
{
	const struct sent *st = &d->sents[s];
	size_t i, off, len, coff, clen;
	int k, shared = 0;
	uint64_t seen[FT_MAX_WORDS];
	int nseen = 0;
	char msg[200];

	for (i = st->first; i < at; i++) {
		uint64_t key;

		if (!content(d, i))
			continue;
		key = incons_stem_key(d, i);
		for (k = 0; k < c->n && c->w[k] != key; k++)
			;
		if (k == c->n)
			continue;
		for (k = 0; k < nseen && seen[k] != key; k++)
			;
		if (k < nseen || nseen == FT_MAX_WORDS)
			continue;
		seen[nseen++] = key;
		shared++;
	}
	if (shared < FT_MIN_SHARED)
		return;
	/* the whole sentence: it is the account to check */
	incons_span(d, st->first, st->first + st->n - 1, &off, &len);
	incons_span(d, c->cue, c->cue + 1, &coff, &clen);
	snprintf(msg, sizeof(msg), "'%.*s' tells of an earlier time, but "
	    "line %zu calls it the first time", (int)(len > 60 ? 60 : len),
	    d->text + off, incons_line(d, coff));
	finding_add(d, r, 0, off, len, msg);
}

void
firsttime_run(const struct rule *r, struct doc *d)
{
	struct ft_claim c;
	struct ft_keys k;
	size_t s, t, i, at;

	k.first = tok_key("first", 5);
	k.never = tok_key("never", 5);
	k.once = tok_key("once", 4);
	k.twice = tok_key("twice", 5);
	k.times = tok_key("times", 5);
	for (s = 0; s < d->nsents; s++) {
		const struct sent *st = &d->sents[s];

		if ((c.cue = claim_at(d, &k, s)) == (size_t)-1)
			continue;
		c.sent = s;
		c.n = 0;
		/* the claim's own clause: up to a comma */
		for (i = c.cue + 2; i < st->first + st->n && c.n <
		    FT_MAX_WORDS && d->text[d->toks[i].off] != ','; i++)
			if (content(d, i))
				c.w[c.n++] = incons_stem_key(d, i);
		for (t = s + 1; t < d->nsents; t++)
			if ((at = before_at(d, &k, t)) != (size_t)-1)
				compare(r, d, &c, t, at);
		return;		/* one claim a story */
	}
}
