/* config.c: reading .copydesk.ini and applying its glob sections to files. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "finding.h"
#include "rule.h"
#include "xalloc.h"

/* Deepest {a,b} nesting a glob may use (each level re-matches the rest). */
#define CONFIG_MAX_BRACES 8

static int
cfg_error(const char *path, size_t line, const char *fmt, const char *arg)
{
	fprintf(stderr, "copydesk: %s:%zu: ", path, line);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return -1;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/* Vale keys copydesk accepts and has no use for. */
static int
ignored_key(const char *k)
{
	static const char *const keys[] = { "Vocab", "Packages",
	    "IgnoredScopes", "SkippedScopes", "IgnoredClasses", "WordTemplate",
	    "BlockIgnores", "TokenIgnores", "Transform", "Lang", "NLPEndpoint",
	    "MinAlertLevel.Vale", NULL };
	size_t i;

	for (i = 0; keys[i] != NULL; i++)
		if (strcmp(k, keys[i]) == 0)
			return 1;
	return 0;
}

static char *
dir_of(const char *path)
{
	char cwd[PATH_MAX], *dir, *slash;
	struct buf b = BUF_INIT;

	if (path[0] == '/') {
		buf_puts(&b, path);
	} else {
		if (getcwd(cwd, sizeof(cwd)) == NULL)
			snprintf(cwd, sizeof(cwd), ".");
		buf_printf(&b, "%s/%s", cwd, path);
	}
	slash = strrchr(b.ptr, '/');
	*slash = '\0';
	dir = xstrdup(b.ptr[0] ? b.ptr : "/");
	buf_release(&b);
	return dir;
}

/* The '}' before end closing the '{' at p, or NULL ("{" alone is a letter). */
static const char *
brace_close(const char *p, const char *end)
{
	int level = 0;

	for (; p < end; p++)
		if (*p == '{')
			level++;
		else if (*p == '}' && --level == 0)
			return p;
	return NULL;
}

/* The end of the {a,b} alternative starting at alt: a ',' or close. */
static const char *
alt_end(const char *alt, const char *close)
{
	int level = 0;

	for (; alt < close; alt++)
		if (*alt == '{')
			level++;
		else if (*alt == '}')
			level--;
		else if (*alt == ',' && level == 0)
			break;
	return alt;
}

/*
 * How many plain patterns the {a,b} groups between p and end expand to,
 * counting at most CONFIG_MAX_GLOBS + 1: matching tries each one.
 */
static size_t
glob_count(const char *p, const char *end)
{
	size_t total = 1;

	while (p < end) {
		const char *q, *alt, *close;
		size_t sum = 0;

		if (*p != '{' || (close = brace_close(p, end)) == NULL) {
			p++;		/* an unmatched '{' is a letter */
			continue;
		}
		for (alt = p + 1; alt <= close; alt = q + 1) {
			q = alt_end(alt, close);
			sum += glob_count(alt, q);
			if (sum > CONFIG_MAX_GLOBS)
				return CONFIG_MAX_GLOBS + 1;
		}
		if (total * sum > CONFIG_MAX_GLOBS)
			return CONFIG_MAX_GLOBS + 1;
		total *= sum;
		p = close + 1;
	}
	return total;
}

static struct config_section *
add_section(struct config *c, const char *glob, size_t line)
{
	struct config_section *s;

	c->secs = xrealloc(c->secs, xst_mult(c->nsecs + 1, sizeof(*c->secs)));
	s = &c->secs[c->nsecs++];
	memset(s, 0, sizeof(*s));
	s->glob = glob ? xstrdup(glob) : NULL;
	s->line = line;
	return s;
}

static int
parse_rule_value(const char *v)
{
	int l;

	if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0)
		return CONFIG_YES;
	if (strcasecmp(v, "no") == 0 || strcasecmp(v, "false") == 0)
		return LEVEL_NONE;
	l = finding_level_parse(v);
	return l > 0 ? l : -2;
}

