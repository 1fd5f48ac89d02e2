/* strip.c: the text builder shared by every input format, and plain text. */
#include "strip.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "doc.h"
#include "finding.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * Longest quoted attribute value searched for its closing quote when a tag
 * is skipped; beyond it the tag ends at its first '>' (an unbalanced quote
 * must not swallow the rest of the file).
 */
#define STRIP_MAX_ATTR (64 * 1024)
/*
 * Text bytes (not markup) skipped while looking for where a parser's
 * literal starts in markup formats: text the parser dropped.  Bounds the
 * work per literal so that a literal the source does not hold costs little.
 */
#define STRIP_MAX_SKIP 4096
/* A literal whose match broke off is searched for again at most this often. */
#define STRIP_MAX_RESYNC 8
/* A partial match is trusted when it is at least this long (bytes). */
#define STRIP_MIN_PARTIAL 8

void
strip_out_init(struct strip_out *so, struct doc *d)
{
	so->d = d;
	so->len = 0;
	so->cap = 0;
	so->text = NULL;
	so->s = d->src;
	so->cur = 0;
	so->flags = 0;
	so->nlost = 0;
	so->off_start = SIZE_MAX;
	so->nopen = 0;
}

static void
reserve(struct strip_out *so, size_t n)
{
	arena_grow(&so->d->arena, (void **)&so->text, &so->cap, 1,
	    xst_add(xst_add(so->len, n), 1));
}

/*
 * Is s (n bytes) a valid two- or three-byte UTF-8 sequence, the form of
 * most non-ASCII text (Latin, Greek, Cyrillic, Indic, curly quotes)?  Then
 * sets *len to its length.  It takes what utf8_decode takes, inline.
 */
static int
valid_2or3(const unsigned char *s, size_t n, size_t *len)
{
	unsigned c = s[0];

	if (c >= 0xC2 && c <= 0xDF) {
		*len = 2;
		return n >= 2 && (s[1] & 0xC0) == 0x80;
	}
	*len = 3;
	/* E0 needs A0-BF next (no overlong form), ED 80-9F (no surrogate) */
	return c >= 0xE0 && c <= 0xEF && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (c != 0xE0 || s[1] >= 0xA0) &&
	    (c != 0xED || s[1] < 0xA0);
}

/*
 * Length of the longest prefix of s (n bytes) that goes into the text as
 * it is: up to the first NUL or byte that starts no valid UTF-8 sequence
 * (a U+FFFD in the source is valid).  Most of a draft is ASCII, so it
 * looks at 16 or 8 bytes at a time while none is NUL or above 0x7F.
 */
static size_t
verbatim_len(const unsigned char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
	size_t i = 0, k;
	uint64_t w, m;
	int32_t cp;

	for (;;) {
		while (n - i >= 16) {
			memcpy(&w, s + i, 8);
			memcpy(&m, s + i + 8, 8);
			if (((w - ones) | w | (m - ones) | m) & highs)
				break;
			i += 16;
		}
		while (n - i >= 8) {
			memcpy(&w, s + i, 8);
			/* the lowest byte flagged is the first NUL or >= 0x80 */
			m = ((w - ones) | w) & highs;
			if (m != 0) {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				i += (size_t)__builtin_ctzll(m) >> 3;
#endif
				break;
			}
			i += 8;
		}
		while (i < n && (unsigned)s[i] - 1 < 0x7f)
			i++;
		if (i == n || s[i] == 0)
			return i;
		if (valid_2or3(s + i, n - i, &k)) {
			i += k;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_REPLACEMENT && !(k == 3 && s[i] == 0xEF))
			return i;
		i += k;
	}
}

/* Copies n verbatim source bytes at soff to the text (room reserved). */
static void
emit_verbatim(struct strip_out *so, size_t soff, size_t n)
{
	memcpy(so->text + so->len, so->d->src + soff, n);
	posmap_add(&so->d->pm, &so->d->arena, so->len, soff, n, n);
	so->len += n;
}

