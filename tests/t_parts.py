#!/usr/bin/env python3
"""t_parts.py: a large plain-text file is checked in parts (doc.h).

With COPYDESK_PART_SIZE set small, a story repeated many times is read in
parts cut at blank lines.  What one part can see alone (hedges, anonymous
sources, quotes) must come out at the same line, column and offset as when
the file is checked whole; every output format must still hold one entry
for the file; a cut inside a huge line must not move any position; memory
must stay at one part's worth however large the file.
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
    return checks.status()


if __name__ == "__main__":
    sys.exit(main())
