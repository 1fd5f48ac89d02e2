/* t_attr.c: attribution sieves, the person table, sources, quote edges. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#include "attr.h"
#include "doc.h"
#include "finding.h"
#include "lexset.h"
#include "people.h"
#include "quote.h"
#include "rule.h"
#include "source.h"
#include "strip.h"
#include "tok.h"

static struct lexset lx;
static struct ruleset *rs;

/* Analyses text; mark: with the tokens' lexicon marks (lexset_mark). */
static struct doc *
run_marked(const char *text, int mark)
{
	struct doc *d = doc_new("t.txt", text, strlen(text));

	strip_run(d);
	tok_split2(d, lx.abbrevs, lx.function_words);
	if (mark)
		lexset_mark(&lx, d);
	quote_find(d, rs);
	attr_run(d, rs, &lx);
	return d;
}

static struct doc *
run(const char *text)
{
	return run_marked(text, 1);
}

/* The n-th speech quote of d. */
static const struct quote *
nth(const struct doc *d, int n)
{
	size_t i;

	for (i = 0; i < d->nquotes; i++)
		if (quote_is_speech(&d->quotes[i]) && n-- == 0)
			return &d->quotes[i];
	return NULL;
}

static const char *
speaker(const struct doc *d, int n)
{
	const struct quote *q = nth(d, n);

	if (q == NULL)
		return "(no quote)";
	return q->speaker_kind == SPEAKER_NONE ? "(none)" : q->speaker;
}

static const char *
method(const struct doc *d, int n)
{
	const struct quote *q = nth(d, n);

	return q && q->method ? q->method : "(none)";
}

static int
count_rule(const struct doc *d, int id)
{
	size_t i;
	int n = 0;

	for (i = 0; i < d->nfindings; i++)
		if (d->findings[i].rule == rule_builtin(rs, id))
			n++;
	return n;
}

static int
nspeech(const struct doc *d)
{
	size_t i;
	int n = 0;

	for (i = 0; i < d->nquotes; i++)
		n += quote_is_speech(&d->quotes[i]);
	return n;
}

static const struct source *
source_named(const struct doc *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nsources; i++)
		if (strcmp(d->sources[i].name, name) == 0)
			return &d->sources[i];
	return NULL;
}

static void
t_sieves(void)
{
	struct doc *d;

	/* 1. adjacent: Q, NAME said. / Q, said TITLE NAME. / NAME said: Q */
	d = run("Mayor Jane Ortiz spoke. \"The water is safe,\" Ortiz said.\n");
	STR_EQ(speaker(d, 0), "Jane Ortiz", "adjacent: Q, SURNAME said");
	STR_EQ(method(d, 0), "adjacent", "adjacent: method");
	doc_free(d);
	d = run("\"We will rebuild,\" said Brownsville Mayor John Cowen.\n");
	STR_EQ(speaker(d, 0), "John Cowen", "adjacent: said TITLE NAME");
	STR_EQ(nth(d, 0)->speaker_title, "Brownsville Mayor",
	    "adjacent: title before the name");
	STR_EQ(nth(d, 0)->cue, "said", "adjacent: cue as written");
	doc_free(d);
	d = run("Sheriff Tom Brady told reporters: \"Stay home tonight.\"\n");
	STR_EQ(speaker(d, 0), "Tom Brady", "adjacent: NAME told X: Q");
	doc_free(d);
	d = run("The plan is dead, \"for now,\" according to Gov. Ann Lee "
	    "Park.\n\"It will not pass this year,\" according to Gov. Ann "
	    "Lee Park.\n");
	STR_EQ(speaker(d, 0), "Ann Lee Park", "adjacent: according to NAME");
	doc_free(d);
	/* negative: a speech verb inside the quote is not a cue */
	d = run("\"Sources said it would happen, Smith said.\"\n");
	STR_EQ(speaker(d, 0), "(none)", "adjacent: no cue inside a quote");
	INT_EQ(count_rule(d, FINDING_UNATTRIBUTED_QUOTE), 1,
	    "unattributed quote reported");
	doc_free(d);

	/* 2. frame: X, who ..., said the city was "..." */
	d = run("Council member Hugh Pardee, who voted no, said the city was "
	    "\"pouring good money into a building.\"\n");
	STR_EQ(speaker(d, 0), "Hugh Pardee", "frame: X, who ..., said");
	doc_free(d);
	d = run("Trump campaign spokeswoman Karoline Leavitt criticized the "
	    "order on Tuesday, saying the president is \"controlled by "
	    "radical left-wing Democrats.\"\n");
	STR_EQ(speaker(d, 0), "Karoline Leavitt", "frame: , saying");
	STR_EQ(nth(d, 0)->speaker_title, "Trump campaign spokeswoman",
	    "frame: multi-word title");
	STR_EQ(nth(d, 0)->cue, "saying", "frame: cue");
	doc_free(d);
	/* negative: a verb that is not speech */
	d = run("Someone in the back of the room shouted \"Fix it now!\" as "
	    "the vote was tallied.\n");
	STR_EQ(speaker(d, 0), "(none)", "frame: no known speaker");
	doc_free(d);

	/* 3. reporting sentence */
	d = run("Regina Folau, a driver for 19 years, said shifts were long. "
	    "\"I leave before they wake up.\"\n");
	STR_EQ(speaker(d, 0), "Regina Folau", "reporting sentence");
	STR_EQ(method(d, 0), "reporting-sentence", "reporting: method");
	doc_free(d);
	d = run("The weather was cold on Tuesday. \"I leave before they wake "
	    "up.\"\n");
	STR_EQ(speaker(d, 0), "(none)", "reporting: none without a cue");
	doc_free(d);

	/* 4. continuation: a running quote */
	d = run("Ana Ruiz said: \"We will publish every report.\n\n\"People "
	    "deserve to see them.\"\n");
	INT_EQ(nspeech(d), 2, "running quote: two paragraphs");
	STR_EQ(speaker(d, 1), "Ana Ruiz", "continuation: running quote");
	STR_EQ(method(d, 1), "continuation", "continuation: method");
	doc_free(d);
	/* negative: another person named in between */
	d = run("\"We are ready,\" Ana Ruiz said.\n\nThe budget went to Mark "
	    "Olsen on Monday.\n\n\"It is too much.\"\n");
	STR_EQ(speaker(d, 1), "(none)", "continuation: not across a name");
	doc_free(d);

	/* split quote: both halves */
	d = run("\"If the state helps, the door is open,\" Brandt said, "
	    "\"but we will not wait.\"\n");
	INT_EQ(nspeech(d), 2, "split quote: two quotes");
	STR_EQ(speaker(d, 1), speaker(d, 0), "split quote: one speaker");
	doc_free(d);
}

