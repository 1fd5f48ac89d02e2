/* tok.c: the tokenizer: words, numbers, quote marks, sentences, paragraphs. */
#include "tok.h"

#include <string.h>
#include <strings.h>

#include "doc.h"
#include "lex.h"
#include "utf8.h"
#include "xalloc.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

/*
 * Classes of ASCII bytes, so that the common case (English prose) takes no
 * function call per character; must agree with utf8_is_letter,
 * utf8_is_digit, utf8_is_upper and utf8_is_space.
 */
enum {
	AC_WORD = 1 << 0,	/* letter or digit */
	AC_UPPER = 1 << 1,
	AC_LETTER = 1 << 2,
	AC_SPACE = 1 << 3	/* utf8_is_space, and NUL */
};

/* generated from the definitions above; one row per 16 bytes */
static const unsigned char ascii_class[128] = {
	8, 0, 0, 0, 0, 0, 0, 0, 0, 8, 8, 8, 8, 8, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0,
	0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
	5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
};

/* The key hashed on with the ASCII byte b of class f (ascii_class). */
static inline uint64_t
ascii_key_step(uint64_t h, unsigned char b, unsigned f)
{
	/* a capital gets the case bit 0x20 */
	return (h ^ (b | ((f & AC_UPPER) ? 0x20 : 0))) * FNV_PRIME;
}

/*
 * One ASCII byte of a word: counts letters and capitals (TOK_CAP when the
 * first letter is one) and returns the key hashed on with the folded byte.
 */
static inline uint64_t
ascii_step(uint64_t h, unsigned char b, size_t *nl, size_t *nu,
    unsigned *flags)
{
	unsigned char f = ascii_class[b];

	if (f & AC_LETTER) {
		(*nl)++;
		if (f & AC_UPPER) {
			(*nu)++;
			if (*nl == 1)
				*flags |= TOK_CAP;
		}
	}
	return ascii_key_step(h, b, f);
}

/* Decodes the code point at s[i] (i < n) with an ASCII fast path. */
static size_t
cp_at(const unsigned char *s, size_t n, size_t i, int32_t *cp)
{
	if (s[i] < 0x80) {
		*cp = s[i];
		return 1;
	}
	return utf8_decode(s + i, n - i, cp);
}

/* The code point that ends just before s[i], or -1 at the start. */
static int32_t
cp_before(const unsigned char *s, size_t i)
{
	size_t j = i;
	int32_t cp;

	if (i == 0)
		return -1;
	if (s[i - 1] < 0x80)
		return s[i - 1];
	j = i - 1;
	while (j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80)
		j--;
	utf8_decode(s + j, i - j, &cp);
	return cp;
}

static int
is_apos(int32_t c)
{
	return c == '\'' || c == 0x2019;
}

