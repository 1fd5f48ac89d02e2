/* numconf.c: NumberConflict: one quantity given two values in a story. */
#include "numconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "incons_p.h"
#include "lex.h"
#include "lexset.h"
#include "people.h"
#include "tok.h"

/*
 * How far (tokens) a change word ("rose", "revised", "initially") may be
 * from a number and still explain a second value for it.
 */
#define NC_CHANGE_WIN 8

/* How far (tokens) a year may be from a number and still date it. */
#define NC_DATE_WIN 12

/* Words of the noun phrase after a number that name what it counts. */
#define NC_MAX_NP 4

/* Tokens after the counted noun searched for "were damaged". */
#define NC_MAX_PRED 6

/*
 * Two restatements of one figure that differ by more than this ratio are
 * rarely a slip: "the 16 teams" after "32 teams" is a subset.  Without a
 * shared qualifier (both "damaged"), only closer values are compared.
 */
#define NC_MAX_RATIO 1.6

/* Earlier mentions of one key compared with a new one (keeps it linear). */
#define NC_MAX_CHAIN 64

/*
 * Tokens from a count of members to "voted against" ("Two of the nine
 * St. Brendan's board members voted against"), and the body nouns of a
 * unanimous vote kept to match the dissent's body.
 */
#define NC_DISSENT_WIN 10
#define NC_MAX_BODIES 8

/* Most qualifier words kept per mention. */
#define NC_MAX_QUAL 4

enum nc_unit {
	NC_COUNT,
	NC_MONEY,
	NC_PERCENT,
	NC_AGE,
	NC_TALLY		/* a vote's split, "5-2", keyed by its total */
};

/* Keys hold the unit in their low bits: word key * NC_UNITS + unit. */
#define NC_UNITS 8

/* Relative slack allowed between a stated total and rate x period. */
#define NC_SUM_SLACK 0.03

struct nc_mention {
	double v, lo, hi;	/* value and the interval its wording allows */
	int unit;		/* enum nc_unit */
	int definite;		/* "the 430 damaged homes" restates a figure */
	int article;		/* "the" before it, restricted or not */
	int anaphor;		/* "the $3.2 million plan" */
	int subset;		/* "the other three treatments": a part */
	uint64_t key;		/* unit and counted noun, or person */
	uint64_t given;		/* an age's given name ("Mateo Ruiz, 25") */
	int person;		/* an age's person (d->people) + 1, or 0 */
	uint64_t qual[NC_MAX_QUAL];
	int nqual;
	uint64_t pred;		/* the verb before it: "eliminates 22 jobs" */
	size_t ptok;		/* its token, or first when none */
	uint64_t post;		/* the participle after: "the 20 jobs cut" */
	size_t first, last;	/* tokens of the number .. the noun */
	int32_t next;		/* earlier mention with the same key */
	int8_t changed;		/* incons_changed near it: 0, 1, -1 unknown */
	int8_t dated;		/* dated(first): 0, 1, -1 unknown */
};

/* Lexicon values whose number numconf keeps (lex_num). */
#define NC_NUM_CACHE 32

/* A lexicon value ("1000") and its number. */
struct nc_num {
	const char *val;	/* NULL when the slot is empty */
	double v;
};

struct numconf {
	const struct incons *ic;
	struct nc_mention **m;	/* each allocated once: growing the array
				 * copies pointers, not mentions */
	size_t n, cap;
	int sec_approx, sec_scale, sec_anaphor, sec_unit, sec_cardinal;
	int sec_headcount, sec_backref;
	struct nc_num *nums;	/* NC_NUM_CACHE slots, by address */
	uint32_t qbit, nbit;	/* lex_bit of quantity and numbers */
};

/*
 * strtod of the number words' and scale words' lexicon values ("2",
 * "1000000"): a few strings, given again for each use of their words, so
 * the number is kept by the string's address (a value never changes).
 */
static double
lex_num(const struct numconf *c, const char *val)
{
	struct nc_num *k = &c->nums[((uintptr_t)val >> 3) % NC_NUM_CACHE];

	if (k->val != val) {
		k->val = val;
		k->v = strtod(val, NULL);
	}
	return k->v;
}

static int
plural(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];
	const char *s = d->text + t->off;

	return t->len > 3 && s[t->len - 1] == 's' && s[t->len - 2] != 's' &&
	    s[t->len - 2] != 'u' && s[t->len - 2] != 'i';
}

/*
 * Parses a number token: "$3.8", "2,500", "14%", "$3bn".  Sets *unit and
 * returns 0, or -1 for what is not a plain quantity (1960s, 4:12, 3-1,
 * 18th).  *age is set for "55-year-old".
 */
static int
parse_num(const char *s, size_t n, double *v, int *unit, int *age,
    int *grouped)
{
	size_t i = 0;
	double x = 0, frac = 0.1;
	int digits = 0, dot = 0;

	*unit = NC_COUNT;
	*age = 0;
	*grouped = 0;
	if (n > 0 && s[0] == '$') {
		*unit = NC_MONEY;
		i = 1;
	} else if (n > 2 && ((unsigned char)s[0] == 0xE2 ||
	    (unsigned char)s[0] == 0xC2)) {
		/* EUR, GBP, YEN */
		*unit = NC_MONEY;
		i = (unsigned char)s[0] == 0xE2 ? 3 : 2;
	}
	for (; i < n; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			if (dot) {
				x += (c - '0') * frac;
				frac /= 10;
			} else
				x = x * 10 + (c - '0');
			digits++;
		} else if (c == ',' && !dot && i + 3 < n + 1 && digits > 0) {
			*grouped = 1;
		} else if (c == '.' && !dot) {
			dot = 1;
		} else
			break;
	}
	if (digits == 0)
		return -1;
	*v = x;
	if (i == n)
		return 0;
	if (s[i] == '%' && i + 1 == n && *unit == NC_COUNT) {
		*unit = NC_PERCENT;
		return 0;
	}
	if (n - i == 9 && memcmp(s + i, "-year-old", 9) == 0 &&
	    *unit == NC_COUNT) {
		*age = 1;
		return 0;
	}
	if (*unit == NC_MONEY) {
		if (n - i == 2 && memcmp(s + i, "bn", 2) == 0) {
			*v *= 1e9;
			return 0;
		}
		if ((n - i == 1 && s[i] == 'm') || (n - i == 2 &&
		    memcmp(s + i, "mn", 2) == 0)) {
			*v *= 1e6;
			return 0;
		}
		if (n - i == 1 && (s[i] == 'k' || s[i] == 'K')) {
			*v *= 1e3;
			return 0;
		}
	}
	return -1;
}

