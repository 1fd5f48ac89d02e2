/* rule.c: loading Vale-format rule files and running the text rules. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rule.h"

#include <dirent.h>
#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "doc.h"
#include "finding.h"
#include "lex.h"
#include "match.h"
#include "pat.h"
#include "tok.h"
#include "xalloc.h"
#include "ytree.h"

static const char *const type_names[] = {
	"existence", "substitution", "repetition", "occurrence",
	"consistency", "conditional", "capitalization", "contradiction",
	"builtin"
};

/* Vale types copydesk does not run: skipped with a warning, not refused. */
static const char *const skipped_types[] = {
	"spelling", "metric", "sequence", "script", "readability", NULL
};

/* Every key Vale documents for the types above, plus copydesk's own. */
static const char *const known_keys[] = {
	"extends", "message", "level", "ignorecase", "scope", "link",
	"description", "action", "limit", "vocab", "nonword", "tokens",
	"exceptions", "raw", "append", "swap", "max", "min", "token", "first",
	"second", "capitalize", "match", "style", "indicators", "either",
	"alpha", "threshold", "category", "skipquotes", "subjects",
	"predicates", "mirror_subjects", "mirror_predicates", "negators",
	"context", "mirror_context",
	"filters", "custom", "dictionaries", "dicpath", "ignore", "prefix",
	"formula", "condition", "metrics", "grade", "script", "pos",
	"vocab", NULL
};

const char *
rule_type_name(enum rule_type t)
{
	return type_names[t];
}

static struct rule *
rule_new(struct ruleset *rs)
{
	struct rule *r = xcalloc(1, sizeof(*r));

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->rules = xrealloc(rs->rules,
		    xst_mult(rs->cap, sizeof(*rs->rules)));
	}
	r->index = rs->n;
	r->builtin = -1;
	rs->rules[rs->n++] = r;
	return r;
}

struct ruleset *
rule_set_new(void)
{
	struct ruleset *rs = xcalloc(1, sizeof(*rs));
	int i;

	for (i = 0; i < FINDING_COUNT; i++) {
		struct rule *r = rule_new(rs);
		struct buf b = BUF_INIT;

		buf_printf(&b, "Copydesk.%s", finding_name(i));
		r->id = xstrdup(b.ptr);
		buf_release(&b);
		r->style = xstrdup("Copydesk");
		r->type = RULE_BUILTIN;
		r->builtin = i;
		r->level = r->default_level = finding_default_level(i);
		r->category = finding_category(i);
		r->description = xstrdup(finding_description(i));
		r->message = xstrdup(finding_description(i));
	}
	return rs;
}

static void
list_free(struct rule_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static void
rule_free(struct rule *r)
{
	size_t i;

	free(r->id);
	free(r->style);
	free(r->path);
	free(r->owned_category);
	free(r->message);
	free(r->link);
	free(r->description);
	list_free(&r->tokens);
	list_free(&r->exceptions);
	if (r->swap_re != NULL)
		for (i = 0; i < r->swap_from.n; i++)
			pcre2_code_free(r->swap_re[i]);
	free(r->swap_re);
	list_free(&r->swap_from);
	list_free(&r->swap_to);
	pcre2_code_free(r->re);
	free(r->gate);
	lex_free(r->exc);
	free(r->first);
	free(r->second);
	free(r->match);
	lex_free(r->subjects);
	lex_free(r->predicates);
	lex_free(r->subjects2);
	lex_free(r->predicates2);
	lex_free(r->negators);
	lex_free(r->context);
	lex_free(r->context2);
	free(r);
}

void
rule_set_free(struct ruleset *rs)
{
	size_t i;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->n; i++)
		rule_free(rs->rules[i]);
	free(rs->rules);
	match_free(rs->m);
	pcre2_match_context_free(rs->mctx);
	rule_ctx_free(rs->ctx);
	free(rs);
}

struct rule *
rule_find(const struct ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->rules[i]->id, id) == 0)
			return rs->rules[i];
	return NULL;
}

struct rule *
rule_builtin(const struct ruleset *rs, int finding_id)
{
	return rs->rules[finding_id];
}

