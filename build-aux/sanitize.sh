#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the whole test suite under AddressSanitizer, UndefinedBehaviorSanitizer
# and LeakSanitizer, in build-asan/ beside the normal build/:
#   build-aux/sanitize.sh [meson test arguments…]
# Library leaks we cannot fix are listed, each with its reason, in
# tests/lsan.supp; a report about our own code fails the run.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

if [ ! -f build-asan/build.ninja ]; then
  meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false >&2
fi
meson compile -C build-asan -j 1 >&2

# The hostile-input test skips its address-space limit under ASan, whose
# shadow memory alone reserves terabytes of address space.
export SHENBAO_UNDER_ASAN=1
# Slow unwinding on every allocation: GLib and GTK are built without frame
# pointers, and a leak whose stack stops at g_malloc matches no suppression.
export ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0:abort_on_error=0:halt_on_error=1:exitcode=99"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=98"
export SHENBAO_REQUIRE_DISPLAY=1
# Everything runs about eight times slower under ASan with slow unwinding: the
# wizard's GUI test takes 19 s plain and over two minutes here.
exec xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- \
  meson test -C build-asan --print-errorlogs --timeout-multiplier 10 "$@"
