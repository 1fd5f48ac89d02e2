/* strip_cuts.c: where a large Markdown or HTML file may be cut into parts. */
#include "strip_cuts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "xalloc.h"

/*
 * Bytes of rule names the suppression switches may hold before they are
 * freed (when none is open): a file of many switches stays in bounds.
 */
#define STRIP_CUTS_SCRATCH (1 << 20)

/* HTML elements whose text strip_html skips, reads raw or quotes. */
static const char *const special_elems[] = {
	"script", "style", "code", "pre", "template", "noscript", "textarea",
	"svg", "math", "xmp", "noembed", "noframes", "plaintext", "head", "q",
	NULL
};
/* HTML elements that have no end tag. */
static const char *const void_elems[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
	"meta", "param", "source", "track", "wbr", "keygen", NULL
};
/* HTML block elements a part may start with. */
static const char *const cut_elems[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
	"table", "blockquote", "section", "article", "figure", "header",
	"footer", "aside", "hr", "main", "address", "form", "details", "nav",
	NULL
};

static int
in_names(const char *const *list, const char *name)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (list[i][0] == name[0] && strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

/* The first place of needle (lowercase) in p[0, n), any case; or NULL. */
static const char *
find_ci(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if ((p[i] | 0x20) == needle[0] && strncasecmp(p + i, needle,
		    k) == 0)
			return p + i;
	return NULL;
}

/* Does [p, e) start with word (lowercase), in any case? */
static int
starts_ci(const char *p, const char *e, const char *word)
{
	size_t k = strlen(word);

	return (size_t)(e - p) >= k && strncasecmp(p, word, k) == 0;
}

void
strip_cuts_init(struct strip_cuts *c, int fmt)
{
	memset(c, 0, sizeof(*c));
	c->fmt = fmt;
	c->scratch = doc_new("", "", 0);
	strip_out_init(&c->so, c->scratch);
}

void
strip_cuts_release(struct strip_cuts *c)
{
	doc_free(c->scratch);
	free(c->body);
	free(c->refs);
	c->scratch = NULL;
	c->body = c->refs = NULL;
}

const char *
strip_cuts_refs(const struct strip_cuts *c, size_t *n)
{
	*n = c->nrefs;
	return c->refs;
}

static int
supp_open(const struct strip_cuts *c)
{
	return c->stuck || c->so.off_start != SIZE_MAX || c->so.nopen > 0;
}

static void
append(char **buf, size_t *len, size_t *cap, const char *p, size_t n)
{
	if (*len + n > *cap) {
		*cap = xst_add(*len, n) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, p, n);
	*len += n;
}

/* A comment ends: read it as strip_comment would (positions unused). */
static void
comment_end(struct strip_cuts *c, int over)
{
	const char *p = c->body, *e = c->body + c->nbody;

	if (over) {
		/* cut off: only a switch that cannot be read matters */
		while (p < e && (strip_is_ws((unsigned char)*p) || *p == ','))
			p++;
		if (starts_ci(p, e, "copydesk") || starts_ci(p, e, "vale"))
			c->stuck = 1;
		return;
	}
	strip_comment(&c->so, c->body, c->nbody, 0, 1);
	/*
	 * A "<!--" that started no comment (in code, say) runs on into the
	 * next one here; a reader that starts past it sees that one alone.
	 */
	p = c->body;
	while ((e = memmem(p, c->nbody - (size_t)(p - c->body), "<!--", 4)) !=
	    NULL)
		p = e + 4;
	if (p != c->body)
		strip_comment(&c->so, p, c->nbody - (size_t)(p - c->body), 0,
		    1);
	if (!supp_open(c) && c->scratch->arena.total > STRIP_CUTS_SCRATCH) {
		/* the names of rules switched back on: free them */
		doc_free(c->scratch);
		c->scratch = doc_new("", "", 0);
		strip_out_init(&c->so, c->scratch);
	}
}

/*
 * Reads the n bytes at p inside a comment, up to and including "-->";
 * returns how many it used.
 */
static size_t
comment_feed(struct strip_cuts *c, const char *p, size_t n)
{
	const char *e = memmem(p, n, "-->", 3);
	size_t k = e ? (size_t)(e - p) : n;
	size_t room = STRIP_CUTS_MAX_COMMENT - c->nbody;

	if (k > room)
		c->body_over = 1;
	append(&c->body, &c->nbody, &c->capbody, p, k < room ? k : room);
	if (e == NULL)
		return n;
	comment_end(c, c->body_over);
	c->in_comment = 0;
	c->nbody = 0;
	c->body_over = 0;
	return k + 3;
}

/* The first "<!--" in the n bytes at p, or NULL (memchr is the fast part). */
static const char *
comment_start(const char *p, size_t n)
{
	const char *e = p + n, *q;

	while ((q = memchr(p, '<', (size_t)(e - p))) != NULL) {
		if (e - q >= 4 && memcmp(q, "<!--", 4) == 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

/* Every comment in the n bytes at p (Markdown: any line may hold one). */
static void
comments_in(struct strip_cuts *c, const char *p, size_t n)
{
	while (n > 0) {
		const char *a;
		size_t k;

		if (c->in_comment) {
			k = comment_feed(c, p, n);
			p += k;
			n -= k;
			continue;
		}
		a = comment_start(p, n);
		if (a == NULL)
			return;
		c->in_comment = 1;
		c->nbody = 0;
		n -= (size_t)(a - p) + 4;
		p = a + 4;
	}
}

/* Markdown */

/* Does line p (n bytes, no newline) start a list item? */
static int
list_marker(const char *p, size_t n)
{
	size_t i = 0;

	if (n > 0 && (p[0] == '-' || p[0] == '+' || p[0] == '*'))
		return n == 1 || p[1] == ' ' || p[1] == '\t';
	while (i < n && i < 9 && p[i] >= '0' && p[i] <= '9')
		i++;
	if (i == 0 || i >= n || (p[i] != '.' && p[i] != ')'))
		return 0;
	return i + 1 == n || p[i + 1] == ' ' || p[i + 1] == '\t';
}

/* Length of the run of ch at p, at most n. */
static size_t
run_of(const char *p, size_t n, char ch)
{
	size_t i = 0;

	while (i < n && p[i] == ch)
		i++;
	return i;
}

/* Does q (n bytes, indentation removed) open a fenced code block? */
static int
fence_open(struct strip_cuts *c, const char *q, size_t n)
{
	size_t k;

	if (n < 3 || (q[0] != '`' && q[0] != '~'))
		return 0;
	k = run_of(q, n, q[0]);
	if (k < 3 || (q[0] == '`' && memchr(q + k, '`', n - k) != NULL))
		return 0;
	c->fence_ch = q[0];
	c->fence_len = k;
	return 1;
}

/* Does line p (n bytes) close the open fence? */
static int
fence_close(const struct strip_cuts *c, const char *p, size_t n)
{
	size_t i = 0, k;

	while (i < n && i < 4 && p[i] == ' ')
		i++;
	if (i > 3)
		return 0;
	k = run_of(p + i, n - i, c->fence_ch);
	if (k < c->fence_len)
		return 0;
	for (i += k; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return 0;
	return 1;
}

/*
 * CommonMark HTML blocks of kinds 1 to 5, which run past blank lines until
 * an end marker ("raw" stands for any of the kind-1 end tags).  Kinds 6
 * and 7 end at a blank line, before any cut, so they are not followed.
 */
static const char *const raw_end[] = {
	"</script>", "</pre>", "</style>", "</textarea>", NULL
};

static int
html_block_ended(const char *p, size_t n, const char *end)
{
	size_t i;

	if (strcmp(end, "raw") != 0)
		return find_ci(p, n, end) != NULL;
	for (i = 0; raw_end[i] != NULL; i++)
		if (find_ci(p, n, raw_end[i]) != NULL)
			return 1;
	return 0;
}

static void
html_block_open(struct strip_cuts *c, const char *q, size_t n)
{
	static const char *const raw_start[] = {
		"<script", "<pre", "<style", "<textarea", NULL
	};
	const char *end = NULL;
	size_t i, k;

	if (n < 2 || q[0] != '<')
		return;
	if (n >= 9 && memcmp(q, "<![CDATA[", 9) == 0)
		end = "]]>";
	else if (n >= 4 && memcmp(q, "<!--", 4) == 0)
		end = "-->";
	else if (q[1] == '?')
		end = "?>";
	else if (q[1] == '!' && n >= 3 && ((q[2] | 0x20) >= 'a' &&
	    (q[2] | 0x20) <= 'z'))
		end = ">";
	for (i = 0; end == NULL && raw_start[i] != NULL; i++) {
		k = strlen(raw_start[i]);
		if (n >= k && strncasecmp(q, raw_start[i], k) == 0 &&
		    (n == k || q[k] == ' ' || q[k] == '\t' || q[k] == '>'))
			end = "raw";
	}
	if (end != NULL && !html_block_ended(q, n, end))
		c->html_end = end;
}

/* Is p (n bytes, no newline) a line of three '-' or '+' (front matter)? */
static int
front_fence(const char *p, size_t n, char ch, int dots)
{
	while (n > 3 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return n == 3 && ((p[0] == ch && p[1] == ch && p[2] == ch) ||
	    (dots && memcmp(p, "...", 3) == 0));
}

/* Copies a line of a link reference definition paragraph. */
static void
ref_line(struct strip_cuts *c, const char *p, size_t len, size_t ind,
    int blank)
{
	const char *q = p + ind;

	if (c->in_ref && blank) {
		c->in_ref = 0;
		append(&c->refs, &c->nrefs, &c->caprefs, "\n", 1);
		return;
	}
	if (!c->in_ref && c->prev_blank && ind <= 3 && len > ind &&
	    q[0] == '[' && memmem(q, len - ind, "]:", 2) != NULL &&
	    c->nrefs + len + 2 <= STRIP_CUTS_MAX_REFS)
		c->in_ref = 1;
	if (!c->in_ref)
		return;
	if (c->nrefs + len + 2 > STRIP_CUTS_MAX_REFS) {
		c->in_ref = 0;		/* the blank line still ends it */
		append(&c->refs, &c->nrefs, &c->caprefs, "\n", 1);
		return;
	}
	append(&c->refs, &c->nrefs, &c->caprefs, p, len);
	append(&c->refs, &c->nrefs, &c->caprefs, "\n", 1);
}

static int
md_line(struct strip_cuts *c, const char *p, size_t n)
{
	size_t len = n, ind = 0, i;
	int blank = 1, may;

	while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == '\r'))
		len--;
	if (c->nlines == 0 && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		p += 3;
		len -= 3;
	}
	for (i = 0; i < len && blank; i++)
		blank = p[i] == ' ' || p[i] == '\t';
	/* a part starts after a blank line, at a line no container takes */
	may = c->prev_blank && !blank && p[0] != ' ' && p[0] != '\t' &&
	    !c->front && !c->fence_ch && c->html_end == NULL &&
	    !c->in_comment && !supp_open(c) && !list_marker(p, len);
	/*
	 * A comment strip_md reads lies within one paragraph or HTML block:
	 * a "<!--" left open there starts none
	 */
	if (blank && c->html_end == NULL)
		c->in_comment = 0;
	comments_in(c, p, len);
	if (c->front) {
		if (front_fence(p, len, (char)c->front, c->front == '-')) {
			c->front = 0;
			blank = 1;	/* cmark sees blank lines there */
		}
	} else if (c->nlines == 0 && (front_fence(p, len, '-', 0) ||
	    front_fence(p, len, '+', 0))) {
		c->front = p[0];
	} else if (c->fence_ch) {
		if (fence_close(c, p, len)) {
			c->fence_ch = 0;
			c->in_comment = 0;
			blank = 1;	/* a definition may follow */
		}
	} else if (c->html_end != NULL) {
		if (html_block_ended(p, len, c->html_end))
			c->html_end = NULL;
	} else {
		while (ind < len && ind < 4 && p[ind] == ' ')
			ind++;
		if (ind <= 3 && !(ind < len && p[ind] == '\t') &&
		    !fence_open(c, p + ind, len - ind))
			html_block_open(c, p + ind, len - ind);
		else if (c->fence_ch)
			c->in_comment = 0;
		if (!c->fence_ch && c->html_end == NULL)
			ref_line(c, p, len, ind, blank);
	}
	c->prev_blank = blank;
	return may;
}

/* HTML */

/* Does line p (n bytes) start with the start tag of a cut_elems block? */
static int
block_start(const char *p, size_t n)
{
	char name[16];
	size_t i = 0, k = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i >= n || p[i] != '<')
		return 0;
	for (i++; i < n && k < sizeof(name) - 1 && (((p[i] | 0x20) >= 'a' &&
	    (p[i] | 0x20) <= 'z') || (p[i] >= '0' && p[i] <= '9')); i++)
		name[k++] = (char)(p[i] | 0x20);
	name[k] = '\0';
	if (i >= n || !(p[i] == '>' || p[i] == ' ' || p[i] == '\t' ||
	    p[i] == '\r' || p[i] == '\n' || p[i] == '/'))
		return 0;
	return k > 0 && in_names(cut_elems, name);
}

/*
 * libxml2's end-tag priorities: an end tag closes the elements above its
 * own only when none of them has a higher priority, else it is ignored.
 */
static int
end_priority(const char *name)
{
	static const struct {
		const char *name;
		int priority;
	} tab[] = {
		{ "div", 150 }, { "td", 160 }, { "th", 160 }, { "tr", 170 },
		{ "thead", 180 }, { "tbody", 180 }, { "tfoot", 180 },
		{ "table", 190 }, { "head", 200 }, { "body", 200 },
		{ "html", 220 }
	};
	size_t i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strcmp(tab[i].name, name) == 0)
			return tab[i].priority;
	return 100;
}

/* Elements that a start tag of the same name closes (libxml2 too). */
static const char *const self_closing[] = {
	"p", "li", "dt", "dd", "option", "tr", "td", "th", NULL
};

static void
end_tag(struct strip_cuts *c, const char *name)
{
	int prio;
	size_t i;

	if (c->nopen == 0)
		return;
	prio = end_priority(name);
	for (i = c->nopen; i > 0; i--) {
		if (strcmp(c->open[i - 1], name) == 0) {
			c->nopen = i - 1;
			return;
		}
		if (end_priority(c->open[i - 1]) > prio)
			return;
	}
}

/*
 * A tag's '>': open or close what it names.  Inside a skipped, hidden or
 * quoting element every element is followed, so that an end tag closes
 * what libxml2 would close.
 */
static void
tag_end(struct strip_cuts *c)
{
	const char *name = c->tag;
	size_t i;

	if (c->tag_kind == 2) {
		end_tag(c, name);
		return;
	}
	if (c->tag_kind != 1 || c->prev_tag_ch == '/' || name[0] == '\0')
		return;
	if (strcmp(name, "body") == 0) {	/* the head ends, if open */
		for (i = 0; i < c->nopen; i++)
			if (strcmp(c->open[i], "head") == 0) {
				c->nopen = i;
				break;
			}
	}
	if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)
		memcpy(c->raw, name, strlen(name) + 1);
	if (c->nopen > 0 && in_names(self_closing, name) &&
	    strcmp(c->open[c->nopen - 1], name) == 0)
		c->nopen--;
	if ((c->nopen > 0 || in_names(special_elems, name) ||
	    c->tag_hidden) && !in_names(void_elems, name)) {
		if (c->nopen == STRIP_CUTS_MAX_OPEN) {
			c->stuck = 1;
			return;
		}
		memcpy(c->open[c->nopen++], name, strlen(name) + 1);
	}
}

static int
name_char(char ch)
{
	return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ||
	    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == ':';
}

/* Reads the n bytes at p inside a tag; returns how many it used. */
static size_t
tag_feed(struct strip_cuts *c, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char ch = p[i];

		if (c->quote) {
			const char *e = memchr(p + i, c->quote, n - i);

			if (e == NULL)
				return n;
			i = (size_t)(e - p);
			c->quote = 0;
			c->prev_tag_ch = ch;
			continue;
		}
		if (!c->tag_named) {
			if (name_char(ch)) {
				if (c->ntag < sizeof(c->tag) - 1)
					c->tag[c->ntag++] = (char)(ch | 0x20);
				else
					c->ntag = sizeof(c->tag);
				continue;
			}
			c->tag_named = 1;
			c->tag[c->ntag < sizeof(c->tag) ? c->ntag : 0] = '\0';
		}
		if (ch == '>') {
			tag_end(c);
			c->in_tag = 0;
			return i + 1;
		}
		if ((ch == '"' || ch == '\'') && c->tag_kind != 0 &&
		    c->prev_tag_ch == '=') {
			c->quote = ch;
			continue;
		}
		if ((ch | 0x20) == 'h' && n - i >= 6 && strncasecmp(p + i,
		    "hidden", 6) == 0 && (i == 0 || !name_char(p[i - 1])))
			c->tag_hidden = 1;
		if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
			c->prev_tag_ch = ch;
	}
	return n;
}