static void
t_coref(void)
{
	struct doc *d;
	const struct source *s;

	/* surname and pronoun */
	d = run("Councilwoman Renata Alves spoke first. Later, she read from "
	    "letters. \"These are nurses,\" she said. \"Enough,\" Alves "
	    "said.\n");
	STR_EQ(speaker(d, 0), "Renata Alves", "pronoun she -> person");
	STR_EQ(speaker(d, 1), "Renata Alves", "surname -> person");
	s = source_named(d, "Renata Alves");
	OK(s != NULL && s->naliases == 1 &&
	    strcmp(s->aliases[0], "Alves") == 0, "source alias is the surname");
	INT_EQ(s ? s->quotes : -1, 2, "source counts its quotes");
	doc_free(d);
	/* gender: he skips a woman */
	d = run("Mayor Colleen Brandt met Tomas Reyes. \"It is safe,\" he "
	    "said.\n");
	STR_EQ(speaker(d, 0), "Tomas Reyes", "pronoun he -> compatible person");
	doc_free(d);
	/* a possessive name modifies a noun: not what "he" refers to */
	d = run("\"We start Monday,\" said Coach Eli Brandt, who toured "
	    "Paul Okoro's farm. \"He can help,\" he added.\n");
	STR_EQ(speaker(d, 1), "Eli Brandt", "pronoun skips a possessive");
	doc_free(d);
	/* he/she can refer to a singular anonymous source */
	d = run("Mayor Ruth Pell closed the plant. A line worker, who asked "
	    "not to be named because she fears losing her job, said the "
	    "shift was cut.\n\n\"Nobody warned us,\" she said.\n");
	INT_EQ(nth(d, 0) ? nth(d, 0)->speaker_kind : -1, SPEAKER_ANONYMOUS,
	    "pronoun -> singular anonymous source");
	doc_free(d);
	d = run("Two workers, who asked not to be named, said the shift was "
	    "cut. Mayor Ruth Pell disagreed. \"Nobody lost a job,\" she "
	    "said.\n");
	STR_EQ(speaker(d, 0), "Ruth Pell",
	    "pronoun: not a plural anonymous source, not past a person");
	doc_free(d);
	/* two people share a surname: ambiguous, not guessed */
	d = run("Dan Whitaker runs the council. His brother, Paul Whitaker, "
	    "owns a bakery. \"It is empty,\" Whitaker said.\n");
	STR_EQ(speaker(d, 0), "(none)", "shared surname: unresolved");
	INT_EQ(count_rule(d, FINDING_AMBIGUOUS_SPEAKER), 1,
	    "shared surname: AmbiguousSpeaker");
	doc_free(d);
	/* organization back-reference */
	d = run("The scrap dealer Hollis Metal Company could face fines. The "
	    "company said in a statement that it \"followed every rule.\"\n");
	STR_EQ(speaker(d, 0), "Hollis Metal Company",
	    "the company -> organization");
	INT_EQ(nth(d, 0)->speaker_kind, SPEAKER_ORGANIZATION,
	    "organization kind");
	doc_free(d);
	d = run("Ledgerline, a payroll software company, had an outage. It "
	    "said it would \"make this right for workers.\"\n");
	STR_EQ(speaker(d, 0), "Ledgerline", "it -> organization (appositive)");
	doc_free(d);
	/* the person table keeps the earliest longest form */
	d = run("Mayor Trevino spoke. Later Victor D. Trevino said he agreed. "
	    "Trevino left.\n");
	INT_EQ(d->npeople, 1, "person table: one person");
	STR_EQ(d->npeople ? d->people[0].name : "", "Victor D. Trevino",
	    "person table: longest form");
	STR_EQ(d->npeople ? d->people[0].title : "", "Mayor",
	    "person table: title kept");
	doc_free(d);
	/* a capitalised descriptor before a given name is not the name */
	d = run("Independent Marta Kowal trails in the polls. \"We are not "
	    "done,\" Kowal said.\n");
	STR_EQ(speaker(d, 0), "Marta Kowal", "descriptor before a given name");
	doc_free(d);
	/* an organization noun modifying the title of an appositive */
	d = run("Quenby Ardolino, a retired city bus driver, said the route "
	    "was cut.\n");
	INT_EQ(d->npeople == 1 ? d->people[0].kind : -1, PERSON_HUMAN,
	    "appositive: org noun before a title names a person");
	STR_EQ(d->npeople == 1 && d->people[0].title ? d->people[0].title :
	    "", "retired city bus driver", "appositive: the title it heads");
	doc_free(d);
	/* "her office": the organization of the person "her" refers to */
	d = run("Sen. Rosa Imbert filed the bill. Her office said in a "
	    "statement that it was \"long overdue.\"\n");
	STR_EQ(speaker(d, 0), "Rosa Imbert's office",
	    "possessive pronoun + organization noun");
	doc_free(d);
	/* inverted order: a possessive phrase in apposition with a name */
	d = run("Nadia Obi left. \"It is hard,\" said her sister, Maria "
	    "Obi, on Monday.\n");
	STR_EQ(speaker(d, 0), "Maria Obi", "said POSS noun, NAME");
	doc_free(d);
	/* a pronoun after the verb is its object, not an inverted subject */
	d = run("Gov. Lena Marsh arrived. Her aide tweeted her reasoning, "
	    "\"We must act.\"\n");
	INT_EQ(source_named(d, "Lena Marsh") == NULL, 1,
	    "no inverted pronoun subject");
	doc_free(d);
	/* a gerund after a determiner is a noun, not a cue */
	d = run("Judge Ivo Stanek arrived. His reporting of income was "
	    "late.\n");
	INT_EQ(d->nsources, 0, "gerund after a determiner is no cue");
	doc_free(d);
	/* a base form does not invert: "narrows state Senate race" */
	d = run("Court ruling narrows state Assembly map.\n");
	INT_EQ(d->nsources, 0, "base-form verb takes no inverted subject");
	doc_free(d);
	/* a title followed by another name is that name's, in a list */
	d = run("Guests included Senator Ilse Varga, Deputy Mayor Otto "
	    "Brenn and others.\n");
	STR_EQ(d->npeople ? d->people[0].title : "", "Senator",
	    "list: the next item's title is no appositive");
	doc_free(d);
	/* appositive title after the name */
	d = run("Desmond Achterberg, the local's president, said it was "
	    "over.\n");
	STR_EQ(d->npeople ? d->people[0].title : "", "local's president",
	    "appositive title");
	doc_free(d);
}

