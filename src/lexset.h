/* lexset.h: every lexicon the analyzers use, loaded once from rules/lexicons. */
#ifndef LEXSET_H
#define LEXSET_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct lexicon;

struct lexset {
	struct lexicon *abbrevs;	/* abbreviations.txt: abbr -> kind */
	struct lexicon *function_words;	/* function-words.txt */
	struct lexicon *speech_verbs;	/* every inflection -> base form */
	struct lexicon *titles;		/* title -> gender, rest = head */
	struct lexicon *given_names;	/* name -> gender */
	struct lexicon *anon;		/* roles, qualifiers, reasons sections */
	struct lexicon *org_suffixes;	/* org-words.txt kind suffix */
	struct lexicon *org_nouns;	/* org-words.txt kind noun */
	struct lexicon *doc_nouns;	/* document-nouns.txt (both forms) */
	struct lexicon *numbers;	/* number-words.txt: word -> value */
	struct lexicon *pronouns;	/* pronoun -> m f p n */
	struct lexicon *change_words;	/* change-words.txt */
	struct lexicon *title_groups;	/* title head -> exclusive group */
	struct lexicon *attrib_phrases;	/* attribution-phrases.txt */
	struct lexicon *calendar;	/* weekdays, months -> number */
	struct lexicon *quantity;	/* approx, scale, anaphors, units */
	struct lexicon *title_mods;	/* title-modifiers.txt */
	struct lexicon *doc_verbs;	/* document-verbs.txt (all forms) */
	struct lexicon *naming_verbs;	/* naming-verbs.txt (all forms) */

	/* first-word table: token key -> bits of the lexicons it starts */
	uint64_t *fkeys;
	uint32_t *fbits;
	size_t fmask;
};

/*
 * Loads the lexicons from dir (RULES/lexicons).  Returns 0, or -1 after
 * printing which file could not be read.  Free with lexset_release.
 */
int lexset_load(struct lexset *ls, const char *dir);
void lexset_release(struct lexset *ls);

/*
 * Marks each token of d with the lexicons an entry may start in (tok.lex),
 * so that lex_match, lex_tok and lex_may skip the others without a look-up.
 */
void lexset_mark(const struct lexset *ls, struct doc *d);

#endif