static void
add(struct numconf *c, const struct nc_mention *m)
{
	struct doc *d = c->ic->d;

	arena_grow(&d->arena, (void **)&c->m, &c->cap, sizeof(*c->m),
	    c->n + 1);
	c->m[c->n] = arena_alloc(&d->arena, sizeof(*m));
	*c->m[c->n] = *m;
	c->m[c->n]->changed = c->m[c->n]->dated = -1;
	c->n++;
}

/* The approximator ending just before token i, if any: its kind. */
static const char *
approximator(const struct numconf *c, size_t i, size_t *start)
{
	const struct doc *d = c->ic->d;
	size_t back, n;

	for (back = 1; back <= 3 && back <= i; back++) {
		const struct lex_entry *e = lex_match(c->ic->lx->quantity, d,
		    i - back, &n);

		if (e != NULL && e->section == c->sec_approx && n == back &&
		    d->toks[i - back].sent == d->toks[i].sent) {
			*start = i - back;
			return e->val;
		}
	}
	*start = i;
	return NULL;
}

/*
 * Does the word before token i make the number a restatement ("the 430
 * damaged homes")?  A possessive ("the state's 41 delegates") names
 * another owner's figure, not the one already given.
 */
static int
definite_before(const struct doc *d, size_t i)
{
	static const char *const dets[] = { "the", "this", "these", "those",
	    NULL };

	return incons_after(d, i, dets);
}

/* Is token i a participle ("damaged", "pledged")? */
static int
participle(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];

	return t->kind == TOK_WORD && t->len > 4 &&
	    memcmp(d->text + t->off + t->len - 2, "ed", 2) == 0;
}

static int
restrictor(const struct doc *d, size_t i, const char *const *w)
{
	return i < d->ntoks && incons_word_in(d, i, d->toks[i - 1].sent, w);
}

/*
 * Does a restrictive modifier follow the counted noun at head ("the 326
 * seats needed for a majority", "the 40 pilings in the ramp")?  Then the
 * definite article picks out a new figure, not a restated one, unless the
 * participle names what the earlier figure's verb did (m->post, matched
 * in comparable) or only points back ("the 40 workers affected").
 */
static int
restricted(const struct numconf *c, struct nc_mention *m, size_t head)
{
	static const char *const w[] = { "of", "that", "which", "who", "in",
	    "for", "to", "from", "at", "on", "with", "left", "remaining",
	    "needed", "required", NULL };
	const struct doc *d = c->ic->d;

	if (head + 1 >= d->ntoks || d->toks[head + 1].sent !=
	    d->toks[head].sent || d->toks[head + 1].kind != TOK_WORD)
		return 0;
	if (participle(d, head + 1)) {
		/* "the 40 workers affected", not "affected in Ohio" */
		if (incons_marked_val(d, c->ic->lx->quantity, c->qbit, head + 1,
		    c->sec_backref) != NULL && !restrictor(d, head + 2, w))
			return 0;
		m->post = incons_stem_key(d, head + 1);
		return 1;
	}
	return restrictor(d, head + 1, w);
}

/* "homes ... were damaged": a participle after a form of "be". */
static void
post_qualifier(struct numconf *c, struct nc_mention *m, size_t head)
{
	static const char *const be[] = { "was", "were", "is", "are", "been",
	    "be", NULL };
	const struct doc *d = c->ic->d;
	size_t j, k, end = d->sents[d->toks[head].sent].first +
	    d->sents[d->toks[head].sent].n;

	for (j = head + 1; j < end && j <= head + NC_MAX_PRED; j++) {
		if (d->toks[j].kind != TOK_WORD)
			return;
		for (k = 0; be[k] != NULL; k++)
			if (tok_is(d, &d->toks[j], be[k]))
				break;
		if (be[k] == NULL)
			continue;
		for (j++; j < end && d->toks[j].kind == TOK_WORD; j++) {
			if (incons_minor(c->ic, j))
				continue;
			if (participle(d, j) && m->nqual < NC_MAX_QUAL)
				m->qual[m->nqual++] = incons_stem_key(d, j);
			return;
		}
		return;
	}
}

/* Is token i a unit of measure (quantity-words.txt units), any number? */
static int
unit_word(const struct numconf *c, size_t i)
{
	const struct doc *d = c->ic->d;
	const struct tok *t = &d->toks[i];
	const char *s = d->text + t->off;
	const struct lex_entry *e;
	char w[64];
	size_t n;

	/* a word of letters as written (no s to take off, so no possessive
	 * either): incons_lex_get's look-up is the token's own, which its
	 * marks answer without copying it */
	if (t->len > 0 && t->len < sizeof(w) && (s[t->len - 1] | 0x20) !=
	    's' && incons_letters(s, t->len))
		e = lex_tok(c->ic->lx->quantity, d, i);
	else {
		n = incons_word(d, i, w, sizeof(w));
		if (n > 3 && w[n - 1] == 's')
			n--;
		e = incons_lex_get(c->ic->lx->quantity, w, n);
	}
	return (e != NULL && e->section == c->sec_unit) ||
	    incons_marked_val(c->ic->d, c->ic->lx->quantity, c->qbit, i,
	    c->sec_unit);
}

/*
 * The noun phrase after the number: up to NC_MAX_NP lowercase content
 * words, ending at a plural noun.  Sets the key (unit + head) and the
 * qualifiers; returns 0 when no counted noun follows.
 */
