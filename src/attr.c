/* attr.c: quote attribution by ordered sieves, anonymous sources, sources. */
#include "attr.h"

#include <stdint.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "lex.h"
#include "lexset.h"
#include "people.h"
#include "quote.h"
#include "rule.h"
#include "source.h"
#include "tok.h"

/* Reach of the searches, in tokens (bounds keep attribution linear). */
#define ATTR_REGION 60		/* reporter's words beside a quote */
#define ATTR_ADJACENT 10	/* verb "adjacent" to a quote */
#define ATTR_TITLE 16		/* tokens of a quoted title skipped */
#define ATTR_NAMING_OBJ 4	/* object of "called ... \"Q\"" */
#define ATTR_CLAUSE 30		/* ", who ..., " skipped before a verb */
#define ATTR_NP 6		/* modifiers in a noun phrase */
#define ATTR_FRAME_CUES 3	/* cues tried before a quote, nearest first */
#define ATTR_RUNNING 8		/* quotes between two parts of a running one */
#define ATTR_QUAL_OBJ 10	/* "familiar with the discussions" */
#define ATTR_BACKREF 64		/* sources searched for "the official" */
#define ATTR_BUCKET 64		/* tokens a bucket of the mention index spans */

/* Who a noun phrase names. */
struct who {
	int kind;		/* enum speaker_kind; SPEAKER_NONE: nobody */
	int person;		/* index into d->people, or -1 */
	int source;		/* an existing source (back-reference), or -1 */
	size_t a, b;		/* the phrase's tokens [a, b) */
	size_t na;		/* where the name proper starts (no article) */
	uint64_t head;		/* key of the head noun, 0: the last word */
	int owner;		/* "her campaign": the person whose
				 * organization it is, or -1 */
	int span;		/* an anonymous phrase already counted */
	int ambiguous;		/* a surname or pronoun of two people */
};

/* Bits in a key filter (struct keyfilter); a power of two. */
#define ATTR_FILTER_BITS 1024

/*
 * A set of token keys as one bit per key (a Bloom filter with one hash):
 * a clear bit rules the key out; a set one may be another key's, so the
 * look-up it gates still decides.
 */
struct keyfilter {
	uint64_t bits[ATTR_FILTER_BITS / 64];
};

/* Most words in a word list (struct words). */
#define ATTR_MAX_WORDS 32

/* A short list of words, matched by key before text. */
struct words {
	const char *const *w;
	uint64_t keys[ATTR_MAX_WORDS];	/* tok_key of each */
	size_t n;
	struct keyfilter filter;	/* the keys */
};

/* An anonymous-source phrase found in the text. */
struct anon {
	size_t a, b;		/* tokens, qualifier and its object included */
	size_t ne;		/* end of the name ("officials in X, who"),
				 * b when the qualifier is part of it */
	uint64_t role;		/* key of its role noun */
	int source;
};

struct attr {
	struct doc *d;
	const struct ruleset *rs;
	const struct lexset *lx;
	int sec_roles, sec_quals, sec_reasons;
	struct anon *anons;
	size_t nanons, capanons;
	uint32_t *cues;		/* the tokens that may be cues (cue_may) */
	uint32_t *mfirst;	/* each mention's first token: a compact
				 * copy of d->mentions for the searches */
	uint32_t *mbucket;	/* per ATTR_BUCKET tokens: the first mention
				 * starting in or after them */
	size_t nbuckets;
	uint32_t *abucket;	/* the same for the anonymous phrases, or
				 * NULL (anon_index) */
	size_t ncues, capcues;
	size_t capsources;
	uint64_t *skeys;	/* per source: its identity key */
	uint64_t *sheads;	/* per source: its head noun key */
	size_t capskeys;
	uint64_t *mkeys;	/* identity key -> source index */
	size_t *mvals, smask, mn;
	int *mbind;		/* per mention: the anonymous phrase a
				 * pronoun refers to (index into anons),
				 * or -1 */
	/* marks of the lexicons tested for every token */
	uint32_t m_anon, m_numbers;
	uint32_t m_cues;	/* speech, document and naming verbs; 0 when
				 * the marks say nothing about one of them */
	uint64_t k_according, k_put;
	/* first words of the anon lexicon's roles and of its "self"
	 * qualifiers: a sharper gate than m_anon, which all its sections'
	 * first words ("to", "the", "who") share */
	struct keyfilter roles, selfquals;
	struct words dets, skips, poss_dets;	/* is_det, skippable,
						 * is_poss_det */
	struct words auxs;			/* aux_word */
	struct words body_verbs, not_bodies;	/* the_body */
};

/* ---- small predicates ---- */

/* Index of the last mention starting before token i, or -1 (as
 * people_mention_before, from the index of the compact copy). */
static inline int
mention_before(const struct attr *s, size_t i)
{
	size_t b = i / ATTR_BUCKET, lo, hi;

	if (b >= s->nbuckets)
		return (int)s->d->nmentions - 1;
	/* the mentions before lo start before bucket b, those from hi on
	 * after token i */
	lo = s->mbucket[b];
	hi = s->mbucket[b + 1];
	while (lo < hi && s->mfirst[lo] < i)
		lo++;
	return (int)lo - 1;
}

/* Builds the compact copy of d->mentions and its index by bucket. */
static void
mention_index(struct attr *s)
{
	struct doc *d = s->d;
	size_t b, m = 0;

	s->mfirst = arena_alloc(&d->arena, (d->nmentions + 1) *
	    sizeof(*s->mfirst));
	for (m = 0; m < d->nmentions; m++)
		s->mfirst[m] = d->mentions[m].first;
	/* buckets cover every token; one more entry ends the last */
	s->nbuckets = d->ntoks / ATTR_BUCKET + 1;
	s->mbucket = arena_alloc(&d->arena, (s->nbuckets + 1) *
	    sizeof(*s->mbucket));
	for (b = 0, m = 0; b < s->nbuckets; b++) {
		while (m < d->nmentions && s->mfirst[m] < b * ATTR_BUCKET)
			m++;
		s->mbucket[b] = (uint32_t)m;
	}
	s->mbucket[s->nbuckets] = (uint32_t)d->nmentions;
}

/* Index of the mention covering token i, or -1 (as people_mention_at). */
static int
mention_at(const struct attr *s, size_t i)
{
	const struct mention *m = s->d->mentions;
	int k = mention_before(s, i + 1);

	if (k >= 0 && i < (size_t)m[k].first + m[k].ntok)
		return k;
	return -1;
}

/* Determiners and quantifiers before a noun (is_det). */
static const char *const det_words[] = {
	"a", "an", "the", "one", "two", "three", "four", "five", "six",
	"several", "multiple", "some", "many", "numerous", "other",
	"another", "this", "that", "these", "those", "its", "his",
	"her", "their", "both", "few", "various", "dozens", NULL
};

/* Adverbs and auxiliaries between a subject and its verb (skippable). */
static const char *const skip_words[] = {
	"also", "later", "then", "has", "have", "had", "previously",
	"again", "further", "once", "first", "last", "earlier", "later",
	"separately", "privately", "publicly", "recently", NULL
};

/* Auxiliaries that start a clause's verb (aux_word). */
static const char *const aux_words[] = {
	"was", "were", "is", "are", "had", "has", "have", "would", "will",
	"could", "should", "can", "may", "might", "must", "did", "does",
	"do", NULL
};

/* What a body is said to say (the_body): statements, not "the rest
 * spoke" or "the other asked". */
static const char *const body_verbs[] = {
	"said", "says", "told", "announced", "confirmed", "added", "stated",
	"warned", "acknowledged", "denied", "insisted", "noted",
	"wrote", "responded", NULL
};

/* Nouns that say things without being a body (the_body): speech acts and
 * people at large. */
static const char *const not_bodies[] = {
	"people", "public", "statement", "proclamation", "announcement",
	"message", "writing", "website", "post", "tweet", "note", "email",
	"rest", "other", "same", NULL
};

/* Possessive determiners, and "the" (is_poss_det). */
static const char *const poss_det_words[] = {
	"his", "her", "its", "their", "our", "my", "the", NULL
};

/* The bit of key k in a key filter: its word and its mask. */
#define FILTER_WORD(k) (((k) >> 6) % (ATTR_FILTER_BITS / 64))
#define FILTER_MASK(k) (1ULL << ((k) & 63))

static void
filter_add(struct keyfilter *f, uint64_t k)
{
	f->bits[FILTER_WORD(k)] |= FILTER_MASK(k);
}

/* May key k be in f?  0 means it is not. */
static int
filter_has(const struct keyfilter *f, uint64_t k)
{
	return (f->bits[FILTER_WORD(k)] & FILTER_MASK(k)) != 0;
}

/* Fills the keys of the word list ws from w (at most ATTR_MAX_WORDS). */
static void
words_init(struct words *ws, const char *const *w)
{
	size_t k;

	ws->w = w;
	memset(&ws->filter, 0, sizeof(ws->filter));
	for (k = 0; w[k] != NULL && k < ATTR_MAX_WORDS; k++) {
		ws->keys[k] = tok_key(w[k], strlen(w[k]));
		filter_add(&ws->filter, ws->keys[k]);
	}
	ws->n = k;
}

/* Is token i a word of ws (ignoring ASCII case, as tok_is)? */
static inline int
words_has(const struct words *ws, const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];
	size_t k;

	if (t->kind != TOK_WORD || !filter_has(&ws->filter, t->key))
		return 0;
	for (k = 0; k < ws->n; k++)
		if (t->key == ws->keys[k] && tok_is(d, t, ws->w[k]))
			return 1;
	return 0;
}

/*
 * Fills s->roles with the first words of the anon lexicon's roles
 * section and s->selfquals with those of its qualifiers marked "self".
 * The lexicon keeps the first words (firsts) in entry order, skipping
 * entries of no word; when they do not line up, both filters let every
 * key through.
 */
static void
anon_filters(struct attr *s)
{
	const struct lexicon *lx = s->lx->anon;
	size_t i, k = 0;

	for (i = 0; i < lx->n; i++)
		if (lx->entries[i].nwords > 0)
			k++;
	if (k != lx->nfirsts) {
		memset(&s->roles, 0xff, sizeof(s->roles));
		memset(&s->selfquals, 0xff, sizeof(s->selfquals));
		return;
	}
	for (i = 0, k = 0; i < lx->n; i++) {
		const struct lex_entry *e = &lx->entries[i];

		if (e->nwords == 0)
			continue;
		if (e->section == s->sec_roles)
			filter_add(&s->roles, lx->firsts[k]);
		else if (e->section == s->sec_quals &&
		    strcmp(e->val, "self") == 0)
			filter_add(&s->selfquals, lx->firsts[k]);
		k++;
	}
}

static int
is_p(const struct doc *d, size_t i, char c)
{
	const struct tok *t = &d->toks[i];

	return t->kind == TOK_PUNCT && t->len == 1 && d->text[t->off] == c;
}

static inline int
is_w(const struct doc *d, size_t i, const char *w)
{
	const struct tok *t;

	if (i >= d->ntoks)
		return 0;
	t = &d->toks[i];
	/* the first test of tok_is, without the call */
	return t->kind == TOK_WORD && ((d->text[t->off] ^ w[0]) & ~0x20) == 0 &&
	    tok_is(d, t, w);
}

