/* out_github.c: GitHub Actions workflow commands, one annotation a finding. */
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "out.h"
#include "rule.h"

/*
 * Appends s escaped as GitHub's runner expects: '%', CR and LF always
 * (they would end the command), ':' and ',' too in a property value (they
 * would end the value).  See toolkit's command.ts escapeData/escapeProperty.
 */
static void
gh_escape(struct buf *b, const char *s, int property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%':
			buf_puts(b, "%25");
			break;
		case '\r':
			buf_puts(b, "%0D");
			break;
		case '\n':
			buf_puts(b, "%0A");
			break;
		case ':':
			buf_puts(b, property ? "%3A" : ":");
			break;
		case ',':
			buf_puts(b, property ? "%2C" : ",");
			break;
		default:
			buf_putc(b, *s);
		}
	}
}

static void
github_doc(struct out *o, struct doc *d)
{
	struct buf *b = &o->b;
	size_t i, line, col, el, ec;

	buf_reset(b);
	for (i = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];

		if (!out_shown(o, f))
			continue;
		out_pos(d, f, &line, &col, &el, &ec);
		buf_printf(b, "::%s file=", out_level(f->level, "notice",
		    "warning", "error"));
		gh_escape(b, d->path, 1);
		buf_printf(b, ",line=%zu,col=%zu,endLine=%zu,endColumn=%zu,"
		    "title=", line, col, el, ec);
		gh_escape(b, f->rule->id, 1);
		buf_puts(b, "::");
		gh_escape(b, f->message, 0);
		buf_putc(b, '\n');
	}
	out_flush_doc(o, d);
}

const struct out_writer out_github_writer = {
	"github", out_nop, github_doc, out_nop
};