static void
t_sources(void)
{
	struct doc *d;
	const struct source *s;

	d = run("Senior officials, including Chief of Staff Jeff Zients, "
	    "called lawmakers, according to two sources familiar with the "
	    "discussions. Edinburgh Mayor Ramiro Garza confirmed the plan. "
	    "CNN's Camila DeChalus contributed to this report.\n");
	OK(source_named(d, "Ramiro Garza") != NULL, "named source");
	OK(source_named(d, "Jeff Zients") == NULL, "mentioned is no source");
	OK(source_named(d, "Camila DeChalus") == NULL,
	    "contributor is no source");
	s = source_named(d, "two sources familiar with the discussions");
	OK(s != NULL && s->kind == SPEAKER_ANONYMOUS, "anonymous source");
	INT_EQ(count_rule(d, FINDING_ANONYMOUS_SOURCE), 1,
	    "one AnonymousSource finding");
	INT_EQ(count_rule(d, FINDING_NO_ANONYMITY_REASON), 1,
	    "NoAnonymityReason without a reason");
	doc_free(d);
	d = run("Two officials, who spoke on condition of anonymity because "
	    "they were not authorized to discuss it, said the deal was "
	    "close.\n");
	INT_EQ(count_rule(d, FINDING_NO_ANONYMITY_REASON), 0,
	    "reason given: no NoAnonymityReason");
	doc_free(d);
	d = run("The money comes from reserves, according to a staff report. "
	    "Court records show the firm was sued.\n");
	s = source_named(d, "staff report");
	OK(s != NULL && s->kind == SPEAKER_DOCUMENT, "document: according to");
	s = source_named(d, "Court records");
	OK(s != NULL && s->kind == SPEAKER_DOCUMENT, "document: records show");
	doc_free(d);
	d = run("The fund held $11 million, according to the city finance "
	    "department.\n");
	s = source_named(d, "city finance department");
	OK(s != NULL && s->kind == SPEAKER_ORGANIZATION,
	    "organization: according to the department");
	doc_free(d);
	d = run("Tourism is a major source of revenue. Two officials attended "
	    "the meeting.\n");
	INT_EQ(d->nsources, 0, "no sources in plain statements");
	INT_EQ(count_rule(d, FINDING_ANONYMOUS_SOURCE), 0,
	    "no anonymous source without a frame or qualifier");
	doc_free(d);
}

