/* t_incons.c: the inconsistency checks on short drafts, with negatives. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#include "attr.h"
#include "doc.h"
#include "finding.h"
#include "incons.h"
#include "incons_p.h"
#include "lexset.h"
#include "quote.h"
#include "rule.h"
#include "strip.h"
#include "tok.h"

static struct lexset lx;
static struct ruleset *rs;

/* Runs the whole pipeline on text (free the result with doc_free). */
static struct doc *
run(const char *text)
{
	struct doc *d = doc_new("t.txt", text, strlen(text));

	strip_run(d);
	tok_split2(d, lx.abbrevs, lx.function_words);
	lexset_mark(&lx, d);
	quote_find(d, rs);
	attr_run(d, rs, &lx);
	incons_run(d, rs, &lx);
	return d;
}

/* Findings of rule r in text; -1 when there is no such rule (a test of a
 * rule that did not load must not pass for want of findings). */
static int
count_rule(const char *text, const struct rule *r)
{
	struct doc *d;
	size_t i;
	int n = 0;

	if (r == NULL)
		return -1;
	d = run(text);
	for (i = 0; i < d->nfindings; i++)
		if (d->findings[i].rule == r)
			n++;
	doc_free(d);
	return n;
}

/* Findings of the rule named id (a shipped YAML rule) in text. */
static int
count_id(const char *text, const char *id)
{
	return count_rule(text, rule_find(rs, id));
}

/* Findings of built-in check id in text. */
static int
count(const char *text, int id)
{
	return count_rule(text, rule_builtin(rs, id));
}

/* The matched text of the first finding of id, copied into buf. */
static const char *
match(const char *text, int id, char *buf, size_t cap)
{
	struct doc *d = run(text);
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < d->nfindings; i++)
		if (d->findings[i].rule == rule_builtin(rs, id) &&
		    d->findings[i].tlen < cap) {
			memcpy(buf, d->text + d->findings[i].toff,
			    d->findings[i].tlen);
			buf[d->findings[i].tlen] = '\0';
			break;
		}
	doc_free(d);
	return buf;
}

static void
t_map(void)
{
	struct arena a;
	struct incons_map m;
	int32_t *h;

	arena_init(&a);
	incons_map_init(&m, &a, 4);
	INT_EQ(incons_map_get(&m, 42), -1, "map: absent key");
	h = incons_map_head(&m, 42);
	INT_EQ(*h, -1, "map: new chain is empty");
	*h = 7;
	INT_EQ(incons_map_get(&m, 42), 7, "map: chain head kept");
	INT_EQ(incons_map_get(&m, 43), -1, "map: other key absent");
	arena_release(&a);
}

