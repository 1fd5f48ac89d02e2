/* lexset.c: loading the shipped lexicons. */
#include "lexset.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "lex.h"

static int
load(struct lexicon **out, const char *dir, const char *file,
    unsigned flags, const char *only)
{
	struct buf p = BUF_INIT;

	buf_printf(&p, "%s/%s", dir, file);
	*out = lex_load_opts(p.ptr, flags, only);
	buf_release(&p);
	return *out == NULL ? -1 : 0;
}

int
lexset_load(struct lexset *ls, const char *dir)
{
	memset(ls, 0, sizeof(*ls));
	if (load(&ls->abbrevs, dir, "abbreviations.txt", 0, NULL) < 0 ||
	    load(&ls->function_words, dir, "function-words.txt", 0,
	    NULL) < 0 ||
	    load(&ls->speech_verbs, dir, "speech-verbs.txt", LEX_ALL_FIELDS,
	    NULL) < 0 ||
	    load(&ls->titles, dir, "titles.txt", 0, NULL) < 0 ||
	    load(&ls->given_names, dir, "given-names.txt", 0, NULL) < 0 ||
	    load(&ls->anon, dir, "anonymous-roles.txt", 0, NULL) < 0 ||
	    load(&ls->org_suffixes, dir, "org-words.txt", 0, "suffix") < 0 ||
	    load(&ls->org_nouns, dir, "org-words.txt", 0, "noun") < 0 ||
	    load(&ls->doc_nouns, dir, "document-nouns.txt", LEX_ALL_FIELDS,
	    NULL) < 0 ||
	    load(&ls->numbers, dir, "number-words.txt", 0, NULL) < 0 ||
	    load(&ls->pronouns, dir, "pronouns.txt", 0, NULL) < 0 ||
	    load(&ls->change_words, dir, "change-words.txt", 0, NULL) < 0 ||
	    load(&ls->title_groups, dir, "title-groups.txt", 0, NULL) < 0 ||
	    load(&ls->attrib_phrases, dir, "attribution-phrases.txt", 0,
	    NULL) < 0 ||
	    load(&ls->calendar, dir, "calendar.txt", 0, NULL) < 0 ||
	    load(&ls->quantity, dir, "quantity-words.txt", 0, NULL) < 0 ||
	    load(&ls->title_mods, dir, "title-modifiers.txt", 0, NULL) < 0 ||
	    load(&ls->doc_verbs, dir, "document-verbs.txt", LEX_ALL_FIELDS,
	    NULL) < 0 ||
	    load(&ls->naming_verbs, dir, "naming-verbs.txt", LEX_ALL_FIELDS,
	    NULL) < 0) {
		lexset_release(ls);
		return -1;
	}
	return 0;
}

void
lexset_release(struct lexset *ls)
{
	lex_free(ls->abbrevs);
	lex_free(ls->function_words);
	lex_free(ls->speech_verbs);
	lex_free(ls->titles);
	lex_free(ls->given_names);
	lex_free(ls->anon);
	lex_free(ls->org_suffixes);
	lex_free(ls->org_nouns);
	lex_free(ls->doc_nouns);
	lex_free(ls->numbers);
	lex_free(ls->pronouns);
	lex_free(ls->change_words);
	lex_free(ls->title_groups);
	lex_free(ls->attrib_phrases);
	lex_free(ls->calendar);
	lex_free(ls->quantity);
	lex_free(ls->title_mods);
	lex_free(ls->doc_verbs);
	lex_free(ls->naming_verbs);
	memset(ls, 0, sizeof(*ls));
}
