/* quote.h: direct quotations: finding their spans (attribution is attr.h). */
#ifndef QUOTE_H
#define QUOTE_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct ruleset;

enum quote_kind {
	QUOTE_FULL,		/* a quotation standing as its own sentence */
	QUOTE_PARTIAL,		/* a few words inside the reporter's sentence */
	QUOTE_CONTINUED,	/* running quote: a later paragraph of one */
	QUOTE_NESTED,		/* a quote inside a quote */
	QUOTE_SCARE,		/* one or two words: a term, not speech */
	QUOTE_TITLE		/* a Title Case name: a work, a nickname */
};

enum speaker_kind {
	SPEAKER_NONE,
	SPEAKER_NAMED,
	SPEAKER_ANONYMOUS,
	SPEAKER_ORGANIZATION,
	SPEAKER_DOCUMENT
};

struct quote {
	uint32_t open, close;	/* tokens of the marks (close: last token
				 * of the paragraph when the quote runs on) */
	uint32_t first, last;	/* content tokens [first, last) */
	size_t toff, tlen;	/* content text, without the marks */
	int kind;		/* enum quote_kind */
	int depth;		/* 0 outermost */
	int prev;		/* quote this one continues (running), or -1 */
	int closed;		/* 1 when a closing mark was found */

	/* filled by attribution */
	int source;		/* index into d->sources, or -1 */
	int speaker_kind;	/* enum speaker_kind */
	const char *speaker, *speaker_title, *cue, *method;
};

/*
 * Finds quotation spans in d (after tok_split), stores them in d->quotes,
 * sets TOK_INQUOTE on their tokens and TOK_QMARK on their marks, and adds a
 * Copydesk.UnbalancedQuote finding for each quote mark that opens and never
 * closes (and is not continued by the next paragraph).  Cannot fail.
 */
void quote_find(struct doc *d, const struct ruleset *rs);

/* Is quote q speech (not a scare quote, title, or nested quote)? */
int quote_is_speech(const struct quote *q);

const char *quote_kind_name(int kind);
const char *quote_speaker_kind_name(int kind);

#endif