static int
counted_noun(struct numconf *c, struct nc_mention *m, size_t j)
{
	const struct doc *d = c->ic->d;
	size_t end = d->sents[d->toks[m->first].sent].first +
	    d->sents[d->toks[m->first].sent].n;
	size_t head = 0, k, nw = 0;
	uint64_t words[NC_MAX_NP];
	int quals[NC_MAX_NP];
	const char *cls;

	for (; j < end && nw < NC_MAX_NP; j++) {
		const struct tok *t = &d->toks[j];

		if (t->kind != TOK_WORD || (t->flags & (TOK_CAP |
		    TOK_INQUOTE)) || incons_minor(c->ic, j))
			break;
		/* "5 kg rice", "195 light years": a measure, not a count */
		if (unit_word(c, j))
			return 0;
		quals[nw] = participle(d, j);
		words[nw++] = incons_stem_key(d, j);
		head = j;
		if (plural(d, j) || incons_possessive(d, j))
			break;
	}
	if (nw == 0)
		return 0;
	/* "22 jobs", "the 22 positions": one figure */
	cls = incons_marked_val(d, c->ic->lx->quantity, c->qbit, head,
	    c->sec_headcount);
	if (cls != NULL)
		words[nw - 1] = tok_key(cls, strlen(cls));
	m->key = words[nw - 1] * NC_UNITS + (uint64_t)m->unit;
	m->last = head;
	for (k = 0; k + 1 < nw && m->nqual < NC_MAX_QUAL; k++)
		if (quals[k])
			m->qual[m->nqual++] = words[k];
	m->anaphor = incons_marked_val(d, c->ic->lx->quantity, c->qbit, head,
	    c->sec_anaphor) != NULL;
	if (m->definite && restricted(c, m, head))
		m->definite = 0;
	post_qualifier(c, m, head);
	return 1;
}

/* The capitalized word before ", 54," or ", a 54-year-old": a surname. */
static int
age_owner(const struct doc *d, size_t i, size_t *who)
{
	size_t j = i;

	if (j >= 2 && (tok_is(d, &d->toks[j - 1], "a") ||
	    tok_is(d, &d->toks[j - 1], "the")))
		j--;
	if (j < 2 || d->text[d->toks[j - 1].off] != ',' ||
	    d->toks[j - 2].kind != TOK_WORD ||
	    !(d->toks[j - 2].flags & TOK_CAP) ||
	    d->toks[j - 2].sent != d->toks[i].sent)
		return 0;
	*who = j - 2;
	return 1;
}

/* Did attribution's person table resolve token i to a person? */
static int
human(const struct doc *d, size_t i)
{
	int m = people_mention_at(d, i);

	return m >= 0 && d->mentions[m].person >= 0 &&
	    d->people[d->mentions[m].person].kind == PERSON_HUMAN;
}

/* Mentions of ages: "Cowen, 54," "the 55-year-old Cowen". */
static int
age_mention(struct numconf *c, size_t i, double v, int age)
{
	const struct doc *d = c->ic->d;
	struct nc_mention m;
	size_t who = 0, j;
	int mi;

	memset(&m, 0, sizeof(m));
	if (!age) {
		/* "Haines, 81, said" */
		if (v < 1 || v > 119 || i + 1 >= d->ntoks ||
		    !age_owner(d, i, &who) ||
		    d->toks[i + 1].kind != TOK_PUNCT ||
		    (d->text[d->toks[i + 1].off] != ',' &&
		    d->text[d->toks[i + 1].off] != ')'))
			return 0;
	} else if (!age_owner(d, i, &who)) {
		/* "the 55-year-old Cowen": the last word of the name */
		for (j = i + 1; j < d->ntoks && d->toks[j].kind == TOK_WORD &&
		    (d->toks[j].flags & TOK_CAP) &&
		    d->toks[j].sent == d->toks[i].sent; j++)
			who = j;
		/* "a 34-year-old Rockport man": a modifier, not a name,
		 * unless the person table knows the name */
		if (who == 0 || (!human(d, who) && who + 1 < d->ntoks &&
		    d->toks[who + 1].kind == TOK_WORD &&
		    !incons_minor(c->ic, who + 1) &&
		    !incons_lex_val(d, c->ic->lx->speech_verbs, who + 1, -1)))
			return 0;
	}
	if (incons_minor(c->ic, who))
		return 0;
	/* "Andres Ruiz, 22" and "Mateo Ruiz, 25": two people */
	if (who > 0 && d->toks[who - 1].sent == d->toks[who].sent &&
	    d->toks[who - 1].kind == TOK_WORD &&
	    (d->toks[who - 1].flags & TOK_CAP) && !incons_minor(c->ic, who - 1) &&
	    incons_lex_val(d, c->ic->lx->titles, who - 1, -1) == NULL)
		m.given = incons_word_key(d, who - 1);
	m.v = m.lo = m.hi = v;
	m.unit = NC_AGE;
	m.key = incons_word_key(d, who) * NC_UNITS + NC_AGE;
	/* "Dufresne, 67" is the father the story named first, "Luc
	 * Dufresne, 38" his son: the person table tells them apart */
	if ((mi = people_mention_at(d, who)) >= 0 &&
	    d->mentions[mi].person >= 0)
		m.person = d->mentions[mi].person + 1;
	m.first = i < who ? i : who;
	m.last = i < who ? who : i;
	add(c, &m);
	return 1;
}

static void
interval(struct nc_mention *m, const char *kind)
{
	m->lo = m->hi = m->v;
	if (kind == NULL)
		return;
	if (strcmp(kind, "about") == 0) {
		m->lo = m->v * 0.9;
		m->hi = m->v * 1.1;
	} else if (strcmp(kind, "nearly") == 0)
		m->lo = m->v * 0.85;
	else if (strcmp(kind, "atleast") == 0)
		m->hi = INFINITY;
	else if (strcmp(kind, "atmost") == 0)
		m->lo = 0;
}

/*
 * A number at token i with its scale words ("$3.6 million", "five"):
 * sets *v, *unit and *end (its last token); -1 when it is not one.
 */
static int
quantity_at(const struct numconf *c, size_t i, double *v, int *unit, size_t *end)
{
	const struct doc *d = c->ic->d;
	const struct tok *t = &d->toks[i];
	const char *val;
	int age, grouped;
	size_t j = i + 1;

	if (t->kind == TOK_NUM) {
		if (parse_num(d->text + t->off, t->len, v, unit, &age,
		    &grouped) < 0 || age)
			return -1;
	} else if ((val = incons_marked_val(d, c->ic->lx->numbers, c->nbit, i,
	    c->sec_cardinal)) != NULL) {
		*v = lex_num(c, val);
		*unit = NC_COUNT;
	} else
		return -1;
	while (j < d->ntoks && d->toks[j].sent == t->sent &&
	    (val = incons_marked_val(d, c->ic->lx->quantity, c->qbit, j,
	    c->sec_scale)) != NULL) {
		*v *= lex_num(c, val);
		j++;
	}
	*end = j - 1;
	return 0;
}

/*
 * Is token i a vote's split, "5-2" (or with an en dash), each side under
 * 100 and 2 or more in all?  Sets *x and *y to its sides.
 */
