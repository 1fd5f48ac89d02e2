#!/bin/sh
# t_cli.sh: the command line, exit status and bad input, as a user sees them.
C=${COPYDESK:-./copydesk}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

pass() { echo "PASS cli: $1"; }
fail() { echo "FAIL cli: $1"; }
# expect NAME WANT_RC GOT_RC
rc_is() { if [ "$3" = "$2" ]; then pass "$1"; else fail "$1: exit $3, want $2"; fi; }
# has NAME FILE TEXT
has() { if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1: '$3' not in output: $(head -c 300 "$2")"; fi; }

$C nope.txt >"$T/out" 2>"$T/err"; rc=$?
rc_is "missing file exits 2" 2 $rc
has "missing file names the file" "$T/err" "copydesk: cannot read 'nope.txt': No such file or directory"
[ -s "$T/out" ] && [ "$(cat "$T/out")" != "0 errors, 0 warnings, 0 suggestions in 0 files (0 quotes, 0 sources)" ] && \
	fail "missing file prints results" || pass "missing file prints no results"

$C -o json fixtures/border-order.txt/x >"$T/out" 2>"$T/err"; rc=$?
rc_is "unreadable path exits 2" 2 $rc
has "unreadable path says why" "$T/err" "Not a directory"

$C -o json nope.txt fixtures/border-order.txt >"$T/out" 2>"$T/err"; rc=$?
rc_is "a bad file among good ones still exits 2" 2 $rc
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["files"])==1' "$T/out" \
	&& pass "the good file is still checked, JSON complete" || fail "JSON after a bad file"

: >"$T/empty.txt"
$C -o json "$T/empty.txt" >"$T/out" 2>"$T/err"; rc=$?
rc_is "empty file exits 0" 0 $rc
has "empty file gives empty findings" "$T/out" '"findings": []'

printf 'It is expected\000 to rain. The the end.\n' >"$T/nul.txt"
$C -o line "$T/nul.txt" >"$T/out" 2>"$T/err"; rc=$?
rc_is "NUL bytes: error finding exits 1" 1 $rc
has "NUL bytes: later positions right" "$T/out" "nul.txt:1:26: error: 'The' is repeated"

printf 'Caf\351 owners \377 say it is likely to close.\n' >"$T/bad.txt"
$C -o json "$T/bad.txt" >"$T/out" 2>"$T/err"; rc=$?
rc_is "invalid UTF-8 is checked" 0 $rc
python3 - "$T/out" "$T/bad.txt" <<'PY' && pass "invalid UTF-8: offsets point at the original bytes" || fail "invalid UTF-8 offsets"
import json, sys
d = json.load(open(sys.argv[1]))["files"][0]["findings"]
src = open(sys.argv[2], "rb").read()
f = [x for x in d if x["rule"] == "Copydesk.Hedge"][0]
assert src[f["offset"]:f["offset"] + f["length"]] == b"is likely to", f
assert f["column"] == 22, f
PY

python3 -c 'import sys; sys.stdout.write(("It is expected to rain and the the sky may fall. " * 1100000)[:52000000])' >"$T/big.txt"
start=$(date +%s)
$C -o json --fail-level none "$T/big.txt" >"$T/out" 2>"$T/err"; rc=$?
end=$(date +%s)
rc_is "50 MB single line is checked" 0 $rc
has "50 MB single line: finding limit reported" "$T/out" "Copydesk.TooManyFindings"
if [ $((end - start)) -lt 60 ]; then pass "50 MB single line in bounded time"; else fail "50 MB line took $((end - start)) s"; fi
rm -f "$T/big.txt"

# rule files
mkdir -p "$T/r1/Bad" "$T/r2/Bad" "$T/r3/Bad" "$T/r4/Bad" "$T/r5/My"
printf 'extends: existence\nmessage: "%%s"\ntokens: [unclosed\n' >"$T/r1/Bad/Yaml.yml"
$C --rules "$T/r1" fixtures/border-order.txt >"$T/out" 2>"$T/err"; rc=$?
rc_is "bad YAML exits 2" 2 $rc
has "bad YAML names file and line" "$T/err" "r1/Bad/Yaml.yml:4:"
[ -s "$T/out" ] && fail "bad YAML prints results" || pass "bad YAML prints nothing on stdout"

printf 'extends: existence\nmessage: "%%s"\nraw:\n  - "(unclosed"\n' >"$T/r2/Bad/Regex.yml"
$C --rules "$T/r2" fixtures/border-order.txt >"$T/out" 2>"$T/err"; rc=$?
rc_is "invalid regex exits 2" 2 $rc
has "invalid regex names file and rule" "$T/err" "Bad/Regex.yml: rule 'Bad.Regex': cannot compile pattern"

printf 'extends: existence\nmessage: "%%s"\ntokens: [a]\nsevrity: error\n' >"$T/r3/Bad/Key.yml"
$C --rules "$T/r3" fixtures/border-order.txt >"$T/out" 2>"$T/err"; rc=$?
rc_is "unknown key exits 2" 2 $rc
has "unknown key names line and key" "$T/err" "Bad/Key.yml:4: unknown key 'sevrity'"

