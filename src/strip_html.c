/* strip_html.c: HTML and XML input via libxml2, mapped back to the source. */
#include "strip.h"

#include <setjmp.h>
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

/*
 * Limits of align_fast, which leaves a text node to strip_align when it
 * would need more: quoted attribute bytes searched for the closing quote,
 * and text bytes skipped before the node's bytes.  They must not exceed
 * strip.c's STRIP_MAX_ATTR and STRIP_MAX_SKIP, so that every case
 * align_fast decides is one where strip_align's limits do not apply.
 */
#define FAST_MAX_ATTR 1024
#define FAST_MAX_SKIP 256

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
	int clean;		/* d->src has no NUL and no invalid UTF-8 */
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

/*
 * Past the tag at q as strip_align's markup skipping finds it, or q when
 * that needs more than align_fast may decide: a tag ("<a", "</a") whose
 * quoted attribute values close within FAST_MAX_ATTR bytes and which ends
 * before limit.  Anything else ("<!--", "<![CDATA[", "<?", "]]>", a '<'
 * that starts no tag) is left to strip_align.
 */
static size_t
skip_tag(const char *s, size_t q, size_t limit)
{
	const char *e;
	size_t i, cap;
	char c;

	if (s[q] != '<' || q + 2 >= limit)
		return q;
	c = s[q + 1];
	if (c != '/' && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		return q;
	for (i = q + 2; i < limit && s[i] != '>'; i++) {
		if (s[i] == '"' || s[i] == '\'') {
			cap = limit - i - 1 < FAST_MAX_ATTR ? limit - i - 1 :
			    FAST_MAX_ATTR;
			e = memchr(s + i + 1, s[i], cap);
			if (e == NULL)
				return q;
			i = (size_t)(e - s);
		}
	}
	return i < limit ? i + 1 : q;
}

/*
 * strip_align(&w->so, lit, n, d->srclen, how) for the common cases,
 * without its second look at every byte.  The literal's bytes start at the
 * first source offset past so.cur where strip_align would try to match it,
 * with only plain tags and text that cannot start it in between, and
 * either it is plain (it has no byte that may stand for something else in
 * the source: whitespace other than ' ', '&') and starts with neither
 * markup ('<', ']') nor a space, or it is whitespace starting with a byte
 * other than ' ', which matches the source's whole whitespace run there.
 * lit is NUL-terminated at n.  Returns the literal's source offset like
 * strip_align, or SIZE_MAX when strip_align must decide; so is unchanged
 * then.
 */
static size_t
align_fast(struct ml_walk *w, const char *lit, size_t n, int plain,
    unsigned how)
{
	struct strip_out *so = &w->so;
	const char *s = so->s;
	size_t p = so->cur, limit = w->d->srclen, skipped = 0, q, nl, k;
	unsigned char c = (unsigned char)lit[0];
	int blank;

	/* strip_align would take a '<' or ']' for markup first */
	if (n == 0 || strchr(" &<]", (char)c) != NULL)
		return SIZE_MAX;
	blank = strip_is_ws(c);
	if (blank ? strspn(lit, " \t\n\r\f") < n : !plain)
		return SIZE_MAX;
	while (p < limit) {
		unsigned char b = (unsigned char)s[p];

		if (b == '<' && (k = skip_tag(s, p, limit)) > p) {
			p = k;
			continue;
		}
		/* can_start, and what strip_align skips as markup */
		if (b == c || b == '&' || b == '<' || b == ']' ||
		    (blank && strip_is_ws(b)) || ++skipped > FAST_MAX_SKIP)
			break;
		p++;
	}
	if (p >= limit)
		return SIZE_MAX;
	if (blank) {
		if (!strip_is_ws((unsigned char)s[p]))
			return SIZE_MAX;
		for (q = p, nl = 0; q < limit && strip_is_ws((unsigned char)s[q]);
		    q++)
			nl += s[q] == '\n';
		if (!(how & STRIP_ALIGN_EMIT))
			;
		else if (nl >= 2 && (so->flags & STRIP_FOLD_BLANK))
			strip_emit_repl(so, " ", 1, p, q - p);
		else
			strip_emit_clean(&w->so, w->clean, p, q - p);
		so->cur = q;
		return p;
	}
	return strip_take(so, w->clean, p, lit, n, limit, how);
}

static void
text_node(struct ml_walk *w, xmlNodePtr n)
{
	const char *t = (const char *)n->content;
	size_t len;
	unsigned how = 0;
	int plain;

	if (t == NULL)
		return;
	len = strcspn(t, "\t\n\r\f&");
	plain = t[len] == '\0';
	if (!plain)
		len += strlen(t + len);
	if (n->type == XML_CDATA_SECTION_NODE || (n->parent != NULL &&
	    w->html && in_list(raw_elems, n->parent->name)))
		how |= STRIP_ALIGN_RAW;
	if (emitting(w)) {
		how |= STRIP_ALIGN_EMIT;
		if (strspn(t, " \t\r\n") < len)
			w->nbr = 0;
	}
	if (align_fast(w, t, len, plain, how) == SIZE_MAX)
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

/*
 * walk over the document.  The tree is libxml2's, not in the arena: when
 * an arena call fails the document (arena.h), it is freed on the way to
 * the caller's handler.
 */
static void
walk_doc(struct ml_walk *w, xmlDocPtr doc)
{
	struct arena *a = &w->d->arena;
	jmp_buf *outer = a->bail, inner;

	if (outer != NULL && setjmp(inner) != 0) {
		a->bail = outer;
		xmlFreeDoc(doc);
		longjmp(*outer, 1);
	}
	if (outer != NULL)
		a->bail = &inner;
	walk(w, doc->children);
	a->bail = outer;
}

static void
walk_init(struct ml_walk *w, struct doc *d, const char *s, xmlDocPtr doc,
    int html)
{
	memset(w, 0, sizeof(*w));
	w->d = d;
	w->doc = doc;
	w->html = html;
	w->clean = s == d->src;
	strip_out_init(&w->so, d);
	w->so.s = s;
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
 * Parses d with libxml2's HTML or XML parser; s is strip_sanitized(d).  XML
 * that is not well formed yields NULL with the first error in *err.
 */
static xmlDocPtr
parse(struct doc *d, const char *s, int html, struct ml_err *err)
{
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
	const char *s;
	xmlDocPtr doc;

	if (d->srclen > INT32_MAX) {
		fprintf(stderr, "copydesk: %s:1: file too large for the "
		    "markup parser\n", d->path);
		return -1;
	}
	s = strip_sanitized(d);
	doc = parse(d, s, html, &err);
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
	walk_init(&w, d, s, doc, html);
	if (!html)
		w.vocab = vocab_of(xmlDocGetRootElement(doc));
	if (doc != NULL)
		walk_doc(&w, doc);
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
