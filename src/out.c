/* out.c: the writer table and helpers shared by the writers. */
#include "out.h"

#include <string.h>

#include "doc.h"
#include "finding.h"
#include "quote.h"
#include "rule.h"
#include "utf8.h"

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

void
out_json_str(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	buf_putc(b, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t run = i;

		/* a run of ASCII that needs no escape goes out at once */
		while (run < n && (unsigned char)s[run] >= 0x20 &&
		    (unsigned char)s[run] < 0x7f && s[run] != '"' &&
		    s[run] != '\\')
			run++;
		if (run > i) {
			buf_put(b, s + i, run - i);
			i = run;
			continue;
		}
		if (c >= 0x80) {
			put_utf8(b, s, n, &i);
			continue;
		}
		i++;
		switch (c) {
		case '"':
			buf_put(b, "\\\"", 2);
			break;
		case '\\':
			buf_put(b, "\\\\", 2);
			break;
		case '\n':
			buf_put(b, "\\n", 2);
			break;
		case '\r':
			buf_put(b, "\\r", 2);
			break;
		case '\t':
			buf_put(b, "\\t", 2);
			break;
		default:
			if (c < 0x20 || c == 0x7f) {
				char u[6] = { '\\', 'u', '0', '0', 0, 0 };

				u[4] = hex[c >> 4];
				u[5] = hex[c & 15];
				buf_put(b, u, 6);
			} else {
				buf_putc(b, (char)c);
			}
		}
	}
	buf_putc(b, '"');
}

void
out_json_opt_str(struct buf *b, const char *s)
{
	if (s == NULL)
		buf_puts(b, "null");
	else
		out_json_str(b, s, strlen(s));
}

void
out_json_finding(struct buf *b, struct doc *d, const struct finding *f,
    const char *path, const char *brk)
{
	size_t line, col, el, ec;
	const char *m = finding_match(d, f);

	out_pos(d, f, &line, &col, &el, &ec);
	buf_putc(b, '{');
	if (path != NULL) {
		buf_puts(b, "\"path\": ");
		out_json_str(b, path, strlen(path));
		buf_puts(b, ", ");
	}
	buf_puts(b, "\"rule\": ");
	out_json_str(b, f->rule->id, strlen(f->rule->id));
	buf_puts(b, ", \"category\": ");
	out_json_opt_str(b, f->rule->category);
	buf_printf(b, ", \"level\": \"%s\", \"message\": ",
	    finding_level_name(f->level));
	out_json_str(b, f->message, strlen(f->message));
	buf_printf(b, ",%s\"line\": %zu, \"column\": %zu, "
	    "\"end_line\": %zu, \"end_column\": %zu, \"offset\": %zu, "
	    "\"length\": %zu,%s\"match\": ", brk, line, col, el, ec,
	    d->off_base + f->soff, f->slen, brk);
	out_json_str(b, m, strlen(m));
	buf_puts(b, ", \"suggestions\": [");
	if (f->suggestion != NULL)
		out_json_str(b, f->suggestion, strlen(f->suggestion));
	buf_puts(b, "], \"link\": ");
	out_json_opt_str(b, f->rule->link);
	buf_putc(b, '}');
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
