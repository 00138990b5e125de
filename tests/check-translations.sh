#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every language of po/LINGUAS is complete, po/POTFILES lists every file that
# has translatable strings, and every message marked in the sources is in each
# translation, so a gap fails the suite rather than reaching a user.
#
#   check-translations.sh SOURCE_ROOT
set -eu
cd "$1"
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "not ok: $*"
  status=1
}

# Not "untranslated" or "fuzzy" in msgfmt's statistics, and no format string
# that differs from its msgid (--check).
check_complete() {
  po=$1 what=$2
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$stats"
    fail "msgfmt --check rejects $what"
    return 1
  fi
  echo "$what: $stats"
  case "$stats" in
    *untranslated* | *fuzzy*)
      fail "$what has untranslated or fuzzy messages:"
      LC_ALL=C msgattrib --only-fuzzy --no-obsolete "$po" | head -60
      LC_ALL=C msgattrib --untranslated --no-obsolete "$po" | head -60
      return 1 ;;
  esac
}

languages=$(sed -e 's/#.*//' po/LINGUAS)
for lang in $languages; do
  if [ -f "po/$lang.po" ]; then
    check_complete "po/$lang.po" "po/$lang.po" || true
  else
    fail "po/LINGUAS names $lang but po/$lang.po does not exist"
  fi
done

# Files that mark strings for translation, at any depth of src/, ui/ and data/:
# the gettext macros and functions in C (_, N_, C_, NC_, Q_, the g_d*gettext and
# plain *gettext families) and the translatable parts of GtkBuilder, desktop,
# AppStream and GSettings files.
c_marks='(^|[^A-Za-z0-9_])(N?C?_|Q_|g_d[cnp]?gettext2?|d?c?n?gettext)[[:space:]]*\('
{
  grep -rlE "$c_marks" src ui data --include='*.c' --include='*.h' || true
  grep -rlE 'translatable="yes"' src ui data --include='*.ui' || true
  grep -rlE '^(Name|GenericName|Comment|Keywords)=' src ui data --include='*.desktop.in' || true
  grep -rlE 'gettext-domain=' src ui data --include='*.gschema.xml' || true
  find src ui data -name '*.metainfo.xml.in'
} | sort -u >"$tmp/marked"
while IFS= read -r file; do
  grep -qxF "$file" po/POTFILES || fail "$file has translatable strings but is not in po/POTFILES"
done <"$tmp/marked"

# po/meson.build extracts with meson's "glib" preset, which knows _, N_, C_,
# NC_, g_dcgettext, g_dngettext and g_dpgettext2 only: a string literal given to
# any other gettext function would never reach a translator.
unextracted='(^|[^A-Za-z0-9_])(Q_|g_dgettext|g_dpgettext|d?c?n?gettext)[[:space:]]*\([^)]*"'
grep -rnE "$unextracted" src --include='*.c' --include='*.h' >"$tmp/unextracted" || true
if [ -s "$tmp/unextracted" ]; then
  cat "$tmp/unextracted"
  fail "string literals in gettext calls that the glib preset does not extract (use _, C_, N_ or g_dngettext)"
fi

# Every message of the sources is in each translation: extract them as
# po/meson.build's "glib" preset does and merge them into a copy of the .po.
xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  -f po/POTFILES -o "$tmp/shenbao.pot" 2>"$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log"; fail "xgettext cannot read po/POTFILES"; exit 1; }
for lang in $languages; do
  [ -f "po/$lang.po" ] || continue
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/shenbao.pot"
  check_complete "$tmp/$lang.po" "po/$lang.po merged with the sources" || true
done
exit $status