static int
in_quote(const struct doc *d, size_t i)
{
	return (d->toks[i].flags & (TOK_INQUOTE | TOK_QMARK)) != 0;
}

/* Is token i the last of its sentence (by the tokenizer's boundaries)? */
static int
ends_sentence(const struct doc *d, size_t i)
{
	return i + 1 >= d->ntoks || (d->toks[i + 1].flags & TOK_SSTART);
}

static inline int
is_fw(const struct attr *s, size_t i)
{
	return lex_tok(s->lx->function_words, s->d, i) != NULL;
}

/* Can a role noun (is_role) be token i?  0 when its marks or key rule
 * it out. */
static int
role_may(const struct attr *s, size_t i)
{
	return lex_marked(&s->d->toks[i], s->m_anon) &&
	    filter_has(&s->roles, s->d->toks[i].key);
}

static inline int
is_role(const struct attr *s, size_t i)
{
	const struct lex_entry *e;

	if (!role_may(s, i))
		return 0;
	e = lex_tok(s->lx->anon, s->d, i);
	return e != NULL && e->section == s->sec_roles &&
	    s->d->toks[i].kind == TOK_WORD;
}

static inline int
is_docnoun(const struct attr *s, size_t i)
{
	return s->d->toks[i].kind == TOK_WORD &&
	    lex_tok(s->lx->doc_nouns, s->d, i) != NULL;
}

static inline int
is_orgnoun(const struct attr *s, size_t i)
{
	return s->d->toks[i].kind == TOK_WORD &&
	    (lex_tok(s->lx->org_nouns, s->d, i) != NULL ||
	    lex_tok(s->lx->org_suffixes, s->d, i) != NULL);
}

static inline int
is_det(const struct attr *s, size_t i)
{
	if (s->d->toks[i].kind == TOK_NUM || words_has(&s->dets, s->d, i))
		return 1;
	return lex_marked(&s->d->toks[i], s->m_numbers) &&
	    lex_tok(s->lx->numbers, s->d, i) != NULL;
}

/* Does token i end with a possessive ('s, ’s)? */
static int
poss_word(const struct attr *s, size_t i)
{
	const struct tok *t = &s->d->toks[i];
	const char *p = s->d->text + t->off;

	return (t->len > 2 && p[t->len - 1] == 's' && p[t->len - 2] == '\'') ||
	    (t->len > 4 && p[t->len - 1] == 's' &&
	    memcmp(p + t->len - 4, "\xE2\x80\x99", 3) == 0);
}

/* An auxiliary verb at token i ("were", "had", "would"). */
static int
aux_word(const struct attr *s, size_t i)
{
	return i < s->d->ntoks && words_has(&s->auxs, s->d, i);
}

/* A determiner that makes a following -ing word a noun. */
static int
is_poss_det(const struct attr *s, size_t i)
{
	return i < s->d->ntoks && words_has(&s->poss_dets, s->d, i);
}

/* An inflected speech verb (said, saying; not "state", "report"). */
static int
verb_form(const struct attr *s, size_t i)
{
	const struct lex_entry *e = lex_tok(s->lx->speech_verbs, s->d, i);

	return e != NULL && !tok_is(s->d, &s->d->toks[i], e->val);
}

/* A speech verb at token i outside quotes: its lexicon entry, or NULL. */
static const struct lex_entry *
speech_verb(const struct attr *s, size_t i)
{
	const struct doc *d = s->d;
	const struct tok *t = &d->toks[i];
	const struct lex_entry *e;

	if (t->kind != TOK_WORD || in_quote(d, i))
		return NULL;
	e = lex_tok(s->lx->speech_verbs, d, i);
	if (e == NULL)
		e = lex_tok(s->lx->doc_verbs, d, i);
	if (e == NULL)
		return NULL;
	/* the base form is a verb after a plural subject ("officials say",
	 * "records show"), not in "a staff report" or "to report" */
	if (tok_is(d, t, e->val) || (e->val[0] == '\0')) {
		const struct tok *p;

		if (i == 0)
			return NULL;
		p = &d->toks[i - 1];
		if (p->kind != TOK_WORD || (is_fw(s, i - 1) &&
		    !is_w(d, i - 1, "they") && !is_w(d, i - 1, "we") &&
		    !is_w(d, i - 1, "i") && !is_w(d, i - 1, "you")))
			return NULL;
		if (!is_fw(s, i - 1) && d->text[p->off + p->len - 1] != 's')
			return NULL;
	}
	/* "his financial reporting", "the briefing": a gerund after a
	 * determiner is a noun */
	if (t->len > 4 && memcmp(d->text + t->off + t->len - 3, "ing", 3) == 0 &&
	    i > 0 && d->toks[i - 1].kind == TOK_WORD &&
	    is_poss_det(s, i - 1))
		return NULL;
	/* "declared a state of emergency": a thing, not a statement */
	if (i + 1 < d->ntoks && (is_w(d, i + 1, "a") || is_w(d, i + 1, "an")) &&
	    strcmp(e->val, "say") != 0 && strcmp(e->val, "tell") != 0 &&
	    strcmp(e->val, "add") != 0)
		return NULL;
	return e;
}

/* cue_may for a word t. */
static int
cue_word(const struct attr *s, const struct tok *t)
{
	return t->key == s->k_according || t->key == s->k_put ||
	    lex_marked(t, s->m_cues);
}

/*
 * Can token v be a cue at all?  Most tokens are none, as their kind and
 * marks tell without a look-up.
 */
static int
cue_may(const struct attr *s, size_t v)
{
	const struct tok *t = &s->d->toks[v];

	return t->kind == TOK_WORD && cue_word(s, t);
}

/* ---- anonymous sources ---- */

/*
 * After a role noun at r: a qualifier ("familiar with", ", who spoke on
 * condition of anonymity") and its object.  Returns the end of the phrase
 * (exclusive) or 0 when there is no qualifier; *name_end gets where the
 * name of the source should stop (before ", who ...").
 */
static size_t
qualifier(const struct attr *s, size_t r, size_t *name_end)
{
	const struct doc *d = s->d;
	const struct lex_entry *e;
	size_t i = r + 1, n, j, k;

	*name_end = 0;
	/* "officials in two neighboring counties, who ..." */
	if (i < d->ntoks && (is_w(d, i, "in") || is_w(d, i, "from") ||
	    is_w(d, i, "at"))) {
		for (k = i; k < d->ntoks && k < i + ATTR_NP &&
		    !in_quote(d, k) && d->toks[k].kind != TOK_PUNCT; k++)
			;
		if (k < d->ntoks && is_p(d, k, ','))
			i = k;
	}
	*name_end = i;
	if (i < d->ntoks && is_p(d, i, ','))
		i++;
	if (i >= d->ntoks || in_quote(d, i))
		return 0;
	e = lex_match(s->lx->anon, d, i, &n);
	/* "an employee who worked on the program, and who requested
	 * anonymity": the qualifier after a first relative clause, which
	 * stays in the name */
	if ((e == NULL || e->section != s->sec_quals) && i == r + 1 &&
	    is_w(d, i, "who")) {
		for (k = i + 1; k < d->ntoks && k < i + ATTR_CLAUSE &&
		    !in_quote(d, k) && d->toks[k].sent == d->toks[r].sent; k++)
			if (d->toks[k].kind == TOK_PUNCT)
				break;
		j = k + 1;
		if (j < d->ntoks && is_p(d, k, ',') && is_w(d, j, "and"))
			j++;
		if (j < d->ntoks && is_p(d, k, ',') && is_w(d, j, "who") &&
		    !in_quote(d, j)) {
			e = lex_match(s->lx->anon, d, j, &n);
			*name_end = k;
			i = j;
		}
	}
	if (e == NULL || e->section != s->sec_quals)
		return 0;
	if (*name_end == r + 1 && i == r + 1)
		*name_end = 0;
	/* the object: up to punctuation, a speech verb or a clause */
	for (j = i + n; j < d->ntoks && j < i + n + ATTR_QUAL_OBJ; j++) {
		const struct tok *t = &d->toks[j];

		if (t->kind == TOK_PUNCT || t->kind == TOK_QUOTE ||
		    in_quote(d, j) || t->sent != d->toks[r].sent)
			break;
		if (lex_tok(s->lx->speech_verbs, d, j) != NULL && j > i + n)
			break;
		if (is_w(d, j, "said") || is_w(d, j, "that") ||
		    is_w(d, j, "who") || is_w(d, j, "which") ||
		    is_w(d, j, "and") || is_w(d, j, "but") ||
		    is_w(d, j, "was") || is_w(d, j, "were") ||
		    is_w(d, j, "is") || is_w(d, j, "are") ||
		    is_w(d, j, "because"))
			break;
	}
	return j;
}

/* Start of the determiner and modifiers before a role noun at r. */
/* Is the role noun at token r plural (anonymous-roles.txt number p)? */
static int
plural_role(const struct attr *s, size_t r)
{
	const struct lex_entry *e = lex_tok(s->lx->anon, s->d, r);

	return e != NULL && e->section == s->sec_roles && e->val[0] == 'p';
}

static size_t
role_start(const struct attr *s, size_t r, int *has_det)
{
	const struct doc *d = s->d;
	size_t k = r, n = 0;

	*has_det = 0;
	while (k > 0 && n < 4) {
		size_t p = k - 1;

		if (in_quote(d, p) || d->toks[p].kind != TOK_WORD ||
		    d->toks[p].sent != d->toks[r].sent)
			break;
		if (is_det(s, p)) {
			/* "a move supporters said": a singular article is
			 * not a plural role's */
			if ((is_w(d, p, "a") || is_w(d, p, "an")) &&
			    k < r && plural_role(s, r) &&
			    !is_w(d, k, "dozen") && !is_w(d, k, "few") &&
			    !is_w(d, k, "couple") && !is_w(d, k, "hundred") &&
			    !is_w(d, k, "number") && !is_w(d, k, "handful")) {
				k = r;
				break;
			}
			k = p;
			*has_det = 1;
			/* "one of the sources" */
			if (is_w(d, p, "the") && p >= 2 && is_w(d, p - 1, "of") &&
			    is_det(s, p - 2))
				k = p - 2;
			break;
		}
		if (is_fw(s, p) || verb_form(s, p) ||
		    mention_at(s, p) >= 0)
			break;
		k = p;
		n++;
	}
	return k;
}

/* Is the phrase [a, b) the subject of a speech verb, or after
 * "according to" or an agent "by"? */
static int
in_frame(const struct attr *s, size_t a, size_t b)
{
	const struct doc *d = s->d;
	size_t j = b, k;

	if (a >= 2 && is_w(d, a - 2, "according") && is_w(d, a - 1, "to"))
		return 1;
	/* "confirmed by two officials", not "struck by an officer" */
	if (a >= 2 && is_w(d, a - 1, "by")) {
		for (k = a - 1; k > 0 && k + 4 > a; k--)
			if (speech_verb(s, k - 1) != NULL)
				return 1;
	}
	/* skip ", who ..., " */
	if (j < d->ntoks && is_p(d, j, ',')) {
		for (k = j + 1; k < d->ntoks && k < j + ATTR_CLAUSE &&
		    !ends_sentence(d, k); k++)
			if (is_p(d, k, ',')) {
				j = k + 1;
				break;
			}
	}
	for (k = j; k < d->ntoks && k < j + 3; k++) {
		if (speech_verb(s, k) != NULL &&
		    lex_tok(s->lx->speech_verbs, d, k) != NULL)
			return 1;
		if (!is_w(d, k, "also") && !is_w(d, k, "have") &&
		    !is_w(d, k, "has") && !is_w(d, k, "had"))
			break;
	}
	return 0;
}

