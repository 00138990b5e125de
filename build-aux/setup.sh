#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing of build-aux/debian-packages.txt, generates the
# zh_CN.UTF-8 locale the tests and the Chinese interface need, then configures
# and builds into build/. Fast when nothing changed.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

packages=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' build-aux/debian-packages.txt)
missing=""
for package in $packages; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing="$missing $package"
done
if [ -n "$missing" ]; then
  echo "setup: installing$missing" >&2
  # Another apt run (an unattended upgrade, a second checkout's set-up) holds
  # dpkg's lock for a while: wait for it rather than fail.
  as_root apt-get -o DPkg::Lock::Timeout=600 update -q >&2
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
    install -y -q --no-install-recommends $missing >&2
fi

if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  echo "setup: generating the zh_CN.UTF-8 locale" >&2
  if [ -f /etc/locale.gen ] && grep -q '^# *zh_CN.UTF-8' /etc/locale.gen; then
    as_root sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    as_root locale-gen >&2
  else
    as_root localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 >&2
  fi
fi

if [ ! -f build/build.ninja ]; then
  meson setup build >&2
fi
meson compile -C build >&2
