/* attr.c: quote attribution (NEEDSWORK: sieves land with the attribution issue). */
#include "attr.h"

#include "doc.h"
#include "people.h"

void
attr_run(struct doc *d, const struct ruleset *rs, const struct lexset *lx)
{
	(void)rs;
	people_build(d, lx);
}
