/* t_tok.c: the tokenizer: words, numbers, quote marks, sentences, paragraphs. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "harness.h"
#include "lex.h"
#include "strip.h"
#include "tok.h"
#include "utf8.h"

static struct lexicon *abbrevs, *starters;

static struct doc *
splitn(const char *s, size_t n)
{
	struct doc *d = doc_new("t.txt", s, n);

	strip_txt(d);
	tok_split2(d, abbrevs, starters);
	return d;
}

static struct doc *
split(const char *s)
{
	return splitn(s, strlen(s));
}

/* The tokens of s joined by '|', with Q for a quote mark token. */
static const char *
toks(const char *s)
{
	static char out[1024];
	struct doc *d = split(s);
	size_t i, o = 0;

	for (i = 0; i < d->ntoks && o + d->toks[i].len + 3 < sizeof(out); i++) {
		if (i)
			out[o++] = '|';
		if (d->toks[i].kind == TOK_QUOTE) {
			out[o++] = (d->toks[i].flags & TOK_OPEN) &&
			    !(d->toks[i].flags & TOK_CLOSE) ? '<' :
			    (d->toks[i].flags & TOK_CLOSE) &&
			    !(d->toks[i].flags & TOK_OPEN) ? '>' : 'Q';
			continue;
		}
		memcpy(out + o, d->text + d->toks[i].off, d->toks[i].len);
		o += d->toks[i].len;
	}
	out[o] = '\0';
	doc_free(d);
	return out;
}

/* Sentences of s, each as its first token's text, joined by '|'. */
static const char *
sents(const char *s)
{
	static char out[1024];
	struct doc *d = split(s);
	size_t i, o = 0;

	for (i = 0; i < d->nsents && o + 40 < sizeof(out); i++) {
		const struct tok *t = &d->toks[d->sents[i].first];

		if (i)
			out[o++] = '|';
		memcpy(out + o, d->text + t->off, t->len < 30 ? t->len : 30);
		o += t->len < 30 ? t->len : 30;
	}
	out[o] = '\0';
	doc_free(d);
	return out;
}

static void
test_words(void)
{
	STR_EQ(toks("don't can’t U.S.-Mexico left-wing"),
	    "don't|can’t|U.S.-Mexico|left-wing", "apostrophes and hyphens stay in words");
	STR_EQ(toks("the U.S. border"), "the|U.S.|border", "U.S. keeps its periods");
	STR_EQ(toks("at 6 a.m. today"), "at|6|a.m.|today", "a.m. is one token");
	STR_EQ(toks("AT&T and Procter & Gamble"), "AT&T|and|Procter|&|Gamble",
	    "ampersand inside capitals only");
	STR_EQ(toks("Jones’ car"), "Jones|>|car", "possessive s’ is a closing mark candidate");
}

static void
test_numbers(void)
{
	STR_EQ(toks("2,500 and 3.8 and $1.2 billion"),
	    "2,500|and|3.8|and|$1.2|billion", "thousands, decimals, currency");
	STR_EQ(toks("40% at 6am in the 1960s"), "40%|at|6am|in|the|1960s",
	    "percent, times, decades");
	STR_EQ(toks("the ’90s and '08"), "the|’90s|and|'08", "years with an apostrophe");
	STR_EQ(toks("a 55-year-old man"), "a|55-year-old|man", "hyphenated ages");
	STR_EQ(toks("No. 2 seed"), "No|.|2|seed", "No. 2");
}

static void
test_quotes(void)
{
	STR_EQ(toks("“Yes,” she said."), "<|Yes|,|>|she|said|.", "curly double quotes");
	STR_EQ(toks("\"Yes,\" she said."), "<|Yes|,|>|she|said|.", "straight double quotes");
	STR_EQ(toks("‘Yes’ he said"), "<|Yes|>|he|said", "curly single quotes");
	STR_EQ(toks("«Oui» dit-il"), "<|Oui|>|dit-il", "guillemets");
	STR_EQ(toks("rock 'n' roll"), "rock|'n|>|roll", "elision 'n'");
	STR_EQ(toks("give 'em hell"), "give|'em|hell", "elision 'em");
}

