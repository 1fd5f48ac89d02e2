/* strip_md.c: Markdown input: CommonMark via libcmark, mapped to the source. */
#include "strip.h"

#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmark.h>

#include "doc.h"
#include "xalloc.h"

/*
 * End of the YAML ("---") or TOML ("+++") front matter that starts at
 * offset base, or base when there is none.  The block ends at a line that
 * is the fence again ("..." also ends YAML).
 */
static size_t
front_matter_end(const char *s, size_t base, size_t n)
{
	const char *fence;
	size_t i, eol;

	if (n - base < 4)
		return base;
	if (memcmp(s + base, "---", 3) == 0)
		fence = "---";
	else if (memcmp(s + base, "+++", 3) == 0)
		fence = "+++";
	else
		return base;
	i = base + 3;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i >= n || s[i] != '\n')
		return base;
	for (i++; i < n; i = eol + 1) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t len;

		eol = nl ? (size_t)(nl - s) : n;
		len = eol - i;
		while (len > 3 && (s[i + len - 1] == ' ' ||
		    s[i + len - 1] == '\t' || s[i + len - 1] == '\r'))
			len--;
		if (len == 3 && (memcmp(s + i, fence, 3) == 0 ||
		    (fence[0] == '-' && memcmp(s + i, "...", 3) == 0)))
			return eol < n ? eol + 1 : n;
		if (nl == NULL)
			break;
	}
	return base;
}

/* Reads the suppression comments among the source bytes [from, to). */
static void
scan_comments(struct strip_out *so, size_t from, size_t to)
{
	while ((from = strip_next_comment(so, from, to)) != SIZE_MAX)
		continue;
}

static size_t
count_lines(const char *lit)
{
	size_t n = 0;

	for (; *lit; lit++)
		n += *lit == '\n';
	return n ? n : 1;
}

/* Is link node an autolink (<https://...>), whose text is its address? */
static int
is_autolink(cmark_node *link)
{
	cmark_node *c = cmark_node_first_child(link);
	const char *url = cmark_node_get_url(link), *t;

	if (c == NULL || cmark_node_next(c) != NULL ||
	    cmark_node_get_type(c) != CMARK_NODE_TEXT || url == NULL)
		return 0;
	t = cmark_node_get_literal(c);
	if (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, t) == 0)
		return 1;
	return strcmp(url, t) == 0;
}

struct md_walk {
	struct strip_out so;
	struct doc *d;
	size_t blk_end;		/* end of the current leaf block's lines */
	cmark_node *skip;	/* container being skipped, or NULL */
	int clean;		/* d->src has no NUL and no invalid UTF-8 */
};

/*
 * Bytes of a literal that strip_align may match against something else in
 * the source (whitespace runs, entities, escapes): a literal without them
 * that the source holds verbatim can take the fast path.
 */
static const char align_special[] = "\t\n\r\f&\\";

/*
 * strip_align(&w->so, lit, n, limit, how) for the common case, without its
 * second look at every byte: the literal, which has no byte of
 * align_special, starts at the first source offset from so.cur where
 * strip_align would try to match it (Markdown has no markup to skip).
 * Returns the literal's source offset like strip_align, or SIZE_MAX when
 * strip_align must decide; so is unchanged then.
 */
static size_t
align_fast(struct md_walk *w, const char *lit, size_t n, size_t limit,
    unsigned how)
{
	struct strip_out *so = &w->so;
	const char *s = so->s;
	unsigned char c = (unsigned char)lit[0];
	size_t p;

	if (limit > w->d->srclen)
		limit = w->d->srclen;
	if (n == 0 || n > limit)
		return SIZE_MAX;
	/* strip_align's first candidate: can_start with STRIP_ESCAPES */
	for (p = so->cur; p < limit; p++) {
		unsigned char b = (unsigned char)s[p];

		if (b == c || b == '&' || b == '\\' ||
		    (strip_is_ws(c) && strip_is_ws(b)))
			break;
	}
	return strip_take(so, w->clean, p, lit, n, limit, how);
}

/* strip_align for the NUL-terminated literal lit, trying align_fast first. */
static size_t
align(struct md_walk *w, const char *lit, size_t limit, unsigned how)
{
	size_t n = strcspn(lit, align_special), start = SIZE_MAX;

	if (lit[n] == '\0')
		start = align_fast(w, lit, n, limit, how);
	else
		n += strlen(lit + n);
	if (start == SIZE_MAX)
		start = strip_align(&w->so, lit, n, limit, how);
	return start;
}

static void
at_line(struct md_walk *w, cmark_node *n)
{
	size_t ls = doc_line_start(w->d, (size_t)cmark_node_get_start_line(n));

	if (ls > w->so.cur)
		w->so.cur = ls;
}

static void
enter_leaf_block(struct md_walk *w, cmark_node *n)
{
	int sl = cmark_node_get_start_line(n), el = cmark_node_get_end_line(n);

	at_line(w, n);
	w->blk_end = doc_line_start(w->d, (size_t)(el > sl ? el : sl) + 1);
}

