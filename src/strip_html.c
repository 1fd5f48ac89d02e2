/* strip_html.c: HTML and XML input via libxml2, mapped back to the source. */
#include "strip.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "doc.h"
#include "xalloc.h"

/*
 * Largest replacement text of one user-defined XML entity copied into the
 * analysed text.  Entities that refer to other entities are refused outright
 * (the "billion laughs" shape); this bounds the flat ones.
 */
#define STRIP_MAX_ENTITY 4096

/* Element name lists, each ending with NULL. */
static const char *const skip_elems[] = {
	"script", "style", "code", "pre", "template", "noscript", "textarea",
	"svg", "math", NULL
};
static const char *const raw_elems[] = {	/* no entities in the source */
	"script", "style", "xmp", "noembed", "noframes", "plaintext", NULL
};
static const char *const html_blocks[] = {
	"address", "article", "aside", "blockquote", "body", "caption",
	"center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
	"h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
	"main", "menu", "nav", "ol", "p", "section", "summary", "table",
	"tbody", "td", "tfoot", "th", "thead", "tr", "ul", "option", "select",
	"iframe", "title", "head", NULL
};
/* XML: elements that do not break a paragraph (XHTML and NITF inline). */
static const char *const xml_inlines[] = {
	"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font",
	"i", "ins", "del", "kbd", "mark", "q", "s", "samp", "small", "span",
	"strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "label",
	"chron", "copyrite", "event", "function", "lang", "location", "money",
	"num", "object.title", "org", "person", "postaddr", "pronounce",
	"virtloc", "classifier", "alt-code", NULL
};

/*
 * Is name in list?  Exact comparison: the HTML parser lowercases element
 * names, and XML names are case-sensitive.
 */
static int
in_list(const char *const *list, const xmlChar *name)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (list[i][0] == (char)name[0] &&
		    strcmp(list[i], (const char *)name) == 0)
			return 1;
	return 0;
}

/* Which part of an XML document is copy. */
enum ml_vocab {
	VOCAB_ALL,		/* any other XML: all text content */
	VOCAB_NITF,		/* hedline and body.content */
	VOCAB_G2,		/* NewsML-G2: inlineXML / inlineData */
	VOCAB_XHTML		/* body */
};

struct ml_walk {
	struct strip_out so;
	struct doc *d;
	xmlDocPtr doc;
	int html;		/* HTML parser: unknown elements are inline */
	int vocab;		/* enum ml_vocab */
	xmlNodePtr hide;	/* subtree not analysed, or NULL */
	xmlNodePtr sel;		/* XML: subtree that is copy, or NULL */
	int nbr;		/* <br>s since the last text */
	int refused;
};

static int
has_child_named(xmlNodePtr n, const char *name)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return 1;
	return 0;
}

static int
emitting(const struct ml_walk *w)
{
	return w->hide == NULL && (w->html || w->vocab == VOCAB_ALL ||
	    w->sel != NULL);
}

/* XML: does element n start the copy of this vocabulary? */
static void
select_xml(struct ml_walk *w, xmlNodePtr n)
{
	const char *name = (const char *)n->name;

	switch (w->vocab) {
	case VOCAB_NITF:
		if (strcmp(name, "body.content") == 0 ||
		    strcmp(name, "hedline") == 0)
			w->sel = n;
		break;
	case VOCAB_XHTML:
		if (strcmp(name, "body") == 0)
			w->sel = n;
		break;
	case VOCAB_G2:
		if (strcmp(name, "inlineXML") == 0 && has_child_named(n, "nitf"))
			w->vocab = VOCAB_NITF;
		else if (strcmp(name, "inlineXML") == 0 &&
		    has_child_named(n, "html"))
			w->vocab = VOCAB_XHTML;
		else if (strcmp(name, "inlineXML") == 0 ||
		    strcmp(name, "inlineData") == 0)
			w->sel = n;
		break;
	default:
		break;
	}
}

static int
is_block(const struct ml_walk *w, xmlNodePtr n)
{
	if (w->html)
		return in_list(html_blocks, n->name);
	return !in_list(xml_inlines, n->name);
}

static void
enter_elem(struct ml_walk *w, xmlNodePtr n)
{
	struct strip_out *so = &w->so;

	if (w->hide == NULL && (in_list(skip_elems, n->name) ||
	    xmlHasProp(n, (const xmlChar *)"hidden") != NULL ||
	    (w->html && strcmp((const char *)n->name, "head") == 0)))
		w->hide = n;
	if (!w->html && w->sel == NULL)
		select_xml(w, n);
	if (!emitting(w))
		return;
	if (strcmp((const char *)n->name, "br") == 0) {
		/* one <br> is a line break, two end a paragraph */
		if (w->nbr++ > 0)
			strip_break(so, so->cur);
		else
			strip_emit_repl(so, "\n", 1, so->cur, 0);
	} else if (is_block(w, n)) {
		strip_break(so, so->cur);
		w->nbr = 0;
	} else if (strcmp((const char *)n->name, "q") == 0) {
		/* browsers render <q> with quotation marks */
		strip_emit_repl(so, "\xE2\x80\x9C", 3, so->cur, 0);
	}
}