void
strip_emit_src(struct strip_out *so, size_t soff, size_t n)
{
	const unsigned char *s = (const unsigned char *)so->d->src + soff;
	size_t i = 0, k;

	reserve(so, n);
	for (;;) {
		k = verbatim_len(s + i, n - i);
		emit_verbatim(so, soff + i, k);
		i += k;
		if (i == n)
			break;
		/* a NUL becomes a space, a bad byte U+FFFD */
		if (s[i] == 0) {
			reserve(so, n - i);
			so->text[so->len] = ' ';
			posmap_add(&so->d->pm, &so->d->arena, so->len,
			    soff + i, 1, 1);
			so->len += 1;
		} else {
			reserve(so, n - i + 3);
			memcpy(so->text + so->len, "\xEF\xBF\xBD", 3);
			posmap_add(&so->d->pm, &so->d->arena, so->len,
			    soff + i, 3, 1);
			so->len += 3;
		}
		i++;
	}
	so->text[so->len] = '\0';
}

void
strip_emit_repl(struct strip_out *so, const char *s, size_t n, size_t soff,
    size_t slen)
{
	reserve(so, n);
	memcpy(so->text + so->len, s, n);
	posmap_add(&so->d->pm, &so->d->arena, so->len, soff, n, slen);
	so->len += n;
	so->text[so->len] = '\0';
}

void
strip_break(struct strip_out *so, size_t soff)
{
	if (so->len == 0)
		return;
	if (so->len >= 2 && so->text[so->len - 1] == '\n' &&
	    so->text[so->len - 2] == '\n')
		return;
	if (so->text[so->len - 1] == '\n')
		strip_emit_repl(so, "\n", 1, soff, 0);
	else
		strip_emit_repl(so, "\n\n", 2, soff, 0);
}

void
strip_space(struct strip_out *so, size_t soff)
{
	char c;

	if (so->len == 0)
		return;
	c = so->text[so->len - 1];
	if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
		return;
	strip_emit_repl(so, " ", 1, soff, 0);
}

static void
add_supp(struct doc *d, const char *rule, size_t start, size_t end)
{
	struct supp *sp;

	if (end <= start)
		return;
	arena_grow(&d->arena, (void **)&d->supps, &d->capsupps,
	    sizeof(*d->supps), d->nsupps + 1);
	sp = &d->supps[d->nsupps++];
	sp->start = start;
	sp->end = end;
	sp->rule = rule;
}

void
strip_out_finish(struct strip_out *so)
{
	size_t i;

	if (so->off_start != SIZE_MAX)
		add_supp(so->d, NULL, so->off_start, so->d->srclen);
	for (i = 0; i < so->nopen; i++)
		add_supp(so->d, so->open[i].rule, so->open[i].start,
		    so->d->srclen);
	so->off_start = SIZE_MAX;
	so->nopen = 0;
	reserve(so, 0);
	so->text[so->len] = '\0';
	so->d->text = so->text;
	so->d->textlen = so->len;
}

int
strip_is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void
strip_emit_clean(struct strip_out *so, int clean, size_t soff, size_t n)
{
	const unsigned char *s = (const unsigned char *)so->d->src;

	if (clean && (s[soff] & 0xC0) != 0x80 && (soff + n ==
	    so->d->srclen || (s[soff + n] & 0xC0) != 0x80))
		strip_emit_repl(so, (const char *)s + soff, n, soff, n);
	else
		strip_emit_src(so, soff, n);
}

size_t
strip_take(struct strip_out *so, int clean, size_t p, const char *lit,
    size_t n, size_t limit, unsigned how)
{
	if (p >= limit || n > limit - p || memcmp(so->s + p, lit, n) != 0)
		return SIZE_MAX;
	if (how & STRIP_ALIGN_EMIT)
		strip_emit_clean(so, clean, p, n);
	so->cur = p + n;
	return p;
}

/* Suppression comments */

/* The next word of [*p, end): letters, digits, '.', '_', '-' or one '='. */
static size_t
next_word(const char **p, const char *end, const char **w)
{
	const char *q;

	while (*p < end && (strip_is_ws(**p) || **p == ','))
		(*p)++;
	*w = q = *p;
	if (q < end && *q == '=') {
		*p = q + 1;
		return 1;
	}
	while (q < end && !strip_is_ws(*q) && *q != ',' && *q != '=')
		q++;
	*p = q;
	return (size_t)(q - *w);
}

static int
word_is(const char *w, size_t n, const char *lit)
{
	return n == strlen(lit) && strncasecmp(w, lit, n) == 0;
}

