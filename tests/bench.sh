#!/bin/sh
# bench.sh: make bench; throughput and memory figures (see tests/bench.py).
exec python3 "$(dirname "$0")/bench.py" "$@"