static void
t_numbers(void)
{
	char buf[200];

	STR_EQ(match("About 340 homes were damaged. Crews will inspect the "
	    "430 damaged homes.", FINDING_NUMBER_CONFLICT, buf, sizeof(buf)),
	    "430 damaged homes", "numbers: restated count, later value");
	INT_EQ(count("Port Calder backs $3.8 million ferry repair\n\nThe "
	    "council voted to spend $3.8 million.\n\nUnder the $3.2 million "
	    "plan, the ramp comes first.", FINDING_NUMBER_CONFLICT), 1,
	    "numbers: 'the $3.2 million plan' restates the main figure");
	INT_EQ(count("Mayor John Cowen, 54, spoke. The 55-year-old Cowen left.",
	    FINDING_NUMBER_CONFLICT), 1, "numbers: two ages of one man");
	INT_EQ(count("Marcel Dufresne walked the lease.\n\nDufresne, 67, has "
	    "farmed for 41 years. His son, Luc Dufresne, 38, took over.",
	    FINDING_NUMBER_CONFLICT), 0,
	    "numbers: a bare surname's age and his son's, told apart by "
	    "the person table");
	INT_EQ(count("The outage hit about 2,000 customers. The company "
	    "later revised the 3,400 customers figure.",
	    FINDING_NUMBER_CONFLICT), 0, "numbers: a stated revision");
	INT_EQ(count("Thefts rose to 112 thefts last year from 31 thefts in "
	    "2019.", FINDING_NUMBER_CONFLICT), 0, "numbers: from X to Y");
	INT_EQ(count("A 34-year-old Rockport man was charged. Kessler, 35, "
	    "denied it.", FINDING_NUMBER_CONFLICT), 0,
	    "numbers: 'Rockport man' is not a person's name");
	INT_EQ(count("The trial found 32 teams. The 16 teams that advance "
	    "play again.", FINDING_NUMBER_CONFLICT), 0,
	    "numbers: a subset, far apart, is not a restatement");
	INT_EQ(count("The levy funds 30 teachers despite rising class sizes. "
	    "The 26 teachers funded under the levy start soon.",
	    FINDING_NUMBER_CONFLICT), 1,
	    "numbers: the same verb, and another noun's change");
	INT_EQ(count("The levy funds 30 teachers, up from 24 teachers. The 26 "
	    "teachers funded under the levy start soon.",
	    FINDING_NUMBER_CONFLICT), 0, "numbers: a change of the figure");
	INT_EQ(count("The plant will shed 600 jobs. The 550 positions cut "
	    "include night shifts.", FINDING_NUMBER_CONFLICT), 0,
	    "numbers: 'shed' and 'cut' are not matched as one verb");
	INT_EQ(count("The council approved the rezoning, though not "
	    "unanimously. Two council members voted against it.",
	    FINDING_NUMBER_CONFLICT), 0, "numbers: 'not unanimously'");
	INT_EQ(count("The council approved the rezoning unanimously. In 2019, "
	    "two council members voted against a similar plan.",
	    FINDING_NUMBER_CONFLICT), 0, "numbers: a dissent in another year");
	INT_EQ(count("One council member dissented. The council approved the "
	    "rezoning unanimously.", FINDING_NUMBER_CONFLICT), 1,
	    "numbers: a dissent before a unanimous vote");
	INT_EQ(count("The board voted 5-2 on Monday to close two schools.\n\n"
	    "After the unanimous vote, parents walked out.",
	    FINDING_NUMBER_CONFLICT), 1,
	    "numbers: 'the unanimous vote' after a split one");
	INT_EQ(count("The Linden Falls Planning Board voted 4-1 to approve the "
	    "plan.\n\nThe unanimous vote caps a long review.",
	    FINDING_NUMBER_CONFLICT), 1,
	    "numbers: 'Falls' in a name is no change word");
	INT_EQ(count("The board voted 5-2 on Monday to close two schools.\n\n"
	    "In a unanimous vote, it also renamed the gym.",
	    FINDING_NUMBER_CONFLICT), 0,
	    "numbers: 'a unanimous vote' may be another vote");
	INT_EQ(count("The board voted 5-2 on Monday to close two schools.\n\n"
	    "The unanimous vote on the budget came later.",
	    FINDING_NUMBER_CONFLICT), 0,
	    "numbers: 'the unanimous vote on ...' names another vote");
	INT_EQ(count("The board voted 7-0 on Monday to close two schools.\n\n"
	    "After the unanimous vote, parents walked out.",
	    FINDING_NUMBER_CONFLICT), 0,
	    "numbers: a 7-0 vote is unanimous");
	INT_EQ(count("Sales fell to 300 cars, down from 400 cars. The 300 "
	    "cars sold in March were a low.", FINDING_NUMBER_CONFLICT), 0,
	    "numbers: a lowercase change word still counts");
	INT_EQ(count("About 1,100 workers went on strike. The 1,300 striking "
	    "workers make up a third of the town's jobs.",
	    FINDING_NUMBER_CONFLICT), 1,
	    "numbers: 'make up' is a particle, not a change");
	INT_EQ(count("About 1,100 workers went on strike. The 1,300 striking "
	    "workers were up 200 from last year.", FINDING_NUMBER_CONFLICT),
	    0, "numbers: 'up 200' changes the figure");
	INT_EQ(count("The sales of 1,100 cars were up. The 1,300 cars sold "
	    "in May were counted.", FINDING_NUMBER_CONFLICT), 0,
	    "numbers: 'were up' changes the figure");
	INT_EQ(count("The council approved a $412 million budget.\n\nThe "
	    "mayor defended the $421 million plan on the radio.",
	    FINDING_NUMBER_CONFLICT), 1,
	    "numbers: swapped digits outweigh a modifier after the noun");
	INT_EQ(count("The council approved a $412 million budget.\n\nThe "
	    "mayor defended the $480 million plan on the radio.",
	    FINDING_NUMBER_CONFLICT), 0,
	    "numbers: another figure with a modifier is not a slip");
	INT_EQ(count("The plan closes 14 branches. The 41 branches in the "
	    "county stay open.", FINDING_NUMBER_CONFLICT), 0,
	    "numbers: swapped digits far apart are not compared");
	INT_EQ(count("Andres Ruiz, 22, was called up. Mateo Ruiz, 25, has 12 "
	    "home runs.", FINDING_NUMBER_CONFLICT), 0,
	    "numbers: two given names, two people's ages");
	INT_EQ(count("Mateo Ruiz, 22, was called up. Ruiz, 25, has 12 home "
	    "runs.", FINDING_NUMBER_CONFLICT), 1,
	    "numbers: a surname alone is the same person's age");
}

