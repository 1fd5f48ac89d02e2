/* attr.h: quote attribution, the person table and the sources of a story. */
#ifndef ATTR_H
#define ATTR_H

struct doc;
struct ruleset;
struct lexset;

/*
 * Names the speaker of every quote in d->quotes (quote_find has run), builds
 * d->sources, and adds the attribution findings (UnattributedQuote,
 * AmbiguousSpeaker, NoAnonymityReason).  Cannot fail.
 */
void attr_run(struct doc *d, const struct ruleset *rs,
    const struct lexset *lx);

#endif
