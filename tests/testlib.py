"""testlib.py: what the Python tests share: the binary, PASS/FAIL lines."""
import os

COPYDESK = os.path.abspath(os.environ.get("COPYDESK", "./copydesk"))


class Checks:
    """Prints one 'PASS prefix name' or 'FAIL prefix name: why' a check."""

    def __init__(self, prefix):
        self.prefix = prefix
        self.failed = 0

    def ok(self, name, cond, why=""):
        if cond:
            print("PASS %s %s" % (self.prefix, name))
        else:
            self.failed += 1
            print("FAIL %s %s: %s" % (self.prefix, name, why))
        return cond

    def status(self):
        return 1 if self.failed else 0
