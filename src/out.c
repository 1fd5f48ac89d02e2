/* out.c: the writer table and helpers shared by the writers. */
#include "out.h"

#include <string.h>

#include "doc.h"
#include "finding.h"
#include "quote.h"

static const struct out_writer *const writers[] = {
	&out_text_writer,
	&out_line_writer,
	&out_json_writer,
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
out_count(struct out *o, const struct doc *d)
{
	size_t i;

	o->ndocs++;
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

void
out_json_str(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

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
