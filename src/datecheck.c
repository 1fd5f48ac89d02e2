/* datecheck.c: DateConflict: one event anchored to two days or dates. */
#include "datecheck.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "incons_p.h"
#include "lex.h"
#include "lexset.h"
#include "tok.h"

/*
 * How far from a weekday a word may be and still be the event it dates:
 * "declared a state of emergency for Dunmore and two neighboring counties
 * on Thursday" puts the verb 12 tokens before the day.
 */
#define DC_BEFORE 12
#define DC_AFTER 4

/* Words between "the first" and its noun: "the first evacuation order". */
#define DC_FIRST_NP 3

/* Words after "Tuesday's" searched for the event noun. */
#define DC_MAX_NP 3

/*
 * Farthest back a participle after a comma looks for the weekday of its
 * clause: "On Monday a judge struck down the ban on rentals in the
 * county's unincorporated areas, ruling that ..." dates the ruling.
 */
#define DC_PARTICIPLE_REACH 40

/* Anchors of one event compared (keeps the check linear). */
#define DC_MAX_CHAIN 32

/* Paragraphs at the top searched for a dateline year. */
#define DC_DATELINE_PARAS 3

/*
 * Paragraphs at the top searched for the story's first dated sentence,
 * the news it leads with.
 */
#define DC_LEAD_PARAS 4

/* Words after a disclosure verb searched for its object's noun. */
#define DC_MAX_OBJ 5

/*
 * An explicit date ("Feb. 9") is a day too: its value is DC_DATE0 plus its
 * day of the year, so that weekdays (0-6) and dates never compare equal.
 * A clock time may move a date by one day (time zones), not by two.
 */
#define DC_DATE0 100
#define DC_IS_DATE(v) ((v) >= DC_DATE0)

struct dc_anchor {
	size_t word, day;	/* tokens: the event word and its weekday */
	int wday;
	int clock;		/* with a clock time: may agree, not conflict */
	int32_t next;
};

struct dc {
	const struct incons *ic;
	int sec_wday, sec_month, sec_daypart, sec_event, sec_disclose;
	struct dc_anchor *a;
	size_t na, cap;
	struct incons_map map;	/* event stem -> anchors */
	int16_t *day;		/* per token: weekday 0-6, a date's DC_DATE0
				 * + day of year, or -1 (one array: each is
				 * set to -1 a token) */
	size_t *mdays;		/* the tokens that start dates, in order */
	size_t nmdays, capmdays;
	uint8_t *has_wday;	/* per sentence: a weekday outside quotes */
	size_t *days;		/* the tokens that are weekdays, in order */
	size_t ndays, capdays;
	uint8_t *bar;		/* per token of anchors' sentence, from
				 * bar_first: barrier_word, or DC_UNKNOWN */
	uint8_t *clk;		/* and clock_time, or DC_UNKNOWN */
	size_t bar_first, bar_n, capbar;
};

/* Answers kept by anchors (yes or no), or not asked yet. */
enum dc_kept {
	DC_UNKNOWN,
	DC_YES,
	DC_NO
};

/*
 * "publication", "published" -> "publi"; "vote", "voted" -> "vot"; a word
 * of calendar.txt's events section is its event's name there ("convicted"
 * and "verdict" -> "verdict").
 */
static uint64_t
event_stem(const struct dc *c, size_t i)
{
	static const struct {
		const char *s;
		size_t n;
	} suf[] = { { "ation", 5 }, { "ion", 3 }, { "ing", 3 }, { "ed", 2 },
	    { "e", 1 } };
	const struct doc *d = c->ic->d;
	const char *v, *s = d->text + d->toks[i].off;
	size_t n, k;

	if (c->sec_event >= 0 && (v = incons_lex_val(d, c->ic->lx->calendar,
	    i, c->sec_event)) != NULL && *v != '\0')
		return tok_key(v, strlen(v));
	/* incons_word's lowercased word (64 bytes at most), read in place:
	 * the key ignores ASCII case */
	n = incons_word_len(d, i, 64);
	if (n > 3 && incons_ends_in(s, n, "s", 1))
		n--;
	for (k = 0; k < sizeof(suf) / sizeof(suf[0]); k++)
		if (n > suf[k].n + 2 && incons_ends_in(s, n, suf[k].s,
		    suf[k].n)) {
			n -= suf[k].n;
			break;
		}
	return tok_key(s, n > 5 ? 5 : n);
}

