#!/usr/bin/env python3
"""t_positions.py: every finding and quote of every fixture points at its
text in the original file.

For each fixture (and the public eval articles when ../shared/eval exists),
runs copydesk -o json and checks, for every finding and quote:
- slicing the source bytes at offset/length, removing markup (tags, Markdown
  emphasis, escapes) and decoding entities gives back `match` (or the quote
  text), with whitespace folded;
- line and column are those of the offset (columns count code points), and
  end_line/end_column those of offset + length.
It also generates a 70 000-line HTML file (past libxml2's 65 535-line cap)
and checks the line numbers of findings near its end.
"""
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile

tool = os.environ.get("COPYDESK", "./copydesk")
fails = 0


def report(ok, what):
    global fails
    print("%s positions: %s" % ("PASS" if ok else "FAIL", what))
    if not ok:
        fails += 1


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def clean(raw, fmt):
    s = raw
    if fmt in ("html", "xml"):
        s = s.replace("<![CDATA[", "").replace("]]>", "")
        s = re.sub(r"<!--.*?-->", "", s, flags=re.S)
        s = re.sub(r"<[^>]*>", "", s)
        s = html.unescape(s)
    elif fmt == "md":
        s = re.sub(r"\n[ \t]*(?:>[ \t]?)*", "\n", s)   # block-quote prefixes
        s = re.sub(r"\]\([^)]*\)", "", s)                # link destinations
        s = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)    # escapes
        s = re.sub(r"[*_\[\]`]", "", s)
        s = html.unescape(s)
    return fold(s)


def linecol(src, off):
    line = src.count(b"\n", 0, off) + 1
    start = src.rfind(b"\n", 0, off) + 1
    col = len(src[start:off].decode("utf-8", "replace")) + 1
    return line, col


def fmt_of(path):
    ext = path.rsplit(".", 1)[-1].lower()
    return {"md": "md", "markdown": "md", "html": "html", "htm": "html",
            "xml": "xml"}.get(ext, "txt")


def check_file(path, label=None):
    label = label or path
    src = open(path, "rb").read()
    fmt = fmt_of(path)
    p = subprocess.run([tool, "-o", "json", "--fail-level", "none", path],
                       capture_output=True)
    if p.returncode != 0:
        report(False, "%s: exit %d: %s" % (label, p.returncode,
                                            p.stderr.decode()[:200]))
        return None
    doc = json.loads(p.stdout)["files"][0]
    bad = []
    for f in doc["findings"]:
        o, n = f["offset"], f["length"]
        got = clean(src[o:o + n].decode("utf-8", "replace"), fmt)
        if got != fold(f["match"]):
            bad.append("%s at %d: source %r, match %r" % (f["rule"], o, got,
                                                           f["match"]))
        if (f["line"], f["column"]) != linecol(src, o):
            bad.append("%s at %d: line/col %d:%d, want %d:%d" % (
                f["rule"], o, f["line"], f["column"], *linecol(src, o)))
        if (f["end_line"], f["end_column"]) != linecol(src, o + n):
            bad.append("%s at %d: end %d:%d, want %d:%d" % (
                f["rule"], o, f["end_line"], f["end_column"],
                *linecol(src, o + n)))
    for q in doc["quotes"]:
        o, n = q["offset"], q["length"]
        got = clean(src[o:o + n].decode("utf-8", "replace"), fmt)
        if got != fold(q["text"]):
            bad.append("quote at %d: source %r, text %r" % (o, got, q["text"]))
        if (q["line"], q["column"]) != linecol(src, o):
            bad.append("quote at %d: line/col %d:%d, want %d:%d" % (
                o, q["line"], q["column"], *linecol(src, o)))
    report(not bad, "%s: %d findings, %d quotes map back%s" % (
        label, len(doc["findings"]), len(doc["quotes"]),
        "" if not bad else ": " + "; ".join(bad[:3])))
    return doc


paths = sorted(glob.glob("fixtures/*.*"))
paths = [p for p in paths if not p.endswith(".args")]
paths += sorted(glob.glob("../shared/eval/*.md") +
                glob.glob("../shared/eval/*.html") +
                glob.glob("../shared/eval/*.txt"))
for path in paths:
    check_file(path)

# 70 000 lines of HTML: libxml2 caps its line numbers at 65 535.
with tempfile.TemporaryDirectory() as tmp:
    big = os.path.join(tmp, "big.html")
    with open(big, "w", encoding="utf-8") as out:
        out.write("<html><body>\n")
        for i in range(1, 70000 - 3):
            if i % 10000 == 0 or i == 69990:
                out.write("<p>Line %d: the caf&eacute; is <em>expected</em> "
                          "to &ldquo;reopen&rdquo; 🎉.</p>\n" % i)
            else:
                out.write("<p>Line %d of filler text.</p>\n" % i)
        out.write("</body></html>\n")
    doc = check_file(big, "generated 70000-line HTML")
    if doc is not None:
        lines = [f["line"] for f in doc["findings"]
                 if f["rule"] == "Copydesk.Hedge"]
        report(len(lines) == 7 and lines[-1] == 69991,
               "70000-line HTML: hedges on lines %s" % lines[-3:])

sys.exit(0)