static void
t_quote_edges(void)
{
	struct doc *d;

	d = run("Jones' dog and the '90s don't open quotes, Ana Ruiz said.\n");
	INT_EQ(nspeech(d), 0, "apostrophes are not quotes");
	doc_free(d);
	d = run("\"She told me, 'Don't sit back,' and we didn't,\" Ana Ruiz "
	    "said.\n");
	INT_EQ(nspeech(d), 1, "nested: one speech quote");
	STR_EQ(speaker(d, 0), "Ana Ruiz", "nested: outer quote attributed");
	doc_free(d);
	d = run("Residents taped a sign reading \"Save Our Bridge\" to a "
	    "post, and called it a \"disgrace\" on Monday.\n");
	INT_EQ(nspeech(d), 0, "titles and scare quotes are not speech");
	INT_EQ(count_rule(d, FINDING_UNATTRIBUTED_QUOTE), 0,
	    "titles are not unattributed quotes");
	doc_free(d);
}

static void
t_org_names(void)
{
	struct doc *d;
	const struct source *s;

	/* connectors inside an organization's name */
	d = run("Cheng said the Bureau of Land Management would appeal. The "
	    "bureau said it \"will not back down on the lease.\"\n");
	STR_EQ(speaker(d, 0), "Bureau of Land Management",
	    "org: of after an org word, then the bureau");
	doc_free(d);
	d = run("\"We have asked twice for the data,\" the Society for "
	    "Ethical Farming said.\n");
	STR_EQ(speaker(d, 0), "Society for Ethical Farming",
	    "org: for after an org word");
	doc_free(d);
	d = run("The Fish and Wildlife Service said the owls \"are holding "
	    "steady this year.\"\n");
	STR_EQ(speaker(d, 0), "Fish and Wildlife Service",
	    "org: and inside the name");
	doc_free(d);
	d = run("\"Nobody asked the readers,\" said a member of the Right "
	    "to Know Alliance.\n");
	OK(strstr(speaker(d, 0), "Right to Know Alliance") != NULL ||
	    strcmp(speaker(d, 0), "a member") == 0,
	    "org: to inside the name");
	doc_free(d);
	d = run("Fees will double, according to the regional Board of Trade "
	    "for Commerce of Ostland.\n");
	OK(source_named(d, "Board of Trade for Commerce of Ostland") != NULL,
	    "org: of/for chain after a lower-case modifier");
	doc_free(d);
	d = run("Counts fell, according to the county Office of Emergency "
	    "Management.\n");
	OK(source_named(d, "Office of Emergency Management") != NULL,
	    "according to the MODIFIER ORG: the whole name");
	doc_free(d);
	d = run("Repairs lag, according to a Bureau of Mines survey.\n");
	OK(source_named(d, "Bureau of Mines") == NULL,
	    "an org name modifying a document noun is not the source");
	doc_free(d);
	/* an acronym of a named organization is that organization */
	d = run("The National Weather Service issued a warning. \"Stay off "
	    "the roads,\" the NWS said.\n");
	STR_EQ(speaker(d, 0), "National Weather Service", "acronym: NWS");
	doc_free(d);
	d = run("The Bureau of Labor Statistics revised the figures. Wages "
	    "rose, BLS data showed, and the BLS said \"gains were broad.\"\n");
	STR_EQ(speaker(d, 0), "Bureau of Labor Statistics",
	    "acronym skips of");
	doc_free(d);
	d = run("The U.S. Geological Survey measured the quake. \"It was "
	    "shallow,\" the USGS said.\n");
	OK(strcmp(speaker(d, 0), "USGS") == 0 ||
	    strcmp(speaker(d, 0), "U.S. Geological Survey") == 0,
	    "acronym with U.S.: no crash, a speaker");
	doc_free(d);
	d = run("The Harbor Ferry Company raised fares. \"We had no choice,\" "
	    "the HFA said.\n");
	OK(strcmp(speaker(d, 0), "Harbor Ferry Company") != 0,
	    "a different acronym is not the organization");
	doc_free(d);
	/* negative: two organizations joined by and stay two */
	d = run("Harwell University and Brandt College said they \"will "
	    "share the lab.\"\n");
	s = source_named(d, "Harwell University and Brandt College");
	OK(s == NULL, "org: and between two org names does not merge");
	doc_free(d);
	/* an aside that modifies the subject is skipped */
	d = run("The complaint, filed in March by the Tenants Union of "
	    "Marlow, said the repairs were \"years overdue.\"\n");
	OK(source_named(d, "Tenants Union of Marlow") == NULL,
	    "org inside a participle aside is no source");
	OK(strcmp(speaker(d, 0), "complaint") == 0 ||
	    strcmp(speaker(d, 0), "The complaint") == 0,
	    "participle aside skipped: the document speaks");
	doc_free(d);
	d = run("Lena Marsh, who sued Oskar Brandt last year, said the "
	    "ruling was \"long overdue.\"\n");
	STR_EQ(speaker(d, 0), "Lena Marsh", "who-aside: the subject speaks");
	doc_free(d);
}

