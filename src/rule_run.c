/* rule_run.c: compiling rules into the matcher and running them on a draft. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "contra.h"
#include "doc.h"
#include "finding.h"
#include "lex.h"
#include "match.h"
#include "pat.h"
#include "rule.h"
#include "tok.h"
#include "xalloc.h"

static int
add_phrases(struct ruleset *rs, struct rule *r, const char *pattern,
    uint32_t item, unsigned flags)
{
	struct pat_list l = { NULL, 0, 0 };
	int icase = (r->flags & RULE_ICASE) != 0;
	size_t i;

	if (pat_expand(pattern, &l, &icase) < 0) {
		pat_list_free(&l);
		return -1;
	}
	for (i = 0; i < l.n; i++) {
		struct tok t[MATCH_MAX_TOKENS + 1];
		size_t n = tok_phrase(l.v[i], strlen(l.v[i]), t,
		    MATCH_MAX_TOKENS + 1);

		if (n == 0)
			continue;
		if (n > MATCH_MAX_TOKENS ||
		    match_count(rs->m) >= RULE_MAX_PHRASES) {
			pat_list_free(&l);
			return -1;
		}
		match_add(rs->m, l.v[i], t, n, (uint32_t)r->index, item,
		    flags | (icase ? 0 : MATCH_CASE));
	}
	pat_list_free(&l);
	return 0;
}

static pcre2_code *
compile_re(const struct rule *r, const char *pattern, int words)
{
	struct buf b = BUF_INIT;
	pcre2_code *re;
	int err;
	PCRE2_SIZE erroff;
	uint32_t opts = PCRE2_UTF | PCRE2_NO_UTF_CHECK;

	if (r->flags & RULE_ICASE)
		opts |= PCRE2_CASELESS;
	if (words)
		buf_printf(&b, "(?<!\\w)(?:%s)(?!\\w)", pattern);
	else
		buf_puts(&b, pattern);
	re = pcre2_compile((PCRE2_SPTR)b.ptr, b.len, opts, &err, &erroff,
	    NULL);
	if (re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof(msg));
		fprintf(stderr, "copydesk: %s: rule '%s': cannot compile "
		    "pattern '%s': %s\n", r->path ? r->path : "(built-in)",
		    r->id, pattern, (const char *)msg);
	} else {
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	}
	buf_release(&b);
	return re;
}

/*
 * Minimum length of a gate word.  Shorter words (a, the, of) are in most
 * sentences: a gate made of them would not skip anything.
 */
#ifndef RULE_GATE_MIN_WORD
#define RULE_GATE_MIN_WORD 3
#endif

/*
 * The words of a regex token that every match contains: among the
 * top-level elements of pattern that must match (a literal word, or a
 * group with no quantifier) and expand to plain phrases, the one whose
 * shortest first word is longest (long words are rare).  Appends the
 * folded keys of those first words to *keys.  Returns -1 when no element
 * qualifies (the rule gets no gate).
 */
