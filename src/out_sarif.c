/*
 * out_sarif.c: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers:
 * one run, every loaded rule, one result a finding.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "finding.h"
#include "out.h"
#include "rule.h"
#include "utf8.h"
#include "xalloc.h"

#ifndef COPYDESK_VERSION
#define COPYDESK_VERSION "0.1.0"
#endif
#ifndef COPYDESK_URL
#define COPYDESK_URL "https://github.com/copydesk/copydesk"
#endif

struct sarif {
	char cwd[PATH_MAX];	/* "" when unknown */
	size_t nresults;
};

static const char *
sarif_level(int level)
{
	return out_level(level, "note", "warning", "error");
}

/* RFC 3986 characters kept as they are; others are percent-encoded. */
#define SARIF_PATH_CHARS "-._~/"
#define SARIF_URI_CHARS "-._~:/?#[]@!$&'()*+,;=%"

static int
is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/*
 * Writes s at w (room for 3 * strlen(s) bytes) with every byte that is not
 * alphanumeric or in safe percent-encoded, and a '%' that starts no %XX
 * escape too; returns the end.
 */
static char *
pct_put(char *w, const char *s, const char *safe)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if (((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(safe, *p) != NULL) &&
		    (*p != '%' || (is_hex(p[1]) && is_hex(p[2])))) {
			*w++ = (char)*p;
		} else {
			*w++ = '%';
			*w++ = hex[*p >> 4];
			*w++ = hex[*p & 15];
		}
	}
	return w;
}

/* Appends s percent-encoded as pct_put does. */
static void
sarif_pct(struct buf *b, const char *s, const char *safe)
{
	buf_commit(b, pct_put(buf_room(b, xst_mult(strlen(s), 3)), s, safe));
}

/*
 * Appends path as a URI reference relative to the working directory:
 * "./" dropped, an absolute path under the working directory made
 * relative, any other absolute path a file: URI.  Only unreserved
 * characters and '/' are kept (':' is encoded, so that a first segment
 * never reads as a scheme).
 */
static void
sarif_uri(struct buf *b, const struct sarif *s, const char *path)
{
	size_t n = strlen(s->cwd);

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (n > 0 && strncmp(path, s->cwd, n) == 0 && path[n] == '/')
		path += n + 1;
	else if (path[0] == '/')
		buf_puts(b, "file://");
	sarif_pct(b, path, SARIF_PATH_CHARS);
}

static void
sarif_rule(struct buf *b, const struct rule *r)
{
	const char *desc = r->description ? r->description : r->message ?
	    r->message : r->id;

	buf_puts(b, "            {\n              \"id\": ");
	out_json_str(b, r->id, strlen(r->id));
	buf_puts(b, ",\n              \"shortDescription\": {\n"
	    "                \"text\": ");
	out_json_str(b, desc, strlen(desc));
	buf_puts(b, "\n              },\n");
	if (r->link != NULL) {
		/* a rule file's link may hold spaces or '<': encode them */
		buf_puts(b, "              \"helpUri\": \"");
		sarif_pct(b, r->link, SARIF_URI_CHARS);
		buf_puts(b, "\",\n");
	}
	buf_printf(b, "              \"defaultConfiguration\": {\n"
	    "                \"level\": \"%s\"%s\n              }",
	    sarif_level(r->level > LEVEL_NONE ? r->level : r->default_level),
	    r->level > LEVEL_NONE ? "" : ",\n                \"enabled\": false");
	if (r->category != NULL) {
		buf_puts(b, ",\n              \"properties\": {\n"
		    "                \"category\": ");
		out_json_str(b, r->category, strlen(r->category));
		buf_puts(b, ",\n                \"tags\": [\n"
		    "                  ");
		out_json_str(b, r->category, strlen(r->category));
		buf_puts(b, "\n                ]\n              }");
	}
	buf_puts(b, "\n            }");
}

static void
sarif_begin(struct out *o)
{
	struct sarif *s = xcalloc(1, sizeof(*s));
	struct buf *b = &o->b;
	size_t i;

	if (getcwd(s->cwd, sizeof(s->cwd)) == NULL)
		s->cwd[0] = '\0';
	o->state = s;
	buf_reset(b);
	buf_puts(b, "{\n  \"$schema\": \"https://json.schemastore.org/"
	    "sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n"
	    "    {\n      \"tool\": {\n        \"driver\": {\n"
	    "          \"name\": \"copydesk\",\n          \"version\": \""
	    COPYDESK_VERSION "\",\n          \"informationUri\": \""
	    COPYDESK_URL "\",\n          \"rules\": [");
	for (i = 0; o->rs != NULL && i < o->rs->n; i++) {
		buf_puts(b, i ? ",\n" : "\n");
		sarif_rule(b, o->rs->rules[i]);
	}
	buf_puts(b, o->rs != NULL && o->rs->n ? "\n          ]\n" : "]\n");
	buf_puts(b, "        }\n      },\n"
	    "      \"columnKind\": \"unicodeCodePoints\",\n"
	    "      \"results\": [");
	fwrite(b->ptr, 1, b->len, o->fp);
	buf_reset(b);
}

