/* out_line.c: path:line:col: level: message [Rule], one finding a line. */
#include "doc.h"
#include "finding.h"
#include "out.h"
#include "rule.h"

static void
line_doc(struct out *o, struct doc *d)
{
	size_t i, line, col, el, ec;

	for (i = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];

		if (!out_shown(o, f))
			continue;
		out_pos(d, f, &line, &col, &el, &ec);
		fprintf(o->fp, "%s:%zu:%zu: %s: %s [%s]\n", d->path, line, col,
		    finding_level_name(f->level), f->message, f->rule->id);
	}
	out_count(o, d);
}

const struct out_writer out_line_writer = {
	"line", out_nop, line_doc, out_nop
};
