#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the screenshots the AppStream metainfo shows (data/screenshots/) of the
# window as ./run.sh opens it, in Chinese: a virtual X server, ImageMagick's
# `import` of the whole screen, then a crop to the window (the screen around
# it is black). Needs xvfb, dbus and imagemagick, which are not in
# debian-packages.txt because no test uses them.
#
#   build-aux/screenshots.sh [SECONDS-TO-WAIT]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
wait_seconds=${1:-5}
out=$top/data/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$top/build-aux/setup.sh"
mkdir -p "$out"
# The metainfo's <screenshot> images name these files.
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- sh -c '
  "$1/run.sh" >"$2/run.log" 2>&1 &
  app=$!
  sleep "$3"
  import -window root "$2/screen.png"
  kill "$app"
' sh "$top" "$work" "$wait_seconds"
convert "$work/screen.png" -trim +repage -strip "$out/application-list.png"
echo "screenshots: $out/application-list.png"