static int
split_of(const struct doc *d, size_t i, unsigned long *x, unsigned long *y)
{
	const struct tok *t = &d->toks[i];
	const char *p = d->text + t->off, *e = p + t->len;
	size_t k;

	*x = *y = 0;
	if (t->kind != TOK_NUM)
		return 0;
	for (; p < e && *p >= '0' && *p <= '9' && *x < 1000; p++)
		*x = *x * 10 + (unsigned long)(*p - '0');
	if (p == d->text + t->off || p >= e)
		return 0;
	if (*p == '-')
		p++;
	else if (e - p > 3 && memcmp(p, "\xe2\x80\x93", 3) == 0)
		p += 3;
	else
		return 0;
	for (k = 0; p < e && *p >= '0' && *p <= '9' && *y < 1000; p++, k++)
		*y = *y * 10 + (unsigned long)(*p - '0');
	return k > 0 && p == e && *x + *y >= 2 && *x <= 99 && *y <= 99;
}

/*
 * "voted 5-2", "the 4-3 vote": a vote's split, keyed by its total (one
 * body), valued by its larger side.  Returns 1 when token i is one.
 */
static int
tally(struct numconf *c, size_t i)
{
	static const char *const nouns[] = { "vote", "votes", "decision",
	    "margin", "ruling", "tally", NULL };
	static const char *const verbs[] = { "voted", "vote", "votes",
	    "approved", "rejected", "passed", NULL };
	static const char *const links[] = { "a", "by", "on", NULL };
	static const char *const restrict_w[] = { "on", "to", "for", "in",
	    "over", "that", "which", NULL };
	const struct doc *d = c->ic->d;
	unsigned long x, y;
	size_t s = d->toks[i].sent, b = i;
	struct nc_mention m;

	if (!split_of(d, i, &x, &y))
		return 0;
	memset(&m, 0, sizeof(m));
	while (b > 0 && incons_word_in(d, b - 1, s, links))
		b--;
	if (!incons_word_in(d, i + 1, s, nouns) && !(b > 0 && incons_word_in(d, b - 1, s,
	    verbs)))
		return 0;
	m.v = m.lo = m.hi = (double)(x > y ? x : y);
	m.unit = NC_TALLY;
	m.key = (tok_key("vote", 4) + x + y) * NC_UNITS + NC_TALLY;
	m.first = m.ptok = i;
	m.last = incons_word_in(d, i + 1, s, nouns) ? i + 1 : i;
	/* "the 4-3 vote", not "the 4-3 vote on the levy" */
	m.definite = definite_before(d, i) && !(m.last > i &&
	    incons_word_in(d, m.last + 1, s, restrict_w));
	add(c, &m);
	return 1;
}

/*
 * "the project will cost $18.6 million": a price with no noun after it,
 * keyed by the definite subject of "cost" (or "valued at") before it, so
 * that "the $16.8 million project" restates it.  Returns 1 when found.
 */
static int
cost_subject(struct numconf *c, struct nc_mention *m, size_t start, size_t last)
{
	static const char *const cost[] = { "cost", "costs", "costing", NULL };
	static const char *const at[] = { "priced", "valued", "estimated",
	    "budgeted", "pegged", NULL };
	static const char *const aux[] = { "expected", "estimated",
	    "projected", "likely", "now", "ultimately", NULL };
	static const char *const det[] = { "the", "its", "this", NULL };
	const struct doc *d = c->ic->d;
	size_t s = d->toks[start].sent, j, k, a;

	if (start < 2 || m->unit != NC_MONEY)
		return 0;
	j = start - 1;
	if (incons_word_in(d, j, s, at) || (tok_is(d, &d->toks[j], "at") &&
	    incons_word_in(d, j - 1, s, at)))
		j -= tok_is(d, &d->toks[j], "at") ? 1 : 0;
	else if (!incons_word_in(d, j, s, cost))
		return 0;
	for (k = 0; k < 5 && j > 0 && d->toks[j - 1].sent == s; k++, j--) {
		const struct tok *t = &d->toks[j - 1];

		if (t->kind != TOK_WORD || (t->flags & TOK_INQUOTE))
			return 0;
		if (incons_word_in(d, j - 1, s, aux) || incons_minor(c->ic, j - 1))
			continue;
		/* "the new jail", "the county's second bridge" */
		for (a = j - 1; a > 0 && j - a <= NC_MAX_NP &&
		    d->toks[a - 1].kind == TOK_WORD &&
		    !(d->toks[a - 1].flags & (TOK_CAP | TOK_INQUOTE)) &&
		    !incons_possessive(d, a - 1) &&
		    !incons_minor(c->ic, a - 1); a--)
			;
		if ((t->flags & TOK_CAP) || a == 0 ||
		    !(incons_word_in(d, a - 1, s, det) ||
		    incons_possessive(d, a - 1)))
			return 0;
		m->key = incons_stem_key(d, j - 1) * NC_UNITS + NC_MONEY;
		m->definite = 1;
		m->last = last;
		return 1;
	}
	return 0;
}

/*
 * "Ruelas of 39 percent" (after "Whitford was the choice of 41 percent"),
 * "Ruelas, who drew 36 percent": a share with no noun after it, keyed by
 * the name it belongs to, so that the name's two shares compare.  Returns
 * 1 when found.
 */
static int
share_subject(struct numconf *c, struct nc_mention *m, size_t start,
    size_t last)
{
	static const char *const verb[] = { "drew", "draws", "won", "wins",
	    "got", "gets", "received", "receives", "garnered", "polled",
	    "polls", "captured", "took", "takes", NULL };
	static const char *const of[] = { "of", NULL };
	const struct doc *d = c->ic->d;
	size_t s = d->toks[start].sent, n;

	if (start < 2 || m->unit != NC_PERCENT)
		return 0;
	if (incons_word_in(d, start - 1, s, of))
		n = start - 2;		/* "and Ruelas of 39 percent" */
	else if (incons_word_in(d, start - 1, s, verb)) {
		n = start - 2;		/* "Ruelas drew", "Ruelas, who drew" */
		if (n >= 2 && tok_is(d, &d->toks[n], "who") &&
		    d->text[d->toks[n - 1].off] == ',')
			n -= 2;
	} else
		return 0;
	if (d->toks[n].sent != s || d->toks[n].kind != TOK_WORD ||
	    !(d->toks[n].flags & TOK_CAP) ||
	    (d->toks[n].flags & TOK_INQUOTE) || incons_minor(c->ic, n) ||
	    /* "Ruelas of": a name inside the sentence or before its verb */
	    (n == d->sents[s].first && incons_word_in(d, start - 1, s, of)))
		return 0;
	m->key = incons_stem_key(d, n) * NC_UNITS + NC_PERCENT;
	m->definite = 1;
	m->last = last;
	return 1;
}