/*
 * Is the common noun at token i followed by a qualifier that marks
 * anonymity by itself ("a former keeper, who asked not to be named")?
 */
static int
self_qual(const struct attr *s, size_t i)
{
	const struct doc *d = s->d;
	const struct lex_entry *e;
	const struct tok *t = &d->toks[i];
	size_t j = i + 1, n;
	int det;

	if (t->kind != TOK_WORD || (t->flags & TOK_CAP) || j + 1 >= d->ntoks)
		return 0;
	/* "The person spoke on the condition of anonymity": a word after
	 * a role noun is its verb, not a noun of its own */
	if (i > 0 && d->toks[i - 1].kind == TOK_WORD && is_role(s, i - 1))
		return 0;
	if (is_p(d, j, ','))
		j++;
	if (d->toks[j].kind != TOK_WORD || in_quote(d, j) ||
	    !lex_marked(&d->toks[j], s->m_anon) ||
	    !filter_has(&s->selfquals, d->toks[j].key))
		return 0;
	e = lex_match(s->lx->anon, d, j, &n);
	if (e == NULL || e->section != s->sec_quals ||
	    strcmp(e->val, "self") != 0 || is_fw(s, i))
		return 0;
	role_start(s, i, &det);
	return det;
}

/*
 * Can a role noun (is_role) be the word at token i of toks (n tokens),
 * or a qualifier that marks anonymity by itself (self_qual) start just
 * after it?  Most words are ruled out by their marks and keys and those
 * of the next word (past a comma), as self_qual reads them.
 */
static int
anon_near(const struct attr *s, const struct tok *toks, size_t n, size_t i)
{
	const struct tok *t = &toks[i];
	size_t j = i + 1;

	if (lex_marked(t, s->m_anon) && filter_has(&s->roles, t->key))
		return 1;
	if ((t->flags & TOK_CAP) || j + 1 >= n)
		return 0;
	if (toks[j].kind == TOK_PUNCT && toks[j].len == 1 &&
	    s->d->text[toks[j].off] == ',')
		j++;
	return lex_marked(&toks[j], s->m_anon) &&
	    filter_has(&s->selfquals, toks[j].key);
}

/*
 * Start of the indefinite noun phrase that opens the clause and ends at
 * token a's phrase: "A lineman working on the shutoff, who was not
 * authorized to speak" is the lineman, not the shutoff.  Else a.
 */
static size_t
clause_np(const struct attr *s, size_t a)
{
	const struct doc *d = s->d;
	size_t k = a, n = 0;

	while (k > 0 && n < ATTR_NP && d->toks[k - 1].kind == TOK_WORD &&
	    d->toks[k - 1].sent == d->toks[a].sent && !in_quote(d, k - 1)) {
		k--;
		n++;
		if ((is_w(d, k, "a") || is_w(d, k, "an") || is_w(d, k, "one")) &&
		    ((d->toks[k].flags & TOK_SSTART) || (k > 0 &&
		    is_p(d, k - 1, ','))))
			return k;
		if (d->toks[k].flags & TOK_CAP)
			break;
	}
	return a;
}

/*
 * Adds the anonymous phrase whose role noun (or noun before a qualifier)
 * is token i, if there is one; returns its end, or 0.  Token i is outside
 * quotes, and anon_near.  Out of line: it is seldom called, and
 * inlined it would crowd the registers of find_anons's loop.
 */
static __attribute__((noinline)) size_t
anon_add(struct attr *s, size_t i)
{
	struct doc *d = s->d;
	size_t a, b, ne;
	int det;
	struct anon *an;

	if (!is_role(s, i) && !self_qual(s, i))
		return 0;
	/* "a spokeswoman, Jane Doe" or "official Jane Doe" */
	if (i + 1 < d->ntoks && mention_at(s, i + 1) >= 0)
		return 0;
	a = role_start(s, i, &det);
	if (a > 0 && d->toks[a - 1].kind == TOK_WORD && poss_word(s, a - 1))
		return 0;	/* "the company's employees" */
	if (!is_role(s, i))
		a = clause_np(s, a);
	b = qualifier(s, i, &ne);
	if (b == 0) {
		/* no qualifier: anonymous only when it speaks */
		if (is_w(d, a, "the") || is_w(d, a, "this") ||
		    is_w(d, a, "that") || is_w(d, a, "its") ||
		    is_w(d, a, "his") || is_w(d, a, "her") ||
		    is_w(d, a, "their"))
			return 0;	/* a back-reference */
		if (!in_frame(s, a, i + 1))
			return 0;
		if (!det && a == i && !(d->toks[i].flags & TOK_CAP) &&
		    !(a >= 1 && (is_w(d, a - 1, "to") ||
		    is_w(d, a - 1, "by"))) &&
		    !(i + 1 < d->ntoks && speech_verb(s, i + 1)))
			return 0;
		b = i + 1;
		ne = b;
	}
	arena_grow(&d->arena, (void **)&s->anons, &s->capanons,
	    sizeof(*s->anons), s->nanons + 1);
	an = &s->anons[s->nanons++];
	an->a = a;
	an->b = b;
	an->ne = ne ? ne : b;
	an->role = d->toks[i].key;
	an->source = -1;
	return b;
}

/*
 * One pass over the tokens: finds the anonymous phrases, one after the
 * other, and lists the tokens that may be cues, so that scan_sources need
 * not read every token again.
 */
static void
find_anons(struct attr *s)
{
	struct doc *d = s->d;
	const struct tok *toks = d->toks;
	size_t i, b, n = d->ntoks, next = 0;

	for (i = 0; i < n; i++) {
		const struct tok *t = &toks[i];

		/* both start at a word (cue_may, is_role, self_qual) */
		if (t->kind != TOK_WORD)
			continue;
		if (cue_word(s, t)) {
			arena_grow(&d->arena, (void **)&s->cues, &s->capcues,
			    sizeof(*s->cues), s->ncues + 1);
			s->cues[s->ncues++] = (uint32_t)i;
		}
		/* no phrase starts inside the one before */
		if (i >= next && !(t->flags & (TOK_INQUOTE | TOK_QMARK)) &&
		    anon_near(s, toks, n, i) && (b = anon_add(s, i)) != 0)
			next = b;
	}
}

/* The anonymous phrase covering token i, or NULL. */
static struct anon *
anon_at(const struct attr *s, size_t i)
{
	size_t lo = 0, hi = s->nanons, b = i / ATTR_BUCKET;

	/* the phrases before lo start before bucket b, those from hi on
	 * after token i; in order, the scan finds what the search would */
	if (s->abucket != NULL && b < s->nbuckets) {
		lo = s->abucket[b];
		hi = s->abucket[b + 1];
		while (lo < hi && s->anons[lo].a <= i)
			lo++;
		hi = lo;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->anons[mid].a <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && i < s->anons[lo - 1].b &&
	    i >= s->anons[lo - 1].a)
		return &s->anons[lo - 1];
	return NULL;
}

/*
 * Indexes the anonymous phrases by bucket of tokens, as mention_index
 * does the mentions, when they are in order of their first token
 * (role_start could in principle reach back past the start of the
 * phrase before); otherwise anon_at keeps to its binary search.
 */
static void
anon_index(struct attr *s)
{
	size_t b, m;

	for (m = 1; m < s->nanons; m++)
		if (s->anons[m].a < s->anons[m - 1].a)
			return;
	s->abucket = arena_alloc(&s->d->arena, (s->nbuckets + 1) *
	    sizeof(*s->abucket));
	for (b = 0, m = 0; b < s->nbuckets; b++) {
		while (m < s->nanons && s->anons[m].a < b * ATTR_BUCKET)
			m++;
		s->abucket[b] = (uint32_t)m;
	}
	s->abucket[s->nbuckets] = (uint32_t)s->nanons;
}

/*
 * Can he/she of gender g (enum person_gender) refer to the anonymous
 * phrase an?  Only a single person ("one support manager", "a source",
 * not "two officials"), and not a spokeswoman for "he".
 */
static int
anon_takes(const struct attr *s, const struct anon *an, int g)
{
	const struct doc *d = s->d;
	const struct lex_entry *e = lex_get_tok(s->lx->anon, an->role);
	const struct lex_entry *t = lex_get_tok(s->lx->titles, an->role);

	if (e == NULL)
		return 0;
	if (e->val[0] != 's' && !is_w(d, an->a, "one"))
		return 0;
	if (t != NULL && g != GENDER_UNKNOWN &&
	    ((t->val[0] == 'm' && g != GENDER_MALE) ||
	    (t->val[0] == 'f' && g != GENDER_FEMALE)))
		return 0;
	return 1;
}

/*
 * Binds he/she to a singular anonymous source when that source is nearer
 * than the person the person table chose ("One manager, who asked not to
 * be named because she ..., said ... \"Q,\" she said."), and the
 * pronouns that follow such a pronoun in a chain.  One pass over the
 * mentions and phrases, both in token order.
 */
static void
bind_pronouns(struct attr *s)
{
	struct doc *d = s->d;
	size_t mi, ai = 0;
	size_t *lastpos;
	int cur = -1;		/* anonymous phrase last named or bound */
	size_t curpos = 0;

	if (s->nanons == 0 || d->nmentions == 0)
		return;
	s->mbind = arena_alloc(&d->arena, d->nmentions * sizeof(*s->mbind));
	lastpos = arena_calloc(&d->arena, d->npeople + 1, sizeof(*lastpos));
	for (mi = 0; mi < d->nmentions; mi++) {
		const struct mention *m = &d->mentions[mi];
		const struct lex_entry *e;
		int g;

		s->mbind[mi] = -1;
		for (; ai < s->nanons && s->anons[ai].a < m->first; ai++) {
			cur = (int)ai;
			curpos = s->anons[ai].a + 1;
		}
		if (!(m->flags & MENTION_PRONOUN)) {
			if (m->person >= 0 && !(m->flags & MENTION_POSS))
				lastpos[m->person] = (size_t)m->first + 1;
			continue;
		}
		e = lex_tok(s->lx->pronouns, d, m->first);
		g = e == NULL ? GENDER_UNKNOWN : e->val[0] == 'm' ?
		    GENDER_MALE : e->val[0] == 'f' ? GENDER_FEMALE :
		    GENDER_UNKNOWN;
		if (cur >= 0 && anon_takes(s, &s->anons[cur], g) &&
		    d->toks[s->anons[cur].a].para + 1 >=
		    d->toks[m->first].para &&
		    (m->person < 0 || curpos > lastpos[m->person])) {
			s->mbind[mi] = cur;
			curpos = (size_t)m->first + 1;
			continue;
		}
		if (m->person >= 0)
			lastpos[m->person] = (size_t)m->first + 1;
	}
}

