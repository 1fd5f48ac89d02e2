/* t_quote.c: quotation spans, kinds, running quotes, unbalanced marks. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "finding.h"
#include "harness.h"
#include "quote.h"
#include "rule.h"
#include "strip.h"
#include "tok.h"

static struct ruleset *rs;

static struct doc *
quotes(const char *s)
{
	struct doc *d = doc_new("t.txt", s, strlen(s));

	strip_txt(d);
	tok_split2(d, NULL, NULL);
	quote_find(d, rs);
	return d;
}

/* The text of quote i of s, with its kind, as "kind:text". */
static const char *
q(const char *s, size_t i)
{
	static char out[256];
	struct doc *d = quotes(s);

	if (i >= d->nquotes)
		snprintf(out, sizeof(out), "(none of %zu)", d->nquotes);
	else
		snprintf(out, sizeof(out), "%s:%.*s",
		    quote_kind_name(d->quotes[i].kind),
		    (int)d->quotes[i].tlen, d->text + d->quotes[i].toff);
	doc_free(d);
	return out;
}

static size_t
unbalanced(const char *s)
{
	struct doc *d = quotes(s);
	size_t n = d->nfindings;

	doc_free(d);
	return n;
}

int
main(void)
{
	harness_name = "t_quote";
	rs = rule_set_new();
	STR_EQ(q("“We will win,” she said.", 0), "full:We will win,",
	    "a full quote, marks excluded");
	STR_EQ(q("He said the city was \"pouring good money after bad.\"", 0),
	    "partial:pouring good money after bad.", "a partial quote");
	STR_EQ(q("“First part,” Smith said, “second part.”", 1),
	    "full:second part.", "a quote split by its attribution");
	STR_EQ(q("“He told me ‘never again’ and left,” she said.", 0),
	    "nested:never again", "a nested quote comes first (closes first)");
	STR_EQ(q("“He told me ‘never again’ and left,” she said.", 1),
	    "full:He told me ‘never again’ and left,", "the outer quote");
	STR_EQ(q("The so-called “reform” failed.", 0), "scare:reform",
	    "a one-word scare quote");
	STR_EQ(q("She wrote “The Colossal Octopus” in 1801.", 0),
	    "title:The Colossal Octopus", "a Title Case title");
	STR_EQ(q("Her report, “Roads Not Taken,” came out in May.", 0),
	    "title:Roads Not Taken,", "a title with the sentence's comma");
	STR_EQ(q("The “Stop, Drop, Roll” drill ran.", 0),
	    "title:Stop, Drop, Roll", "a title with commas inside");
	STR_EQ(q("It is called “the Iron Mile,” locally.", 0),
	    "title:the Iron Mile,", "a name after an article");
	STR_EQ(q("“Never,” she said.", 0), "full:Never,",
	    "one capitalised word with a comma is speech");
	STR_EQ(q("“No, not yet,” she said.", 0), "full:No, not yet,",
	    "commas in lower-case words are speech");
	STR_EQ(q("“It is a long road,\n\n“and we walked it,” he said.", 1),
	    "continued:and we walked it,", "a running quote continues");
	INT_EQ(unbalanced("“It is a long road,\n\n“and we walked it,” he said."),
	    0, "a running quote is not unbalanced");
	INT_EQ(unbalanced("“It is a long road, he said.\n\nThen he left."), 1,
	    "an unclosed quote is reported");
	INT_EQ(unbalanced("Jones’ car and the ’90s and don’t."), 0,
	    "apostrophes open no quote");
	STR_EQ(q("\"I think [it]'s fine[,]\" said Oldman.", 0),
	    "full:I think [it]'s fine[,]", "a misread apostrophe does not block the close");
	STR_EQ(q("\"He said, 'Bloody hell, a drummer' \", he recalled.", 0),
	    "nested:Bloody hell, a drummer", "spaced adjacent marks (inner)");
	INT_EQ(unbalanced("\"He said, 'Bloody hell, a drummer' \", he recalled."),
	    0, "spaced adjacent marks close");
	rule_set_free(rs);
	return harness_failed != 0;
}
