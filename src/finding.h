/* finding.h: findings (problems in a draft) and the built-in check ids. */
#ifndef FINDING_H
#define FINDING_H

#include <stddef.h>

struct doc;
struct rule;
struct ruleset;

enum level {
	LEVEL_NONE = 0,		/* disabled, or "none" for --fail-level */
	LEVEL_SUGGESTION = 1,
	LEVEL_WARNING = 2,
	LEVEL_ERROR = 3
};

#define FINDING(e, name, lvl, cat, desc) FINDING_##e,
enum finding_id {
#include "finding.def"
	FINDING_COUNT
};
#undef FINDING

/*
 * Most findings kept for one document.  A draft that trips more than this
 * is garbage or a misconfigured rule; one TooManyFindings finding says so
 * instead of flooding the editor (and memory).
 */
#ifndef FINDING_MAX_PER_DOC
#define FINDING_MAX_PER_DOC 10000
#endif

struct finding {
	const struct rule *rule;
	int level;
	size_t toff, tlen;	/* span in d->text */
	size_t soff, slen;	/* span in the source file */
	const char *message;	/* in the document's arena */
	const char *suggestion;	/* replacement, or NULL */
};

/* Suppressed source range (comments such as <!-- copydesk off -->). */
struct supp {
	size_t start, end;	/* source offsets */
	const char *rule;	/* rule id or style, NULL for every rule */
};

/* Names and defaults of the built-in checks, indexed by enum finding_id. */
const char *finding_name(int id);
int finding_default_level(int id);
const char *finding_category(int id);
const char *finding_description(int id);

/* "suggestion", "warning", "error" (and "none"); parse returns -1 if bad. */
const char *finding_level_name(int level);
int finding_level_parse(const char *s);

/*
 * Adds a finding of rule r over text span [toff, toff+tlen) with message
 * msg (copied into the arena).  Does nothing when the rule is disabled for
 * this document or the span is suppressed.  Uses the rule's level for this
 * document unless level > 0.  Returns the finding or NULL.
 */
struct finding *finding_add(struct doc *d, const struct rule *r, int level,
    size_t toff, size_t tlen, const char *msg);

/* Is text offset toff suppressed for rule r by a comment? */
int finding_suppressed(const struct doc *d, const struct rule *r,
    size_t soff);

/* Sorts d->findings by source offset, then rule id, then length. */
void finding_sort(struct doc *d);

/* The highest level among d's findings at or above min_level. */
int finding_worst(const struct doc *d, int min_level);

/*
 * The finding's matched text with whitespace runs folded to one space,
 * written into the arena.
 */
const char *finding_match(struct doc *d, const struct finding *f);

/*
 * Formats a Vale message template: each %s takes the next argument (missing
 * ones become ""), %% is a percent sign.  Result in d's arena.
 */
const char *finding_format(struct doc *d, const char *tmpl,
    const char *a1, const char *a2);

#endif
