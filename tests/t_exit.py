#!/usr/bin/env python3
"""t_exit.py: the exit-status contract, the text summary line and --quiet.

0: nothing at or above the fail level; 1: findings at or above it; 2: usage,
configuration, rule-file or I/O error, with a message on stderr naming the
file.  The status is the same in every output format and with --quiet.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

from testlib import COPYDESK, Checks
FORMATS = ["text", "line", "json", "jsonl", "sarif", "checkstyle", "github",
           "vale"]
WARN = "fixtures/border-order.txt"      # warnings only
ERR = "fixtures/multibyte.txt"          # an error and warnings

checks = Checks("exit")
ok = checks.ok


def run(args, stdin=b""):
    p = subprocess.run([COPYDESK] + args, input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        p.stderr.decode("utf-8", "replace")


def main():
    tmp = tempfile.mkdtemp()
    bad_rules = os.path.join(tmp, "rules", "Bad")
    os.makedirs(bad_rules)
    with open(os.path.join(bad_rules, "Broken.yml"), "w") as f:
        f.write("extends: existence\nmessage: 'x'\ntokens: [unclosed\n")
    clean = ["--stdin-filename", "clean.txt", "-"]
    cases = [
        ("clean draft", clean, 0),
        ("warnings, default fail level error", [WARN], 0),
        ("warnings, --fail-level warning", ["--fail-level", "warning", WARN],
         1),
        ("warnings, --fail-level suggestion",
         ["--fail-level", "suggestion", WARN], 1),
        ("error, default", [ERR], 1),
        ("error, --fail-level none", ["--fail-level", "none", ERR], 0),
        ("warnings hidden by --min-level error",
         ["--min-level", "error", "--fail-level", "warning", WARN], 0),
        ("error in the second file", [WARN, ERR], 1),
        ("the rule disabled", ["--disable", "Copydesk.Repetition", ERR], 0),
    ]
    for label, args, want in cases:
        for fmt in FORMATS:
            rc, out, err = run(["-o", fmt] + args, b"Nothing to see.\n")
            if rc != want or err:
                break
        ok("%s: %d in every format" % (label, want), rc == want and not err,
           "-o %s exit %d, stderr %r" % (fmt, rc, err[:80]))
        rc, out, err = run(["--quiet"] + args, b"Nothing to see.\n")
        ok("%s: %d with --quiet" % (label, want), rc == want,
           "exit %d" % rc)
    errors = [
        ("missing file", [os.path.join(tmp, "nope.txt")], "nope.txt"),
        ("missing file among good ones",
         [WARN, os.path.join(tmp, "nope.txt")], "nope.txt"),
        ("unknown option", ["--frobnicate", WARN], "frobnicate"),
        ("bad --fail-level", ["--fail-level", "loud", WARN], "loud"),
        ("bad --min-level", ["--min-level", "none", WARN], "none"),
        ("unknown output format", ["-o", "yaml", WARN], "yaml"),
        ("unknown rule", ["--disable", "Nope.Rule", WARN], "Nope.Rule"),
        ("broken rule file", ["--rules", os.path.join(tmp, "rules"), WARN],
         "Broken.yml"),
    ]
    for label, args, named in errors:
        rc, out, err = run(["-o", "line"] + args)
        ok("%s: 2, message names %s" % (label, named),
           rc == 2 and named in err and err.startswith("copydesk: "),
           "exit %d, stderr %r" % (rc, err[:100]))
        if "missing" not in label:
            ok("%s: nothing on stdout" % label, out == "", repr(out[:80]))
    # a file that fails does not hide the others' findings, nor their status
    rc, out, err = run(["-o", "line", "--fail-level", "none", WARN,
                        os.path.join(tmp, "nope.txt")])
    ok("read error beats findings: 2", rc == 2 and WARN in out,
       "exit %d" % rc)

    # the summary line: counts as json reports them, plurals right
    summary = re.compile(r"^(\d+) errors?, (\d+) warnings?, (\d+) "
                         r"suggestions? in (\d+) files? \((\d+) quotes?, "
                         r"(\d+) sources?\)$")
    for args in ([WARN], [ERR, WARN], clean):
        rc, out, err = run(args, b"Nothing to see.\n")
        last = out.splitlines()[-1]
        m = summary.match(last)
        rc, js, err = run(["-o", "json"] + args, b"Nothing to see.\n")
        files = json.loads(js)["files"]
        lv = [f["level"] for x in files for f in x["findings"]]
        want = (lv.count("error"), lv.count("warning"),
                lv.count("suggestion"), len(files),
                sum(len(x["quotes"]) for x in files),
                sum(len(x["sources"]) for x in files))
        ok("summary line for %s" % " ".join(args),
           m and tuple(int(g) for g in m.groups()) == want,
           "%r, want %r" % (last, want))
        n = want[0]
        word = lambda k, s: "%d %s%s" % (k, s, "" if k == 1 else "s")
        ok("summary plurals for %s" % " ".join(args),
           last.startswith(word(n, "error") + ", " +
                           word(want[1], "warning")), repr(last))
    rc, out, err = run(["--min-level", "error", WARN])
    ok("summary counts only reported findings",
       out.splitlines()[-1].startswith("0 errors, 0 warnings"),
       repr(out[-80:]))

    # --quiet: the errors and nothing else
    rc, out, err = run(["--quiet", WARN, ERR])
    lines = [l for l in out.splitlines() if l.strip()]
    ok("--quiet prints only errors", rc == 1 and lines and all(
        "error" in l or l in (WARN, ERR) for l in lines) and
       not any("warning" in l for l in lines) and
       not summary.match(lines[-1]), repr(out[:200]))
    rc, out, err = run(["--quiet", WARN])
    ok("--quiet with only warnings prints nothing", rc == 0 and out == "",
       repr(out[:100]))
    return checks.status()


if __name__ == "__main__":
    sys.exit(main())
