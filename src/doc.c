/* doc.c: reading drafts and mapping byte offsets to lines and columns. */
#include "doc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"
#include "xalloc.h"

struct doc *
doc_new(const char *display, const char *s, size_t n)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	char *copy;

	arena_init(&d->arena);
	posmap_init(&d->pm);
	d->path = arena_strndup(&d->arena, display, strlen(display));
	copy = arena_alloc(&d->arena, xst_add(n, 1));
	if (n)
		memcpy(copy, s, n);
	copy[n] = '\0';
	d->src = copy;
	d->srclen = n;
	d->fmt = doc_format_of(display);
	return d;
}

static int
read_all(int fd, char **out, size_t *outlen, const char **why)
{
	size_t len = 0, cap = 65536;
	char *p = xmalloc(cap);

	for (;;) {
		ssize_t r;

		if (len == cap) {
			if (cap > DOC_MAX_SIZE) {
				free(p);
				*why = "file is larger than the 1 GiB limit";
				return -1;
			}
			cap = xst_mult(cap, 2);
			p = xrealloc(p, cap);
		}
		r = read(fd, p + len, cap - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*why = strerror(errno);
			free(p);
			return -1;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (len > DOC_MAX_SIZE) {
		free(p);
		*why = "file is larger than the 1 GiB limit";
		return -1;
	}
	*out = p;
	*outlen = len;
	return 0;
}

struct doc *
doc_read(const char *path, const char *display)
{
	const char *why = NULL;
	struct stat st;
	struct doc *d;
	char *bytes;
	size_t len;
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
		if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			fprintf(stderr,
			    "copydesk: cannot read '%s': is a directory\n",
			    path);
			close(fd);
			return NULL;
		}
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    (uintmax_t)st.st_size > DOC_MAX_SIZE) {
			fprintf(stderr, "copydesk: cannot read '%s': file is "
			    "larger than the 1 GiB limit\n", path);
			close(fd);
			return NULL;
		}
	}
	if (read_all(fd, &bytes, &len, &why) < 0) {
		fprintf(stderr, "copydesk: cannot read '%s': %s\n",
		    strcmp(path, "-") == 0 ? display : path, why);
		if (fd != STDIN_FILENO)
			close(fd);
		return NULL;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	d = doc_new(display, bytes, len);
	free(bytes);
	return d;
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	arena_release(&d->arena);
	free(d);
}

static void
build_lines(struct doc *d)
{
	size_t i, n = 1, k = 0;
	const char *p;

	for (p = d->src; (p = memchr(p, '\n', d->srclen -
	    (size_t)(p - d->src))) != NULL; p++)
		n++;
	d->lines = arena_alloc(&d->arena, xst_mult(n, sizeof(size_t)));
	d->lines[k++] = 0;
	for (i = 0; i < d->srclen; i++)
		if (d->src[i] == '\n')
			d->lines[k++] = i + 1;
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