static void
t_names(void)
{
	char buf[200];

	STR_EQ(match("Superintendent Corinne Whitlock spoke. Whitlock said "
	    "yes. Whitlocke said no.", FINDING_NAME_VARIANT, buf,
	    sizeof(buf)), "Whitlocke", "names: the rarer spelling");
	STR_EQ(match("Dani Ruiz-Tanaka homered. Ruiz-Tanaka said yes. Ruiz "
	    "Tanaka's homer won it.", FINDING_NAME_VARIANT, buf, sizeof(buf)),
	    "Ruiz Tanaka", "names: a double surname without its hyphen");
	INT_EQ(count("Ana Ruiz-Tanaka spoke. Ruiz-Tanaka said yes. Her "
	    "cousin, Ruiz Castillo, said no.", FINDING_NAME_VARIANT), 0,
	    "names: another double name sharing a part");
	INT_EQ(count("Ana Reyes-Whitman spoke. Reyes-Whitman said yes. "
	    "Reyes-Whitmore said no.", FINDING_NAME_VARIANT), 1,
	    "names: one part of a hyphenated name");
	INT_EQ(count("John Smith spoke. Jane Smyth said no. Smith said "
	    "yes.", FINDING_NAME_VARIANT), 0,
	    "names: two people, two given names");
	INT_EQ(count("Residents said no. Resident groups said yes.",
	    FINDING_NAME_VARIANT), 0, "names: common words are not names");
	INT_EQ(count("Sen. Curtis Vail spoke. Sen. Vail said yes. Lt. Gov. "
	    "Mary Vale said no.", FINDING_NAME_VARIANT), 0,
	    "names: two given names, two people");
	STR_EQ(match("Defense attorney Lydia Brennan argued. \"We will "
	    "appeal,\" Brenan said.", FINDING_NAME_VARIANT, buf,
	    sizeof(buf)), "Brenan",
	    "names: both used once, only one introduced");
	INT_EQ(count("Lydia Brennan argued. Mark Brenan said no.",
	    FINDING_NAME_VARIANT), 0,
	    "names: both introduced, with different given names");
	STR_EQ(match("General Manager Katrin Holmqvist spoke. Holmqvist "
	    "said yes. Holmquist and the chair left.", FINDING_NAME_VARIANT,
	    buf, sizeof(buf)), "Holmquist",
	    "names: a lone rare spelling of an introduced person");
	INT_EQ(count("Mayor Ann Rica spoke. Rica said yes. Visitors from "
	    "Costa Rice came.", FINDING_NAME_VARIANT), 0,
	    "names: a short word after another capitalized one is no "
	    "surname");
	STR_EQ(match("Dr. Imani Castellanos spoke. Castellanos said yes. "
	    "Dr. Amani Castellanos said no.", FINDING_NAME_VARIANT, buf,
	    sizeof(buf)), "Amani", "names: a given name spelled two ways");
	INT_EQ(count("Mario Lopez spoke. Lopez said yes. Maria Lopez, his "
	    "sister, said no.", FINDING_NAME_VARIANT), 0,
	    "names: a man's and a woman's given name are two people");
	STR_EQ(match("Councilwoman Kathryn Whitford spoke. Whitford said yes. "
	    "Katherine Whitford said no.", FINDING_NAME_VARIANT, buf,
	    sizeof(buf)), "Katherine",
	    "names: a given name spelled two ways, only the vowels differ");
	INT_EQ(count("Brian Whitford spoke. Whitford said yes. Bruno "
	    "Whitford, his brother, said no.", FINDING_NAME_VARIANT), 0,
	    "names: the same consonants from another start are two people");
	INT_EQ(count("Christopher Whitford spoke. Whitford said yes. "
	    "Christine Whitford said no.", FINDING_NAME_VARIANT), 0,
	    "names: a shared start with other consonants is two people");
	STR_EQ(match("José Peña resigned. Peña said no. Pena, who earned "
	    "$71,000, left.", FINDING_NAME_VARIANT, buf, sizeof(buf)),
	    "Pena", "names: accents only, the bare form used alone");
	INT_EQ(count("Jarosław Kaczyński spoke. Kaczyński said yes. Jaroslaw "
	    "Kaczynski said no.", FINDING_NAME_VARIANT), 1,
	    "names: given names that differ in accents are one person's");
	INT_EQ(count("Visitors came to Pena Blanca. Mayor Ann Peña said no.",
	    FINDING_NAME_VARIANT), 0,
	    "names: an accent variant after a capitalized word is a place");
	INT_EQ(count("Mayor Ann Peña spoke. Peña said yes. Luis Pena said no.",
	    FINDING_NAME_VARIANT), 0,
	    "names: accent variants with two given names are two people");
}

