#!/usr/bin/env bash
# The symbolic icons the window's first frame shows (with the loading
# bar's spinner, shown at once for --data), encoded as GTK's .symbolic.png
# at 16 px and 32 px (16x16@2), beside their SVGs: at those sizes GTK takes
# the PNGs, and the SVG library is never loaded. Run after
# changing data/icons/atlas-*-symbolic.svg; needs gtk4-encode-symbolic-svg
# (libgtk-4-bin).
set -euo pipefail
cd "$(dirname "$0")/../data/icons"

for icon in atlas-timeline-symbolic atlas-chart-symbolic atlas-working-symbolic; do
  gtk4-encode-symbolic-svg -o 16x16 "$icon.svg" 16x16
  gtk4-encode-symbolic-svg -o 16x16@2 "$icon.svg" 32x32
done