/*
 * "$640,000 a year for five years ..., a total of $3.6 million": a total
 * that is not the rate times the period.  Looks at the number tokens
 * outside quotes (of ic->scan->nums).
 */
static void
rate_totals(const struct numconf *c)
{
	static const char *const per[] = { "a", "an", "per", "each", "every",
	    NULL };
	static const char *const periods[] = { "year", "month", "week", "day",
	    NULL };
	static const char *const totals[] = { "total", "totaling",
	    "totalling", NULL };
	struct doc *d = c->ic->d;
	const struct incons_list *l = &c->ic->scan->nums;
	size_t i, j, k, end, s, p, x, next = 0;
	double rate, n, total;
	int unit;

	for (x = 0; x < l->n; x++) {
		if ((i = l->i[x]) < next || d->toks[i].kind != TOK_NUM)
			continue;	/* inside the last rate's sentence part */
		s = d->toks[i].sent;
		if (quantity_at(c, i, &rate, &unit, &end) < 0 ||
		    unit != NC_MONEY || !incons_word_in(d, end + 1, s, per))
			continue;
		for (p = 0; periods[p] != NULL; p++)
			if (end + 2 < d->ntoks && d->toks[end + 2].sent == s &&
			    tok_is(d, &d->toks[end + 2], periods[p]))
				break;
		if (periods[p] == NULL || end + 5 >= d->ntoks ||
		    !tok_is(d, &d->toks[end + 3], "for") ||
		    quantity_at(c, end + 4, &n, &unit, &j) < 0 ||
		    unit != NC_COUNT || n < 2 || n > 100 || j + 1 >= d->ntoks ||
		    d->toks[j + 1].sent != s || incons_stem_key(d, j + 1) !=
		    incons_stem_key(d, end + 2))
			continue;
		/* the total later in the sentence */
		for (k = j + 2; k + 1 < d->ntoks && d->toks[k].sent == s; k++) {
			size_t a = k, tend;

			if (!incons_word_in(d, k, s, totals))
				continue;
			if (tok_is(d, &d->toks[k], "total") &&
			    incons_word_in(d, k + 1, s, (const char *const[]){ "of",
			    NULL }))
				k++;
			if (quantity_at(c, k + 1, &total, &unit, &tend) < 0 ||
			    unit != NC_MONEY)
				break;
			if (a > 0 && incons_word_in(d, a - 1, s, per))
				a--;
			if (fabs(total - rate * n) > NC_SUM_SLACK * rate * n) {
				size_t off, len;

				incons_span(d, a, tend, &off, &len);
				incons_report(c->ic, FINDING_NUMBER_CONFLICT,
				    off, len, "'%.*s' is not the rate times "
				    "the period (%.0f x %.0f = %.0f): is one "
				    "of them wrong?", (int)(len > 60 ? 60 :
				    len), d->text + off, rate, n, rate * n);
			}
			break;
		}
		next = j + 1;
	}
}

/* Collects the mention at number token (or number word) i, if any. */
static void
mention(struct numconf *c, size_t i)
{
	const struct doc *d = c->ic->d;
	const struct tok *t = &d->toks[i];
	struct nc_mention m;
	static const char *const subsets[] = { "other", "remaining",
	    "additional", "another", "first", "last", "next", "further",
	    NULL };
	const char *val, *kind;
	size_t j = i + 1, start;
	int grouped = 0, age = 0;

	memset(&m, 0, sizeof(m));
	if (t->flags & TOK_INQUOTE)
		return;
	if (t->kind == TOK_NUM) {
		if (parse_num(d->text + t->off, t->len, &m.v, &m.unit, &age,
		    &grouped) < 0) {
			tally(c, i);
			return;
		}
		if (age_mention(c, i, m.v, age) || age)
			return;
		/* a bare year, or a clock time, is not a quantity */
		if (m.unit == NC_COUNT && !grouped && m.v >= 1800 &&
		    m.v <= 2100)
			return;
	} else {
		val = incons_marked_val(d, c->ic->lx->numbers, c->nbit, i,
		    c->sec_cardinal);
		/* "hundred" alone ("a few hundred") is a scale, not a count */
		if (val == NULL || (m.v = lex_num(c, val)) < 2 ||
		    incons_marked_val(d, c->ic->lx->quantity, c->qbit, i,
		    c->sec_scale))
			return;
	}
	while (j < d->ntoks && d->toks[j].sent == t->sent &&
	    (val = incons_marked_val(d, c->ic->lx->quantity, c->qbit, j,
	    c->sec_scale)) != NULL) {
		m.v *= lex_num(c, val);
		j++;
	}
	if (m.unit == NC_COUNT && j < d->ntoks && (tok_is(d, &d->toks[j],
	    "percent") || tok_is(d, &d->toks[j], "pct"))) {
		m.unit = NC_PERCENT;
		j++;
	} else if (m.unit == NC_COUNT && j + 1 < d->ntoks &&
	    d->toks[j + 1].sent == t->sent && tok_is(d, &d->toks[j], "per") &&
	    tok_is(d, &d->toks[j + 1], "cent")) {
		m.unit = NC_PERCENT;	/* "39 per cent" = "39 percent" */
		j += 2;
	}
	kind = approximator(c, i, &start);
	interval(&m, kind);
	m.definite = m.article = definite_before(d, start);
	m.subset = incons_after(d, start, subsets);
	m.first = m.ptok = i;
	if (start > 0 && d->toks[start - 1].sent == t->sent &&
	    d->toks[start - 1].kind == TOK_WORD &&
	    !(d->toks[start - 1].flags & TOK_CAP) &&
	    !incons_minor(c->ic, start - 1)) {
		m.pred = incons_stem_key(d, start - 1);
		m.ptok = start - 1;
	}
	if (!counted_noun(c, &m, j) && !cost_subject(c, &m, start, j - 1) &&
	    !share_subject(c, &m, start, j - 1))
		return;
	add(c, &m);
}

