/*
 * direction.c: a change told as a rise and restated as a fall, or the
 * reverse: "voted ... to raise the annual registration fee from $100 to
 * $250" ... "the fee cut would do little".  Reported under the contradiction
 * rule that runs it.
 *
 * The restatement is definite, "the NOUN cut" or "the NOUN increase" (a
 * bare lower-case noun, no other modifier), outside quotes.  The story must
 * have told that noun's change elsewhere only the other way: a change verb
 * with the noun within DIR_REACH tokens after it ("raise the annual
 * registration fee"), or the noun with a change noun after it ("a fee
 * hike").  A story that tells both ways of one noun (a gas tax increase
 * and an income tax cut) is left alone.
 */
#include "direction.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "incons_p.h"
#include "rule.h"
#include "tok.h"

#define DIR_REACH 4		/* tokens from a change verb to its noun */
#define DIR_MAX 64		/* restatements looked at in a story */

enum { DIR_UP = 1, DIR_DOWN = 2 };

static const char *const up_verbs[] = { "raise", "raises", "raised",
	"raising", "increase", "increases", "increased", "increasing", "hike",
	"hikes", "hiked", "boost", "boosts", "boosted", "double", "doubles",
	"doubled", "triple", "tripled", NULL };
static const char *const down_verbs[] = { "cut", "cuts", "cutting",
	"reduce", "reduces", "reduced", "reducing", "lower", "lowers",
	"lowered", "lowering", "slash", "slashes", "slashed", "trim",
	"trims", "trimmed", "halve", "halved", NULL };
static const char *const up_nouns[] = { "increase", "hike", "rise",
	"boost", "increases", "hikes", NULL };
static const char *const down_nouns[] = { "cut", "cuts", "reduction",
	"reductions", "decrease", "rollback", NULL };

static int
in(const struct doc *d, size_t i, const char *const *w)
{
	return i < d->ntoks && incons_word_in(d, i, d->toks[i].sent, w);
}

/* Does a modal come within three tokens before verb v ("could cut",
 * "may be able to cut")? */
static int
maybe(const struct doc *d, size_t v)
{
	static const char *const modal[] = { "may", "might", "could",
	    "would", "should", "can", "able", "if", NULL };
	size_t k;

	for (k = v; k > 0 && k + 3 > v; k--)
		if (d->toks[k - 1].sent == d->toks[v].sent &&
		    in(d, k - 1, modal))
			return 1;
	return 0;
}

/* Is token i a lower-case word outside quotes? */
static int
plain(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];

	return t->kind == TOK_WORD && !(t->flags & (TOK_CAP | TOK_INQUOTE));
}

/*
 * The directions the story tells of the noun at token i (not a
 * restatement itself): DIR_UP, DIR_DOWN or both, as bits.
 */
static int
told_at(const struct doc *d, size_t i)
{
	size_t k;
	int dir = 0;

	/* "a fee hike", "the fee increase" */
	if (in(d, i + 1, up_nouns))
		dir |= DIR_UP;
	if (in(d, i + 1, down_nouns))
		dir |= DIR_DOWN;
	/* "raise the annual registration fee", not "may be able to cut
	 * back on overtime" (a change that may come) */
	for (k = i; k > 0 && k + DIR_REACH > i; k--) {
		if (d->toks[k - 1].sent != d->toks[i].sent)
			break;
		if (maybe(d, k - 1))
			continue;
		if (in(d, k - 1, up_verbs))
			dir |= DIR_UP;
		if (in(d, k - 1, down_verbs))
			dir |= DIR_DOWN;
	}
	return dir;
}

/* Bit k & 63 of a 64-bit filter: a first test of token keys before any
 * text is compared. */
static uint64_t
bit_of(uint64_t k)
{
	return (uint64_t)1 << (k & 63);
}

static uint64_t
filter_of(const char *const *w, uint64_t f)
{
	size_t k;

	for (k = 0; w[k] != NULL; k++)
		f |= bit_of(tok_key(w[k], strlen(w[k])));
	return f;
}

void
direction_run(const struct rule *r, struct doc *d)
{
	size_t at[DIR_MAX], i, k, n = 0, off, len;
	int dir[DIR_MAX], other[DIR_MAX];
	char msg[200];
	uint64_t f = filter_of(down_nouns, filter_of(up_nouns, 0)), nf = 0;
	uint64_t the = tok_key("the", 3);

	/* the restatements: "the NOUN cut", "the NOUN increase" */
	for (i = 2; i < d->ntoks && n < DIR_MAX; i++) {
		if (!(f & bit_of(d->toks[i].key)) || d->toks[i - 2].key != the || !plain(d, i) ||
		    !plain(d, i - 1))
			continue;
		if (in(d, i, down_nouns))
			dir[n] = DIR_DOWN;
		else if (in(d, i, up_nouns))
			dir[n] = DIR_UP;
		else
			continue;
		other[n] = 0;
		at[n++] = i - 1;
		nf |= bit_of(d->toks[i - 1].key);
	}
	if (n == 0)
		return;
	/* what the rest of the story tells of their nouns, in one pass */
	for (i = 0; i < d->ntoks; i++) {
		if (!(nf & bit_of(d->toks[i].key)) || !plain(d, i))
			continue;
		for (k = 0; k < n; k++)
			if (d->toks[at[k]].key == d->toks[i].key &&
			    at[k] != i)
				other[k] |= told_at(d, i);
	}
	for (k = 0; k < n; k++) {
		if (other[k] != (dir[k] == DIR_UP ? DIR_DOWN : DIR_UP))
			continue;
		i = at[k] + 1;
		incons_span(d, i - 2, i, &off, &len);
		snprintf(msg, sizeof(msg), "'%.*s' here, but the story tells "
		    "of a%s %.*s elsewhere", (int)len, d->text + off,
		    dir[k] == DIR_UP ? " cut in the" : "n increase in the",
		    (int)d->toks[i - 1].len, d->text + d->toks[i - 1].off);
		finding_add(d, r, 0, off, len, msg);
	}
}
