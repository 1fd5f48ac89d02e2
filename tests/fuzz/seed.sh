#!/bin/sh
# seed.sh: builds the seed corpus of one fuzz target in DIR from fixtures/,
# the eval articles (../shared/eval), the shipped rule files and config
# files (tests/fuzz/seeds, Vale's test .vale.ini files).  Documents
# get a leading byte that picks the format (0 txt, 1 md, 2 html, 3 xml), as
# fz_read.c and fz_all.c expect.  Usage: seed.sh TARGET DIR
set -eu
target=$1 dir=$2
mkdir -p "$dir"
n=0
if [ "$target" = fz_rules ]; then
	for f in rules/*/*.yml tests/fuzz/seeds/*.yml; do
		[ -f "$f" ] || continue
		n=$((n + 1)); cp "$f" "$dir/seed$n"
	done
	exit 0
fi
if [ "$target" = fz_config ]; then
	for f in tests/fuzz/seeds/*.ini ../shared/vale-testdata/*/*/.vale.ini \
	    ../shared/vale-testdata/*/*/*/.vale.ini; do
		[ -f "$f" ] || continue
		n=$((n + 1)); cp "$f" "$dir/seed$n"
	done
	exit 0
fi
for f in fixtures/* ../shared/eval/*.txt ../shared/eval/*.md \
    ../shared/eval/*.html ../shared/eval/*.xml tests/fuzz/seeds/*.*; do
	[ -f "$f" ] || continue
	case $f in
	*.md|*.markdown) b='\001' ;;
	*.html|*.htm) b='\002' ;;
	*.xml) b='\003' ;;
	*.txt) b='\000' ;;
	*) continue ;;
	esac
	n=$((n + 1))
	{ printf "$b"; cat "$f"; } >"$dir/seed$n"
done
