#!/bin/sh
# t_regex_gate.sh: a regex rule runs only on sentences holding a word every
# match must contain (rule_run.c gate_words); these cases check that the
# gate never drops a match: top-level alternation, optional elements,
# case-sensitive patterns, classes, and a match next to a sentence break.
COPYDESK=${COPYDESK:-./copydesk}
B=${B:-build}
D=$B/regex-gate
rm -rf "$D"
mkdir -p "$D/rules/G"
n=0
# case NAME PATTERN TEXT EXPECTED-COLUMNS (space-separated, "" for none)
case_() {
	n=$((n + 1))
	printf 'extends: existence\nmessage: "%%s"\nlevel: error\ntokens:\n  - '"'"'%s'"'"'\n' \
	    "$2" >"$D/rules/G/R.yml"
	printf '%s\n' "$3" >"$D/in.txt"
	got=$("$COPYDESK" -o line --rules "$D/rules" --disable Copydesk \
	    "$D/in.txt" 2>&1 | sed -n 's/^[^:]*:1:\([0-9]*\): .*G\.R.*/\1/p' |
	    tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$4" ]; then
		echo "PASS regex-gate $1"
	else
		echo "FAIL regex-gate $1: columns '$got', want '$4'"
	fi
}
case_ "top-level alternation" 'alpha [a-z]+ beta|gamma [a-z]+ delta' \
    'It was gamma xx delta. Then alpha yy beta.' '8 29'
case_ "required group" '(?:two|three) [a-z]+ (?:sources|officials) said' \
    'two new sources said so. three old officials said no.' '1 26'
case_ "optional element not a gate" '(?:senior )?officials [a-z]+ here' \
    'senior officials met here. officials met here.' '1 28'
case_ "class first" '[A-Z][a-z]+ reportedly [a-z]+' \
    'Smith reportedly left. Jones quietly left.' '1'
case_ "case-sensitive" '(?-i)May [a-z]+ not' 'May may not. It may well not. May xx not.' '1 31'
case_ "numbers" '\d+ (?:people|persons) [a-z]+ed' \
    'About 40 people died. 3 persons escaped.' '7 23'
case_ "no match" '(?:two|three) [a-z]+ officials' 'Nothing to see here.' ''
rm -rf "$D"
exit 0
