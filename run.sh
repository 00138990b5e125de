#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up what is missing, builds, and starts Shenbao from the build tree.
#   ./run.sh              the application
#   ./run.sh cli ARGS…    shenbao-cli
set -eu
top=$(cd "$(dirname "$0")" && pwd)
"$top/build-aux/setup.sh"

# meson devenv gives the build tree's binaries their data, translations,
# schemas and icons (the devenv of meson.build). Meson 1.0 would run them in
# build/; -w keeps the caller's folder, where its relative paths point.
devenv() {
  exec meson devenv -C "$top/build" -w "$PWD" "$@"
}

if [ "${1:-}" = "cli" ]; then
  shift
  devenv shenbao-cli "$@"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display to open a window on; use the command line instead: ./run.sh cli --help" >&2
  exit 2
fi
devenv shenbao "$@"
