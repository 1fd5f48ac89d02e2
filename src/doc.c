/* doc.c: reading drafts and mapping byte offsets to lines and columns. */
#include "doc.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strip_cuts.h"
#include "utf8.h"
#include "xalloc.h"

/* An empty document named display, with the per-document memory cap. */
static struct doc *
doc_alloc(const char *display)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	const char *env = getenv("COPYDESK_MAX_DOC_MEMORY");

	arena_init(&d->arena);
	d->arena.limit = DOC_MAX_MEMORY;
	if (env != NULL && *env >= '0' && *env <= '9')
		d->arena.limit = (size_t)strtoull(env, NULL, 10);
	posmap_init(&d->pm);
	d->part = DOC_PART_FIRST | DOC_PART_LAST;
	d->path = arena_strndup(&d->arena, display, strlen(display));
	d->fmt = doc_format_of(display);
	return d;
}

struct doc *
doc_new(const char *display, const char *s, size_t n)
{
	struct doc *d = doc_alloc(display);
	char *copy;

	copy = arena_alloc(&d->arena, xst_add(n, 1));
	if (n)
		memcpy(copy, s, n);
	copy[n] = '\0';
	d->src = copy;
	d->srclen = n;
	return d;
}

/*
 * Reads fd to the end into d's arena, sizing the buffer from hint (the
 * file size, 0 if unknown).  The bytes go straight into the arena (no
 * second copy), and a pipe's buffer grows in place.  Returns NULL, or why
 * it failed.
 */
static const char *
read_all(struct doc *d, int fd, size_t hint)
{
	size_t len = 0, cap = hint + 1 > 65536 ? hint + 1 : 65536;
	char *p;

	if (hint > DOC_MAX_SIZE)
		return "file is larger than the DOC_MAX_SIZE limit (1 GiB)";
	p = arena_alloc(&d->arena, cap);
	for (;;) {
		ssize_t r;

		if (len + 1 >= cap) {
			if (len >= DOC_MAX_SIZE)
				return "file is larger than the DOC_MAX_SIZE "
				    "limit (1 GiB)";
			arena_grow(&d->arena, (void **)&p, &cap, 1, cap + 1);
		}
		r = read(fd, p + len, cap - 1 - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return strerror(errno);
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (len > DOC_MAX_SIZE)
		return "file is larger than the DOC_MAX_SIZE limit (1 GiB)";
	p[len] = '\0';
	d->src = p;
	d->srclen = len;
	return NULL;
}

/* read_all, failing with a message when over the document memory cap. */
static const char *
read_capped(struct doc *d, int fd, size_t hint)
{
	jmp_buf bail;
	const char *why;

	if (setjmp(bail) != 0) {
		d->arena.bail = NULL;
		return "the file needs more than the per-document memory "
		    "limit (DOC_MAX_MEMORY)";
	}
	d->arena.bail = &bail;
	why = read_all(d, fd, hint);
	d->arena.bail = NULL;
	return why;
}

struct doc *
doc_read(const char *path, const char *display)
{
	const char *why = NULL;
	struct stat st;
	struct doc *d;
	size_t hint = 0;
	int fd;

	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "copydesk: cannot read '%s': %s\n",
			    path, strerror(errno));
			return NULL;
		}
	}
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr,
			    "copydesk: cannot read '%s': is a directory\n",
			    path);
			close(fd);
			return NULL;
		}
		if (S_ISREG(st.st_mode))
			hint = (uintmax_t)st.st_size > DOC_MAX_SIZE ?
			    DOC_MAX_SIZE + 1 : (size_t)st.st_size;
	}
	d = doc_alloc(display);
	why = read_capped(d, fd, hint);
	if (fd != STDIN_FILENO)
		close(fd);
	if (why != NULL) {
		fprintf(stderr, "copydesk: cannot read '%s': %s\n",
		    strcmp(path, "-") == 0 ? display : path, why);
		doc_free(d);
		return NULL;
	}
	return d;
}

size_t
doc_part_size(void)
{
	const char *env = getenv("COPYDESK_PART_SIZE");
	size_t n;

	if (env != NULL && *env >= '0' && *env <= '9' &&
	    (n = (size_t)strtoull(env, NULL, 10)) >= 16)
		return n;
	return DOC_PART_SIZE;
}

