/* out_text.c: findings grouped by file, for people; a summary line last. */
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "out.h"
#include "quote.h"
#include "rule.h"
#include "source.h"
#include "utf8.h"
#include "xalloc.h"

/* Code points of a quote shown in the quotes table. */
#define TEXT_QUOTE_EXCERPT 36

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
	size_t start = d->lines[line - d->line_base - 1], end = start;
	size_t i, w, from, ncols, skip = 0;

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

/* Prints s padded with spaces to w code points. */
static void
put_cell(struct out *o, const char *s, size_t w)
{
	size_t n = s ? utf8_count(s, strlen(s)) : 1;

	fputs(s ? s : "-", o->fp);
	while (n++ < w)
		fputc(' ', o->fp);
}

static size_t
width(const char *s)
{
	return s ? utf8_count(s, strlen(s)) : 1;
}

/* The first words of quote q, whitespace folded, with an ellipsis. */
static const char *
excerpt(struct doc *d, const struct quote *q)
{
	char *out = arena_alloc(&d->arena, TEXT_QUOTE_EXCERPT * 4 + 8);
	size_t i = 0, n = 0, k = 0;
	int space = 0;

	out[k++] = '"';
	while (i < q->tlen && n < TEXT_QUOTE_EXCERPT) {
		unsigned char c = (unsigned char)d->text[q->toff + i];
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (i + len > q->tlen)
			break;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = 1;
			i++;
			continue;
		}
		if (space && n > 0) {
			out[k++] = ' ';
			n++;
		}
		space = 0;
		memcpy(out + k, d->text + q->toff + i, len);
		k += len;
		i += len;
		n++;
	}
	if (i < q->tlen) {
		memcpy(out + k, "\xE2\x80\xA6", 3);	/* … */
		k += 3;
	}
	out[k++] = '"';
	out[k] = '\0';
	return out;
}

/* The quotes table: line, first words, speaker, title, how it was found. */
static void
report_quotes(struct out *o, struct doc *d)
{
	size_t i, wq = 5, ws = 7, wt = 5, line, col;
	const char **ex = arena_calloc(&d->arena, d->nquotes + 1,
	    sizeof(*ex));

	for (i = 0; i < d->nquotes; i++) {
		const struct quote *q = &d->quotes[i];

		if (!quote_is_speech(q))
			continue;
		ex[i] = excerpt(d, q);
		if (width(ex[i]) > wq)
			wq = width(ex[i]);
		if (q->speaker && width(q->speaker) > ws)
			ws = width(q->speaker);
		if (width(q->speaker_title) > wt)
			wt = width(q->speaker_title);
	}
	fprintf(o->fp, "Quotes in %s\n  line  ", d->path);
	put_cell(o, "quote", wq + 2);
	put_cell(o, "speaker", ws + 2);
	put_cell(o, "title", wt + 2);
	fputs("method\n", o->fp);
	for (i = 0; i < d->nquotes; i++) {
		const struct quote *q = &d->quotes[i];

		if (ex[i] == NULL)
			continue;
		doc_linecol(d, posmap_start(&d->pm, q->toff), &line, &col);
		fprintf(o->fp, "%6zu  ", line);
		put_cell(o, ex[i], wq + 2);
		/* a speaker of kind none is a name that fits two people */
		put_cell(o, q->speaker_kind == SPEAKER_NONE ? (q->speaker ?
		    finding_format(d, "%s?", q->speaker, NULL) : "(none)") :
		    q->speaker, ws + 2);
		put_cell(o, q->speaker_title, wt + 2);
		fprintf(o->fp, "%s\n", q->method ? q->method : "unattributed");
	}
	fputc('\n', o->fp);
}

