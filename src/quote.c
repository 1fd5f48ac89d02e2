/* quote.c: pairing quote marks into quotation spans, running quotes. */
#include "quote.h"

#include <string.h>

#include "doc.h"
#include "finding.h"
#include "rule.h"
#include "tok.h"

/* Deepest nesting of quotes tracked; deeper marks are ignored. */
#define QUOTE_MAX_DEPTH 8
#define QUOTE_MINOR 14	/* entries in minor_words */
#define QUOTE_TERM_WORDS 6	/* longest so-called "term" */

static const char *const kind_names[] = {
	"full", "partial", "continued", "nested", "scare", "title"
};

const char *
quote_kind_name(int kind)
{
	return kind_names[kind];
}

const char *
quote_speaker_kind_name(int kind)
{
	static const char *const names[] = {
		"none", "named", "anonymous", "organization", "document"
	};

	return names[kind];
}

int
quote_is_speech(const struct quote *q)
{
	return q->kind == QUOTE_FULL || q->kind == QUOTE_PARTIAL ||
	    q->kind == QUOTE_CONTINUED;
}

/* Does closing mark t close an open mark of family fam? */
static int
closes(const struct doc *d, const struct tok *t, int fam)
{
	if (t->qm != fam || !(t->flags & TOK_CLOSE))
		return 0;
	/* « is closed by », “ by ” or ", never by an opening curly mark */
	if (fam == QM_GUILLEMET)
		return memcmp(d->text + t->off, "\xC2\xBB", 2) == 0;
	return 1;
}

/* Short words a title leaves in lower case ("Wind and Snakes in the
 * North"): their keys, computed once per document. */
static const char *const minor_words[QUOTE_MINOR] = {
	"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for",
	"by", "with", "from"
};

/* Word keys classify() compares against, computed once per document. */
struct qkeys {
	uint64_t minor[QUOTE_MINOR];
	uint64_t minor_bits;	/* bit key % 64 of each minor word */
	uint64_t so_called;
};

static int
is_minor(const struct qkeys *qk, const struct tok *t)
{
	size_t k;

	/* most words are not minor, and their bit says so */
	if (!(qk->minor_bits >> (t->key & 63) & 1))
		return 0;
	for (k = 0; k < QUOTE_MINOR; k++)
		if (t->key == qk->minor[k])
			return 1;
	return 0;
}

