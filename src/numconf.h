/* numconf.h: NumberConflict: one quantity given two values. */
#ifndef NUMCONF_H
#define NUMCONF_H

#include <stddef.h>

struct incons;
struct numconf;

/*
 * The check's state for ic's document (in its arena), or NULL when a
 * lexicon it needs is missing.  Cannot fail.
 */
struct numconf *numconf_new(const struct incons *ic);

/*
 * Notes token i, a number or a word that may be a number word, outside
 * quotes: incons.c's scan calls it for each such token in token order,
 * while the token is in cache.
 */
void numconf_word(struct numconf *c, size_t i);

/*
 * Adds NumberConflict findings: the same counted thing, price or age given
 * values that cannot both be true, with no change or revision stated near
 * either.
 * Cannot fail.
 */
void numconf_run(struct numconf *c);

#endif