static void
t_titles(void)
{
	INT_EQ(count("Police Chief Dana Reed spoke. Reed said yes. Sheriff "
	    "Reed said no.", FINDING_TITLE_CONFLICT), 1,
	    "titles: police chief and sheriff");
	INT_EQ(count("Chief Commercial Officer Teresa Lindgren spoke. Later, "
	    "Finance chief Teresa Lindgren said no.", FINDING_TITLE_CONFLICT),
	    1, "titles: a C-suite post before the name, 'Finance chief'");
	INT_EQ(count("Chief Financial Officer Teresa Lindgren spoke. Later, "
	    "Finance chief Teresa Lindgren said no.", FINDING_TITLE_CONFLICT),
	    0, "titles: 'Finance chief' is the chief financial officer");
	INT_EQ(count("Deputy District Attorney Renata Vosk spoke. Vosk, the "
	    "county's district attorney, said no.", FINDING_TITLE_CONFLICT),
	    1, "titles: a deputy's post before the name, the post after");
	INT_EQ(count("Deputy District Attorney Renata Vosk spoke. Deputy "
	    "District Attorney Vosk said no.", FINDING_TITLE_CONFLICT), 0,
	    "titles: the deputy's post twice");
	INT_EQ(count("Dr. Samuel Achebe, St. Brendan's chief medical officer, "
	    "spoke. Achebe, the chief financial officer, said no.",
	    FINDING_TITLE_CONFLICT), 1,
	    "titles: after the name, past a capitalized possessive owner");
	INT_EQ(count("Dr. Samuel Achebe, St. Brendan's chief medical officer, "
	    "spoke. Achebe, Lakeshore Health's founder, said no.",
	    FINDING_TITLE_CONFLICT), 0,
	    "titles: past an owner, different groups are not compared");
	INT_EQ(count("Ann Cole, Valley Bank chief financial officer, spoke. "
	    "Cole, the chief operating officer, said no.",
	    FINDING_TITLE_CONFLICT), 0,
	    "titles: a capitalized run without a possessive is no owner");
	INT_EQ(count("Trump campaign spokeswoman Karoline Leavitt spoke. "
	    "Leavitt, a spokesperson for the campaign, said no.",
	    FINDING_TITLE_CONFLICT), 0, "titles: synonyms merge");
	INT_EQ(count("Former Sen. Ann Cole spoke. Gov. Ann Cole said no.",
	    FINDING_TITLE_CONFLICT), 0, "titles: a former title");
	INT_EQ(count("Councilwoman Renata Alves spoke. Council member Alves "
	    "said no.", FINDING_TITLE_CONFLICT), 0,
	    "titles: councilwoman = council member");
	INT_EQ(count("The utility's chief executive, Mark Dunn, spoke. Dunn, "
	    "the company's founder, said more.", FINDING_TITLE_CONFLICT), 0,
	    "titles: two roles one person can hold");
	INT_EQ(count("The mayor, Ann Cole, spoke. Cole, the county manager, "
	    "said more.", FINDING_TITLE_CONFLICT), 0,
	    "titles: heads of different groups are not compared");
	INT_EQ(count("Its chief operating officer, Ann Whitby, spoke. Whitby, the "
	    "chief executive, said more.", FINDING_TITLE_CONFLICT), 1,
	    "titles: a title set off by a comma before the name");
	INT_EQ(count("\"No,\" said Renata Okafor, the hospital's chief "
	    "nursing officer. Okafor, the hospital's chief medical officer, "
	    "said more.", FINDING_TITLE_CONFLICT), 1,
	    "titles: any chief ... officer after the name");
	INT_EQ(count("Renata Okafor, the hospital's chief nursing officer, "
	    "spoke. Okafor, the chief nursing officer, said more.",
	    FINDING_TITLE_CONFLICT), 0,
	    "titles: one chief ... officer twice");
	INT_EQ(count("Deputy Director Howard Bliss spoke. Bliss, the "
	    "department's director, said more.", FINDING_TITLE_CONFLICT), 1,
	    "titles: a post and its deputy's");
	INT_EQ(count("Deputy Director Howard Bliss spoke. Bliss, the "
	    "department's deputy director, said more.",
	    FINDING_TITLE_CONFLICT), 0, "titles: the deputy's post twice");
	INT_EQ(count("The count rose, according to Registrar of Voters Dale "
	    "Sorensen. County Clerk Sorensen said more.",
	    FINDING_TITLE_CONFLICT), 1,
	    "titles: two formal titles before the name");
	INT_EQ(count("The count rose, said activist Howie Hawkins. The "
	    "nominee Hawkins said more.", FINDING_TITLE_CONFLICT), 0,
	    "titles: lower-case descriptions before the name");
	INT_EQ(count("It was his spokesperson. Representative John Conyers "
	    "said more.", FINDING_TITLE_CONFLICT), 0,
	    "titles: a title in the sentence before is not the name's");
}