/* The sources table: anonymous ones marked with '*'. */
static void
report_sources(struct out *o, struct doc *d)
{
	size_t i, wn = 6, wt = 5, line, col;

	for (i = 0; i < d->nsources; i++) {
		if (width(d->sources[i].name) > wn)
			wn = width(d->sources[i].name);
		if (width(d->sources[i].title) > wt)
			wt = width(d->sources[i].title);
	}
	fprintf(o->fp, "Sources in %s\n    ", d->path);
	put_cell(o, "source", wn + 2);
	put_cell(o, "kind", 14);
	put_cell(o, "title", wt + 2);
	fputs("quotes  mentions  line\n", o->fp);
	for (i = 0; i < d->nsources; i++) {
		const struct source *s = &d->sources[i];

		doc_linecol(d, posmap_start(&d->pm, s->toff), &line, &col);
		fputs(s->kind == SPEAKER_ANONYMOUS ? "  * " : "    ", o->fp);
		put_cell(o, s->name, wn + 2);
		put_cell(o, quote_speaker_kind_name(s->kind), 14);
		put_cell(o, s->title, wt + 2);
		fprintf(o->fp, "%6d  %8d  %4zu\n", s->quotes, s->mentions, line);
	}
	if (d->nsources == 0)
		fputs("    (none)\n", o->fp);
	fputc('\n', o->fp);
}

/*
 * Writes s (n bytes) at w padded with spaces to width columns, on the left
 * when right is set; returns the end.  As printf's %6s and %-10s.
 */
static char *
put_padded(char *w, const char *s, size_t n, size_t width, int right)
{
	size_t pad = n < width ? width - n : 0;

	if (right) {
		memset(w, ' ', pad);
		w += pad;
	}
	memcpy(w, s, n);
	w += n;
	if (!right) {
		memset(w, ' ', pad);
		w += pad;
	}
	return w;
}

/* The same for v in decimal. */
static char *
put_padded_num(char *w, size_t v, size_t width, int right)
{
	char digits[20];

	return put_padded(w, digits, (size_t)(out_put_uint(digits, v) -
	    digits), width, right);
}

/*
 * Writes the line of finding f at line:col, as printf "%6zu:%-4zu
 * %s%-10s%s %s  %s\n" would (which cost more than the rest of the line).
 */
static void
put_finding(struct out *o, const struct finding *f, size_t line, size_t col)
{
	const char *level = finding_level_name(f->level);
	size_t room = strlen(f->message) + strlen(f->rule->id) +
	    strlen(level);
	char *w = buf_room(&o->b, xst_add(room, 128));

	w = put_padded_num(w, line, 6, 1);
	*w++ = ':';
	w = put_padded_num(w, col, 4, 0);
	*w++ = ' ';
	if (o->color)
		w = out_put_str(w, level_color(f->level));
	w = put_padded(w, level, strlen(level), 10, 0);
	if (o->color)
		w = OUT_PUT_LIT(w, "\033[0m");
	w = out_put_str(OUT_PUT_LIT(w, " "), f->message);
	w = out_put_str(OUT_PUT_LIT(w, "  "), f->rule->id);
	*w++ = '\n';
	buf_commit(&o->b, w);
	fwrite(o->b.ptr, 1, o->b.len, o->fp);
	buf_reset(&o->b);
}

static void
text_doc(struct out *o, struct doc *d)
{
	size_t i, line, col, el, ec;

	if (d->part & DOC_PART_FIRST)
		o->file_shown = 0;
	for (i = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];

		if (!out_shown(o, f) || (o->quiet && f->level < LEVEL_ERROR))
			continue;
		if (o->file_shown++ == 0)
			fprintf(o->fp, "%s%s%s\n", o->color ? "\033[1m" : "",
			    d->path, o->color ? "\033[0m" : "");
		out_pos(d, f, &line, &col, &el, &ec);
		put_finding(o, f, line, col);
		if (o->caret)
			show_caret(o, d, f, line, col);
	}
	if (o->file_shown && (d->part & DOC_PART_LAST))
		fputc('\n', o->fp);
	if (o->report & OUT_REPORT_QUOTES)
		report_quotes(o, d);
	if (o->report & OUT_REPORT_SOURCES)
		report_sources(o, d);
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
