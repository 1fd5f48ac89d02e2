/* out.c: the writer table and helpers shared by the writers. */
#include "out.h"

#include <stdint.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "quote.h"
#include "rule.h"
#include "utf8.h"
#include "xalloc.h"

static const struct out_writer *const writers[] = {
	&out_text_writer,
	&out_line_writer,
	&out_json_writer,
	&out_jsonl_writer,
	&out_sarif_writer,
	&out_checkstyle_writer,
	&out_github_writer,
	&out_vale_writer,
	NULL
};

const struct out_writer *
out_find(const char *name)
{
	size_t i;

	for (i = 0; writers[i] != NULL; i++)
		if (strcmp(writers[i]->name, name) == 0)
			return writers[i];
	return NULL;
}

const char *
out_names(void)
{
	static char names[256];
	size_t i;

	if (names[0] == '\0')
		for (i = 0; writers[i] != NULL; i++) {
			if (i)
				strncat(names, ", ", sizeof(names) -
				    strlen(names) - 1);
			strncat(names, writers[i]->name, sizeof(names) -
			    strlen(names) - 1);
		}
	return names;
}

void
out_pos(struct doc *d, const struct finding *f, size_t *line, size_t *col,
    size_t *eline, size_t *ecol)
{
	doc_linecol(d, f->soff, line, col);
	doc_linecol(d, f->soff + f->slen, eline, ecol);
}

int
out_shown(const struct out *o, const struct finding *f)
{
	return f->level >= o->min_level;
}

void
out_nop(struct out *o)
{
	(void)o;
}

void
out_flush_doc(struct out *o, const struct doc *d)
{
	if (o->b.len)
		fwrite(o->b.ptr, 1, o->b.len, o->fp);
	buf_reset(&o->b);
	out_count(o, d);
}

void
out_count(struct out *o, const struct doc *d)
{
	size_t i;

	if (d->part & DOC_PART_LAST)
		o->ndocs++;		/* a file in parts counts once */
	for (i = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];

		if (!out_shown(o, f))
			continue;
		if (f->level == LEVEL_ERROR)
			o->nerrors++;
		else if (f->level == LEVEL_WARNING)
			o->nwarnings++;
		else
			o->nsuggestions++;
	}
	for (i = 0; i < d->nquotes; i++)
		if (quote_is_speech(&d->quotes[i]))
			o->nquotes++;
	o->nsources += d->nsources;
}

/*
 * Appends the code point starting at s[*i] (of n bytes) and advances *i:
 * a byte that starts no valid sequence becomes U+FFFD, so that output in
 * a Unicode format is valid UTF-8 whatever the draft held.  Returns the
 * code point.
 */
static int32_t
put_utf8(struct buf *b, const char *s, size_t n, size_t *i)
{
	int32_t cp;
	size_t len = utf8_decode((const unsigned char *)s + *i, n - *i, &cp);

	if (cp == UTF8_REPLACEMENT && len == 1)
		buf_put(b, "\xEF\xBF\xBD", 3);
	else
		buf_put(b, s + *i, len);
	*i += len;
	return cp;
}

/* Does byte c go into a JSON string as it is: printable ASCII but " \\? */
static int
json_plain(unsigned c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/*
 * Are the 8 bytes at s all json_plain?  Tests a word at a time: no byte
 * below 0x20, none from 0x7F up, none equal to " or \\.
 */
static int
json_plain8(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
	uint64_t x, q, bs;

	memcpy(&x, s, 8);
	q = x ^ (ones * '"');
	bs = x ^ (ones * '\\');
	return (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) |
	    ((bs - ones) & ~bs) | x | (x + ones)) & highs ? 0 : 1;
}

/* Bytes out_json_put may write for n bytes: \\u00XX for each, and quotes. */
static size_t
json_room(size_t n)
{
	return xst_add(xst_mult(n, 6), 2);
}

char *
out_json_put(char *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;
	int32_t cp;

	*w++ = '"';
	while (i < n) {
		unsigned c;

		while (n - i >= 8 && json_plain8(u + i)) {
			memcpy(w, u + i, 8);
			w += 8;
			i += 8;
		}
		while (i < n && json_plain(u[i]))
			*w++ = (char)u[i++];
		if (i == n)
			break;
		c = u[i];
		if (c >= 0x80) {
			/* a byte that starts no valid sequence becomes U+FFFD,
			 * so that the output is valid UTF-8 */
			k = utf8_decode(u + i, n - i, &cp);
			if (cp == UTF8_REPLACEMENT && k == 1)
				w = OUT_PUT_LIT(w, "\xEF\xBF\xBD");
			else {
				memcpy(w, s + i, k);
				w += k;
			}
			i += k;
			continue;
		}
		i++;
		*w++ = '\\';
		switch (c) {
		case '"':
		case '\\':
			*w++ = (char)c;
			break;
		case '\n':
			*w++ = 'n';
			break;
		case '\r':
			*w++ = 'r';
			break;
		case '\t':
			*w++ = 't';
			break;
		default:
			w = OUT_PUT_LIT(w, "u00");
			*w++ = hex[c >> 4];
			*w++ = hex[c & 15];
		}
	}
	*w++ = '"';
	return w;
}