static void
leave_elem(struct ml_walk *w, xmlNodePtr n)
{
	struct strip_out *so = &w->so;

	if (emitting(w)) {
		if (strcmp((const char *)n->name, "q") == 0)
			strip_emit_repl(so, "\xE2\x80\x9D", 3, so->cur, 0);
		else if (is_block(w, n) &&
		    strcmp((const char *)n->name, "br") != 0) {
			strip_break(so, so->cur);
			w->nbr = 0;
		}
	}
	if (n == w->hide)
		w->hide = NULL;
	if (n == w->sel)
		w->sel = NULL;
}

static void
text_node(struct ml_walk *w, xmlNodePtr n)
{
	const char *t = (const char *)n->content;
	size_t len, i;
	unsigned how = 0;

	if (t == NULL)
		return;
	len = strlen(t);
	if (n->type == XML_CDATA_SECTION_NODE || (n->parent != NULL &&
	    w->html && in_list(raw_elems, n->parent->name)))
		how |= STRIP_ALIGN_RAW;
	if (emitting(w)) {
		how |= STRIP_ALIGN_EMIT;
		for (i = 0; i < len; i++)
			if (!strchr(" \t\r\n", t[i])) {
				w->nbr = 0;
				break;
			}
	}
	strip_align(&w->so, t, len, w->d->srclen, how);
}

static void
comment_node(struct ml_walk *w)
{
	size_t end = strip_next_comment(&w->so, w->so.cur, w->d->srclen);

	if (end != SIZE_MAX)
		w->so.cur = end;
}

/* An unexpanded XML entity reference (libxml2 keeps them as nodes). */
static void
entity_node(struct ml_walk *w, xmlNodePtr n)
{
	xmlEntityPtr e = xmlGetDocEntity(w->doc, n->name);
	struct buf_ref {
		char s[64];
		size_t n;
	} ref;
	size_t start, clen;

	ref.n = (size_t)snprintf(ref.s, sizeof(ref.s), "&%s;",
	    (const char *)n->name);
	if (ref.n >= sizeof(ref.s))
		return;
	start = strip_align(&w->so, ref.s, ref.n, w->d->srclen,
	    STRIP_ALIGN_RAW);
	if (e == NULL || e->etype != XML_INTERNAL_GENERAL_ENTITY ||
	    e->content == NULL || start == SIZE_MAX || !emitting(w))
		return;		/* external entities are never loaded */
	clen = strlen((const char *)e->content);
	if (clen <= STRIP_MAX_ENTITY && !memchr(e->content, '&', clen) &&
	    !memchr(e->content, '<', clen))
		strip_emit_repl(&w->so, (const char *)e->content, clen, start,
		    w->so.cur - start);
}

/*
 * Visits every node in document order without recursion (10 000 nested
 * elements must not exhaust the stack).
 */
static void
walk(struct ml_walk *w, xmlNodePtr n)
{
	while (n != NULL) {
		int down = 0;

		switch (n->type) {
		case XML_ELEMENT_NODE:
			enter_elem(w, n);
			down = n->children != NULL;
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			text_node(w, n);
			break;
		case XML_COMMENT_NODE:
			comment_node(w);
			break;
		case XML_ENTITY_REF_NODE:
			entity_node(w, n);
			break;
		default:
			break;
		}
		if (down) {
			n = n->children;
			continue;
		}
		if (n->type == XML_ELEMENT_NODE)
			leave_elem(w, n);
		while (n->next == NULL) {
			n = n->parent;
			if (n == NULL || n->type != XML_ELEMENT_NODE)
				return;
			leave_elem(w, n);
		}
		n = n->next;
	}
}

static void
walk_init(struct ml_walk *w, struct doc *d, xmlDocPtr doc, int html)
{
	memset(w, 0, sizeof(*w));
	w->d = d;
	w->doc = doc;
	w->html = html;
	strip_out_init(&w->so, d);
	w->so.s = strip_sanitized(d);
	w->so.flags = STRIP_MARKUP | STRIP_FOLD_BLANK;
}

/* libxml2 reports through callbacks; keep the first error, print nothing. */
struct ml_err {
	int line;
	char msg[160];
};

static void
on_error(void *ctx, xmlErrorPtr e)
{
	struct ml_err *err = ctx;
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR || err->msg[0] != '\0')
		return;
	err->line = e->line;
	if (e->code == XML_ERR_ENTITY_LOOP)
		snprintf(err->msg, sizeof(err->msg), "entity expansion "
		    "refused (an entity reference loop or bomb)");
	else
		snprintf(err->msg, sizeof(err->msg), "%s",
		    e->message ? e->message : "parse error");
	n = strlen(err->msg);
	while (n > 0 && (err->msg[n - 1] == '\n' || err->msg[n - 1] == ' '))
		err->msg[--n] = '\0';
}

