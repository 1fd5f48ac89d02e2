/*
 * out_checkstyle.c: checkstyle XML (reviewdog, Jenkins warnings-ng), written
 * with libxml2's xmlTextWriter so that markup in messages is escaped.
 */
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "out.h"
#include "rule.h"
#include "xalloc.h"

/* The checkstyle format version reviewdog and warnings-ng read. */
#define CHECKSTYLE_VERSION "4.3"

/*
 * Writes attribute name with value s made XML-safe first: xmlTextWriter
 * escapes markup but passes control characters and invalid UTF-8 through.
 */
static void
cs_attr(struct out *o, xmlTextWriterPtr w, const char *name, const char *s)
{
	buf_reset(&o->b);
	out_xml_text(&o->b, s, strlen(s));
	buf_putc(&o->b, '\0');	/* ptr is never NULL after this */
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST o->b.ptr);
}

static void
cs_num(xmlTextWriterPtr w, const char *name, size_t n)
{
	char v[32];

	snprintf(v, sizeof(v), "%zu", n);
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST v);
}

static void
checkstyle_begin(struct out *o)
{
	xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(o->fp, NULL);
	xmlTextWriterPtr w = ob ? xmlNewTextWriter(ob) : NULL;

	if (w == NULL)
		xdie_oom();
	o->state = w;
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "checkstyle");
	xmlTextWriterWriteAttribute(w, BAD_CAST "version",
	    BAD_CAST CHECKSTYLE_VERSION);
}

/* Every file checked gets a <file>, as checkstyle itself writes. */
static void
checkstyle_doc(struct out *o, struct doc *d)
{
	xmlTextWriterPtr w = o->state;
	size_t i, line, col, el, ec;

	if (d->part & DOC_PART_FIRST) {
		xmlTextWriterStartElement(w, BAD_CAST "file");
		cs_attr(o, w, "name", d->path);
	}
	for (i = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];

		if (!out_shown(o, f))
			continue;
		out_pos(d, f, &line, &col, &el, &ec);
		xmlTextWriterStartElement(w, BAD_CAST "error");
		cs_num(w, "line", line);
		cs_num(w, "column", col);
		xmlTextWriterWriteAttribute(w, BAD_CAST "severity",
		    BAD_CAST out_level(f->level, "info", "warning", "error"));
		cs_attr(o, w, "message", f->message);
		cs_attr(o, w, "source", f->rule->id);
		xmlTextWriterEndElement(w);
	}
	if (d->part & DOC_PART_LAST)
		xmlTextWriterEndElement(w);
	xmlTextWriterFlush(w);
	out_count(o, d);
}

static void
checkstyle_end(struct out *o)
{
	xmlTextWriterPtr w = o->state;

	xmlTextWriterEndDocument(w);	/* closes <checkstyle> */
	xmlFreeTextWriter(w);		/* flushes; leaves o->fp open */
	o->state = NULL;
	buf_reset(&o->b);
}

const struct out_writer out_checkstyle_writer = {
	"checkstyle", checkstyle_begin, checkstyle_doc, checkstyle_end
};