static void
test_sentences(void)
{
	STR_EQ(sents("Mr. Smith left. Dr. Jones stayed."), "Mr|Dr",
	    "titles do not end sentences");
	STR_EQ(sents("Laredo Mayor Dr. Victor D. Trevino also confirmed."),
	    "Laredo", "an initial does not end a sentence");
	STR_EQ(sents("He moved to the U.S. The move was hard."), "He|The",
	    "U.S. ends a sentence before The");
	STR_EQ(sents("He moved to the U.S. Army base."), "He",
	    "U.S. inside a sentence");
	STR_EQ(sents("It is No. 2 in the list. Then came Jan. 5 news."),
	    "It|Then", "No. 2 and Jan. 5");
	STR_EQ(sents("“It works.” Smith said so. Really? Yes!"),
	    "“|Smith|Really|Yes", "closing quotes stay with their sentence");
	STR_EQ(sents("“Is it?” she asked."), "“", "lowercase after a quote continues");
	STR_EQ(sents("Gov. Abbott spoke at 6 p.m. on Monday."), "Gov",
	    "p.m. before a lowercase word");
	STR_EQ(sents("One.\n\nTwo"), "One|Two", "paragraph break ends a sentence");
	STR_EQ(sents("He moved to the U.S.\xCC\x81 The move was hard."), "He",
	    "a mark after U.S. keeps it from ending the sentence");
	STR_EQ(sents("Hi there!\xCC\x81 Then more."), "Hi",
	    "nor does a mark after !");
}

static void
test_paragraphs(void)
{
	struct doc *d = split("First para\nstill first.\n\nSecond.\r\n\r\nThird.");

	INT_EQ(d->nparas, 3, "blank lines (LF and CRLF) separate paragraphs");
	INT_EQ(d->toks[d->paras[1].first].off, 25, "second paragraph offset");
	doc_free(d);
	d = split("One.\n   \nTwo.");
	INT_EQ(d->nparas, 2, "a whitespace-only line is blank");
	doc_free(d);
}

static void
test_unicode(void)
{
	struct doc *d;

	STR_EQ(toks("Pen\xCC\x83" "a said"), "Pen\xCC\x83" "a|said",
	    "combining mark stays in the word");
	STR_EQ(toks("fire \xF0\x9F\x94\xA5 now"), "fire|\xF0\x9F\x94\xA5|now",
	    "emoji is its own token");
	STR_EQ(toks("a \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 b"),
	    "a|\xF0\x9F\x91\xA8\xE2\x80\x8D|\xF0\x9F\x91\xA9|b",
	    "ZWJ attaches to the emoji before it");
	STR_EQ(toks("10\xC2\xA0miles"), "10|miles", "NBSP separates tokens");
	STR_EQ(toks("border – a plan — and..."), "border|–|a|plan|—|and|...",
	    "dashes and ellipsis");
	STR_EQ(toks("wait… what"), "wait|…|what", "single-character ellipsis");
	d = split("bad \xFF byte");
	INT_EQ(d->ntoks, 3, "invalid byte is a token of its own");
	INT_EQ(d->textlen, strlen("bad ") + 3 + strlen(" byte"),
	    "invalid byte becomes U+FFFD in the text");
	INT_EQ(posmap_start(&d->pm, 7), 5, "offset after U+FFFD maps back");
	doc_free(d);
	d = split("\xEF\xBB\xBFHello");
	INT_EQ(d->toks[0].off, 0, "BOM is not in the text");
	INT_EQ(posmap_start(&d->pm, 0), 3, "text 0 is source 3 after a BOM");
	doc_free(d);
	d = splitn("a\0b c", 5);
	INT_EQ(d->ntoks, 3, "NUL separates tokens");
	doc_free(d);
}

static void
test_keys(void)
{
	OK(tok_key("Don’t", 7) == tok_key("don't", 5),
	    "curly and straight apostrophes fold to one key");
	OK(tok_key("ÉTÉ", 5) == tok_key("été", 5), "case folding beyond ASCII");
	OK(tok_key("said", 4) != tok_key("says", 4), "different words differ");
	/* FNV-1a of the folded bytes: lexicons and other modules rely on it */
	OK(tok_key("DON\xE2\x80\x99T-Stop 2,500 CAF\xC3\x89", 24) ==
	    0x57e74745814d1a77ULL, "the key is FNV-1a of the folded form");
	OK(tok_key("ABCDEFGHI", 9) == tok_key("abcdefghi", 9) &&
	    tok_key("ABCDEFGHI", 8) == tok_key("abcdefgh", 8),
	    "folding across the four-byte rounds and the tail");
	OK(tok_key("a\xFF", 2) == tok_key("a\xEF\xBF\xBD", 4),
	    "an invalid byte hashes as U+FFFD, not as itself");
}

/* What scan_uword relies on to hash a word without utf8_lower. */
static void
test_word_class(void)
{
	int32_t cp;
	long bad = 0;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		int wc = utf8_word_class(cp);

		if (!!(wc & UTF8_WORD) != !!utf8_is_word(cp) ||
		    !!(wc & UTF8_LETTER) != !!utf8_is_letter(cp) ||
		    !!(wc & UTF8_UPPER) != !!utf8_is_upper(cp) ||
		    ((wc & (UTF8_WORD | UTF8_UPPER)) == UTF8_WORD &&
		    utf8_lower(cp) != cp))
			bad++;
	}
	INT_EQ(bad, 0, "utf8_word_class agrees with utf8_is_* and utf8_lower");
}

