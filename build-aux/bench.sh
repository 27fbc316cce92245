#!/usr/bin/env bash
# Whole-process benchmarks of Micro-Drama Atlas against references, for
# anyone to run: installs what is missing, builds a release configuration in
# build-bench/, generates 10,000- and 100,000-event datasets, and runs each
# figure against its reference alternately (build-aux/bench.py), printing
# BENCH lines. Then the in-process benchmarks (meson benchmark()).
#   ./build-aux/bench.sh                  everything, 10 pairs each
#   ./build-aux/bench.sh --pairs 20 --only export
set -euo pipefail
cd "$(dirname "$0")/.."

./build-aux/setup.sh --bench
[ -f build-bench/build.ninja ] || meson setup build-bench --buildtype=release
meson compile -C build-bench

xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/python3 build-aux/bench.py build-bench "$@"
if [ $# -eq 0 ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" meson test -C build-bench --benchmark --verbose 2>&1 |
    grep '^BENCH'
fi
