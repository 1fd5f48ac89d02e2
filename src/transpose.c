/*
 * transpose.c: NumberConflict for transposed digits: "$48.6 million" early
 * in a story and "$46.8 million" later, "12 miles" and "21 miles".
 *
 * numconf.c compares the values of one counted noun; a transposition is a
 * typing slip that shows whatever noun the figure is keyed by ("earned
 * $48.6 million ... the $46.8 million profit"), so here the key is only
 * the unit: money with its scale, a percentage, a measure (miles, acres).
 * Two figures of one unit whose digits differ by one swap of neighbours,
 * with the decimal point in the same place, are rarely two facts: with
 * three or more significant digits for money and percentages (a poll's
 * many percentages meet by chance), two for measures.  A change word near
 * either ("rose from 12 to 21") explains them.
 */
#include "transpose.h"

#include <string.h>

#include "doc.h"
#include "finding.h"
#include "incons_p.h"
#include "lex.h"
#include "lexset.h"
#include "rule.h"
#include "tok.h"

#define TP_MAX_DIGITS 12	/* longer figures are not compared */
#define TP_MAX_KEPT 256		/* figures kept a story (keeps it linear) */
#define TP_CHANGE_WIN 3		/* tokens searched for a change word */

enum tp_unit {
	TP_MONEY,
	TP_PERCENT,
	TP_MEASURE
};

struct tp_fig {
	char dig[TP_MAX_DIGITS];	/* significant digits, no point */
	int nd;				/* their count */
	int point;			/* digits before the point; nd if none */
	uint64_t unit;			/* kind, scale and measure word */
	size_t a, b;			/* its tokens, [a, b] */
};

/* Time spans are not measures here: "12 years" and "21 years" are ages,
 * terms and anniversaries. */
static const char *const time_words[] = { "year", "years", "month",
	"months", "week", "weeks", "day", "days", "hour", "hours", "minute",
	"minutes", "second", "seconds", "time", "times", "decade", "decades",
	"century", "centuries", "point", "points", "percent", "percentage",
	NULL };

static int
in_list(const struct doc *d, size_t i, const char *const *w)
{
	size_t k;

	for (k = 0; w[k] != NULL; k++)
		if (tok_is(d, &d->toks[i], w[k]))
			return 1;
	return 0;
}

/*
 * Reads the digits of number token i into f: a currency sign first
 * ($48.6, 1 for money), a percent sign last (15%, 2), digits with at most
 * one point and thousands commas between; -1 for anything else (times,
 * scores, ranges).  Leading zeros are not significant.
 */
static int
digits(const struct doc *d, size_t i, struct tp_fig *f)
{
	const struct tok *t = &d->toks[i];
	const char *s = d->text + t->off;
	size_t k = 0, n = t->len;
	int seen = 0, point = -1, sign = 0;

	if (n > 1 && s[0] == '$')
		k = 1, sign = 1;
	else if (n > 2 && memcmp(s, "\xC2\xA3", 2) == 0)
		k = 2, sign = 1;
	else if (n > 3 && memcmp(s, "\xE2\x82\xAC", 3) == 0)
		k = 3, sign = 1;
	else if (n > 1 && s[n - 1] == '%')
		n--, sign = 2;
	f->nd = 0;
	for (; k < n; k++) {
		char c = s[k];

		if (c >= '0' && c <= '9') {
			if (c == '0' && !seen && point < 0)
				continue;
			seen = 1;
			if (f->nd == TP_MAX_DIGITS)
				return -1;
			f->dig[f->nd++] = c;
		} else if (c == '.' && point < 0 && k + 1 < n) {
			point = f->nd;
		} else if (c != ',') {
			return -1;
		}
	}
	f->point = point < 0 ? f->nd : point;
	return f->nd > 0 ? sign : -1;
}

/* Is token i a measure word of the units section, singular or plural
 * ("miles", "feet" listed as such)? */
static int
is_unit(const struct incons *ic, size_t i, int sec_unit)
{
	const struct lex_entry *e;
	char w[32];
	size_t n = incons_word(ic->d, i, w, sizeof(w));

	if ((e = incons_lex_get(ic->lx->quantity, w, n)) == NULL && n > 3 &&
	    w[n - 1] == 's')
		e = incons_lex_get(ic->lx->quantity, w, n - 1);
	return e != NULL && e->section == sec_unit;
}

/*
 * The unit of the figure at number token i (its tokens into f->a, f->b),
 * whose sign digits() gave: "$48.6 million", "15%", "15 percent", "12
 * miles"; 0 when it has none this check compares.
 */