static int
set_key(struct config *c, struct config_section *s, char *k, char *v,
    size_t line)
{
	struct stat st;
	int l;

	if (s->glob == NULL && strcmp(k, "StylesPath") == 0) {
		free(c->styles_path);
		if (v[0] == '/') {
			c->styles_path = xstrdup(v);
		} else {
			struct buf b = BUF_INIT;

			buf_printf(&b, "%s/%s", c->dir, v);
			c->styles_path = xstrdup(b.ptr);
			buf_release(&b);
		}
		c->styles_line = line;
		if (stat(c->styles_path, &st) != 0 || !S_ISDIR(st.st_mode))
			return cfg_error(c->path, line, "StylesPath '%s' is "
			    "not a directory", v);
		return 0;
	}
	if (s->glob == NULL && strcmp(k, "MinAlertLevel") == 0) {
		l = finding_level_parse(v);
		if (l <= 0)
			return cfg_error(c->path, line, "invalid MinAlertLevel "
			    "'%s' (suggestion, warning or error)", v);
		c->min_level = l;
		return 0;
	}
	if (strcmp(k, "BasedOnStyles") == 0) {
		char *p = v, *tok;

		s->has_based = 1;
		while ((tok = strsep(&p, ",")) != NULL) {
			tok = trim(tok);
			if (*tok == '\0')
				continue;
			s->based = xrealloc(s->based, xst_mult(s->nbased + 1,
			    sizeof(*s->based)));
			s->based[s->nbased++] = xstrdup(tok);
		}
		return 0;
	}
	if (ignored_key(k))
		return 0;
	l = parse_rule_value(v);
	if (strchr(k, '.') == NULL && l == -2)	/* not "Style = NO" */
		return cfg_error(c->path, line, "unknown key '%s'", k);
	if (l == -2)
		return cfg_error(c->path, line, "invalid value '%s' (YES, NO, "
		    "suggestion, warning or error)", v);
	s->rules = xrealloc(s->rules, xst_mult(s->nrules + 1,
	    sizeof(*s->rules)));
	s->rules[s->nrules].id = xstrdup(k);
	s->rules[s->nrules].level = l;
	s->rules[s->nrules++].line = line;
	return 0;
}

static int
parse_line(struct config *c, char *line, size_t lineno)
{
	struct config_section *s = &c->secs[c->nsecs - 1];
	char *p = trim(line), *eq, *q;

	if (*p == '\0' || *p == '#' || *p == ';')
		return 0;
	/* inline comments: whitespace, then '#' or ';' */
	for (q = p + 1; *q; q++)
		if ((*q == '#' || *q == ';') && (q[-1] == ' ' || q[-1] == '\t')) {
			*q = '\0';
			p = trim(p);
			break;
		}
	if (*p == '[') {
		size_t n = strlen(p);

		if (p[n - 1] != ']' || n < 3)
			return cfg_error(c->path, lineno, "%s", "section "
			    "header needs a closing ']' and a name");
		if (c->nsecs >= CONFIG_MAX_SECTIONS)
			return cfg_error(c->path, lineno, "%s", "too many "
			    "sections");
		p[n - 1] = '\0';
		p = trim(p + 1);
		if (glob_count(p, p + strlen(p)) > CONFIG_MAX_GLOBS)
			return cfg_error(c->path, lineno, "section '[%s]' has "
			    "too many {a,b} alternatives (more than "
			    CONFIG_MAX_GLOBS_STR " patterns)", p);
		add_section(c, p, lineno);
		return 0;
	}
	eq = strchr(p, '=');
	if (eq == NULL)
		return cfg_error(c->path, lineno, "expected 'key = value', "
		    "got '%s'", p);
	*eq = '\0';
	if (*trim(p) == '\0')
		return cfg_error(c->path, lineno, "%s", "missing key before "
		    "'='");
	return set_key(c, s, trim(p), trim(eq + 1), lineno);
}

int
config_load(struct config *c, const char *path)
{
	FILE *fp = fopen(path, "r");
	int rc;

	if (fp == NULL) {
		memset(c, 0, sizeof(*c));
		c->min_level = -1;
		fprintf(stderr, "copydesk: cannot read config '%s': %s\n", path,
		    strerror(errno));
		return -1;
	}
	rc = config_read(c, fp, path);
	fclose(fp);
	return rc;
}

int
config_read(struct config *c, FILE *fp, const char *path)
{
	char line[CONFIG_MAX_LINE + 2];
	size_t lineno = 0;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	c->min_level = -1;
	c->path = xstrdup(path);
	c->dir = dir_of(path);
	add_section(c, NULL, 0);
	while (rc == 0 && fgets(line, sizeof(line), fp) != NULL) {
		size_t n = strlen(line);

		lineno++;
		if (n > CONFIG_MAX_LINE && line[n - 1] != '\n') {
			rc = cfg_error(path, lineno, "%s", "line too long");
			break;
		}
		if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF",
		    3) == 0)
			memmove(line, line + 3, n - 2);
		rc = parse_line(c, line, lineno);
	}
	if (rc == 0 && ferror(fp))
		rc = cfg_error(path, lineno, "read error: %s", strerror(errno));
	if (rc < 0)
		config_release(c);
	return rc;
}

