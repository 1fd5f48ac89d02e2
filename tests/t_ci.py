#!/usr/bin/env python3
"""t_ci.py: the pre-commit hook and the GitHub Action, run as their hosts
would run them.

The hook's entry and args are run on fixture file names the way pre-commit
passes them; the file types it names must select drafts and nothing else.
The Action's shell steps (all but the apt install and the SARIF upload,
which need GitHub) run with bash, its inputs and defaults substituted:
build, check with a fail level and an output format, write SARIF, and exit
with copydesk's status in the last step.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

from testlib import COPYDESK, Checks
TOP = os.getcwd()

checks = Checks("ci")
ok = checks.ok


def hook():
    hooks = yaml.safe_load(open(".pre-commit-hooks.yaml"))
    h = [x for x in hooks if x["id"] == "copydesk"]
    ok("pre-commit hook declared", len(h) == 1, "no id: copydesk")
    h = h[0]
    ok("pre-commit hook fields", h.get("language") == "system" and
       h.get("entry") == "copydesk" and h.get("name"), repr(h))
    tags = set(h.get("types_or", [])) | set(h.get("types", []))
    # identify's tags for .md, .html, .txt, .xml and for a C file
    ok("pre-commit hook file types", {"markdown", "html", "plain-text",
                                      "xml"} <= tags and "text" not in tags
       and "types" not in h, repr(tags))
    env = dict(os.environ, PATH=os.path.dirname(COPYDESK) + os.pathsep +
               os.environ["PATH"])
    for files, want in [(["fixtures/border-order.txt"], 0),
                        (["fixtures/border-order.txt",
                          "fixtures/multibyte.txt"], 1)]:
        p = subprocess.run([h["entry"]] + h.get("args", []) + files,
                           env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        out = p.stdout.decode()
        ok("pre-commit hook on %d file(s): exit %d" % (len(files), want),
           p.returncode == want and all(re.match(r"^\S.*:\d+:\d+: ", l)
                                        for l in out.splitlines()),
           "exit %d" % p.returncode)
    p = subprocess.run([h["entry"]] + h.get("args", []) +
                       ["--fail-level", "warning",
                        "fixtures/border-order.txt"], env=env,
                       stdout=subprocess.PIPE)
    ok("pre-commit hook with --fail-level warning", p.returncode == 1,
       "exit %d" % p.returncode)


def action():
    a = yaml.safe_load(open("action.yml"))
    ok("action is composite", a["runs"]["using"] == "composite")
    inputs = a["inputs"]
    ok("action inputs", {"paths", "fail-level", "output", "sarif"} <=
       set(inputs), repr(sorted(inputs)))
    steps = a["runs"]["steps"]
    ok("action installs the dependencies", any(
        "apt-get install" in s.get("run", "") and "libpcre2-dev" in
        s.get("run", "") for s in steps))
    up = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    ok("action uploads SARIF when asked", len(up) == 1 and
       "inputs.sarif" in up[0].get("if", ""))
    tmp = tempfile.mkdtemp()
    try:
        # a copy of the tree stands in for GITHUB_ACTION_PATH, so that the
        # build step does not touch this one
        ap = os.path.join(tmp, "action")
        os.makedirs(ap)
        for f in ("Makefile", "src", "rules", "copydesk.1"):
            src = os.path.join(TOP, f)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(
                src, os.path.join(ap, f))
        open(os.path.join(ap, ".deps-ok"), "w").close()
        ws = os.path.join(tmp, "workspace")
        os.makedirs(os.path.join(ws, "stories"))
        for f in ("border-order.txt", "multibyte.txt"):
            shutil.copy(os.path.join(TOP, "fixtures", f),
                        os.path.join(ws, "stories", f))
        for label, given, want_status, fmt in [
                ("defaults", {"paths": "stories/border-order.txt"}, 0,
                 "github"),
                ("fail on warnings with sarif",
                 {"paths": "stories/border-order.txt",
                  "fail-level": "warning", "sarif": "true"}, 1, "github"),
                ("errors, line output",
                 {"paths": "stories/border-order.txt stories/multibyte.txt",
                  "output": "line"}, 1, "line"),
                ("fail-level none", {"paths": "stories/multibyte.txt",
                                     "fail-level": "none"}, 0, "github")]:
            run_action(label, steps, inputs, given, want_status, fmt, ap, ws)
    finally:
        shutil.rmtree(tmp)


def run_action(label, steps, inputs, given, want_status, fmt, ap, ws):
    vals = {k: str(v.get("default", "")) for k, v in inputs.items()}
    vals.update(given)
    gh_out = os.path.join(ws, "github_output")
    open(gh_out, "w").close()
    outputs = {}
    log = ""
    status = None
    for s in steps:
        if "run" not in s or "apt-get" in s["run"]:
            continue

        def sub(text):
            text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}",
                          lambda m: vals[m.group(1)], text)
            return re.sub(r"\$\{\{\s*steps\.check\.outputs\.([\w-]+)\s*\}\}",
                          lambda m: outputs.get(m.group(1), ""), text)
        env = dict(os.environ, GITHUB_ACTION_PATH=ap, GITHUB_OUTPUT=gh_out)
        for k, v in s.get("env", {}).items():
            env[k] = sub(str(v))
        for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "B", "BIN", "CFLAGS",
                  "LDFLAGS", "DEFS", "WERROR"):
            env.pop(k, None)
        p = subprocess.run(["bash", "-e", "-c", sub(s["run"])], cwd=ws,
                           env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        log += p.stdout.decode("utf-8", "replace")
        for l in open(gh_out).read().splitlines():
            k, _, v = l.partition("=")
            outputs[k] = v
        status = p.returncode
        if p.returncode != 0 and s is not steps[-1]:
            break
    ok("action %s: exit %d" % (label, want_status), status == want_status
       and outputs.get("exit-code") == str(want_status),
       "last step %r, exit-code %r: %s" % (status, outputs.get("exit-code"),
                                           log[-300:]))
    first = [l for l in log.splitlines() if re.match(r"^(::|stories/)", l)]
    ok("action %s: %s output" % (label, fmt), first and all(
        l.startswith("::") == (fmt == "github") for l in first), log[-300:])
    sarif = os.path.join(ws, vals["sarif-file"])
    if vals["sarif"] == "true":
        try:
            s = json.load(open(sarif))
            good = s["version"] == "2.1.0" and len(s["runs"][0]["results"])
        except (OSError, ValueError, KeyError) as e:
            good = False
        ok("action %s: SARIF written" % label, good, "no valid SARIF file")
        os.unlink(sarif)
    else:
        ok("action %s: no SARIF unless asked" % label,
           not os.path.exists(sarif))


if __name__ == "__main__":
    hook()
    action()
    sys.exit(checks.status())
