/* cli.c: option parsing, rule and lexicon loading, the list of inputs. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "doc.h"
#include "finding.h"
#include "rule.h"
#include "xalloc.h"

#ifndef COPYDESK_VERSION
#define COPYDESK_VERSION "0.1.0"
#endif
#ifndef COPYDESK_DATADIR
#define COPYDESK_DATADIR "/usr/local/share/copydesk"
#endif

enum {
	OPT_MIN_LEVEL = 256, OPT_FAIL_LEVEL, OPT_CONFIG, OPT_RULES,
	OPT_ENABLE, OPT_DISABLE, OPT_REPORT, OPT_INPUT_FORMAT,
	OPT_STDIN_FILENAME, OPT_LIST_RULES, OPT_VERSION, OPT_HELP, OPT_QUIET
};

static const struct option long_opts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "min-level", required_argument, NULL, OPT_MIN_LEVEL },
	{ "fail-level", required_argument, NULL, OPT_FAIL_LEVEL },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
	{ "jobs", required_argument, NULL, 'j' },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 }
};

static const char usage_text[] =
"usage: copydesk [OPTIONS] [PATH ...]\n"
"\n"
"Checks news copy for hedged claims, anonymous sources, quotes and their\n"
"speakers, and inconsistencies.  PATH is a file or directory; '-' or no\n"
"PATH with piped input reads stdin.\n"
"\n"
"  -o, --output FMT        text (default), line, json, jsonl, sarif,\n"
"                          checkstyle, github, vale\n"
"      --min-level L       report only suggestion, warning or error and up\n"
"      --fail-level L      exit 1 at or above L (default error; none never)\n"
"      --config FILE       configuration file (.copydesk.ini)\n"
"      --rules DIR         where rule styles live\n"
"      --enable X          turn on a style or rule (repeatable)\n"
"      --disable X         turn off a style or rule (repeatable)\n"
"      --report LIST       with text output: quotes,sources tables\n"
"      --input-format F    txt, md, html or xml (default: by extension)\n"
"      --stdin-filename N  name (and format) reported for stdin\n"
"  -j, --jobs N            check N files at once (default: cores)\n"
"      --list-rules        print every loaded rule and exit\n"
"      --quiet             print only errors\n"
"      --version           print the version and exit\n"
"      --help              print this help and exit\n"
"\n"
"Exit status: 0 no finding at or above the fail level, 1 findings at or\n"
"above it, 2 usage, configuration, rule-file or I/O error.\n";

static int
usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "copydesk: ");
	fprintf(stderr, msg, arg);
	fprintf(stderr, "\nTry 'copydesk --help' for more information.\n");
	return -1;
}

static void
add_path(struct cli *c, const char *p)
{
	if (c->npaths == c->cappaths) {
		c->cappaths = c->cappaths ? c->cappaths * 2 : 16;
		c->paths = xrealloc(c->paths,
		    xst_mult(c->cappaths, sizeof(*c->paths)));
	}
	c->paths[c->npaths++] = xstrdup(p);
}

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Deepest directory nesting walked: a loop of bind mounts must end. */
#define CLI_MAX_WALK_DEPTH 64

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* File names a directory walk picks up: the extensions of known formats. */
static int
walk_wanted(const char *name)
{
	static const char *const exts[] = { ".txt", ".md", ".markdown",
	    ".html", ".htm", ".xml", NULL };
	const char *dot = strrchr(name, '.');
	size_t i;

	for (i = 0; dot != NULL && exts[i] != NULL; i++)
		if (strcasecmp(dot, exts[i]) == 0)
			return 1;
	return 0;
}

/*
 * Adds the files under dir in sorted order, recursively.  Hidden entries
 * (.git, .drafts) are skipped, as ripgrep does; symbolic links to files are
 * followed, links to directories are not (no loops).
 */