static int
weekday(const struct dc *c, size_t i)
{
	return c->day[i] < DC_DATE0 ? c->day[i] : -1;
}

/* A weekday (0-6), an explicit date (DC_DATE0 and up), or -1. */
static int
day_val(const struct dc *c, size_t i)
{
	return c->day[i];
}

static size_t parse_date(const struct dc *c, size_t i, int *month, int *dd,
    int *year);

/* The last token of the day at token i: "Feb. 9" ends at "9". */
static size_t
day_end(const struct dc *c, size_t i)
{
	int m, dd, y;
	size_t end;

	if (!DC_IS_DATE(day_val(c, i)) || (end = parse_date(c, i, &m, &dd,
	    &y)) == 0)
		return i;
	return end - 1;
}

/* Day of the year of a month and day (no leap day: only differences). */
static int
day_of_year(int m, int dd)
{
	static const int cum[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243,
	    273, 304, 334 };

	return cum[m - 1] + dd;
}

/*
 * Looks every capitalised word outside quotes up once (those of
 * ic->scan->cal, the rest being no calendar word): the anchor search asks
 * about each token many times.  Lists the weekdays.
 */
static void
find_weekdays(struct dc *c)
{
	struct doc *d = c->ic->d;
	const struct incons_list *l = &c->ic->scan->cal;
	size_t i, k;

	c->day = arena_alloc(&d->arena, (d->ntoks + 1) * sizeof(*c->day));
	/* every byte 0xFF: every day -1 */
	memset(c->day, 0xFF, (d->ntoks + 1) * sizeof(*c->day));
	c->has_wday = arena_calloc(&d->arena, d->nsents + 1, 1);
	for (k = 0; k < l->n; k++) {
		const char *v = incons_lex_val(d, c->ic->lx->calendar,
		    i = l->i[k], c->sec_wday);

		if (v == NULL)
			continue;
		c->day[i] = (int16_t)atoi(v);
		c->has_wday[d->toks[i].sent] = 1;
		arena_grow(&d->arena, (void **)&c->days, &c->capdays,
		    sizeof(*c->days), c->ndays + 1);
		c->days[c->ndays++] = i;
	}
	if (c->sec_month < 0)
		return;
	for (k = 0; k < l->n; k++) {
		int m, dd, y;

		i = l->i[k];
		/* "Feb. 9, 2024": a year may name another year's event */
		if (c->day[i] >= 0 || parse_date(c, i, &m, &dd, &y) == 0 ||
		    y != 0 || m < 1 || m > 12)
			continue;
		c->day[i] = (int16_t)(DC_DATE0 + day_of_year(m, dd));
		c->has_wday[d->toks[i].sent] = 1;
		arena_grow(&d->arena, (void **)&c->mdays, &c->capmdays,
		    sizeof(*c->mdays), c->nmdays + 1);
		c->mdays[c->nmdays++] = i;
	}
}

/*
 * "since Feb. 9", "from Oct. 6 to Oct. 9", "Feb. 9-11", "by March 1": a
 * date that bounds a span, not the day something happened.
 */
static int
date_unanchored(const struct dc *c, size_t i)
{
	static const char *const before[] = { "since", "from", "to",
	    "between", "and", "after", "through", "starting", "late", "early",
	    "mid", "or", NULL };
	static const char *const after[] = { "-", "to", "through", "and",
	    "until", "or", "\xe2\x80\x93", NULL };
	const struct doc *d = c->ic->d;
	size_t e = day_end(c, i);

	return incons_after(d, i, before) || (e + 1 < d->ntoks &&
	    d->toks[e + 1].sent == d->toks[i].sent &&
	    incons_after(d, e + 1, after));
}

/*
 * "next Tuesday", "every Monday", "as early as Tuesday": not the day
 * something happened.
 */
static int
unanchored(const struct doc *d, size_t i)
{
	static const char *const w[] = { "next", "every", "each", "until",
	    "by", "through", "before", "following", "as", NULL };

	return incons_after(d, i, w);
}

/* Does token k start another statement (barrier)? */
static int
barrier_word(const struct dc *c, size_t k)
{
	const struct doc *d = c->ic->d;
	const char *base;
	size_t n;

	return tok_is(d, &d->toks[k], "according") ||
	    ((base = incons_lex_val(d, c->ic->lx->speech_verbs, k,
	    -1)) != NULL && !tok_is(d, &d->toks[k], base)) ||
	    (c->ic->lx->doc_nouns != NULL &&
	    lex_match(c->ic->lx->doc_nouns, d, k, &n) != NULL);
}

