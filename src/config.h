/* config.h: .copydesk.ini, with the keys and sections of Vale's .vale.ini. */
#ifndef CONFIG_H
#define CONFIG_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

struct arena;
struct rule;
struct ruleset;

/* Longest line and most sections accepted: bounds for a hand-written file. */
#define CONFIG_MAX_LINE 4096
#define CONFIG_MAX_SECTIONS 1000
/* Most patterns a section's {a,b} groups may expand to ([*.{md,txt}]: 2). */
#define CONFIG_MAX_GLOBS 1024
#define CONFIG_MAX_GLOBS_STR "1024"
/* Most directories climbed looking for .copydesk.ini. */
#define CONFIG_MAX_UP 256

/* Value of a "Style.Rule = ..." line: a level, or YES (the rule's own). */
#define CONFIG_YES (-1)

struct config_rule {
	char *id;		/* Style.Rule, or Style */
	int level;		/* CONFIG_YES or enum level (0 = NO) */
	size_t line;
};

struct config_section {
	char *glob;		/* NULL for the global section */
	size_t line;
	char **based;		/* BasedOnStyles */
	size_t nbased;
	int has_based;
	struct config_rule *rules;
	size_t nrules;
};

struct config {
	char *path;		/* the file, as found or given */
	char *dir;		/* its directory, absolute */
	char *styles_path;	/* StylesPath resolved against dir, or NULL */
	size_t styles_line;
	int min_level;		/* MinAlertLevel, or -1 */
	struct config_section *secs;
	size_t nsecs;
};

/*
 * Reads the ini file at path into c (which need not be initialised).
 * Returns 0, or -1 after printing "copydesk: PATH:LINE: REASON"; c is then
 * empty.  Free with config_release.
 */
int config_load(struct config *c, const char *path);

/* Like config_load, reading the file's bytes from fp (the fuzz target). */
int config_read(struct config *c, FILE *fp, const char *path);

/*
 * The nearest .copydesk.ini in the working directory or one of its
 * parents, or NULL.  The caller frees the result.
 */
char *config_find(void);

/*
 * Checks that every style and rule named in c exists in rs (the style
 * "Vale" is accepted and ignored, so that .vale.ini files can be reused).
 * Returns 0, or -1 after printing an error naming file and line.
 */
int config_check(const struct config *c, const struct ruleset *rs);

/*
 * Per-rule levels for the file at path (as given on the command line or as
 * --stdin-filename), indexed by rule->index: -1 = the rule's own level, 0 =
 * off, 1..3 = suggestion..error.  NULL when no section changes anything.
 * The array is allocated in a.
 */
int8_t *config_levels(const struct config *c, const struct ruleset *rs,
    const char *path, struct arena *a);

/*
 * Does glob pat match path?  '*' and '?' do not match '/', a double star
 * matches across directories (and "a/DOUBLESTAR/b" matches "a/b"), [abc],
 * [!a-z] and {x,y} work as in a shell.  A pattern without '/' is matched against the
 * last component of path only.
 */
int config_glob(const char *pat, const char *path);

/* Is name r's id, or (without a dot) r's style? */
int config_names_rule(const char *name, const struct rule *r);

void config_release(struct config *c);

#endif
