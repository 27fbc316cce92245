#!/usr/bin/env bash
# Installs, with apt, what building Micro-Drama Atlas needs on Debian 12 or
# newer and Ubuntu; with --test, also what the headless tests and screenshots
# need; with --hardening, also the sanitizers', valgrind's and the fuzzer's
# tools; with --bench, the tests' and valgrind (build-aux/bench.sh); with
# --format, the formatter that .clang-format needs. Installs nothing that is
# already there.
set -euo pipefail

packages=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev libpng-dev
  gettext desktop-file-utils appstream
  fonts-noto-cjk
)
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--hardening" ] || [ "${1:-}" = "--bench" ]; then
  packages+=(
    xvfb xauth xdotool imagemagick
    dbus at-spi2-core python3 python3-gi gir1.2-atspi-2.0
    librsvg2-common gnuplot-nox libreoffice-draw-nogui locales
  )
fi

if [ "${1:-}" = "--format" ]; then
  # BinPackParameters: AlwaysOnePerLine needs clang-format 20 or newer.
  packages=(clang-format-22)
fi

if [ "${1:-}" = "--hardening" ]; then
  packages+=(valgrind clang libclang-rt-14-dev)
fi

if [ "${1:-}" = "--bench" ]; then
  packages+=(valgrind)
fi

# The Chinese tests run under zh_CN.UTF-8, which a fresh machine may not have.
ensure_chinese_locale () {
  if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--hardening" ] || [ "${1:-}" = "--bench" ]; then
    if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' &&
       [ -w /etc/locale.gen ] && command -v locale-gen >/dev/null; then
      grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >>/etc/locale.gen
      locale-gen >/dev/null
    fi
  fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  ensure_chinese_locale "${1:-}"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "setup: please install these packages: ${missing[*]}" >&2
  echo "setup: (the README lists the Fedora names)" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root, or install sudo, to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi

echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
ensure_chinese_locale "${1:-}"