static void
visit(struct md_walk *w, cmark_event_type ev, cmark_node *n)
{
	struct strip_out *so = &w->so;
	const char *lit;
	size_t start, end;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		strip_break(so, so->cur);
		if (ev == CMARK_EVENT_ENTER)
			enter_leaf_block(w, n);
		break;
	case CMARK_NODE_CODE_BLOCK:
		strip_break(so, so->cur);
		enter_leaf_block(w, n);
		so->cur = w->blk_end;
		break;
	case CMARK_NODE_HTML_BLOCK:
		strip_break(so, so->cur);
		at_line(w, n);
		end = doc_line_start(w->d, (size_t)cmark_node_get_start_line(n) +
		    count_lines(cmark_node_get_literal(n)));
		scan_comments(so, so->cur, end);
		if (end > so->cur)
			so->cur = end;
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		lit = cmark_node_get_literal(n);
		at_line(w, n);
		if (w->blk_end < so->cur)
			w->blk_end = w->d->srclen;
		start = align(w, lit, w->blk_end,
		    cmark_node_get_type(n) == CMARK_NODE_TEXT ?
		    STRIP_ALIGN_EMIT : STRIP_ALIGN_RAW);
		if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE &&
		    start != SIZE_MAX)
			scan_comments(so, start, so->cur);
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		strip_space(so, so->cur);
		break;
	case CMARK_NODE_LINK:
		if (ev == CMARK_EVENT_ENTER && is_autolink(n))
			w->skip = n;
		break;
	case CMARK_NODE_IMAGE:
		/* alt text is not copy a reader sees in the story */
		if (ev == CMARK_EVENT_ENTER)
			w->skip = n;
		break;
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_ITEM:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CUSTOM_BLOCK:
		strip_break(so, so->cur);
		break;
	default:
		break;
	}
}

/*
 * Visits the tree's nodes up to line lines.  The tree and the iterator are
 * cmark's, not in the arena: when an arena call fails the document
 * (arena.h), they are freed on the way to the caller's handler.
 */
static void
walk_tree(struct md_walk *w, cmark_node *root, size_t lines)
{
	struct arena *a = &w->d->arena;
	jmp_buf *outer = a->bail, inner;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	if (outer != NULL && setjmp(inner) != 0) {
		a->bail = outer;
		cmark_iter_free(it);
		cmark_node_free(root);
		longjmp(*outer, 1);
	}
	if (outer != NULL)
		a->bail = &inner;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (w->skip != NULL) {
			if (n == w->skip && ev == CMARK_EVENT_EXIT)
				w->skip = NULL;
			continue;
		}
		if (ev == CMARK_EVENT_ENTER && cmark_node_parent(n) == root &&
		    (size_t)cmark_node_get_start_line(n) > lines) {
			w->skip = n;
			continue;
		}
		visit(w, ev, n);
	}
	a->bail = outer;
	cmark_iter_free(it);
}

/*
 * What cmark parses: s (the n bytes from base), and for a part of a larger
 * file the file's link reference definitions after a blank line, so that
 * references resolve as in a whole read.  The definitions' lines come
 * after the part's, where visit never looks (strip_md).
 */
static const char *
parse_input(struct doc *d, const char *s, size_t base, size_t *n)
{
	char *in;

	*n = d->srclen - base;
	if (d->nrefs == 0)
		return s + base;
	in = arena_alloc(&d->arena, xst_add(xst_add(*n, d->nrefs), 2));
	memcpy(in, s + base, *n);
	memcpy(in + *n, "\n\n", 2);
	memcpy(in + *n + 2, d->refs, d->nrefs);
	*n += 2 + d->nrefs;
	return in;
}

int
strip_md(struct doc *d)
{
	struct md_walk w;
	const char *s = strip_sanitized(d), *in;
	size_t base = 0, fm = 0, inlen, lines;
	cmark_node *root;

	memset(&w, 0, sizeof(w));
	w.d = d;
	w.clean = s == d->src;
	strip_out_init(&w.so, d);
	w.so.flags = STRIP_ESCAPES;
	/* a byte-order mark and front matter only start a file */
	if ((d->part & DOC_PART_FIRST) && d->srclen >= 3 &&
	    memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		base = 3;
	if (d->part & DOC_PART_FIRST)
		fm = front_matter_end(s, base, d->srclen);
	if (fm > base) {
		/* cmark sees blank lines where the front matter was */
		char *copy = arena_alloc(&d->arena, xst_add(d->srclen, 1));
		size_t i;

		memcpy(copy, s, d->srclen);
		copy[d->srclen] = '\0';
		for (i = base; i < fm; i++)
			if (copy[i] != '\n')
				copy[i] = ' ';
		s = copy;
	}
	w.so.s = s;
	w.so.cur = fm;
	w.blk_end = d->srclen;
	in = parse_input(d, s, base, &inlen);
	/* the part's own lines; blocks past them are the definitions' */
	lines = SIZE_MAX;
	if (d->nrefs > 0) {
		doc_line_start(d, 1);	/* builds d->lines */
		lines = d->nlines;
	}
	root = cmark_parse_document(in, inlen, CMARK_OPT_DEFAULT);
	if (root == NULL)
		xdie_oom();
	walk_tree(&w, root, lines);
	cmark_node_free(root);
	strip_out_finish(&w.so);
	return 0;
}