static void
test_count(void)
{
	static const char s[] = "abcdefgh\xC3\xA9ijklmnop\xE2\x80\x99qrstuvwx\xFF";
	size_t i;
	int ok = 1;

	/* the 8-byte ASCII rounds against a byte at a time, every window */
	for (i = 0; i < sizeof(s) - 1; i++) {
		size_t j, slow, k;

		for (j = i; j < sizeof(s); j++) {
			int32_t cp;

			for (slow = 0, k = i; k < j; slow++)
				k += utf8_decode((const unsigned char *)s + k,
				    j - k, &cp);
			if (utf8_count(s + i, j - i) != slow)
				ok = 0;
		}
	}
	OK(ok, "utf8_count agrees with decoding one code point at a time");
}

/* Do the n tokens at a and b agree in all that scanning sets? */
static int
same_toks(const struct tok *a, const struct tok *b, size_t n)
{
	unsigned mask = ~(unsigned)(TOK_SPACE_AFTER | TOK_SSTART |
	    TOK_PSTART);
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i].off != b[i].off || a[i].len != b[i].len ||
		    a[i].key != b[i].key || a[i].kind != b[i].kind ||
		    a[i].qm != b[i].qm ||
		    (a[i].flags & mask) != (b[i].flags & mask))
			return 0;
	return 1;
}

/*
 * Do tok_split2 and tok_phrase (with their ASCII fast paths) give the
 * tokens of the general scanner, tok_phrase_general, for the text of s?
 */
static int
same_as_general(const char *s, size_t n)
{
	struct doc *d = splitn(s, n);
	struct tok t[64], u[64];
	size_t k = tok_phrase_general(d->text, d->textlen, t, 64);
	int same = k <= 64 && k == d->ntoks && same_toks(d->toks, t, k) &&
	    tok_phrase(d->text, d->textlen, u, 64) == k && same_toks(u, t, k);

	doc_free(d);
	return same;
}

static void
test_fast_paths(void)
{
	static const char *const bits[] = { "a", "B", "z", "7", "'", "-",
	    ".", "&", " ", "\n", ",", "\xC3\xA9", "\xE2\x80\x99", "$",
	    "U", "S", "\"", "..", "--", "\xE2\x80\x9C", "(", "%", "0", "abcd",
	    "XY", "\xE2\x80" };
	static const char *const cases[] = { "don't stop", "ten-storey",
	    "U.S.-Mexico", "AT&T and R&D", "end. Next", "end.Next", "dogs' ",
	    "a.m. p.m", "rock-'n'-roll", "x--y", "so...", "caf\xC3\xA9 bar",
	    "it'", "e-", "A-1 1-A", "O'Neil's", "NATO-led",
	    "don\xE2\x80\x99t", "Jones\xE2\x80\x99 car", "ab\xE2\x80\x99",
	    "O\xE2\x80\x99\xC3\x89" "a", "NO\xE2\x80\x99S x", "abcdefgh",
	    "ABCDEFGHI x", "abc\xC3\xA9", "abcd&", NULL };
	char s[64];
	unsigned seed = 12345;
	size_t i, j, k, nb = sizeof(bits) / sizeof(bits[0]), bad = 0;

	for (i = 0; cases[i] != NULL; i++)
		OK(same_as_general(cases[i], strlen(cases[i])), cases[i]);
	for (i = 0; i < 5000; i++) {
		size_t len = 0, parts;

		seed = seed * 1103515245 + 12345;
		parts = 1 + (seed >> 16) % 10;
		for (j = 0; j < parts; j++) {
			seed = seed * 1103515245 + 12345;
			k = (seed >> 16) % nb;
			memcpy(s + len, bits[k], strlen(bits[k]));
			len += strlen(bits[k]);
		}
		if (!same_as_general(s, len))
			bad++;
	}
	INT_EQ(bad, 0, "fast paths agree with the general scanner");
}

int
main(void)
{
	harness_name = "t_tok";
	abbrevs = lex_load("rules/lexicons/abbreviations.txt");
	starters = lex_load("rules/lexicons/function-words.txt");
	OK(abbrevs != NULL && starters != NULL, "lexicons load");
	test_words();
	test_numbers();
	test_quotes();
	test_sentences();
	test_paragraphs();
	test_unicode();
	test_keys();
	test_count();
	test_word_class();
	test_fast_paths();
	lex_free(abbrevs);
	lex_free(starters);
	return harness_failed != 0;
}
