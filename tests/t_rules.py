#!/usr/bin/env python3
"""t_rules.py: per-rule cases in tests/rules/*.test.

Format (blank-line separated groups, '#' comments):
    RULE.ID
    one input line (a sentence or two)
    COL RULE.ID        one line per expected finding of that rule, or %%NONE

Only findings of the named rule are compared.  Every rule file under
rules/ must have at least one positive and one negative case.
"""
import glob
import os
import subprocess
import sys

tool = os.environ.get("COPYDESK", "./copydesk")
seen_pos, seen_neg = set(), set()
fails = 0


def run(rule, text):
    p = subprocess.run([tool, "-o", "line", "--fail-level", "none",
                        "--stdin-filename", "case.txt", "-"],
                       input=text.encode(), capture_output=True)
    if p.returncode != 0:
        return None, p.stderr.decode()
    cols = []
    for line in p.stdout.decode().splitlines():
        if line.endswith("[%s]" % rule):
            cols.append("%s %s" % (line.split(":")[2], rule))
    return cols, None


for path in sorted(glob.glob("tests/rules/*.test")):
    groups, cur = [], []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#"):
            continue
        if line.strip() == "":
            if cur:
                groups.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        groups.append(cur)
    for g in groups:
        rule, text, want = g[0], g[1], g[2:]
        got, err = run(rule, text)
        name = "%s: %s: %s" % (os.path.basename(path), rule, text[:50])
        if want == ["%%NONE"]:
            seen_neg.add(rule)
            want = []
        else:
            seen_pos.add(rule)
        if err is not None:
            print("FAIL rules %s: %s" % (name, err.strip()))
            fails += 1
        elif got != want:
            print("FAIL rules %s: got %s, want %s" % (name, got, want))
            fails += 1
        else:
            print("PASS rules %s" % name)

for f in sorted(glob.glob("rules/*/*.yml")):
    style = os.path.basename(os.path.dirname(f))
    rid = "%s.%s" % (style, os.path.basename(f)[:-4])
    if rid not in seen_pos or rid not in seen_neg:
        print("FAIL rules coverage: %s lacks a positive or a negative case" % rid)
    else:
        print("PASS rules coverage: %s" % rid)
sys.exit(0)