static void
on_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static int
vocab_of(xmlNodePtr root)
{
	const char *name;

	if (root == NULL)
		return VOCAB_ALL;
	name = (const char *)root->name;
	if (strcmp(name, "nitf") == 0)
		return VOCAB_NITF;
	if (strcmp(name, "newsItem") == 0 || strcmp(name, "newsMessage") == 0 ||
	    strcmp(name, "packageItem") == 0)
		return VOCAB_G2;
	if (strcmp(name, "html") == 0)
		return VOCAB_XHTML;
	return VOCAB_ALL;
}

/* An entity whose value refers to other entities: refuse the document. */
static const xmlChar *
nested_entity(xmlDocPtr doc)
{
	xmlNodePtr n;

	if (doc == NULL || doc->intSubset == NULL)
		return NULL;
	for (n = doc->intSubset->children; n != NULL; n = n->next) {
		xmlEntityPtr e = (xmlEntityPtr)n;

		if (n->type == XML_ENTITY_DECL && e->content != NULL &&
		    strchr((const char *)e->content, '&') != NULL)
			return e->name;
	}
	return NULL;
}

/* 1-based line of the declaration of entity name, for the message. */
static size_t
decl_line(const struct doc *d, const xmlChar *name)
{
	const char *p = d->src, *end = d->src + d->srclen, *hit;
	size_t n = strlen((const char *)name), line = 1;

	while ((hit = memmem(p, (size_t)(end - p), "<!ENTITY", 8)) != NULL) {
		const char *q = hit + 8;

		while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' ||
		    *q == '\r'))
			q++;
		if ((size_t)(end - q) > n && memcmp(q, name, n) == 0 &&
		    strchr(" \t\r\n", q[n]) != NULL)
			break;
		p = hit + 8;
	}
	if (hit == NULL)
		return 1;
	for (p = d->src; p < hit; p++)
		line += *p == '\n';
	return line;
}

/*
 * Parses d with libxml2's HTML or XML parser.  XML that is not well formed
 * yields NULL with the first error in *err.
 */
static xmlDocPtr
parse(struct doc *d, int html, struct ml_err *err)
{
	const char *s = strip_sanitized(d);
	xmlDocPtr doc;

	xmlSetStructuredErrorFunc(err, on_error);
	xmlSetGenericErrorFunc(NULL, on_generic);
	if (html) {
		htmlParserCtxtPtr ctxt = htmlNewParserCtxt();

		if (ctxt == NULL)
			xdie_oom();
		/*
		 * "UTF-8" overrides <meta charset>: offsets are into s.  HUGE
		 * lifts the 256-element depth limit past which the HTML
		 * parser drops text; HTML has no entity expansion to guard.
		 */
		doc = htmlCtxtReadMemory(ctxt, s, (int)d->srclen, d->path,
		    "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NONET |
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    XML_PARSE_HUGE);
		htmlFreeParserCtxt(ctxt);
	} else {
		xmlParserCtxtPtr ctxt = xmlNewParserCtxt();

		if (ctxt == NULL)
			xdie_oom();
		/*
		 * No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE:
		 * entities stay references, nothing external is loaded, and
		 * libxml2's own amplification limits stay on.
		 */
		doc = xmlCtxtReadMemory(ctxt, s, (int)d->srclen, d->path,
		    "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
		    XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
		if (!ctxt->wellFormed) {
			xmlFreeDoc(doc);
			doc = NULL;
		}
		xmlFreeParserCtxt(ctxt);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	return doc;
}

static int
strip_ml(struct doc *d, int html)
{
	struct ml_walk w;
	struct ml_err err = { 0, "" };
	const xmlChar *bomb;
	xmlDocPtr doc;

	if (d->srclen > INT32_MAX) {
		fprintf(stderr, "copydesk: %s:1: file too large for the "
		    "markup parser\n", d->path);
		return -1;
	}
	doc = parse(d, html, &err);
	if (!html && doc == NULL) {
		fprintf(stderr, "copydesk: %s:%d: not well-formed XML: %s\n",
		    d->path, err.line > 0 ? err.line : 1,
		    err.msg[0] ? err.msg : "parse error");
		return -1;
	}
	bomb = html ? NULL : nested_entity(doc);
	if (bomb != NULL) {
		fprintf(stderr, "copydesk: %s:%zu: entity '%s' refers to other "
		    "entities; document refused (entity expansion attack?)\n",
		    d->path, decl_line(d, bomb), (const char *)bomb);
		xmlFreeDoc(doc);
		return -1;
	}
	walk_init(&w, d, doc, html);
	if (!html)
		w.vocab = vocab_of(xmlDocGetRootElement(doc));
	if (doc != NULL)
		walk(&w, doc->children);
	strip_out_finish(&w.so);
	xmlFreeDoc(doc);
	return 0;
}

int
strip_html(struct doc *d)
{
	return strip_ml(d, 1);
}

int
strip_xml(struct doc *d)
{
	return strip_ml(d, 0);
}
