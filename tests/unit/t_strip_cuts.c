/* t_strip_cuts.c: Markdown and HTML parts strip exactly as the whole file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "finding.h"
#include "harness.h"
#include "strip.h"

/* What a stripped document says, in file offsets: each visible byte. */
struct seen {
	char *c;
	size_t *off;
	size_t n, cap;
	size_t supp[256];
	size_t nsupp;
};

static void
see(struct seen *s, struct doc *d)
{
	size_t t;

	for (t = 0; t < d->textlen; t++) {
		char c = d->text[t];

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
			continue;	/* a part boundary adds breaks */
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 4096;
			s->c = realloc(s->c, s->cap);
			s->off = realloc(s->off, s->cap * sizeof(size_t));
		}
		s->c[s->n] = c;
		s->off[s->n++] = d->off_base + posmap_start(&d->pm, t);
	}
	for (t = 0; t < d->nsupps && s->nsupp + 2 <= 256; t++) {
		s->supp[s->nsupp++] = d->off_base + d->supps[t].start;
		s->supp[s->nsupp++] = d->off_base + d->supps[t].end;
	}
}

static int
same(const struct seen *a, const struct seen *b)
{
	return a->n == b->n && memcmp(a->c, b->c, a->n) == 0 &&
	    memcmp(a->off, b->off, a->n * sizeof(size_t)) == 0 &&
	    a->nsupp == b->nsupp &&
	    memcmp(a->supp, b->supp, a->nsupp * sizeof(size_t)) == 0;
}

/* Strips the file at path whole and in parts; returns the parts' number. */
static size_t
compare(const char *path, size_t part, int *equal)
{
	struct seen whole = { 0 }, parts = { 0 };
	struct doc_range *r;
	struct doc *d;
	size_t i, n;

	d = doc_read(path, path);
	strip_run(d);
	see(&whole, d);
	doc_free(d);
	n = doc_parts_plan(path, doc_format_of(path), part, &r);
	for (i = 0; i < n; i++) {
		d = doc_read_range(path, path, &r[i]);
		strip_run(d);
		see(&parts, d);
		doc_free(d);
	}
	*equal = n == 0 || same(&whole, &parts);
	free(r);
	free(whole.c);
	free(whole.off);
	free(parts.c);
	free(parts.off);
	return n;
}

static const char *const para[] = {
	"The council is expected to vote on the plan, officials said.",
	"\xE2\x80\x9CWe will not wait,\xE2\x80\x9D Mayor Ana Pe\xC3\xB1" "a said.",
	"It could [happen][r1], see [the report][r2] and [r3].",
	"A & B said *it* was `code <!-- copydesk off -->` here."
};

/* A Markdown block that spans blank lines or changes what follows. */
static void
md_block(FILE *f, unsigned k, const char *p)
{
	switch (k % 12) {
	case 0: fprintf(f, "```\n%s\n\n%s\n\n```", p, p); break;
	case 1: fprintf(f, "~~~~ x\n%s\n\n```\n\n%s\n~~~~", p, p); break;
	case 2: fprintf(f, "- %s\n\n  %s\n\n- %s", p, p, p); break;
	case 3: fprintf(f, "> %s\n>\n> %s", p, p); break;
	case 4: fprintf(f, "    code %s\n\n    more code", p); break;
	case 5: fprintf(f, "<!-- copydesk off -->\n\n%s\n\n%s\n\n"
	    "<!-- copydesk on -->", p, p); break;
	case 6: fprintf(f, "<!-- Copydesk.Hedge = NO -->\n\n%s\n\n"
	    "<!-- Copydesk.Hedge = YES -->", p); break;
	case 7: fprintf(f, "<script>\nvar x;\n\n%s\n</script>", p); break;
	case 8: fprintf(f, "[r%u]: http://example.com/%u \"T\"", k % 3 + 1,
	    k); break;
	case 9: fprintf(f, "## %.40s", p); break;
	case 10: fprintf(f, "<!--\nmulti\n\nline\n-->"); break;
	default: fprintf(f, "%s", p); break;
	}
	fprintf(f, "\n\n");
}

/* An HTML block: skipped, hidden, quoting or switching elements. */
static void
html_block(FILE *f, unsigned k, const char *p)
{
	switch (k % 10) {
	case 0: fprintf(f, "<pre>\n%s\n\n<p>%s</p>\n</pre>", p, p); break;
	case 1: fprintf(f, "<div hidden>\n<p>%s</p>\n\n<p>%s</p>\n</div>", p,
	    p); break;
	case 2: fprintf(f, "<script>\nif (a < b) {}\n<p>x\n</script>"); break;
	case 3: fprintf(f, "<!-- copydesk off -->\n<p>%s</p>\n<p>%s</p>\n"
	    "<!-- copydesk on -->", p, p); break;
	case 4: fprintf(f, "<p><q>%s\n</q></p>", p); break;
	case 5: fprintf(f, "<ul>\n<li>%s</li>\n<li>%s</li>\n</ul>", p, p);
		break;
	case 6: fprintf(f, "<div class=\"x\"\n title='a > b'>\n<p>%s</p>"
	    "</div>", p); break;
	case 7: fprintf(f, "<code>\n%s\n<p>x</p>\n</code>", p); break;
	default: fprintf(f, "<p>%s</p>", p); break;
	}
	fprintf(f, "\n");
}

/* Writes a file of n blocks chosen by seed at path. */
static void
write_file(const char *path, int md, unsigned seed, unsigned n)
{
	FILE *f = fopen(path, "w");
	unsigned i, x = seed * 2654435761u + 1;

	if (md)
		fprintf(f, "---\ntitle: x\n\nfoo: bar\n---\n");
	else
		fprintf(f, "<!DOCTYPE html>\n<html><head><title>T</title>\n"
		    "<style>\np { x }\n</style></head>\n<body>\n");
	for (i = 0; i < n; i++) {
		const char *p;

		x = x * 1103515245u + 12345u;
		p = para[(x >> 8) % 4];
		if (md)
			md_block(f, x >> 16, p);
		else
			html_block(f, x >> 16, p);
	}
	fclose(f);
}

/* Files of both formats, several seeds and part sizes. */
static void
check_format(const char *stem, int md)
{
	char path[64];
	unsigned seed;
	size_t n;
	int equal;

	snprintf(path, sizeof(path), "%s.%s", stem, md ? "md" : "html");
	for (seed = 1; seed <= 6; seed++) {
		write_file(path, md, seed, 300);
		n = compare(path, seed * 500, &equal);
		OK(n > 5 && equal, md ? "Markdown parts strip as the whole file" :
		    "HTML parts strip as the whole file");
	}
	unlink(path);
}

int
main(void)
{
	char stem[] = "/tmp/t_strip_cutsXXXXXX";
	int fd;

	harness_name = "strip_cuts";
	fd = mkstemp(stem);
	close(fd);
	unlink(stem);
	check_format(stem, 1);
	check_format(stem, 0);
	return harness_failed != 0;
}