/* ---- noun phrases: who a subject or object names ---- */

static void
who_init(struct who *w)
{
	memset(w, 0, sizeof(*w));
	w->person = -1;
	w->source = -1;
	w->owner = -1;
}

static void
who_anon(const struct attr *s, const struct anon *an, struct who *w)
{
	w->kind = SPEAKER_ANONYMOUS;
	w->a = w->na = an->a;
	w->b = an->ne;
	w->head = an->role;
	w->span = 1;
	(void)s;
}

static int
who_mention(const struct attr *s, int mi, struct who *w)
{
	const struct doc *d = s->d;
	const struct mention *m = &d->mentions[mi];

	if (s->mbind != NULL && s->mbind[mi] >= 0) {
		who_anon(s, &s->anons[s->mbind[mi]], w);
		return 1;
	}

	w->a = w->na = m->tntok > 0 && m->tfirst < m->first ? m->tfirst :
	    m->first;
	w->b = (size_t)m->first + m->ntok;
	if (m->flags & MENTION_AMBIGUOUS) {
		w->kind = SPEAKER_NAMED;
		w->ambiguous = 1;
		return 1;
	}
	if (m->person < 0)
		return 0;
	w->person = m->person;
	w->kind = d->people[m->person].kind == PERSON_ORG ?
	    SPEAKER_ORGANIZATION : SPEAKER_NAMED;
	return 1;
}

/* Index of the source with head key h and kind k among recent ones. */
static int
source_by_head(const struct attr *s, uint64_t h, int kind, size_t at)
{
	size_t i, n = 0, off = s->d->toks[at].off;

	for (i = s->d->nsources; i > 0 && n < ATTR_BACKREF; i--, n++)
		if (s->sheads[i - 1] == h && s->d->sources[i - 1].kind == kind &&
		    s->d->sources[i - 1].toff < off)
			return (int)(i - 1);
	return -1;
}

/* The organization "the HEAD" refers back to: one with that word in its name. */
static int
org_backref(const struct attr *s, size_t at, uint64_t head)
{
	const struct doc *d = s->d;
	int m = mention_before(s, at), n = 0;

	for (; m >= 0 && n < ATTR_BACKREF; m--, n++) {
		const struct mention *mm = &d->mentions[m];

		size_t k;

		if (mm->person < 0 || d->people[mm->person].kind != PERSON_ORG)
			continue;
		/* "the department": the Department of Transportation too */
		for (k = mm->first + mm->ntok; k > mm->first; k--)
			if (d->toks[k - 1].key == head)
				return mm->person;
	}
	return people_org_before(d, at);
}

/*
 * A common-noun phrase [start, head]: anonymous role, document or
 * organization noun.  det: the phrase starts with a determiner.
 */
static int
classify_head(const struct attr *s, size_t start, size_t head, struct who *w)
{
	const struct doc *d = s->d;
	int det = is_det(s, start) && start < head;
	int bare = det && start + 1 == head;
	int backref = det && (is_w(d, start, "the") || is_w(d, start, "this") ||
	    is_w(d, start, "that") || is_w(d, start, "its"));
	uint64_t hk = d->toks[head].key;

	w->a = start;
	w->na = det ? start + 1 : start;
	w->b = head + 1;
	if (is_role(s, head)) {
		w->kind = SPEAKER_ANONYMOUS;
		if (backref)
			w->source = source_by_head(s, hk, SPEAKER_ANONYMOUS, start);
		if (backref && w->source < 0)
			return 0;	/* "the official" of nobody */
		w->na = start;
		return 1;
	}
	if (is_docnoun(s, head)) {
		w->kind = SPEAKER_DOCUMENT;
		if (bare || backref)
			w->source = source_by_head(s, hk, SPEAKER_DOCUMENT, start);
		return 1;
	}
	if (is_orgnoun(s, head)) {
		int mi;

		w->kind = SPEAKER_ORGANIZATION;
		/* "her campaign", "his office": the organization of the
		 * person the possessive pronoun refers to */
		if (det && (is_w(d, start, "her") || is_w(d, start, "his")) &&
		    lex_get_tok(s->lx->org_nouns, hk) != NULL &&
		    (mi = mention_at(s, start)) >= 0 &&
		    d->mentions[mi].person >= 0 &&
		    d->people[d->mentions[mi].person].kind == PERSON_HUMAN) {
			w->owner = d->mentions[mi].person;
			return 1;
		}
		if (bare) {
			w->person = org_backref(s, start, hk);
			if (w->person < 0)
				w->source = source_by_head(s, hk,
				    SPEAKER_ORGANIZATION, start);
		}
		return 1;
	}
	return 0;
}

/* Start of the modifiers and determiner before a head noun at h. */
static size_t
np_start(const struct attr *s, size_t h, size_t lo)
{
	const struct doc *d = s->d;
	size_t k = h, n = 0;

	while (k > lo && n < ATTR_NP) {
		size_t p = k - 1;
		const struct tok *t = &d->toks[p];

		if (in_quote(d, p) || t->kind != TOK_WORD ||
		    t->sent != d->toks[h].sent)
			break;
		if (is_det(s, p))
			return p;
		if (is_fw(s, p) || verb_form(s, p) ||
		    mention_at(s, p) >= 0)
			break;
		k = p;
		n++;
	}
	return k;
}

/* "it" at token i (no mention there): the organization before it. */
static int
it_who(const struct attr *s, size_t i, struct who *w)
{
	const struct doc *d = s->d;

	if (is_w(d, i, "it")) {
		w->person = people_org_before(d, i);
		w->kind = SPEAKER_ORGANIZATION;
		w->a = w->na = i;
		w->b = i + 1;
		return w->person >= 0;
	}
	return 0;
}

/* An unknown capitalised name before a verb ("Ledgerline said"). */
static int
cap_org(const struct attr *s, size_t j, size_t lo, struct who *w)
{
	const struct doc *d = s->d;
	size_t k = j;
	const struct tok *t = &d->toks[j];

	if (t->kind != TOK_WORD || !(t->flags & TOK_CAP) || is_fw(s, j) ||
	    in_quote(d, j))
		return 0;
	while (k > lo && k + 4 > j && d->toks[k - 1].kind == TOK_WORD &&
	    (d->toks[k - 1].flags & TOK_CAP) && !is_fw(s, k - 1) &&
	    !in_quote(d, k - 1) && d->toks[k - 1].sent == t->sent)
		k--;
	/* one unknown word ("Residents said", a misspelt surname) names
	 * nobody we know; an acronym (CNN) is an organization, and so is
	 * a thing that "which" follows ("Orland, which employs ...") */
	if (k == j && !(t->flags & TOK_ALLCAP) && !(j + 2 < d->ntoks &&
	    is_p(d, j + 1, ',') && is_w(d, j + 2, "which")))
		return 0;
	w->kind = SPEAKER_ORGANIZATION;
	w->a = w->na = k;
	w->b = j + 1;
	return 1;
}

/*
 * Is the aside [a, e) a capitalised name ("Grantham Nurses Association
 * Local 12", "the Tenants League")?  Then it names the organization noun
 * before it ("The union, ..., said"), and w gets it.
 */
static int
cap_aside(const struct attr *s, size_t a, size_t e, struct who *w)
{
	const struct doc *d = s->d;
	size_t i, na = a;

	if (a < e && is_w(d, a, "the"))
		na = ++a;
	if (a >= e || !(d->toks[a].flags & TOK_CAP))
		return 0;
	for (i = a; i < e; i++) {
		const struct tok *t = &d->toks[i];

		if (in_quote(d, i))
			return 0;
		if (t->kind == TOK_NUM || (t->kind == TOK_WORD &&
		    ((t->flags & TOK_CAP) || is_w(d, i, "of") ||
		    is_w(d, i, "and") || is_w(d, i, "for"))))
			continue;
		if (t->kind == TOK_PUNCT && (is_p(d, i, '&') || is_p(d, i, '.')))
			continue;
		return 0;
	}
	who_init(w);
	w->kind = SPEAKER_ORGANIZATION;
	w->a = w->na = na;
	w->b = e;
	return 1;
}

static inline int
skippable(const struct attr *s, size_t i)
{
	const struct doc *d = s->d;
	const struct tok *t = &d->toks[i];

	if (t->kind != TOK_WORD || in_quote(d, i))
		return 0;
	if (words_has(&s->skips, d, i))
		return 1;
	return t->len > 4 && !(t->flags & TOK_CAP) &&
	    memcmp(d->text + t->off + t->len - 2, "ly", 2) == 0;
}

/*
 * Does the aside starting at token i modify the noun before it ("who met
 * Jones", "filed by the Tenants League") rather than name it ("public
 * defender Marisa Quon")?
 */
static int
modifier_clause(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];

	if (t->kind != TOK_WORD || (t->flags & TOK_CAP))
		return 0;
	return is_w(d, i, "who") || is_w(d, i, "which") ||
	    is_w(d, i, "whose") || (t->len > 3 &&
	    memcmp(d->text + t->off + t->len - 2, "ed", 2) == 0);
}

/*
 * The opening mark of a title or scare quote whose closing mark is token
 * x ("a report, \"Wind and Snakes,\" which"), or SIZE_MAX.  Quotes are
 * stored as they close, so a binary search by closing mark finds it.
 */
static size_t
title_ending_at(const struct attr *s, size_t x)
{
	const struct doc *d = s->d;
	size_t lo = 0, hi = d->nquotes;

	if (!(d->toks[x].flags & TOK_QMARK))
		return SIZE_MAX;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->quotes[mid].close < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->nquotes && d->quotes[lo].close == x &&
	    !quote_is_speech(&d->quotes[lo]))
		return d->quotes[lo].open;
	return SIZE_MAX;
}

/*
 * A document, organization or role noun ending a phrase at or before j,
 * over a title appositive and a short modifier ("her paper on the
 * walkout, \"The Long Way Back,\"", "a state agency report, \"X,\"
 * which"): the head's index, or SIZE_MAX.
 */
static size_t
head_before_title(const struct attr *s, size_t j, size_t lo)
{
	const struct doc *d = s->d;
	size_t o = title_ending_at(s, j), k, n;

	if (o == SIZE_MAX || o <= lo + 1 || !is_p(d, o - 1, ','))
		return SIZE_MAX;
	for (k = o - 1, n = 0; k > lo && n < ATTR_NP; k--, n++) {
		size_t x = k - 1;

		if (d->toks[x].kind != TOK_WORD || in_quote(d, x) ||
		    ends_sentence(d, x))
			break;
		if (is_docnoun(s, x) || is_orgnoun(s, x) || is_role(s, x))
			return x;
	}
	return SIZE_MAX;
}

