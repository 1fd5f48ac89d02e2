/* cli.c: option parsing, rule and lexicon loading, the list of inputs. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
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
"  -o, --output FMT        text (default), line, json\n"
"      --min-level L       report only suggestion, warning or error and up\n"
"      --fail-level L      exit 1 at or above L (default error; none never)\n"
"      --config FILE       configuration file (.copydesk.ini)\n"
"      --rules DIR         where rule styles live\n"
"      --enable X          turn on a style or rule (repeatable)\n"
"      --disable X         turn off a style or rule (repeatable)\n"
"      --report LIST       with text output: quotes,sources tables\n"
"      --input-format F    txt, md, html or xml (default: by extension)\n"
"      --stdin-filename N  name (and format) reported for stdin\n"
"  -j, --jobs N            check N files at once\n"
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

/* The shipped rules: next to the binary (a build tree), else installed. */
static char *
find_rules_dir(const char *argv0)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct buf b = BUF_INIT;
	char *slash;

	(void)argv0;
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			buf_printf(&b, "%s/rules", exe);
			if (is_dir(b.ptr)) {
				char *r = xstrdup(b.ptr);

				buf_release(&b);
				return r;
			}
		}
	}
	buf_release(&b);
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

struct toggle {
	char *id;
	int on;
};

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

int
cli_init(struct cli *c, int argc, char **argv)
{
	const char *user_rules = NULL;
	struct toggle *tog = NULL;
	size_t ntog = 0, i;
	int ch, list = 0;
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
		case 'j':
			c->jobs = atoi(optarg) > 0 ? atoi(optarg) : 0;
			break;
		case OPT_MIN_LEVEL:
			l = finding_level_parse(optarg);
			if (l <= 0)
				return usage_error("invalid --min-level '%s' "
				    "(suggestion, warning or error)", optarg);
			c->out.min_level = l;
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
			break;
		case OPT_RULES:
			user_rules = optarg;
			break;
		case OPT_ENABLE:
		case OPT_DISABLE:
			tog = xrealloc(tog, xst_mult(ntog + 1, sizeof(*tog)));
			tog[ntog].id = optarg;
			tog[ntog++].on = ch == OPT_ENABLE;
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
			free(tog);
			if (optopt)
				return usage_error("option '-%c' is invalid "
				    "or needs a value", (char[]){ (char)optopt,
				    0 });
			return usage_error("unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	c->out.w = out_find(fmt);
	if (c->out.w == NULL) {
		free(tog);
		return usage_error("unknown output format '%s'", fmt);
	}
	c->rules_dir = find_rules_dir(argv[0]);
	if (load_rules(c, user_rules) < 0 || rule_compile(c->rs) < 0) {
		free(tog);
		return -1;
	}
	for (i = 0; i < ntog; i++) {
		struct rule *r = rule_find(c->rs, tog[i].id);
		int lvl = tog[i].on ? (r ? r->default_level : -1) : LEVEL_NONE;

		if (rule_set_level(c->rs, tog[i].id, lvl) == 0) {
			const char *id = tog[i].id;	/* in argv */

			free(tog);
			return usage_error("no rule or style named '%s'", id);
		}
	}
	free(tog);
	if (list) {
		list_rules(c);
		c->done = 1;
		return 0;
	}
	c->out.color = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
	c->out.caret = isatty(STDOUT_FILENO);
	for (i = (size_t)optind; i < (size_t)argc; i++)
		add_path(c, argv[i]);
	if (c->npaths == 0) {
		if (isatty(STDIN_FILENO))
			return usage_error("%s", "no input: give a file, a "
			    "directory, or '-' for stdin");
		add_path(c, "-");
	}
	return 0;
}

struct doc *
cli_read(struct cli *c, size_t i)
{
	const char *p = c->paths[i];
	int is_stdin = strcmp(p, "-") == 0;
	const char *display = is_stdin ? (c->stdin_name ? c->stdin_name :
	    "<stdin>") : p;
	struct doc *d = doc_read(p, display);

	if (d == NULL)
		return NULL;
	if (c->input_format >= 0)
		d->fmt = (enum doc_format)c->input_format;
	else if (is_stdin && c->stdin_name == NULL)
		d->fmt = DOC_TXT;
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

	for (i = 0; i < c->npaths; i++)
		free(c->paths[i]);
	free(c->paths);
	free(c->rules_dir);
	buf_release(&c->out.b);
	lexset_release(&c->lex);
	rule_set_free(c->rs);
	return status;
}
