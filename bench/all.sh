#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark of bench/ in one go, one after the other (they would
# disturb each other's timings side by side), and prints each one's figures
# under its name. Each script installs its own yardstick (LibreOffice,
# ImageMagick, libjpeg-turbo-progs, gnome-text-editor) when it is missing.
# Exits non-zero when any of them failed, after running the others.
#   bench/all.sh
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
failed=""

for bench in render photo startup batch store; do
  echo "== bench/$bench.sh ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  if ! "$top/bench/$bench.sh"; then
    failed="$failed $bench"
  fi
  echo
done

if [ -n "$failed" ]; then
  echo "bench/all.sh: failed:$failed" >&2
  exit 1
fi
