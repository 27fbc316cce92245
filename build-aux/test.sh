#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, checks what
# `meson install` installs, and runs the whole test suite under Xvfb.
# Arguments are passed to `meson test`: ./build-aux/test.sh --suite core
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/stage-times.sh

stage setup
./build-aux/setup.sh --test

stage build

if [ -f build/build.ninja ]; then
  meson configure build -Dwerror=true
else
  meson setup build -Dwerror=true
fi
meson compile -C build

# What a desktop needs to list and start the app.
stage install
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT
meson install -C build --destdir "$destdir" --quiet
prefix=$(meson introspect build --buildoptions | python3 -c \
  'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"))')
for f in bin/microdrama-atlas libexec/microdrama-atlas-gui \
         share/applications/io.github.microdrama.Atlas.desktop \
         share/metainfo/io.github.microdrama.Atlas.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.github.microdrama.Atlas.svg \
         share/icons/hicolor/symbolic/apps/io.github.microdrama.Atlas-symbolic.svg \
         share/glib-2.0/schemas/io.github.microdrama.Atlas.gschema.xml \
         share/locale/zh_CN/LC_MESSAGES/microdrama-atlas.mo; do
  [ -e "$destdir$prefix/$f" ] || { echo "test: meson install did not install $f" >&2; exit 1; }
done
# The menu starts what the desktop file's Exec names: an installed executable.
exec_path=$(sed -n 's/^Exec=//p' "$destdir$prefix/share/applications/io.github.microdrama.Atlas.desktop")
[ -x "$destdir$exec_path" ] || { echo "test: the desktop file starts $exec_path, which meson install did not install" >&2; exit 1; }
echo "test: meson install installs the binary, desktop file, metainfo, icons, schema and translation"

stage suite
status=0
xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C build --print-errorlogs "$@" || status=$?

# One closing line, for people and for CI.
python3 - build/meson-logs/testlog.json <<'PY'
import json, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
for line in open(sys.argv[1]):
    result = json.loads(line).get("result")
    if result in ("OK", "EXPECTEDFAIL"):
        counts["passed"] += 1
    elif result == "SKIP":
        counts["skipped"] += 1
    else:
        counts["failed"] += 1
print("{passed} passed, {failed} failed, {skipped} skipped".format(**counts))
PY
stage
exit $status