size_t
rule_set_level(struct ruleset *rs, const char *id, int level)
{
	size_t i, n = 0, len = strlen(id);
	int style = strchr(id, '.') == NULL;

	for (i = 0; i < rs->n; i++) {
		struct rule *r = rs->rules[i];

		if (style ? (strncmp(r->id, id, len) == 0 &&
		    r->id[len] == '.') : strcmp(r->id, id) == 0) {
			r->level = level < 0 ? r->default_level : level;
			n++;
		}
	}
	return n;
}

int
rule_level(const struct doc *d, const struct rule *r)
{
	if (d->levels != NULL && r->index < (size_t)-1) {
		int l = d->levels[r->index];

		if (l >= 0)
			return l;
	}
	return r->level;
}

/* Reading rule files */

struct loadctx {
	const char *path;
	char *err;
	size_t errlen;
};

static int
load_error(const char *path, size_t line, const char *fmt, const char *arg)
{
	fprintf(stderr, "copydesk: %s:%zu: ", path, line);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return -1;
}

static int
get_bool(const char *path, const struct ynode *v, const char *key, int *out)
{
	if (v->type == YT_SCALAR) {
		if (strcmp(v->str, "true") == 0 || strcmp(v->str, "yes") == 0) {
			*out = 1;
			return 0;
		}
		if (strcmp(v->str, "false") == 0 || strcmp(v->str, "no") == 0) {
			*out = 0;
			return 0;
		}
	}
	return load_error(path, v->line, "'%s' must be true or false", key);
}

static int
get_list(const char *path, const struct ynode *v, const char *key,
    struct rule_list *l)
{
	size_t i;

	if (v->type == YT_SCALAR) {
		l->v = xrealloc(l->v, xst_mult(l->n + 1, sizeof(*l->v)));
		l->v[l->n++] = xstrdup(v->str);
		return 0;
	}
	if (v->type != YT_SEQ)
		return load_error(path, v->line, "'%s' must be a list", key);
	l->v = xrealloc(l->v, xst_mult(l->n + v->nkids + 1, sizeof(*l->v)));
	for (i = 0; i < v->nkids; i++) {
		if (v->kids[i]->type != YT_SCALAR)
			return load_error(path, v->kids[i]->line,
			    "'%s' must be a list of strings", key);
		l->v[l->n++] = xstrdup(v->kids[i]->str);
	}
	return 0;
}

static int
get_str(const char *path, const struct ynode *v, const char *key, char **out)
{
	if (v->type != YT_SCALAR)
		return load_error(path, v->line, "'%s' must be a string", key);
	free(*out);
	*out = xstrdup(v->str);
	return 0;
}

static int
get_long(const char *path, const struct ynode *v, const char *key, long *out)
{
	char *end;

	if (v->type != YT_SCALAR)
		return load_error(path, v->line, "'%s' must be a number", key);
	errno = 0;
	*out = strtol(v->str, &end, 10);
	if (errno != 0 || *end != '\0' || end == v->str)
		return load_error(path, v->line, "'%s' must be a number", key);
	return 0;
}

/* A lexicon from a YAML list (contradiction word lists). */
static int
get_lexicon(const char *path, const struct ynode *v, const char *key,
    struct lexicon **out)
{
	struct rule_list l = { NULL, 0 };
	const char **words;
	size_t i;

	if (get_list(path, v, key, &l) < 0) {
		list_free(&l);
		return -1;
	}
	words = xcalloc(l.n + 1, sizeof(*words));
	for (i = 0; i < l.n; i++)
		words[i] = l.v[i];
	words[l.n] = "";
	lex_free(*out);
	*out = lex_from_list(words);
	free(words);
	list_free(&l);
	return 0;
}

static int
is_known_key(const char *k)
{
	size_t i;

	for (i = 0; known_keys[i] != NULL; i++)
		if (strcmp(known_keys[i], k) == 0)
			return 1;
	return 0;
}

static const char *
default_category(enum rule_type t)
{
	if (t == RULE_REPETITION)
		return "repetition";
	if (t == RULE_CONTRADICTION || t == RULE_CONSISTENCY)
		return "inconsistency";
	return "style";
}

