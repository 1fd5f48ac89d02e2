#!/bin/sh
# t_inputs.sh: input selection and configuration: directory walking, stdin,
# --input-format, .copydesk.ini discovery, --config, glob sections,
# BasedOnStyles, MinAlertLevel, command-line overrides and config errors.
COPYDESK=${COPYDESK:-./copydesk}
case $COPYDESK in /*) ;; *) COPYDESK=$(pwd)/$COPYDESK ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass() { echo "PASS inputs: $1"; }
fail() { echo "FAIL inputs: $1"; }
check() {	# check NAME WANT GOT
	if [ "$2" = "$3" ]; then pass "$1"; else
		fail "$1"; printf '  want: %s\n  got:  %s\n' "$2" "$3"; fi
}
hedge='The council is expected to vote.'

# directory walking: sorted, recursive, known extensions, no hidden entries
mkdir -p "$tmp/d/b/sub" "$tmp/d/a" "$tmp/d/.hidden"
printf '%s\n' "$hedge" > "$tmp/d/b/sub/z.md"
printf '%s\n' "$hedge" > "$tmp/d/b/a.txt"
printf '<p>%s</p>\n' "$hedge" > "$tmp/d/a/story.html"
printf '<p>%s</p>\n' "$hedge" > "$tmp/d/a/story.HTM"
printf '<r>%s</r>\n' "$hedge" > "$tmp/d/a/wire.xml"
printf '%s\n' "$hedge" > "$tmp/d/a/notes.markdown"
printf '%s\n' "$hedge" > "$tmp/d/a/skip.rst"
printf '%s\n' "$hedge" > "$tmp/d/.hidden/x.md"
printf '%s\n' "$hedge" > "$tmp/d/.dot.md"
got=$(cd "$tmp" && $COPYDESK -o line d | cut -d: -f1 | tr '\n' ' ')
check "directory walk is sorted, recursive, by extension" \
    "d/a/notes.markdown d/a/story.HTM d/a/story.html d/a/wire.xml d/b/a.txt d/b/sub/z.md " "$got"
got=$(cd "$tmp" && $COPYDESK -o line d/a/skip.rst | cut -d: -f1-3)
check "an explicit file of unknown extension is read as text" "d/a/skip.rst:1:13" "$got"
mkdir "$tmp/empty"
(cd "$tmp" && $COPYDESK -o line empty </dev/null >/dev/null 2>&1)
check "an empty directory is no error" 0 $?

# a file that strips to no text at all (one NUL byte; an empty file):
# no tokens, still a clean run (fz_all found pointer arithmetic on the
# missing token array under UBSan)
printf '\000' > "$tmp/nul.txt"
: > "$tmp/none.txt"
for f in nul.txt none.txt; do
	(cd "$tmp" && $COPYDESK -o json "$f" >/dev/null 2>&1)
	check "a document with no tokens: $f" 0 $?
done

# stdin
got=$(printf '<p>A vote is <em>expected</em> to slip.</p>\n' |
    $COPYDESK -o line --stdin-filename story.html | cut -d: -f1-3)
check "piped stdin with --stdin-filename picks the format" "story.html:1:11" "$got"
got=$(printf '<p>A vote <em>is</em> expected to slip.</p>\n' |
    $COPYDESK -o line - | cut -d: -f1-3)
check "stdin without a name is text (the tags stay)" "" "$got"
got=$(printf 'A vote is expected to slip.\n' | $COPYDESK -o line | cut -d: -f1-3)
check "piped stdin without '-'" "<stdin>:1:8" "$got"
got=$(printf '# Vote *is* expected to slip\n' |
    $COPYDESK -o line --input-format md - | cut -d: -f1-3)
check "--input-format md on stdin" "<stdin>:1:9" "$got"
printf 'A vote is <em>expected</em> to slip.\n' > "$tmp/story.txt"
got=$($COPYDESK -o line --input-format html "$tmp/story.txt" | cut -d: -f2-3)
check "--input-format overrides the extension" "1:8" "$got"

# config discovery from the working directory upward, and glob sections
mkdir -p "$tmp/repo/stories/2024/may" "$tmp/repo/styles/House" "$tmp/repo/sub"
cat > "$tmp/repo/styles/House/Soon.yml" <<'YML'
extends: existence
message: "Vague time '%s'"
level: suggestion
tokens:
  - soon
YML
cat > "$tmp/repo/.copydesk.ini" <<'INI'
# newsroom config
StylesPath = styles          # relative to this file
MinAlertLevel = suggestion   ; like --min-level

[*]
BasedOnStyles = Copydesk, House

[*.md]
Copydesk.Hedge = NO

[stories/**/*.html]
House.Soon = error
INI
printf 'It is expected to end soon.\n' > "$tmp/repo/sub/a.md"
printf 'It is expected to end soon.\n' > "$tmp/repo/sub/a.txt"
printf '<p>It is expected to end soon.</p>\n' > "$tmp/repo/stories/2024/may/b.html"
printf '<p>It is expected to end soon.</p>\n' > "$tmp/repo/stories/c.html"
printf '<p>It is expected to end soon.</p>\n' > "$tmp/repo/c.html"
r() { (cd "$tmp/repo/$1" && shift && $COPYDESK -o line --fail-level none "$@" 2>&1 | sed 's/:[^[]*\[/ [/' | tr '\n' ' '); }
check "config found upward; [*.md] turns a rule off" \
    "a.md [House.Soon] " "$(r sub a.md)"
