#!/bin/sh
# t_failure.sh: failure paths and limits.  Unreadable inputs, a full disk or
# a closed pipe on stdout, a document over the per-document memory cap, a
# file over the size limit, and the finding limit: each gives a message and
# exit status 2 (or the documented finding), and the other files are still
# checked.  Inputs are generated under $B/failure.
COPYDESK=${COPYDESK:-./copydesk}
B=${B:-build}
D=$B/failure
rm -rf "$D"
mkdir -p "$D"
good=fixtures/border-order.txt

pass() { echo "PASS failure $1"; }
fail() { echo "FAIL failure $1: $2"; }

# run NAME ARGS...: stdout in $D/out, stderr in $D/err, status in $rc
run() {
	"$COPYDESK" "$@" >"$D/out" 2>"$D/err"
	rc=$?
}

# A missing file and a file that read() refuses (EIO), each before a good
# file: a message naming the file, the good file still checked, exit 2.
# (A directory is walked, not refused: tests/t_inputs.sh.)
for bad in "$D/missing.txt" /proc/self/mem; do
	run -o line "$bad" "$good"
	if [ "$rc" = 2 ] && grep -q "cannot read '$bad'" "$D/err" &&
	    grep -q "^$good:" "$D/out"; then
		pass "unreadable $bad"
	else
		fail "unreadable $bad" "exit $rc: $(head -c 200 "$D/err")"
	fi
done

# A file without read permission (only meaningful when not root).
if [ "$(id -u)" != 0 ]; then
	printf 'It may rain.\n' >"$D/noperm.txt"
	chmod 000 "$D/noperm.txt"
	run "$D/noperm.txt"
	if [ "$rc" = 2 ] && grep -q "Permission denied" "$D/err"; then
		pass "permission denied"
	else
		fail "permission denied" "exit $rc: $(cat "$D/err")"
	fi
fi

# ENOSPC on stdout: exit 2 and a message, whatever the format.
for fmt in json line text; do
	"$COPYDESK" -o $fmt "$good" >/dev/full 2>"$D/err"
	rc=$?
	if [ "$rc" = 2 ] && grep -q "cannot write output" "$D/err"; then
		pass "stdout full ($fmt)"
	else
		fail "stdout full ($fmt)" "exit $rc: $(cat "$D/err")"
	fi
done

# EPIPE: the reader goes away after one byte; copydesk must not report
# success (SIGPIPE is ignored, so the write error is seen).
i=0
while [ $i -lt 200 ]; do cat "$good"; i=$((i + 1)); done >"$D/big.txt"
{ "$COPYDESK" -o json "$D/big.txt" "$D/big.txt" 2>"$D/err"; echo $? >"$D/rc"; } |
    head -c 1 >/dev/null
rc=$(cat "$D/rc")
if [ "$rc" = 2 ] && grep -q "cannot write output" "$D/err"; then
	pass "broken pipe"
else
	fail "broken pipe" "exit $rc: $(cat "$D/err")"
fi

# The per-document memory cap: the big draft fails with a message, the
# small one is still checked (read whole: the part size above its size).
COPYDESK_PART_SIZE=67108864 COPYDESK_MAX_DOC_MEMORY=4000000 "$COPYDESK" -o line \
    "$D/big.txt" "$good" \
    >"$D/out" 2>"$D/err"
rc=$?
if [ "$rc" = 2 ] && grep -q "cannot check '$D/big.txt'.*per-document limit" \
    "$D/err" && grep -q "^$good:" "$D/out" && ! grep -q "^$D/big.txt" \
    "$D/out"; then
	pass "per-document memory cap"
else
	fail "per-document memory cap" "exit $rc: $(head -c 300 "$D/err")"
fi
# ... and when even reading it would pass the cap.
COPYDESK_PART_SIZE=67108864 COPYDESK_MAX_DOC_MEMORY=100000 "$COPYDESK" -o line \
    "$D/big.txt" \
    >"$D/out" 2>"$D/err"
rc=$?
if [ "$rc" = 2 ] && grep -q "DOC_MAX_MEMORY" "$D/err"; then
	pass "memory cap while reading"
else
	fail "memory cap while reading" "exit $rc: $(head -c 300 "$D/err")"
fi
# The same from stdin (the buffer grows in place).
COPYDESK_MAX_DOC_MEMORY=100000 "$COPYDESK" -o line - <"$D/big.txt" \
    >"$D/out" 2>"$D/err"
