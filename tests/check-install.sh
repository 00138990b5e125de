#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` puts every file where a GNOME application's files belong,
# and the installed shenbao-cli works from the installed tree alone: the
# catalogue and schemas it loads and its zh_CN translation.
#
#   check-install.sh SOURCE_ROOT BUILD_ROOT APPLICATION_ID PREFIX BINDIR DATADIR LOCALEDIR GUI
#
# BINDIR, DATADIR and LOCALEDIR are meson's options (relative to PREFIX or
# absolute); GUI is "true" when the GTK application is built.
set -eu
source_root=$1 build_root=$2 app_id=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7 gui=$8
libdir=$9

under_prefix() {
  case "$1" in
    /*) echo "$1" ;;
    *) echo "$prefix/$1" ;;
  esac
}
bindir=$(under_prefix "$bindir")
datadir=$(under_prefix "$datadir")
localedir=$(under_prefix "$localedir")
pkglibdir=$(under_prefix "$libdir")/shenbao
pkgdatadir=$datadir/shenbao

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
destdir=$work/root
# --no-rebuild: meson test has built everything already, and a second ninja in
# the same build tree while the tests run would race with it.
meson install -C "$build_root" --no-rebuild --quiet --destdir "$destdir" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; echo "not ok: meson install failed"; exit 1; }

status=0
expect() {
  if [ -f "$destdir$1" ]; then
    echo "ok: $1"
  else
    echo "not ok: $1 is not installed"
    status=1
  fi
}

expect "$bindir/shenbao-cli"
expect "$datadir/applications/$app_id.desktop"
expect "$datadir/metainfo/$app_id.metainfo.xml"
expect "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
expect "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
expect "$datadir/dbus-1/services/$app_id.service"
expect "$localedir/zh_CN/LC_MESSAGES/shenbao.mo"
expect "$pkglibdir/libshenbao-face-detector.so"
if [ "$gui" = true ]; then
  expect "$bindir/shenbao"
fi

# Whatever data/ holds beside the build inputs is read at run time through
# shenbao_data_path(), so it must be installed to share/shenbao: a file added
# to data/ and forgotten in data/meson.build fails here rather than in a user's
# installation.
for file in "$source_root"/data/*; do
  [ -f "$file" ] || continue
  case "$file" in
    */meson.build | *.in | *.gschema.xml | *.gresource.xml) continue ;;
  esac
  expect "$pkgdatadir/$(basename "$file")"
done

# D-Bus activation (DBusActivatable=true) starts the installed binary by the
# absolute path of the service file.
service=$destdir$datadir/dbus-1/services/$app_id.service
if [ -f "$service" ]; then
  for line in "Name=$app_id" "Exec=$bindir/shenbao --gapplication-service"; do
    grep -qxF "$line" "$service" || { echo "not ok: the service file lacks “$line”"; status=1; }
  done
fi
desktop=$destdir$datadir/applications/$app_id.desktop
if [ -f "$desktop" ]; then
  for line in "DBusActivatable=true" "Exec=shenbao" "Icon=$app_id"; do
    grep -qxF "$line" "$desktop" || { echo "not ok: the desktop file lacks “$line”"; status=1; }
  done
  grep -q '^Comment\[zh_CN\]=' "$desktop" || { echo "not ok: the desktop file is not translated"; status=1; }
fi

# The installed command line, pointed at the installed data and translation
# only, prints Chinese under zh_CN.
cli() {
  env SHENBAO_DATA_DIR="$destdir$pkgdatadir" SHENBAO_LOCALE_DIR="$destdir$localedir" \
    SHENBAO_MODULE_DIR="$destdir$pkglibdir" \
    LANG=zh_CN.UTF-8 LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 "$destdir$bindir/shenbao-cli" "$@"
}
expect_output() {
  expected=$1
  shift
  if output=$(cli "$@" 2>&1) && printf '%s\n' "$output" | grep -qF "$expected"; then
    echo "ok: shenbao-cli $* prints “$expected”"
  else
    printf '%s\n' "$output"
    echo "not ok: the installed shenbao-cli $* did not print “$expected”"
    status=1
  fi
}
if [ -x "$destdir$bindir/shenbao-cli" ]; then
  # A catalogue name (the installed data) and a heading (the installed .mo).
  expect_output "经济与贸易专业人员" catalog 互联网营销师
  expect_output "相关职业" catalog 互联网营销师
  expect_output "出生日期: 1949-12-31" check-id 11010519491231002x
  # The installed face detector module opens and finds the test portrait's
  # face, too small in that crop (so the photo fails: exit status 1).
  if cli check-photo "$source_root/tests/fixtures/portrait-collins.jpg" 2>&1 \
       | grep -qF "[photo.face.too-small]"; then
    echo "ok: the installed face detector module checks the face"
  else
    echo "not ok: the installed shenbao-cli did not check the face with the installed module"
    status=1
  fi
fi
exit $status