static int
html_line(struct strip_cuts *c, const char *p, size_t n)
{
	int may = !c->in_tag && !c->in_comment && c->raw[0] == '\0' &&
	    c->nopen == 0 && !supp_open(c) && block_start(p, n);
	size_t i = 0;

	while (i < n) {
		const char *q;
		char next;

		if (c->in_comment) {
			i += comment_feed(c, p + i, n - i);
			continue;
		}
		if (c->raw[0] != '\0') {
			char end[10] = "</";

			memcpy(end + 2, c->raw, strlen(c->raw) + 1);
			q = find_ci(p + i, n - i, end);
			if (q == NULL)
				return may;
			c->raw[0] = '\0';
			i = (size_t)(q - p);
		}
		if (c->in_tag) {
			i += tag_feed(c, p + i, n - i);
			continue;
		}
		q = memchr(p + i, '<', n - i);
		if (q == NULL)
			break;
		i = (size_t)(q - p) + 1;
		if (n - i >= 3 && memcmp(q, "<!--", 4) == 0) {
			c->in_comment = 1;
			c->nbody = 0;
			i += 3;
			continue;
		}
		next = i < n ? p[i] : '\0';
		c->tag_kind = 1;
		if (next == '/' && i + 1 < n && ((p[i + 1] | 0x20) >= 'a' &&
		    (p[i + 1] | 0x20) <= 'z')) {
			c->tag_kind = 2;
			i++;
		} else if (next == '!' || next == '?') {
			c->tag_kind = 0;
		} else if (!((next | 0x20) >= 'a' && (next | 0x20) <= 'z')) {
			continue;	/* a '<' in text */
		}
		c->in_tag = 1;
		c->quote = 0;
		c->ntag = 0;
		c->tag_named = c->tag_kind == 0;
		c->tag[0] = '\0';
		c->tag_hidden = 0;
		c->prev_tag_ch = '<';
	}
	return may;
}

int
strip_cuts_line(struct strip_cuts *c, const char *p, size_t n)
{
	int may = c->fmt == DOC_MD ? md_line(c, p, n) : html_line(c, p, n);

	may = may && c->nlines > 0;
	c->nlines++;
	return may;
}