static void
rule_switch(struct strip_out *so, const char *w, size_t n, int on,
    size_t start, size_t end)
{
	size_t i;

	for (i = 0; i < so->nopen; i++)
		if (strlen(so->open[i].rule) == n &&
		    memcmp(so->open[i].rule, w, n) == 0)
			break;
	if (on) {
		if (i == so->nopen)
			return;
		add_supp(so->d, so->open[i].rule, so->open[i].start, start);
		so->open[i] = so->open[--so->nopen];
		return;
	}
	if (i < so->nopen || so->nopen == STRIP_MAX_OPEN_SUPPS)
		return;
	so->open[so->nopen].rule = arena_strndup(&so->d->arena, w, n);
	so->open[so->nopen++].start = end;
}

void
strip_comment(struct strip_out *so, const char *body, size_t n,
    size_t start, size_t end)
{
	const char *p = body, *e = body + n, *w, *name, *val;
	size_t k, nn, nv;

	k = next_word(&p, e, &w);
	if (!word_is(w, k, "copydesk") && !word_is(w, k, "vale"))
		return;
	k = next_word(&p, e, &w);
	if (word_is(w, k, "off")) {
		if (so->off_start == SIZE_MAX)
			so->off_start = end;
		return;
	}
	if (word_is(w, k, "on")) {
		if (so->off_start != SIZE_MAX)
			add_supp(so->d, NULL, so->off_start, start);
		so->off_start = SIZE_MAX;
		return;
	}
	/* Style.Rule = NO, Other.Rule = YES ... */
	while (k > 0) {
		name = w;
		nn = k;
		if (next_word(&p, e, &w) != 1 || *w != '=')
			return;
		nv = next_word(&p, e, &val);
		if (word_is(val, nv, "no"))
			rule_switch(so, name, nn, 0, start, end);
		else if (word_is(val, nv, "yes"))
			rule_switch(so, name, nn, 1, start, end);
		else
			return;
		k = next_word(&p, e, &w);
	}
}

size_t
strip_next_comment(struct strip_out *so, size_t from, size_t to)
{
	const char *s = so->s, *a, *b;

	if (from >= to)
		return SIZE_MAX;
	a = memmem(s + from, to - from, "<!--", 4);
	if (a == NULL)
		return SIZE_MAX;
	b = memmem(a + 4, (size_t)(s + to - (a + 4)), "-->", 3);
	if (b == NULL)
		return SIZE_MAX;
	strip_comment(so, a + 4, (size_t)(b - a - 4), (size_t)(a - s),
	    (size_t)(b - s) + 3);
	return (size_t)(b - s) + 3;
}

/* Character references */

size_t
strip_entity(const char *s, size_t n, char *out, size_t *outlen)
{
	char name[40];
	size_t i = 1;
	long v = 0;

	if (n < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#') {
		int hex = i + 1 < n && (s[2] == 'x' || s[2] == 'X');
		size_t digits = 0;

		i = hex ? 3 : 2;
		for (; i < n && digits < 8; i++, digits++) {
			int c = (unsigned char)s[i], dv;

			if (c >= '0' && c <= '9')
				dv = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				dv = c - 'a' + 10;
			else if (hex && c >= 'A' && c <= 'F')
				dv = c - 'A' + 10;
			else
				break;
			v = v * (hex ? 16 : 10) + dv;
		}
		if (digits == 0 || i >= n || s[i] != ';')
			return 0;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = UTF8_REPLACEMENT;
		*outlen = utf8_encode((int32_t)v, (unsigned char *)out);
		return i + 1;
	}
	while (i < n && i < sizeof(name) && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) {
		name[i - 1] = s[i];
		i++;
	}
	if (i == 1 || i >= n || i >= sizeof(name) || s[i] != ';')
		return 0;
	name[i - 1] = '\0';
	if (strcmp(name, "apos") == 0) {
		v = '\'';
	} else {
		const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);

		if (e == NULL)
			return 0;
		v = (long)e->value;
	}
	*outlen = utf8_encode((int32_t)v, (unsigned char *)out);
	return i + 1;
}