/*
 * Does a word between tokens a and b (exclusive) start another statement,
 * so that a weekday beyond it dates that one ("affected, according to a
 * report on Saturday")?  A speech verb counts in an inflected form only:
 * "a state of emergency" is a noun.
 */
static int
barrier(const struct dc *c, size_t a, size_t b)
{
	size_t k;

	for (k = a + 1; k < b; k++)
		if (barrier_word(c, k))
			return 1;
	return 0;
}

/*
 * barrier for a and b in the sentence anchors is indexing: each word's
 * answer is kept (c->bar), since the words between a day and the words
 * it may date are asked about again for each of them.
 */
static int
barrier_kept(const struct dc *c, size_t a, size_t b)
{
	size_t k;

	for (k = a + 1; k < b; k++) {
		uint8_t *m = &c->bar[k - c->bar_first];

		if (*m == DC_UNKNOWN)
			*m = barrier_word(c, k) ? DC_YES : DC_NO;
		if (*m == DC_YES)
			return 1;
	}
	return 0;
}

/*
 * Is weekday i given with a clock time ("4:53 a.m. Thursday")?  A time of
 * day is local to a time zone the rest of the story may not share.
 */
static int
clock_time(const struct doc *d, size_t i)
{
	size_t k, lo = i > 3 ? i - 3 : 0;

	for (k = lo; k < d->ntoks && k <= i + 3; k++) {
		const struct tok *t = &d->toks[k];

		/* every mark below is short */
		if (t->sent != d->toks[i].sent || (t->kind != TOK_PUNCT &&
		    t->len > 3))
			continue;
		/* "4:53", "a.m.", "p.m." */
		if ((t->kind == TOK_PUNCT && d->text[t->off] == ':' && k > 0 &&
		    d->toks[k - 1].kind == TOK_NUM) || tok_is(d, t, "a.m") ||
		    tok_is(d, t, "p.m") || (tok_is(d, t, "m") && k >= 2 &&
		    (tok_is(d, &d->toks[k - 2], "a") ||
		    tok_is(d, &d->toks[k - 2], "p"))))
			return 1;
	}
	return 0;
}

/*
 * clock_time of token i, kept for the tokens of the sentence anchors is
 * indexing (c->clk): the words a day dates each ask about that day.
 */
static int
clock_kept(const struct dc *c, size_t i)
{
	uint8_t *m;

	if (i < c->bar_first || i >= c->bar_first + c->bar_n)
		return clock_time(c->ic->d, i);
	m = &c->clk[i - c->bar_first];
	if (*m == DC_UNKNOWN)
		*m = clock_time(c->ic->d, i) ? DC_YES : DC_NO;
	return *m == DC_YES;
}

/* Can weekday i date a word, the words between allowing (dates)? */
static int
day_anchored(const struct dc *c, size_t i)
{
	const struct doc *d = c->ic->d;

	return day_val(c, i) >= 0 && !incons_possessive(d, i) &&
	    !unanchored(d, i) &&
	    !(DC_IS_DATE(day_val(c, i)) && date_unanchored(c, i));
}

/* Can weekday i date a word at token j (the words between allowing)? */
static int
dates(const struct dc *c, size_t i, size_t j)
{
	return day_anchored(c, i) && !barrier(c, i < j ? i : j, i < j ? j : i);
}

/*
 * The weekday of the clause a participle at j opens (", ruling that"):
 * the nearest one before it in the sentence, or (size_t)-1.
 */
static size_t
clause_day(const struct dc *c, size_t j, size_t first)
{
	const struct doc *d = c->ic->d;
	const struct tok *t = &d->toks[j];
	size_t i, lo = j > first + DC_PARTICIPLE_REACH ?
	    j - DC_PARTICIPLE_REACH : first;

	if (j < first + 2 || d->text[d->toks[j - 1].off] != ',' ||
	    t->len < 6 || memcmp(d->text + t->off + t->len - 3, "ing", 3))
		return (size_t)-1;
	for (i = j - 2; i + 1 > lo; i--)
		if (weekday(c, i) >= 0)
			return dates(c, i, j) ? i : (size_t)-1;
	return (size_t)-1;
}

