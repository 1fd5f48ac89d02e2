/*
 * fz_all.c: libFuzzer target for the whole check of one document with the
 * shipped rules and lexicons and every analyzer, written as JSON.  The
 * first byte picks the input format.  Run from the top of the source tree
 * (rules/ is loaded once, relative to the working directory, or from
 * $COPYDESK_RULES).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "attr.h"
#include "doc.h"
#include "finding.h"
#include "incons.h"
#include "lexset.h"
#include "out.h"
#include "quote.h"
#include "rule.h"
#include "strip.h"
#include "tok.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ruleset *rs;
static struct lexset lex;
static struct out out;

static void
setup(void)
{
	const char *dir = getenv("COPYDESK_RULES");
	char lexdir[4096];

	if (dir == NULL)
		dir = "rules";
	snprintf(lexdir, sizeof(lexdir), "%s/lexicons", dir);
	rs = rule_set_new();
	if (lexset_load(&lex, lexdir) < 0 || rule_load_dir(rs, dir) < 0 ||
	    rule_compile(rs) < 0) {
		fprintf(stderr, "fz_all: cannot load rules from '%s'\n", dir);
		exit(1);
	}
	out.w = out_find("json");
	out.fp = fopen("/dev/null", "w");
	out.rs = rs;
	out.min_level = LEVEL_SUGGESTION;
	if (out.w == NULL || out.fp == NULL)
		exit(1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "f.txt", "f.md", "f.html",
	    "f.xml" };
	struct doc *d;

	if (rs == NULL)
		setup();
	if (size < 1)
		return 0;
	d = doc_new(names[data[0] & 3], (const char *)data + 1, size - 1);
	if (strip_run(d) == 0) {
		tok_split2(d, lex.abbrevs, lex.function_words);
		lexset_mark(&lex, d);
		quote_find(d, rs);
		attr_run(d, rs, &lex);
		rule_run(rs, d);
		incons_run(d, rs, &lex);
		finding_sort(d);
		out.w->begin(&out);
		out.w->doc(&out, d);
		out.w->end(&out);
		fflush(out.fp);
	}
	doc_free(d);
	return 0;
}
