#!/usr/bin/env python3
"""bench_peers.py: copydesk against write-good and alex (make bench-peers).

Installs write-good and alex from npm into a temporary folder (skipped with
a message when npm or node is missing), then runs them and copydesk (the
shipped rules, every analyzer) on the same 1 MB and 10 MB of news text cut
from the Wikinews corpus, and prints wall time, MB/s and peak RSS of each
and copydesk's speed ratio over each peer.  A peer that runs longer than
BENCH_PEER_TIMEOUT seconds (default 1800) is stopped and its ratio given
as a lower bound.  Inputs live under $B/bench; nothing is committed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

MB = bench.MB
TIMEOUT = float(os.environ.get("BENCH_PEER_TIMEOUT", "1800"))


def timed(cmd):
    """(seconds, peak RSS KB, finished) of one run, stopped at TIMEOUT."""
    rssfile = os.path.join(bench.DIR, "rss.txt")
    pre = ([bench.GNU_TIME, "-f", "%M", "-o", rssfile]
           if bench.GNU_TIME else [])
    t0 = bench.time.monotonic()
    p = subprocess.Popen(pre + cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        p.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.wait()
        return TIMEOUT, 0, False
    t = bench.time.monotonic() - t0
    rss = 0
    if bench.GNU_TIME:
        with open(rssfile) as f:
            rss = int(f.read().split()[-1] or 0)
    return t, rss, True


def main():
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        print("bench-peers: skipped: npm and node are needed to install "
              "write-good and alex (apt-get install npm)")
        return
    os.makedirs(bench.DIR, exist_ok=True)
    with open(bench.CORPUS, "rb") as f:
        text = f.read()
    tmp = tempfile.mkdtemp(prefix="copydesk-peers-")
    try:
        print("bench-peers: npm install write-good alex into %s" % tmp)
        r = subprocess.run([npm, "install", "--prefix", tmp, "--no-audit",
                            "--no-fund", "--silent", "write-good", "alex"],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        if r.returncode != 0:
            print("bench-peers: skipped: npm install failed: %s" %
                  r.stderr.decode("utf-8", "replace")[-300:])
            return
        nbin = os.path.join(tmp, "node_modules", ".bin")
        tools = [
            ("copydesk", lambda p: [bench.COPYDESK, "-o", "json",
                                    "--fail-level", "none", p]),
            ("write-good", lambda p: [os.path.join(nbin, "write-good"), p]),
            ("alex", lambda p: [os.path.join(nbin, "alex"), p]),
        ]
        for mb in (1, 10):
            path = bench.make_file("peers-%dmb.txt" % mb, mb * MB, text)
            print("\n%d MB of news text (%s):" % (mb, path))
            res = {}
            for name, cmd in tools:
                # copydesk is quick: the best of BENCH_RUNS runs, as in
                # make bench; each peer runs once
                runs = bench.RUNS if name == "copydesk" else 1
                t, rss, done = min(timed(cmd(path)) for _ in range(runs))
                res[name] = (t, done)
                print("  %-10s %9.2f s  %8.2f MB/s  peak RSS %7.1f MB%s" %
                      (name, t, mb / t, rss / 1024.0,
                       "" if done else "  (stopped at the time limit)"))
                sys.stdout.flush()
            for peer in ("write-good", "alex"):
                t, done = res[peer]
                print("  copydesk is %s%.0fx faster than %s" %
                      ("" if done else ">", t / res["copydesk"][0], peer))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()
