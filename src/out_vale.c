/*
 * out_vale.c: the JSON of 'vale --output=JSON', so that editor plugins and
 * scripts written for Vale read copydesk unchanged.
 */
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "out.h"
#include "rule.h"
#include "utf8.h"

/*
 * Vale's Span: 1-based code points on the finding's first line, the end
 * inclusive.  A finding that runs onto later lines ends at its first
 * line's end; an empty one is one character wide.
 */
static void
vale_span(struct doc *d, const struct finding *f, size_t *line,
    size_t *start, size_t *end)
{
	size_t col, el, ec, eol;

	out_pos(d, f, line, &col, &el, &ec);
	*start = col;
	if (el != *line) {
		eol = f->soff;
		while (eol < d->srclen && d->src[eol] != '\n' &&
		    d->src[eol] != '\r')
			eol++;
		ec = col + utf8_count(d->src + f->soff, eol - f->soff);
	}
	*end = ec > col ? ec - 1 : col;
}

static void
vale_alert(struct buf *b, struct doc *d, const struct finding *f)
{
	const struct rule *r = f->rule;
	const char *m = finding_match(d, f);
	size_t line, start, end;

	vale_span(d, f, &line, &start, &end);
	buf_puts(b, "    {\n      \"Action\": {\n        \"Name\": ");
	if (f->suggestion != NULL) {
		buf_puts(b, "\"replace\",\n        \"Params\": [\n          ");
		out_json_str(b, f->suggestion, strlen(f->suggestion));
		buf_puts(b, "\n        ]\n      },\n");
	} else {
		buf_puts(b, "\"\",\n        \"Params\": null\n      },\n");
	}
	buf_printf(b, "      \"Span\": [\n        %zu,\n        %zu\n      ],\n"
	    "      \"Check\": ", start, end);
	out_json_str(b, r->id, strlen(r->id));
	buf_puts(b, ",\n      \"Description\": ");
	out_json_str(b, r->description ? r->description : "",
	    r->description ? strlen(r->description) : 0);
	buf_puts(b, ",\n      \"Link\": ");
	out_json_str(b, r->link ? r->link : "", r->link ? strlen(r->link) : 0);
	buf_puts(b, ",\n      \"Message\": ");
	out_json_str(b, f->message, strlen(f->message));
	buf_printf(b, ",\n      \"Severity\": \"%s\",\n      \"Match\": ",
	    finding_level_name(f->level));
	out_json_str(b, m, strlen(m));
	buf_printf(b, ",\n      \"Line\": %zu\n    }", line);
}

static void
vale_begin(struct out *o)
{
	buf_reset(&o->b);
	buf_putc(&o->b, '{');
}

/* Like Vale, a file without alerts is left out. */
static void
vale_doc(struct out *o, struct doc *d)
{
	struct buf *b = &o->b;
	size_t i;

	if (d->part & DOC_PART_FIRST)
		o->file_shown = 0;
	for (i = 0; i < d->nfindings; i++) {
		if (!out_shown(o, &d->findings[i]))
			continue;
		if (o->file_shown++ == 0) {
			buf_puts(b, b->len > 1 ? ",\n  " : "\n  ");
			out_json_str(b, d->path, strlen(d->path));
			buf_puts(b, ": [\n");
		} else {
			buf_puts(b, ",\n");
		}
		vale_alert(b, d, &d->findings[i]);
	}
	if (o->file_shown && (d->part & DOC_PART_LAST))
		buf_puts(b, "\n  ]");
	out_count(o, d);
}

static void
vale_end(struct out *o)
{
	buf_puts(&o->b, o->b.len > 1 ? "\n}\n" : "}\n");
	fwrite(o->b.ptr, 1, o->b.len, o->fp);
	buf_reset(&o->b);
}

const struct out_writer out_vale_writer = {
	"vale", vale_begin, vale_doc, vale_end
};
