/* namecheck.c: NameVariant and TitleConflict: one person, two forms. */
#include "namecheck.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "incons_p.h"
#include "lex.h"
#include "lexset.h"
#include "people.h"
#include "tok.h"
#include "utf8.h"

/* Longest folded surname compared (bytes); longer ones are skipped. */
#define NM_MAX_LEN 40
#define NM_MAX_PAIRS 64	/* hyphenated double names kept a story */

/*
 * Bits of pair_variants' set of the hyphenated names' keys: few of a
 * story's spaced pairs share a bit with NM_MAX_PAIRS keys.
 */
#define NM_PAIR_BITS 1024

/*
 * Surnames of at least this many letters may differ by 2 edits (Reyes
 * and Reyez: 1 at 4 letters; Achterberg and Achterburg: 2 from 8).
 */
#define NM_MIN_LEN 4
#define NM_LEN_DIST2 8

/* Forms compared with one neighbour key (keeps the check linear). */
#define NM_MAX_CHAIN 16

/*
 * A surname never used as a person's may still be a misspelled one from
 * this many letters (Holmquist for Holmqvist).
 */
#define NM_LONE_LEN 6

/* Tokens searched before a name for its title run. */
#define NM_MAX_TITLE 4

/* Given names kept per surname (to spot one spelled two ways). */
#define NM_MAX_GIVEN 4

/* Given names of at least this many letters may differ by 1 edit. */
#define NM_GIVEN_MIN 4

/*
 * Most edits between two spellings of one given name that differ only in
 * vowels and share their first NM_GIVEN_MIN letters (Kathryn, Katherine).
 */
#define NM_GIVEN_MAX_EDITS 3

/* A distinct spelling of a capitalized word that ends a name. */
struct nm_form {
	uint64_t key;		/* case-folded, accents kept */
	char fold[NM_MAX_LEN + 1];	/* accents and case folded */
	size_t flen;
	int count;
	int person;		/* some use has a given name, title or verb */
	int named;		/* some use has a given name or a title */
	uint64_t given;		/* given name seen with it, 0 none */
	int given_conflict;	/* two different given names */
	size_t gtok[NM_MAX_GIVEN];	/* the first use of each given name */
	int gcount[NM_MAX_GIVEN];	/* and its uses */
	int ng;
	size_t first;		/* token of the first use */
	size_t r;		/* the first token of the first use's run */
	int reported;
};

/* One title given to a surname: "Lt. Boyce", "Raghunathan, the COO". */
struct nm_title {
	uint64_t who;		/* fold key of the surname */
	const char *head;	/* canonical title (titles.txt) */
	const char *group;	/* title-groups.txt, or NULL */
	size_t a, b;		/* span tokens */
	size_t name;		/* the surname token */
	int pre;		/* set right before the name (Capt. Ochoa) */
	int32_t next;
};

/* Heads whose title group namecheck keeps (title_group). */
#define NM_GROUP_CACHE 64

/* A title head and its group (title_group). */
struct nm_group {
	const char *head;	/* NULL when the slot is empty */
	const char *group;
};

struct namecheck {
	const struct incons *ic;
	struct nm_form **f;	/* each allocated once: growing the array
				 * copies pointers, not forms */
	size_t nf, capf;
	struct nm_title *t;
	size_t nt, capt;
	struct incons_map forms;	/* key -> form */
	struct nm_group groups[NM_GROUP_CACHE];
	uint32_t title_bit;	/* lex_bit of the titles */
	uint32_t given_bit;	/* of the given names */
	uint32_t cal_bit;	/* of the calendar */
	/* "Ruiz-Tanaka" and "Ruiz Tanaka": the two parts' keys, mixed */
	struct nm_pair *hy, *sp;
	size_t nhy, caphy, nsp, capsp;
};

/* A double surname as one hyphenated token or as two words. */
struct nm_pair {
	uint64_t key;		/* pair_key of its two parts */
	size_t tok;		/* its first token */
	size_t len;		/* bytes of its text */
};

static int
capword(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];

	return t->kind == TOK_WORD && (t->flags & TOK_CAP) &&
	    !(t->flags & TOK_ALLCAP);
}

/*
 * incons_lex_val of token i in lexicon lx (any section), whose bit in the
 * token marks is bit: the marks rule most words out without a call.
 */
static const char *
lex_val(const struct namecheck *c, const struct lexicon *lx, uint32_t bit,
    size_t i)
{
	return incons_marked_val(c->ic->d, lx, bit, i, -1);
}

/*
 * title_ending past its first test: the search itself, kept out of line
 * so that the test is inlined where title_ending is asked.
 */
static __attribute__((noinline)) const struct lex_entry *
title_search(const struct namecheck *c, size_t j, size_t lo, size_t *start)
{
	const struct doc *d = c->ic->d;
	size_t p, n;

	for (p = j >= lo + NM_MAX_TITLE ? j - NM_MAX_TITLE : lo; p <= j;
	    p++) {
		const struct lex_entry *e;

		if (!lex_marked(&d->toks[p], c->title_bit))
			continue;
		e = lex_match(c->ic->lx->titles, d, p, &n);

		if (e != NULL && p + n == j + 1 &&
		    d->toks[p].sent == d->toks[j].sent) {
			*start = p;
			return e;
		}
	}
	return NULL;
}

/*
 * The title lexicon entry that ends exactly at token j, and its start.
 * Inline: asked before most names, it answers most without a call.
 */
static inline const struct lex_entry *
title_ending(const struct namecheck *c, size_t j, size_t lo, size_t *start)
{
	const struct doc *d = c->ic->d;

	/* most windows hold no title's first word: one test for all five */
	_Static_assert(NM_MAX_TITLE == 4, "the test reads five tokens");
	if (c->title_bit != 0 && j >= lo + NM_MAX_TITLE) {
		const struct tok *t = &d->toks[j - NM_MAX_TITLE];

		if (((t[0].lex | t[1].lex | t[2].lex | t[3].lex | t[4].lex) &
		    c->title_bit) == 0)
			return NULL;
	}
	return title_search(c, j, lo, start);
}