/*
 * Advances the cursor *at past the days of cand[0, n) (in token order)
 * more than DC_AFTER tokens before the word at token j; is there a day
 * within reach of j, from DC_AFTER tokens before it to DC_BEFORE after?
 */
static int
day_near(const size_t *cand, size_t n, size_t *at, size_t j, size_t first)
{
	size_t lo = j > first + DC_AFTER ? j - DC_AFTER : first;

	while (*at < n && cand[*at] < lo)
		++*at;
	return *at < n && cand[*at] <= j + DC_BEFORE;
}

/*
 * The nearest day of the kind (0 weekdays, 1 dates) among cand[at, n)
 * that can date the word at token j (day_near's reach), the earlier of
 * two as near; (size_t)-1 when none.  The days are tried nearest first,
 * so that dates, which reads the words between, runs until one passes.
 * ok[k] keeps day_anchored of cand[k] (DC_UNKNOWN before it is asked).
 */
static size_t
nearest_day(const struct dc *c, const size_t *cand, uint8_t *ok, size_t n,
    size_t at, size_t j, int kind)
{
	size_t hi, r, b, e;

	/* cand[at, r) are before j, cand[r, hi) after it */
	for (hi = at; hi < n && cand[hi] <= j + DC_BEFORE; hi++)
		;
	for (r = at; r < hi && cand[r] < j; r++)
		;
	/* outward from j: cand[at, b) and cand[e, hi) are still to try */
	for (b = r, e = r; b > at || e < hi;) {
		size_t i;

		size_t k = b > at && (e == hi || j - cand[b - 1] <=
		    cand[e] - j) ? --b : e++;

		i = cand[k];
		if (DC_IS_DATE(day_val(c, i)) != kind)
			continue;
		/* dates(c, i, j), its half about the day kept in ok */
		if (ok[k] == DC_UNKNOWN)
			ok[k] = day_anchored(c, i) ? DC_YES : DC_NO;
		if (ok[k] == DC_YES && !barrier_kept(c, i < j ? i : j,
		    i < j ? j : i))
			return i;
	}
	return (size_t)-1;
}

/*
 * The days of sentence s (weekdays and dates) into cand, in token order;
 * returns their count.  *wd and *md are cursors into c->days and c->mdays,
 * for the sentences in order.
 */
static size_t
sentence_days(const struct dc *c, size_t s, size_t *cand, size_t *wd,
    size_t *md)
{
	const struct doc *d = c->ic->d;
	size_t n = 0, first = d->sents[s].first, end = first + d->sents[s].n;

	while (*wd < c->ndays && c->days[*wd] < first)
		++*wd;
	while (*md < c->nmdays && c->mdays[*md] < first)
		++*md;
	while ((*wd < c->ndays && c->days[*wd] < end) ||
	    (*md < c->nmdays && c->mdays[*md] < end)) {
		if (*md >= c->nmdays || c->mdays[*md] >= end ||
		    (*wd < c->ndays && c->days[*wd] < c->mdays[*md]))
			cand[n++] = c->days[(*wd)++];
		else
			cand[n++] = c->mdays[(*md)++];
	}
	return n;
}

/*
 * Indexes the words dated by each plain weekday of sentence s.  cand and
 * ok have room for every day of the story; wd and md are sentence_days'
 * cursors.
 */
