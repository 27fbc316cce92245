#!/usr/bin/env bash
# The hardening checks, which CI runs after the test suite:
#  1. the whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer
#     (LeakSanitizer included), under Xvfb: no report;
#  2. the core tests under valgrind: no error, nothing definitely lost;
#  3. the dataset loader's libFuzzer target, for FUZZ_SECONDS (60 unless set),
#     and the date grammar's, for FUZZ_DATE_SECONDS (30 unless set), from the
#     fixed seed FUZZ_SEED (1 unless set), so that CI runs the same inputs
#     each time and fails only on a change; explore with other seeds.
# Each stage prints how long it took.
# Usage: ./build-aux/hardening.sh    FUZZ_SECONDS=3600 FUZZ_SEED=$RANDOM ./build-aux/hardening.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/stage-times.sh
root=$PWD
fuzz_seconds=${FUZZ_SECONDS:-60}
fuzz_date_seconds=${FUZZ_DATE_SECONDS:-30}
fuzz_seed=${FUZZ_SEED:-1}
passed=0
failed=0
result() { if [ "$1" = 0 ]; then passed=$((passed + 1)); echo "hardening: $2: ok"; else failed=$((failed + 1)); echo "hardening: $2: FAILED"; fi; }

stage hardening-setup
./build-aux/setup.sh --hardening

# 1. Sanitizers. Leaks inside fontconfig's process-wide caches are the one
#    suppression (build-aux/lsan.supp says why). Sanitized code runs 2-3
#    times slower, so every test gets three times its usual limit.
stage sanitizers
[ -f build-sanitize/build.ninja ] || \
  meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true >/dev/null
meson compile -C build-sanitize >/dev/null
status=0
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS=suppressions=$root/build-aux/lsan.supp:print_suppressions=0 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C build-sanitize --print-errorlogs \
    --timeout-multiplier 3 || status=$?
result "$status" "sanitizers (address, undefined, leak) over the whole suite"

# 2. valgrind over the core tests. valgrind runs them 20-50 times slower:
#    40 mutants instead of 600 (about 20 s on a 2-core machine) and ten times
#    the usual limits, so that no test comes near its limit by chance.
#    GIO_MODULE_DIR names an empty directory: a test's first GFile makes GIO
#    load the modules installed on the machine (dconf's settings backend,
#    which GTK's packages bring, or gvfs), and GLib 2.74 loses a GIOModule
#    for each, which valgrind calls definitely lost. The core tests need no
#    module, and what valgrind finds is then ours alone.
stage valgrind
status=0
no_modules=$(mktemp -d)
GIO_MODULE_DIR=$no_modules ATLAS_MUTATIONS=40 \
  meson test -C build --suite core --print-errorlogs --timeout-multiplier 10 \
  --wrap "valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30" \
  || status=$?
rmdir "$no_modules"
result "$status" "valgrind over the core tests"

# 3. The fuzzers, each from its seed corpus, in a scratch corpus so that what
#    they find does not land in the repository: the loader's (any bytes as a
#    dataset) and the date grammar's (any bytes as a date's wording).
stage fuzzing
[ -f build-fuzz/build.ninja ] || \
  CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
meson compile -C build-fuzz tests/fuzz/fuzz-loader tests/fuzz/fuzz-date >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# fuzz NAME SECONDS MAX_LEN DICT SEED_FILES...
fuzz() {
  local name=$1 seconds=$2 max_len=$3 dict=$4 corpus="$scratch/$1"
  shift 4
  mkdir -p "$corpus"
  cp "$@" "$corpus"/
  (cd "$corpus" && ASAN_OPTIONS=detect_leaks=1 \
    LSAN_OPTIONS=suppressions=$root/build-aux/lsan.supp:print_suppressions=0 \
    "$root/build-fuzz/tests/fuzz/fuzz-$name" -max_total_time="$seconds" -seed="$fuzz_seed" \
      -max_len="$max_len" -dict="$root/tests/fuzz/$dict" -print_final_stats=1 "$corpus" 2>&1 |
      grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|ERROR|SUMMARY|stat::number_of_executed_units" \
    ; exit "${PIPESTATUS[0]}")
}

status=0
fuzz loader "$fuzz_seconds" 65536 json.dict tests/fuzz/corpus/* data/microdrama.json || status=$?
result "$status" "fuzzing the loader for ${fuzz_seconds}s (seed $fuzz_seed)"
status=0
fuzz date "$fuzz_date_seconds" 4096 date.dict tests/fuzz/date-corpus/* || status=$?
result "$status" "fuzzing the date grammar for ${fuzz_date_seconds}s (seed $fuzz_seed)"

stage
echo "hardening: $passed passed, $failed failed"
[ "$failed" = 0 ]