/*
 * title_ending(c, r - 1, 0, ...) for a name starting at r, when
 * name_start has looked it up (known): the entry or NULL, and its start
 * (r when NULL).
 */
struct nm_before {
	int known;
	const struct lex_entry *title;
	size_t start;
};

/*
 * The first token of the name whose last token is i (given names kept).
 * Fills b, when not NULL.
 */
static size_t
name_start(const struct namecheck *c, size_t i, struct nm_before *b)
{
	const struct doc *d = c->ic->d;
	const struct lex_entry *e = NULL;
	size_t r = i, s = 0;

	while (r > 0 && capword(d, r - 1) &&
	    d->toks[r - 1].sent == d->toks[i].sent &&
	    (e = title_ending(c, r - 1, 0, &s)) == NULL &&
	    !incons_minor(c->ic, r - 1))
		r--;
	if (b != NULL) {
		/* the loop stopped at a title, or at a word after asking */
		b->known = r > 0 && capword(d, r - 1) &&
		    d->toks[r - 1].sent == d->toks[i].sent;
		b->title = e;
		b->start = e != NULL ? s : r;
	}
	return r;
}

/*
 * Are the n bytes at s all ASCII?  Eight, then four, two and one at a
 * time: a high bit in any is a non-ASCII byte (asked of most names).
 */
static inline int
ascii(const char *s, size_t n)
{
	uint64_t w8, any = 0;
	uint32_t w4;
	uint16_t w2;
	size_t k = 0;

	for (; k + 8 <= n; k += 8) {
		memcpy(&w8, s + k, 8);
		any |= w8;
	}
	if (k + 4 <= n) {
		memcpy(&w4, s + k, 4);
		any |= w4;
		k += 4;
	}
	if (k + 2 <= n) {
		memcpy(&w2, s + k, 2);
		any |= w2;
		k += 2;
	}
	if (k < n)
		any |= (unsigned char)s[k];
	return (any & 0x8080808080808080ULL) == 0;
}

/*
 * given_val of token i, a word of non-ASCII bytes that is not listed as
 * written: its accents folded.  Out of line: few words need it.
 */
static __attribute__((noinline)) const char *
given_folded(const struct namecheck *c, size_t i)
{
	const struct doc *d = c->ic->d;
	const struct tok *t = &d->toks[i];
	const struct lex_entry *e;
	char w[NM_MAX_LEN + 1];
	size_t n;

	n = utf8_fold_strip(d->text + t->off, t->len, w, sizeof(w));
	if (n == 0 || n > NM_MAX_LEN)
		return NULL;
	e = lex_get(c->ic->lx->given_names, w, n);
	return e != NULL && e->nwords == 1 ? e->val : NULL;
}

/*
 * The given-name lexicon's value for token i, accents folded when the
 * word has any (José is listed as jose), else NULL.  Inline: asked of
 * most names, it answers most without a call.
 */
static inline const char *
given_val(const struct namecheck *c, size_t i)
{
	const struct doc *d = c->ic->d;
	const struct tok *t = &d->toks[i];
	const char *v = lex_val(c, c->ic->lx->given_names, c->given_bit, i);

	if (v != NULL || t->kind != TOK_WORD || t->len > NM_MAX_LEN ||
	    ascii(d->text + t->off, t->len))
		return v;
	return given_folded(c, i);
}

/* The key of given name token g, accents folded (Jarosław = Jaroslaw). */
static uint64_t
given_key(const struct doc *d, size_t g)
{
	char w[NM_MAX_LEN + 1];
	size_t n;

	/* folding ASCII only lowercases it, which the key ignores */
	if (d->toks[g].len > NM_MAX_LEN ||
	    ascii(d->text + d->toks[g].off, d->toks[g].len))
		return d->toks[g].key;
	n = utf8_fold_strip(d->text + d->toks[g].off, d->toks[g].len, w,
	    sizeof(w));
	return n > 0 && n <= NM_MAX_LEN ? tok_key(w, n) : d->toks[g].key;
}

static int
is_name_word(const struct namecheck *c, size_t i)
{
	const struct doc *d = c->ic->d;
	const struct lexset *lx = c->ic->lx;

	/* a capitalized word outside quotes, the last of its run: the
	 * caller asked namecheck_may_end, which needs no lexicon */
	if (incons_minor(c->ic, i) ||
	    lex_val(c, lx->titles, c->title_bit, i) != NULL ||
	    lex_val(c, lx->calendar, c->cal_bit, i) != NULL)
		return 0;
	/* a given name alone is no surname; after "Dana" or "Sheriff",
	 * Reed is one (asked first: it needs no lexicon) */
	return (i > 0 && capword(d, i - 1) &&
	    d->toks[i - 1].sent == d->toks[i].sent) || given_val(c, i) == NULL;
}

static struct nm_form *
form_of(struct namecheck *c, size_t i)
{
	struct doc *d = c->ic->d;
	uint64_t key = incons_word_key(d, i);
	int32_t *h = incons_map_head(&c->forms, key);
	struct nm_form *f;
	char w[NM_MAX_LEN * 3 + 1];
	size_t n;

	if (*h >= 0)
		return c->f[*h];
	n = incons_word(d, i, w, sizeof(w));
	arena_grow(&d->arena, (void **)&c->f, &c->capf, sizeof(*c->f),
	    c->nf + 1);
	f = c->f[c->nf] = arena_calloc(&d->arena, 1, sizeof(*f));
	f->key = key;
	f->first = i;
	/* fold from the original text: incons_word lowercases ASCII only,
	 * which for an ASCII word is all utf8_fold_strip would do */
	if (ascii(w, n)) {
		f->flen = n;
		memcpy(f->fold, w, n < NM_MAX_LEN ? n : NM_MAX_LEN);
	} else
		f->flen = utf8_fold_strip(d->text + d->toks[i].off, n,
		    f->fold, sizeof(f->fold));
	if (f->flen > NM_MAX_LEN)
		f->flen = NM_MAX_LEN;
	f->fold[f->flen] = '\0';
	*h = (int32_t)c->nf++;
	return f;
}