rc=$?
if [ "$rc" = 2 ] && grep -q "cannot read '<stdin>'.*DOC_MAX_MEMORY" \
    "$D/err"; then
	pass "memory cap on stdin"
else
	fail "memory cap on stdin" "exit $rc: $(head -c 300 "$D/err")"
fi

# DOC_MAX_SIZE: a sparse file just over 1 GiB, of a format read whole
# (Markdown), is refused without reading.  (Plain text is read in parts
# and has no size limit: t_parts.py.)
if truncate -s 1073741825 "$D/huge.md" 2>/dev/null; then
	run "$D/huge.md" "$good"
	if [ "$rc" = 2 ] && grep -q "DOC_MAX_SIZE" "$D/err" &&
	    grep -q "border-order" "$D/out"; then
		pass "file size limit"
	else
		fail "file size limit" "exit $rc: $(cat "$D/err")"
	fi
	rm -f "$D/huge.md"
fi

# FINDING_MAX_PER_DOC: one TooManyFindings finding, not silent truncation.
i=0
while [ $i -lt 11000 ]; do echo "It may rain."; i=$((i + 1)); done >"$D/many.txt"
run -o line "$D/many.txt"
n=$(grep -c 'Copydesk.Hedge' "$D/out")
if [ "$rc" = 1 ] && grep -q 'Copydesk.TooManyFindings' "$D/out" &&
    [ "$n" -le 10000 ]; then
	pass "finding limit"
else
	fail "finding limit" "exit $rc, $n hedges: $(grep -c . "$D/out") lines"
fi

# A rule whose phrases expand past PAT_MAX_EXPANSION (10^6 here) falls back
# to one PCRE2 regex: still correct, not truncated.  YTREE_MAX_DEPTH and
# YAML aliases in a rule file: refused with the file named.
mkdir -p "$D/rules/Lim"
printf 'extends: existence\nmessage: "%%s"\ntokens:\n  - %s\n' \
    "$(printf '(?:a|b|c|d|e|f|g|h|i|j) %.0s' 1 2 3 4 5 6)x" \
    >"$D/rules/Lim/Phrases.yml"
echo 'Here: j i h g f e x, and a b c d e f y.' >"$D/phrases.txt"
run -o line --rules "$D/rules" "$D/phrases.txt"
if [ "$rc" = 0 ] && grep -q ":1:7: .*j i h g f e x.*Lim.Phrases" "$D/out" &&
    [ "$(grep -c Lim.Phrases "$D/out")" = 1 ]; then
	pass "phrase expansion limit"
else
	fail "phrase expansion limit" "exit $rc: $(cat "$D/out" "$D/err")"
fi
rm -f "$D/rules/Lim/Phrases.yml"
{ printf 'extends: existence\nmessage: "x"\ntokens: '; i=0
  while [ $i -lt 40 ]; do printf '['; i=$((i + 1)); done; printf 'a'
  i=0; while [ $i -lt 40 ]; do printf ']'; i=$((i + 1)); done; echo; } \
    >"$D/rules/Lim/Deep.yml"
run --rules "$D/rules" "$good"
if [ "$rc" = 2 ] && grep -q "Deep.yml" "$D/err" && grep -qi "deep\|depth\|nest" "$D/err"; then
	pass "YAML depth limit"
else
	fail "YAML depth limit" "exit $rc: $(cat "$D/err")"
fi
rm -f "$D/rules/Lim/Deep.yml"
printf 'extends: existence\nmessage: &m "x"\ndescription: *m\ntokens:\n  - a\n' \
    >"$D/rules/Lim/Alias.yml"
run --rules "$D/rules" "$good"
if [ "$rc" = 2 ] && grep -qi "Alias.yml.*\(alias\|anchor\)" "$D/err"; then
	pass "YAML aliases refused"
else
	fail "YAML aliases refused" "exit $rc: $(cat "$D/err")"
fi
rm -f "$D/rules/Lim/Alias.yml"

# RULE_MAX_RULES: one rule too many is an error naming the file.
python3 -c '
import sys
for i in range(20001):
    open("%s/R%05d.yml" % (sys.argv[1], i), "w").write(
        "extends: existence\nmessage: \"x\"\ntokens:\n  - w%d\n" % i)
' "$D/rules/Lim"
run --rules "$D/rules" "$good"
if [ "$rc" = 2 ] && grep -q "Lim/R[0-9]*.yml: more than 20000 rules" "$D/err"; then
	pass "rule count limit"
else
	fail "rule count limit" "exit $rc: $(cat "$D/err")"
fi
rm -rf "$D"
exit 0