printf 'extends: existance\nmessage: "%%s"\n' >"$T/r4/Bad/Type.yml"
$C --rules "$T/r4" fixtures/border-order.txt >"$T/out" 2>"$T/err"; rc=$?
rc_is "unknown type exits 2" 2 $rc
has "unknown type is named" "$T/err" "unknown rule type 'extends: existance'"

cat >"$T/r5/My/Swap.yml" <<'YML'
extends: substitution
message: "Use '%s' instead of '%s'."
level: error
ignorecase: true
swap:
  utilize: use
  (?:in order to|so as to): to
YML
printf 'We utilize it in order to win.\n' >"$T/swap.txt"
$C -o line --rules "$T/r5" "$T/swap.txt" >"$T/out" 2>"$T/err"; rc=$?
rc_is "substitution error exits 1" 1 $rc
has "substitution message" "$T/out" "swap.txt:1:4: error: Use 'use' instead of 'utilize'. [My.Swap]"
has "substitution phrase" "$T/out" "swap.txt:1:15: error: Use 'to' instead of 'in order to'. [My.Swap]"
$C --list-rules --rules "$T/r5" >"$T/out" 2>&1
has "--rules keeps the shipped style" "$T/out" "Copydesk.Hedge"
has "--rules loads the user style" "$T/out" "My.Swap"

# options and exit status
$C --fail-level none fixtures/border-order.txt >/dev/null 2>&1; rc_is "--fail-level none exits 0" 0 $?
$C --fail-level warning -o line fixtures/border-order.txt >/dev/null 2>&1; rc_is "--fail-level warning exits 1 on warnings" 1 $?
$C --fail-level error -o line fixtures/border-order.txt >/dev/null 2>&1; rc_is "default level error: no errors in the seed exits 0" 0 $?
$C --disable Copydesk.Hedge -o line fixtures/border-order.txt >"$T/out" 2>&1
if grep -q Copydesk.Hedge "$T/out"; then fail "--disable a rule"; else pass "--disable a rule"; fi
$C --disable Copydesk -o line fixtures/border-order.txt >"$T/out" 2>&1
[ -s "$T/out" ] && fail "--disable a style" || pass "--disable a style"
$C --min-level error -o line fixtures/border-order.txt >"$T/out" 2>&1
[ -s "$T/out" ] && fail "--min-level error hides warnings" || pass "--min-level error hides warnings"
$C --enable Nope.Rule fixtures/border-order.txt >/dev/null 2>"$T/err"; rc_is "--enable of an unknown rule exits 2" 2 $?
has "--enable of an unknown rule says so" "$T/err" "no rule or style named 'Nope.Rule'"
$C --bogus >/dev/null 2>"$T/err"; rc_is "unknown option exits 2" 2 $?
$C -o yaml fixtures/border-order.txt >/dev/null 2>"$T/err"; rc_is "unknown format exits 2" 2 $?
has "unknown format is named" "$T/err" "unknown output format 'yaml'"
$C --list-rules >"$T/out"; has "--list-rules lists the hedge rule" "$T/out" "Copydesk.Hedge"
has "--list-rules lists built-in checks" "$T/out" "Copydesk.UnbalancedQuote"
$C --version >"$T/out"; has "--version" "$T/out" "copydesk "
$C --help >"$T/out"; has "--help" "$T/out" "usage: copydesk"

printf 'Officials are expected to vote.\n' | $C -o line - >"$T/out" 2>&1
has "stdin with -" "$T/out" "<stdin>:1:11: warning: Hedged claim 'are expected to'"
printf 'Officials are expected to vote.\n' | $C -o line --stdin-filename story.txt >"$T/out" 2>&1
has "piped stdin with --stdin-filename" "$T/out" "story.txt:1:11: warning"

printf '"He said it would work. It is expected to rain.\n\nNext paragraph.\n' | $C -o line >"$T/out" 2>&1
has "unbalanced quote is an error" "$T/out" "<stdin>:1:1: error: Quotation mark opens a quote that is never closed [Copydesk.UnbalancedQuote]"
printf '"It is expected to rain,\n\n"and it may snow," she said.\n' | $C -o line >"$T/out" 2>&1
if grep -q -e Hedge -e UnbalancedQuote "$T/out"; then fail "running quote: no hedges, no unbalanced quote"; \
	else pass "running quote: no hedges, no unbalanced quote"; fi

# every finding's offset/length slices the source to its match (plain text)
$C -o json fixtures/border-order.txt >"$T/out" 2>/dev/null
python3 - "$T/out" fixtures/border-order.txt <<'PY' && pass "offsets slice the source to the match" || fail "offset/match mismatch"
import json, sys
src = open(sys.argv[2], "rb").read()
for f in json.load(open(sys.argv[1]))["files"][0]["findings"]:
    got = src[f["offset"]:f["offset"] + f["length"]].decode()
    assert " ".join(got.split()) == f["match"], (got, f["match"])
PY
