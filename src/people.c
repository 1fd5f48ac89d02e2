/* people.c: the person table: names, titles, appositives, surnames, pronouns. */
#include "people.h"

#include <ctype.h>
#include <string.h>

#include "doc.h"
#include "lex.h"
#include "lexset.h"
#include "namecheck.h"
#include "tok.h"

/* Most tokens in a name, a title before it, and an appositive after it. */
#define PEOPLE_MAX_NAME 6
#define PEOPLE_MAX_TITLE_BACK 4
#define PEOPLE_MAX_APPOS 14
#define PEOPLE_SHORT_LINE 40	/* bytes: a byline's line, not a wrapped one */
#define PEOPLE_FOLD 40		/* bytes of a word compared for misspelling */
/* Mentions looked at when resolving a pronoun backwards. */
#define PEOPLE_PRONOUN_WINDOW 48

/* A small open-addressing map from 64-bit keys to person indexes. */
struct pmap {
	uint64_t *keys;
	int *vals;
	size_t mask, n;
};

struct pstate {
	struct doc *d;
	const struct lexset *lx;
	size_t capp, capm;
	struct pmap full;	/* first name + surname -> person */
	struct pmap sur;	/* surname (or org first word) -> person, or
				 * -2 when two people share it */
	struct pmap orgs;	/* an organization's whole name -> person */
	struct pmap said;	/* lone capitalized words before a speech
				 * verb ("Ruiz-Tanaka said"): names someone
				 * goes by, whatever the given name */
	uint64_t *pfirst;	/* per person: key of the first name word */
	int *pnwords;		/* per person: words in its name */
	size_t cappx;
	uint64_t k_of, k_for, k_and, k_to;	/* connectors in org names */
	uint64_t k_who, k_whose;
	/* marks of the lexicons tested for every token */
	uint32_t m_fw, m_pronouns, m_titles, m_suffixes, m_speech;
	uint32_t m_lower;	/* pronouns and titles; 0 when the marks say
				 * nothing about one of them */
};

#define PMAP_AMBIGUOUS (-2)

static void
pmap_init(struct doc *d, struct pmap *m, size_t hint)
{
	size_t n = 64;

	while (n < hint * 2)
		n *= 2;
	m->keys = arena_calloc(&d->arena, n, sizeof(*m->keys));
	m->vals = arena_calloc(&d->arena, n, sizeof(*m->vals));
	m->mask = n - 1;
	m->n = 0;
}

static inline size_t
pmap_slot(const struct pmap *m, uint64_t key)
{
	size_t h;

	key |= 1;	/* 0 marks an empty slot */
	h = (size_t)(key ^ (key >> 31)) & m->mask;
	while (m->keys[h] != 0 && m->keys[h] != key)
		h = (h + 1) & m->mask;
	return h;
}

static inline int
pmap_get(const struct pmap *m, uint64_t key)
{
	size_t h = pmap_slot(m, key);

	return m->keys[h] == 0 ? -1 : m->vals[h];
}

static void
pmap_put(struct doc *d, struct pmap *m, uint64_t key, int val)
{
	size_t h = pmap_slot(m, key);

	if (m->keys[h] == 0) {
		if ((m->n + 1) * 2 > m->mask + 1) {
			struct pmap g;
			size_t i;

			pmap_init(d, &g, m->mask + 1);
			for (i = 0; i <= m->mask; i++)
				if (m->keys[i] != 0) {
					size_t s = pmap_slot(&g, m->keys[i]);

					g.keys[s] = m->keys[i];
					g.vals[s] = m->vals[i];
					g.n++;
				}
			*m = g;
			h = pmap_slot(m, key);
		}
		m->keys[h] = key | 1;
		m->n++;
	}
	m->vals[h] = val;
}

/* ---- token predicates ---- */

static const struct tok *
T(const struct pstate *s, size_t i)
{
	return &s->d->toks[i];
}

static int
is_punct(const struct doc *d, size_t i, char c)
{
	const struct tok *t = &d->toks[i];

	return t->kind == TOK_PUNCT && t->len == 1 && d->text[t->off] == c;
}

static int
outside(const struct doc *d, size_t i)
{
	return !(d->toks[i].flags & (TOK_INQUOTE | TOK_QMARK));
}

static inline int
is_fw(const struct pstate *s, size_t i)
{
	return lex_marked(&s->d->toks[i], s->m_fw) &&
	    lex_tok(s->lx->function_words, s->d, i) != NULL;
}

/* Length of the possessive ending ('s or ’s) of token i, or 0. */
static size_t
poss_len(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];

	/* both endings are 3 bytes or more and end in s or S: most words
	 * need no call */
	if (t->len < 3 || (d->text[t->off + t->len - 1] | 0x20) != 's')
		return 0;
	return tok_poss_len(d, t);
}

/* Key of token i without a possessive ending. */
static inline uint64_t
bare_key(const struct doc *d, size_t i)
{
	size_t pl = poss_len(d, i);
	const struct tok *t = &d->toks[i];

	return pl ? tok_key(d->text + t->off, t->len - pl) : t->key;
}

static int
is_cap_word(const struct pstate *s, size_t i)
{
	const struct tok *t = T(s, i);

	return t->kind == TOK_WORD && (t->flags & TOK_CAP) && outside(s->d, i);
}