static int
get_flag(struct rule *r, const char *path, const char *k,
    const struct ynode *v, unsigned flag)
{
	int b;

	if (get_bool(path, v, k, &b) < 0)
		return -1;
	if (b)
		r->flags |= flag;
	else
		r->flags &= ~flag;
	return 0;
}

static int
apply_key(struct rule *r, const char *path, const char *k,
    const struct ynode *v)
{

	if (strcmp(k, "message") == 0)
		return get_str(path, v, k, &r->message);
	if (strcmp(k, "link") == 0)
		return get_str(path, v, k, &r->link);
	if (strcmp(k, "description") == 0)
		return get_str(path, v, k, &r->description);
	if (strcmp(k, "category") == 0) {
		if (get_str(path, v, k, &r->owned_category) < 0)
			return -1;
		r->category = r->owned_category;
		return 0;
	}
	if (strcmp(k, "level") == 0) {
		int l = v->type == YT_SCALAR ? finding_level_parse(v->str) : -1;

		if (l <= 0)
			return load_error(path, v->line, "'level' must be "
			    "suggestion, warning or error, not '%s'",
			    v->type == YT_SCALAR ? v->str : "(a list)");
		r->level = r->default_level = l;
		return 0;
	}
	if (strcmp(k, "raw") == 0 && v->type == YT_SCALAR &&
	    (strcmp(v->str, "true") == 0 || strcmp(v->str, "false") == 0))
		return get_flag(r, path, k, v, RULE_RAW);
	if (strcmp(k, "ignorecase") == 0)
		return get_flag(r, path, k, v, RULE_ICASE);
	if (strcmp(k, "nonword") == 0)
		return get_flag(r, path, k, v, RULE_NONWORD);
	if (strcmp(k, "skipquotes") == 0)
		return get_flag(r, path, k, v, RULE_SKIPQUOTES);
	if (strcmp(k, "tokens") == 0 || strcmp(k, "raw") == 0) {
		if (strcmp(k, "raw") == 0) {
			struct rule_list l = { NULL, 0 };
			struct buf cat = BUF_INIT;
			size_t i;

			/* raw: a list of regex pieces joined into one */
			if (get_list(path, v, k, &l) < 0) {
				list_free(&l);
				return -1;
			}
			for (i = 0; i < l.n; i++)
				buf_puts(&cat, l.v[i]);
			list_free(&l);
			r->tokens.v = xrealloc(r->tokens.v,
			    xst_mult(r->tokens.n + 1, sizeof(char *)));
			r->tokens.v[r->tokens.n++] = xstrdup(cat.ptr ?
			    cat.ptr : "");
			buf_release(&cat);
			r->flags |= RULE_RAW;
			return 0;
		}
		return get_list(path, v, k, &r->tokens);
	}
	if (strcmp(k, "token") == 0)
		return get_list(path, v, k, &r->tokens);
	if (strcmp(k, "exceptions") == 0)
		return get_list(path, v, k, &r->exceptions);
	if (strcmp(k, "swap") == 0 || strcmp(k, "either") == 0) {
		size_t i;

		if (v->type != YT_MAP)
			return load_error(path, v->line, "'%s' must be a map "
			    "of pattern: replacement", k);
		for (i = 0; i + 1 < v->nkids; i += 2) {
			const struct ynode *a = v->kids[i], *c = v->kids[i + 1];

			if (a->type != YT_SCALAR || c->type != YT_SCALAR)
				return load_error(path, a->line, "'%s' entries "
				    "must be strings", k);
			if (get_list(path, a, k, &r->swap_from) < 0 ||
			    get_list(path, c, k, &r->swap_to) < 0)
				return -1;
		}
		return 0;
	}
	if (strcmp(k, "max") == 0)
		return get_long(path, v, k, &r->max);
	if (strcmp(k, "min") == 0)
		return get_long(path, v, k, &r->min);
	if (strcmp(k, "first") == 0)
		return get_str(path, v, k, &r->first);
	if (strcmp(k, "second") == 0)
		return get_str(path, v, k, &r->second);
	if (strcmp(k, "match") == 0)
		return get_str(path, v, k, &r->match);
	if (strcmp(k, "subjects") == 0)
		return get_lexicon(path, v, k, &r->subjects);
	if (strcmp(k, "predicates") == 0)
		return get_lexicon(path, v, k, &r->predicates);
	if (strcmp(k, "mirror_subjects") == 0)
		return get_lexicon(path, v, k, &r->subjects2);
	if (strcmp(k, "mirror_predicates") == 0)
		return get_lexicon(path, v, k, &r->predicates2);
	if (strcmp(k, "negators") == 0)
		return get_lexicon(path, v, k, &r->negators);
	if (strcmp(k, "context") == 0)
		return get_lexicon(path, v, k, &r->context);
	if (strcmp(k, "mirror_context") == 0)
		return get_lexicon(path, v, k, &r->context2);
	if (strcmp(k, "scope") == 0 && v->type == YT_SCALAR) {
		if (strcmp(v->str, "sentence") == 0)
			r->scope = RULE_SCOPE_SENTENCE;
		else if (strcmp(v->str, "paragraph") == 0)
			r->scope = RULE_SCOPE_PARAGRAPH;
		return 0;
	}
	/* action, append, vocab ...: accepted, not needed here */
	return 0;
}

