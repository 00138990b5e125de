#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The zh_CN translation is complete and POTFILES lists every file that has
# translatable strings, so a gap fails the suite rather than reaching a user.
set -eu
top=$1
cd "$top"
status=0

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
echo "zh_CN: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "not ok: po/zh_CN.po has untranslated or fuzzy messages"; status=1 ;;
esac

for file in $(grep -rlE '(^|[^a-zA-Z_])N?_\(|translatable="yes"|^(Name|Comment|GenericName|Keywords)=' \
                src ui data --include='*.c' --include='*.ui' --include='*.desktop.in' --include='*.metainfo.xml.in' --include='*.gschema.xml' 2>/dev/null | sort); do
  if ! grep -qxF "$file" po/POTFILES; then
    echo "not ok: $file has translatable strings but is not in po/POTFILES"
    status=1
  fi
done

# Every message of the sources is in the translation.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments=Translators \
  -f po/POTFILES -o "$tmp/shenbao.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" po/zh_CN.po "$tmp/shenbao.pot"
merged=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1)
case "$merged" in
  *untranslated*|*fuzzy*)
    echo "not ok: messages in the sources are missing from po/zh_CN.po: $merged"
    LC_ALL=C msgattrib --untranslated --no-wrap "$tmp/merged.po" | grep '^msgid' | head -40
    status=1 ;;
esac
exit $status