/* out_json_opt_put, given the length n of s. */
static char *
jopt_put(char *w, const char *s, size_t n)
{
	return s == NULL ? OUT_PUT_LIT(w, "null") : out_json_put(w, s, n);
}

/* Length of the C string s, 0 when NULL. */
static size_t
jlen(const char *s)
{
	return s == NULL ? 0 : strlen(s);
}

char *
out_json_opt_put(char *w, const char *s)
{
	return jopt_put(w, s, jlen(s));
}

size_t
out_json_room(const char *s)
{
	return json_room(jlen(s)) + 2;	/* null is 4 bytes */
}

char *
out_put_str(char *w, const char *s)
{
	size_t n = strlen(s);

	memcpy(w, s, n);
	return w + n;
}

char *
out_put_uint(char *w, size_t v)
{
	char tmp[20];		/* the digits of SIZE_MAX in 64 bits */
	size_t k = sizeof(tmp);

	do {
		tmp[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	memcpy(w, tmp + k, sizeof(tmp) - k);
	return w + sizeof(tmp) - k;
}

void
out_json_str(struct buf *b, const char *s, size_t n)
{
	buf_commit(b, out_json_put(buf_room(b, json_room(n)), s, n));
}

void
out_json_opt_str(struct buf *b, const char *s)
{
	buf_commit(b, out_json_opt_put(buf_room(b, out_json_room(s)), s));
}

/*
 * Bytes of out_json_finding besides its strings: field names and
 * punctuation (under 250), six numbers of at most 20 digits.
 */
#define JSON_FINDING_FIXED 512

void
out_json_finding(struct buf *b, struct doc *d, const struct finding *f,
    const char *path, const char *brk)
{
	const struct rule *r = f->rule;
	const char *m = finding_match(d, f);
	const char *level = finding_level_name(f->level);
	size_t lpath = jlen(path), lid = strlen(r->id);
	size_t lcat = jlen(r->category), lmsg = strlen(f->message);
	size_t lm = strlen(m), lsug = jlen(f->suggestion);
	size_t llink = jlen(r->link), lbrk = strlen(brk);
	size_t line, col, el, ec, room;
	char *w;

	out_pos(d, f, &line, &col, &el, &ec);
	room = xst_add(lpath, lid);
	room = xst_add(room, xst_add(lcat, lmsg));
	room = xst_add(room, xst_add(lm, lsug));
	room = xst_add(xst_mult(xst_add(room, llink), 6), JSON_FINDING_FIXED);
	room = xst_add(room, xst_add(xst_mult(lbrk, 2), strlen(level)));
	w = buf_room(b, room);
	*w++ = '{';
	if (path != NULL)
		w = OUT_PUT_LIT(out_json_put(OUT_PUT_LIT(w, "\"path\": "), path,
		    lpath), ", ");
	w = out_json_put(OUT_PUT_LIT(w, "\"rule\": "), r->id, lid);
	w = jopt_put(OUT_PUT_LIT(w, ", \"category\": "), r->category, lcat);
	w = out_put_str(OUT_PUT_LIT(w, ", \"level\": \""), level);
	w = out_json_put(OUT_PUT_LIT(w, "\", \"message\": "), f->message,
	    lmsg);
	w = out_put_str(OUT_PUT_LIT(w, ","), brk);
	w = OUT_PUT_NUM(w, "\"line\": ", line);
	w = OUT_PUT_NUM(w, ", \"column\": ", col);
	w = OUT_PUT_NUM(w, ", \"end_line\": ", el);
	w = OUT_PUT_NUM(w, ", \"end_column\": ", ec);
	w = OUT_PUT_NUM(w, ", \"offset\": ", d->off_base + f->soff);
	w = OUT_PUT_NUM(w, ", \"length\": ", f->slen);
	w = out_put_str(OUT_PUT_LIT(w, ","), brk);
	w = out_json_put(OUT_PUT_LIT(w, "\"match\": "), m, lm);
	w = OUT_PUT_LIT(w, ", \"suggestions\": [");
	if (f->suggestion != NULL)
		w = out_json_put(w, f->suggestion, lsug);
	w = jopt_put(OUT_PUT_LIT(w, "], \"link\": "), r->link, llink);
	*w++ = '}';
	buf_commit(b, w);
}

void
out_xml_text(struct buf *b, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80) {
			size_t at = b->len;
			int32_t cp = put_utf8(b, s, n, &i);

			/* not characters in XML 1.0 */
			if (cp == 0xFFFE || cp == 0xFFFF) {
				b->len = at;
				buf_put(b, "\xEF\xBF\xBD", 3);
			}
		} else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			buf_put(b, "\xEF\xBF\xBD", 3);
			i++;
		} else {
			buf_putc(b, (char)c);
			i++;
		}
	}
}

const char *
out_level(int level, const char *suggestion, const char *warning,
    const char *error)
{
	return level >= LEVEL_ERROR ? error : level == LEVEL_WARNING ?
	    warning : suggestion;
}