static void
t_appositive_org(void)
{
	struct doc *d;

	/* an organization inside the person's appositive is the person's */
	d = run("Mara Voss, treasurer of the Linwood Rowing Club, said dues "
	    "\"will have to go up.\"\n");
	STR_EQ(speaker(d, 0), "Mara Voss", "appositive org: person speaks");
	OK(source_named(d, "Linwood Rowing Club") == NULL,
	    "appositive org: no source of its own");
	doc_free(d);
	d = run("Ed Park, a lawyer for Delmar Tenants Association, told the "
	    "board: \"Fix the boilers first.\"\n");
	STR_EQ(speaker(d, 0), "Ed Park", "appositive org after for");
	doc_free(d);
	/* the subject of a reported clause is part of the statement */
	d = run("Ilse Brandt said the Harbor Commission had asked the city "
	    "for more time.\n");
	OK(source_named(d, "Ilse Brandt") != NULL, "reporter of the clause");
	OK(source_named(d, "Harbor Commission") == NULL,
	    "nested cue: its subject is no source");
	doc_free(d);
	d = run("Ilse Brandt said that the Harbor Commission had asked for "
	    "more time.\n");
	OK(source_named(d, "Harbor Commission") == NULL,
	    "nested cue after that");
	doc_free(d);
	d = run("Ilse Brandt said the plan was late, while the Harbor "
	    "Commission reported that revenue rose.\n");
	OK(source_named(d, "Harbor Commission") != NULL,
	    "a second clause keeps its own source");
	doc_free(d);
}

static void
t_person_cues(void)
{
	struct doc *d;
	const struct quote *q;

	/* a numbered unit before a title belongs to the title */
	d = run("\"We vote Friday,\" said Ward 6 Alderman Rosa Quintanilla.\n");
	STR_EQ(speaker(d, 0), "Rosa Quintanilla", "numbered title: speaker");
	q = nth(d, 0);
	STR_EQ(q && q->speaker_title ? q->speaker_title : "(null)",
	    "Ward 6 Alderman", "numbered title: title");
	doc_free(d);
	d = run("Local 212 Treasurer Bo Ekwueme said the fund \"is nearly "
	    "empty.\"\n");
	STR_EQ(speaker(d, 0), "Bo Ekwueme", "numbered title before a name");
	doc_free(d);
	d = run("In 2019 Mayor Ann Lee said the pier \"will reopen.\"\n");
	q = nth(d, 0);
	STR_EQ(q && q->speaker_title ? q->speaker_title : "(null)", "Mayor",
	    "a year is not part of the title");
	doc_free(d);
	/* an unknown given name is a person by age or "who" */
	d = run("Ysolde Brannock, 64, said the water had turned brown.\n\n"
	    "\"It smelled like pennies,\" she said.\n");
	STR_EQ(speaker(d, 0), "Ysolde Brannock", "age marks a person");
	doc_free(d);
	d = run("Thaddeus Quarrington, who runs the ferry, said the dock "
	    "flooded.\n\n\"We lost a week,\" he said.\n");
	STR_EQ(speaker(d, 0), "Thaddeus Quarrington", "who marks a person");
	doc_free(d);
	d = run("Tollgate Mills, which employs 40 people, said it \"will hire "
	    "more in spring.\"\n");
	q = nth(d, 0);
	OK(q != NULL && q->speaker_kind != SPEAKER_NAMED,
	    "which does not make a person");
	doc_free(d);
}

static void
t_naming_verbs(void)
{
	struct doc *d;

	/* SUBJECT called OBJECT "Q": the subject's words */
	d = run("Councilor Ines Moretti called the budget \"a patchwork of "
	    "promises\" on Monday.\n");
	STR_EQ(speaker(d, 0), "Ines Moretti", "called OBJ Q");
	doc_free(d);
	d = run("The watchdog group Clearwater Alliance labeled the permit "
	    "\"a gift to the mill\" in a statement.\n");
	STR_EQ(speaker(d, 0), "Clearwater Alliance", "labeled OBJ Q: org");
	doc_free(d);
	d = run("Pilar Ruiz runs the utility. Ruiz dubbed it \"the summer of "
	    "leaks,\" and the name stuck.\n");
	STR_EQ(speaker(d, 0), "Pilar Ruiz", "dubbed it Q");
	doc_free(d);
	/* not a cue: no object between the verb and the quote */
	d = run("Neighbors started a group called \"Keep Elm Green\" in "
	    "May.\n");
	INT_EQ(d->nsources, 0, "a group called TITLE: no source");
	doc_free(d);
	d = run("The officers turned off cameras during so-called \"quiet "
	    "stops\" for years.\n");
	INT_EQ(d->nsources, 0, "so-called: no source");
	doc_free(d);
}

/* The first source of kind k, or NULL. */
static const struct source *
source_kind(const struct doc *d, int k)
{
	size_t i;

	for (i = 0; i < d->nsources; i++)
		if (d->sources[i].kind == k)
			return &d->sources[i];
	return NULL;
}

