#!/usr/bin/env python3
"""t_formats.py: the output formats against one another and their consumers.

Every format reports the same findings as -o json; checkstyle is well-formed
(xmllint) for hostile messages and drafts; GitHub workflow commands escape
% CR LF : and ,; the vale format has Vale's shape and its spans pick out the
match in multi-byte lines; SARIF names every loaded rule and, where
sarif-multitool is installed (.ci/run does it), passes its validator.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from testlib import COPYDESK, Checks
B = os.environ.get("B", "build")
FIXTURES = ["fixtures/border-order.txt", "fixtures/multibyte.txt"]

HOSTILE_RULE = r'''extends: existence
message: "100%% odd: '%s', said <b>\"x\"</b> & co;\r\nnext\ttab\x01bell"
level: error
link: "https://example.com/rules?a=1&b=<2>"
description: "Flags odd things, <i>&amp;</i> \"quoted\""
nonword: true
tokens:
  - 'odd.thing'
'''
HOSTILE_DRAFT = (b"It reportedly went odd\x01thing and odd\xffthing, "
                 b"\xe2\x80\x9cquoted & <tagged>\xe2\x80\x9d odd\xc3\xa9thing\r\n"
                 b"then %0A odd:thing, here.\n")

checks = Checks("formats")
ok = checks.ok


def run(args, stdin=None, cwd=None):
    p = subprocess.run([COPYDESK] + args, input=stdin, cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr


def key(f):
    return (f["rule"], f["line"], f["column"], f["end_line"],
            f["end_column"], f["message"])


def json_findings(args):
    rc, out, err = run(["-o", "json"] + args)
    doc = json.loads(out)
    return [(x["path"], f) for x in doc["files"] for f in x["findings"]]


def unescape_gh(s):
    return (s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


def check_all(label, args, stdin=None):
    """Each format against json: same findings, same order."""
    rc, out, err = run(["-o", "json"] + args, stdin)
    want = [(x["path"], f) for x in json.loads(out)["files"]
            for f in x["findings"]]
    ok(label + " has findings", len(want) > 0, "none")

    rc, out, err = run(["-o", "jsonl"] + args, stdin)
    lines = out.decode("utf-8").splitlines()
    got = [json.loads(l) for l in lines]
    ok(label + " jsonl", [(g["path"], key(g)) for g in got] ==
       [(p, key(f)) for p, f in want], "findings differ from json")

    rc, out, err = run(["-o", "line"] + args, stdin)
    got = out.decode("utf-8").splitlines()
    exp = ["%s:%d:%d: %s: %s [%s]" % (p, f["line"], f["column"], f["level"],
                                       f["message"], f["rule"])
           for p, f in want]
    ok(label + " line", got == exp or "\r" in out.decode() or
       "\n" in "".join(f["message"] for _, f in want),
       "lines differ from json")

    rc, out, err = run(["-o", "github"] + args, stdin)
    text = out.decode("utf-8")
    ok(label + " github one line each", text.count("\n") == len(want),
       "%d lines for %d findings" % (text.count("\n"), len(want)))
    cmd = re.compile(r"^::(error|warning|notice) file=([^,:]*),line=(\d+),"
                     r"col=(\d+),endLine=(\d+),endColumn=(\d+),"
                     r"title=([^,:]*)::(.*)$")
    got = []
    for l in text.split("\n")[:-1]:
        m = cmd.match(l)
        if not m or "\r" in l:
            got.append(None)
            continue
        lvl = {"notice": "suggestion"}.get(m.group(1), m.group(1))
        got.append((unescape_gh(m.group(2)), lvl, int(m.group(3)),
                    int(m.group(4)), int(m.group(5)), int(m.group(6)),
                    unescape_gh(m.group(7)), unescape_gh(m.group(8))))
    exp = [(p, f["level"], f["line"], f["column"], f["end_line"],
            f["end_column"], f["rule"], f["message"]) for p, f in want]
    ok(label + " github round trip", got == exp,
       "unescaped commands differ from json")

    rc, out, err = run(["-o", "checkstyle"] + args, stdin)
    x = subprocess.run(["xmllint", "--noout", "-"], input=out,
                       stderr=subprocess.PIPE)
    ok(label + " checkstyle xmllint", x.returncode == 0,
       x.stderr.decode("utf-8", "replace")[:200])
    root = ET.fromstring(out)
    got = [(fe.get("name"), e.get("source"), int(e.get("line")),
            int(e.get("column")), e.get("severity"), e.get("message"))
           for fe in root.iter("file") for e in fe.iter("error")]
    sev = {"suggestion": "info"}
    exp = [(p, f["rule"], f["line"], f["column"],
            sev.get(f["level"], f["level"]),
            f["message"].replace("\r\n", "\n").replace("\r", "\n"))
           for p, f in want]
    # XML normalises a raw CR; control characters become U+FFFD
    exp = [e[:5] + (re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd",
                           e[5]),) for e in exp]
    got = [g[:5] + (g[5].replace("\r\n", "\n").replace("\r", "\n"),)
           for g in got]
    ok(label + " checkstyle", got == exp, "errors differ from json")

    rc, out, err = run(["-o", "vale"] + args, stdin)
    v = json.loads(out)
    got = []
    shape = True
    for path, alerts in v.items():
        for a in alerts:
            shape = shape and list(a.keys()) == [
                "Action", "Span", "Check", "Description", "Link", "Message",
                "Severity", "Match", "Line"] and \
                list(a["Action"].keys()) == ["Name", "Params"] and \
                len(a["Span"]) == 2 and a["Span"][0] <= a["Span"][1]
            got.append((path, a["Check"], a["Line"], a["Span"][0],
                        a["Message"], a["Severity"]))
    ok(label + " vale shape", shape, "keys or Span not as Vale writes them")
    exp = [(p, f["rule"], f["line"], f["column"], f["message"], f["level"])
           for p, f in want]
    ok(label + " vale", got == exp, "alerts differ from json")

    rc, out, err = run(["-o", "sarif"] + args, stdin)
    s = json.loads(out)
    res = s["runs"][0]["results"]
    rules = s["runs"][0]["tool"]["driver"]["rules"]
    got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]
            ["startLine"], r["message"]["text"]) for r in res]
    exp = [(f["rule"], f["line"], f["message"]) for p, f in want]
    ok(label + " sarif", got == exp, "results differ from json")
    ok(label + " sarif ruleIndex",
       all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in res),
       "a ruleIndex points at another rule")
    return want


def main():
    tmp = tempfile.mkdtemp()
    try:
        for fx in FIXTURES:
            check_all(os.path.basename(fx), [fx])
        check_all("two files", FIXTURES)
        # hostile messages and draft bytes
        os.makedirs(os.path.join(tmp, "rules", "Hostile"))
        with open(os.path.join(tmp, "rules", "Hostile", "Odd.yml"), "w") as f:
            f.write(HOSTILE_RULE)
        draft = os.path.join(tmp, "hostile, draft: 100%.txt")
        with open(draft, "wb") as f:
            f.write(HOSTILE_DRAFT)
        hostile = ["--rules", os.path.join(tmp, "rules"), draft]
        want = check_all("hostile", hostile)
        ok("hostile rule fired", sum(f["rule"] == "Hostile.Odd"
                                     for _, f in want) >= 3,
           "Hostile.Odd found %d times" %
           sum(f["rule"] == "Hostile.Odd" for _, f in want))
        rc, out, err = run(["-o", "github"] + hostile)
        line = [l for l in out.decode().split("\n") if "Hostile.Odd" in l][0]
        ok("github escapes property", "file=" + tmp.replace(":", "%3A")
           .replace(",", "%2C") + "/hostile%2C draft%3A 100%25.txt," in line,
           line[:120])
        ok("github escapes message",
           "::100%25 odd: 'odd" in line and "co;%0D%0Anext\ttab\x01bell"
           in line, line)
        # stdin with a name, every format
        with open(FIXTURES[1], "rb") as f:
            data = f.read()
        for fmt in ["text", "line", "json", "jsonl", "sarif", "checkstyle",
                    "github", "vale"]:
            rc, a, err = run(["-o", fmt, "--stdin-filename",
                              "stories/multibyte.txt", "-"], data)
            rc2, b, err2 = run(["-o", fmt, FIXTURES[1]])
            b = b.replace(FIXTURES[1].encode(), b"stories/multibyte.txt")
            ok("stdin " + fmt, a == b and rc == rc2,
               "stdin output differs from the file's")
        # vale spans pick the match out of the line, counting code points
        rc, out, err = run(["-o", "vale", FIXTURES[1]])
        lines = open(FIXTURES[1], encoding="utf-8",
                     errors="replace").read().split("\n")
        good = True
        for a in json.loads(out)[FIXTURES[1]]:
            s, e = a["Span"]
            if lines[a["Line"] - 1][s - 1:e] != a["Match"]:
                good = False
                print("  span %r picks %r, match %r" %
                      (a["Span"], lines[a["Line"] - 1][s - 1:e], a["Match"]))
        ok("vale span arithmetic on multi-byte text", good, "see above")
        # SARIF: every loaded rule, uri relative to the working directory
        rc, out, err = run(["--list-rules"])
        ids = [l.split()[0] for l in out.decode().splitlines()]
        rc, out, err = run(["-o", "sarif", os.path.abspath(FIXTURES[0])])
        s = json.loads(out)
        drv = s["runs"][0]["tool"]["driver"]
        ok("sarif rules", [r["id"] for r in drv["rules"]] == ids,
           "rules differ from --list-rules")
        ok("sarif rule fields", all(
            "shortDescription" in r and r["defaultConfiguration"]["level"]
            in ("note", "warning", "error") for r in drv["rules"]),
           "a rule lacks shortDescription or defaultConfiguration.level")
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"] for r in s["runs"][0]["results"]}
        ok("sarif relative uri", uris == {FIXTURES[0]}, repr(uris))
        rc, out, err = run(["-o", "sarif", os.path.abspath(FIXTURES[0])],
                           cwd=tmp)
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"] for r in json.loads(out)["runs"][0]["results"]}
        ok("sarif uri outside the working directory",
           uris == {"file://" + os.path.abspath(FIXTURES[0])}, repr(uris))
        rc, out, err = run(["-o", "sarif", "--disable", "Copydesk.Hedge",
                            FIXTURES[0]])
        drv = json.loads(out)["runs"][0]["tool"]["driver"]
        hedge = [r for r in drv["rules"] if r["id"] == "Copydesk.Hedge"][0]
        ok("sarif disabled rule", hedge["defaultConfiguration"].get(
            "enabled") is False, repr(hedge["defaultConfiguration"]))
        validate(tmp, hostile)
    finally:
        shutil.rmtree(tmp)
    return checks.status()


def validate(tmp, hostile):
    """sarif-multitool exits 0 even on errors: read its messages."""
    tool = shutil.which("sarif-multitool")
    for d in (B, "build"):
        t = os.path.join(d, "npm", "node_modules", ".bin", "sarif-multitool")
        if os.access(t, os.X_OK):
            tool = t
    if tool is None:
        print("SKIP formats sarif-multitool: not installed (.ci/run installs"
              " it: npm install --prefix build/npm @microsoft/sarif-multitool)")
        return
    for label, args in [("fixtures", FIXTURES), ("hostile", hostile),
                        ("no findings", ["--disable", "Copydesk",
                                         FIXTURES[0]])]:
        path = os.path.join(tmp, "out.sarif")
        rc, out, err = run(["-o", "sarif"] + args)
        with open(path, "wb") as f:
            f.write(out)
        v = subprocess.run([tool, "validate", path], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        text = v.stdout.decode("utf-8", "replace")
        errors = [l for l in text.splitlines() if re.search(
            r": (error|warning) [A-Z]+[0-9]+:", l)]
        ok("sarif-multitool " + label, v.returncode == 0 and not errors and
           "Analysis completed successfully" in text,
           (errors or [text.strip()[-200:]])[0])


if __name__ == "__main__":
    sys.exit(main())