/* Name particles written in lower case inside names (Ludwig van Beethoven). */
static int
is_particle(const struct doc *d, size_t i)
{
	static const char *const w[] = {
		"de", "van", "von", "der", "den", "la", "le", "da", "del",
		"di", "du", "bin", "ibn", "al", "dos", "das", "ter", NULL
	};
	size_t k;

	if (d->toks[i].kind != TOK_WORD || d->toks[i].len > 3)
		return 0;	/* none is longer */
	for (k = 0; w[k] != NULL; k++)
		if (tok_is(d, &d->toks[i], w[k]))
			return 1;
	return 0;
}

/* Suffixes after a surname (Jr., III), not surnames themselves. */
static int
is_suffix(const struct doc *d, size_t i)
{
	if (d->toks[i].len > 3)
		return 0;	/* none is longer */
	return tok_is(d, &d->toks[i], "jr") || tok_is(d, &d->toks[i], "sr") ||
	    tok_is(d, &d->toks[i], "ii") || tok_is(d, &d->toks[i], "iii") ||
	    tok_is(d, &d->toks[i], "iv");
}

/* Does the title entry e only mark gender or respect (Mr, Dr)? */
static int
is_honorific(const struct lex_entry *e)
{
	return e->rest[0] == '-' && e->rest[1] == '\0';
}

static int
gender_of(const char *v)
{
	return v[0] == 'm' ? GENDER_MALE : v[0] == 'f' ? GENDER_FEMALE :
	    GENDER_UNKNOWN;
}

/* title_at for a token i that its kind, place and marks do not rule
 * out.  Out of line, so that title_at, which turns most tokens away, is
 * small enough to be inlined. */
static __attribute__((noinline)) const struct lex_entry *
title_match(const struct pstate *s, size_t i, size_t *n)
{
	const struct lex_entry *e;
	const struct doc *d = s->d;

	e = lex_match(s->lx->titles, d, i, n);
	if (e == NULL)
		return NULL;
	if (i + *n < d->ntoks && is_punct(d, i + *n, '.') &&
	    lex_tok(s->lx->abbrevs, d, i + *n - 1) != NULL)
		(*n)++;
	return e;
}

/*
 * Title entry matching at token i, with *n its tokens plus a following
 * abbreviation period.  Titles never start inside a quote.  Most tokens
 * are ruled out without a call.
 */
static inline const struct lex_entry *
title_at(const struct pstate *s, size_t i, size_t *n)
{
	const struct doc *d = s->d;

	if (i >= d->ntoks || T(s, i)->kind != TOK_WORD || !outside(d, i) ||
	    !lex_marked(&d->toks[i], s->m_titles))
		return NULL;
	return title_match(s, i, n);
}

/*
 * Does a line break of a short line stand between token j and the one
 * before it: a byline ("By Jolene Park" / "Harbor Gazette"), not a
 * paragraph wrapped at 72 columns, whose lines are long?
 */
static int
line_break(const struct doc *d, size_t j)
{
	const struct tok *p = &d->toks[j - 1];
	size_t end = (size_t)p->off + p->len, a, b;
	const char *nl;

	if (!(d->toks[j].flags & TOK_SPACE) || d->toks[j].off <= end ||
	    (nl = memchr(d->text + end, '\n', d->toks[j].off - end)) == NULL)
		return 0;
	for (a = end; a > 0 && d->text[a - 1] != '\n'; a--)
		if (end - a >= PEOPLE_SHORT_LINE)
			break;
	for (b = (size_t)(nl - d->text) + 1; b < d->textlen &&
	    d->text[b] != '\n' && b - (size_t)(nl - d->text) <=
	    PEOPLE_SHORT_LINE; b++)
		;
	return end - a < PEOPLE_SHORT_LINE ||
	    b - (size_t)(nl - d->text) <= PEOPLE_SHORT_LINE;
}

/* End of the run of capitalised name words starting at i (exclusive). */
static size_t
cap_run(const struct pstate *s, size_t i)
{
	const struct doc *d = s->d;
	size_t j = i, words = 0;
	uint32_t sent = d->toks[i].sent;

	while (j < d->ntoks && d->toks[j].sent == sent &&
	    words < PEOPLE_MAX_NAME + PEOPLE_MAX_TITLE_BACK) {
		/* "By Jolene Park" and "Harbor Gazette" on the next line of
		 * a byline are two names */
		if (j > i && line_break(d, j))
			break;
		if (is_cap_word(s, j) && !(j > i && is_fw(s, j) &&
		    !(d->toks[j].flags & TOK_ALLCAP))) {
			j++;
			words++;
			/* an initial or abbreviation keeps its period */
			if (j < d->ntoks && is_punct(d, j, '.') &&
			    d->toks[j].sent == sent &&
			    (d->toks[j - 1].len == 1 ||
			    lex_tok(s->lx->abbrevs, d, j - 1) !=
			    NULL) && j + 1 < d->ntoks &&
			    is_cap_word(s, j + 1))
				j++;
			if (poss_len(d, j - 1 - (is_punct(d, j - 1, '.'))))
				break;
			continue;
		}
		if (j > i && j + 1 < d->ntoks && is_cap_word(s, j + 1) &&
		    is_particle(d, j) && words < PEOPLE_MAX_NAME) {
			j++;
			continue;
		}
		break;
	}
	return j;
}