/*
 * Bytes of a result besides its strings and URI: field names and
 * indentation (under 750), eight numbers of at most 20 digits.
 */
#define SARIF_RESULT_FIXED 1024

/* Appends finding f; uri is d's path as sarif_uri writes it. */
static void
sarif_result(struct buf *b, const struct buf *uri, struct doc *d,
    const struct finding *f, size_t choff)
{
	const char *id = f->rule->id, *level = sarif_level(f->level);
	size_t lid = strlen(id), lmsg = strlen(f->message);
	size_t line, col, el, ec, room;
	char *w;

	out_pos(d, f, &line, &col, &el, &ec);
	room = xst_add(xst_add(lid, lmsg), f->slen);
	room = xst_add(xst_mult(room, 6), xst_add(uri->len, strlen(level)));
	w = buf_room(b, xst_add(room, SARIF_RESULT_FIXED));
	w = out_json_put(OUT_PUT_LIT(w, "\n        {\n          \"ruleId\": "),
	    id, lid);
	w = OUT_PUT_NUM(w, ",\n          \"ruleIndex\": ", f->rule->index);
	w = out_put_str(OUT_PUT_LIT(w, ",\n          \"level\": \""), level);
	w = out_json_put(OUT_PUT_LIT(w, "\",\n          \"message\": {\n"
	    "            \"text\": "), f->message, lmsg);
	w = OUT_PUT_LIT(w, "\n          },\n          \"locations\": [\n"
	    "            {\n              \"physicalLocation\": {\n"
	    "                \"artifactLocation\": {\n"
	    "                  \"uri\": \"");
	memcpy(w, uri->ptr, uri->len);
	w += uri->len;
	w = OUT_PUT_NUM(w, "\"\n                },\n                \"region\": {\n"
	    "                  \"startLine\": ", line);
	w = OUT_PUT_NUM(w, ",\n                  \"startColumn\": ", col);
	w = OUT_PUT_NUM(w, ",\n                  \"endLine\": ", el);
	w = OUT_PUT_NUM(w, ",\n                  \"endColumn\": ", ec);
	w = OUT_PUT_NUM(w, ",\n                  \"charOffset\": ",
	    d->char_base + choff);
	w = OUT_PUT_NUM(w, ",\n                  \"charLength\": ",
	    utf8_count(d->src + f->soff, f->slen));
	w = OUT_PUT_NUM(w, ",\n                  \"byteOffset\": ",
	    d->off_base + f->soff);
	w = OUT_PUT_NUM(w, ",\n                  \"byteLength\": ", f->slen);
	w = out_json_put(OUT_PUT_LIT(w, ",\n                  \"snippet\": {\n"
	    "                    \"text\": "), d->src + f->soff, f->slen);
	w = OUT_PUT_LIT(w, "\n                  }\n                }\n"
	    "              }\n            }\n          ]\n        }");
	buf_commit(b, w);
}

static void
sarif_doc(struct out *o, struct doc *d)
{
	struct sarif *s = o->state;
	struct buf *b = &o->b, uri = BUF_INIT;
	size_t i, boff = 0, choff = 0;

	buf_reset(b);
	sarif_uri(&uri, s, d->path);	/* the same for every result */
	for (i = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];

		if (!out_shown(o, f))
			continue;
		/* charOffset counts code points, like the columns */
		if (f->soff >= boff) {
			choff += utf8_count(d->src + boff, f->soff - boff);
		} else {
			choff = utf8_count(d->src, f->soff);
		}
		boff = f->soff;
		if (s->nresults++)
			buf_putc(b, ',');
		sarif_result(b, &uri, d, f, choff);
	}
	buf_release(&uri);
	out_flush_doc(o, d);
}

static void
sarif_end(struct out *o)
{
	struct sarif *s = o->state;

	fputs(s->nresults ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n",
	    o->fp);
	free(s);
	o->state = NULL;
}

const struct out_writer out_sarif_writer = {
	"sarif", sarif_begin, sarif_doc, sarif_end
};