static void
t_quotes_dates(void)
{
	INT_EQ(count("The members voted overwhelmingly Monday to approve the "
	    "contract: 812 voted in favor and 97 against.\n\nThe unanimous "
	    "vote came after a turbulent year.", FINDING_NUMBER_CONFLICT), 1,
	    "votes: a split in words, then 'the unanimous vote'");
	INT_EQ(count("The members voted 812 to 0 in favor.\n\nThe unanimous "
	    "vote came after a turbulent year.", FINDING_NUMBER_CONFLICT), 0,
	    "votes: none against, then 'the unanimous vote'");
	INT_EQ(count("\"Every driver uses the roads, and every driver should pay "
	    "for them,\" said Sen. Patrice Okwu.\n\nRep. Dale Whitcombe said "
	    "the change was overdue. \"Every driver uses the roads, and every "
	    "driver should pay for them.\"", FINDING_QUOTE_MISMATCH), 1,
	    "quotes: one short sentence credited to two speakers");
	INT_EQ(count("\"We will win,\" said Sen. Patrice Okwu.\n\nRep. Dale "
	    "Whitcombe agreed. \"We will win.\"", FINDING_QUOTE_MISMATCH), 0,
	    "quotes: a slogan of three words from two speakers");
	INT_EQ(count("\"Teenagers are not lazy. They are running on a "
	    "different biological clock.\" Whitlock said: \"Teenagers "
	    "aren't lazy. They are running on a different biological clock, "
	    "and we ask too much.\"", FINDING_QUOTE_MISMATCH), 1,
	    "quotes: the same words, reworded");
	INT_EQ(count("\"We are not against housing. We are against this "
	    "housing, in this spot,\" said Fiona Brennan, who lives on "
	    "Quarry Road.\n\nThe board approved the plan.\n\nOutside, a "
	    "sign read: \"We're not against housing, we're against this "
	    "housing in this spot.\"", FINDING_QUOTE_MISMATCH), 1,
	    "quotes: a short remark repeated reworded, credited once");
	INT_EQ(count("Signs on the platform read: \"We will not open a line "
	    "that is not safe.\"\n\nA banner said: \"We are not going to "
	    "open a line that isn't safe today.\"", FINDING_QUOTE_MISMATCH),
	    0, "quotes: two short remarks credited to no one are left alone");
	INT_EQ(count("\"We will fix the ferry terminal this year,\" Alves "
	    "said. \"We will fix the ferry terminal this year,\" Alves said "
	    "again.", FINDING_QUOTE_MISMATCH), 0,
	    "quotes: an identical repeat is not a mismatch");
	INT_EQ(count("\"Born citizens had parents born in the United "
	    "States,\" Martin wrote. \"The United States parents of citizens "
	    "were born elsewhere,\" Cole said.", FINDING_QUOTE_MISMATCH), 0,
	    "quotes: one topic, not one remark");
	INT_EQ(count("Mayor Elena Ruiz spoke. \"We planned for a town that "
	    "never grew,\" Ruiz said. Tom Diaz disagreed. \"We planned for a "
	    "town that did not grow, and that is on us,\" Diaz said.",
	    FINDING_QUOTE_MISMATCH), 0,
	    "quotes: a short remark is compared for one speaker only");
	INT_EQ(count("The governor declared an emergency on Thursday. Since "
	    "Wednesday's emergency declaration, troops came.",
	    FINDING_DATE_CONFLICT), 1, "dates: declared/declaration");
	INT_EQ(count("The House voted on Tuesday. The House will vote again "
	    "next Wednesday, after Tuesday's vote.", FINDING_DATE_CONFLICT),
	    0, "dates: 'next Wednesday' is not the day it happened");
	INT_EQ(count("The board voted on Monday to close the pool. Critics "
	    "of Tuesday's vote drew crowds.", FINDING_DATE_CONFLICT), 1,
	    "dates: the event noun before the verb of its sentence");
	INT_EQ(count("The board voted on Monday to close the pool. Critics "
	    "of the next Tuesday vote spoke.", FINDING_DATE_CONFLICT), 0,
	    "dates: 'the next Tuesday vote' is another vote");
	INT_EQ(count("The boat left on a commercial trip Monday. Sunday's "
	    "commercial-free airing drew viewers.", FINDING_DATE_CONFLICT), 0,
	    "dates: a hyphenated modifier is not the event noun");
	INT_EQ(count("Officials said on Monday the pool would close, citing "
	    "costs. Her Thursday citing of costs came later.",
	    FINDING_DATE_CONFLICT), 1,
	    "dates: a participle after a comma takes its clause's day");
	INT_EQ(count("The pool closed on Monday. Officials, citing costs "
	    "raised on Thursday, spoke.", FINDING_DATE_CONFLICT), 0,
	    "dates: no possessive or attributive weekday, no conflict");
	INT_EQ(count("It happened on Friday, January 4, 2019.",
	    FINDING_DATE_CONFLICT), 0, "dates: the weekday fits the date");
	INT_EQ(count("It happened on Thursday, January 4, 2019.",
	    FINDING_DATE_CONFLICT), 1, "dates: the weekday does not fit");
	INT_EQ(count("A jury on Thursday convicted the treasurer. After "
	    "Wednesday's verdict, retirees gathered.", FINDING_DATE_CONFLICT),
	    1, "dates: 'convicted' and 'verdict' name one event");
	INT_EQ(count("A jury on Thursday convicted the treasurer. After "
	    "Thursday's verdict, retirees gathered.", FINDING_DATE_CONFLICT),
	    0, "dates: one event named two ways, one day");
	INT_EQ(count("The shortstop missed 10 games, and could return as "
	    "early as Tuesday. Ochs joins the team before Saturday's game.",
	    FINDING_DATE_CONFLICT), 0, "dates: 'as early as Tuesday' dates "
	    "nothing");
	INT_EQ(count("The shortstop missed 10 games on Tuesday. Ochs joins "
	    "the team before Saturday's game. The teams play the second game "
	    "Saturday at 6:05 p.m.", FINDING_DATE_CONFLICT), 0,
	    "dates: a day with a clock time agrees with the event");
	INT_EQ(count("The shortstop missed 10 games on Tuesday. Ochs joins "
	    "the team before Saturday's game.", FINDING_DATE_CONFLICT), 1,
	    "dates: a game on Tuesday, Saturday's game");
	INT_EQ(count("Officials confirmed three more cases of measles on "
	    "Thursday. Parents called after the county announced the three "
	    "new cases on Wednesday.", FINDING_DATE_CONFLICT), 1,
	    "dates: a disclosure of the lead's news on another day");
	INT_EQ(count("Officials confirmed three more cases of measles on "
	    "Thursday. Parents called after the county announced the "
	    "new clinic on Wednesday.", FINDING_DATE_CONFLICT), 0,
	    "dates: a disclosure of something the lead did not date");
	INT_EQ(count("Officials confirmed three more cases of measles on "
	    "Thursday. Parents called after the county announced three "
	    "new cases on Wednesday.", FINDING_DATE_CONFLICT), 0,
	    "dates: an indefinite object is new news");
	INT_EQ(count("The chains agreed Monday to combine in a $2 billion "
	    "deal. In announcing the deal Tuesday, she spoke.",
	    FINDING_DATE_CONFLICT), 1, "dates: 'announcing the deal Tuesday'");
	INT_EQ(count("The chains agreed Monday to combine in a $2 billion "
	    "deal. In announcing the deal's review Tuesday, she spoke.",
	    FINDING_DATE_CONFLICT), 0, "dates: the deal's review is another "
	    "thing");
}