/* ---- building the table ---- */

/* a's bytes, lower-cased (ASCII), into buf of PEOPLE_FOLD + 1; length */
static size_t
fold(const char *a, size_t n, char *buf)
{
	size_t k;

	if (n > PEOPLE_FOLD)
		n = PEOPLE_FOLD;
	for (k = 0; k < n; k++)
		buf[k] = (char)tolower((unsigned char)a[k]);
	buf[n] = '\0';
	return n;
}

/*
 * The one person whose surname the word at token a misspells by one edit
 * ("Brenan said" after Lydia Brennan), surnames of five letters or more
 * with the same first letter; -1 when none or several.  NameVariant
 * reports the spelling; the quote still has its speaker.
 */
static int
misspelled(const struct pstate *s, size_t a)
{
	const struct doc *d = s->d;
	char w[PEOPLE_FOLD + 1], o[PEOPLE_FOLD + 1];
	size_t nw, no, n = d->toks[a].len - poss_len(d, a);
	size_t k;
	int found = -1;

	if (n < 5)
		return -1;
	nw = fold(d->text + d->toks[a].off, n, w);
	for (k = 0; k < d->npeople; k++) {
		const struct person *p = &d->people[k];

		if (p->kind != PERSON_HUMAN || p->surname == NULL ||
		    strlen(p->surname) < 5)
			continue;
		no = fold(p->surname, strlen(p->surname), o);
		if (o[0] != w[0] || namecheck_osa(w, nw, o, no, 1) != 1)
			continue;
		if (found >= 0)
			return -1;
		found = (int)k;
	}
	return found;
}

/* Is token i a quotation's closing mark, or a comma right after one? */
static int
after_quote(const struct doc *d, size_t i)
{
	if (is_punct(d, i, ',') && i > 0)
		i--;
	return d->toks[i].kind == TOK_QUOTE &&
	    (d->toks[i].flags & TOK_QMARK) && !(d->toks[i].flags & TOK_OPEN);
}

/*
 * Is the one capitalized word a the speaker of an attribution frame
 * right after a quotation: "...,\" Ruiz said" or "...,\" said Ruiz."?
 * A surname the story never gave in full is still someone, not the
 * last person named.
 */
static int
frame_speaker(const struct pstate *s, size_t a)
{
	const struct doc *d = s->d;
	size_t b = a + 1;

	if (d->toks[a].flags & TOK_SSTART)
		return 0;	/* "...\" Police asked": a new sentence */
	if (a >= 1 && b < d->ntoks && after_quote(d, a - 1) &&
	    lex_tok(s->lx->speech_verbs, d, b) != NULL)
		return 1;
	return a >= 2 && lex_tok(s->lx->speech_verbs, d, a - 1) != NULL &&
	    after_quote(d, a - 2) && (b >= d->ntoks ||
	    is_punct(d, b, '.') || is_punct(d, b, ','));
}

static const char *
span_str(struct doc *d, size_t a, size_t b, size_t strip)
{
	size_t off = d->toks[a].off;
	size_t end = (size_t)d->toks[b - 1].off + d->toks[b - 1].len - strip;

	return arena_strndup(&d->arena, d->text + off, end - off);
}

static int
new_person(struct pstate *s, int kind)
{
	struct doc *d = s->d;
	struct person *p;
	size_t need = d->npeople + 1;

	arena_grow(&d->arena, (void **)&d->people, &s->capp,
	    sizeof(*d->people), need);
	if (s->cappx < s->capp) {
		uint64_t *pf = arena_calloc(&d->arena, s->capp, sizeof(*pf));
		int *pn = arena_calloc(&d->arena, s->capp, sizeof(*pn));

		if (d->npeople) {
			memcpy(pf, s->pfirst, d->npeople * sizeof(*pf));
			memcpy(pn, s->pnwords, d->npeople * sizeof(*pn));
		}
		s->pfirst = pf;
		s->pnwords = pn;
		s->cappx = s->capp;
	}
	p = &d->people[d->npeople];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->first_mention = -1;
	return (int)d->npeople++;
}

static struct mention *
add_mention(struct pstate *s, int person, size_t a, size_t b, int flags)
{
	struct doc *d = s->d;
	struct mention *m;
	size_t strip = poss_len(d, b - 1);

	arena_grow(&d->arena, (void **)&d->mentions, &s->capm,
	    sizeof(*d->mentions), d->nmentions + 1);
	m = &d->mentions[d->nmentions];
	memset(m, 0, sizeof(*m));
	m->person = person;
	m->first = (uint32_t)a;
	m->ntok = (uint32_t)(b - a);
	m->toff = d->toks[a].off;
	m->tlen = (size_t)d->toks[b - 1].off + d->toks[b - 1].len - strip -
	    m->toff;
	m->flags = flags | (strip ? MENTION_POSS : 0);
	m->last_org = -1;
	if (d->nmentions > 0)
		m->last_org = d->mentions[d->nmentions - 1].last_org;
	if (person >= 0) {
		struct person *p = &d->people[person];

		if (p->nmentions++ == 0) {
			p->first_mention = (int)d->nmentions;
			p->toff = m->toff;
		}
		if (p->kind == PERSON_ORG)
			m->last_org = (int)d->nmentions;
	}
	d->nmentions++;
	return m;
}