/* Where to end a part within the more than size bytes at p (doc.h). */
static size_t
parts_cut(const char *p, size_t size)
{
	size_t i, half = size / 2;

	for (i = size; i > half; i--)	/* after a blank line */
		if (p[i - 1] == '\n' && (p[i - 2] == '\n' ||
		    (p[i - 2] == '\r' && i >= 3 && p[i - 3] == '\n')))
			return i;
	for (i = size; i > half; i--)	/* after a newline */
		if (p[i - 1] == '\n')
			return i;
	for (i = size; i > half; i--)	/* after a space: a huge line */
		if (p[i - 1] == ' ' || p[i - 1] == '\t')
			return i;
	for (i = size; i > size - 4; i--)	/* not inside a character */
		if (((unsigned char)p[i] & 0xC0) != 0x80)
			return i;
	return size;
}

/* Reads up to n bytes at off into p, all of them unless the file ends. */
static ssize_t
read_at(int fd, char *p, size_t n, off_t off)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = pread(fd, p + got, n - got, off + (off_t)got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* Lines in the n bytes at p. */
static size_t
count_newlines(const char *p, size_t n)
{
	const char *e = p + n, *q;
	size_t k = 0;

	while ((q = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		k++;
		p = q + 1;
	}
	return k;
}

/*
 * Appends the part [off, off + len), which starts after line lines and ch
 * code points, to *r, which holds *n of *cap.
 */
static void
parts_add(struct doc_range **r, size_t *n, size_t *cap, size_t off,
    size_t len, size_t line, size_t ch)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*r = xrealloc(*r, xst_mult(*cap, sizeof(**r)));
	}
	memset(&(*r)[*n], 0, sizeof(**r));
	(*r)[*n].off = off;
	(*r)[*n].len = len;
	(*r)[*n].line_base = line;
	(*r)[*n].char_base = ch;
	(*r)[*n].part = *n == 0 ? DOC_PART_FIRST : 0;
	(*n)++;
}

/* The parts of a plain-text file (doc_parts_plan); 0 on a read error. */
static size_t
plan_text(int fd, size_t part_size, struct doc_range **out)
{
	struct doc_range *r = NULL;
	size_t n = 0, cap = 0, line = 0, ch = 0, col = 0, len = 0;
	off_t off = 0;
	char *buf = xmalloc(part_size + 1);

	for (;;) {
		ssize_t got = read_at(fd, buf + len, part_size + 1 - len,
		    off + (off_t)len);
		const char *last;
		size_t cut, head, tail;

		if (got < 0) {
			free(r);
			r = NULL;
			n = 0;
			break;
		}
		len += (size_t)got;
		cut = len <= part_size ? len : parts_cut(buf, part_size);
		parts_add(&r, &n, &cap, (size_t)off, cut, line, ch);
		r[n - 1].col_base = col;
		/* one count of each code point: before and after the last line */
		last = memrchr(buf, '\n', cut);
		head = last ? (size_t)(last - buf) + 1 : 0;
		tail = utf8_count(buf + head, cut - head);
		line += count_newlines(buf, head);
		ch += utf8_count(buf, head) + tail;
		col = last ? tail : col + tail;
		if (cut == len)
			break;
		memmove(buf, buf + cut, len - cut);
		len -= cut;
		off += (off_t)cut;
	}
	free(buf);
	*out = r;
	return n;
}

/* Parts being planned: those done, the open one, where the next may start. */
struct plan {
	struct doc_range *r;
	size_t n, cap;
	size_t start, sline, sch;	/* the open part: offset and bases */
	size_t cand, cline, cch;	/* the last place a part may start */
};

/* Ends the open part at off, before line line and code point ch. */
static void
plan_end(struct plan *p, size_t off, size_t line, size_t ch)
{
	parts_add(&p->r, &p->n, &p->cap, p->start, off - p->start, p->sline,
	    p->sch);
	p->start = off;
	p->sline = line;
	p->sch = ch;
}

/*
 * A part may start at off: end the open one at the last such place in its
 * second half, else here, once it is larger than part_size.
 */
