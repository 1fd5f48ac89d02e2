/* ytree.h: a small YAML document tree built from libyaml events. */
#ifndef YTREE_H
#define YTREE_H

#include <stddef.h>

/* Deepest nesting accepted in a rule file; real rules use three levels. */
#ifndef YTREE_MAX_DEPTH
#define YTREE_MAX_DEPTH 32
#endif
/* Most nodes in one file: bounds memory for hostile rule files. */
#ifndef YTREE_MAX_NODES
#define YTREE_MAX_NODES 1000000
#endif

enum ytree_type {
	YT_SCALAR,
	YT_SEQ,
	YT_MAP
};

struct ynode {
	enum ytree_type type;
	char *str;		/* scalar value, NUL-terminated */
	size_t line;		/* 1-based line where the node starts */
	struct ynode **kids;	/* sequence items; map: key, value, key, ... */
	size_t nkids, cap;
};

/*
 * Parses one YAML document.  Aliases and anchors are refused.  On failure
 * returns NULL and writes "LINE: REASON" into err.  Free with ytree_free.
 */
struct ynode *ytree_parse(const char *s, size_t n, char *err, size_t errlen);

void ytree_free(struct ynode *y);

/* Value of key in a map, or NULL. */
const struct ynode *ytree_get(const struct ynode *map, const char *key);

#endif