int
rule_load_mem(struct ruleset *rs, const char *yaml, size_t n,
    const char *path, const char *style, const char *name)
{
	char err[256];
	struct ynode *root;
	const struct ynode *ext;
	struct rule *r;
	size_t i;
	int t;

	if (rs->n >= RULE_MAX_RULES) {
		fprintf(stderr, "copydesk: %s: more than %d rules loaded\n",
		    path, RULE_MAX_RULES);
		return -1;
	}
	root = ytree_parse(yaml, n, err, sizeof(err));
	if (root == NULL) {
		fprintf(stderr, "copydesk: %s:%s\n", path, err);
		return -1;
	}
	if (root->type != YT_MAP) {
		load_error(path, root->line, "%s", "a rule file must be a map "
		    "of keys (extends, message, ...)");
		ytree_free(root);
		return -1;
	}
	ext = ytree_get(root, "extends");
	if (ext == NULL || ext->type != YT_SCALAR) {
		load_error(path, ext ? ext->line : 1, "%s",
		    "missing key 'extends'");
		ytree_free(root);
		return -1;
	}
	for (t = 0; t < RULE_BUILTIN; t++)
		if (strcmp(ext->str, type_names[t]) == 0)
			break;
	if (t == RULE_BUILTIN) {
		for (i = 0; skipped_types[i] != NULL; i++)
			if (strcmp(ext->str, skipped_types[i]) == 0) {
				fprintf(stderr, "copydesk: %s: warning: rule "
				    "type '%s' is not supported; rule %s.%s "
				    "skipped\n", path, ext->str, style, name);
				ytree_free(root);
				return 0;
			}
		load_error(path, ext->line, "unknown rule type 'extends: %s'",
		    ext->str);
		ytree_free(root);
		return -1;
	}
	r = rule_new(rs);
	{
		struct buf b = BUF_INIT;

		buf_printf(&b, "%s.%s", style, name);
		r->id = xstrdup(b.ptr);
		buf_release(&b);
	}
	r->style = xstrdup(style);
	r->path = xstrdup(path);
	r->type = (enum rule_type)t;
	r->level = r->default_level = LEVEL_WARNING;
	r->category = default_category(r->type);
	r->max = -1;
	r->min = -1;
	for (i = 0; i + 1 < root->nkids; i += 2) {
		const struct ynode *k = root->kids[i];

		if (k->type != YT_SCALAR || !is_known_key(k->str)) {
			load_error(path, k->line, "unknown key '%s'",
			    k->type == YT_SCALAR ? k->str : "(not a string)");
			goto fail;
		}
		if (apply_key(r, path, k->str, root->kids[i + 1]) < 0)
			goto fail;
	}
	if (r->message == NULL)
		r->message = xstrdup("%s");
	if (r->category == NULL)
		r->category = default_category(r->type);
	if (strcmp(r->category, "hedge") == 0 ||
	    strcmp(r->category, "anonymous-source") == 0)
		r->flags |= RULE_SKIPQUOTES;
	if ((r->type == RULE_EXISTENCE || r->type == RULE_OCCURRENCE) &&
	    r->tokens.n == 0) {
		load_error(path, root->line, "%s", "rule has no 'tokens'");
		goto fail;
	}
	if (r->type == RULE_SUBSTITUTION && r->swap_from.n == 0) {
		load_error(path, root->line, "%s", "rule has no 'swap'");
		goto fail;
	}
	if (r->type == RULE_CONDITIONAL && (r->first == NULL ||
	    r->second == NULL)) {
		load_error(path, root->line, "%s",
		    "conditional rule needs 'first' and 'second'");
		goto fail;
	}
	if (r->type == RULE_CONTRADICTION && (r->subjects == NULL ||
	    r->predicates == NULL)) {
		load_error(path, root->line, "%s",
		    "contradiction rule needs 'subjects' and 'predicates'");
		goto fail;
	}
	ytree_free(root);
	return 0;
fail:
	rs->n--;
	rule_free(r);
	ytree_free(root);
	return -1;
}

