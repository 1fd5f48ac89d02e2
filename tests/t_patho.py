#!/usr/bin/env python3
"""t_patho.py: pathological inputs, each with a time limit and a slope check.

Every input is generated at test time under $B/patho (never committed) at
two sizes, n and 8n (8n is the size the issue names: 10^5 quote marks, a
4 MB line ...); copydesk must finish each run within the time limit,
give a sane result (no crash: exit 0 or 1, or 2 with a message where the
input must be refused), and the 8n run may take at most SLOPE_MAX times as
long as the n run (linear growth gives ~8; quadratic gives ~64).

PATHO_SCALE divides every n (make asan sets it so the tests fit CI's time
budget under the sanitizers); PATHO_TIMEOUT is the per-run limit in seconds.
Prints one "PASS name" or "FAIL name: reason" line per check.
"""
import json
import os
import resource
import subprocess
import sys
import time

COPYDESK = os.environ.get("COPYDESK", "./copydesk")
B = os.environ.get("B", "build")
SCALE = max(1, int(os.environ.get("PATHO_SCALE", "1")))
TIMEOUT = float(os.environ.get("PATHO_TIMEOUT", "20"))
SLOPE_MAX = 10.0
# Runs shorter than this are dominated by start-up and timer noise; the
# slope uses at least this much time for the small run.
MIN_T = 0.05
DIR = os.path.join(B, "patho")
os.makedirs(DIR, exist_ok=True)

failures = 0


def result(name, ok, why=""):
    global failures
    if ok:
        print("PASS patho %s" % name)
    else:
        failures += 1
        print("FAIL patho %s: %s" % (name, why))


def cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run(args, stdin=None):
    """Runs copydesk; returns (CPU seconds, rc, stdout, stderr), or None
    when it did not finish within TIMEOUT wall-clock seconds.  CPU time,
    not wall time, so that a busy machine does not skew the slope."""
    t0 = cpu()
    try:
        p = subprocess.run([COPYDESK] + args, stdin=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    return (cpu() - t0, p.returncode,
            p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def write(name, data):
    path = os.path.join(DIR, name)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def baseline():
    """Start-up time: rules, lexicons, an empty draft."""
    path = write("empty.txt", "")
    best = None
    for _ in range(3):
        r = run(["-o", "json", path])
        if r is not None and (best is None or r[0] < best):
            best = r[0]
    return best or 0.0


T0 = baseline()


def slope(name, ext, gen, big, args=(), ok_rc=(0, 1), check=None):
    """Runs gen(n) and gen(8n) with 8n = big / PATHO_SCALE; checks time,
    exit status and slope."""
    n = max(8, big // SCALE) // 8
    times = []
    for k in (n, 8 * n):
        path = write("%s-%d.%s" % (name, k, ext), gen(k))
        r = run(["-o", "json"] + list(args) + [path])
        if r is not None and k == n:
            # the small run is the noisy one: take the faster of two
            r2 = run(["-o", "json"] + list(args) + [path])
            if r2 is not None and r2[0] < r[0]:
                r = r2
        if r is None:
            result(name, False, "timed out after %gs at n=%d" % (TIMEOUT, k))
            return
        t, rc, out, err = r
        if rc not in ok_rc:
            result(name, False, "exit %d at n=%d: %s" % (rc, k, err[:200]))
            return
        if rc in (0, 1):
            try:
                json.loads(out)
            except ValueError as e:
                result(name, False, "bad JSON at n=%d: %s" % (k, e))
                return
        if check is not None:
            why = check(out, err, k)
            if why:
                result(name, False, "n=%d: %s" % (k, why))
                return
        times.append(max(t - T0, MIN_T))
    ratio = times[1] / times[0]
    if ratio > SLOPE_MAX:
        # a busy machine can slow one run: a real slope survives a retry
        r = run(["-o", "json"] + list(args) + [path])
        if r is not None:
            times[1] = min(times[1], max(r[0] - T0, MIN_T))
            ratio = times[1] / times[0]
    result(name, ratio <= SLOPE_MAX,
           "8n/n time ratio %.1f > %g (%.3fs, %.3fs)" %
           (ratio, SLOPE_MAX, times[0], times[1]))


def has(s):
    return lambda out, err, k: None if s in out else "no %r in output" % s


# 10^5 unmatched quote marks
slope("unmatched-quotes", "txt", lambda k: 'He said "yes and no ' * k, 100000,
      check=has("Copydesk."))
# 10^5 alternating quote marks and apostrophes
slope("quotes-apostrophes", "txt",
      lambda k: "\u201cit\u2019s \u2018don't\u2019 ' \" \u2019 " * k, 100000)
# a 4 MB single line
slope("long-line", "txt",
      lambda k: "the deal is expected to close " * (k // 30), 4 << 20,
      check=has("Copydesk.Hedge"))
# one 4 MB word: no spaces at all
slope("long-word", "txt", lambda k: "a" * k, 4 << 20)
# 10^5 one-word sentences
slope("one-word-sentences", "txt", lambda k: "Yes. " * k, 100000)
# 10^5 repetitions of one name with variant spellings
names = ["John Smith", "Jon Smith", "John Smyth", "Jonh Smith", "J. Smith"]
slope("name-variants", "txt",
      lambda k: "".join("%s said the plan may work. " % names[i % 5]
                        for i in range(k)), 100000)
# 10^4 numbers of the same noun
slope("numbers-same-noun", "txt",
      lambda k: "".join("%d people were evacuated. " % i for i in range(k)),
      10000)
# 10^4 nested HTML tags
slope("nested-html", "html",
      lambda k: "<div>" * k + "<p>He reportedly left.</p>" + "</div>" * k,
      10000)
# 10^4 nested Markdown block quotes and emphasis
slope("nested-blockquotes", "md",
      lambda k: "> " * k + "It may rain.\n", 10000)
slope("nested-emphasis", "md",
      lambda k: "*" * k + "It may rain." + "*" * k + "\n", 10000)
# 10^5 sentences with every rule on (the shipped rules hit on each)
slope("every-rule", "txt",
      lambda k: "".join('Officials said the deal is expected to close, two '
                        'sources familiar with the talks said. The the plan '
                        'could still fail.\n\n' for _ in range(k // 3)),
      100000)

# An XML entity bomb and an external entity: bounded, nothing fetched or
# expanded into the output.
bomb = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [',
        '<!ENTITY lol "lol">']
for i in range(1, 10):
    bomb.append('<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % (i - 1 if i > 1
                                                           else "")) * 10))
bomb += [']>', '<story><p>&lol9;</p></story>']
r = run(["-o", "json", write("bomb.xml", "\n".join(bomb))])
result("entity-bomb", r is not None and r[1] in (0, 1, 2) and
       r[2].count("lol") < 10000 and (r[1] != 2 or r[3]),
       "timed out" if r is None else "exit %d, %d bytes out" % (r[1], len(r[2])))
r = run(["-o", "json", write("xxe.xml",
         '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM '
         '"file:///etc/passwd">]>\n<story><p>He said &e; today.</p>'
         '</story>\n')])
result("external-entity", r is not None and r[1] in (0, 1, 2) and
       "root:" not in r[2] and (r[1] != 2 or r[3]),
       "timed out" if r is None else "exit %d: %s" % (r[1], r[2][:200]))

# A catastrophic regex: bounded by the PCRE2 match limit, reported once as
# a rule error (exit 2), not a hang -- even across several files.
rdir = os.path.join(DIR, "rules-catastrophic", "Bad")
os.makedirs(rdir, exist_ok=True)
write("rules-catastrophic/Bad/Backtrack.yml",
      "extends: existence\nmessage: \"'%s'\"\nlevel: error\nnonword: true\n"
      "tokens:\n  - '(a+)+$'\n")
line = write("catastrophic.txt", "a" * (100000 // SCALE) + "!\n")
line2 = write("catastrophic2.txt", "a" * (100000 // SCALE) + "!\n")
r = run(["-o", "line", "--rules", os.path.join(DIR, "rules-catastrophic"),
         line, line2])
if r is None:
    result("catastrophic-regex", False, "timed out")
else:
    msgs = [l for l in r[3].splitlines() if "Bad.Backtrack" in l]
    result("catastrophic-regex", r[1] == 2 and len(msgs) == 1 and
           "limit" in msgs[0],
           "exit %d, %d messages: %s" % (r[1], len(msgs), r[3][:300]))

# 1000 rules on one draft: start-up and matching stay bounded.
rdir = os.path.join(DIR, "rules-1000", "Many")
os.makedirs(rdir, exist_ok=True)
for i in range(1000):
    write("rules-1000/Many/R%d.yml" % i,
          "extends: existence\nmessage: \"'%%s'\"\nlevel: warning\n"
          "tokens:\n  - word%d\n  - 'phrase number %d'\n" % (i, i))
slope("1000-rules", "txt",
      lambda k: "".join("This is word%d and phrase number %d. " %
                        (i % 1000, i % 1000) for i in range(k)), 20000,
      args=("--rules", os.path.join(DIR, "rules-1000")),
      check=has("Many.R"))

# Streaming: checking 32 files holds one document's buffers, not 32 (the
# peak RSS must not grow with the number of files).  Skipped under the
# sanitizers (PATHO_SCALE > 1): ASan's quarantine keeps freed memory.
if SCALE == 1:
    doc = write("stream.txt", "".join(
        'Officials said the deal is expected to close, two sources familiar '
        'with the talks said. "It may work," she said. %d people came.\n\n'
        % i for i in range(20000)))

    def peak(nfiles):
        p = subprocess.Popen([COPYDESK, "-o", "json", "--fail-level", "none"]
                             + [doc] * nfiles, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        return ru.ru_maxrss, os.waitstatus_to_exitcode(status)

    (r4, c4), (r32, c32) = peak(4), peak(32)
    result("streaming-32-files", c4 == 0 and c32 == 0 and r32 < 1.5 * r4,
           "peak RSS %d KB for 4 files, %d KB for 32 (exit %d, %d)" %
           (r4, r32, c4, c32))

sys.exit(0)
