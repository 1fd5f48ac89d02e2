#!/bin/sh
# t_golden.sh: every fixture against its expected outputs, compared exactly.
# fixtures/NAME.EXT is checked with the arguments in fixtures/NAME.args
# (if any) for each tests/expected/NAME.FORMAT that exists (FORMAT: the -o
# name: line, json, text, jsonl, sarif, checkstyle, github, vale); NAME.rc
# holds a non-zero exit status.  The tool's version is written as @VERSION@
# so that a release does not change every golden file.  With --update, the
# expected files are rewritten instead (review the diff).
update=0
[ "$1" = "--update" ] && update=1
COPYDESK=${COPYDESK:-./copydesk}
version=$($COPYDESK --version | sed 's/^copydesk //')
for exp in tests/expected/*.line tests/expected/*.json tests/expected/*.text \
	tests/expected/*.jsonl tests/expected/*.sarif \
	tests/expected/*.checkstyle tests/expected/*.github \
	tests/expected/*.vale; do
	[ -f "$exp" ] || continue
	base=$(basename "$exp")
	name=${base%.*}
	fmt=${base##*.}
	src=$(ls fixtures/"$name".* 2>/dev/null | grep -v '\.args$' | head -n 1)
	if [ -z "$src" ]; then
		echo "FAIL golden $base: no fixture named $name"
		continue
	fi
	args=
	[ -f "fixtures/$name.args" ] && args=$(cat "fixtures/$name.args")
	got=$(mktemp)
	# shellcheck disable=SC2086
	$COPYDESK -o "$fmt" $args "$src" >"$got.raw" 2>&1
	rc=$?
	sed "s/\"version\": \"$version\"/\"version\": \"@VERSION@\"/" \
		"$got.raw" >"$got"
	rm -f "$got.raw"
	if [ "$update" = 1 ]; then
		cp "$got" "$exp"
		rm -f "$got"
		continue
	fi
	want_rc=
	[ -f "tests/expected/$name.rc" ] && want_rc=$(cat "tests/expected/$name.rc")
	if ! cmp -s "$got" "$exp"; then
		echo "FAIL golden $base: output differs"
		diff -u "$exp" "$got" | head -n 20
	elif [ -n "$want_rc" ] && [ "$rc" != "$want_rc" ]; then
		echo "FAIL golden $base: exit status $rc, want $want_rc"
	elif [ -z "$want_rc" ] && [ "$rc" -gt 1 ]; then
		echo "FAIL golden $base: exit status $rc"
	else
		echo "PASS golden $base"
	fi
	rm -f "$got"
done
