#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the main commands of shenbao-cli (from build/) under
#   valgrind --leak-check=full --errors-for-leak-kinds=definite
# on a temporary database and the test fixtures, and prints one line per
# command: its exit status, the bytes definitely lost and valgrind's error
# count. Exits 1 when any command lost memory for good or made a memory error.
#   build-aux/valgrind.sh            (logs stay in build/valgrind/)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
# A maintenance tool only: the test suite does not need it.
if ! command -v valgrind >/dev/null; then
  echo "valgrind.sh: installing valgrind" >&2
  as_root apt-get install -y -q --no-install-recommends valgrind >&2
fi
[ -f build/build.ninja ] || meson setup build >&2
meson compile -C build -j 1 >&2

cli="$top/build/src/cli/shenbao-cli"
logs="$top/build/valgrind"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$logs"
mkdir -p "$logs"

# What the build tree's programs need to find their data, translations,
# schema and face detector module: the one list meson devenv keeps. Its
# dump appends to these two, which must be set under set -u.
: "${XDG_DATA_DIRS=}" "${GSETTINGS_SCHEMA_DIR=}"
eval "$(meson devenv -C "$top/build" --dump)"
export SHENBAO_DB="$work/shenbao.db"
export LANG=C.UTF-8
# GLib frees what it can at exit and hands out plain malloc blocks, so that
# valgrind sees every allocation as it is.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
# libjpeg-turbo's SIMD code reads padding it never initialised, by design, and
# valgrind cannot tell that the pixels do not depend on it; the plain C code
# decodes the same pixels and shows our own reads for what they are.
export JSIMD_FORCENONE=1

# A portrait the fixer can work on: a face and shoulders on a white, slightly
# noisy background, 600 × 840. cjpeg comes with libjpeg-turbo-progs.
if ! command -v cjpeg >/dev/null; then
  echo "valgrind.sh: installing libjpeg-turbo-progs" >&2
  as_root apt-get install -y -q --no-install-recommends libjpeg-turbo-progs >&2
fi
python3 - >"$work/portrait.ppm" <<'PYTHON'
import random, sys
random.seed(1)
w, h = 600, 840
out = bytearray(b"P6\n%d %d\n255\n" % (w, h))
for y in range(h):
    for x in range(w):
        n = random.randint(-12, 12)
        if (x - 300) ** 2 / 150 ** 2 + (y - 380) ** 2 / 200 ** 2 < 1:
            out += bytes((205 + n, 160 + n, 130 + n))
        elif y > 640 and abs(x - 300) < 80 + (y - 640):
            out += bytes((50 + n, 60 + n, 110 + n))
        else:
            out += bytes((246 + n // 4,) * 3)
sys.stdout.buffer.write(out)
PYTHON
cjpeg -quality 90 "$work/portrait.ppm" >"$work/portrait.jpg"

# An application with its photo beside it, for export.
mkdir -p "$work/app"
sed 's|</application>|<attachments><file slot="photo" href="photo.jpg"/></attachments></application>|' \
  tests/fixtures/condition1.xml >"$work/app/application.xml"
cp "$work/portrait.jpg" "$work/app/photo.jpg"

failed=0
# run NAME COMMAND-ARGUMENTS…: the CLI under valgrind; its own exit status
# (0, 1 or 2) is reported, not judged.
run() {
  name=$1
  shift
  log="$logs/$name.log"
  status=0
  valgrind --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --error-exitcode=99 --num-callers=30 \
    --suppressions="$top/tests/valgrind.supp" \
    --log-file="$log" "$cli" "$@" >"$logs/$name.out" 2>&1 || status=$?
  # The summaries leave out what tests/valgrind.supp suppressed.
  lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -n 1)
  errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tail -n 1)
  printf '%-14s exit %-3s definitely lost %-8s errors %s\n' "$name" "$status" "${lost:-0}" "$errors"
  if [ "$status" -eq 99 ]; then failed=1; fi
}

run check-id check-id 11010519491231002X
run validate validate tests/fixtures/condition1.xml
run catalog catalog
run catalog-one catalog 互联网营销师
run check-photo check-photo "$work/portrait.jpg"
run fix-photo fix-photo "$work/portrait.jpg" "$work/fixed.jpg"
run check-doc check-document id-front tests/hostile/document-ok.jpg
run render render tests/fixtures/condition1.xml --out "$work/render"
run export export "$work/app/application.xml" --out "$work/export"
run batch batch doc/batch-example.csv --out "$work/batch"
run import import tests/fixtures/condition2.xml
run list list
id=$("$cli" list | awk 'NR == 1 { print $1 }')
run status status "$id"
run status-move status "$id" 审核中
run export-app export-app "$id" "$work/exported.xml"
run export-id export --id "$id" --out "$work/export-id"

if [ "$failed" -ne 0 ]; then
  echo "valgrind.sh: definite leaks or memory errors; see $logs/" >&2
  exit 1
fi
echo "valgrind.sh: no definite leak, no memory error" >&2