check "[*] applies to .txt" "a.txt [Copydesk.Hedge] a.txt [House.Soon] " "$(r sub a.txt)"
check "[stories/**/*.html] matches nested directories" \
    "stories/2024/may/b.html [Copydesk.Hedge] stories/2024/may/b.html [House.Soon] " \
    "$(r . stories/2024/may/b.html)"
got=$(cd "$tmp/repo" && $COPYDESK -o line stories/2024/may/b.html stories/c.html c.html | grep Soon | cut -d: -f1,4)
check "glob section levels apply per file" \
    "stories/2024/may/b.html: error stories/c.html: error c.html: suggestion" "$(echo $got)"
check "--enable beats the config" \
    "a.md [Copydesk.Hedge] a.md [House.Soon] " "$(r sub --enable Copydesk.Hedge a.md)"
check "--disable beats the config" "a.txt [Copydesk.Hedge] " \
    "$(r sub --disable House a.txt)"
check "--min-level beats MinAlertLevel" "a.txt [Copydesk.Hedge] " \
    "$(r sub --min-level warning a.txt)"
printf '[*]\nBasedOnStyles = Copydesk\n' > "$tmp/other.ini"
printf 'It is expected to end soon.\n' > "$tmp/x.txt"
got=$(cd "$tmp/repo/sub" && $COPYDESK -o line --config "$tmp/other.ini" "$tmp/x.txt" | sed 's/.*\[//')
check "--config FILE replaces the discovered one" "Copydesk.Hedge]" "$got"
printf '[*]\nBasedOnStyles = Copydesk\n[*.txt]\nCopydesk = NO\n' > "$tmp/off.ini"
got=$($COPYDESK -o line --config "$tmp/off.ini" "$tmp/x.txt")
check "Style = NO turns a style off" "" "$got"
printf 'StylesPath = ../styles\n[*]\nBasedOnStyles = House\n' > "$tmp/repo/sub/.copydesk.ini"
check "BasedOnStyles leaves out the styles it does not name; the nearest file wins" \
    "a.txt [House.Soon] " "$(r sub a.txt)"

# config errors name the file and line, exit 2
bad() {	# bad NAME INI-TEXT EXPECTED-STDERR-PART
	printf "$2" > "$tmp/bad.ini"
	err=$($COPYDESK --config "$tmp/bad.ini" "$tmp/x.txt" 2>&1 >/dev/null)
	rc=$?
	case "$rc:$err" in
	2:*"$tmp/bad.ini:$3"*) pass "config error: $1" ;;
	*) fail "config error: $1 (rc $rc: $err)" ;;
	esac
}
bad "bad level" '[*]\nCopydesk.Hedge = sometimes\n' "2: invalid value 'sometimes'"
bad "unknown rule" '\n[*.md]\nHouse.Nope = NO\n' "3: no rule or style named 'House.Nope'"
bad "unknown style" '[*]\nBasedOnStyles = Nope\n' "1: no style named 'Nope'"
bad "unknown key" 'Colour = red\n' "1: unknown key 'Colour'"
bad "unknown style assignment" '[*]\nNope = NO\n' "2: no rule or style named 'Nope'"
bad "no =" 'MinAlertLevel warning\n' "1: expected 'key = value'"
bad "bad section" '[*.md\n' "1: section header"
bad "StylesPath" 'StylesPath = nowhere\n' "1: StylesPath 'nowhere'"
bad "MinAlertLevel" 'MinAlertLevel = loud\n' "1: invalid MinAlertLevel"
bad "too many brace alternatives" \
    '[{a,b,c,d,e,f}{a,b,c,d,e,f}{a,b,c,d,e,f}{a,b,c,d,e,f}]\nCopydesk = NO\n' \
    "1: section '[{a,b,c,d,e,f}"
# a glob of many stars against a long name: each (pattern, name) position
# pair is tried once, so this takes milliseconds, not years
long="$tmp/$(printf 'a%.0s' $(seq 1 120)).txt"
printf 'x\n' > "$long"
printf '[*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b]\nCopydesk = NO\n' > "$tmp/stars.ini"
printf '[*a*{a,b}*a*{a,b}*a*{a,b}*a*{a,b}*a*{a,b}*a*{a,b}*c]\nCopydesk = NO\n' >> "$tmp/stars.ini"
timeout 10 $COPYDESK --config "$tmp/stars.ini" "$long" >/dev/null 2>&1
check "a glob of many stars is matched in bounded time" 0 $?
printf '[*]\nBasedOnStyles = Vale, Copydesk\nVale.Spelling = NO\nVocab = News\n' > "$tmp/vale.ini"
$COPYDESK --config "$tmp/vale.ini" "$tmp/x.txt" >/dev/null 2>&1
check "a .vale.ini's Vale style and keys are accepted" 0 $?
$COPYDESK --config "$tmp/none.ini" "$tmp/x.txt" >/dev/null 2>&1
check "a missing --config file is exit 2" 2 $?