/*
 * Records the title run before the name [r, i] (form f) and its
 * appositive.  te is the title that ends right before r (or its period),
 * starting at token ts: namecheck_word has looked it up already.
 */
static void
titles_of(struct namecheck *c, size_t r, size_t i, const struct nm_form *f,
    const struct lex_entry *te, size_t ts);

/*
 * Whose titles these are: the person the attribution's person table
 * resolved the name to, else the folded surname.
 */
static uint64_t
person_key(const struct namecheck *c, size_t i, const struct nm_form *f)
{
	int m = people_mention_at(c->ic->d, i);

	if (m >= 0 && c->ic->d->mentions[m].person >= 0)
		return 0x8000000000000000ULL |
		    (uint64_t)c->ic->d->mentions[m].person;
	return tok_key(f->fold, f->flen);
}

/* Counts the given name at token g among the surname f's. */
static void
add_given(struct nm_form *f, const struct doc *d, size_t g)
{
	int k;

	for (k = 0; k < f->ng; k++)
		if (d->toks[f->gtok[k]].key == d->toks[g].key) {
			f->gcount[k]++;
			return;
		}
	if (f->ng == NM_MAX_GIVEN)
		return;
	f->gtok[f->ng] = g;
	f->gcount[f->ng++] = 1;
}

struct namecheck *
namecheck_new(const struct incons *ic)
{
	struct doc *d = ic->d;
	struct namecheck *c;

	if (ic->lx->titles == NULL || ic->lx->given_names == NULL ||
	    ic->lx->title_groups == NULL)
		return NULL;
	c = arena_calloc(&d->arena, 1, sizeof(*c));
	c->ic = ic;
	/* distinct words, not tokens: the maps grow as they fill */
	incons_map_init(&c->forms, &d->arena, 256);
	c->title_bit = lex_bit(ic->lx->titles, d);
	c->given_bit = lex_bit(ic->lx->given_names, d);
	c->cal_bit = lex_bit(ic->lx->calendar, d);
	return c;
}

/* The key of two name parts, from their tok_keys. */
static uint64_t
pair_key(uint64_t a, uint64_t b)
{
	return a * 0x9E3779B97F4A7C15ULL ^ b;
}

static void
add_pair(struct namecheck *c, struct nm_pair **v, size_t *n, size_t *cap,
    uint64_t key, size_t tok, size_t len)
{
	arena_grow(&c->ic->d->arena, (void **)v, cap, sizeof(**v), *n + 1);
	(*v)[*n].key = key;
	(*v)[*n].tok = tok;
	(*v)[(*n)++].len = len;
}

/*
 * Notes name word i as a double surname: a hyphenated token
 * ("Ruiz-Tanaka") or a capitalized word and this one ("Ruiz Tanaka's").
 */
static void
note_pair(struct namecheck *c, size_t i)
{
	const struct doc *d = c->ic->d;
	const struct tok *t = &d->toks[i];
	const char *s = d->text + t->off, *h;
	size_t pl = tok_poss_len(d, t), n = t->len - pl;

	if ((h = memchr(s, '-', n)) != NULL) {
		size_t a = (size_t)(h - s);

		if (a == 0 || a + 1 >= n || !(h[1] >= 'A' && h[1] <= 'Z') ||
		    c->nhy >= NM_MAX_PAIRS)
			return;
		add_pair(c, &c->hy, &c->nhy, &c->caphy, pair_key(tok_key(s, a),
		    tok_key(h + 1, n - a - 1)), i, n);
		return;
	}
	if (i == 0 || !capword(d, i - 1) || d->toks[i - 1].sent != t->sent ||
	    !(t->flags & TOK_SPACE) || tok_poss_len(d, &d->toks[i - 1]) ||
	    memchr(d->text + d->toks[i - 1].off, '-', d->toks[i - 1].len))
		return;
	add_pair(c, &c->sp, &c->nsp, &c->capsp, pair_key(d->toks[i - 1].key,
	    pl ? tok_key(s, n) : t->key), i - 1,
	    (size_t)(t->off + n - d->toks[i - 1].off));
}

/*
 * A double surname written both ways: reports the form used fewer times
 * (the later on a tie) at its first use.
 */
static void
pair_variants(struct namecheck *c)
{
	struct doc *d = c->ic->d;
	uint64_t bits[NM_PAIR_BITS / 64];
	size_t ns[NM_MAX_PAIRS], first[NM_MAX_PAIRS], k, j, nh;

	/*
	 * One pass over the spaced pairs (a story has thousands, and only
	 * NM_MAX_PAIRS hyphenated ones): each counted under the hyphenated
	 * pairs of its key, most passed over by a bit set of their keys.
	 */
	memset(bits, 0, sizeof(bits));
	for (k = 0; k < c->nhy; k++) {
		bits[(c->hy[k].key >> 6) % (NM_PAIR_BITS / 64)] |=
		    1ULL << (c->hy[k].key & 63);
		ns[k] = 0;
	}
	for (j = 0; j < c->nsp; j++) {
		uint64_t key = c->sp[j].key;

		if (!(bits[(key >> 6) % (NM_PAIR_BITS / 64)] >> (key & 63) & 1))
			continue;
		for (k = 0; k < c->nhy; k++)
			if (c->hy[k].key == key && ns[k]++ == 0)
				first[k] = j;
	}
	for (k = 0; k < c->nhy; k++) {
		const struct nm_pair *h = &c->hy[k], *sp, *hy = h, *r, *o;

		for (j = 0; j < k && c->hy[j].key != h->key; j++)
			;
		if (j < k || ns[k] == 0)
			continue;	/* that double name is done, or has
					 * no spaced form */
		nh = 0;
		for (j = 0; j < c->nhy; j++)
			nh += c->hy[j].key == h->key;
		sp = &c->sp[first[k]];
		r = ns[k] < nh || (ns[k] == nh && sp->tok > hy->tok) ? sp : hy;
		o = r == sp ? hy : sp;
		incons_report(c->ic, FINDING_NAME_VARIANT, d->toks[r->tok].off,
		    r->len, "'%.*s' is written '%.*s' elsewhere (line %zu): "
		    "with or without the hyphen?", (int)r->len,
		    d->text + d->toks[r->tok].off, (int)o->len,
		    d->text + d->toks[o->tok].off,
		    incons_line(d, d->toks[o->tok].off));
	}
}

