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

/* Builder used by the format-specific strippers. */
struct strip_out {
	struct doc *d;
	char *text;
	size_t len, cap;
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

/* Ends the current paragraph: emits "\n\n" mapped to source offset soff,
 * unless the text already ends with a blank line. */
void strip_break(struct strip_out *so, size_t soff);

/* Emits a single space mapped to soff unless the text ends in whitespace. */
void strip_space(struct strip_out *so, size_t soff);

/* Stores the built text into so->d (NUL-terminated). */
void strip_out_finish(struct strip_out *so);

/* Format back ends, each defined in its own file. */
int strip_txt(struct doc *d);
int strip_md(struct doc *d);
int strip_html(struct doc *d);
int strip_xml(struct doc *d);

#endif
