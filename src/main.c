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
#include "jobs.h"
#include "lexset.h"
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
cli_check(struct cli *c, struct rule_ctx *x, struct doc *d)
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
	lexset_mark(&c->lex, d);	/* which lexicons each token starts */
	quote_find(d, c->rs);		/* spans; marks tokens in quotes */
	attr_run(d, c->rs, &c->lex);	/* speakers, sources */
	rule_run_ctx(c->rs, x, d);	/* every phrase rule in one pass */
	incons_run(d, c->rs, &c->lex);	/* numbers, names, titles, dates */
	finding_sort(d);
	cli_limit(c, d);
	d->arena.bail = NULL;
	return 0;
}

/* What the -j workers share with the writer: the options and the status. */
struct run {
	struct cli *c;
	int status;
};

static void *
check_thread_new(void *arg)
{
	(void)arg;
	return rule_ctx_new();		/* each thread its own match data */
}

static void
check_thread_free(void *arg, void *x)
{
	(void)arg;
	rule_ctx_free(x);
}

/*
 * An empty stand-in for part u of a file that could not be read or
 * checked, so that the writer still closes the file's entry; NULL when
 * even that fails.
 */
static struct doc *
stand_in(struct cli *c, struct rule_ctx *x, const struct cli_unit *u)
{
	struct doc *d = doc_new(c->paths[u->path], "", 0);

	d->part = u->range->part;
	d->failed = 1;
	if (cli_check(c, x, d) < 0) {
		doc_free(d);
		return NULL;
	}
	return d;
}

/*
 * On a worker: read and check unit i (a file, or a part of a large one);
 * NULL when a file is refused.
 */
static void *
check_one(void *arg, void *x, size_t i)
{
	struct run *r = arg;
	const struct cli_unit *u = &r->c->units[i];
	struct doc *d = cli_read(r->c, i);	/* a file, a part, stdin */

	if (d != NULL && cli_check(r->c, x, d) < 0) {
		doc_free(d);
		d = NULL;
	}
	if (d == NULL && u->range != NULL)
		d = stand_in(r->c, x, u);
	return d;
}

/* In input order: write the findings, keep the exit status, free. */
static void
write_one(void *arg, size_t i, void *vd)
{
	struct run *r = arg;
	struct cli *c = r->c;
	struct doc *d = vd;

	(void)i;
	if (d == NULL || d->failed)
		r->status = 2;
	if (d == NULL)
		return;
	c->out.w->doc(&c->out, d);		/* one writer a format */
	if (finding_worst(d, c->out.min_level) >= c->fail_level &&
	    c->fail_level > LEVEL_NONE && r->status == 0)
		r->status = 1;
	doc_free(d);
}

static const struct jobs_ops check_ops = {
	check_thread_new, check_thread_free, check_one, write_one
};

int
main(int argc, char **argv)
{
	struct cli c;
	struct run r = { &c, 0 };

	signal(SIGPIPE, SIG_IGN);	/* EPIPE is reported, not fatal */
	if (cli_init(&c, argc, argv) < 0)
		return cli_release(&c, 2);	/* frees what was loaded */
	if (c.done)
		return cli_release(&c, 0);
	c.out.w->begin(&c.out);
	/* -j: output in input order; a part of a large file is large, so
	 * keep few finished ones waiting */
	jobs_run_ahead(c.nunits, c.jobs > 0 ? c.jobs : jobs_default(),
	    c.nunits > c.npaths ? 1 : JOBS_AHEAD, &check_ops, &r);
	c.out.w->end(&c.out);
	if (cli_flush(&c) < 0 || c.rs->runtime_errors || c.walk_errors)
		r.status = 2;
	return cli_release(&c, r.status);
}
