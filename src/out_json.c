/* out_json.c: the JSON document of SPEC.md, version 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "out.h"
#include "quote.h"
#include "rule.h"
#include "source.h"
#include "xalloc.h"

/*
 * A file checked in parts (doc.h) has one entry: its findings come part by
 * part, and its quotes and sources wait, in order, until the last part.
 * They wait in memory up to JSON_HOLD bytes, then in a temporary file, so
 * that a large file's output does not grow the process.
 */
#define JSON_HOLD ((size_t)1 << 20)

struct held {
	struct buf b;		/* the latest part's entries */
	FILE *spill;		/* earlier ones, or NULL */
	size_t n;		/* entries so far */
};

struct json_state {
	struct held quotes, sources;
};

/* Moves what h holds in memory to its temporary file once it is large. */
static void
hold_spill(struct held *h, int force)
{
	if (h->b.len < JSON_HOLD && !force)
		return;
	if (h->spill == NULL && (h->spill = tmpfile()) == NULL)
		return;			/* keep it in memory */
	if (h->b.len)
		fwrite(h->b.ptr, 1, h->b.len, h->spill);
	buf_reset(&h->b);
}

/* Writes and empties what h holds: the temporary file, then memory. */
static void
hold_write(struct out *o, struct held *h)
{
	char chunk[65536];
	size_t n;

	if (h->spill != NULL) {
		rewind(h->spill);
		while ((n = fread(chunk, 1, sizeof(chunk), h->spill)) > 0)
			fwrite(chunk, 1, n, o->fp);
		fclose(h->spill);
		h->spill = NULL;
	}
	if (h->b.len)
		fwrite(h->b.ptr, 1, h->b.len, o->fp);
	buf_reset(&h->b);
	h->n = 0;
}

static void
json_begin(struct out *o)
{
	o->state = xcalloc(1, sizeof(struct json_state));
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
	    "\"speaker\": ", quote_kind_name(q->kind), line, col,
	    d->off_base + soff, send - soff);
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
	struct json_state *st = o->state;
	struct buf *b = &o->b;
	size_t i;

	if (d->part & DOC_PART_FIRST) {
		o->file_shown = 0;
		buf_puts(b, o->ndocs ? ",\n    {" : "\n    {");
		buf_puts(b, "\n      \"path\": ");
		out_json_str(b, d->path, strlen(d->path));
		buf_puts(b, ",\n      \"findings\": [");
	}
	for (i = 0; i < d->nfindings; i++) {
		if (!out_shown(o, &d->findings[i]))
			continue;
		if (o->file_shown++)
			buf_putc(b, ',');
		buf_puts(b, "\n        ");
		out_json_finding(b, d, &d->findings[i], NULL,
		    "\n         ");
	}
	for (i = 0; i < d->nquotes; i++) {
		if (!quote_is_speech(&d->quotes[i]))
			continue;
		if (st->quotes.n++)
			buf_putc(&st->quotes.b, ',');
		json_quote(&st->quotes.b, d, &d->quotes[i]);
	}
	for (i = 0; i < d->nsources; i++) {
		if (st->sources.n++)
			buf_putc(&st->sources.b, ',');
		json_source(&st->sources.b, d, &d->sources[i]);
	}
	if (!(d->part & DOC_PART_LAST)) {
		hold_spill(&st->quotes, 0);
		hold_spill(&st->sources, 0);
	} else {
		size_t nq = st->quotes.n, ns = st->sources.n;

		buf_puts(b, o->file_shown ? "\n      ],\n      \"quotes\": [" :
		    "],\n      \"quotes\": [");
		fwrite(b->ptr, 1, b->len, o->fp);
		buf_reset(b);
		hold_write(o, &st->quotes);
		fputs(nq ? "\n      ],\n      \"sources\": [" :
		    "],\n      \"sources\": [", o->fp);
		hold_write(o, &st->sources);
		buf_puts(b, ns ? "\n      ]\n    }" : "]\n    }");
	}
	out_count(o, d);
	/* stream: hold one document's output, not the whole run's (a write
	 * error is caught at exit, with status 2) */
	fwrite(b->ptr, 1, b->len, o->fp);
	buf_reset(b);
}

static void
json_end(struct out *o)
{
	struct json_state *st = o->state;

	if (st != NULL) {
		buf_release(&st->quotes.b);
		buf_release(&st->sources.b);
		free(st);
		o->state = NULL;
	}
	buf_puts(&o->b, o->ndocs ? "\n  ]\n}\n" : "]\n}\n");
	fwrite(o->b.ptr, 1, o->b.len, o->fp);
	buf_reset(&o->b);
}

const struct out_writer out_json_writer = {
	"json", json_begin, json_doc, json_end
};
