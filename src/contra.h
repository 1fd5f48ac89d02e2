/* contra.h: the contradiction rule type (copydesk's extension to Vale). */
#ifndef CONTRA_H
#define CONTRA_H

struct rule;
struct doc;

/*
 * Flags clauses of d in which a subject of r's subjects list is followed by
 * a predicate of its predicates list (or the mirror pair), with no negator
 * between them.  Adds findings of rule r.
 */
void contra_run(const struct rule *r, struct doc *d);

#endif
