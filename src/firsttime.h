/* firsttime.h: a "first time" claim against a later "once before". */
#ifndef FIRSTTIME_H
#define FIRSTTIME_H

struct rule;
struct incons;

/*
 * Adds a finding of rule r (a contradiction rule) at a sentence that tells
 * of an earlier time ("had closed the bay ... once before") when an
 * earlier sentence called the same act, sharing two content words, the
 * first time ("the first time the department had ever closed Tamsen
 * Bay").  Starts from ic->scan's claims and befores.  Cannot fail.
 */
void firsttime_run(const struct incons *ic, const struct rule *r);

#endif
