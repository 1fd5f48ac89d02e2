/* incons.c: inconsistency checks: the driver, repeated phrases, quotes. */
#include "incons.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datecheck.h"
#include "doc.h"
#include "finding.h"
#include "incons_p.h"
#include "lex.h"
#include "lexset.h"
#include "namecheck.h"
#include "direction.h"
#include "firsttime.h"
#include "numconf.h"
#include "transpose.h"
#include "quote.h"
#include "rule.h"
#include "tok.h"

/*
 * Longest repeated phrase looked for, and most tokens allowed between its
 * two copies ("take effect almost take effect": 2 and 1).
 */
#define REP_MAX_N 5
#define REP_MAX_GAP 3

/*
 * Shortest phrase starting with a function word that counts when its two
 * copies touch: speech doubles two words ("we know we know"), an editing
 * slip a whole phrase.
 */
#define REP_MIN_TOUCH 3

/*
 * Shortest phrase whose two copies with only a comma between are a slip
 * ("will move to Carver Elementary, will move to Carver Elementary"):
 * shorter ones are parallel wording ("again, again").
 */
#define REP_MIN_CLAUSE 3

/*
 * Most tokens between a first attribution phrase and a second one for the
 * two to count as doubled ("according to one of the sources, according
 * to"): the first one's source is a short noun phrase.
 */
#define ATTR_MAX_GAP 10

/*
 * Quotes compared for QuoteMismatch: at least this many content words,
 * and the share of the shorter quote's content words the longer shares.
 */
#define QM_MIN_WORDS 5
#define QM_MIN_SHARED 4
#define QM_OVERLAP 0.6

/*
 * A short remark ("We hired for a world that didn't arrive") has few
 * content words: one speaker's two quotes of at least QM_MIN_TOKENS words
 * are compared from QM_MIN_SHORT shared content words, if they are the
 * QM_OVERLAP share of the longer quote's too ("going to win this game"
 * and "going to win this fight" share word pairs, not content).
 */
#define QM_MIN_TOKENS 8
#define QM_MIN_SHORT 2

/*
 * Share of the shorter quote's word pairs (bigrams) the longer must hold:
 * shared words alone also join two quotes on one topic.
 */
#define QM_BIGRAMS 0.5

/* Most word pairs of a quote compared. */
#define QM_MAX_BIGRAMS 256

/*
 * Chains of quotes sharing a word longer than this are not followed: a
 * word in that many quotes says nothing about which two are the same, and
 * skipping it keeps the check linear.
 */
#define QM_MAX_CHAIN 32

/* Allocates an empty table of cap slots (a power of two). */
static void
map_alloc(struct incons_map *m, size_t cap)
{
	/* four empty slots (-2) a store: a large table is mostly this loop */
	const int32_t four[4] = { -2, -2, -2, -2 };
	size_t i;

	m->keys = arena_alloc(m->a, cap * sizeof(*m->keys));
	m->heads = arena_alloc(m->a, cap * sizeof(*m->heads));
	m->mask = cap - 1;
	for (i = 0; i < cap; i += 4)	/* cap is a power of two, >= 16 */
		memcpy(&m->heads[i], four, sizeof(four));
}

void
incons_map_init(struct incons_map *m, struct arena *a, size_t nkeys)
{
	size_t cap = 16;

	while (cap < nkeys * 2)
		cap *= 2;
	m->a = a;
	m->n = 0;
	map_alloc(m, cap);
}

void
incons_map_grow(struct incons_map *m)
{
	uint64_t *keys = m->keys;
	int32_t *heads = m->heads;
	size_t cap = m->mask + 1, i, j;

	map_alloc(m, cap * 2);
	for (i = 0; i < cap; i++)
		if (heads[i] != -2) {
			j = incons_map_slot(m, keys[i]);
			m->keys[j] = keys[i];
			m->heads[j] = heads[i];
		}
}

int32_t
incons_map_get(const struct incons_map *m, uint64_t key)
{
	size_t i = incons_map_slot(m, key);

	return m->heads[i] == -2 ? -1 : m->heads[i];
}

/* Length of t's text without a trailing 's or ’s. */
static size_t
stem_len(const struct doc *d, const struct tok *t)
{
	return t->len - tok_poss_len(d, t);
}

/* Byte c with ASCII capitals lowercased, as incons_word writes it. */
static char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

size_t
incons_word(const struct doc *d, size_t i, char *buf, size_t cap)
{
	const struct tok *t = &d->toks[i];
	size_t n = incons_word_len(d, i, cap), k;

	for (k = 0; k < n; k++)
		buf[k] = lower(d->text[t->off + k]);
	buf[n] = '\0';
	return n;
}

uint64_t
incons_word_key(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];
	size_t n = stem_len(d, t);

	/* the tokenizer's key already covers a word with no possessive */
	return n == t->len ? t->key : tok_key(d->text + t->off, n);
}

/*
 * The stem is the lowercased word (incons_word, at most 63 bytes) less an
 * ending, but it is hashed from the text itself: tok_key ignores ASCII
 * case, and only "-ies" -> "-y" needs a copy.
 */