/* Sets the title of a mention (and of its person when it has none). */
static void
set_title(struct pstate *s, struct mention *m, size_t a, size_t b,
    const struct lex_entry *e)
{
	struct doc *d = s->d;

	if (b <= a)
		return;
	m->tfirst = (uint32_t)a;
	m->tntok = (uint32_t)(b - a);
	m->title = span_str(d, a, b, 0);
	m->title_head = e != NULL && !is_honorific(e) ? e->rest : NULL;
	if (m->person >= 0) {
		struct person *p = &d->people[m->person];

		if (p->title == NULL) {
			p->title = m->title;
			p->title_head = m->title_head;
		}
		if (p->gender == GENDER_UNKNOWN && e != NULL)
			p->gender = gender_of(e->val);
	}
}

/*
 * The person named by tokens [a, b) (b - a >= 2): the same first name and
 * surname as before, an upgrade of a surname-only person, or a new one.
 */
static int
full_person(struct pstate *s, size_t a, size_t b, size_t last)
{
	struct doc *d = s->d;
	uint64_t fk = d->toks[a].key, sk = bare_key(d, last);
	uint64_t both = lex_key_step(lex_key_step(0, fk), sk);
	int p = pmap_get(&s->full, both), q;
	int nwords = (int)(b - a);
	const struct lex_entry *g;

	if (p < 0) {
		q = pmap_get(&s->sur, sk);
		if (q >= 0 && s->pnwords[q] == 1 &&
		    d->people[q].kind == PERSON_HUMAN) {
			p = q;	/* "Mayor Smith" first, "Jane Smith" later */
		} else {
			p = new_person(s, PERSON_HUMAN);
			d->people[p].surname = span_str(d, last, last + 1,
			    poss_len(d, last));
			pmap_put(d, &s->sur, sk, q >= 0 || q == PMAP_AMBIGUOUS ?
			    PMAP_AMBIGUOUS : p);
		}
		pmap_put(d, &s->full, both, p);
		s->pfirst[p] = fk;
	}
	if (nwords > s->pnwords[p]) {
		d->people[p].name = span_str(d, a, b, poss_len(d, b - 1));
		s->pnwords[p] = nwords;
	}
	g = lex_get_tok(s->lx->given_names, fk);
	if (g != NULL && d->people[p].gender == GENDER_UNKNOWN)
		d->people[p].gender = gender_of(g->val);
	return p;
}

/* A person known by one word only (a title before it: "Mayor Smith"). */
static int
single_person(struct pstate *s, size_t a)
{
	struct doc *d = s->d;
	int p = new_person(s, PERSON_HUMAN);

	d->people[p].name = span_str(d, a, a + 1, poss_len(d, a));
	d->people[p].surname = d->people[p].name;
	s->pnwords[p] = 1;
	pmap_put(d, &s->sur, bare_key(d, a), p);
	return p;
}

/*
 * Maps the initials of an organization's capitalised words ("U.S. Food
 * and Drug Administration": FDA; abbreviations and lower-case words are
 * skipped) to person p, so that the acronym alone resolves to it.
 */
static void
org_acronym(struct pstate *s, size_t a, size_t b, int p)
{
	struct doc *d = s->d;
	char ini[PEOPLE_MAX_NAME * 2 + 2];
	size_t i, n = 0;

	for (i = a; i < b && n + 1 < sizeof(ini); i++) {
		const struct tok *t = &d->toks[i];

		if (t->kind != TOK_WORD || !(t->flags & TOK_CAP) ||
		    memchr(d->text + t->off, '.', t->len) != NULL)
			continue;
		if (d->text[t->off] < 'A' || d->text[t->off] > 'Z')
			return;		/* no acronym for non-ASCII initials */
		ini[n++] = d->text[t->off];
	}
	if (n < 2 || n + 1 >= sizeof(ini))
		return;
	if (pmap_get(&s->sur, tok_key(ini, n)) == -1)
		pmap_put(d, &s->sur, tok_key(ini, n), p);
}

static int
org_person(struct pstate *s, size_t a, size_t b)
{
	struct doc *d = s->d;
	uint64_t k = 0;
	size_t i;
	int p;

	for (i = a; i < b; i++)
		k = lex_key_step(k, i + 1 == b ? bare_key(d, i) :
		    d->toks[i].key);
	p = pmap_get(&s->orgs, k);
	if (p >= 0)
		return p;
	p = new_person(s, PERSON_ORG);
	d->people[p].name = span_str(d, a, b, poss_len(d, b - 1));
	d->people[p].surname = d->people[p].name;
	s->pnwords[p] = (int)(b - a);
	pmap_put(d, &s->orgs, k, p);
	/* "Food and Drug Administration" is "FDA" later on */
	org_acronym(s, a, b, p);
	/* "Brightwater Foods" is "Brightwater" later on */
	if (b - a >= 2 && !lex_tok(s->lx->org_suffixes, d, a) &&
	    !lex_tok(s->lx->title_mods, d, a) &&
	    pmap_get(&s->sur, d->toks[a].key) == -1)
		pmap_put(d, &s->sur, d->toks[a].key, p);
	return p;
}

