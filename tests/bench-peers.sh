#!/bin/sh
# bench-peers.sh: make bench-peers; copydesk against write-good and alex
# (see tests/bench_peers.py).
exec python3 "$(dirname "$0")/bench_peers.py" "$@"