static void
walk_dir(struct cli *c, const char *dir, int depth)
{
	struct dirent **ents;
	struct buf b = BUF_INIT;
	int n, i;

	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "copydesk: cannot read '%s': %s\n", dir,
		    strerror(errno));
		c->walk_errors++;
		return;
	}
	for (i = 0; i < n; i++) {
		struct stat st;

		if (ents[i]->d_name[0] != '.') {
			buf_reset(&b);
			buf_printf(&b, "%s%s%s", dir, dir[strlen(dir) - 1] ==
			    '/' ? "" : "/", ents[i]->d_name);
			if (lstat(b.ptr, &st) == 0 && S_ISDIR(st.st_mode)) {
				if (depth < CLI_MAX_WALK_DEPTH)
					walk_dir(c, b.ptr, depth + 1);
			} else if (stat(b.ptr, &st) == 0 &&
			    S_ISREG(st.st_mode) &&
			    walk_wanted(ents[i]->d_name)) {
				add_path(c, b.ptr);
			}
		}
		free(ents[i]);
	}
	free(ents);
	buf_release(&b);
}

/* Reads the config file; 0 when there is none. */
static int
load_config(struct cli *c, const char *path)
{
	char *found = NULL;

	if (path == NULL) {
		found = config_find();
		if (found == NULL)
			return 0;
		path = found;
	}
	c->cfg = xmalloc(sizeof(*c->cfg));
	if (config_load(c->cfg, path) < 0) {
		free(c->cfg);
		c->cfg = NULL;
		free(found);
		return -1;
	}
	free(found);
	return 0;
}

/*
 * The shipped rules: beside the binary (a build tree), one level up (a build
 * subdirectory such as build-asan/), else where make install put them.
 */
static char *
find_rules_dir(void)
{
	static const char *const rel[] = { "rules", "../rules", NULL };
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	size_t i;

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			for (i = 0; rel[i] != NULL; i++) {
				struct buf b = BUF_INIT;

				buf_printf(&b, "%s/%s/Copydesk", exe, rel[i]);
				if (is_dir(b.ptr)) {
					buf_reset(&b);
					buf_printf(&b, "%s/%s", exe, rel[i]);
					slash = xstrdup(b.ptr);
					buf_release(&b);
					return slash;
				}
				buf_release(&b);
			}
		}
	}
	return xstrdup(COPYDESK_DATADIR "/rules");
}

static void
list_rules(const struct cli *c)
{
	size_t i;

	for (i = 0; i < c->rs->n; i++) {
		const struct rule *r = c->rs->rules[i];

		printf("%-32s %-10s %-14s %s\n", r->id,
		    finding_level_name(r->level), rule_type_name(r->type),
		    r->description ? r->description : "");
	}
}

static int
load_rules(struct cli *c, const char *user_dir)
{
	struct buf b = BUF_INIT;
	int rc;

	buf_printf(&b, "%s/lexicons", c->rules_dir);
	rc = lexset_load(&c->lex, b.ptr);
	buf_reset(&b);
	if (rc < 0) {
		buf_release(&b);
		return -1;
	}
	if (user_dir != NULL) {
		if (rule_load_dir(c->rs, user_dir) < 0) {
			buf_release(&b);
			return -1;
		}
		buf_printf(&b, "%s/Copydesk", user_dir);
		if (is_dir(b.ptr)) {
			buf_release(&b);
			return 0;
		}
		buf_reset(&b);
	}
	/* the shipped styles (the Copydesk one at least) */
	buf_release(&b);
	return rule_load_dir(c->rs, c->rules_dir);
}

/* The name path is reported under. */
static const char *
path_display(const struct cli *c, const char *p)
{
	if (strcmp(p, "-") != 0)
		return p;
	return c->stdin_name ? c->stdin_name : "<stdin>";
}

/* The input format of path p. */
static enum doc_format
path_format(const struct cli *c, const char *p)
{
	if (c->input_format >= 0)
		return (enum doc_format)c->input_format;
	if (strcmp(p, "-") == 0 && c->stdin_name == NULL)
		return DOC_TXT;
	return doc_format_of(path_display(c, p));
}

/*
 * One unit a path, but a plain-text, Markdown or HTML file larger than the
 * part size becomes one unit a part (doc.h), so that -j checks its parts
 * side by side and the writer puts them back in order.
 */
