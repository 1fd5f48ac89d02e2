#!/bin/sh
# t_install.sh: 'make install PREFIX=...' into a temporary prefix, from a
# copy of the tree; the installed binary, run from another directory, finds
# its rules and reports what ./copydesk reports; the man page renders and
# lints clean; 'make uninstall' removes every file; DESTDIR stages.
COPYDESK=${COPYDESK:-./copydesk}
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/tree" "$tmp/elsewhere"
cp -R Makefile src rules copydesk.1 "$tmp/tree/"
touch "$tmp/tree/.deps-ok"
mk() {	# a plain make in the copy: nothing inherited from 'make check'
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u B -u BIN -u WERROR -u CFLAGS \
		-u LDFLAGS -u DEFS -u CPPFLAGS make -s -C "$tmp/tree" "$@" \
		>>"$tmp/log" 2>&1
}
if ! mk -j2 install PREFIX="$tmp/prefix"; then
	echo "FAIL install: make install failed"
	tail -n 5 "$tmp/log"
	exit 0
fi
p=$tmp/prefix
for f in bin/copydesk share/copydesk/rules/Copydesk/Hedge.yml \
	share/copydesk/rules/lexicons share/man/man1/copydesk.1; do
	if [ -e "$p/$f" ]; then
		echo "PASS install puts $f"
	else
		echo "FAIL install puts $f: missing"
	fi
done
fx=$top/fixtures/border-order.txt
for fmt in line json sarif; do
	(cd "$tmp/elsewhere" && "$p/bin/copydesk" -o $fmt "$fx") \
		>"$tmp/inst" 2>&1
	(cd "$tmp/elsewhere" && "$top/$COPYDESK" -o $fmt "$fx") \
		>"$tmp/tree.out" 2>&1
	if [ -s "$tmp/tree.out" ] && cmp -s "$tmp/inst" "$tmp/tree.out"; then
		echo "PASS install same findings -o $fmt"
	else
		echo "FAIL install same findings -o $fmt: output differs"
		diff "$tmp/tree.out" "$tmp/inst" | head -n 5
	fi
done
(cd "$tmp/elsewhere" && "$p/bin/copydesk" --list-rules) >"$tmp/inst"
"$COPYDESK" --list-rules >"$tmp/tree.out"
if cmp -s "$tmp/inst" "$tmp/tree.out"; then
	echo "PASS install loads the installed rules"
else
	echo "FAIL install loads the installed rules: --list-rules differs"
fi
if ! command -v man >/dev/null; then
	echo "SKIP install man -l: no man here"
elif MANPAGER=cat man -l "$p/share/man/man1/copydesk.1" 2>"$tmp/man.err" |
	grep -q "EXIT STATUS" && [ ! -s "$tmp/man.err" ]; then
	echo "PASS install man -l renders"
else
	echo "FAIL install man -l renders: $(head -n 1 "$tmp/man.err")"
fi
if command -v mandoc >/dev/null; then
	if mandoc -T lint "$p/share/man/man1/copydesk.1" >"$tmp/lint" 2>&1; then
		echo "PASS install mandoc -T lint"
	else
		echo "FAIL install mandoc -T lint: $(head -n 1 "$tmp/lint")"
	fi
fi
mk uninstall PREFIX="$p"
left=$(find "$p" -type f | head -n 3)
if [ -z "$left" ]; then
	echo "PASS uninstall removes every file"
else
	echo "FAIL uninstall removes every file: left $left"
fi
mk install PREFIX=/opt/copydesk DESTDIR="$tmp/stage"
if [ -x "$tmp/stage/opt/copydesk/bin/copydesk" ] &&
	[ -f "$tmp/stage/opt/copydesk/share/copydesk/rules/Copydesk/Hedge.yml" ] &&
	grep -qa /opt/copydesk/share/copydesk/rules \
		"$tmp/stage/opt/copydesk/bin/copydesk"; then
	echo "PASS install DESTDIR stages, binary looks in PREFIX"
else
	echo "FAIL install DESTDIR stages, binary looks in PREFIX"
fi
