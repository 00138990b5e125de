#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson devenv` runs the build tree's binaries as ./run.sh does, with nothing
# set beforehand: shenbao-cli finds the data and its translation, and the
# application would find its schema, its icons and the system's data.
#
#   check-devenv.sh MESON BUILD_ROOT APPLICATION_ID
set -eu
meson=$1 build_root=$2 app_id=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
devenv() {
  env -u SHENBAO_DATA_DIR -u SHENBAO_LOCALE_DIR -u GSETTINGS_SCHEMA_DIR -u XDG_DATA_DIRS \
    LANG=zh_CN.UTF-8 LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 XDG_DATA_HOME="$work" \
    "$meson" devenv -C "$build_root" -w "$work" "$@"
}

status=0
if output=$(devenv shenbao-cli catalog 互联网营销师 2>&1) &&
   printf '%s\n' "$output" | grep -qF "相关职业"; then
  echo "ok: meson devenv shenbao-cli reads the catalogue and prints Chinese"
else
  printf '%s\n' "$output"
  echo "not ok: meson devenv shenbao-cli catalog"
  status=1
fi
case $(devenv sh -c 'command -v shenbao-cli') in
  "$build_root"/*) echo "ok: shenbao-cli on PATH is the build tree's" ;;
  *) echo "not ok: meson devenv does not put the build tree's shenbao-cli first on PATH"; status=1 ;;
esac

# The schema, the icon theme's folder and the system's data dirs, which an
# unset XDG_DATA_DIRS stands for.
# shellcheck disable=SC2016
if devenv sh -c '
    gsettings list-keys "$1" >/dev/null &&
    first=${XDG_DATA_DIRS%%:*} &&
    test -f "$first/icons/hicolor/scalable/apps/$1.svg" &&
    case ":$XDG_DATA_DIRS:" in *:/usr/share:*) true ;; *) false ;; esac' sh "$app_id"; then
  echo "ok: the schema, the icons and the system data dirs are found"
else
  devenv sh -c 'echo "GSETTINGS_SCHEMA_DIR=$GSETTINGS_SCHEMA_DIR XDG_DATA_DIRS=$XDG_DATA_DIRS"'
  echo "not ok: the devenv misses the schema, the icons or the system data dirs"
  status=1
fi
exit $status
