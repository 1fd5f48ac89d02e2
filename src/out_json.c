/* out_json.c: the JSON document of SPEC.md, version 1. */
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "out.h"
#include "quote.h"
#include "rule.h"
#include "source.h"

static void
json_begin(struct out *o)
{
	buf_reset(&o->b);
	buf_puts(&o->b, "{\n  \"version\": 1,\n  \"files\": [");
}

static void
json_quote(struct buf *b, struct doc *d, const struct quote *q)
{
	size_t soff = posmap_start(&d->pm, q->toff);
	size_t send = posmap_end(&d->pm, q->toff + q->tlen);
	size_t line, col;

	if (send < soff)
		send = soff;
	doc_linecol(d, soff, &line, &col);
	buf_puts(b, "\n        {\"text\": ");
	out_json_str(b, d->text + q->toff, q->tlen);
	buf_printf(b, ", \"kind\": \"%s\",\n         \"line\": %zu, "
	    "\"column\": %zu, \"offset\": %zu, \"length\": %zu,\n         "
	    "\"speaker\": ", quote_kind_name(q->kind), line, col, soff,
	    send - soff);
	out_json_opt_str(b, q->speaker_kind == SPEAKER_NONE ? NULL : q->speaker);
	buf_printf(b, ", \"speaker_kind\": \"%s\", \"speaker_title\": ",
	    speaker_kind_name(q->speaker_kind));
	out_json_opt_str(b, q->speaker_title);
	buf_puts(b, ", \"cue\": ");
	out_json_opt_str(b, q->cue);
	buf_puts(b, ", \"method\": ");
	out_json_opt_str(b, q->method);
	buf_putc(b, '}');
}

static void
json_source(struct buf *b, struct doc *d, const struct source *s)
{
	size_t line, col, i;

	doc_linecol(d, posmap_start(&d->pm, s->toff), &line, &col);
	buf_puts(b, "\n        {\"name\": ");
	out_json_opt_str(b, s->name);
	buf_printf(b, ", \"kind\": \"%s\", \"title\": ",
	    speaker_kind_name(s->kind));
	out_json_opt_str(b, s->title);
	buf_puts(b, ", \"aliases\": [");
	for (i = 0; i < s->naliases; i++) {
		if (i)
			buf_puts(b, ", ");
		out_json_opt_str(b, s->aliases[i]);
	}
	buf_printf(b, "],\n         \"mentions\": %d, \"quotes\": %d, "
	    "\"line\": %zu}", s->mentions, s->quotes, line);
}

static void
json_doc(struct out *o, struct doc *d)
{
	struct buf *b = &o->b;
	size_t i, n = 0;

	buf_puts(b, o->ndocs ? ",\n    {" : "\n    {");
	buf_puts(b, "\n      \"path\": ");
	out_json_str(b, d->path, strlen(d->path));
	buf_puts(b, ",\n      \"findings\": [");
	for (i = 0; i < d->nfindings; i++) {
		if (!out_shown(o, &d->findings[i]))
			continue;
		if (n++)
			buf_putc(b, ',');
		buf_puts(b, "\n        ");
		out_json_finding(b, d, &d->findings[i], NULL,
		    "\n         ");
	}
	buf_puts(b, n ? "\n      ],\n      \"quotes\": [" :
	    "],\n      \"quotes\": [");
	for (i = n = 0; i < d->nquotes; i++) {
		if (!quote_is_speech(&d->quotes[i]))
			continue;
		if (n++)
			buf_putc(b, ',');
		json_quote(b, d, &d->quotes[i]);
	}
	buf_puts(b, n ? "\n      ],\n      \"sources\": [" :
	    "],\n      \"sources\": [");
	for (i = 0; i < d->nsources; i++) {
		if (i)
			buf_putc(b, ',');
		json_source(b, d, &d->sources[i]);
	}
	buf_puts(b, d->nsources ? "\n      ]\n    }" : "]\n    }");
	out_count(o, d);
	/* stream: hold one document's output, not the whole run's (a write
	 * error is caught at exit, with status 2) */
	fwrite(b->ptr, 1, b->len, o->fp);
	buf_reset(b);
}

static void
json_end(struct out *o)
{
	buf_puts(&o->b, o->ndocs ? "\n  ]\n}\n" : "]\n}\n");
	fwrite(o->b.ptr, 1, o->b.len, o->fp);
	buf_reset(&o->b);
}

const struct out_writer out_json_writer = {
	"json", json_begin, json_doc, json_end
};