static void
anchors(struct dc *c, size_t s, size_t *cand, uint8_t *ok, size_t *wd,
    size_t *md)
{
	struct doc *d = c->ic->d;
	const struct sent *st = &d->sents[s];
	size_t j, end = st->first + st->n, ncand;
	int kind;

	if (!c->has_wday[s])
		return;		/* no weekday, nothing to anchor */
	ncand = sentence_days(c, s, cand, wd, md);
	memset(ok, DC_UNKNOWN, ncand);
	/* bar and clk, one allocation */
	arena_grow(&d->arena, (void **)&c->bar, &c->capbar, 1, 2 * st->n);
	memset(c->bar, DC_UNKNOWN, 2 * st->n);
	c->clk = c->bar + st->n;
	c->bar_first = st->first;
	c->bar_n = st->n;
	/* the nearest weekday, then the nearest date ("Sunday, Feb. 9") */
	for (kind = 0; kind < 2; kind++) {
		size_t at = 0;

		for (j = st->first; j < end; j++) {
			size_t best;
			int near;
			struct dc_anchor *a;
			int32_t *h;

			if (d->toks[j].kind != TOK_WORD ||
			    (d->toks[j].flags & TOK_INQUOTE) ||
			    day_val(c, j) >= 0)
				continue;
			/* most words have no day near: they need no lexicon
			 * look-up */
			near = day_near(cand, ncand, &at, j, st->first);
			if ((!near && kind != 0) || incons_minor(c->ic, j))
				continue;
			best = near ? nearest_day(c, cand, ok, ncand, at, j,
			    kind) : (size_t)-1;
			if (kind == 0 && best == (size_t)-1)
				best = clause_day(c, j, st->first);
			if (best == (size_t)-1)
				continue;
			arena_grow(&d->arena, (void **)&c->a, &c->cap,
			    sizeof(*c->a), c->na + 1);
			a = &c->a[c->na];
			a->word = j;
			a->day = best;
			a->wday = day_val(c, best);
			/* "at 11:50 p.m. on Feb. 9": a date's clock may come
			 * earlier */
			a->clock = clock_kept(c, best) || (kind == 1 &&
			    best >= 2 && clock_kept(c, best - 2));
			h = incons_map_head(&c->map, event_stem(c, j));
			a->next = *h;
			*h = (int32_t)c->na++;
		}
	}
}

/* Did a weekday of another sentence date token j's event? */
static int
dated_elsewhere(const struct dc *c, size_t j)
{
	const struct doc *d = c->ic->d;
	int32_t e;
	int n = 0;

	for (e = incons_map_get(&c->map, event_stem(c, j));
	    e >= 0 && n < DC_MAX_CHAIN; e = c->a[e].next, n++)
		if (d->toks[c->a[e].word].sent != d->toks[j].sent)
			return 1;
	return 0;
}

/*
 * "Tuesday's vote": the event noun after a possessive weekday.  The words
 * after it may run on into the verb ("the Tuesday vote drew critics"):
 * the head is the last of them that some weekday dated elsewhere, else
 * the last.  A speech verb ends the run.
 */
static size_t
event_noun(const struct dc *c, size_t i)
{
	const struct doc *d = c->ic->d;
	size_t j, head = 0, last = 0;

	for (j = i + 1; j < d->ntoks && j <= i + DC_MAX_NP &&
	    d->toks[j].sent == d->toks[i].sent; j++) {
		if (d->toks[j].kind != TOK_WORD ||
		    (d->toks[j].flags & TOK_CAP) || incons_minor(c->ic, j) ||
		    (last != 0 && incons_lex_val(d, c->ic->lx->speech_verbs,
		    j, -1) != NULL))
			break;
		last = j;
	}
	/* "Sunday's commercial-free airing": a compound is a modifier */
	for (j = last; j > i && head == 0; j--)
		if (dated_elsewhere(c, j) && (j == last ||
		    memchr(d->text + d->toks[j].off, '-', d->toks[j].len) ==
		    NULL))
			head = j;
	if (head == 0)
		head = last;
	/* "Tuesday night": a time, not an event */
	if (head != 0 && incons_lex_val(d, c->ic->lx->calendar, head,
	    c->sec_daypart) != NULL)
		return 0;
	return head;
}

/*
 * Does weekday i modify a noun as an attribute, "Okafor's Thursday
 * ruling", "the Tuesday vote"?  ("the Tuesday after" is no event.)
 */
static int
day_attribute(const struct dc *c, size_t i)
{
	static const char *const det[] = { "the", "its", "his", "her",
	    "their", "this", NULL };
	const struct doc *d = c->ic->d;

	return i > 0 && d->toks[i - 1].sent == d->toks[i].sent &&
	    (incons_possessive(d, i - 1) || incons_after(d, i, det));
}

