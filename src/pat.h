/* pat.h: expands the regex subset used in Vale token lists into phrases. */
#ifndef PAT_H
#define PAT_H

#include <stddef.h>

/*
 * Most phrases one pattern may expand to before it is left to PCRE2: the
 * expansion is a product of alternatives and would otherwise grow without
 * bound.  Not a truncation: the pattern is then matched as a regex.
 */
#ifndef PAT_MAX_EXPANSION
#define PAT_MAX_EXPANSION 16384
#endif

struct pat_list {
	char **v;
	size_t n, cap;
};

/*
 * Expands pattern (literal words, spaces, escaped punctuation, (?:a|b)
 * groups, ? on a character or group, [Ss] classes of literal characters,
 * \b, \s+, and \d+ / \w+ as whole tokens) into the list of plain phrases it
 * matches; \d+ becomes "\x01" and \w+ "\x02".  A leading (?i) sets *icase
 * to 1 and (?-i) to 0.  Returns 0, or -1 when the pattern uses anything
 * else (then it needs a real regex) or expands to too many phrases.  The
 * caller frees the list with pat_list_free in either case.
 */
int pat_expand(const char *pattern, struct pat_list *out, int *icase);

void pat_list_free(struct pat_list *l);

#endif