/* Length of an entity-shaped "&name;" or "&#...;" at s, else 0. */
static size_t
entity_shape(const char *s, size_t n)
{
	size_t i = 1;

	if (n < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#')
		i++;
	while (i < n && i < 40 && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
		i++;
	return i < n && s[i] == ';' && i > 2 - (s[1] != '#') ? i + 1 : 0;
}

/* Alignment of parser literals with the source */

/* Past the markup construct at q (a tag, comment, <!...>, <?...?>, CDATA
 * delimiter), or q itself when none starts there. */
static size_t
skip_markup(const char *s, size_t q, size_t limit)
{
	const char *e;
	size_t i, cap;
	char c;

	if (limit - q >= 3 && memcmp(s + q, "]]>", 3) == 0)
		return q + 3;
	if (s[q] != '<' || q + 1 >= limit)
		return q;
	c = s[q + 1];
	if (limit - q >= 4 && memcmp(s + q, "<!--", 4) == 0) {
		e = memmem(s + q + 4, limit - q - 4, "-->", 3);
		return e ? (size_t)(e - s) + 3 : limit;
	}
	if (limit - q >= 9 && memcmp(s + q, "<![CDATA[", 9) == 0)
		return q + 9;
	if (c != '!' && c != '?' && c != '/' && !((c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z')))
		return q;
	for (i = q + 2; i < limit && s[i] != '>'; i++) {
		if ((s[i] == '"' || s[i] == '\'') && c != '!' && c != '?') {
			cap = limit - i - 1 < STRIP_MAX_ATTR ? limit - i - 1 :
			    STRIP_MAX_ATTR;
			e = memchr(s + i + 1, s[i], cap);
			if (e == NULL) {
				e = memchr(s + q, '>', limit - q);
				return e ? (size_t)(e - s) + 1 : limit;
			}
			i = (size_t)(e - s);
		}
	}
	return i < limit ? i + 1 : limit;
}

/*
 * Bytes that may stand for something else in the source even when literal
 * and source agree: whitespace runs, entities, escapes.
 */
static const unsigned char special[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1,
	['&'] = 1, ['\\'] = 1
};

/* Byte length of the UTF-8 sequence starting with lead byte c. */
static size_t
seq_len(unsigned char c)
{
	if (c < 0xC0)
		return 1;
	return c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/*
 * Matches lit[i..n) against the source from q; returns how many literal
 * bytes matched and sets *qend.  With emit, appends them to the text.
 */
static size_t
match_at(struct strip_out *so, const char *lit, size_t i, size_t n,
    size_t q, size_t limit, unsigned how, size_t *qend)
{
	const char *s = so->s;
	size_t i0 = i, run = q;
	int emit = (how & STRIP_ALIGN_EMIT) != 0;
	char dec[8];

#define FLUSH() do { \
	if (emit && q > run) \
		strip_emit_src(so, run, q - run); \
} while (0)
	while (i < n && q < limit) {
		unsigned char c, b;
		size_t k, dl;

		/* fast path: equal bytes that need no second look */
		while (i < n && q < limit && lit[i] == s[q] &&
		    !special[(unsigned char)lit[i]]) {
			i++;
			q++;
		}
		if (i >= n || q >= limit)
			break;
		c = (unsigned char)lit[i];
		b = (unsigned char)s[q];

		if (strip_is_ws(c) && strip_is_ws(b)) {
			size_t q2 = q, nl = 0;

			FLUSH();
			while (i < n && strip_is_ws((unsigned char)lit[i]))
				i++;
			for (; q2 < limit && strip_is_ws((unsigned char)s[q2]); q2++)
				nl += s[q2] == '\n';
			if (emit && nl >= 2 && (so->flags & STRIP_FOLD_BLANK))
				strip_emit_repl(so, " ", 1, q, q2 - q);
			else if (emit)
				strip_emit_src(so, q, q2 - q);
			q = run = q2;
			continue;
		}
		if ((so->flags & STRIP_ESCAPES) && b == '\\' && q + 1 < limit &&
		    s[q + 1] == (char)c && c < 0x80 && ispunct(c)) {
			FLUSH();
			if (emit)
				strip_emit_src(so, q + 1, 1);
			i++;
			q += 2;
			run = q;
			continue;
		}
		if (b == '&' && !(how & STRIP_ALIGN_RAW)) {
			k = strip_entity(s + q, limit - q, dec, &dl);
			if (k == 0 || dl > n - i || memcmp(lit + i, dec, dl)) {
				/*
				 * an entity this table lacks or decodes
				 * otherwise stands for one character
				 */
				k = c != '&' ? entity_shape(s + q, limit - q) : 0;
				dl = seq_len(c) < n - i ? seq_len(c) : n - i;
			}
			if (k > 0) {
				FLUSH();
				if (emit)
					strip_emit_repl(so, lit + i, dl, q, k);
				i += dl;
				q += k;
				run = q;
				continue;
			}
		}
		if (c == b) {
			i++;
			q++;
			continue;
		}
		if ((so->flags & STRIP_MARKUP) && (b == '<' || b == ']')) {
			k = skip_markup(s, q, limit);
			if (k > q) {
				FLUSH();
				q = run = k;
				continue;
			}
		}
		break;
	}
	FLUSH();
#undef FLUSH
	*qend = q;
	return i - i0;
}

/* Can the literal byte c start matching at source offset p? */
static int
can_start(const struct strip_out *so, unsigned char c, size_t p)
{
	unsigned char b = (unsigned char)so->s[p];

	return b == c || b == '&' || ((so->flags & STRIP_ESCAPES) &&
	    b == '\\') || (strip_is_ws(c) && strip_is_ws(b));
}

size_t
strip_align(struct strip_out *so, const char *lit, size_t n, size_t limit,
    unsigned how)
{
	size_t i = 0, first = SIZE_MAX, resync = 0;

	if (limit > so->d->srclen)
		limit = so->d->srclen;
	while (i < n && resync++ < STRIP_MAX_RESYNC) {
		size_t p = so->cur, skipped = 0, got = 0, qend = p;

		while (p < limit) {
			size_t k;

			if (so->flags & STRIP_MARKUP) {
				k = skip_markup(so->s, p, limit);
				if (k > p) {
					p = k;
					continue;
				}
			}
			if (can_start(so, (unsigned char)lit[i], p)) {
				got = match_at(so, lit, i, n, p, limit,
				    how & ~(unsigned)STRIP_ALIGN_EMIT, &qend);
				if (got == n - i || got >= STRIP_MIN_PARTIAL)
					break;
				got = 0;
			}
			if ((so->flags & STRIP_MARKUP) &&
			    ++skipped > STRIP_MAX_SKIP)
				break;
			p++;
		}
		if (got == 0)
			break;
		if (first == SIZE_MAX)
			first = p;
		i += match_at(so, lit, i, n, p, limit, how, &qend);
		so->cur = qend;
	}
	if (i < n) {
		so->nlost++;
		if (how & STRIP_ALIGN_EMIT)
			strip_emit_repl(so, lit + i, n - i, so->cur, 0);
	}
	return first;
}

const char *
strip_sanitized(struct doc *d)
{
	const unsigned char *s = (const unsigned char *)d->src;
	char *copy = NULL;
	size_t i = 0;

	for (;;) {
		i += verbatim_len(s + i, d->srclen - i);
		if (i == d->srclen)
			break;
		if (copy == NULL) {
			copy = arena_alloc(&d->arena, xst_add(d->srclen, 1));
			memcpy(copy, d->src, d->srclen);
			copy[d->srclen] = '\0';
		}
		copy[i++] = '?';
	}
	return copy ? copy : d->src;
}

int
strip_txt(struct doc *d)
{
	struct strip_out so;
	size_t start = 0, n, k;

	if (d->srclen >= 3 && memcmp(d->src, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	n = d->srclen - start;
	k = verbatim_len((const unsigned char *)d->src + start, n);
	if (k == n) {
		/*
		 * Nothing to change, as in most plain text: the text is the
		 * source itself (doc.h: a NUL follows it), with no copy.
		 */
		d->text = d->src + start;
		d->textlen = n;
		posmap_add(&d->pm, &d->arena, 0, start, n, n);
		return 0;
	}
	strip_out_init(&so, d);
	reserve(&so, n);
	emit_verbatim(&so, start, k);
	strip_emit_src(&so, start + k, n - k);
	strip_out_finish(&so);
	return 0;
}

int
strip_run(struct doc *d)
{
	switch (d->fmt) {
	case DOC_MD:
		return strip_md(d);
	case DOC_HTML:
		return strip_html(d);
	case DOC_XML:
		return strip_xml(d);
	case DOC_TXT:
		break;
	}
	return strip_txt(d);
}
