#!/bin/sh
# t_hostile.sh: hostile markup is refused or handled in bounded time and
# memory: XML external entities (never read), a billion-laughs entity bomb
# (refused quickly), 10 000 nested HTML elements, 10 000 nested Markdown
# block quotes, an unbalanced attribute quote, invalid UTF-8 inside markup.
COPYDESK=${COPYDESK:-./copydesk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass() { echo "PASS hostile: $1"; }
fail() { echo "FAIL hostile: $1"; }
# run FILE: stdout+stderr to $tmp/out, status in $rc; 10 s and 1 GiB at most
# (AddressSanitizer reserves terabytes of address space: no ulimit -v there)
run() {
	(case ${B:-build} in *asan*) ;; *) ulimit -v 1048576 ;; esac
	 timeout 10 $COPYDESK -o line --fail-level none "$@") >"$tmp/out" 2>&1
	rc=$?
}

# XML external entity: the file must not be read
secret="$tmp/secret.txt"
echo "SECRET-MARKER is expected to leak" > "$secret"
cat > "$tmp/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE doc [ <!ENTITY xxe SYSTEM "file://$secret">
  <!ENTITY net SYSTEM "http://127.0.0.1:9/x.dtd"> ]>
<doc><p>Here &xxe; &net; the vote is expected to slip.</p></doc>
XML
run "$tmp/xxe.xml"
if [ $rc = 0 ] && ! grep -q SECRET "$tmp/out" && grep -q ':4:.*is expected to' "$tmp/out"
then pass "external entities are not loaded"
else fail "external entities (rc $rc): $(head -c 300 "$tmp/out")"; fi

# billion laughs: refused with a clear message, fast
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE lolz ['
	echo '<!ENTITY lol "lol">'
	p=lol
	for i in 1 2 3 4 5 6 7 8 9; do
		printf '<!ENTITY lol%s "' $i
		for j in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' $p; done
		echo '">'
		p=lol$i
	done
	echo ']>'
	echo '<lolz>&lol9;</lolz>'
} > "$tmp/bomb.xml"
start=$(date +%s)
run "$tmp/bomb.xml"
el=$(( $(date +%s) - start ))
if [ $rc = 2 ] && grep -q "bomb.xml:[0-9]*: .*entit" "$tmp/out" && [ $el -le 2 ]
then pass "billion laughs refused in ${el}s"
else fail "billion laughs (rc $rc, ${el}s): $(head -c 300 "$tmp/out")"; fi

# an entity that only names other entities is refused too
printf '<?xml version="1.0"?>\n<!DOCTYPE d [\n<!ENTITY a "x">\n<!ENTITY b "&a;&a;">\n]>\n<d>&b;</d>\n' > "$tmp/nest.xml"
run "$tmp/nest.xml"
if [ $rc = 2 ] && grep -q "nest.xml:[0-9]*: " "$tmp/out"
then pass "nested entity refused: $(head -n 1 "$tmp/out" | cut -c1-60)"
else fail "nested entity (rc $rc): $(cat "$tmp/out")"; fi

# 10 000 nested HTML elements: the text inside is still checked
python3 -c "print('<div><span>' * 5000 + 'It is expected to rain.' + '</span></div>' * 5000)" > "$tmp/deep.html"
run "$tmp/deep.html"
if [ $rc = 0 ] && grep -q 'deep.html:1:55004: .*is expected to' "$tmp/out"
then pass "10000 nested HTML elements"
else fail "10000 nested HTML elements (rc $rc): $(head -c 300 "$tmp/out")"; fi

# 10 000 nested block quotes on one line, and 10 000 lines of 100
python3 -c "print('>' * 10000 + ' It is expected to rain.')" > "$tmp/deep.md"
run "$tmp/deep.md"
if [ $rc = 0 ] && grep -q 'deep.md:1:10005: .*is expected to' "$tmp/out"
then pass "10000 nested Markdown block quotes"
else fail "10000 nested block quotes (rc $rc): $(head -c 300 "$tmp/out")"; fi
python3 -c "
for i in range(10000): print('> ' * 100 + 'It is expected to rain.')" > "$tmp/deep2.md"
run "$tmp/deep2.md"
if [ $rc = 0 ] && [ "$(grep -c 'is expected to' "$tmp/out")" = 10000 ]
then pass "10000 lines of 100 nested block quotes"
else fail "10000 lines of nested block quotes (rc $rc): $(head -c 300 "$tmp/out")"; fi

# 10 000 unclosed HTML tags; an attribute quote that never closes (the
# rest of the file is its value, as in a browser)
python3 -c "print('<b>' * 10000 + '<p>It is expected to rain.</p>' * 1000)" > "$tmp/open.html"
run "$tmp/open.html"
if [ $rc = 0 ] && [ "$(grep -c 'is expected to' "$tmp/out")" = 1000 ]
then pass "10000 unclosed tags"
else fail "unclosed tags (rc $rc): $(head -c 300 "$tmp/out")"; fi
python3 -c "print('<p>It may rain.</p><p title=\"x>' + '<p>It is expected to rain.</p>' * 100000)" > "$tmp/quote.html"
run "$tmp/quote.html"
if [ $rc = 0 ] && [ "$(cat "$tmp/out")" = "$tmp/quote.html:1:7: warning: Hedged claim 'may': is it confirmed, and by whom? [Copydesk.Hedge]" ]
then pass "an unbalanced attribute quote"
else fail "unbalanced attribute quote (rc $rc): $(head -c 300 "$tmp/out")"; fi

# invalid UTF-8 and NUL inside markup keep their positions
printf '<p>\377\000 Caf\351 is <i>expected</i> to open.</p>\n' > "$tmp/bad.html"
run "$tmp/bad.html"
if [ $rc = 0 ] && grep -q 'bad.html:1:12: .*is expected to' "$tmp/out"
then pass "invalid UTF-8 and NUL in HTML"
else fail "invalid UTF-8 in HTML (rc $rc): $(cat "$tmp/out")"; fi
printf 'Caf\351 \000 *is* expected to open.\n' > "$tmp/bad.md"
run "$tmp/bad.md"
if [ $rc = 0 ] && grep -q 'bad.md:1:9: .*is expected to' "$tmp/out"
then pass "invalid UTF-8 and NUL in Markdown"
else fail "invalid UTF-8 in Markdown (rc $rc): $(cat "$tmp/out")"; fi

# malformed XML: a message naming file and line, exit 2
printf '<a>\n<b>text</a>\n' > "$tmp/bad.xml"
run "$tmp/bad.xml"
if [ $rc = 2 ] && grep -q "bad.xml:2: not well-formed XML" "$tmp/out"
then pass "malformed XML is refused with file and line"
else fail "malformed XML (rc $rc): $(cat "$tmp/out")"; fi
