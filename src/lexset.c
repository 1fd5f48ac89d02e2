/* lexset.c: loading the shipped lexicons. */
#include "lexset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "lex.h"
#include "tok.h"
#include "xalloc.h"

/* The set's lexicons, in bit order; NULL ends the list. */
static void
members(const struct lexset *ls, struct lexicon *out[32])
{
	struct lexicon *const all[] = {
		ls->abbrevs, ls->function_words, ls->speech_verbs, ls->titles,
		ls->given_names, ls->anon, ls->org_suffixes, ls->org_nouns,
		ls->doc_nouns, ls->numbers, ls->pronouns, ls->change_words,
		ls->title_groups, ls->attrib_phrases, ls->calendar,
		ls->quantity, ls->title_mods, ls->doc_verbs, ls->naming_verbs
	};
	size_t i, n = sizeof(all) / sizeof(all[0]);

	for (i = 0; i < n && i < 31; i++)
		out[i] = all[i];
	out[i] = NULL;
}

static size_t
fslot(const struct lexset *ls, uint64_t key)
{
	size_t h = (size_t)(key ^ (key >> 31)) & ls->fmask;

	while (ls->fbits[h] != 0 && ls->fkeys[h] != key)
		h = (h + 1) & ls->fmask;
	return h;
}

/* Gives each lexicon its bit and fills the first-word table. */
static void
index_firsts(struct lexset *ls)
{
	struct lexicon *m[32];
	size_t i, k, total = 0, size = 64;

	members(ls, m);
	for (i = 0; m[i] != NULL; i++)
		total += m[i]->nfirsts;
	while (size < total * 2 + 2)
		size *= 2;
	ls->fmask = size - 1;
	ls->fkeys = xcalloc(size, sizeof(*ls->fkeys));
	ls->fbits = xcalloc(size, sizeof(*ls->fbits));
	for (i = 0; m[i] != NULL; i++) {
		m[i]->bit = (uint32_t)1 << i;
		m[i]->owner = ls;
		for (k = 0; k < m[i]->nfirsts; k++) {
			size_t h = fslot(ls, m[i]->firsts[k]);

			ls->fkeys[h] = m[i]->firsts[k];
			ls->fbits[h] |= m[i]->bit;
		}
	}
}

static uint32_t
first_bits(const struct lexset *ls, uint64_t key)
{
	return ls->fbits[fslot(ls, key)];
}

void
lexset_mark(const struct lexset *ls, struct doc *d)
{
	struct tok *t, *end = d->toks + d->ntoks;
	size_t pl;

	if (ls->fbits == NULL)
		return;
	for (t = d->toks; t < end; t++) {
		t->lex = first_bits(ls, t->key);
		/* Smith's may start what Smith starts */
		if (t->kind == TOK_WORD && (pl = tok_poss_len(d, t)) != 0)
			t->lex |= first_bits(ls, tok_key(d->text + t->off,
			    t->len - pl));
	}
	d->lexowner = ls;
}

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
	index_firsts(ls);
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
	free(ls->fkeys);
	free(ls->fbits);
	memset(ls, 0, sizeof(*ls));
}
