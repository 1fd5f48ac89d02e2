#!/usr/bin/env python3
"""t_editors.py: the editor set-ups in README.md against real copydesk output.

Each pattern is taken from its README code block and translated to a
Python regex the way the editor reads it: Vim's errorformat, nvim-lint's
Lua pattern, Emacs's compilation regexp, VS Code's problemMatcher (a
JavaScript regex).  Every `-o line` finding of the fixtures, of a draft
read from stdin and of a file whose name has colons and spaces must give
back its file, line, column, level and message.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

from testlib import COPYDESK, Checks

checks = Checks("editors")
ok = checks.ok


def block(readme, lang, needle):
    for m in re.finditer(r"```%s\n(.*?)```" % re.escape(lang), readme, re.S):
        if needle in m.group(1):
            return m.group(1)
    return None


def vim_efm(efm):
    """Vim errorformat -> [(regex, has_type)], one per comma-split entry."""
    entries, cur, i = [], "", 0
    while i < len(efm):
        c = efm[i]
        if c == "\\" and i + 1 < len(efm):
            cur += efm[i:i + 2]
            i += 2
        elif c == ",":
            entries.append(cur)
            cur = ""
            i += 1
        else:
            cur += c
            i += 1
    entries.append(cur)
    out = []
    for e in entries:
        rx, i = "^", 0
        while i < len(e):
            c = e[i]
            if c == "%":
                k = e[i + 1]
                rx += {"f": r"(?P<file>.+?)", "l": r"(?P<line>\d+)",
                       "c": r"(?P<col>\d+)", "t": r"(?P<type>.)",
                       "m": r"(?P<msg>.+)", "%": "%"}[k]
                i += 2
            elif c == "\\":
                rx += re.escape(e[i + 1])
                i += 2
            else:
                rx += re.escape(c)
                i += 1
        out.append(re.compile(rx + "$"))
    return out


def lua_pattern(p):
    rx, i = "", 0
    classes = {"d": r"\d", "a": "[A-Za-z]", "s": r"\s", "w": "[A-Za-z0-9]"}
    while i < len(p):
        c = p[i]
        if c == "%":
            k = p[i + 1]
            rx += classes.get(k, re.escape(k))
            i += 2
        elif c == "-":
            rx += "*?"
            i += 1
        else:
            rx += c
            i += 1
    return re.compile(rx)


def emacs_regexp(lisp_string):
    s = bytes(lisp_string, "utf-8").decode("unicode_escape")  # \\ -> \, \n
    rx, i = "", 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            k = s[i + 1]
            if k == "(" and s[i + 2:i + 4] == "?:":
                rx += "(?:"
                i += 4
                continue
            rx += {"(": "(", ")": ")", "|": "|"}.get(k, re.escape(k))
            i += 2
        elif c in "()|{}":
            rx += "\\" + c
            i += 1
        else:
            rx += c
            i += 1
    return re.compile(rx)


def findings(args, stdin=None, cwd=None):
    js = subprocess.run([COPYDESK, "-o", "json"] + args, input=stdin,
                        cwd=cwd, stdout=subprocess.PIPE).stdout
    line = subprocess.run([COPYDESK, "-o", "line"] + args, input=stdin,
                          cwd=cwd, stdout=subprocess.PIPE).stdout
    want = [(x["path"], f) for x in json.loads(js)["files"]
            for f in x["findings"]]
    return want, line.decode("utf-8").splitlines()


def main():
    readme = open("README.md", encoding="utf-8").read()
    vim = block(readme, "vim", "errorformat")
    lua = block(readme, "lua", "from_pattern")
    el = block(readme, "elisp", "compilation-error-regexp-alist")
    vsc = block(readme, "json", "problemMatcher")
    ok("README has the four set-ups", None not in (vim, lua, el, vsc))
    if None in (vim, lua, el, vsc):
        return 1
    efm = vim_efm(re.search(r"CompilerSet errorformat=(.+)$", vim, re.M).group(1))
    luap = lua_pattern(re.search(r"from_pattern\(\s*'([^']+)'", lua).group(1))
    emx = emacs_regexp(re.search(r'\(copydesk\s+"((?:[^"\\]|\\.)*)"', el)
                       .group(1))
    emgroups = re.search(r'"\s+1 2 3 \((\d) \. (\d)\)', el)
    task = json.loads(vsc)["tasks"][0]["problemMatcher"]
    vsx = re.compile(task["pattern"]["regexp"])

    tmp = tempfile.mkdtemp()
    odd = os.path.join(tmp, "a story: draft, v2.txt")
    with open("fixtures/multibyte.txt", "rb") as f, open(odd, "wb") as g:
        g.write(f.read())
    with open("fixtures/border-order.txt", "rb") as f:
        piped = f.read()
    cases = [("fixtures", ["fixtures/border-order.txt",
                           "fixtures/multibyte.txt"], None),
             ("stdin", ["--stdin-filename", "stories/border.txt", "-"],
              piped),
             ("odd file name", [odd], None)]
    for label, args, stdin in cases:
        want, lines = findings(args, stdin)
        ok(label + " has findings", len(want) > 0 and
           len(want) == len(lines), "%d findings, %d lines" %
           (len(want), len(lines)))
        v = l = e = c = True
        for (path, f), text in zip(want, lines):
            full = f["message"] + " [" + f["rule"] + "]"
            m = next((m for m in (r.match(text) for r in efm) if m), None)
            t = {"error": "e", "warning": "w"}.get(f["level"])
            if not m or (m.group("file"), int(m.group("line")),
                         int(m.group("col")), m.group("msg")) != \
                    (path, f["line"], f["column"], full) or \
                    (m.groupdict().get("type") != t):
                v = False
                print("  vim: %r" % text)
            m = luap.match(text)
            if not m or (int(m.group(1)), int(m.group(2)), m.group(3),
                         m.group(4)) != (f["line"], f["column"],
                                         f["level"], full):
                l = False
                print("  nvim-lint: %r" % text)
            m = emx.match(text)
            lvl = None
            if m:
                w, i = int(emgroups.group(1)), int(emgroups.group(2))
                lvl = ("warning" if m.group(w) else "suggestion"
                       if m.group(i) else "error")
            if not m or (m.group(1), int(m.group(2)), int(m.group(3)),
                         lvl) != (path, f["line"], f["column"], f["level"]):
                e = False
                print("  emacs: %r" % text)
            m = vsx.match(text)
            p = task["pattern"]
            if not m or (m.group(p["file"]), int(m.group(p["line"])),
                         int(m.group(p["column"])), m.group(p["severity"]),
                         m.group(p["message"]), m.group(p["code"])) != \
                    (path, f["line"], f["column"], f["level"],
                     f["message"], f["rule"]):
                c = False
                print("  vscode: %r" % text)
        ok(label + " vim errorformat", v, "see above")
        ok(label + " nvim-lint pattern", l, "see above")
        ok(label + " emacs compilation regexp", e, "see above")
        ok(label + " vscode problemMatcher", c, "see above")
    os.unlink(odd)
    os.rmdir(tmp)
    return checks.status()


if __name__ == "__main__":
    sys.exit(main())
