#!/usr/bin/env python3
"""t_parts.py: a large plain-text, Markdown or HTML file is checked in parts.

With COPYDESK_PART_SIZE set small, a story repeated many times is read in
parts cut at blank lines.  What one part can see alone (hedges, anonymous
sources, quotes) must come out at the same line, column and offset as when
the file is checked whole; every output format must still hold one entry
for the file; a cut inside a huge line must not move any position; memory
must stay at one part's worth however large the file.  Markdown and HTML
are cut only where each part strips as the whole file does (strip_cuts.h):
never inside fenced code, <pre> or a suppression comment's region.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.dom.minidom

from testlib import COPYDESK, Checks

checks = Checks("parts")
ok = checks.ok
LOCAL = ("Copydesk.Hedge", "Copydesk.AnonymousSource")

STORY = (
    "The council is expected to vote on the plan as early as Tuesday, two "
    "officials familiar with the talks said.\n\n"
    "\u201cWe will not wait,\u201d Mayor Ana Pe\u00f1a said. \u201cThe "
    "money is there.\u201d\n\n"
    "The deal could still be made, according to a person briefed on the "
    "plan, who reportedly asked not to be named.\n\n")


# checks that compare one place in a file with another: they see one part
DISTANT = ("Copydesk.NoAnonymityReason", "Copydesk.QuoteMismatch",
           "Copydesk.AmbiguousSpeaker", "Copydesk.UnattributedQuote",
           "Copydesk.DateConflict", "Copydesk.NameVariant",
           "Copydesk.NumberConflict")
SPAN = "The plan is reportedly expected to pass, a source said.\n\n"


def markdown(n):
    """A Markdown archive: n stories, then fenced code, a suppressed region
    and a reference definition, each longer than the part size."""
    story = ("## The [council][c] vote\n\n" + STORY +
             "- an item that is expected to pass\n\n  still the item, "
             "reportedly\n\n> A quote block, reportedly.\n>\n> More.\n\n")
    code = "```\n" + SPAN * 200 + "```\n\n"
    supp = "<!-- copydesk off -->\n\n" + SPAN * 200 + "<!-- copydesk on -->\n\n"
    text = ("---\ntitle: Archive\n\nauthor: x\n---\n\n" + story * n + code +
            story * 20 + supp + story * n + "[c]: https://example.com/c\n")
    return text, [(text.index(code), len(code)), (text.index(supp), len(supp))]


def html(n):
    """The same in HTML: <pre> with blank lines and tags, a suppressed region."""
    story = ("<h2>The council vote</h2>\n<p>" +
             STORY.strip().replace("\n\n", "</p>\n<p>") +
             "</p>\n<ul>\n<li>an item, reportedly</li>\n</ul>\n")
    pre = "<pre>\n" + (SPAN + "<p>not a block</p>\n") * 100 + "</pre>\n"
    supp = ("<!-- copydesk off -->\n" + ("<p>" + SPAN.strip() + "</p>\n") * 100 +
            "<!-- copydesk on -->\n")
    text = ("<!DOCTYPE html>\n<html><head><title>Archive</title>\n<style>\n"
            "p { margin: 0 }\n</style></head>\n<body>\n" + story * n + pre +
            story * 20 + supp + story * n + "</body></html>\n")
    return text, [(text.index(pre), len(pre)), (text.index(supp), len(supp))]


def near(findings):
    return sorted((f["rule"], f["line"], f["column"], f["end_line"],
                   f["end_column"], f["offset"], f["length"])
                  for f in findings if f["rule"] not in DISTANT)


def check_markup(tmp, name, make):
    """Markdown or HTML in parts: as a whole read, and not cut inside."""
    path = os.path.join(tmp, name)
    text, spans = make(150)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    base = ["-o", "json", "--fail-level", "none"]
    rc_w, out_w, _ = run(base + [path])
    rc_p, out_p, err_p = run(base + ["-j", "1", path], part=4096)
    rc_2, out_2, _ = run(base + ["-j", "2", path], part=4096)
    whole = json.loads(out_w)["files"][0]
    parts = json.loads(out_p)["files"][0]
    ok(name + ": findings keep line, column and offset",
       near(whole["findings"]) == near(parts["findings"]) and
       len(near(parts["findings"])) > 1000 and not err_p,
       "%d whole, %d in parts, stderr %r" % (
           len(near(whole["findings"])), len(near(parts["findings"])),
           err_p[:80]))
    ok(name + ": quotes keep their text, position and speaker",
       quotes(whole["quotes"]) == quotes(parts["quotes"]) and
       len(parts["quotes"]) == 2 * (2 * 150 + 20),
       "%d whole, %d in parts" % (len(whole["quotes"]),
                                  len(parts["quotes"])))
    ok(name + ": -j 2 writes what -j 1 writes",
       out_2 == out_p and rc_2 == rc_p == rc_w)
    # characters, not bytes: the story has non-ASCII letters
    cuts = [(len(text[:a].encode("utf-8")),
             len(text[:a + n].encode("utf-8"))) for a, n in spans]
    inside = [f for f in parts["findings"]
              if any(a <= f["offset"] < b for a, b in cuts)]
    ok(name + ": no cut inside code or a suppressed region",
       not inside, "%d findings inside, first %r" % (
           len(inside), inside[:1]))
    # a whole read needs more memory than the cap; the parts do not
    cap = {"COPYDESK_MAX_DOC_MEMORY": "1200000"}
    rc_c, _, err_c = run(base + [path], part=4096, env_extra=cap)
    rc_n, _, err_n = run(base + [path], env_extra=cap)
    ok(name + ": read in parts (the whole file is over the memory cap)",
       rc_c == 0 and not err_c and rc_n == 2,
       "parts: exit %d %r; whole: exit %d" % (rc_c, err_c[:80], rc_n))


def run(args, part=None, env_extra=None):
    env = dict(os.environ)
    if part is not None:
        env["COPYDESK_PART_SIZE"] = str(part)
    env.update(env_extra or {})
    p = subprocess.run([COPYDESK] + args, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def local(findings):
    return sorted((f["rule"], f["line"], f["column"], f["end_line"],
                   f["end_column"], f["offset"], f["length"])
                  for f in findings if f["rule"] in LOCAL)


def quotes(qs):
    return [(q["text"], q["line"], q["column"], q["offset"], q["speaker"])
            for q in qs]


def peak_rss(args, part=None):
    env = dict(os.environ)
    if part is not None:
        env["COPYDESK_PART_SIZE"] = str(part)
    p = subprocess.Popen([COPYDESK] + args, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    return ru.ru_maxrss, os.waitstatus_to_exitcode(status)


def main():
    tmp = tempfile.mkdtemp()
    big = os.path.join(tmp, "archive.txt")
    with open(big, "w", encoding="utf-8") as f:
        f.write(STORY * 150)            # ~60 KB, 450 paragraphs
    base = ["-o", "json", "--fail-level", "none"]

    rc_w, out_w, _ = run(base + [big])
    rc_p, out_p, err_p = run(base + [big], part=4096)
    whole = json.loads(out_w)["files"]
    parts = json.loads(out_p)["files"]
    ok("one JSON entry for a file read in parts",
       len(parts) == 1 and parts[0]["path"] == big and not err_p,
       "%d entries, stderr %r" % (len(parts), err_p[:80]))
    ok("hedges and anonymous sources keep line, column and offset",
       local(whole[0]["findings"]) == local(parts[0]["findings"]) and
       len(local(parts[0]["findings"])) >= 600,
       "%d whole, %d in parts" % (len(local(whole[0]["findings"])),
                                  len(local(parts[0]["findings"]))))
    ok("quotes keep their text, position and speaker",
       quotes(whole[0]["quotes"]) == quotes(parts[0]["quotes"]) and
       len(parts[0]["quotes"]) == 300,
       "%d whole, %d in parts" % (len(whole[0]["quotes"]),
                                  len(parts[0]["quotes"])))
    ok("the same exit status", rc_w == rc_p, "%d, %d" % (rc_w, rc_p))

    # every format: one well-formed document, the file once
    two = [big, "fixtures/attribution.txt"]
    rc, out, _ = run(["-o", "sarif"] + two, part=4096)
    runs = json.loads(out)["runs"][0]["results"]
    ok("SARIF is well formed", len(runs) > 600)
    rc, out, _ = run(["-o", "checkstyle"] + two, part=4096)
    files = xml.dom.minidom.parseString(out).getElementsByTagName("file")
    ok("checkstyle has one <file> a file",
       [x.getAttribute("name") for x in files] == two)
    rc, out, _ = run(["-o", "vale"] + two, part=4096)
    ok("vale has one key a file", list(json.loads(out).keys()) == two)
    rc, out, _ = run(["-o", "jsonl", big], part=4096)
    lines = [json.loads(x) for x in out.splitlines()]
    ok("jsonl lines carry the file's offsets",
       local(lines) == local(whole[0]["findings"]))
    rc, out, _ = run(["-o", "text", big], part=4096)
    ok("text names the file once and counts it once",
       out.count(big + "\n") == 1 and " in 1 file " in out,
       out[-200:])
    rc1, out1, _ = run(base + ["-j", "1", big, big], part=4096)
    rc2, out2, _ = run(base + ["-j", "2", big, big], part=4096)
    ok("-j 2 writes what -j 1 writes", out1 == out2 and rc1 == rc2)

    # a huge line cut between words: no position moves
    line = os.path.join(tmp, "line.txt")
    with open(line, "w", encoding="utf-8") as f:
        f.write("Le caf\u00e9 \u00abferm\u00e9\u00bb is expected to reopen; "
                "it reportedly will. " * 400 + "\n")
    _, out_w, _ = run(base + [line])
    _, out_p, _ = run(base + [line], part=1000)
    w, p = (local(json.loads(o)["files"][0]["findings"])
            for o in (out_w, out_p))
    ok("a cut inside a huge line keeps every position",
       set(p) <= set(w) and len(p) >= len(w) - 30 and len(p) > 700,
       "%d of %d" % (len(p), len(w)))

    # a part over the memory cap fails alone; the output stays whole
    rc, out, err = run(base + [big, "fixtures/attribution.txt"], part=20000,
                       env_extra={"COPYDESK_MAX_DOC_MEMORY": "300000"})
    docs = json.loads(out)["files"]
    ok("a part over the memory cap: message, exit 2, well-formed output",
       rc == 2 and "cannot check" in err and len(docs) == 2,
       "exit %d, %r" % (rc, err[:100]))

    check_markup(tmp, "archive.md", markdown)
    check_markup(tmp, "archive.html", html)

    # memory stays at one part's worth: 8 parts peak like 2
    if os.environ.get("PATHO_SCALE", "1") == "1":
        small = os.path.join(tmp, "small.txt")
        large = os.path.join(tmp, "large.txt")
        text = STORY * 9000             # ~3.6 MB
        with open(small, "w", encoding="utf-8") as f:
            f.write(text * 1)
        with open(large, "w", encoding="utf-8") as f:
            f.write(text * 4)
        # -j 1: with more workers the parts in flight depend on timing
        r1, c1 = peak_rss(base + ["-j", "1", small], part=1 << 20)
        r2, c2 = peak_rss(base + ["-j", "1", large], part=1 << 20)
        ok("peak RSS does not grow with the file (4x the file, parts)",
           c1 == 0 and c2 == 0 and r2 < 1.3 * r1,
           "%d KB for %d MB, %d KB for %d MB" % (
               r1, len(text) >> 20, r2, (4 * len(text)) >> 20))
        text = markdown(3700)[0]        # ~3.5 MB
        with open(small + ".md", "w", encoding="utf-8") as f:
            f.write(text)
        with open(large + ".md", "w", encoding="utf-8") as f:
            f.write(text * 4)
        r1, c1 = peak_rss(base + ["-j", "1", small + ".md"], part=1 << 20)
        r2, c2 = peak_rss(base + ["-j", "1", large + ".md"], part=1 << 20)
        ok("Markdown: peak RSS does not grow with the file (4x the file)",
           c1 == 0 and c2 == 0 and r2 < 1.3 * r1,
           "%d KB for %d MB, %d KB for %d MB" % (
               r1, len(text) >> 20, r2, (4 * len(text)) >> 20))
    return checks.status()


if __name__ == "__main__":
    sys.exit(main())
