#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Side by side: `shenbao-cli fix-photo` on a 12-megapixel phone JPEG (EXIF
# orientation 6, as a phone held upright stores it) against ImageMagick
# doing the same turn, crop, scale and encode, and against
# `djpeg -scale 1/8 | cjpeg`, the floor of decoding and encoding alone.
# Medians over repeated runs, each a new process, in milliseconds of wall
# and of CPU time. Run it niced on a shared machine: nice -n 19 bench/photo.sh
#   bench/photo.sh [RUNS]        (default 15)
# Needs a build in build/ (./run.sh cli --version makes one); installs
# libjpeg-turbo-progs for djpeg and cjpeg when they are missing.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
cli="$top/build/src/cli/shenbao-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The real ImageMagick, not a wrapper that may shadow it in /usr/local.
magick=""
for candidate in /usr/bin/convert-im6.q16 /usr/bin/magick /usr/bin/convert; do
  if [ -x "$candidate" ]; then magick=$candidate; break; fi
done
[ -n "$magick" ] || { echo "bench: ImageMagick is not installed" >&2; exit 2; }
if ! command -v djpeg >/dev/null || ! command -v cjpeg >/dev/null; then
  echo "bench: installing libjpeg-turbo-progs" >&2
  apt-get install -y -q --no-install-recommends libjpeg-turbo-progs >&2
fi
[ -x "$cli" ] || { echo "bench: build shenbao first (meson compile -C build)" >&2; exit 2; }
# What the build tree's programs need to find their data, translations,
# schema and face detector module: the one list meson devenv keeps. Its
# dump appends to these two, which must be set under set -u.
: "${XDG_DATA_DIRS=}" "${GSETTINGS_SCHEMA_DIR=}"
eval "$(meson devenv -C "$top/build" --dump)"

# A phone-like photo: 3000 × 4000 upright, a real face (the test portrait,
# tests/fixtures/README.md, enlarged eightfold) off to the left, its face a
# fifth of the height as when a friend takes the picture from a metre, with
# texture and sensor noise so that it weighs what a phone's does (4–5 MB),
# stored as 4000 × 3000 with EXIF orientation 6 (turn clockwise to show).
"$magick" -size 750x1000 plasma:white-tan -resize 3000x4000\! \
  \( "$top/tests/fixtures/portrait-collins.jpg" -resize 800% \) -geometry +200+600 -composite \
  -attenuate 0.25 +noise Gaussian -rotate -90 -quality 92 "$work/raw.jpg"
# APP1 Exif: big-endian TIFF, IFD0 with one entry, Orientation = 6.
{
  head -c 2 "$work/raw.jpg"
  printf '\xff\xe1\x00\x22Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x01'
  printf '\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00'
  tail -c +3 "$work/raw.jpg"
} >"$work/phone.jpg"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The peak memory of one run (the largest process of a pipe), in
# megabytes, when GNU time is there.
peak_mb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$work/peak" bash -c "$1" >/dev/null 2>&1
    awk '{ printf "%.0f", $1 / 1024 }' "$work/peak"
  else
    echo "?"
  fi
}

# Runs the shell function RUNS times after one warm-up, each in a new
# process; prints the medians of the wall time and of the CPU time (user and
# system, of every process of the run) in ms. On a shared machine the CPU
# time is the steadier figure.
time_ms() {
  python3 - "$1" "$runs" <<'PY'
import resource, statistics, subprocess, sys, time
name, runs = sys.argv[1], int(sys.argv[2])
def once():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["bash", "-c", name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
once()
walls, cpus = zip(*(once() for _ in range(runs)))
print("%.1f %.1f" % (statistics.median(walls) * 1000, statistics.median(cpus) * 1000))
PY
}

shenbao() { "$cli" fix-photo --force "$work/phone.jpg" "$work/shenbao.jpg"; }
# The same work but finding the face: orientation, the 5:7 crop around the
# face that shenbao chooses (1347 × 1886 at 471, 577 of the upright
# 3000 × 4000, given here), 295 × 413, no metadata, 300 dpi, one encode at
# quality 95 (shenbao searches the quality: about seven encodes).
imagemagick() {
  "$magick" "$work/phone.jpg" -auto-orient -crop 1347x1886+471+577 +repage -resize 295x413\! \
    -strip -units PixelsPerInch -density 300 -quality 95 "$work/imagemagick.jpg"
}
# ImageMagick told the size it needs, so that libjpeg scales the DCT too.
imagemagick_hinted() {
  "$magick" -define jpeg:size=1000x750 "$work/phone.jpg" -auto-orient -crop 1347x1886+471+577 \
    +repage -resize 295x413\! -strip -units PixelsPerInch -density 300 -quality 95 \
    "$work/imagemagick-hinted.jpg"
}
# Decoding at 1/8 and encoding, nothing else: no turn, no crop, no exact size.
djpeg_cjpeg() { djpeg -scale 1/8 "$work/phone.jpg" | cjpeg -quality 95 >"$work/djpeg.jpg"; }

export cli work magick
export -f shenbao imagemagick imagemagick_hinted djpeg_cjpeg

echo "input: $(stat -c %s "$work/phone.jpg") bytes, 4000 × 3000, EXIF orientation 6; $runs runs"
read -r shenbao_ms shenbao_cpu <<<"$(time_ms shenbao)"
# The fixed photo passes, and with its face found: a missed face would make
# the run cheaper than the work it stands for.
check=$("$cli" check-photo "$work/shenbao.jpg") || { echo "bench: the fixed photo fails its check" >&2; exit 1; }
case "$check" in
  *photo.face.*) echo "bench: the face was not found: $check" >&2; exit 1 ;;
esac

printf '%-40s %9s %8s %10s %7s\n' "command" "median ms" "CPU ms" "CPU vs sb" "peak MB"
row() {
  local ms cpu

  if [ -n "${3:-}" ]; then ms=$3 cpu=$4; else read -r ms cpu <<<"$(time_ms "$2")"; fi
  printf '%-40s %9s %8s %10s %7s\n' "$1" "$ms" "$cpu" \
    "$(awk -v a="$cpu" -v b="$shenbao_cpu" 'BEGIN { printf "%.2f×", a / b }')" "$(peak_mb "$2")"
}
row "shenbao-cli fix-photo" shenbao "$shenbao_ms" "$shenbao_cpu"
row "ImageMagick convert" imagemagick
row "ImageMagick convert -define jpeg:size" imagemagick_hinted
row "djpeg -scale 1/8 | cjpeg" djpeg_cjpeg
