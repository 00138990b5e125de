#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The merged AppStream metainfo passes the strict validator and holds what GNOME
# Software shows. Debian 12's AppStream 0.16 does not know <developer> yet (it
# reports it as an unknown tag, hence the override) and skips some checks, so
# XPath asserts the elements themselves too.
#
#   check-metainfo.sh METAINFO SOURCE_ROOT APPLICATION_ID VERSION
set -eu
metainfo=$1 source_root=$2 app_id=$3 version=$4
status=0

appstreamcli validate --no-net --strict --override=unknown-tag=pedantic --explain "$metainfo" \
  || status=1

check() {
  description=$1 xpath=$2
  if [ "$(xmllint --xpath "boolean($xpath)" "$metainfo")" = true ]; then
    echo "ok: $description"
  else
    echo "not ok: $description ($xpath)"
    status=1
  fi
}

check "launchable" "/component/launchable[@type='desktop-id' and text()='$app_id.desktop']"
check "developer" "/component/developer[@id]/name[normalize-space()]"
check "content rating" "/component/content_rating[@type='oars-1.1']"
check "a release for version $version, with a date" \
  "/component/releases/release[1][@version='$version' and @date]"
check "a default screenshot with a caption" \
  "/component/screenshots/screenshot[@type='default']/caption[not(@xml:lang)]"
check "categories" "/component/categories/category"
check "summary in zh_CN" "/component/summary[@xml:lang='zh_CN']"
check "description in zh_CN" "/component/description/p[@xml:lang='zh_CN']"
check "screenshot caption in zh_CN" "/component/screenshots/screenshot/caption[@xml:lang='zh_CN']"
check "keywords in English" "/component/keywords/keyword[not(@xml:lang)]"
check "keywords in zh_CN" "/component/keywords/keyword[@xml:lang='zh_CN']"

# Every screenshot is a file of data/screenshots/, published at the URL.
for url in $(xmllint --xpath "/component/screenshots/screenshot/image/text()" "$metainfo"); do
  file=$source_root/data/screenshots/${url##*/}
  case "$url" in
    https://*/data/screenshots/*.png) ;;
    *) echo "not ok: screenshot $url is not an https URL of data/screenshots/"; status=1; continue ;;
  esac
  if [ -f "$file" ]; then
    echo "ok: screenshot $file"
  else
    echo "not ok: screenshot $url has no file $file"
    status=1
  fi
done
exit $status