static void
plan_may_cut(struct plan *p, size_t part_size, size_t off, size_t line,
    size_t ch)
{
	if (off - p->start > part_size &&
	    p->cand > p->start + part_size / 2)
		plan_end(p, p->cand, p->cline, p->cch);
	if (off - p->start > part_size)
		plan_end(p, off, line, ch);
	p->cand = off;
	p->cline = line;
	p->cch = ch;
}

/* Gives every part a copy of the Markdown reference definitions. */
static void
plan_refs(struct plan *p, const struct strip_cuts *sc)
{
	size_t len, i;
	const char *refs = strip_cuts_refs(sc, &len);
	char *copy;

	if (p->n == 0 || len == 0)
		return;
	/* after the parts, so that one free releases both */
	p->r = xrealloc(p->r, xst_add(xst_mult(p->n, sizeof(*p->r)), len));
	copy = (char *)(p->r + p->n);
	memcpy(copy, refs, len);
	for (i = 0; i < p->n; i++) {
		p->r[i].refs = copy;
		p->r[i].nrefs = len;
	}
}

/*
 * The parts of a Markdown or HTML file (doc_parts_plan), read a line at a
 * time: each may start where strip_cuts allows.  0 on a read error or
 * when there is no place to cut.
 */
static size_t
plan_markup(int fd, enum doc_format fmt, size_t part_size,
    struct doc_range **out)
{
	struct plan p;
	struct strip_cuts sc;
	size_t bcap = 65536, len = 0, pos = 0, line = 0, ch = 0;
	off_t boff = 0;		/* file offset of buf */
	char *buf = xmalloc(bcap);
	int eof = 0, failed = 0;

	memset(&p, 0, sizeof(p));
	strip_cuts_init(&sc, (int)fmt);
	while (!failed) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t le, off = (size_t)boff + pos;
		ssize_t got;

		if (nl == NULL && eof && pos == len)
			break;
		if (nl == NULL && !eof) {	/* read on; keep the line */
			memmove(buf, buf + pos, len - pos);
			boff += (off_t)pos;
			len -= pos;
			pos = 0;
			if (len == bcap) {
				bcap = xst_mult(bcap, 2);
				buf = xrealloc(buf, bcap);
			}
			got = read_at(fd, buf + len, bcap - len,
			    boff + (off_t)len);
			failed = got < 0;
			eof = got == 0;
			len += got > 0 ? (size_t)got : 0;
			continue;
		}
		le = nl ? (size_t)(nl - buf) + 1 : len;
		if (strip_cuts_line(&sc, buf + pos, le - pos) && off > p.start)
			plan_may_cut(&p, part_size, off, line, ch);
		ch += utf8_count(buf + pos, le - pos);
		line += nl != NULL;
		pos = le;
	}
	if (!failed && p.n > 0)
		plan_end(&p, (size_t)boff + len, line, ch);
	if (failed || p.n < 2) {	/* read whole (doc_read says why) */
		free(p.r);
		p.r = NULL;
		p.n = 0;
	}
	plan_refs(&p, &sc);
	strip_cuts_release(&sc);
	free(buf);
	*out = p.r;
	return p.n;
}

size_t
doc_parts_plan(const char *path, enum doc_format fmt, size_t part_size,
    struct doc_range **out)
{
	struct stat st;
	size_t n;
	int fd;

	*out = NULL;
	if (fmt == DOC_XML || strcmp(path, "-") == 0 || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode) || (uintmax_t)st.st_size <= part_size ||
	    (fd = open(path, O_RDONLY)) < 0)
		return 0;		/* read whole; doc_read says what fails */
	if (fmt == DOC_TXT)
		n = plan_text(fd, part_size, out);
	else
		n = plan_markup(fd, fmt, part_size, out);
	if (n > 0)
		(*out)[n - 1].part |= DOC_PART_LAST;
	close(fd);
	return n;
}

