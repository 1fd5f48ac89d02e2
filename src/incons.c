/* incons.c: inconsistency checks (NEEDSWORK: land with the inconsistency issue). */
#include "incons.h"

#include "doc.h"

void
incons_run(struct doc *d, const struct ruleset *rs, const struct lexset *lx)
{
	(void)d;
	(void)rs;
	(void)lx;
}