static void
classify(struct doc *d, struct quote *q, const struct qkeys *qk)
{
	size_t i, words = 0, caps = 0, minors = 0;
	int sentence_like = 0, commas = 0, article = 0, last_cap = 0;

	for (i = q->first; i < q->last; i++) {
		const struct tok *t = &d->toks[i];

		if (t->kind == TOK_WORD || t->kind == TOK_NUM) {
			words++;
			if ((t->flags & TOK_CAP) || t->kind == TOK_NUM)
				caps++;
			else if (i == q->first && (tok_is(d, t, "the") ||
			    tok_is(d, t, "a") || tok_is(d, t, "an")))
				article = 1;
			/* a minor word inside a Title Case run counts as
			 * capitalised when the run ends capitalised */
			else if (caps > 0 && is_minor(qk, t))
				minors++;
			last_cap = (t->flags & TOK_CAP) || t->kind == TOK_NUM;
		} else if (t->kind == TOK_PUNCT && d->text[t->off] == ',') {
			commas = 1;
		} else if (t->kind == TOK_PUNCT && (d->text[t->off] == '.' ||
		    d->text[t->off] == '?' || d->text[t->off] == '!')) {
			sentence_like = 1;
		}
	}
	/* only inside the reporter's sentence: a quote that opens the
	 * sentence ("Wait for the Fire Marshal," she said) is speech */
	/* so-called "casual contacts": a term the reporter holds at arm's
	 * length, with the reporter's comma */
	if (q->prev < 0 && q->open > 0 && d->toks[q->open - 1].kind == TOK_WORD &&
	    d->toks[q->open - 1].key == qk->so_called && !sentence_like &&
	    q->depth == 0 && words <= QUOTE_TERM_WORDS) {
		q->kind = QUOTE_SCARE;
		return;
	}
	if (last_cap && q->open > 0 &&
	    !(d->toks[q->open].flags & TOK_SSTART) &&
	    d->text[d->toks[q->open - 1].off] != ':')
		caps += minors;
	/*
	 * Commas make a quote speech ("No, not yet,") unless every word is
	 * capitalised, as in a title ("Ready, Set, Go", "Building Behind,"
	 * with the comma of the reporter's sentence, "the Jewel Box,"): a
	 * lone capitalised word with a comma ("Never,") stays speech.
	 */
	if (commas && (sentence_like || words < 2 + (size_t)article ||
	    caps + (size_t)article != words))
		sentence_like = 1;
	else if (commas && words <= 8 && q->depth == 0 && q->prev < 0) {
		q->kind = QUOTE_TITLE;
		return;
	}
	if (q->depth > 0) {
		q->kind = QUOTE_NESTED;
		return;
	}
	if (q->prev >= 0) {
		q->kind = QUOTE_CONTINUED;
		return;
	}
	if (words <= 2 && !sentence_like) {
		q->kind = QUOTE_SCARE;
		return;
	}
	if (!sentence_like && words <= 8 && caps == words) {
		q->kind = QUOTE_TITLE;
		return;
	}
	/* partial: the quote sits inside the reporter's sentence */
	if (q->open > 0 && !(d->toks[q->open].flags & TOK_SSTART)) {
		const struct tok *b = &d->toks[q->open - 1];
		char c = d->text[b->off];

		if (b->kind == TOK_WORD || b->kind == TOK_NUM ||
		    (b->kind == TOK_PUNCT && c != ':' && c != ',' &&
		    c != '.' && c != '(' && c != '-' && b->len == 1)) {
			const struct tok *f = &d->toks[q->first];

			if (q->first < q->last && !(f->flags & TOK_CAP))
				q->kind = QUOTE_PARTIAL;
			else if (b->kind == TOK_WORD)
				q->kind = QUOTE_PARTIAL;
			else
				q->kind = QUOTE_FULL;
			return;
		}
	}
	q->kind = QUOTE_FULL;
}

static struct quote *
new_quote(struct doc *d, size_t *cap)
{
	struct quote *q;

	arena_grow(&d->arena, (void **)&d->quotes, cap, sizeof(*d->quotes),
	    d->nquotes + 1);
	q = &d->quotes[d->nquotes++];
	memset(q, 0, sizeof(*q));
	q->prev = -1;
	q->source = -1;
	return q;
}

static void
set_span(struct doc *d, struct quote *q, size_t first, size_t last)
{
	q->first = (uint32_t)first;
	q->last = (uint32_t)last;
	if (last > first) {
		const struct tok *a = &d->toks[first], *b = &d->toks[last - 1];

		q->toff = a->off;
		q->tlen = (size_t)b->off + b->len - a->off;
	} else {
		q->toff = d->toks[q->open].off + d->toks[q->open].len;
		q->tlen = 0;
	}
}

