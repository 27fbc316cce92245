#!/usr/bin/env bash
# Checks that every C file is formatted as .clang-format describes, and says
# which are not. .clang-format needs clang-format 20 or newer; on Debian 12
# that is the clang-format-22 package, which this script installs if need be.
# Usage: ./build-aux/check-format.sh          check every tracked C file
#        ./build-aux/check-format.sh --fix    reformat them in place
set -euo pipefail
cd "$(dirname "$0")/.."

find_formatter() {
  for c in clang-format-22 clang-format-21 clang-format-20 clang-format; do
    command -v "$c" >/dev/null || continue
    major=$("$c" --version | sed -n 's/.*clang-format version \([0-9]*\).*/\1/p')
    [ -n "$major" ] && [ "$major" -ge 20 ] && { echo "$c"; return 0; }
  done
  return 1
}

formatter=$(find_formatter) || {
  ./build-aux/setup.sh --format
  formatter=$(find_formatter) || {
    echo "check-format: needs clang-format 20 or newer (Debian 12: apt install clang-format-22)" >&2
    exit 1
  }
}

mapfile -t files < <(git ls-files '*.c' '*.h')
if [ "${1:-}" = "--fix" ]; then
  "$formatter" -i "${files[@]}"
  exit 0
fi

bad=()
for f in "${files[@]}"; do
  "$formatter" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: ${#bad[@]} of ${#files[@]} C files differ from .clang-format:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "check-format: see the changes with '$formatter --dry-run FILE'; apply them with $0 --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} C files agree with .clang-format ($("$formatter" --version | sed 's/.*version \([0-9.]*\).*/\1/'))"
