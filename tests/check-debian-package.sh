#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# debian/ builds the Debian package from a copy of the source tree as a clean
# clone has it; the package holds exactly the files that belong in it, depends
# on the fonts the PDFs embed, passes lintian, and its shenbao-cli renders a
# print package from the packaged data.
#
#   check-debian-package.sh SOURCE_ROOT APPLICATION_ID VERSION
#
# The build skips the package's own run of the suite (the nocheck profile):
# ./test.sh runs it already, and it would run this test again.
set -eu
source_root=$1 app_id=$2 version=$3
SKIP=77

for tool in dpkg-buildpackage dpkg-deb lintian git; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is not installed"
    exit $SKIP
  fi
done
# The copy is what git would check out, with the edits not yet committed and
# without the build trees, as a fresh clone.
if ! git -C "$source_root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "$source_root is not a git work tree"
  exit $SKIP
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
# git lists a file deleted but not yet committed too: only those that exist.
# shellcheck disable=SC2016
(cd "$source_root" &&
  git ls-files -z --cached --others --exclude-standard |
  xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
  tar --null -T - -cf -) | tar -x -C "$work/src"

status=0
fail() {
  echo "not ok: $*"
  status=1
}

package_version=$(cd "$work/src" && dpkg-parsechangelog -S Version)
[ "$package_version" = "$version" ] ||
  fail "debian/changelog is at $package_version, meson.build at $version"

if ! (cd "$work/src" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
      dpkg-buildpackage -us -uc -b -Pnocheck) >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"
  echo "not ok: dpkg-buildpackage failed"
  exit 1
fi
echo "ok: dpkg-buildpackage -us -uc -b"
deb=$(ls "$work"/shenbao_*.deb)

# Every file of the package, against the list of what belongs there: a file
# installed by mistake fails as surely as one missing. The data files follow
# data/ as check-install.sh has them, so a new one needs no change here.
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -e 's|^\./|/|' -e '/\/$/d' | sort >"$work/contents"
{
  cat <<EOF
/usr/bin/shenbao
/usr/bin/shenbao-cli
/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/shenbao/libshenbao-face-detector.so
/usr/share/applications/$app_id.desktop
/usr/share/dbus-1/services/$app_id.service
/usr/share/doc/shenbao/changelog.gz
/usr/share/doc/shenbao/copyright
/usr/share/glib-2.0/schemas/$app_id.gschema.xml
/usr/share/icons/hicolor/scalable/apps/$app_id.svg
/usr/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
/usr/share/locale/zh_CN/LC_MESSAGES/shenbao.mo
/usr/share/man/man1/shenbao-cli.1.gz
/usr/share/man/man1/shenbao.1.gz
/usr/share/metainfo/$app_id.metainfo.xml
EOF
  for file in "$source_root"/data/*; do
    [ -f "$file" ] || continue
    case "$file" in
      */meson.build | *.in | *.gschema.xml | *.gresource.xml) continue ;;
    esac
    echo "/usr/share/shenbao/$(basename "$file")"
  done
} | sort >"$work/expected"
# A file of a data/ subfolder installed under share/shenbao is as welcome.
comm -13 "$work/expected" "$work/contents" | while read -r file; do
  case "$file" in
    /usr/share/shenbao/*) [ -f "$source_root/data/${file#/usr/share/shenbao/}" ] && continue ;;
  esac
  echo "$file"
done >"$work/unexpected"
comm -23 "$work/expected" "$work/contents" >"$work/missing"
if [ ! -s "$work/missing" ] && [ ! -s "$work/unexpected" ]; then
  echo "ok: the package holds the $(wc -l <"$work/contents") files it should"
else
  sed 's/^/not ok: missing from the package: /' "$work/missing"
  sed 's/^/not ok: not meant to be in the package: /' "$work/unexpected"
  status=1
fi

# The fonts are found through fontconfig at run time, so no library dependency
# brings them in; the shared libraries come from dh_shlibdeps.
depends=$(dpkg-deb -f "$deb" Depends)
for needed in fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-arphic-ukai fonts-arphic-uming \
              fonts-babelstone-han libhpdf-2.3.0 libgtk-4-1 libadwaita-1-0; do
  case ", $depends," in
    *", $needed "* | *", $needed,"*) echo "ok: depends on $needed" ;;
    *) fail "the package does not depend on $needed (Depends: $depends)" ;;
  esac
done

if lintian --fail-on error,warning \
     "$work"/shenbao_*.changes >"$work/lintian.log" 2>&1; then
  echo "ok: lintian reports no error and no warning"
else
  cat "$work/lintian.log"
  fail "lintian"
fi

# The packaged command line with the packaged data: a catalogue entry, and a
# print package whose text comes back.
root=$work/root
dpkg-deb -x "$deb" "$root"
packaged_cli() {
  env SHENBAO_DATA_DIR="$root/usr/share/shenbao" SHENBAO_LOCALE_DIR="$root/usr/share/locale" \
    SHENBAO_MODULE_DIR="$root/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/shenbao" \
    LANG=zh_CN.UTF-8 LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 XDG_DATA_HOME="$work/xdg-data" \
    "$root/usr/bin/shenbao-cli" "$@"
}
if packaged_cli catalog 互联网营销师 2>&1 | grep -qF "相关职业"; then
  echo "ok: the packaged shenbao-cli reads the packaged catalogue and translation"
else
  fail "the packaged shenbao-cli catalog does not print the related occupations in Chinese"
fi
if packaged_cli render "$source_root/tests/fixtures/condition1.xml" --out "$work/out" >"$work/render.log" 2>&1 &&
   pdftotext "$work/out/print-package.pdf" - 2>/dev/null | grep -qF "张三"; then
  echo "ok: the packaged shenbao-cli renders a print package"
else
  cat "$work/render.log"
  fail "the packaged shenbao-cli render wrote no readable print package"
fi
exit $status