static void
t_repetition(void)
{
	INT_EQ(count("It will likely take effect almost take effect now.",
	    FINDING_PHRASE_REPETITION), 1, "repetition: a doubled phrase");
	INT_EQ(count("She had had enough, and that that was fine.",
	    FINDING_PHRASE_REPETITION), 0, "repetition: had had");
	INT_EQ(count("Day after day, step by step, in the morning and in "
	    "the evening.", FINDING_PHRASE_REPETITION), 0,
	    "repetition: figures of speech");
	INT_EQ(count("According to police, the man, who according to "
	    "witnesses was armed, fled.", FINDING_PHRASE_REPETITION), 0,
	    "repetition: two attributions far apart");
	INT_EQ(count("Voting ends at noon at noon on Friday.",
	    FINDING_PHRASE_REPETITION), 0,
	    "repetition: two words from a function word may be speech");
	INT_EQ(count("Voting ends at the town hall at the town hall.",
	    FINDING_PHRASE_REPETITION), 1,
	    "repetition: a touching phrase from a function word");
	/* the second copy's nearest and farthest starts (may_repeat's
	 * window: 2 and 8 tokens on) */
	INT_EQ(count("Crews say damaged homes damaged homes remain.",
	    FINDING_PHRASE_REPETITION), 1,
	    "repetition: a copy 2 tokens on");
	INT_EQ(count("The plan would raise local property tax rates almost "
	    "nearly still raise local property tax rates next year.",
	    FINDING_PHRASE_REPETITION), 1,
	    "repetition: a copy 8 tokens on");
	INT_EQ(count("Students will move to Carver Elementary, will move to "
	    "Carver Elementary, which has room.", FINDING_PHRASE_REPETITION),
	    1, "repetition: a clause twice with a comma between");
	INT_EQ(count("The fire was 15% contained, was 15% contained, as of 6 "
	    "p.m.", FINDING_PHRASE_REPETITION), 1,
	    "repetition: a three-token clause twice with a comma between");
	INT_EQ(count("The fire was 15% contained, was 20% contained by noon.",
	    FINDING_PHRASE_REPETITION), 0,
	    "repetition: three-token clauses that differ");
	INT_EQ(count("The brooch, which had been on display since 1987, which "
	    "had been on display since 1987, is gone.",
	    FINDING_PHRASE_REPETITION), 1,
	    "repetition: a clause longer than five words from a function "
	    "word, twice with a comma between");
	INT_EQ(count("The brooch, which had been on display since 1987, which "
	    "had been on loan since 1990, is gone.",
	    FINDING_PHRASE_REPETITION), 0,
	    "repetition: two clauses that only start alike are parallel");
	INT_EQ(count("Prices rose again and again, again and again.",
	    FINDING_PHRASE_REPETITION), 0,
	    "repetition: a short phrase after a comma is parallel wording");
	INT_EQ(count("\"We like it,\" Ortega said Tuesday night, she said.",
	    FINDING_PHRASE_REPETITION), 1,
	    "repetition: a doubled speech verb");
	INT_EQ(count("\"It was on the list,\" Haskins said, he told "
	    "reporters.", FINDING_PHRASE_REPETITION), 1,
	    "repetition: two speech verbs with only a comma between");
	INT_EQ(count("Haskins said the bridge was safe, he told reporters.",
	    FINDING_PHRASE_REPETITION), 0,
	    "repetition: two different speech verbs with words between "
	    "may be two people");
	INT_EQ(count("\"It was on the list,\" Haskins said, Reed told "
	    "reporters.", FINDING_PHRASE_REPETITION), 0,
	    "repetition: a second different verb needs a pronoun");
	INT_EQ(count("So far it has raised $240,000 of the $600,000 it "
	    "estimates the work will cost, he said.",
	    FINDING_PHRASE_REPETITION), 0,
	    "repetition: another speech verb earlier is no doubled "
	    "attribution");
	INT_EQ(count("The state has yet to announce the awards, he said.",
	    FINDING_PHRASE_REPETITION), 0,
	    "repetition: a speech verb needs a speaker before it");
}