static int
gate_words(const char *pattern, uint64_t **keys, size_t *nkeys)
{
	struct pat_list best = { NULL, 0, 0 };
	size_t bestmin = 0, i = 0, j;
	int icase = 1;

	if (strncmp(pattern, "(?i)", 4) == 0)
		i = 4;
	else if (strncmp(pattern, "(?-i)", 5) == 0)
		i = 5;
	while (pattern[i] != '\0') {
		size_t start = i, depth = 0, minlen = (size_t)-1;
		struct pat_list l = { NULL, 0, 0 };
		char *el;
		int ok = 1;

		if (pattern[i] == ' ') {
			i++;
			continue;
		}
		if (pattern[i] == '|') {
			/* a top-level alternation: nothing is required */
			pat_list_free(&best);
			return -1;
		}
		if (pattern[i] == '(') {
			for (; pattern[i] != '\0'; i++) {
				if (pattern[i] == '\\' && pattern[i + 1])
					i++;
				else if (pattern[i] == '(')
					depth++;
				else if (pattern[i] == ')' && --depth == 0)
					break;
			}
			if (pattern[i] == '\0') {
				pat_list_free(&best);
				return -1;	/* unbalanced: PCRE2 will say */
			}
			i++;
		} else {
			while (pattern[i] != '\0' && pattern[i] != ' ' &&
			    pattern[i] != '(' && pattern[i] != '|') {
				if (pattern[i] == '\\' && pattern[i + 1])
					i++;
				i++;
			}
		}
		if (pattern[i] == '?' || pattern[i] == '*' ||
		    pattern[i] == '+' || pattern[i] == '{') {
			ok = 0;		/* optional or repeated */
			while (pattern[i] != '\0' && pattern[i] != ' ' &&
			    pattern[i] != '(')
				i++;
		}
		if (!ok)
			continue;
		el = xstrndup(pattern + start, i - start);
		if (pat_expand(el, &l, &icase) < 0)
			ok = 0;
		for (j = 0; ok && j < l.n; j++) {
			struct tok t[2];
			size_t n = tok_phrase(l.v[j], strlen(l.v[j]), t, 2);

			if (n == 0 || t[0].kind != TOK_WORD ||
			    l.v[j][t[0].off] < ' ')
				ok = 0;
			else if (t[0].len < minlen)
				minlen = t[0].len;
		}
		free(el);
		if (ok && l.n > 0 && minlen > bestmin) {
			pat_list_free(&best);
			best = l;
			bestmin = minlen;
		} else {
			pat_list_free(&l);
		}
	}
	if (bestmin < RULE_GATE_MIN_WORD) {
		pat_list_free(&best);
		return -1;
	}
	for (j = 0; j < best.n; j++) {
		struct tok t[2];

		tok_phrase(best.v[j], strlen(best.v[j]), t, 2);
		*keys = xrealloc(*keys, xst_mult(*nkeys + 1, sizeof(**keys)));
		(*keys)[(*nkeys)++] = t[0].key;
	}
	pat_list_free(&best);
	return 0;
}

