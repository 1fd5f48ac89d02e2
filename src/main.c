/* main.c: copydesk, a checker for news copy; the whole pipeline on one screen. */
#include <getopt.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attr.h"
#include "cli.h"
#include "doc.h"
#include "finding.h"
#include "incons.h"
#include "out.h"
#include "quote.h"
#include "rule.h"
#include "strip.h"
#include "tok.h"

/*
 * Checks one document: strip markup (keeping the map back to the source),
 * tokenize, find quotes, run the rule engine and the analyzers, sort.
 * Returns -1 when the document was refused (message already printed).
 */
int
cli_check(struct cli *c, struct doc *d)
{
	jmp_buf bail;

	if (setjmp(bail) != 0) {	/* over DOC_MAX_MEMORY, or out of memory */
		d->arena.bail = NULL;
		fprintf(stderr, "copydesk: cannot check '%s': it needs more "
		    "memory than the per-document limit (%zu MB)\n", d->path,
		    d->arena.limit >> 20);
		return -1;
	}
	d->arena.bail = &bail;	/* arena_alloc fails just this document */
	if (strip_run(d) < 0) {
		d->arena.bail = NULL;
		return -1;
	}
	tok_split2(d, c->lex.abbrevs, c->lex.function_words);
	quote_find(d, c->rs);		/* spans; marks tokens in quotes */
	attr_run(d, c->rs, &c->lex);	/* speakers, sources */
	rule_run(c->rs, d);		/* every phrase rule in one pass */
	incons_run(d, c->rs, &c->lex);	/* numbers, names, titles, dates */
	finding_sort(d);
	cli_limit(c, d);
	d->arena.bail = NULL;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli c;
	size_t i;
	int status = 0;

	signal(SIGPIPE, SIG_IGN);	/* EPIPE is reported, not fatal */
	if (cli_init(&c, argc, argv) < 0)
		return cli_release(&c, 2);	/* frees what was loaded */
	if (c.done)
		return cli_release(&c, 0);
	c.out.w->begin(&c.out);
	for (i = 0; i < c.npaths; i++) {
		struct doc *d = cli_read(&c, i);	/* file or stdin */

		if (d == NULL || cli_check(&c, d) < 0) {
			status = 2;
			doc_free(d);
			continue;
		}
		c.out.w->doc(&c.out, d);		/* one writer a format */
		if (finding_worst(d, c.out.min_level) >= c.fail_level &&
		    c.fail_level > LEVEL_NONE && status == 0)
			status = 1;
		doc_free(d);
	}
	c.out.w->end(&c.out);
	if (cli_flush(&c) < 0 || c.rs->runtime_errors)
		status = 2;
	return cli_release(&c, status);
}
