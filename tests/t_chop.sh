#!/bin/sh
# t_chop.sh: drafts cut at many offsets from the head and from the tail (the
# "chop" and "slap" checks of ctags), plus random bytes: every run must end
# with exit 0 or 1 and a complete JSON document, never a crash.  Cheap
# enough for CI, complementary to the fuzz targets.
COPYDESK=${COPYDESK:-./copydesk}
B=${B:-build}
D=$B/chop
rm -rf "$D"
mkdir -p "$D"
STEP=${CHOP_STEP:-61}

# json_ok FILE...: every file holds one complete JSON document
json_ok() {
	python3 -c '
import json, sys
for f in sys.argv[1:]:
    try:
        json.load(open(f))
    except ValueError as e:
        sys.exit("bad JSON in %s: %s" % (f, e))
' "$@"
}
for src in fixtures/border-order.txt ../shared/eval/p02.md \
    ../shared/eval/p04.html; do
	[ -f "$src" ] || continue
	ext=${src##*.}
	size=$(wc -c <"$src")
	bad=0 runs=0
	n=1
	while [ "$n" -lt "$size" ]; do
		for cut in head tail; do
			runs=$((runs + 1))
			$cut -c "$n" "$src" >"$D/in.$ext"
			"$COPYDESK" -o json "$D/in.$ext" >"$D/out.$runs" 2>"$D/err"
			rc=$?
			if [ "$rc" -gt 1 ]; then
				bad=$((bad + 1))
				[ "$bad" = 1 ] && echo "first failure: $cut -c $n $src:" \
				    "exit $rc $(head -c 200 "$D/err")"
			fi
		done
		n=$((n + STEP))
	done
	json_ok "$D"/out.* || bad=$((bad + 1))
	rm -f "$D"/out.*
	if [ "$bad" = 0 ]; then
		echo "PASS chop $src ($runs cuts)"
	else
		echo "FAIL chop $src: $bad of $runs cuts failed"
	fi
done
# random bytes, each format
python3 -c '
import random, sys
r = random.Random(7)
for i in range(8):
    open("%s/rand%d.bin" % (sys.argv[1], i), "wb").write(
        bytes(r.randrange(256) for _ in range(20000)))
' "$D"
bad=0
i=0
for f in "$D"/rand*.bin; do
	for fmt in txt md html xml; do
		i=$((i + 1))
		"$COPYDESK" -o json --input-format $fmt "$f" >"$D/out.$i" 2>"$D/err"
		rc=$?
		# random bytes are not well-formed XML: refused, with the file named
		if [ $rc -gt 1 ] && ! { [ $fmt = xml ] && [ $rc = 2 ] &&
		    grep -q "copydesk: $f:" "$D/err"; }; then
			bad=$((bad + 1))
		fi
	done
done
json_ok "$D"/out.* || bad=$((bad + 1))
if [ "$bad" = 0 ]; then
	echo "PASS chop random bytes"
else
	echo "FAIL chop random bytes: $bad runs failed"
fi
rm -rf "$D"
exit 0