/* Explicit month-day dates keyed by event like weekdays (qincD). */
static void
t_month_dates(void)
{
	INT_EQ(count("The break-in happened early Sunday, Feb. 9, police "
	    "said. Since the Feb. 11 break-in, neighbors have left flowers.",
	    FINDING_DATE_CONFLICT), 1, "dates: a break-in on Feb. 9 and the "
	    "Feb. 11 break-in");
	INT_EQ(count("The first order was issued Saturday night. The fire "
	    "grew. The first evacuation order was issued at 9 p.m. Sunday.",
	    FINDING_DATE_CONFLICT), 1, "dates: one first event, two days");
	INT_EQ(count("The first order was issued Saturday. The second order "
	    "was issued Sunday.", FINDING_DATE_CONFLICT), 0,
	    "dates: a first and a second event");
	INT_EQ(count("The first order was issued Saturday. The fire grew. "
	    "The first order was issued Saturday night.",
	    FINDING_DATE_CONFLICT), 0, "dates: one first event, one day");
	INT_EQ(count("The break-in happened on Feb. 9, police said. Since the "
	    "Feb. 9 break-in, neighbors have left flowers.",
	    FINDING_DATE_CONFLICT), 0, "dates: the same date twice");
	INT_EQ(count("The council voted on March 3 to close the pool. The "
	    "March 5 vote drew a crowd.", FINDING_DATE_CONFLICT), 1,
	    "dates: full month names, voted/vote");
	INT_EQ(count("The museum was closed from Feb. 9 to Feb. 11 for "
	    "repairs. The Feb. 11 closure angered visitors.",
	    FINDING_DATE_CONFLICT), 0, "dates: a range is no event date");
	INT_EQ(count("Tickets have been sold since Feb. 9, the museum said. "
	    "The Feb. 11 sale was the largest.", FINDING_DATE_CONFLICT), 0,
	    "dates: 'since Feb. 9' bounds a span");
	INT_EQ(count("The board must vote by March 3 on the plan. The "
	    "March 5 vote drew a crowd.", FINDING_DATE_CONFLICT), 0,
	    "dates: 'by March 3' is a deadline");
	INT_EQ(count("Fire crews were called at 11:50 p.m. on Feb. 9 to the "
	    "warehouse. The Feb. 10 fire destroyed it.",
	    FINDING_DATE_CONFLICT), 0,
	    "dates: a clock time may move a date by one day");
	INT_EQ(count("The council voted on March 3 to close the pool. The "
	    "March 5 hearing drew a crowd.", FINDING_DATE_CONFLICT), 0,
	    "dates: different events on different dates");
	INT_EQ(count("The council voted on March 3, 2024 to close the pool. "
	    "The March 5 vote drew a crowd.", FINDING_DATE_CONFLICT), 0,
	    "dates: a date with a year may be another year's event");
	INT_EQ(count("The strike began on Monday at the port. The Tuesday "
	    "walkout idled ships.", FINDING_DATE_CONFLICT), 1,
	    "dates: strike and walkout name one event");
}