/* Does the run [a, b) name an organization (ends in an org word)? */
static inline int
is_org_run(const struct pstate *s, size_t a, size_t b)
{
	size_t i;

	for (i = b; i > a; i--) {
		size_t k = i - 1;

		if (is_punct(s->d, k, '.'))
			continue;
		if (lex_marked(&s->d->toks[k], s->m_suffixes) &&
		    lex_get_tok(s->lx->org_suffixes, bare_key(s->d, k)))
			return k > a;	/* "Inc" alone names nothing */
		break;
	}
	return 0;
}

/*
 * Does what follows a name at token i mark a person: an age (", 71,") or
 * a relative "who" or "whose" (", who lives nearby")?
 */
static int
person_after(const struct pstate *s, size_t i)
{
	const struct doc *d = s->d;
	const struct tok *t;

	if (i + 2 >= d->ntoks || !is_punct(d, i, ',') || !outside(d, i + 1))
		return 0;
	t = &d->toks[i + 1];
	if (t->kind == TOK_NUM)
		return t->len <= 3 && d->text[t->off] >= '1' &&
		    d->text[t->off] <= '9' && is_punct(d, i + 2, ',');
	return t->kind == TOK_WORD && (t->key == s->k_who ||
	    t->key == s->k_whose);
}

/*
 * An organization's name that goes on past a connector word: "Department
 * of Transportation", "Union for Conservation of Nature" (of/for after an
 * organization word), "Food and Drug Administration", "Freedom to Read
 * Coalition" (and/to between two capitalised runs, the second ending in
 * an organization word).  Returns the end of the longer name, or b when
 * [a, b) is not extended.
 */
static size_t
org_extend(const struct pstate *s, size_t a, size_t b)
{
	const struct doc *d = s->d;
	size_t e = b, n;

	for (n = 0; n < 3 && e + 1 < d->ntoks && e > a; n++) {
		uint64_t k = d->toks[e].key;
		int left;
		size_t r;

		/* only a connector goes on (tested first: most words are
		 * none, and what follows reads on past it) */
		if (k != s->k_of && k != s->k_for && k != s->k_and &&
		    k != s->k_to)
			break;
		if (d->toks[e].kind != TOK_WORD || !outside(d, e) ||
		    d->toks[e].sent != d->toks[a].sent ||
		    poss_len(d, e - 1) || !is_cap_word(s, e + 1) ||
		    is_fw(s, e + 1))
			break;
		/* after one extension the name goes on: "Union for
		 * Conservation of Nature" */
		left = e > b || lex_tok(s->lx->org_suffixes, d, e - 1) != NULL;
		r = cap_run(s, e + 1);
		if ((k == s->k_of || k == s->k_for) && left)
			e = r;
		else if ((k == s->k_and || k == s->k_to) && !left &&
		    is_org_run(s, e + 1, r))
			e = r;
		else
			break;
	}
	return e;
}

/*
 * An appositive after a name at token i (", a spokeswoman for the city,"):
 * returns 1 for a person's title, 2 for an organization noun, 0 for none,
 * with the phrase's tokens in [*pa, *pb) and the title entry in *pe.
 */
static int
appositive(const struct pstate *s, size_t i, size_t *pa, size_t *pb,
    const struct lex_entry **pe)
{
	const struct doc *d = s->d;
	size_t a, j, n;
	uint32_t sent;

	if (i + 2 >= d->ntoks || !is_punct(d, i, ','))
		return 0;
	a = i + 1;
	sent = d->toks[a].sent;
	if (!outside(d, a) || d->toks[a].kind != TOK_WORD)
		return 0;
	if (tok_is(d, &d->toks[a], "a") || tok_is(d, &d->toks[a], "an") ||
	    tok_is(d, &d->toks[a], "the"))
		a++;
	for (j = a; j < d->ntoks && j < a + PEOPLE_MAX_APPOS &&
	    d->toks[j].sent == sent && outside(d, j); j++) {
		const struct tok *t = &d->toks[j];
		const struct lex_entry *e;

		if (t->kind == TOK_PUNCT || tok_is(d, t, "who") ||
		    tok_is(d, t, "which") || tok_is(d, t, "said"))
			break;
		if (t->kind != TOK_WORD)
			continue;
		if ((e = title_at(s, j, &n)) != NULL && !is_honorific(e)) {
			/* ", Labour MP Tom Watson": the title of the next
			 * name in a list, not an appositive */
			size_t x = j + n, xn;

			while (x < d->ntoks && title_at(s, x, &xn) != NULL)
				x += xn;
			if (x < d->ntoks && is_cap_word(s, x) && !is_fw(s, x))
				return 0;
			*pa = a;
			*pe = e;
			/* stop at "for 19 years" but keep "at Halvorsen" */
			for (j = j + n; j < d->ntoks &&
			    d->toks[j].sent == sent && outside(d, j) &&
			    d->toks[j].kind != TOK_PUNCT &&
			    !tok_is(d, &d->toks[j], "who") &&
			    !tok_is(d, &d->toks[j], "which") &&
			    !tok_is(d, &d->toks[j], "since") &&
			    j < a + PEOPLE_MAX_APPOS; j++) {
				if (tok_is(d, &d->toks[j], "for") &&
				    j + 1 < d->ntoks &&
				    d->toks[j + 1].kind == TOK_NUM)
					break;
			}
			*pb = j;
			return 1;
		}
		if (lex_tok(s->lx->org_nouns, d, j) != NULL &&
		    !(t->flags & TOK_CAP)) {
			/* "a public school principal": the organization
			 * noun only modifies the title that heads the
			 * phrase; look on for it */
			size_t h;

			for (h = j + 1; h < d->ntoks && h < a +
			    PEOPLE_MAX_APPOS && d->toks[h].sent == sent &&
			    outside(d, h) && d->toks[h].kind == TOK_WORD &&
			    !is_fw(s, h); h++)
				if (title_at(s, h, &n) != NULL)
					break;
			if (h < d->ntoks && d->toks[h].kind == TOK_WORD &&
			    outside(d, h) && !is_fw(s, h) &&
			    h < a + PEOPLE_MAX_APPOS &&
			    d->toks[h].sent == sent) {
				j = h - 1;
				continue;
			}
			*pa = a;
			*pb = j + 1;
			*pe = NULL;
			return 2;
		}
		if (lex_tok(s->lx->function_words, d, j) != NULL &&
		    !tok_is(d, t, "of") && !tok_is(d, t, "at") &&
		    !tok_is(d, t, "for"))
			break;
	}
	return 0;
}

