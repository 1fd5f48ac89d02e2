#!/bin/sh
# t_jobs.sh: -j N gives the same bytes and exit status as -j 1, in input
# order, for every output format, on 200 generated drafts.
COPYDESK=${COPYDESK:-./copydesk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh tests/gen-drafts.sh 200 "$tmp/d"
formats="text line json jsonl sarif checkstyle github vale"
for fmt in $formats; do
	$COPYDESK -j 1 -o "$fmt" "$tmp"/d/*.txt >"$tmp/one" 2>"$tmp/one.err"
	rc1=$?
	for j in 2 8; do
		$COPYDESK -j $j -o "$fmt" "$tmp"/d/*.txt >"$tmp/many" 2>&1
		rcj=$?
		if [ ! -s "$tmp/one" ]; then
			echo "FAIL jobs $fmt -j $j: no output"
		elif ! cmp -s "$tmp/one" "$tmp/many"; then
			echo "FAIL jobs $fmt -j $j: output differs from -j 1"
		elif [ "$rc1" != "$rcj" ]; then
			echo "FAIL jobs $fmt -j $j: exit status $rcj, -j 1 gave $rc1"
		else
			echo "PASS jobs $fmt -j $j"
		fi
	done
done
# an unreadable file among them: same output, exit 2, one message
$COPYDESK -j 1 -o line "$tmp"/d/draft-00*.txt "$tmp/missing.txt" \
	"$tmp"/d/draft-01*.txt >"$tmp/one" 2>"$tmp/one.err"
rc1=$?
$COPYDESK -j 4 -o line "$tmp"/d/draft-00*.txt "$tmp/missing.txt" \
	"$tmp"/d/draft-01*.txt >"$tmp/many" 2>"$tmp/many.err"
rcj=$?
if cmp -s "$tmp/one" "$tmp/many" && [ "$rc1" = 2 ] && [ "$rcj" = 2 ] &&
	cmp -s "$tmp/one.err" "$tmp/many.err"; then
	echo "PASS jobs unreadable file"
else
	echo "FAIL jobs unreadable file: rc $rc1/$rcj or output differs"
fi
# the default (-j omitted) is the same as -j 1 too
$COPYDESK -o json "$tmp"/d/*.txt >"$tmp/many" 2>&1
$COPYDESK -j 1 -o json "$tmp"/d/*.txt >"$tmp/one" 2>&1
if cmp -s "$tmp/one" "$tmp/many"; then
	echo "PASS jobs default"
else
	echo "FAIL jobs default: output differs from -j 1"
fi
for bad in 0 -3 x 2x; do
	$COPYDESK -j "$bad" fixtures/border-order.txt >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" = 2 ] && [ ! -s "$tmp/out" ] && grep -q "invalid -j" "$tmp/err"
	then
		echo "PASS jobs rejects -j $bad"
	else
		echo "FAIL jobs rejects -j $bad: status $rc"
	fi
done