char *
config_find(void)
{
	char dir[PATH_MAX];
	struct buf b = BUF_INIT;
	struct stat st;
	int i;

	if (getcwd(dir, sizeof(dir)) == NULL)
		return NULL;
	for (i = 0; i < CONFIG_MAX_UP; i++) {
		char *slash;

		buf_reset(&b);
		buf_printf(&b, "%s/.copydesk.ini", strcmp(dir, "/") ? dir : "");
		if (stat(b.ptr, &st) == 0 && S_ISREG(st.st_mode)) {
			char *r = xstrdup(b.ptr);

			buf_release(&b);
			return r;
		}
		slash = strrchr(dir, '/');
		if (slash == NULL || strcmp(dir, "/") == 0)
			break;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	buf_release(&b);
	return NULL;
}

/* Rules */

int
config_names_rule(const char *name, const struct rule *r)
{
	size_t n = strlen(name);

	if (strcmp(name, r->id) == 0)
		return 1;
	return strchr(name, '.') == NULL && strncmp(r->id, name, n) == 0 &&
	    r->id[n] == '.';
}

int
config_check(const struct config *c, const struct ruleset *rs)
{
	size_t i, j, k;

	for (i = 0; i < c->nsecs; i++) {
		const struct config_section *s = &c->secs[i];

		for (j = 0; j < s->nbased + s->nrules; j++) {
			const char *name = j < s->nbased ? s->based[j] :
			    s->rules[j - s->nbased].id;
			size_t line = j < s->nbased ? s->line :
			    s->rules[j - s->nbased].line;

			if (strcmp(name, "Vale") == 0 ||
			    strncmp(name, "Vale.", 5) == 0)
				continue;
			for (k = 0; k < rs->n; k++)
				if (config_names_rule(name, rs->rules[k]))
					break;
			if (k == rs->n)
				return cfg_error(c->path, line ? line : 1,
				    j < s->nbased ? "no style named '%s'" :
				    "no rule or style named '%s'", name);
		}
	}
	return 0;
}

/* path made absolute and relative to c->dir when it lies below it */
static char *
rel_path(const struct config *c, const char *path)
{
	char cwd[PATH_MAX];
	struct buf b = BUF_INIT;
	size_t n = strlen(c->dir);
	char *r;

	if (path[0] == '/') {
		buf_puts(&b, path);
	} else {
		if (getcwd(cwd, sizeof(cwd)) == NULL)
			snprintf(cwd, sizeof(cwd), ".");
		while (strncmp(path, "./", 2) == 0)
			path += 2;
		buf_printf(&b, "%s/%s", cwd, path);
	}
	if (strncmp(b.ptr, c->dir, n) == 0 && b.ptr[n] == '/')
		r = xstrdup(b.ptr + n + 1);
	else
		r = xstrdup(b.ptr);
	buf_release(&b);
	return r;
}

static int
section_matches(const struct config_section *s, const char *rel)
{
	return s->glob == NULL || config_glob(s->glob, rel);
}

int8_t *
config_levels(const struct config *c, const struct ruleset *rs,
    const char *path, struct arena *a)
{
	int8_t *lv = NULL;
	char *rel;
	size_t i, j, k;

	if (c == NULL || c->nsecs == 0)
		return NULL;
	rel = rel_path(c, path);
	for (i = 0; i < c->nsecs; i++) {
		const struct config_section *s = &c->secs[i];

		if (!section_matches(s, rel) || (!s->has_based &&
		    s->nrules == 0))
			continue;
		if (lv == NULL) {
			lv = arena_alloc(a, rs->n ? rs->n : 1);
			memset(lv, -1, rs->n);
		}
		if (s->has_based)
			for (k = 0; k < rs->n; k++) {
				const struct rule *r = rs->rules[k];

				lv[r->index] = 0;
				for (j = 0; j < s->nbased; j++)
					if (strcmp(s->based[j], r->style) == 0)
						lv[r->index] = -1;
			}
		for (j = 0; j < s->nrules; j++)
			for (k = 0; k < rs->n; k++) {
				const struct rule *r = rs->rules[k];

				if (!config_names_rule(s->rules[j].id, r))
					continue;
				lv[r->index] = (int8_t)(s->rules[j].level ==
				    CONFIG_YES ? (r->level > 0 ? r->level :
				    r->default_level) : s->rules[j].level);
			}
	}
	free(rel);
	return lv;
}

/* Globs */

/*
 * One plain pattern (braces expanded) being matched against one path.
 * failed marks the (pattern position, path position) pairs already known
 * not to match, so that "*a*a*a*b" tries each pair once instead of an
 * exponential number of times.  It is allocated on the first star.
 */
struct glob {
	const char *pat, *path;
	size_t plen, slen;
	unsigned char *failed;
};

static int glob_at(struct glob *g, const char *p, const char *s);

/* Matches a [...] class at p against c; *end gets the pattern after it.  A
 * class left open at the end of the pattern matches nothing. */
static int
glob_class(const char *p, char c, const char **end)
{
	int neg = 0, hit = 0;

	p++;
	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	if (*p == '\0') {	/* "[" or "[!" ends the pattern: no match */
		*end = p;
		return 0;
	}
	do {
		if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
			if (c >= p[0] && c <= p[2])
				hit = 1;
			p += 3;
		} else {
			if (c == *p)
				hit = 1;
			p++;
		}
	} while (*p != ']' && *p != '\0');
	*end = *p ? p + 1 : p;
	return hit != neg && c != '/';
}