void
namecheck_word(struct namecheck *c, size_t i)
{
	struct doc *d = c->ic->d;
	struct nm_form *f;
	const struct lex_entry *te;
	struct nm_before before;
	size_t r, s;
	uint64_t given = 0;
	int titled, verb;

	if (!is_name_word(c, i))
		return;
	note_pair(c, i);
	f = form_of(c, i);
	f->count++;
	r = name_start(c, i, &before);
	s = r;
	if (s > 0 && d->toks[s - 1].kind == TOK_PUNCT &&
	    d->text[d->toks[s - 1].off] == '.')
		s--;
	if (s == r && before.known) {
		te = before.title;	/* "Mayor Ann Cole": Mayor */
		s = before.start;
	} else
		te = s > 0 ? title_ending(c, s - 1, 0, &s) : NULL;
	titled = te != NULL;
	/* a listed given name, or any one word between a title and the
	 * surname (Dr. Amani Castellanos) */
	if (r < i && ((titled && r + 1 == i) ||
	    given_val(c, r) != NULL))
		given = given_key(d, r);
	verb = i + 1 < d->ntoks && d->toks[i + 1].sent == d->toks[i].sent &&
	    incons_in(d, &c->ic->verbs, i + 1);
	if (given || titled || verb)
		f->person = 1;
	if (given || titled)
		f->named = 1;
	if (given && f->given && f->given != given)
		f->given_conflict = 1;
	if (given && !f->given)
		f->given = given;
	if (f->count == 1)
		f->r = r;
	if (given)
		add_given(f, d, r);
	titles_of(c, r, i, f, te, s);
}

