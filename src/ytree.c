/* ytree.c: libyaml events into a tree, with depth and alias limits. */
#include "ytree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "xalloc.h"

static struct ynode *
node_new(enum ytree_type t, size_t line)
{
	struct ynode *y = xcalloc(1, sizeof(*y));

	y->type = t;
	y->line = line;
	return y;
}

static void
add_kid(struct ynode *p, struct ynode *k)
{
	if (p->nkids == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->kids = xrealloc(p->kids, xst_mult(p->cap, sizeof(*p->kids)));
	}
	p->kids[p->nkids++] = k;
}

void
ytree_free(struct ynode *y)
{
	size_t i;

	if (y == NULL)
		return;
	for (i = 0; i < y->nkids; i++)
		ytree_free(y->kids[i]);
	free(y->kids);
	free(y->str);
	free(y);
}

struct ynode *
ytree_parse(const char *s, size_t n, char *err, size_t errlen)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct ynode *stack[YTREE_MAX_DEPTH + 1], *root = NULL;
	size_t depth = 0, nodes = 0;
	int done = 0;

	if (!yaml_parser_initialize(&parser)) {
		snprintf(err, errlen, "1: cannot start the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)s, n);
	while (!done) {
		struct ynode *y = NULL;
		size_t line;

		if (!yaml_parser_parse(&parser, &ev)) {
			snprintf(err, errlen, "%zu: %s",
			    parser.problem_mark.line + 1,
			    parser.problem ? parser.problem : "invalid YAML");
			goto fail;
		}
		line = ev.start_mark.line + 1;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			done = ev.type == YAML_STREAM_END_EVENT ||
			    root != NULL;
			break;
		case YAML_ALIAS_EVENT:
			snprintf(err, errlen, "%zu: YAML aliases are not "
			    "allowed in rule files", line);
			yaml_event_delete(&ev);
			goto fail;
		case YAML_SCALAR_EVENT:
			if (ev.data.scalar.anchor != NULL)
				goto anchor;
			y = node_new(YT_SCALAR, line);
			y->str = xstrndup((const char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (ev.data.sequence_start.anchor != NULL)
				goto anchor;
			y = node_new(YT_SEQ, line);
			break;
		case YAML_MAPPING_START_EVENT:
			if (ev.data.mapping_start.anchor != NULL)
				goto anchor;
			y = node_new(YT_MAP, line);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0)
				depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (y == NULL)
			continue;
		if (++nodes > YTREE_MAX_NODES) {
			snprintf(err, errlen, "%zu: too many YAML nodes", line);
			ytree_free(y);
			goto fail;
		}
		if (depth > 0)
			add_kid(stack[depth - 1], y);
		else if (root == NULL)
			root = y;
		else
			ytree_free(y);	/* a second top-level node: ignored */
		if (y->type != YT_SCALAR) {
			if (depth >= YTREE_MAX_DEPTH) {
				snprintf(err, errlen, "%zu: YAML nested deeper "
				    "than %d levels", line, YTREE_MAX_DEPTH);
				goto fail;
			}
			stack[depth++] = y;
		}
	}
	yaml_parser_delete(&parser);
	if (root == NULL)
		root = node_new(YT_MAP, 1);
	return root;
anchor:
	snprintf(err, errlen, "%zu: YAML anchors are not allowed in rule "
	    "files", ev.start_mark.line + 1);
	yaml_event_delete(&ev);
fail:
	yaml_parser_delete(&parser);
	ytree_free(root);
	return NULL;
}

const struct ynode *
ytree_get(const struct ynode *map, const char *key)
{
	size_t i;

	if (map == NULL || map->type != YT_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2)
		if (map->kids[i]->type == YT_SCALAR &&
		    strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}