static void
t_titled_documents(void)
{
	struct doc *d;
	const struct source *s;

	/* a Title Case title with minor words is not speech */
	d = run("The council cited a 2019 study, \"Rivers and Roads in the "
	    "Valley,\" which found the bridge sound.\n");
	INT_EQ(nspeech(d), 0, "title with and/in/the: not speech");
	s = source_kind(d, SPEAKER_DOCUMENT);
	OK(s != NULL && strstr(s->name, "study") != NULL,
	    "DOC, \"Title,\" which found: the document");
	doc_free(d);
	d = run("Her memo to staff, \"A Plan for the Spring,\" warned that "
	    "layoffs were coming.\n");
	s = source_kind(d, SPEAKER_DOCUMENT);
	OK(s != NULL && strstr(s->name, "memo") != NULL,
	    "DOC, \"Title,\" VERB: the document");
	doc_free(d);
	d = run("Fares will rise, according to \"Counting the Cost,\" a review "
	    "by the county auditor.\n");
	s = source_kind(d, SPEAKER_DOCUMENT);
	OK(s != NULL && strstr(s->name, "review") != NULL,
	    "according to \"Title,\" a DOC");
	doc_free(d);
	/* deal and product documents; degree words inside the phrase */
	d = run("The county keeps the parking revenue, according to the "
	    "lease agreement it signed with the team.\n");
	s = source_kind(d, SPEAKER_DOCUMENT);
	OK(s != NULL && strstr(s->name, "agreement") != NULL,
	    "according to the agreement");
	doc_free(d);
	d = run("The drones fly for 40 minutes, according to specifications "
	    "published by the maker.\n");
	OK(source_kind(d, SPEAKER_DOCUMENT) != NULL,
	    "according to specifications");
	doc_free(d);
	d = run("Investors get a 6 percent return, according to a term sheet "
	    "the county shared with lenders.\n");
	s = source_kind(d, SPEAKER_DOCUMENT);
	OK(s != NULL && strstr(s->name, "term sheet") != NULL,
	    "according to a term sheet");
	doc_free(d);
	d = run("Ridership fell, according to the most recent annual report.\n");
	OK(source_kind(d, SPEAKER_DOCUMENT) != NULL,
	    "according to the most recent DOC");
	doc_free(d);
	/* negative: speech in Title Case stays speech */
	d = run("\"Wait for the Fire Marshal,\" Ann Lee said.\n");
	INT_EQ(nspeech(d), 1, "sentence-initial title-case quote is speech");
	STR_EQ(speaker(d, 0), "Ann Lee", "and is attributed");
	doc_free(d);
	d = run("Ann Lee told them: \"Go to the Back of the Line.\"\n");
	INT_EQ(nspeech(d), 1, "quote after a colon is speech");
	doc_free(d);
}

static void
t_anon_frames(void)
{
	struct doc *d;

	/* "by ROLE" is a source only after a speech or document verb */
	d = run("The window was broken by a worker on Tuesday.\n");
	INT_EQ(count_rule(d, FINDING_ANONYMOUS_SOURCE), 0,
	    "agent of a plain verb is no source");
	doc_free(d);
	d = run("The car was stopped by an officer whose camera was off.\n");
	INT_EQ(d->nsources, 0, "by an officer: no source");
	doc_free(d);
	d = run("The layoffs were confirmed by two employees on Friday.\n");
	INT_EQ(count_rule(d, FINDING_ANONYMOUS_SOURCE), 1,
	    "confirmed by ROLE: anonymous source");
	doc_free(d);
	/* a qualifier that marks anonymity by itself makes any noun a
	 * source */
	d = run("A retired nurse, who asked not to be named because she still "
	    "consults for the clinic, said the ward was short-staffed.\n");
	INT_EQ(count_rule(d, FINDING_ANONYMOUS_SOURCE), 1,
	    "NOUN, who asked not to be named: anonymous");
	INT_EQ(count_rule(d, FINDING_NO_ANONYMITY_REASON), 0,
	    "and the reason is given");
	doc_free(d);
	d = run("One longtime tenant who declined to be identified said rents "
	    "had doubled.\n");
	INT_EQ(count_rule(d, FINDING_ANONYMOUS_SOURCE), 1,
	    "NOUN who declined to be identified: anonymous");
	doc_free(d);
	d = run("A neighbor said the dog barked all night.\n");
	INT_EQ(count_rule(d, FINDING_ANONYMOUS_SOURCE), 0,
	    "a plain noun without a qualifier is no anonymous source");
	doc_free(d);
	d = run("The figure was later disputed by several officials.\n");
	INT_EQ(count_rule(d, FINDING_ANONYMOUS_SOURCE), 1,
	    "disputed by ROLE, adverb between");
	doc_free(d);
}

static void
t_scare_terms(void)
{
	struct doc *d;

	d = run("Crews skipped so-called \"low priority repairs,\" such as "
	    "potholes, Ana Ruiz said.\n");
	INT_EQ(nspeech(d), 0, "so-called with the reporter's comma: a term");
	INT_EQ(count_rule(d, FINDING_UNATTRIBUTED_QUOTE), 0,
	    "so-called: no unattributed quote");
	doc_free(d);
	d = run("The board banned so-called \"pay to play deals with "
	    "vendors\" last year.\n");
	INT_EQ(nspeech(d), 0, "so-called, longer term: not speech");
	doc_free(d);
	/* negative: a real quote after the word is still speech */
	d = run("He called it so-called progress. \"We are going backward,\" "
	    "Ana Ruiz said.\n");
	INT_EQ(nspeech(d), 1, "a quote not right after so-called is speech");
	doc_free(d);
}