int
namecheck_osa(const char *a, size_t na, const char *b, size_t nb, int max)
{
	int row[3][NM_MAX_LEN + 2];
	size_t i, j;

	if ((na > nb ? na - nb : nb - na) > (size_t)max || na > NM_MAX_LEN ||
	    nb > NM_MAX_LEN)
		return max + 1;
	for (j = 0; j <= nb; j++)
		row[0][j] = (int)j;
	for (i = 1; i <= na; i++) {
		int *cur = row[i % 3], *prev = row[(i - 1) % 3];
		int *pp = row[(i + 1) % 3], best = max + 1;

		cur[0] = (int)i;
		for (j = 1; j <= nb; j++) {
			int cost = a[i - 1] != b[j - 1], v = prev[j] + 1;

			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[na % 3][nb];
}

/*
 * Reyes-Whitman and Reyes-Whitmore: the same parts but one, and that one
 * shares its first NM_MIN_LEN letters.
 */
static int
hyphen_variant(const struct nm_form *a, const struct nm_form *b)
{
	const char *pa = a->fold, *pb = b->fold;
	int diff = 0;

	if (strchr(pa, '-') == NULL || strchr(pb, '-') == NULL)
		return 0;
	while (*pa != '\0' || *pb != '\0') {
		size_t la = strcspn(pa, "-"), lb = strcspn(pb, "-");

		if (la != lb || memcmp(pa, pb, la) != 0) {
			if (diff++ || la < NM_MIN_LEN || lb < NM_MIN_LEN ||
			    memcmp(pa, pb, NM_MIN_LEN) != 0)
				return 0;
		}
		pa += la + (pa[la] == '-');
		pb += lb + (pb[lb] == '-');
		if ((*pa == '\0') != (*pb == '\0'))
			return 0;
	}
	return diff == 1;
}

/*
 * May x, never used as a person's (no given name, title or speech verb),
 * still be the introduced person o's surname misspelled?  Only when x is
 * used once, alone (no capitalized word before it: not "Costa Rica"), is
 * long enough not to be a common word, and o is a person used again.
 */
static int
may_be_person(const struct nm_form *x)
{
	return x->count == 1 && x->r == x->first && x->flen >= NM_LONE_LEN;
}

/* Is x a lone word (may_be_person) that o, a named person, may spell? */
static int
lone(const struct nm_form *o, const struct nm_form *x)
{
	return may_be_person(x) && o->person && o->named && o->count >= 2;
}

/* Are a and b one person's name spelled two ways?  Returns the kind. */
static int
variant(const struct nm_form *a, const struct nm_form *b)
{
	size_t n = a->flen < b->flen ? a->flen : b->flen;
	int max = n >= NM_LEN_DIST2 ? 2 : 1;

	int same = a->flen == b->flen &&
	    memcmp(a->fold, b->fold, a->flen) == 0;

	if (a->given && b->given && a->given != b->given)
		return 0;	/* two people: Anita Boyce, Mark Boyd */
	if (a->given_conflict || b->given_conflict)
		return 0;
	/* Peña, Pena: the same letters are evidence enough when one form
	 * is a named person's and the other is used alone (no capitalized
	 * word before it: not a place's "Pena Blanca") */
	if (same && a->flen >= NM_MIN_LEN &&
	    ((a->person && a->named && b->r == b->first) ||
	    (b->person && b->named && a->r == a->first)))
		return 2;
	if (!(a->named || b->named) || (!a->person && !lone(b, a)) ||
	    (!b->person && !lone(a, b)))
		return 0;
	if (same)
		return 2;	/* Peña, Pena */
	if (n < NM_MIN_LEN)
		return 0;
	/* evidence: the same given name, one spelling used once, or only
	 * one ever introduced with a given name (Lydia Brennan ... Brenan
	 * said) */
	if (!(a->given && a->given == b->given) &&
	    !((a->count == 1) != (b->count == 1)) &&
	    !((a->given != 0) != (b->given != 0)))
		return 0;
	if (namecheck_osa(a->fold, a->flen, b->fold, b->flen, max) <= max ||
	    hyphen_variant(a, b))
		return 1;
	return 0;
}

/* Length of token i without a possessive 's. */
static int
name_len(const struct doc *d, size_t i)
{
	return (int)(d->toks[i].len - (incons_possessive(d, i) ?
	    (d->text[d->toks[i].off + d->toks[i].len - 2] == '\'' ? 2 : 4) :
	    0));
}

static void
report_variant(const struct namecheck *c, struct nm_form *a, struct nm_form *b,
    int kind)
{
	struct doc *d = c->ic->d;
	struct nm_form *rare = a, *other = b;
	const struct tok *t;
	size_t len;

	if (b->count < a->count || (b->count == a->count &&
	    b->first > a->first)) {
		rare = b;
		other = a;
	}
	if (rare->reported)
		return;
	rare->reported = 1;
	t = &d->toks[rare->first];
	len = (size_t)name_len(d, rare->first);
	incons_report(c->ic, FINDING_NAME_VARIANT, t->off, len,
	    kind == 2 ? "'%.*s' is written '%.*s' elsewhere (line %zu): "
	    "accents differ" : "'%.*s' is spelled '%.*s' elsewhere (line "
	    "%zu): the same person?", (int)len, d->text + t->off,
	    name_len(d, other->first),
	    d->text + d->toks[other->first].off,
	    incons_line(d, d->toks[other->first].off));
}

/*
 * Neighbour keys are compared only with one another, so they need not be
 * tok_keys: with a polynomial hash (mod 2^64) of the folded bytes, the key
 * of a form with one or two letters deleted comes from its prefix hashes
 * in a few steps, where hashing each of the ~L*L/2 strings anew cost L
 * steps each.  NM_HASH_BASE is odd, so that no power of it is 0.
 */
#define NM_HASH_BASE 0x9E3779B97F4A7C15ULL

/* Prefix hashes and powers of a folded form, for neighbours. */
struct nm_hash {
	uint64_t pre[NM_MAX_LEN + 1];	/* hash of fold[0, k) */
	uint64_t pow[NM_MAX_LEN + 1];	/* NM_HASH_BASE^k */
};

static void
hash_init(struct nm_hash *h, const char *s, size_t n)
{
	size_t k;

	h->pre[0] = 0;
	h->pow[0] = 1;
	for (k = 0; k < n; k++) {
		h->pre[k + 1] = h->pre[k] * NM_HASH_BASE +
		    (unsigned char)s[k] + 1;
		h->pow[k + 1] = h->pow[k] * NM_HASH_BASE;
	}
}

/*
 * The key of a string of n bytes with hash x: the length mixed in, and
 * the bits spread upwards by an odd multiplier (incons_map_slot folds the
 * high bits into the low ones it probes by).
 */
static uint64_t
hash_key(uint64_t x, size_t n)
{
	return (x ^ (uint64_t)n) * 0xC4CEB9FE1A85EC53ULL;
}

/* The neighbour key of the n bytes at s, hashed from scratch. */
static uint64_t
plain_key(const char *s, size_t n)
{
	uint64_t x = 0;
	size_t k;

	for (k = 0; k < n; k++)
		x = x * NM_HASH_BASE + (unsigned char)s[k] + 1;
	return hash_key(x, n);
}

/*
 * Most neighbour keys of a form of flen bytes: itself, flen single
 * deletions, fewer than flen * flen / 2 double ones, and a hyphen
 * part for each hyphen and one more.
 */
static size_t
neighbours_max(size_t flen)
{
	return 2 + 2 * flen + flen * flen / 2;
}

/*
 * Neighbour keys of a folded form: itself, one deletion (two from
 * NM_LEN_DIST2 letters), hyphen parts; duplicates are kept (deleting
 * either of a double letter gives one string twice).
 */
static size_t
neighbours(const struct nm_form *f, uint64_t *out, size_t cap)
{
	struct nm_hash h;
	uint64_t del[NM_MAX_LEN];
	char w[NM_MAX_LEN + 1];
	size_t n = 0, L = f->flen, i, j, k;

	hash_init(&h, f->fold, L);
	/*
	 * Deleting byte k takes (pre[k] - pre[k + 1]) * pow[L - 1 - k] from
	 * the hash of the bytes after it, so the hash without byte k is
	 * pre[L] + del[k] (modulo 2^64, as the hashes are computed), and
	 * without bytes i < k as well, that less the same for byte i one
	 * place further down: each neighbour an addition.
	 */
	for (k = 0; k < L; k++)
		del[k] = (h.pre[k] - h.pre[k + 1]) * h.pow[L - 1 - k];
	out[n++] = hash_key(h.pre[L], L);
	for (i = 0; i < L && n < cap; i++) {
		uint64_t base;

		/* fold without byte i */
		out[n++] = hash_key(h.pre[L] + del[i], L - 1);
		if (L < NM_LEN_DIST2 || i + 2 >= L)
			continue;
		/* and without byte k too, i < k < L - 1 (the last byte of
		 * the shortened form stays) */
		base = h.pre[L] + (h.pre[i] - h.pre[i + 1]) * h.pow[L - 2 - i];
		for (k = i + 1; k + 1 < L && n < cap; k++)
			out[n++] = hash_key(base + del[k], L - 2);
	}
	/* hyphenated: each part replaced by a wildcard */
	if (memchr(f->fold, '-', L) == NULL)
		return n;
	for (i = 0; i <= L && n < cap; i = j + 1) {
		for (j = i; j < L && f->fold[j] != '-'; j++)
			;
		memcpy(w, f->fold, i);
		w[i] = '*';
		memcpy(w + i + 1, f->fold + j, L - j);
		out[n++] = plain_key(w, i + 1 + L - j);
	}
	return n;
}

/*
 * Is f compared by its own folded key only: no person's name, nor one
 * that may be (a place's Pena may still be a person's Peña misspelled)?
 */
static int
own_key_only(const struct nm_form *f)
{
	return !f->person && !may_be_person(f);
}

static void
name_variants(struct namecheck *c)
{
	struct doc *d = c->ic->d;
	struct incons_map near;
	int32_t *next;
	size_t i, k, cap = NM_MAX_LEN * NM_MAX_LEN;
	size_t *from = arena_alloc(&d->arena, (c->nf + 1) * sizeof(*from));
	uint64_t *keys;
	size_t capk = 0, nitems = 0, total = 0;
	int32_t *item;

	/* room for every form's keys at once: no copying as they are added */
	for (i = 0; i < c->nf; i++)
		capk += own_key_only(c->f[i]) ? 1 :
		    neighbours_max(c->f[i]->flen);
	keys = arena_alloc(&d->arena, (capk + 1) * sizeof(*keys));
	/* each person form's neighbour keys, once: keys[from[i], from[i+1]) */
	for (i = 0; i < c->nf; i++) {
		from[i] = total;
		if (own_key_only(c->f[i])) {
			/* its own folded key only: an accent variant of a
			 * person's name (Pena for Peña) */
			if (c->f[i]->flen >= NM_MIN_LEN)
				keys[total++] = plain_key(c->f[i]->fold,
				    c->f[i]->flen);
			continue;
		}
		total += neighbours(c->f[i], keys + total,
		    neighbours_max(c->f[i]->flen) < cap ?
		    neighbours_max(c->f[i]->flen) : cap);
	}
	from[c->nf] = total;
	if (total == 0)
		return;
	incons_map_init(&near, &d->arena, total);
	next = arena_alloc(&d->arena, total * sizeof(*next));
	item = arena_alloc(&d->arena, total * sizeof(*item));
	for (i = 0; i < c->nf; i++) {
		for (k = from[i]; k < from[i + 1]; k++) {
			int32_t *h = incons_map_head(&near, keys[k]), e;
			int len = 0, kind;

			for (e = *h; e >= 0 && len < NM_MAX_CHAIN;
			    e = next[e], len++) {
				struct nm_form *a = c->f[item[e]];

				if (a == c->f[i])
					continue;
				kind = variant(a, c->f[i]);
				if (kind)
					report_variant(c, a, c->f[i], kind);
			}
			item[nitems] = (int32_t)i;
			next[nitems] = *h;
			*h = (int32_t)nitems++;
		}
	}
}

/* Is folded letter ch a vowel (y too: Kathryn, Katherine)? */
static int
vowel(char ch)
{
	return strchr("aeiouy", ch) != NULL;
}

/*
 * Kathryn and Katherine: at most NM_GIVEN_MAX_EDITS edits apart, the same
 * first NM_GIVEN_MIN letters and the same consonants in the same order,
 * only vowels added or changed (Brian and Bruno share the consonants but
 * not the start).
 */
static int
spelling_variant(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0, j = 0;

	if (na < NM_GIVEN_MIN || nb < NM_GIVEN_MIN ||
	    memcmp(a, b, NM_GIVEN_MIN) != 0 ||
	    namecheck_osa(a, na, b, nb, NM_GIVEN_MAX_EDITS) > NM_GIVEN_MAX_EDITS)
		return 0;
	for (;;) {
		while (i < na && vowel(a[i]))
			i++;
		while (j < nb && vowel(b[j]))
			j++;
		if (i == na || j == nb)
			return i == na && j == nb;
		if (a[i++] != b[j++])
			return 0;
	}
}

/*
 * Could the given names at tokens g and h be one person's?  Folded, at
 * least NM_GIVEN_MIN letters, one edit apart or a spelling variant, and
 * not a man's and a woman's name (Mario and Maria Lopez are two people).
 */
static int
given_variant(const struct namecheck *c, size_t g, size_t h)
{
	const struct doc *d = c->ic->d;
	char a[NM_MAX_LEN + 1], b[NM_MAX_LEN + 1];
	const char *ga, *gb;
	size_t na, nb;

	if (d->toks[g].len > NM_MAX_LEN || d->toks[h].len > NM_MAX_LEN)
		return 0;
	na = utf8_fold_strip(d->text + d->toks[g].off, d->toks[g].len, a,
	    sizeof(a));
	nb = utf8_fold_strip(d->text + d->toks[h].off, d->toks[h].len, b,
	    sizeof(b));
	if (na < NM_GIVEN_MIN || nb < NM_GIVEN_MIN || na > NM_MAX_LEN ||
	    nb > NM_MAX_LEN || (namecheck_osa(a, na, b, nb, 1) > 1 &&
	    !spelling_variant(a, na, b, nb)))
		return 0;
	ga = given_val(c, g);
	gb = given_val(c, h);
	return ga == NULL || gb == NULL || strcmp(ga, gb) == 0 ||
	    strcmp(ga, "u") == 0 || strcmp(gb, "u") == 0;
}

/*
 * Dr. Imani Castellanos ... Dr. Amani Castellanos: one surname with two
 * given names one edit apart; points at the rarer (else the later).
 */
static void
given_variants(struct namecheck *c)
{
	struct doc *d = c->ic->d;
	size_t i;
	int j, k;

	for (i = 0; i < c->nf; i++) {
		struct nm_form *f = c->f[i];

		for (j = 0; j < f->ng; j++)
			for (k = j + 1; k < f->ng; k++) {
				int r = f->gcount[k] <= f->gcount[j] ? k : j;
				int o = r == k ? j : k;
				const struct tok *t = &d->toks[f->gtok[r]];
				const struct tok *u = &d->toks[f->gtok[o]];

				if (!given_variant(c, f->gtok[j], f->gtok[k]))
					continue;
				incons_report(c->ic, FINDING_NAME_VARIANT,
				    t->off, t->len, "'%.*s' is spelled '%.*s' "
				    "elsewhere (line %zu): the same person?",
				    (int)t->len, d->text + t->off, (int)u->len,
				    d->text + u->off, incons_line(d, u->off));
				j = k = f->ng;
			}
	}
}

/*
 * "chief medical officer", "chief people officer": any chief ... officer
 * is one of a company's exclusive top posts, as the listed ones are.
 */
static const char *
csuite(const char *head)
{
	size_t n = strlen(head);

	return n > 14 && strncmp(head, "chief ", 6) == 0 &&
	    strcmp(head + n - 8, " officer") == 0 ? "csuite" : NULL;
}

/*
 * The exclusive group of title head (title-groups.txt, or csuite), or
 * NULL.  Heads are mostly the titles lexicon's own strings, given again
 * for each use of a title: the answer is kept by the head's address (a
 * string never changes, so one address has one answer).
 */
static const char *
title_group(struct namecheck *c, const char *head)
{
	struct nm_group *k = &c->groups[((uintptr_t)head >> 4) %
	    NM_GROUP_CACHE];
	const struct lex_entry *g;

	if (k->head != head) {
		g = lex_get(c->ic->lx->title_groups, head, strlen(head));
		k->head = head;
		k->group = g != NULL ? g->val : csuite(head);
	}
	return k->group;
}

/* Records title head over tokens [a, b] for the name at token name (f). */
static void
add_title(struct namecheck *c, const struct nm_form *f, const char *head, size_t a,
    size_t b, size_t name)
{
	struct doc *d = c->ic->d;
	struct nm_title *t;

	if (head == NULL || strcmp(head, "-") == 0)
		return;
	arena_grow(&d->arena, (void **)&c->t, &c->capt, sizeof(*c->t),
	    c->nt + 1);
	t = &c->t[c->nt++];
	t->who = person_key(c, name, f);
	t->head = head;
	t->group = title_group(c, head);
	t->a = a;
	t->b = b;
	t->name = name;
	t->pre = 0;
	t->next = -1;
}

/*
 * "the hospital's chief nursing officer": chief, one or two lower-case
 * words and officer from token j (before end), a C-suite post whether
 * listed or not; its head (in the arena) and length, else NULL.
 */
static const char *
chief_officer(struct namecheck *c, size_t j, size_t end, size_t *len)
{
	struct doc *d = c->ic->d;
	char buf[96], *head;
	size_t k, n, p;

	if (!tok_is(d, &d->toks[j], "chief"))
		return NULL;
	for (k = j + 1; k < end && k <= j + 3; k++) {
		const struct tok *t = &d->toks[k];

		if (t->kind != TOK_WORD || (t->flags & TOK_CAP) !=
		    (d->toks[j].flags & TOK_CAP))
			return NULL;
		if (tok_is(d, t, "officer"))
			break;
	}
	if (k == j + 1 || k >= end || k > j + 3 ||
	    !tok_is(d, &d->toks[k], "officer"))
		return NULL;
	n = 0;
	for (p = j; p <= k; p++) {
		n += incons_word(d, p, buf + n, sizeof(buf) - n - 1);
		if (p < k && n + 1 < sizeof(buf))
			buf[n++] = ' ';
	}
	head = arena_alloc(&d->arena, n + 1);
	memcpy(head, buf, n);
	head[n] = '\0';
	*len = k - j + 1;
	return head;
}

/* Is the word before token i "former", "ex-" or the like? */
static int
former(const struct doc *d, size_t i)
{
	static const char *const w[] = { "former", "ex", "then", "late",
	    "retired", "onetime", "future", "incoming", "outgoing", NULL };

	return incons_after(d, i, w);
}

/*
 * "Valley Bank's chief executive, Dr. Ann Cole": a title set off by a
 * comma before the name [r, i], after a possessive or a determiner (a
 * bare "mayor, Cole and Reed" may be a list).
 */
static void
title_before_comma(struct namecheck *c, size_t r, size_t i, const struct nm_form *f)
{
	static const char *const det[] = { "the", "its", "his", "her", "their",
	    "our", "a", "an", NULL };
	const struct doc *d = c->ic->d;
	const struct lex_entry *e;
	size_t q;

	if (r < 3 || d->toks[r - 1].kind != TOK_PUNCT ||
	    d->text[d->toks[r - 1].off] != ',' ||
	    d->toks[r - 1].sent != d->toks[i].sent ||
	    (e = title_ending(c, r - 2, 0, &q)) == NULL || q == 0 ||
	    former(d, q))
		return;
	if (!incons_possessive(d, q - 1) && !incons_after(d, q, det))
		return;
	add_title(c, f, e->rest, q, i, i);
}

/*
 * Is the title over tokens [a, r) a formal one: every word capitalized
 * but an inner "of" or "for" (County Clerk, Capt., Registrar of Voters),
 * and two words or more at a sentence's start?
 */
static int
formal(const struct doc *d, size_t a, size_t r)
{
	size_t k, n = 0;

	for (k = a; k < r; k++) {
		if (d->toks[k].kind != TOK_WORD)
			continue;
		if (!(d->toks[k].flags & TOK_CAP) && (k == a ||
		    (!tok_is(d, &d->toks[k], "of") &&
		    !tok_is(d, &d->toks[k], "for"))))
			return 0;
		n++;
	}
	return n >= 2 || (a > d->sents[d->toks[a].sent].first && n == 1);
}

/* Is head a prefix that makes a lower post of the title after it? */
static int
lower_post(const char *head)
{
	return strcmp(head, "deputy") == 0 || strcmp(head, "assistant") == 0 ||
	    strcmp(head, "associate") == 0 || strcmp(head, "vice") == 0;
}

/*
 * "Chief Commercial Officer" before a name, whose last word (token o)
 * titles_of took for a title of its own: the C-suite post from "chief",
 * one to three tokens back, to o; its start into *k.  NULL when none.
 */
static const char *
chief_before(struct namecheck *c, size_t o, size_t r, size_t *k)
{
	const struct doc *d = c->ic->d;
	const char *head;
	size_t j, len;

	if (!tok_is(d, &d->toks[o], "officer"))
		return NULL;
	for (j = o; j > 0 && j + 3 >= o; j--) {
		if (d->toks[j - 1].sent != d->toks[o].sent)
			return NULL;
		if (!tok_is(d, &d->toks[j - 1], "chief"))
			continue;
		head = chief_officer(c, j - 1, r, &len);
		if (head == NULL || j - 1 + len != o + 1)
			return NULL;
		*k = j - 1;
		return head;
	}
	return NULL;
}

static void
titles_of(struct namecheck *c, size_t r, size_t i, const struct nm_form *f,
    const struct lex_entry *te, size_t ts)
{
	const struct doc *d = c->ic->d;
	const struct lex_entry *e[NM_MAX_TITLE], *m;
	const char *head;
	size_t s = r, start[NM_MAX_TITLE], n = 0, j, end, len, k;
	char joined[128];
	int org = 0;

	/* before: "Detective Sgt. Anita Boyce" */
	while (n < NM_MAX_TITLE) {
		size_t p = s;

		if (p > 0 && d->toks[p - 1].kind == TOK_PUNCT &&
		    d->text[d->toks[p - 1].off] == '.')
			p--;
		if (p == 0 || d->toks[p - 1].sent != d->toks[r].sent)
			break;
		if (n == 0) {
			e[n] = te;	/* title_ending(c, p - 1, 0, &p) */
			p = ts;
		} else
			e[n] = title_ending(c, p - 1, 0, &p);
		if (e[n] == NULL)
			break;
		start[n++] = p;
		s = p;
	}
	if (n == 0 || e[n - 1]->rest == NULL ||
	    strcmp(e[n - 1]->rest, "-") == 0)
		title_before_comma(c, n > 0 ? start[n - 1] : r, i, f);
	if (n > 0 && !former(d, start[n - 1])) {
		/* "detective sergeant", "lieutenant governor": one title */
		size_t nt = c->nt;

		if (n >= 2 && snprintf(joined, sizeof(joined), "%s %s",
		    e[1]->rest, e[0]->rest) < (int)sizeof(joined) &&
		    (m = lex_get(c->ic->lx->titles, joined, strlen(joined))) !=
		    NULL)
			add_title(c, f, m->rest, start[1], i, i);
		else if ((head = chief_before(c, start[0], r, &k)) != NULL)
			/* "Chief Commercial Officer Teresa Lindgren" */
			add_title(c, f, head, k, i, i);
		else if (n >= 2 && lower_post(e[1]->rest))
			/* "Deputy District Attorney Renata Vosk": the
			 * deputy's post, not the district attorney's */
			add_title(c, f, arena_strndup(&c->ic->d->arena,
			    joined, strlen(joined)), start[1], i, i);
		else
			add_title(c, f, e[0]->rest, start[0], i, i);
		if (c->nt > nt)
			c->t[nt].pre = formal(d, start[n - 1], r);
	}
	/* after: "Raghunathan, the chief operating officer", "Achebe, St.
	 * Brendan's chief medical officer" */
	end = d->sents[d->toks[i].sent].first + d->sents[d->toks[i].sent].n;
	j = i + 1;
	if (j >= end || d->text[d->toks[j].off] != ',')
		return;
	for (j++; j < end && j <= i + 6; j++) {
		if (tok_is(d, &d->toks[j], "the") ||
		    tok_is(d, &d->toks[j], "a") || tok_is(d, &d->toks[j], "an") ||
		    incons_possessive(d, j)) {
			org = 0;
			continue;
		}
		/* "St. Brendan's chief medical officer": a capitalized
		 * owner, counted once its possessive is reached */
		if ((capword(d, j) && lex_val(c, c->ic->lx->titles,
		    c->title_bit, j) == NULL) || (org &&
		    d->toks[j].kind == TOK_PUNCT &&
		    d->text[d->toks[j].off] == '.')) {
			org = 1;
			continue;
		}
		if (org)
			return;
		if ((m = lex_match(c->ic->lx->titles, d, j, &len)) != NULL) {
			head = chief_officer(c, j, end, &len);
			if (!former(d, j))
				add_title(c, f, head != NULL ? head : m->rest,
				    name_start(c, i, NULL), j + len - 1, i);
		}
		return;
	}
}

/* Is head b "deputy a" (assistant, associate, vice): a lower post? */
static int
under(const char *a, const char *b)
{
	static const char *const pre[] = { "deputy ", "assistant ",
	    "associate ", "vice ", NULL };
	size_t k, n;

	for (k = 0; pre[k] != NULL; k++) {
		n = strlen(pre[k]);
		if (strncmp(b, pre[k], n) == 0 && strcmp(b + n, a) == 0)
			return 1;
	}
	return 0;
}

/*
 * Can one person not hold titles t and o at once?  Two heads of one
 * exclusive group (title-groups.txt), a post and its deputy's, or two
 * different posts both set right before the name (Registrar of Voters
 * Dale Sorensen ... County Clerk Sorensen).
 */
static int
title_conflict(const struct nm_title *t, const struct nm_title *o)
{
	if (strcmp(o->head, t->head) == 0)
		return 0;
	if (t->group != NULL && o->group != NULL)
		return strcmp(o->group, t->group) == 0;
	if (under(t->head, o->head) || under(o->head, t->head))
		return 1;
	return t->pre && o->pre && strstr(t->head, "-elect") == NULL &&
	    strstr(o->head, "-elect") == NULL;
}

static void
title_conflicts(struct namecheck *c)
{
	struct doc *d = c->ic->d;
	struct incons_map who;
	size_t i;

	if (c->nt == 0)
		return;
	incons_map_init(&who, &d->arena, c->nt);
	for (i = 0; i < c->nt; i++) {
		struct nm_title *t = &c->t[i];
		int32_t *h = incons_map_head(&who, t->who), e;
		int32_t fi = incons_map_get(&c->forms,
		    incons_word_key(d, t->name));

		if (fi >= 0 && c->f[fi]->given_conflict)
			continue;	/* two people share the surname */
		for (e = *h; e >= 0; e = c->t[e].next) {
			const struct nm_title *o = &c->t[e];
			size_t off, len, ooff, olen;

			if (!title_conflict(t, o))
				continue;
			incons_span(d, t->a, t->b, &off, &len);
			incons_span(d, o->a, o->b, &ooff, &olen);
			incons_report(c->ic, FINDING_TITLE_CONFLICT, off, len,
			    "'%.*s' gives another title than '%.*s' on line "
			    "%zu", (int)(len > 60 ? 60 : len), d->text + off,
			    (int)(olen > 60 ? 60 : olen), d->text + ooff,
			    incons_line(d, ooff));
			break;
		}
		t->next = *h;
		*h = (int32_t)i;
	}
}

void
namecheck_run(struct namecheck *c)
{
	name_variants(c);
	if (c->nhy > 0)
		pair_variants(c);
	given_variants(c);
	title_conflicts(c);
}
