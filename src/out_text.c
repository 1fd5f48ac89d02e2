/* out_text.c: findings grouped by file, for people; a summary line last. */
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "out.h"
#include "rule.h"
#include "utf8.h"

/* Widest piece of a source line shown under a finding, in bytes. */
#define TEXT_MAX_EXCERPT 160

static const char *
level_color(int level)
{
	return level == LEVEL_ERROR ? "\033[31m" : level == LEVEL_WARNING ?
	    "\033[33m" : "\033[36m";
}

/* Prints the source line of f with a caret line under the match. */
static void
show_caret(struct out *o, struct doc *d, const struct finding *f,
    size_t line, size_t col)
{
	size_t start = d->lines[line - 1], end = start, i, w, from, ncols;
	size_t skip = 0;

	while (end < d->srclen && d->src[end] != '\n' && d->src[end] != '\r')
		end++;
	/* window the excerpt around the match on long lines */
	from = start;
	if (f->soff - start > TEXT_MAX_EXCERPT / 2) {
		from = f->soff - TEXT_MAX_EXCERPT / 4;
		while (from > start && ((unsigned char)d->src[from] & 0xC0) ==
		    0x80)
			from--;
		skip = utf8_count(d->src + start, from - start);
	}
	if (end - from > TEXT_MAX_EXCERPT) {
		end = from + TEXT_MAX_EXCERPT;
		while (end > from && ((unsigned char)d->src[end] & 0xC0) ==
		    0x80)
			end--;
	}
	fprintf(o->fp, "     | %s", from > start ? "..." : "");
	for (i = from; i < end; i++) {
		unsigned char c = (unsigned char)d->src[i];

		fputc(c == '\t' ? ' ' : (c < 0x20 ? '?' : c), o->fp);
	}
	fputs("\n     | ", o->fp);
	if (from > start)
		fputs("   ", o->fp);
	for (i = skip + 1; i < col; i++)
		fputc(' ', o->fp);
	ncols = utf8_count(d->src + f->soff, f->soff + f->slen <= end ?
	    f->slen : (f->soff < end ? end - f->soff : 0));
	if (o->color)
		fputs(level_color(f->level), o->fp);
	fputc('^', o->fp);
	for (w = 1; w < ncols; w++)
		fputc('~', o->fp);
	if (o->color)
		fputs("\033[0m", o->fp);
	fputc('\n', o->fp);
}

static void
text_doc(struct out *o, struct doc *d)
{
	size_t i, line, col, el, ec, shown = 0;

	for (i = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];

		if (!out_shown(o, f) || (o->quiet && f->level < LEVEL_ERROR))
			continue;
		if (shown++ == 0)
			fprintf(o->fp, "%s%s%s\n", o->color ? "\033[1m" : "",
			    d->path, o->color ? "\033[0m" : "");
		out_pos(d, f, &line, &col, &el, &ec);
		fprintf(o->fp, "%6zu:%-4zu %s%-10s%s %s  %s\n", line, col,
		    o->color ? level_color(f->level) : "",
		    finding_level_name(f->level), o->color ? "\033[0m" : "",
		    f->message, f->rule->id);
		if (o->caret)
			show_caret(o, d, f, line, col);
	}
	if (shown)
		fputc('\n', o->fp);
	out_count(o, d);
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
text_end(struct out *o)
{
	if (o->quiet)
		return;
	fprintf(o->fp, "%zu %s, %zu %s, %zu %s in %zu %s (%zu %s, %zu %s)\n",
	    o->nerrors, plural(o->nerrors, "error", "errors"),
	    o->nwarnings, plural(o->nwarnings, "warning", "warnings"),
	    o->nsuggestions, plural(o->nsuggestions, "suggestion",
	    "suggestions"), o->ndocs, plural(o->ndocs, "file", "files"),
	    o->nquotes, plural(o->nquotes, "quote", "quotes"), o->nsources,
	    plural(o->nsources, "source", "sources"));
}

const struct out_writer out_text_writer = {
	"text", out_nop, text_doc, text_end
};
