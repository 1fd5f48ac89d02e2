/* people.h: the person table (people and organizations a story names, and
 * every mention of them), for attribution and the consistency checks. */
#ifndef PEOPLE_H
#define PEOPLE_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct lexicon;
struct lexset;

enum person_kind {
	PERSON_HUMAN,
	PERSON_ORG
};

enum person_gender {
	GENDER_UNKNOWN,
	GENDER_MALE,
	GENDER_FEMALE
};

struct person {
	const char *name;	/* earliest instance of the longest form */
	const char *surname;	/* last word of a person's name (no 's);
				 * an organization's full name */
	const char *title;	/* first title given, as written, or NULL */
	const char *title_head;	/* its canonical head (titles.txt), or NULL */
	int gender;		/* enum person_gender */
	int kind;		/* enum person_kind */
	size_t toff;		/* first mention, in d->text */
	int nmentions;
	int first_mention;	/* index into d->mentions */
};

enum mention_flags {
	MENTION_FULL = 1 << 0,		/* two or more name words */
	MENTION_SURNAME = 1 << 1,	/* one name word, resolved by table */
	MENTION_AMBIGUOUS = 1 << 2,	/* could be two people: person -1 */
	MENTION_PRONOUN = 1 << 3,	/* he/she, resolved to nearest */
	MENTION_ORG = 1 << 4,		/* an organization's name */
	MENTION_POSS = 1 << 5		/* possessive (Smith's): a modifier */
};

struct mention {
	int person;		/* index into d->people, -1 when unresolved */
	uint32_t first, ntok;	/* tokens of the name (or pronoun) */
	uint32_t tfirst, tntok;	/* tokens of the title here; tntok 0: none */
	size_t toff, tlen;	/* the name in d->text */
	const char *title;	/* title given at this mention, or NULL */
	const char *title_head;	/* canonical head of that title, or NULL */
	int flags;		/* enum mention_flags */
	int last_org;		/* nearest organization mention at or before
				 * this one (index into d->mentions), or -1 */
};


/*
 * Builds d->people and d->mentions (in token order) from the tokens outside
 * quotations (quote_find has run): capitalised name sequences recognised by
 * the given-name lexicon, titles before names ("Trump campaign spokeswoman
 * Karoline Leavitt", "Chief of Staff Jeff Zients", "Dr."), appositives
 * (", a spokeswoman for the city,"), organization names (org suffixes),
 * surnames resolved to the unique earlier person with that surname, and
 * he/she resolved to the nearest earlier compatible person.  Everything
 * lives in d's arena.  Linear in the number of tokens.  Cannot fail.
 */
void people_build(struct doc *d, const struct lexset *lx);

/* Index of the mention covering token i, or -1. */
int people_mention_at(const struct doc *d, size_t i);

/* Index of the last mention starting before token i, or -1. */
int people_mention_before(const struct doc *d, size_t i);

/*
 * The nearest organization (index into d->people) mentioned before token i,
 * or -1: what "the company" and "it" refer back to.
 */
int people_org_before(const struct doc *d, size_t i);

/*
 * The person a pronoun of gender g (enum person_gender; unknown matches any)
 * at token i refers to: the nearest earlier compatible person, or -1.  A
 * possessive mention ("visited Smith's home") modifies a noun and is taken
 * only when no other compatible person is in reach.
 * *ambiguous is set when another compatible person was named in the same
 * sentence as that one.
 */
int people_pronoun(const struct doc *d, size_t i, int g, int *ambiguous);

#endif