uint64_t
incons_stem_key(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i];
	const char *s = d->text + t->off;
	char w[64];
	size_t n = incons_word_len(d, i, sizeof(w));

	if (n > 4 && incons_ends_in(s, n, "ies", 3)) {
		memcpy(w, s, n - 3);
		w[n - 3] = 'y';
		return tok_key(w, n - 2);
	}
	if (n > 5 && incons_ends_in(s, n, "ing", 3))
		n -= 3;
	else if (n > 4 && incons_ends_in(s, n, "ed", 2))
		n -= 2;
	else if (n > 3 && lower(s[n - 1]) == 's' && lower(s[n - 2]) != 's' &&
	    lower(s[n - 2]) != 'u' && lower(s[n - 2]) != 'i')
		n -= 1;
	if (n > 3 && lower(s[n - 1]) == 'e')	/* damage, damag(ed) */
		n -= 1;
	/* the whole word: the tokenizer's key */
	return n == t->len ? t->key : tok_key(s, n);
}

void
incons_words_init(struct incons_words *w, const struct lexicon *lx,
    const struct doc *d)
{
	w->lx = lx;
	w->bit = lex_bit(lx, d);
	w->exact = w->bit != 0 && lx->maxwords == 1;
}

int
incons_word_in(const struct doc *d, size_t i, size_t s, const char *const *w)
{
	size_t k;

	if (i >= d->ntoks || d->toks[i].sent != s ||
	    d->toks[i].kind != TOK_WORD)
		return 0;
	for (k = 0; w[k] != NULL; k++)
		if (tok_is(d, &d->toks[i], w[k]))
			return 1;
	return 0;
}

int
incons_after(const struct doc *d, size_t i, const char *const *w)
{
	size_t k;

	if (i == 0 || d->toks[i - 1].sent != d->toks[i].sent)
		return 0;
	for (k = 0; w[k] != NULL; k++)
		if (tok_is(d, &d->toks[i - 1], w[k]))
			return 1;
	return 0;
}

const char *
incons_lex_val(const struct doc *d, const struct lexicon *lx, size_t i,
    int sec)
{
	const struct lex_entry *e;

	if (lx == NULL || d->toks[i].kind != TOK_WORD)
		return NULL;
	if (!lex_may(lx, d, i))
		return NULL;
	e = lex_get_tok(lx, incons_word_key(d, i));
	if (e == NULL || e->nwords != 1 || (sec >= 0 && e->section != sec))
		return NULL;
	return e->val;
}

const struct lex_entry *
incons_lex_get(const struct lexicon *lx, const char *w, size_t n)
{
	return incons_letters(w, n) ? lex_get_tok(lx, tok_key(w, n)) :
	    lex_get(lx, w, n);
}

/* Is token i an -ing word used as an adjective ("rising costs")? */
static int
attributive(const struct incons *ic, size_t i)
{
	const struct doc *d = ic->d;
	const struct tok *t = &d->toks[i], *u = t + 1;

	return t->len > 5 && memcmp(d->text + t->off + t->len - 3, "ing",
	    3) == 0 && i + 1 < d->ntoks && u->sent == t->sent &&
	    u->kind == TOK_WORD && !(u->flags & TOK_CAP) &&
	    !incons_minor(ic, i + 1);
}

/*
 * Is token j a capitalised word inside a name ("Linden Falls Planning
 * Board", "Rising Sun"): not the first of its sentence, next to another
 * capitalised word, in a sentence that is not in title case (a headline,
 * "Sales Fall 5%", keeps its change words)?
 */
static int
in_name(const struct doc *d, size_t j)
{
	const struct tok *t = &d->toks[j];
	const struct sent *s = &d->sents[t->sent];
	size_t k, words = 0, caps = 0;

	if (t->kind != TOK_WORD || !(t->flags & TOK_CAP) ||
	    (t->flags & TOK_SSTART))
		return 0;
	if (!((j > s->first && (d->toks[j - 1].flags & TOK_CAP) &&
	    d->toks[j - 1].kind == TOK_WORD) || (j + 1 < s->first + s->n &&
	    (d->toks[j + 1].flags & TOK_CAP) &&
	    d->toks[j + 1].kind == TOK_WORD)))
		return 0;
	for (k = s->first; k < s->first + s->n; k++)
		if (d->toks[k].kind == TOK_WORD) {
			words++;
			caps += (d->toks[k].flags & TOK_CAP) != 0;
		}
	return caps * 2 <= words;
}

int
incons_changed(const struct incons *ic, size_t a, size_t b, size_t win)
{
	const struct doc *d = ic->d;
	const struct sent *s = &d->sents[d->toks[a].sent];
	size_t lo = a > s->first + win ? a - win : s->first;
	size_t hi = b + win < s->first + s->n ? b + win : s->first + s->n;
	size_t j, n;

	if (ic->lx->change_words == NULL)
		return 0;
	for (j = lo; j < hi; j++) {
		if (j >= a && j <= b)
			continue;
		if (lex_match(ic->lx->change_words, d, j, &n) == NULL ||
		    (j <= b && j + n > a))
			continue;
		/* "falling enrollment": the change is another noun's */
		if (n == 1 && attributive(ic, j))
			continue;
		if (n == 1 && in_name(d, j))	/* "Linden Falls" */
			continue;
		return 1;
	}
	return 0;
}