static int
is_hyphen(int32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

static int
is_quote_cp(int32_t c)
{
	switch (c) {
	case '"': case '\'': case 0x201C: case 0x201D: case 0x201E:
	case 0x201F: case 0x2018: case 0x2019: case 0x201A: case 0x201B:
	case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
		return 1;
	}
	return 0;
}

static int
is_wordch(int32_t c)
{
	return utf8_is_letter(c) || utf8_is_digit(c) || utf8_is_mark(c);
}

/* Characters after which a quote mark can open: start, space, brackets. */
static int
opens_after(int32_t c)
{
	return c < 0 || utf8_is_space(c) || c == '(' || c == '[' ||
	    c == '{' || c == 0x2014 || c == 0x2013 || c == '-' || c == '/' ||
	    is_quote_cp(c) || c == ':';
}

/* Characters before which a quote mark can close: end, space, punctuation. */
static int
closes_before(int32_t c)
{
	return c < 0 || utf8_is_space(c) || c == '.' || c == ',' ||
	    c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
	    c == ']' || c == '}' || c == 0x2014 || c == 0x2013 ||
	    c == '-' || c == 0x2026 || is_quote_cp(c);
}

static uint64_t
key_step(uint64_t h, int32_t c)
{
	unsigned char enc[4];
	size_t k, i;

	if (c == 0x2019 || c == 0x2018)
		c = '\'';
	else if (c == 0x2010 || c == 0x2011)
		c = '-';
	else
		c = utf8_lower(c);
	k = utf8_encode(c, enc);
	for (i = 0; i < k; i++) {
		h ^= enc[i];
		h *= FNV_PRIME;
	}
	return h;
}

uint64_t
tok_key(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	uint64_t h = FNV_OFFSET;
	size_t i = 0;
	int32_t c;

	while (i < n) {
		if (s[i] < 0x80) {
			h = ascii_key_step(h, s[i], ascii_class[s[i]]);
			i++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &c);
		h = key_step(h, c);
	}
	return h;
}

int
tok_is_rest(const struct doc *d, const struct tok *t, const char *w)
{
	const unsigned char *p = (const unsigned char *)d->text + t->off;
	size_t i;

	/*
	 * One pass, no strlen.  Bytes that differ in more than the ASCII
	 * case bit cannot fold together; w ending early (its NUL) differs
	 * from every byte of a token.
	 */
	for (i = 0; i < t->len; i++) {
		unsigned char a = p[i], b = (unsigned char)w[i];

		if (a == b && b != '\0')
			continue;
		if ((a ^ b) != 0x20)
			return 0;
		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (b >= 'A' && b <= 'Z')
			b += 32;
		if (a != b)
			return 0;
	}
	return w[t->len] == '\0';
}

/* Length of a word starting at s[i] (a letter or mark). */
static size_t
scan_word(const unsigned char *s, size_t n, size_t i)
{
	size_t start = i, k;
	int32_t c, c2;
	int dotted = 0;

	while (i < n) {
		/* fast path: ASCII letters and digits continue the word;
		 * other ASCII ends it unless it is ' - & or . */
		if (s[i] < 0x80) {
			unsigned char b = s[i];

			if (ascii_class[b] & AC_WORD) {
				i++;
				continue;
			}
			if (b != '\'' && b != '-' && b != '&' && b != '.')
				break;
		}
		k = cp_at(s, n, i, &c);
		if (is_wordch(c) || c == 0x200D || c == 0xFE0F) {
			i += k;
			continue;
		}
		if (i + k >= n)
			break;
		cp_at(s, n, i + k, &c2);
		if (((is_apos(c) || c == 0x2018) && utf8_is_letter(c2)) ||
		    (is_hyphen(c) && is_wordch(c2)) ||
		    (c == '&' && utf8_is_upper(c2) && i > start &&
		    utf8_is_upper(cp_before(s, i)))) {
			i += k;
			continue;
		}
		/* U.S., a.m., N.Y.: single letters joined by periods */
		if (c == '.' && utf8_is_letter(c2)) {
			int32_t c3 = -1;
			size_t k2 = cp_at(s, n, i + k, &c2);

			if (i + k + k2 < n)
				cp_at(s, n, i + k + k2, &c3);
			if (c3 == '.' && (dotted || i - start <= 2)) {
				dotted = 1;
				i += k + k2;
				continue;
			}
		}
		break;
	}
	/* keep the final period of U.S. or a.m.; U.S.-Mexico goes on */
	if (dotted && i < n && s[i] == '.') {
		i++;
		if (i + 1 < n && is_hyphen(s[i]) && is_wordch(s[i + 1]))
			return i + 1 - start + scan_word(s, n, i + 1);
	}
	return i - start;
}

/* Length of a number starting at s[i]. */
static size_t
scan_number(const unsigned char *s, size_t n, size_t i)
{
	size_t start = i, k;
	int32_t c, c2;
	int digits = 0;

	while (i < n) {
		/* fast path: ASCII digits and letters continue the number */
		if (s[i] < 0x80 && (ascii_class[s[i]] & AC_WORD)) {
			if (!(ascii_class[s[i]] & AC_LETTER))
				digits = 1;
			i++;
			continue;
		}
		k = cp_at(s, n, i, &c);
		if (utf8_is_digit(c)) {
			digits = 1;
			i += k;
			continue;
		}
		/* "2,500", "1.2": a separator between digits, even when
		 * the caller started scanning after the first digit */
		if ((c == '.' || c == ',') && i + 1 < n &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && digits) {
			i += 1;
			continue;
		}
		if (c == '%' && (digits || i > start)) {
			i += 1;
			break;
		}
		if (utf8_is_letter(c) || utf8_is_mark(c)) {
			i += k;
			continue;
		}
		if ((is_hyphen(c) || is_apos(c)) && i + k < n) {
			cp_at(s, n, i + k, &c2);
			if (is_wordch(c2)) {
				i += k;
				continue;
			}
		}
		break;
	}
	return i - start;
}

struct tstate {
	struct doc *d;		/* NULL when tokenizing a phrase */
	struct tok *toks;
	size_t n, cap, max;
	/* where scan stands, so that it can stop and go on */
	size_t at;		/* next byte */
	unsigned pending;	/* flags for the next token */
	int newlines;		/* in the whitespace before at */
};

/* Sets up ts to scan from the start into toks (max of them for a phrase). */
static void
tstate_init(struct tstate *ts, struct doc *d, struct tok *toks, size_t max)
{
	ts->d = d;
	ts->toks = toks;
	ts->n = 0;
	ts->cap = d != NULL ? 0 : max;	/* the arena grows a document's */
	ts->max = max;
	ts->at = 0;
	ts->pending = TOK_PSTART;
	ts->newlines = 0;
}

static void
push(struct tstate *ts, size_t off, size_t len, int kind, int qm,
    unsigned flags, const unsigned char *s)
{
	struct tok *t;

	if (ts->d != NULL) {
		if (ts->n >= ts->cap)
			arena_grow(&ts->d->arena, (void **)&ts->toks,
			    &ts->cap, sizeof(*ts->toks), ts->n + 1);
	} else if (ts->n >= ts->max) {
		ts->n++;
		return;
	}
	t = &ts->toks[ts->n++];
	t->off = (uint32_t)off;
	t->len = (uint32_t)len;
	t->kind = (uint8_t)kind;
	t->qm = (uint8_t)qm;
	t->sent = t->para = 0;
	{
		/* the key (as tok_key) and, for a word, the case flags in
		 * one pass */
		uint64_t h = FNV_OFFSET;
		size_t i = off, nl = 0, nu = 0;
		unsigned cf = 0;
		int32_t c;

		while (i < off + len) {
			unsigned char b = s[i];

			if (b < 0x80) {
				i++;
				h = ascii_step(h, b, &nl, &nu, &cf);
				continue;
			}
			i += utf8_decode(s + i, off + len - i, &c);
			h = key_step(h, c);
			if (kind == TOK_WORD && utf8_is_letter(c)) {
				nl++;
				if (utf8_is_upper(c)) {
					nu++;
					if (nl == 1)
						cf |= TOK_CAP;
				}
			}
		}
		if (nl >= 2 && nl == nu)
			cf |= TOK_ALLCAP;
		if (kind == TOK_WORD)
			flags |= cf;
		t->key = h;
	}
	t->flags = (uint16_t)flags;
}

/*
 * The common case of scan_word + push in one pass: a word of ASCII letters
 * and digits, with inner apostrophes before a letter (don't) and hyphens
 * before a letter or digit (ten-storey), ended by a space or by ASCII
 * punctuation that cannot continue it.  Pushes it (key and case flags as
 * push computes them), sets *len and returns 0; returns -1, pushing
 * nothing, for anything else (non-ASCII, '&', a period before a letter),
 * which scan_word decides.
 */
static int
scan_ascii_word(struct tstate *ts, const unsigned char *s, size_t n,
    size_t i, unsigned flags, size_t *len)
{
	uint64_t h = FNV_OFFSET;
	size_t j = i, nl = 0, nu = 0;
	unsigned char b, next;
	unsigned f;
	struct tok *t;

	/* s[i] is a letter: the first */
	if (ascii_class[s[i]] & AC_UPPER)
		flags |= TOK_CAP;
	for (;;) {
		/* letters and digits: the hot loop, without branches but
		 * the loop's own */
		while (j < n && s[j] < 0x80 &&
		    ((f = ascii_class[s[j]]) & AC_WORD)) {
			nl += (f & AC_LETTER) != 0;
			nu += (f & AC_UPPER) != 0;
			h = ascii_key_step(h, s[j++], f);
		}
		if (j >= n)
			break;
		b = s[j];
		if (b >= 0x80 || b == '&')
			return -1;
		if ((b != '\'' && b != '-' && b != '.') || j + 1 >= n)
			break;
		next = s[j + 1];
		if (next >= 0x80 || (b == '.' &&
		    (ascii_class[next] & AC_LETTER)))
			return -1;
		/* as scan_word: ' joins a letter, - a letter or digit */
		if (b == '.' || !(ascii_class[next] &
		    (b == '-' ? AC_WORD : AC_LETTER)))
			break;
		h = ascii_key_step(h, s[j++], 0);
	}
	if (nl >= 2 && nl == nu)
		flags |= TOK_ALLCAP;
	if (ts->n >= ts->cap)
		arena_grow(&ts->d->arena, (void **)&ts->toks, &ts->cap,
		    sizeof(*ts->toks), ts->n + 1);
	t = &ts->toks[ts->n++];
	t->off = (uint32_t)i;
	t->len = (uint32_t)(j - i);
	t->key = h;
	t->sent = t->para = 0;
	t->flags = (uint16_t)flags;
	t->kind = TOK_WORD;
	t->qm = QM_NONE;
	*len = j - i;
	return 0;
}

static int
qm_family(int32_t c)
{
	switch (c) {
	case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
		return QM_DOUBLE;
	case 0x00AB: case 0x00BB:
		return QM_GUILLEMET;
	}
	return QM_SINGLE;
}

/* Elisions written with a leading apostrophe: 'em, 'til, 'cause, 'n'. */
static int
leading_elision(const unsigned char *s, size_t n, size_t i)
{
	static const char *const el[] = { "em", "til", "cause", "n", "tis",
	    "twas", "round", NULL };
	size_t j;

	for (j = 0; el[j] != NULL; j++) {
		size_t k = strlen(el[j]);

		if (i + k <= n && strncasecmp((const char *)s + i, el[j],
		    k) == 0 && (i + k == n || !is_wordch(s[i + k])))
			return 1;
	}
	return 0;
}

/*
 * The length and kind of the token at s[i], an ASCII character that is not
 * a space or a letter, when it is a number (a digit) or punctuation that
 * the general case of scan would take alone: not a quote mark, '$' or an
 * ellipsis.  0 for the others.
 */
static size_t
ascii_other(const unsigned char *s, size_t n, size_t i, int *kind)
{
	unsigned char c = s[i];

	if (c >= '0' && c <= '9') {
		*kind = TOK_NUM;
		return scan_number(s, n, i);
	}
	*kind = TOK_PUNCT;
	switch (c) {
	case '"': case '\'': case '$':
		return 0;
	case '.':
		return i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.' ? 0 : 1;
	case '-':
		return i + 1 < n && s[i + 1] == '-' ? 2 : 1;
	}
	return 1;
}

/*
 * Tokenizes s[0..n) into ts from where it stands, until the end or until
 * ts holds upto tokens; sets TOK_SPACE and marks blank-line breaks with
 * TOK_PSTART.
 */
static void
scan(struct tstate *ts, const unsigned char *s, size_t n, size_t upto)
{
	size_t i = ts->at, k, len;
	unsigned pending = ts->pending;
	int newlines = ts->newlines, kind;
	int32_t c, prev, next;

	while (i < n && ts->n < upto) {
		if (s[i] < 0x80) {
			c = s[i];
			k = 1;
		} else {
			k = utf8_decode(s + i, n - i, &c);
		}
		if (c < 0x80 ? (ascii_class[c] & AC_SPACE) != 0 :
		    utf8_is_space(c)) {
			if (c == '\n')
				newlines++;
			pending |= TOK_SPACE;
			if (ts->n > 0 && ts->d != NULL)
				ts->toks[ts->n - 1].flags |= TOK_SPACE_AFTER;
			i += k;
			continue;
		}
		if (newlines >= 2)
			pending |= TOK_PSTART;
		newlines = 0;
		/* marks and joiners extend the previous token (emoji, ZWJ) */
		if (c >= 0x300 && (utf8_is_mark(c) || c == 0x200D) &&
		    ts->n > 0 && !(pending & TOK_SPACE) && ts->d != NULL) {
			ts->toks[ts->n - 1].len += (uint32_t)k;
			i += k;
			continue;
		}
		/* fast path: a word that starts with an ASCII letter */
		if (c < 0x80 && (ascii_class[c] & AC_LETTER)) {
			if (ts->d == NULL || scan_ascii_word(ts, s, n, i,
			    pending, &len) < 0) {
				len = scan_word(s, n, i);
				push(ts, i, len, TOK_WORD, QM_NONE, pending, s);
			}
			pending = 0;
			i += len;
			continue;
		}
		/* fast path: ASCII digits, and punctuation that is a token by
		 * itself, as the general cases below take them */
		if (c < 0x80 && (len = ascii_other(s, n, i, &kind)) != 0) {
			push(ts, i, len, kind, QM_NONE, pending, s);
			pending = 0;
			i += len;
			continue;
		}
		prev = cp_before(s, i);
		next = -1;
		if (i + k < n)
			cp_at(s, n, i + k, &next);
		if (is_quote_cp(c)) {
			unsigned f = pending;

			/*
			 * Adjacent quote marks are often set apart by a space
			 * or thin space ('a drummer' ", " 'Hi'): judge the mark
			 * by its neighbouring mark, not by the space.
			 */
			if (prev == ' ' || prev == 0x2009 || prev == 0x200A ||
			    prev == 0x202F) {
				size_t j = i - (prev == ' ' ? 1 : 3);
				int32_t pp = cp_before(s, j);

				if (pp >= 0 && is_quote_cp(pp) && i + k < n &&
				    (next < 0 || utf8_is_space(next) ||
				    closes_before(next)))
					prev = pp;
			}
			int lf = next >= 0 && !utf8_is_space(next) &&
			    opens_after(prev);
			int rf = prev >= 0 && !utf8_is_space(prev) &&
			    closes_before(next);

			/* '90s, ’08: an apostrophe before a year */
			if (is_apos(c) && next >= '0' && next <= '9' &&
			    (prev < 0 || utf8_is_space(prev)) && i + k + 2 <= n &&
			    s[i + k + 1] >= '0' && s[i + k + 1] <= '9' &&
			    (i + k + 2 == n || !(s[i + k + 2] >= '0' &&
			    s[i + k + 2] <= '9'))) {
				len = k + scan_number(s, n, i + k);
				push(ts, i, len, TOK_NUM, QM_NONE, pending, s);
				pending = 0;
				i += len;
				continue;
			}
			if (is_apos(c) && lf && !rf &&
			    leading_elision(s, n, i + k)) {
				len = k + scan_word(s, n, i + k);
				push(ts, i, len, TOK_WORD, QM_NONE, pending, s);
				pending = 0;
				i += len;
				continue;
			}
			switch (c) {
			case 0x201C: case 0x2018: case 0x00AB: case 0x201E:
			case 0x201A:
				f |= (rf && !lf) ? TOK_CLOSE : TOK_OPEN;
				break;
			case 0x201D: case 0x2019: case 0x00BB:
				f |= (lf && !rf) ? TOK_OPEN : TOK_CLOSE;
				break;
			default:
				if (lf)
					f |= TOK_OPEN;
				if (rf)
					f |= TOK_CLOSE;
				if (!lf && !rf)
					f |= TOK_OPEN | TOK_CLOSE;
				break;
			}
			if (is_apos(c) && (f & TOK_CLOSE) && !(f & TOK_OPEN) &&
			    (prev == 's' || prev == 'S'))
				f |= TOK_MAYBE_APOS;
			push(ts, i, k, TOK_QUOTE, qm_family(c), f, s);
			pending = 0;
			i += k;
			continue;
		}
		if (utf8_is_digit(c) || ((c == '$' || c == 0x20AC ||
		    c == 0xA3 || c == 0xA5) && next >= '0' && next <= '9')) {
			len = utf8_is_digit(c) ? scan_number(s, n, i) :
			    k + scan_number(s, n, i + k);
			push(ts, i, len, TOK_NUM, QM_NONE, pending, s);
		} else if (is_wordch(c)) {
			len = scan_word(s, n, i);
			push(ts, i, len, TOK_WORD, QM_NONE, pending, s);
		} else if (c == '.' && i + 2 < n && s[i + 1] == '.' &&
		    s[i + 2] == '.') {
			len = 3;
			while (i + len < n && s[i + len] == '.')
				len++;
			push(ts, i, len, TOK_PUNCT, QM_NONE, pending, s);
		} else if (c == '-' && next == '-') {
			len = 2;
			push(ts, i, len, TOK_PUNCT, QM_NONE, pending, s);
		} else {
			len = k;
			push(ts, i, len, TOK_PUNCT, QM_NONE, pending, s);
		}
		pending = 0;
		i += len;
	}
	ts->at = i;
	ts->pending = pending;
	ts->newlines = newlines;
}

size_t
tok_phrase(const char *s, size_t n, struct tok *out, size_t max)
{
	struct tstate ts;

	tstate_init(&ts, NULL, out, max);
	scan(&ts, (const unsigned char *)s, n, (size_t)-1);
	return ts.n;
}

static int
is_terminal(const struct doc *d, const struct tok *t)
{
	const char *p = d->text + t->off;

	if (t->kind != TOK_PUNCT)
		return 0;
	if (t->len == 1)
		return *p == '.' || *p == '!' || *p == '?';
	if (t->len == 3 && memcmp(p, "\xE2\x80\xA6", 3) == 0)
		return 1;	/* … */
	return p[0] == '.' && t->len >= 3;	/* ... */
}

static int
is_closer(const struct doc *d, const struct tok *t)
{
	char c = d->text[t->off];

	if (t->kind == TOK_QUOTE)
		return (t->flags & TOK_CLOSE) != 0;
	return t->kind == TOK_PUNCT && t->len == 1 &&
	    (c == ')' || c == ']');
}

/* Can the token start a sentence (capital, digit, opening mark)? */
static int
starts_sentence(const struct doc *d, const struct tok *t)
{
	char c = d->text[t->off];

	if (t->kind == TOK_WORD)
		return (t->flags & TOK_CAP) != 0;
	if (t->kind == TOK_NUM)
		return 1;
	if (t->kind == TOK_QUOTE)
		return (t->flags & TOK_OPEN) != 0;
	return c == '(' || c == '[';
}

/*
 * Does a sentence end after token i (a terminal mark, or a dotted word such
 * as U.S.), given that the next sentence would start at token j?
 */
static int
ends_here(const struct doc *d, size_t i, size_t j, const struct lexicon *ab,
    const struct lexicon *starters)
{
	const struct tok *t = &d->toks[i], *nx = &d->toks[j];
	const struct lex_entry *e;
	const struct tok *w;
	int starter;

	if (!(nx->flags & TOK_SPACE) || !starts_sentence(d, nx))
		return 0;
	starter = nx->kind == TOK_WORD && starters != NULL &&
	    lex_get_tok(starters, nx->key) != NULL;
	if (t->kind == TOK_WORD)	/* U.S. at the end of a word */
		return starter;
	if (d->text[t->off] != '.' || t->len != 1 || i == 0)
		return 1;
	w = &d->toks[i - 1];
	if (w->kind != TOK_WORD || (t->flags & TOK_SPACE))
		return 1;
	/* a single capital letter is an initial: Victor D. Trevino */
	if (w->len == 1 && (w->flags & TOK_CAP))
		return starter;
	if (ab == NULL)
		return 1;
	e = lex_get_tok(ab, w->key);
	if (e == NULL)
		return 1;
	if (strcmp(e->val, "title") == 0)
		return 0;
	if (strcmp(e->val, "month") == 0 || tok_is(d, w, "no"))
		return nx->kind != TOK_NUM && starter;
	if (strcmp(e->val, "suffix") == 0)
		return 1;
	return starter;
}

void
tok_split(struct doc *d, const struct lexicon *abbrevs)
{
	tok_split2(d, abbrevs, NULL);
}

/* Where tok_split2's numbering of sentences and paragraphs stands. */
struct numbering {
	size_t next;		/* first token not numbered */
	size_t capsent, cappara;
	uint32_t sent, para;	/* the current ones */
};

/*
 * Numbers the tokens of d from nb->next on with their sentences and
 * paragraphs.  Until at_end (the whole text is scanned) it stops at a
 * token that the next tokens could still change: the last one (marks may
 * join it), or one that ends a sentence with all the tokens after it.
 */
static void
number(struct doc *d, struct numbering *nb, const struct lexicon *abbrevs,
    const struct lexicon *starters, int at_end)
{
	size_t i, j;

	/*
	 * One pass: at token i, first mark where the next sentence starts
	 * when i ends one (a terminal mark, or a dotted word such as U.S.,
	 * and the closers after it): that only touches later tokens.  Then
	 * number token i, whose flags earlier tokens have all set by now.
	 */
	for (i = nb->next; i < d->ntoks; i++) {
		struct tok *t = &d->toks[i];
		int dotted;

		if (!at_end && i + 1 >= d->ntoks)
			break;
		dotted = t->kind == TOK_WORD && t->len > 1 &&
		    d->text[t->off + t->len - 1] == '.';
		if (is_terminal(d, t) || dotted) {
			j = i + 1;
			while (j < d->ntoks &&
			    !(d->toks[j].flags & TOK_PSTART) &&
			    is_closer(d, &d->toks[j]) &&
			    !(d->toks[j].flags & TOK_SPACE))
				j++;
			if (!at_end && j + 1 >= d->ntoks)
				break;
			if (j < d->ntoks && !(d->toks[j].flags & TOK_PSTART) &&
			    ends_here(d, i, j, abbrevs, starters))
				d->toks[j].flags |= TOK_SSTART;
		}
		if (i == 0)
			t->flags |= TOK_PSTART;
		if (t->flags & TOK_PSTART) {
			t->flags |= TOK_SSTART;
			if (i > 0) {
				d->paras[nb->para].n = (uint32_t)i -
				    d->paras[nb->para].first;
				nb->para++;
			}
			if (nb->para >= nb->cappara)
				arena_grow(&d->arena, (void **)&d->paras,
				    &nb->cappara, sizeof(*d->paras),
				    nb->para + 1);
			d->paras[nb->para].first = (uint32_t)i;
		}
		if (t->flags & TOK_SSTART) {
			if (i > 0) {
				d->sents[nb->sent].n = (uint32_t)i -
				    d->sents[nb->sent].first;
				nb->sent++;
			}
			if (nb->sent >= nb->capsent)
				arena_grow(&d->arena, (void **)&d->sents,
				    &nb->capsent, sizeof(*d->sents),
				    nb->sent + 1);
			d->sents[nb->sent].first = (uint32_t)i;
		}
		t->sent = nb->sent;
		t->para = nb->para;
	}
	nb->next = i;
}

/*
 * Tokens scanned between two numbering steps: few enough that the
 * numbering finds them still in the cache.
 */
#ifndef TOK_CHUNK
#define TOK_CHUNK 4096
#endif

void
tok_split2(struct doc *d, const struct lexicon *abbrevs,
    const struct lexicon *starters)
{
	struct tstate ts;
	struct numbering nb = { 0, 0, 0, 0, 0 };
	const unsigned char *s = (const unsigned char *)d->text;

	d->nsents = d->nparas = 0;
	d->sents = NULL;
	d->paras = NULL;
	tstate_init(&ts, d, NULL, (size_t)-1);
	do {
		scan(&ts, s, d->textlen, ts.n + TOK_CHUNK);
		d->toks = ts.toks;
		d->ntoks = ts.n;
		number(d, &nb, abbrevs, starters, ts.at >= d->textlen);
	} while (ts.at < d->textlen);
	if (d->ntoks == 0)
		return;
	/* each sentence and paragraph runs to the next one's start */
	d->sents[nb.sent].n = (uint32_t)d->ntoks - d->sents[nb.sent].first;
	d->paras[nb.para].n = (uint32_t)d->ntoks - d->paras[nb.para].first;
	d->nsents = nb.sent + 1;
	d->nparas = nb.para + 1;
}

size_t
tok_poss_len(const struct doc *d, const struct tok *t)
{
	const char *p = d->text + t->off;
	size_t n = t->len;

	if (n > 2 && (p[n - 1] == 's' || p[n - 1] == 'S') && p[n - 2] == '\'')
		return 2;
	if (n > 4 && (p[n - 1] == 's' || p[n - 1] == 'S') &&
	    memcmp(p + n - 4, "\xE2\x80\x99", 3) == 0)
		return 4;
	return 0;
}
