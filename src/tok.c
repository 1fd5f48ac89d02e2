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
 * Classes of bytes, so that the common case (English prose) takes no
 * function call per character; must agree with utf8_is_letter,
 * utf8_is_digit, utf8_is_upper and utf8_is_space.
 */
enum {
	AC_WORD = 1 << 0,	/* letter or digit */
	AC_UPPER = 1 << 1,
	AC_LETTER = 1 << 2,
	AC_SPACE = 1 << 3,	/* utf8_is_space, and NUL */
	AC_JOIN = 1 << 4,	/* ' - . &: may join two parts of a word */
	AC_HIGH = 1 << 5	/* 0x80 and up: part of a UTF-8 sequence */
};

/* generated from the definitions above; one row per 16 bytes */
static const unsigned char byte_class[256] = {
	8, 0, 0, 0, 0, 0, 0, 0, 0, 8, 8, 8, 8, 8, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	8, 0, 0, 0, 0, 0, 16, 16, 0, 0, 0, 0, 0, 16, 16, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0,
	0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
	5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
	32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
	32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
	32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
	32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
	32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
	32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
	32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
	32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
};

/*
 * The case-folded form of an ASCII letter or digit, as the key hashes it,
 * and 0 for every other byte: one look-up both tests that a byte goes on
 * a word and gives what to hash (scan_ascii_word).  One row per 8 bytes.
 */
static const unsigned char word_fold[256] = {
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	'0', '1', '2', '3', '4', '5', '6', '7',
	'8', '9', 0, 0, 0, 0, 0, 0,
	0, 'a', 'b', 'c', 'd', 'e', 'f', 'g',
	'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
	'x', 'y', 'z', 0, 0, 0, 0, 0,
	0, 'a', 'b', 'c', 'd', 'e', 'f', 'g',
	'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
	'x', 'y', 'z', 0, 0, 0, 0, 0,
};

/* Hashes the ASCII letter or digit b into *h; 0 (and no change) for others. */
static inline int
fold_step(uint64_t *h, unsigned char b)
{
	unsigned f = word_fold[b];

	if (f == 0)
		return 0;
	*h = (*h ^ f) * FNV_PRIME;
	return 1;
}

/*
 * Hashes the run of ASCII letters and digits at p (before end) into *h and
 * returns where it ends.  The tokenizer's innermost loop: four bytes a
 * round while four remain, so that most bytes take no test of the end.
 */
