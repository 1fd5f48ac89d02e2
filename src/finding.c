/* finding.c: adding, suppressing, sorting and formatting findings. */
#include "finding.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "rule.h"
#include "xalloc.h"

#define FINDING(e, name, lvl, cat, desc) { name, lvl, cat, desc },
static const struct {
	const char *name;
	int level;
	const char *category;
	const char *description;
} builtins[] = {
#include "finding.def"
};
#undef FINDING

const char *
finding_name(int id)
{
	return builtins[id].name;
}

int
finding_default_level(int id)
{
	return builtins[id].level;
}

const char *
finding_category(int id)
{
	return builtins[id].category;
}

const char *
finding_description(int id)
{
	return builtins[id].description;
}

static const char *const level_names[] = {
	"none", "suggestion", "warning", "error"
};

const char *
finding_level_name(int level)
{
	if (level < 0 || level > 3)
		return "none";
	return level_names[level];
}

int
finding_level_parse(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, level_names[i]) == 0)
			return i;
	if (strcmp(s, "NO") == 0 || strcmp(s, "no") == 0)
		return LEVEL_NONE;
	return -1;
}

static int
supp_applies(const struct supp *s, const struct rule *r)
{
	size_t n;

	if (s->rule == NULL)
		return 1;
	if (strcmp(s->rule, r->id) == 0)
		return 1;
	n = strlen(s->rule);
	return strchr(s->rule, '.') == NULL && strncmp(r->id, s->rule, n) == 0 &&
	    r->id[n] == '.';
}

int
finding_suppressed(const struct doc *d, const struct rule *r, size_t soff)
{
	size_t i;

	for (i = 0; i < d->nsupps; i++) {
		const struct supp *s = &d->supps[i];

		if (soff >= s->start && soff < s->end && supp_applies(s, r))
			return 1;
	}
	return 0;
}

struct finding *
finding_add(struct doc *d, const struct rule *r, int level, size_t toff,
    size_t tlen, const char *msg)
{
	struct finding *f;
	int lvl = rule_level(d, r);
	size_t soff, send;

	if (lvl == LEVEL_NONE)
		return NULL;
	if (level <= 0)
		level = lvl;
	soff = posmap_start(&d->pm, toff);
	send = tlen ? posmap_end(&d->pm, toff + tlen) : soff;
	if (send < soff)
		send = soff;
	if (d->nsupps && finding_suppressed(d, r, soff))
		return NULL;
	if (d->nfindings >= FINDING_MAX_PER_DOC &&
	    r->builtin != FINDING_TOO_MANY_FINDINGS) {
		d->truncated = 1;
		return NULL;
	}
	arena_grow(&d->arena, (void **)&d->findings, &d->capfindings,
	    sizeof(*d->findings), d->nfindings + 1);
	f = &d->findings[d->nfindings++];
	f->rule = r;
	f->level = level;
	f->toff = toff;
	f->tlen = tlen;
	f->soff = soff;
	f->slen = send - soff;
	f->message = arena_strndup(&d->arena, msg, strlen(msg));
	f->suggestion = NULL;
	return f;
}

static int
cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c;

	if (x->soff != y->soff)
		return x->soff < y->soff ? -1 : 1;
	c = strcmp(x->rule->id, y->rule->id);
	if (c != 0)
		return c;
	if (x->slen != y->slen)
		return x->slen < y->slen ? -1 : 1;
	return strcmp(x->message, y->message);
}

void
finding_sort(struct doc *d)
{
	size_t i, j;

	if (d->nfindings > 1)
		qsort(d->findings, d->nfindings, sizeof(*d->findings),
		    cmp_finding);
	/*
	 * One rule flagging a span and a part of it (a phrase and a regex of
	 * the same rule) reports the longest: keep one.
	 */
	for (i = j = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];
		size_t k;
		int inside = 0;

		for (k = j; k > 0 && d->findings[k - 1].soff + 64 > f->soff;
		    k--) {
			const struct finding *g = &d->findings[k - 1];

			if (g->rule == f->rule && g->soff <= f->soff &&
			    g->soff + g->slen >= f->soff + f->slen) {
				inside = 1;
				break;
			}
		}
		if (!inside && j > 0) {
			struct finding *g = &d->findings[j - 1];

			/* same start, longer span sorted after: replace */
			if (g->rule == f->rule && g->soff == f->soff &&
			    g->slen < f->slen) {
				*g = *f;
				continue;
			}
		}
		if (!inside)
			d->findings[j++] = *f;
	}
	d->nfindings = j;
}

int
finding_worst(const struct doc *d, int min_level)
{
	size_t i;
	int worst = LEVEL_NONE;

	for (i = 0; i < d->nfindings; i++)
		if (d->findings[i].level >= min_level &&
		    d->findings[i].level > worst)
			worst = d->findings[i].level;
	return worst;
}

const char *
finding_match(struct doc *d, const struct finding *f)
{
	const char *s = d->text + f->toff;
	char *out = arena_alloc(&d->arena, f->tlen + 1);
	size_t i, o = 0;
	int space = 0;

	for (i = 0; i < f->tlen; i++) {
		char c = s[i];

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && o > 0)
			out[o++] = ' ';
		space = 0;
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

const char *
finding_format(struct doc *d, const char *tmpl, const char *a1,
    const char *a2)
{
	struct buf b = BUF_INIT;
	const char *args[2];
	const char *out;
	int k = 0;

	args[0] = a1 ? a1 : "";
	args[1] = a2 ? a2 : "";
	while (*tmpl) {
		/* the text up to the next %, in one piece */
		size_t run = strcspn(tmpl, "%");

		if (run > 0)
			buf_put(&b, tmpl, run);
		tmpl += run;
		if (*tmpl == '\0')
			break;
		if (tmpl[1] == 's') {
			buf_puts(&b, k < 2 ? args[k] : "");
			k++;
			tmpl += 2;
		} else {
			/* "%%" is one %; a % before anything else is itself */
			buf_putc(&b, '%');
			tmpl += tmpl[1] == '%' ? 2 : 1;
		}
	}
	out = arena_strndup(&d->arena, b.ptr ? b.ptr : "", b.len);
	buf_release(&b);
	return out;
}