static void
possessives(struct dc *c)
{
	struct doc *d = c->ic->d;
	size_t i, k, w;

	for (w = 0; w < c->ndays + c->nmdays; w++) {
		const struct dc_anchor *bad = NULL;
		size_t head, a, b, off, len, aoff, alen;
		int day, n = 0;
		int32_t e;

		i = w < c->ndays ? c->days[w] : c->mdays[w - c->ndays];
		if ((day = day_val(c, i)) < 0 || (!incons_possessive(d,
		    day_end(c, i)) && !day_attribute(c, i)) ||
		    (head = event_noun(c, day_end(c, i))) == 0)
			continue;
		for (e = incons_map_get(&c->map, event_stem(c, head));
		    e >= 0 && n < DC_MAX_CHAIN; e = c->a[e].next, n++) {
			const struct dc_anchor *x = &c->a[e];

			if (d->toks[x->word].sent == d->toks[i].sent ||
			    DC_IS_DATE(x->wday) != DC_IS_DATE(day))
				continue;
			if (x->wday == day)
				break;
			/* a clock time may move a date by a day, no more */
			if (!x->clock || (DC_IS_DATE(day) &&
			    abs(x->wday - day) > 1))
				bad = x;
		}
		if (bad == NULL || e >= 0)
			continue;
		a = bad->word < bad->day ? bad->word : bad->day;
		b = bad->word < bad->day ? day_end(c, bad->day) : bad->word;
		incons_span(d, i, head, &off, &len);
		incons_span(d, a, b, &aoff, &alen);
		if (aoff > off) {
			size_t t;

			t = off, off = aoff, aoff = t;
			t = len, len = alen, alen = t;
		}
		k = incons_line(d, aoff);
		incons_report(c->ic, FINDING_DATE_CONFLICT, off, len,
		    "'%.*s' puts the event on another day than '%.*s' on "
		    "line %zu", (int)(len > 60 ? 60 : len), d->text + off,
		    (int)(alen > 60 ? 60 : alen), d->text + aoff, k);
	}
}

/*
 * The story's first weekday in its top paragraphs that plainly dates
 * something: the day of the news it leads with.  (size_t)-1 when there
 * is none, or when its sentence gives two days.
 */
static size_t
lead_day(const struct dc *c)
{
	const struct doc *d = c->ic->d;
	size_t w, i, lead = (size_t)-1;

	for (w = 0; w < c->ndays; w++) {
		i = c->days[w];
		if (d->toks[i].para >= DC_LEAD_PARAS || (lead != (size_t)-1 &&
		    d->toks[i].sent != d->toks[lead].sent))
			break;
		if (incons_possessive(d, i) || day_attribute(c, i) ||
		    unanchored(d, i) || clock_time(d, i))
			continue;
		if (lead == (size_t)-1)
			lead = i;
		else if (weekday(c, i) != weekday(c, lead))
			return (size_t)-1;
	}
	return lead;
}

/*
 * The head noun of a definite object after token v ("announced the three
 * new cases", "announcing the deal Tuesday"): its token, or 0.
 */
static size_t
definite_object(const struct dc *c, size_t v)
{
	static const char *const det[] = { "the", "its", "their", NULL };
	const struct doc *d = c->ic->d;
	size_t k, head = 0;

	if (v + 2 >= d->ntoks || d->toks[v + 1].sent != d->toks[v].sent ||
	    !incons_after(d, v + 2, det))
		return 0;
	for (k = v + 2; k < d->ntoks && k <= v + 1 + DC_MAX_OBJ &&
	    d->toks[k].sent == d->toks[v].sent; k++) {
		const struct tok *t = &d->toks[k];

		if (t->kind == TOK_NUM || incons_lex_val(d,
		    c->ic->lx->numbers, k, -1) != NULL)
			continue;
		if (t->kind != TOK_WORD || (t->flags & (TOK_CAP |
		    TOK_INQUOTE)) || incons_minor(c->ic, k))
			break;
		head = k;
		if (incons_possessive(d, k))
			head = 0;	/* "the deal's terms": the terms */
	}
	return head;
}

/*
 * "confirmed three more cases of measles on Thursday" in the lead, then
 * "announced the three new cases on Wednesday": a disclosure verb
 * (calendar.txt's disclosures) whose definite object the lead dated puts
 * the news on another day.
 */
