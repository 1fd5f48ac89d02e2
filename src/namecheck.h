/* namecheck.h: NameVariant and TitleConflict: one person, two forms. */
#ifndef NAMECHECK_H
#define NAMECHECK_H

struct incons;

/*
 * Adds NameVariant findings (a surname spelled two ways, or with and
 * without accents) and TitleConflict findings (one person given two titles
 * of one exclusive group).
 * Cannot fail.
 */
void namecheck_run(const struct incons *ic);

#endif