void
quote_find(struct doc *d, const struct ruleset *rs)
{
	size_t p, cap = 0;
	int carry = -1;		/* running quote open at paragraph end */
	struct qkeys qk;
	struct tok *toks = d->toks;	/* a local: read at every token */

	d->quotes = NULL;
	d->nquotes = 0;
	for (p = 0; p < d->nparas; p++) {
		const struct para *pa = &d->paras[p];
		size_t stack[QUOTE_MAX_DEPTH];	/* open mark token indexes */
		int fam[QUOTE_MAX_DEPTH];
		size_t depth = 0, i, end = pa->first + pa->n;
		int cont = -1;

		/* a running quote continues if this paragraph opens with a
		 * quote mark of the same family */
		if (carry >= 0) {
			const struct tok *t = &d->toks[pa->first];
			const struct quote *cq = &d->quotes[carry];

			if (t->kind == TOK_QUOTE && (t->flags & TOK_OPEN) &&
			    t->qm == d->toks[cq->open].qm)
				cont = carry;
			carry = -1;
		}
		for (i = pa->first; i < end; i++) {
			struct tok *t = &toks[i];

			if (t->kind != TOK_QUOTE)
				continue;
			/*
			 * A closing mark whose family is open further down:
			 * the single marks above it were apostrophes misread
			 * (herds]'s ... [,]"), so drop them.
			 */
			if (depth > 1 && t->qm != QM_SINGLE &&
			    !closes(d, t, fam[depth - 1])) {
				size_t k = depth - 1;

				while (k > 0 && fam[k] == QM_SINGLE)
					k--;
				if (k < depth - 1 && closes(d, t, fam[k]))
					depth = k + 1;
			}
			if (depth > 0 && closes(d, t, fam[depth - 1])) {
				struct quote *q;
				size_t o = stack[--depth];

				q = new_quote(d, &cap);
				q->open = (uint32_t)o;
				q->close = (uint32_t)i;
				q->closed = 1;
				q->depth = (int)depth;
				if (depth == 0 && cont >= 0 &&
				    o == pa->first) {
					q->prev = cont;
					cont = -1;
				}
				set_span(d, q, o + 1, i);
				d->toks[o].flags |= TOK_QMARK;
				t->flags |= TOK_QMARK;
				continue;
			}
			if (t->flags & TOK_MAYBE_APOS)
				continue;	/* Jones’ : a possessive */
			if ((t->flags & TOK_OPEN) && depth < QUOTE_MAX_DEPTH &&
			    !(depth > 0 && t->qm == fam[depth - 1])) {
				stack[depth] = i;
				fam[depth++] = t->qm;
			}
		}
		/* single quotes left open are apostrophes we misread */
		while (depth > 0 && fam[depth - 1] == QM_SINGLE)
			depth--;
		if (depth > 0) {
			size_t o = stack[0];
			size_t nx = p + 1 < d->nparas ? d->paras[p + 1].first :
			    d->ntoks;
			const struct tok *nt = nx < d->ntoks ? &d->toks[nx] :
			    NULL;

			if (nt != NULL && nt->kind == TOK_QUOTE &&
			    (nt->flags & TOK_OPEN) && nt->qm == fam[0]) {
				struct quote *q = new_quote(d, &cap);

				q->open = (uint32_t)o;
				q->close = (uint32_t)(end - 1);
				q->closed = 0;
				if (cont >= 0 && o == pa->first)
					q->prev = cont;
				set_span(d, q, o + 1, end);
				d->toks[o].flags |= TOK_QMARK;
				carry = (int)(d->nquotes - 1);
			} else {
				const struct tok *ot = &d->toks[o];

				finding_add(d, rule_builtin(rs,
				    FINDING_UNBALANCED_QUOTE), 0, ot->off,
				    ot->len, "Quotation mark opens a quote "
				    "that is never closed");
			}
		}
	}
	qk.minor_bits = 0;
	for (p = 0; p < QUOTE_MINOR; p++) {
		qk.minor[p] = tok_key(minor_words[p], strlen(minor_words[p]));
		qk.minor_bits |= (uint64_t)1 << (qk.minor[p] & 63);
	}
	qk.so_called = tok_key("so-called", 9);
	/* mark the tokens inside speech quotes */
	for (p = 0; p < d->nquotes; p++) {
		struct quote *q = &d->quotes[p];
		size_t i;

		classify(d, q, &qk);
		if (q->kind == QUOTE_SCARE || q->kind == QUOTE_TITLE)
			continue;
		for (i = q->first; i < q->last; i++)
			d->toks[i].flags |= TOK_INQUOTE;
	}
}
