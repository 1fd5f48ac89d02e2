#!/usr/bin/env python3
"""Sanity-check the gold files in this folder against their articles.

Every hedge context, quote and inconsistency span must be an exact substring of
the article text (for .html: tags stripped, entities decoded); hedge contexts
must contain their cue, be 10-80 characters and occur exactly once.
Run: python3 tests/eval/verify.py
"""
import glob, html, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def article_text(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith((".html", ".htm")):
        text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return text


def main():
    errors = 0
    for gpath in sorted(glob.glob(os.path.join(HERE, "*.gold.json"))):
        gold = json.load(open(gpath, encoding="utf-8"))
        apath = os.path.join(HERE, gold["article"])
        text = article_text(apath)
        name = gold["article"]
        def bad(msg):
            nonlocal errors
            errors += 1
            print("%s: %s" % (name, msg))
        for h in gold["hedges"]:
            c = h["context"]
            if h["cue"] not in c:
                bad("cue %r not in context %r" % (h["cue"], c))
            if not 10 <= len(c) <= 80:
                bad("context length %d: %r" % (len(c), c))
            n = text.count(c)
            if n != 1:
                bad("context occurs %d times: %r" % (n, c))
        for q in gold["quotes"]:
            if q["quote"] not in text:
                bad("quote not found: %r" % q["quote"])
            if q["kind"] == "none" and q["speaker"] is not None:
                bad("kind none with a speaker: %r" % q["quote"])
        names = {s["name"] for s in gold["sources"]}
        for q in gold["quotes"]:
            if q["kind"] in ("named", "anonymous") and q["speaker"] not in names:
                bad("speaker %r is not a listed source" % q["speaker"])
        for i in gold["inconsistencies"]:
            if i["span"] not in text:
                bad("span not found: %r" % i["span"])
        print("%-10s words~%d hedges %d quotes %d sources %d inconsistencies %d" % (
            name, len(re.findall(r"\w+", text)), len(gold["hedges"]), len(gold["quotes"]),
            len(gold["sources"]), len(gold["inconsistencies"])))
    print("errors:", errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
