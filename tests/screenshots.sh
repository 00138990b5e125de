#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The window on every step, light and dark, at 1280×900 and 800×600, in
# Chinese, as PNG files in OUT_DIR (default: screenshots/ of the build tree).
#   tests/screenshots.sh [OUT_DIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/build/screenshots}
meson compile -C "$top/build" tests/ui-screenshots >&2
mkdir -p "$out"
# What the build tree's programs need to find their data, translations,
# schema and face detector module: the one list meson devenv keeps. Its
# dump appends to these two, which must be set under set -u.
: "${XDG_DATA_DIRS=}" "${GSETTINGS_SCHEMA_DIR=}"
eval "$(meson devenv -C "$top/build" --dump)"
export GSETTINGS_BACKEND=memory
export LANG=zh_CN.UTF-8 LANGUAGE=zh_CN GSK_RENDERER=cairo GDK_BACKEND=x11
exec xvfb-run -a -s "-screen 0 1400x1000x24" dbus-run-session -- \
  "$top/build/tests/ui-screenshots" "$out"