static int
unit_of(const struct incons *ic, size_t i, int sign, struct tp_fig *f,
    int sec_unit, int sec_scale)
{
	const struct doc *d = ic->d;
	size_t j = i + 1;
	uint64_t scale = 0;

	f->a = f->b = i;
	if (sign == 2) {
		f->unit = TP_PERCENT;
		return f->nd >= 3;
	}
	if (j < d->ntoks && d->toks[j].kind == TOK_WORD &&
	    incons_lex_val(d, ic->lx->quantity, j, sec_scale) != NULL) {
		scale = incons_word_key(d, j);
		f->b = j++;
	}
	if (sign == 1) {
		f->unit = (scale << 2) | TP_MONEY;
		return f->nd >= 3;
	}
	if (scale != 0 || j >= d->ntoks || d->toks[j].kind != TOK_WORD)
		return 0;
	if (tok_is(d, &d->toks[j], "percent") ||
	    (tok_is(d, &d->toks[j], "per") && j + 1 < d->ntoks &&
	    tok_is(d, &d->toks[j + 1], "cent"))) {
		f->b = j;
		f->unit = TP_PERCENT;
		return f->nd >= 3;
	}
	if (!in_list(d, j, time_words) && is_unit(ic, j, sec_unit)) {
		f->b = j;
		f->unit = (incons_stem_key(d, j) << 2) | TP_MEASURE;
		return f->nd >= 2;
	}
	return 0;
}

/*
 * Does a change word end right before token a, in its sentence ("rose
 * to 21 miles", "revised to $46.8 million")?  Words after a figure ("21
 * miles from town") say where, not how it changed.
 */
static int
changed(const struct incons *ic, size_t a)
{
	const struct doc *d = ic->d;
	size_t j, n, first = d->sents[d->toks[a].sent].first;

	if (ic->lx->change_words == NULL)
		return 0;
	for (j = a > first + TP_CHANGE_WIN ? a - TP_CHANGE_WIN : first; j < a;
	    j++)
		if (lex_match(ic->lx->change_words, d, j, &n) != NULL &&
		    j + n <= a)
			return 1;
	return 0;
}

/* Has numconf.c already given a NumberConflict over [off, off+len)? */
static int
reported(const struct incons *ic, size_t off, size_t len)
{
	const struct doc *d = ic->d;
	const struct rule *r = rule_builtin(ic->rs, FINDING_NUMBER_CONFLICT);
	size_t k;

	for (k = d->nfindings; k > 0; k--) {
		const struct finding *f = &d->findings[k - 1];

		if (f->rule == r && f->toff < off + len &&
		    off < f->toff + f->tlen)
			return 1;
	}
	return 0;
}

/* Do a and b differ by one swap of two neighbouring, different digits? */
static int
swapped(const struct tp_fig *a, const struct tp_fig *b)
{
	int k;

	if (a->nd != b->nd || a->point != b->point)
		return 0;
	for (k = 0; k < a->nd && a->dig[k] == b->dig[k]; k++)
		;
	if (k + 1 >= a->nd || a->dig[k] != b->dig[k + 1] ||
	    a->dig[k + 1] != b->dig[k])
		return 0;
	return memcmp(a->dig + k + 2, b->dig + k + 2,
	    (size_t)(a->nd - k - 2)) == 0;
}

void
transpose_run(const struct incons *ic)
{
	struct doc *d = ic->d;
	const struct incons_list *l = &ic->scan->nums;
	struct tp_fig *kept;
	size_t k, n = 0, e, off, len, ooff, olen;
	int sec_unit, sec_scale;

	if (ic->lx->quantity == NULL || l->n < 2)
		return;
	sec_unit = lex_section(ic->lx->quantity, "units");
	sec_scale = lex_section(ic->lx->quantity, "scale");
	kept = arena_alloc(&d->arena, TP_MAX_KEPT * sizeof(*kept));
	for (k = 0; k < l->n && n < TP_MAX_KEPT; k++) {
		struct tp_fig *f = &kept[n];
		size_t i = l->i[k];
		int sign;

		if (d->toks[i].kind != TOK_NUM ||
		    (sign = digits(d, i, f)) < 0 ||
		    !unit_of(ic, i, sign, f, sec_unit, sec_scale))
			continue;
		for (e = 0; e < n; e++) {
			const struct tp_fig *o = &kept[e];

			if (o->unit != f->unit || !swapped(o, f) ||
			    d->toks[o->a].sent == d->toks[f->a].sent ||
			    changed(ic, f->a) || changed(ic, o->a))
				continue;
			incons_span(d, f->a, f->b, &off, &len);
			incons_span(d, o->a, o->b, &ooff, &olen);
			if (reported(ic, off, len))
				break;
			incons_report(ic, FINDING_NUMBER_CONFLICT, off, len,
			    "'%.*s' here, but '%.*s' on line %zu: are two "
			    "digits transposed?", (int)len, d->text + off,
			    (int)olen, d->text + ooff, incons_line(d, ooff));
			break;
		}
		n++;
	}
}
