/* t_core.c: arena, posmap, pattern expansion, the phrase matcher, lexicons. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "doc.h"
#include "harness.h"
#include "lex.h"
#include "match.h"
#include "pat.h"
#include "posmap.h"
#include "strip.h"
#include "tok.h"
#include "utf8.h"

static void
test_arena(void)
{
	struct arena a;
	char *p, *q;
	void *arr = NULL;
	size_t cap = 0, i;
	int ok = 1;

	arena_init(&a);
	p = arena_alloc(&a, 10);
	q = arena_alloc(&a, 1 << 20);	/* a block of its own */
	memset(p, 'x', 10);
	memset(q, 'y', 1 << 20);
	OK(p[9] == 'x' && q[(1 << 20) - 1] == 'y', "small and large blocks");
	OK(((size_t)p & 15) == 0, "allocations are aligned");
	for (i = 0; i < 1000; i++) {
		arena_grow(&a, &arr, &cap, sizeof(int), i + 1);
		((int *)arr)[i] = (int)i;
	}
	for (i = 0; i < 1000; i++)
		ok &= ((int *)arr)[i] == (int)i;
	OK(ok && cap >= 1000, "arena_grow keeps contents");
	STR_EQ(arena_strndup(&a, "abcdef", 3), "abc", "strndup");
	arena_release(&a);
	OK(a.head == NULL, "release empties the arena");
}

static void
test_posmap(void)
{
	struct arena a;
	struct posmap pm;

	arena_init(&a);
	posmap_init(&pm);
	/* "ab" verbatim at 10, "&amp;" -> "&", "cd" verbatim at 17 */
	posmap_add(&pm, &a, 0, 10, 2, 2);
	posmap_add(&pm, &a, 2, 12, 1, 5);
	posmap_add(&pm, &a, 3, 17, 2, 2);
	posmap_add(&pm, &a, 5, 19, 2, 2);	/* merges with the previous */
	INT_EQ(pm.nsegs, 3, "adjacent verbatim runs merge");
	INT_EQ(posmap_start(&pm, 1), 11, "verbatim start");
	INT_EQ(posmap_start(&pm, 2), 12, "entity start");
	INT_EQ(posmap_end(&pm, 3), 17, "entity end covers the entity");
	INT_EQ(posmap_start(&pm, 4), 18, "after the entity");
	INT_EQ(posmap_end(&pm, 7), 21, "end of text");
	arena_release(&a);
}

static size_t
expand(const char *p, struct pat_list *l)
{
	int icase = 1;

	l->v = NULL;
	l->n = l->cap = 0;
	if (pat_expand(p, l, &icase) < 0)
		return (size_t)-1;
	return l->n;
}

static void
test_pat(void)
{
	struct pat_list l;

	INT_EQ(expand("(?:is|are) expected to", &l), 2, "group alternation");
	STR_EQ(l.v[1], "are expected to", "second alternative");
	pat_list_free(&l);
	INT_EQ(expand("colou?r", &l), 2, "optional character");
	pat_list_free(&l);
	INT_EQ(expand("[Ss]ources? said", &l), 4, "class and optional");
	pat_list_free(&l);
	INT_EQ(expand("\\bfoo\\b", &l), 1, "word boundaries");
	STR_EQ(l.v[0], "foo", "boundaries vanish");
	pat_list_free(&l);
	INT_EQ(expand("as of \\d+", &l), 1, "number class");
	pat_list_free(&l);
	OK(expand("fo+", &l) == (size_t)-1, "a quantifier needs a regex");
	pat_list_free(&l);
	OK(expand("a.b", &l) == (size_t)-1, "a dot needs a regex");
	pat_list_free(&l);
	OK(expand("(?=x)", &l) == (size_t)-1, "a lookahead needs a regex");
	pat_list_free(&l);
}

struct hits {
	char got[256];
};

static void
on_hit(void *ctx, uint32_t rule, uint32_t item, size_t first, size_t n)
{
	struct hits *h = ctx;
	size_t len = strlen(h->got);

	snprintf(h->got + len, sizeof(h->got) - len, "%s%u:%u@%zu+%zu",
	    len ? " " : "", rule, item, first, n);
}

static void
add(struct matcher *m, const char *phrase, uint32_t rule, unsigned flags)
{
	struct tok t[MATCH_MAX_TOKENS + 1];
	size_t n = tok_phrase(phrase, strlen(phrase), t, MATCH_MAX_TOKENS + 1);

	match_add(m, phrase, t, n, rule, 0, flags);
}

static void
test_match(void)
{
	struct matcher *m = match_new();
	struct hits h;
	const char *text = "It is expected to rain in May. It may rain. "
	    "It could not be seen.";
	struct doc *d = doc_new("t.txt", text, strlen(text));

	strip_txt(d);
	tok_split2(d, NULL, NULL);
	add(m, "is expected", 0, 0);
	add(m, "is expected to", 0, 0);
	add(m, "may", 0, 0);
	add(m, "May", 0, MATCH_EXCEPTION | MATCH_CASE);
	add(m, "could", 0, 0);
	add(m, "could not", 0, MATCH_EXCEPTION);
	add(m, "rain", 1, 0);
	h.got[0] = '\0';
	match_run(m, d, 2, on_hit, &h);
	STR_EQ(h.got, "0:0@1+3 1:0@4+1 0:0@9+1 1:0@10+1",
	    "longest match, exceptions consume, rules independent");
	match_free(m);
	doc_free(d);
}

static void
test_lex(void)
{
	static const char *const words[] = { "familiar with", "briefed on",
	    "source", "" };
	struct lexicon *lx = lex_from_list(words);
	const char *text = "a source familiar with the plan";
	struct doc *d = doc_new("t.txt", text, strlen(text));
	size_t n = 0;

	strip_txt(d);
	tok_split2(d, NULL, NULL);
	OK(lex_get(lx, "Briefed  On", 11) != NULL, "lookup folds case and space");
	OK(lex_get(lx, "briefed", 7) == NULL, "a prefix is not an entry");
	OK(lex_match(lx, d, 2, &n) != NULL && n == 2, "lex_match on tokens");
	OK(lex_get_tok(lx, d->toks[1].key) != NULL, "single token lookup");
	lex_free(lx);
	doc_free(d);
}

static void
test_utf8(void)
{
	char out[64];
	size_t n;
	int32_t cp;

	n = utf8_fold_strip("Peña", strlen("Peña"), out, sizeof(out));
	OK(n == 4 && memcmp(out, "pena", 4) == 0, "fold strips accents");
	n = utf8_fold_strip("Søren", strlen("Søren"), out, sizeof(out));
	OK(n == 5 && memcmp(out, "soren", 5) == 0, "fold maps ø to o");
	INT_EQ(utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 1,
	    "overlong form is invalid");
	INT_EQ(cp, UTF8_REPLACEMENT, "invalid yields U+FFFD");
	INT_EQ(utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 1,
	    "surrogate is invalid");
	INT_EQ(utf8_count("añb\xFF", 5), 4, "count code points, invalid singly");
}

int
main(void)
{
	harness_name = "t_core";
	test_arena();
	test_posmap();
	test_pat();
	test_match();
	test_lex();
	test_utf8();
	return harness_failed != 0;
}
