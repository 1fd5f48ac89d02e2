/* numconf.h: NumberConflict: one quantity given two values. */
#ifndef NUMCONF_H
#define NUMCONF_H

struct incons;

/*
 * Adds NumberConflict findings: the same counted thing, price or age given
 * values that cannot both be true, with no change or revision stated near
 * either.
 * Cannot fail.
 */
void numconf_run(const struct incons *ic);

#endif
