/* doc.h: one draft being checked: its bytes, analysed text, tokens, results. */
#ifndef DOC_H
#define DOC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "posmap.h"

/*
 * Largest file copydesk reads (bytes).  Offsets in tokens are 32-bit, and a
 * draft larger than this is almost certainly not a story: refuse it with a
 * message rather than exhaust memory.
 */
#ifndef DOC_MAX_SIZE
#define DOC_MAX_SIZE ((size_t)1 << 30)
#endif

/*
 * Most memory (bytes) the analysis of one document may take: source,
 * text, position map, tokens, findings.  A document that needs more fails
 * with a message and the other files are still checked; it takes about
 * 10 bytes per input byte, so this admits ~400 MB drafts.  The environment
 * variable COPYDESK_MAX_DOC_MEMORY overrides it (tests use a small value).
 */
#ifndef DOC_MAX_MEMORY
#define DOC_MAX_MEMORY ((size_t)4 << 30)
#endif

/*
 * A document whose arena grew past this many bytes hands its freed memory
 * back to the system when it is freed (see doc_free).
 */
#ifndef DOC_TRIM_BYTES
#define DOC_TRIM_BYTES ((size_t)32 << 20)
#endif

/*
 * A plain-text, Markdown or HTML file larger than this (bytes) is checked
 * in parts of about this size, cut at paragraph breaks (Markdown and HTML:
 * only where a part strips as the whole file does, strip_cuts.h), each read
 * when a worker takes it, so that memory stays at a part's worth (about 12
 * bytes per byte) per worker whatever the file's size, and -j checks parts
 * side by side.  At 512 KiB a part's tokens (32 bytes each, about 3 MB)
 * and text stay mostly in the cache while each analyzer walks them: 10%
 * less CPU than 1 MiB parts on the 51 MB corpus, 20% less than 2 MiB.  Its
 * arrays stay well under glibc's largest mmap threshold (32 MiB), so the
 * next part reuses their memory instead of faulting in fresh pages (4 MiB
 * parts spent 13% of the run in the kernel), and two workers stay within
 * 64 MB.  Checks that compare one part of a
 * story with another (numbers, names, titles, dates, quotes) see one part
 * at a time.  The environment variable COPYDESK_PART_SIZE overrides it
 * (tests use a small value).
 */
#ifndef DOC_PART_SIZE
#define DOC_PART_SIZE ((size_t)512 << 10)
#endif

/* Where a document lies in its file: a whole file is both. */
enum doc_part {
	DOC_PART_FIRST = 1 << 0,
	DOC_PART_LAST = 1 << 1
};

enum doc_format {
	DOC_TXT,
	DOC_MD,
	DOC_HTML,
	DOC_XML
};

struct tok;
struct sent;
struct para;
struct quote;
struct source;
struct person;
struct mention;
struct finding;
struct supp;

struct doc {
	struct arena arena;	/* everything below lives here */
	const char *path;	/* as reported in output */
	enum doc_format fmt;

	const char *src;	/* original bytes, and a NUL after them (the text
				 * of plain text may be src itself) */
	size_t srclen;
	size_t *lines;		/* start offset of each source line */
	size_t nlines;
	size_t lc_off, lc_line, lc_col;	/* line/column cursor cache */

	const char *text;	/* analysed text: valid UTF-8, markup removed */
	size_t textlen;
	struct posmap pm;	/* text offset -> source offset */

	struct tok *toks;
	size_t ntoks;
	const void *lexowner;	/* the lexicon set that marked toks[].lex */
	struct sent *sents;
	size_t nsents;
	struct para *paras;
	size_t nparas;

	struct quote *quotes;
	size_t nquotes;
	struct source *sources;
	size_t nsources;
	struct person *people;	/* the person table (people.h) */
	size_t npeople;
	struct mention *mentions;	/* in token order */
	size_t nmentions;

	struct finding *findings;
	size_t nfindings, capfindings;
	int truncated;		/* finding limit reached */

	struct supp *supps;	/* suppression ranges from comments */
	size_t nsupps, capsupps;

	const int8_t *levels;	/* per-rule level for this file, or NULL */

	/* a part of a larger file (doc_read_range): what lies before it */
	unsigned part;		/* enum doc_part */
	size_t line_base;	/* lines */
	size_t off_base;	/* bytes */
	size_t char_base;	/* code points */
	size_t col_base;	/* code points on its first line (a cut mid-line) */
	int failed;		/* an empty stand-in for a part that failed */
	/*
	 * Markdown: the whole file's link reference definitions, for a part
	 * to resolve references to (strip_md); not in the arena
	 */
	const char *refs;
	size_t nrefs;
};

/*
 * Reads path ("-" for stdin) into a new document.  On failure prints
 * "copydesk: cannot read 'PATH': REASON" to stderr and returns NULL.  The
 * caller frees the result with doc_free.
 */
struct doc *doc_read(const char *path, const char *display);

/* A document over a copy of the n bytes at s (tests, fuzzing, stdin). */
struct doc *doc_new(const char *display, const char *s, size_t n);

/* One part of a large file (doc_parts_plan). */
struct doc_range {
	size_t off, len;	/* bytes of the file */
	size_t line_base, char_base, col_base;	/* as in struct doc */
	unsigned part;		/* enum doc_part */
	const char *refs;	/* as in struct doc; in the same allocation */
	size_t nrefs;
};

/*
 * Cuts the file at path, of format fmt, into parts; *out gets them (one
 * free releases them and their refs).  Plain text: parts of at most
 * part_size bytes, each ending after the last blank line in its second
 * half, else after the last newline there, else after the last space
 * there, else between two characters.  Markdown and HTML: parts that
 * strip exactly as the whole file would (strip_cuts.h), each ending at the
 * last such place in the second half of part_size, else at the first one
 * past it (a part may be larger).  Returns their number, or 0 when the
 * file is to be read whole: XML, not a regular file, not larger than
 * part_size, no place to cut, or not readable (doc_read then says why).
 */
size_t doc_parts_plan(const char *path, enum doc_format fmt,
    size_t part_size, struct doc_range **out);

/*
 * Reads part r of the file at path into a new document with r's part and
 * bases.  On failure (or a file that changed since it was planned) prints
 * "copydesk: cannot read 'PATH': REASON" and returns NULL.
 */
struct doc *doc_read_range(const char *path, const char *display,
    const struct doc_range *r);

/* The part size: COPYDESK_PART_SIZE or DOC_PART_SIZE. */
size_t doc_part_size(void);

/* Frees the document and everything in its arena. */
void doc_free(struct doc *d);

/*
 * Line and column (both 1-based; the column counts code points) of source
 * offset off.  Fast when called with increasing offsets.
 */
void doc_linecol(struct doc *d, size_t off, size_t *line, size_t *col);

/*
 * Source offset where 1-based line number line starts; d->srclen past the
 * last line.
 */
size_t doc_line_start(struct doc *d, size_t line);

/* The format implied by a file name's extension; DOC_TXT when unknown. */
enum doc_format doc_format_of(const char *name);

/* The name of a format (txt, md, html, xml) and its inverse (-1: unknown). */
const char *doc_format_name(enum doc_format f);
int doc_format_parse(const char *name);

#endif