/* glob_at from a star: the answer for (p, s), remembered when no. */
static int
glob_star(struct glob *g, const char *p, const char *s)
{
	size_t k;

	if (g->failed == NULL)
		g->failed = xcalloc((g->plen + 1) * (g->slen + 1) / 8 + 1, 1);
	k = (size_t)(p - g->pat) * (g->slen + 1) + (size_t)(s - g->path);
	if (g->failed[k / 8] & (1u << (k % 8)))
		return 0;
	if (glob_at(g, p, s))
		return 1;
	g->failed[k / 8] |= (unsigned char)(1u << (k % 8));
	return 0;
}

/* Does the rest of the plain pattern at p match the rest of the path s? */
static int
glob_at(struct glob *g, const char *p, const char *s)
{
	const char *end;

	for (;;) {
		switch (*p) {
		case '\0':
			return *s == '\0';
		case '*':
			if (p[1] == '*') {
				p += 2;
				if (*p == '/' && glob_star(g, p + 1, s))
					return 1;	/* zero directories */
				for (;; s++) {
					if (glob_star(g, p, s))
						return 1;
					if (*s == '\0')
						return 0;
				}
			}
			p++;
			for (;; s++) {
				if (glob_star(g, p, s))
					return 1;
				if (*s == '\0' || *s == '/')
					return 0;
			}
		case '?':
			if (*s == '\0' || *s == '/')
				return 0;
			p++;
			s++;
			break;
		case '[':
			if (*s == '\0' || !glob_class(p, *s, &end))
				return 0;
			p = end;
			s++;
			break;
		case '\\':
			if (p[1] != '\0')
				p++;
			/* FALLTHROUGH */
		default:
			if (*p != *s)
				return 0;
			p++;
			s++;
		}
	}
}

/*
 * Does path match pat, whose {a,b} groups from offset from on are not yet
 * expanded?  Each group is replaced by each of its alternatives in turn (a
 * group inside an alternative is expanded next); past CONFIG_MAX_BRACES
 * levels a '{' is a letter.  *budget counts the plain patterns left to try.
 */
static int
glob_expand(const char *pat, size_t from, const char *path, int depth,
    size_t *budget)
{
	const char *p, *q, *alt, *close = NULL, *pend = pat + strlen(pat);
	struct buf b = BUF_INIT;
	int ok = 0;

	for (p = pat + from; *p && depth < CONFIG_MAX_BRACES; p++)
		if (*p == '{' && (close = brace_close(p, pend)) != NULL)
			break;
	if (close == NULL) {
		struct glob g;

		if (*budget == 0)
			return 0;
		(*budget)--;
		g.pat = pat;
		g.path = path;
		g.plen = strlen(pat);
		g.slen = strlen(path);
		g.failed = NULL;
		ok = glob_at(&g, pat, path);
		free(g.failed);
		return ok;
	}
	for (alt = p + 1; !ok && *budget > 0 && alt <= close; alt = q + 1) {
		q = alt_end(alt, close);
		buf_reset(&b);
		buf_put(&b, pat, (size_t)(p - pat));
		buf_put(&b, alt, (size_t)(q - alt));
		buf_puts(&b, close + 1);
		ok = glob_expand(b.ptr, (size_t)(p - pat), path, depth + 1,
		    budget);
	}
	buf_release(&b);
	return ok;
}

int
config_glob(const char *pat, const char *path)
{
	const char *base;
	size_t budget = CONFIG_MAX_GLOBS;

	if (strchr(pat, '/') == NULL) {
		base = strrchr(path, '/');
		return glob_expand(pat, 0, base ? base + 1 : path, 0, &budget);
	}
	if (pat[0] == '/')
		pat++;
	return glob_expand(pat, 0, path, 0, &budget);
}

void
config_release(struct config *c)
{
	size_t i, j;

	for (i = 0; i < c->nsecs; i++) {
		struct config_section *s = &c->secs[i];

		for (j = 0; j < s->nbased; j++)
			free(s->based[j]);
		for (j = 0; j < s->nrules; j++)
			free(s->rules[j].id);
		free(s->based);
		free(s->rules);
		free(s->glob);
	}
	free(c->secs);
	free(c->path);
	free(c->dir);
	free(c->styles_path);
	memset(c, 0, sizeof(*c));
	c->min_level = -1;
}