static void
restatements(struct dc *c)
{
	struct doc *d = c->ic->d;
	size_t lead, ls, x, k, head, a, b, off, len, loff, llen;
	uint64_t key;

	if (c->sec_disclose < 0 || (lead = lead_day(c)) == (size_t)-1)
		return;
	ls = d->toks[lead].sent;
	for (x = 0; x < c->na; x++) {
		const struct dc_anchor *an = &c->a[x];

		if (an->clock || DC_IS_DATE(an->wday) ||
		    an->wday == weekday(c, lead) ||
		    d->toks[an->word].sent <= ls ||
		    incons_lex_val(d, c->ic->lx->calendar, an->word,
		    c->sec_disclose) == NULL ||
		    (head = definite_object(c, an->word)) == 0)
			continue;
		key = incons_stem_key(d, head);
		for (k = d->sents[ls].first; k < d->sents[ls].first +
		    d->sents[ls].n; k++)
			if (!(d->toks[k].flags & TOK_INQUOTE) &&
			    d->toks[k].kind == TOK_WORD &&
			    incons_stem_key(d, k) == key && dates(c, lead, k))
				break;
		if (k >= d->sents[ls].first + d->sents[ls].n)
			continue;
		a = an->word < an->day ? an->word : an->day;
		b = head > an->day ? head : an->day;
		incons_span(d, a, b, &off, &len);
		incons_span(d, lead < k ? lead : k, lead < k ? k : lead, &loff,
		    &llen);
		incons_report(c->ic, FINDING_DATE_CONFLICT, off, len,
		    "'%.*s' puts the news on another day than '%.*s' on line "
		    "%zu", (int)(len > 60 ? 60 : len), d->text + off,
		    (int)(llen > 60 ? 60 : llen), d->text + loff,
		    incons_line(d, loff));
	}
}

/*
 * Is anchor word j the noun of "the first ...", "the initial ..." (up to
 * two words between: "the first evacuation order")?  There is one first
 * of a kind, so its day is one day.
 */
static int
first_of_kind(const struct dc *c, size_t j)
{
	const struct doc *d = c->ic->d;
	size_t k;

	for (k = j; k > 1 && k + DC_FIRST_NP > j; k--) {
		const struct tok *t = &d->toks[k - 1];

		if (t->sent != d->toks[j].sent || t->kind != TOK_WORD ||
		    (t->flags & (TOK_CAP | TOK_INQUOTE)))
			return 0;
		if ((tok_is(d, t, "first") || tok_is(d, t, "initial")) &&
		    tok_is(d, &d->toks[k - 2], "the"))
			return k < j || j + 1 >= d->ntoks ||
			    !(d->toks[j + 1].kind == TOK_WORD &&
			    !incons_minor(c->ic, j + 1));
	}
	return 0;
}

/*
 * "the first order was issued Saturday night" and later "The first
 * evacuation order ... was issued at 9 p.m. Sunday": one first event
 * anchored to two days.  Weekdays and dates are compared among their
 * kind; a clock time excuses a date one day off (time zones), not a
 * weekday.
 */
static void
firsts(struct dc *c)
{
	struct doc *d = c->ic->d;
	size_t x, y, n = 0, off, len, ooff, olen, a, b;
	size_t *f;

	f = arena_alloc(&d->arena, (c->na + 1) * sizeof(*f));
	for (x = 0; x < c->na; x++)
		if (first_of_kind(c, c->a[x].word))
			f[n++] = x;
	for (x = 1; x < n; x++) {
		const struct dc_anchor *an = &c->a[f[x]];

		for (y = 0; y < x; y++) {
			const struct dc_anchor *o = &c->a[f[y]];

			if (event_stem(c, o->word) != event_stem(c, an->word) ||
			    d->toks[o->word].sent == d->toks[an->word].sent ||
			    DC_IS_DATE(o->wday) != DC_IS_DATE(an->wday) ||
			    o->wday == an->wday || (DC_IS_DATE(an->wday) &&
			    (o->clock || an->clock) &&
			    abs(o->wday - an->wday) <= 1))
				continue;
			a = an->word < an->day ? an->word : an->day;
			b = an->word < an->day ? day_end(c, an->day) : an->word;
			incons_span(d, a, b, &off, &len);
			a = o->word < o->day ? o->word : o->day;
			b = o->word < o->day ? day_end(c, o->day) : o->word;
			incons_span(d, a, b, &ooff, &olen);
			incons_report(c->ic, FINDING_DATE_CONFLICT, off, len,
			    "'%.*s' puts the first event on another day than "
			    "'%.*s' on line %zu", (int)(len > 60 ? 60 : len),
			    d->text + off, (int)(olen > 60 ? 60 : olen),
			    d->text + ooff, incons_line(d, ooff));
			break;
		}
	}
}

/* Day of the week (0 = Sunday) of a Gregorian date. */
static int
day_of_week(int y, int m, int dd)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + dd) % 7;
}