/* The subject ending just before token e, not reaching lo. */
static int
np_before(const struct attr *s, size_t e, size_t lo, struct who *w)
{
	const struct doc *d = s->d;
	size_t j, n = 0, c;
	struct anon *an;
	int mi;

	who_init(w);
	if (e <= lo)
		return 0;
	j = e - 1;
	while (j > lo && n < 3 && skippable(s, j)) {
		j--;
		n++;
	}
	/* "a report, \"Title,\" which found" and "her paper, \"Title,\"
	 * found": the noun the title names */
	if (j > lo && (is_w(d, j, "which") || is_w(d, j, "that")))
		c = head_before_title(s, j - 1, lo);
	else
		c = head_before_title(s, j, lo);
	if (c != SIZE_MAX)
		return classify_head(s, np_start(s, c, lo), c, w);
	/* "X, who ..., said" and "X, a spokeswoman for Y, said" */
	if (is_p(d, j, ',')) {
		for (c = j; c > lo && c + ATTR_CLAUSE > j; c--) {
			if (ends_sentence(d, c - 1) || in_quote(d, c - 1))
				break;
			if (is_p(d, c - 1, ',')) {
				/* "Kessler's lawyer, public defender Marisa
				 * Quon, said": the person inside the commas;
				 * "X, president of the Y Association, said":
				 * an organization there is X's */
				mi = mention_at(s, j - 1);
				if (mi >= 0 && d->mentions[mi].person >= 0 &&
				    !(d->mentions[mi].flags & MENTION_PRONOUN) &&
				    d->people[d->mentions[mi].person].kind ==
				    PERSON_HUMAN && !modifier_clause(d, c))
					return who_mention(s, mi, w);
				/* "The union, Grantham Nurses Association
				 * Local 12, said": the name of the noun */
				if (mi >= 0 && d->mentions[mi].person >= 0 &&
				    d->people[d->mentions[mi].person].kind ==
				    PERSON_ORG && c > lo + 1 &&
				    is_orgnoun(s, c - 2) &&
				    (d->mentions[mi].first == c ||
				    (d->mentions[mi].first == c + 1 &&
				    is_w(d, c, "the"))))
					return who_mention(s, mi, w);
				if (c > lo + 1 && is_orgnoun(s, c - 2) &&
				    mi < 0 && cap_aside(s, c, j, w))
					return 1;
				if (c - 1 > lo)
					j = c - 2;
				break;
			}
		}
		if (is_p(d, j, ','))
			return 0;
	}
	if (in_quote(d, j) || d->toks[j].kind != TOK_WORD)
		return 0;
	if ((an = anon_at(s, j)) != NULL) {
		w->kind = SPEAKER_ANONYMOUS;
		w->a = w->na = an->a;
		w->b = an->ne;
		w->head = an->role;
		w->span = 1;
		return 1;
	}
	if ((mi = mention_at(s, j)) >= 0)
		return who_mention(s, mi, w);
	if (it_who(s, j, w))
		return 1;
	if (is_role(s, j) || is_docnoun(s, j) || is_orgnoun(s, j))
		return classify_head(s, np_start(s, j, lo), j, w);
	return cap_org(s, j, lo, w);
}

/*
 * Are the tokens [k, f) a determiner and lower-case modifiers before a
 * name ("the International Union ...", "the state Department of ...")?
 */
static int
lead_in(const struct attr *s, size_t k, size_t f)
{
	const struct doc *d = s->d;
	size_t i;

	if (f <= k || f > k + 3 || !is_det(s, k))
		return 0;
	for (i = k + 1; i < f; i++)
		if (d->toks[i].kind != TOK_WORD || in_quote(d, i) ||
		    (d->toks[i].flags & TOK_CAP) || is_fw(s, i) ||
		    is_docnoun(s, i))
			return 0;
	return 1;
}

/*
 * Are the tokens [k, f) capitalized honorifics before a name, each with
 * or without its period ("said Dr. Amira Castellano", "Prof. Dr.")?
 * The person table keeps them out of the mention's title.
 */
static int
honorific_lead(const struct attr *s, size_t k, size_t f)
{
	const struct doc *d = s->d;
	const struct lex_entry *e;
	size_t i;

	if (f <= k || f > k + 4)
		return 0;
	for (i = k; i < f; i++) {
		if (is_p(d, i, '.') && i > k)
			continue;
		if (d->toks[i].kind != TOK_WORD || !(d->toks[i].flags &
		    TOK_CAP) || in_quote(d, i) ||
		    (e = lex_tok(s->lx->titles, d, i)) == NULL ||
		    strcmp(e->rest, "-") != 0)
			return 0;
	}
	return 1;
}

/* Does a head noun at token i go on with the phrase ("... Transportation
 * report")? */
static int
noun_after(const struct attr *s, size_t i, size_t hi)
{
	return i < hi && s->d->toks[i].kind == TOK_WORD && !in_quote(s->d, i) &&
	    (is_docnoun(s, i) || is_role(s, i) || is_orgnoun(s, i));
}

/* The noun phrase starting at token k (inverted order, "according to"). */
static int
np_after(const struct attr *s, size_t k, size_t hi, struct who *w)
{
	const struct doc *d = s->d;
	struct anon *an;
	size_t j;
	int mi;

	who_init(w);
	/* "according to \"Building Behind,\" a report by ...": the noun
	 * after the title */
	if (k < hi && (d->toks[k].flags & TOK_QMARK)) {
		for (j = k + 1; j < hi && j < k + ATTR_TITLE; j++)
			if (d->toks[j].flags & TOK_QMARK)
				break;
		if (j + 1 < hi && j < k + ATTR_TITLE &&
		    title_ending_at(s, j) == k) {
			k = j + 1;
			if (is_p(d, k, ','))
				k++;
		}
	}
	if (k >= hi || in_quote(d, k) || d->toks[k].kind != TOK_WORD)
		return 0;
	if ((an = anon_at(s, k)) != NULL) {
		w->kind = SPEAKER_ANONYMOUS;
		w->a = w->na = an->a;
		w->b = an->ne;
		w->head = an->role;
		w->span = 1;
		return 1;
	}
	/* a mention, or a title before one ("said Brownsville Mayor X") */
	mi = mention_before(s, k + ATTR_NP + 1);
	for (; mi >= 0 && d->mentions[mi].first >= k; mi--) {
		const struct mention *m = &d->mentions[mi];

		if (m->first == k || (m->tntok > 0 && m->tfirst <= k) ||
		    honorific_lead(s, k, m->first) ||
		    (lead_in(s, k, m->first) && !noun_after(s,
		    (size_t)m->first + m->ntok, hi)))
			return who_mention(s, mi, w);
	}
	if ((mi = mention_at(s, k)) >= 0)
		return who_mention(s, mi, w);
	if (it_who(s, k, w))
		return 1;
	for (j = k; j < hi && j < k + ATTR_NP; j++) {
		const struct tok *t = &d->toks[j];

		/* "a 2024 department report": a year or count modifies */
		if (t->kind == TOK_NUM && j > k && !in_quote(d, j))
			continue;
		if (in_quote(d, j) || t->kind != TOK_WORD)
			break;
		if (is_role(s, j) || is_docnoun(s, j) || is_orgnoun(s, j)) {
			/* the last noun of a compound: "the city finance
			 * department", "the state attorney general's office" */
			size_t h = j, x;

			for (x = j + 1; x < hi && x < j + ATTR_NP; x++) {
				/* "a Department of Transportation report" */
				if (is_w(d, x, "of") && x + 1 < hi &&
				    (d->toks[x].flags & TOK_CAP) == 0 &&
				    (d->toks[x + 1].flags & TOK_CAP) &&
				    (d->toks[j].flags & TOK_CAP))
					continue;
				if (in_quote(d, x) ||
				    d->toks[x].kind != TOK_WORD || is_fw(s, x))
					break;
				if (is_role(s, x) || is_docnoun(s, x) ||
				    is_orgnoun(s, x))
					h = x;
			}
			return classify_head(s, k, h, w);
		}
		if (j > k && is_det(s, j))
			break;
		/* "the most recent traffic count" */
		if (is_fw(s, j) && !is_det(s, j) && !(j > k &&
		    (is_w(d, j, "most") || is_w(d, j, "least"))))
			break;
	}
	if (cap_org(s, k, k, w)) {
		/* extend over the rest of the name */
		while (w->b < hi && w->b < k + ATTR_NP &&
		    d->toks[w->b].kind == TOK_WORD &&
		    (d->toks[w->b].flags & TOK_CAP) && !in_quote(d, w->b))
			w->b++;
		return 1;
	}
	return 0;
}

/* ---- speech-verb frames ---- */

/*
 * A naming verb with a short object and then a quotation: "called the
 * vote \"a real step\"", "labeled it \"reckless\"".  Not "a group called
 * \"Save Our Park\"" or "so-called \"casual contacts\"" (no object).
 */
static int
naming_cue(const struct attr *s, size_t v)
{
	const struct doc *d = s->d;
	size_t k;

	if (d->toks[v].kind != TOK_WORD ||
	    lex_tok(s->lx->naming_verbs, d, v) == NULL)
		return 0;
	for (k = v + 1; k < d->ntoks && k <= v + ATTR_NAMING_OBJ + 1; k++) {
		if (d->toks[k].flags & TOK_QMARK)
			return k > v + 1;
		if (d->toks[k].kind != TOK_WORD || is_p(d, k, ','))
			return 0;
	}
	return 0;
}

/*
 * Is the cue at token v a passive with no agent ("workers were told to",
 * "she was asked about it")?  Its subject is the addressee, not the
 * speaker; "was saying" is active and "was confirmed by X" names one.
 */
static int
passive_cue(const struct attr *s, size_t v)
{
	const struct doc *d = s->d;
	const struct tok *t = &d->toks[v];
	size_t k = v, n = 0;

	if (t->len > 4 && memcmp(d->text + t->off + t->len - 3, "ing", 3) == 0)
		return 0;
	while (k > 0 && n < 2 && skippable(s, k - 1) &&
	    !is_w(d, k - 1, "has") && !is_w(d, k - 1, "have") &&
	    !is_w(d, k - 1, "had")) {
		k--;
		n++;
	}
	if (k == 0 || !(is_w(d, k - 1, "was") || is_w(d, k - 1, "were") ||
	    is_w(d, k - 1, "is") || is_w(d, k - 1, "are") ||
	    is_w(d, k - 1, "be") || is_w(d, k - 1, "been") ||
	    is_w(d, k - 1, "being")))
		return 0;
	for (k = v + 1; k < d->ntoks && k < v + 5; k++) {
		if (d->toks[k].kind != TOK_WORD || in_quote(d, k))
			break;
		if (is_w(d, k, "by"))
			return 0;
	}
	return 1;
}

/*
 * "As Mayor Ann Lee put it, \"...\"" and "\"...,\" as Lee put it": put
 * at token v, "it" after it, "as" opening the clause a few words before.
 */
static int
as_put_it(const struct attr *s, size_t v)
{
	const struct doc *d = s->d;
	size_t k;

	if (v + 1 >= d->ntoks || !is_w(d, v + 1, "it"))
		return 0;
	for (k = v; k > 0 && k + ATTR_NP > v; k--) {
		if (d->toks[k - 1].sent != d->toks[v].sent ||
		    in_quote(d, k - 1))
			return 0;
		if (is_w(d, k - 1, "as"))
			return k - 1 == 0 || (d->toks[k - 1].flags & TOK_SSTART) ||
			    is_p(d, k - 2, ',') ||
			    (d->toks[k - 2].flags & TOK_QMARK);
	}
	return 0;
}