static void
plan_units(struct cli *c)
{
	size_t i, k, n, cap = c->npaths, part = doc_part_size();

	c->ranges = xcalloc(c->npaths + 1, sizeof(*c->ranges));
	c->units = xcalloc(cap + 1, sizeof(*c->units));
	for (i = 0; i < c->npaths; i++) {
		n = doc_parts_plan(c->paths[i], path_format(c, c->paths[i]),
		    part, &c->ranges[i]);
		if (c->nunits + (n ? n : 1) > cap) {
			cap = (c->nunits + (n ? n : 1)) * 2;
			c->units = xrealloc(c->units, xst_mult(cap,
			    sizeof(*c->units)));
		}
		if (n == 0) {
			c->units[c->nunits].path = i;
			c->units[c->nunits++].range = NULL;
		}
		for (k = 0; k < n; k++) {
			c->units[c->nunits].path = i;
			c->units[c->nunits++].range = &c->ranges[i][k];
		}
	}
}

int
cli_init(struct cli *c, int argc, char **argv)
{
	const char *user_rules = NULL, *config_path = NULL;
	struct cli_toggle *tog;
	size_t i;
	int ch, list = 0, min_set = 0;
	const char *fmt = "text";

	memset(c, 0, sizeof(*c));
	c->fail_level = LEVEL_ERROR;
	c->input_format = -1;
	c->out.min_level = LEVEL_SUGGESTION;
	c->out.fp = stdout;
	c->rs = rule_set_new();
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "o:j:", long_opts, NULL)) != -1) {
		int l;

		switch (ch) {
		case 'o':
			fmt = optarg;
			break;
		case 'j': {
			char *end;
			long n;

			errno = 0;
			n = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    n < 1 || n > INT_MAX)
				return usage_error("invalid -j '%s' (a number "
				    "of jobs, 1 or more)", optarg);
			c->jobs = (int)n;
			break;
		}
		case OPT_MIN_LEVEL:
			l = finding_level_parse(optarg);
			if (l <= 0)
				return usage_error("invalid --min-level '%s' "
				    "(suggestion, warning or error)", optarg);
			c->out.min_level = l;
			min_set = 1;
			break;
		case OPT_FAIL_LEVEL:
			l = finding_level_parse(optarg);
			if (l < 0)
				return usage_error("invalid --fail-level '%s' "
				    "(suggestion, warning, error or none)",
				    optarg);
			c->fail_level = l;
			break;
		case OPT_CONFIG:
			config_path = optarg;
			break;
		case OPT_RULES:
			user_rules = optarg;
			break;
		case OPT_ENABLE:
		case OPT_DISABLE:
			c->tog = xrealloc(c->tog, xst_mult(c->ntog + 1,
			    sizeof(*c->tog)));
			c->tog[c->ntog].id = optarg;
			c->tog[c->ntog++].on = ch == OPT_ENABLE;
			break;
		case OPT_REPORT: {
			char *s = optarg, *tokp;

			for (tokp = s; *tokp;) {
				size_t n = strcspn(tokp, ",");

				if (n == 6 && strncmp(tokp, "quotes", 6) == 0)
					c->out.report |= OUT_REPORT_QUOTES;
				else if (n == 7 && strncmp(tokp, "sources",
				    7) == 0)
					c->out.report |= OUT_REPORT_SOURCES;
				else
					return usage_error("invalid --report "
					    "'%s' (quotes,sources)", optarg);
				tokp += n;
				if (*tokp == ',')
					tokp++;
			}
			break;
		}
		case OPT_INPUT_FORMAT:
			c->input_format = doc_format_parse(optarg);
			if (c->input_format < 0)
				return usage_error("invalid --input-format "
				    "'%s' (txt, md, html or xml)", optarg);
			break;
		case OPT_STDIN_FILENAME:
			c->stdin_name = optarg;
			break;
		case OPT_LIST_RULES:
			list = 1;
			break;
		case OPT_QUIET:
			c->out.quiet = 1;
			break;
		case OPT_VERSION:
			printf("copydesk %s\n", COPYDESK_VERSION);
			c->done = 1;
			return 0;
		case OPT_HELP:
			fputs(usage_text, stdout);
			c->done = 1;
			return 0;
		default:
			if (optopt)
				return usage_error("option '-%c' is invalid "
				    "or needs a value", (char[]){ (char)optopt,
				    0 });
			return usage_error("unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	c->out.w = out_find(fmt);
	c->out.rs = c->rs;
	if (c->out.w == NULL)
		return usage_error("unknown output format '%s'", fmt);
	c->rules_dir = find_rules_dir();
	if (load_config(c, config_path) < 0)
		return -1;
	if (user_rules == NULL && c->cfg != NULL)
		user_rules = c->cfg->styles_path;
	if (load_rules(c, user_rules) < 0 || rule_compile(c->rs) < 0 ||
	    (c->cfg != NULL && config_check(c->cfg, c->rs) < 0))
		return -1;
	if (!min_set && c->cfg != NULL && c->cfg->min_level > 0)
		c->out.min_level = c->cfg->min_level;
	tog = c->tog;
	for (i = 0; i < c->ntog; i++) {
		struct rule *r = rule_find(c->rs, tog[i].id);
		int lvl = tog[i].on ? (r ? r->default_level : -1) : LEVEL_NONE;

		if (rule_set_level(c->rs, tog[i].id, lvl) == 0)
			return usage_error("no rule or style named '%s'",
			    tog[i].id);
	}
	if (list) {
		list_rules(c);
		c->done = 1;
		return 0;
	}
	c->out.color = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
	c->out.caret = isatty(STDOUT_FILENO);
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "-") != 0 && is_dir(argv[i]))
			walk_dir(c, argv[i], 0);
		else
			add_path(c, argv[i]);
	}
	if (c->npaths == 0 && optind == argc) {
		if (isatty(STDIN_FILENO))
			return usage_error("%s", "no input: give a file, a "
			    "directory, or '-' for stdin");
		add_path(c, "-");
	}
	plan_units(c);
	return 0;
}