size_t
incons_line(struct doc *d, size_t toff)
{
	size_t off = posmap_start(&d->pm, toff), lo = 1, hi, mid;

	/*
	 * doc_linecol's line without its column, whose code points it
	 * would count from the start of the line (a long paragraph) for
	 * every message: the last line starting at or before off
	 */
	(void)doc_line_start(d, 1);	/* builds the table: d->nlines */
	hi = d->nlines + 1;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (doc_line_start(d, mid) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void
incons_span(const struct doc *d, size_t a, size_t b, size_t *toff,
    size_t *tlen)
{
	*toff = d->toks[a].off;
	*tlen = (size_t)d->toks[b].off + d->toks[b].len - d->toks[a].off;
}

void
incons_report(const struct incons *ic, int id, size_t toff, size_t tlen,
    const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	finding_add(ic->d, rule_builtin(ic->rs, id), 0, toff, tlen, msg);
}

/* Short excerpt of [toff, toff+tlen) for messages: at most 60 bytes. */
static int
excerpt_len(size_t tlen)
{
	return tlen > 60 ? 60 : (int)tlen;
}

/* Is token i a word or number (a token a phrase can repeat)? */
static int
wordlike(const struct tok *t)
{
	return t->kind == TOK_WORD || t->kind == TOK_NUM;
}

/*
 * Is the gap [a, b) between two copies of a phrase the kind an editing
 * slip leaves ("take effect almost take effect": a modifier)?  Parallel
 * wording has a comma, a conjunction or a preposition there ("year after
 * year", "bone tools because bone tools", "the head of state but not the
 * head of"); a slip has only content words or adverbs.
 */
static int
slip_gap(const struct incons *ic, size_t a, size_t b)
{
	static const char *const adverbs[] = { "almost", "nearly", "likely",
	    "just", "still", "also", "even", "only", "now", "really", "very",
	    "probably", "possibly", "already", "soon", "quickly", NULL };
	const struct doc *d = ic->d;
	size_t i, k;

	for (i = a; i < b; i++) {
		if (d->toks[i].kind != TOK_WORD)
			return 0;
		if (!incons_minor(ic, i))
			continue;
		for (k = 0; adverbs[k] != NULL; k++)
			if (tok_is(d, &d->toks[i], adverbs[k]))
				break;
		if (adverbs[k] == NULL)
			return 0;
	}
	return 1;
}

/*
 * Does token i hold an ASCII letter?  The check is for English copy:
 * repeated phrases are grammar in Hindi or Malay quotes.
 */
static int
latin(const struct doc *d, size_t i)
{
	const char *s = d->text + d->toks[i].off;
	size_t k;

	for (k = 0; k < d->toks[i].len; k++)
		if ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))
			return 1;
	return 0;
}

/*
 * The length of the clause said twice from i and j with one comma
 * between ("will move to Carver Elementary, will move to Carver
 * Elementary"; "which had been on display since 1987, which had been on
 * display since 1987"): every token of [i, j - 1) a word outside quotes,
 * repeated from j in the same sentence; 0 when it is not one.
 */
static size_t
clause_len(const struct doc *d, size_t i, size_t j)
{
	const struct sent *s = &d->sents[d->toks[i].sent];
	size_t m, k;

	if (j < i + REP_MIN_CLAUSE + 1)
		return 0;
	m = j - 1 - i;
	if (j + m > (size_t)s->first + s->n ||
	    d->toks[j - 1].kind != TOK_PUNCT || d->text[d->toks[j - 1].off] !=
	    ',')
		return 0;
	for (k = 0; k < m; k++) {
		const struct tok *a = &d->toks[i + k], *b = &d->toks[j + k];

		if (!wordlike(a) || a->key != b->key ||
		    ((a->flags | b->flags) & TOK_INQUOTE))
			return 0;
	}
	return m;
}

/*
 * Are the copies at i and j of n tokens (REP_MIN_CLAUSE or more) the
 * start of a clause said twice with one comma between?
 */
static int
comma_clause(const struct doc *d, size_t i, size_t j, size_t n)
{
	return n >= REP_MIN_CLAUSE && clause_len(d, i, j) >= n;
}

/*
 * Does the n-gram at i repeat at j?  Every token must be a word outside
 * quotes, one lowercase one a content word, and the first one too unless
 * the copies touch and are REP_MIN_TOUCH words long: "in the fall in the
 * fall" has no reading but a slip, while "the bill remarked the bill"
 * names one thing twice and "he told he told" is a transcript's stammer.
 */
static int
ngram_repeats(const struct incons *ic, size_t i, size_t j, size_t n)
{
	const struct doc *d = ic->d;
	size_t k;
	int content = 0;

	if (d->toks[i].key != d->toks[j].key ||
	    ((j != i + n || n < REP_MIN_TOUCH) && !comma_clause(d, i, j, n) &&
	    incons_minor(ic, i)))
		return 0;
	for (k = 0; k < n; k++) {
		const struct tok *a = &d->toks[i + k], *b = &d->toks[j + k];

		if (!wordlike(a) || a->key != b->key ||
		    (a->flags & TOK_INQUOTE) || (b->flags & TOK_INQUOTE))
			return 0;
		/* a lowercase content word: "Port Calder ... Port Calder"
		 * is a name said twice, not a slip */
		if (a->kind == TOK_WORD && !(a->flags & TOK_CAP) &&
		    !incons_minor(ic, i + k) && latin(d, i + k))
			content = 1;
	}
	return content;
}