static int
overlap(const struct nc_mention *a, const struct nc_mention *b)
{
	double eps = 1e-9 * (fabs(a->v) + fabs(b->v));

	return a->lo <= b->hi + eps && b->lo <= a->hi + eps;
}

static int
shared_qual(const struct nc_mention *a, const struct nc_mention *b)
{
	int i, k;

	for (i = 0; i < a->nqual; i++)
		for (k = 0; k < b->nqual; k++)
			if (a->qual[i] == b->qual[k])
				return 1;
	return 0;
}

static int
close_values(const struct nc_mention *a, const struct nc_mention *b)
{
	double x = a->v < b->v ? a->v : b->v, y = a->v < b->v ? b->v : a->v;

	return x > 0 && y / x <= NC_MAX_RATIO;
}

/*
 * Are a and b a slip of the keyboard: the same unit and number of digits,
 * two neighbouring digits swapped ($412 million, $421 million)?  Trailing
 * zeros they share are not compared.  One digit changed (14 and 12
 * branches, 240 and 200 workers) is as often another set of things.
 */
static int
slip(const struct nc_mention *a, const struct nc_mention *b)
{
	char x[32], y[32];
	int n, k, diff = 0, first = 0;

	if (a->unit != b->unit || a->v < 10 || b->v < 10 || a->v >= 1e15 ||
	    b->v >= 1e15 || a->v == b->v ||
	    a->v != floor(a->v) || b->v != floor(b->v))
		return 0;
	n = snprintf(x, sizeof(x), "%.0f", a->v);
	if (snprintf(y, sizeof(y), "%.0f", b->v) != n)
		return 0;
	while (n > 2 && x[n - 1] == '0' && y[n - 1] == '0')
		n--;
	for (k = 0; k < n; k++)
		if (x[k] != y[k] && diff++ == 0)
			first = k;
	return diff == 2 && first + 1 < n && x[first] == y[first + 1] &&
	    x[first + 1] == y[first];
}

/*
 * A year near the number (within NC_DATE_WIN tokens, same sentence): a
 * different time may explain another value.  "since 2019" at the far end
 * of a long sentence dates something else.
 */
static int
dated(const struct doc *d, size_t i)
{
	const struct sent *s = &d->sents[d->toks[i].sent];
	size_t j, lo = i > s->first + NC_DATE_WIN ? i - NC_DATE_WIN : s->first;
	size_t hi = s->first + s->n < i + NC_DATE_WIN ? s->first + s->n :
	    i + NC_DATE_WIN;

	for (j = lo; j < hi; j++) {
		const struct tok *t = &d->toks[j];
		const char *p = d->text + t->off;

		if (t->kind == TOK_NUM && t->len == 4 && (memcmp(p, "19",
		    2) == 0 || memcmp(p, "20", 2) == 0))
			return 1;
	}
	return 0;
}

/*
 * Is change word j, marked "particle" in change-words.txt ("up", "down"),
 * a change of a figure: before one ("up 5%", "down from 40", "up sharply
 * by 3") or after a form of "be" or "go" ("sales were up", "went down")?
 * "make up nearly a third", "broke down": a verb's particle.
 */
static int
figure_particle(const struct numconf *c, size_t j)
{
	static const char *const skip[] = { "by", "from", "about", "nearly",
	    "roughly", "almost", "some", "sharply", "slightly", "more",
	    "than", NULL };
	static const char *const verbs[] = { "was", "were", "is", "are",
	    "be", "been", "being", "went", "go", "goes", "going", "gone",
	    "came", "come", "comes", "coming", NULL };
	const struct doc *d = c->ic->d;
	size_t s = d->toks[j].sent, k;

	if (j > 0 && incons_word_in(d, j - 1, s, verbs))
		return 1;
	for (k = j + 1; k < d->ntoks && k <= j + 4 && incons_word_in(d, k, s, skip);
	    k++)
		;
	return k < d->ntoks && d->toks[k].sent == s &&
	    (d->toks[k].kind == TOK_NUM || incons_marked_val(d,
	    c->ic->lx->numbers, c->nbit, k, c->sec_cardinal) != NULL);
}

/*
 * incons_changed near the tokens [a, b], unless every change word there is
 * a particle that changes no figure (figure_particle).
 */
static int
nc_changed(const struct numconf *c, size_t a, size_t b)
{
	const struct doc *d = c->ic->d;
	const struct sent *s = &d->sents[d->toks[a].sent];
	const struct lex_entry *e;
	size_t lo, hi, j, n;

	if (!incons_changed(c->ic, a, b, NC_CHANGE_WIN))
		return 0;
	lo = a > s->first + NC_CHANGE_WIN ? a - NC_CHANGE_WIN : s->first;
	hi = b + NC_CHANGE_WIN < s->first + s->n ? b + NC_CHANGE_WIN :
	    s->first + s->n;
	for (j = lo; j < hi; j++) {
		if ((j >= a && j <= b) || (e = lex_match(c->ic->lx->change_words,
		    d, j, &n)) == NULL || (j <= b && j + n > a))
			continue;
		if (strcmp(e->val, "particle") != 0 || figure_particle(c, j))
			return 1;
	}
	return 0;
}

/*
 * Is a change word near mention m, or a year (dated)?  Each is looked up
 * once per mention: a mention is compared with many.
 */
static int
changed_or_dated(const struct numconf *c, struct nc_mention *m)
{
	if (m->changed < 0)
		m->changed = (int8_t)(nc_changed(c, m->ptok, m->last) != 0);
	if (m->changed)
		return 1;
	if (m->dated < 0)
		m->dated = (int8_t)(dated(c->ic->d, m->first) != 0);
	return m->dated;
}

/* Could a and b (different values) be two statements of one figure? */
static int
comparable(const struct numconf *c, struct nc_mention *a, struct nc_mention *b)
{
	const struct doc *d = c->ic->d;

	if (d->toks[a->first].sent == d->toks[b->first].sent ||
	    a->subset || b->subset)
		return 0;
	/* "cut 1,800 jobs": the verb of the figure is no revision of it */
	if (changed_or_dated(c, a) || changed_or_dated(c, b))
		return 0;
	if (a->unit == NC_AGE)
		return (a->person == 0 || b->person == 0 ||
		    a->person == b->person) && (a->given == 0 ||
		    b->given == 0 || a->given == b->given);
	/* one body's vote split two ways */
	if (a->unit == NC_TALLY)
		return b->definite;
	if (!close_values(a, b))
		return 0;
	/* "eliminates 22 jobs" ... "the 20 jobs eliminated" */
	if ((b->post != 0 && b->post == a->pred) ||
	    (a->post != 0 && a->post == b->pred))
		return 1;
	if (a->nqual > 0 && b->nqual > 0)
		return shared_qual(a, b);
	/* "the $421 million plan on WEBK radio" after "$412 million":
	 * a slip outweighs the modifier that may restrict the noun */
	return b->definite || (b->article && slip(a, b));
}

