/* rule.h: rules in Vale's YAML format, the built-in checks, and running them. */
#ifndef RULE_H
#define RULE_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct matcher;
struct lexicon;

/*
 * Most rules one ruleset holds, and most phrases one rule may expand to:
 * bounds on memory and start-up time for rule files written by hand.
 */
#ifndef RULE_MAX_RULES
#define RULE_MAX_RULES 20000
#endif
#ifndef RULE_MAX_PHRASES
#define RULE_MAX_PHRASES 200000
#endif
/* PCRE2 limits for user regexes: a catastrophic pattern fails, not hangs. */
#ifndef RULE_MATCH_LIMIT
#define RULE_MATCH_LIMIT 1000000
#endif
#ifndef RULE_DEPTH_LIMIT
#define RULE_DEPTH_LIMIT 10000
#endif

enum rule_type {
	RULE_EXISTENCE,
	RULE_SUBSTITUTION,
	RULE_REPETITION,
	RULE_OCCURRENCE,
	RULE_CONSISTENCY,
	RULE_CONDITIONAL,
	RULE_CAPITALIZATION,
	RULE_CONTRADICTION,	/* copydesk's own */
	RULE_BUILTIN		/* a check written in C (finding.def) */
};

enum rule_flags {
	RULE_ICASE = 1 << 0,	/* ignorecase: true */
	RULE_NONWORD = 1 << 1,	/* nonword: true (no word boundaries) */
	RULE_RAW = 1 << 2,	/* raw: the tokens are one regex */
	RULE_SKIPQUOTES = 1 << 3	/* not inside direct quotations */
};

struct rule_list {
	char **v;
	size_t n;
};

struct rule {
	char *id;		/* Style.Rule */
	char *style;
	char *path;		/* file it came from, or NULL for built-ins */
	enum rule_type type;
	int level;		/* effective level; LEVEL_NONE = disabled */
	int default_level;	/* as the rule file says */
	const char *category;	/* points into static strings or *owned */
	char *owned_category;
	char *message, *link, *description;
	unsigned flags;
	int builtin;		/* enum finding_id, or -1 */
	size_t index;		/* position in the ruleset */

	struct rule_list tokens;	/* existence, repetition */
	struct rule_list exceptions;
	struct rule_list swap_from, swap_to;	/* substitution */
	void *re;		/* pcre2_code * for tokens needing a regex */
	/*
	 * Gate for re (existence rules): every match contains one of these
	 * words (folded keys, sorted), so re runs only on the sentences that
	 * hold one instead of over the whole text.  NULL: no gate.
	 */
	uint64_t *gate;
	size_t ngate;
	uint64_t gate_bloom[16];	/* bit key % 1024 set for each gate key */
	void **swap_re;		/* per swap entry regex, or NULL */
	struct lexicon *exc;	/* exceptions as a phrase set */

	/* occurrence */
	long max, min;
	/* conditional */
	char *first, *second;
	/* capitalization */
	char *match;
	/* contradiction: two word lists and optional flip words */
	struct lexicon *subjects, *predicates;
	struct lexicon *subjects2, *predicates2;
	struct lexicon *negators;
	/* a word of these must come earlier in the sentence ("shares fell
	 * ... as investors applauded"); NULL: no condition */
	struct lexicon *context, *context2;
	int scope;		/* RULE_SCOPE_* */
	int regex_failed;	/* match limit reported once (atomic) */
};

enum rule_scope {
	RULE_SCOPE_TEXT,
	RULE_SCOPE_SENTENCE,
	RULE_SCOPE_PARAGRAPH
};

struct ruleset {
	struct rule **rules;
	size_t n, cap;
	struct matcher *m;
	void *mctx;		/* pcre2_match_context * */
	struct rule_ctx *ctx;	/* rule_run's scratch (single-threaded) */
	int runtime_errors;	/* a regex hit its match limit (atomic) */
};

/*
 * Per-thread scratch for running rules (PCRE2 match data).  A ruleset is
 * read-only while documents are checked, except for the atomic
 * regex_failed and runtime_errors; everything a match writes lives here,
 * so threads checking documents at once each need their own.
 */
struct rule_ctx;

/* An empty ruleset with the built-in checks registered.  Cannot fail. */
struct ruleset *rule_set_new(void);
void rule_set_free(struct ruleset *rs);

/*
 * Loads every style directory under dir (dir/STYLE/NAME.yml or .yaml), in sorted
 * order.  Returns 0, or -1 after printing an error naming the file, line and
 * key.  Unsupported Vale types are skipped with a warning on stderr.
 */
int rule_load_dir(struct ruleset *rs, const char *dir);

/* Loads one rule file as style.name. */
int rule_load_file(struct ruleset *rs, const char *path, const char *style,
    const char *name);

/* Loads rules from YAML text (tests, fuzzing); path is for messages. */
int rule_load_mem(struct ruleset *rs, const char *yaml, size_t n,
    const char *path, const char *style, const char *name);

/*
 * Compiles every token and swap phrase into the one matcher.  Returns 0 or
 * -1 after printing an error (a regex that does not compile, for example).
 */
int rule_compile(struct ruleset *rs);

/* The rule with this id, or NULL. */
struct rule *rule_find(const struct ruleset *rs, const char *id);
struct rule *rule_builtin(const struct ruleset *rs, int finding_id);

/*
 * Sets the level of the rule id, or of every rule of a style when id has no
 * dot.  Returns the number of rules changed.
 */
size_t rule_set_level(struct ruleset *rs, const char *id, int level);

/* Runs every phrase, regex and text rule over d, adding findings. */
void rule_run(struct ruleset *rs, struct doc *d);

/* The same with the calling thread's own scratch x (see struct rule_ctx). */
void rule_run_ctx(struct ruleset *rs, struct rule_ctx *x, struct doc *d);

/* A new scratch for one thread; never NULL (dies when out of memory). */
struct rule_ctx *rule_ctx_new(void);

/* Frees x; x may be NULL. */
void rule_ctx_free(struct rule_ctx *x);

/* Level of r for document d (per-file config), LEVEL_NONE when off. */
int rule_level(const struct doc *d, const struct rule *r);

const char *rule_type_name(enum rule_type t);

#endif