/* Start of the modifiers before a title at a ("Trump campaign"). */
static size_t
title_back(const struct pstate *s, size_t a, size_t floor)
{
	const struct doc *d = s->d;
	size_t k = a, n = 0;

	while (k > floor && n < PEOPLE_MAX_TITLE_BACK) {
		size_t p = k - 1;
		const struct tok *t = &d->toks[p];

		/* a numbered unit before a title: "Local 17 President",
		 * "District 4 Supervisor" */
		if (t->kind == TOK_NUM && p > floor && t->sent ==
		    d->toks[a].sent && outside(d, p) && is_cap_word(s, p - 1) &&
		    !is_fw(s, p - 1)) {
			k = p;
			n++;
			continue;
		}
		if (t->sent != d->toks[a].sent || !outside(d, p) ||
		    t->kind != TOK_WORD)
			break;
		if (lex_tok(s->lx->speech_verbs, d, p) != NULL)
			break;
		if ((t->flags & TOK_CAP) ? is_fw(s, p) :
		    !(lex_tok(s->lx->title_mods, d, p) != NULL ||
		    lex_tok(s->lx->titles, d, p) != NULL ||
		    poss_len(d, p) > 0))
			break;
		k = p;
		n++;
	}
	return k;
}

/*
 * Start of the name proper in a run [a, last] that opens with capitalised
 * words naming no one, before a given name ("Republican Jane Roe",
 * "Novelist Ann Fox"): a descriptor, not part of the name.  Returns a when
 * the run opens with a given name or has none followed by a surname.
 */
static size_t
descriptor_skip(const struct pstate *s, size_t a, size_t last)
{
	const struct doc *d = s->d;
	size_t k;

	if (lex_tok(s->lx->given_names, d, a) != NULL)
		return a;
	for (k = a; k < last; k++) {
		if (poss_len(d, k) || is_punct(d, k, '.') ||
		    !is_cap_word(s, k))
			return a;
		if (k > a && lex_tok(s->lx->given_names, d, k) != NULL)
			return k;
	}
	return a;
}

/* Drops mentions that a title reaching back to token a swallowed. */
static void
drop_mentions_from(struct pstate *s, size_t a)
{
	struct doc *d = s->d;

	while (d->nmentions > 0 && d->mentions[d->nmentions - 1].first >= a) {
		struct mention *m = &d->mentions[d->nmentions - 1];

		if (m->person >= 0 && d->people[m->person].kind == PERSON_ORG)
			break;	/* "Ledgerline Chief Executive": keep it */
		if (m->person >= 0)
			d->people[m->person].nmentions--;
		d->nmentions--;
	}
}

static void
pronoun_mention(struct pstate *s, size_t i, int g)
{
	int amb = 0, p = people_pronoun(s->d, i, g, &amb);
	struct mention *m;

	m = add_mention(s, amb ? -1 : p, i, i + 1, MENTION_PRONOUN |
	    (amb ? MENTION_AMBIGUOUS : 0));
	(void)m;
	if (p >= 0 && !amb && s->d->people[p].gender == GENDER_UNKNOWN)
		s->d->people[p].gender = g;
}

/*
 * Handles a possible name at token i; returns the token to continue at.
 */
