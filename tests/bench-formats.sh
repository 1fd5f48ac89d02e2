#!/bin/sh
# bench-formats.sh: throughput of copydesk on the Wikinews corpus rendered
# as plain text, Markdown and HTML (~50 MB each), in MB/s.  A benchmark,
# not a test.  Usage: tests/bench-formats.sh [CORPUS] [MB]
COPYDESK=${COPYDESK:-./copydesk}
corpus=${1:-../shared/corpus/wikinews/wikinews.txt}
mb=${2:-50}
[ -f "$corpus" ] || { echo "bench-formats: no corpus at $corpus" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$corpus" "$tmp" "$mb" <<'PY'
import html, sys
src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
paras = [p.strip() for p in open(src, encoding="utf-8").read().split("\n\n") if p.strip()]
target = mb * 1000 * 1000
with open(out + "/c.txt", "w", encoding="utf-8") as t, \
     open(out + "/c.md", "w", encoding="utf-8") as m, \
     open(out + "/c.html", "w", encoding="utf-8") as h:
    h.write("<!DOCTYPE html>\n<html><body>\n")
    size, i = 0, 0
    while size < target:
        p = paras[i % len(paras)]
        words = p.split(" ")
        if i % 7 == 0 and len(words) > 6:   # some inline markup
            words[3] = "*" + words[3] + "*"
        md = " ".join(words)
        hp = html.escape(p, quote=False).replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;")
        if i % 20 == 0:
            m.write("## " + p[:60].replace("\n", " ") + "\n\n")
            h.write("<h2>" + html.escape(p[:60]) + "</h2>\n")
        t.write(p + "\n\n")
        m.write(md + "\n\n")
        h.write("<p>" + hp.replace("\n", " ") + "</p>\n")
        size += len(p.encode()) + 2
        i += 1
    h.write("</body></html>\n")
PY
for f in c.txt c.md c.html; do
	bytes=$(wc -c < "$tmp/$f")
	start=$(date +%s.%N)
	$COPYDESK -o json --fail-level none "$tmp/$f" > /dev/null
	end=$(date +%s.%N)
	echo "$f $bytes $start $end" | awk '{ s = $4 - $3; printf "%-7s %6.1f MB in %5.2f s: %6.1f MB/s\n", $1, $2 / 1e6, s, $2 / 1e6 / s }'
done
