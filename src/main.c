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

/* On a worker: read and check the i-th input; NULL when refused. */
static void *
check_one(void *arg, void *x, size_t i)
{
	struct run *r = arg;
	struct doc *d = cli_read(r->c, i);	/* a file or stdin */

	if (d != NULL && d->parts == NULL && cli_check(r->c, x, d) < 0) {
		doc_free(d);
		d = NULL;
	}
	return d;
}

/* Writes checked document d (a file or a part of one), keeps the status. */
static void
write_doc(struct run *r, struct doc *d)
{
	struct cli *c = r->c;

	c->out.w->doc(&c->out, d);		/* one writer a format */
	if (finding_worst(d, c->out.min_level) >= c->fail_level &&
	    c->fail_level > LEVEL_NONE && r->status == 0)
		r->status = 1;
}

/*
 * A large plain-text file, one part at a time: read, check, write, free.
 * It runs where the output is written, so parts come out in order and
 * only one is in memory.  A part that fails (over the memory cap) or a
 * read error ends the file with an empty last part, so that its output
 * stays well formed.
 */
static void
write_parts(struct run *r, struct doc *whole)
{
	struct rule_ctx *x = rule_ctx_new();
	struct doc *d;
	unsigned started = 0, part;

	while ((d = doc_parts_next(whole)) != NULL) {
		part = d->part;
		d->levels = cli_levels(r->c, d, d->path);
		if (cli_check(r->c, x, d) < 0) {
			doc_free(d);
			r->status = 2;
			break;
		}
		write_doc(r, d);
		doc_free(d);
		started = 1;
		if (part & DOC_PART_LAST) {
			rule_ctx_free(x);
			return;
		}
	}
	/* a part over the memory cap, or a read error: end the file */
	d = doc_new(whole->path, "", 0);
	d->fmt = whole->fmt;
	d->part = (started ? 0 : DOC_PART_FIRST) | DOC_PART_LAST;
	if (cli_check(r->c, x, d) == 0)
		write_doc(r, d);
	doc_free(d);
	if (doc_parts_failed(whole))
		r->status = 2;
	rule_ctx_free(x);
}

/* In input order: write the findings, keep the exit status, free. */
static void
write_one(void *arg, size_t i, void *vd)
{
	struct run *r = arg;
	struct doc *d = vd;

	(void)i;
	if (d == NULL) {
		r->status = 2;
		return;
	}
	if (d->parts != NULL)
		write_parts(r, d);
	else
		write_doc(r, d);
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
	jobs_run(c.npaths, c.jobs > 0 ? c.jobs : jobs_default(), &check_ops,
	    &r);				/* -j: output in input order */
	c.out.w->end(&c.out);
	if (cli_flush(&c) < 0 || c.rs->runtime_errors || c.walk_errors)
		r.status = 2;
	return cli_release(&c, r.status);
}
