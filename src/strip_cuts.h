/* strip_cuts.h: where a large Markdown or HTML file may be cut into parts (for doc.c). */
#ifndef STRIP_CUTS_H
#define STRIP_CUTS_H

#include <stddef.h>

#include "strip.h"

/*
 * Longest comment body read for a suppression switch while planning; a
 * longer comment that starts with "copydesk" or "vale" leaves the rest of
 * the file uncut (a hostile draft, not a story).
 */
#ifndef STRIP_CUTS_MAX_COMMENT
#define STRIP_CUTS_MAX_COMMENT (64 * 1024)
#endif

/*
 * Most bytes of Markdown link reference definitions handed to every part
 * (struct doc_range refs): every part parses them again, so they must stay
 * small next to a part.  Definitions past it are left out, and references
 * to them from other parts stay literal text.
 */
#ifndef STRIP_CUTS_MAX_REFS
#define STRIP_CUTS_MAX_REFS (64 * 1024)
#endif

/* Most elements the HTML scan keeps open at once (skipped, hidden, <q>). */
#ifndef STRIP_CUTS_MAX_OPEN
#define STRIP_CUTS_MAX_OPEN 64
#endif

/*
 * A scan of a Markdown or HTML file line by line that says where a part
 * may start so that it strips exactly as it would in a whole read: at a
 * line after a blank line, outside fenced code, HTML blocks, lists, block
 * quotes and front matter (Markdown), before a block element's start tag
 * where no skipped, hidden or quoting element is open (HTML), and never
 * where a suppression comment's region is open.  Where it cannot tell, it
 * does not cut.  Markdown link reference definitions that start a
 * paragraph are collected for the parts (strip_md).
 */
struct strip_cuts {
	int fmt;		/* enum doc_format: DOC_MD or DOC_HTML */
	size_t nlines;		/* lines fed so far */
	int stuck;		/* no cut for the rest of the file */

	/* suppression comments, read as strip_comment reads them */
	struct doc *scratch;	/* owns the switched rules' names */
	struct strip_out so;
	int in_comment;
	int body_over;		/* the body was longer than the cap */
	char *body;
	size_t nbody, capbody;

	/* Markdown */
	int prev_blank;
	int front;		/* 0, or '-' or '+': in front matter */
	char fence_ch;		/* '`' or '~' of the open fence, or 0 */
	size_t fence_len;
	const char *html_end;	/* end marker of an open HTML block */
	int in_ref;		/* copying a definition paragraph */
	char *refs;
	size_t nrefs, caprefs;

	/* HTML */
	int in_tag;		/* inside <...> (quote: in a value) */
	char quote;
	int tag_kind;		/* 1 start tag, 2 end tag, 0 other */
	char tag[16];		/* lowercased name; "" when too long */
	size_t ntag;
	int tag_named;		/* the name is complete */
	int tag_hidden;		/* has a hidden attribute */
	char prev_tag_ch;	/* last byte seen inside the tag */
	char raw[8];		/* "script"/"style" whose text is raw, or "" */
	char open[STRIP_CUTS_MAX_OPEN][16];
	size_t nopen;
};

/* Starts a scan of a file of format fmt (DOC_MD or DOC_HTML). */
void strip_cuts_init(struct strip_cuts *c, int fmt);

/*
 * Feeds the next line of the file (n bytes at p, with its newline unless
 * it is the last).  Returns 1 when a part may start at this line, 0 when
 * not.  Cannot fail.
 */
int strip_cuts_line(struct strip_cuts *c, const char *p, size_t n);

/*
 * The link reference definitions collected so far (Markdown), each
 * paragraph followed by a blank line; *n gets their length.  Owned by c.
 */
const char *strip_cuts_refs(const struct strip_cuts *c, size_t *n);

/* Frees what c holds. */
void strip_cuts_release(struct strip_cuts *c);

#endif
