#!/usr/bin/env bash
# Every string the interface shows is translated: a fresh xgettext of
# po/POTFILES.in, merged into each po/LANG.po, leaves nothing untranslated
# and nothing fuzzy. (The .po files in the tree may lag the code; this is
# what a translator would be given today.)
#   check-po.sh SOURCE_ROOT
set -euo pipefail
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v xgettext >/dev/null && command -v msgmerge >/dev/null ||
  { echo "check-po: xgettext and msgmerge are needed (apt install gettext)"; exit 77; }

cd "$root"
xgettext --from-code=UTF-8 --add-comments --package-name=microdrama-atlas \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=<(grep -v '^#' po/POTFILES.in | grep -v '^$') -o "$tmp/fresh.pot"
status=0
for po in po/*.po; do
  msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/fresh.pot" -o "$tmp/merged.po"
  stats=$(msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  echo "$po: $stats"
  if echo "$stats" | grep -Eq 'untranslated|fuzzy'; then
    msgattrib --only-fuzzy "$tmp/merged.po" | grep '^msgid' | grep -v '^msgid ""$' | head -20
    msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' | grep -v '^msgid ""$' | head -20
    status=1
  fi
done
exit $status
