#!/bin/sh
# prefix-check.sh LIB: make lint.  Every external symbol an object file of
# the library defines must carry its module's prefix: the file's name
# (tok_, out_json_), the part before its first underscore (rule_run.c:
# rule_, strip_md.c: strip_), or x for xalloc.c's allocators.  Prints each
# name that does not and exits 1 if there is one.
lib=${1:-build/libcopydesk.a}
[ -f "$lib" ] || { echo "prefix-check: no library at $lib (run make)" >&2; exit 2; }
nm -g --defined-only "$lib" | awk '
	/^$/ { next }
	/:$/ { m = $1; sub(/\.o:$/, "", m); base = m; sub(/_.*/, "", base); next }
	{
		s = $3
		if (index(s, m "_") == 1 || index(s, base "_") == 1)
			next
		if (m == "xalloc" && s ~ /^x/)
			next
		printf "%s.c: %s lacks the prefix %s_\n", m, s, m
		bad = 1
	}
	END { exit bad }'