/* cue_at for a word that its marks do not rule out. */
static int
cue_check(const struct attr *s, size_t v, size_t *len)
{
	const struct doc *d = s->d;

	if (in_quote(d, v) || anon_at(s, v) != NULL)
		return 0;
	if (is_w(d, v, "according") && v + 1 < d->ntoks && is_w(d, v + 1, "to")) {
		*len = 2;
		return 1;
	}
	*len = 1;
	if (is_w(d, v, "put"))
		return as_put_it(s, v);
	return (speech_verb(s, v) != NULL || naming_cue(s, v)) &&
	    !passive_cue(s, v);
}

/* Is token v a cue ("said", "according to")?  *len gets its tokens. */
static inline int
cue_at(const struct attr *s, size_t v, size_t *len)
{
	return cue_may(s, v) && cue_check(s, v, len);
}

static inline int
is_doc_verb(const struct attr *s, size_t v)
{
	return lex_tok(s->lx->speech_verbs, s->d, v) == NULL &&
	    lex_tok(s->lx->naming_verbs, s->d, v) == NULL &&
	    !is_w(s->d, v, "according") && !is_w(s->d, v, "put");
}

/*
 * The document that is the subject of a document verb at token v over a
 * participle phrase: "an engineering study commissioned by the department
 * found", "A report released in March by the X Association, titled
 * \"Y,\" found".  The phrase opens the clause (after its start, a comma
 * or "and"); lo bounds the search.
 */
static int
doc_subject(const struct attr *s, size_t v, size_t lo, struct who *w)
{
	const struct doc *d = s->d;
	size_t h, a;

	who_init(w);
	for (h = v; h > lo && h + ATTR_CLAUSE > v; h--) {
		size_t x = h - 1;
		const struct tok *t;

		if (ends_sentence(d, x) || is_p(d, x, ';'))
			return 0;
		if (d->toks[x].kind != TOK_WORD || in_quote(d, x) ||
		    !is_docnoun(s, x) || x + 2 >= v)
			continue;
		t = &d->toks[x + 1];
		if (t->kind != TOK_WORD || (t->flags & TOK_CAP) || t->len < 5 ||
		    memcmp(d->text + t->off + t->len - 2, "ed", 2) != 0)
			continue;
		a = np_start(s, x, lo);
		if (a >= x || !is_det(s, a))
			continue;
		if (a > lo && !is_p(d, a - 1, ',') && !is_w(d, a - 1, "and") &&
		    !is_w(d, a - 1, "but"))
			continue;
		return classify_head(s, a, x, w) && w->kind == SPEAKER_DOCUMENT;
	}
	return 0;
}

/*
 * The subject of the sentence of a cue at token v that has none of its
 * own (", saying", "... and said"): its first person or organization, a
 * pronoun only when it opens the sentence, or an anonymous phrase that
 * opens it.
 */
static int
sentence_subject(const struct attr *s, size_t v, struct who *w)
{
	const struct doc *d = s->d;
	size_t a = d->sents[d->toks[v].sent].first;
	int mi = mention_before(s, a);
	struct anon *an;

	for (mi = mi + 1; mi >= 0 && (size_t)mi < d->nmentions &&
	    d->mentions[mi].first < v; mi++)
		if (d->mentions[mi].person >= 0 &&
		    !(d->mentions[mi].flags & MENTION_PRONOUN &&
		    d->mentions[mi].first > a + 1))
			return who_mention(s, mi, w);
	if ((an = anon_at(s, a)) != NULL && an->b < v) {
		who_anon(s, an, w);
		return 1;
	}
	return 0;
}

/* Does word t end like a noun for a person: "the father", "the
 * commissioner", "the organizer", "the novelist", "the librarian"? */