/* A share with no noun keyed by the name it belongs to (qincD). */
static void
t_shares(void)
{
	INT_EQ(count("Whitford was the choice of 41 percent of voters and "
	    "Ruelas of 39 percent. Ruelas, who drew 36 percent in the poll, "
	    "has the union's backing.", FINDING_NUMBER_CONFLICT), 1,
	    "shares: Ruelas of 39 percent, Ruelas drew 36 percent");
	INT_EQ(count("Whitford was the choice of 41 percent of voters and "
	    "Ruelas of 39%. Ruelas, who drew 36 per cent in the poll, "
	    "has the union's backing.", FINDING_NUMBER_CONFLICT), 1,
	    "shares: '%' and 'per cent' are percent");
	INT_EQ(count("Whitford was the choice of 41 percent of voters and "
	    "Ruelas of 39 percent. Ruelas, who drew 39 per cent in the poll, "
	    "has the union's backing.", FINDING_NUMBER_CONFLICT), 0,
	    "shares: the same share twice");
	INT_EQ(count("Whitford was the choice of 41 percent of voters and "
	    "Ruelas of 39 percent. Bruner, who drew 36 percent in the poll, "
	    "has the union's backing.", FINDING_NUMBER_CONFLICT), 0,
	    "shares: two candidates' shares");
	INT_EQ(count("In the first round Ruelas drew 39 percent. His support "
	    "has since fallen, and Ruelas drew 36 percent in the runoff "
	    "after his share dropped.", FINDING_NUMBER_CONFLICT), 0,
	    "shares: a change word near a share");
}

/* transpose.c: two digits swapped in a figure given twice */
static void
t_transposed(void)
{
	char buf[200];

	STR_EQ(match("The airline earned $48.6 million in the quarter. The "
	    "$46.8 million profit was its largest.", FINDING_NUMBER_CONFLICT,
	    buf, sizeof(buf)), "$46.8 million",
	    "transposed: money, whatever the noun");
	STR_EQ(match("The quake struck 12 miles northeast of town. It was "
	    "centered about 21 miles from town.", FINDING_NUMBER_CONFLICT, buf,
	    sizeof(buf)), "21 miles", "transposed: a measure");
	INT_EQ(count("The trail was 12 miles long. It grew to 21 miles.",
	    FINDING_NUMBER_CONFLICT), 0, "transposed: a change word before");
	INT_EQ(count("The trail ran from 12 miles to 21 miles.",
	    FINDING_NUMBER_CONFLICT), 0, "transposed: one sentence");
	INT_EQ(count("Turnout was 45% in one ward. It was 54% in the next.",
	    FINDING_NUMBER_CONFLICT), 0,
	    "transposed: two-digit percentages meet by chance");
	INT_EQ(count("He served 12 years. She served 21 years.",
	    FINDING_NUMBER_CONFLICT), 0, "transposed: time spans");
	INT_EQ(count("The fund holds $48.6 million. The $48.6 million fund "
	    "grew.", FINDING_NUMBER_CONFLICT), 0, "transposed: same figure");
}

/* firsttime.c: "the first time" told of again as "once before" */
static void
t_first_time(void)
{
	const char *cd = "Copydesk.Contradiction";

	INT_EQ(count_id("It was the first time the department had ever closed "
	    "the bay for heat, said Ann Lee, who has worked there since "
	    "2009.\n\nLee said the department had closed the bay once before, "
	    "in 2018.", cd), 1, "first time: an earlier closure of the bay");
	INT_EQ(count_id("It was the first time the department had closed the "
	    "bay since 2010.\n\nThe department had closed the bay once "
	    "before, in 2009.", cd), 0, "first time: bounded by 'since'");
	INT_EQ(count_id("It was the first time the department had closed the "
	    "bay.\n\nThe team had won the title twice before.", cd), 0,
	    "first time: another act done before");
	INT_EQ(count_id("The Senate voted to raise the annual registration fee "
	    "from $100 to $250.\n\nCritics said the fee cut would do little.",
	    cd), 1, "direction: a rise restated as 'the fee cut'");
	INT_EQ(count_id("The plan pairs a gas tax increase with an income tax "
	    "cut. Critics said the tax cut favors the rich.", cd), 0,
	    "direction: one noun told both ways");
	INT_EQ(count_id("The budget adds money for overtime. The chief may be "
	    "able to cut back on overtime next year. Two members opposed the "
	    "overtime increase.", cd), 0,
	    "direction: a change that may come is not told");
}

int
main(void)
{
	harness_name = "incons";
	if (lexset_load(&lx, "rules/lexicons") < 0)
		return 2;
	rs = rule_set_new();
	/* firsttime.c reports under the shipped contradiction rule */
	if (rule_load_file(rs, "rules/Copydesk/Contradiction.yml", "Copydesk",
	    "Contradiction") < 0)
		return 2;
	t_map();
	t_numbers();
	t_names();
	t_titles();
	t_quotes_dates();
	t_repetition();
	t_month_dates();
	t_shares();
	t_transposed();
	t_first_time();
	rule_set_free(rs);
	lexset_release(&lx);
	return harness_failed != 0;
}
