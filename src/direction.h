/* direction.h: a rise restated as a fall ("the fee cut"), or the reverse. */
#ifndef DIRECTION_H
#define DIRECTION_H

struct rule;
struct doc;

/*
 * Adds a finding of rule r (a contradiction rule) at each definite "the
 * NOUN cut" (or "the NOUN increase") whose noun the story tells of
 * changing only the other way ("raise the annual registration fee").
 * Cannot fail.
 */
void direction_run(const struct rule *r, struct doc *d);

#endif
