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

/* Writes v in decimal at w (at most 21 bytes); returns the end. */
static char *
put_int(char *w, int v)
{
	if (v < 0) {
		*w++ = '-';
		return out_put_uint(w, (size_t)-(long long)v);
	}
	return out_put_uint(w, (size_t)v);
}

/*
 * Bytes of json_quote and json_source besides their strings: field names
 * and punctuation (under 200), and five numbers of at most 20 digits.
 */
#define JSON_ENTRY_FIXED 384

static void
json_quote(struct buf *b, struct doc *d, const struct quote *q)
{
	size_t soff = posmap_start(&d->pm, q->toff);
	size_t send = posmap_end(&d->pm, q->toff + q->tlen);
	const char *kind = quote_kind_name(q->kind);
	const char *skind = quote_speaker_kind_name(q->speaker_kind);
	const char *speaker = q->speaker_kind == SPEAKER_NONE ? NULL :
	    q->speaker;
	size_t line, col, room;
	char *w;

	if (send < soff)
		send = soff;
	doc_linecol(d, soff, &line, &col);
	room = xst_add(xst_mult(q->tlen, 6), JSON_ENTRY_FIXED);
	room = xst_add(room, xst_add(strlen(kind), strlen(skind)));
	room = xst_add(room, xst_add(out_json_room(speaker),
	    out_json_room(q->speaker_title)));
	room = xst_add(room, xst_add(out_json_room(q->cue),
	    out_json_room(q->method)));
	w = buf_room(b, room);
	w = out_json_put(OUT_PUT_LIT(w, "\n        {\"text\": "),
	    d->text + q->toff, q->tlen);
	w = out_put_str(OUT_PUT_LIT(w, ", \"kind\": \""), kind);
	w = OUT_PUT_NUM(w, "\",\n         \"line\": ", line);
	w = OUT_PUT_NUM(w, ", \"column\": ", col);
	w = OUT_PUT_NUM(w, ", \"offset\": ", d->off_base + soff);
	w = OUT_PUT_NUM(w, ", \"length\": ", send - soff);
	w = out_json_opt_put(OUT_PUT_LIT(w, ",\n         \"speaker\": "),
	    speaker);
	w = out_put_str(OUT_PUT_LIT(w, ", \"speaker_kind\": \""), skind);
	w = out_json_opt_put(OUT_PUT_LIT(w, "\", \"speaker_title\": "),
	    q->speaker_title);
	w = out_json_opt_put(OUT_PUT_LIT(w, ", \"cue\": "), q->cue);
	w = out_json_opt_put(OUT_PUT_LIT(w, ", \"method\": "), q->method);
	*w++ = '}';
	buf_commit(b, w);
}

static void
json_source(struct buf *b, struct doc *d, const struct source *s)
{
	const char *kind = quote_speaker_kind_name(s->kind);
	size_t line, col, i, room;
	char *w;

	doc_linecol(d, posmap_start(&d->pm, s->toff), &line, &col);
	room = xst_add(out_json_room(s->name), out_json_room(s->title));
	room = xst_add(room, xst_add(strlen(kind), JSON_ENTRY_FIXED));
	for (i = 0; i < s->naliases; i++)
		room = xst_add(room, out_json_room(s->aliases[i]) + 2);
	w = buf_room(b, room);
	w = out_json_opt_put(OUT_PUT_LIT(w, "\n        {\"name\": "), s->name);
	w = out_put_str(OUT_PUT_LIT(w, ", \"kind\": \""), kind);
	w = out_json_opt_put(OUT_PUT_LIT(w, "\", \"title\": "), s->title);
	w = OUT_PUT_LIT(w, ", \"aliases\": [");
	for (i = 0; i < s->naliases; i++) {
		if (i)
			w = OUT_PUT_LIT(w, ", ");
		w = out_json_opt_put(w, s->aliases[i]);
	}
	w = put_int(OUT_PUT_LIT(w, "],\n         \"mentions\": "), s->mentions);
	w = put_int(OUT_PUT_LIT(w, ", \"quotes\": "), s->quotes);
	w = OUT_PUT_NUM(w, ", \"line\": ", line);
	*w++ = '}';
	buf_commit(b, w);
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