static void
report(const struct numconf *c, const struct nc_mention *b,
    const struct nc_mention *a)
{
	struct doc *d = c->ic->d;
	size_t off, len, aoff, alen;

	incons_span(d, b->first, b->last, &off, &len);
	incons_span(d, a->first, a->last, &aoff, &alen);
	incons_report(c->ic, FINDING_NUMBER_CONFLICT, off, len,
	    "'%.*s' here, but '%.*s' on line %zu: is one of them wrong?",
	    (int)(len > 60 ? 60 : len), d->text + off,
	    (int)(alen > 60 ? 60 : alen), d->text + aoff,
	    incons_line(d, aoff));
}

/*
 * "the $3.2 million plan": a definite project noun restates the story's
 * main money figure (its first, in the opening paragraphs) when no
 * mention of the same key came before.
 */
static void
anaphor(const struct numconf *c, const struct nc_mention *b, size_t bi)
{
	const struct doc *d = c->ic->d;
	const struct nc_mention *lead = NULL;
	size_t k;

	for (k = 0; k < bi; k++) {
		if (c->m[k]->unit != NC_MONEY)
			continue;
		if (lead == NULL)
			lead = c->m[k];
		if (overlap(c->m[k], b))
			return;	/* the figure was given before */
	}
	if (lead == NULL || d->toks[lead->first].para > 2 ||
	    (!b->definite && !slip(lead, b)) || lead->key == b->key || overlap(lead, b) ||
	    !close_values(lead, b) ||
	    nc_changed(c, lead->first, lead->last) ||
	    nc_changed(c, b->first, b->last) ||
	    dated(d, lead->first) || dated(d, b->first))
		return;
	report(c, b, lead);
}

/* Is token i "unanimous(ly)", not negated just before? */
static int
unanimous(const struct numconf *c, size_t i)
{
	static const char *const neg[] = { "not", "never", "nearly",
	    "almost", NULL };
	const struct doc *d = c->ic->d;
	const struct tok *t = &d->toks[i];

	return t->kind == TOK_WORD && !(t->flags & TOK_INQUOTE) &&
	    (tok_is(d, t, "unanimous") || tok_is(d, t, "unanimously")) &&
	    !incons_after(d, i, neg) &&
	    !(i > 0 && incons_after(d, i - 1, neg));
}

/*
 * Is token j "voted against", "voted no" or "dissented"?  Sets *end to
 * its last token.
 */
static int
dissent_verb(const struct doc *d, size_t j, size_t *end)
{
	if (tok_is(d, &d->toks[j], "dissented")) {
		*end = j;
		return 1;
	}
	if (tok_is(d, &d->toks[j], "voted") && j + 1 < d->ntoks &&
	    (tok_is(d, &d->toks[j + 1], "against") ||
	    tok_is(d, &d->toks[j + 1], "no"))) {
		*end = j + 1;
		return 1;
	}
	return 0;
}

/*
 * The count of members before the dissent verb at j ("Two of the nine
 * board members voted against"): its token, or (size_t)-1.
 */
static size_t
dissenters(const struct numconf *c, size_t j)
{
	const struct doc *d = c->ic->d;
	size_t i, first = d->sents[d->toks[j].sent].first;

	for (i = j; i > first && i + NC_DISSENT_WIN > j; i--) {
		const struct tok *t = &d->toks[i - 1];
		const char *val;
		double v;

		if (t->flags & TOK_INQUOTE || d->text[t->off] == ',')
			return (size_t)-1;
		if (t->kind == TOK_NUM) {
			int unit, age, grouped;

			/* "voted 7-2": a tally, not a count of members */
			return parse_num(d->text + t->off, t->len, &v, &unit,
			    &age, &grouped) == 0 && unit == NC_COUNT &&
			    v >= 1 && v <= 999 ? i - 1 : (size_t)-1;
		}
		if ((val = incons_marked_val(d, c->ic->lx->numbers, c->nbit,
		    i - 1, c->sec_cardinal)) != NULL && lex_num(c, val) >= 1)
			return i - 1;
	}
	return (size_t)-1;
}

/* Does sentence s hold one of the body nouns b ("board", "council")? */
static int
has_body(const struct numconf *c, size_t s, const uint64_t *b, size_t nb)
{
	const struct doc *d = c->ic->d;
	size_t j, k;

	for (j = d->sents[s].first; j < d->sents[s].first + d->sents[s].n;
	    j++)
		for (k = 0; k < nb; k++)
			if (incons_word_key(d, j) == b[k])
				return 1;
	return 0;
}

/*
 * "the unanimous vote" pointing back at a vote the story gave as split
 * ("voted 5-2"), in another sentence, neither dated nor changed; u is the
 * "unanimous" token.  Reports at u and returns 1 when so.  "a unanimous
 * vote", "the earlier unanimous vote" and "the unanimous vote on the
 * levy" may be another vote: they are left alone.
 */
/* Does number token i have a digit other than 0? */
static int
nonzero(const struct doc *d, size_t i)
{
	const char *p = d->text + d->toks[i].off;
	size_t k;

	for (k = 0; k < d->toks[i].len; k++)
		if (p[k] >= '1' && p[k] <= '9')
			return 1;
	return 0;
}

/*
 * Does "voted" at token j give a split in words: "voted overwhelmingly",
 * "voted narrowly", or "N voted in favor and M against" with M above
 * zero, in its sentence?
 */
static int
split_words(const struct doc *d, size_t j)
{
	static const char *const adv[] = { "overwhelmingly", "narrowly",
	    NULL };
	size_t i, s = d->toks[j].sent, end = d->sents[s].first + d->sents[s].n;

	if (incons_word_in(d, j + 1, s, adv))
		return 1;
	for (i = j + 1; i + 1 < end && i < j + NC_DISSENT_WIN; i++)
		if (d->toks[i].kind == TOK_NUM && nonzero(d, i) &&
		    (tok_is(d, &d->toks[i + 1],
		    "against") || tok_is(d, &d->toks[i + 1], "opposed")))
			return 1;
	return 0;
}