/* A plain integer token in [lo, hi], or -1. */
static int
int_tok(const struct doc *d, size_t i, int lo, int hi)
{
	const struct tok *t = &d->toks[i];
	int v = 0;
	size_t k;

	if (t->kind != TOK_NUM || t->len > 4)
		return -1;
	for (k = 0; k < t->len; k++) {
		char ch = d->text[t->off + k];

		if (ch < '0' || ch > '9')
			return -1;
		v = v * 10 + (ch - '0');
	}
	return v >= lo && v <= hi ? v : -1;
}

/*
 * Parses MONTH [.] DAY [, YEAR] at token i; returns the token after it,
 * or 0 when there is no date.  *year is 0 when not given.
 */
static size_t
parse_date(const struct dc *c, size_t i, int *month, int *dd, int *year)
{
	const struct doc *d = c->ic->d;
	const char *v;
	size_t j = i + 1;

	if (i >= d->ntoks || (v = incons_lex_val(d, c->ic->lx->calendar, i,
	    c->sec_month)) == NULL)
		return 0;
	*month = atoi(v);
	if (j < d->ntoks && d->text[d->toks[j].off] == '.')
		j++;
	if (j >= d->ntoks || (*dd = int_tok(d, j, 1, 31)) < 0)
		return 0;
	j++;
	*year = 0;
	if (j + 1 < d->ntoks && d->text[d->toks[j].off] == ',' &&
	    (*year = int_tok(d, j + 1, 1800, 2200)) > 0)
		return j + 2;
	*year = 0;
	return j;
}

/* "Tuesday, Nov. 18, 2025": the weekday must fall on the date. */
static void
weekday_dates(struct dc *c)
{
	struct doc *d = c->ic->d;
	static const char *const names[] = { "Sunday", "Monday", "Tuesday",
	    "Wednesday", "Thursday", "Friday", "Saturday" };
	size_t i, j, k, end;
	int dateline = 0, dlmonth = 0, m, dd, y;

	for (i = 0; i < d->ntoks && d->toks[i].para < DC_DATELINE_PARAS;
	    i++)
		if (parse_date(c, i, &m, &dd, &y) && y > 0) {
			dateline = y;
			dlmonth = m;
			break;
		}
	for (k = 0; k < c->ndays && (i = c->days[k]) + 2 < d->ntoks; k++) {
		int wd = weekday(c, i), year;

		j = i + 1;
		if (d->text[d->toks[j].off] == ',')
			j++;
		if ((end = parse_date(c, j, &m, &dd, &y)) == 0)
			continue;
		year = y;
		if (year == 0 && dateline > 0)
			year = m > dlmonth + 1 ? dateline - 1 : dateline;
		if (year == 0 || day_of_week(year, m, dd) == wd)
			continue;
		incons_report(c->ic, FINDING_DATE_CONFLICT, d->toks[i].off,
		    (size_t)d->toks[end - 1].off + d->toks[end - 1].len -
		    d->toks[i].off, "This date falls on a %s in %d, not on "
		    "'%.*s'", names[day_of_week(year, m, dd)], year,
		    (int)d->toks[i].len, d->text + d->toks[i].off);
	}
}

void
datecheck_run(const struct incons *ic)
{
	struct doc *d = ic->d;
	struct dc c;
	size_t s, *cand, wd = 0, md = 0;
	uint8_t *ok;

	memset(&c, 0, sizeof(c));
	c.ic = ic;
	if (ic->lx->calendar == NULL)
		return;
	c.sec_wday = lex_section(ic->lx->calendar, "weekdays");
	c.sec_month = lex_section(ic->lx->calendar, "months");
	c.sec_daypart = lex_section(ic->lx->calendar, "dayparts");
	c.sec_event = lex_section(ic->lx->calendar, "events");
	c.sec_disclose = lex_section(ic->lx->calendar, "disclosures");
	incons_map_init(&c.map, &d->arena, 64);	/* grows with anchors */
	find_weekdays(&c);
	cand = arena_alloc(&d->arena, (c.ndays + c.nmdays + 1) *
	    sizeof(*cand));
	ok = arena_alloc(&d->arena, c.ndays + c.nmdays + 1);
	for (s = 0; s < d->nsents; s++)
		anchors(&c, s, cand, ok, &wd, &md);
	possessives(&c);
	restatements(&c);
	firsts(&c);
	weekday_dates(&c);
}