/*
 * An 8-bit fingerprint of the keys of tokens j and j + 1 (0 past the last
 * token): may_repeat's filter compares these before any key.
 */
static uint64_t
pair_fp(const struct doc *d, size_t j)
{
	if (j + 1 >= d->ntoks)
		return 0;
	return (uint8_t)((d->toks[j].key >> 56) ^ (d->toks[j + 1].key >> 48));
}

/* pair_fp for j + 1 < d->ntoks. */
static uint64_t
pair_fp_in(const struct tok *toks, size_t j)
{
	return (uint8_t)((toks[j].key >> 56) ^ (toks[j + 1].key >> 48));
}

/* The fingerprints of tokens [i + 2, i + 9], token i + 2's lowest. */
static uint64_t
pair_window(const struct doc *d, size_t i)
{
	uint64_t w = 0;
	int k;

	for (k = 9; k >= 2; k--)
		w = w << 8 | pair_fp(d, i + k);
	return w;
}

/*
 * Can a repeated phrase start at token i (sentence ending at end)?  Its
 * first token must be a word outside quotes, and its first two tokens'
 * keys must come again where a second copy can start: most tokens fail
 * here, before any n-gram.  win is pair_window(d, i) and fp is
 * pair_fp(d, i): when no byte of win's low seven (the starts i + 2 ...
 * i + 8) is fp, no key pair there matches, and no key is read.
 */
static int
may_repeat(const struct tok *toks, size_t i, size_t end, uint64_t win,
    uint64_t fp)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const struct tok *t = &toks[i];
	size_t j, hi = i + REP_MAX_N + REP_MAX_GAP;
	uint64_t x;

	if (!wordlike(t) || (t->flags & TOK_INQUOTE))
		return 0;
	/* a zero byte of x is a start with i's fingerprint (the top byte,
	 * start i + 9, is set so that it never counts) */
	x = (win ^ (fp * ones)) | 0xFF00000000000000ULL;
	if (((x - ones) & ~x & (ones << 7)) == 0)
		return 0;
	/* a second copy of n >= 2 tokens starts in [i + 2, end - 2] */
	for (j = i + 2; j <= hi && j + 2 <= end; j++)
		if (toks[j].key == t->key && toks[j + 1].key == t[1].key)
			return 1;
	return 0;
}

/* The end (one past the last token) of token i's sentence. */
static size_t
sent_end(const struct doc *d, size_t i)
{
	const struct sent *s = &d->sents[d->toks[i].sent];

	return (size_t)s->first + s->n;
}

/*
 * PhraseRepetition: "take effect almost take effect" in one sentence.
 * Starts from the tokens may_repeat let through (ic->scan->rep).
 */
static void
phrase_repetition(const struct incons *ic)
{
	const struct doc *d = ic->d;
	const struct incons_list *l = &ic->scan->rep;
	size_t k, i, n, m, g, end, next = 0;

	for (k = 0; k < l->n; k++) {
		int hit = 0;

		if ((i = l->i[k]) < next)
			continue;	/* inside the last repeat */
		end = sent_end(d, i);
		for (n = REP_MAX_N; n >= 2 && !hit; n--)
			for (g = 0; g <= REP_MAX_GAP && !hit; g++) {
				size_t j = i + n + g, off, len;

				if (j + n > end || !ngram_repeats(ic, i, j, n) ||
				    (!slip_gap(ic, i + n, j) &&
				    !comma_clause(d, i, j, n)))
					continue;
				/* a whole clause said twice: both copies */
				m = comma_clause(d, i, j, n) ?
				    clause_len(d, i, j) : n;
				incons_span(d, i, j + m - 1, &off, &len);
				incons_report(ic, FINDING_PHRASE_REPETITION,
				    off, len, "Phrase '%.*s' is repeated",
				    (int)((size_t)d->toks[i + m - 1].off +
				    d->toks[i + m - 1].len - d->toks[i].off),
				    d->text + d->toks[i].off);
				next = j + m;
				hit = 1;
			}
	}
}

/* The last token of the source phrase after an attribution at i. */
static size_t
source_end(const struct doc *d, size_t i, size_t end)
{
	size_t j = i, k;

	for (k = 0; j < end && k < ATTR_MAX_GAP; j++, k++)
		if (!wordlike(&d->toks[j]))
			break;
	return j > i ? j - 1 : i;
}

/*
 * PhraseRepetition, doubled attribution: "according to one of the sources,
 * according to the regulation".  Starts from ic->scan->attrib.
 */
