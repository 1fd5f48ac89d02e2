/* out.h: output writers, one file per format, all fed the same findings. */
#ifndef OUT_H
#define OUT_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"

struct doc;
struct finding;
struct ruleset;
struct out;

enum out_report {
	OUT_REPORT_QUOTES = 1 << 0,
	OUT_REPORT_SOURCES = 1 << 1
};

struct out_writer {
	const char *name;
	void (*begin)(struct out *o);
	/* d is finished: findings sorted and filtered by level */
	void (*doc)(struct out *o, struct doc *d);
	void (*end)(struct out *o);
};

struct out {
	const struct out_writer *w;
	FILE *fp;
	const struct ruleset *rs;
	int min_level;
	int color;		/* ANSI colour (a terminal, NO_COLOR unset) */
	int caret;		/* show the source line and a caret */
	int quiet;		/* text: only errors */
	unsigned report;	/* enum out_report */
	size_t ndocs, nerrors, nwarnings, nsuggestions;
	size_t file_shown;	/* findings shown so far in the file being
				 * written, over all its parts (doc.h) */
	size_t nquotes, nsources;
	struct buf b;		/* scratch for writers */
	void *state;		/* the writer's own */
};

/* The writer named name, or NULL. */
const struct out_writer *out_find(const char *name);

/* Space-separated names of every writer, for --help. */
const char *out_names(void);

/*
 * Position of a finding for output: 1-based line and column (code points)
 * of its start and of the point just past its end, in the source file.
 */
void out_pos(struct doc *d, const struct finding *f, size_t *line,
    size_t *col, size_t *eline, size_t *ecol);

/* Is finding f shown (at or above the minimum level)? */
int out_shown(const struct out *o, const struct finding *f);

/*
 * Appends s (n bytes) as a JSON string literal, quotes included.  Bytes
 * that are not valid UTF-8 become U+FFFD, so the result is valid JSON.
 */
void out_json_str(struct buf *b, const char *s, size_t n);

/* The same for a C string, or null when s is NULL. */
void out_json_opt_str(struct buf *b, const char *s);

/*
 * For writers that reserve room for a whole object with buf_room and then
 * write its pieces with no call each (printf per field cost more than the
 * rest of the JSON writer).  Each writes at w and returns the end.
 *
 * out_json_put: what out_json_str appends, in at most 6 * n + 2 bytes.
 * out_json_opt_put: what out_json_opt_str appends, in out_json_room(s).
 * out_put_str: the C string s as it is, in strlen(s) bytes.
 * out_put_uint: v in decimal, in at most 20 bytes.
 * OUT_PUT_LIT: the string literal lit, without its NUL.
 * OUT_PUT_NUM: lit, then v in decimal.
 */
char *out_json_put(char *w, const char *s, size_t n);
char *out_json_opt_put(char *w, const char *s);
size_t out_json_room(const char *s);
char *out_put_str(char *w, const char *s);
char *out_put_uint(char *w, size_t v);
#define OUT_PUT_LIT(w, lit) \
	((char *)memcpy((w), (lit), sizeof(lit) - 1) + sizeof(lit) - 1)
#define OUT_PUT_NUM(w, lit, v) out_put_uint(OUT_PUT_LIT((w), lit), (v))

/*
 * Appends finding f of d as one JSON object with the fields of SPEC.md's
 * JSON output, preceded by "path" when path is not NULL.  brk goes between
 * the three groups of fields: a newline and indent, or a space.
 */
void out_json_finding(struct buf *b, struct doc *d, const struct finding *f,
    const char *path, const char *brk);

/*
 * Appends n bytes at s as text allowed in XML 1.0: bytes that are not valid
 * UTF-8, control characters other than tab, LF and CR, U+FFFE and U+FFFF
 * become U+FFFD.  Markup characters are left for the XML writer to escape.
 */
void out_xml_text(struct buf *b, const char *s, size_t n);

/* The name of level in a format's own words. */
const char *out_level(int level, const char *suggestion, const char *warning,
    const char *error);

/* Adds d's counts to the totals (level counts of shown findings). */
void out_count(struct out *o, const struct doc *d);

/* Writes out what a writer built in o->b for d, empties it, counts d. */
void out_flush_doc(struct out *o, const struct doc *d);

/* A begin or end that has nothing to write. */
void out_nop(struct out *o);

/* Writers */
extern const struct out_writer out_text_writer;
extern const struct out_writer out_line_writer;
extern const struct out_writer out_json_writer;
extern const struct out_writer out_jsonl_writer;
extern const struct out_writer out_sarif_writer;
extern const struct out_writer out_checkstyle_writer;
extern const struct out_writer out_github_writer;
extern const struct out_writer out_vale_writer;

#endif
