/* cli.h: command-line options, rule loading and file selection for main.c. */
#ifndef CLI_H
#define CLI_H

#include <stddef.h>
#include <stdint.h>

#include "lexset.h"
#include "out.h"

struct config;
struct doc_range;
struct doc;
struct ruleset;
struct rule_ctx;

/* One thing to check: a whole file, or one part of a large one. */
struct cli_unit {
	size_t path;		/* index in paths */
	const struct doc_range *range;	/* NULL: the whole file */
};

struct cli_toggle {
	const char *id;		/* --enable/--disable argument */
	int on;
};

struct cli {
	struct ruleset *rs;
	struct lexset lex;
	struct out out;
	int fail_level;		/* exit 1 at or above; LEVEL_NONE never */
	char **paths;		/* files to check, in order ("-" = stdin) */
	size_t npaths, cappaths;
	struct cli_unit *units;	/* what the jobs check, in output order */
	size_t nunits;
	struct doc_range **ranges;	/* per path: its parts, or NULL */
	const char *stdin_name;	/* --stdin-filename */
	int input_format;	/* --input-format, or -1 */
	int jobs;		/* -j; 0: the number of cores */
	int done;		/* --help, --version, --list-rules answered */
	char *rules_dir;	/* where the shipped rules and lexicons are */
	struct cli_toggle *tog;	/* --enable and --disable, in order */
	size_t ntog;
	struct config *cfg;	/* .copydesk.ini, or NULL */
	int walk_errors;	/* directories that could not be read */
};

/*
 * Parses argv, reads the config file (--config, else the nearest
 * .copydesk.ini), loads rules and lexicons, and lists the files to check
 * (directories walked recursively in sorted order for the extensions of
 * the known formats).  Returns 0, or -1 after printing a usage or
 * configuration error (exit 2).
 */
int cli_init(struct cli *c, int argc, char **argv);

/* Reads the i-th path into a document with its format and per-file rule
 * levels set; NULL on error (message printed). */
/*
 * Reads unit i (c->units): a file, or a part of a large plain-text file.
 * NULL when it cannot be read (the message is printed).
 */
struct doc *cli_read(struct cli *c, size_t i);

/*
 * The config's per-rule levels for the file named name (d's arena), with
 * --enable and --disable winning over it; NULL when no config applies.
 */
int8_t *cli_levels(struct cli *c, struct doc *d, const char *name);

/*
 * Checks one read document (main.c) with the calling thread's rule scratch
 * x; -1 when it was refused.  Safe to call from several threads at once.
 */
int cli_check(struct cli *c, struct rule_ctx *x, struct doc *d);

/* Adds the TooManyFindings finding when d hit the finding limit. */
void cli_limit(struct cli *c, struct doc *d);

/* Flushes stdout; -1 after printing an error when writing failed. */
int cli_flush(struct cli *c);

/* Frees everything; returns status for main's return. */
int cli_release(struct cli *c, int status);

#endif