static int
agent_noun(const struct doc *d, const struct tok *t)
{
	static const char *const end[] = { "er", "or", "ist", "ian", NULL };
	size_t k, n;

	for (k = 0; end[k] != NULL; k++) {
		n = strlen(end[k]);
		if (t->len > n + 2 && memcmp(d->text + t->off + t->len - n,
		    end[k], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * "The lottery said", "the state utility said": a definite singular noun
 * no lexicon lists, opening its clause right before a speech verb, is a
 * body speaking (an organization): the one named earlier with that word
 * if any.  Not a document's verb, not a plural ("the researchers said"),
 * not the object of a preposition ("a spokesman for the lottery said").
 */
static int
the_body(const struct attr *s, size_t v, size_t lo, struct who *w)
{
	const struct doc *d = s->d;
	const struct tok *h;
	size_t k = v, a, j;
	int m, n = 0;

	while (k > lo && k + 2 > v && skippable(s, k - 1))
		k--;
	if (k < lo + 2 || !words_has(&s->body_verbs, d, v))
		return 0;
	h = &d->toks[k - 1];
	if (h->kind != TOK_WORD || (h->flags & TOK_CAP) || h->len < 3 ||
	    in_quote(d, k - 1) || is_fw(s, k - 1) ||
	    d->text[h->off + h->len - 1] == 's' || tok_poss_len(d, h) ||
	    agent_noun(d, h) || words_has(&s->not_bodies, d, k - 1) ||
	    lex_tok(s->lx->titles, d, k - 1) != NULL)
		return 0;
	a = k - 2;
	if (!is_w(d, a, "the") && a > lo && !(d->toks[a].flags & TOK_CAP) &&
	    d->toks[a].kind == TOK_WORD && !is_fw(s, a) &&
	    !in_quote(d, a) && is_w(d, a - 1, "the"))
		a--;	/* one modifier: "the state lottery" */
	if (!is_w(d, a, "the") || !(a == lo || (d->toks[a].flags &
	    TOK_SSTART) || is_p(d, a - 1, ',') || is_w(d, a - 1, "and") ||
	    is_w(d, a - 1, "but")))
		return 0;
	who_init(w);
	w->kind = SPEAKER_ORGANIZATION;
	w->a = a;
	w->na = a + 1;
	w->b = k;
	m = mention_before(s, a);
	for (; m >= 0 && n < ATTR_BACKREF; m--, n++) {
		const struct mention *mm = &d->mentions[m];

		if (mm->person < 0 || d->people[mm->person].kind != PERSON_ORG)
			continue;
		for (j = mm->first; j < mm->first + mm->ntok; j++)
			if (d->toks[j].key == h->key) {
				w->person = mm->person;
				return 1;
			}
	}
	w->source = source_by_head(s, h->key, SPEAKER_ORGANIZATION, a);
	return 1;
}

/*
 * The speaker of the cue at token v (len tokens): the subject before it,
 * the agent after "by", "according to X", the sentence subject of a
 * ", saying" participle, or the noun phrase after it (inverted order).
 * lo and hi bound the search.
 */
static int
cue_subject(const struct attr *s, size_t v, size_t len, size_t lo,
    size_t hi, struct who *w)
{
	const struct doc *d = s->d;
	const struct tok *t = &d->toks[v];
	size_t k;
	int ok;

	who_init(w);
	if (len == 2)
		return np_after(s, v + 2, hi, w);
	for (k = v + 1; k < hi && k < v + 5; k++) {
		if (d->toks[k].kind != TOK_WORD || in_quote(d, k))
			break;
		if (is_w(d, k, "by"))
			return np_after(s, k + 1, hi, w);
	}
	/* ", saying ...": the subject of the sentence */
	if (t->len > 4 && memcmp(d->text + t->off + t->len - 3, "ing", 3) == 0 &&
	    v > 0 && is_p(d, v - 1, ','))
		return sentence_subject(s, v, w);
	/* "He blamed X for \"Q\" and said the authority had ...": a
	 * second verb shares the first one's subject and never inverts */
	k = v;
	while (k > lo && k + 2 > v && skippable(s, k - 1))
		k--;
	if (k > lo && (is_w(d, k - 1, "and") || is_w(d, k - 1, "but")) &&
	    !(k - 1 > lo && is_p(d, k - 2, ',')))
		return sentence_subject(s, v, w);
	ok = np_before(s, v, lo, w) || the_body(s, v, lo, w);
	if (is_doc_verb(s, v) && (!ok || w->kind != SPEAKER_DOCUMENT))
		return doc_subject(s, v, lo, w);
	if (ok || is_doc_verb(s, v))
		return ok;
	/* only an inflected verb inverts ("said the official"); a base
	 * form has its subject before it ("officials say") */
	if (!verb_form(s, v))
		return 0;
	/* inverted: "said Councilwoman Renata Alves", "said the official" */
	k = v + 1;
	while (k < hi && d->toks[k].kind == TOK_WORD && k < v + 3 &&
	    (skippable(s, k) || is_w(d, k, "today") ||
	    is_w(d, k, "yesterday")))
		k++;
	/* "said his father, Abdullah Kurdi": the name in apposition */
	if (k < hi && (is_poss_det(s, k) || poss_word(s, k))) {
		size_t c;

		for (c = k + 1; c < hi && c < k + ATTR_NP &&
		    d->toks[c].kind == TOK_WORD && !in_quote(d, c); c++)
			;
		if (c > k + 1 && c + 1 < hi && is_p(d, c, ',')) {
			int mi = mention_at(s, c + 1);

			if (mi >= 0 && d->mentions[mi].person >= 0 &&
			    !(d->mentions[mi].flags & MENTION_PRONOUN))
				return who_mention(s, mi, w);
		}
	}
	if (!np_after(s, k, hi, w))
		return 0;
	/* "tweeted her reasoning": a pronoun after the verb is its
	 * object, never an inverted subject */
	if (w->a == w->b - 1 && mention_at(s, w->a) >= 0 &&
	    (d->mentions[mention_at(s, w->a)].flags & MENTION_PRONOUN))
		return 0;
	/* "said staff members were told ...": a phrase followed by its
	 * own verb is the subject of what was said, not an inverted one */
	if (w->b < hi && aux_word(s, w->b))
		return 0;
	return 1;
}

/* ---- the sources table ---- */

static uint64_t
span_key(const struct doc *d, size_t a, size_t b, int kind)
{
	uint64_t k = (uint64_t)kind + 1;
	size_t i;

	for (i = a; i < b; i++)
		k = lex_key_step(k, d->toks[i].key);
	return k;
}

static const char *
span_text(struct doc *d, size_t a, size_t b)
{
	size_t off = d->toks[a].off;

	return arena_strndup(&d->arena, d->text + off,
	    (size_t)d->toks[b - 1].off + d->toks[b - 1].len - off);
}

static size_t
smap_slot(const struct attr *s, uint64_t key)
{
	size_t h = (size_t)(key ^ (key >> 29)) & s->smask;

	while (s->mkeys[h] != 0 && s->mkeys[h] != key)
		h = (h + 1) & s->smask;
	return h;
}

/* Index of the source with identity key (never 0), or (size_t)-1. */
static size_t
smap_get(const struct attr *s, uint64_t key)
{
	size_t h;

	if (s->mkeys == NULL)
		return (size_t)-1;
	h = smap_slot(s, key | 1);
	return s->mkeys[h] == 0 ? (size_t)-1 : s->mvals[h];
}

static void
smap_put(struct attr *s, uint64_t key, size_t val)
{
	size_t h, i, old = s->mkeys ? s->smask + 1 : 0;

	if ((s->mn + 1) * 2 > old) {
		uint64_t *ok = s->mkeys;
		size_t *ov = s->mvals, n = old ? old * 2 : 64;

		s->mkeys = arena_calloc(&s->d->arena, n, sizeof(*s->mkeys));
		s->mvals = arena_calloc(&s->d->arena, n, sizeof(*s->mvals));
		s->smask = n - 1;
		for (i = 0; i < old; i++)
			if (ok[i] != 0) {
				h = smap_slot(s, ok[i]);
				s->mkeys[h] = ok[i];
				s->mvals[h] = ov[i];
			}
	}
	h = smap_slot(s, key | 1);
	if (s->mkeys[h] == 0)
		s->mn++;
	s->mkeys[h] = key | 1;
	s->mvals[h] = val;
}

/* The source w names, created on first use; -1 for nobody. */
static int
source_of(struct attr *s, const struct who *w)
{
	struct doc *d = s->d;
	struct source *src;
	uint64_t key, head = 0;
	size_t i;

	if (w->kind == SPEAKER_NONE || w->ambiguous)
		return -1;
	if (w->source >= 0)
		return w->source;
	/* "the person", "one of the employees": the anonymous source
	 * named before with that role */
	if (w->kind == SPEAKER_ANONYMOUS && w->head != 0 && (is_w(d, w->a,
	    "the") || (w->a + 2 < w->b && is_w(d, w->a + 1, "of") &&
	    is_w(d, w->a + 2, "the"))) &&
	    (i = (size_t)source_by_head(s, w->head, SPEAKER_ANONYMOUS,
	    w->a)) != (size_t)-1)
		return (int)i;
	if (w->person >= 0) {
		key = lex_key_step(0x5045524bULL, (uint64_t)w->person + 1);
	} else if (w->owner >= 0) {
		key = lex_key_step(span_key(d, w->na, w->b, w->kind),
		    (uint64_t)w->owner + 1);
		head = d->toks[w->b - 1].key;
	} else {
		if (w->b <= w->na)
			return -1;
		key = span_key(d, w->na, w->b, w->kind);
		head = w->head ? w->head : d->toks[w->b - 1].key;
	}
	i = smap_get(s, key);
	if (i != (size_t)-1)
		return (int)i;
	arena_grow(&d->arena, (void **)&d->sources, &s->capsources,
	    sizeof(*d->sources), d->nsources + 1);
	if (s->capskeys < s->capsources) {
		uint64_t *k1 = arena_calloc(&d->arena, s->capsources, 8);
		uint64_t *k2 = arena_calloc(&d->arena, s->capsources, 8);

		if (d->nsources) {
			memcpy(k1, s->skeys, d->nsources * 8);
			memcpy(k2, s->sheads, d->nsources * 8);
		}
		s->skeys = k1;
		s->sheads = k2;
		s->capskeys = s->capsources;
	}
	smap_put(s, key, d->nsources);
	s->skeys[d->nsources] = key;
	s->sheads[d->nsources] = head;
	src = &d->sources[d->nsources];
	memset(src, 0, sizeof(*src));
	src->kind = w->kind;
	if (w->person >= 0) {
		const struct person *p = &d->people[w->person];

		src->name = p->name;
		src->title = p->title;
		src->toff = p->toff;
		src->mentions = p->nmentions;
		if (p->kind == PERSON_HUMAN && p->surname != NULL &&
		    strcmp(p->surname, p->name) != 0) {
			src->aliases = arena_alloc(&d->arena,
			    sizeof(*src->aliases));
			src->aliases[0] = p->surname;
			src->naliases = 1;
		}
	} else if (w->owner >= 0) {
		/* named after its owner, with the phrase as written */
		src->name = finding_format(d, "%s's %s",
		    d->people[w->owner].name, span_text(d, w->na, w->b));
		src->aliases = arena_alloc(&d->arena, sizeof(*src->aliases));
		src->aliases[0] = span_text(d, w->a, w->b);
		src->naliases = 1;
		src->toff = d->toks[w->a].off;
	} else {
		src->name = span_text(d, w->na, w->b);
		src->toff = d->toks[w->a].off;
	}
	return (int)d->nsources++;
}

/* Records that the story relies on w once more; returns the source. */
static int
source_use(struct attr *s, const struct who *w)
{
	int i = source_of(s, w);

	if (i >= 0 && w->person < 0 && !w->span)
		s->d->sources[i].mentions++;
	return i;
}

/* ---- attribution sieves ---- */

/* The reporter's words before quote q in its sentence: [*a, q->open). */
static size_t
region_before(const struct doc *d, const struct quote *q)
{
	size_t k = q->open, n = 0;

	while (k > 0 && n < ATTR_REGION) {
		size_t p = k - 1;

		if ((d->toks[p].flags & (TOK_QMARK | TOK_INQUOTE)) ||
		    d->toks[p].para != d->toks[q->open].para ||
		    ends_sentence(d, p))
			break;
		k = p;
		n++;
	}
	return k;
}

/* ... and after it: [q->close + 1, end). */
static size_t
region_after(const struct doc *d, const struct quote *q)
{
	size_t k = (size_t)q->close + 1, n = 0;

	if (!q->closed)
		return k;
	while (k < d->ntoks && n < ATTR_REGION) {
		if ((d->toks[k].flags & (TOK_QMARK | TOK_INQUOTE)) ||
		    d->toks[k].para != d->toks[q->close].para ||
		    (d->toks[k].flags & TOK_SSTART))
			break;
		k++;
		n++;
	}
	return k;
}

struct attrib {
	struct who w;
	size_t cue, cuelen;
	const char *method;
};

/* A cue in [a, b) nearest to the quote (from the end when backward). */
static int
nearest_cue(const struct attr *s, size_t a, size_t b, int backward,
    size_t *v, size_t *len)
{
	size_t i;

	if (backward) {
		for (i = b; i > a; i--)
			if (cue_at(s, i - 1, len)) {
				*v = i - 1;
				return 1;
			}
		return 0;
	}
	for (i = a; i < b; i++)
		if (cue_at(s, i, len)) {
			*v = i;
			return 1;
		}
	return 0;
}

static int
try_cue(const struct attr *s, size_t v, size_t len, size_t lo, size_t hi,
    const char *method, struct attrib *r)
{
	if (!cue_subject(s, v, len, lo, hi, &r->w))
		return 0;
	r->cue = v;
	r->cuelen = len;
	r->method = method;
	return 1;
}

/* Sieve 1: the cue right beside the quote. */
static int
sieve_adjacent(const struct attr *s, const struct quote *q, size_t bs,
    size_t ae, struct attrib *r)
{
	const struct doc *d = s->d;
	size_t k = (size_t)q->close + 1, v, len, lim;

	/* "Q" — Superintendent Corinne Whitlock */
	if (q->closed && k < ae && d->toks[k].kind == TOK_PUNCT &&
	    (memcmp(d->text + d->toks[k].off, "\xE2\x80\x94", 3) == 0 ||
	    memcmp(d->text + d->toks[k].off, "--", 2) == 0) &&
	    np_after(s, k + 1, ae, &r->w) && r->w.kind == SPEAKER_NAMED) {
		r->cue = k;
		r->cuelen = 1;
		r->method = "adjacent";
		return 1;
	}
	if (q->closed && k < ae) {
		while (k < ae && (is_p(d, k, ',') || is_p(d, k, ':') ||
		    d->toks[k].kind == TOK_PUNCT))
			k++;
		lim = k + ATTR_ADJACENT < ae ? k + ATTR_ADJACENT : ae;
		if (nearest_cue(s, k, lim, 0, &v, &len) &&
		    try_cue(s, v, len, k, ae, "adjacent", r))
			return 1;
	}
	if (bs < q->open) {
		size_t e = q->open;

		if (is_p(d, e - 1, ':') || is_p(d, e - 1, ','))
			e--;
		else if (q->kind != QUOTE_PARTIAL && !cue_at(s, e - 1, &len))
			return 0;
		lim = e > bs + ATTR_ADJACENT ? e - ATTR_ADJACENT : bs;
		if (nearest_cue(s, lim, e, 1, &v, &len) &&
		    try_cue(s, v, len, bs, q->open, "adjacent", r))
			return 1;
	}
	return 0;
}

/* Sieve 2: the nearest cue anywhere in the quote's sentence. */
static int
sieve_frame(const struct attr *s, const struct quote *q, size_t bs,
    size_t ae, struct attrib *r)
{
	size_t vb = 0, va = 0, lb = 0, la = 0, n;
	int hb = nearest_cue(s, bs, q->open, 1, &vb, &lb);
	int ha = q->closed && nearest_cue(s, (size_t)q->close + 1, ae, 0, &va,
	    &la);

	if (hb && (!ha || q->open - vb <= va - q->close) &&
	    try_cue(s, vb, lb, bs, q->open, "frame", r))
		return 1;
	if (ha && try_cue(s, va, la, (size_t)q->close + 1, ae, "frame", r))
		return 1;
	if (hb && ha && try_cue(s, vb, lb, bs, q->open, "frame", r))
		return 1;
	/* "The union said in a statement that the results showed \"...\"":
	 * a cue whose subject names no one is reported by an earlier one */
	for (n = 1; hb && n < ATTR_FRAME_CUES && nearest_cue(s, bs, vb, 1,
	    &vb, &lb); n++)
		if (try_cue(s, vb, lb, bs, q->open, "frame", r))
			return 1;
	return 0;
}

/*
 * Sieve 5: the first paragraphs of a running quote, credited where it
 * ends ("\"Greg was careful. ... [new paragraph] \"None of it mattered,\"
 * she said."): the attribution beside a later part of the same quote.
 */
static int
sieve_running(const struct attr *s, size_t qi, struct attrib *r)
{
	const struct doc *d = s->d;
	size_t qj, last = qi;

	for (qj = qi + 1; qj < d->nquotes && qj <= last + ATTR_RUNNING;
	    qj++) {
		const struct quote *q = &d->quotes[qj];
		size_t bs, ae;

		if (q->prev != (int)last)
			continue;
		bs = region_before(d, q);
		ae = region_after(d, q);
		if (sieve_adjacent(s, q, bs, ae, r) ||
		    sieve_frame(s, q, bs, ae, r)) {
			r->method = "continuation";
			return 1;
		}
		last = qj;
	}
	return 0;
}

/* Sieve 3: "NAME said in a statement." right before the quote. */
static int
sieve_reporting(const struct attr *s, const struct quote *q, size_t bs,
    struct attrib *r)
{
	const struct doc *d = s->d;
	const struct sent *ps;
	size_t v, len, sa, se, first = (size_t)-1;
	uint32_t si = d->toks[q->open].sent;
	int mi;

	if (bs < q->open || si == 0)
		return 0;
	ps = &d->sents[si - 1];
	sa = ps->first;
	se = (size_t)ps->first + ps->n;
	if (se == 0 || d->toks[sa].para + 1 < d->toks[q->open].para)
		return 0;
	/* the first cue of the sentence whose speaker is known */
	for (v = sa; v < se; v++) {
		if (!cue_at(s, v, &len))
			continue;
		if (first == (size_t)-1)
			first = v;
		if (try_cue(s, v, len, sa, se, "reporting-sentence", r))
			return 1;
	}
	/* "Asked about the streak, Lindqvist was blunt." */
	if (first == (size_t)-1 && !is_p(d, se - 1, ':'))
		return 0;
	for (mi = mention_before(s, sa) + 1; mi >= 0 &&
	    (size_t)mi < d->nmentions && d->mentions[mi].first < se; mi++) {
		const struct mention *m = &d->mentions[mi];

		if (m->person < 0 || d->people[m->person].kind != PERSON_HUMAN)
			continue;
		who_init(&r->w);
		who_mention(s, mi, &r->w);
		r->cue = first != (size_t)-1 ? first : se - 1;
		r->cuelen = 1;
		r->method = "reporting-sentence";
		return 1;
	}
	return 0;
}

/* Sieve 4: a running quote, or the last speaker with nobody in between. */
static int
sieve_continuation(const struct attr *s, int qi, size_t bs, struct attrib *r,
    const struct attrib *got)
{
	const struct doc *d = s->d;
	const struct quote *q = &d->quotes[qi];
	int pi, m;

	if (q->prev >= 0 && got[q->prev].method != NULL) {
		*r = got[q->prev];
		r->method = "continuation";
		return 1;
	}
	if (bs < q->open)
		return 0;
	for (pi = qi - 1; pi >= 0; pi--)
		if (quote_is_speech(&d->quotes[pi]))
			break;
	if (pi < 0 || got[pi].method == NULL)
		return 0;
	if (d->toks[d->quotes[pi].open].para + 1 < d->toks[q->open].para)
		return 0;
	/* nobody else named in between */
	for (m = mention_before(s, q->open); m >= 0 &&
	    d->mentions[m].first > d->quotes[pi].close; m--) {
		const struct mention *mm = &d->mentions[m];

		if (mm->flags & MENTION_PRONOUN)
			continue;
		if (mm->person < 0 || mm->person != got[pi].w.person)
			return 0;
	}
	*r = got[pi];
	r->method = "continuation";
	return 1;
}

static const char *
who_name(struct attr *s, const struct who *w, int src)
{
	if (w->person >= 0)
		return s->d->people[w->person].name;
	if (src >= 0)
		return s->d->sources[src].name;
	return NULL;
}

static void
attribute_quotes(struct attr *s)
{
	struct doc *d = s->d;
	struct attrib *got;
	size_t qi;

	if (d->nquotes == 0)
		return;
	got = arena_calloc(&d->arena, d->nquotes, sizeof(*got));
	for (qi = 0; qi < d->nquotes; qi++) {
		struct quote *q = &d->quotes[qi];
		struct attrib *r = &got[qi];
		size_t bs, ae;
		int src;

		if (!quote_is_speech(q))
			continue;
		bs = region_before(d, q);
		ae = region_after(d, q);
		if (!sieve_adjacent(s, q, bs, ae, r) &&
		    !sieve_frame(s, q, bs, ae, r) &&
		    !(q->prev >= 0 &&
		    sieve_continuation(s, (int)qi, bs, r, got)) &&
		    !sieve_reporting(s, q, bs, r) &&
		    !sieve_continuation(s, (int)qi, bs, r, got) &&
		    !sieve_running(s, qi, r)) {
			memset(r, 0, sizeof(*r));
			q->speaker_kind = SPEAKER_NONE;
			finding_add(d, rule_builtin(s->rs,
			    FINDING_UNATTRIBUTED_QUOTE), 0, q->toff, q->tlen,
			    "Quotation credited to no one: who said it?");
			continue;
		}
		q->method = r->method;
		q->cue = span_text(d, r->cue, r->cue + r->cuelen);
		if (r->w.ambiguous) {
			const struct tok *a = &d->toks[r->w.a];

			q->speaker_kind = SPEAKER_NONE;
			q->speaker = span_text(d, r->w.na, r->w.b);
			finding_add(d, rule_builtin(s->rs,
			    FINDING_AMBIGUOUS_SPEAKER), 0, a->off,
			    (size_t)d->toks[r->w.b - 1].off +
			    d->toks[r->w.b - 1].len - a->off, finding_format(d,
			    "'%s' could be more than one person: who said this?",
			    span_text(d, r->w.a, r->w.b), NULL));
			continue;
		}
		src = source_of(s, &r->w);
		q->source = src;
		q->speaker_kind = r->w.kind;
		q->speaker = who_name(s, &r->w, src);
		if (r->w.person >= 0)
			q->speaker_title = d->people[r->w.person].title;
		if (src >= 0)
			d->sources[src].quotes++;
		if (q->speaker == NULL)
			q->speaker_kind = SPEAKER_NONE;
	}
}

/* ---- sources outside quotes ---- */

static int
has_reason(const struct attr *s, const struct anon *an)
{
	const struct doc *d = s->d;
	uint32_t si = d->toks[an->a].sent;
	size_t i, n, end;

	/* the phrase's sentence and the next one */
	end = si + 2 < d->nsents ? d->sents[si + 2].first : d->ntoks;
	for (i = d->sents[si].first; i < end; i++) {
		const struct lex_entry *e = lex_match(s->lx->anon, d, i, &n);

		if (e != NULL && e->section == s->sec_reasons)
			return 1;
	}
	return 0;
}

/*
 * Does the subject starting at token a open the clause after the cue at
 * v ("said the group", "said that the Harbor Commission")?
 */
static int
opens_clause(const struct attr *s, size_t v, size_t a)
{
	size_t k;

	if (a <= v || a > v + 3)
		return 0;
	for (k = v + 1; k < a; k++)
		if (!is_w(s->d, k, "that") && !is_det(s, k))
			return 0;
	return 1;
}

static void
scan_sources(struct attr *s)
{
	struct doc *d = s->d;
	size_t i, ai = 0, ci = 0, len;
	size_t prev = SIZE_MAX;		/* the last verb cue */
	struct who w;

	for (i = 0; i < d->ntoks; i++) {
		/* on to the next phrase or possible cue: nothing is done at
		 * the tokens between */
		size_t next = d->ntoks;

		while (ci < s->ncues && s->cues[ci] < i)
			ci++;
		if (ci < s->ncues)
			next = s->cues[ci];
		if (ai < s->nanons && s->anons[ai].a >= i &&
		    s->anons[ai].a < next)
			next = s->anons[ai].a;
		if (next >= d->ntoks)
			break;
		i = next;
		if (ai < s->nanons && s->anons[ai].a == i) {
			struct anon *an = &s->anons[ai++];
			const struct tok *a = &d->toks[an->a];
			const struct tok *b = &d->toks[an->b - 1];
			const char *ph = span_text(d, an->a, an->b);

			who_init(&w);
			w.kind = SPEAKER_ANONYMOUS;
			w.a = w.na = an->a;
			w.b = an->ne;
			w.head = an->role;
			an->source = source_use(s, &w);
			finding_add(d, rule_builtin(s->rs,
			    FINDING_ANONYMOUS_SOURCE), 0, a->off,
			    (size_t)b->off + b->len - a->off, finding_format(d,
			    "Anonymous source '%s': does the story say why "
			    "anonymity was granted?", ph, NULL));
			if (!has_reason(s, an) &&
			    d->sources[an->source].mentions == 1)
				finding_add(d, rule_builtin(s->rs,
				    FINDING_NO_ANONYMITY_REASON), 0, a->off,
				    (size_t)b->off + b->len - a->off,
				    finding_format(d, "No reason is given for "
				    "granting anonymity to '%s'", ph, NULL));
		}
		if (!cue_may(s, i) || !cue_check(s, i, &len))
			continue;
		{
			const struct sent *st = &d->sents[d->toks[i].sent];
			size_t lo = st->first, hi = (size_t)st->first + st->n;

			if (!cue_subject(s, i, len, lo, hi, &w))
				continue;
			if (w.ambiguous)
				continue;
			/* "X said (that) the group had asked ...": the
			 * subject opens what X said and is no source of the
			 * story; "X said ...; Y reported" still counts */
			if (len == 1 && prev != SIZE_MAX && opens_clause(s, prev,
			    w.a)) {
				prev = i;
				continue;
			}
			if (len == 1 && verb_form(s, i))
				prev = i;
			source_use(s, &w);
			/* "Mayor A and Mayor B also confirmed" */
			if (w.a > lo + 1 && is_w(d, w.a - 1, "and") &&
			    np_before(s, w.a - 1, lo, &w) && !w.ambiguous &&
			    w.kind == SPEAKER_NAMED)
				source_use(s, &w);
		}
		i += len - 1;
	}
}

/* Sorts the sources by first mention and renumbers the quotes' links. */
static void
sort_sources(struct doc *d)
{
	size_t i, j, n = d->nsources;
	int *order, *rank;
	struct source *tmp;

	if (n < 2)
		return;
	order = arena_calloc(&d->arena, n, sizeof(*order));
	rank = arena_calloc(&d->arena, n, sizeof(*rank));
	tmp = arena_calloc(&d->arena, n, sizeof(*tmp));
	for (i = 0; i < n; i++)
		order[i] = (int)i;
	/* insertion sort on a nearly sorted list; merge for big ones */
	for (i = 1; i < n; i++) {
		int x = order[i];

		for (j = i; j > 0 && d->sources[order[j - 1]].toff >
		    d->sources[x].toff; j--)
			order[j] = order[j - 1];
		order[j] = x;
	}
	for (i = 0; i < n; i++) {
		tmp[i] = d->sources[order[i]];
		rank[order[i]] = (int)i;
	}
	memcpy(d->sources, tmp, n * sizeof(*tmp));
	for (i = 0; i < d->nquotes; i++)
		if (d->quotes[i].source >= 0)
			d->quotes[i].source = rank[d->quotes[i].source];
}

void
attr_run(struct doc *d, const struct ruleset *rs, const struct lexset *lx)
{
	struct attr s;
	uint32_t sv, dv, nv;

	memset(&s, 0, sizeof(s));
	s.d = d;
	s.rs = rs;
	s.lx = lx;
	s.sec_roles = lex_section(lx->anon, "roles");
	s.sec_quals = lex_section(lx->anon, "qualifiers");
	s.sec_reasons = lex_section(lx->anon, "reasons");
	anon_filters(&s);
	sv = lex_bit(lx->speech_verbs, d);
	dv = lex_bit(lx->doc_verbs, d);
	nv = lex_bit(lx->naming_verbs, d);
	s.m_cues = sv != 0 && dv != 0 && nv != 0 ? sv | dv | nv : 0;
	s.m_anon = lex_bit(lx->anon, d);
	s.m_numbers = lex_bit(lx->numbers, d);
	s.k_according = tok_key("according", 9);
	s.k_put = tok_key("put", 3);
	words_init(&s.dets, det_words);
	words_init(&s.skips, skip_words);
	words_init(&s.poss_dets, poss_det_words);
	words_init(&s.auxs, aux_words);
	words_init(&s.body_verbs, body_verbs);
	words_init(&s.not_bodies, not_bodies);
	d->sources = NULL;
	d->nsources = 0;
	people_build(d, lx);
	mention_index(&s);
	find_anons(&s);
	anon_index(&s);
	bind_pronouns(&s);
	scan_sources(&s);
	attribute_quotes(&s);
	sort_sources(d);
}