/* The marks only save look-ups: a document without them reads the same. */
static void
t_unmarked(void)
{
	static const char text[] =
	    "\"We will rebuild,\" Brownsville Mayor John Cowen said Monday. "
	    "A city official, who spoke on condition of anonymity, said the "
	    "plan was late. \"It is a mess,\" the official said.\n\n"
	    "Two people familiar with the talks said Ledgerline, a payroll "
	    "company, had paid. \"No comment,\" said Jane Ortiz, a "
	    "spokeswoman for the Food and Drug Administration. She added: "
	    "\"Not now.\" According to records, Cowen resigned.\n";
	struct doc *a = run_marked(text, 1), *b = run_marked(text, 0);
	int i;

	INT_EQ((int)b->nmentions, (int)a->nmentions, "unmarked: mentions");
	INT_EQ((int)b->npeople, (int)a->npeople, "unmarked: people");
	INT_EQ((int)b->nsources, (int)a->nsources, "unmarked: sources");
	INT_EQ(nspeech(b), nspeech(a), "unmarked: quotes");
	for (i = 0; i < nspeech(a); i++)
		STR_EQ(speaker(b, i), speaker(a, i), "unmarked: speaker");
	INT_EQ(count_rule(b, FINDING_ANONYMOUS_SOURCE),
	    count_rule(a, FINDING_ANONYMOUS_SOURCE), "unmarked: anonymous");
	INT_EQ(count_rule(a, FINDING_ANONYMOUS_SOURCE), 2,
	    "marked: two anonymous sources");
	doc_free(a);
	doc_free(b);
}

/* The first quote of text is credited to want (or "(none)"). */
static void
expect_speaker(const char *text, const char *want, const char *label)
{
	struct doc *d = run(text);

	STR_EQ(speaker(d, 0), want, label);
	doc_free(d);
}

/* The source called name is listed in text (want 1) or not (want 0). */
static void
expect_source(const char *text, const char *name, int want,
    const char *label)
{
	struct doc *d = run(text);

	INT_EQ(source_named(d, name) != NULL, want, label);
	doc_free(d);
}

/* Passives, coordinated verbs, appositive names, participle documents. */
static void
t_clause_grammar(void)
{
	struct doc *d;
	static const char *const passive = "A former plant employee, who "
	    "asked not to be identified, said workers were told to hose "
	    "solvent toward the drain \"whenever the floor got slick.\"\n";

	/* a passive with no agent is no cue: the speaker is further back */
	expect_speaker(passive, "A former plant employee",
	    "passive: were told is no cue");
	expect_source(passive, "workers", 0,
	    "passive: its subject is no source");
	/* negative: a passive with an agent names it */
	expect_source("The closure was confirmed by two employees familiar "
	    "with the plans.\n", "two employees familiar with the plans", 1,
	    "passive: the agent after by");
	/* "... and said": the first verb's subject, no inversion */
	expect_speaker("Director Lamar Whitby spoke. He blamed his "
	    "predecessor for \"a culture of deferring everything\" and said "
	    "the authority had hired six workers.\n", "Lamar Whitby",
	    "and said: sentence subject");
	/* no inverted subject when an auxiliary follows it */
	expect_speaker("Ann Roe said staff members were told to move files "
	    "\"to the top of the pile.\"\n", "Ann Roe",
	    "inversion: NP + auxiliary");
	/* "The union, NAME, said" */
	expect_speaker("The union, Grantham Nurses Association Local 12, said "
	    "the closure was \"the predictable result of understaffing.\"\n",
	    "Grantham Nurses Association Local 12",
	    "appositive name of an organization noun");
	/* "X, which ..., said"; negative: one unknown word names nobody */
	expect_speaker("Orland, which employs 340 people, said in a statement "
	    "that it \"has met every obligation.\"\n", "Orland",
	    "which marks an organization");
	expect_speaker("Residents said the river \"smells like paint.\"\n",
	    "(none)", "one unknown word is no speaker");
	/* ", whose" marks a person */
	expect_speaker("Lorena Baptiste, whose two sons attend the school, "
	    "said she learned of it late. \"I found out from Facebook,\" she "
	    "said.\n", "Lorena Baptiste", "whose marks a person");
	/* "the person": the anonymous source named before */
	d = run("The board will vote, according to a person who attended the "
	    "meeting. The person spoke on the condition of anonymity.\n");
	INT_EQ((int)d->nsources, 1, "the ROLE refers back");
	doc_free(d);
	/* a document over a participle phrase */
	expect_source("The dam leaks, and an engineering study commissioned "
	    "by the department found seepage along its base.\n",
	    "engineering study", 1, "document subject over a participle");
}