struct doc *
doc_read_range(const char *path, const char *display,
    const struct doc_range *r)
{
	struct doc *d = doc_alloc(display);
	const char *why = NULL;
	char *p;
	ssize_t got;
	int fd = open(path, O_RDONLY);

	d->part = r->part;
	d->line_base = r->line_base;
	d->off_base = r->off;
	d->char_base = r->char_base;
	d->col_base = r->col_base;
	d->refs = r->refs;
	d->nrefs = r->nrefs;
	if (fd < 0) {
		why = strerror(errno);
	} else {
		p = arena_alloc(&d->arena, r->len + 1);
		got = read_at(fd, p, r->len, (off_t)r->off);
		if (got < 0)
			why = strerror(errno);
		else if ((size_t)got != r->len)
			why = "the file changed while it was being read";
		p[got > 0 ? (size_t)got : 0] = '\0';
		d->src = p;
		d->srclen = got > 0 ? (size_t)got : 0;
		close(fd);
	}
	if (why != NULL) {
		fprintf(stderr, "copydesk: cannot read '%s': %s\n", path, why);
		doc_free(d);
		return NULL;
	}
	return d;
}

void
doc_free(struct doc *d)
{
	size_t total;
	unsigned part;

	if (d == NULL)
		return;
	total = d->arena.total;
	part = d->part;
	arena_release(&d->arena);
	free(d);
#ifdef __GLIBC__
	/*
	 * glibc keeps freed heap memory in each thread's malloc arena; after
	 * a large document give it back, or with -j the peak grows with the
	 * number of files instead of staying at one document per worker.
	 */
	if (total > DOC_TRIM_BYTES && (part & DOC_PART_LAST))
		malloc_trim(0);		/* a next part would reuse it */
#endif
}

static void
build_lines(struct doc *d)
{
	const char *p, *end = d->src + d->srclen;
	size_t n = 1, k = 0;

	/* memchr both times: a byte loop cost 6 instructions a byte */
	for (p = d->src; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		n++;
	d->lines = arena_alloc(&d->arena, xst_mult(n, sizeof(size_t)));
	d->lines[k++] = 0;
	for (p = d->src; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		d->lines[k++] = (size_t)(p - d->src) + 1;
	d->nlines = k;
	d->lc_off = 0;
	d->lc_line = 1;
	d->lc_col = 1;
}

void
doc_linecol(struct doc *d, size_t off, size_t *line, size_t *col)
{
	size_t lo, hi, start;

	if (d->lines == NULL)
		build_lines(d);
	if (off > d->srclen)
		off = d->srclen;
	/* continue from the cursor when off is later on the same line */
	if (off >= d->lc_off && (d->lc_line >= d->nlines ||
	    off < d->lines[d->lc_line])) {
		*col = d->lc_col + utf8_count(d->src + d->lc_off,
		    off - d->lc_off);
		*line = d->lc_line;
	} else {
		lo = 0;
		hi = d->nlines;
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;

			if (d->lines[mid] <= off)
				lo = mid;
			else
				hi = mid;
		}
		start = d->lines[lo];
		*line = lo + 1;
		*col = 1 + utf8_count(d->src + start, off - start);
	}
	d->lc_off = off;
	d->lc_line = *line;
	d->lc_col = *col;
	if (*line == 1)
		*col += d->col_base;
	*line += d->line_base;
}

size_t
doc_line_start(struct doc *d, size_t line)
{
	if (d->lines == NULL)
		build_lines(d);
	if (line == 0)
		return 0;
	return line <= d->nlines ? d->lines[line - 1] : d->srclen;
}

enum doc_format
doc_format_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return DOC_TXT;
	dot++;
	if (strcasecmp(dot, "md") == 0 || strcasecmp(dot, "markdown") == 0)
		return DOC_MD;
	if (strcasecmp(dot, "html") == 0 || strcasecmp(dot, "htm") == 0)
		return DOC_HTML;
	if (strcasecmp(dot, "xml") == 0)
		return DOC_XML;
	return DOC_TXT;
}

static const char *const format_names[] = { "txt", "md", "html", "xml" };

const char *
doc_format_name(enum doc_format f)
{
	return format_names[f];
}

int
doc_format_parse(const char *name)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(name, format_names[i]) == 0)
			return i;
	if (strcmp(name, "text") == 0 || strcmp(name, "plain") == 0)
		return DOC_TXT;
	if (strcmp(name, "markdown") == 0)
		return DOC_MD;
	return -1;
}
