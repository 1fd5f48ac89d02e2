/* namecheck.h: NameVariant and TitleConflict: one person, two forms. */
#ifndef NAMECHECK_H
#define NAMECHECK_H

#include <stddef.h>

#include "doc.h"
#include "tok.h"

struct incons;
struct namecheck;

/*
 * The checks' state for ic's document (in its arena), or NULL when a
 * lexicon they need is missing.  Cannot fail.
 */
struct namecheck *namecheck_new(const struct incons *ic);

/*
 * May token i of d, a capitalised word outside quotes, end a name: is it
 * not all capitals, and the last capitalised word of a run in its sentence
 * (or one with a possessive ending)?  Inline: most capitalised words fail
 * here, and cost no call.
 */
static inline int
namecheck_may_end(const struct doc *d, size_t i)
{
	const struct tok *t = &d->toks[i], *u = t + 1;

	if (t->flags & TOK_ALLCAP)
		return 0;
	return !(i + 1 < d->ntoks && u->kind == TOK_WORD &&
	    (u->flags & TOK_CAP) && !(u->flags & TOK_ALLCAP) &&
	    u->sent == t->sent && tok_poss_len(d, t) == 0);
}

/*
 * Notes token i, a capitalised word outside quotes for which
 * namecheck_may_end holds: incons.c's scan calls it for each such token in
 * token order, while the token is in cache.
 */
void namecheck_word(struct namecheck *c, size_t i);

/*
 * Adds NameVariant findings (a surname spelled two ways, or with and
 * without accents) and TitleConflict findings (one person given two titles
 * of one exclusive group) among the words noted.
 * Cannot fail.
 */
void namecheck_run(struct namecheck *c);

/*
 * Optimal string alignment distance of byte strings a and b (a swap of
 * two neighbours is one edit), capped at max + 1; max + 1 too when either
 * is longer than 40 bytes.
 */
int namecheck_osa(const char *a, size_t na, const char *b, size_t nb,
    int max);

#endif
