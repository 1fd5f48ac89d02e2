/* datecheck.h: DateConflict: one event anchored to two days. */
#ifndef DATECHECK_H
#define DATECHECK_H

struct incons;

/*
 * Adds DateConflict findings: 'Tuesday's vote' against 'voted on
 * Wednesday', and a weekday that does not fall on the stated date.
 * Cannot fail.
 */
void datecheck_run(const struct incons *ic);

#endif