static size_t
name_at(struct pstate *s, size_t i)
{
	struct doc *d = s->d;
	const struct lex_entry *te = NULL, *e, *hon = NULL;
	size_t ta = 0, tb = 0, a, b, n, k, last;
	struct mention *m;
	int p, flags;

	/* a title, in any case, followed by a capitalised name */
	a = i;
	while ((e = title_at(s, a, &n)) != NULL && a + n < d->ntoks &&
	    is_cap_word(s, a + n) && d->toks[a + n].sent == d->toks[i].sent) {
		if (is_honorific(e))
			hon = e;
		else {
			if (te == NULL)
				ta = a;
			te = e;
			tb = a + n;
		}
		a += n;
	}
	if (a == i && !is_cap_word(s, i))
		return i + 1;
	if (a == i && is_fw(s, i) && !(d->toks[i].flags & TOK_ALLCAP))
		return i + 1;
	b = cap_run(s, a);
	if (b == a)
		return a > i ? a : i + 1;
	/* titles inside the run: "Edinburgh Mayor Ramiro Garza" */
	for (k = a; k < b; k++) {
		e = title_at(s, k, &n);
		if (e == NULL || k + n >= b || !is_cap_word(s, k + n))
			continue;
		if (is_honorific(e))
			hon = e;
		else {
			if (te == NULL || ta >= a)
				ta = a;
			te = e;
			tb = k + n;
		}
		a = k + n;
		k = a - 1;
	}
	if (te != NULL) {
		ta = title_back(s, ta, 0);
		drop_mentions_from(s, ta);
	}
	/* the name proper: [a, b), possessive stripped at the end */
	last = b - 1;
	while (last > a && (is_suffix(d, last) || is_punct(d, last, '.')))
		last--;
	if (te == NULL && hon == NULL && (k = org_extend(s, a, b)) > b) {
		p = org_person(s, a, k);
		add_mention(s, p, a, k, MENTION_ORG);
		return k;
	}
	if (te == NULL && hon == NULL && is_org_run(s, a, b)) {
		p = org_person(s, a, b);
		add_mention(s, p, a, b, MENTION_ORG);
		return b;
	}
	if (te == NULL && hon == NULL)
		a = descriptor_skip(s, a, last);
	if (last > a) {
		int known = lex_tok(s->lx->given_names, d, a) !=
		    NULL || te != NULL || hon != NULL || (b - a <= 3 &&
		    pmap_get(&s->said, bare_key(d, last)) >= 0);
		size_t pa, pb;
		const struct lex_entry *ae = NULL;
		int ap = known ? 0 : appositive(s, b, &pa, &pb, &ae);

		if (!known && ap == 2 && b - a <= 3) {
			p = org_person(s, a, b);
			add_mention(s, p, a, b, MENTION_ORG);
			return b;
		}
		if (!known && ap != 1 && !(b < d->ntoks &&
		    lex_tok(s->lx->speech_verbs, d, b) &&
		    b - a <= 3) && !(b - a <= 3 && person_after(s, b)))
			return b;
		p = full_person(s, a, last + 1, last);
		flags = MENTION_FULL;
	} else {
		uint64_t sk = bare_key(d, a);

		p = pmap_get(&s->sur, sk);
		flags = MENTION_SURNAME;
		if (p == PMAP_AMBIGUOUS) {
			flags |= MENTION_AMBIGUOUS;
			p = -1;
		} else if (p >= 0 && d->people[p].kind == PERSON_ORG) {
			flags = MENTION_ORG;
		} else if (p < 0) {
			if (te == NULL && hon == NULL) {
				size_t pa, pb;
				const struct lex_entry *ae = NULL;

				/* "at Ledgerline, a payroll company," */
				if (appositive(s, b, &pa, &pb, &ae) == 2) {
					p = org_person(s, a, b);
					add_mention(s, p, a, b, MENTION_ORG);
					return b;
				}
				if (b != a + 1 || !frame_speaker(s, a) ||
				    (d->toks[a].flags & TOK_ALLCAP))
					return b;
				p = misspelled(s, a);
			}
			if (p < 0)
				p = single_person(s, a);
		}
	}
	m = add_mention(s, p, a, b, flags);
	if (te != NULL)
		set_title(s, m, ta, tb, te);
	if (hon != NULL && p >= 0 && d->people[p].gender == GENDER_UNKNOWN)
		d->people[p].gender = gender_of(hon->val);
	if (p >= 0 && d->people[p].kind == PERSON_HUMAN) {
		size_t pa, pb;
		const struct lex_entry *ae = NULL;

		if (appositive(s, b, &pa, &pb, &ae) == 1) {
			if (m->title == NULL)
				set_title(s, m, pa, pb, ae);
			else if (d->people[p].gender == GENDER_UNKNOWN)
				d->people[p].gender = gender_of(ae->val);
		}
	}
	return b;
}

/*
 * The first of the n tokens from i on that may start a pronoun, a title
 * or a name (n when none): a word outside quotes, capitalised or marked as
 * starting a pronoun or a title (m_lower).  Most words are lower case and
 * start neither; a loop of its own skips them in few instructions.
 */
static size_t
next_candidate(const struct tok *toks, size_t i, size_t n, uint32_t m_lower)
{
	for (; i < n; i++) {
		const struct tok *t = &toks[i];

		if (!(t->flags & (TOK_INQUOTE | TOK_QMARK)) &&
		    t->kind == TOK_WORD &&
		    ((t->flags & TOK_CAP) || lex_marked(t, m_lower)))
			break;
	}
	return i;
}

/*
 * Notes the lone capitalized words that a speech verb follows ("Ruiz said",
 * not "Dani Ruiz said" or "The Ruiz family said"): a run that ends in one
 * of them names a person even when its given name is not in the lexicon
 * ("Dani Ruiz-Tanaka had waited ... Ruiz-Tanaka said").
 */