static int
split_unanimous(const struct numconf *c, size_t u)
{
	static const char *const restrict_w[] = { "on", "to", "for", "in",
	    "over", "that", "which", NULL };
	static const char *const vote[] = { "vote", NULL };
	struct doc *d = c->ic->d;
	const struct incons_list *l = &c->ic->scan->votes;
	unsigned long x, y;
	size_t k, j, s = d->toks[u].sent, off, len;

	if (!definite_before(d, u) || !incons_word_in(d, u + 1, s, vote) ||
	    incons_word_in(d, u + 2, s, restrict_w) || dated(d, u))
		return 0;
	for (k = 0; k < l->n; k++) {
		j = l->i[k];
		if (d->toks[j].sent == s || !tok_is(d, &d->toks[j], "voted") ||
		    j + 1 >= d->ntoks || d->toks[j + 1].sent !=
		    d->toks[j].sent || !(split_of(d, j + 1, &x, &y) ?
		    x != 0 && y != 0 : split_words(d, j)) || dated(d, j + 1) ||
		    incons_changed(c->ic, j, j + 1, NC_CHANGE_WIN))
			continue;
		incons_span(d, j, j + 1, &off, &len);
		incons_report(c->ic, FINDING_NUMBER_CONFLICT, d->toks[u].off,
		    d->toks[u].len, "The vote is called unanimous here, but "
		    "'%.*s' on line %zu: is one of them wrong?", (int)len,
		    d->text + off, incons_line(d, off));
		return 1;
	}
	return 0;
}

/*
 * A vote called unanimous, and members of the same body who voted
 * against it: a count of dissenters given as 0 and as N.  Looks at the
 * words of ic->scan->votes.
 */
static void
unanimity(const struct numconf *c)
{
	struct doc *d = c->ic->d;
	const struct incons_list *l = &c->ic->scan->votes;
	uint64_t body[NC_MAX_BODIES];
	size_t i, j, k, u = 0, nb = 0, end, off, len, uoff;
	int found = 0;

	if (c->ic->lx->org_nouns == NULL)
		return;
	for (k = 0; k < l->n && !found; k++)
		found = unanimous(c, l->i[k]);
	if (!found)
		return;
	u = l->i[k - 1];
	if (split_unanimous(c, u))
		return;
	for (j = d->sents[d->toks[u].sent].first; j < d->sents[d->toks[u].
	    sent].first + d->sents[d->toks[u].sent].n && nb < NC_MAX_BODIES;
	    j++)
		if (d->toks[j].kind == TOK_WORD && !(d->toks[j].flags &
		    TOK_CAP) && incons_lex_val(d, c->ic->lx->org_nouns, j,
		    -1) != NULL)
			body[nb++] = incons_word_key(d, j);
	if (nb == 0)
		return;
	for (k = 0; k < l->n; k++) {
		size_t s = d->toks[j = l->i[k]].sent;

		if (s == d->toks[u].sent || !dissent_verb(d, j, &end) ||
		    (i = dissenters(c, j)) == (size_t)-1 ||
		    !has_body(c, s, body, nb) || dated(d, i) || dated(d, u) ||
		    incons_changed(c->ic, i, end, NC_CHANGE_WIN))
			continue;
		incons_span(d, i, end, &off, &len);
		uoff = d->toks[u].off;
		if (uoff > off) {
			incons_report(c->ic, FINDING_NUMBER_CONFLICT, uoff,
			    d->toks[u].len, "The vote is called unanimous "
			    "here, but '%.*s' on line %zu: is one of them "
			    "wrong?", (int)(len > 60 ? 60 : len),
			    d->text + off, incons_line(d, off));
		} else
			incons_report(c->ic, FINDING_NUMBER_CONFLICT, off, len,
			    "'%.*s' here, but the vote is called unanimous "
			    "on line %zu: is one of them wrong?",
			    (int)(len > 60 ? 60 : len), d->text + off,
			    incons_line(d, uoff));
		return;
	}
}

struct numconf *
numconf_new(const struct incons *ic)
{
	struct numconf *c;

	if (ic->lx->quantity == NULL || ic->lx->numbers == NULL)
		return NULL;
	c = arena_calloc(&ic->d->arena, 1, sizeof(*c));
	c->ic = ic;
	c->nums = arena_calloc(&ic->d->arena, NC_NUM_CACHE, sizeof(*c->nums));
	c->qbit = lex_bit(ic->lx->quantity, ic->d);
	c->nbit = lex_bit(ic->lx->numbers, ic->d);
	c->sec_approx = lex_section(ic->lx->quantity, "approx");
	c->sec_scale = lex_section(ic->lx->quantity, "scale");
	c->sec_anaphor = lex_section(ic->lx->quantity, "anaphors");
	c->sec_unit = lex_section(ic->lx->quantity, "units");
	c->sec_cardinal = lex_section(ic->lx->numbers, "cardinals");
	c->sec_headcount = lex_section(ic->lx->quantity, "headcount");
	c->sec_backref = lex_section(ic->lx->quantity, "backrefs");
	return c;
}

void
numconf_word(struct numconf *c, size_t i)
{
	mention(c, i);
}

void
numconf_run(struct numconf *c)
{
	struct doc *d = c->ic->d;
	struct incons_map map;
	size_t i;

	unanimity(c);
	rate_totals(c);
	if (c->n == 0)
		return;
	incons_map_init(&map, &d->arena, c->n);
	for (i = 0; i < c->n; i++) {
		struct nc_mention *b = c->m[i];
		int32_t *h = incons_map_head(&map, b->key), e;
		const struct nc_mention *bad = NULL;
		int agree = 0, len = 0;

		for (e = *h; e >= 0 && len < NC_MAX_CHAIN; e = c->m[e]->next,
		    len++) {
			if (overlap(c->m[e], b))
				agree = 1;
			else if (comparable(c, c->m[e], b))
				bad = c->m[e];
		}
		if (!agree && bad != NULL)
			report(c, b, bad);
		else if (*h < 0 && (b->definite || b->article) && b->anaphor &&
		    b->unit == NC_MONEY)
			anaphor(c, b, i);
		b->next = *h;
		*h = (int32_t)i;
	}
}
