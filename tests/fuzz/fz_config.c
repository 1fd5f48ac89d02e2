/*
 * fz_config.c: libFuzzer target for the .copydesk.ini parser.  The input is
 * read as a config file; when it parses, it is checked against a small rule
 * set, and per-file levels are worked out for a few paths, which matches
 * every section's glob against each of them.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "config.h"
#include "rule.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ruleset *rs;

static const char rules_yml[] =
    "extends: existence\n"
    "message: \"'%s' is hedged\"\n"
    "level: warning\n"
    "tokens:\n"
    "  - reportedly\n"
    "  - is expected to\n";

static void
setup(void)
{
	rs = rule_set_new();
	if (rule_load_mem(rs, rules_yml, sizeof(rules_yml) - 1,
	    "Hedge.yml", "Fuzz", "Hedge") < 0 ||
	    rule_load_mem(rs, rules_yml, sizeof(rules_yml) - 1,
	    "Other.yml", "Copydesk", "Other") < 0 || rule_compile(rs) < 0) {
		fprintf(stderr, "fz_config: cannot build the rule set\n");
		exit(1);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = { "story.md", "a/b/story.txt",
	    "/abs/dir/x.html", "news/2026/11/draft.xml", "", "{a,b}/[x]*.md",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.txt" };
	struct config c;
	struct arena a;
	FILE *fp;
	size_t i;

	if (rs == NULL)
		setup();
	if (size == 0)
		return 0;
	fp = fmemopen((void *)(uintptr_t)data, size, "r");
	if (fp == NULL)
		return 0;
	if (config_read(&c, fp, "fuzz/.copydesk.ini") == 0) {
		(void)config_check(&c, rs);
		arena_init(&a);
		for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
			(void)config_levels(&c, rs, paths[i], &a);
		arena_release(&a);
		config_release(&c);
	}
	fclose(fp);
	return 0;
}