/* Speakers the person table met only in the attribution frame. */
static void
t_frame_speakers(void)
{
	struct doc *d;

	/* an honorific between the verb and the name */
	d = run("\"Smoke is bad,\" said Dr. Amira Castellano, a "
	    "cardiologist.\n");
	STR_EQ(speaker(d, 0), "Amira Castellano", "said Dr. NAME");
	STR_EQ(method(d, 0), "adjacent", "said Dr. NAME: adjacent");
	doc_free(d);
	/* a surname never given in full is its own speaker, not the last
	 * person named */
	d = run("Dana Smith spoke.\n\n\"I ran,\" Ruiz said.\n\n"
	    "\"I ran far,\" said Ruiz.\n");
	STR_EQ(speaker(d, 0), "Ruiz", "Q, SURNAME said: unknown surname");
	STR_EQ(speaker(d, 1), "Ruiz", "Q, said SURNAME: unknown surname");
	doc_free(d);
	/* ... unless it misspells one person's surname by a letter */
	d = run("Lydia Brennan spoke.\n\n\"We lost,\" Brenan said.\n");
	STR_EQ(speaker(d, 0), "Lydia Brennan", "misspelled surname");
	doc_free(d);
	/* a new sentence after the quote is no frame */
	d = run("Dana Smith spoke.\n\n\"We lost.\" Police asked for "
	    "calm.\n");
	OK(source_named(d, "Police") == NULL ||
	    source_named(d, "Police")->kind != SPEAKER_NAMED,
	    "Police after a full stop: no person");
	doc_free(d);
	/* a given name the lexicon lacks, known by the surname's frame */
	d = run("Dani Ruiz-Tanaka had waited.\n\n\"I ran,\" Ruiz-Tanaka "
	    "said.\n");
	STR_EQ(speaker(d, 0), "Dani Ruiz-Tanaka", "unknown given name");
	doc_free(d);
	/* a nearer cue whose subject names no one: the earlier one */
	d = run("The union said in a statement that the results showed "
	    "\"there is money to pay us.\"\n");
	STR_EQ(speaker(d, 0), "union", "frame: the cue before the nearest");
	doc_free(d);
	/* "the lottery said": a body no lexicon lists */
	d = run("The lottery said in a statement that it had \"rebuilt its "
	    "controls\" since then.\n");
	STR_EQ(speaker(d, 0), "lottery", "the NOUN said: a body");
	OK(nth(d, 0)->speaker_kind == SPEAKER_ORGANIZATION,
	    "the NOUN said: organization");
	doc_free(d);
	/* ... not a person's noun, a plural or a speech act */
	d = run("The father said he was \"heartbroken and angry.\"\n"
	    "The researchers said it was \"a warning sign.\"\n"
	    "The statement said it was \"a dark day.\"\n");
	OK(source_named(d, "father") == NULL, "the father: no body");
	OK(source_named(d, "researchers") == NULL ||
	    source_named(d, "researchers")->kind != SPEAKER_ORGANIZATION,
	    "the researchers: no body");
	OK(source_named(d, "statement") == NULL ||
	    source_named(d, "statement")->kind != SPEAKER_ORGANIZATION,
	    "the statement: no body");
	doc_free(d);
	/* documents with a year before the noun, notes, texts, agendas */
	d = run("Temperatures rose, according to a 2024 department report. "
	    "The fee would raise $19 million, according to a fiscal note. It "
	    "takes effect Jan. 1, according to the bill's text.\n");
	OK(source_named(d, "2024 department report") != NULL &&
	    source_named(d, "2024 department report")->kind ==
	    SPEAKER_DOCUMENT, "document: a year modifies the noun");
	OK(source_named(d, "fiscal note") != NULL, "document: a fiscal note");
	OK(source_named(d, "bill's text") != NULL, "document: the bill's text");
	doc_free(d);
	/* a byline's lines are two names; a wrapped paragraph's are not */
	d = run("By Jolene Park\nHarbor Gazette\n\nThe board met on Tuesday "
	    "to discuss the new budget, and Mayor John\nCowen said the plan "
	    "would pass easily this year.\n");
	OK(source_named(d, "Jolene Park Harbor Gazette") == NULL,
	    "byline: no name across its lines");
	OK(d->nsources == 1 && strstr(d->sources[0].name, "Cowen") != NULL &&
	    strncmp(d->sources[0].name, "John", 4) == 0,
	    "wrapped line: one name across it");
	doc_free(d);
	/* a singular article is not a plural role's */
	d = run("The Senate raised the fee, a move supporters said would "
	    "make owners pay a fairer share.\n");
	OK(source_named(d, "supporters") != NULL, "a move supporters said");
	doc_free(d);
	/* "As NAME put it, Q" and "Q, as NAME put it" */
	d = run("As Mayor Ann Lee put it, \"We are not done yet.\"\n\n\"The "
	    "work goes on,\" as Lee put it.\n");
	STR_EQ(speaker(d, 0), "Ann Lee", "As NAME put it, Q");
	STR_EQ(speaker(d, 1), "Ann Lee", "Q, as NAME put it");
	doc_free(d);
	d = run("Ann Lee put it on the table. \"We are done,\" she said.\n");
	STR_EQ(nth(d, 0)->cue, "said", "put it without 'as' is no cue");
	doc_free(d);
	/* a running quote credited only where it ends */
	d = run("Helen Sato read a statement.\n\n\"Greg was careful. He "
	    "did everything right.\n\n\"None of it mattered,\" she said.\n");
	STR_EQ(speaker(d, 0), "Helen Sato", "running quote: its first part");
	STR_EQ(method(d, 0), "continuation", "running quote: method");
	doc_free(d);
	/* an anonymity clause after any noun: the clause's whole phrase */
	d = run("A lineman working on the shutoff, who was not authorized to "
	    "speak publicly, said crews expected a long night.\n"
	    "One juror, a retired bus driver who declined to give her name, "
	    "said the panel was split.\n");
	OK(source_named(d, "A lineman working on the shutoff") != NULL,
	    "indefinite noun phrase before an anonymity clause");
	OK(source_named(d, "a retired bus driver who declined to give her "
	    "name") != NULL, "declined to give her name");
	doc_free(d);
}

int
main(void)
{
	harness_name = "attr";
	if (lexset_load(&lx, "rules/lexicons") < 0)
		return 2;
	rs = rule_set_new();
	t_sieves();
	t_coref();
	t_sources();
	t_quote_edges();
	t_org_names();
	t_appositive_org();
	t_person_cues();
	t_naming_verbs();
	t_titled_documents();
	t_anon_frames();
	t_scare_terms();
	t_unmarked();
	t_clause_grammar();
	t_frame_speakers();
	rule_set_free(rs);
	lexset_release(&lx);
	return harness_failed != 0;
}
