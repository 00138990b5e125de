#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up what is missing, builds, and starts Shenbao from the build tree.
#   ./run.sh              the application
#   ./run.sh cli ARGS…    shenbao-cli
set -eu
top=$(cd "$(dirname "$0")" && pwd)
"$top/build-aux/setup.sh"

export SHENBAO_DATA_DIR="$top/data"
export SHENBAO_LOCALE_DIR="$top/build/po"
export GSETTINGS_SCHEMA_DIR="$top/build/data"
# The icon theme finds the application icons under data/icons as it finds the
# installed ones under share/icons.
export XDG_DATA_DIRS="$top/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

if [ "${1:-}" = "cli" ]; then
  shift
  exec "$top/build/src/cli/shenbao-cli" "$@"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display to open a window on; use the command line instead: ./run.sh cli --help" >&2
  exit 2
fi
exec "$top/build/src/app/shenbao" "$@"