static int
cmp_key(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static int
compile_rule(struct ruleset *rs, struct rule *r)
{
	int gated = 1;
	struct buf alt = BUF_INIT;
	size_t i, nre = 0;
	int words = !(r->flags & (RULE_NONWORD | RULE_RAW));

	switch (r->type) {
	case RULE_EXISTENCE:
		free(r->gate);
		r->gate = NULL;
		r->ngate = 0;
		for (i = 0; i < r->tokens.n; i++) {
			if (words && add_phrases(rs, r, r->tokens.v[i], 0,
			    0) == 0)
				continue;
			buf_printf(&alt, "%s(?:%s)", nre ? "|" : "",
			    r->tokens.v[i]);
			nre++;
			if (gated && (!words || gate_words(r->tokens.v[i],
			    &r->gate, &r->ngate) < 0))
				gated = 0;
		}
		for (i = 0; i < r->exceptions.n; i++)
			add_phrases(rs, r, r->exceptions.v[i], 0,
			    MATCH_EXCEPTION);
		if (!gated || r->ngate == 0) {
			free(r->gate);
			r->gate = NULL;
			r->ngate = 0;
		} else {
			qsort(r->gate, r->ngate, sizeof(*r->gate), cmp_key);
			memset(r->gate_bloom, 0, sizeof(r->gate_bloom));
			for (i = 0; i < r->ngate; i++)
				r->gate_bloom[(r->gate[i] >> 6) & 15] |=
				    (uint64_t)1 << (r->gate[i] & 63);
		}
		break;
	case RULE_SUBSTITUTION:
		r->swap_re = xcalloc(r->swap_from.n + 1, sizeof(void *));
		for (i = 0; i < r->swap_from.n; i++) {
			if (words && add_phrases(rs, r, r->swap_from.v[i],
			    (uint32_t)i, 0) == 0)
				continue;
			r->swap_re[i] = compile_re(r, r->swap_from.v[i], words);
			if (r->swap_re[i] == NULL)
				return -1;
		}
		for (i = 0; i < r->exceptions.n; i++)
			add_phrases(rs, r, r->exceptions.v[i], 0,
			    MATCH_EXCEPTION);
		break;
	case RULE_OCCURRENCE:
		for (i = 0; i < r->tokens.n; i++, nre++)
			buf_printf(&alt, "%s(?:%s)", nre ? "|" : "",
			    r->tokens.v[i]);
		break;
	case RULE_CONSISTENCY:
		r->swap_re = xcalloc(2 * r->swap_from.n + 1, sizeof(void *));
		for (i = 0; i < r->swap_from.n; i++) {
			r->swap_re[2 * i] = compile_re(r, r->swap_from.v[i],
			    words);
			r->swap_re[2 * i + 1] = compile_re(r, r->swap_to.v[i],
			    words);
			if (!r->swap_re[2 * i] || !r->swap_re[2 * i + 1])
				return -1;
		}
		break;
	case RULE_CONDITIONAL:
		r->swap_re = xcalloc(2, sizeof(void *));
		r->re = compile_re(r, r->first, 0);
		r->swap_re[0] = compile_re(r, r->second, 0);
		if (r->re == NULL || r->swap_re[0] == NULL)
			return -1;
		break;
	default:
		break;
	}
	if (r->exceptions.n) {
		const char **w = xcalloc(r->exceptions.n + 1, sizeof(*w));

		for (i = 0; i < r->exceptions.n; i++)
			w[i] = r->exceptions.v[i];
		w[i] = "";
		r->exc = lex_from_list(w);
		free(w);
	}
	if (nre > 0) {
		r->re = compile_re(r, alt.ptr, words);
		buf_release(&alt);
		if (r->re == NULL)
			return -1;
	}
	buf_release(&alt);
	return 0;
}

int
rule_compile(struct ruleset *rs)
{
	size_t i;

	match_free(rs->m);
	rs->m = match_new();
	if (rs->mctx == NULL) {
		rs->mctx = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(rs->mctx, RULE_MATCH_LIMIT);
		pcre2_set_depth_limit(rs->mctx, RULE_DEPTH_LIMIT);
		rs->ctx = rule_ctx_new();
	}
	for (i = 0; i < rs->n; i++)
		if (compile_rule(rs, rs->rules[i]) < 0)
			return -1;
	return 0;
}

/* Running */

/*
 * Per-thread scratch: PCRE2 match data is written by every match, so each
 * thread running rules has its own.
 */
struct rule_ctx {
	pcre2_match_data *md;
};

struct rule_ctx *
rule_ctx_new(void)
{
	struct rule_ctx *x = xcalloc(1, sizeof(*x));

	x->md = pcre2_match_data_create(32, NULL);
	if (x->md == NULL)
		xdie_oom();
	return x;
}

void
rule_ctx_free(struct rule_ctx *x)
{
	if (x == NULL)
		return;
	pcre2_match_data_free(x->md);
	free(x);
}

struct runctx {
	struct ruleset *rs;
	struct doc *d;
	pcre2_match_data *md;
};

static int
span_in_quote(const struct doc *d, size_t first, size_t n)
{
	size_t i;

	for (i = first; i < first + n; i++)
		if (d->toks[i].flags & TOK_INQUOTE)
			return 1;
	return 0;
}

/* Index of the first token that ends after text offset off. */
static size_t
tok_at(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->ntoks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if ((size_t)d->toks[mid].off + d->toks[mid].len <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
text_in_quote(const struct doc *d, size_t s, size_t e)
{
	size_t i = tok_at(d, s);

	for (; i < d->ntoks && d->toks[i].off < e; i++)
		if (d->toks[i].flags & TOK_INQUOTE)
			return 1;
	return 0;
}

static void
report(struct doc *d, const struct rule *r, size_t s, size_t e,
    const char *repl)
{
	struct finding *f;
	char *m;
	const char *msg;
	size_t i, o = 0;

	if (d->nfindings >= FINDING_MAX_PER_DOC) {
		/* past the limit: no message to build (and no memory to
		 * spend); finding_add only notes the truncation */
		(void)finding_add(d, r, 0, s, e - s, "");
		return;
	}
	m = arena_strndup(&d->arena, d->text + s, e - s);

	/* fold whitespace in the quoted match */
	for (i = 0; m[i]; i++) {
		if (m[i] == '\n' || m[i] == '\r' || m[i] == '\t')
			m[i] = ' ';
		if (m[i] == ' ' && o > 0 && m[o - 1] == ' ')
			continue;
		m[o++] = m[i];
	}
	m[o] = '\0';
	if (r->type == RULE_SUBSTITUTION)
		msg = finding_format(d, r->message, repl, m);
	else
		msg = finding_format(d, r->message, m, NULL);
	f = finding_add(d, r, 0, s, e - s, msg);
	if (f != NULL && repl != NULL)
		f->suggestion = arena_strndup(&d->arena, repl, strlen(repl));
}

static void
on_match(void *vctx, uint32_t rule, uint32_t item, size_t first, size_t n)
{
	struct runctx *c = vctx;
	const struct rule *r = c->rs->rules[rule];
	const struct tok *a = &c->d->toks[first], *b = &c->d->toks[first + n - 1];

	if (rule_level(c->d, r) == LEVEL_NONE)
		return;
	if ((r->flags & RULE_SKIPQUOTES) && span_in_quote(c->d, first, n))
		return;
	report(c->d, r, a->off, (size_t)b->off + b->len,
	    r->type == RULE_SUBSTITUTION ? r->swap_to.v[item] : NULL);
}

/*
 * Calls fn for each match of re in [from, to) of d->text.  Returns -1 when a
 * PCRE2 limit was hit (reported once per rule).
 */
static int
each_match(struct runctx *c, struct rule *r, pcre2_code *re,
    struct doc *d, size_t from, size_t to,
    void (*fn)(struct runctx *, struct rule *, struct doc *, size_t,
    size_t, void *), void *arg)
{
	pcre2_match_data *md = c->md;
	size_t off = from;

	while (off <= to) {
		int rc = pcre2_match(re, (PCRE2_SPTR)d->text, to, off,
		    PCRE2_NO_UTF_CHECK, md, c->rs->mctx);
		PCRE2_SIZE *ov;

		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			/* workers may race here: report once, count all */
			if (!__atomic_exchange_n(&r->regex_failed, 1,
			    __ATOMIC_RELAXED)) {
				PCRE2_UCHAR msg[128];

				pcre2_get_error_message(rc, msg, sizeof(msg));
				fprintf(stderr, "copydesk: %s: rule '%s' "
				    "stopped on '%s': %s\n", r->path ?
				    r->path : "(built-in)", r->id, d->path,
				    (const char *)msg);
			}
			__atomic_fetch_add(&c->rs->runtime_errors, 1,
			    __ATOMIC_RELAXED);
			return -1;
		}
		ov = pcre2_get_ovector_pointer(md);
		fn(c, r, d, ov[0], ov[1], arg);
		if (ov[1] > off)
			off = ov[1];
		else {
			/* empty match: step one code point */
			off++;
			while (off < to && ((unsigned char)d->text[off] &
			    0xC0) == 0x80)
				off++;
		}
	}
	return 0;
}

static int
gate_has(const struct rule *r, uint64_t key)
{
	size_t lo = 0, hi = r->ngate;

	/* most words are not gate words: a 1024-bit filter says so first */
	if (!(r->gate_bloom[(key >> 6) & 15] >> (key & 63) & 1))
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->gate[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->ngate && r->gate[lo] == key;
}

/*
 * each_match for a gated rule: scans only the sentences that contain a
 * gate word (every match holds one), in order.  A match could cross a
 * sentence boundary only through the sentence's final punctuation, which
 * word patterns do not contain.
 */
static void
each_gated(struct runctx *c, struct rule *r, struct doc *d,
    void (*fn)(struct runctx *, struct rule *, struct doc *, size_t,
    size_t, void *), void *arg)
{
	size_t i, done = 0;

	for (i = 0; i < d->ntoks; i++) {
		const struct tok *t = &d->toks[i];
		const struct sent *st;
		const struct tok *last;
		size_t from, to;

		if (t->kind != TOK_WORD || !gate_has(r, t->key))
			continue;
		st = &d->sents[t->sent];
		last = &d->toks[st->first + st->n - 1];
		from = d->toks[st->first].off;
		to = (size_t)last->off + last->len;
		if (from < done)
			from = done;
		if (each_match(c, r, r->re, d, from, to, fn, arg) < 0)
			return;
		done = to;
		i = st->first + st->n - 1;	/* next sentence */
	}
}

static void
on_re(struct runctx *c, struct rule *r, struct doc *d, size_t s, size_t e,
    void *arg)
{
	const char *repl = arg;

	(void)c;
	if (e == s)
		return;
	if (r->exc && lex_get(r->exc, d->text + s, e - s))
		return;
	if ((r->flags & RULE_SKIPQUOTES) && text_in_quote(d, s, e))
		return;
	report(d, r, s, e, repl);
}

struct counter {
	size_t n;
	size_t first_s, first_e;
};

static void
on_count(struct runctx *c, struct rule *r, struct doc *d, size_t s,
    size_t e, void *arg)
{
	struct counter *cnt = arg;

	(void)c;
	(void)r;
	(void)d;
	if (cnt->n++ == 0) {
		cnt->first_s = s;
		cnt->first_e = e;
	}
}

static void
run_occurrence(struct runctx *c, struct rule *r, struct doc *d)
{
	size_t i, nunits = r->scope == RULE_SCOPE_SENTENCE ? d->nsents :
	    r->scope == RULE_SCOPE_PARAGRAPH ? d->nparas : 1;

	for (i = 0; i < nunits; i++) {
		struct counter cnt = { 0, 0, 0 };
		size_t s = 0, e = d->textlen;
		char num[32];

		if (d->ntoks == 0)
			return;
		if (r->scope == RULE_SCOPE_SENTENCE) {
			const struct sent *st = &d->sents[i];
			const struct tok *l = &d->toks[st->first + st->n - 1];

			s = d->toks[st->first].off;
			e = (size_t)l->off + l->len;
		} else if (r->scope == RULE_SCOPE_PARAGRAPH) {
			const struct para *p = &d->paras[i];
			const struct tok *l = &d->toks[p->first + p->n - 1];

			s = d->toks[p->first].off;
			e = (size_t)l->off + l->len;
		}
		if (each_match(c, r, r->re, d, s, e, on_count, &cnt) < 0)
			return;
		if ((r->max >= 0 && cnt.n > (size_t)r->max) ||
		    (r->min >= 0 && cnt.n < (size_t)r->min)) {
			snprintf(num, sizeof(num), "%zu", cnt.n);
			finding_add(d, r, 0, cnt.n ? cnt.first_s : s,
			    cnt.n ? cnt.first_e - cnt.first_s : 0,
			    finding_format(d, r->message, num, NULL));
		}
	}
}

/* Does the word contain an ASCII letter? */
static int
has_latin(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
			return 1;
	return 0;
}

static void
run_repetition(struct rule *r, struct doc *d)
{
	const struct tok *toks = d->toks;
	size_t i, n = d->ntoks;

	for (i = 1; i < n; i++) {
		const struct tok *a = &toks[i - 1], *b = &toks[i];
		char *w;

		/* equal neighbours are rare: their keys say so first */
		if (a->key != b->key || a->kind != TOK_WORD ||
		    b->kind != TOK_WORD || a->sent != b->sent)
			continue;
		if (!(r->flags & RULE_ICASE) && (a->len != b->len ||
		    memcmp(d->text + a->off, d->text + b->off, a->len) != 0))
			continue;
		/* a one-word line is a label (a menu, a heading), not prose */
		if (memchr(d->text + a->off, '\n', b->off - a->off) != NULL &&
		    (a->off == 0 || d->text[a->off - 1] == '\n'))
			continue;
		if (r->exc && lex_get_tok(r->exc, a->key))
			continue;
		/* Sirhan Sirhan, Duran Duran: a name, not a slip */
		if ((a->flags & TOK_CAP) && (b->flags & TOK_CAP))
			continue;
		/* reduplication is grammar in many scripts (Hindi, Malay) */
		if ((unsigned char)d->text[a->off] >= 0xCD)
			continue;
		/* "Sirhan Sirhan", "Duran Duran": a name, not a slip */
		if ((a->flags & TOK_CAP) && (b->flags & TOK_CAP) &&
		    !(a->flags & TOK_SSTART))
			continue;
		/* reduplication is grammar in Hindi or Malay: English only */
		if (!has_latin(d->text + a->off, a->len))
			continue;
		if ((r->flags & RULE_SKIPQUOTES) && (a->flags & TOK_INQUOTE))
			continue;
		w = arena_strndup(&d->arena, d->text + a->off, a->len);
		finding_add(d, r, 0, a->off, (size_t)b->off + b->len - a->off,
		    finding_format(d, r->message, w, NULL));
		i++;	/* "the the the" is one finding per pair */
	}
}

struct first_seen {
	size_t off;
	int found;
};

static void
on_first(struct runctx *c, struct rule *r, struct doc *d, size_t s,
    size_t e, void *arg)
{
	struct first_seen *f = arg;

	(void)c;
	(void)r;
	(void)d;
	(void)e;
	if (!f->found) {
		f->found = 1;
		f->off = s;
	}
}

static void
run_consistency(struct runctx *c, struct rule *r, struct doc *d)
{
	size_t i;

	for (i = 0; i < r->swap_from.n; i++) {
		struct first_seen a = { 0, 0 }, b = { 0, 0 };
		pcre2_code *later;

		if (each_match(c, r, r->swap_re[2 * i], d, 0, d->textlen,
		    on_first, &a) < 0 || each_match(c, r,
		    r->swap_re[2 * i + 1], d, 0, d->textlen, on_first, &b) < 0)
			return;
		if (!a.found || !b.found)
			continue;
		/* the spelling used second is the inconsistent one */
		later = a.off < b.off ? r->swap_re[2 * i + 1] :
		    r->swap_re[2 * i];
		each_match(c, r, later, d, 0, d->textlen, on_re, NULL);
	}
}

static void
on_second(struct runctx *c, struct rule *r, struct doc *d, size_t s,
    size_t e, void *arg)
{
	struct rule_list *l = arg;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	size_t gs = s, ge = e;

	(void)r;
	if (pcre2_get_ovector_count(c->md) > 1 &&
	    ov[2] != PCRE2_UNSET) {
		gs = ov[2];
		ge = ov[3];
	}
	l->v = xrealloc(l->v, xst_mult(l->n + 1, sizeof(*l->v)));
	l->v[l->n++] = xstrndup(d->text + gs, ge - gs);
}

static void
on_first_cond(struct runctx *c, struct rule *r, struct doc *d, size_t s,
    size_t e, void *arg)
{
	struct rule_list *defined = arg;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	size_t gs = s, ge = e, i;

	if (ov[2] != PCRE2_UNSET && pcre2_get_ovector_count(c->md) > 1) {
		gs = ov[2];
		ge = ov[3];
	}
	for (i = 0; i < defined->n; i++)
		if (strlen(defined->v[i]) == ge - gs &&
		    memcmp(defined->v[i], d->text + gs, ge - gs) == 0)
			return;
	for (i = 0; i < r->exceptions.n; i++)
		if (strlen(r->exceptions.v[i]) == ge - gs &&
		    memcmp(r->exceptions.v[i], d->text + gs, ge - gs) == 0)
			return;
	report(d, r, gs, ge, NULL);
}

static void
run_conditional(struct runctx *c, struct rule *r, struct doc *d)
{
	struct rule_list defined = { NULL, 0 };
	size_t i;

	if (each_match(c, r, r->swap_re[0], d, 0, d->textlen, on_second,
	    &defined) == 0)
		each_match(c, r, r->re, d, 0, d->textlen, on_first_cond,
		    &defined);
	for (i = 0; i < defined.n; i++)
		free(defined.v[i]);
	free(defined.v);
}

void
rule_run(struct ruleset *rs, struct doc *d)
{
	rule_run_ctx(rs, rs->ctx, d);
}

void
rule_run_ctx(struct ruleset *rs, struct rule_ctx *x, struct doc *d)
{
	struct runctx rc;
	struct runctx *c = &rc;
	size_t i, j;

	rc.rs = rs;
	rc.d = d;
	rc.md = x->md;
	if (rs->m != NULL)
		match_run(rs->m, d, rs->n, on_match, c);
	for (i = 0; i < rs->n; i++) {
		struct rule *r = rs->rules[i];

		if (rule_level(d, r) == LEVEL_NONE)
			continue;
		switch (r->type) {
		case RULE_EXISTENCE:
			if (r->re != NULL && r->gate != NULL)
				each_gated(c, r, d, on_re, NULL);
			else if (r->re != NULL)
				each_match(c, r, r->re, d, 0, d->textlen,
				    on_re, NULL);
			break;
		case RULE_SUBSTITUTION:
			for (j = 0; j < r->swap_from.n; j++)
				if (r->swap_re[j] != NULL)
					each_match(c, r, r->swap_re[j], d, 0,
					    d->textlen, on_re, r->swap_to.v[j]);
			break;
		case RULE_REPETITION:
			run_repetition(r, d);
			break;
		case RULE_OCCURRENCE:
			if (r->re != NULL)
				run_occurrence(c, r, d);
			break;
		case RULE_CONSISTENCY:
			run_consistency(c, r, d);
			break;
		case RULE_CONDITIONAL:
			run_conditional(c, r, d);
			break;
		case RULE_CONTRADICTION:
			contra_run(r, d);
			break;
		case RULE_CAPITALIZATION:
		case RULE_BUILTIN:
			break;
		}
	}
}
