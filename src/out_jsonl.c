/* out_jsonl.c: JSON Lines, one finding an object a line, flushed per file. */
#include "doc.h"
#include "finding.h"
#include "out.h"

static void
jsonl_doc(struct out *o, struct doc *d)
{
	size_t i;

	buf_reset(&o->b);
	for (i = 0; i < d->nfindings; i++) {
		if (!out_shown(o, &d->findings[i]))
			continue;
		out_json_finding(&o->b, d, &d->findings[i], d->path, " ");
		buf_putc(&o->b, '\n');
	}
	out_flush_doc(o, d);
	fflush(o->fp);		/* a consumer sees each file as it is done */
}

const struct out_writer out_jsonl_writer = {
	"jsonl", out_nop, jsonl_doc, out_nop
};
