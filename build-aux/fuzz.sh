#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets of tests/fuzz/ with clang, ASan and UBSan in
# build-fuzz/, then runs each in turn for SECONDS (default 600), one job at a
# time. A target's findings go to build-fuzz/findings/<target>/ and its
# grown corpus to build-fuzz/corpus/<target>/ (the seeds in
# tests/fuzz/corpus/ are read, never written). Exits non-zero when any target
# found a crash, a leak or undefined behaviour.
#   build-aux/fuzz.sh [SECONDS] [TARGET…]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-application-file catalogue csv id-number photo csv-batch attachment}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
# Fuzzing tools only: the test suite needs none of them.
if ! command -v clang >/dev/null; then
  echo "fuzz: installing clang" >&2
  as_root apt-get install -y -q --no-install-recommends clang >&2
fi

if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false -Dgui=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false >&2
fi
meson compile -C build-fuzz -j 1 >&2

# UBSan reports abort, so that the fuzzer keeps the input; library leaks are
# suppressed as in the sanitized test suite.
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="detect_leaks=1"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"

failed=""
for target in $targets; do
  corpus="build-fuzz/corpus/$target"
  findings="build-fuzz/findings/$target"
  log="build-fuzz/fuzz-$target.log"
  mkdir -p "$corpus" "$findings"
  # The fixtures of the test suite are seeds too, read in place; an XML
  # target has the words of its schema as a dictionary.
  extra=""
  case $target in
    application-file) extra="tests/fixtures" ;;
  esac
  if [ -f "tests/fuzz/$target.dict" ]; then
    extra="-dict=tests/fuzz/$target.dict $extra"
  fi
  echo "fuzz: $target for $seconds s" >&2
  # One worker process (-fork=1) that goes on after a crash, a leak or a
  # time-out, so that a run lasts its whole time and reports every finding.
  # shellcheck disable=SC2086
  "build-fuzz/tests/fuzz/fuzz-$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
    -ignore_ooms=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" "$corpus" "tests/fuzz/corpus/$target" $extra 2>"$log" || true
  # The last status line: executions, coverage, out-of-memory/time-out/crash counts.
  echo "fuzz: $target: $(grep -E '^#[0-9]+:' "$log" | tail -n 1)" >&2
  if [ -n "$(ls -A "$findings")" ]; then
    ls "$findings" >&2
    failed="$failed $target"
  fi
done

if [ -n "$failed" ]; then
  echo "fuzz: findings in$failed (build-fuzz/findings/): fix each, then add it to tests/fuzz/regressions/<target>/" >&2
  exit 1
fi
