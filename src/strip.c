/* strip.c: the text builder shared by every input format, and plain text. */
#include "strip.h"

#include <string.h>

#include "doc.h"
#include "utf8.h"
#include "xalloc.h"

void
strip_out_init(struct strip_out *so, struct doc *d)
{
	so->d = d;
	so->len = 0;
	so->cap = 0;
	so->text = NULL;
}

static void
reserve(struct strip_out *so, size_t n)
{
	arena_grow(&so->d->arena, (void **)&so->text, &so->cap, 1,
	    xst_add(xst_add(so->len, n), 1));
}

void
strip_emit_src(struct strip_out *so, size_t soff, size_t n)
{
	const unsigned char *s = (const unsigned char *)so->d->src + soff;
	size_t i = 0, run = 0;

	reserve(so, n);
	while (i < n) {
		int32_t cp = 0;
		size_t k;

		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			continue;
		}
		k = s[i] < 0x80 ? 1 : utf8_decode(s + i, n - i, &cp);
		if (s[i] == 0 || (s[i] >= 0x80 && cp == UTF8_REPLACEMENT &&
		    !(k == 3 && s[i] == 0xEF))) {
			/* flush the verbatim run, then the replacement */
			memcpy(so->text + so->len, s + run, i - run);
			posmap_add(&so->d->pm, &so->d->arena, so->len,
			    soff + run, i - run, i - run);
			so->len += i - run;
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
			i += 1;
			run = i;
			continue;
		}
		i += k;
	}
	memcpy(so->text + so->len, s + run, n - run);
	posmap_add(&so->d->pm, &so->d->arena, so->len, soff + run, n - run,
	    n - run);
	so->len += n - run;
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

void
strip_out_finish(struct strip_out *so)
{
	reserve(so, 0);
	so->text[so->len] = '\0';
	so->d->text = so->text;
	so->d->textlen = so->len;
}

int
strip_txt(struct doc *d)
{
	struct strip_out so;
	size_t start = 0;

	strip_out_init(&so, d);
	if (d->srclen >= 3 && memcmp(d->src, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	strip_emit_src(&so, start, d->srclen - start);
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
