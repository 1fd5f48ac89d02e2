/* namecheck.h: NameVariant and TitleConflict: one person, two forms. */
#ifndef NAMECHECK_H
#define NAMECHECK_H

#include <stddef.h>

struct incons;
struct namecheck;

/*
 * The checks' state for ic's document (in its arena), or NULL when a
 * lexicon they need is missing.  Cannot fail.
 */
struct namecheck *namecheck_new(const struct incons *ic);

/*
 * Notes token i, a capitalised word outside quotes: incons.c's scan calls
 * it for each such token in token order, while the token is in cache.
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
