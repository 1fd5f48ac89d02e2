#!/bin/sh
# run.sh: runs every test (unit binaries, then tests/t_*.sh and t_*.py) and
# ends with "N passed, N failed".  Usage: tests/run.sh BUILDDIR UNITBIN...
B=$1; shift
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for t in "$@"; do
	"$t" >>"$out" 2>&1 || echo "FAIL $(basename "$t"): exited with status $?" >>"$out"
done
for t in tests/t_*.sh; do
	[ -f "$t" ] || continue
	COPYDESK=${COPYDESK:-./copydesk} B=$B sh "$t" >>"$out" 2>&1 || \
		echo "FAIL $(basename "$t"): exited with status $?" >>"$out"
done
for t in tests/t_*.py; do
	[ -f "$t" ] || continue
	COPYDESK=${COPYDESK:-./copydesk} B=$B python3 "$t" >>"$out" 2>&1 || \
		echo "FAIL $(basename "$t"): exited with status $?" >>"$out"
done
grep '^FAIL' "$out"
grep -v -e '^PASS' -e '^FAIL' "$out" | head -n 40
p=$(grep -c '^PASS' "$out")
f=$(grep -c '^FAIL' "$out")
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
