/* strip.h: turn a draft's source bytes into analysed text plus a position map. */
#ifndef STRIP_H
#define STRIP_H

#include <stddef.h>

struct doc;

/*
 * Fills d->text, d->textlen and d->pm from d->src according to d->fmt.  The
 * text is valid UTF-8 (invalid bytes become U+FFFD, NUL becomes a space), a
 * UTF-8 byte-order mark is skipped, and block boundaries of markup formats
 * appear as a blank line ("\n\n").  Returns 0, or -1 after printing
 * "copydesk: PATH:LINE: REASON" for a document that must be refused (an XML
 * entity bomb, say).
 */
int strip_run(struct doc *d);

/*
 * Most suppression comments that may be open at once (one per rule or
 * style switched off with "Style.Rule = NO"); more is a hostile draft.
 */
#ifndef STRIP_MAX_OPEN_SUPPS
#define STRIP_MAX_OPEN_SUPPS 64
#endif

enum strip_flags {
	STRIP_MARKUP = 1 << 0,	/* skip <tags> and <!-- --> when searching */
	STRIP_ESCAPES = 1 << 1,	/* Markdown backslash escapes */
	STRIP_FOLD_BLANK = 1 << 2	/* whitespace with a blank line -> " " */
};

/* Builder used by the format-specific strippers. */
struct strip_out {
	struct doc *d;
	char *text;
	size_t len, cap;

	/* alignment of parser output with the source */
	const char *s;		/* d->src, or a same-length sanitized copy */
	size_t cur;		/* source offset where the next search starts */
	unsigned flags;		/* enum strip_flags */
	size_t nlost;		/* literals not found in the source (tests) */

	/* suppression comments: open ranges */
	size_t off_start;	/* "copydesk off" since here, or SIZE_MAX */
	struct {
		const char *rule;
		size_t start;
	} open[STRIP_MAX_OPEN_SUPPS];
	size_t nopen;
};

void strip_out_init(struct strip_out *so, struct doc *d);

/*
 * Appends the n source bytes at d->src + soff verbatim (validating UTF-8 and
 * replacing invalid bytes and NUL), mapped byte for byte.
 */
void strip_emit_src(struct strip_out *so, size_t soff, size_t n);

/*
 * Appends n bytes of text s that stand for the slen source bytes at soff (a
 * decoded entity, say).  s must be valid UTF-8.
 */
void strip_emit_repl(struct strip_out *so, const char *s, size_t n,
    size_t soff, size_t slen);

/*
 * strip_emit_src for n source bytes at soff that equal a parser literal.
 * In a clean source (no NUL, valid UTF-8: the caller knows) a run that
 * starts and ends on character boundaries needs none of strip_emit_src's
 * repairs, so it is copied whole (the same text and map).
 */
void strip_emit_clean(struct strip_out *so, int clean, size_t soff,
    size_t n);

/*
 * The end of a fast alignment: when the n bytes of lit are at source
 * offset p (before limit), emits them (with STRIP_ALIGN_EMIT in how, as
 * strip_emit_clean), moves so->cur past them and returns p; else SIZE_MAX
 * and so is unchanged.
 */
size_t strip_take(struct strip_out *so, int clean, size_t p, const char *lit,
    size_t n, size_t limit, unsigned how);

/* Whitespace as strip_align matches it in runs: space, \t \n \r \f. */
int strip_is_ws(int c);

/* Ends the current paragraph: emits "\n\n" mapped to source offset soff,
 * unless the text already ends with a blank line. */
void strip_break(struct strip_out *so, size_t soff);

/* Emits a single space mapped to soff unless the text ends in whitespace. */
void strip_space(struct strip_out *so, size_t soff);

/*
 * Stores the built text into so->d (NUL-terminated) and closes suppression
 * ranges still open at the end of the file.
 */
void strip_out_finish(struct strip_out *so);

/*
 * Finds the parser's literal lit (n bytes: text with entities and escapes
 * decoded) in so->s at or after so->cur, no further than limit, and moves
 * so->cur past it.  With STRIP_ALIGN_EMIT, appends the literal to the text with each
 * byte mapped to its exact source bytes (an entity maps as a whole).  Where
 * the source cannot be matched the rest is searched for again; a part
 * never found is emitted mapped to an empty span at the cursor and counted
 * in so->nlost.  Returns the source offset where the literal starts, or
 * SIZE_MAX when none of it was found.  how is a set of enum strip_align_how.
 * Cannot fail.
 */
enum strip_align_how {
	STRIP_ALIGN_EMIT = 1 << 0,	/* append the literal to the text */
	STRIP_ALIGN_RAW = 1 << 1	/* the source has no entities (script) */
};

size_t strip_align(struct strip_out *so, const char *lit, size_t n,
    size_t limit, unsigned how);

/*
 * A copy of d->src of the same length in which NUL and invalid UTF-8 bytes
 * are '?', for parsers that would otherwise reject or re-encode them; d->src
 * itself when it is clean.  In d's arena.
 */
const char *strip_sanitized(struct doc *d);

/*
 * Decodes the character reference at s (n bytes, s[0] == '&'): &#N; &#xH;
 * or a named HTML entity.  Writes the UTF-8 to out (at least 8 bytes) and
 * its length to *outlen; returns the bytes of s used, 0 when s does not
 * start a reference that decodes.
 */
size_t strip_entity(const char *s, size_t n, char *out, size_t *outlen);

/*
 * Reads one comment body (the text between "<!--" and "-->", source range
 * [start, end) including the delimiters) and, when it is a "copydesk" or
 * "vale" suppression comment (off, on, Style.Rule = NO|YES), opens or
 * closes suppression ranges in so->d->supps.
 */
void strip_comment(struct strip_out *so, const char *body, size_t n,
    size_t start, size_t end);

/*
 * Finds the first complete "<!-- ... -->" in so->s[from, to) and reads it
 * with strip_comment.  Returns the offset just past it, or SIZE_MAX when
 * there is none.
 */
size_t strip_next_comment(struct strip_out *so, size_t from, size_t to);

/* Format back ends, each defined in its own file. */
int strip_txt(struct doc *d);
int strip_md(struct doc *d);
int strip_html(struct doc *d);
int strip_xml(struct doc *d);

#endif
