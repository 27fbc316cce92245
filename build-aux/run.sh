#!/usr/bin/env bash
# Installs what is missing, builds, and starts Micro-Drama Atlas from the
# build tree. Arguments are passed on: ./build-aux/run.sh --data my.json
set -euo pipefail
cd "$(dirname "$0")/.."

./build-aux/setup.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
exec ./build/src/microdrama-atlas "$@"