/*
 * The config's levels for this file, with --enable/--disable winning over
 * it (those rules keep the level the command line gave them).
 */
int8_t *
cli_levels(struct cli *c, struct doc *d, const char *name)
{
	int8_t *lv;
	size_t i, k;

	if (c->cfg == NULL)
		return NULL;
	lv = config_levels(c->cfg, c->rs, name, &d->arena);
	for (i = 0; lv != NULL && i < c->ntog; i++) {
		for (k = 0; k < c->rs->n; k++) {
			const struct rule *r = c->rs->rules[k];

			if (config_names_rule(c->tog[i].id, r))
				lv[r->index] = -1;
		}
	}
	return lv;
}

struct doc *
cli_read(struct cli *c, size_t i)
{
	const struct cli_unit *u = &c->units[i];
	const char *p = c->paths[u->path];
	const char *display = path_display(c, p);
	struct doc *d;

	d = u->range ? doc_read_range(p, display, u->range) :
	    doc_read(p, display);
	if (d == NULL)
		return NULL;
	d->fmt = path_format(c, p);
	d->levels = cli_levels(c, d, display);
	return d;
}

void
cli_limit(struct cli *c, struct doc *d)
{
	char msg[128];
	struct finding *f;

	if (!d->truncated)
		return;
	snprintf(msg, sizeof(msg), "more than %d findings in this file; the "
	    "rest are not shown", FINDING_MAX_PER_DOC);
	f = finding_add(d, rule_builtin(c->rs, FINDING_TOO_MANY_FINDINGS), 0,
	    0, 0, msg);
	(void)f;
	finding_sort(d);
}

int
cli_flush(struct cli *c)
{
	(void)c;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "copydesk: cannot write output: %s\n",
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
cli_release(struct cli *c, int status)
{
	size_t i;

	for (i = 0; i < c->npaths; i++) {
		free(c->paths[i]);
		if (c->ranges != NULL)
			free(c->ranges[i]);
	}
	free(c->paths);
	free(c->ranges);
	free(c->units);
	free(c->tog);
	if (c->cfg != NULL)
		config_release(c->cfg);
	free(c->cfg);
	free(c->rules_dir);
	buf_release(&c->out.b);
	lexset_release(&c->lex);
	rule_set_free(c->rs);
	return status;
}