static void
doubled_attribution(const struct incons *ic)
{
	const struct doc *d = ic->d;
	const struct incons_list *l = &ic->scan->attrib;
	size_t k, i, j, n, m, end, next = 0;

	if (ic->lx->attrib_phrases == NULL)
		return;
	for (k = 0; k < l->n; k++) {
		size_t last, off, len;

		if ((i = l->i[k]) < next ||
		    lex_match(ic->lx->attrib_phrases, d, i, &n) == NULL)
			continue;
		end = sent_end(d, i);
		/* the first source: words, then one comma */
		for (j = i + n; j < end && j < i + n + ATTR_MAX_GAP; j++)
			if (!wordlike(&d->toks[j]))
				break;
		if (j == i + n || j + 1 >= end ||
		    d->text[d->toks[j].off] != ',' ||
		    lex_match(ic->lx->attrib_phrases, d, j + 1, &m) == NULL)
			continue;
		last = source_end(d, j + 1 + m, end);
		incons_span(d, i, last, &off, &len);
		incons_report(ic, FINDING_PHRASE_REPETITION, off, len,
		    "Attribution is doubled: '%.*s'", excerpt_len(len),
		    d->text + off);
		next = last + 1;
	}
}

/* Is token i outside quotes a pronoun or a capitalized word? */
static int
speaker_word(const struct incons *ic, size_t i)
{
	const struct tok *t = &ic->d->toks[i];

	return t->kind == TOK_WORD && !(t->flags & TOK_INQUOTE) &&
	    ((t->flags & TOK_CAP) ||
	    lex_tok(ic->lx->pronouns, ic->d, i) != NULL);
}

/* Is token i a speech verb after a speaker word ("Ortega said")? */
static int
speech_at(const struct incons *ic, size_t i, size_t first)
{
	const struct doc *d = ic->d;

	return i > first && d->toks[i].kind == TOK_WORD &&
	    !(d->toks[i].flags & TOK_INQUOTE) &&
	    incons_in(d, &ic->verbs, i) &&
	    speaker_word(ic, i - 1);
}

/* The base form of speech verb i ("" when it is none). */
static const char *
verb_base(const struct incons *ic, size_t i)
{
	const struct lex_entry *e = lex_tok(ic->lx->speech_verbs, ic->d, i);

	return e != NULL ? e->val : "";
}

/*
 * PhraseRepetition, a doubled speech verb: "Ortega said Tuesday night, she
 * said."  A sentence that ends in ", he said" (a pronoun, or the first
 * speaker's name again; an object word may follow: ", he told
 * reporters") after "Name said" (the same verb, after a name or a
 * pronoun) and at least one word more, or after "Name said" with any
 * speech verb right before the comma ("Haskins said, he told reporters").
 */
static void
doubled_speech(const struct incons *ic)
{
	const struct doc *d = ic->d;
	size_t s, i, v, first, end, off, len;

	if (ic->lx->speech_verbs == NULL || ic->lx->pronouns == NULL)
		return;
	for (s = 0; s < d->nsents; s++) {
		first = d->sents[s].first;
		end = first + d->sents[s].n;
		/* the tail: ", she said" and the sentence's closing mark */
		if (end < first + 6 || d->toks[end - 1].kind != TOK_PUNCT)
			continue;
		v = end - 2;
		/* or ", he told reporters": one lowercase object word */
		if (!speech_at(ic, v, first) && d->toks[v].kind == TOK_WORD &&
		    !(d->toks[v].flags & (TOK_CAP | TOK_INQUOTE)) &&
		    !incons_minor(ic, v))
			v--;
		if (!speech_at(ic, v, first) ||
		    d->toks[v - 2].kind != TOK_PUNCT ||
		    d->text[d->toks[v - 2].off] != ',')
			continue;
		for (i = first + 1; i + 1 <= v - 2; i++) {
			/* the same verb with words after the first ("said
			 * Tuesday night, she said"), or any two with only
			 * the comma between ("Haskins said, he told") and a
			 * pronoun for the second speaker */
			int same = strcmp(verb_base(ic, i), verb_base(ic, v)) ==
			    0;

			if (!speech_at(ic, i, first) ||
			    (same ? i + 1 == v - 2 ||
			    !wordlike(&d->toks[i + 1]) :
			    i + 1 != v - 2 ||
			    lex_tok(ic->lx->pronouns, d, v - 1) == NULL) ||
			    (incons_minor(ic, i - 1) &&
			    lex_tok(ic->lx->pronouns, d, i - 1) == NULL) ||
			    (d->toks[i - 1].key != d->toks[v - 1].key &&
			    lex_tok(ic->lx->pronouns, d, v - 1) == NULL))
				continue;
			incons_span(d, i - 1, end - 2, &off, &len);
			incons_report(ic, FINDING_PHRASE_REPETITION, off, len,
			    "Attribution is doubled: '%.*s'", excerpt_len(len),
			    d->text + off);
			break;
		}
	}
}