static int
read_file(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, n = 0, r;
	char *p;

	if (f == NULL) {
		fprintf(stderr, "copydesk: cannot read '%s': %s\n", path,
		    strerror(errno));
		return -1;
	}
	p = xmalloc(cap);
	while ((r = fread(p + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			cap *= 2;
			p = xrealloc(p, cap);
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "copydesk: cannot read '%s': %s\n", path,
		    strerror(errno));
		fclose(f);
		free(p);
		return -1;
	}
	fclose(f);
	*out = p;
	*len = n;
	return 0;
}

int
rule_load_file(struct ruleset *rs, const char *path, const char *style,
    const char *name)
{
	char *s;
	size_t n;
	int rc;

	if (read_file(path, &s, &n) < 0)
		return -1;
	rc = rule_load_mem(rs, s, n, path, style, name);
	free(s);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of entries in dir (files or dirs per want_dir). */
static char **
list_dir(const char *dir, int want_dir, size_t *n)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if (dp == NULL)
		return NULL;
	while ((e = readdir(dp)) != NULL) {
		struct buf p = BUF_INIT;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		buf_printf(&p, "%s/%s", dir, e->d_name);
		if (stat(p.ptr, &st) == 0 && (S_ISDIR(st.st_mode) ? 1 : 0) == want_dir) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 16;
				v = xrealloc(v, xst_mult(cap, sizeof(*v)));
			}
			v[(*n)++] = xstrdup(e->d_name);
		}
		buf_release(&p);
	}
	closedir(dp);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

int
rule_load_dir(struct ruleset *rs, const char *dir)
{
	size_t ns, i, j, nf;
	char **styles, **files;
	int rc = 0;
	struct stat st;

	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "copydesk: cannot read rules directory '%s': "
		    "%s\n", dir, stat(dir, &st) != 0 ? strerror(errno) :
		    "not a directory");
		return -1;
	}
	styles = list_dir(dir, 1, &ns);
	for (i = 0; i < ns && rc == 0; i++) {
		struct buf sd = BUF_INIT;

		/* lexicons and Vale's config folder hold data, not rules */
		if (strcmp(styles[i], "lexicons") == 0 ||
		    strcmp(styles[i], "config") == 0) {
			continue;
		}
		buf_printf(&sd, "%s/%s", dir, styles[i]);
		files = list_dir(sd.ptr, 0, &nf);
		for (j = 0; j < nf && rc == 0; j++) {
			size_t len = strlen(files[j]);
			struct buf fp = BUF_INIT;
			char *name;

			if (!(len > 4 && strcmp(files[j] + len - 4, ".yml") == 0)
			    && !(len > 5 && strcmp(files[j] + len - 5,
			    ".yaml") == 0))
				continue;
			name = xstrndup(files[j], len -
			    (files[j][len - 4] == '.' ? 4 : 5));
			buf_printf(&fp, "%s/%s", sd.ptr, files[j]);
			rc = rule_load_file(rs, fp.ptr, styles[i], name);
			free(name);
			buf_release(&fp);
		}
		for (j = 0; j < nf; j++)
			free(files[j]);
		free(files);
		buf_release(&sd);
	}
	for (i = 0; i < ns; i++)
		free(styles[i]);
	free(styles);
	return rc;
}
