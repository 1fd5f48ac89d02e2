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

/*
 * Is the cue word at token i (incons_scan's claims) the start of a "first
 * time" or "never before" claim in its sentence, which ends at end?
 */
static int
claim_cue(const struct doc *d, size_t i, size_t end)
{
	return i + 1 < end &&
	    ((is_word(d, i, "first") && is_word(d, i + 1, "time")) ||
	    (is_word(d, i, "never") && is_word(d, i + 1, "before")));
}

/* Is the claim whose cue is at token i bounded in time? */
static int
bounded(const struct doc *d, size_t i, size_t end)
{
	for (i += 2; i < end && d->text[d->toks[i].off] != ','; i++)
		if (is_word(d, i, "since") || is_word(d, i, "decades") ||
		    is_word(d, i, "years") || is_word(d, i, "season") ||
		    is_word(d, i, "year") || is_word(d, i, "months"))
			return 1;
	return 0;
}

/*
 * The first claim of the story (its cue's token), or (size_t)-1: the
 * first cue of a sentence decides it, a bounded claim none.
 */
static size_t
claim_at(const struct doc *d, const struct incons_list *l)
{
	size_t k, i, end, skip = (size_t)-1;

	for (k = 0; k < l->n; k++) {
		const struct sent *st = &d->sents[d->toks[l->i[k]].sent];

		i = l->i[k];
		end = (size_t)st->first + st->n;
		if (d->toks[i].sent == skip || !claim_cue(d, i, end))
			continue;
		if (!bounded(d, i, end))
			return i;
		skip = d->toks[i].sent;
	}
	return (size_t)-1;
}

/* Does "once/twice/N times before" start at token i (incons_scan's
 * befores), in its sentence? */
static int
before_at(const struct doc *d, size_t i)
{
	const struct sent *st = &d->sents[d->toks[i].sent];

	return i + 1 < (size_t)st->first + st->n &&
	    is_word(d, i + 1, "before") && (is_word(d, i, "once") ||
	    is_word(d, i, "twice") || is_word(d, i, "times"));
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
firsttime_run(const struct incons *ic, const struct rule *r)
{
	struct doc *d = ic->d;
	const struct incons_list *l = &ic->scan->befores;
	struct ft_claim c;
	size_t s, k, i, last = (size_t)-1;
	const struct sent *st;

	/* one claim a story: the first */
	if ((c.cue = claim_at(d, &ic->scan->claims)) == (size_t)-1)
		return;
	s = c.sent = d->toks[c.cue].sent;
	st = &d->sents[s];
	c.n = 0;
	/* the claim's own clause: up to a comma */
	for (i = c.cue + 2; i < st->first + st->n && c.n <
	    FT_MAX_WORDS && d->text[d->toks[i].off] != ','; i++)
		if (content(d, i))
			c.w[c.n++] = incons_stem_key(d, i);
	/* the first account of each later sentence */
	for (k = 0; k < l->n; k++) {
		size_t t = d->toks[l->i[k]].sent;

		if (t <= s || t == last || !before_at(d, l->i[k]))
			continue;
		compare(r, d, &c, t, l->i[k]);
		last = t;
	}
}