static inline const unsigned char *
hash_run(const unsigned char *p, const unsigned char *end, uint64_t *h)
{
	size_t rounds = (size_t)(end - p) / 4;

	for (; rounds > 0; rounds--, p += 4) {
		if (!fold_step(h, p[0]))
			return p;
		if (!fold_step(h, p[1]))
			return p + 1;
		if (!fold_step(h, p[2]))
			return p + 2;
		if (!fold_step(h, p[3]))
			return p + 3;
	}
	while (p < end && fold_step(h, *p))
		p++;
	return p;
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

/* The key hashed on with the k bytes at s as they stand. */
static inline uint64_t
hash_bytes(uint64_t h, const unsigned char *s, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		h = (h ^ s[i]) * FNV_PRIME;
	return h;
}

/*
 * The key hashed on with the code point c of k bytes at s (not ASCII):
 * curly apostrophes and Unicode hyphens hash as ' and -, the rest
 * lowercased.
 */
static uint64_t
key_step(uint64_t h, int32_t c, const unsigned char *s, size_t k)
{
	unsigned char enc[4];
	int32_t lc;

	if (c == 0x2019 || c == 0x2018)
		lc = '\'';
	else if (c == 0x2010 || c == 0x2011)
		lc = '-';
	else
		lc = utf8_lower(c);
	/* a valid sequence that folds to itself: hash it as it stands */
	if (lc != c || c == UTF8_REPLACEMENT)
		return hash_bytes(h, enc, utf8_encode(lc, enc));
	return hash_bytes(h, s, k);
}

uint64_t
tok_key(const char *str, size_t n)
{
	const unsigned char *p = (const unsigned char *)str, *end = p + n;
	uint64_t h = FNV_OFFSET;
	size_t k;
	int32_t c;

	for (;;) {
		p = hash_run(p, end, &h);	/* letters and digits */
		if (p >= end)
			return h;
		if (*p < 0x80) {
			/* other ASCII bytes have no case to fold */
			h = (h ^ *p++) * FNV_PRIME;
			continue;
		}
		k = utf8_decode(p, (size_t)(end - p), &c);
		h = key_step(h, c, p, k);
		p += k;
	}
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

			if (byte_class[b] & AC_WORD) {
				i++;
				continue;
			}
			if (b != '\'' && b != '-' && b != '&' && b != '.')
				break;
		}
		k = cp_at(s, n, i, &c);
		if (utf8_is_word(c) || c == 0x200D || c == 0xFE0F) {
			i += k;
			continue;
		}
		if (i + k >= n)
			break;
		cp_at(s, n, i + k, &c2);
		if (((is_apos(c) || c == 0x2018) && utf8_is_letter(c2)) ||
		    (is_hyphen(c) && utf8_is_word(c2)) ||
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
		if (i + 1 < n && is_hyphen(s[i]) && utf8_is_word(s[i + 1]))
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
		if (s[i] < 0x80 && (byte_class[s[i]] & AC_WORD)) {
			if (!(byte_class[s[i]] & AC_LETTER))
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
			if (utf8_is_word(c2)) {
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
	size_t n, cap;		/* a phrase's cap is its max */
	/* where scan stands, so that it can stop and go on */
	size_t at;		/* next byte */
	unsigned pending;	/* flags for the next token */
	int newlines;		/* in the whitespace before at */
	int general;		/* no fast paths (tok_phrase_general) */
};

/* Sets up ts to scan from the start into toks (max of them for a phrase). */
static void
tstate_init(struct tstate *ts, struct doc *d, struct tok *toks, size_t max)
{
	ts->d = d;
	ts->toks = toks;
	ts->n = 0;
	ts->cap = d != NULL ? 0 : max;	/* the arena grows a document's */
	ts->at = 0;
	ts->pending = TOK_PSTART;
	ts->newlines = 0;
	ts->general = 0;
}

/* Makes room for need tokens of a document. */
static void
grow_to(struct tstate *ts, size_t need)
{
	arena_grow(&ts->d->arena, (void **)&ts->toks, &ts->cap,
	    sizeof(*ts->toks), need);
}

/* Makes room for one more token (out of line: rare). */
static __attribute__((noinline)) void
grow(struct tstate *ts)
{
	grow_to(ts, ts->n + 1);
}

/*
 * Appends a token whose key the caller has computed.  A phrase's out holds
 * at most max tokens: past that a token is only counted.
 */
static inline void
emit(struct tstate *ts, size_t off, size_t len, int kind, int qm,
    unsigned flags, uint64_t key)
{
	struct tok *t;

	if (ts->n >= ts->cap) {
		if (ts->d == NULL) {
			ts->n++;
			return;
		}
		grow(ts);
	}
	t = &ts->toks[ts->n++];
	t->off = (uint32_t)off;
	t->len = (uint32_t)len;
	t->key = key;
	t->sent = t->para = 0;
	t->flags = (uint16_t)flags;
	t->kind = (uint8_t)kind;
	t->qm = (uint8_t)qm;
}

/*
 * TOK_CAP and TOK_ALLCAP of the word of n bytes at s: its first letter is
 * a capital; it has two letters or more, all capitals.
 */
static unsigned
word_case(const unsigned char *s, size_t n)
{
	size_t i = 0, nl = 0, nu = 0;
	unsigned cf = 0;
	int32_t c;
	int wc;

	while (i < n) {
		i += cp_at(s, n, i, &c);
		wc = utf8_word_class(c);
		if (!(wc & UTF8_LETTER))
			continue;
		nl++;
		if (wc & UTF8_UPPER) {
			nu++;
			if (nl == 1)
				cf |= TOK_CAP;
		}
	}
	if (nl >= 2 && nl == nu)
		cf |= TOK_ALLCAP;
	return cf;
}

/*
 * word_case for a word that starts with an ASCII capital and holds no other
 * letters than ASCII ones: it is all capitals unless a small letter (most
 * often the second byte) comes.
 */
static unsigned
ascii_caps(const unsigned char *s, size_t n)
{
	size_t i, nu = 1;

	for (i = 1; i < n; i++) {
		unsigned f = byte_class[s[i]];

		if ((f & (AC_LETTER | AC_UPPER)) == AC_LETTER)
			return TOK_CAP;
		nu += (f & AC_UPPER) != 0;
	}
	return nu >= 2 ? TOK_CAP | TOK_ALLCAP : TOK_CAP;
}

/* tok.sent of a word that number() must look at (push). */
#define SENT_LOOK 1

/* Appends the token s[off..off+len): its key, and for a word its case. */
static void
push(struct tstate *ts, size_t off, size_t len, int kind, int qm,
    unsigned flags, const unsigned char *s)
{
	if (kind == TOK_WORD)
		flags |= word_case(s + off, len);
	emit(ts, off, len, kind, qm, flags, tok_key((const char *)s + off,
	    len));
	/*
	 * A document's word that ends in a period (U.S.) may end a sentence;
	 * until number() gives the token its sentence, sent tells it so
	 * (SENT_LOOK).  Words of the fast paths never end in one.
	 */
	if (kind == TOK_WORD && ts->d != NULL && s[off + len - 1] == '.')
		ts->toks[ts->n - 1].sent = SENT_LOOK;
}

/* Is s[0..n) (n >= 3) the curly apostrophe ’, U+2019? */
static int
at_curly_apos(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99;
}

/*
 * The common case of scan_word + push in one pass: a word of ASCII letters
 * and digits, with inner apostrophes (' or ’) before a letter (don't) and
 * hyphens before a letter or digit (ten-storey), ended by a space or by
 * ASCII punctuation that cannot continue it.  The key is hashed on as the
 * bytes go by.  Pushes the word and returns its length; returns 0,
 * pushing nothing, for anything else (other non-ASCII, '&', a period
 * before a letter), which scan_word decides.
 */
static size_t
scan_ascii_word(struct tstate *ts, const unsigned char *s, size_t n,
    size_t i, unsigned flags)
{
	const unsigned char *p = s + i, *end = s + n;
	size_t len;
	uint64_t h = FNV_OFFSET;
	unsigned char b, next;

	for (;;) {
		p = hash_run(p, end, &h);
		if (p >= end)
			break;
		b = *p;
		/* most words end at a space, or punctuation that joins
		 * nothing */
		if (!(byte_class[b] & (AC_JOIN | AC_HIGH)))
			break;
		if (at_curly_apos(p, (size_t)(end - p)) &&
		    (end - p == 3 || p[3] < 0x80)) {
			/* as scan_word: ’ joins a letter; the key has ' */
			if (end - p == 3 || !(byte_class[p[3]] & AC_LETTER))
				break;
			h = (h ^ '\'') * FNV_PRIME;
			p += 3;
			continue;
		}
		if (b >= 0x80 || b == '&')
			return 0;
		if ((b != '\'' && b != '-' && b != '.') || p + 1 >= end)
			break;
		next = p[1];
		if (next >= 0x80 || (b == '.' && (byte_class[next] & AC_LETTER)))
			return 0;
		/* as scan_word: ' joins a letter, - a letter or digit */
		if (b == '.' || !(byte_class[next] &
		    (b == '-' ? AC_WORD : AC_LETTER)))
			break;
		h = (h ^ b) * FNV_PRIME;
		p++;
	}
	len = (size_t)(p - (s + i));
	if (byte_class[s[i]] & AC_UPPER)
		flags |= ascii_caps(s + i, len);
	emit(ts, i, len, TOK_WORD, QM_NONE, flags, h);
	return len;
}

/*
 * scan_word + push in one pass for a word of any script with no '&' before
 * a capital and no period before a letter (U.S.): each code point is
 * decoded once and its category looked up once.  Pushes the word and
 * returns its length; returns 0, pushing nothing, when scan_word must
 * decide.  Out of line, as scan_general.
 */
static __attribute__((noinline)) size_t
scan_uword(struct tstate *ts, const unsigned char *s, size_t n, size_t i,
    unsigned flags)
{
	uint64_t h = FNV_OFFSET;
	size_t j = i, k, nl = 0, nu = 0;
	int32_t c, c2;
	int wc;

	while (j < n) {
		k = cp_at(s, n, j, &c);
		wc = utf8_word_class(c);
		if (!(wc & UTF8_WORD)) {
			/* as scan_word: ' ‘ ’ join a letter, - a word char */
			if (j + k >= n)
				break;
			cp_at(s, n, j + k, &c2);
			if ((c == '&' && utf8_is_upper(c2)) ||
			    (c == '.' && utf8_is_letter(c2)))
				return 0;
			if (!(((is_apos(c) || c == 0x2018) &&
			    utf8_is_letter(c2)) ||
			    (is_hyphen(c) && utf8_is_word(c2))))
				break;
		}
		if (c < 0x80)
			h = (h ^ (word_fold[c] ? word_fold[c] : c)) *
			    FNV_PRIME;
		else if ((wc & (UTF8_WORD | UTF8_UPPER)) == UTF8_WORD)
			h = hash_bytes(h, s + j, k);	/* its own lowercase */
		else
			h = key_step(h, c, s + j, k);
		if (wc & UTF8_LETTER) {
			nl++;
			if (wc & UTF8_UPPER) {
				nu++;
				if (nl == 1)
					flags |= TOK_CAP;
			}
		}
		j += k;
	}
	if (nl >= 2 && nl == nu)
		flags |= TOK_ALLCAP;
	emit(ts, i, j - i, TOK_WORD, QM_NONE, flags, h);
	return j - i;
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
		    k) == 0 && (i + k == n || !utf8_is_word(s[i + k])))
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
 * The neighbour that a quote mark of k bytes at s[i] is judged by, given
 * the code points prev before it and next after it (-1 at the ends).
 * Adjacent quote marks are often set apart by a space or thin space
 * ('a drummer' ", " 'Hi'): judge the mark by its neighbouring mark, not by
 * the space.
 */
static int32_t
quote_prev(const unsigned char *s, size_t n, size_t i, size_t k,
    int32_t prev, int32_t next)
{
	if (prev == ' ' || prev == 0x2009 || prev == 0x200A ||
	    prev == 0x202F) {
		size_t j = i - (prev == ' ' ? 1 : 3);
		int32_t pp = cp_before(s, j);

		if (pp >= 0 && is_quote_cp(pp) && i + k < n &&
		    (next < 0 || utf8_is_space(next) || closes_before(next)))
			return pp;
	}
	return prev;
}

/*
 * The flags of the quote mark c (f holds the token's own): lf and rf tell
 * whether it is left- and right-flanking, prev what comes before it.
 */
static unsigned
quote_flags(int32_t c, int lf, int rf, int32_t prev, unsigned f)
{
	switch (c) {
	case 0x201C: case 0x2018: case 0x00AB: case 0x201E: case 0x201A:
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
	return f;
}

/*
 * The general case of scan: pushes the token that starts with the code
 * point c of k bytes at s[i] and returns its length.  Out of line, so that
 * the rare cases leave scan's registers to the common ones.
 */
static __attribute__((noinline)) size_t
scan_general(struct tstate *ts, const unsigned char *s, size_t n, size_t i,
    int32_t c, size_t k, unsigned pending)
{
	int32_t prev = cp_before(s, i), next = -1;
	size_t len;

	if (i + k < n)
		cp_at(s, n, i + k, &next);
	if (is_quote_cp(c)) {
		int lf, rf;

		prev = quote_prev(s, n, i, k, prev, next);
		lf = next >= 0 && !utf8_is_space(next) && opens_after(prev);
		rf = prev >= 0 && !utf8_is_space(prev) && closes_before(next);
		/* '90s, ’08: an apostrophe before a year */
		if (is_apos(c) && next >= '0' && next <= '9' &&
		    (prev < 0 || utf8_is_space(prev)) && i + k + 2 <= n &&
		    s[i + k + 1] >= '0' && s[i + k + 1] <= '9' &&
		    (i + k + 2 == n || !(s[i + k + 2] >= '0' &&
		    s[i + k + 2] <= '9'))) {
			len = k + scan_number(s, n, i + k);
			push(ts, i, len, TOK_NUM, QM_NONE, pending, s);
			return len;
		}
		if (is_apos(c) && lf && !rf && leading_elision(s, n, i + k)) {
			len = k + scan_word(s, n, i + k);
			push(ts, i, len, TOK_WORD, QM_NONE, pending, s);
			return len;
		}
		push(ts, i, k, TOK_QUOTE, qm_family(c),
		    quote_flags(c, lf, rf, prev, pending), s);
		return k;
	}
	if (utf8_is_digit(c) || ((c == '$' || c == 0x20AC ||
	    c == 0xA3 || c == 0xA5) && next >= '0' && next <= '9')) {
		len = utf8_is_digit(c) ? scan_number(s, n, i) :
		    k + scan_number(s, n, i + k);
		push(ts, i, len, TOK_NUM, QM_NONE, pending, s);
	} else if (utf8_is_word(c)) {
		if (ts->general ||
		    (len = scan_uword(ts, s, n, i, pending)) == 0) {
			len = scan_word(s, n, i);
			push(ts, i, len, TOK_WORD, QM_NONE, pending, s);
		}
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
	return len;
}

/*
 * Whitespace before the next token: it gets TOK_SPACE (returned with
 * pending), the last one TOK_SPACE_AFTER.
 */
static unsigned
after_space(struct tstate *ts, unsigned pending)
{
	if (ts->n > 0 && ts->d != NULL)
		ts->toks[ts->n - 1].flags |= TOK_SPACE_AFTER;
	return pending | TOK_SPACE;
}

/*
 * Takes the run of ASCII whitespace at s[i] (one byte at least), counting
 * its line breaks into *newlines; returns where it ends.
 */
static size_t
space_run(const unsigned char *s, size_t n, size_t i, int *newlines)
{
	do {
		*newlines += s[i] == '\n';
		i++;
	} while (i < n && (byte_class[s[i]] & AC_SPACE));
	return i;
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
	int in_doc = ts->d != NULL;	/* (a token was just pushed) */
	int32_t c;

	while (i < n && ts->n < upto) {
		unsigned char b = s[i];
		unsigned f = byte_class[b];

		if (f & AC_SPACE) {
			i = space_run(s, n, i, &newlines);
			pending = after_space(ts, pending);
			continue;
		}
		c = b;
		k = 1;
		if (b >= 0x80) {
			k = utf8_decode(s + i, n - i, &c);
			if (utf8_is_space(c)) {
				pending = after_space(ts, pending);
				i += k;
				continue;
			}
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
		if (f & AC_LETTER) {
			/* fast path: a word that starts with an ASCII letter */
			if (ts->general ||
			    ((len = scan_ascii_word(ts, s, n, i, pending)) == 0 &&
			    (len = scan_uword(ts, s, n, i, pending)) == 0)) {
				len = scan_word(s, n, i);
				push(ts, i, len, TOK_WORD, QM_NONE, pending, s);
			}
		} else if (b < 0x80 && !ts->general &&
		    (len = ascii_other(s, n, i, &kind)) != 0) {
			/* fast path: ASCII digits, and punctuation that is a
			 * token by itself, as scan_general takes them */
			if (len == 1 && kind == TOK_PUNCT)
				emit(ts, i, 1, TOK_PUNCT, QM_NONE, pending,
				    (FNV_OFFSET ^ b) * FNV_PRIME);
			else
				push(ts, i, len, kind, QM_NONE, pending, s);
		} else {
			len = scan_general(ts, s, n, i, c, k, pending);
		}
		pending = 0;
		i += len;
		/* the whitespace after the token, in the same round */
		if (i < n && (byte_class[s[i]] & AC_SPACE)) {
			i = space_run(s, n, i, &newlines);
			if (in_doc)
				ts->toks[ts->n - 1].flags |= TOK_SPACE_AFTER;
			pending = TOK_SPACE;
		}
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

size_t
tok_phrase_general(const char *s, size_t n, struct tok *out, size_t max)
{
	struct tstate ts;

	tstate_init(&ts, NULL, out, max);
	ts.general = 1;
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

/* Does token t end a sentence, if what follows lets it (ends_here)? */
static int
may_end(const struct doc *d, const struct tok *t)
{
	if (t->kind == TOK_WORD)	/* a dotted word such as U.S. */
		return t->len > 1 && d->text[t->off + t->len - 1] == '.';
	return is_terminal(d, t);
}

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
	struct tok *toks = d->toks;
	size_t i, j, ntoks = d->ntoks;
	/* the last token waits for the next step, but at the end */
	size_t last = at_end || ntoks == 0 ? ntoks : ntoks - 1;
	/* the current numbers, for the tokens that only take them */
	uint32_t sent = nb->sent, para = nb->para;

	/*
	 * One pass: at token i, first mark where the next sentence starts
	 * when i ends one (a terminal mark, or a dotted word such as U.S.,
	 * and the closers after it): that only touches later tokens.  Then
	 * number token i, whose flags earlier tokens have all set by now.
	 */
	for (i = nb->next; i < last; i++) {
		struct tok *t = &toks[i];

		/*
		 * Most tokens neither start a paragraph or sentence nor may
		 * end one (punctuation, or a word that push marked with
		 * SENT_LOOK): they only take the current numbers.  (The first
		 * token has TOK_PSTART from tstate_init.)
		 */
		if (!(t->flags & (TOK_PSTART | TOK_SSTART)) &&
		    t->kind != TOK_PUNCT && t->sent != SENT_LOOK) {
			t->sent = sent;
			t->para = para;
			continue;
		}
		if (may_end(d, t)) {
			j = i + 1;
			while (j < ntoks && !(toks[j].flags & TOK_PSTART) &&
			    is_closer(d, &toks[j]) &&
			    !(toks[j].flags & TOK_SPACE))
				j++;
			if (!at_end && j + 1 >= ntoks)
				break;
			if (j < ntoks && !(toks[j].flags & TOK_PSTART) &&
			    ends_here(d, i, j, abbrevs, starters))
				toks[j].flags |= TOK_SSTART;
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
		t->sent = sent = nb->sent;
		t->para = para = nb->para;
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
	/*
	 * English prose has a token every 5 or 6 bytes: start the array at
	 * one every 8, so that it grows once or twice rather than copying
	 * itself some 25 times on the way.  An empty text gets its one slot
	 * too: d->toks is never NULL, so d->toks + d->ntoks is defined.
	 */
	grow_to(&ts, d->textlen / 8 + 1);
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
