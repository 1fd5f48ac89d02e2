#!/usr/bin/env python3
"""bench.py: copydesk's throughput and memory (make bench).

Builds its inputs under $B/bench by repeating the Wikinews corpus
(../shared/corpus/wikinews/wikinews.txt, or $BENCH_CORPUS), never in the
source tree, and prints:

  1. the ~50 MB corpus as one file with the shipped rules and every
     analyzer: MB/s and peak RSS;
  2. linearity: 1, 8 and 64 MB as one file each (64x the input should take
     at most 70x the time), and 64 MB as 64 files of 1 MB (memory must stay
     at one document's worth);
  3. the rule engine alone (--disable Copydesk) with one generated
     existence rule of 10, 1 000 and 10 000 tokens (words and two-word
     phrases from the corpus) on 8 MB: 10 000 tokens should run at no less
     than half the speed of 10.

Each figure is the best of BENCH_RUNS runs (default 3).  It prints figures;
it does not pass or fail.
"""
import collections
import os
import re
import subprocess
import sys
import time

COPYDESK = os.environ.get("COPYDESK", "./copydesk")
B = os.environ.get("B", "build")
CORPUS = os.environ.get("BENCH_CORPUS",
                        "../shared/corpus/wikinews/wikinews.txt")
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
DIR = os.path.join(B, "bench")
MB = 1 << 20


# GNU time reports the peak RSS of copydesk alone; a child's own rusage
# would include this script's memory, inherited across fork and exec.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd):
    """(wall seconds, peak RSS in KB, exit status, CPU seconds) of one run
    of cmd."""
    rssfile = os.path.join(DIR, "rss.txt")
    pre = [GNU_TIME, "-f", "%M", "-o", rssfile] if GNU_TIME else []
    t0 = time.monotonic()
    p = subprocess.Popen(pre + cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    t = time.monotonic() - t0
    rss = ru.ru_maxrss
    if GNU_TIME:
        with open(rssfile) as f:
            rss = int(f.read().split()[-1])
    return (t, rss, os.waitstatus_to_exitcode(status),
            ru.ru_utime + ru.ru_stime)


CPU = {}


def measure(args, cmd=None):
    """Best (wall seconds, peak RSS in KB) of RUNS runs of copydesk; the
    best CPU time (user + system) goes to CPU[label] for line()."""
    best_t, best_rss, best_cpu = None, 0, None
    for _ in range(RUNS):
        t, rss, code, cpu = run_once(cmd or [COPYDESK] + args)
        if cmd is None and code not in (0, 1):
            sys.exit("bench: copydesk %s exited with %d" %
                     (" ".join(args), code))
        if best_t is None or t < best_t:
            best_t = t
        if best_cpu is None or cpu < best_cpu:
            best_cpu = cpu
        best_rss = max(best_rss, rss)
    CPU["last"] = best_cpu
    return best_t, best_rss


def make_file(name, size, text):
    """A file of about size bytes of whole copies (and a cut-off piece)
    of text; reused when it already exists."""
    path = os.path.join(DIR, name)
    if not os.path.exists(path) or os.path.getsize(path) != size:
        with open(path, "wb") as f:
            left = size
            while left > 0:
                piece = text[:left]
                f.write(piece)
                left -= len(piece)
    return path


def line(label, nbytes, t, rss):
    """One result: MB/s by wall time and by CPU time (user + system; the
    steadier figure on a shared machine), seconds, peak RSS."""
    cpu = CPU.get("last") or t
    print("  %-30s %7.1f MB/s wall %7.1f MB/s CPU %7.3f s  RSS %6.1f MB" %
          (label, nbytes / MB / t, nbytes / MB / cpu, t, rss / 1024.0))
    sys.stdout.flush()


def main():
    if not os.path.exists(CORPUS):
        sys.exit("bench: no corpus at %s (set BENCH_CORPUS)" % CORPUS)
    os.makedirs(DIR, exist_ok=True)
    with open(CORPUS, "rb") as f:
        text = f.read()
    base = ["-o", "json", "--fail-level", "none"]
    print("copydesk benchmark: corpus %s (%.2f MB), best of %d runs, "
          "%d CPUs" % (CORPUS, len(text) / MB, RUNS, os.cpu_count()))

    # 1. ~50 MB, shipped rules, all analyzers
    reps = max(1, (50 * MB) // len(text) + 1)
    big = make_file("corpus-50.txt", reps * len(text), text)
    size = os.path.getsize(big)
    print("\nshipped rules, every analyzer, one file:")
    t, rss = measure(base + [big])
    line("%.0f MB corpus" % (size / MB), size, t, rss)

    # 2. linearity and memory
    print("\nlinearity (one file each; peak RSS / input):")
    res = {}
    for mb in (1, 8, 64):
        path = make_file("corpus-%dmb.txt" % mb, mb * MB, text)
        t, rss = measure(base + [path])
        res[mb] = (t, rss, CPU["last"])
        line("%d MB (RSS %.1fx input)" % (mb, rss * 1024.0 / (mb * MB)),
             mb * MB, t, rss)
    print("  time 64 MB / 1 MB = %.1f wall, %.1f CPU (linear: 64; limit "
          "70); 8 MB / 1 MB = %.1f wall, %.1f CPU" %
          (res[64][0] / res[1][0], res[64][2] / res[1][2],
           res[8][0] / res[1][0], res[8][2] / res[1][2]))
    one = make_file("corpus-1mb.txt", MB, text)
    many = [one] * 64
    t, rss = measure(base + many)
    line("64 files of 1 MB", 64 * MB, t, rss)

    # 3. the rule engine alone, 10 / 1 000 / 10 000 tokens
    words = collections.Counter(
        w.lower() for w in re.findall(rb"[A-Za-z][a-z]{3,}", text))
    vocab = [w.decode() for w, _ in words.most_common(12000)[100:]]
    eight = make_file("corpus-8mb.txt", 8 * MB, text)
    print("\nrule engine alone (one existence rule, --disable Copydesk, "
          "8 MB):")
    speed = {}
    for n in (10, 1000, 10000):
        d = os.path.join(DIR, "rules-%d" % n, "Gen")
        os.makedirs(d, exist_ok=True)
        # words spread evenly over the frequency ranks 100-12 000; every
        # tenth token is a two-word phrase
        pick = [vocab[i * len(vocab) // n] for i in range(n)]
        toks = [w if i % 10 else "%s %s" % (w, vocab[-1 - i])
                for i, w in enumerate(pick)]
        with open(os.path.join(d, "Tokens.yml"), "w") as f:
            f.write("extends: existence\nmessage: \"'%s'\"\n"
                    "level: suggestion\nignorecase: true\ntokens:\n")
            for w in toks:
                f.write("  - '%s'\n" % w)
        t, rss = measure(base + ["--rules", os.path.dirname(d),
                                 "--disable", "Copydesk", eight])
        speed[n] = 8 * MB / (CPU.get("last") or t)
        line("%d tokens" % n, 8 * MB, t, rss)
    print("  10 000 tokens at %.0f%% of the CPU speed of 10 (target: >= 50%%)"
          % (100.0 * speed[10000] / speed[10]))


if __name__ == "__main__":
    main()