/* Content words of quote q (stems), at most cap; returns the count. */
static size_t
quote_words(const struct incons *ic, const struct quote *q, uint64_t *out,
    size_t cap)
{
	size_t i, n = 0, k;
	uint64_t key, seen = 0;

	for (i = q->first; i < q->last && n < cap; i++) {
		const struct tok *t = &ic->d->toks[i];

		if (t->kind == TOK_WORD && incons_minor(ic, i))
			continue;
		if (!wordlike(t))
			continue;
		key = incons_stem_key(ic->d, i);
		/* a bit per low six bits of the keys kept: a key whose bit
		 * is clear is new without a search */
		k = 0;
		if (seen >> (key & 63) & 1)
			while (k < n && out[k] != key)
				k++;
		else
			k = n;
		seen |= 1ULL << (key & 63);
		if (k == n)
			out[n++] = key;
	}
	return n;
}

/*
 * Is the word sequence of quote a (case and punctuation aside) the same
 * as b's (2), or contained in it (1)?  0 otherwise.
 */
static int
quote_contained(const struct doc *d, const struct quote *a,
    const struct quote *b)
{
	size_t i, j, na = 0, nb = 0, k;

	for (i = a->first; i < a->last; i++)
		na += wordlike(&d->toks[i]);
	for (j = b->first; j < b->last; j++)
		nb += wordlike(&d->toks[j]);
	if (na > nb)
		return 0;
	for (j = b->first; j < b->last; j++) {
		size_t x = a->first, y = j;

		if (!wordlike(&d->toks[j]))
			continue;
		for (k = 0; k < na; k++) {
			while (x < a->last && !wordlike(&d->toks[x]))
				x++;
			while (y < b->last && !wordlike(&d->toks[y]))
				y++;
			if (x >= a->last || y >= b->last ||
			    d->toks[x].key != d->toks[y].key)
				break;
			x++;
			y++;
		}
		if (k == na)
			return na == nb ? 2 : 1;
	}
	return 0;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The word-pair keys of quote q (sorted), at most cap; returns the count. */
static size_t
bigrams(const struct doc *d, const struct quote *q, uint64_t *out,
    size_t cap)
{
	size_t i, n = 0;
	uint64_t prev = 0;

	for (i = q->first; i < q->last && n < cap; i++) {
		if (!wordlike(&d->toks[i]))
			continue;
		if (prev != 0)
			out[n++] = prev * 31 + d->toks[i].key;
		prev = d->toks[i].key;
	}
	qsort(out, n, sizeof(*out), cmp_u64);
	return n;
}

/* Share of a's word pairs that b has too. */
static double
bigram_share(const struct doc *d, const struct quote *a,
    const struct quote *b)
{
	uint64_t x[QM_MAX_BIGRAMS], y[QM_MAX_BIGRAMS];
	size_t nx = bigrams(d, a, x, QM_MAX_BIGRAMS);
	size_t ny = bigrams(d, b, y, QM_MAX_BIGRAMS), i, hit = 0;

	if (nx == 0)
		return 0;
	for (i = 0; i < nx; i++)
		if (bsearch(&x[i], y, ny, sizeof(*y), cmp_u64) != NULL)
			hit++;
	return (double)hit / (double)nx;
}

static int
same_speaker(const struct quote *a, const struct quote *b)
{
	if (a->speaker == NULL || b->speaker == NULL)
		return -1;	/* unknown */
	return strcasecmp(a->speaker, b->speaker) == 0;
}

/* The number of words and numbers in quote q. */
static size_t
words_of(const struct doc *d, const struct quote *q)
{
	size_t i, n = 0;

	for (i = q->first; i < q->last; i++)
		n += wordlike(&d->toks[i]);
	return n;
}

/* Compares quote b (later) with the earlier quote a; reports b. */
static void
quote_pair(const struct incons *ic, const struct quote *a,
    const struct quote *b, size_t shared, size_t na, size_t nb)
{
	struct doc *d = ic->d;
	size_t small = na < nb ? na : nb;
	int c, sp;

	if (shared < QM_MIN_SHORT || (double)shared < QM_OVERLAP *
	    (double)small)
		return;
	sp = same_speaker(a, b);
	/* a whole sentence word for word, from two speakers: short quotes
	 * too ("Every driver uses the roads, and every driver should pay
	 * for them") */
	if (sp == 0 && na == nb && words_of(d, a) >= QM_MIN_TOKENS &&
	    words_of(d, b) >= QM_MIN_TOKENS &&
	    quote_contained(d, a, b) == 2) {
		incons_report(ic, FINDING_QUOTE_MISMATCH, b->toff, b->tlen,
		    "The same quote is credited to %s here and to %s on "
		    "line %zu", b->speaker, a->speaker,
		    incons_line(d, a->toff));
		return;
	}
	if ((shared < QM_MIN_SHARED || small < QM_MIN_WORDS) && (sp == 0 ||
	    (sp == -1 && a->speaker == NULL && b->speaker == NULL) ||
	    (double)shared < QM_OVERLAP * (double)(na > nb ? na : nb) ||
	    words_of(d, a) < QM_MIN_TOKENS || words_of(d, b) < QM_MIN_TOKENS))
		return;
	c = na <= nb ? quote_contained(d, a, b) : quote_contained(d, b, a);
	if (c == 2 && sp == 0) {
		incons_report(ic, FINDING_QUOTE_MISMATCH, b->toff, b->tlen,
		    "The same quote is credited to %s here and to %s on "
		    "line %zu", b->speaker, a->speaker,
		    incons_line(d, a->toff));
		return;
	}
	if (c != 0 || sp == 0 || bigram_share(d, na <= nb ? a : b,
	    na <= nb ? b : a) < QM_BIGRAMS)
		return;
	incons_report(ic, FINDING_QUOTE_MISMATCH, b->toff, b->tlen,
	    "This quote repeats, in other words, the quote on line %zu: "
	    "'%.*s'", incons_line(d, a->toff), excerpt_len(a->tlen),
	    d->text + a->toff);
}

/* A word of a quote in quote_mismatch's chains: one cache line a step. */
struct qm_item {
	int32_t q;		/* the quote */
	int32_t next;		/* the item before, of the same word, or -1 */
};

/* QuoteMismatch: one remark quoted twice in different words. */
static void
quote_mismatch(const struct incons *ic)
{
	struct doc *d = ic->d;
	struct incons_map map;
	struct qm_item *item;
	int32_t *count, *touched;
	size_t *nwords, q, k, w, ntouched;
	uint64_t words[64];
	size_t nitems = 0, cap;

	if (d->nquotes < 2)
		return;
	cap = d->nquotes * 64;
	item = arena_alloc(&d->arena, cap * sizeof(*item));
	count = arena_calloc(&d->arena, d->nquotes, sizeof(*count));
	touched = arena_alloc(&d->arena, d->nquotes * sizeof(*touched));
	nwords = arena_calloc(&d->arena, d->nquotes, sizeof(*nwords));
	/* distinct words, far fewer than cap: the map grows as it fills */
	incons_map_init(&map, &d->arena, 1024);
	for (q = 0; q < d->nquotes; q++) {
		const struct quote *b = &d->quotes[q];
		size_t n;

		if (!quote_is_speech(b))
			continue;
		n = quote_words(ic, b, words, 64);
		nwords[q] = n;
		if (n < QM_MIN_SHORT)
			continue;
		/* count shared words with earlier quotes */
		ntouched = 0;
		for (w = 0; w < n; w++) {
			int32_t h = incons_map_get(&map, words[w]);
			size_t len = 0;

			for (; h >= 0 && len < QM_MAX_CHAIN; len++,
			    h = item[h].next)
				if (count[item[h].q]++ == 0)
					touched[ntouched++] = item[h].q;
		}
		for (k = 0; k < ntouched; k++) {
			size_t a = (size_t)touched[k];

			/* most share one word: quote_pair's first test */
			if (count[a] >= QM_MIN_SHORT)
				quote_pair(ic, &d->quotes[a], b,
				    (size_t)count[a], nwords[a], n);
			count[a] = 0;
		}
		for (w = 0; w < n; w++) {
			int32_t *h = incons_map_head(&map, words[w]);

			item[nitems].q = (int32_t)q;
			item[nitems].next = *h;
			*h = (int32_t)nitems++;
		}
	}
}

static int
on(const struct incons *ic, int id)
{
	return rule_level(ic->d, rule_builtin(ic->rs, id)) != LEVEL_NONE;
}

/* Adds token i to list l. */
static void
list_add(struct doc *d, struct incons_list *l, size_t i)
{
	if (l->n == l->cap)
		arena_grow(&d->arena, (void **)&l->i, &l->cap, sizeof(*l->i),
		    l->n + 1);
	l->i[l->n++] = (uint32_t)i;
}

/*
 * The words whose keys put a token on a list of incons_scan: the vote
 * words, then firsttime.c's cues, in the order cue_word reads them.
 */
static const struct {
	const char *w;
	size_t n;
} cue_words[] = { { "unanimous", 9 }, { "unanimously", 11 },
	{ "dissented", 9 }, { "voted", 5 }, { "first", 5 }, { "never", 5 },
	{ "once", 4 }, { "twice", 5 }, { "times", 5 } };

#define CUE_NVOTES 4		/* cue_words[0, 4) are vote words */
#define CUE_NCLAIMS 6		/* [4, 6) start claims, [6, 9) befores */
#define CUE_N (sizeof(cue_words) / sizeof(cue_words[0]))

/*
 * A bit set of the cue words' keys, 256 bits: most words lack their bit,
 * and are not compared with the keys.
 */
static int
cue_bit(const uint64_t *bits, uint64_t key)
{
	return bits[(key >> 6) & 3] >> (key & 63) & 1;
}

/* Puts word i, whose key's bit is in the cue set, on its list (if any). */
static void
cue_word(struct doc *d, struct incons_scan *sc, const uint64_t *keys,
    size_t i)
{
	const struct tok *t = &d->toks[i];
	size_t k;

	for (k = 0; k < CUE_N && keys[k] != t->key; k++)
		;
	if (k < CUE_NVOTES)
		list_add(d, &sc->votes, i);
	else if (k < CUE_N && !(t->flags & TOK_INQUOTE))
		list_add(d, k < CUE_NCLAIMS ? &sc->claims : &sc->befores, i);
}

/*
 * Fills sc with the tokens each check starts from (incons_scan), and hands
 * nu and nc (when not NULL) the number tokens and the capitalised words
 * outside quotes.
 */
static void
scan(const struct incons *ic, struct incons_scan *sc, struct numconf *nu,
    struct namecheck *nc)
{
	struct doc *d = ic->d;
	uint32_t abit = lex_bit(ic->lx->attrib_phrases, d);
	uint32_t nbit = lex_bit(ic->lx->numbers, d);
	uint32_t cbit = lex_bit(ic->lx->calendar, d);
	uint64_t keys[CUE_N], cues[4] = { 0, 0, 0, 0 };
	const struct lexicon *attrib = ic->lx->attrib_phrases;
	const struct lexicon *cal = ic->lx->calendar;
	size_t i, k, end = 0;
	uint64_t win = pair_window(d, 0);
	/* token i's and i + 1's fingerprints: each left win as its lowest
	 * byte, two tokens before, and need not be computed again */
	uint64_t fp = pair_fp(d, 0), fp1 = pair_fp(d, 1);
	/*
	 * d's fields, kept in registers: the lists' stores below may alias
	 * them, which would have them read again for each token.  Tokens
	 * i + 10 and i + 11 exist below fp_end: pair_fp without its test.
	 */
	const struct tok *toks = d->toks;
	const size_t ntoks = d->ntoks, fp_end = ntoks > 11 ? ntoks - 11 : 0;

	/*
	 * The marks that put a lowercase word outside quotes on a list
	 * below (attribution phrases, number words), or 0 when a list has
	 * no bit and takes every word: most words have none of them.
	 */
	const uint32_t quiet = nbit != 0 && (attrib == NULL || abit != 0) ?
	    nbit | (attrib != NULL ? abit : 0) : 0;

	for (k = 0; k < CUE_N; k++) {
		keys[k] = tok_key(cue_words[k].w, cue_words[k].n);
		cues[(keys[k] >> 6) & 3] |= 1ULL << (keys[k] & 63);
	}
	memset(sc, 0, sizeof(*sc));
	for (i = 0; i < ntoks; i++) {
		const struct tok *t = &toks[i];

		if (i >= end)
			end = sent_end(d, i);
		if (may_repeat(toks, i, end, win, fp))
			list_add(d, &sc->rep, i);
		fp = fp1;
		fp1 = win & 0xFF;	/* pair_fp(d, i + 2) */
		win = win >> 8 |
		    (i < fp_end ? pair_fp_in(toks, i + 10) : 0) << 56;
		if (t->kind == TOK_WORD && cue_bit(cues, t->key))
			cue_word(d, sc, keys, i);
		if (t->flags & TOK_INQUOTE)
			continue;
		if (t->kind == TOK_WORD && !(t->flags & TOK_CAP) &&
		    (t->lex & quiet) == 0 && quiet != 0)
			continue;	/* none of the lists below */
		if (attrib != NULL && lex_marked(t, abit))
			list_add(d, &sc->attrib, i);
		if (t->kind == TOK_NUM || (t->kind == TOK_WORD &&
		    lex_marked(t, nbit))) {
			list_add(d, &sc->nums, i);
			if (nu != NULL)
				numconf_word(nu, i);
		}
		if (t->kind != TOK_WORD || !(t->flags & TOK_CAP))
			continue;
		if (nc != NULL && namecheck_may_end(d, i))
			namecheck_word(nc, i);
		if (cal != NULL && lex_marked(t, cbit))
			list_add(d, &sc->cal, i);
	}
}

void
incons_run(struct doc *d, const struct ruleset *rs, const struct lexset *lx)
{
	struct incons ic;
	struct incons_scan sc;
	struct numconf *nu = NULL;
	struct namecheck *nc = NULL;
	const struct rule *r;

	ic.d = d;
	ic.rs = rs;
	ic.lx = lx;
	ic.scan = &sc;
	incons_words_init(&ic.minor, lx->function_words, d);
	incons_words_init(&ic.verbs, lx->speech_verbs, d);
	if (d->ntoks == 0)
		return;
	/* numbers and names are gathered during the scan, their tokens
	 * still in cache */
	if (on(&ic, FINDING_NUMBER_CONFLICT))
		nu = numconf_new(&ic);
	if (on(&ic, FINDING_NAME_VARIANT) || on(&ic, FINDING_TITLE_CONFLICT))
		nc = namecheck_new(&ic);
	scan(&ic, &sc, nu, nc);
	/* a check whose rules are off for this file costs nothing */
	if (on(&ic, FINDING_PHRASE_REPETITION)) {
		phrase_repetition(&ic);
		doubled_attribution(&ic);
		doubled_speech(&ic);
	}
	if (on(&ic, FINDING_QUOTE_MISMATCH))
		quote_mismatch(&ic);
	if (nu != NULL) {
		numconf_run(nu);
		transpose_run(&ic);
	}
	if (nc != NULL)
		namecheck_run(nc);
	if (on(&ic, FINDING_DATE_CONFLICT))
		datecheck_run(&ic);
	/* a "first time" told of again as "once before", a rise restated
	 * as a fall: the shipped contradiction rule's, on when it is */
	if ((r = rule_find(rs, "Copydesk.Contradiction")) != NULL &&
	    rule_level(d, r) != LEVEL_NONE) {
		firsttime_run(&ic, r);
		direction_run(r, d);
	}
}
