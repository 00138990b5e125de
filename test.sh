#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up what is missing, builds, and runs every test: the GUI tests in a
# virtual X server with a private session bus. Exits non-zero on any failure.
set -eu
top=$(cd "$(dirname "$0")" && pwd)
"$top/build-aux/setup.sh"
cd "$top"

# A missing display is a failure here, never a silent skip.
export SHENBAO_REQUIRE_DISPLAY=1
exec xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- \
  meson test -C build --print-errorlogs "$@"