static void
speakers(struct pstate *s)
{
	struct doc *d = s->d;
	size_t i;

	for (i = 1; i < d->ntoks; i++) {
		const struct tok *t = &d->toks[i];
		size_t a = i - 1;

		if (t->kind != TOK_WORD || !lex_marked(t, s->m_speech) ||
		    !is_cap_word(s, a) || (d->toks[a].flags & TOK_ALLCAP) ||
		    is_fw(s, a) || (a > 0 && d->toks[a - 1].sent ==
		    d->toks[a].sent && (is_cap_word(s, a - 1) ||
		    is_punct(d, a - 1, '.'))) ||
		    lex_tok(s->lx->speech_verbs, d, i) == NULL ||
		    lex_tok(s->lx->titles, d, a) != NULL ||
		    lex_tok(s->lx->pronouns, d, a) != NULL)
			continue;
		pmap_put(d, &s->said, bare_key(d, a), 1);
	}
}

void
people_build(struct doc *d, const struct lexset *lx)
{
	struct pstate s;
	const struct tok *toks;
	size_t i, n;
	uint32_t m_lower;

	memset(&s, 0, sizeof(s));
	s.d = d;
	s.lx = lx;
	d->people = NULL;
	d->npeople = 0;
	d->mentions = NULL;
	d->nmentions = 0;
	/* room for the mentions of a typical story, grown seldom */
	arena_grow(&d->arena, (void **)&d->mentions, &s.capm,
	    sizeof(*d->mentions), d->ntoks / 32 + 16);
	pmap_init(d, &s.full, 32);
	pmap_init(d, &s.sur, 32);
	pmap_init(d, &s.orgs, 32);
	s.k_of = tok_key("of", 2);
	s.k_for = tok_key("for", 3);
	s.k_and = tok_key("and", 3);
	s.k_to = tok_key("to", 2);
	s.k_who = tok_key("who", 3);
	s.k_whose = tok_key("whose", 5);
	s.m_fw = lex_bit(lx->function_words, d);
	s.m_pronouns = lex_bit(lx->pronouns, d);
	s.m_titles = lex_bit(lx->titles, d);
	s.m_suffixes = lex_bit(lx->org_suffixes, d);
	s.m_speech = lex_bit(lx->speech_verbs, d);
	pmap_init(d, &s.said, 16);
	speakers(&s);
	s.m_lower = s.m_pronouns != 0 && s.m_titles != 0 ?
	    s.m_pronouns | s.m_titles : 0;
	/* in locals, which the calls below cannot be thought to change */
	toks = d->toks;
	n = d->ntoks;
	m_lower = s.m_lower;
	for (i = 0; (i = next_candidate(toks, i, n, m_lower)) < n;) {
		const struct tok *t = &toks[i];
		const struct lex_entry *e;
		int fw;

		fw = (t->flags & TOK_CAP) && is_fw(&s, i);
		if (!(t->flags & TOK_CAP) || fw) {
			e = lex_marked(&d->toks[i], s.m_pronouns) ?
			    lex_tok(lx->pronouns, d, i) : NULL;
			if (e != NULL && (e->val[0] == 'm' || e->val[0] == 'f')) {
				pronoun_mention(&s, i, gender_of(e->val));
				i++;
				continue;
			}
			/* name_at finds nothing here without a title */
			if ((!fw || !(t->flags & TOK_ALLCAP)) &&
			    !lex_marked(&d->toks[i], s.m_titles)) {
				i++;
				continue;
			}
		}
		i = name_at(&s, i);
	}
}

/* ---- queries ---- */

int
people_mention_before(const struct doc *d, size_t i)
{
	size_t lo = 0, hi = d->nmentions;

	/* first mention starting at or after i */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->mentions[mid].first < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int)lo - 1;
}

int
people_mention_at(const struct doc *d, size_t i)
{
	int m = people_mention_before(d, i + 1);

	if (m >= 0 && i < (size_t)d->mentions[m].first + d->mentions[m].ntok)
		return m;
	return -1;
}

int
people_org_before(const struct doc *d, size_t i)
{
	int m = people_mention_before(d, i);

	if (m < 0 || d->mentions[m].last_org < 0)
		return -1;
	return d->mentions[d->mentions[m].last_org].person;
}

static int
compatible(const struct person *p, int g)
{
	return p->kind == PERSON_HUMAN && (g == GENDER_UNKNOWN ||
	    p->gender == GENDER_UNKNOWN || p->gender == g);
}

int
people_pronoun(const struct doc *d, size_t i, int g, int *ambiguous)
{
	int m = people_mention_before(d, i), k, best = -1, n = 0, poss = -1;
	uint32_t sent = 0;

	*ambiguous = 0;
	for (k = m; k >= 0 && n < PEOPLE_PRONOUN_WINDOW; k--, n++) {
		const struct mention *mm = &d->mentions[k];
		const struct person *p;

		if (mm->person < 0)
			continue;
		p = &d->people[mm->person];
		if (best < 0) {
			if (!compatible(p, g))
				continue;
			if (mm->flags & MENTION_POSS) {
				if (poss < 0)
					poss = mm->person;
				continue;
			}
			best = mm->person;
			sent = d->toks[mm->first].sent;
			continue;
		}
		if (d->toks[mm->first].sent != sent)
			break;
		/* another person of the same known gender in that sentence */
		if (mm->person != best && g != GENDER_UNKNOWN &&
		    p->kind == PERSON_HUMAN && p->gender == g &&
		    d->people[best].gender == g &&
		    !(mm->flags & MENTION_PRONOUN))
			*ambiguous = 1;
	}
	return best >= 0 ? best : poss;
}
