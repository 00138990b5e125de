#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The store benchmark (bench/README.md): fills a database with N applications
# of KB kilobytes of attachments each, times the store's operations, then the
# CLI's list and export-app as whole processes.
#   bench/store.sh [N [KB]]        defaults: 1000 applications, 1200 KB
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
kb=${2:-1200}
meson compile -C "$top/build" >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/shenbao.db"

"$top/build/bench/bench-store" "$n" "$kb" "$db"

time_ms() {
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
# What the build tree's programs need to find their data, translations,
# schema and face detector module: the one list meson devenv keeps. Its
# dump appends to these two, which must be set under set -u.
: "${XDG_DATA_DIRS=}" "${GSETTINGS_SCHEMA_DIR=}"
eval "$(meson devenv -C "$top/build" --dump)"
cli="$top/build/src/cli/shenbao-cli"
echo "shenbao-cli list (whole process)          $(time_ms "$cli" list --db "$db") ms"
echo "shenbao-cli export-app (whole process)    $(time_ms "$cli" export-app --db "$db" $(( n / 2 )) "$dir/app.xml") ms"
