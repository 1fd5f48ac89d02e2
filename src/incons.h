/* incons.h: inconsistency checks across a whole story. */
#ifndef INCONS_H
#define INCONS_H

struct doc;
struct ruleset;
struct lexset;

/*
 * Adds NumberConflict, NameVariant, TitleConflict, QuoteMismatch,
 * DateConflict and PhraseRepetition findings to d (after attribution).
 * Cannot fail.
 */
void incons_run(struct doc *d, const struct ruleset *rs,
    const struct lexset *lx);

#endif
