/*
 * fz_rules.c: libFuzzer target for the YAML rule loader and compiling the
 * rule into the matcher (phrase expansion, PCRE2 compile), then running it
 * on a short fixed sentence so a compiled regex is exercised too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc.h"
#include "rule.h"
#include "strip.h"
#include "tok.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char sample[] =
    "The deal is expected to close as early as Tuesday, two sources said.\n"
    "\"It could still be made,\" she said. aaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ruleset *rs = rule_set_new();

	if (rule_load_mem(rs, (const char *)data, size, "fuzz.yml", "Fuzz",
	    "Rule") == 0 && rule_compile(rs) == 0) {
		struct doc *d = doc_new("f.txt", sample, sizeof(sample) - 1);

		if (strip_run(d) == 0) {
			tok_split2(d, NULL, NULL);
			rule_run(rs, d);
		}
		doc_free(d);
	}
	rule_set_free(rs);
	return 0;
}
