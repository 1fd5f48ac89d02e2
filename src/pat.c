/* pat.c: a small recursive-descent reader for literal-ish regexes. */
#include "pat.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct pstate {
	const char *p;
	int fail;
};

/* Appends s, which the list then owns. */
static void
list_push(struct pat_list *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, xst_mult(l->cap, sizeof(*l->v)));
	}
	l->v[l->n++] = s;
}

static void
list_add(struct pat_list *l, const char *s, size_t n)
{
	list_push(l, xstrndup(s, n));
}

void
pat_list_free(struct pat_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* a := a x b (every string of a followed by every string of b) */
static void
concat(struct pstate *ps, struct pat_list *a, const struct pat_list *b)
{
	struct pat_list r = { NULL, 0, 0 };
	size_t i, j;

	if (a->n * b->n > PAT_MAX_EXPANSION) {
		ps->fail = 1;
		return;
	}
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			size_t la = strlen(a->v[i]), lb = strlen(b->v[j]);
			char *s = xmalloc(la + lb + 1);

			memcpy(s, a->v[i], la);
			memcpy(s + la, b->v[j], lb + 1);
			list_push(&r, s);
		}
	pat_list_free(a);
	*a = r;
}

/* a := a x { s } for one string s of n bytes: appends s to each in place */
static void
append_all(struct pat_list *a, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		size_t la = strlen(a->v[i]);

		a->v[i] = xrealloc(a->v[i], xst_add(la, n + 1));
		memcpy(a->v[i] + la, s, n);
		a->v[i][la + n] = '\0';
	}
}

/*
 * Length of the run of plain ASCII characters at p that parse_atom would
 * take one by one as literals, less the last one when a quantifier follows
 * it (that one goes through parse_atom).  Each would cost a whole concat.
 */
static size_t
literal_run(const char *p)
{
	size_t n = 0;

	while (p[n] != '\0' && (unsigned char)p[n] < 0x80 &&
	    strchr("()[]\\.^$*+{}|?", p[n]) == NULL)
		n++;
	if (n > 0 && (p[n] == '?' || p[n] == '*' || p[n] == '+' ||
	    p[n] == '{'))
		n--;
	return n;
}

static void parse_alt(struct pstate *ps, struct pat_list *out);

/* One atom into out (a fresh list). */
static void
parse_atom(struct pstate *ps, struct pat_list *out)
{
	const char *p = ps->p;
	char c = *p;

	if (c == '(') {
		if (p[1] == '?') {
			if (p[2] != ':') {
				ps->fail = 1;
				return;
			}
			ps->p = p + 3;
		} else {
			ps->p = p + 1;
		}
		parse_alt(ps, out);
		if (ps->fail || *ps->p != ')') {
			ps->fail = 1;
			return;
		}
		ps->p++;
		return;
	}
	if (c == '[') {
		const char *q = p + 1;

		if (*q == '^' || *q == ']') {
			ps->fail = 1;
			return;
		}
		for (; *q && *q != ']'; q++) {
			if (*q == '\\' || *q == '[' || (q[0] == '-' &&
			    q[1] != ']' && q != p + 1)) {
				ps->fail = 1;
				return;
			}
			if ((unsigned char)*q >= 0x80) {
				ps->fail = 1;
				return;
			}
			list_add(out, q, 1);
		}
		if (*q != ']') {
			ps->fail = 1;
			return;
		}
		ps->p = q + 1;
		return;
	}
	if (c == '\\') {
		char e = p[1];

		if (e == 'b') {
			list_add(out, "", 0);
			ps->p = p + 2;
			return;
		}
		if (e == 's') {
			ps->p = p + 2;
			if (*ps->p == '+' || *ps->p == '*')
				ps->p++;
			list_add(out, " ", 1);
			return;
		}
		if ((e == 'd' || e == 'w') && p[2] == '+') {
			list_add(out, e == 'd' ? "\x01" : "\x02", 1);
			ps->p = p + 3;
			return;
		}
		if (e != '\0' && !((e >= 'a' && e <= 'z') ||
		    (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9'))) {
			list_add(out, p + 1, 1);
			ps->p = p + 2;
			return;
		}
		ps->fail = 1;
		return;
	}
	if (c == '.' || c == '^' || c == '$' || c == '*' || c == '+' ||
	    c == '{' || c == '}' || c == ']' || c == '\0') {
		ps->fail = 1;
		return;
	}
	/* a literal character, whole if multi-byte */
	{
		size_t n = 1;
		unsigned char u = (unsigned char)c;

		if (u >= 0xF0)
			n = 4;
		else if (u >= 0xE0)
			n = 3;
		else if (u >= 0xC0)
			n = 2;
		if (strnlen(p, n) < n) {
			ps->fail = 1;
			return;
		}
		list_add(out, p, n);
		ps->p = p + n;
	}
}

static void
parse_seq(struct pstate *ps, struct pat_list *out)
{
	list_add(out, "", 0);
	while (!ps->fail && *ps->p && *ps->p != '|' && *ps->p != ')') {
		struct pat_list atom = { NULL, 0, 0 };
		size_t run = literal_run(ps->p);

		if (run > 0) {
			/* the same as one concat per character */
			append_all(out, ps->p, run);
			ps->p += run;
			continue;
		}
		parse_atom(ps, &atom);
		if (!ps->fail && *ps->p == '?') {
			ps->p++;
			if (*ps->p == '?' || *ps->p == '+')
				ps->fail = 1;
			list_add(&atom, "", 0);
		}
		if (!ps->fail && (*ps->p == '*' || *ps->p == '+' ||
		    *ps->p == '{'))
			ps->fail = 1;
		if (!ps->fail)
			concat(ps, out, &atom);
		pat_list_free(&atom);
	}
}

static void
parse_alt(struct pstate *ps, struct pat_list *out)
{
	parse_seq(ps, out);
	while (!ps->fail && *ps->p == '|') {
		struct pat_list alt = { NULL, 0, 0 };
		size_t i;

		ps->p++;
		parse_seq(ps, &alt);
		if (out->n + alt.n > PAT_MAX_EXPANSION)
			ps->fail = 1;
		for (i = 0; !ps->fail && i < alt.n; i++) {
			/* move the string over rather than copy it */
			list_push(out, alt.v[i]);
			alt.v[i] = NULL;
		}
		pat_list_free(&alt);
	}
}

int
pat_expand(const char *pattern, struct pat_list *out, int *icase)
{
	struct pstate ps;

	ps.p = pattern;
	ps.fail = 0;
	if (strncmp(ps.p, "(?i)", 4) == 0) {
		*icase = 1;
		ps.p += 4;
	} else if (strncmp(ps.p, "(?-i)", 5) == 0) {
		*icase = 0;
		ps.p += 5;
	}
	parse_alt(&ps, out);
	if (ps.fail || *ps.p != '\0')
		return -1;
	return 0;
}
