#!/usr/bin/env bash
# The hardening checks, which CI runs after the test suite:
#  1. the whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer
#     (LeakSanitizer included), under Xvfb: no report;
#  2. the core tests under valgrind: no error, nothing definitely lost;
#  3. the dataset loader's libFuzzer target, for FUZZ_SECONDS (60 unless set),
#     from the fixed seed FUZZ_SEED (1 unless set), so that CI runs the same
#     inputs each time and fails only on a change; explore with other seeds.
# Each stage prints how long it took.
# Usage: ./build-aux/hardening.sh    FUZZ_SECONDS=3600 FUZZ_SEED=$RANDOM ./build-aux/hardening.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/stage-times.sh
root=$PWD
fuzz_seconds=${FUZZ_SECONDS:-60}
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
stage valgrind
status=0
ATLAS_MUTATIONS=40 meson test -C build --suite core --print-errorlogs --timeout-multiplier 10 \
  --wrap "valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30" \
  || status=$?
result "$status" "valgrind over the core tests"

# 3. The fuzzer, from the seed corpus and the bundled dataset, in a scratch
#    corpus so that what it finds does not land in the repository.
stage fuzzing
[ -f build-fuzz/build.ninja ] || \
  CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
meson compile -C build-fuzz tests/fuzz/fuzz-loader >/dev/null
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp tests/fuzz/corpus/* data/microdrama.json "$corpus"/
status=0
(cd "$corpus" && ASAN_OPTIONS=detect_leaks=1 \
  LSAN_OPTIONS=suppressions=$root/build-aux/lsan.supp:print_suppressions=0 \
  "$root/build-fuzz/tests/fuzz/fuzz-loader" -max_total_time="$fuzz_seconds" -seed="$fuzz_seed" -max_len=65536 \
    -dict="$root/tests/fuzz/json.dict" -print_final_stats=1 "$corpus" 2>&1 | grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|ERROR|SUMMARY|stat::number_of_executed_units" \
  ; exit "${PIPESTATUS[0]}") || status=$?
result "$status" "fuzzing the loader for ${fuzz_seconds}s (seed $fuzz_seed)"

stage
echo "hardening: $passed passed, $failed failed"
[ "$failed" = 0 ]
